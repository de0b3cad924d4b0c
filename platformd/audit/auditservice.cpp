#include "audit/private/auditservice.h"

#include "core/auth.h"
#include "core/guarded.h"
#include "core/listing.h"
#include "core/store.h"
#include "core/watchstream.h"

#include "ops/platform/v1/audit.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <spdlog/spdlog.h>

#include <limits>

namespace platformd::audit {

namespace {

namespace pb = ops::platform::v1;
using google::protobuf::util::TimeUtil;
using grpc::Status;
using grpc::StatusCode;

constexpr core::PageLimits kAuditPages{100, 1000};

void toProto(const core::audit::Entry &e, pb::AuditEvent *out)
{
    out->set_seq(e.seq);
    TimeUtil::FromString(e.time, out->mutable_time());
    out->set_actor(e.actor);
    out->set_role(e.role);
    out->set_action(e.action);
    out->set_resource(e.resource);
    out->set_request_summary(e.requestSummary);
    out->set_result(e.result);
    out->set_result_message(e.resultMessage);
    out->set_peer(e.peer);
    out->set_prev_hash(e.prevHash);
    out->set_entry_hash(e.entryHash);
}

class AuditServiceImpl final
    : public pb::AuditService::WithRawCallbackMethod_WatchAudit<pb::AuditService::Service>
{
public:
    explicit AuditServiceImpl(const core::ModuleContext &context)
        : m_store(context.store)
        , m_context(context)
    {}

    Status ListAuditEvents(grpc::ServerContext *, const pb::ListAuditEventsRequest *request,
                           pb::ListAuditEventsResponse *response) override
    {
        return core::guarded("AuditService", [&] {
            const std::int64_t last = headSeq();
            std::vector<pb::AuditEvent> events;
            for (std::int64_t after = 0;;) {
                const auto chunk = m_store.readAudit(after, 1000);
                for (const core::audit::Entry &e : chunk) {
                    if (e.seq > last)
                        break;
                    toProto(e, &events.emplace_back());
                    after = e.seq;
                }
                if (chunk.size() < 1000 || after >= last)
                    break;
            }
            response->set_last_seq(last);
            std::int32_t total = 0;
            const Status status = core::listPage(
                std::move(events), "audit", request->filter(),
                request->order_by().empty() ? "seq" : request->order_by(), request->page_size(),
                request->page_token(), kAuditPages,
                [&](pb::AuditEvent &&e) { *response->add_events() = std::move(e); },
                response->mutable_next_page_token(), &total);
            response->set_total_size(total);
            return status;
        });
    }

    // On the callback API (core/watchstream.h): an open watch holds no thread. Each event is
    // serialized once per watcher (the audit log moves at the pace of people, not of the demo).
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchAudit(grpc::CallbackServerContext *context,
                                                           const grpc::ByteBuffer *raw) override
    {
        pb::WatchAuditRequest request;
        return m_context.watches->serve(
            "AuditService", context, *raw, request, [&]() -> core::WatchStreams::Opened {
                const std::int64_t after = request.after_seq();
                if (after < 0)
                    return core::invalid("after_seq: must not be negative");
                const std::int64_t head = headSeq();
                if (after > head)
                    return Status(StatusCode::OUT_OF_RANGE, "after_seq: " + std::to_string(after) +
                                                                " is beyond the newest entry " +
                                                                std::to_string(head));
                core::FeedCursor::Options options;
                options.after = after;
                options.zeroMeansNow = false; // after_seq 0: the whole log
                // Never dropped: a slow reader of the log only falls behind (reads history).
                options.maxLag = std::numeric_limits<std::int64_t>::max() / 2;
                options.select = [](const core::FeedEntry &entry) {
                    pb::AuditEvent event;
                    toProto(entry.as<core::audit::Entry>(), &event);
                    return std::make_shared<const std::string>(event.SerializeAsString());
                };
                return core::WatchStreams::start(
                    core::FeedCursor(m_store.auditFeed(), std::move(options)),
                    {"/ops.platform.v1.AuditService/WatchAudit", m_context.progressInterval, [] {
                         return std::int64_t(1);
                     }});
            });
    }

    Status VerifyChain(grpc::ServerContext *, const pb::VerifyChainRequest *,
                       pb::VerifyChainResponse *response) override
    {
        return core::guarded("AuditService", [&] {
            core::audit::Verdict verdict;
            m_store.read([&](core::Connection &db) {
                verdict = core::Store::verifyAudit(db, m_store.auditHeadPath());
            });
            response->set_intact(verdict.intact);
            response->set_entries_checked(verdict.entriesChecked);
            response->set_first_bad_seq(verdict.firstBadSeq);
            response->set_problem(verdict.problem);
            response->set_head_hash(verdict.headHash);
            return Status::OK;
        });
    }

private:
    // The newest entry's seq: on a store other replicas share, as the database has it (the audit
    // feed's history says so), so a listing or a watch from a seq seen on another replica is not
    // cut short or refused.
    std::int64_t headSeq() { return m_store.auditFeed().history().currentRevision(); }

    core::Store &m_store;
    const core::ModuleContext m_context;
};

} // namespace

std::unique_ptr<grpc::Service> makeAuditService(const core::ModuleContext &context)
{
    return std::make_unique<AuditServiceImpl>(context);
}

} // namespace platformd::audit
