// Input detection (PDF or text, which text encoding), content hash, and the text-file reader.
#include "extract/extract.hpp"

#include <openssl/evp.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "extract/pdf.hpp"
#include "util/text.hpp"

namespace referat::extract {

namespace {

std::string read_bytes(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw InputError("is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot be read");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    std::string hex;
    char buf[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(buf, sizeof buf, "%02x", digest[i]);
        hex += buf;
    }
    return hex;
}

// PDF readers accept the header anywhere in the first KiB (some files start with junk).
bool has_pdf_magic(const std::string& bytes) {
    return std::string_view(bytes).substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

bool has_pdf_extension(const std::string& path) {
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".pdf";
}

std::string from_codepage(std::string_view bytes, const char* codepage) {
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
    std::string out;
    u.toUTF8String(out);
    return out;
}

// UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252: what Danish office software
// writes. Binary data is refused rather than turned into mojibake.
std::string decode_text(const std::string& bytes) {
    const std::string_view b(bytes);
    if (b.starts_with("\xEF\xBB\xBF")) return std::string(b.substr(3));
    if (b.starts_with("\xFF\xFE")) return from_codepage(b.substr(2), "UTF-16LE");
    if (b.starts_with("\xFE\xFF")) return from_codepage(b.substr(2), "UTF-16BE");
    size_t controls = 0;
    for (const char c : b) {
        if (c == '\0') throw InputError("not a text file (binary data)");
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
            c != '\f')
            ++controls;
    }
    if (controls * 100 > b.size()) throw InputError("not a text file (binary data)");
    if (text::valid_utf8(b)) return bytes;
    return from_codepage(b, "windows-1252");
}

// Text files are one page unless form feeds mark page breaks.
std::vector<Page> text_pages(const std::string& content) {
    std::vector<Page> pages(1);
    std::string line;
    auto end_line = [&] {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        pages.back().lines.push_back(std::move(line));
        line.clear();
    };
    for (const char c : content) {
        if (c == '\n') {
            end_line();
        } else if (c == '\f') {
            if (!line.empty()) end_line();
            pages.push_back(Page{static_cast<int>(pages.size()) + 1, {}});
        } else {
            line += c;
        }
    }
    if (!line.empty()) end_line();
    return pages;
}

}  // namespace

ExtractedText extract_file(const std::string& path, const rules::Rules& rules) {
    const std::string bytes = read_bytes(path);
    if (bytes.empty()) throw InputError("empty file");
    ExtractedText doc;
    doc.source = path;
    doc.content_hash = sha256_hex(bytes);
    if (has_pdf_magic(bytes)) {
        doc.from_pdf = true;
        read_pdf(bytes, rules, doc);
    } else if (has_pdf_extension(path)) {
        throw InputError("not a PDF (no %PDF header)");
    } else {
        const std::string content = decode_text(bytes);
        if (text::trim(content).empty()) throw InputError("empty file (only white space)");
        doc.pages = text_pages(content);
    }
    repair_layout(doc, rules);
    return doc;
}

}  // namespace referat::extract
