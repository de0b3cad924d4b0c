// The OSCAL library (issue 14), assessment results out: written from the module's structs, read
// back field by field, bad input refused naming the field, and the output checked by
// tests/data/oscal/check_assessment_results.py (proven able to pass and to fail).
#include "compliance/oscal/assessmentresults.h"

#include "oscaltesthelpers.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace platformd::compliance::oscal;
using namespace oscaltest;

class TestOscalResults : public QObject
{
    Q_OBJECT

private slots:
    void assessmentResultsRoundTrip();
    void assessmentResultsRefused_data();
    void assessmentResultsRefused();
    void assessmentResultsValidate();
};

namespace {

AssessmentResults sampleResults()
{
    AssessmentResults doc;
    doc.title = "Platform controls, NIST SP 800-53 LOW, December 2026";
    doc.version = "2026-12";
    doc.lastModified = "2026-12-06T21:00:00Z";
    doc.importApHref = "#5b1e2f3a-4c5d-4e6f-8a7b-9c0d1e2f3a4b";
    AssessmentResult r;
    r.title = "Automated checks";
    r.description = "platformd's checks over its own state";
    r.start = "2026-12-01T00:00:00Z";
    r.end = "2026-12-06T21:00:00.123+01:00";
    r.reviewedControls = {"ac-2", "au-9", "sc-8"};
    Observation tls;
    tls.uuid = "0f1e2d3c-4b5a-4968-8776-655443322110";
    tls.title = "TLS on every listener";
    tls.description = "Every listener of platformd presented a certificate.";
    tls.methods = {"TEST"};
    tls.types = {"control-objective"};
    tls.collected = "2026-12-06T20:59:00Z";
    tls.evidence = {{"platformd://audit/entries/1842", "audit entry of the check run"},
                    {"", "listener list at the time of the check"}};
    Observation audit; // uuid left empty: the writer fills it
    audit.description = "The audit chain did not verify at entry 77.";
    audit.methods = {"EXAMINE", "TEST"};
    audit.collected = "2026-12-06T20:59:30Z";
    r.observations = {tls, audit};
    Finding ok;
    ok.title = "SC-8 satisfied";
    ok.description = "Transmission confidentiality: TLS everywhere.";
    ok.targetId = "sc-8_smt";
    ok.state = ObjectiveState::Satisfied;
    ok.reason = "pass";
    ok.relatedObservations = {tls.uuid};
    Finding bad;
    bad.title = "AU-9 not satisfied";
    bad.description = "Protection of audit information: the chain is broken.";
    bad.targetId = "au-9_obj";
    bad.targetIsObjective = true;
    r.findings = {ok, bad};
    doc.results = {r};
    return doc;
}

} // namespace

