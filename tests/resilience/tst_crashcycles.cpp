// kill -9 of platformd under write load, over and over: after every restart on the same data dir a
// watching client that resumes from its last applied revision must hold exactly what a fresh List
// says, without applying a revision twice or skipping one. A raw gRPC client, not the console's
// services, so a failure points at platformd.
//
// The client keeps every version it has seen of every resource (name -> revision -> bytes), so its
// state can be evaluated at the revision of each List page even while the demo keeps writing.
// OPS_LONG=1: 200 cycles instead of 20.
#include "platformdprocess.h"

#include "ops/platform/v1/regions.grpc.pb.h"

#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/grpcpp.h>

#include <QtTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;

namespace {

constexpr auto kCallTimeout = 5s;
constexpr auto kCatchUpTimeout = 20s;

// A loopback port nobody listens on right now; platformd gets it on every restart.
int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

enum class Kind { Region, Component, EdgeNode };

Kind kindOf(const std::string &name)
{
    if (name.find("/components/") != std::string::npos)
        return Kind::Component;
    if (name.find("/edgeNodes/") != std::string::npos)
        return Kind::EdgeNode;
    return Kind::Region;
}

// How the watched version differs from the listed one, field by field.
std::string describeDifference(Kind kind, const std::string &listed,
                               const std::optional<std::string> &watched)
{
    if (!watched)
        return "the watcher does not hold it";
    auto diff = [&](auto a) {
        auto b = a;
        if (!a.ParseFromString(listed) || !b.ParseFromString(*watched))
            return "unparseable: " + std::to_string(listed.size()) + " bytes listed, " +
                   std::to_string(watched->size()) + " watched";
        std::string report;
        google::protobuf::util::MessageDifferencer differencer;
        differencer.ReportDifferencesToString(&report);
        differencer.Compare(a, b);
        return report.empty() ? std::string("equal as messages, different bytes") : report;
    };
    switch (kind) {
    case Kind::Region:
        return diff(pb::Region());
    case Kind::Component:
        return diff(pb::Component());
    case Kind::EdgeNode:
        return diff(pb::EdgeNode());
    }
    return {};
}

// Every version the client has seen: name -> revision -> serialized resource (nullopt: deleted).
class History
{
public:
    // Idempotent: a version already held is not applied again. A different resource under a
    // revision already held is an error.
    bool record(const std::string &name, std::int64_t revision, std::optional<std::string> bytes,
                std::string *error)
    {
        auto &versions = m_versions[name];
        const auto [it, inserted] = versions.try_emplace(revision, std::move(bytes));
        if (!inserted && it->second != bytes)
            *error =
                name + " at revision " + std::to_string(revision) + " arrived twice, different";
        return inserted;
    }
    // The resource as of revision (its latest version at or before it).
    std::optional<std::string> at(const std::string &name, std::int64_t revision) const
    {
        const auto found = m_versions.find(name);
        if (found == m_versions.end())
            return std::nullopt;
        auto it = found->second.upper_bound(revision);
        if (it == found->second.begin())
            return std::nullopt;
        return std::prev(it)->second;
    }
    std::set<std::string> namesAt(Kind kind, std::int64_t revision) const
    {
        std::set<std::string> names;
        for (const auto &[name, versions] : m_versions)
            if (kindOf(name) == kind && at(name, revision))
                names.insert(name);
        return names;
    }
    // Forgets versions no later comparison (all at revisions >= revision) can see.
    void prune(std::int64_t revision)
    {
        for (auto &[name, versions] : m_versions) {
            auto keep = versions.upper_bound(revision);
            if (keep != versions.begin())
                --keep;
            versions.erase(versions.begin(), keep);
        }
    }

private:
    std::map<std::string, std::map<std::int64_t, std::optional<std::string>>> m_versions;
};

struct ClientState
{
    std::mutex mutex;
    std::condition_variable changed;
    History history;
    std::int64_t lastApplied = 0;      // revision of the last applied batch
    std::int64_t progressRevision = 0; // of the current stream
    bool caughtUp = false;             // the current stream sent its first progress
    bool streamEnded = false;
    bool paused = false; // the watcher stops reading: platformd commits more than it delivers
    grpc::Status endStatus;
    std::int64_t eventsApplied = 0;
    std::int64_t batchesApplied = 0;
    std::int64_t revisionGaps = 0; // batches not at lastApplied + 1: allowed, counted
    std::vector<std::string> violations;
};

void addToken(grpc::ClientContext *context, const std::string &token)
{
    if (!token.empty())
        context->AddMetadata("authorization", "Bearer " + token);
}

// One WatchRegions stream from `after`, applying into the shared state on its own thread.
class Watcher
{
public:
    Watcher(pb::RegionService::Stub *stub, const std::string &token, std::int64_t after,
            ClientState &state)
        : m_state(state)
    {
        addToken(&m_context, token);
        {
            std::lock_guard lock(state.mutex);
            state.progressRevision = 0;
            state.caughtUp = false;
            state.streamEnded = false;
        }
        pb::WatchRegionsRequest request;
        request.set_after_revision(after);
        request.set_include_components(true);
        request.set_include_edge_nodes(true);
        m_thread = std::thread([this, stub, request, after] { run(stub, request, after); });
    }
    ~Watcher()
    {
        m_context.TryCancel();
        m_thread.join();
    }

private:
    void run(pb::RegionService::Stub *stub, const pb::WatchRegionsRequest &request,
             std::int64_t after)
    {
        auto reader = stub->WatchRegions(&m_context, request);
        pb::WatchRegionsResponse response;
        bool first = true;
        for (;;) {
            {
                std::unique_lock lock(m_state.mutex);
                m_state.changed.wait(lock, [&] { return !m_state.paused; });
            }
            if (!reader->Read(&response))
                break;
            std::lock_guard lock(m_state.mutex);
            if (response.has_progress()) {
                // Everything up to it has been delivered: a resume point, like a batch.
                m_state.progressRevision = response.progress().revision();
                m_state.lastApplied = std::max(m_state.lastApplied, m_state.progressRevision);
                m_state.caughtUp = true;
            } else if (response.has_changes()) {
                apply(response.changes(), after, first);
                first = false;
            }
            m_state.changed.notify_all();
        }
        const grpc::Status status = reader->Finish();
        std::lock_guard lock(m_state.mutex);
        m_state.streamEnded = true;
        m_state.endStatus = status;
        m_state.changed.notify_all();
    }

