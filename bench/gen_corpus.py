#!/usr/bin/env python3
"""Writes a synthetic national corpus of text minutes: 98 municipalities, 25 committees each,
a span of years, about --items agenda items in all, one file per meeting under OUT/<municipality>/.
Stevns minutes (Børn, Unge og Læring above all) draw often on Udviklingsplan 2 vocabulary so theme
links exist; elsewhere it is rare. Prints a JSON summary (files, items, bytes) on stdout.

    bench/gen_corpus.py --out DIR [--items N] [--years 2005-2024] [--seed S] [--jobs J]
"""

import argparse
import json
import multiprocessing
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import minutes as M  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ITEMS_PER_MEETING = (4, 16)  # agenda approval included; mean 10


# Stevns bodies that follow up Udviklingsplan 2.
FOLLOW_UP = ("Børn, Unge og Læring", "Direktionen", "Økonomiudvalget", "Kommunalbestyrelsen")


def committees_of(municipality):
    if municipality == "Stevns":
        return M.STEVNS_COMMITTEES + M.COMMITTEES[:17]
    if municipality == "Lejre":
        return M.LEJRE_COMMITTEES + M.COMMITTEES[:20]
    return M.COMMITTEES


def theme_rate(municipality, committee, year):
    if municipality != "Stevns":
        return 0.003
    if year < 2018:
        return 0.02
    if committee == "Børn, Unge og Læring":
        return 0.35
    return 0.12 if committee in FOLLOW_UP else 0.02


def generate(task):
    index, municipality, out, years, meetings_per_year, seed = task
    rng = random.Random("%s/%d" % (seed, index))
    pool = M.SentencePool(REPO)
    folder = Path(out) / M.slug(municipality)
    folder.mkdir(parents=True, exist_ok=True)
    files = items = size = 0
    for committee in committees_of(municipality):
        for year in years:
            # The bodies that follow up Udviklingsplan 2 meet monthly, as real ones do, so a
            # quarter's report has meetings to cover; elsewhere the count keeps the item total.
            count = 10 if municipality == "Stevns" and committee in FOLLOW_UP else \
                int(meetings_per_year) + (rng.random() < meetings_per_year % 1)
            months = sorted(rng.sample(range(1, 13), min(count, 12)))
            number = 1
            for month in months:
                date = (year, month, rng.randint(1, 28))
                n_items = rng.randint(*ITEMS_PER_MEETING)
                meeting = M.make_meeting(rng, pool, municipality, committee, date, number, n_items,
                                         theme_rate(municipality, committee, year))
                number += n_items
                data = M.render_text(meeting).encode("utf-8")
                path = folder / ("%s_%04d-%02d-%02d.txt" % (M.slug(committee), *date))
                path.write_bytes(data)
                files += 1
                items += n_items
                size += len(data)
    return files, items, size


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--items", type=int, default=1_000_000)
    ap.add_argument("--years", default="2005-2024")
    ap.add_argument("--municipalities", type=int, default=98)
    ap.add_argument("--seed", default="referat-bench")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    first, last = (int(y) for y in args.years.split("-"))
    years = list(range(first, last + 1))
    municipalities = M.MUNICIPALITIES[:args.municipalities]
    if "Stevns" not in municipalities:
        municipalities[-1] = "Stevns"
    per_meeting = sum(ITEMS_PER_MEETING) / 2
    monthly = len(FOLLOW_UP) * len(years) if "Stevns" in municipalities else 0
    slots = sum(len(committees_of(m)) for m in municipalities) * len(years) - monthly
    meetings_per_year = max(0, args.items - monthly * 10 * per_meeting) / (slots * per_meeting)
    tasks = [(i, m, args.out, years, meetings_per_year, args.seed)
             for i, m in enumerate(municipalities)]
    with multiprocessing.Pool(args.jobs) as workers:
        results = workers.map(generate, tasks, chunksize=1)
    files, items, size = (sum(r[i] for r in results) for i in range(3))
    json.dump({"files": files, "items": items, "bytes": size, "municipalities": len(municipalities),
               "years": "%d-%d" % (first, last)}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
