// IncidentService against the real platformd (demo, --seed 7): the lifecycle and its rules,
// validation, permissions per role, audit rows, filters/order/paging, WatchIncidents with resume,
// runbooks and analytics computed independently. The Alertmanager side: tst_incidents_am.cpp.
#include "tst_incidents_common.h"

#include <google/protobuf/util/message_differencer.h>

#include <QTcpSocket>
#include <QTemporaryFile>
#include <QUrl>

#include <algorithm>
#include <map>
#include <set>

class TestIncidents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void demoData();
    void lifecycle();
    void transitionRules();
    void reopen();
    void validation_data();
    void validation();
    void updateIncident();
    void permissionsPerRole();
    void auditRows();
    void listFilters_data();
    void listFilters();
    void listOrderAndPaging();
    void watch();
    void runbooks();
    void analytics();
    void restartKeepsEverything();
    void webhookOnAnyFreePort();

private:
    std::string newIncident(const std::string &title, pb::IncidentSeverity severity = pb::SEV3)
    {
        pb::Incident i;
        const grpc::Status s = m_c.create(m_operator, title, severity, &i);
        if (!s.ok())
            qWarning("CreateIncident: %s", s.error_message().c_str());
        return i.name();
    }
    grpc::Status step(const std::string &token, const char *what, const std::string &name,
                      pb::Incident *out, std::int64_t effectiveMs = 0,
                      const std::string &comment = {})
    {
        pb::TransitionIncidentRequest r;
        r.set_name(name);
        r.set_comment(comment);
        if (effectiveMs)
            *r.mutable_effective_time() = TimeUtil::MillisecondsToTimestamp(effectiveMs);
        const std::string w = what;
        if (w == "ack") {
            pb::AcknowledgeIncidentRequest a;
            a.set_name(name);
            a.set_comment(comment);
            *a.mutable_effective_time() = r.effective_time();
            if (!effectiveMs)
                a.clear_effective_time();
            return m_c.stub->AcknowledgeIncident(m_c.ctx(token).get(), a, out);
        }
        if (w == "mitigate")
            return m_c.stub->MitigateIncident(m_c.ctx(token).get(), r, out);
        if (w == "resolve")
            return m_c.stub->ResolveIncident(m_c.ctx(token).get(), r, out);
        if (w == "close")
            return m_c.stub->CloseIncident(m_c.ctx(token).get(), r, out);
        return m_c.stub->ReopenIncident(m_c.ctx(token).get(), r, out);
    }
    static std::int64_t nowMs()
    {
        return TimeUtil::TimestampToMilliseconds(TimeUtil::GetCurrentTime());
    }

    IncidentClient m_c;
    std::string m_viewer, m_operator, m_manager;
};

void TestIncidents::initTestCase()
{
    QVERIFY2(m_c.start({"--demo", "--seed", "7"}), qPrintable(m_c.platformd.errorString()));
    m_viewer = m_c.user("vera", "viewer");
    m_operator = m_c.user("otto", "operator");
    m_manager = m_c.user("mia", "manager");
    QVERIFY(!m_viewer.empty() && !m_operator.empty() && !m_manager.empty());
}

void TestIncidents::demoData()
{
    const std::vector<pb::Incident> all = m_c.all();
    QVERIFY2(all.size() >= 100, qPrintable(QString::number(all.size())));
    std::set<int> sources, states;
    int postmortems = 0;
    for (const pb::Incident &i : all) {
        sources.insert(i.source());
        states.insert(i.state());
        postmortems += !i.postmortem().summary().empty();
        QVERIFY(i.timeline().empty()); // lists carry no timeline
        QVERIFY(i.timeline_length() >= 1);
        if (i.state() == pb::CLOSED)
            QVERIFY(!i.postmortem().summary().empty());
    }
    QCOMPARE(sources.size(), size_t(3));
    QVERIFY(states.count(pb::CLOSED) && states.count(pb::RESOLVED));
    QVERIFY(postmortems > 5);
    pb::Incident full;
    QVERIFY_OK(m_c.get(all.front().name(), &full));
    QCOMPARE(full.timeline_size(), full.timeline_length());
    for (int k = 0; k < full.timeline_size(); ++k)
        QCOMPARE(full.timeline(k).seq(), std::int64_t(k + 1));
}

