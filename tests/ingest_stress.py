#!/usr/bin/env python3
"""`referat ingest` under stress, driving the real binary on a folder of generated minutes.

  ingest_stress.py REFERAT SOURCE_DIR kill [KILLS]
      SIGKILLs the ingest at random moments (200 times unless KILLS says otherwise), with other
      faults among the runs: a full disk (RLIMIT_FSIZE, so that writes past a random size fail)
      and a second ingest writing other files into the same database at the same time. After
      each run: PRAGMA integrity_check is ok, the FTS index and foreign keys are consistent, every
      file is stored whole (its row counts equal those of an undisturbed ingest) or not at all;
      without a full disk, what is stored of the killed ingest's files is exactly what the files
      before some point in the ingest order give (a replacement is never half done), and the
      second ingest completes; with one, every file the output says is stored is, every file it
      says failed is not, and an ingest that was not killed holds exactly what its lines say,
      with exit code 1 when a file failed. Killed runs resume on the same database; every few
      kills, or when all is stored, a re-run must complete the rest and the database starts anew.
  ingest_stress.py REFERAT SOURCE_DIR readers
      Runs `referat search` and `referat show` in a loop while an ingest writes; none may fail
      (no "database is locked" reaching the user), and the ingest must not fail either.

The minutes are the three shipped text exports with their year changed (one meeting per file),
plus a corrected second version of some, which replaces the first.
"""
import hashlib
import os
import random
import resource
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


def prefix_states(files, by_file, before=frozenset()):
    """The set of stored hashes after each prefix of the ingest order (one per file count), for
    an ingest that starts with the files of `before` stored."""
    state = {by_file[f][1][:3]: by_file[f][0] for f in files if by_file[f][0] in before}
    states = [frozenset(state.values())]
    for f in files:
        h, row = by_file[f]
        state[row[:3]] = h  # municipality, committee, date: a later version replaces
        states.append(frozenset(state.values()))
    return states


def check_database(referat, db, by_hash):
    """The checks after any run: the file is whole and so is every meeting. Returns the stored
    hashes."""
    if not Path(db).exists():
        return frozenset()  # killed before the file was created
    con = sqlite3.connect(db)
    try:
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            fail("integrity_check is not ok")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meetings" not in tables:
            if tables:
                fail(f"half a schema: {sorted(tables)}")
            return frozenset()
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
    return frozenset(rows)


def reported(out, err):
    """What each file's line said: file → stored, replaced, unchanged or failed."""
    said = {}
    for line in out.splitlines():
        for what in ("stored", "replaced", "unchanged"):
            if f": {what} (" in line:
                said[line.split(f": {what} (")[0]] = what
    for line in err.splitlines():
        if ": database error: " in line:
            said[line.split(": database error: ")[0]] = "failed"
    return said


def check_lines(files, by_file, before, stored, said, completed, stopped):
    """A run under a full disk: the database agrees with what the run printed. `stopped`: the
    run stopped with a line about the database (it may not even open it), and stored no more."""
    for f in files:
        h, row = by_file[f]
        if said.get(f) == "failed" and h in stored:
            fail(f"{f} reported failed, but stored")
        # Stored, unless a later version of the same meeting replaced it.
        later = {by_file[g][0] for g in files if g > f and by_file[g][1][:3] == row[:3]}
        if said.get(f) in ("stored", "replaced", "unchanged") and h not in stored and \
                not later & stored:
            fail(f"{f} reported {said[f]}, but not stored")
    if completed:
        # Every line was printed: the state is the one before with the reported files applied.
        state = {by_file[f][1][:3]: by_file[f][0] for f in files if by_file[f][0] in before}
        for f in files:
            if said.get(f) in ("stored", "replaced"):
                state[by_file[f][1][:3]] = by_file[f][0]
            elif said.get(f) is None and not stopped:
                fail(f"{f}: no line")
        if frozenset(state.values()) != stored & frozenset(by_file[f][0] for f in files):
            fail("what is stored is not what the lines of the ingest say")


