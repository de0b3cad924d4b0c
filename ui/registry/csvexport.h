#pragma once

#include <QString>
#include <Qt>

class QAbstractItemModel;
class QIODevice;

namespace ops::csv {

// One field quoted as RFC 4180 asks: in double quotes when it holds a comma, a quote, CR or LF
// (quotes doubled), as is otherwise.
QString quote(const QString &field);

// Writes the model's rows as CSV: a header line from headerData, then every row's `role`
// (DisplayRole unless a model keeps exact text elsewhere), lines ended by CRLF. Returns false with
// `error` set when the device fails.
bool write(const QAbstractItemModel &model, QIODevice *device, QString *error,
           int role = Qt::DisplayRole);

// Writes atomically (QSaveFile): the file is replaced only when everything was written.
bool save(const QAbstractItemModel &model, const QString &path, QString *error,
          int role = Qt::DisplayRole);

} // namespace ops::csv
