#!/usr/bin/env bash
# Installs the Debian 12 packages referat needs (clang and LLVM for the fuzzers in fuzz/) and
# builds it into ./build (Release unless BUILD_TYPE is set; BUILD_DIR, CMAKE_ARGS, CC and CXX are
# passed on to CMake).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    build-essential cmake pkg-config python3 \
    libpoppler-cpp-dev libpoppler-private-dev libicu-dev libre2-dev libsqlite3-dev nettle-dev \
    libcli11-dev nlohmann-json3-dev catch2 libstemmer-dev libmimalloc-dev libgumbo-dev libxlsxwriter-dev \
    libcpp-httplib-dev \
    libtesseract-dev libleptonica-dev tesseract-ocr-dan hunspell-da \
    clang libclang-rt-14-dev llvm >/dev/null
fi
cmake -S . -B "${BUILD_DIR:-build}" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" ${CMAKE_ARGS:-} >/dev/null
cmake --build "${BUILD_DIR:-build}" -j"$(nproc)"
