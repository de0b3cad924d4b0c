#pragma once

// Writes FOCUS 1.0 CSV that focus::Reader reads back to the same Rows: every 1.0 column (the 21
// mandatory ones, the conditional and recommended ones, Tags), strings quoted (so the text NULL
// stays text), NULL for null, timestamps as "2024-09-18T22:00:00Z", decimals exact, Tags as JSON
// (Row::tagsJson when set, else built from Row::tags). Row::extra is not written. For demo data,
// tests and benches.

#include "cost/focus/focusreader.h"

#include <string>

namespace platformd::cost::focus {

// The header line (with its line break): the columns appendCsvRow writes, in that order.
std::string csvHeader();
// Appends one data line (with its line break) for `row` to `out`.
void appendCsvRow(const Row &row, std::string &out);

} // namespace platformd::cost::focus
