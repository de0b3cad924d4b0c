#include "panelregistry.h"

#include <QDockWidget>
#include <QMainWindow>

namespace ops {

PanelRegistry::PanelRegistry(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{}

QDockWidget *PanelRegistry::addPanel(const QString &id, const QString &title, QWidget *content,
                                     Qt::DockWidgetArea area)
{
    Q_ASSERT_X(!dock(id), "PanelRegistry::addPanel", "panel ids must be unique");
    auto *dockWidget = new QDockWidget(title, m_window);
    dockWidget->setObjectName(id);
    dockWidget->setWidget(content);
    dockWidget->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                            QDockWidget::DockWidgetFloatable);
    m_window->addDockWidget(area, dockWidget);
    m_panels.append({id, title, dockWidget, area});
    emit panelAdded(id);
    return dockWidget;
}

QDockWidget *PanelRegistry::dock(const QString &id) const
{
    for (const Panel &panel : m_panels) {
        if (panel.id == id)
            return panel.dock;
    }
    return nullptr;
}

void PanelRegistry::restoreDefaultPlacement()
{
    for (const Panel &panel : m_panels) {
        panel.dock->setFloating(false);
        // Re-adding an existing dock moves it (out of any tab group) into the area.
        m_window->addDockWidget(panel.defaultArea, panel.dock);
        panel.dock->show();
    }
}

} // namespace ops
