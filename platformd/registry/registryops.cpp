// The registry's writes and their rules (docs/API.md, ModelRegistryService). Each operation
// validates against the committed state plus what it staged, under the registry's writer lock,
// and commits its changes together with its audit row.
#include "core/validation.h"
#include "registry/private/registryrules.h"
#include "registry/private/registrytx.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace platformd::registry {

using google::protobuf::util::TimeUtil;
using grpc::StatusCode;
using namespace rules;

namespace {

Status checkTags(const google::protobuf::RepeatedPtrField<std::string> &tags,
                 const std::string &field)
{
    if (size_t(tags.size()) > kMaxTags)
        return invalid(field + ": more than " + std::to_string(kMaxTags) + " tags");
    std::set<std::string> seen;
    for (const std::string &t : tags) {
        if (t.empty())
            return invalid(field + ": a tag must not be empty");
        if (Status s = checkText(t, 64, field); !s.ok())
            return s;
        if (!seen.insert(t).second)
            return invalid(field + ": tag \"" + t + "\" given twice");
    }
    return Status::OK;
}

bool validKey(const std::string &key)
{
    if (key.empty() || key.size() > 64)
        return false;
    for (const char c : key)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
            return false;
    return true;
}

bool validAlias(const std::string &alias)
{
    return names::isValidId(alias);
}

const char *stageName(pb::ModelStage s)
{
    return s == pb::STAGING      ? "STAGING"
           : s == pb::PRODUCTION ? "PRODUCTION"
           : s == pb::ARCHIVED   ? "ARCHIVED"
                                 : "NONE";
}

// Aliases of version `number` derived from the model's map, sorted.
void setVersionAliases(const pb::Model &m, pb::ModelVersion *v)
{
    std::vector<std::string> aliases;
    for (const auto &[alias, number] : m.aliases())
        if (number == v->version())
            aliases.push_back(alias);
    std::sort(aliases.begin(), aliases.end());
    v->clear_aliases();
    for (std::string &a : aliases)
        v->add_aliases(std::move(a));
}

// Moves alias to version (or removes it with version 0), restaging the versions it left and joins.
void moveAlias(Tx &tx, const std::string &modelId, const std::string &alias, std::int64_t version)
{
    pb::Model &m = tx.stageModel(modelId);
    std::int64_t previous = 0;
    if (auto it = m.aliases().find(alias); it != m.aliases().end())
        previous = it->second;
    if (version)
        (*m.mutable_aliases())[alias] = version;
    else
        m.mutable_aliases()->erase(alias);
    for (const std::int64_t n : {previous, version})
        if (n > 0 && tx.version(modelId, n))
            setVersionAliases(m, &tx.stageVersion(names::version(modelId, n)));
}

bool isProtected(const pb::Model &m, const std::string &alias)
{
    return std::find(m.protected_aliases().begin(), m.protected_aliases().end(), alias) !=
           m.protected_aliases().end();
}

// AIP-134: the paths of mask, each one of allowed (an empty mask: all of them), into *paths.
Status updatePaths(const google::protobuf::FieldMask &mask, const std::vector<std::string> &allowed,
                   std::vector<std::string> *paths)
{
    paths->assign(mask.paths().begin(), mask.paths().end());
    if (paths->empty())
        *paths = allowed;
    std::string names;
    for (const std::string &a : allowed)
        names += (names.empty() ? "" : ", ") + a;
    for (const std::string &p : *paths)
        if (std::find(allowed.begin(), allowed.end(), p) == allowed.end())
            return invalid("update_mask: \"" + p + "\" cannot be updated (" + names + ")");
    return Status::OK;
}

} // namespace