void TestOscalResults::assessmentResultsRoundTrip()
{
    AssessmentResults doc = sampleResults();
    std::string json;
    std::string error;
    QVERIFY2(writeAssessmentResults(&doc, &json, &error), error.c_str());
    QVERIFY(isUuidV4(doc.uuid));
    QVERIFY(isUuidV4(doc.results[0].uuid));
    QVERIFY(isUuidV4(doc.results[0].observations[1].uuid)); // filled
    QCOMPARE(doc.results[0].observations[0].uuid,
             std::string("0f1e2d3c-4b5a-4968-8776-655443322110")); // kept
    QVERIFY(isUuidV4(doc.results[0].findings[1].uuid));
    QVERIFY(doc.results[0].findings[0].uuid != doc.results[0].findings[1].uuid);

    const nlohmann::json j = nlohmann::json::parse(json);
    using ptr = nlohmann::json::json_pointer;
    const nlohmann::json &r = j.at(ptr("/assessment-results/results/0"));
    QCOMPARE(j.at(ptr("/assessment-results/import-ap/href")).get<std::string>(), doc.importApHref);
    QCOMPARE(j.at(ptr("/assessment-results/metadata/oscal-version")).get<std::string>(),
             std::string("1.1.2"));
    QCOMPARE(r.at(ptr("/reviewed-controls/control-selections/0/include-controls/2/control-id"))
                 .get<std::string>(),
             std::string("sc-8"));
    QCOMPARE(r.at(ptr("/observations/0/relevant-evidence/0/href")).get<std::string>(),
             std::string("platformd://audit/entries/1842"));
    QVERIFY(!r.at(ptr("/observations/0/relevant-evidence/1")).contains("href"));
    QCOMPARE(r.at(ptr("/findings/0/target/status/state")).get<std::string>(),
             std::string("satisfied"));
    QCOMPARE(r.at(ptr("/findings/1/target/type")).get<std::string>(), std::string("objective-id"));
    QCOMPARE(r.at(ptr("/findings/1/target/status/state")).get<std::string>(),
             std::string("not-satisfied"));
    QCOMPARE(r.at(ptr("/findings/0/related-observations/0/observation-uuid")).get<std::string>(),
             doc.results[0].observations[0].uuid);

    AssessmentResults back;
    QVERIFY2(readAssessmentResults(json, &back, &error), error.c_str());
    QCOMPARE(back.uuid, doc.uuid);
    QCOMPARE(back.title, doc.title);
    QCOMPARE(back.lastModified, doc.lastModified);
    QCOMPARE(back.importApHref, doc.importApHref);
    QCOMPARE(back.results.size(), std::size_t(1));
    const AssessmentResult &a = back.results[0];
    const AssessmentResult &b = doc.results[0];
    QCOMPARE(a.uuid, b.uuid);
    QCOMPARE(a.start, b.start);
    QCOMPARE(a.end, b.end);
    QCOMPARE(a.reviewedControls, b.reviewedControls);
    QCOMPARE(a.observations.size(), std::size_t(2));
    for (std::size_t i = 0; i < 2; ++i) {
        QCOMPARE(a.observations[i].uuid, b.observations[i].uuid);
        QCOMPARE(a.observations[i].title, b.observations[i].title);
        QCOMPARE(a.observations[i].description, b.observations[i].description);
        QCOMPARE(a.observations[i].methods, b.observations[i].methods);
        QCOMPARE(a.observations[i].types, b.observations[i].types);
        QCOMPARE(a.observations[i].collected, b.observations[i].collected);
        QCOMPARE(a.observations[i].evidence.size(), b.observations[i].evidence.size());
        for (std::size_t e = 0; e < a.observations[i].evidence.size(); ++e) {
            QCOMPARE(a.observations[i].evidence[e].href, b.observations[i].evidence[e].href);
            QCOMPARE(a.observations[i].evidence[e].description,
                     b.observations[i].evidence[e].description);
        }
        QCOMPARE(a.findings[i].uuid, b.findings[i].uuid);
        QCOMPARE(a.findings[i].title, b.findings[i].title);
        QCOMPARE(a.findings[i].description, b.findings[i].description);
        QCOMPARE(a.findings[i].targetId, b.findings[i].targetId);
        QCOMPARE(a.findings[i].targetIsObjective, b.findings[i].targetIsObjective);
        QVERIFY(a.findings[i].state == b.findings[i].state);
        QCOMPARE(a.findings[i].reason, b.findings[i].reason);
        QCOMPARE(a.findings[i].relatedObservations, b.findings[i].relatedObservations);
    }
    // NIST's example reads with the same reader
    QVERIFY2(readAssessmentResults(readFile(sharedOscal() + "/ifa_assessment-results-example.json"),
                                   &back, &error),
             error.c_str());
    QCOMPARE(back.results[0].findings[0].targetId, std::string("ac-6.1_obj"));
}

void TestOscalResults::assessmentResultsRefused_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("error"); // exact, or a prefix when it ends with '*'
    QTest::newRow("no title") << 0 << "title: required";
    QTest::newRow("start without zone")
        << 1
        << "results[0].start: \"2026-12-01T00:00:00\" is not an RFC 3339 date-time with a zone";
    QTest::newRow("method") << 2
                            << "results[0].observations[0].methods: \"LOOK\" is not an OSCAL "
                               "method";
    QTest::newRow("finding names another observation")
        << 3
        << "results[0].findings[1].relatedObservations: no observation "
           "11111111-2222-4333-8444-555555555555 in this result";
    QTest::newRow("no reviewed controls")
        << 4 << "results[0].reviewedControls: at least one control";
    QTest::newRow("evidence without description")
        << 5 << "results[0].observations[0].evidence[1].description: required";
    QTest::newRow("uuid not a uuid")
        << 6 << "results[0].observations[0].uuid: \"abc\" is not a uuid";
    QTest::newRow("no collected") << 7 << "results[0].observations[1].collected: required";
    QTest::newRow("no results") << 8 << "results: at least one result";
}

