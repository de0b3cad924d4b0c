#include "regions/changebatch.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/wire_format_lite.h>

namespace platformd::regions {

using google::protobuf::io::CodedInputStream;
using google::protobuf::io::CodedOutputStream;
using google::protobuf::io::StringOutputStream;
using WFL = google::protobuf::internal::WireFormatLite;

namespace {

void putLengthDelimited(std::string *out, int field, std::string_view bytes)
{
    StringOutputStream stream(out);
    CodedOutputStream coded(&stream);
    coded.WriteTag(WFL::MakeTag(field, WFL::WIRETYPE_LENGTH_DELIMITED));
    coded.WriteVarint32(std::uint32_t(bytes.size()));
    coded.WriteRaw(bytes.data(), int(bytes.size()));
}

} // namespace

int eventField(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Region:
        return 2;
    case ResourceKind::Component:
        return 3;
    case ResourceKind::EdgeNode:
        return 4;
    case ResourceKind::Failover:
        return 6;
    case ResourceKind::MaintenanceWindow:
        return 7;
    }
    return 2;
}

ResourceKind kindOfName(std::string_view name)
{
    if (name.find("/components/") != std::string_view::npos)
        return ResourceKind::Component;
    if (name.find("/edgeNodes/") != std::string_view::npos)
        return ResourceKind::EdgeNode;
    if (name.find("/failovers/") != std::string_view::npos)
        return ResourceKind::Failover;
    if (name.find("/maintenanceWindows/") != std::string_view::npos)
        return ResourceKind::MaintenanceWindow;
    return ResourceKind::Region;
}

std::string ChangeBatch::encodeEvent(ResourceKind kind, int changeType,
                                     std::string_view resourceBytes, std::string_view name)
{
    std::string out;
    out.reserve(resourceBytes.size() + name.size() + 16);
    {
        StringOutputStream stream(&out);
        CodedOutputStream coded(&stream);
        coded.WriteTag(WFL::MakeTag(1, WFL::WIRETYPE_VARINT));
        coded.WriteVarint32(std::uint32_t(changeType));
    }
    if (changeType != 2)
        putLengthDelimited(&out, eventField(kind), resourceBytes);
    putLengthDelimited(&out, 5, name);
    return out;
}

std::string ChangeBatch::encode(unsigned mask) const
{
    std::string out;
    size_t size = 32;
    for (const Event &e : events)
        size += e.bytes.size() + 6;
    out.reserve(size);
    {
        StringOutputStream stream(&out);
        CodedOutputStream coded(&stream);
        coded.WriteTag(WFL::MakeTag(1, WFL::WIRETYPE_VARINT));
        coded.WriteVarint64(std::uint64_t(revision));
        // google.protobuf.Timestamp commit_time = 2
        std::string ts;
        {
            StringOutputStream tsStream(&ts);
            CodedOutputStream tsCoded(&tsStream);
            tsCoded.WriteTag(WFL::MakeTag(1, WFL::WIRETYPE_VARINT));
            tsCoded.WriteVarint64(std::uint64_t(commitTimeNs / 1000000000));
            const auto nanos = std::uint32_t(commitTimeNs % 1000000000);
            if (nanos) {
                tsCoded.WriteTag(WFL::MakeTag(2, WFL::WIRETYPE_VARINT));
                tsCoded.WriteVarint32(nanos);
            }
        }
        coded.WriteTag(WFL::MakeTag(2, WFL::WIRETYPE_LENGTH_DELIMITED));
        coded.WriteVarint32(std::uint32_t(ts.size()));
        coded.WriteString(ts);
        for (const Event &e : events) {
            if (!maskIncludes(mask, e.kind))
                continue;
            coded.WriteTag(WFL::MakeTag(3, WFL::WIRETYPE_LENGTH_DELIMITED));
            coded.WriteVarint32(std::uint32_t(e.bytes.size()));
            coded.WriteRaw(e.bytes.data(), int(e.bytes.size()));
        }
    }
    return out;
}

