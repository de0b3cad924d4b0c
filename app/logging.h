#pragma once

#include <QString>

namespace ops::logging {

// Routes Qt messages to stderr and to <logDir>/opsconsole.log. The file is rotated
// (opsconsole.log.1 … .3) when it grows past 1 MiB. Never log tokens or keys: the handler does not
// filter.
void install(const QString &logDir);
QString logFilePath(); // empty until install()

} // namespace ops::logging
