#!/usr/bin/python3
"""Print bench/run.sh's results as Markdown tables: medians over the runs of one sitting,
[min–max] in brackets, and the ratio ours/peer.

    summarize.py RESULTS.jsonl [--sitting ID] [--commit C] [--cpu TEXT]

Without --sitting the latest sitting in the file is used.
"""
import argparse, collections, json, statistics


def med(xs):
    return statistics.median(xs) if xs else None


def cell(xs, fmt="{:.1f}", rng=True):
    if not xs:
        return "–"
    s = fmt.format(med(xs))
    if rng and len(xs) > 1:
        s += " [" + fmt.format(min(xs)) + "–" + fmt.format(max(xs)) + "]"
    return s


def ratio(a, b):
    return f"{a / b:.2f}×" if a and b else "–"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("results")
    ap.add_argument("--sitting")
    ap.add_argument("--commit", default="?")
    ap.add_argument("--cpu", default="?")
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.results) if l.strip()]
    sitting = a.sitting or max(r["sitting"] for r in rows)
    rows = [r for r in rows if r["sitting"] == sitting]

    by = collections.defaultdict(list)  # (peer, program, gazetteer) -> rows
    corpus = "?"
    for r in rows:
        if r.get("program") == "mentions":
            by[("e2e", r["input"], r["threads"], r.get("gazetteer_form", "jsonl"))].append(r)
        elif r.get("program") == "bench_analyze":
            by[("analyze",)].append(r)
        elif r.get("from_compiled"):
            by[("compiled", r["gazetteer"])].append(r)
        else:
            by[(r["peer"], r["gazetteer"])].append(r)
            corpus = r.get("corpus", corpus)
    gazetteers = sorted({k[1] for k in by if k[0] == "actorgraph"},
                        key=lambda g: {"gazetteer-10k.txt": 0, "gazetteer-100k.txt": 1}.get(g, 2))

    def vals(peer, g, field):
        return [r[field] for r in by.get((peer, g), []) if field in r]

    print(f"Sitting {sitting}, commit {a.commit}, {a.cpu}; corpus {corpus}; one thread; "
          "median [min–max] of the runs (n per cell in the last column).\n")
    print("| aliases | ours tokenize+match MB/s | ours FindMatches alone MB/s | ours Tokenize alone MB/s "
          "| Hyperscan MB/s | pyahocorasick MB/s | ours/Hyperscan | ours/pyahocorasick | n (ours/HS/py) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for g in gazetteers:
        ours = vals("actorgraph", g, "match_mbps")
        hs = vals("hyperscan", g, "match_mbps")
        py = vals("pyahocorasick", g, "match_mbps")
        n_alias = vals("actorgraph", g, "aliases")
        print(f"| {n_alias[0] if n_alias else g:,} | **{cell(ours)}** | {cell(vals('actorgraph', g, 'find_mbps'))} "
              f"| {cell(vals('actorgraph', g, 'tokenize_mbps'))} | {cell(hs)} | {cell(py)} "
              f"| {ratio(med(ours), med(hs))} | {ratio(med(ours), med(py))} | {len(ours)}/{len(hs)}/{len(py)} |")

    print("\n| aliases | ours load+compile s (load / compile) | Hyperscan compile s | pyahocorasick build s "
          "| ours peak RSS MB (after build) | Hyperscan peak RSS MB | pyahocorasick peak RSS MB "
          "| matches ours | Hyperscan | pyahocorasick |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for g in gazetteers:
        n_alias = vals("actorgraph", g, "aliases")
        m = lambda p: f"{vals(p, g, 'matches')[0]:,}" if vals(p, g, "matches") else "–"
        print(f"| {n_alias[0] if n_alias else g:,} | {cell(vals('actorgraph', g, 'build_s'), '{:.2f}', False)} "
              f"({cell(vals('actorgraph', g, 'load_s'), '{:.2f}', False)} / {cell(vals('actorgraph', g, 'compile_s'), '{:.2f}', False)}) "
              f"| {cell(vals('hyperscan', g, 'compile_s'), '{:.2f}', False)} | {cell(vals('pyahocorasick', g, 'build_s'), '{:.2f}', False)} "
              f"| {cell(vals('actorgraph', g, 'mem_peak_mb'), '{:.0f}', False)} ({cell(vals('actorgraph', g, 'mem_build_mb'), '{:.0f}', False)}) "
              f"| {cell(vals('hyperscan', g, 'mem_peak_mb'), '{:.0f}', False)} | {cell(vals('pyahocorasick', g, 'mem_peak_mb'), '{:.0f}', False)} "
              f"| {m('actorgraph')} | {m('hyperscan')} | {m('pyahocorasick')} |")

    compiled = [g for g in gazetteers if ("compiled", g) in by]
    if compiled:
        print("\nCompiled gazetteer (`bench_match --compiled`: the file written by `--save-compiled`, i.e. "
              "`actorgraph gazetteer compile`), loaded in a fresh process:\n")
        print("| aliases | file MB | write s | load s | RSS after load MB | tokenize+match MB/s | FindMatches alone MB/s | n |")
        print("|---|---|---|---|---|---|---|---|")
        for g in compiled:
            c = lambda f: vals("compiled", g, f)
            saved = [r for r in by.get(("actorgraph", g), []) if r.get("compiled_mb")]
            print(f"| {vals('actorgraph', g, 'aliases')[0]:,} | {saved[0]['compiled_mb'] if saved else '–'} "
                  f"| {saved[0]['save_s'] if saved else '–'} | {cell(c('load_s'), '{:.3f}')} "
                  f"| {cell(c('mem_build_mb'), '{:.0f}', False)} | **{cell(c('match_mbps'))}** | {cell(c('find_mbps'))} | {len(c('load_s'))} |")

    e2e = sorted((k for k in by if k[0] == "e2e"), key=lambda k: (k[3], by[k][0]["corpus_mb"], k[2]))
    if e2e:
        print(f"\nEnd to end: `actorgraph mentions INPUT -g GAZ --date 2021-01-01 -j N -q -o FILE` with GAZ = "
              f"{by[e2e[0]][0]['gazetteer'].split('+')[0]} as JSON Lines (on top of the shipped gazetteers, compiled at "
              "start) or compiled together with the shipped ones by `actorgraph gazetteer compile`; MB = corpus text "
              "bytes; 'load' is a run over one tiny document.\n")
        print("| gazetteer | input | threads | wall s | MB/s incl. load | MB/s excl. load | mentions | peak RSS MB | n |")
        print("|---|---|---|---|---|---|---|---|---|")
        for k in e2e:
            load = [r["wall_s"] for r in by.get(("e2e", "one.jsonl", 1, k[3]), [])]
            rs = by[k]
            walls = [r["wall_s"] for r in rs]
            if k[1] == "one.jsonl":
                print(f"| {k[3]} | load | 1 | {cell(walls, '{:.2f}')} | | | | {cell([r['mem_peak_mb'] for r in rs], '{:.0f}', False)} | {len(rs)} |")
                continue
            mb = rs[0]["corpus_mb"]
            incl = [mb / w for w in walls]
            excl = [mb / (w - med(load)) for w in walls] if load else []
            print(f"| {k[3]} | {k[1]} | {k[2]} | {cell(walls, '{:.2f}')} | **{cell(incl)}** | {cell(excl)} "
                  f"| {rs[0]['mentions']:,} | {cell([r['mem_peak_mb'] for r in rs], '{:.0f}', False)} | {len(rs)} |")

    an = by.get(("analyze",), [])
    if an:
        print("\nThe library on one thread without output (`bench_analyze`, compiled gazetteer): MB/s of each phase.\n")
        print("| read (JSON Lines, UTF-8) | analyse (tokenise, segment, date, match, resolve) | events | all three | load s | n |")
        print("|---|---|---|---|---|---|")
        v = lambda f: [r[f] for r in an]
        print(f"| {cell(v('read_mbps'))} | {cell(v('analyze_mbps'))} | {cell(v('events_mbps'))} | **{cell(v('e2e_mbps'))}** "
              f"| {cell(v('load_s'), '{:.2f}')} | {len(an)} |")


if __name__ == "__main__":
    main()
