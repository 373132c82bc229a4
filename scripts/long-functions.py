#!/usr/bin/env python3
"""Lists the C++ functions longer than a limit (80 lines) in lib/ and tools/.

    scripts/long-functions.py [--limit N] [--all] [DIR...]

A function's length is its definition's last line minus its first plus one, as Universal
Ctags reports them (`--fields=+e`); lambdas count toward the function that holds them.
Without --all, functions named in scripts/long-functions.allow (the documented hot loops,
and functions of folders being reworked elsewhere, each with its reason) are left out.

Exit status: 0 when nothing is listed, 1 when a function over the limit is not allowed,
77 when Universal Ctags is missing (ctest counts that as skipped). An allowlist entry whose
function is gone or now within the limit is reported on standard error, without failing.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ALLOW = os.path.join(HERE, "long-functions.allow")


def read_allowlist(path):
    """{(file, qualified name): reason} from lines `file qualified-name  # reason`."""
    allowed = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            body = line.split("#", 1)[0].strip()
            if not body:
                continue
            file, name = body.split(None, 1)
            reason = line.split("#", 1)[1].strip() if "#" in line else ""
            allowed[(file, name.strip())] = reason
    return allowed


def qualified(tag):
    """The function's name with its scope, anonymous namespaces left out."""
    parts = [p for p in tag.get("scope", "").split("::") if p and not p.startswith("__anon")]
    parts.append(tag["name"])
    return "::".join(parts)


def functions(dirs):
    """(length, file, first line, qualified name) of every function definition under dirs."""
    ctags = shutil.which("ctags-universal") or shutil.which("ctags")
    if not ctags:
        return None
    out = subprocess.run(
        [ctags, "--output-format=json", "--fields=+neKS", "--kinds-C++=f", "--languages=C++", "-R", "-f", "-"]
        + dirs,
        cwd=ROOT, check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        tag = json.loads(line)
        if tag.get("_type") != "tag" or "end" not in tag:
            continue
        rows.append((tag["end"] - tag["line"] + 1, tag["path"], tag["line"], qualified(tag)))
    return sorted(rows, key=lambda r: (-r[0], r[1], r[2]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", default=["lib", "tools"])
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("--all", action="store_true", help="also list the allowed functions")
    args = ap.parse_args()
    rows = functions(args.dirs)
    if rows is None:
        print("long-functions: Universal Ctags not found (Debian: universal-ctags); skipped", file=sys.stderr)
        return 77
    allowed = {} if args.all else read_allowlist(ALLOW)
    long_ones = [r for r in rows if r[0] > args.limit]
    failing = [r for r in long_ones if (r[1], r[3]) not in allowed]
    for length, path, line, name in long_ones:
        if (path, name) in allowed:
            continue
        print(f"{length:5d}  {path}:{line}  {name}")
    present = {(r[1], r[3]) for r in long_ones}
    for key, reason in sorted(allowed.items()):
        if key not in present and any(key[0].startswith(d.rstrip("/") + "/") for d in args.dirs):
            print(f"long-functions: {key[0]} {key[1]} is allowed but no longer over {args.limit} lines; "
                  "remove it from scripts/long-functions.allow", file=sys.stderr)
    if failing:
        print(f"long-functions: {len(failing)} function(s) over {args.limit} lines "
              f"(split them, or name a documented hot loop in scripts/long-functions.allow)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
