// The workbook module: the report's tables as an Excel workbook, by libxlsxwriter.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "cli/xlsx_module/entry.hpp"
#include "util/text.hpp"

namespace referat::cli {

namespace {

std::string write(const Workbook& book) {
    // libxlsxwriter 1.1.4 (Debian 12) writes only to a file: a private temporary one.
    char path[] = "/tmp/referat-report-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) throw std::runtime_error("xlsx: cannot create a temporary file");
    close(fd);
    struct Remove {
        const char* p;
        ~Remove() { std::remove(p); }
    } remove{path};
    lxw_workbook* wb = workbook_new(path);
    if (!wb) throw std::runtime_error("xlsx: cannot start a workbook");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* wrapped = workbook_add_format(wb);
    format_set_text_wrap(wrapped);
    format_set_align(wrapped, LXW_ALIGN_VERTICAL_TOP);
    lxw_worksheet* front = workbook_add_worksheet(wb, "Oversigt");
    worksheet_write_string(front, 0, 0, book.heading.c_str(), bold);
    worksheet_write_string(front, 1, 0, book.summary.c_str(), nullptr);
    worksheet_set_column(front, 0, 0, 100, nullptr);
    for (const auto& t : book.tables) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
        for (size_t c = 0; c < t.header.size(); ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), t.header[c].c_str(), bold);
            // Long texts (decisions, promises) wide, the rest narrow.
            size_t widest = text::code_points(t.header[c]);
            for (const auto& row : t.rows) widest = std::max(widest, text::code_points(row[c]));
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 static_cast<double>(std::min<size_t>(widest + 2, 60)), wrapped);
        }
        for (size_t row = 0; row < t.rows.size(); ++row)
            for (size_t c = 0; c < t.rows[row].size(); ++c)
                // Strings as strings: a title that starts with "=" must not become a formula.
                worksheet_write_string(ws, static_cast<lxw_row_t>(row + 1),
                                       static_cast<lxw_col_t>(c), t.rows[row][c].c_str(), nullptr);
        worksheet_freeze_panes(ws, 1, 0);
    }
    if (const auto err = workbook_close(wb); err != LXW_NO_ERROR)
        throw std::runtime_error(std::string("xlsx: ") + lxw_strerror(err));
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

}  // namespace referat::cli

extern "C" __attribute__((visibility("default"))) const referat::cli::XlsxEntry*
referat_xlsx_entry() {
    static const referat::cli::XlsxEntry entry{referat::cli::write};
    return &entry;
}
