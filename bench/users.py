#!/usr/bin/env python3
"""What a user waits for, measured again against the national database of an earlier `bench/run`
(build-bench/data/national.db), without generating and ingesting a 1,000,000-item corpus again
(over 30 minutes of two cores): start-up, the real PDFs against both baselines, one new file into
the national database against a fresh one, the ingest cost per item at 10,000, 100,000 and the
national database's size, every search shape against the national database as a process, and the
quarterly report of one committee and of all as processes.

It uses bench/run's own functions on the Release build in build-bench/ (build it first, e.g. with
`cmake --build build-bench`), and prints a Markdown section for bench/RESULTS.md. The probe
minutes get a new seed each run (the national database keeps what earlier runs added to it).

    bench/users.py > section.md
"""
import importlib.machinery
import importlib.util
import sys
import time
from pathlib import Path

loader = importlib.machinery.SourceFileLoader("bench_run", str(Path(__file__).with_name("run")))
spec = importlib.util.spec_from_loader("bench_run", loader)
bench = importlib.util.module_from_spec(spec)
loader.exec_module(bench)
# bench/run logs its progress on stdout; here stdout is the section.
bench.log = lambda msg: print("[users] %s" % msg, file=sys.stderr, flush=True)


def reports(dbs):
    rows = []
    for db in dbs:
        for args in (["--committee", "BUL"], []):
            cmd = [str(bench.REFERAT), "report", "--db", str(db), "--quarter", "2020Q3",
                   "--format", "md", *args]
            run = bench.timed(cmd)
            rows.append((db, " ".join(args) or "(all committees)", run))
            bench.log("report %s %s: %.2f s" % (db.name, rows[-1][1], run["wall"]))
    return rows


def main():
    national = bench.DATA / "national.db"
    if not bench.REFERAT.exists() or not national.exists():
        sys.exit("bench/users.py: needs build-bench/referat and build-bench/data/national.db "
                 "(bench/run makes both)")
    machine = bench.machine()
    startup = bench.startup()
    real = bench.real_pdf()
    # A new seed each run: the national database keeps the probes of earlier runs.
    one, chunk = bench.probe_sets("users-probe", "-" + time.strftime("%Y%m%d%H%M%S"))
    one_file = bench.one_file(national, one)
    per_item = bench.per_item_costs(national, chunk)
    # The report of every committee is timed once below, at each size (20-40 s at 1M).
    bench.PROCESS_QUERIES = [q for q in bench.PROCESS_QUERIES if q[1] != ["report", "--quarter",
                                                                          "2020Q3"]]
    bench.warm(national)
    process = bench.process_latency(national)
    bench.warm(national)
    report_rows = reports([bench.DATA / "national-10000.db", bench.DATA / "national-100000.db",
                           national])

    print("## What a user waits for, against the national database (`bench/users.py`)\n")
    print("One run on %s, commit %s, load average %.1f at start; busiest processes: %s.\n" % (
        machine["date"], machine["commit"], machine["load"][0], ", ".join(machine["busy"][:2])))
    print("| command | wall ms (median) | p99 ms | CPU ms | × sqlite3 (wall) |")
    print("|---|---:|---:|---:|---:|")
    base = startup["sqlite3"]["p50"]
    for key, name in (("sqlite3", "`sqlite3 :memory: 'select 1'`"), ("version", "`referat --version`"),
                      ("search", "`referat search \"task force\"` (one-item database)"),
                      ("ingest", "`referat ingest` of %s" % startup["small"])):
        s = startup[key]
        print("| %s | %.1f | %.1f | %.1f | %.2f |" % (name, s["p50"], s["p99"], s["cpu"],
                                                     s["p50"] / base))
    if real:
        print("\nReal PDFs (%s; %d pages), minimum over %d rounds on one core:\n" % (
            ", ".join(real["files"]), real["pages"], len(real["loop"]["walls"])))
        print("| run | wall s | CPU s | × loop | × floor |")
        print("|---|---:|---:|---:|---:|")
        for key, name in (("loop", "`pdftotext` loop"), ("floor", "Poppler in one process"),
                          ("referat", "`referat ingest` (fresh database)")):
            print("| %s | %.3f | %.3f | %.2f | %.2f |" % (
                name, real[key]["wall"], real[key]["cpu"], real[key]["wall"] / real["loop"]["wall"],
                real[key]["wall"] / real["floor"]["wall"]))
    print("\nOne new file (%d generated minutes dated 2026), medians on one core: fresh database "
          "%.3f s wall (%.3f s CPU), national database of %d items %.3f s (%.3f s): **%.2f×** "
          "(target ≤ 1.2)." % (one_file["files"], one_file["wall"]["fresh"],
                               one_file["cpu"]["fresh"], per_item[-1]["items"],
                               one_file["wall"]["big"], one_file["cpu"]["big"],
                               one_file["wall"]["big"] / one_file["wall"]["fresh"]))
    print("\n| database items | items added | wall s | CPU s | ms per item | CPU ms per item | "
          "× at 10k (wall) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for row in per_item:
        print("| %d | %d | %.2f | %.2f | %.3f | %.3f | %.2f |" % (
            row["items"], row["added"], row["wall"], row["cpu"], row["ms_per_item"],
            row["cpu_ms_per_item"], row["ms_per_item"] / per_item[0]["ms_per_item"]))
    print("\nEvery search shape and the report as a `referat` process against the national "
          "database: two warm-up runs, then the runs counted (warm OS cache; up to %d, as many as "
          "fit in %d s)%s.\n" % (bench.PROCESS_RUNS, bench.PROCESS_SECONDS,
                                 "; cold: one run after dropping the page cache"
                                 if process["cold"] else ""))
    print("| query | `referat` arguments | runs | p50 ms | p99 ms | CPU ms | cold ms | "
          "p99 ≤ 100 ms |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for row in process["rows"]:
        print("| %s | `%s` | %d | %.0f | %.0f | %.0f | %s | %s |" % (
            row["name"], row["command"], row["n"], row["p50"], row["p99"], row["cpu"],
            "%.0f" % row["cold"] if "cold" in row else "–", "met" if row["p99"] <= 100
            else "**missed**"))
    print("\n| quarterly report 2020Q3 | database | wall s | CPU s | peak RSS MB |")
    print("|---|---|---:|---:|---:|")
    for db, which, run in report_rows:
        print("| %s | %s | %.2f | %.2f | %.0f |" % (which, db.name, run["wall"], run["cpu"],
                                                    run["rss"]))


if __name__ == "__main__":
    main()
