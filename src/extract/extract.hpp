// Stage 1: a PDF, web page or text file → pages of repaired text, one paragraph or heading per
// line.
#pragma once

#include <string>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::extract {

// Reads a PDF (recognised by the %PDF magic bytes, not the extension), a saved web page (.html,
// .htm, or text starting "<!DOCTYPE html" or "<html") or a text file into pages of repaired text.
// Throws InputError with a one-line reason ("empty file", "not a PDF ...", "password-protected
// PDF", "damaged PDF: cannot be opened", "text file too large ...", "no text in the web page",
// ...). Pages without a text layer are read by OCR when Tesseract and its Danish data are installed
// (ExtractedText::ocr); otherwise such a file fails with "no text layer (scanned PDF?): <fix>".
ExtractedText extract_file(const std::string& path, const rules::Rules& rules);

// The same for the bytes of a file already read; `path` is recorded as the source and its
// extension tells a mislabelled PDF from text, and a web page.
ExtractedText extract_bytes(const std::string& bytes, const std::string& path,
                            const rules::Rules& rules);

// Layout repair applied to pages of raw lines (used by every reader): Unicode clean-up,
// page furniture and table of contents removal, dehyphenation, NFC. Exposed for tests.
void repair_layout(ExtractedText& doc, const rules::Rules& rules);

}  // namespace referat::extract
