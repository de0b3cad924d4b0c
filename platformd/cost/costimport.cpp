#include "cost/private/costimport.h"

#include "core/sqlite.h"
#include "core/store.h"
#include "cost/private/coststore.h"

#include <google/protobuf/util/time_util.h>

namespace platformd::cost {

using google::protobuf::util::TimeUtil;

Status importFile(CostStore &, const core::Caller &, const std::string &, const ImportOptions &,
                  pb::ImportReport *)
{
    return Status(grpc::StatusCode::UNIMPLEMENTED,
                  "ImportCosts: the FOCUS reader is not merged yet");
}

Status listImports(CostStore &store, const pb::ListCostImportsRequest &r,
                   pb::ListCostImportsResponse *out)
{
    if (r.page_size() < 0)
        return Status(grpc::StatusCode::INVALID_ARGUMENT, "page_size: must not be negative");
    const int pageSize = r.page_size() ? std::min(r.page_size(), 1000) : 50;
    std::int64_t before = INT64_MAX;
    if (!r.page_token().empty()) {
        try {
            before = std::stoll(r.page_token());
        } catch (const std::exception &) {
            return Status(grpc::StatusCode::INVALID_ARGUMENT,
                          "page_token: not a token of this list");
        }
    }
    store.core().read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT id, time_ms, file_name, imported_by, rows_accepted, "
                                   "report FROM cost_imports WHERE id < ?1 ORDER BY id DESC "
                                   "LIMIT ?2");
        s.bind(1, before).bind(2, std::int64_t(pageSize + 1));
        int n = 0;
        while (s.step()) {
            if (++n > pageSize) {
                out->set_next_page_token(std::to_string(s.int64(0) + 1));
                break;
            }
            pb::ImportReport *rep = out->add_imports();
            rep->ParseFromString(std::string(s.blob(5)));
            rep->clear_rejections();
            rep->set_name("costImports/" + std::to_string(s.int64(0)));
            rep->set_file_name(std::string(s.text(2)));
            rep->set_imported_by(std::string(s.text(3)));
            rep->set_rows_accepted(s.int64(4));
            *rep->mutable_import_time() = TimeUtil::MillisecondsToTimestamp(s.int64(1));
            rep->set_written(true);
        }
        s.reset();
    });
    return Status::OK;
}

} // namespace platformd::cost
