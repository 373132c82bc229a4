#!/usr/bin/python3
"""Accuracy of `actorgraph tag` itself on the UD English test files, and its speed.

    bench/eval_tag_cli.py [--cli build/bin/actorgraph] [--shared ../shared] [-j 1]

Each sentence's `# text =` becomes one JSON Lines document; `actorgraph tag` tags them as
it tags any input (its own sentence segmentation, tokenisation, tagger, lemmas, chunker).
A gold word is right when a predicted word has the same byte span and the same UPOS (or
lemma); UPOS accuracy = right / gold words, as bench/eval_tagger counts it. Chunks are
counted here, not scored: their F1 against the chunks derived from the gold trees is
bench/eval_tagger's.

Gold spans are placed like lib/tagger/corpus.cpp places them: surface tokens in order in
the text, skipping spaces; the words of a multiword token split it when their forms spell
it, otherwise each takes the whole token.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def read_conllu(path):
    """[(text, [(start, end, upos, lemma)])] for every sentence whose words can be placed."""
    out = []
    text, words, surfaces, mwt_last = None, [], [], -1

    def finish():
        if not words or text is None:
            return
        pos, ok = 0, True
        spans = [None] * len(words)
        for form, first, last in surfaces:
            while pos < len(text) and text[pos].isspace():  # also U+00A0 (SpacesAfter=\u00A0)
                pos += 1
            if not text.startswith(form, pos):
                ok = False
                break
            spelled = "".join(words[w][0] for w in range(first, last + 1))
            at = pos
            for w in range(first, last + 1):
                n = len(words[w][0])
                spans[w] = (at, at + n) if spelled == form else (pos, pos + len(form))
                at += n
            pos += len(form)
        if ok:
            # Character offsets to byte offsets.
            b = [0]
            for ch in text:
                b.append(b[-1] + len(ch.encode("utf-8")))
            out.append((text, [(b[s], b[e], w[1], w[2]) for (s, e), w in zip(spans, words)]))

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").rstrip("\r")
            if not line:
                finish()
                text, words, surfaces, mwt_last = None, [], [], -1
                continue
            if line.startswith("# text = "):
                text = line[9:]
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                a, b = (int(x) for x in cols[0].split("-"))
                surfaces.append((cols[1], a - 1, b - 1))
                mwt_last = b
                continue
            i = int(cols[0])
            words.append((cols[1], cols[3], cols[2]))
            if i > mwt_last:
                surfaces.append((cols[1], i - 1, i - 1))
    finish()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cli", default=os.path.join(HERE, "..", "build", "bin", "actorgraph"))
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("-j", "--threads", type=int, default=1)
    args = ap.parse_args()
    files = [("EWT test", "ud-english-ewt/en_ewt-ud-test.conllu"), ("PUD test", "ud-english-pud/en_pud-ud-test.conllu")]
    for name, rel in files:
        sents = read_conllu(os.path.join(args.shared, "data", rel))
        with tempfile.TemporaryDirectory() as tmp:
            docs = os.path.join(tmp, "sentences.jsonl")
            with open(docs, "w", encoding="utf-8") as f:
                for k, (text, _) in enumerate(sents):
                    f.write(json.dumps({"id": str(k), "text": text, "date": "2020-01-01"}, ensure_ascii=False) + "\n")
            out = os.path.join(tmp, "words.jsonl")
            t0 = time.perf_counter()
            subprocess.run([args.cli, "tag", docs, "-o", out, "-q", "-j", str(args.threads)], check=True)
            wall = time.perf_counter() - t0
            pred = {}
            chunks = 0
            with open(out, encoding="utf-8") as f:
                for line in f:
                    w = json.loads(line)
                    pred[(int(w["doc"]), w["start"], w["end"])] = (w["upos"], w["lemma"])
                    chunks += w["chunk"].startswith("B-")
        gold = upos_ok = lemma_ok = span_ok = 0
        for k, (_, words) in enumerate(sents):
            for start, end, upos, lemma in words:
                gold += 1
                p = pred.get((k, start, end))
                if p is None:
                    continue
                span_ok += 1
                upos_ok += p[0] == upos
                lemma_ok += p[1] == lemma
        f1 = 2 * span_ok / (gold + len(pred)) if gold + len(pred) else 0.0
        print(f"{name}: {len(sents)} sentences, {gold} gold words; actorgraph tag -j {args.threads}: "
              f"UPOS {100 * upos_ok / gold:.2f} %  lemma {100 * lemma_ok / gold:.2f} %  "
              f"word spans F1 {100 * f1:.2f}  ({len(pred)} words, {chunks} chunks, {wall:.2f} s with loading)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
