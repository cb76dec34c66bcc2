"""Checks a quarterly report as Chromium rendered it (see report_chromium.sh).

usage: check_report_render.py DOM.html SCREENSHOT.png PRINT.txt
"""
import re
import struct
import sys
import zlib

BAR_COLOR = (0xE0, 0x7B, 0x39)  # August, the month of item 213 (report_render.cpp kMonthColors)


def png_pixels(path):
    """Decodes an 8-bit RGB(A) non-interlaced PNG (what Chromium writes) into rows of pixels."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6), f"unexpected PNG format {depth}/{color}"
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        prev = line
    return width, channels, rows


def main(dom_path, png_path, print_path):
    dom = open(dom_path, encoding="utf-8").read()
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    check(re.search(r'<figure id="chart">\s*<svg', dom), "chart figure with inline SVG")
    bars = re.findall(r'<rect class="bar"[^>]*height="([\d.]+)"', dom)
    check(len(bars) == 30, f"30 bars (10 themes x 3 months), found {len(bars)}")
    check(sum(float(h) > 0 for h in bars) == 10, "one non-empty bar per theme (August)")
    for n in range(1, 11):
        section = re.search(rf'<section class="theme" id="theme-udviklingsplan-2-{n}">(.*?)</section>',
                            dom, re.S)
        check(section and "pkt. 213" in section.group(1), f"theme {n} section lists item 213")
    open_rows = re.findall(r'<h4 class="open">Open</h4>(.*?)</table>', dom, re.S)
    check(any("implementeringsplan" in rows for rows in open_rows),
          "the implementation-plan promise is listed as open")
    check(re.search(r'<section id="absences">.*Steen S\. Hansen', dom, re.S), "absences section")
    check("<script" not in dom, "no scripts")

    width, channels, rows = png_pixels(png_path)
    bar_pixels = sum(
        1 for row in rows for x in range(width)
        if tuple(row[x * channels:x * channels + 3]) == BAR_COLOR)
    check(bar_pixels > 500, f"bars drawn in the screenshot ({bar_pixels} pixels of the bar color)")

    printed = open(print_path, encoding="utf-8").read()
    for text in ("Opfølgning 2020Q3", "Governance for udviklingsplanen",
                 "Budgetmæssige forudsætninger", "Absences", "implementeringsplan"):
        check(text in printed, f"printed page shows {text!r}")

    for f in failures:
        print("FAILED:", f)
    print(f"{len(failures)} failures; {len(bars)} bars, {bar_pixels} bar pixels")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
