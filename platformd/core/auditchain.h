#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The audit log's hash chain: the canonical encoding of an entry, its SHA-256, and verification of
// a run of entries. Plain C++ (OpenSSL's SHA-256), shared by the store, `platformd audit verify`,
// AuditService.VerifyChain and the fuzz target. The encoding is specified in docs/SECURITY.md.
namespace platformd::core::audit {

// The hash that stands before the first entry: 64 zeros.
extern const std::string kGenesisHash;

struct Entry
{
    std::int64_t seq = 0;
    std::string time; // RFC 3339 UTC with exactly 6 fractional digits: 2026-11-29T06:05:00.123456Z
    std::string actor;
    std::string role;
    std::string action;
    std::string resource;
    std::string requestSummary;
    std::string result;
    std::string resultMessage;
    std::string peer;
    std::string prevHash;  // lowercase hex
    std::string entryHash; // lowercase hex
};

// "ops.audit.v1," followed by each field as a netstring "<len>:<bytes>," in the order of Entry
// (seq in decimal), prev_hash last; entry_hash is not part of it.
std::string canonicalEncoding(const Entry &entry);
// Lowercase hex SHA-256 of canonicalEncoding(entry).
std::string computeHash(const Entry &entry);
// Sets prevHash to `previousHash` and entryHash to the computed hash.
void seal(Entry &entry, std::string_view previousHash);

struct Verdict
{
    bool intact = true;
    std::int64_t entriesChecked = 0;
    std::int64_t firstBadSeq = 0; // 0 when intact
    std::string problem;          // what is wrong with firstBadSeq
    std::string headHash;         // entry_hash of the last entry checked
    std::int64_t headSeq = 0;
};

// Incremental verifier: feed entries in the order they are stored. Detects edits (hash mismatch),
// deletions and truncation at the front (seq gaps, first seq not 1), reordering (seq not
// increasing, prev_hash not the previous entry's hash). Truncation at the end needs an anchor from
// outside the table: expectHead() with the last (seq, hash) known elsewhere.
class Verifier
{
public:
    // Starts after an already verified entry (seq, hash) instead of at the beginning.
    void resumeAfter(std::int64_t seq, std::string hash);
    // Returns false at the first bad entry; later calls change nothing.
    bool add(const Entry &entry);
    // After the last entry: the chain must reach the anchor, and hold it at that seq.
    bool expectHead(std::int64_t seq, std::string_view hash);
    const Verdict &verdict() const { return m_verdict; }

private:
    bool fail(std::int64_t seq, std::string problem);

    Verdict m_verdict;
    std::int64_t m_lastSeq = 0;
    std::string m_lastHash = kGenesisHash;
};

// Verifies a whole run from seq 1.
Verdict verify(const std::vector<Entry> &entries,
               std::optional<std::pair<std::int64_t, std::string>> anchor = {});

} // namespace platformd::core::audit
