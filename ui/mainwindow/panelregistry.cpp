#include "panelregistry.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QScrollArea>

namespace ops {

namespace {

// Asks for its panel's own size (a plain QScrollArea caps its hint and adds nothing for a
// frameless, resizable one), so default dock sizes are the panels' as before.
class PanelScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;
    QSize sizeHint() const override
    {
        return widget() ? widget()->sizeHint().expandedTo(widget()->minimumSizeHint())
                        : QScrollArea::sizeHint();
    }
};

} // namespace

PanelRegistry::PanelRegistry(QMainWindow *window)
    : QObject(window)
    , m_window(window)
{}

QDockWidget *PanelRegistry::addPanel(const QString &id, const QString &title, QWidget *content,
                                     Qt::DockWidgetArea area, bool scrolls)
{
    Q_ASSERT_X(!dock(id), "PanelRegistry::addPanel", "panel ids must be unique");
    auto *dockWidget = new QDockWidget(title, m_window);
    dockWidget->setObjectName(id);
    if (scrolls) {
        auto *scroll = new PanelScrollArea(dockWidget);
        scroll->setObjectName(id + QStringLiteral("Scroll"));
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(content);
        dockWidget->setWidget(scroll);
    } else {
        dockWidget->setWidget(content);
    }
    dockWidget->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                            QDockWidget::DockWidgetFloatable);
    m_window->addDockWidget(area, dockWidget);
    m_panels.append({id, title, dockWidget, area, content});
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

QWidget *PanelRegistry::content(const QString &id) const
{
    for (const Panel &panel : m_panels) {
        if (panel.id == id)
            return panel.content;
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