Status RegistryStore::createModel(const Caller &c, const pb::CreateModelRequest &r, pb::Model *out)
{
    const std::string &id = r.model_id();
    return mutate(
        &c, names::isValidId(id) ? names::model(id) : "",
        "task=" + pb::ModelTask_Name(r.model().task()),
        [&](Tx &tx) {
            if (!names::isValidId(id))
                return invalid("model_id: \"" + id.substr(0, 64) +
                               "\" is not a valid id ([a-z][a-z0-9-]{0,62})");
            const pb::Model &in = r.model();
            if (in.task() == pb::MODEL_TASK_UNSPECIFIED || !pb::ModelTask_IsValid(in.task()))
                return invalid("model.task: required (NLP, VISION, RECOMMENDATION, TIME_SERIES, "
                               "ANOMALY_DETECTION, CLUSTERING, CLASSIFICATION, REGRESSION, "
                               "REINFORCEMENT_LEARNING, GENERATIVE)");
            if (Status s = checkText(in.display_name(), 256, "model.display_name"); !s.ok())
                return s;
            if (Status s = checkText(in.description(), kMaxMarkdown, "model.description", true);
                !s.ok())
                return s;
            if (Status s = checkText(in.owner_team(), 128, "model.owner_team"); !s.ok())
                return s;
            if (Status s = checkTags(in.tags(), "model.tags"); !s.ok())
                return s;
            if (tx.model(id))
                return Status(StatusCode::ALREADY_EXISTS, "model models/" + id + " already exists");
            pb::Model &m = tx.models[id];
            m.set_name(names::model(id));
            m.set_display_name(in.display_name().empty() ? id : in.display_name());
            m.set_description(in.description());
            m.set_owner_team(in.owner_team());
            m.set_task(in.task());
            *m.mutable_tags() = in.tags();
            m.add_protected_aliases("champion");
            m.set_created_by(c.actor);
            *m.mutable_create_time() = TimeUtil::MillisecondsToTimestamp(tx.nowMs);
            tx.touchedModels.insert(id);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.models.at(id); });
}

Status RegistryStore::updateModel(const Caller &c, const pb::UpdateModelRequest &r, pb::Model *out)
{
    std::string id;
    const bool named = names::parseModel(r.model().name(), &id);
    return mutate(
        &c, named ? r.model().name() : "", "update_mask=" + r.update_mask().ShortDebugString(),
        [&](Tx &tx) {
            if (!named)
                return invalid("model.name: \"" + r.model().name() +
                               "\" is not a model name (models/{model})");
            std::vector<std::string> paths;
            if (Status s =
                    updatePaths(r.update_mask(), {"description", "owner_team", "tags"}, &paths);
                !s.ok())
                return s;
            const pb::Model &in = r.model();
            if (Status s = checkText(in.description(), kMaxMarkdown, "model.description", true);
                !s.ok())
                return s;
            if (Status s = checkText(in.owner_team(), 128, "model.owner_team"); !s.ok())
                return s;
            if (Status s = checkTags(in.tags(), "model.tags"); !s.ok())
                return s;
            if (!tx.model(id))
                return notFound("model " + in.name());
            pb::Model &m = tx.stageModel(id);
            for (const std::string &p : paths) {
                if (p == "description")
                    m.set_description(in.description());
                else if (p == "owner_team")
                    m.set_owner_team(in.owner_team());
                else
                    *m.mutable_tags() = in.tags();
            }
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.models.at(id); });
}

