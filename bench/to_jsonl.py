#!/usr/bin/python3
"""Turn the peer benchmark's plain files into actorgraph inputs, for the end-to-end runs.

    to_jsonl.py corpus   CORPUS.txt   OUT.jsonl   # one document {"id","text"} per non-empty line
    to_jsonl.py gazetteer ALIASES.txt OUT.jsonl   # one entity per alias, as bench_match builds them
    to_jsonl.py copies N  IN.jsonl    OUT.jsonl   # N copies of a corpus, ids prefixed "c1-", "c2-", ...

The corpus is one ~620-byte paragraph per line; as one plain-text file it would be a single
50 MB document, so the end-to-end runs read it as JSON Lines of paragraphs instead. Each
alias becomes {"id":"b:N","kind":"location","name":ALIAS} (N = its line number from 0
among non-empty lines), the same entities bench_match compiles in memory.
"""
import json, sys


def copies(n, src, dst):
    """A larger corpus of the same text: every document n times, with distinct ids."""
    docs = 0
    with open(dst, "w", encoding="utf-8") as out:
        for k in range(1, n + 1):
            with open(src, encoding="utf-8") as f:
                for line in f:
                    if not line.strip():
                        continue
                    doc = json.loads(line)
                    doc["id"] = f"c{k}-{doc['id']}"
                    out.write(json.dumps(doc, ensure_ascii=False) + "\n")
                    docs += 1
    print(f"{dst}: {docs} documents", file=sys.stderr)


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "copies":
        copies(int(sys.argv[2]), sys.argv[3], sys.argv[4])
        return
    if len(sys.argv) != 4 or sys.argv[1] not in ("corpus", "gazetteer"):
        sys.exit(__doc__)
    mode, src, dst = sys.argv[1:]
    n = 0
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            text = line.rstrip("\r\n")
            if mode == "corpus":
                if text:
                    out.write(json.dumps({"id": f"p{i + 1}", "text": text}, ensure_ascii=False) + "\n")
                    n += 1
            else:
                alias = text.strip(" \t")
                if alias:
                    out.write(json.dumps({"id": f"b:{n}", "kind": "location", "name": alias}, ensure_ascii=False) + "\n")
                    n += 1
    print(f"{dst}: {n} {'documents' if mode == 'corpus' else 'entities'}", file=sys.stderr)


if __name__ == "__main__":
    main()