std::string ChangeBatch::encodeAll() const
{
    return encode(kAllKinds);
}

std::shared_ptr<const std::string> ChangeBatch::bytesFor(unsigned mask) const
{
    mask &= kAllKinds;
    std::lock_guard lock(m_cacheMutex);
    if (!m_cached[mask]) {
        m_cached[mask] = true;
        bool any = false;
        for (const Event &e : events)
            any = any || maskIncludes(mask, e.kind);
        if (any)
            m_cache[mask] = std::make_shared<const std::string>(encode(mask));
    }
    return m_cache[mask];
}

namespace {

bool eventKind(std::string_view bytes, ResourceKind *kind)
{
    CodedInputStream in(reinterpret_cast<const std::uint8_t *>(bytes.data()), int(bytes.size()));
    *kind = ResourceKind::Region;
    while (const std::uint32_t tag = in.ReadTag()) {
        switch (WFL::GetTagFieldNumber(tag)) {
        case 2:
            *kind = ResourceKind::Region;
            return true;
        case 3:
            *kind = ResourceKind::Component;
            return true;
        case 4:
            *kind = ResourceKind::EdgeNode;
            return true;
        case 6:
            *kind = ResourceKind::Failover;
            return true;
        case 7:
            *kind = ResourceKind::MaintenanceWindow;
            return true;
        case 5: {
            // A delete carries only the name: its kind is in the name.
            std::string name;
            if (WFL::GetTagWireType(tag) != WFL::WIRETYPE_LENGTH_DELIMITED ||
                !WFL::ReadBytes(&in, &name))
                return false;
            *kind = kindOfName(name);
            continue;
        }
        default:
            break;
        }
        if (!WFL::SkipField(&in, tag))
            return false;
    }
    return true;
}

} // namespace

bool ChangeBatch::decode(std::string_view bytes, ChangeBatch *out)
{
    CodedInputStream in(reinterpret_cast<const std::uint8_t *>(bytes.data()), int(bytes.size()));
    in.SetTotalBytesLimit(INT32_MAX);
    out->events.clear();
    while (const std::uint32_t tag = in.ReadTag()) {
        const int field = int(WFL::GetTagFieldNumber(tag));
        if (field == 1 && WFL::GetTagWireType(tag) == WFL::WIRETYPE_VARINT) {
            std::uint64_t v = 0;
            if (!in.ReadVarint64(&v))
                return false;
            out->revision = std::int64_t(v);
        } else if (field == 2 && WFL::GetTagWireType(tag) == WFL::WIRETYPE_LENGTH_DELIMITED) {
            std::uint32_t len = 0;
            if (!in.ReadVarint32(&len))
                return false;
            const auto limit = in.PushLimit(int(len));
            std::int64_t seconds = 0, nanos = 0;
            while (const std::uint32_t t = in.ReadTag()) {
                std::uint64_t v = 0;
                if (WFL::GetTagWireType(t) != WFL::WIRETYPE_VARINT || !in.ReadVarint64(&v))
                    return false;
                if (WFL::GetTagFieldNumber(t) == 1)
                    seconds = std::int64_t(v);
                else if (WFL::GetTagFieldNumber(t) == 2)
                    nanos = std::int64_t(v);
            }
            in.PopLimit(limit);
            out->commitTimeNs = seconds * 1000000000 + nanos;
        } else if (field == 3 && WFL::GetTagWireType(tag) == WFL::WIRETYPE_LENGTH_DELIMITED) {
            Event e;
            if (!WFL::ReadBytes(&in, &e.bytes) || !eventKind(e.bytes, &e.kind))
                return false;
            out->events.push_back(std::move(e));
        } else if (!WFL::SkipField(&in, tag)) {
            return false;
        }
    }
    return in.ConsumedEntireMessage();
}

} // namespace platformd::regions
