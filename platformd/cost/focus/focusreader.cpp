// focus::Reader's byte and CSV layers: gzip detection and inflate, the BOM, and RFC 4180 records
// split in place over a buffer that keeps only the unfinished record between feeds.
#include "cost/focus/private/readerimpl.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace platformd::cost::focus {

namespace {

// A record longer than this is taken for a quote left open (the file cannot be read on).
constexpr std::size_t kMaxRecordBytes = 64u << 20;
constexpr std::size_t kMaxFields = 10000;

// The bytes that end an unquoted run: ',', '\n' and '"'.
constexpr std::array<bool, 256> specialBytes()
{
    std::array<bool, 256> t{};
    t[std::size_t(',')] = true;
    t[std::size_t('\n')] = true;
    t[std::size_t('"')] = true;
    return t;
}
constexpr std::array<bool, 256> kSpecial = specialBytes();

} // namespace

Reader::Impl::Impl(RowSink row, RejectionSink rejection)
    : onRow(std::move(row))
    , onRejection(std::move(rejection))
{
    fields.reserve(64);
}

Reader::Impl::~Impl()
{
    if (zInit)
        inflateEnd(&zs);
}

void Reader::Impl::setFatal(std::int64_t row, std::string column, std::string reason)
{
    if (!fatal)
        fatal = Rejection{row, std::move(column), std::move(reason)};
}

std::string Reader::Impl::columnName(std::size_t index) const
{
    return index < columns.size() ? columns[index] : std::string();
}

bool Reader::Impl::input(const char *data, std::size_t size)
{
    if (mode == Mode::Unknown) {
        // The gzip magic (1f 8b) decides; wait for two bytes.
        magic.append(data, size);
        if (magic.size() < 2)
            return true;
        if ((unsigned char)magic[0] == 0x1f && (unsigned char)magic[1] == 0x8b) {
            mode = Mode::Gzip;
            if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
                setFatal(0, {}, "cannot start zlib");
                return false;
            }
            zInit = true;
            zOut.resize(256 * 1024);
        } else {
            mode = Mode::Plain;
        }
        std::string first;
        first.swap(magic);
        return input(first.data(), first.size());
    }
    if (mode == Mode::Gzip) {
        constexpr std::size_t kPiece = 1u << 30; // zlib counts in 32 bits
        for (std::size_t at = 0; at < size; at += kPiece) {
            if (!inflateInput(data + at, std::min(kPiece, size - at)))
                return false;
        }
        return true;
    }
    text(data, size);
    return !fatal;
}

bool Reader::Impl::inflateInput(const char *data, std::size_t size)
{
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    zs.avail_in = uInt(size);
    while (zs.avail_in > 0) {
        if (zEnded) {
            // Another gzip member follows (concatenated .gz files are one file).
            inflateReset(&zs);
            zEnded = false;
        }
        zs.next_out = reinterpret_cast<Bytef *>(zOut.data());
        zs.avail_out = uInt(zOut.size());
        const int r = inflate(&zs, Z_NO_FLUSH);
        const std::size_t produced = zOut.size() - zs.avail_out;
        if (produced > 0) {
            text(zOut.data(), produced);
            if (fatal)
                return false;
        }
        if (r == Z_STREAM_END) {
            zEnded = true;
        } else if (r == Z_BUF_ERROR) {
            if (zs.avail_out != 0)
                break; // needs more input
        } else if (r != Z_OK) {
            setFatal(currentRow(), {},
                     std::string("corrupt gzip data: ") + (zs.msg ? zs.msg : "inflate failed"));
            return false;
        }
    }
    // Drain what inflate holds back when the input ran out exactly at a full output buffer.
    while (!zEnded && zs.avail_out == 0) {
        zs.next_out = reinterpret_cast<Bytef *>(zOut.data());
        zs.avail_out = uInt(zOut.size());
        const int r = inflate(&zs, Z_NO_FLUSH);
        const std::size_t produced = zOut.size() - zs.avail_out;
        if (produced > 0) {
            text(zOut.data(), produced);
            if (fatal)
                return false;
        }
        if (r == Z_STREAM_END) {
            zEnded = true;
        } else if (r != Z_OK && r != Z_BUF_ERROR) {
            setFatal(currentRow(), {},
                     std::string("corrupt gzip data: ") + (zs.msg ? zs.msg : "inflate failed"));
            return false;
        }
    }
    return true;
}

