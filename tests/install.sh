#!/bin/sh
# `cmake --install` into a temporary prefix: the program, its patterns, the loadable extension and
# the PDF, OCR, HTTP and workbook modules land in place, and the installed program finds its patterns and
# modules by itself, with no environment.
# Usage: install.sh CMAKE BUILD_DIR SOURCE_DIR
set -eu
cmake=$1 build=$2 source=$3
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/referat"
test -f "$prefix/share/referat/patterns/committees.txt"
test -n "$(find "$prefix" -name referat_danish.so)"
test -f "$prefix/share/man/man1/referat.1"

minutes=$source/corpus/text/stevns_bul_2020-08-31.txt
env -i "$prefix/bin/referat" extract "$minutes" >"$prefix/out.json"
grep -q '"date": "2020-08-31"' "$prefix/out.json"

# The patterns it read are the installed ones, not the checkout's: without them it says so.
mv "$prefix/share/referat/patterns" "$prefix/share/referat/moved"
if env -i "$prefix/bin/referat" extract "$minutes" >/dev/null 2>"$prefix/err"; then
    echo "the installed referat ran without its installed patterns" >&2
    exit 1
fi
grep -q "$prefix/share/referat/patterns" "$prefix/err"
mv "$prefix/share/referat/moved" "$prefix/share/referat/patterns"
env -i "$prefix/bin/referat" --version | grep -q '^referat '

# A PDF opens the installed PDF module; without it, the file is refused saying so.
pdf=$source/corpus/pdf/stevns_bul_2020-08-31.pdf
env -i "$prefix/bin/referat" extract "$pdf" | grep -q '"date": "2020-08-31"'
mv "$prefix/lib/referat/referat_pdf.so" "$prefix/moved.so"
if env -i "$prefix/bin/referat" extract "$pdf" >/dev/null 2>"$prefix/err"; then
    echo "the installed referat read a PDF without its PDF module" >&2
    exit 1
fi
grep -q "lib/referat/referat_pdf.so" "$prefix/err"
mv "$prefix/moved.so" "$prefix/lib/referat/referat_pdf.so"

# `serve` opens the installed HTTP module and listens; without the module it says so.
db=$prefix/one.db
env -i "$prefix/bin/referat" --db "$db" ingest --quiet "$minutes" >/dev/null
env -i "$prefix/bin/referat" --db "$db" serve --port 0 >"$prefix/serve.out" 2>&1 &
server=$!
for _ in $(seq 50); do
    grep -q '^referat serve: http://127.0.0.1:' "$prefix/serve.out" && break
    sleep 0.1
done
kill "$server"
wait "$server" || true
grep -q '^referat serve: http://127.0.0.1:' "$prefix/serve.out"
mv "$prefix/lib/referat/referat_http.so" "$prefix/moved.so"
if env -i "$prefix/bin/referat" --db "$db" serve --port 0 >/dev/null 2>"$prefix/err"; then
    echo "the installed referat served without its HTTP module" >&2
    exit 1
fi
grep -q "lib/referat/referat_http.so" "$prefix/err"
mv "$prefix/moved.so" "$prefix/lib/referat/referat_http.so"

# The report as a workbook opens the installed workbook module: a zip file (an .xlsx).
env -i "$prefix/bin/referat" --db "$db" report --quarter 2020Q3 --format xlsx >"$prefix/r.xlsx"
test "$(head -c 2 "$prefix/r.xlsx")" = PK

# A scanned page opens the installed OCR module (built when Tesseract was found): without
# Tesseract's Danish data it is the module that says so, not a missing module (an installed
# program never takes the build tree's).
if [ -n "$(find "$build" -maxdepth 1 -name referat_ocr.so)" ]; then
    test -n "$(find "$prefix" -name referat_ocr.so)"
    env -i TESSDATA_PREFIX=/nonexistent "$prefix/bin/referat" extract \
        "$source/corpus/bad/lejre_bu_2017-06-07_scanned.pdf" >/dev/null 2>"$prefix/err" || true
    grep -q "Danish data is missing" "$prefix/err"
fi
echo "installed and run from $prefix"
