#!/usr/bin/env python3
"""Throughput of the Python package against the command line, and of the
Spark job at 1 and 2 cores, in the same run.

    python crates/dateline-py/benches/throughput.py [--corpus FILE...] [--repeat N] [--spark]

Default corpus: the Wikinews files of the data directory
($DATELINE_DATA, else ../shared beside the workspace: corpus/wikinews/wikinews_*.jsonl).

Measured per CPU-second (the figure that does not depend on what else the
machine runs): `dateline entities FILES --json --threads 1` (read, parse, tag, print JSON)
against the package doing the same work in one thread (`dateline.read`,
`Tagger.entities_batch(threads=1)`, `to_dict()` of every entity). Then the
batch on all cores (wall clock), and with --spark the Spark job on the
corpus split into 8 files, with local[1] and local[2] (wall clock, JVM start
included).
"""

import argparse
import glob
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dateline

ROOT = Path(__file__).resolve().parents[3]


def default_corpus():
    data = Path(os.environ.get("DATELINE_DATA", ROOT.parent / "shared"))
    files = sorted(glob.glob(str(data / "corpus" / "wikinews" / "wikinews_*.jsonl")))
    if not files:
        raise SystemExit(f"no Wikinews files under {data}/corpus/wikinews (set DATELINE_DATA)")
    return files


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cli(binary, files):
    cpu, wall = children_cpu(), time.perf_counter()
    with open(os.devnull, "w") as null:
        subprocess.run([binary, "entities", *files, "--json", "--threads", "1"], stdout=null, check=True)
    return children_cpu() - cpu, time.perf_counter() - wall


def run_python(files, threads):
    cpu, wall = time.process_time(), time.perf_counter()
    tagger = dateline.Tagger()
    docs = [d for f in files for d in dateline.read(f)]
    rows = 0
    for doc, entities in zip(docs, tagger.entities_batch(docs, threads=threads)):
        line = {"id": doc.id, "entities": [e.to_dict() for e in entities]}
        rows += len(line["entities"])
    return time.process_time() - cpu, time.perf_counter() - wall, len(docs), rows


def split_corpus(files, parts, out):
    lines = [line for f in files for line in open(f, encoding="utf-8") if line.strip()]
    paths = []
    for i in range(parts):
        p = Path(out) / f"part-{i:02}.jsonl"
        p.write_text("".join(lines[i::parts]), encoding="utf-8")
        paths.append(str(p))
    return paths, len(lines)


def run_spark(parts, cores, out):
    """Wall clock of one run (JVM start included), and the CPU time its
    Python workers spent reading, parsing and tagging (the job reports it)."""
    wall = time.perf_counter()
    p = subprocess.run(
        [sys.executable, str(ROOT / "examples/spark/dateline_job.py"), *parts, "--output", out, "--master", f"local[{cores}]"],
        check=True,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYSPARK_PYTHON=sys.executable),
    )
    wall = time.perf_counter() - wall
    m = re.search(r"tagged for ([0-9.]+) CPU-seconds", p.stderr)
    return wall, float(m.group(1)) if m else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--spark", action="store_true", help="also run the Spark job at 1 and 2 cores")
    ap.add_argument("--spark-only", action="store_true", help="only the Spark job")
    ap.add_argument("--bin", default=os.environ.get("DATELINE_BIN", str(ROOT / "target/release/dateline")))
    args = ap.parse_args()
    files = args.corpus or default_corpus()
    size = sum(os.path.getsize(f) for f in files)
    print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB; load average {os.getloadavg()[0]:.1f}; {os.cpu_count()} cores")

    cli, py = [], []
    for _ in range(0 if args.spark_only else args.repeat):
        cli.append(run_cli(args.bin, files))
        py.append(run_python(files, 1))
    if args.spark_only:
        return spark(args, files)
    docs, rows = py[0][2], py[0][3]
    cli_cpu = min(c for c, _ in cli)
    py_cpu = min(p[0] for p in py)
    print(f"{docs} articles, {rows} entities")
    print(f"command line, 1 thread:   {docs / cli_cpu:7.1f} articles per CPU-second ({size / 1e6 / cli_cpu:.2f} MB/s)  [best of {args.repeat}: {cli_cpu:.2f} s CPU]")
    print(f"python batch, threads=1:  {docs / py_cpu:7.1f} articles per CPU-second ({size / 1e6 / py_cpu:.2f} MB/s)  [best of {args.repeat}: {py_cpu:.2f} s CPU]")
    print(f"python / command line per core: {cli_cpu / py_cpu:.3f}")
    _, wall, _, _ = run_python(files, None)
    print(f"python batch, all cores:  {docs / wall:7.1f} articles per second wall clock ({wall:.2f} s)")
    wall = time.perf_counter()
    with open(os.devnull, "w") as null:
        subprocess.run([args.bin, "entities", *files, "--json"], stdout=null, check=True)
    wall = time.perf_counter() - wall
    print(f"command line, all cores:  {docs / wall:7.1f} articles per second wall clock ({wall:.2f} s)")

    json.dump({"cli_cpu": cli, "python_cpu": py}, sys.stderr)
    print(file=sys.stderr)
    if args.spark:
        spark(args, files)


def spark(args, files):
    with tempfile.TemporaryDirectory() as tmp:
        parts, n = split_corpus(files, 8, tmp)
        for cores in (1, 2):
            runs = [run_spark(parts, cores, f"{tmp}/out{cores}") for _ in range(max(1, args.repeat - 1))]
            wall = min(w for w, _ in runs)
            cpu = min(c for _, c in runs)
            print(
                f"spark job, local[{cores}]:  {n / wall:7.1f} articles per second wall clock ({wall:.1f} s, JVM start included); "
                f"{n / cpu:.1f} articles per CPU-second ({cpu:.1f} s CPU in the Python workers' tasks)"
            )


if __name__ == "__main__":
    main()
