#!/usr/bin/env bash
# Extracts the development minutes (text or PDF) and scores them against the golden files.
#   golden_score.sh REFERAT_BINARY SOURCE_DIR txt|pdf MIN
set -euo pipefail
bin=$1 src=$2 kind=$3 min=$4
dir=$kind
[ "$kind" = txt ] && dir=text
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
while read -r name gold; do
  "$bin" extract "$src/corpus/$dir/$name.$kind" >"$out/$gold"
done <<'MAP'
stevns_bul_2020-08-31 000_c75ce0055b70b8b4.json
stevns_bul_2020-06-09 001_c262e95c291a70b9.json
lejre_bu_2017-06-07 004_844ac50812757286.json
MAP
python3 "$src/tests/golden/score.py" --min "$min" "$src/tests/golden" "$out"