Status RegistryStore::createVersion(const Caller &c, const pb::CreateModelVersionRequest &r,
                                    pb::ModelVersion *out)
{
    std::string id;
    const bool named = names::parseModel(r.parent(), &id);
    std::string name;
    return mutate(
        &c, named ? r.parent() : "", "source_uri=" + r.model_version().source_uri().substr(0, 200),
        [&](Tx &tx) {
            if (!named)
                return invalid("parent: \"" + r.parent() +
                               "\" is not a model name (models/{model})");
            const pb::ModelVersion &in = r.model_version();
            const std::pair<const std::string *, const char *> texts[] = {
                {&in.description(), "model_version.description"},
                {&in.source_uri(), "model_version.source_uri"},
                {&in.run_id(), "model_version.run_id"},
                {&in.run_link(), "model_version.run_link"},
                {&in.dataset(), "model_version.dataset"},
                {&in.framework(), "model_version.framework"},
                {&in.input_signature(), "model_version.input_signature"},
                {&in.status_message(), "model_version.status_message"}};
            for (const auto &[text, field] : texts)
                if (Status s = checkText(*text, kMaxText, field); !s.ok())
                    return s;
            if (Status s =
                    checkText(in.model_card(), kMaxMarkdown, "model_version.model_card", true);
                !s.ok())
                return s;
            if (Status s = checkTags(in.tags(), "model_version.tags"); !s.ok())
                return s;
            if (!in.dataset_hash().empty()) {
                const std::string &h = in.dataset_hash();
                bool ok = h.starts_with("sha256:") && h.size() == 71;
                for (size_t i = 7; ok && i < h.size(); ++i)
                    ok = std::isxdigit(static_cast<unsigned char>(h[i])) &&
                         !std::isupper(static_cast<unsigned char>(h[i]));
                if (!ok)
                    return invalid("model_version.dataset_hash: expected \"sha256:\" and 64 "
                                   "lower-case hex digits");
            }
            if (size_t(in.metrics().size()) > kMaxMapEntries ||
                size_t(in.parameters().size()) > kMaxMapEntries)
                return invalid("model_version: at most " + std::to_string(kMaxMapEntries) +
                               " metrics and parameters");
            for (const auto &[key, value] : in.metrics()) {
                if (!validKey(key))
                    return invalid("model_version.metrics: key \"" + key.substr(0, 64) +
                                   "\" is not [A-Za-z0-9_-]{1,64}");
                if (!std::isfinite(value))
                    return invalid("model_version.metrics[" + key + "]: not a finite number");
            }
            for (const auto &[key, value] : in.parameters()) {
                if (!validKey(key))
                    return invalid("model_version.parameters: key \"" + key.substr(0, 64) +
                                   "\" is not [A-Za-z0-9_-]{1,64}");
                if (Status s = checkText(value, kMaxText, "model_version.parameters[" + key + "]");
                    !s.ok())
                    return s;
            }
            if (in.status() == pb::ModelVersion::FAILED && in.status_message().empty())
                return invalid("model_version.status_message: required when status is FAILED");
            if (!pb::ModelVersion::Status_IsValid(in.status()))
                return invalid("model_version.status: not a valid status");
            const pb::Model *m = tx.model(id);
            if (!m)
                return notFound("model " + r.parent());
            const std::int64_t number = tx.versionCount(id) + 1;
            name = names::version(id, number);
            pb::ModelVersion v = in;
            v.set_name(name);
            v.set_model(names::model(id));
            v.set_version(number);
            v.set_created_by(c.actor);
            *v.mutable_create_time() = TimeUtil::MillisecondsToTimestamp(tx.nowMs);
            if (v.status() == pb::ModelVersion::STATUS_UNSPECIFIED)
                v.set_status(pb::ModelVersion::READY);
            v.set_stage(pb::MODEL_STAGE_UNSPECIFIED);
            v.clear_aliases();
            v.set_task(m->task());
            v.clear_update_time();
            v.set_revision(0);
            tx.newVersions.push_back(name);
            tx.versions[name] = std::move(v);
            tx.touchedModels.insert(id);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.versions.at(name); });
}

Status RegistryStore::updateVersion(const Caller &c, const pb::UpdateModelVersionRequest &r,
                                    pb::ModelVersion *out)
{
    const std::string &name = r.model_version().name();
    std::string id;
    std::int64_t number = 0;
    const bool named = names::parseVersion(name, &id, &number);
    return mutate(
        &c, named ? name : "", "update_mask=" + r.update_mask().ShortDebugString(),
        [&](Tx &tx) {
            if (!named)
                return invalid("model_version.name: \"" + name +
                               "\" is not a version name (models/{model}/versions/{number})");
            std::vector<std::string> paths;
            if (Status s =
                    updatePaths(r.update_mask(), {"tags", "model_card", "description"}, &paths);
                !s.ok())
                return s;
            const pb::ModelVersion &in = r.model_version();
            if (Status s =
                    checkText(in.model_card(), kMaxMarkdown, "model_version.model_card", true);
                !s.ok())
                return s;
            if (Status s = checkText(in.description(), kMaxText, "model_version.description");
                !s.ok())
                return s;
            if (Status s = checkTags(in.tags(), "model_version.tags"); !s.ok())
                return s;
            if (!tx.version(name))
                return notFound("version " + name);
            pb::ModelVersion &v = tx.stageVersion(name);
            for (const std::string &p : paths) {
                if (p == "tags")
                    *v.mutable_tags() = in.tags();
                else if (p == "model_card")
                    v.set_model_card(in.model_card());
                else
                    v.set_description(in.description());
            }
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.versions.at(name); });
}

