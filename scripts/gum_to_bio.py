#!/usr/bin/python3
"""Converts GUM's entity annotation to flat PER/ORG/LOC BIO for the name tagger's training.

  gum_to_bio.py GUM_TRAIN.conllu GENRES.tsv EXCLUDE_DIR > gum.bio

Keeps the training documents whose genres.tsv class is "open" or "open-SA" (never "NC", nor
the unclear "open?"), and leaves out every document that has a file in EXCLUDE_DIR (the GUM
documents bench/eval_gum.py scores: all news and interview documents), and every news
document in any case. GUM marks nested noun-phrase entities ("the mayor of Chicago" is a
person holding a place); a flat name is the longest run of proper nouns and capitalised words, with a proper noun among
them (allowing "of",
"the", "and", "&", "-" between them) inside an entity of type person, organization or place
whose tokens no smaller entity took. Output: "form<TAB>label" lines, a blank line after each
sentence. Deterministic.
"""
import os
import sys

TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
GLUE = {"of", "the", "and", "&", "-", "de", "du", "la", "von", "van"}


def parse_entity(value):
    """Yields ('open', id, type, closed_now) or ('close', id) from a GUM Entity= value."""
    i, n = 0, len(value)
    while i < n:
        if value[i] == "(":
            j = i + 1
            while j < n and value[j] not in "()":
                j += 1
            body = value[i + 1:j]
            closed = j < n and value[j] == ")"
            parts = body.split("-")
            yield ("open", parts[0], parts[1] if len(parts) > 1 else "", closed)
            i = j + 1 if closed else j
        elif value[i].isdigit():
            j = i
            while j < n and value[j] != ")":
                j += 1
            yield ("close", value[i:j])
            i = j + 1
        else:
            i += 1


def convert(sent):
    forms = [w[0] for w in sent]
    upos = [w[1] for w in sent]
    entities = []  # (start, end, type)
    open_ = {}
    for k, (_f, _u, misc) in enumerate(sent):
        for field in misc.split("|"):
            if not field.startswith("Entity="):
                continue
            for ev in parse_entity(field[len("Entity="):]):
                if ev[0] == "open":
                    _, eid, etype, closed = ev
                    if closed:
                        entities.append((k, k + 1, etype))
                    else:
                        open_.setdefault(eid, []).append((k, etype))
                else:
                    stack = open_.get(ev[1])
                    if stack:
                        start, etype = stack.pop()
                        entities.append((start, k + 1, etype))
    labels = ["O"] * len(sent)
    taken = [False] * len(sent)
    entities.sort(key=lambda e: (e[1] - e[0], e[0]))
    for start, end, etype in entities:
        if etype not in TYPES:
            for k in range(start, end):
                taken[k] = taken[k] or upos[k] == "PROPN"
            continue
        def member(k):
            return upos[k] == "PROPN" or (forms[k][:1].isupper() and upos[k] in ("ADJ", "NOUN", "NUM", "X", "VERB"))

        best = None
        k = start
        while k < end:
            if not member(k) or taken[k]:
                k += 1
                continue
            j = k + 1
            last = k + 1
            while j < end and not taken[j]:
                if member(j):
                    last = j + 1
                elif forms[j].lower() not in GLUE:
                    break
                j += 1
            if any(upos[x] == "PROPN" for x in range(k, last)) and (best is None or last - k > best[1] - best[0]):
                best = (k, last)
            k = last
        if best is None:
            continue
        tag = TYPES[etype]
        for k in range(best[0], best[1]):
            labels[k] = ("B-" if k == best[0] else "I-") + tag
            taken[k] = True
    return forms, labels


def main():
    conllu, genres, exclude_dir = sys.argv[1:4]
    keep = set()
    with open(genres, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            if row.get("class") in ("open", "open-SA") and row.get("genre") != "news":
                keep.add(row["doc"])
    excluded = {name.split(".")[0] for name in os.listdir(exclude_dir)} if os.path.isdir(exclude_dir) else set()
    keep -= excluded
    out = sys.stdout
    doc = None
    sent = []
    with open(conllu, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("# newdoc id = "):
                doc = line[len("# newdoc id = "):].strip()
                continue
            if line.startswith("#"):
                continue
            if not line:
                if sent and doc in keep:
                    forms, labels = convert(sent)
                    for fo, la in zip(forms, labels):
                        out.write(f"{fo}\t{la}\n")
                    out.write("\n")
                sent = []
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            sent.append((cols[1], cols[3], cols[9]))


if __name__ == "__main__":
    main()
