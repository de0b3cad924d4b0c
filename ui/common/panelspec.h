#pragma once

#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>

namespace ops {

class RegionTreeModel;
class ResourceSelection;

// What a panel may use. `regions` may be null and `clients` empty (an offline window has no
// connection and no clients); a panel whose spec needs a client the context lacks is not created.
struct PanelContext
{
    RegionTreeModel *regions = nullptr;
    // The service clients (services/: Connection, RegionClient, …; app/ passes
    // Services::clients()).
    QList<QObject *> clients;
    ResourceSelection *selection = nullptr; // the window's current resource, set by MainWindow

    // The first client of type T (or derived from it), or null.
    template<class T>
    T *client() const
    {
        for (QObject *object : clients) {
            if (T *found = qobject_cast<T *>(object))
                return found;
        }
        return nullptr;
    }
    // Whether a client of this type (or derived from it) is there.
    bool hasClient(const QMetaObject *type) const
    {
        for (const QObject *object : clients) {
            if (object && object->metaObject()->inherits(type))
                return true;
        }
        return false;
    }
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
    QString id;        // the dock's objectName: saved layouts find the panel by it
    const char *title; // translated in the context "ops::MainWindow" (QT_TRANSLATE_NOOP)
    Qt::DockWidgetArea area = Qt::TopDockWidgetArea; // default area ("Reset layout")
    // The clients it cannot work without (&AuditClient::staticMetaObject, …): it is created only
    // when the context holds an object of each; the others it gets with context.client<T>() may
    // be null.
    QList<const QMetaObject *> needs;
    QStringList roles; // the role presets that show it ("operator", …); empty: every preset
    // The default arrangement, applied by "Reset layout" and on a first start.
    QString below;     // placed under this panel (same area)
    QString tabBehind; // a tab behind this panel (same area); the group's first panel is in front
    // Its share of the window height in its column; -1: its size hint, and it never scrolls (the
    // others sit in a scroll area for docks smaller than they need).
    int heightPercent = 0;
    int widthPercent = 0; // its share of the window width (side areas)
    std::function<QWidget *(const PanelContext &, PanelHost &)> create;
};

} // namespace ops
