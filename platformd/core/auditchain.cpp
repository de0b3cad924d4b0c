#include "core/auditchain.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>

namespace platformd::core::audit {

const std::string kGenesisHash(64, '0');

namespace {

void appendNetstring(std::string &out, std::string_view field)
{
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ',';
}

bool isLowerHex64(std::string_view s)
{
    if (s.size() != 64)
        return false;
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

std::string canonicalEncoding(const Entry &e)
{
    std::string out = "ops.audit.v1,";
    out.reserve(out.size() + 64 + e.time.size() + e.actor.size() + e.role.size() + e.action.size() +
                e.resource.size() + e.requestSummary.size() + e.result.size() +
                e.resultMessage.size() + e.peer.size() + e.prevHash.size() + 64);
    appendNetstring(out, std::to_string(e.seq));
    appendNetstring(out, e.time);
    appendNetstring(out, e.actor);
    appendNetstring(out, e.role);
    appendNetstring(out, e.action);
    appendNetstring(out, e.resource);
    appendNetstring(out, e.requestSummary);
    appendNetstring(out, e.result);
    appendNetstring(out, e.resultMessage);
    appendNetstring(out, e.peer);
    appendNetstring(out, e.prevHash);
    return out;
}

std::string computeHash(const Entry &entry)
{
    const std::string data = canonicalEncoding(entry);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr);
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xf];
    }
    return out;
}

void seal(Entry &entry, std::string_view previousHash)
{
    entry.prevHash = std::string(previousHash);
    entry.entryHash = computeHash(entry);
}

void Verifier::resumeAfter(std::int64_t seq, std::string hash)
{
    m_lastSeq = seq;
    m_lastHash = std::move(hash);
    m_verdict.headSeq = seq;
    m_verdict.headHash = m_lastHash;
}

bool Verifier::fail(std::int64_t seq, std::string problem)
{
    m_verdict.intact = false;
    m_verdict.firstBadSeq = seq;
    m_verdict.problem = std::move(problem);
    return false;
}

bool Verifier::add(const Entry &e)
{
    if (!m_verdict.intact)
        return false;
    ++m_verdict.entriesChecked;
    // A seq of 0 or below would read as "intact" (firstBadSeq 0): name the seq expected instead.
    if (e.seq <= 0)
        return fail(m_lastSeq + 1, "entry " + std::to_string(m_lastSeq + 1) +
                                       " has the invalid seq " + std::to_string(e.seq));
    if (e.seq <= m_lastSeq)
        return fail(e.seq, "seq " + std::to_string(e.seq) + " is out of order (after seq " +
                               std::to_string(m_lastSeq) + ")");
    if (e.seq != m_lastSeq + 1)
        return fail(m_lastSeq + 1, "entry " + std::to_string(m_lastSeq + 1) +
                                       " is missing (the next stored entry is " +
                                       std::to_string(e.seq) + ")");
    if (e.prevHash != m_lastHash)
        return fail(e.seq, "prev_hash does not match the previous entry's hash");
    if (!isLowerHex64(e.entryHash) || computeHash(e) != e.entryHash)
        return fail(e.seq, "entry_hash does not match its content");
    m_lastSeq = e.seq;
    m_lastHash = e.entryHash;
    m_verdict.headSeq = e.seq;
    m_verdict.headHash = e.entryHash;
    return true;
}

bool Verifier::expectHead(std::int64_t seq, std::string_view hash)
{
    if (!m_verdict.intact)
        return false;
    if (m_lastSeq < seq)
        return fail(m_lastSeq + 1, "the log ends at seq " + std::to_string(m_lastSeq) +
                                       " but entries up to " + std::to_string(seq) +
                                       " were recorded (truncated)");
    if (m_lastSeq == seq && m_lastHash != hash)
        return fail(seq, "entry " + std::to_string(seq) + " differs from the recorded head");
    return true;
}

Verdict verify(const std::vector<Entry> &entries,
               std::optional<std::pair<std::int64_t, std::string>> anchor)
{
    Verifier verifier;
    for (const Entry &e : entries) {
        if (!verifier.add(e))
            break;
    }
    if (anchor)
        verifier.expectHead(anchor->first, anchor->second);
    return verifier.verdict();
}

} // namespace platformd::core::audit
