// The OSCAL library (issue 14), catalogs and profiles: NIST SP 800-53 rev5 imported with its
// counts and fields checked against python3 reading the same JSON, LOW and MODERATE resolved from
// their profiles (not from a pre-resolved file), malformed documents refused with the JSON pointer
// of the problem, a small non-NIST catalog and profiles. Assessment results: tst_oscal_results.
#include "compliance/oscal/assessmentresults.h"
#include "compliance/oscal/catalog.h"
#include "compliance/oscal/profile.h"

#include "oscaltesthelpers.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace platformd::compliance::oscal;
using namespace oscaltest;

namespace {

// Runs python3 -c SCRIPT ARGS... and parses what it prints as JSON: the independent reading.
QJsonValue python(const QString &script, const QStringList &args)
{
    QProcess p;
    p.start("python3", QStringList{"-c", script} + args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("python3 failed: %s", p.readAllStandardError().constData());
    const QJsonDocument doc = QJsonDocument::fromJson("[" + p.readAllStandardOutput() + "]");
    return doc.array().at(0);
}

const char *kWalk = R"(
import json, sys
def walk(cs, depth, out):
    for c in cs:
        out.append((c['id'], depth))
        walk(c.get('controls', []), depth + 1, out)
def groups(gs, out):
    for g in gs:
        walk(g.get('controls', []), 0, out)
        groups(g.get('groups', []), out)
def ids(cat):
    out = []
    walk(cat.get('controls', []), 0, out)
    groups(cat.get('groups', []), out)
    return out
)";

// The resolver the module will use: maps hrefs to stored catalogs. Here by file name into the
// shared data (the NIST profiles name their catalog by a path of the oscal-content repository).
DocumentResolver sharedResolver()
{
    return [](const std::string &href, std::string *json, std::string *error) {
        const QString name = QFileInfo(QString::fromStdString(href)).fileName();
        const QString path = sharedOscal() + "/" + name;
        if (!QFile::exists(path)) {
            *error = "no stored document " + name.toStdString();
            return false;
        }
        *json = readFile(path);
        return true;
    };
}

const Catalog &nist()
{
    static const Catalog catalog = [] {
        Catalog c;
        std::string error;
        if (!parseCatalog(readFile(sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json"), &c,
                          &error))
            qFatal("NIST catalog: %s", error.c_str());
        return c;
    }();
    return catalog;
}

QStringList toList(const std::vector<std::string> &v)
{
    QStringList out;
    for (const std::string &s : v)
        out << QString::fromStdString(s);
    return out;
}

} // namespace

class TestOscal : public QObject
{
    Q_OBJECT

private slots:
    void nistCounts();
    void nistControlIdsInOrder();
    void ac2FieldByField();
    void ac2EnhancementAndSelect();
    void backMatter();
    void malformedCatalog_data();
    void malformedCatalog();
    void deepNestingRefused();
    void baselines_data();
    void baselines();
    void lowMatchesNistResolvedCatalog();
    void setParametersOnNist();
    void profileErrors_data();
    void profileErrors();
    void miniCatalogAndProfile();
    void profileOfProfile();
};

void TestOscal::nistCounts()
{
    const CatalogCounts n = nist().counts();
    const QJsonObject py = python(QString(kWalk) + R"(
cat = json.load(open(sys.argv[1]))['catalog']
all = ids(cat)
print(json.dumps({'families': len(cat['groups']),
                  'controls': sum(1 for _, d in all if d == 0),
                  'enhancements': sum(1 for _, d in all if d > 0)}))
)",
                                  {sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json"})
                               .toObject();
    QCOMPARE(qsizetype(n.topGroups), py["families"].toInteger());
    QCOMPARE(qsizetype(n.controls), py["controls"].toInteger());
    QCOMPARE(qsizetype(n.enhancements), py["enhancements"].toInteger());
    // and the figures the issue and the data README state
    QCOMPARE(n.topGroups, std::size_t(20));
    QCOMPARE(n.groups, std::size_t(20));
    QCOMPARE(n.controls, std::size_t(322));
    QCOMPARE(n.enhancements, std::size_t(867));
    QCOMPARE(nist().metadata.version, std::string("5.0.1"));
    QCOMPARE(nist().metadata.oscalVersion, std::string("1.0.0"));
    QCOMPARE(nist().metadata.lastModified, std::string("2021-06-08T13:57:33.013981-04:00"));
    QVERIFY(nist().metadata.title.starts_with("NIST Special Publication 800-53 Revision 5"));
    QCOMPARE(nist().groups[0].id, std::string("ac"));
    QCOMPARE(nist().groups[0].title, std::string("Access Control"));
}

void TestOscal::nistControlIdsInOrder()
{
    const QJsonArray py = python(QString(kWalk) + R"(
print(json.dumps([i for i, _ in ids(json.load(open(sys.argv[1]))['catalog'])]))
)",
                                 {sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json"})
                              .toArray();
    QStringList expected;
    for (const QJsonValue &v : py)
        expected << v.toString();
    QCOMPARE(toList(nist().controlIds()), expected);
}

void TestOscal::ac2FieldByField()
{
    const Control *ac2 = nist().findControl("ac-2");
    QVERIFY(ac2);
    QCOMPARE(ac2->title, std::string("Account Management"));
    QCOMPARE(ac2->cls, std::string("SP800-53"));
    QCOMPARE(ac2->label(), std::string("AC-2"));
    QCOMPARE(ac2->sortId(), std::string("ac-02"));
    QCOMPARE(ac2->controls.size(), std::size_t(13));
    // every param as python reads it
    const QJsonArray params = python(R"(
import json, sys
c = json.load(open(sys.argv[1]))['catalog']['groups'][0]['controls'][1]
assert c['id'] == 'ac-2'
print(json.dumps([[p['id'], p.get('label', ''), p.get('select', {}).get('choice', [])]
                  for p in c['params']]))
)",
                                     {sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json"})
                                  .toArray();
    QCOMPARE(qsizetype(ac2->params.size()), params.size());
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QJsonArray p = params[i].toArray();
        QCOMPARE(QString::fromStdString(ac2->params[i].id), p[0].toString());
        QCOMPARE(QString::fromStdString(ac2->params[i].label), p[1].toString());
        QCOMPARE(qsizetype(ac2->params[i].choices.size()), p[2].toArray().size());
    }
    QCOMPARE(ac2->params[0].id, std::string("ac-2_prm_1"));
    QCOMPARE(ac2->params[0].label, std::string("organization-defined prerequisites and criteria"));

    const std::string kept = controlText(nist(), *ac2, "statement", ParamInsert::Keep);
    QVERIFY(
        kept.starts_with("a. Define and document the types of accounts allowed and specifically "
                         "prohibited for use within the system;\nb. Assign account managers;\n"
                         "c. Require {{ insert: param, ac-2_prm_1 }} for group and role "
                         "membership;\nd. Specify:\n  1. Authorized users of the system;\n"));
    const std::string substituted = controlText(nist(), *ac2, "statement", ParamInsert::Substitute);
    QVERIFY(substituted.find("c. Require [Assignment: organization-defined prerequisites and "
                             "criteria] for group and role membership;") != std::string::npos);
    QVERIFY(substituted.find("{{") == std::string::npos);
    const std::string guidance = controlText(nist(), *ac2, "guidance", ParamInsert::Keep);
    QVERIFY(guidance.starts_with("Examples of system account types include individual, shared, "));
    QCOMPARE(ac2->links.front().rel, std::string("reference"));
    QVERIFY(std::any_of(ac2->links.begin(), ac2->links.end(),
                        [](const Link &l) { return l.href == "#ac-3" && l.rel == "related"; }));
}

void TestOscal::ac2EnhancementAndSelect()
{
    const Control *e = nist().findControl("ac-2.1");
    QVERIFY(e);
    QCOMPARE(e->title, std::string("Automated System Account Management"));
    QCOMPARE(e->label(), std::string("AC-2(1)"));
    QCOMPARE(e->sortId(), std::string("ac-02.01"));
    QCOMPARE(e->cls, std::string("SP800-53-enhancement"));
    QCOMPARE(e->params.size(), std::size_t(1));
    QCOMPARE(e->params[0].label, std::string("organization-defined automated mechanisms"));
    QCOMPARE(controlText(nist(), *e, "statement", ParamInsert::Keep),
             std::string("Support the management of system accounts using {{ insert: param, "
                         "ac-2.1_prm_1 }}."));
    QCOMPARE(controlText(nist(), *e, "statement", ParamInsert::Substitute),
             std::string("Support the management of system accounts using [Assignment: "
                         "organization-defined automated mechanisms]."));
    const Parameter *sel = nist().findParam("ac-2.2_prm_1");
    QVERIFY(sel);
    QVERIFY(sel->hasSelect);
    QCOMPARE(toList(sel->choices), QStringList({"remove", "disable"}));
    QCOMPARE(paramText(*sel), std::string("[Selection: remove; disable]"));
    const Parameter *many = nist().findParam("ac-1_prm_2");
    QVERIFY(many);
    QCOMPARE(many->howMany, std::string("one-or-more"));
    QCOMPARE(paramText(*many), std::string("[Selection (one or more): Organization-level; "
                                           "Mission/business process-level; System-level]"));
}

void TestOscal::backMatter()
{
    const QJsonArray py = python(R"(
import json, sys
rs = json.load(open(sys.argv[1]))['catalog']['back-matter']['resources']
print(json.dumps([len(rs), rs[0]['uuid'], rs[0].get('title', ''), rs[0]['rlinks'][0]['href']]))
)",
                                 {sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json"})
                              .toArray();
    QCOMPARE(qsizetype(nist().backMatter.size()), py[0].toInteger());
    const Resource &r = nist().backMatter.front();
    QCOMPARE(QString::fromStdString(r.uuid), py[1].toString());
    QCOMPARE(QString::fromStdString(r.title), py[2].toString());
    QCOMPARE(QString::fromStdString(r.rlinks.front().href), py[3].toString());
    QVERIFY(nist().findResource(r.uuid) == &r);
}

void TestOscal::malformedCatalog_data()
{
    QTest::addColumn<QString>("pointer"); // where the NIST catalog is changed
    QTest::addColumn<QString>("change");  // JSON to put there, or "delete"
    QTest::addColumn<QString>("error");

    QTest::newRow("no uuid") << "/catalog/uuid"
                             << "delete"
                             << "/catalog/uuid: missing";
    QTest::newRow("no metadata") << "/catalog/metadata"
                                 << "delete"
                                 << "/catalog/metadata: missing";
    QTest::newRow("no title") << "/catalog/metadata/title"
                              << "delete"
                              << "/catalog/metadata/title: missing";
    QTest::newRow("control without id") << "/catalog/groups/3/controls/7/id"
                                        << "delete"
                                        << "/catalog/groups/3/controls/7/id: missing";
    QTest::newRow("enhancement without id")
        << "/catalog/groups/0/controls/1/controls/4/id"
        << "delete"
        << "/catalog/groups/0/controls/1/controls/4/id: missing";
    QTest::newRow("duplicate control id")
        << "/catalog/groups/1/controls/0/id"
        << "\"ac-2\""
        << "/catalog/groups/1/controls/0/id: duplicate control id \"ac-2\" (first at "
           "/catalog/groups/0/controls/1)";
    QTest::newRow("groups not an array") << "/catalog/groups"
                                         << "{}"
                                         << "/catalog/groups: expected an array";
    QTest::newRow("title a number") << "/catalog/groups/0/controls/1/title"
                                    << "5"
                                    << "/catalog/groups/0/controls/1/title: expected a string";
    QTest::newRow("param without id") << "/catalog/groups/0/controls/1/params/2/id"
                                      << "delete"
                                      << "/catalog/groups/0/controls/1/params/2/id: missing";
    QTest::newRow("part name an array") << "/catalog/groups/0/controls/1/parts/0/name"
                                        << "[]"
                                        << "/catalog/groups/0/controls/1/parts/0/name: expected a "
                                           "string";
    QTest::newRow("control not an object") << "/catalog/groups/19/controls/0"
                                           << "\"x\""
                                           << "/catalog/groups/19/controls/0: expected an object";
    QTest::newRow("choice not a string")
        << "/catalog/groups/0/controls/0/params/1/select/choice/0"
        << "{}"
        << "/catalog/groups/0/controls/0/params/1/select/choice/0: expected a string";
    QTest::newRow("not JSON") << "raw"
                              << "{\"catalog\": {"
                              << "(document): not JSON: *";
    QTest::newRow("not an object") << "raw"
                                   << "[1, 2]"
                                   << "(document): expected an object";
    QTest::newRow("not an OSCAL catalog") << "/catalog"
                                          << "delete"
                                          << "/catalog: missing";
}

void TestOscal::malformedCatalog()
{
    QFETCH(QString, pointer);
    QFETCH(QString, change);
    QFETCH(QString, error);
    static const nlohmann::json original =
        nlohmann::json::parse(readFile(sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json"));
    std::string text = change.toStdString();
    if (pointer != "raw") {
        nlohmann::json doc = original;
        const nlohmann::json::json_pointer ptr(pointer.toStdString());
        QVERIFY(doc.contains(ptr)); // the change hits something that is there
        if (change == "delete")
            doc[ptr.parent_pointer()].erase(ptr.back());
        else
            doc[ptr] = nlohmann::json::parse(change.toStdString());
        text = doc.dump();
    }
    Catalog out;
    out.uuid = "untouched";
    std::string why;
    QVERIFY(!parseCatalog(text, &out, &why));
    if (error.endsWith('*')) // the JSON parser's own words follow
        QVERIFY2(QString::fromStdString(why).startsWith(error.chopped(1)), why.c_str());
    else
        QCOMPARE(QString::fromStdString(why), error);
    QCOMPARE(out.uuid, std::string("untouched")); // no partial result
    QVERIFY(out.groups.empty());
}

void TestOscal::deepNestingRefused()
{
    // parts nested 80 deep in AC-1: refused at the 65th level of groups, controls and parts
    nlohmann::json doc =
        nlohmann::json::parse(readFile(sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json"));
    nlohmann::json part = {{"name", "item"}, {"prose", "deepest"}};
    for (int i = 0; i < 80; ++i)
        part = {{"name", "item"}, {"parts", nlohmann::json::array({part})}};
    doc["catalog"]["groups"][0]["controls"][0]["parts"] = nlohmann::json::array({part});
    Catalog out;
    std::string why;
    QVERIFY(!parseCatalog(doc.dump(), &out, &why));
    std::string where = "/catalog/groups/0/controls/0";
    for (int level = 3; level <= 65; ++level) // group 1, control 2, parts from 3
        where += "/parts/0";
    QCOMPARE(why, where + ": nested deeper than 64 levels");
}

void TestOscal::baselines_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("issueCount"); // what issue 14 and the data README say
    QTest::newRow("LOW") << "NIST_SP-800-53_rev5_LOW-baseline_profile.json" << 149;
    QTest::newRow("MODERATE") << "NIST_SP-800-53_rev5_MODERATE-baseline_profile.json" << 287;
}

void TestOscal::baselines()
{
    QFETCH(QString, file);
    QFETCH(int, issueCount);
    const QString path = sharedOscal() + "/" + file;
    // Independently: the with-ids entries that exist in the catalog, and their families.
    const QJsonObject py = python(QString(kWalk) + R"(
prof = json.load(open(sys.argv[1]))['profile']
cat = json.load(open(sys.argv[2]))['catalog']
known = {i for i, _ in ids(cat)}
wanted = [i for imp in prof['imports'] for inc in imp.get('include-controls', [])
          for i in inc.get('with-ids', [])]
selected = sorted(set(wanted) & known)
fams = {g['id'] for g in cat['groups'] if any(i in selected for i, _ in ids({'groups': [g]}))}
print(json.dumps({'ids': selected, 'families': len(fams),
                  'enhancements': sum(1 for i in selected if '.' in i)}))
)",
                                  {path, sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json"})
                               .toObject();
    QStringList expected;
    for (const QJsonValue &v : py["ids"].toArray())
        expected << v.toString();
    QCOMPARE(expected.size(), issueCount);

    ResolvedProfile resolved;
    std::string error;
    QVERIFY2(resolveProfileFile(path.toStdString(), &resolved, &error, sharedResolver()),
             error.c_str());
    QCOMPARE(toList(resolved.warnings), QStringList());
    QStringList ids = toList(resolved.catalog.controlIds());
    ids.sort();
    QCOMPARE(ids, expected);
    const CatalogCounts n = resolved.catalog.counts();
    QCOMPARE(qsizetype(n.controls + n.enhancements), expected.size());
    QCOMPARE(qsizetype(n.enhancements), py["enhancements"].toInteger());
    QCOMPARE(qsizetype(n.topGroups), py["families"].toInteger()); // merge as-is keeps families
    QVERIFY(resolved.catalog.metadata.title.find("BASELINE") != std::string::npos);
    QCOMPARE(resolved.catalog.backMatter.size(), nist().backMatter.size());
    // The profiles name the catalog by its path in NIST's repository: read as a plain relative
    // path it is not there, and the error says which import and which path.
    QVERIFY(!resolveProfileFile(path.toStdString(), &resolved, &error));
    QVERIFY2(error.starts_with("/profile/imports/0: cannot resolve ../../../../nist.gov/SP800-53/"
                               "rev5/json/NIST_SP-800-53_rev5_catalog.json"),
             error.c_str());
}

void TestOscal::lowMatchesNistResolvedCatalog()
{
    // NIST's own resolution of LOW is release 5.1.1 (OSCAL 1.1.2) while the catalog here is 5.0.1
    // (OSCAL 1.0.0): titles, prose and the assessment parts may differ, so control ids are
    // compared. The 5.1.1 LOW profile resolved against the 5.0.1 catalog finds every one of its
    // 149 ids in 5.0.1 (5.1 added controls, none of them in LOW), so the id sets are equal.
    Catalog nistResolved;
    std::string error;
    QVERIFY2(
        parseCatalog(readFile(sharedOscal() +
                              "/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json"),
                     &nistResolved, &error),
        error.c_str()); // a 5.1.1 / OSCAL 1.1.2 catalog with assessment parts imports too
    ResolvedProfile ours;
    QVERIFY2(resolveProfileFile(
                 (sharedOscal() + "/NIST_SP-800-53_rev5_LOW-baseline_profile.json").toStdString(),
                 &ours, &error, sharedResolver()),
             error.c_str());
    const std::vector<std::string> theirs = nistResolved.controlIds();
    const std::vector<std::string> mine = ours.catalog.controlIds();
    QCOMPARE(std::set<std::string>(mine.begin(), mine.end()),
             std::set<std::string>(theirs.begin(), theirs.end()));
    QCOMPARE(mine.size(), std::size_t(149));
    QCOMPARE(ours.catalog.groups.size(), nistResolved.groups.size());
    // its assessment objectives flatten like statements, labels nested
    const Control *ac1 = nistResolved.findControl("ac-1");
    QVERIFY(ac1 && ac1->part("assessment-objective") && ac1->part("assessment-method"));
    const std::string objective =
        controlText(nistResolved, *ac1, "assessment-objective", ParamInsert::Keep);
    QVERIFY2(objective.starts_with("AC-01\n  AC-01a.\n    AC-01a.[01] an access control policy "
                                   "is developed and documented;\n    AC-01a.[02] the access "
                                   "control policy is disseminated to {{ insert: param, "
                                   "ac-01_odp.01 }};\n"),
             objective.substr(0, 300).c_str());
    const std::string substituted =
        controlText(nistResolved, *ac1, "assessment-objective", ParamInsert::Substitute);
    QVERIFY(substituted.find("{{") == std::string::npos);
    // methods: multi-line prose, one object a line
    const std::string method =
        controlText(nistResolved, *ac1, "assessment-method", ParamInsert::Keep);
    QVERIFY2(method.starts_with("AC-01-Examine\n  Access control policy and procedures\n    system "
                                "security plan\n    privacy plan\n"),
             method.substr(0, 300).c_str());
}

void TestOscal::setParametersOnNist()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string profile =
        R"({"profile": {
      "uuid": "2c9e1a4b-7d3f-4e5a-9b8c-1d2e3f4a5b6c",
      "metadata": {"title": "AC-2 tailored", "last-modified": "2026-12-06T12:00:00Z",
                   "version": "1", "oscal-version": "1.1.2"},
      "imports": [{"href": ")" +
        (sharedOscal() + "/NIST_SP-800-53_rev5_catalog.json").toStdString() +
        R"(",
                   "include-controls": [{"with-ids": ["ac-2"], "with-child-controls": "yes"}]}],
      "merge": {"as-is": true},
      "modify": {
        "set-parameters": [
          {"param-id": "ac-2_prm_1", "values": ["a request approved by the account's manager"]},
          {"param-id": "ac-2.2_prm_1", "values": ["disable"]},
          {"param-id": "ac-2.2_prm_2", "label": "time period", "values": ["72 hours"]},
          {"param-id": "zz-9_prm_1", "values": ["nothing"]}],
        "alters": [{"control-id": "ac-2", "removes": [{"by-name": "guidance"}]}]}}})";
    QFile f(dir.filePath("p.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(profile.c_str());
    f.close();
    ResolvedProfile r;
    std::string error;
    QVERIFY2(resolveProfileFile(dir.filePath("p.json").toStdString(), &r, &error), error.c_str());
    const CatalogCounts n = r.catalog.counts();
    QCOMPARE(n.topGroups, std::size_t(1));
    QCOMPARE(n.controls, std::size_t(1));
    QCOMPARE(n.enhancements, std::size_t(13));
    const Control *ac2 = r.catalog.findControl("ac-2");
    QVERIFY(ac2);
    QVERIFY(controlText(r.catalog, *ac2, "statement", ParamInsert::Substitute)
                .find("c. Require a request approved by the account's manager for group and role "
                      "membership;") != std::string::npos);
    QVERIFY(!ac2->part("guidance"));
    QVERIFY(nist().findControl("ac-2")->part("guidance")); // the source is not changed
    const Control *ac22 = r.catalog.findControl("ac-2.2");
    QCOMPARE(controlText(r.catalog, *ac22, "statement", ParamInsert::Substitute),
             std::string("Automatically disable temporary and emergency accounts after 72 hours."));
    QCOMPARE(r.catalog.findParam("ac-2.2_prm_2")->label, std::string("time period"));
    QCOMPARE(toList(r.warnings), QStringList({"/profile/modify/set-parameters/3: param "
                                              "\"zz-9_prm_1\" is not in the resolved catalog"}));
}

void TestOscal::profileErrors_data()
{
    QTest::addColumn<QString>("imports"); // the profile's members after its metadata
    QTest::addColumn<QString>("error");   // exact, or a prefix when it ends with '*'
    QTest::newRow("no imports") << R"("merge": {"as-is": true})"
                                << "/profile/imports: missing";
    QTest::newRow("empty imports") << R"("imports": [])"
                                   << "/profile/imports: expected a non-empty array";
    QTest::newRow("import without href") << R"("imports": [{"include-all": {}}])"
                                         << "/profile/imports/0/href: missing";
    QTest::newRow("nothing included") << R"("imports": [{"href": "mini_catalog.json"}])"
                                      << "/profile/imports/0: neither include-all nor "
                                         "include-controls";
    QTest::newRow("with-child-controls maybe")
        << R"("imports": [{"href": "c.json", "include-controls": [{"with-child-controls": "maybe"}]}])"
        << "/profile/imports/0/include-controls/0/with-child-controls: expected \"yes\" or \"no\"";
    QTest::newRow("merge custom")
        << R"("imports": [{"href": "mini_catalog.json", "include-all": {}}], "merge": {"custom": {}})"
        << "/profile/merge/custom: merge custom is not supported";
    QTest::newRow("missing file") << R"("imports": [{"href": "missing.json", "include-all": {}}])"
                                  << "/profile/imports/0: cannot resolve missing.json: *";
    QTest::newRow("URL")
        << R"("imports": [{"href": "https://example.org/c.json", "include-all": {}}])"
        << "/profile/imports/0: cannot resolve https://example.org/c.json: "
           "https://example.org/c.json: only files are resolved, not URLs";
    QTest::newRow("unknown back-matter")
        << R"("imports": [{"href": "#3f2e1d0c-9b8a-4765-8432-10fedcba9876", "include-all": {}}])"
        << "/profile/imports/0/href: no back-matter resource 3f2e1d0c-9b8a-4765-8432-10fedcba9876";
    QTest::newRow("malformed catalog")
        << R"("imports": [{"href": "bad.json", "include-all": {}}])"
        << "/profile/imports/0: bad.json: /catalog/metadata: missing";
    QTest::newRow("import cycle") << R"("imports": [{"href": "p.json", "include-all": {}}])"
                                  << "/profile/imports/0: p.json: /profile/imports/0: import cycle "
                                     "through p.json";
}

void TestOscal::profileErrors()
{
    QFETCH(QString, imports);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(testData() + "/mini_catalog.json", dir.filePath("mini_catalog.json")));
    const auto write = [&](const QString &name, const QString &text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
    };
    write("bad.json", R"({"catalog": {"uuid": "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"}})");
    write("p.json", R"({"profile": {"uuid": "4b3c2d1e-0f9a-4b8c-8d7e-6f5a4b3c2d1e",
        "metadata": {"title": "t", "last-modified": "2026-12-06T12:00:00Z", "version": "1",
                     "oscal-version": "1.1.2"}, )" +
                        imports + "}}");
    ResolvedProfile out;
    out.warnings = {"untouched"};
    std::string why;
    QVERIFY(!resolveProfileFile(dir.filePath("p.json").toStdString(), &out, &why));
    if (error.endsWith('*'))
        QVERIFY2(QString::fromStdString(why).startsWith(error.chopped(1)), why.c_str());
    else
        QCOMPARE(QString::fromStdString(why), error);
    QCOMPARE(out.warnings, std::vector<std::string>{"untouched"}); // nothing half-resolved
}

void TestOscal::miniCatalogAndProfile()
{
    Catalog cat;
    std::string error;
    QVERIFY2(parseCatalog(readFile(testData() + "/mini_catalog.json"), &cat, &error),
             error.c_str());
    CatalogCounts n = cat.counts();
    QCOMPARE(n.topGroups, std::size_t(2));
    QCOMPARE(n.groups, std::size_t(3)); // ops-tls is nested in ops
    QCOMPARE(n.controls, std::size_t(5));
    QCOMPARE(n.enhancements, std::size_t(2));
    QCOMPARE(cat.groups[0].groups[0].id, std::string("ops-tls"));
    const Control *ops1 = cat.findControl("ops-1");
    QVERIFY(ops1);
    QCOMPARE(ops1->label(), std::string("OPS-1"));
    QCOMPARE(cat.findControl("ops-3")->label(), std::string("ops-3")); // no label: the id
    QCOMPARE(controlText(cat, *ops1, "statement", ParamInsert::Substitute),
             std::string("Example Org shall:\n"
                         "  a. Require TLS [Assignment: minimum TLS version] or later on every "
                         "listener;\n"
                         "  b. Use [Selection: ECDSA; RSA; Example Org keys] certificates."));

    ResolvedProfile r;
    QVERIFY2(resolveProfileFile((testData() + "/mini_profile.json").toStdString(), &r, &error),
             error.c_str());
    QCOMPARE(toList(r.warnings), QStringList());
    QCOMPARE(toList(r.catalog.controlIds()), QStringList({"ops-1", "ops-1.1", "priv-1"}));
    n = r.catalog.counts();
    QCOMPARE(n.topGroups, std::size_t(2));
    QCOMPARE(n.groups, std::size_t(3));
    QVERIFY(r.catalog.groups[0].controls.empty()); // ops-2 and ops-3 were not included
    QCOMPARE(r.catalog.metadata.title, std::string("Opsconsole Example Baseline"));
    QVERIFY(isUuidV4(r.catalog.uuid));
    const Control *c = r.catalog.findControl("ops-1");
    QCOMPARE(controlText(r.catalog, *c, "statement", ParamInsert::Substitute),
             std::string("Example Org shall:\n"
                         "  a. Require TLS 1.3 or later on every listener;\n"
                         "  a2. Refuse TLS 1.0 and 1.1;\n"
                         "  b. Use [Selection: ECDSA; RSA; Example Org keys] certificates."));
    QVERIFY(!c->part("guidance"));                            // removed by id
    QCOMPARE(c->props.size(), std::size_t(3));                // status removed, priority added
    QCOMPARE(c->props.front().name, std::string("priority")); // at the start
    const Parameter *keyType = r.catalog.findParam("ops-1_prm_2");
    QCOMPARE(keyType->label, std::string("key type"));
    QCOMPARE(keyType->constraints.size(), std::size_t(1));
    QCOMPARE(keyType->choices.size(), std::size_t(3)); // the select stays
    QCOMPARE(r.catalog.params.size(), std::size_t(1)); // the catalog's org-name
    QVERIFY(r.catalog.findResource("7f2b1c3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e"));
}

void TestOscal::profileOfProfile()
{
    ResolvedProfile r;
    std::string error;
    QVERIFY2(resolveProfileFile((testData() + "/mini_profile_of_profile.json").toStdString(), &r,
                                &error),
             error.c_str());
    QCOMPARE(toList(r.catalog.controlIds()), QStringList({"ops-1", "ops-1.1"}));
    const CatalogCounts n = r.catalog.counts();
    QCOMPARE(n.groups, std::size_t(0)); // flat: every control a sibling
    QCOMPARE(n.controls, std::size_t(2));
    QCOMPARE(n.enhancements, std::size_t(0));
    // the inner profile's parameters and alters came along
    const Control *c = r.catalog.findControl("ops-1");
    QVERIFY(controlText(r.catalog, *c, "statement", ParamInsert::Substitute)
                .find("Require TLS 1.3 or later") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestOscal)
#include "tst_oscal.moc"