def kill_test(referat, source_dir, kills):
    with tempfile.TemporaryDirectory(prefix="referat-kill-") as tmp:
        tmp = Path(tmp)
        files = make_minutes(source_dir, tmp / "all", range(1900, 1960))
        # The ingest that is killed stores the shortest minutes (5 items) of 60 years and the
        # corrected second versions: 80 files, about 0.4 s (2 s under AddressSanitizer), in
        # several write transactions (the writer reads 32 files ahead, then stores them). The
        # second writer stores a few of the longer ones.
        work, other = tmp / "work", tmp / "other"
        work.mkdir()
        other.mkdir()
        for f in files:
            if "_stevns_b" in f:
                os.link(f, work / Path(f).name)
        for f in [f for f in files if "_lejre" in f][:8]:
            os.link(f, other / Path(f).name)
        work_files = sorted(str(p) for p in work.iterdir())
        other_files = sorted(str(p) for p in other.iterdir())
        by_file = reference(referat, tmp, work_files + other_files)
        by_hash = {h: row for h, row in by_file.values()}
        work_hashes = frozenset(by_file[f][0] for f in work_files)
        states = prefix_states(work_files, by_file)
        other_all = prefix_states(other_files, by_file)[-1]
        db = tmp / "killed.db"
        started = time.monotonic()
        ingest(referat, db, work)
        run_time = time.monotonic() - started
        remove_db(db)

        rng = random.Random(int(os.environ.get("REFERAT_KILL_SEED", "20240607")))
        landed, partial, iterations, resumed, full_failed = 0, 0, 0, 0, 0
        faults = {"kill": 0, "full": 0, "writer": 0}
        stored = frozenset()
        while landed < kills:
            iterations += 1
            if iterations > 4 * kills:
                fail(f"only {landed} of {iterations} kills landed while ingest ran")
            fault = rng.choices(["kill", "full", "writer"], weights=[6, 2, 2])[0]
            # The disk fills up a little beyond what the files hold now.
            sizes = [Path(str(db) + suffix).stat().st_size for suffix in ("", "-wal")
                     if Path(str(db) + suffix).exists()]
            limit = max(sizes, default=0) + rng.randint(64 << 10, 1 << 20)

            def full_disk():
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a signal
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

            proc = subprocess.Popen([referat, "ingest", "--db", str(db), str(work)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    preexec_fn=full_disk if fault == "full" else None)
            writer = subprocess.Popen([referat, "ingest", "--db", str(db), str(other)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True) if fault == "writer" else None
            # The part still to store takes a share of the run time.
            todo = 1 - len(stored & work_hashes) / len(states[-1])
            # A full disk gets time to fill up before the kill.
            time.sleep(rng.uniform(0.3 if fault == "full" else 0, 1) * run_time * max(todo, 0.2))
            killed = proc.poll() is None
            if killed:
                proc.send_signal(signal.SIGKILL)
                landed += 1
                faults[fault] += 1
            out, err = proc.communicate()
            if writer:
                w_out, w_err = writer.communicate()
                if writer.returncode != 0 or "0 failed" not in w_out:
                    fail(f"the second writer failed: {w_out.strip()[-200:]} {w_err.strip()}")
            before = stored
            stored = check_database(referat, db, by_hash)
            if fault == "full":
                said = reported(out, err)
                stopped = any(line.startswith(f"{db}: ") for line in err.splitlines())
                check_lines(work_files, by_file, before, stored, said, not killed, stopped)
                full_failed += "failed" in said.values() or stopped
                if not killed and (proc.returncode != 0) != ("failed" in said.values() or stopped):
                    fail(f"exit code {proc.returncode} with lines {sorted(set(said.values()))}")
            else:
                if stored & work_hashes not in prefix_states(work_files, by_file, before):
                    fail("what is stored is no state of the ingest (a replacement half done?)")
                if not killed and proc.returncode != 0:
                    fail(f"the ingest failed: {out.strip()[-200:]} {err.strip()}")
            if writer and not other_all <= stored:
                fail("the second writer's files are not all stored")
            if 0 < len(stored & work_hashes) < len(states[-1]):
                partial += 1
            # Resume on the same database a few times, then complete and start anew.
            if stored & work_hashes == states[-1] or landed % 4 == 0:
                rerun = ingest(referat, db, work)
                if "0 failed" not in rerun.stdout:
                    fail(f"the re-run failed: {rerun.stdout.strip()} {rerun.stderr.strip()}")
                if check_database(referat, db, by_hash) & work_hashes != states[-1]:
                    fail("the re-run did not complete the ingest")
                remove_db(db)
                stored = frozenset()
            else:
                resumed += 1
        print(f"{landed} kills of an ingest of {len(work_files)} files ({run_time:.2f} s) in "
              f"{iterations} runs: {faults['kill']} plain, {faults['full']} with a full disk "
              f"({full_failed} of them failed files or stopped), "
              f"{faults['writer']} beside a second writer; {partial} left some files stored, "
              f"{resumed} resumed by the next run; every check passed")


def readers_test(referat, source_dir):
    # The readers must overlap the ingest: on a loaded machine a small ingest can end before five
    # rounds of reads, so a run that overlapped too little is repeated with more files.
    for first, years in ((1900, 40), (2000, 160), (2200, 640)):
        with tempfile.TemporaryDirectory(prefix="referat-readers-") as tmp:
            tmp = Path(tmp)
            files = make_minutes(source_dir, tmp / "minutes", range(first, first + years))
            db = tmp / "referat.db"
            ingest(referat, db, files[0])
            writer = subprocess.Popen([referat, "ingest", "--db", str(db), str(tmp / "minutes")],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      text=True)
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
            if during >= 5:
                print(f"{reads} reads, {2 * during} of them during an ingest of {len(files)} "
                      "files; none failed")
                return
    fail(f"only {during} rounds of reads ran during an ingest of {len(files)} files: no real test")


def main():
    if len(sys.argv) < 4 or sys.argv[3] not in ("kill", "readers"):
        print(__doc__)
        sys.exit(2)
    referat, source_dir, mode = sys.argv[1:4]
    if mode == "kill":
        kill_test(referat, source_dir, int(sys.argv[4]) if len(sys.argv) > 4 else 200)
    else:
        readers_test(referat, source_dir)


if __name__ == "__main__":
    main()
