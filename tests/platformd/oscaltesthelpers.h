#pragma once
// Shared by tst_oscal and tst_oscal_results: where the OSCAL data is, reading a file.
#include <QFile>
#include <QString>

#include <string>

namespace oscaltest {

// ../shared/data/oscal: from ctest's environment, else where the build was configured.
inline QString sharedOscal()
{
    const QString dir = qEnvironmentVariable("OPS_SHARED_DATA", QStringLiteral(OPS_SHARED_DATA));
    return dir + "/oscal";
}

// tests/data/oscal: the small catalog and profiles, the assessment-results check.
inline QString testData()
{
    return QStringLiteral(OPS_TEST_DATA) + "/oscal";
}

inline std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll().toStdString();
}

} // namespace oscaltest
