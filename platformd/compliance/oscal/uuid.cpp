#include "compliance/oscal/private/uuid.h"

#include <cstdint>
#include <mutex>
#include <random>

namespace platformd::compliance::oscal::detail {

std::string uuidV4()
{
    static std::mutex mutex;
    static std::mt19937_64 engine{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    {
        std::lock_guard lock(mutex);
        hi = engine();
        lo = engine();
    }
    hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL; // version 4
    lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL; // variant 10
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            out += '-';
        const std::uint64_t word = i < 16 ? hi : lo;
        const int shift = (15 - (i % 16)) * 4;
        out += digits[(word >> shift) & 0xf];
    }
    return out;
}

} // namespace platformd::compliance::oscal::detail
