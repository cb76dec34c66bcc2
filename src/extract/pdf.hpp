// Internal to src/extract: the PDF reader.
#pragma once

#include <string>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::extract {

// A word on a page, in points from the top left, as poppler's text boxes give it (or OCR, see
// ocr.hpp). A font_size of 0 means unknown: the line height stands in for it.
struct Word {
    std::string text;
    double left, top, right, bottom;
    bool space_after;
    double font_size;
    bool bold;
};

// Fills doc.pages from the PDF held in `bytes`: one paragraph or heading per line, running
// headers, footers and page numbers removed, lines that wrapped joined again. Pages without a
// text layer are read by OCR (doc.ocr). Throws InputError.
void read_pdf(const std::string& bytes, const rules::Rules& rules, ExtractedText& doc);

}  // namespace referat::extract
