// Internal to src/extract: OCR of PDF pages that have no text layer (scans), in Danish.
#pragma once

#include <poppler/cpp/poppler-page.h>

#include <string>
#include <vector>

#include "extract/pdf.hpp"

namespace referat::extract {

// Why OCR cannot run here, naming the fix (built without Tesseract, or its Danish data
// `tesseract-ocr-dan` missing); empty when it can.
std::string ocr_unavailable_reason();

// The words Tesseract reads on `page` rendered at about 300 dpi, in points from the top left
// like poppler's text boxes, in Tesseract's reading order; none for a blank page. Only when
// ocr_unavailable_reason() is empty. Throws InputError when recognition fails.
std::vector<Word> ocr_words(const poppler::page& page);

}  // namespace referat::extract
