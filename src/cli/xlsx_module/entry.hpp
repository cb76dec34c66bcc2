// The entry point of the workbook module, referat_xlsx.so: libxlsxwriter and the libraries it
// brings (minizip, zlib, OpenSSL's libcrypto) are opened only by `report --format xlsx`
// (report_export.cpp opens it).
#pragma once

#include <string>
#include <vector>

namespace referat::cli {

// A table of the report: a name (the sheet's), a header and rows of text.
struct Table {
    std::string name;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// What the workbook holds: a front sheet with a heading and a summary, then a sheet per table.
struct Workbook {
    std::string heading, summary;
    std::vector<Table> tables;
};

// What report_export.cpp needs of libxlsxwriter, as the module implements it.
struct XlsxEntry {
    // The .xlsx file's bytes; every cell is text, never a formula. Throws std::runtime_error.
    std::string (*write)(const Workbook& workbook);
};

// The name dlsym looks up; the function is extern "C" so that the name is not mangled.
inline constexpr const char* kXlsxEntrySymbol = "referat_xlsx_entry";

}  // namespace referat::cli

extern "C" const referat::cli::XlsxEntry* referat_xlsx_entry();
