#include "audit/private/auditservice.h"

#include "core/auth.h"
#include "core/guarded.h"
#include "core/listing.h"
#include "core/store.h"

#include "ops/platform/v1/audit.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <spdlog/spdlog.h>

namespace platformd::audit {

namespace {

namespace pb = ops::platform::v1;
using google::protobuf::util::TimeUtil;
using grpc::Status;
using grpc::StatusCode;

constexpr core::PageLimits kAuditPages{100, 1000};
constexpr int kChunk = 256;

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

class AuditServiceImpl final : public pb::AuditService::Service
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
            const std::int64_t last = m_store.auditHead().first;
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

    // Pull-based: the watcher reads the table in chunks after the last seq it sent, so a slow
    // reader holds no queue at all; it only falls behind.
    Status WatchAudit(grpc::ServerContext *context, const pb::WatchAuditRequest *request,
                      grpc::ServerWriter<pb::WatchAuditResponse> *writer) override
    {
        return core::guarded("AuditService", [&] {
            if (request->after_seq() < 0)
                return core::invalid("after_seq: must not be negative");
            std::int64_t sent = request->after_seq();
            const std::int64_t head = m_store.auditHead().first;
            if (sent > head)
                return Status(StatusCode::OUT_OF_RANGE, "after_seq: " + std::to_string(sent) +
                                                            " is beyond the newest entry " +
                                                            std::to_string(head));
            pb::WatchAuditResponse message;
            auto nextProgress = std::chrono::steady_clock::now();
            core::StreamAccess access(m_store, m_context.permissions, context,
                                      "/ops.platform.v1.AuditService/WatchAudit");
            while (!context->IsCancelled()) {
                if (Status refused = access.check(); !refused.ok())
                    return refused;
                const auto chunk = m_store.readAudit(sent, kChunk);
                for (const core::audit::Entry &e : chunk) {
                    toProto(e, message.mutable_event());
                    if (!writer->Write(message))
                        return Status(StatusCode::CANCELLED, "client went away");
                    sent = e.seq;
                }
                if (int(chunk.size()) == kChunk)
                    continue;
                if (std::chrono::steady_clock::now() >= nextProgress) {
                    pb::WatchProgress *progress = message.mutable_progress();
                    progress->set_revision(sent);
                    *progress->mutable_server_time() = TimeUtil::GetCurrentTime();
                    progress->set_oldest_retained_revision(1);
                    if (!writer->Write(message))
                        return Status(StatusCode::CANCELLED, "client went away");
                    nextProgress = std::chrono::steady_clock::now() + m_context.progressInterval;
                }
                const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
                    nextProgress - std::chrono::steady_clock::now());
                m_store.waitAudit(sent, std::clamp(wait, std::chrono::milliseconds(1),
                                                   std::chrono::milliseconds(250)));
            }
            return Status(StatusCode::CANCELLED, "client went away");
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
    core::Store &m_store;
    const core::ModuleContext m_context;
};

} // namespace

std::unique_ptr<grpc::Service> makeAuditService(const core::ModuleContext &context)
{
    return std::make_unique<AuditServiceImpl>(context);
}

} // namespace platformd::audit
