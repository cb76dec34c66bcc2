#!/usr/bin/env bash
# The quarterly report's workbook for the shipped BUL quarter, read back with python3's zipfile and
# XML parser and compared with the JSON report of the same quarter (check_report_xlsx.py).
#   report_xlsx.sh REFERAT_BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" ingest --db "$out/r.db" "$src/corpus/pdf" >/dev/null
"$bin" report --db "$out/r.db" --quarter 2020Q3 --committee BUL --format xlsx --out "$out/r.xlsx"
"$bin" report --db "$out/r.db" --quarter 2020Q3 --committee BUL --format json --out "$out/r.json"
# Into a pipe, the workbook's bytes are the same file.
"$bin" report --db "$out/r.db" --quarter 2020Q3 --committee BUL --format xlsx | cat >"$out/pipe.xlsx"
python3 "$src/tests/check_report_xlsx.py" "$out/pipe.xlsx" "$out/r.json" >/dev/null
python3 "$src/tests/check_report_xlsx.py" "$out/r.xlsx" "$out/r.json"
