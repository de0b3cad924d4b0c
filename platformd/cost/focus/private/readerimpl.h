#pragma once

// The state of a focus::Reader: the byte layer (gzip detection and inflate), the CSV layer
// (records split in place, resumable at any byte) and the row layer (columns checked into a reused
// Row). focusreader.cpp has the first two, focusrows.cpp the last.

#include "cost/focus/focusreader.h"
#include "cost/focus/private/focusparse.h"

#include <zlib.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace platformd::cost::focus {

struct Reader::Impl
{
    enum FieldFlag : std::uint8_t {
        Quoted = 1,
        Escaped = 2, // doubled quotes inside
        Stray = 4,   // a quote in an unquoted field, or text after a closing quote
    };
    // A field of the current record: [begin, end) relative to the record's start, without quotes.
    struct Field
    {
        std::uint32_t begin = 0, end = 0;
        std::uint8_t flags = 0;
    };
    enum class State : std::uint8_t {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteSeen,
        AfterQuoted,
        AfterQuotedCR
    };
    enum class Mode : std::uint8_t { Unknown, Plain, Gzip };
    struct TimeCache
    {
        std::string text;
        std::int64_t value = 0;
        bool valid = false;
    };
    struct Currency
    {
        std::string code;
        std::int64_t firstRow = 0;
    };

    Impl(RowSink row, RejectionSink rejection);
    ~Impl();

    // Byte layer.
    bool input(const char *data, std::size_t size);
    bool inflateInput(const char *data, std::size_t size);
    // CSV layer.
    void text(const char *data, std::size_t size);
    void checkBom();
    bool scan();
    void parseRecords();
    bool endOfText();
    std::int64_t currentRow() const { return haveHeader ? dataRows + 1 : 0; }
    std::string columnName(std::size_t index) const;
    void setFatal(std::int64_t row, std::string column, std::string reason);
    // Row layer (focusrows.cpp).
    void record(const char *rec, std::size_t size);
    void header(const char *rec, std::size_t size);
    void row(const char *rec, std::size_t size);
    std::string_view fieldText(const char *rec, std::size_t index);
    bool reject(std::int64_t rowNo, std::size_t column, std::string reason);
    void note(std::string text);

    RowSink onRow;
    RejectionSink onRejection;
    std::optional<Rejection> fatal;
    ReaderStats stats;
    bool finished = false;

    Mode mode = Mode::Unknown;
    std::string magic;
    z_stream zs{};
    bool zInit = false, zEnded = false;
    std::vector<char> zOut;

    bool bomChecked = false;
    std::string buf;
    std::size_t recStart = 0, pos = 0;
    State state = State::FieldStart;
    Field cur;
    std::vector<Field> fields;
    bool crlfNoted = false, sawCrlf = false;

    bool haveHeader = false;
    int version = 0;
    std::vector<std::string> columns, unknown, notes;
    std::vector<const detail::ColumnSpec *> specs; // per column; null: not a FOCUS column
    std::vector<int> extraIndex;                   // per column: index in current.extra, or -1
    std::vector<std::string> scratch;              // per column: unescaped text
    std::vector<TimeCache> timeCache;              // per column
    std::vector<char> notedEmptyNull, notedCase;   // per column
    bool notedNaive = false, notedOffset = false, notedFraction = false, notedNonString = false;
    int colBillingStart = -1, colBillingEnd = -1, colChargeStart = -1, colChargeEnd = -1;
    int colCurrency = -1;
    std::int64_t dataRows = 0;
    Row current;
    detail::TagsParser tags;
    std::string why;
    std::unordered_map<std::string, Currency> currencies;
    std::string lastAccount;
    const Currency *lastCurrency = nullptr;
};

} // namespace platformd::cost::focus
