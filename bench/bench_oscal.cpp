// oscal_catalog_import_ms: the full NIST SP 800-53 rev5 catalog (../shared/data/oscal, 3.2 MB,
// 1,189 controls and enhancements) read from memory into compliance/oscal's value types; the
// median of 7 runs after one warm-up. Also the LOW and MODERATE baselines resolved against it
// (profile parse, catalog parse, selection, merge), and the file read itself.
// OPS_SHARED_DATA overrides where ../shared/data is.
#include "compliance/oscal/catalog.h"
#include "compliance/oscal/profile.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace platformd::compliance::oscal;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

bool readFile(const std::string &path, std::string *out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream s;
    s << in.rdbuf();
    *out = s.str();
    return true;
}

} // namespace

int main()
{
    const char *env = std::getenv("OPS_SHARED_DATA");
    const std::string dir = std::string(env ? env : OPS_SHARED_DATA) + "/oscal/";
    const std::string catalogPath = dir + "NIST_SP-800-53_rev5_catalog.json";
    std::string text;
    const auto readStart = Clock::now();
    if (!readFile(catalogPath, &text)) {
        std::fprintf(stderr, "bench_oscal: cannot read %s\n", catalogPath.c_str());
        return 1;
    }
    const double readMs = msSince(readStart);

    std::vector<double> importMs;
    CatalogCounts counts;
    for (int i = 0; i < 8; ++i) {
        Catalog catalog;
        std::string error;
        const auto start = Clock::now();
        if (!parseCatalog(text, &catalog, &error)) {
            std::fprintf(stderr, "bench_oscal: %s\n", error.c_str());
            return 1;
        }
        const double ms = msSince(start);
        if (i > 0)
            importMs.push_back(ms);
        counts = catalog.counts();
    }
    std::printf("oscal_catalog_import_ms: %.1f ms (median of %zu; %zu families, %zu controls, %zu "
                "enhancements; target < 2000 ms)\n",
                median(importMs), importMs.size(), counts.topGroups, counts.controls,
                counts.enhancements);
    std::printf("oscal_catalog_read_ms: %.1f ms (reading the %.1f MB file, once)\n", readMs,
                double(text.size()) / 1e6);

    const DocumentResolver resolver = [&](const std::string &, std::string *json, std::string *) {
        *json = text; // the module maps the profiles' href to its stored catalog
        return true;
    };
    for (const char *baseline : {"LOW", "MODERATE"}) {
        std::string profileText;
        const std::string path = dir + "NIST_SP-800-53_rev5_" + baseline + "-baseline_profile.json";
        if (!readFile(path, &profileText)) {
            std::fprintf(stderr, "bench_oscal: cannot read %s\n", path.c_str());
            return 1;
        }
        std::vector<double> ms;
        std::size_t controls = 0;
        for (int i = 0; i < 6; ++i) {
            const auto start = Clock::now();
            Profile profile;
            ResolvedProfile resolved;
            std::string error;
            if (!parseProfile(profileText, &profile, &error) ||
                !resolveProfile(profile, resolver, &resolved, &error)) {
                std::fprintf(stderr, "bench_oscal: %s: %s\n", baseline, error.c_str());
                return 1;
            }
            if (i > 0)
                ms.push_back(msSince(start));
            controls = resolved.catalog.controlIds().size();
        }
        std::printf("oscal_profile_resolve_%s_ms: %.1f ms (median of %zu; %zu controls)\n",
                    baseline[0] == 'L' ? "low" : "moderate", median(ms), ms.size(), controls);
    }
    return 0;
}
