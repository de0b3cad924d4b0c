#pragma once

#include <QWidget>

namespace ops {

class RegionClient;
class ResourceSelection;
class WorldMapWidget;

// The "Map" dock: the world map fed by the RegionClient's snapshot and batches, and kept in step
// with the window's one ResourceSelection (a click on a marker selects it; a selection made
// elsewhere is outlined on the map, which pans to it when it is off-screen).
class MapPanel : public QWidget
{
    Q_OBJECT
public:
    MapPanel(RegionClient *client, ResourceSelection *selection, QWidget *parent = nullptr);

    WorldMapWidget *map() const { return m_map; }

private:
    WorldMapWidget *m_map;
    ResourceSelection *m_selection;
};

} // namespace ops
