// focus::Reader's byte and CSV layers: gzip detection and inflate, the BOM, and RFC 4180 records
// split in place over a buffer that keeps only the unfinished record between feeds.
#include "cost/focus/private/readerimpl.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// The first ',', '\n' or '"' in [p, end) (or end); 16 bytes a step where SSE2 is there.
inline const char *findSpecial(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i quote = _mm_set1_epi8('"');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int mask = _mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, newline)),
                         _mm_cmpeq_epi8(v, quote)));
        if (mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p != end && !kSpecial[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

// The first '"' in [p, end) (or end).
inline const char *findQuote(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(v, quote));
        if (mask != 0)
            return p + __builtin_ctz(unsigned(mask));
        p += 16;
    }
#endif
    while (p != end && *p != '"')
        ++p;
    return p;
}

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
    if (!bomChecked) {
        // Hold the first bytes back until a BOM can be told apart.
        const std::size_t take = std::min(size, 3 - std::min<std::size_t>(3, buf.size()));
        buf.append(data, take);
        data += take;
        size -= take;
        if (buf.size() < 3)
            return;
        checkBom();
        if (!buf.empty()) {
            std::string held;
            held.swap(buf);
            consumePieces(held.data(), held.size());
        }
    }
    consumePieces(data, size);
}

void Reader::Impl::consumePieces(const char *data, std::size_t size)
{
    while (size > 0 && !fatal) {
        if (buf.empty()) {
            // No unfinished record: split the caller's bytes in place, keep only the tail.
            recStart = pos = 0;
            consume(data, size);
            if (!fatal && recStart < size)
                buf.assign(data + recStart, size - recStart);
            pos -= recStart;
            recStart = 0;
            return;
        }
        // An unfinished record: add bytes (doubling, so this stays linear) until it ends.
        const std::size_t old = buf.size();
        const std::size_t take = std::min(size, std::max<std::size_t>(4096, old));
        buf.append(data, take);
        if (scan(buf.data(), buf.size())) {
            const std::size_t used = pos - old;
            finishRecord(buf.data(), pos);
            buf.clear();
            recStart = pos = 0;
            data += used;
            size -= used;
        } else {
            checkRecordSize(buf.size());
            data += take;
            size -= take;
        }
    }
}

void Reader::Impl::finishRecord(const char *rec, std::size_t size)
{
    if (sawCrlf && !crlfNoted) {
        crlfNoted = true;
        note("lines end in CRLF");
    }
    record(rec, size);
    fields.clear();
}

void Reader::Impl::checkRecordSize(std::size_t size)
{
    if (size > kMaxRecordBytes || fields.size() > kMaxFields) {
        setFatal(currentRow(), columnName(fields.size()),
                 "a row longer than 64 MiB or 10000 fields (a quote left open?)");
    }
}

void Reader::Impl::consume(const char *base, std::size_t size)
{
    while (!fatal) {
        if (!scan(base, size)) {
            checkRecordSize(pos - recStart);
            break;
        }
        finishRecord(base + recStart, pos - recStart);
        recStart = pos;
    }
}

void Reader::Impl::checkBom()
{
    bomChecked = true;
    if (buf.size() >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0) {
        buf.erase(0, 3);
        note("a UTF-8 byte order mark starts the file (skipped)");
    }
}

