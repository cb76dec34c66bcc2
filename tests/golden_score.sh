#!/usr/bin/env bash
# Extracts the development minutes (text, PDF, or the scanned copy of the Lejre PDF, read by OCR)
# and scores them against the golden files.
#   golden_score.sh REFERAT_BINARY SOURCE_DIR txt|pdf|scanned MIN
set -euo pipefail
bin=$1 src=$2 kind=$3 min=$4
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
python3 "$src/tests/golden/score.py" --min "$min" "$src/tests/golden" "$out"