void TestIncidents::lifecycle()
{
    const std::string name = newIncident("Checkout latency in eu-west", pb::SEV2);
    QVERIFY(!name.empty());
    pb::Incident i;
    QVERIFY_OK(m_c.get(name, &i));
    QCOMPARE(i.state(), pb::TRIGGERED);
    QCOMPARE(i.source(), pb::MANUAL);
    QCOMPARE(i.created_by(), "users/otto");
    QVERIFY(i.dedup_key().empty());
    QVERIFY_OK(step(m_operator, "ack", name, &i, 0, "on it"));
    QCOMPARE(i.state(), pb::ACKNOWLEDGED);
    QCOMPARE(i.acknowledged_by(), "users/otto");
    QVERIFY(msOf(i.acknowledge_time()) >= msOf(i.trigger_time()));
    QVERIFY_OK(step(m_operator, "mitigate", name, &i));
    pb::AddTimelineNoteRequest note;
    note.set_name(name);
    note.set_text("Rolled back **v42**.");
    QVERIFY_OK(m_c.stub->AddTimelineNote(m_c.ctx(m_operator).get(), note, &i));
    QVERIFY_OK(step(m_operator, "resolve", name, &i));
    QCOMPARE(i.state(), pb::RESOLVED);
    QCOMPARE(i.resolved_by(), "users/otto");
    // Closing: needs incidents.close, then a postmortem summary.
    QCOMPARE_CODE(step(m_operator, "close", name, &i), grpc::StatusCode::PERMISSION_DENIED, "");
    QCOMPARE_CODE(step(m_manager, "close", name, &i), grpc::StatusCode::FAILED_PRECONDITION,
                  "postmortem");
    pb::UpdatePostmortemRequest pm;
    pm.set_name(name);
    pm.mutable_postmortem()->set_summary("A bad deploy; rolled back in 12 minutes.");
    pm.mutable_postmortem()->set_updated_by("users/someone-else"); // set by platformd
    pb::FollowUp *f = pm.mutable_postmortem()->add_follow_ups();
    f->set_title("Canary latency gate");
    f->set_owner("users/otto");
    f->set_ticket_url("https://tickets.example/OPS-1");
    QVERIFY_OK(m_c.stub->UpdatePostmortem(m_c.ctx(m_operator).get(), pm, &i));
    QCOMPARE(i.postmortem().updated_by(), "users/otto");
    QVERIFY_OK(step(m_manager, "close", name, &i));
    QCOMPARE(i.state(), pb::CLOSED);
    QCOMPARE_CODE(step(m_manager, "reopen", name, &i), grpc::StatusCode::FAILED_PRECONDITION,
                  "CLOSED");
    // The timeline tells the story, in order.
    std::vector<std::pair<pb::TimelineEntry::Kind, pb::IncidentState>> got;
    for (const pb::TimelineEntry &e : i.timeline())
        got.emplace_back(e.kind(), e.state());
    const std::vector<std::pair<pb::TimelineEntry::Kind, pb::IncidentState>> want = {
        {pb::TimelineEntry::STATE_CHANGE, pb::TRIGGERED},
        {pb::TimelineEntry::STATE_CHANGE, pb::ACKNOWLEDGED},
        {pb::TimelineEntry::STATE_CHANGE, pb::MITIGATED},
        {pb::TimelineEntry::NOTE, pb::INCIDENT_STATE_UNSPECIFIED},
        {pb::TimelineEntry::STATE_CHANGE, pb::RESOLVED},
        {pb::TimelineEntry::POSTMORTEM, pb::INCIDENT_STATE_UNSPECIFIED},
        {pb::TimelineEntry::STATE_CHANGE, pb::CLOSED},
    };
    QCOMPARE(got, want);
    QCOMPARE(i.timeline(1).text(), "TRIGGERED -> ACKNOWLEDGED\n\non it");
    QCOMPARE(i.timeline(3).text(), "Rolled back **v42**.");
    QCOMPARE(i.timeline(3).actor(), "users/otto");
}

