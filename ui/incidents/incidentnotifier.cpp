#include "incidentnotifier.h"

#include "models/resourcename.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>

namespace ops {

namespace {
const QString kSoundKey = QStringLiteral("incidents/notifySound");
}

IncidentNotifier::IncidentNotifier(QObject *parent)
    : QObject(parent)
    , m_sound(QSettings().value(kSoundKey, false).toBool())
{}

IncidentNotifier::~IncidentNotifier() = default;

void IncidentNotifier::setSoundEnabled(bool enabled)
{
    m_sound = enabled;
    QSettings().setValue(kSoundKey, enabled);
}

int IncidentNotifier::consider(const QList<Incident> &arrived)
{
    int count = 0;
    for (const Incident &i : arrived) {
        if (i.severity != IncidentSeverity::Sev1 && i.severity != IncidentSeverity::Sev2)
            continue;
        if (!i.isOpen())
            continue;
        const QString title =
            tr("%1 incident #%2").arg(IncidentText::severity(i.severity)).arg(i.number);
        QStringList regions;
        for (const QString &r : i.regions)
            regions.append(resource::leafId(r));
        const QString text = regions.isEmpty()
                                 ? i.title
                                 : tr("%1 (%2)").arg(i.title, regions.join(QLatin1String(", ")));
        if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
            m_tray = new QSystemTrayIcon(qApp->windowIcon(), this);
            m_tray->setToolTip(tr("Ops console: incidents"));
            m_tray->show();
        }
        if (m_tray)
            m_tray->showMessage(title, text,
                                i.severity == IncidentSeverity::Sev1 ? QSystemTrayIcon::Critical
                                                                     : QSystemTrayIcon::Warning,
                                10000);
        if (m_sound)
            QApplication::beep();
        emit notified(title, text, i.name);
        ++count;
    }
    return count;
}

} // namespace ops
