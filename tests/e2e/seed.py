#!/usr/bin/python3
"""The seed article (TASS, 2021-02-16), end to end: the mentions and events the issues name.

Reads ../shared/corpus/seed/; exits 77 (skipped) with a message when it is absent.
"""
import json
import os
import subprocess
import sys
import tempfile

CLI = os.environ["ACTORGRAPH_CLI"]
SHARED = os.environ.get("ACTORGRAPH_SHARED_DIR", "")
SEED = os.path.join(SHARED, "corpus/seed/tass-2021-02-16-bayramov-minsk-group.txt")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    p = subprocess.run([CLI, *args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}: {p.stderr}")
    return p.stdout


def mentions():
    ms = [json.loads(l) for l in run("mentions", SEED, "-q").splitlines()]
    text = open(SEED, "rb").read()
    for m in ms:  # offsets are byte offsets into the original file
        check(text[m["start"]:m["end"]].decode() == m["text"], f"span {m['start']}-{m['end']} is not {m['text']!r}")
    by_id = {}
    for m in ms:
        by_id.setdefault(m["entity_id"], []).append(m)
    people = ["jeyhun-bayramov", "igor-popov", "stephane-visconti", "andrew-schofer", "andrzej-kasprzyk",
              "vladimir-putin", "ilham-aliyev", "nikol-pashinyan"]
    for p in people:
        found = by_id.get("person:" + p, [])
        check(found and all(m["kind"] == "person" for m in found), f"person {p} not found")
    surfaces = {(m["text"], m["entity_id"]) for m in ms}
    check(("Azerbaijani top diplomat", "person:jeyhun-bayramov") in surfaces, "headline 'Azerbaijani top diplomat'")
    check(("Russian leader", "person:vladimir-putin") in surfaces, "'the Russian leader'")
    for s in ["Putin", "Aliyev", "Pashinyan"]:
        check(any(m["text"] == s and m["resolved_by"] == "surname" for m in ms), f"surname {s}")
    kinds = {"org:osce-minsk-group": "organization", "media:tass": "organization", "country:AZ": "country",
             "country:AM": "country", "country:RU": "country", "country:FR": "country", "country:US": "country",
             "place:nagorno-karabakh": "location", "place:baku": "location", "place:moscow": "location"}
    for eid, kind in kinds.items():
        check(any(m["kind"] == kind for m in by_id.get(eid, [])), f"{eid} as {kind}")
    check(any(m["text"] == "OSCE Minsk Group" for m in ms), "OSCE Minsk Group")
    for m in ms:
        check(not (m["kind"] == "person" and ("Foreign Minister" in m["text"] or "peacekeepers" in m["text"])),
              f"{m['text']!r} must not be a person")


def events(extra):
    evs = [json.loads(l) for l in run("events", SEED, "-q", *extra).splitlines()]
    def who(e):
        return sorted(p["entity_id"].split(":", 1)[1] for p in e["participants"])
    three = ["ilham-aliyev", "nikol-pashinyan", "vladimir-putin"]
    meets = [e for e in evs if e["type"] in ("meeting", "talks")]
    signs = [e for e in evs if e["type"] in ("agreement", "statement")]
    label = " ".join(extra) or "(no flags)"
    check(any(e["date"] == "2021-02-16" and who(e) == ["andrew-schofer", "andrzej-kasprzyk", "igor-popov",
                                                       "jeyhun-bayramov", "stephane-visconti"] for e in meets),
          f"{label}: the 2021-02-16 meeting with exactly the five")
    check(any(e["date"] in ("2020-11-09", "2020-11-10") and who(e) == three and
              all(p["role"] == "signatory" for p in e["participants"]) for e in signs),
          f"{label}: the November 2020 statement signed by the three")
    check(any(e["date"] == "2021-01-11" and e["place"] == "place:moscow" and who(e) == three for e in meets),
          f"{label}: the Moscow meeting of 2021-01-11")
    check(any(e["date"] == "2021-01-11" and who(e) == three for e in signs), f"{label}: the 2021-01-11 statement")
    check(len(meets) == 2 and len(signs) == 2, f"{label}: exactly two meetings and two agreements, got {len(meets)} and {len(signs)}")
    for e in evs:
        for ev in e["evidence"]:
            check(ev["start"] < ev["end"], "evidence span")


def graph():
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "seed.json")
        run("extract", SEED, "-q", "-o", out)
        g = json.load(open(out))
        links = {(l["source"], l["target"], l["relation"]) for l in g["links"]}
        for p, c in [("igor-popov", "RU"), ("stephane-visconti", "FR"), ("andrew-schofer", "US")]:
            check((f"person:{p}", "org:osce-minsk-group", "member_of") in links, f"{p} member_of the Minsk Group")
            check((f"person:{p}", f"country:{c}", "affiliated_with") in links, f"{p} affiliated_with {c}")


if not os.path.exists(SEED):
    print(f"skipped: the seed article is not at {SEED}")
    sys.exit(77)
mentions()
events([])
events(["--date", "2021-02-16"])
graph()
for f in failures:
    print("FAIL:", f)
print(f"seed: {len(failures)} failed checks")
sys.exit(1 if failures else 0)