void TestIncidents::transitionRules()
{
    const std::string name = newIncident("Rules");
    pb::Incident i;
    QVERIFY_OK(m_c.get(name, &i));
    const std::int64_t trigger = msOf(i.trigger_time());
    // Not in the future, not before the trigger.
    QCOMPARE_CODE(step(m_operator, "ack", name, &i, nowMs() + 3600000),
                  grpc::StatusCode::INVALID_ARGUMENT, "in the future");
    QCOMPARE_CODE(step(m_operator, "ack", name, &i, trigger - 60000),
                  grpc::StatusCode::INVALID_ARGUMENT, "is before TRIGGERED time");
    QVERIFY_OK(step(m_operator, "ack", name, &i, trigger + 1));
    QCOMPARE(msOf(i.acknowledge_time()), trigger + 1);
    QCOMPARE_CODE(step(m_operator, "ack", name, &i), grpc::StatusCode::FAILED_PRECONDITION,
                  "ACKNOWLEDGED");
    // Mitigated >= acknowledged.
    QCOMPARE_CODE(step(m_operator, "mitigate", name, &i, trigger),
                  grpc::StatusCode::INVALID_ARGUMENT, "before ACKNOWLEDGED time");
    // Skipping forward is allowed; back is not.
    QVERIFY_OK(step(m_operator, "resolve", name, &i));
    QVERIFY(!i.has_mitigate_time());
    QCOMPARE_CODE(step(m_operator, "mitigate", name, &i), grpc::StatusCode::FAILED_PRECONDITION,
                  "RESOLVED");
    QCOMPARE_CODE(step(m_operator, "ack", name, &i), grpc::StatusCode::FAILED_PRECONDITION,
                  "cannot move to ACKNOWLEDGED");
    // Nothing of the refusals reached the incident.
    pb::Incident after;
    QVERIFY_OK(m_c.get(name, &after));
    QCOMPARE(after.timeline_size(), 3);
    QCOMPARE(after.state(), pb::RESOLVED);
    // Unknown incident.
    QCOMPARE_CODE(step(m_operator, "ack", "incidents/999999", &i), grpc::StatusCode::NOT_FOUND,
                  "incidents/999999");
}

void TestIncidents::reopen()
{
    const std::string name = newIncident("Reopen me");
    pb::Incident i;
    QCOMPARE_CODE(step(m_operator, "reopen", name, &i), grpc::StatusCode::FAILED_PRECONDITION,
                  "TRIGGERED");
    QVERIFY_OK(step(m_operator, "ack", name, &i));
    QVERIFY_OK(step(m_operator, "resolve", name, &i));
    QVERIFY_OK(step(m_operator, "reopen", name, &i, 0, "came back"));
    QCOMPARE(i.state(), pb::TRIGGERED);
    QVERIFY(!i.has_acknowledge_time());
    QVERIFY(!i.has_resolve_time());
    QVERIFY(i.acknowledged_by().empty());
    const pb::TimelineEntry &last = i.timeline(i.timeline_size() - 1);
    QCOMPARE(last.state(), pb::TRIGGERED);
    QVERIFY2(last.text().find("times cleared") != std::string::npos, last.text().c_str());
    QVERIFY_OK(step(m_operator, "ack", name, &i));
}

void TestIncidents::validation_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad name") << "name"
                              << "expected incidents/{number}";
    QTest::newRow("no title") << "title"
                              << "incident.title: required";
    QTest::newRow("no severity") << "severity"
                                 << "incident.severity";
    QTest::newRow("unknown assignee") << "assignee"
                                      << "no such user users/nobody";
    QTest::newRow("unknown region") << "region"
                                    << "no such region regions/atlantis";
    QTest::newRow("bad region name") << "regionname"
                                     << "expected regions/{id}";
    QTest::newRow("unknown model") << "model"
                                   << "no such model models/unicorn";
    QTest::newRow("bad utf-8") << "utf8"
                               << "not valid UTF-8";
    QTest::newRow("empty note") << "note"
                                << "text: required";
    QTest::newRow("long note") << "longnote"
                               << "longer than 20000 bytes";
    QTest::newRow("mask") << "mask"
                          << "cannot update \"state\"";
    QTest::newRow("no mask") << "nomask"
                             << "update_mask: required";
    QTest::newRow("runbook name") << "runbook"
                                  << "expected runbooks/{alertname}";
    QTest::newRow("runbook size") << "runbooksize"
                                  << "longer than 65536 bytes";
    QTest::newRow("follow-up url") << "followup"
                                   << "ticket_url: expected an http(s) URL";
    QTest::newRow("analytics window") << "analytics"
                                      << "is not before end_time";
}