    void apply(const pb::RegionChangeBatch &batch, std::int64_t after, bool first)
    {
        const std::int64_t revision = batch.revision();
        if (first && revision <= after)
            m_state.violations.push_back("resumed after " + std::to_string(after) +
                                         " but the first batch is revision " +
                                         std::to_string(revision));
        if (revision <= m_state.lastApplied) {
            m_state.violations.push_back(
                "batch revision " + std::to_string(revision) + " arrived after revision " +
                std::to_string(m_state.lastApplied) + " was applied (or reported by progress)");
            return;
        }
        // A revision without changes of the watched kinds has no batch, so gaps are legal; with
        // every kind watched there are none today.
        if (revision != m_state.lastApplied + 1 && m_state.lastApplied > 0)
            ++m_state.revisionGaps;
        for (const pb::RegionEvent &event : batch.events()) {
            if (event.name().empty())
                m_state.violations.push_back("an event without a name at revision " +
                                             std::to_string(revision));
            std::optional<std::string> bytes;
            if (event.type() == pb::CHANGE_TYPE_UPSERT) {
                switch (event.resource_case()) {
                case pb::RegionEvent::kRegion:
                    bytes = event.region().SerializeAsString();
                    break;
                case pb::RegionEvent::kComponent:
                    bytes = event.component().SerializeAsString();
                    break;
                case pb::RegionEvent::kEdgeNode:
                    bytes = event.edge_node().SerializeAsString();
                    break;
                case pb::RegionEvent::kFailover:
                    bytes = event.failover().SerializeAsString();
                    break;
                case pb::RegionEvent::kMaintenanceWindow:
                    bytes = event.maintenance_window().SerializeAsString();
                    break;
                case pb::RegionEvent::RESOURCE_NOT_SET:
                    m_state.violations.push_back("upsert of " + event.name() +
                                                 " without a resource");
                    continue;
                }
            }
            std::string error;
            m_state.history.record(event.name(), revision, std::move(bytes), &error);
            if (!error.empty())
                m_state.violations.push_back(error);
            ++m_state.eventsApplied;
        }
        m_state.lastApplied = revision;
        ++m_state.batchesApplied;
    }