Status RegistryStore::transitionStage(const Caller &c, const pb::TransitionStageRequest &r,
                                      pb::ModelVersion *out)
{
    std::string id;
    std::int64_t number = 0;
    const bool named = names::parseVersion(r.name(), &id, &number);
    return mutate(
        &c, named ? r.name() : "", std::string("stage=") + stageName(r.stage()),
        [&](Tx &tx) {
            if (!named)
                return invalid("name: \"" + r.name() +
                               "\" is not a version name (models/{model}/versions/{number})");
            if (!pb::ModelStage_IsValid(r.stage()))
                return invalid("stage: not a valid stage");
            if (Status s = checkText(r.comment(), kMaxText, "comment"); !s.ok())
                return s;
            const pb::ModelVersion *v = tx.version(r.name());
            if (!v)
                return notFound("version " + r.name());
            if (r.stage() == pb::PRODUCTION)
                return precondition(
                    "stage: PRODUCTION needs an approved approval request "
                    "(CreateApprovalRequest with PROMOTE_TO_PRODUCTION, approved by another user)");
            if (r.stage() == pb::STAGING && v->status() != pb::ModelVersion::READY)
                return precondition("stage: version " + r.name() +
                                    " is not READY and cannot be STAGING");
            if (v->stage() == r.stage())
                return Status::OK;
            tx.stageVersion(r.name()).set_stage(r.stage());
            tx.touchedModels.insert(id);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = *tx.version(r.name()); });
}

Status RegistryStore::setAlias(const Caller &c, const pb::SetAliasRequest &r, pb::Model *out)
{
    std::string id;
    const bool named = names::parseModel(r.model(), &id);
    return mutate(
        &c, named ? r.model() : "",
        "alias=" + r.alias().substr(0, 64) + " version=" + std::to_string(r.version()),
        [&](Tx &tx) {
            if (!named)
                return invalid("model: \"" + r.model() + "\" is not a model name (models/{model})");
            if (!validAlias(r.alias()))
                return invalid("alias: \"" + r.alias().substr(0, 64) +
                               "\" is not a valid alias ([a-z][a-z0-9-]{0,62})");
            if (r.alias() == "latest")
                return invalid(
                    "alias: \"latest\" is reserved (it always means the newest version)");
            const pb::Model *m = tx.model(id);
            if (!m)
                return notFound("model " + r.model());
            if (!tx.version(id, r.version()))
                return notFound("version " +
                                names::version(id, std::max<std::int64_t>(r.version(), 0)));
            if (isProtected(*m, r.alias()))
                return precondition(
                    "alias: \"" + r.alias() +
                    "\" is protected: moving it needs an approved "
                    "approval request (MOVE_PROTECTED_ALIAS), which only a holder of "
                    "aliases.protected may request");
            if (auto it = m->aliases().find(r.alias());
                it != m->aliases().end() && it->second == r.version())
                return Status::OK;
            moveAlias(tx, id, r.alias(), r.version());
            return Status::OK;
        },
        [&](const Tx &tx) { *out = *tx.model(id); });
}

Status RegistryStore::deleteAlias(const Caller &c, const pb::DeleteAliasRequest &r, pb::Model *out)
{
    std::string id;
    const bool named = names::parseModel(r.model(), &id);
    return mutate(
        &c, named ? r.model() : "", "alias=" + r.alias().substr(0, 64),
        [&](Tx &tx) {
            if (!named)
                return invalid("model: \"" + r.model() + "\" is not a model name (models/{model})");
            if (!validAlias(r.alias()))
                return invalid("alias: \"" + r.alias().substr(0, 64) +
                               "\" is not a valid alias ([a-z][a-z0-9-]{0,62})");
            const pb::Model *m = tx.model(id);
            if (!m)
                return notFound("model " + r.model());
            if (!m->aliases().count(r.alias()))
                return notFound("alias \"" + r.alias() + "\" of " + r.model());
            if (isProtected(*m, r.alias()))
                return precondition("alias: \"" + r.alias() +
                                    "\" is protected: removing it needs an approved "
                                    "approval request");
            moveAlias(tx, id, r.alias(), 0);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = *tx.model(id); });
}

