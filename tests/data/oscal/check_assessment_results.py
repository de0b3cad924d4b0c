#!/usr/bin/env python3
"""Structural check of an OSCAL 1.1 assessment-results JSON document (stdlib only).

NOT the official NIST JSON schema: that file could not be obtained here (no npm package or
Debian package ships it). This encodes, from the OSCAL 1.1.2 assessment-results model reference,
what the official schema requires of the parts the platform writes: required members, the allowed
members of each object (so a misspelt key fails), enums (finding target type, objective state,
observation methods and types), uuid and date-time-with-timezone formats, non-empty arrays.
Objects the platform never writes (local-definitions, risks, subjects, ...) are only type-checked.

Usage: check_assessment_results.py FILE. Exit 0 and prints "valid"; exit 1 with one line per
problem ("<json pointer>: <what>").
"""
import json
import re
import sys

UUID = re.compile(r"^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$")
DATETIME_TZ = re.compile(
    r"^(((2000|2400|2800|(19|2[0-9](0[48]|[2468][048]|[13579][26])))-02-29)|"
    r"(((19|2[0-9])[0-9]{2})-02-(0[1-9]|1[0-9]|2[0-8]))|"
    r"(((19|2[0-9])[0-9]{2})-(0[13578]|10|12)-(0[1-9]|[12][0-9]|3[01]))|"
    r"(((19|2[0-9])[0-9]{2})-(0[469]|11)-(0[1-9]|[12][0-9]|30)))"
    r"T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?(Z|(-((0[0-9]|1[0-2]):00|0[39]:30)|"
    r"\+((0[0-9]|1[0-4]):00|(0[34569]|10):30|(0[58]|12):45)))$")

METADATA = {"title", "published", "last-modified", "version", "oscal-version", "revisions",
            "document-ids", "props", "links", "roles", "locations", "parties",
            "responsible-parties", "actions", "remarks"}

problems = []


def fail(path, what):
    problems.append(f"{path}: {what}")


def obj(v, path, required, allowed):
    if not isinstance(v, dict):
        fail(path, "expected an object")
        return False
    for k in required:
        if k not in v:
            fail(f"{path}/{k}", "missing")
    for k in v:
        if k not in allowed:
            fail(f"{path}/{k}", "not allowed here")
    return True


def string(v, path, pattern=None, enum=None):
    if not isinstance(v, str) or not v:
        fail(path, "expected a non-empty string")
    elif pattern and not pattern.match(v):
        fail(path, f"{v!r} does not match the format")
    elif enum and v not in enum:
        fail(path, f"{v!r} is not one of {sorted(enum)}")


def array(v, path):
    if not isinstance(v, list) or not v:
        fail(path, "expected a non-empty array")
        return []
    return v


def check(doc):
    if not obj(doc, "", {"assessment-results"}, {"assessment-results", "$schema"}):
        return
    ar = doc.get("assessment-results")
    p = "/assessment-results"
    if not obj(ar, p, {"uuid", "metadata", "import-ap", "results"},
               {"uuid", "metadata", "import-ap", "local-definitions", "results", "back-matter"}):
        return
    string(ar.get("uuid"), p + "/uuid", UUID)
    md = ar.get("metadata")
    if obj(md, p + "/metadata", {"title", "last-modified", "version", "oscal-version"}, METADATA):
        string(md.get("last-modified"), p + "/metadata/last-modified", DATETIME_TZ)
        string(md.get("title"), p + "/metadata/title")
        string(md.get("version"), p + "/metadata/version")
        string(md.get("oscal-version"), p + "/metadata/oscal-version",
               re.compile(r"^1\.[0-9]+\.[0-9]+$"))
    ap = ar.get("import-ap")
    if obj(ap, p + "/import-ap", {"href"}, {"href", "remarks"}):
        string(ap.get("href"), p + "/import-ap/href")
    for i, r in enumerate(array(ar.get("results"), p + "/results")):
        check_result(r, f"{p}/results/{i}")


