#!/usr/bin/python3
"""Build an actorgraph graph from JSON Lines shards on a Dask cluster.

The map step (`actorgraph mentions` and `actorgraph events`) runs once per shard on the
Dask workers; the client collects each shard's JSON Lines as it finishes and then runs the
reduce step, `actorgraph merge`, over them in shard order. The graph is byte for byte what
`actorgraph extract SHARD...` writes over the same shards on one machine.

usage:
  dask_extract.py SHARD.jsonl... -o FILE [options]

  # two local worker processes on 127.0.0.1 (the default: a Dask LocalCluster)
  scripts/dask_extract.py shards/*.jsonl -o graph.graphml --workers 2

  # a running cluster (dask-scheduler on HOST, dask-worker tcp://HOST:8786 on each machine)
  scripts/dask_extract.py /nfs/corpus/part-*.jsonl -o graph.gexf \\
      --scheduler tcp://HOST:8786 --actorgraph /opt/actorgraph/bin/actorgraph

  # the offline viewer: the map step then also writes each mention's sentence
  scripts/dask_extract.py shards/*.jsonl -o graph.html

On a real cluster every worker must see the shards and the actorgraph binary under the
paths given here (a shared file system, or the same layout on each machine), with the
same gazetteers; only the JSON Lines results travel back through Dask.

Progress goes to standard error, one line per finished shard. A shard whose map step fails
is tried once more (on whichever worker is free); if it fails again the run stops with one
line naming the shard and actorgraph's own message, exit 1, and writes nothing: the output
only appears, through `actorgraph merge`'s temporary file and rename, once every shard has
succeeded.

Exit codes: 0 success; 1 a shard failed twice, or merge refused the data; 2 bad usage;
3 I/O failure (output not writable, scheduler unreachable).

Needs Debian's python3-distributed (Dask) and the actorgraph binary.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

PROG = "dask_extract"
MAP_COMMANDS = ("mentions", "events")


def say(msg):
    print(f"{PROG}: {msg}", file=sys.stderr, flush=True)


def fail(msg, code):
    say(f"error: {msg}")
    sys.exit(code)


def default_cli():
    """The actorgraph binary: $ACTORGRAPH, then build/bin beside this script, then PATH."""
    env = os.environ.get("ACTORGRAPH")
    if env:
        return env
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "bin", "actorgraph")
    if os.access(here, os.X_OK):
        return os.path.normpath(here)
    return shutil.which("actorgraph") or "actorgraph"


def map_shard(cli, shard, map_args):
    """Runs on a worker: the map step over one shard. Returns (mentions bytes, events
    bytes, non-blank lines of the shard, seconds, worker address); raises RuntimeError with actorgraph's
    message when a command fails."""
    start = time.monotonic()
    outputs = []
    for command in MAP_COMMANDS:
        args = [cli, command, shard, "--input-format", "jsonl", "-q", "--no-progress", "-o", "-"]
        args += map_args.get(command, []) + map_args.get("common", [])
        try:
            r = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        except OSError as e:
            raise RuntimeError(f"cannot run {cli}: {e.strerror}") from None
        if r.returncode != 0:
            lines = [l for l in r.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
            detail = lines[-1].removeprefix("actorgraph: error: ") if lines else "no message"
            raise RuntimeError(f"actorgraph {command} exited {r.returncode}: {detail}")
        outputs.append(r.stdout)
    with open(shard, "rb") as fh:
        docs = sum(1 for line in fh if line.strip())
    try:
        from distributed import get_worker
        where = get_worker().address
    except (ImportError, ValueError):
        where = "?"
    return outputs[0], outputs[1], docs, time.monotonic() - start, where


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="dask_extract.py",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=__doc__.split("\nusage:")[0],
        epilog="\n".join(__doc__.split("\nusage:")[1].splitlines()[3:]),
        usage="%(prog)s SHARD.jsonl... -o FILE [-f FORMAT] [--scheduler ADDRESS | --workers N] [options]")
    p.add_argument("shards", nargs="+", metavar="SHARD.jsonl",
                   help="JSON Lines documents (id, text, optional date, ...), one map task each; "
                        "the graph does not depend on how the documents are split")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="graph file (- = standard output); the extension picks the format as in `actorgraph merge`")
    p.add_argument("-f", "--format", metavar="FORMAT", type=str.lower,
                   choices=["graphml", "dot", "gexf", "json", "cyjs", "neo4j", "html"],
                   help="graphml, dot, gexf, json, cyjs, neo4j or html (default: from -o)")
    p.add_argument("--projection", choices=["actors"], help="actor-only graph, as `actorgraph merge --projection`")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running Dask scheduler, e.g. tcp://HOST:8786 (default: start a LocalCluster on 127.0.0.1)")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="LocalCluster only: worker processes, one task each at a time (default: 2)")
    p.add_argument("-j", "--threads", type=int, metavar="N",
                   help="analysis threads per map command (default: cores / workers on a LocalCluster, "
                        "all the worker's cores on a real cluster)")
    p.add_argument("--actorgraph", default=default_cli(), metavar="PATH",
                   help="the actorgraph binary, the same path on every worker "
                        "(default: $ACTORGRAPH, build/bin/actorgraph of this checkout, or actorgraph on PATH)")
    p.add_argument("-g", "--gazetteer", action="append", default=[], metavar="GAZ",
                   help="extra gazetteer file or folder, for the map step and merge (repeatable)")
    p.add_argument("--no-default-gazetteers", action="store_true", help="leave out the shipped gazetteers")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="document date for documents without one")
    p.add_argument("--actors", choices=["people", "all"],
                   help="who takes part in events, as `actorgraph events --actors`")
    p.add_argument("--cameo-verbs", metavar="VERBS.txt",
                   help="PETRARCH/TABARI verb dictionary for CAMEO codes, as `actorgraph events --cameo-verbs`")
    p.add_argument("--sentences", action="store_true",
                   help="map step writes each mention's sentence (implied for HTML output)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines, errors only")
    args = p.parse_args(argv)
    if args.workers < 1:
        p.error("--workers must be at least 1")
    if args.threads is not None and args.threads < 0:
        p.error("-j must be 0 or more")
    return args


def wants_html(args):
    if args.format:
        return args.format.lower() == "html"
    return args.output.lower().endswith((".html", ".htm"))


def build_map_args(args, local_workers):
    common = []
    for g in args.gazetteer:
        common += ["-g", os.path.abspath(g) if args.scheduler is None else g]
    if args.no_default_gazetteers:
        common.append("--no-default-gazetteers")
    if args.date:
        common += ["--date", args.date]
    threads = args.threads
    if threads is None and local_workers:
        threads = max(1, (os.cpu_count() or 1) // local_workers)
    if threads is not None:
        common += ["-j", str(threads)]
    mentions = ["--sentences"] if args.sentences or wants_html(args) else []
    events = []
    if args.actors:
        events += ["--actors", args.actors]
    if args.cameo_verbs:
        events += ["--cameo-verbs", os.path.abspath(args.cameo_verbs) if args.scheduler is None else args.cameo_verbs]
    return {"common": common, "mentions": mentions, "events": events}


def run(args):
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        fail("Dask is not installed: apt-get install python3-distributed", 2)

    cli = args.actorgraph
    if os.sep in cli:
        cli = os.path.abspath(cli)
    if args.scheduler is None:
        # Workers on this machine see this machine's files: check them here, with usage errors.
        if not os.access(cli, os.X_OK) and shutil.which(cli) is None:
            fail(f"{args.actorgraph}: no such executable (build the project or pass --actorgraph)", 2)
        for s in args.shards:
            if not os.path.isfile(s):
                fail(f"{s}: no such file", 3)
    shards = [os.path.abspath(s) if args.scheduler is None else s for s in args.shards]
    names = args.shards
    map_args = build_map_args(args, None if args.scheduler else args.workers)

    out_dir = os.path.dirname(os.path.abspath(args.output)) if args.output != "-" else os.getcwd()
    if args.output != "-" and not os.path.isdir(out_dir):
        fail(f"{args.output}: the folder {out_dir} does not exist", 3)

    cluster = None
    try:
        if args.scheduler is None:
            import logging
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(args.scheduler, timeout="20s")
    except (OSError, TimeoutError) as e:
        fail(f"cannot reach the Dask scheduler {args.scheduler or '(local)'}: {e}", 3)

    with tempfile.TemporaryDirectory(prefix="dask-extract-") as tmp:
        try:
            code = map_and_merge(client, as_completed, cli, shards, names, map_args, args, tmp)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    return code


def map_and_merge(client, as_completed, cli, shards, names, map_args, args, tmp):
    started = time.monotonic()
    total = len(shards)
    futures = {}
    for i, shard in enumerate(shards):
        f = client.submit(map_shard, cli, shard, map_args, pure=False, key=f"actorgraph-map-{i}-try1")
        futures[f] = (i, 1)
    pending = as_completed(list(futures))
    done = 0
    files = [None] * total
    first_detail = {}
    for f in pending:
        i, attempt = futures.pop(f)
        if f.status == "error":
            err = f.exception()
            detail = str(err) if isinstance(err, RuntimeError) else f"{type(err).__name__}: {err}"
            if attempt == 1:
                if not args.quiet:
                    say(f"shard {names[i]} failed ({detail}); trying it once more")
                first_detail[i] = detail
                g = client.submit(map_shard, cli, shards[i], map_args, pure=False, key=f"actorgraph-map-{i}-try2")
                futures[g] = (i, 2)
                pending.add(g)
                continue
            for other in futures:
                other.cancel()
            # The first failure's reason too, when the second one differs (a worker lost or
            # timed out on the retry says nothing of what went wrong with the shard).
            first = first_detail.get(i)
            if first is not None and first != detail:
                detail = f"{first}; then {detail}"
            fail(f"shard {names[i]} failed twice, nothing written: {detail}", 1)
        mentions, events, docs, seconds, where = f.result()
        f.release()
        base = os.path.join(tmp, f"{i:06d}")
        with open(base + ".mentions.jsonl", "wb") as fh:
            fh.write(mentions)
        with open(base + ".events.jsonl", "wb") as fh:
            fh.write(events)
        files[i] = (base + ".mentions.jsonl", base + ".events.jsonl")
        done += 1
        if not args.quiet:
            say(f"[{done}/{total}] {names[i]}: {docs} documents, "
                f"{len(mentions.splitlines())} mentions, {len(events.splitlines())} events, "
                f"{seconds:.2f} s on {where}")

    merge = [cli, "merge"] + [p for pair in files for p in pair] + ["-o", args.output, "-q"]
    if args.format:
        merge += ["-f", args.format]
    if args.projection:
        merge += ["--projection", args.projection]
    for g in args.gazetteer:
        merge += ["-g", g]
    if args.no_default_gazetteers:
        merge.append("--no-default-gazetteers")
    r = subprocess.run(merge, stderr=subprocess.PIPE, check=False)
    if r.returncode != 0:
        lines = [l for l in r.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
        detail = lines[-1].removeprefix("actorgraph: error: ") if lines else "no message"
        fail(f"actorgraph merge exited {r.returncode}: {detail}", r.returncode)
    if not args.quiet:
        say(f"wrote {args.output} from {total} shards in {time.monotonic() - started:.2f} s")
    return 0


def main():
    args = parse_args(sys.argv[1:])
    sys.exit(run(args))


if __name__ == "__main__":
    main()
