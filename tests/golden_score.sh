#!/usr/bin/env bash
# Extracts the development minutes (text, PDF, or the scanned copy of the Lejre PDF, read by OCR)
# and scores them against the golden files.
#   golden_score.sh REFERAT_BINARY SOURCE_DIR txt|pdf|scanned MIN_OVERALL [MIN_FIELD]
# Fails when the overall score is below MIN_OVERALL or any field is below MIN_FIELD (txt, pdf).
set -euo pipefail
bin=$1 src=$2 kind=$3 min=$4 min_field=${5:-0}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ "$kind" = scanned ]; then
  gold=004_844ac50812757286.json
  "$bin" extract "$src/corpus/bad/lejre_bu_2017-06-07_scanned.pdf" >"$out/$gold"
  grep -q '"ocr": true' "$out/$gold" || { echo "the extraction does not say \"ocr\": true"; exit 1; }
  exec python3 "$src/tests/golden/score.py" --min "$min" "$src/tests/golden/$gold" "$out/$gold"
fi
dir=$kind
[ "$kind" = txt ] && dir=text
while read -r name gold; do
  "$bin" extract "$src/corpus/$dir/$name.$kind" >"$out/$gold"
done <<'MAP'
stevns_bul_2020-08-31 000_c75ce0055b70b8b4.json
stevns_bul_2020-06-09 001_c262e95c291a70b9.json
lejre_bu_2017-06-07 004_844ac50812757286.json
MAP
python3 "$src/tests/golden/score.py" "$src/tests/golden" "$out"
python3 "$src/tests/golden/score.py" --json "$src/tests/golden" "$out" | python3 -c '
import json, sys
report, overall_min, field_min = json.load(sys.stdin), float(sys.argv[1]), float(sys.argv[2])
low = {k: v for k, v in report["fields"].items() if v < field_min}
for k, v in low.items():
    print(f"field {k} = {v:.3f} < {field_min}")
overall = report["overall"]
if overall < overall_min:
    print(f"overall {overall:.3f} < {overall_min}")
sys.exit(1 if low or overall < overall_min else 0)
' "$min" "$min_field"
