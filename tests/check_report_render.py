"""Checks a quarterly report as Chromium rendered it (see report_chromium.sh).

usage: check_report_render.py DOM.html SCREENSHOT.png PRINT.txt PRINT.info THEMES.theme
"""
import html
import re
import struct
import sys
import zlib

BAR_COLOR = (0x77, 0x77, 0x77)  # August, the month of item 213 (report_render.cpp kMonthFills)


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


def theme_names(path):
    """The themes of a theme file, "N. name", as the report names them."""
    names = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"theme (\d+) (.+)", line.strip())
        if m:
            names.append(f"{m.group(1)}. {m.group(2)}")
    return names


def main(dom_path, png_path, print_path, info_path, theme_path):
    dom = open(dom_path, encoding="utf-8").read()
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    # Danish, and none of the English labels of old.
    check('<html lang="da">' in dom, "the page says it is Danish")
    for label in ("Status pr. tema", "Åbne sager ved kvartalets udgang", "Ændringer siden",
                  "Kvartalets beslutninger om planens temaer", "Fravær", "Udfald:</b> anbefalet"):
        check(label in dom, f"Danish label {label!r}")
    visible = re.sub(r"<style>.*?</style>|<[^>]+>", " ", dom, flags=re.S)
    for english in ("Decisions", "Why open", "recommended", "Absences", "Outcome"):
        check(english not in visible, f"no English label {english!r}")
    check(not re.search(r"\b\d{4}-\d{2}-\d{2}\b", visible), "no ISO dates in the text")
    check("31. august 2020" in visible, "dates written as 31. august 2020")
    check(not re.search(r"\bid \d+", visible), "no internal ids")

    # Each item once: item 213's decision is printed one time, under the decisions.
    decision = "Drøftet og anbefales taget til efterretning"
    check(visible.count(decision) == 1, f"item 213's decision once, found {visible.count(decision)}")
    check(len(re.findall(r"<article class=\"item\">", dom)) == 1, "one decision article")

    # Open cases that link to no theme are there: BUL 196 and 214 await ØU/KB.
    open_section = re.search(r'<section id="open">(.*?)</section>', dom, re.S)
    open_rows = open_section.group(1) if open_section else ""
    for n in (196, 214):
        row = re.search(rf"<tr[^>]*><td>[^<]*pkt\. {n}:.*?</tr>", open_rows, re.S)
        check(row and "afventer Økonomiudvalget" in row.group(0), f"open case pkt. {n} awaits ØU")

    # The chart names the themes in its SVG text (a wrapped name is two consecutive lines).
    svg = re.search(r'<figure id="chart">\s*(<svg.*?</svg>)', dom, re.S)
    check(svg, "chart figure with inline SVG")
    labels = [html.unescape(t) for t in re.findall(
        r'<text class="theme-name"[^>]*>([^<]*)</text>', svg.group(1) if svg else "")]
    joined = " | ".join(labels)
    for name in theme_names(theme_path):
        words = name.split(" ")
        found = any(" ".join(labels[i:i + k]) == name for k in (1, 2) for i in range(len(labels)))
        check(found, f"theme {words[0]} named in the chart ({name!r} in {joined!r})")
    for month in ("juli 2020", "august 2020", "september 2020"):
        check(re.search(rf'<text class="legend"[^>]*>{month}</text>', svg.group(1) if svg else ""),
              f"legend names {month}")
    check("<title>" not in (svg.group(1) if svg else "").split("</title>", 1)[-1],
          "no information only in tooltips")
    check(re.search(r"@page\s*{\s*size:\s*A4", dom), "A4 @page")
    check("<script" not in dom, "no scripts")

    width, channels, rows = png_pixels(png_path)
    bar_pixels = sum(
        1 for row in rows for x in range(width)
        if tuple(row[x * channels:x * channels + 3]) == BAR_COLOR)
    check(bar_pixels > 500, f"bars drawn in the screenshot ({bar_pixels} pixels of the bar color)")

    info = open(info_path, encoding="utf-8").read()
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    check(pages <= 4, f"printed on at most 4 pages, got {pages}")
    check(size and abs(float(size.group(1)) - 595.3) < 2 and abs(float(size.group(2)) - 841.9) < 2,
          f"printed on A4 ({size.group(0) if size else 'no size'})")
    printed = open(print_path, encoding="utf-8").read()
    first_page = printed.split("\f")[0]
    check(len(first_page.split()) > 100, "the first printed page is not mostly empty")
    for text in ("Opfølgning 3. kvartal 2020", "Governance for udviklingsplanen",
                 "Budgetmæssige forudsætninger", "Fravær", "implementeringsplan"):
        check(text in printed, f"printed page shows {text!r}")

    for f in failures:
        print("FAILED:", f)
    print(f"{len(failures)} failures; {pages} pages, {len(labels)} theme labels, "
          f"{bar_pixels} bar pixels")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
