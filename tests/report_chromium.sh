#!/usr/bin/env bash
# Renders the quarterly HTML report of the shipped corpus in headless Chromium and checks that the
# chart and the sections are there: in the DOM Chromium built, in the pixels of a screenshot (the
# bars are drawn), and in the text of its print (PDF) rendering.
#   report_chromium.sh REFERAT_BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium not installed (scripts/setup.sh installs it)" >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" ingest --db "$out/r.db" "$src/corpus/pdf" >/dev/null
"$bin" report --db "$out/r.db" --quarter 2020Q3 --format html --out "$out/report.html"
# Its own profile: a CI runner as root has no usable home profile, and no sandbox.
flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$out/profile" --window-size=1000,1400)
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$out/report.html" >"$out/dom.html" 2>/dev/null
timeout 120 "$browser" "${flags[@]}" --screenshot="$out/shot.png" "file://$out/report.html" >/dev/null 2>&1
timeout 120 "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/print.pdf" \
  "file://$out/report.html" >/dev/null 2>&1
pdftotext -layout "$out/print.pdf" "$out/print.txt"
python3 "$src/tests/check_report_render.py" "$out/dom.html" "$out/shot.png" "$out/print.txt"