void TestIncidents::validation()
{
    QFETCH(QString, what);
    QFETCH(QString, message);
    const std::string w = what.toStdString();
    static std::string target;
    if (target.empty())
        target = newIncident("Validation target");
    grpc::Status s;
    pb::Incident i;
    pb::CreateIncidentRequest c;
    c.mutable_incident()->set_title("ok");
    c.mutable_incident()->set_severity(pb::SEV3);
    pb::UpdateIncidentRequest u;
    u.mutable_incident()->set_name(target);
    if (w == "name") {
        s = m_c.get("incident/1", &i);
    } else if (w == "title" || w == "severity" || w == "assignee" || w == "region" ||
               w == "regionname" || w == "model" || w == "utf8") {
        if (w == "title")
            c.mutable_incident()->clear_title();
        if (w == "severity")
            c.mutable_incident()->clear_severity();
        if (w == "assignee")
            c.mutable_incident()->set_assignee("users/nobody");
        if (w == "region")
            c.mutable_incident()->add_regions("regions/atlantis");
        if (w == "regionname")
            c.mutable_incident()->add_regions("eu-west");
        if (w == "model")
            c.mutable_incident()->add_models("models/unicorn");
        if (w == "utf8")
            c.mutable_incident()->set_summary("bad \xff\xfe");
        s = m_c.stub->CreateIncident(m_c.ctx(m_operator).get(), c, &i);
    } else if (w == "note" || w == "longnote") {
        pb::AddTimelineNoteRequest n;
        n.set_name(target);
        n.set_text(w == "note" ? "" : std::string(20001, 'x'));
        s = m_c.stub->AddTimelineNote(m_c.ctx(m_operator).get(), n, &i);
    } else if (w == "mask" || w == "nomask") {
        if (w == "mask")
            u.mutable_update_mask()->add_paths("state");
        s = m_c.stub->UpdateIncident(m_c.ctx(m_operator).get(), u, &i);
    } else if (w == "runbook" || w == "runbooksize") {
        pb::UpdateRunbookRequest r;
        r.mutable_runbook()->set_name(w == "runbook" ? "runbook/X" : "runbooks/X");
        r.mutable_runbook()->set_markdown(std::string(w == "runbook" ? 1 : 70000, '#'));
        pb::Runbook out;
        s = m_c.stub->UpdateRunbook(m_c.ctx(m_manager).get(), r, &out);
    } else if (w == "followup") {
        pb::UpdatePostmortemRequest p;
        p.set_name(target);
        pb::FollowUp *f = p.mutable_postmortem()->add_follow_ups();
        f->set_title("x");
        f->set_ticket_url("javascript:alert(1)");
        s = m_c.stub->UpdatePostmortem(m_c.ctx(m_operator).get(), p, &i);
    } else if (w == "analytics") {
        pb::GetIncidentAnalyticsRequest a;
        *a.mutable_start_time() = TimeUtil::MillisecondsToTimestamp(nowMs());
        *a.mutable_end_time() = TimeUtil::MillisecondsToTimestamp(nowMs() - 1000);
        pb::IncidentAnalytics out;
        s = m_c.stub->GetIncidentAnalytics(m_c.ctx(m_viewer).get(), a, &out);
    }
    QCOMPARE_CODE(s, grpc::StatusCode::INVALID_ARGUMENT, message.toStdString());
}

void TestIncidents::updateIncident()
{
    const std::string name = newIncident("Update me", pb::SEV4);
    pb::UpdateIncidentRequest u;
    u.mutable_incident()->set_name(name);
    u.mutable_incident()->set_title("Updated title");
    u.mutable_incident()->set_severity(pb::SEV1);
    u.mutable_incident()->set_assignee("users/mia");
    u.mutable_incident()->add_regions("regions/eu-west");
    for (const char *p : {"title", "severity", "assignee", "regions"})
        u.mutable_update_mask()->add_paths(p);
    pb::Incident i;
    QVERIFY_OK(m_c.stub->UpdateIncident(m_c.ctx(m_operator).get(), u, &i));
    QCOMPARE(i.title(), "Updated title");
    QCOMPARE(i.severity(), pb::SEV1);
    QVERIFY(i.severity_pinned());
    QCOMPARE(i.assignee(), "users/mia");
    QCOMPARE(i.regions_size(), 1);
    std::set<int> kinds;
    for (const pb::TimelineEntry &e : i.timeline())
        kinds.insert(e.kind());
    QVERIFY(kinds.count(pb::TimelineEntry::ASSIGNED) && kinds.count(pb::TimelineEntry::UPDATED) &&
            kinds.count(pb::TimelineEntry::SEVERITY_CHANGED));
}

