#pragma once

#include <QString>

class QAbstractItemModel;
class QIODevice;

namespace ops::csv {

// One field quoted as RFC 4180 asks: in double quotes when it holds a comma, a quote, CR or LF
// (quotes doubled), as is otherwise.
QString quote(const QString &field);

// Writes the model's rows as CSV: a header line from headerData, then every row's DisplayRole,
// lines ended by CRLF. Returns false with `error` set when the device fails.
bool write(const QAbstractItemModel &model, QIODevice *device, QString *error);

// Writes atomically (QSaveFile): the file is replaced only when everything was written.
bool save(const QAbstractItemModel &model, const QString &path, QString *error);

} // namespace ops::csv