    ClientState &m_state;
    grpc::ClientContext m_context;
    std::thread m_thread;
};

// One List response page: its snapshot revision and its items, serialized.
struct Page
{
    std::int64_t revision = 0;
    std::vector<std::pair<std::string, std::string>> items; // name, bytes
};

struct Lists
{
    std::map<Kind, std::vector<Page>> pages;
    std::int64_t maxRevision = 0;
    std::int64_t minRevision = INT64_MAX;
};

template<typename Request, typename Response, typename Call, typename Items>
bool listAll(Call call, Request request, Items items, std::vector<Page> *pages, QString *error)
{
    for (;;) {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + kCallTimeout);
        Response response;
        const grpc::Status status = call(&context, request, &response);
        if (!status.ok()) {
            *error = QString::fromStdString(status.error_message());
            return false;
        }
        Page page;
        page.revision = response.revision();
        for (const auto &item : items(response))
            page.items.emplace_back(item.name(), item.SerializeAsString());
        pages->push_back(std::move(page));
        if (response.next_page_token().empty())
            return true;
        request.set_page_token(response.next_page_token());
    }
}

} // namespace

class TestCrashCycles : public QObject
{
    Q_OBJECT

private slots:
    void killNineUnderLoad();

private:
    bool listEverything(pb::RegionService::Stub *stub, const std::string &token, Lists *lists,
                        QString *error);
};

bool TestCrashCycles::listEverything(pb::RegionService::Stub *stub, const std::string &token,
                                     Lists *lists, QString *error)
{
    auto withToken = [&](auto method) {
        return [stub, token, method](grpc::ClientContext *context, const auto &request,
                                     auto *response) {
            addToken(context, token);
            return (stub->*method)(context, request, response);
        };
    };
    pb::ListRegionsRequest regions;
    regions.set_page_size(500);
    pb::ListComponentsRequest components;
    components.set_parent("regions/-");
    components.set_page_size(1000);
    pb::ListEdgeNodesRequest edgeNodes;
    edgeNodes.set_parent("regions/-");
    edgeNodes.set_page_size(1000);
    const bool ok = listAll<pb::ListRegionsRequest, pb::ListRegionsResponse>(
                        withToken(&pb::RegionService::Stub::ListRegions), regions,
                        [](const pb::ListRegionsResponse &r) { return r.regions(); },
                        &lists->pages[Kind::Region], error) &&
                    listAll<pb::ListComponentsRequest, pb::ListComponentsResponse>(
                        withToken(&pb::RegionService::Stub::ListComponents), components,
                        [](const pb::ListComponentsResponse &r) { return r.components(); },
                        &lists->pages[Kind::Component], error) &&
                    listAll<pb::ListEdgeNodesRequest, pb::ListEdgeNodesResponse>(
                        withToken(&pb::RegionService::Stub::ListEdgeNodes), edgeNodes,
                        [](const pb::ListEdgeNodesResponse &r) { return r.edge_nodes(); },
                        &lists->pages[Kind::EdgeNode], error);
    for (const auto &[kind, pages] : lists->pages)
        for (const Page &page : pages) {
            lists->maxRevision = std::max(lists->maxRevision, page.revision);
            lists->minRevision = std::min(lists->minRevision, page.revision);
        }
    return ok;
}

