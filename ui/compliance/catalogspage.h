#pragma once

#include <QByteArray>
#include <QWidget>

#include <functional>

class QLabel;
class QTableView;
class QToolButton;

namespace ops {

class CatalogTableModel;

// The Catalogs tab: the OSCAL catalogs and resolved profiles platformd stores, with their counts,
// and Import OSCAL… (the panel gates and sends it; the result or the server's error shows in the
// status line above the table).
class CatalogsPage : public QWidget
{
    Q_OBJECT
public:
    explicit CatalogsPage(CatalogTableModel *catalogs, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QToolButton *importButton() const { return m_import; }
    QLabel *statusLabel() const { return m_status; }
    void showStatus(const QString &text, bool error);

private:
    void updateEmptyState();

    CatalogTableModel *m_catalogs;
    QTableView *m_table;
    QToolButton *m_import;
    QLabel *m_status;
    QLabel *m_empty;
};

// An OSCAL document read for import: its bytes or why it could not be (unreadable, a folder,
// larger than platformd's 4 MiB limit).
struct OscalFile
{
    QByteArray document;
    QString fileName;
    QString error;
};

constexpr qint64 kMaxOscalBytes = 4 * 1024 * 1024; // ImportOscal's limit

OscalFile readOscalFile(const QString &path);
// The same on a pool thread (a catalog may be megabytes); `done` runs on the GUI thread unless
// `context` is gone by then.
void readOscalFileAsync(const QString &path, QObject *context,
                        std::function<void(const OscalFile &)> done);

} // namespace ops