void TestIncidents::permissionsPerRole()
{
    pb::Incident i;
    QCOMPARE_CODE(m_c.create(m_viewer, "viewer", pb::SEV3, &i), grpc::StatusCode::PERMISSION_DENIED,
                  "");
    const std::string name = newIncident("Roles");
    QCOMPARE_CODE(step(m_viewer, "ack", name, &i), grpc::StatusCode::PERMISSION_DENIED, "");
    pb::ListIncidentsRequest l;
    pb::ListIncidentsResponse lr;
    QVERIFY_OK(m_c.stub->ListIncidents(m_c.ctx(m_viewer).get(), l, &lr));
    // An operator acknowledges; acknowledging with a silence needs an Alertmanager incident.
    pb::AcknowledgeIncidentRequest a;
    a.set_name(name);
    a.set_comment("mine");
    a.mutable_silence_duration()->set_seconds(3600);
    QCOMPARE_CODE(m_c.stub->AcknowledgeIncident(m_c.ctx(m_operator).get(), a, &i),
                  grpc::StatusCode::FAILED_PRECONDITION, "no Alertmanager alerts");
    a.clear_silence_duration();
    QVERIFY_OK(m_c.stub->AcknowledgeIncident(m_c.ctx(m_operator).get(), a, &i));
    pb::UpdateRunbookRequest r;
    r.mutable_runbook()->set_name("runbooks/TestAlert");
    r.mutable_runbook()->set_markdown("# TestAlert\n");
    pb::Runbook rb;
    QCOMPARE_CODE(m_c.stub->UpdateRunbook(m_c.ctx(m_operator).get(), r, &rb),
                  grpc::StatusCode::PERMISSION_DENIED, "");
    QVERIFY_OK(m_c.stub->UpdateRunbook(m_c.ctx(m_manager).get(), r, &rb));
    pb::CreateSilenceRequest cs;
    pb::Silence si;
    QCOMPARE_CODE(m_c.stub->CreateSilence(m_c.ctx(m_viewer).get(), cs, &si),
                  grpc::StatusCode::PERMISSION_DENIED, "");
    QCOMPARE_CODE(m_c.stub->CreateSilence(m_c.ctx(m_operator).get(), cs, &si),
                  grpc::StatusCode::INVALID_ARGUMENT, "silence.alertmanager");
}

void TestIncidents::auditRows()
{
    const std::string name = newIncident("Audited");
    pb::Incident i;
    QVERIFY_OK(step(m_operator, "ack", name, &i));
    QCOMPARE_CODE(step(m_operator, "ack", name, &i), grpc::StatusCode::FAILED_PRECONDITION, "");
    const std::vector<pb::AuditEvent> rows = m_c.auditOf("AcknowledgeIncident");
    std::vector<std::string> results;
    for (const pb::AuditEvent &e : rows)
        if (e.resource() == name) {
            QCOMPARE(e.actor(), "users/otto");
            QCOMPARE(e.role(), "operator");
            results.push_back(e.result());
        }
    QCOMPARE(results, (std::vector<std::string>{"OK", "FAILED_PRECONDITION"}));
    bool created = false;
    for (const pb::AuditEvent &e : m_c.auditOf("CreateIncident"))
        created = created || (e.actor() == "users/otto" && e.result() == "OK" &&
                              e.request_summary().find("Audited") != std::string::npos);
    QVERIFY(created);
}

void TestIncidents::listFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("state") << "state = TRIGGERED";
    // The core filter has no ordering on enums (tst_filter): the proto's `severity <= SEV2` is
    // written as an OR.
    QTest::newRow("severity") << "severity = SEV1 OR severity = SEV2";
    QTest::newRow("region") << R"(regions:"regions/eu-west")";
    QTest::newRow("source and time")
        << R"(source = ALERTMANAGER AND trigger_time > "2020-01-01T00:00:00Z")";
    QTest::newRow("or") << "state = CLOSED OR severity = SEV1";
}

void TestIncidents::listFilters()
{
    QFETCH(QString, filter);
    const std::vector<pb::Incident> all = m_c.all();
    const std::vector<pb::Incident> got = m_c.all(filter.toStdString());
    QVERIFY(!got.empty());
    QVERIFY(got.size() < all.size());
    // The same set as filtering by hand.
    std::set<std::string> want, have;
    const bool after2020 = true;
    for (const pb::Incident &i : all) {
        bool m = false;
        if (filter == "state = TRIGGERED")
            m = i.state() == pb::TRIGGERED;
        else if (filter.startsWith("severity"))
            m = i.severity() <= pb::SEV2;
        else if (filter.startsWith("regions:"))
            m = std::count(i.regions().begin(), i.regions().end(), "regions/eu-west") > 0;
        else if (filter.startsWith("source"))
            m = i.source() == pb::ALERTMANAGER && after2020;
        else
            m = i.state() == pb::CLOSED || i.severity() == pb::SEV1;
        if (m)
            want.insert(i.name());
    }
    for (const pb::Incident &i : got)
        have.insert(i.name());
    // The simulator may open incidents between the two lists: compare what both saw.
    std::set<std::string> both;
    for (const pb::Incident &i : all)
        both.insert(i.name());
    std::erase_if(have, [&](const std::string &n) { return !both.count(n); });
    QCOMPARE(have, want);
    pb::ListIncidentsRequest bad;
    bad.set_filter("severty = SEV1");
    pb::ListIncidentsResponse out;
    QCOMPARE_CODE(m_c.stub->ListIncidents(m_c.ctx(m_viewer).get(), bad, &out),
                  grpc::StatusCode::INVALID_ARGUMENT, "unknown field \"severty\"");
}

