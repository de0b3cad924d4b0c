#pragma once

#include "models/resourcename.h"
#include <QObject>
#include <QString>

namespace ops {

// The one "current resource" of a main window, shared by every panel that selects: the Regions
// table, the map and the region detail follow it and set it. Names are resource names
// ("regions/eu-west", "regions/eu-west/edgeNodes/fra-01"); empty means nothing is selected.
class ResourceSelection : public QObject
{
    Q_OBJECT
public:
    explicit ResourceSelection(QObject *parent = nullptr)
        : QObject(parent)
    {}

    QString current() const { return m_current; }
    // The region of the current resource ("regions/eu-west" for any resource under it).
    QString currentRegion() const { return resource::topLevel(m_current); }

    // Emits currentChanged only when the name changes, so panels may set it from their own
    // selection handlers without loops.
    void setCurrent(const QString &name)
    {
        if (name == m_current)
            return;
        m_current = name;
        emit currentChanged(m_current);
    }

signals:
    void currentChanged(const QString &name);

private:
    QString m_current;
};

} // namespace ops
