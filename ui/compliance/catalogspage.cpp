#include "catalogspage.h"

#include "compliancewidgets.h"

#include "models/compliancerecordmodels.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ops {

CatalogsPage::CatalogsPage(CatalogTableModel *catalogs, QWidget *parent)
    : QWidget(parent)
    , m_catalogs(catalogs)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    auto *intro = new QLabel(tr("NIST OSCAL catalogs and profiles (JSON). A profile is resolved "
                                "against the stored catalogs when it is imported."),
                             this);
    intro->setWordWrap(true);
    m_import = compliancewidgets::makeButton(tr("Import OSCAL…"),
                                             QStringLiteral("importOscalButton"), this);
    bar->addWidget(intro, 1);
    bar->addWidget(m_import);
    layout->addLayout(bar);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("oscalImportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);
    m_table = compliancewidgets::makeTable(catalogs, QStringLiteral("catalogTable"), this);
    m_table->sortByColumn(CatalogTableModel::ImportedColumn, Qt::DescendingOrder);
    // NIST's titles are long: cap the title column so the counts, source and import stay in view.
    connect(catalogs, &QAbstractItemModel::modelReset, m_table, [this] {
        m_table->setColumnWidth(
            CatalogTableModel::TitleColumn,
            std::min(m_table->columnWidth(CatalogTableModel::TitleColumn), 380));
    });
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(tr("No OSCAL catalog is stored yet."), this);
    m_empty->setObjectName(QStringLiteral("catalogsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    layout->addWidget(m_empty, 1);
    connect(catalogs, &QAbstractItemModel::modelReset, this, &CatalogsPage::updateEmptyState);
    updateEmptyState();
}

void CatalogsPage::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_status->setVisible(!text.isEmpty());
}

void CatalogsPage::updateEmptyState()
{
    const bool empty = m_catalogs->rowCount() == 0;
    m_table->setVisible(!empty);
    m_empty->setVisible(empty);
}

OscalFile readOscalFile(const QString &path)
{
    OscalFile result;
    const QFileInfo info(path);
    result.fileName = info.fileName();
    if (info.isDir()) {
        result.error = CatalogsPage::tr("Could not read %1: it is a folder").arg(path);
        return result;
    }
    if (info.exists() && info.size() > kMaxOscalBytes) {
        result.error =
            CatalogsPage::tr("%1 is %2; platformd imports OSCAL documents of at most %3.")
                .arg(path, QLocale().formattedDataSize(info.size()),
                     QLocale().formattedDataSize(kMaxOscalBytes));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = CatalogsPage::tr("Could not read %1: %2").arg(path, file.errorString());
        return result;
    }
    result.document = file.read(kMaxOscalBytes + 1);
    if (result.document.size() > kMaxOscalBytes) { // grew since we looked
        result.document.clear();
        result.error = CatalogsPage::tr("%1 is larger than %2; platformd imports no more.")
                           .arg(path, QLocale().formattedDataSize(kMaxOscalBytes));
    } else if (file.error() != QFileDevice::NoError) {
        result.document.clear();
        result.error = CatalogsPage::tr("Could not read %1: %2").arg(path, file.errorString());
    } else if (result.document.trimmed().isEmpty()) {
        result.error = CatalogsPage::tr("%1 is empty.").arg(path);
    }
    return result;
}

void readOscalFileAsync(const QString &path, QObject *context,
                        std::function<void(const OscalFile &)> done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([path, guard, done = std::move(done)] {
        const OscalFile result = readOscalFile(path);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done, result] {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace ops
