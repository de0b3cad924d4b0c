// Fuzzes the OSCAL readers (compliance/oscal): catalogs, profiles (resolved against the input
// itself, so a profile imports itself and must be refused as a cycle), assessment results.
// Properties: no crash, hang or leak; a refusal has an error of the form "<JSON pointer>: <what>";
// an accepted catalog renders every control's parts; accepted assessment results read back the same
// when written again, or are refused with an error.
#include "compliance/oscal/assessmentresults.h"
#include "compliance/oscal/catalog.h"
#include "compliance/oscal/profile.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace platformd::compliance::oscal;

namespace {

void checkRefusal(const std::string &error)
{
    if (error.empty() || error.find(": ") == std::string::npos)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    std::string error;
    Catalog catalog;
    if (parseCatalog(text, &catalog, &error)) {
        const CatalogCounts n = catalog.counts();
        std::size_t seen = 0;
        catalog.forEachControl([&](const Control &c, int) {
            ++seen;
            for (const Part &p : c.parts)
                (void)controlText(catalog, c, p.name, ParamInsert::Substitute);
            if (catalog.findControl(c.id) == nullptr)
                __builtin_trap();
        });
        if (seen != n.controls + n.enhancements)
            __builtin_trap();
    } else {
        checkRefusal(error);
    }
    Profile profile;
    error.clear();
    if (parseProfile(text, &profile, &error)) {
        const std::string self(text);
        const DocumentResolver resolver = [&self](const std::string &, std::string *json,
                                                  std::string *) {
            *json = self;
            return true;
        };
        ResolvedProfile resolved;
        if (!resolveProfile(profile, resolver, &resolved, &error))
            checkRefusal(error);
    } else {
        checkRefusal(error);
    }
    AssessmentResults results;
    error.clear();
    if (readAssessmentResults(text, &results, &error)) {
        std::string json;
        AssessmentResults copy = results;
        if (writeAssessmentResults(&copy, &json, &error)) {
            AssessmentResults back;
            if (!readAssessmentResults(json, &back, &error) || back.uuid != copy.uuid ||
                back.results.size() != copy.results.size())
                __builtin_trap();
        } else if (error.empty()) {
            __builtin_trap();
        }
    } else {
        checkRefusal(error);
    }
    return 0;
}
