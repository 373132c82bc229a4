#!/usr/bin/python3
"""Compare bench_match's matches with the pyahocorasick oracle's, span by span.

    bench_match GAZ CORPUS --spans ours.tsv
    compare_oracle.py GAZ CORPUS ours.tsv [--samples N] [--json FILE]

The oracle follows the task of ../shared/bench/README.md (the semantics of
peer_pyahocorasick.py, reimplemented here because that peer prints counts, not spans):
aliases and text lowered with str.lower(), every occurrence found with pyahocorasick, kept
when the characters on both sides are not word characters (ASCII [A-Za-z0-9_] or any
non-ASCII character), then leftmost-longest non-overlapping selection. The corpus is
processed one line at a time (no alias holds a newline, and a newline is a boundary, so
this equals the peer's whole-text run); offsets are converted to bytes.

Differences are classified, each into the first class that applies:

both (different extent): the same alias found by both sides at overlapping spans
  punct-edge      the alias starts or ends with punctuation ("Töss (Kreis 4)",
                  "‘Aynabūs"): our tokens end at the last letter or digit, the oracle's
                  span includes the punctuation
ours only (bench_match matched, the oracle did not):
  underscore      '_' next to the span: a word character for the oracle, a separator
                  for our tokenizer ("quoted_marker" holds the token "marker")
  non-ascii-edge  a non-ASCII character next to the span (curly quote, dash, letter):
                  the oracle treats every non-ASCII character as a word character
  separators      the text differs from the alias only in the non-word characters
                  between tokens (punctuation, hyphen, apostrophe or space variants)
  diacritics      the text differs from the alias only in diacritics / case folding
                  ("can" for the alias "Çan", "Sao Paulo" for "São Paulo")
  script-or-other-fold  other key equalities (transliteration, NFKC, ...)
  selection       the text equals the alias (so the oracle had the candidate) but the
                  oracle's leftmost-longest choice over its candidate set took another
                  overlapping span
  other
oracle only:
  possessive      the alias holds "'s" ("St. George's", "Hawke's Bay Region"): we never
                  let a possessive "s" continue an alias, so it cannot match
  overlapped      overlaps a span that only we found (our choice differs there)
  other
"""
import argparse, bisect, collections, json, random, re, string, sys, unicodedata

import ahocorasick

WORD = frozenset(string.ascii_letters + string.digits + "_")


def is_word(c):
    return c in WORD or c > "\x7f"


def load_aliases(path):
    aut = ahocorasick.Automaton()
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = line.strip()
            if a:
                low = a.lower()
                if low not in aut:
                    aut.add_word(low, (len(low), a))
    aut.make_automaton()
    return aut


def oracle_spans(aut, corpus_bytes):
    """Yields (start_byte, end_byte, alias) in order."""
    pos = 0
    odd_lines = 0
    for raw in corpus_bytes.split(b"\n"):
        line = raw.decode("utf-8")
        low = line.lower()
        if len(low) != len(line):
            odd_lines += 1  # str.lower() changed the length ("İ" -> "i̇"): offsets mapped back below
        n = len(low)
        cands = []
        for end, (length, alias) in aut.iter(low):
            start = end - length + 1
            if start > 0 and is_word(low[start - 1]):
                continue
            if end + 1 < n and is_word(low[end + 1]):
                continue
            cands.append((start, -(end + 1), alias))
        cands.sort()
        last = -1
        ascii_line = line.isascii()
        orig = None
        if len(low) != len(line):
            # Index in `low` -> index in `line` (lower() of one character can give several).
            orig = [i for i, c in enumerate(line) for _ in range(len(c.lower()))]
        for start, nend, alias in cands:
            end = -nend
            if start >= last:
                last = end
                if orig is not None:
                    start, end = orig[start], orig[end - 1] + 1
                if ascii_line:
                    yield pos + start, pos + end, alias
                else:
                    b0 = len(line[:start].encode("utf-8"))
                    b1 = b0 + len(line[start:end].encode("utf-8"))
                    yield pos + b0, pos + b1, alias
        pos += len(raw) + 1
    if odd_lines:
        print(f"note: {odd_lines} line(s) where str.lower() changed the length", file=sys.stderr)


def read_ours(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            s, e, alias = line.rstrip("\n").split("\t", 2)
            out.append((int(s), int(e), alias))
    return out


def strip_marks(s):
    d = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in d if not unicodedata.combining(c))


