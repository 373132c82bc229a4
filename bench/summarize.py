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
            by[("e2e", r["input"], r["threads"])].append(r)
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

    e2e = sorted((k for k in by if k[0] == "e2e"), key=lambda k: (by[k][0]["corpus_mb"], k[2]))
    if e2e:
        load = [r["wall_s"] for k in e2e if k[1] == "one.jsonl" for r in by[k]]
        print(f"\nEnd to end: `actorgraph mentions INPUT -g ALIASES.jsonl --date 2021-01-01 -j N -q -o FILE` "
              f"(shipped gazetteers + {by[e2e[0]][0]['gazetteer'].split('+')[0]}); MB = corpus text bytes; "
              f"load alone (one tiny document): {cell(load, '{:.2f}')} s.\n")
        print("| input | threads | wall s | MB/s incl. load | MB/s excl. load | mentions | peak RSS MB | n |")
        print("|---|---|---|---|---|---|---|---|")
        for k in e2e:
            if k[1] == "one.jsonl":
                continue
            rs = by[k]
            walls = [r["wall_s"] for r in rs]
            mb = rs[0]["corpus_mb"]
            incl = [mb / w for w in walls]
            excl = [mb / (w - med(load)) for w in walls] if load else []
            print(f"| {k[1]} | {k[2]} | {cell(walls, '{:.2f}')} | **{cell(incl)}** | {cell(excl)} "
                  f"| {rs[0]['mentions']:,} | {cell([r['mem_peak_mb'] for r in rs], '{:.0f}', False)} | {len(rs)} |")


if __name__ == "__main__":
    main()