void TestIncidents::listOrderAndPaging()
{
    // Default: newest trigger first.
    const std::vector<pb::Incident> byDefault = m_c.all();
    for (size_t k = 1; k < byDefault.size(); ++k)
        QVERIFY(msOf(byDefault[k - 1].trigger_time()) >= msOf(byDefault[k].trigger_time()));
    const std::vector<pb::Incident> bySeverity = m_c.all("state = CLOSED", "severity, number desc");
    for (size_t k = 1; k < bySeverity.size(); ++k) {
        const auto &a = bySeverity[k - 1], &b = bySeverity[k];
        QVERIFY(a.severity() < b.severity() ||
                (a.severity() == b.severity() && a.number() > b.number()));
    }
    // Pages of 7 walk the same list as one page (closed incidents do not change meanwhile).
    pb::ListIncidentsRequest r;
    r.set_filter("state = CLOSED");
    r.set_order_by("number");
    r.set_page_size(7);
    std::vector<std::string> paged;
    int pages = 0;
    for (;;) {
        pb::ListIncidentsResponse page;
        QVERIFY_OK(m_c.stub->ListIncidents(m_c.ctx(m_viewer).get(), r, &page));
        QVERIFY(page.incidents_size() <= 7);
        QCOMPARE(size_t(page.total_size()), bySeverity.size());
        QVERIFY(page.revision() > 0);
        for (const pb::Incident &i : page.incidents())
            paged.push_back(i.name());
        ++pages;
        if (page.next_page_token().empty())
            break;
        r.set_page_token(page.next_page_token());
    }
    QCOMPARE(paged.size(), bySeverity.size());
    QCOMPARE(pages, int((bySeverity.size() + 6) / 7));
    std::vector<std::string> sorted = paged;
    std::sort(sorted.begin(), sorted.end(), [](const std::string &a, const std::string &b) {
        return std::stoll(a.substr(10)) < std::stoll(b.substr(10));
    });
    QCOMPARE(paged, sorted);
    r.set_page_token("garbage");
    pb::ListIncidentsResponse out;
    QCOMPARE_CODE(m_c.stub->ListIncidents(m_c.ctx(m_viewer).get(), r, &out),
                  grpc::StatusCode::INVALID_ARGUMENT, "page_token");
}

void TestIncidents::watch()
{
    pb::ListIncidentsRequest l;
    l.set_page_size(1);
    pb::ListIncidentsResponse lr;
    QVERIFY_OK(m_c.stub->ListIncidents(m_c.ctx(m_viewer).get(), l, &lr));
    const std::int64_t start = lr.revision();
    bool ordered = true;
    auto read = [&](std::int64_t after, const std::string &name, int wantEvents) {
        auto context = m_c.ctx(m_viewer);
        pb::WatchIncidentsRequest w;
        w.set_after_revision(after);
        auto reader = m_c.stub->WatchIncidents(context.get(), w);
        std::vector<pb::IncidentEvent> events;
        std::int64_t last = after;
        pb::WatchIncidentsResponse msg;
        while (int(events.size()) < wantEvents && reader->Read(&msg)) {
            if (!msg.has_changes())
                continue;
            ordered = ordered && msg.changes().revision() > last;
            last = msg.changes().revision();
            for (const pb::IncidentEvent &e : msg.changes().events())
                if (e.name() == name)
                    events.push_back(e);
        }
        context->TryCancel();
        reader->Finish();
        return events;
    };
    const std::string name = newIncident("Watched");
    pb::Incident i;
    QVERIFY_OK(step(m_operator, "ack", name, &i));
    std::vector<pb::IncidentEvent> events = read(start, name, 2);
    QVERIFY(ordered);
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].incident().state(), pb::TRIGGERED);
    QCOMPARE(events[1].incident().state(), pb::ACKNOWLEDGED);
    QVERIFY(events[1].incident().timeline().empty());
    QCOMPARE(events[1].incident().timeline_length(), 2);
    // Resuming after the first event's revision gives only the second.
    events = read(events[0].incident().revision(), name, 1);
    QCOMPARE(events.size(), size_t(1));
    QCOMPARE(events[0].incident().state(), pb::ACKNOWLEDGED);
    // Ahead of the current revision: refused.
    auto context = m_c.ctx(m_viewer);
    pb::WatchIncidentsRequest w;
    w.set_after_revision(std::int64_t(1) << 40);
    auto reader = m_c.stub->WatchIncidents(context.get(), w);
    pb::WatchIncidentsResponse msg;
    QVERIFY(!reader->Read(&msg));
    QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

