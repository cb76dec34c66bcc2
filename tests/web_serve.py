#!/usr/bin/env python3
"""`referat serve` over the shipped PDF minutes: every page's status and content over HTTP, hostile
parameters, the DOM headless Chromium builds of the search, item, case and theme pages, and
screenshots of the search, item and case pages into OUT_DIR (test artefacts, not checked).

    web_serve.py REFERAT_BINARY SOURCE_DIR OUT_DIR

The server is started on a port the kernel picks (--port 0, the URL read from its first line) and
is stopped at the end, also when a check fails."""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

binary, source, out_dir = sys.argv[1:4]
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    sys.exit("chromium not installed (scripts/test.sh installs it)")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def get(base, path):
    """(status, headers, body as text) of GET path; errors are answers too."""
    try:
        with urllib.request.urlopen(base + path, timeout=20) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def text(body):
    return body.decode("utf-8")


def dom(base, path, tmp):
    """The DOM headless Chromium builds for the page."""
    r = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--user-data-dir=" + os.path.join(tmp, "profile"), "--dump-dom",
                        base + path], capture_output=True, timeout=120)
    return r.stdout.decode("utf-8")


def screenshot(base, path, png, tmp):
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                    "--user-data-dir=" + os.path.join(tmp, "profile"), "--hide-scrollbars",
                    "--window-size=1100,1500", "--screenshot=" + png, base + path],
                   capture_output=True, timeout=120)
    check(os.path.getsize(png) > 10000 if os.path.exists(png) else False, "screenshot " + png)


def first_link(html, pattern):
    m = re.search(pattern, html)
    return m.group(1).replace("&amp;", "&") if m else None


def run(tmp):
    db = os.path.join(tmp, "r.db")
    subprocess.run([binary, "ingest", "--quiet", "--db", db, os.path.join(source, "corpus", "pdf")],
                   check=True, stdout=subprocess.DEVNULL)
    before = hashlib.sha256(open(db, "rb").read()).hexdigest()
    log = open(os.path.join(tmp, "serve.out"), "w+")
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        base = None
        for _ in range(200):  # 10 s for the first line
            log.seek(0)
            m = re.search(r"http://(127\.0\.0\.1:\d+)/", log.read())
            if m:
                base = "http://" + m.group(1)
                break
            if server.poll() is not None:
                break
            time.sleep(0.05)
        if not base:
            log.seek(0)
            sys.exit("referat serve did not start: " + log.read())
        pages(base, tmp)
        check(server.poll() is None, "the server is still running after every request")
    finally:
        server.terminate()
        try:
            check(server.wait(timeout=10) == 0, "the server stops on SIGTERM with status 0")
        except subprocess.TimeoutExpired:
            server.kill()
            check(False, "the server stops on SIGTERM")
    check(hashlib.sha256(open(db, "rb").read()).hexdigest() == before,
          "the database file is unchanged (the server only reads)")


