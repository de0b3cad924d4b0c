#pragma once

#include <QWidget>

namespace ops {

class RegionStore;
class ResourceSelection;
class WorldMapWidget;

// The "Map" dock: the world map over the console's RegionStore, and kept in step
// with the window's one ResourceSelection (a click on a marker selects it; a selection made
// elsewhere is outlined on the map, which pans to it when it is off-screen).
class MapPanel : public QWidget
{
    Q_OBJECT
public:
    MapPanel(RegionStore *store, ResourceSelection *selection, QWidget *parent = nullptr);

    WorldMapWidget *map() const { return m_map; }

private:
    WorldMapWidget *m_map;
    ResourceSelection *m_selection;
};

} // namespace ops
