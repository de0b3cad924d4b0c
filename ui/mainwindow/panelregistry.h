#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace ops {

// The panels of a main window: each is a QDockWidget whose objectName is the panel id (so saved
// layouts find it again) with a default dock area used by "Reset layout".
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
    };

    explicit PanelRegistry(QMainWindow *window);

    // Wraps `content` in a dock owned by the window and adds it to `area`. Ids are unique.
    QDockWidget *addPanel(const QString &id, const QString &title, QWidget *content,
                          Qt::DockWidgetArea area);

    const QList<Panel> &panels() const { return m_panels; }
    QDockWidget *dock(const QString &id) const;

    // Puts every panel back into its default area, docked and visible.
    void restoreDefaultPlacement();

signals:
    void panelAdded(const QString &id);

private:
    QMainWindow *m_window;
    QList<Panel> m_panels;
};

} // namespace ops