void Reader::Impl::text(const char *data, std::size_t size)
{
    stats.bytesRead += size;
    buf.append(data, size);
    if (!bomChecked) {
        if (buf.size() < 3)
            return;
        checkBom();
    }
    parseRecords();
}

void Reader::Impl::checkBom()
{
    bomChecked = true;
    if (buf.size() >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0) {
        buf.erase(0, 3);
        note("a UTF-8 byte order mark starts the file (skipped)");
    }
}

bool Reader::Impl::scan()
{
    const char *const base = buf.data();
    const char *const rec = base + recStart;
    const char *const end = base + buf.size();
    const char *p = base + pos;
    auto offset = [rec](const char *at) {
        return std::uint32_t(at - rec);
    };
    for (;;) {
        switch (state) {
        case State::FieldStart:
            if (p == end)
                goto more;
            if (*p == '"') {
                cur = Field{offset(p + 1), 0, Quoted};
                ++p;
                state = State::Quoted;
                continue;
            }
            cur = Field{offset(p), 0, 0};
            state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted:
            while (p != end && !kSpecial[static_cast<unsigned char>(*p)])
                ++p;
            if (p == end)
                goto more;
            if (*p == ',') {
                cur.end = offset(p);
                fields.push_back(cur);
                ++p;
                state = State::FieldStart;
                continue;
            }
            if (*p == '\n') {
                const char *e = p;
                if (e > rec + cur.begin && e[-1] == '\r') {
                    --e;
                    sawCrlf = true;
                }
                cur.end = offset(e);
                fields.push_back(cur);
                ++p;
                goto done;
            }
            cur.flags |= Stray; // a quote inside an unquoted field
            ++p;
            continue;
        case State::Quoted: {
            const void *q = std::memchr(p, '"', std::size_t(end - p));
            if (!q) {
                p = end;
                goto more;
            }
            p = static_cast<const char *>(q) + 1;
            state = State::QuoteSeen;
        }
            [[fallthrough]];
        case State::QuoteSeen:
            if (p == end)
                goto more;
            if (*p == '"') { // a doubled quote
                cur.flags |= Escaped;
                ++p;
                state = State::Quoted;
                continue;
            }
            cur.end = offset(p - 1);
            state = State::AfterQuoted;
            [[fallthrough]];
        case State::AfterQuoted:
            if (p == end)
                goto more;
            if (*p == ',') {
                fields.push_back(cur);
                ++p;
                state = State::FieldStart;
                continue;
            }
            if (*p == '\n') {
                fields.push_back(cur);
                ++p;
                goto done;
            }
            if (*p == '\r') {
                ++p;
                state = State::AfterQuotedCR;
                continue;
            }
            cur.flags |= Stray; // text after the closing quote
            state = State::Unquoted;
            continue;
        case State::AfterQuotedCR:
            if (p == end)
                goto more;
            if (*p == '\n') {
                sawCrlf = true;
                fields.push_back(cur);
                ++p;
                goto done;
            }
            cur.flags |= Stray;
            state = State::Unquoted;
            continue;
        }
    }
more:
    pos = std::size_t(p - base);
    return false;
done:
    pos = std::size_t(p - base);
    state = State::FieldStart;
    return true;
}

void Reader::Impl::parseRecords()
{
    while (!fatal) {
        if (!scan()) {
            if (pos - recStart > kMaxRecordBytes || fields.size() > kMaxFields) {
                setFatal(currentRow(), columnName(fields.size()),
                         "a row longer than 64 MiB or 10000 fields (a quote left open?)");
            }
            break;
        }
        if (sawCrlf && !crlfNoted) {
            crlfNoted = true;
            note("lines end in CRLF");
        }
        record(buf.data() + recStart, pos - recStart);
        recStart = pos;
        fields.clear();
    }
    if (recStart > 0) {
        buf.erase(0, recStart);
        pos -= recStart;
        recStart = 0;
    }
}

