#include "cost/private/costimport.h"

#include "core/database.h"
#include "core/store.h"
#include "cost/focus/focusreader.h"
#include "cost/private/coststore.h"

#include <google/protobuf/util/time_util.h>

#include <chrono>
#include <fstream>
#include <map>

namespace platformd::cost {

using core::Connection;
using google::protobuf::util::TimeUtil;
using grpc::StatusCode;

namespace {

constexpr std::size_t kMaxRejections = 1000;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

Status importFile(CostStore &store, const core::Caller &c, const std::string &path,
                  const ImportOptions &options, pb::ImportReport *report)
{
    const auto t0 = std::chrono::steady_clock::now();
    report->set_file_name(options.fileName);
    report->set_imported_by(c.actor);
    std::int64_t rejected = 0;
    auto reject = [&](std::int64_t row, const std::string &column, const std::string &reason) {
        ++rejected;
        if (std::size_t(report->rejections_size()) < kMaxRejections) {
            pb::RowRejection *r = report->add_rejections();
            r->set_row(row);
            r->set_column(column);
            r->set_reason(reason);
        }
    };
    std::lock_guard writer(store.writeMutex());
    const std::int64_t started = nowMs();
    core::audit::Entry entry =
        core::auditEntry(c, "costImports",
                         std::string(options.validateOnly ? "validate " : "import ") +
                             "FOCUS file " + options.fileName);
    try {
        store.core().audited(std::move(entry), [&](Connection &db, core::audit::Entry &e) {
            db.exec("SAVEPOINT cost_import");
            core::Stmt &ins = db.prepare(
                "INSERT INTO cost_imports (time_ms, file_name, imported_by, rows_accepted, "
                "report) VALUES (?1, ?2, ?3, 0, ?4) RETURNING id");
            // An empty blob bound, not x'' (a bit string to PostgreSQL).
            ins.bind(1, started).bind(2, options.fileName).bind(3, c.actor);
            ins.bindBlob(4, std::string_view("", 0));
            ins.step();
            const std::int64_t importId = ins.int64(0);
            ins.reset();
            CostWriter w(store, db, importId);
            std::map<std::string, std::string> currencyOfAccount;
            std::int64_t mixed = 0;
            focus::Reader reader(
                [&](const focus::Row &row) {
                    auto [it, added] =
                        currencyOfAccount.emplace(row.billingAccountId, row.billingCurrency);
                    if (!added && it->second != row.billingCurrency) {
                        ++mixed;
                        reject(row.line, "BillingCurrency",
                               "mixed currencies in billing account " + row.billingAccountId +
                                   ": " + it->second + " and " + row.billingCurrency);
                        return;
                    }
                    w.add(row);
                },
                [&](const focus::Rejection &r) { reject(r.row, r.column, r.reason); });
            std::ifstream in(path, std::ios::binary);
            bool ok = bool(in);
            std::string why = ok ? "" : "cannot read the file";
            std::vector<char> buf(1 << 20);
            while (ok && in) {
                in.read(buf.data(), std::streamsize(buf.size()));
                const auto got = std::size_t(in.gcount());
                if (got > 0 && !reader.feed(std::string_view(buf.data(), got)))
                    ok = false;
            }
            if (ok && !reader.finish())
                ok = false;
            if (!ok && reader.fatal()) {
                reject(reader.fatal()->row, reader.fatal()->column, reader.fatal()->reason);
                why = reader.fatal()->reason;
            }
            const auto &stats = reader.stats();
            report->set_focus_version(reader.focusVersion());
            report->set_rows_read(stats.rowsRead);
            report->set_rows_accepted(w.rows);
            report->set_rows_rejected(stats.rowsRejected + mixed);
            for (const std::string &u : reader.unknownColumns())
                report->add_unknown_columns(u);
            for (const std::string &n : reader.notes())
                report->add_notes(n);
            for (const auto &[provider, amount] : w.billedByProvider)
                (*report->mutable_billed_cost_by_provider())[provider] = amountText(amount);
            for (const auto &[provider, amount] : w.effectiveByProvider)
                (*report->mutable_effective_cost_by_provider())[provider] = amountText(amount);
            std::string currency;
            for (const std::string &cur : w.currencies)
                currency += (currency.empty() ? "" : ",") + cur;
            report->set_currency(currency);
            if (w.rows > 0) {
                *report->mutable_start_time() = TimeUtil::SecondsToTimestamp(w.minStart);
                *report->mutable_end_time() = TimeUtil::SecondsToTimestamp(w.maxEnd);
            }
            const bool refused = !ok || (rejected > 0 && !options.acceptPartial);
            if (refused || options.validateOnly) {
                db.exec("ROLLBACK TO cost_import");
                db.exec("RELEASE cost_import");
                e.result = refused ? "INVALID_ARGUMENT" : "OK";
                e.resultMessage =
                    refused ? (!ok ? "refused: " + why
                                   : "refused: " + std::to_string(rejected) + " rows rejected")
                            : "validated " + std::to_string(w.rows) + " rows; nothing written";
                return;
            }
            w.finish();
            for (const std::string &p : w.replacedPeriods)
                report->add_replaced_periods(p);
            report->set_name("costImports/" + std::to_string(importId));
            report->set_written(true);
            *report->mutable_import_time() = TimeUtil::MillisecondsToTimestamp(started);
            pb::ImportReport stored = *report;
            stored.clear_rejections();
            core::Stmt &upd =
                db.prepare("UPDATE cost_imports SET rows_accepted = ?1, report = ?2 WHERE id = ?3");
            upd.bind(1, w.rows).bindBlob(2, stored.SerializeAsString()).bind(3, importId);
            upd.step();
            upd.reset();
            db.exec("RELEASE cost_import");
            e.resource = report->name();
            e.result = "OK";
            e.resultMessage = std::to_string(w.rows) + " rows" +
                              (w.replacedPeriods.empty()
                                   ? std::string()
                                   : "; replaced " + std::to_string(w.replacedPeriods.size()) +
                                         " billing periods");
        });
    } catch (...) {
        store.reload();
        throw;
    }
    store.reload();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report->set_rows_per_second(seconds > 0 ? double(report->rows_read()) / seconds : 0);
    return Status::OK;
}

Status listImports(CostStore &store, const pb::ListCostImportsRequest &r,
                   pb::ListCostImportsResponse *out)
{
    if (r.page_size() < 0)
        return Status(StatusCode::INVALID_ARGUMENT, "page_size: must not be negative");
    const int pageSize = r.page_size() ? std::min(r.page_size(), 1000) : 50;
    std::int64_t before = INT64_MAX;
    if (!r.page_token().empty()) {
        try {
            before = std::stoll(r.page_token());
        } catch (const std::exception &) {
            return Status(StatusCode::INVALID_ARGUMENT, "page_token: not a token of this list");
        }
    }
    store.core().read([&](Connection &db) {
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
