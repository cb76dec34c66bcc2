#!/usr/bin/env bash
# Renders the quarterly HTML report of the shipped BUL quarter (2020Q3) in headless Chromium and
# checks it as a committee gets it: in the DOM Chromium built (Danish labels, each item once, the
# theme names in the chart's SVG text, A4 @page), in the pixels of a screenshot (the bars are
# drawn), and in its print: the PDF's page size and count (pdfinfo) and text (pdftotext).
#   report_chromium.sh REFERAT_BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium not installed (scripts/test.sh installs it)" >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" ingest --db "$out/r.db" "$src/corpus/pdf" >/dev/null
"$bin" report --db "$out/r.db" --quarter 2020Q3 --committee BUL --format html --out "$out/report.html"
# Its own profile: a CI runner as root has no usable home profile, and no sandbox.
flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$out/profile" --window-size=1000,1400)
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$out/report.html" >"$out/dom.html" 2>/dev/null
timeout 120 "$browser" "${flags[@]}" --screenshot="$out/shot.png" "file://$out/report.html" >/dev/null 2>&1
timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/print.pdf" \
  "file://$out/report.html" >/dev/null 2>&1
pdftotext -layout "$out/print.pdf" "$out/print.txt"
pdfinfo "$out/print.pdf" >"$out/print.info"
python3 "$src/tests/check_report_render.py" "$out/dom.html" "$out/shot.png" "$out/print.txt" \
  "$out/print.info" "$src/patterns/themes/udviklingsplan-2.theme"
