#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>

namespace ops {

class AuditClient;
class Connection;
class IdentityClient;
class ModelRegistryClient;
class RegionClient;
class RegionTreeModel;
class ResourceSelection;

// What a panel may use. Any pointer may be null (an offline window has no connection and no
// clients); a panel whose spec needs something that is null is not created.
struct PanelContext
{
    RegionTreeModel *regions = nullptr;
    Connection *connection = nullptr;
    RegionClient *regionClient = nullptr;
    IdentityClient *identity = nullptr;
    AuditClient *audit = nullptr;
    ModelRegistryClient *registry = nullptr;
    ResourceSelection *selection = nullptr; // the window's current resource, set by MainWindow
};

// The window that creates panels, as a panel's factory sees it: panels created before this one
// can be found by id (a folder that registers two panels may wire them to each other).
class PanelHost
{
public:
    virtual ~PanelHost() = default;
    virtual QWidget *hostWidget() = 0;
    virtual QWidget *panelWidget(const QString &id) const = 0;
    template<class T>
    T *panel(const QString &id) const
    {
        return qobject_cast<T *>(panelWidget(id));
    }
};

// One console panel, registered by its ui/<panel>/ folder (see ui/panels.cpp for the list).
struct PanelSpec
{
    enum Need {
        NeedsConnection = 0x1, // context.connection
        NeedsAudit = 0x2,      // context.audit
        NeedsRegistry = 0x4,   // context.registry
    };

    QString id;        // the dock's objectName: saved layouts find the panel by it
    const char *title; // translated in the context "ops::MainWindow" (QT_TRANSLATE_NOOP)
    Qt::DockWidgetArea area = Qt::TopDockWidgetArea; // default area ("Reset layout")
    int needs = 0;                                   // Need flags
    QStringList roles; // the role presets that show it ("operator", …); empty: every preset
    // The default arrangement, applied by "Reset layout" and on a first start.
    QString below;     // placed under this panel (same area)
    QString tabBehind; // a tab behind this panel (same area); the group's first panel is in front
    int heightPercent = 0; // its share of the window height in its column; -1: its size hint
    int widthPercent = 0;  // its share of the window width (side areas)
    std::function<QWidget *(const PanelContext &, PanelHost &)> create;
};

} // namespace ops
