#include "maptooltips.h"
#include "models/percenttext.h"
#include "models/resourcename.h"

#include <QCoreApplication>
#include <QLocale>

// The texts keep the context of the widget they were written for, and so their translations.
namespace ops::maptooltips {

namespace {

QString healthLines(const HealthSample &h)
{
    return QCoreApplication::translate("ops::WorldMapWidget",
                                       "p95 %1 ms · error rate %2 · availability %3")
        .arg(QLocale().toString(h.latencyP95Ms, 'f', 0), percentText(h.errorRate, 2),
             percentText(h.availability, 3));
}

} // namespace

QString markerText(const MapMarker &m, const MarkerCluster *badge)
{
    QString text;
    if (m.kind == MapMarkerKind::Region) {
        text = QCoreApplication::translate("ops::WorldMapWidget", "<b>%1</b> — region %2")
                   .arg(m.label.toHtmlEscaped(), resource::leafId(m.name));
    } else {
        const QString region = resource::topLevelId(m.name);
        text = m.countryCode.isEmpty()
                   ? QCoreApplication::translate("ops::WorldMapWidget",
                                                 "<b>%1</b> — edge node %2 of %3")
                         .arg(m.label.toHtmlEscaped(), resource::leafId(m.name), region)
                   : QCoreApplication::translate("ops::WorldMapWidget",
                                                 "<b>%1</b> (%2) — edge node %3 of %4")
                         .arg(m.label.toHtmlEscaped(), m.countryCode, resource::leafId(m.name),
                              region);
    }
    text += QStringLiteral("<br/>") +
            QCoreApplication::translate("ops::WorldMapWidget", "%1 · %2")
                .arg(cloudProviderText(m.provider), healthStatusText(m.status));
    text += QStringLiteral("<br/>") + healthLines(m.health);
    if (!m.statusMessage.isEmpty())
        text +=
            QStringLiteral("<br/><i>") + m.statusMessage.toHtmlEscaped() + QStringLiteral("</i>");
    if (m.kind == MapMarkerKind::Region && badge) {
        const MarkerCluster &b = *badge;
        text += QStringLiteral("<br/>") +
                QCoreApplication::translate("ops::WorldMapWidget",
                                            "%n edge node(s) here (zoom in to see them)", nullptr,
                                            b.size());
        for (HealthStatus s : kStatusOrder) {
            if (const int n = b.counts[size_t(s)]; n > 0 && s != HealthStatus::Healthy)
                text += QStringLiteral(" · ") +
                        QCoreApplication::translate("ops::WorldMapWidget", "%1: %2")
                            .arg(healthStatusText(s))
                            .arg(n);
        }
    }
    return text;
}

QString clusterText(const MarkerCluster &c)
{
    QString text = QCoreApplication::translate("ops::WorldMapWidget", "<b>%n edge node(s)</b>",
                                               nullptr, c.size());
    for (HealthStatus s : kStatusOrder) {
        if (const int n = c.counts[size_t(s)])
            text += QStringLiteral("<br/>") +
                    QCoreApplication::translate("ops::WorldMapWidget", "%1: %2")
                        .arg(healthStatusText(s))
                        .arg(n);
    }
    return text + QStringLiteral("<br/><i>") +
           QCoreApplication::translate("ops::WorldMapWidget", "Double-click to zoom in") +
           QStringLiteral("</i>");
}

QString failoverText(const Failover &f)
{
    QString text = QCoreApplication::translate("ops::WorldMapWidget", "<b>Failover</b> %1 → %2")
                       .arg(resource::leafId(f.sourceRegion), resource::leafId(f.targetRegion));
    text += QStringLiteral("<br/>") +
            QCoreApplication::translate("ops::WorldMapWidget", "%1 of the traffic since %2")
                .arg(percentText(f.trafficFraction, 0),
                     QLocale().toString(f.startTime.toLocalTime().time(), QLocale::ShortFormat));
    if (!f.reason.isEmpty())
        text += QStringLiteral("<br/><i>") + f.reason.toHtmlEscaped() + QStringLiteral("</i>");
    return text;
}

} // namespace ops::maptooltips
