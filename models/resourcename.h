#pragma once

#include <QString>

// Parts of AIP-122 resource names, as platformd writes them: "regions/eu-west",
// "regions/eu-west/components/kafka", "models/churn/versions/3", "users/priya".
namespace ops::resource {

// The last segment: "regions/eu-west/components/kafka" → "kafka", "users/priya" → "priya".
inline QString leafId(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

// The top-level resource a name belongs to: "regions/eu-west/edgeNodes/fra-01" →
// "regions/eu-west".
inline QString topLevel(const QString &name)
{
    return name.section(QLatin1Char('/'), 0, 1);
}

// The top-level resource's id: "regions/eu-west/…" → "eu-west".
inline QString topLevelId(const QString &name)
{
    return name.section(QLatin1Char('/'), 1, 1);
}

// The collection of a nested resource: "regions/eu-west/components/kafka" → "components".
inline QString nestedCollection(const QString &name)
{
    return name.section(QLatin1Char('/'), 2, 2);
}

} // namespace ops::resource
