// Plain-text layout: widths in code points, CSV fields safe from spreadsheets, word wrap.
#include "cli/text_layout.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace referat::cli {

size_t width(std::string_view s) {
    return text::code_points(s);
}

std::string csv_field(std::string_view v, bool always_quote) {
    std::string field;
    if (!v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos)
        field = "'";
    field += v;
    if (!always_quote && field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string quoted = "\"";
    for (const char c : field) {
        if (c == '"') quoted += '"';  // a quote inside a quoted field is doubled
        quoted += c;
    }
    return quoted + "\"";
}

std::string truncate(std::string_view s, size_t max) {
    if (width(s) <= max) return std::string(s);
    size_t cps = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && cps++ == max - 1) break;
    }
    return std::string(s.substr(0, i)) + "…";
}

std::string pad(std::string_view s, size_t w, bool right) {
    const std::string fill(w > width(s) ? w - width(s) : 0, ' ');
    return right ? fill + std::string(s) : std::string(s) + fill;
}

std::string wrap(std::string_view s, std::string_view indent, size_t max) {
    std::string out;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t nl = std::min(s.find('\n', start), s.size());
        const auto para = text::collapse(s.substr(start, nl - start));
        start = nl + 1;
        if (para.empty()) continue;
        std::string line;
        size_t pos = 0;
        while (pos < para.size()) {
            const size_t sp = std::min(para.find(' ', pos), para.size());
            const auto word = std::string_view(para).substr(pos, sp - pos);
            if (!line.empty() && width(indent) + width(line) + 1 + width(word) > max) {
                out.append(indent).append(line) += '\n';
                line.clear();
            }
            if (!line.empty()) line += ' ';
            line.append(word);
            pos = sp + 1;
        }
        out.append(indent).append(line) += '\n';
    }
    return out;
}

}  // namespace referat::cli
