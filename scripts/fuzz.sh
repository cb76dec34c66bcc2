#!/usr/bin/env bash
# Runs the libFuzzer harnesses (built with REFERAT_FUZZ=ON into $BUILD_DIR, default build-fuzz)
# for SECONDS each, seeded from corpus/ (web pages: fuzz/seeds/). New inputs go to a scratch
# folder; a crash, leak or timeout fails the run, with the input saved as fuzz-<harness>-crash-*
# in the current folder.
#   scripts/fuzz.sh SECONDS [fuzz_text|fuzz_pdf|fuzz_html|fuzz_store ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: scripts/fuzz.sh SECONDS [HARNESS...]}
shift
if [ $# -gt 0 ]; then harnesses=("$@"); else harnesses=(fuzz_text fuzz_pdf fuzz_html fuzz_store); fi
build=${BUILD_DIR:-build-fuzz}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
for harness in "${harnesses[@]}"; do
  seeds=$scratch/$harness-seeds
  mkdir -p "$scratch/$harness" "$seeds"
  case $harness in
    fuzz_text | fuzz_store) cp corpus/text/*.txt corpus/bad/*.txt corpus/reference/*.txt "$seeds" ;;
    fuzz_pdf) cp corpus/pdf/*.pdf corpus/bad/*.pdf "$seeds" ;;
    fuzz_html) cp fuzz/seeds/*.htm* "$seeds" ;;
    *) echo "no harness $harness" >&2; exit 2 ;;
  esac
  log=$scratch/$harness.log
  if "$build/fuzz/$harness" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 \
      -print_final_stats=1 -dict=fuzz/minutes.dict -artifact_prefix="fuzz-$harness-" \
      "$scratch/$harness" "$seeds" >"$log" 2>&1; then
    echo "$harness: $seconds s, $(grep -o 'number_of_executed_units: [0-9]*' "$log"), no failure"
  else
    tail -n 60 "$log"
    echo "$harness failed; input: $(ls fuzz-"$harness"-* 2>/dev/null || echo '(none saved)')"
    exit 1
  fi
done
