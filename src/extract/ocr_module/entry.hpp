// The entry point of the OCR module, referat_ocr.so: Tesseract and the libraries it brings (some
// 40, about 8 ms of dynamic loading) are opened only when a PDF has a page without a text layer,
// not by every command (src/extract/ocr.cpp opens it).
#pragma once

#include <poppler/cpp/poppler-page.h>

#include <string>
#include <vector>

#include "extract/pdf.hpp"

namespace referat::extract {

// What ocr.hpp promises, as the module implements it.
struct OcrEntry {
    std::string (*unavailable_reason)();
    std::vector<Word> (*words)(const poppler::page& page);
};

// The name dlsym looks up; the function is extern "C" so that the name is not mangled.
inline constexpr const char* kOcrEntrySymbol = "referat_ocr_entry";

}  // namespace referat::extract

extern "C" const referat::extract::OcrEntry* referat_ocr_entry();
