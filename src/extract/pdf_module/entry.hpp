// The entry point of the PDF module, referat_pdf.so: Poppler and the libraries it brings (some 25,
// about 4 ms of dynamic loading) are opened only when a PDF is read, not by every command
// (src/extract/pdf.cpp opens it).
#pragma once

#include <string>
#include <vector>

#include "extract/pdf.hpp"

namespace poppler {
class page;
}

namespace referat::extract {

// The words of one page, as Poppler (or OCR) reads them.
struct PageWords {
    std::vector<Word> words;  // reading order
    double crop_width = 0;    // points
    bool ocr = false;         // read by OCR
};

// How the module reads a page without a text layer; available() is asked only when there is one.
struct OcrReader {
    bool (*available)();
    std::vector<Word> (*words)(const poppler::page& page);
};

// What pdf.cpp needs of Poppler, as the module implements it.
struct PdfEntry {
    // The words of every page of the PDF in `bytes`. Throws InputError for a file Poppler cannot
    // open, and what `ocr` throws.
    std::vector<PageWords> (*pages)(const std::string& bytes, const OcrReader& ocr);
};

// The name dlsym looks up; the function is extern "C" so that the name is not mangled.
inline constexpr const char* kPdfEntrySymbol = "referat_pdf_entry";

}  // namespace referat::extract

extern "C" const referat::extract::PdfEntry* referat_pdf_entry();
