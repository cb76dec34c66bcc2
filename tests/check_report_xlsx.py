"""Reads the quarterly report's workbook with the standard library (zip + XML) and checks it against
the JSON report of the same quarter: one sheet per table, the header and a row for every decision,
open case, theme and absence, in Danish, with no formulas.

usage: check_report_xlsx.py REPORT.xlsx REPORT.json
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]


def danish(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d}. {MONTHS[m - 1]} {y}"


def column(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_workbook(path):
    """{sheet name: rows of cell texts}, sheets in workbook order, and the count of formulas."""
    z = zipfile.ZipFile(path)
    strings = [
        "".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    rels = {r.get("Id"): r.get("Target")
            for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")).findall("rel:Relationship", NS)}
    sheets, formulas = {}, 0
    for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
        target = rels[s.get(f"{{{NS['r']}}}id")]
        rows = []
        for row in ET.fromstring(z.read("xl/" + target)).iter(f"{{{NS['m']}}}row"):
            cells = {}
            for c in row.findall("m:c", NS):
                formulas += c.find("m:f", NS) is not None
                v = c.find("m:v", NS)
                text = "" if v is None else v.text
                if c.get("t") == "s":
                    text = strings[int(text)]
                cells[column(c.get("r"))] = text
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
        sheets[s.get("name")] = rows
    return sheets, formulas


def main(xlsx_path, json_path):
    sheets, formulas = read_workbook(xlsx_path)
    report = json.load(open(json_path, encoding="utf-8"))
    failures = []

    def check(ok, what):
        if not ok:
            failures.append(what)

    check(list(sheets) == ["Oversigt", "Temaer", "Beslutninger", "Åbne sager", "Ændringer",
                           "Milepæle", "Fravær"], f"one sheet per table: {list(sheets)}")
    check(formulas == 0, f"no formulas ({formulas})")
    check(sheets["Oversigt"][0][0].startswith("Opfølgning 3. kvartal 2020"), "title in Danish")

    themes = sheets["Temaer"]
    check(themes[0][:3] == ["Plan", "Tema", "Beslutninger i kvartalet"], f"theme header {themes[0]}")
    check(len(themes) - 1 == len(report["themes"]), "a row per theme")
    for row, t in zip(themes[1:], report["themes"]):
        check(row[1] == f"{t['theme']}. {t['name']}" and row[2] == str(t["decisions"])
              and row[4] == str(t["open"]), f"theme row {row[:5]}")

    decisions = sheets["Beslutninger"]
    check(decisions[0] == ["Dato", "Udvalg", "Pkt.", "Titel", "Sagsnr.", "Udfald", "Temaer",
                           "Beslutning"], f"decision header {decisions[0]}")
    check(len(decisions) - 1 == len(report["decisions"]) > 0, "each decision once")
    for row, d in zip(decisions[1:], report["decisions"]):
        check(row[0] == danish(d["date"]) and row[2] == str(d["number"])
              and row[5] == d["outcome"] and row[7].startswith(d["decision"][:40]),
              f"decision row {row[:6]}")
    check(any(r[5] == "anbefalet" for r in decisions[1:]), "outcome in Danish (anbefalet)")

    open_rows = sheets["Åbne sager"]
    check(len(open_rows) - 1 == len(report["open"]) > 0, "a row per open case")
    for row, c in zip(open_rows[1:], report["open"]):
        check(f"pkt. {c['item']['number']}:" in row[0] and row[2] == c["status"]
              and row[6] == ("ja" if c["overdue"] else "nej"), f"open row {row[:3]}")
    check(any("pkt. 196:" in r[0] and "afventer Økonomiudvalget" in r[2] for r in open_rows),
          "BUL 196 awaits ØU")

    absences = sheets["Fravær"]
    check(len(absences) - 1 == len(report["absences"]), "a row per member absent")
    for row, a in zip(absences[1:], report["absences"]):
        check(row[0] == a["name"] and row[2] == str(len(a["dates"])), f"absence row {row[:3]}")

    for f in failures:
        print("FAILED:", f)
    print(f"{len(failures)} failures; sheets {', '.join(f'{k} {len(v)}' for k, v in sheets.items())}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
