#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace ops {

// The panels of a main window: each is a QDockWidget whose objectName is the panel id (so saved
// layouts find it again) with a default dock area used by "Reset layout". The panel sits in a
// frameless, resizable scroll area: a dock smaller than its panel's minimum scrolls instead of
// forcing the window (and so the screen) to grow.
class PanelRegistry : public QObject
{
    Q_OBJECT
public:
    struct Panel
    {
        QString id;
        QString title;
        QDockWidget *dock = nullptr;
        Qt::DockWidgetArea defaultArea = Qt::LeftDockWidgetArea;
        QWidget *content = nullptr; // the panel itself (the dock's widget is its scroll area)
    };

    explicit PanelRegistry(QMainWindow *window);

    // Wraps `content` in a scroll area (unless !scrolls: a strip that must show whole) in a dock
    // owned by the window and adds it to `area`. Ids are unique.
    QDockWidget *addPanel(const QString &id, const QString &title, QWidget *content,
                          Qt::DockWidgetArea area, bool scrolls = true);

    const QList<Panel> &panels() const { return m_panels; }
    QDockWidget *dock(const QString &id) const;
    QWidget *content(const QString &id) const; // the panel widget given to addPanel

    // Puts every panel back into its default area, docked and visible.
    void restoreDefaultPlacement();

signals:
    void panelAdded(const QString &id);

private:
    QMainWindow *m_window;
    QList<Panel> m_panels;
};

} // namespace ops
