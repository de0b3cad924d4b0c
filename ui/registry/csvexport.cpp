#include "csvexport.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSaveFile>

namespace ops::csv {

QString quote(const QString &field)
{
    const bool needs = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                       field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'));
    if (!needs)
        return field;
    QString out = field;
    out.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

bool write(const QAbstractItemModel &model, QIODevice *device, QString *error, int role)
{
    const int columns = model.columnCount();
    QString line;
    auto flush = [&]() {
        line += QLatin1String("\r\n");
        const QByteArray bytes = line.toUtf8();
        line.clear();
        if (device->write(bytes) != bytes.size()) {
            if (error)
                *error = device->errorString();
            return false;
        }
        return true;
    };
    for (int c = 0; c < columns; ++c) {
        if (c > 0)
            line += QLatin1Char(',');
        line += quote(model.headerData(c, Qt::Horizontal).toString());
    }
    if (!flush())
        return false;
    const int rows = model.rowCount();
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                line += QLatin1Char(',');
            line += quote(model.index(r, c).data(role).toString());
        }
        if (!flush())
            return false;
    }
    return true;
}

bool save(const QAbstractItemModel &model, const QString &path, QString *error, int role)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("ops::csv", "Cannot write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    QString why;
    if (!write(model, &file, &why, role) || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ops::csv", "Cannot write %1: %2")
                         .arg(path, why.isEmpty() ? file.errorString() : why);
        return false;
    }
    return true;
}

} // namespace ops::csv
