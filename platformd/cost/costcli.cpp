#include "cost/costcli.h"

#include "core/caller.h"
#include "cost/private/costimport.h"
#include "cost/private/coststore.h"

#include <cstdio>
#include <filesystem>
#include <ostream>

namespace platformd::cost {

namespace {

void print(const pb::ImportReport &r, std::ostream &out)
{
    out << r.file_name() << ": " << (r.written() ? "imported as " + r.name() : "REFUSED")
        << "\n  FOCUS " << (r.focus_version().empty() ? "?" : r.focus_version()) << ", "
        << r.rows_read() << " rows read, " << r.rows_accepted() << " accepted, "
        << r.rows_rejected() << " rejected";
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.0f", r.rows_per_second());
    out << " (" << rate << " rows/s)\n";
    if (!r.currency().empty())
        out << "  currency " << r.currency() << "\n";
    for (const auto &[provider, amount] : r.billed_cost_by_provider())
        out << "  billed " << provider << " " << amount << "\n";
    for (const auto &[provider, amount] : r.effective_cost_by_provider())
        out << "  effective " << provider << " " << amount << "\n";
    for (const std::string &p : r.replaced_periods())
        out << "  replaced " << p << "\n";
    for (const std::string &u : r.unknown_columns())
        out << "  kept column " << u << "\n";
    for (const std::string &n : r.notes())
        out << "  note: " << n << "\n";
    int shown = 0;
    for (const auto &j : r.rejections()) {
        if (++shown > 50) {
            out << "  … " << (r.rejections_size() - 50) << " more rejections\n";
            break;
        }
        out << "  row " << j.row() << (j.column().empty() ? "" : ", column " + j.column()) << ": "
            << j.reason() << "\n";
    }
}

} // namespace

int importFocusFiles(core::Store &store, const std::vector<std::string> &files, std::ostream &out)
{
    CostStore costs(store);
    const core::Caller c{"system:cli", {}, "cli:import-focus", "local", true, {}};
    int status = 0;
    for (const std::string &file : files) {
        pb::ImportReport report;
        ImportOptions options;
        options.fileName = std::filesystem::path(file).filename().string();
        const Status s = importFile(costs, c, file, options, &report);
        if (!s.ok()) {
            out << file << ": " << s.error_message() << "\n";
            status = 1;
            continue;
        }
        print(report, out);
        if (!report.written())
            status = 1;
    }
    return status;
}

} // namespace platformd::cost