Status RegistryStore::createApproval(const Caller &c, const pb::CreateApprovalRequestRequest &r,
                                     pb::ApprovalRequest *out)
{
    std::string id;
    const bool named = names::parseModel(r.parent(), &id);
    const pb::ApprovalRequest &in = r.approval_request();
    std::string name;
    return mutate(
        &c, named ? r.parent() : "",
        "action=" + pb::ApprovalRequest::Action_Name(in.action()) +
            " version=" + std::to_string(in.version()) +
            (in.alias().empty() ? "" : " alias=" + in.alias().substr(0, 64)),
        [&](Tx &tx) {
            if (!named)
                return invalid("parent: \"" + r.parent() +
                               "\" is not a model name (models/{model})");
            if (in.action() != pb::ApprovalRequest::PROMOTE_TO_PRODUCTION &&
                in.action() != pb::ApprovalRequest::MOVE_PROTECTED_ALIAS)
                return invalid("approval_request.action: required (PROMOTE_TO_PRODUCTION or "
                               "MOVE_PROTECTED_ALIAS)");
            if (in.comment().empty())
                return invalid("approval_request.comment: required: say why, for the reviewer");
            if (Status s = checkText(in.comment(), 4096, "approval_request.comment", true); !s.ok())
                return s;
            if (in.evidence_links_size() > 10)
                return invalid("approval_request.evidence_links: at most 10");
            for (int i = 0; i < in.evidence_links_size(); ++i) {
                const std::string &link = in.evidence_links(i);
                const std::string field =
                    "approval_request.evidence_links[" + std::to_string(i) + "]";
                if (Status s = checkText(link, 2048, field); !s.ok())
                    return s;
                if (!link.starts_with("https://") && !link.starts_with("http://"))
                    return invalid(field + ": not an http(s) URL");
            }
            if (in.action() == pb::ApprovalRequest::MOVE_PROTECTED_ALIAS && !validAlias(in.alias()))
                return invalid("approval_request.alias: \"" + in.alias().substr(0, 64) +
                               "\" is not a valid alias");
            const pb::Model *m = tx.model(id);
            if (!m)
                return notFound("model " + r.parent());
            const pb::ModelVersion *v = in.version() > 0 ? tx.version(id, in.version()) : nullptr;
            if (!v)
                return notFound("version " +
                                names::version(id, std::max<std::int64_t>(in.version(), 0)));
            if (v->status() != pb::ModelVersion::READY)
                return precondition("approval_request.version: version " + v->name() +
                                    " is not READY");
            if (in.action() == pb::ApprovalRequest::PROMOTE_TO_PRODUCTION) {
                if (v->stage() == pb::PRODUCTION)
                    return precondition("approval_request.version: " + v->name() +
                                        " is already in PRODUCTION");
            } else {
                if (!isProtected(*m, in.alias()))
                    return invalid("approval_request.alias: \"" + in.alias() +
                                   "\" is not protected; move it with SetAlias");
                if (!c.can("aliases.protected"))
                    return denied(
                        "aliases.protected: only a holder of aliases.protected (admin) may request "
                        "moving the protected alias \"" +
                        in.alias() + "\"");
            }
            name = names::model(id) + "/approvalRequests/ar-" + std::to_string(m_nextApproval);
            pb::ApprovalRequest &a = tx.approvals[name];
            a.set_name(name);
            a.set_model(names::model(id));
            a.set_action(in.action());
            a.set_version(in.version());
            if (in.action() == pb::ApprovalRequest::MOVE_PROTECTED_ALIAS)
                a.set_alias(in.alias());
            a.set_requester(c.actor);
            a.set_comment(in.comment());
            *a.mutable_evidence_links() = in.evidence_links();
            a.set_state(pb::ApprovalRequest::PENDING);
            *a.mutable_create_time() = TimeUtil::MillisecondsToTimestamp(tx.nowMs);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.approvals.at(name); }); // apply() moved m_nextApproval
}

Status RegistryStore::approve(const Caller &c, const pb::ReviewRequest &r, pb::ApprovalRequest *out)
{
    return review(c, r, true, out);
}

