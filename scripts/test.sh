#!/usr/bin/env bash
# Builds and runs every test: the normal build, the same tests under ASan + UBSan, then each
# libFuzzer harness for 60 s (clang).
set -euo pipefail
cd "$(dirname "$0")/.."
# Test-only packages: headless Chromium (and a font) renders the HTML report, pdftotext reads it;
# the OCR tests scan pages set in Helvetica, which without Nimbus Sans (fonts-urw-base35) falls
# back to a wider font squeezed into Helvetica's widths that Tesseract misreads.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium fonts-dejavu-core fonts-urw-base35 poppler-utils >/dev/null
fi
BUILD_DIR=build BUILD_TYPE=RelWithDebInfo scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
BUILD_DIR=build-asan BUILD_TYPE=Debug CMAKE_ARGS=-DREFERAT_SANITIZE=ON scripts/setup.sh
# print_suppressions=0: the tests compare stderr, and LSan's summary of suppressed leaks is no
# output of referat's.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
BUILD_DIR=build-fuzz BUILD_TYPE=RelWithDebInfo CC=clang CXX=clang++ \
  CMAKE_ARGS="-DREFERAT_FUZZ=ON -DREFERAT_TESTS=OFF" scripts/setup.sh
scripts/fuzz.sh 60
