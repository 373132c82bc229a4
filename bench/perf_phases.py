#!/usr/bin/python3
"""Split a `perf record --call-graph dwarf` profile into pipeline phases, with the leaf
functions that take the time inside each phase.

    perf script -i perf.data -F ip,sym --no-inline > stacks.txt
    perf_phases.py match stacks.txt     # a bench_match profile
    perf_phases.py e2e   stacks.txt     # an `actorgraph mentions` profile

A sample belongs to the outermost frame (from main down) that names a phase; inside
MentionFinder::Analyze, to the innermost stage frame (Sentences, Tokenize, FindMatches, ...).
Samples are wall-clock (cpu-clock), so unlike callgrind's instruction counts they include
cache-miss stalls.
"""
import collections, re, sys

MATCH_OUTER = [("Gazetteer::LoadString", "load: JSON Lines -> entities"),
               ("Gazetteer::Compile", "compile: alias tokens -> trie"),
               ("Gazetteer::FindMatches", "FindMatches"),
               ("Analyzer::Tokenize", "Tokenize (both passes)"),
               ("ReadFile", "read files (untimed)"),
               ("~Gazetteer", "exit: free the gazetteer (untimed)")]
E2E_OUTER = [("LoadResources", "load gazetteers + lexicons"),
             ("DocumentReader::Next", "read + parse JSON Lines documents"),
             ("AppendJsonLine", "mention -> JSON line (render, on the worker)"),
             ("ToJsonLine", "mention -> JSON line"),
             ("OutputFile", "write output"),
             ("MentionFinder::Analyze", "analyze"),
             ("~Resources", "exit: free resources"),
             ("~Gazetteer", "exit: free resources")]
E2E_INNER = [("Analyzer::Sentences", "Sentences (ICU sentence BreakIterator)"),
             ("Analyzer::Tokenize", "Tokenize"),
             ("Gazetteer::FindMatches", "FindMatches"),
             ("LongestAt", "PhraseTable::LongestAt (titles)"),
             ("ResolveDocumentDate", "document date"),
             ("Gazetteer::Candidates", "Candidates")]

STR = "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >"


def short(sym):
    s = sym.replace(STR, "string")
    s = re.sub(r"std::_Hashtable<string, std::pair<string const, unsigned int>.*::(\w+)$", r"unordered_map<string,u32>::\1", s)
    s = re.sub(r"std::_Hashtable<string, std::pair<string const, string\s*>.*::(\w+)$", r"unordered_map<string,string>::\1", s)
    s = re.sub(r"std::_Hashtable<unsigned long, .*::(\w+)$", r"unordered_map<u64,u32>::\1", s)
    s = re.sub(r"^nlohmann::json_abi_v3_11_2::(.{0,60}).*", r"nlohmann::\1...", s)
    return s[:110]


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("match", "e2e"):
        sys.exit(__doc__)
    mode, path = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    outer = MATCH_OUTER if mode == "match" else E2E_OUTER
    phase = collections.Counter()
    leaf = collections.defaultdict(collections.Counter)
    total = 0
    for sample in open(path, encoding="utf-8", errors="replace").read().split("\n\n"):
        frames = []
        for line in sample.strip().split("\n"):
            parts = line.strip().split(None, 1)
            if parts:
                frames.append(parts[1] if len(parts) > 1 else "?")
        if not frames:
            continue
        total += 1
        ph = "other"
        for f in reversed(frames):  # outermost first
            hit = [name for key, name in outer if key in f]
            if hit:
                ph = hit[0]
                break
        if mode == "match" and ph.startswith("Tokenize") and any("Gazetteer::Compile" in f for f in frames):
            ph = "compile: alias tokens -> trie"
        if ph == "analyze":
            ph = "analyze: other"
            for f in frames:  # innermost first
                hit = [name for key, name in E2E_INNER if key in f]
                if hit:
                    ph = "analyze: " + hit[0]
                    break
        phase[ph] += 1
        leaf[ph][short(frames[0])] += 1
    print(f"{total} samples")
    for ph, n in phase.most_common():
        print(f"\n{100 * n / total:5.1f}%  {ph}")
        for f, c in leaf[ph].most_common(top):
            print(f"        {100 * c / n:5.1f}%  {f}")


if __name__ == "__main__":
    main()
