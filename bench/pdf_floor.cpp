// The single-process Poppler floor of PDF ingest: what `pdftotext -q FILE /dev/null` does for
// each file (Poppler's TextOutputDev over every page, the text thrown away), for all files in one
// process, so the start-up a `pdftotext` loop pays per file is not in the baseline. bench/run
// compares `referat ingest` with it and with the loop.
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <cstdio>
#include <memory>

namespace {

void discard(void*, const char*, int) {}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: referat_pdf_floor FILE.pdf...\n");
        return 2;
    }
    globalParams = std::make_unique<GlobalParams>();
    globalParams->setErrQuiet(true);
    int pages = 0;
    for (int i = 1; i < argc; ++i) {
        PDFDoc doc(std::make_unique<GooString>(argv[i]));
        if (!doc.isOk()) {
            std::fprintf(stderr, "%s: cannot be opened\n", argv[i]);
            return 1;
        }
        // The options pdftotext passes by default: reading order, no physical layout.
        TextOutputDev out(&discard, nullptr, false, 0, false, false);
        doc.displayPages(&out, 1, doc.getNumPages(), 72, 72, 0, true, false, false);
        pages += doc.getNumPages();
    }
    std::printf("%d\n", pages);
    return 0;
}
