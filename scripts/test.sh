#!/usr/bin/env bash
# Builds and runs every test: the normal build, then the same tests under ASan + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
# Test-only packages: headless Chromium (and a font) renders the HTML report, pdftotext reads it.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium fonts-dejavu-core poppler-utils >/dev/null
fi
BUILD_DIR=build BUILD_TYPE=RelWithDebInfo scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
BUILD_DIR=build-asan BUILD_TYPE=Debug CMAKE_ARGS=-DREFERAT_SANITIZE=ON scripts/setup.sh
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