void TestIncidents::runbooks()
{
    pb::ListRunbooksResponse list;
    QVERIFY_OK(m_c.stub->ListRunbooks(m_c.ctx(m_viewer).get(), {}, &list));
    QVERIFY(list.runbooks_size() >= 6);
    pb::GetRunbookRequest g;
    g.set_name("runbooks/RegionDown");
    pb::Runbook rb;
    QVERIFY_OK(m_c.stub->GetRunbook(m_c.ctx(m_viewer).get(), g, &rb));
    QVERIFY(rb.markdown().starts_with("# RegionDown"));
    // Demo incidents from Alertmanager link the runbook of their alert name.
    int linked = 0;
    for (const pb::Incident &i : m_c.all("source = ALERTMANAGER"))
        linked += i.runbooks_size() > 0;
    QVERIFY(linked > 10);
    g.set_name("runbooks/NoSuchAlert");
    QCOMPARE_CODE(m_c.stub->GetRunbook(m_c.ctx(m_viewer).get(), g, &rb),
                  grpc::StatusCode::NOT_FOUND, "runbooks/NoSuchAlert");
}

void TestIncidents::analytics()
{
    // A window that ended an hour ago: nothing the simulator or other tests do changes it.
    const std::int64_t end = nowMs() - 3600 * 1000;
    const std::int64_t start = end - 20LL * 24 * 3600 * 1000;
    const std::int64_t bucket = 24LL * 3600 * 1000;
    pb::GetIncidentAnalyticsRequest r;
    *r.mutable_start_time() = TimeUtil::MillisecondsToTimestamp(start);
    *r.mutable_end_time() = TimeUtil::MillisecondsToTimestamp(end);
    r.mutable_bucket()->set_seconds(bucket / 1000);
    pb::IncidentAnalytics a;
    QVERIFY_OK(m_c.stub->GetIncidentAnalytics(m_c.ctx(m_viewer).get(), r, &a));
    int triggered = 0, acked = 0, resolved = 0, open = 0;
    double tta = 0, ttr = 0;
    std::map<std::string, int> bySeverity, bySource, byRegion;
    std::vector<int> bucketTriggered(20);
    const char *sev[] = {"", "SEV1", "SEV2", "SEV3", "SEV4"};
    const char *src[] = {"", "ALERTMANAGER", "SIMULATOR", "MANUAL"};
    auto in = [&](std::int64_t t) {
        return t >= start && t < end;
    };
    for (const pb::Incident &i : m_c.all()) {
        const std::int64_t t = msOf(i.trigger_time());
        if (in(t)) {
            ++triggered;
            ++bucketTriggered[size_t((t - start) / bucket)];
            ++bySeverity[sev[i.severity()]];
            ++bySource[src[i.source()]];
            for (const std::string &region : i.regions())
                ++byRegion[region];
        }
        if (i.has_acknowledge_time() && in(msOf(i.acknowledge_time()))) {
            ++acked;
            tta += double(msOf(i.acknowledge_time()) - t) / 1000;
        }
        if (i.has_resolve_time() && in(msOf(i.resolve_time()))) {
            ++resolved;
            ttr += double(msOf(i.resolve_time()) - t) / 1000;
        }
        open += t < end && (!i.has_resolve_time() || msOf(i.resolve_time()) >= end);
    }
    QVERIFY(triggered > 20);
    QCOMPARE(a.triggered(), triggered);
    QCOMPARE(a.acknowledged(), acked);
    QCOMPARE(a.resolved(), resolved);
    QCOMPARE(a.open(), open);
    QVERIFY(std::abs(a.mtta_seconds() - tta / acked) < 0.01);
    QVERIFY(std::abs(a.mttr_seconds() - ttr / resolved) < 0.01);
    QVERIFY(a.mttr_seconds() > a.mtta_seconds());
    for (const pb::IncidentCount &c : a.by_severity())
        QCOMPARE(c.count(), bySeverity[c.key()]);
    for (const pb::IncidentCount &c : a.by_source())
        QCOMPARE(c.count(), bySource[c.key()]);
    QCOMPARE(size_t(a.by_region_size()), byRegion.size());
    for (const pb::IncidentCount &c : a.by_region())
        QCOMPARE(c.count(), byRegion[c.key()]);
    QCOMPARE(a.buckets_size(), 20);
    for (int k = 0; k < 20; ++k) {
        QCOMPARE(msOf(a.buckets(k).start_time()), start + k * bucket);
        QCOMPARE(a.buckets(k).triggered(), bucketTriggered[size_t(k)]);
    }
}

