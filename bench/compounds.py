#!/usr/bin/env python3
"""Before/after of one change to the search index, from one run: two builds of referat (each
configured with -DREFERAT_BENCH=ON) ingest the same generated text minutes into fresh databases
(one core, rounds interleaved, minimum wall and CPU time kept), then each build's
referat_search_bench measures its own database. Prints a Markdown section for bench/RESULTS.md.

usage: bench/compounds.py BEFORE_BUILD AFTER_BUILD MINUTES_DIR WORK_DIR [ROUNDS]"""
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


def ingest(build, minutes, db):
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(["taskset", "-c", "0", str(build / "referat"), "ingest", "--quiet", "--db",
                    str(db), str(minutes)], check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def sizes(db):
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    items = con.execute("SELECT count(*) FROM items").fetchone()[0]
    fts = con.execute("SELECT sum(length(block)) FROM items_fts_data").fetchone()[0]
    con.close()
    return items, os.path.getsize(db), fts


def main():
    before, after, minutes, work = (Path(a) for a in sys.argv[1:5])
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    work.mkdir(parents=True, exist_ok=True)
    builds = {"before": before, "after": after}
    times = {name: [] for name in builds}
    for _ in range(rounds):
        for name, build in builds.items():
            times[name].append(ingest(build, minutes, work / f"{name}.db"))
    rows, tables = {}, {}
    for name, build in builds.items():
        items, db_bytes, fts_bytes = sizes(work / f"{name}.db")
        wall = min(t[0] for t in times[name])
        cpu = min(t[1] for t in times[name])
        rows[name] = (items, db_bytes, fts_bytes, wall, cpu)
        tables[name] = subprocess.run(
            [str(build / "referat_search_bench"), "--db", str(work / f"{name}.db"),
             "--iterations", "200", "--seconds", "3"],
            check=True, capture_output=True, text=True).stdout
    print("| build | items | database MB | FTS index data MB | ingest wall s (min) | CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, (items, db_bytes, fts_bytes, wall, cpu) in rows.items():
        print(f"| {name} | {items} | {db_bytes / 1e6:.1f} | {fts_bytes / 1e6:.1f} | {wall:.2f} "
              f"| {cpu:.2f} |")
    b, a = rows["before"], rows["after"]
    print(f"\nRatios after/before: database {a[1] / b[1]:.3f}, FTS index {a[2] / b[2]:.3f}, "
          f"ingest wall {a[3] / b[3]:.3f}, ingest CPU {a[4] / b[4]:.3f}; "
          f"each round (wall s): before {' '.join(f'{t[0]:.2f}' for t in times['before'])}, "
          f"after {' '.join(f'{t[0]:.2f}' for t in times['after'])}.")
    for name in builds:
        print(f"\nSearch latency, {name}:\n\n{tables[name]}")


main()
