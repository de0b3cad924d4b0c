#pragma once

#include "models/incident.h"

#include <QObject>

class QSystemTrayIcon;

namespace ops {

// Tells the operator about a new SEV1/SEV2 that arrived live (never about the initial listing):
// a tray message when the desktop has a system tray, and a beep when the "sound" setting is on
// (QSettings "incidents/notifySound"). Emits notified() either way, so tests and the status bar
// can see it.
class IncidentNotifier : public QObject
{
    Q_OBJECT
public:
    explicit IncidentNotifier(QObject *parent = nullptr);
    ~IncidentNotifier() override;

    // Considers each incident; returns how many were announced.
    int consider(const QList<Incident> &arrived);
    bool soundEnabled() const { return m_sound; }
    void setSoundEnabled(bool enabled); // remembered in QSettings

signals:
    void notified(const QString &title, const QString &text, const QString &incident);

private:
    QSystemTrayIcon *m_tray = nullptr;
    bool m_sound = false;
};

} // namespace ops