void TestCrashCycles::killNineUnderLoad()
{
    const int cycles = qEnvironmentVariableIntValue("OPS_LONG") ? 200 : 20;
    const int port = freeLoopbackPort();
    QVERIFY(port > 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
    const QStringList args{QStringLiteral("--demo"),
                           QStringLiteral("--seed"),
                           QStringLiteral("11"),
                           QStringLiteral("--demo-rate"),
                           QStringLiteral("20000"),
                           QStringLiteral("--listen"),
                           address};
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> streamMs(300, 1500);

    PlatformdProcess platformd;
    ClientState state;
    std::int64_t resourcesCompared = 0;
    std::int64_t replayedOnResume = 0;
    int lagged = 0; // batches the resumed streams delivered before catching up

    for (int cycle = 0; cycle <= cycles; ++cycle) {
        QVERIFY2(platformd.start(args, platformd.dataDir()), qPrintable(platformd.errorString()));
        QCOMPARE(platformd.address(), address);
        const std::string token = platformd.adminToken().toStdString();
        // A new channel per run: an old one would sit in reconnect backoff.
        auto channel =
            grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials());
        auto stub = pb::RegionService::NewStub(channel);

        std::int64_t after = 0;
        std::int64_t batchesBefore = 0;
        {
            std::lock_guard lock(state.mutex);
            after = state.lastApplied; // 0 on the first run: "from now on"
            batchesBefore = state.batchesApplied;
        }
        auto watcher = std::make_unique<Watcher>(stub.get(), token, after, state);
        auto waitFor = [&](auto predicate) {
            std::unique_lock lock(state.mutex);
            return state.changed.wait_for(lock, kCatchUpTimeout, [&] {
                return predicate() || state.streamEnded || !state.violations.empty();
            });
        };
        auto streamFailure = [&] {
            std::lock_guard lock(state.mutex);
            QString why;
            if (!state.violations.empty())
                why = QString::fromStdString(state.violations.front());
            else if (state.streamEnded)
                why = QStringLiteral("watch ended: %1 %2")
                          .arg(int(state.endStatus.error_code()))
                          .arg(QString::fromStdString(state.endStatus.error_message()));
            return why.isEmpty() ? QString() : QStringLiteral("cycle %1: %2").arg(cycle).arg(why);
        };

        // The resumed stream catches up, then says so with a progress message.
        QVERIFY2(waitFor([&] { return state.caughtUp; }) && streamFailure().isEmpty(),
                 qPrintable(streamFailure().isEmpty()
                                ? QStringLiteral("cycle %1: no progress within 20 s").arg(cycle)
                                : streamFailure()));
        if (cycle == 0) {
            // Seed the history with what existed before the stream's "now".
            Lists initial;
            QString error;
            QVERIFY2(listEverything(stub.get(), token, &initial, &error), qPrintable(error));
            std::lock_guard lock(state.mutex);
            for (const auto &[kind, pages] : initial.pages)
                for (const Page &page : pages)
                    for (const auto &[name, bytes] : page.items) {
                        std::int64_t revision = 0;
                        switch (kind) {
                        case Kind::Region: {
                            pb::Region r;
                            r.ParseFromString(bytes);
                            revision = r.revision();
                            break;
                        }
                        case Kind::Component: {
                            pb::Component c;
                            c.ParseFromString(bytes);
                            revision = c.revision();
                            break;
                        }
                        case Kind::EdgeNode: {
                            pb::EdgeNode n;
                            n.ParseFromString(bytes);
                            revision = n.revision();
                            break;
                        }
                        }
                        std::string ignored; // the stream may have delivered it too: same bytes
                        state.history.record(name, revision, bytes, &ignored);
                    }
        } else {
            std::lock_guard lock(state.mutex);
            replayedOnResume += state.batchesApplied - batchesBefore;
        }

        // A fresh List of everything, and the watcher's state at each page's revision.
        Lists lists;
        QString error;
        QVERIFY2(listEverything(stub.get(), token, &lists, &error),
                 qPrintable(QStringLiteral("cycle %1: %2").arg(cycle).arg(error)));
        QVERIFY2(waitFor([&] {
                     return state.progressRevision >= lists.maxRevision ||
                            state.lastApplied >= lists.maxRevision;
                 }) &&
                     streamFailure().isEmpty(),
                 qPrintable(streamFailure().isEmpty()
                                ? QStringLiteral(
                                      "cycle %1: the watch did not reach revision %2 within 20 s")
                                      .arg(cycle)
                                      .arg(lists.maxRevision)
                                : streamFailure()));
        {
            std::lock_guard lock(state.mutex);
            for (const auto &[kind, pages] : lists.pages) {
                std::set<std::string> listed;
                for (const Page &page : pages)
                    for (const auto &[name, bytes] : page.items) {
                        listed.insert(name);
                        const auto applied = state.history.at(name, page.revision);
                        if (applied != bytes)
                            QFAIL(qPrintable(
                                QStringLiteral("cycle %1: %2 at revision %3, listed (left) "
                                               "vs watched (right):\n%4")
                                    .arg(cycle)
                                    .arg(QString::fromStdString(name))
                                    .arg(page.revision)
                                    .arg(QString::fromStdString(
                                        describeDifference(kind, bytes, applied)))));
                        ++resourcesCompared;
                    }
                const auto held = state.history.namesAt(kind, pages.back().revision);
                QVERIFY2(held == listed,
                         qPrintable(
                             QStringLiteral("cycle %1: the watcher holds %2 resources of kind %3, "
                                            "the List %4")
                                 .arg(cycle)
                                 .arg(held.size())
                                 .arg(int(kind))
                                 .arg(listed.size())));
            }
            state.history.prune(lists.minRevision);
        }
        if (cycle == cycles)
            break;

        // Stream under load for a while, then pull the plug. Every other cycle on average the
        // watcher stops reading for the last part, so platformd has committed (and the client not
        // received) a backlog when it dies: the resumed watch must deliver exactly that.
        const auto streamFor = std::chrono::milliseconds(streamMs(rng));
        const bool lagBehind = rng() % 2 == 0;
        const auto lagFor = lagBehind ? streamFor / 3 : 0ms;
        auto streamUntil = [&](std::chrono::milliseconds duration) {
            std::unique_lock lock(state.mutex);
            state.changed.wait_for(lock, duration,
                                   [&] { return state.streamEnded || !state.violations.empty(); });
        };
        streamUntil(streamFor - lagFor);
        if (lagBehind) {
            {
                std::lock_guard lock(state.mutex);
                state.paused = true;
            }
            streamUntil(lagFor);
        }
        QVERIFY2(streamFailure().isEmpty(), qPrintable(streamFailure()));
        platformd.kill9();
        {
            std::lock_guard lock(state.mutex);
            state.paused = false;
            state.changed.notify_all();
        }
        lagged += lagBehind;
        // The stream ends by itself once the connection is gone; the watcher applies whatever it
        // had received before.
        QVERIFY2(waitFor([] { return false; }),
                 qPrintable(QStringLiteral("cycle %1: the watch did not end "
                                           "after kill -9")
                                .arg(cycle)));
        watcher.reset();
        {
            std::lock_guard lock(state.mutex);
            if (!state.violations.empty())
                QFAIL(qPrintable(QString::fromStdString(state.violations.front())));
            QCOMPARE(int(state.endStatus.error_code()), int(grpc::StatusCode::UNAVAILABLE));
        }
    }
    platformd.terminate();

    std::lock_guard lock(state.mutex);
    QVERIFY(state.eventsApplied > 0);
    std::printf("crash cycles: %d, events compared: %lld\n", cycles,
                static_cast<long long>(state.eventsApplied));
    std::printf(
        "crash cycles: %lld batches applied (%lld delivered on resume before catching up; "
        "%d kills with the watcher lagging; %lld revision gaps), %lld resources compared "
        "against Lists, last revision %lld\n",
        static_cast<long long>(state.batchesApplied), static_cast<long long>(replayedOnResume),
        lagged, static_cast<long long>(state.revisionGaps),
        static_cast<long long>(resourcesCompared), static_cast<long long>(state.lastApplied));
}

QTEST_GUILESS_MAIN(TestCrashCycles)
#include "tst_crashcycles.moc"