def check_result(r, p):
    if not obj(r, p, {"uuid", "title", "description", "start", "reviewed-controls"},
               {"uuid", "title", "description", "props", "links", "start", "end",
                "local-definitions", "reviewed-controls", "attestations", "assessment-log",
                "observations", "risks", "findings", "remarks"}):
        return
    string(r.get("uuid"), p + "/uuid", UUID)
    string(r.get("title"), p + "/title")
    string(r.get("description"), p + "/description")
    string(r.get("start"), p + "/start", DATETIME_TZ)
    if "end" in r:
        string(r["end"], p + "/end", DATETIME_TZ)
    rc = r.get("reviewed-controls")
    rp = p + "/reviewed-controls"
    if obj(rc, rp, {"control-selections"},
           {"description", "props", "links", "control-selections",
            "control-objective-selections", "remarks"}):
        for i, s in enumerate(array(rc.get("control-selections"), rp + "/control-selections")):
            sp = f"{rp}/control-selections/{i}"
            if obj(s, sp, set(), {"description", "props", "links", "include-all",
                                  "include-controls", "exclude-controls", "remarks"}):
                for key in ("include-controls", "exclude-controls"):
                    if key in s:
                        for k, c in enumerate(array(s[key], f"{sp}/{key}")):
                            cp = f"{sp}/{key}/{k}"
                            if obj(c, cp, {"control-id"}, {"control-id", "statement-ids"}):
                                string(c.get("control-id"), cp + "/control-id")
    observations = set()
    if "observations" in r:
        for i, o in enumerate(array(r["observations"], p + "/observations")):
            observations.add(check_observation(o, f"{p}/observations/{i}"))
    if "findings" in r:
        for i, f in enumerate(array(r["findings"], p + "/findings")):
            check_finding(f, f"{p}/findings/{i}")


def check_observation(o, p):
    if not obj(o, p, {"uuid", "description", "methods", "collected"},
               {"uuid", "title", "description", "props", "links", "methods", "types", "origins",
                "subjects", "relevant-evidence", "collected", "expires", "remarks"}):
        return None
    string(o.get("uuid"), p + "/uuid", UUID)
    string(o.get("description"), p + "/description")
    for i, m in enumerate(array(o.get("methods"), p + "/methods")):
        string(m, f"{p}/methods/{i}", enum={"EXAMINE", "INTERVIEW", "TEST", "UNKNOWN"})
    if "types" in o:
        for i, t in enumerate(array(o["types"], p + "/types")):
            string(t, f"{p}/types/{i}", enum={"ssp-statement-issue", "control-objective",
                                              "mitigation", "finding", "historic", "discovery"})
    string(o.get("collected"), p + "/collected", DATETIME_TZ)
    if "expires" in o:
        string(o["expires"], p + "/expires", DATETIME_TZ)
    if "relevant-evidence" in o:
        for i, e in enumerate(array(o["relevant-evidence"], p + "/relevant-evidence")):
            ep = f"{p}/relevant-evidence/{i}"
            if obj(e, ep, {"description"}, {"href", "description", "props", "links", "remarks"}):
                string(e.get("description"), ep + "/description")
                if "href" in e:
                    string(e["href"], ep + "/href")
    return o.get("uuid")


def check_finding(f, p):
    if not obj(f, p, {"uuid", "title", "description", "target"},
               {"uuid", "title", "description", "props", "links", "origins", "target",
                "implementation-statement-uuid", "related-observations", "related-risks",
                "remarks"}):
        return
    string(f.get("uuid"), p + "/uuid", UUID)
    string(f.get("title"), p + "/title")
    string(f.get("description"), p + "/description")
    t = f.get("target")
    tp = p + "/target"
    if obj(t, tp, {"type", "target-id", "status"},
           {"type", "target-id", "title", "description", "props", "links", "status",
            "implementation-status", "remarks"}):
        string(t.get("type"), tp + "/type", enum={"statement-id", "objective-id"})
        string(t.get("target-id"), tp + "/target-id")
        st = t.get("status")
        if obj(st, tp + "/status", {"state"}, {"state", "reason", "remarks"}):
            string(st.get("state"), tp + "/status/state", enum={"satisfied", "not-satisfied"})
    if "related-observations" in f:
        for i, ro in enumerate(array(f["related-observations"], p + "/related-observations")):
            rp = f"{p}/related-observations/{i}"
            if obj(ro, rp, {"observation-uuid"}, {"observation-uuid"}):
                string(ro.get("observation-uuid"), rp + "/observation-uuid", UUID)


def main():
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"(document): {e}")
        return 1
    check(doc)
    if problems:
        print("\n".join(problems))
        return 1
    print("valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
