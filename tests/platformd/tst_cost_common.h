#pragma once

// Shared by the CostService tests: a platformd with users of each role, stubs and helpers.
#include "platformclient.h"

#include "ops/platform/v1/cost.grpc.pb.h"
#include "ops/platform/v1/incidents.grpc.pb.h"

#include <map>

struct CostClient : PlatformClient
{
    std::unique_ptr<pb::CostService::Stub> stub;
    std::unique_ptr<pb::IncidentService::Stub> incidents;

    // Streams a file's bytes to ImportCosts in chunks.
    grpc::Status import(const std::string &token, const std::string &fileName,
                        const QByteArray &bytes, pb::ImportReport *report,
                        bool acceptPartial = false, bool validateOnly = false,
                        int chunkSize = 256 * 1024)
    {
        auto c = ctx(token);
        auto writer = stub->ImportCosts(c.get(), report);
        pb::ImportCostsRequest header;
        header.mutable_header()->set_file_name(fileName);
        header.mutable_header()->set_size_bytes(bytes.size());
        header.mutable_header()->set_accept_partial(acceptPartial);
        header.mutable_header()->set_validate_only(validateOnly);
        bool ok = writer->Write(header);
        for (qsizetype at = 0; ok && at < bytes.size(); at += chunkSize) {
            pb::ImportCostsRequest chunk;
            chunk.set_chunk(bytes.mid(at, chunkSize).toStdString());
            ok = writer->Write(chunk);
        }
        writer->WritesDone();
        return writer->Finish();
    }

protected:
    void makeStubs() override
    {
        stub = pb::CostService::NewStub(channel);
        incidents = pb::IncidentService::NewStub(channel);
    }
};

// An exact decimal as a count of 10^-18 units (test-side, independent of the server's code).
__extension__ typedef __int128 TestUnits;
inline TestUnits units(const std::string &text)
{
    bool negative = false;
    std::size_t i = 0;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        i = 1;
    }
    TestUnits whole = 0, frac = 0;
    int fracDigits = 0;
    for (; i < text.size() && text[i] != '.'; ++i)
        whole = whole * 10 + (text[i] - '0');
    if (i < text.size())
        for (++i; i < text.size() && fracDigits < 18; ++i, ++fracDigits)
            frac = frac * 10 + (text[i] - '0');
    for (; fracDigits < 18; ++fracDigits)
        frac *= 10;
    TestUnits scale = 1;
    for (int k = 0; k < 18; ++k)
        scale *= 10;
    const TestUnits u = whole * scale + frac;
    return negative ? -u : u;
}
inline double money(const std::string &text)
{
    return std::stod(text.empty() ? "0" : text);
}