void TestIncidents::restartKeepsEverything()
{
    // An incident with alerts-free history of every kind, a runbook; then platformd restarts on
    // the same data dir and reads back the same.
    const std::string name = newIncident("Survives a restart", pb::SEV2);
    pb::Incident i;
    QVERIFY_OK(step(m_operator, "ack", name, &i, 0, "ack before restart"));
    pb::UpdatePostmortemRequest pm;
    pm.set_name(name);
    pm.mutable_postmortem()->set_summary("kept");
    pm.mutable_postmortem()->add_follow_ups()->set_title("follow-up");
    QVERIFY_OK(m_c.stub->UpdatePostmortem(m_c.ctx(m_operator).get(), pm, &i));
    std::map<std::string, std::string> before;
    for (const pb::Incident &x : m_c.all("source = MANUAL OR source = ALERTMANAGER")) {
        pb::Incident full;
        QVERIFY_OK(m_c.get(x.name(), &full));
        before[x.name()] = full.SerializeAsString();
    }
    QVERIFY(before.size() > 50);
    const QString dataDir = m_c.platformd.dataDir();
    QCOMPARE(m_c.platformd.terminate(), 0);
    QVERIFY2(m_c.platformd.start({"--demo", "--seed", "7"}, dataDir),
             qPrintable(m_c.platformd.errorString()));
    m_c.reconnect();
    for (const auto &[n, bytes] : before) {
        pb::Incident full;
        QVERIFY_OK(m_c.get(n, &full));
        pb::Incident old;
        old.ParseFromString(bytes);
        std::string diff;
        google::protobuf::util::MessageDifferencer differ;
        differ.ReportDifferencesToString(&diff);
        QVERIFY2(differ.Compare(old, full), (n + ": " + diff).c_str());
    }
}

void TestIncidents::webhookOnAnyFreePort()
{
    // --webhook-listen with port 0 takes a free port and announces it; the endpoint answers there
    // (a POST without the token: 401).
    QTemporaryFile token;
    QVERIFY(token.open());
    token.write("any-port-webhook-token-0123456789\n");
    token.flush();
    PlatformdProcess p;
    QVERIFY2(p.start({"--alertmanager", "am=http://127.0.0.1:1", "--webhook-listen", "127.0.0.1:0",
                      "--webhook-token-file", token.fileName()}),
             qPrintable(p.errorString()));
    const QUrl url(p.endpoint(QStringLiteral("webhook")));
    QVERIFY2(url.isValid() && url.host() == QLatin1String("127.0.0.1"), qPrintable(url.toString()));
    QVERIFY2(url.port() > 0, qPrintable(url.toString()));
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), quint16(url.port()));
    QVERIFY(socket.waitForConnected(10000));
    socket.write("POST /webhooks/alertmanager/am HTTP/1.1\r\nHost: x\r\nContent-Type: "
                 "application/json\r\nContent-Length: 2\r\n\r\n{}");
    QByteArray reply;
    while (!reply.contains("\r\n") && socket.waitForReadyRead(10000))
        reply += socket.readAll();
    QVERIFY2(reply.startsWith("HTTP/1.1 401"), reply.constData());
    // Port 0 is the only port outside 1..65535 it takes.
    PlatformdProcess bad;
    QVERIFY(!bad.start(
        {"--webhook-listen", "127.0.0.1:70000", "--webhook-token-file", token.fileName()}));
    QVERIFY2(bad.standardError().contains("--webhook-listen"), bad.standardError().constData());
}

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
