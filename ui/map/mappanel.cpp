#include "mappanel.h"

#include "ui/common/resourceselection.h"
#include "worldmapwidget.h"

#include <QVBoxLayout>

namespace ops {

MapPanel::MapPanel(RegionStore *store, ResourceSelection *selection, QWidget *parent)
    : QWidget(parent)
    , m_map(new WorldMapWidget(store, this))
    , m_selection(selection)
{
    setObjectName(QStringLiteral("mapPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_map);
    setFocusProxy(m_map);

    if (m_selection) {
        m_map->setSelectedName(m_selection->current(), false);
        connect(m_map, &WorldMapWidget::markerClicked, m_selection, &ResourceSelection::setCurrent);
        connect(m_selection, &ResourceSelection::currentChanged, m_map,
                [this](const QString &name) { m_map->setSelectedName(name, true); });
    }
}

} // namespace ops