bool Reader::Impl::scan(const char *const base, std::size_t size)
{
    const char *const rec = base + recStart;
    const char *const end = base + size;
    const char *p = base + pos;
    // Locals, written back on return: a Field assembled in memory and then copied as a whole
    // stalls on store forwarding.
    std::uint32_t begin = cur.begin, fieldEnd = cur.end;
    std::uint32_t flags = cur.flags;
    State state = this->state;
    auto push = [&]() __attribute__((always_inline))
    {
        fields.push_back(Field{begin, fieldEnd, std::uint8_t(flags)});
    };
    auto offset = [rec](const char *at) {
        return std::uint32_t(at - rec);
    };
    for (;;) {
        switch (state) {
        case State::FieldStart:
            if (p == end)
                goto more;
            if (*p == '"') {
                begin = offset(p + 1);
                flags = Quoted;
                ++p;
                state = State::Quoted;
                continue;
            }
            begin = offset(p);
            flags = 0;
            state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted:
            p = findSpecial(p, end);
            if (p == end)
                goto more;
            if (*p == ',') {
                fieldEnd = offset(p);
                push();
                ++p;
                state = State::FieldStart;
                continue;
            }
            if (*p == '\n') {
                const char *e = p;
                if (e > rec + begin && e[-1] == '\r') {
                    --e;
                    sawCrlf = true;
                }
                fieldEnd = offset(e);
                push();
                ++p;
                goto done;
            }
            flags |= Stray; // a quote inside an unquoted field
            ++p;
            continue;
        case State::Quoted:
            p = findQuote(p, end);
            if (p == end)
                goto more;
            ++p;
            state = State::QuoteSeen;
            [[fallthrough]];
        case State::QuoteSeen:
            if (p == end)
                goto more;
            if (*p == '"') { // a doubled quote
                flags |= Escaped;
                ++p;
                state = State::Quoted;
                continue;
            }
            fieldEnd = offset(p - 1);
            state = State::AfterQuoted;
            [[fallthrough]];
        case State::AfterQuoted:
            if (p == end)
                goto more;
            if (*p == ',') {
                push();
                ++p;
                state = State::FieldStart;
                continue;
            }
            if (*p == '\n') {
                push();
                ++p;
                goto done;
            }
            if (*p == '\r') {
                ++p;
                state = State::AfterQuotedCR;
                continue;
            }
            flags |= Stray; // text after the closing quote
            state = State::Unquoted;
            continue;
        case State::AfterQuotedCR:
            if (p == end)
                goto more;
            if (*p == '\n') {
                sawCrlf = true;
                push();
                ++p;
                goto done;
            }
            flags |= Stray;
            state = State::Unquoted;
            continue;
        }
    }
more:
    pos = std::size_t(p - base);
    cur = Field{begin, fieldEnd, std::uint8_t(flags)};
    this->state = state;
    return false;
done:
    pos = std::size_t(p - base);
    this->state = State::FieldStart;
    return true;
}

bool Reader::Impl::endOfText()
{
    if (!bomChecked) {
        checkBom();
        std::string held;
        held.swap(buf);
        consumePieces(held.data(), held.size());
    }
    if (fatal)
        return false;
    // buf holds the unfinished last record (recStart is 0).
    const std::size_t size = buf.size();
    switch (state) {
    case State::FieldStart:
        if (fields.empty() && size == 0)
            return true; // the file ended with a line break
        cur = Field{std::uint32_t(size), std::uint32_t(size), 0};
        break;
    case State::Unquoted:
        cur.end = std::uint32_t(size);
        if (cur.end > cur.begin && buf[size - 1] == '\r')
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
    finishRecord(buf.data(), size);
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
    auto fail = [&](const char *what, std::int64_t row) {
        if (fatal)
            *fatal = Rejection{row, {}, std::string(what) + path + ": " + std::strerror(errno)};
        return false;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail("cannot open ", 0);
    Reader reader(onRow, onRejection);
    bool ok = true;
    // 1 MiB reads: the reader splits them in place and keeps only an unfinished row.
    std::vector<char> chunk(1 << 20);
    for (;;) {
        const ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            errno = error;
            if (stats)
                *stats = reader.stats();
            return fail("cannot read ", reader.stats().rowsRead + 1);
        }
        if (n == 0)
            break;
        if (!reader.feed(std::string_view(chunk.data(), std::size_t(n)))) {
            ok = false;
            break;
        }
    }
    ::close(fd);
    if (ok)
        ok = reader.finish();
    if (!ok && fatal && reader.fatal())
        *fatal = *reader.fatal();
    if (stats)
        *stats = reader.stats();
    return ok;
}

} // namespace platformd::cost::focus
