#!/usr/bin/python3
"""Smoke test of the GUM scorer (bench/eval_gum.py): score two GUM news documents and check
that the scorer ran the CLI and printed its table (a row per type and a total, in both the
typed and the type-agnostic section, with precision, recall and F1 between 0 and 1).
The figures themselves are not checked: they are a measurement.

Exit codes: 0 pass, 1 fail, 77 skipped (no GUM data in the shared folder).
Environment: ACTORGRAPH_CLI, ACTORGRAPH_SHARED_DIR, ACTORGRAPH_SOURCE_DIR.
"""

import os
import re
import subprocess
import sys


def main():
    source = os.environ.get("ACTORGRAPH_SOURCE_DIR") or os.path.dirname(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    scorer = os.path.join(source, "bench", "eval_gum.py")
    try:
        proc = subprocess.run([sys.executable, scorer, "--limit", "2"], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        print("gum-smoke: eval_gum.py took longer than 60 s", file=sys.stderr)
        return 1
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode == 77:
        return 77
    if proc.returncode != 0:
        print(f"gum-smoke: eval_gum.py exited with {proc.returncode}", file=sys.stderr)
        return 1
    number = r"(0\.\d{3}|1\.000)"
    row = re.compile(r"^\s+(person|organization|place|total)\s+(\d+)\s+(\d+)" + (r"\s+" + number) * 6 + r"\s*$")
    sections = {}
    current = None
    for line in proc.stdout.splitlines():
        if line.startswith("typed") or line.startswith("type-agnostic"):
            current = line.split()[0]
            sections[current] = set()
        elif current and row.match(line):
            sections[current].add(row.match(line).group(1))
    want = {"person", "organization", "place", "total"}
    problems = [f"section {s!r}: rows {sorted(sections.get(s, set()))}, expected {sorted(want)}"
                for s in ("typed", "type-agnostic") if sections.get(s) != want]
    if not re.search(r"^GUM news: 2 document\(s\), [1-9]\d* named gold mentions", proc.stdout, flags=re.M):
        problems.append("no 'GUM news: 2 document(s), N named gold mentions' summary line")
    if problems:
        for p in problems:
            print(f"gum-smoke: {p}", file=sys.stderr)
        return 1
    print("gum-smoke: the scorer printed its table for 2 documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
