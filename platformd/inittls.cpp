// platformd init-tls: a local CA, a server certificate and client certificates (OpenSSL 3 EVP).
#include <iostream>
#include <string>
#include <vector>

int runInitTls(const std::vector<std::string> &)
{
    std::cerr << "platformd: init-tls is not implemented yet\n";
    return 1;
}