def only_word(s):
    return re.sub(r"[\W_]+", "", s)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gazetteer")
    ap.add_argument("corpus")
    ap.add_argument("ours")
    ap.add_argument("--samples", type=int, default=4, help="examples printed per class")
    ap.add_argument("--json", help="write the counts as JSON to this file")
    a = ap.parse_args()

    data = open(a.corpus, "rb").read()
    aut = load_aliases(a.gazetteer)
    oracle = list(oracle_spans(aut, data))
    ours = read_ours(a.ours)
    oset = {(s, e) for s, e, _ in oracle}
    uset = {(s, e) for s, e, _ in ours}
    ours_only = [m for m in ours if (m[0], m[1]) not in oset]
    oracle_only = [m for m in oracle if (m[0], m[1]) not in uset]
    or_sorted = sorted(oracle_only)
    or_starts = [m[0] for m in or_sorted]

    def text(s, e):
        return data[s:e].decode("utf-8", "replace")

    def context(s, e):
        lo = max(0, s - 30)
        hi = min(len(data), e + 30)
        while lo > 0 and (data[lo] & 0xC0) == 0x80:
            lo -= 1
        while hi < len(data) and (data[hi] & 0xC0) == 0x80:
            hi += 1
        return (data[lo:s].decode("utf-8", "replace") + "[" + text(s, e) + "]" + data[e:hi].decode("utf-8", "replace")).replace("\n", " ")

    def char_before(s):
        if s == 0:
            return ""
        i = s - 1
        while i > 0 and (data[i] & 0xC0) == 0x80:
            i -= 1
        return data[i:s].decode("utf-8", "replace")

    def char_after(e):
        if e >= len(data):
            return ""
        i = e + 1
        while i < len(data) and (data[i] & 0xC0) == 0x80:
            i += 1
        return data[e:i].decode("utf-8", "replace")

    def overlapping(sorted_spans, starts, s, e):
        i = bisect.bisect_left(starts, e)
        out = []
        for j in range(i - 1, max(-1, i - 6), -1):
            if sorted_spans[j][1] > s and sorted_spans[j][0] < e:
                out.append(sorted_spans[j])
        return out

    # The same alias found by both sides with different extents: one pair, one class.
    paired = set()
    pairs = collections.defaultdict(list)
    for s, e, alias in ours_only:
        for o in overlapping(or_sorted, or_starts, s, e):
            if o[2].lower() == alias.lower() and o not in paired:
                paired.add(o)
                paired.add((s, e, alias))
                cls = "punct-edge" if not (is_word(alias[0]) and is_word(alias[-1])) or \
                    not (alias[0].isalnum() and alias[-1].isalnum()) else "other"
                pairs[cls].append((s, e, alias, o))
                break
    rest_ours = [m for m in ours_only if m not in paired]
    rest_oracle = [m for m in oracle_only if m not in paired]
    ro_sorted = sorted(rest_oracle)
    ro_starts = [m[0] for m in ro_sorted]
    ru_sorted = sorted(rest_ours)
    ru_starts = [m[0] for m in ru_sorted]

    def classify_ours(s, e, alias):
        b, f = char_before(s), char_after(e)
        if b == "_" or f == "_":
            return "underscore"
        if (b and b > "\x7f") or (f and f > "\x7f"):
            return "non-ascii-edge"
        t = text(s, e)
        if t.lower() != alias.lower():
            if only_word(t).lower() == only_word(alias).lower():
                return "separators"
            if strip_marks(only_word(t)) == strip_marks(only_word(alias)):
                return "diacritics"
            return "script-or-other-fold"
        if overlapping(ro_sorted, ro_starts, s, e):
            return "selection"
        return "other"

    def classify_oracle(s, e, alias):
        if re.search(r"['\u2019][sS]\b", alias):
            return "possessive"
        if overlapping(ru_sorted, ru_starts, s, e):
            return "overlapped"
        return "other"

    classes = collections.OrderedDict()
    classes["both (different extent)"] = pairs
    for side, items, fn in (("ours only", rest_ours, classify_ours), ("oracle only", rest_oracle, classify_oracle)):
        by = collections.defaultdict(list)
        for s, e, alias in items:
            by[fn(s, e, alias)].append((s, e, alias))
        classes[side] = by

    print(f"oracle matches {len(oracle)}, ours {len(ours)}, same span {len(oset & uset)}, "
          f"ours only {len(ours_only)}, oracle only {len(oracle_only)}")
    rnd = random.Random(1)
    summary = {"oracle": len(oracle), "ours": len(ours), "same": len(oset & uset),
               "ours_only": len(ours_only), "oracle_only": len(oracle_only), "classes": {}}
    for side, by in classes.items():
        for cls, items in sorted(by.items(), key=lambda kv: -len(kv[1])):
            summary["classes"][f"{side}/{cls}"] = len(items)
            top = collections.Counter(m[2] for m in items).most_common(6)
            print(f"\n{side} / {cls}: {len(items)}   top aliases: " + ", ".join(f"{x!r} {n}" for x, n in top))
            for m in rnd.sample(items, min(a.samples, len(items))):
                s, e, alias = m[:3]
                line = f"   @{s}  alias {alias!r:30}  ours {context(s, e)}"
                if len(m) > 3:
                    line += f"  | oracle {context(m[3][0], m[3][1])}"
                print(line)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
