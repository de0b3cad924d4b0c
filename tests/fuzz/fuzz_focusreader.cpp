// Fuzzes the FOCUS cost-export reader (CSV or gzip, FOCUS column rules) and its writer.
// Properties: no crash, hang or leak; how the bytes are cut into feeds does not change a verdict
// (the same rows, rejections and fatal error whole, at a cut chosen by the input, and byte by
// byte); every refusal names a reason and a row no later than the rows read; accepted rows keep
// the rules (periods in order, a known ChargeCategory, a currency code, rows in increasing order);
// an accepted row written with appendCsvRow reads back to the same values.
#include "cost/focus/focusreader.h"
#include "cost/focus/focuswriter.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace platformd::cost::focus;

struct Outcome
{
    bool ok = false;
    std::vector<std::int64_t> rows;
    std::vector<std::string> rejections; // "row column reason"
    std::string fatal;
    std::vector<Row> accepted;
};

Outcome run(std::string_view bytes, std::size_t cut, bool byByte, bool keepRows)
{
    Outcome o;
    Reader reader(
        [&](const Row &r) {
            o.rows.push_back(r.line);
            if (keepRows)
                o.accepted.push_back(r);
        },
        [&](const Rejection &r) {
            if (r.reason.empty() || r.row < 1)
                __builtin_trap();
            o.rejections.push_back(std::to_string(r.row) + ' ' + r.column + ' ' + r.reason);
        });
    bool ok = true;
    if (byByte) {
        for (std::size_t i = 0; ok && i < bytes.size(); ++i)
            ok = reader.feed(bytes.substr(i, 1));
    } else {
        ok = reader.feed(bytes.substr(0, cut)) && reader.feed(bytes.substr(cut));
    }
    o.ok = ok && reader.finish();
    if (!o.ok) {
        const auto &f = reader.fatal();
        if (!f || f->reason.empty() || f->row < 0 || f->row > reader.stats().rowsRead + 1)
            __builtin_trap();
        o.fatal = std::to_string(f->row) + ' ' + f->column + ' ' + f->reason;
    }
    return o;
}

bool sameValues(const Row &a, const Row &b)
{
    return a.billedCost == b.billedCost && a.effectiveCost == b.effectiveCost &&
           a.listCost == b.listCost && a.contractedCost == b.contractedCost &&
           a.pricingQuantity == b.pricingQuantity && a.billingAccountId == b.billingAccountId &&
           a.billingCurrency == b.billingCurrency && a.billingPeriodStart == b.billingPeriodStart &&
           a.billingPeriodEnd == b.billingPeriodEnd && a.chargePeriodStart == b.chargePeriodStart &&
           a.chargePeriodEnd == b.chargePeriodEnd && a.chargeCategory == b.chargeCategory &&
           a.chargeClass == b.chargeClass && a.chargeDescription == b.chargeDescription &&
           a.providerName == b.providerName && a.serviceName == b.serviceName &&
           a.resourceId == b.resourceId && a.consumedQuantity == b.consumedQuantity &&
           a.listUnitPrice == b.listUnitPrice && a.tags == b.tags && a.tagsJson == b.tagsJson;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const std::size_t cut = size ? data[0] % (size + 1) : 0;
    const Outcome whole = run(bytes, size, false, true);
    const Outcome split = run(bytes, cut, false, false);
    const Outcome single = run(bytes, 0, true, false);
    for (const Outcome *o : {&split, &single}) {
        if (o->ok != whole.ok || o->rows != whole.rows || o->rejections != whole.rejections ||
            o->fatal != whole.fatal)
            __builtin_trap();
    }
    std::int64_t previous = 0;
    for (const Row &r : whole.accepted) {
        if (r.line <= previous || r.billingPeriodStart >= r.billingPeriodEnd ||
            r.chargePeriodStart > r.chargePeriodEnd || r.billingCurrency.size() != 3 ||
            r.billingAccountId.empty())
            __builtin_trap();
        if (r.chargeCategory != "Usage" && r.chargeCategory != "Purchase" &&
            r.chargeCategory != "Tax" && r.chargeCategory != "Credit" &&
            r.chargeCategory != "Adjustment")
            __builtin_trap();
        previous = r.line;
        // The writer needs a ChargeFrequency (FOCUS allows it no nulls); absent columns stay "".
        if (r.chargeFrequency.empty())
            continue;
        std::string csv = csvHeader();
        appendCsvRow(r, csv);
        std::vector<Row> back;
        Reader reader([&](const Row &row) { back.push_back(row); }, nullptr);
        if (!reader.feed(csv) || !reader.finish() || back.size() != 1 || !sameValues(back[0], r))
            __builtin_trap();
    }
    return 0;
}