void TestOscalResults::assessmentResultsRefused()
{
    QFETCH(int, change);
    QFETCH(QString, error);
    AssessmentResults doc = sampleResults();
    AssessmentResult &r = doc.results[0];
    switch (change) {
    case 0:
        doc.title.clear();
        break;
    case 1:
        r.start = "2026-12-01T00:00:00";
        break;
    case 2:
        r.observations[0].methods = {"TEST", "LOOK"};
        break;
    case 3:
        r.findings[1].relatedObservations = {"11111111-2222-4333-8444-555555555555"};
        break;
    case 4:
        r.reviewedControls.clear();
        break;
    case 5:
        r.observations[0].evidence[1].description.clear();
        break;
    case 6:
        r.observations[0].uuid = "abc";
        break;
    case 7:
        r.observations[1].collected.clear();
        break;
    case 8:
        doc.results.clear();
        break;
    }
    const AssessmentResults before = doc;
    std::string json = "untouched";
    std::string why;
    QVERIFY(!writeAssessmentResults(&doc, &json, &why));
    QCOMPARE(QString::fromStdString(why), error);
    QCOMPARE(json, std::string("untouched"));
    QCOMPARE(doc.uuid, before.uuid); // no uuids filled in on failure
    if (!doc.results.empty())
        QCOMPARE(doc.results[0].observations[1].uuid, before.results[0].observations[1].uuid);
}

// tests/data/oscal/check_assessment_results.py is a structural check written from the OSCAL 1.1.2
// assessment-results model, not NIST's JSON schema (see tests/data/oscal/README.md). It is proven
// able to pass (NIST's own example) and to fail (broken documents) here.
void TestOscalResults::assessmentResultsValidate()
{
    const auto check = [](const QString &file, QString *output) {
        QProcess p;
        p.start("python3", {testData() + "/check_assessment_results.py", file});
        if (!p.waitForFinished(60000))
            return -1;
        *output = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AssessmentResults doc = sampleResults();
    std::string json;
    std::string error;
    QVERIFY2(writeAssessmentResults(&doc, &json, &error), error.c_str());
    const auto save = [&](const QString &name, const std::string &text) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        return f.write(text.c_str(), qint64(text.size())) == qint64(text.size());
    };
    QVERIFY(save("ours.json", json));
    QString out;
    QCOMPARE(check(dir.filePath("ours.json"), &out), 0);
    QCOMPARE(out, QString("valid"));
    // positive control: NIST's example
    QCOMPARE(check(sharedOscal() + "/ifa_assessment-results-example.json", &out), 0);
    QCOMPARE(out, QString("valid"));
    // negative controls: our output broken in three ways the schema refuses
    nlohmann::json broken = nlohmann::json::parse(json);
    using ptr = nlohmann::json::json_pointer;
    broken.at(ptr("/assessment-results/results/0/findings/0/target/status"))["state"] = "maybe";
    broken.at(ptr("/assessment-results/results/0/observations/1")).erase("collected");
    broken.at(ptr("/assessment-results/results/0/observations/0"))["relevant-evidance"] =
        nlohmann::json::array();
    QVERIFY(save("broken.json", broken.dump()));
    QCOMPARE(check(dir.filePath("broken.json"), &out), 1);
    QCOMPARE(out.split('\n'),
             QStringList({"/assessment-results/results/0/observations/0/relevant-evidance: not "
                          "allowed here",
                          "/assessment-results/results/0/observations/1/collected: missing",
                          "/assessment-results/results/0/observations/1/collected: expected a "
                          "non-empty string",
                          "/assessment-results/results/0/findings/0/target/status/state: 'maybe' "
                          "is not one of ['not-satisfied', 'satisfied']"}));
}

QTEST_GUILESS_MAIN(TestOscalResults)
#include "tst_oscal_results.moc"