def pages(base, tmp):
    status, _, body = get(base, "/")
    check(status == 200 and 'role="search"' in text(body) and '<label for="q">' in text(body),
          "/ is the search form, with labels")

    # The search for Task Force in BUL: item 213 among the hits, the count, the marked words.
    search = "/?" + urllib.parse.urlencode({"q": "Task Force", "udvalg": "BUL"})
    page = dom(base, search, tmp)
    check("pkt. 213 Rapport fra socialstyrelsens taskforce" in page, "search shows pkt. 213")
    m = re.search(r"(\d+)–(\d+) af (\d+) punkt", page)
    hits = page.count('<li><h3><a href="/punkt?id=')
    check(m is not None and int(m.group(2)) - int(m.group(1)) + 1 == hits and
          int(m.group(3)) >= hits > 0, "search says how many of how many: " + str(m and m.group(0)))
    check(re.search(r"<mark>Task</mark>", page, re.I) is not None, "the match is marked")
    item = first_link(page, r'<a href="(/punkt\?id=\d+)">pkt\. 213 ')
    check(item is not None, "the hit of pkt. 213 links to its item page")
    screenshot(base, search, os.path.join(out_dir, "search.png"), tmp)

    # A search without a word but with a filter lists newest first, and pages.
    status, _, body = get(base, "/?fra=2000-01-01")
    listed = re.search(r"1–20 af (\d+) punkter, nyeste", text(body))
    check(status == 200 and listed and int(listed.group(1)) > 20 and 'rel="next"' in text(body),
          "a filter without a word: newest first, paged")
    status, _, body = get(base, "/?fra=2000-01-01&side=2")
    check(status == 200 and re.search(r"21–\d+ af", text(body)) and 'rel="prev"' in text(body),
          "the second page")

    # The item page of 213: sections, decision points, absences, quoted decisions, themes with
    # their evidence, the source with a link to its PDF page.
    status, _, body = get(base, item)
    page = text(body)
    for part in ["<h2>Resumé</h2>", "<h2>Indstilling</h2>", "<h2>Beslutning", "Beslutningens punkter",
                 "Jacob Panton-Kristiansen", "Direktionen (DIR), 17. august 2020, pkt. 2",
                 "<h2>Temaer</h2>", "Det i teksten, der gav point", "stevns_bul_2020-08-31.pdf, side 1"]:
        check(status == 200 and part in page, "item page has " + part)
    pdf = first_link(page, r'<a href="(/kilde\?id=\d+)#page=1">')
    check(pdf is not None, "item page links to the stored PDF's page")
    if pdf:
        status, headers, body = get(base, pdf)
        check(status == 200 and headers["Content-Type"] == "application/pdf" and
              body.startswith(b"%PDF"), "the stored PDF is served")
    screenshot(base, item, os.path.join(out_dir, "item-213.png"), tmp)

    # The case page of 213: its timeline with DIR 17/8 and BUL 18/8, and its state.
    case = first_link(page, r'<a href="(/sag\?id=\d+)">')
    check(case is not None, "item page links to its case")
    page = dom(base, case or "/sag", tmp)
    for part in ["DIR</abbr> 17/8 2020, pkt. 2", "BUL</abbr> 18/8 2020, pkt. 204",
                 "BUL</abbr> 31/8 2020, pkt. 213", "afventer <abbr title=\"Økonomiudvalget\">ØU</abbr> og "
                 "<abbr title=\"Kommunalbestyrelsen\">KB</abbr>", "implementeringsplan"]:
        check(part in page, "case page has " + part)
    screenshot(base, case or "/sag", os.path.join(out_dir, "case-213.png"), tmp)
    status, _, body = get(base, "/sag?sagsnr=17/6488")
    check(status == 200 and "Sagsforløb" in text(body), "a case by its Sagsnr.")

    # Browsing: committees → meetings by year → a meeting's agenda and attendance.
    status, _, body = get(base, "/udvalg")
    committee = first_link(text(body), r'<a href="(/udvalg\?navn=B%C3%B8rn[^"]*)">')
    check(status == 200 and committee, "the committees link to their meetings")
    status, _, body = get(base, committee or "/udvalg")
    check(status == 200 and "<h2>2020</h2>" in text(body), "a committee's meetings by year")
    meeting = first_link(text(body), r'<a href="(/moede\?id=\d+)">31\. august 2020</a>')
    status, _, body = get(base, meeting or "/moede")
    page = text(body)
    check(status == 200 and "<h2>Dagsorden</h2>" in page and page.count('<tr><td class="n">') == 5
          and "Jacob Panton-Kristiansen" in page, "the meeting of 31 August: 5 items, absences")

    # Themes: the dashboard and theme 4, whose decisions of 2020Q3 include 213.
    status, _, body = get(base, "/temaer")
    check(status == 200 and text(body).count('<a href="/tema?nr=') == 10, "ten themes")
    page = dom(base, "/tema?nr=4", tmp)
    check("Tema 4: Fortsat implementering af arbejdsgange fra Task Force-forløbet" in page and
          "Beslutninger i 2020Q3" in page and "pkt. 213 Rapport" in page, "theme 4's page")

    # Absences of a person over time, and the quarterly report with its downloads.
    status, _, body = get(base, "/person?navn=" + urllib.parse.quote("Steen S. Hansen"))
    check(status == 200 and "18. august 2020" in text(body), "a person's absences")
    status, _, body = get(base, "/rapport?kvartal=2020Q3&udvalg=BUL")
    check(status == 200 and "format=csv" in text(body), "the report page links its formats")
    status, headers, body = get(base, "/rapport/hent?kvartal=2020Q3&udvalg=BUL&format=csv")
    check(status == 200 and headers["Content-Type"].startswith("text/csv") and
          "attachment" in headers.get("Content-Disposition", ""), "the report as CSV")
    status, headers, body = get(base, "/rapport/hent?kvartal=2020Q3&format=html")
    check(status == 200 and b"<svg" in body, "the report as a page")

    # Hostile parameters: escaped, 400 or 404, never a crash.
    hostile = "/?" + urllib.parse.urlencode({"q": "<script>alert(1)</script>", "fravaer": '"><b>x'})
    status, _, body = get(base, hostile)
    check("<script>alert" not in text(body) and "&lt;script&gt;alert(1)&lt;/script&gt;" in text(body)
          and "&quot;&gt;&lt;b&gt;x" in text(body), "the query comes back escaped")
    page = dom(base, hostile, tmp)
    check("<script" not in page, "no script element in the DOM")
    for path, expected in [("/punkt?id=abc", 400), ("/punkt?id=99999", 404), ("/punkt", 400),
                           ("/punkt?id=-1", 400), ("/punkt?id=99999999999999999999", 400),
                           ("/sag?id=abc", 400), ("/sag?id=99999", 404),
                           ("/sag?sagsnr=99/99999", 404), ("/moede?id=abc", 400),
                           ("/moede?id=99999", 404), ("/kilde?id=99999", 404),
                           ("/tema?nr=abc", 400), ("/tema?nr=99", 404),
                           ("/tema?nr=4&kvartal=2020Q5", 400), ("/person?navn=Ingen+Ingensen", 404),
                           ("/udvalg?navn=Findes+ikke", 404), ("/?q=x&side=0", 400),
                           ("/?q=x&fra=2020-02-31", 400), ("/?q=x&udfald=nonsens", 400),
                           ("/?q=x&tema=99", 400), ("/?q=x&udvalg=XYZ", 400),
                           ("/?q=x&afsnit=body", 400), ("/?q=%FF", 400), ("/?q=%22unclosed", 400),
                           ("/rapport?kvartal=2020Q9", 400),
                           ("/rapport/hent?kvartal=2020Q3&format=exe", 400), ("/nope", 404),
                           ("/../etc/passwd", 404)]:
        status, _, body = get(base, path)
        check(status == expected and "<h1>" in text(body),
              f"{path} gives {expected} (got {status})")


os.makedirs(out_dir, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    run(tmp)
if failures:
    sys.exit(f"{len(failures)} checks failed")
print("web_serve: all checks passed; screenshots in", out_dir)
