// Fuzzes the audit hash chain. The input is split into entries: each field, in the order of
// audit::Entry (seq, time, actor, role, action, resource, request_summary, result, result_message,
// peer, prev_hash, entry_hash), is one length byte followed by that many bytes; seq is decimal
// text. Properties:
//  - the incremental Verifier, expectHead and verify() agree, and a verdict never changes after the
//    first bad entry;
//  - the same entries, renumbered 1..n and sealed into a chain, verify intact up to the head;
//  - flipping one byte of one field of one entry of that chain is reported at that entry or an
//    earlier one; dropping the last entry is caught by the head anchor.
#include "core/auditchain.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

namespace {

namespace audit = platformd::core::audit;

constexpr std::size_t kMaxEntries = 64;
constexpr int kFields = 12;

void check(bool property)
{
    if (!property)
        __builtin_trap();
}

class Reader
{
public:
    Reader(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {}
    bool atEnd() const { return m_pos >= m_size; }
    std::string field()
    {
        if (atEnd())
            return {};
        const std::size_t declared = m_data[m_pos++];
        const std::size_t length = std::min(declared, m_size - m_pos);
        std::string out(reinterpret_cast<const char *>(m_data + m_pos), length);
        m_pos += length;
        return out;
    }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

std::string *fieldOf(audit::Entry &e, int index)
{
    std::string *fields[] = {&e.time,     &e.actor,          &e.role,     &e.action,
                             &e.resource, &e.requestSummary, &e.result,   &e.resultMessage,
                             &e.peer,     &e.prevHash,       &e.entryHash};
    return index >= 1 && index < kFields ? fields[index - 1] : nullptr; // 0 is seq
}

std::vector<audit::Entry> decode(const std::uint8_t *data, std::size_t size)
{
    Reader reader(data, size);
    std::vector<audit::Entry> entries;
    while (!reader.atEnd() && entries.size() < kMaxEntries) {
        audit::Entry e;
        const std::string seq = reader.field();
        std::from_chars(seq.data(), seq.data() + seq.size(), e.seq); // not a number: stays 0
        for (int i = 1; i < kFields; ++i)
            *fieldOf(e, i) = reader.field();
        entries.push_back(std::move(e));
    }
    return entries;
}

bool sameVerdict(const audit::Verdict &a, const audit::Verdict &b)
{
    return a.intact == b.intact && a.entriesChecked == b.entriesChecked &&
           a.firstBadSeq == b.firstBadSeq && a.problem == b.problem && a.headHash == b.headHash &&
           a.headSeq == b.headSeq;
}

void verifyAsGiven(const std::vector<audit::Entry> &entries)
{
    audit::Verifier verifier;
    audit::Verdict atFailure;
    bool failed = false;
    for (const audit::Entry &e : entries) {
        const bool ok = verifier.add(e);
        if (failed) {
            check(!ok && sameVerdict(verifier.verdict(), atFailure));
        } else if (!ok) {
            failed = true;
            atFailure = verifier.verdict();
            check(!atFailure.intact && !atFailure.problem.empty());
        }
    }
    check(verifier.verdict().intact == !failed);
    if (!failed && !entries.empty())
        check(verifier.verdict().headSeq == entries.back().seq &&
              verifier.verdict().headHash == entries.back().entryHash);

    const std::pair<std::int64_t, std::string> anchor =
        entries.empty() ? std::pair<std::int64_t, std::string>{0, audit::kGenesisHash}
                        : std::pair{entries.back().seq, entries.back().entryHash};
    const bool headOk = verifier.expectHead(anchor.first, anchor.second);
    check(headOk == verifier.verdict().intact);
    check(!failed || !headOk);
    check(sameVerdict(audit::verify(entries, anchor), verifier.verdict()));
}

std::vector<audit::Entry> sealedChain(std::vector<audit::Entry> entries)
{
    std::string previous = audit::kGenesisHash;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        entries[i].seq = std::int64_t(i) + 1;
        audit::seal(entries[i], previous);
        check(entries[i].entryHash.size() == 64 && entries[i].prevHash == previous);
        previous = entries[i].entryHash;
    }
    return entries;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::vector<audit::Entry> entries = decode(data, size);
    verifyAsGiven(entries);
    if (entries.empty())
        return 0;

    const std::vector<audit::Entry> chain = sealedChain(entries);
    const auto n = std::int64_t(chain.size());
    const audit::Verdict intact = audit::verify(chain, std::pair{n, chain.back().entryHash});
    check(intact.intact && intact.entriesChecked == n && intact.headSeq == n &&
          intact.headHash == chain.back().entryHash && intact.firstBadSeq == 0);

    // Which entry, field and byte to flip, and how: from the input, so the fuzzer steers it.
    std::uint64_t choice = 1469598103934665603ULL;
    for (std::size_t i = 0; i < size; ++i)
        choice = (choice ^ data[i]) * 1099511628211ULL;
    const std::size_t index = choice % chain.size();
    std::vector<audit::Entry> tampered = chain;
    audit::Entry &victim = tampered[index];
    const int start = int((choice >> 16) % kFields);
    const auto mask = std::uint8_t(1u << ((choice >> 8) % 8));
    for (int k = 0; k < kFields; ++k) {
        const int f = (start + k) % kFields;
        if (f == 0) {
            victim.seq ^= std::int64_t(mask);
            break;
        }
        std::string *field = fieldOf(victim, f);
        if (!field->empty()) {
            (*field)[(choice >> 24) % field->size()] ^= char(mask);
            break;
        }
    }
    const audit::Verdict broken = audit::verify(tampered, std::pair{n, chain.back().entryHash});
    // A flipped seq may be reported as itself (e.g. "seq 0 is out of order"), which is that entry.
    const auto position = std::int64_t(index) + 1;
    check(!broken.intact && broken.firstBadSeq <= position &&
          (broken.firstBadSeq >= 1 || broken.firstBadSeq == victim.seq));

    // Truncation at the end leaves a valid shorter chain: only the anchor catches it.
    std::vector<audit::Entry> truncated(chain.begin(), chain.end() - 1);
    const audit::Verdict shorter = audit::verify(truncated, std::pair{n, chain.back().entryHash});
    check(!shorter.intact && shorter.firstBadSeq == n);
    return 0;
}