Status RegistryStore::reject(const Caller &c, const pb::ReviewRequest &r, pb::ApprovalRequest *out)
{
    return review(c, r, false, out);
}

Status RegistryStore::review(const Caller &c, const pb::ReviewRequest &r, bool approve,
                             pb::ApprovalRequest *out)
{
    std::string id, child;
    const bool named = names::parseChild(r.name(), "approvalRequests", &id, &child);
    return mutate(
        &c, named ? r.name() : "", approve ? "approve" : "reject",
        [&](Tx &tx) {
            if (!named)
                return invalid("name: \"" + r.name() +
                               "\" is not an approval request name "
                               "(models/{model}/approvalRequests/{id})");
            if (!approve && r.comment().empty())
                return invalid("comment: a rejection needs a comment saying why");
            if (Status s = checkText(r.comment(), 4096, "comment", true); !s.ok())
                return s;
            const pb::ApprovalRequest *a = tx.approval(r.name());
            if (!a)
                return notFound("approval request " + r.name());
            if (a->requester() == c.actor)
                return denied("four eyes: " + c.actor + " requested this change and cannot " +
                              (approve ? "approve" : "reject") +
                              " it; another holder of promotions.approve must");
            if (a->state() != pb::ApprovalRequest::PENDING)
                return precondition("approval request " + r.name() + " is " +
                                    pb::ApprovalRequest::State_Name(a->state()) + ", not PENDING");
            if (approve) {
                const pb::ModelVersion *v = tx.version(id, a->version());
                if (!v || v->status() != pb::ModelVersion::READY)
                    return precondition("version " + names::version(id, a->version()) +
                                        " is no longer READY");
                if (a->action() == pb::ApprovalRequest::PROMOTE_TO_PRODUCTION) {
                    // The previous production version leaves in the same transaction.
                    for (std::int64_t n = 1; n <= tx.versionCount(id); ++n) {
                        const pb::ModelVersion *other = tx.version(id, n);
                        if (other && n != a->version() && other->stage() == pb::PRODUCTION)
                            tx.stageVersion(other->name()).set_stage(pb::ARCHIVED);
                    }
                    tx.stageVersion(v->name()).set_stage(pb::PRODUCTION);
                } else {
                    moveAlias(tx, id, a->alias(), a->version());
                }
                tx.touchedModels.insert(id);
            }
            pb::ApprovalRequest &staged = tx.stageApproval(r.name());
            staged.set_state(approve ? pb::ApprovalRequest::APPROVED
                                     : pb::ApprovalRequest::REJECTED);
            staged.set_reviewer(c.actor);
            staged.set_review_comment(r.comment());
            *staged.mutable_review_time() = TimeUtil::MillisecondsToTimestamp(tx.nowMs);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.approvals.at(r.name()); });
}

Status RegistryStore::cancelApproval(const Caller &c, const pb::CancelApprovalRequestRequest &r,
                                     pb::ApprovalRequest *out)
{
    std::string id, child;
    const bool named = names::parseChild(r.name(), "approvalRequests", &id, &child);
    return mutate(
        &c, named ? r.name() : "", "cancel",
        [&](Tx &tx) {
            if (!named)
                return invalid("name: \"" + r.name() +
                               "\" is not an approval request name "
                               "(models/{model}/approvalRequests/{id})");
            const pb::ApprovalRequest *a = tx.approval(r.name());
            if (!a)
                return notFound("approval request " + r.name());
            if (a->requester() != c.actor && !c.holds("admin"))
                return denied("only the requester (" + a->requester() +
                              ") or an admin may cancel " + r.name());
            if (a->state() != pb::ApprovalRequest::PENDING)
                return precondition("approval request " + r.name() + " is " +
                                    pb::ApprovalRequest::State_Name(a->state()) + ", not PENDING");
            pb::ApprovalRequest &staged = tx.stageApproval(r.name());
            staged.set_state(pb::ApprovalRequest::CANCELLED);
            *staged.mutable_review_time() = TimeUtil::MillisecondsToTimestamp(tx.nowMs);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.approvals.at(r.name()); });
}

} // namespace platformd::registry
