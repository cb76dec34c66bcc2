#!/usr/bin/env python3
"""Writes referat PDFs: synthetic minutes (bench/minutes.py) laid out as A4 text pages in the
standard Type1 fonts Helvetica and Helvetica-Bold with WinAnsiEncoding (which has æøåÆØÅ, •, –
and …), a running header and a "Side N af M" footer on every page, Flate-compressed content
streams. No PDF library: the file is written object by object with its cross-reference table.

    bench/gen_pdf.py --out DIR [--pages N] [--seed S]      several minutes, N pages in all
    bench/gen_pdf.py --single FILE --pages N [--seed S]    one set of minutes of N pages

Prints a JSON summary on stdout: files, pages, items, bytes, and with --out the item numbers
of each file (for checking what referat extracts).
"""

import argparse
import json
import random
import sys
import textwrap
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import minutes as M  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 595, 842  # A4 in points
LEFT, TOP, BOTTOM = 62, 780, 70
BODY_SIZE, LEADING = 10, 13
WRAP = 92  # characters per body line in 10 pt Helvetica across the text block

# A laid-out line: (font, size, extra space before it in points, text).
HEAD, BODY = "F2", "F1"


def layout_lines(meeting):
    """The minutes as typeset lines: a front page block, then each item with its sections."""
    y, m, d = meeting.date
    lines = [(HEAD, 16, 0, "Referat"), (HEAD, 13, 8, meeting.committee),
             (BODY, BODY_SIZE, 6, meeting.municipality + " Kommune"),
             (BODY, BODY_SIZE, 0, "Mødedato: %s den %s" % (M.weekday(y, m, d),
                                                           meeting.date_words()))]
    if meeting.absent:
        lines.append((BODY, BODY_SIZE, 6, "Afbud: " + ", ".join(meeting.absent)))
    for item in meeting.items:
        lines.append((HEAD, 12, 16, "%d. %s" % (item.number, item.title)))
        if item.case_number:
            lines.append((BODY, BODY_SIZE, 4, "Sagsnr.: " + item.case_number))
        for s in item.sections:
            lines.append((HEAD, BODY_SIZE, 9, s.heading))
            for p in s.paragraphs:
                for k, text in enumerate(textwrap.wrap(p, WRAP) or [""]):
                    lines.append((BODY, BODY_SIZE, 5 if k == 0 else 0, text))
    return lines


def paginate(lines):
    pages, page, room = [], [], TOP - BOTTOM
    for line in lines:
        need = line[2] + line[1] + 3
        if page and need > room:
            pages.append(page)
            page, room = [], TOP - BOTTOM
        page.append(line)
        room -= need
    if page:
        pages.append(page)
    return pages


def pdf_string(text):
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def page_content(page, header, number, count):
    ops = [b"BT", b"/F1 8 Tf", b"%d %d Td" % (LEFT, HEIGHT - 40), pdf_string(header) + b" Tj",
           b"ET", b"BT"]
    y = TOP
    x_prev, y_prev = 0, 0
    for font, size, before, text in page:
        y -= before + size + 3
        ops.append(b"/%s %d Tf" % (font.encode(), size))
        ops.append(b"%d %d Td" % (LEFT - x_prev, y - y_prev))
        x_prev, y_prev = LEFT, y
        ops.append(pdf_string(text) + b" Tj")
    ops += [b"ET", b"BT", b"/F1 8 Tf", b"%d %d Td" % (WIDTH - 130, 40),
            pdf_string("Side %d af %d" % (number, count)) + b" Tj", b"ET"]
    return zlib.compress(b"\n".join(ops))


def write_pdf(path, meeting):
    pages = paginate(layout_lines(meeting))
    header = "%s Kommune - %s - %s" % (meeting.municipality, meeting.committee,
                                       meeting.date_numeric())
    objects = {}  # number -> bytes body
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects[4] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                  b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for i, page in enumerate(pages):
        page_obj, content_obj = 6 + 2 * i, 7 + 2 * i
        stream = page_content(page, header, i + 1, len(pages))
        objects[content_obj] = (b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
                                + stream + b"\nendstream")
        objects[page_obj] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
                             b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
                             % (WIDTH, HEIGHT, content_obj))
        kids.append(b"%d 0 R" % page_obj)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    objects[5] = (b"<< /Title " + pdf_string("Referat - %s - %s" % (meeting.committee,
                                                                   meeting.date_words()))
                  + b" /Author " + pdf_string(meeting.municipality + " Kommune")
                  + b" /Producer (referat bench/gen_pdf.py) >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    Path(path).write_bytes(out)
    return len(pages), len(out)


def meeting_for_pages(rng, pool, pages, municipality, committee, date, first_number):
    """A meeting sized to about `pages` pages (about 0.8 items per page)."""
    items = max(2, round(pages * 0.8))
    while True:
        meeting = M.make_meeting(rng, pool, municipality, committee, date, first_number, items,
                                 theme_rate=0.3 if municipality == "Stevns" else 0.01)
        n = len(paginate(layout_lines(meeting)))
        if abs(n - pages) <= max(1, pages // 50):
            return meeting
        items = max(2, round(items * pages / n)) if n != pages else items


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", help="folder for several minutes")
    ap.add_argument("--single", help="one PDF of --pages pages")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--seed", default="referat-bench-pdf")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = M.SentencePool(REPO)
    if args.single:
        meeting = meeting_for_pages(rng, pool, args.pages, "Stevns", "Børn, Unge og Læring",
                                    (2021, 3, 15), 1)
        pages, size = write_pdf(args.single, meeting)
        json.dump({"files": 1, "pages": pages, "items": len(meeting.items), "bytes": size},
                  sys.stdout)
        print()
        return
    if not args.out:
        ap.error("--out or --single is needed")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files = pages = items = size = 0
    numbers = {}
    while pages < args.pages:
        municipality = rng.choice(M.MUNICIPALITIES)
        committee = rng.choice(M.STEVNS_COMMITTEES if municipality == "Stevns" else
                               M.LEJRE_COMMITTEES if municipality == "Lejre" else M.COMMITTEES)
        date = (rng.randint(2008, 2024), rng.randint(1, 12), rng.randint(1, 28))
        name = "%s_%s_%04d-%02d-%02d.pdf" % (M.slug(municipality), M.slug(committee), *date)
        if (out / name).exists():
            continue
        # Real minutes run from a handful of pages to a few dozen.
        want = min(rng.choice((4, 6, 8, 10, 12, 16, 20, 30)), max(2, args.pages - pages))
        meeting = meeting_for_pages(rng, pool, want, municipality, committee, date,
                                    rng.randint(1, 300))
        n, b = write_pdf(out / name, meeting)
        files, pages, items, size = files + 1, pages + n, items + len(meeting.items), size + b
        numbers[name] = [item.number for item in meeting.items]
    json.dump({"files": files, "pages": pages, "items": items, "bytes": size,
               "item_numbers": numbers}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
