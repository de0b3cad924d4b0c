#pragma once

// The counts of an OSCAL catalog computed by the test itself from its JSON, to hold platformd's
// ImportOscal answer against: top-level groups, top-level controls (in any group), enhancements
// (controls nested in controls).

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ops::test {

struct OscalCounts
{
    int groups = 0;
    int controls = 0;
    int enhancements = 0;
};

inline void countOscalControls(const QJsonArray &controls, bool nested, OscalCounts *out)
{
    for (const QJsonValue &c : controls) {
        ++(nested ? out->enhancements : out->controls);
        countOscalControls(c.toObject().value(QLatin1String("controls")).toArray(), true, out);
    }
}

inline void countOscalGroups(const QJsonArray &groups, OscalCounts *out)
{
    for (const QJsonValue &g : groups) {
        const QJsonObject group = g.toObject();
        countOscalControls(group.value(QLatin1String("controls")).toArray(), false, out);
        countOscalGroups(group.value(QLatin1String("groups")).toArray(), out);
    }
}

inline OscalCounts oscalCatalogCounts(const QByteArray &json)
{
    const QJsonObject catalog =
        QJsonDocument::fromJson(json).object().value(QLatin1String("catalog")).toObject();
    OscalCounts counts;
    const QJsonArray groups = catalog.value(QLatin1String("groups")).toArray();
    counts.groups = int(groups.size());
    countOscalGroups(groups, &counts);
    countOscalControls(catalog.value(QLatin1String("controls")).toArray(), false, &counts);
    return counts;
}

} // namespace ops::test
