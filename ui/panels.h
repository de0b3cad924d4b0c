#pragma once

#include "ui/common/panelspec.h"

#include <QList>

namespace ops {

// Every console panel, in the order of the View menu and of the default layout (see panels.cpp).
const QList<PanelSpec> &consolePanels();

} // namespace ops
