#!/usr/bin/env python3
"""`referat ingest` under stress, driving the real binary on a folder of generated minutes.

  ingest_stress.py REFERAT SOURCE_DIR kill [KILLS]
      SIGKILLs the ingest at random moments (50 times unless KILLS says otherwise). After each
      kill: PRAGMA integrity_check is ok, the FTS index and foreign keys are consistent, every
      file is stored whole (its row counts equal those of an undisturbed ingest) or not at all,
      and what is stored is exactly what the files before some point in the ingest order give,
      so a replacement is never half done. Then a re-run completes the rest.
  ingest_stress.py REFERAT SOURCE_DIR readers
      Runs `referat search` and `referat show` in a loop while an ingest writes; none may fail
      (no "database is locked" reaching the user), and the ingest must not fail either.

The minutes are the three shipped text exports with their year changed (one meeting per file),
plus a corrected second version of some, which replaces the first.
"""
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCES = {  # name → (file in corpus/text, the year it mentions)
    "lejre": ("lejre_bu_2017-06-07.txt", "2017"),
    "stevns_a": ("stevns_bul_2020-06-09.txt", "2020"),
    "stevns_b": ("stevns_bul_2020-08-31.txt", "2020"),
}
# The correction that makes a second version of stevns_b.
DECISION = "Ikke tilstede: Jacob Panton-Kristiansen (V)\n\n  Godkendt."
CORRECTED = "Ikke tilstede: Jacob Panton-Kristiansen (V)\n\n  Godkendt med rettelsesblad."
# Rows of a meeting in each table, by content hash.
COUNTS = """
SELECT m.content_hash, m.municipality, m.committee, m.date,
  (SELECT count(*) FROM items i WHERE i.meeting_id = m.id),
  (SELECT count(*) FROM recommendation_points p JOIN items i ON p.item_id = i.id
     WHERE i.meeting_id = m.id),
  (SELECT count(*) FROM decision_points p JOIN items i ON p.item_id = i.id
     WHERE i.meeting_id = m.id),
  (SELECT count(*) FROM votes v JOIN items i ON v.item_id = i.id WHERE i.meeting_id = m.id),
  (SELECT count(*) FROM history h JOIN items i ON h.item_id = i.id WHERE i.meeting_id = m.id),
  (SELECT count(*) FROM absences a WHERE a.meeting_id = m.id)
FROM meetings m
"""


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def make_minutes(source_dir, folder, years):
    """Writes the variants for `years` into `folder`; returns their paths in ingest order."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {name: (Path(source_dir, "corpus/text", f).read_text(encoding="utf-8"), year)
             for name, (f, year) in SOURCES.items()}
    for year in years:
        for name, (text, old_year) in texts.items():
            text = text.replace(old_year, str(year))
            (folder / f"{year}_{name}.txt").write_text(text, encoding="utf-8")
            if name == "stevns_b" and year % 3 == 0:
                assert DECISION in text
                (folder / f"{year}_{name}_v2.txt").write_text(text.replace(DECISION, CORRECTED),
                                                              encoding="utf-8")
    # The order `referat ingest FOLDER` takes them in (sorted paths).
    return sorted(str(p) for p in folder.iterdir())


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def ingest(referat, db, *paths, check=True):
    run = subprocess.run([referat, "ingest", "--db", str(db), *map(str, paths)],
                         capture_output=True, text=True)
    if check and run.returncode != 0:
        fail(f"ingest failed ({run.returncode}): {run.stderr.strip()}")
    return run


def remove_db(db):
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def meeting_rows(db):
    con = sqlite3.connect(db)
    try:
        return {row[0]: row[1:] for row in con.execute(COUNTS)}
    finally:
        con.close()


def reference(referat, tmp, files):
    """Row counts and meeting key of each file, from undisturbed ingests in which no file
    replaces another (first versions, then second versions, into separate databases)."""
    rows = {}
    for part, chosen in (("first", [f for f in files if "_v2" not in f]),
                         ("second", [f for f in files if "_v2" in f])):
        db = tmp / f"reference-{part}.db"
        ingest(referat, db, *chosen)
        rows.update(meeting_rows(db))
    by_file = {}
    for f in files:
        h = sha256(f)
        if h not in rows:
            fail(f"{f} was not stored by the reference ingest")
        by_file[f] = (h, rows[h])
    return by_file


def prefix_states(files, by_file):
    """The set of stored hashes after each prefix of the ingest order (one per file count)."""
    state, states = {}, [frozenset()]
    for f in files:
        h, row = by_file[f]
        state[row[:3]] = h  # municipality, committee, date: a later version replaces
        states.append(frozenset(state.values()))
    return states


def check_database(referat, db, by_hash, states):
    """The checks after a kill; returns how many files are stored."""
    if not Path(db).exists():
        return 0  # killed before the file was created
    con = sqlite3.connect(db)
    try:
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            fail("integrity_check is not ok")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meetings" not in tables:
            if tables:
                fail(f"half a schema: {sorted(tables)}")
            return 0
    finally:
        con.close()
    # Foreign keys and FTS5's index check (it needs referat's danish tokenizer): `referat check`.
    checked = subprocess.run([referat, "check", "--db", str(db)], capture_output=True, text=True)
    if checked.returncode != 0:
        fail(f"referat check: {checked.stderr.strip()}")
    rows = meeting_rows(db)
    for h, row in rows.items():
        if h not in by_hash:
            fail(f"a meeting of no file: {h}")
        if row != by_hash[h]:
            fail(f"meeting {row[:3]} stored in part: {row[3:]} rows, whole: {by_hash[h][3:]}")
    if frozenset(rows) not in states:
        fail("what is stored is no state of the ingest (a replacement half done?)")
    return len(rows)


def kill_test(referat, source_dir, kills):
    with tempfile.TemporaryDirectory(prefix="referat-kill-") as tmp:
        tmp = Path(tmp)
        files = make_minutes(source_dir, tmp / "all", range(1900, 1960))
        # About a second of ingest per run, so that 50 kills with their re-runs stay within
        # minutes even under AddressSanitizer, with at least a dozen files (a dozen write
        # transactions) to kill within.
        sample = tmp / "sample.db"
        started = time.monotonic()
        ingest(referat, sample, *files[:12])
        per_file = (time.monotonic() - started) / 12
        remove_db(sample)
        work = tmp / "work"
        work.mkdir()
        for f in files[:max(12, min(len(files), int(1.0 / per_file)))]:
            os.link(f, work / Path(f).name)
        work_files = sorted(str(p) for p in work.iterdir())
        by_file = reference(referat, tmp, work_files)
        by_hash = {h: row for h, row in by_file.values()}
        states = prefix_states(work_files, by_file)
        db = tmp / "killed.db"
        started = time.monotonic()
        ingest(referat, db, work)
        run_time = time.monotonic() - started
        remove_db(db)

        rng = random.Random(int(os.environ.get("REFERAT_KILL_SEED", "20240607")))
        landed, partial, iterations = 0, 0, 0
        while landed < kills:
            iterations += 1
            if iterations > 3 * kills:
                fail(f"only {landed} of {iterations} kills landed while ingest ran")
            proc = subprocess.Popen([referat, "ingest", "--db", str(db), str(work)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, run_time))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                landed += 1
            proc.wait()
            stored = check_database(referat, db, by_hash, states)
            if 0 < stored < len(states[-1]):
                partial += 1
            rerun = ingest(referat, db, work)
            if "0 failed" not in rerun.stdout:
                fail(f"the re-run failed: {rerun.stdout.strip()} {rerun.stderr.strip()}")
            if check_database(referat, db, by_hash, states) != len(states[-1]) or \
                    frozenset(meeting_rows(db)) != states[-1]:
                fail("the re-run did not complete the ingest")
            remove_db(db)
        print(f"{landed} kills of an ingest of {len(work_files)} files ({run_time:.2f} s); "
              f"{partial} left some files stored; every check passed")


def readers_test(referat, source_dir):
    with tempfile.TemporaryDirectory(prefix="referat-readers-") as tmp:
        tmp = Path(tmp)
        files = make_minutes(source_dir, tmp / "minutes", range(1900, 1940))
        db = tmp / "referat.db"
        ingest(referat, db, files[0])
        writer = subprocess.Popen([referat, "ingest", "--db", str(db), str(tmp / "minutes")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        reads, during = 0, 0
        while True:
            running = writer.poll() is None
            for args in (["search", "--db", str(db), "--limit", "500", "skole"],
                         ["show", "--db", str(db), "1"]):
                run = subprocess.run([referat, *args], capture_output=True, text=True)
                reads += 1
                if run.returncode != 0 or run.stderr:
                    fail(f"`referat {' '.join(args)}` during an ingest: "
                         f"exit {run.returncode}, {run.stderr.strip()}")
            if not running:
                break
            during += 1
        if writer.wait() != 0:
            fail(f"the ingest failed beside the readers: {writer.stderr.read().strip()}")
        if during < 5:
            fail(f"only {during} rounds of reads ran during the ingest: no real test")
        print(f"{reads} reads, {2 * during} of them during an ingest of {len(files)} files; "
              "none failed")


def main():
    if len(sys.argv) < 4 or sys.argv[3] not in ("kill", "readers"):
        print(__doc__)
        sys.exit(2)
    referat, source_dir, mode = sys.argv[1:4]
    if mode == "kill":
        kill_test(referat, source_dir, int(sys.argv[4]) if len(sys.argv) > 4 else 50)
    else:
        readers_test(referat, source_dir)


if __name__ == "__main__":
    main()
