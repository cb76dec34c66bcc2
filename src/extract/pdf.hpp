// Internal to src/extract: the PDF reader.
#pragma once

#include <string>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::extract {

// Pages of a PDF held in `bytes`, one paragraph or heading per line, running headers, footers and
// page numbers removed, lines that wrapped joined again. Throws InputError.
std::vector<Page> read_pdf(const std::string& bytes, const rules::Rules& rules);

}  // namespace referat::extract
