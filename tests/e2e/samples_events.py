#!/usr/bin/python3
"""The bundled sample articles (data/samples): the core events and mentions that
tests/fixtures/samples-expected.md lists and the tool gets right today, and its traps."""
import json
import os
import subprocess
import sys

CLI = os.environ["ACTORGRAPH_CLI"]
SAMPLES = os.path.join(os.environ["ACTORGRAPH_SOURCE_DIR"], "data/samples")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(cmd, name):
    p = subprocess.run([CLI, cmd, os.path.join(SAMPLES, name), "-q"], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{cmd} {name}: exit {p.returncode}: {p.stderr}")
    return [json.loads(l) for l in p.stdout.splitlines()]


def who(e):
    return {p["entity_id"]: p["role"] for p in e["participants"]}


# 1. Talks in Moscow between two foreign ministers; role references resolve.
evs = run("events", "2021-09-09-lavrov-bayramov-moscow-talks.txt")
check(len(evs) == 1 and evs[0]["type"] == "talks" and evs[0]["date"] == "2021-09-09" and evs[0]["place"] == "place:moscow"
      and set(who(evs[0])) == {"person:sergey-lavrov", "person:jeyhun-bayramov"}, f"Lavrov-Bayramov talks: {evs}")
ms = run("mentions", "2021-09-09-lavrov-bayramov-moscow-talks.txt")
check(any(m["resolved_by"] == "role" and m["entity_id"] == "person:sergey-lavrov" for m in ms), "the Russian top diplomat")

# 2. One call, dated the day before the report ("on Tuesday", "yesterday's"), no place.
evs = run("events", "2021-07-07-putin-macron-phone-call.txt")
check(len(evs) == 1, f"one event in the call article, got {len(evs)}")
check(evs and evs[0]["type"] == "call" and evs[0]["date"] == "2021-07-06" and evs[0]["mode"] == "phone"
      and evs[0]["place"] == "" and set(who(evs[0])) == {"person:vladimir-putin", "person:emmanuel-macron"}, f"call: {evs}")

# 3. A visit (visitor and host), talks of "the two leaders", and a memorandum signed by the two
#    ministers only; the planned meeting of the next day is not an event.
evs = run("events", "2021-10-18-aliyev-visit-ankara.txt")
visits = [e for e in evs if e["type"] == "visit"]
check(len(visits) == 1 and visits[0]["date"] == "2021-10-18" and visits[0]["place"] == "place:ankara" and who(visits[0]) ==
      {"person:ilham-aliyev": "visitor", "person:recep-tayyip-erdogan": "host"}, f"visit: {visits}")
signs = [e for e in evs if e["type"] in ("agreement", "statement")]
# The ministers are in no shipped gazetteer: discovered from their titles.
check(len(signs) == 1 and {k.split(":", 1)[1]: v for k, v in who(signs[0]).items()} ==
      {"fatih-donmez": "signatory", "parviz-shahbazov": "signatory"}, f"memorandum: {signs}")
check(not any(e["date"] == "2021-10-19" for e in evs), "the planned meeting is not an event")
# "... who welcomed his guest" and "The two leaders first talked one-on-one ... for talks in an
# expanded format": one meeting between the two presidents (the talks named only by the plural
# reference), and no talks of the ministers ("After the talks, A and B signed").
talks = [e for e in evs if e["class"] == "meet"]
check(len(talks) == 1 and talks[0]["date"] == "2021-10-18" and set(who(talks[0])) ==
      {"person:ilham-aliyev", "person:recep-tayyip-erdogan"}, f"talks of the two leaders: {talks}")

# 4. The trilateral summit: a statement signed by the three, talks/meeting with the three; the
#    deputy prime ministers are discovered with their countries and take part in no event.
evs = run("events", "2021-11-26-sochi-trilateral-summit.txt")
three = {"person:vladimir-putin", "person:ilham-aliyev", "person:nikol-pashinyan"}
check(any(e["type"] in ("agreement", "statement") and e["date"] == "2021-11-26" and who(e) == {p: "signatory" for p in three}
          for e in evs), "Sochi joint statement")
check(any(e["type"] in ("meeting", "talks") and e["date"] == "2021-11-26" and e["place"] == "place:sochi" and set(who(e)) == three
          for e in evs), "Sochi talks, in Sochi ('in the Black Sea resort of Sochi')")
check(not any(p.startswith("discovered:") for e in evs for p in who(e)), "deputy prime ministers take part in no event")
ms = run("mentions", "2021-11-26-sochi-trilateral-summit.txt")
found = {m["entity_id"]: m.get("country", "") for m in ms if m["resolved_by"] == "discovered"}
check(found.get("discovered:alexei-overchuk") == "RU" and found.get("discovered:mher-grigoryan") == "AM", f"discovered: {found}")
check(any(m["text"] == "Armenia’s prime minister" and m["entity_id"] == "person:nikol-pashinyan" for m in ms),
      "Armenia’s prime minister (curly apostrophe)")

# 5. Mediated video consultations on Tuesday; the negated meeting and the spokesperson's speech
#    are not events; the unlisted officials are discovered.
evs = run("events", "2021-04-14-minsk-group-video-consultations.txt")
check(all(e["type"] != "meeting" for e in evs), "no meeting: the delegations did not meet")
talks = [e for e in evs if e["type"] == "talks"]
check(len(talks) == 1 and talks[0]["date"] == "2021-04-13" and talks[0]["mode"] == "video"
      and all(r == "mediator" for r in who(talks[0]).values()), f"consultations: {talks}")
ms = run("mentions", "2021-04-14-minsk-group-video-consultations.txt")
disc = {m["entity_id"] for m in ms if m["resolved_by"] == "discovered"}
check({"discovered:vahram-melkonyan", "discovered:orkhan-suleymanli"} <= disc, f"discovered: {disc}")
check(all(m["confidence"] < 1.0 for m in ms if m["resolved_by"] == "discovered"), "discovered confidence below 1")

# 6. Status: `events` writes every status; the graph holds happened events unless --status
#    asks for more, and then the event node says which.
text = "Ilham Aliyev will meet Nikol Pashinyan in Moscow next week. Vladimir Putin met Recep Tayyip Erdogan on Monday.\n"


def stdin_run(*args):
    p = subprocess.run([CLI, *args, "-", "--date", "2021-02-16", "-q"], input=text, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{args}: exit {p.returncode}: {p.stderr}")
    return p.stdout


evs = [json.loads(l) for l in stdin_run("events").splitlines()]
check(sorted(e["status"] for e in evs) == ["happened", "planned"], f"events statuses: {evs}")
check(all(e["cameo"] == "036" for e in evs if e["status"] == "planned"), "a planned meeting is CAMEO 036")
for args, want in ((["-f", "json"], ["happened"]), (["-f", "json", "--status", "all"], ["happened", "planned"]),
                   (["-f", "json", "--status", "planned"], ["planned"])):
    graph = json.loads(stdin_run("extract", *args))
    got = sorted(n["status"] for n in graph["nodes"] if n["kind"] == "event")
    check(got == want, f"extract {args}: event statuses {got}, want {want}")

# 7. "The Prime Minister" whom the text never names is the one holder of that office, on the
#    date, in a country it names whose holder it does not name (a gov.uk readout's own PM).
def events_of(body, date):
    p = subprocess.run([CLI, "events", "-", "--date", date, "-q"], input=body, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"events: exit {p.returncode}: {p.stderr}")
    return [json.loads(l) for l in p.stdout.splitlines()]


evs = events_of("The Prime Minister met Australian Prime Minister Malcolm Turnbull in London today. "
                "The UK and Australia are close partners.\n", "2017-06-10")
check([set(who(e)) for e in evs] == [{"person:theresa-may", "person:malcolm-turnbull"}], f"the UK's Prime Minister: {evs}")
# The control: no country whose Prime Minister the text leaves unnamed, so no one to add.
evs = events_of("The Prime Minister met Australian Prime Minister Malcolm Turnbull in Sydney today.\n", "2017-06-10")
check(not any("person:theresa-may" in who(e) for e in evs), f"no unnamed Prime Minister: {evs}")

for f in failures:
    print("FAIL:", f)
print(f"sample events: {len(failures)} failed checks")
sys.exit(1 if failures else 0)