bool Reader::Impl::endOfText()
{
    if (!bomChecked)
        checkBom();
    parseRecords();
    if (fatal)
        return false;
    const std::size_t size = buf.size() - recStart;
    switch (state) {
    case State::FieldStart:
        if (fields.empty() && size == 0)
            return true; // the file ended with a line break
        cur = Field{std::uint32_t(size), std::uint32_t(size), 0};
        break;
    case State::Unquoted:
        cur.end = std::uint32_t(size);
        if (cur.end > cur.begin && buf[recStart + size - 1] == '\r')
            --cur.end;
        break;
    case State::Quoted:
        setFatal(currentRow(), columnName(fields.size()),
                 "a quote left open at the end of the file");
        return false;
    case State::QuoteSeen:
        cur.end = std::uint32_t(size - 1);
        break;
    case State::AfterQuoted:
    case State::AfterQuotedCR:
        break;
    }
    fields.push_back(cur);
    record(buf.data() + recStart, size);
    fields.clear();
    state = State::FieldStart;
    buf.clear();
    recStart = pos = 0;
    return !fatal;
}

Reader::Reader(RowSink onRow, RejectionSink onRejection)
    : d(std::make_unique<Impl>(std::move(onRow), std::move(onRejection)))
{}

Reader::~Reader() = default;

bool Reader::feed(std::string_view bytes)
{
    if (d->fatal)
        return false;
    if (d->finished) {
        d->setFatal(d->currentRow(), {}, "bytes fed after the end of the file");
        return false;
    }
    if (bytes.empty())
        return true;
    return d->input(bytes.data(), bytes.size()) && !d->fatal;
}

bool Reader::finish()
{
    if (d->fatal || d->finished)
        return !d->fatal;
    if (d->mode == Impl::Mode::Unknown) {
        d->mode = Impl::Mode::Plain;
        std::string first;
        first.swap(d->magic);
        d->text(first.data(), first.size());
    }
    if (d->mode == Impl::Mode::Gzip && !d->zEnded && !d->fatal) {
        d->setFatal(d->currentRow(), {}, "the gzip stream is truncated (no end marker)");
    }
    d->finished = true;
    if (d->fatal || !d->endOfText())
        return false;
    if (!d->haveHeader) {
        d->setFatal(0, {}, "the file is empty (no header)");
        return false;
    }
    return true;
}

const std::optional<Rejection> &Reader::fatal() const
{
    return d->fatal;
}

const ReaderStats &Reader::stats() const
{
    return d->stats;
}

std::string Reader::focusVersion() const
{
    switch (d->version) {
    case 10:
        return "1.0";
    case 11:
        return "1.1";
    case 12:
        return "1.2";
    default:
        return {};
    }
}

const std::vector<std::string> &Reader::columns() const
{
    return d->columns;
}

const std::vector<std::string> &Reader::unknownColumns() const
{
    return d->unknown;
}

const std::vector<std::string> &Reader::notes() const
{
    return d->notes;
}

bool readFile(const std::string &path, const Reader::RowSink &onRow,
              const Reader::RejectionSink &onRejection, Rejection *fatal, ReaderStats *stats)
{
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f) {
        if (fatal)
            *fatal = Rejection{0, {}, "cannot open " + path + ": " + std::strerror(errno)};
        return false;
    }
    Reader reader(onRow, onRejection);
    std::vector<char> chunk(1 << 20);
    bool ok = true;
    for (;;) {
        const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), f);
        if (n > 0 && !reader.feed(std::string_view(chunk.data(), n))) {
            ok = false;
            break;
        }
        if (n < chunk.size()) {
            if (std::ferror(f)) {
                if (fatal)
                    *fatal = Rejection{reader.stats().rowsRead,
                                       {},
                                       "cannot read " + path + ": " + std::strerror(errno)};
                std::fclose(f);
                if (stats)
                    *stats = reader.stats();
                return false;
            }
            break;
        }
    }
    std::fclose(f);
    if (ok)
        ok = reader.finish();
    if (!ok && fatal && reader.fatal())
        *fatal = *reader.fatal();
    if (stats)
        *stats = reader.stats();
    return ok;
}

} // namespace platformd::cost::focus
