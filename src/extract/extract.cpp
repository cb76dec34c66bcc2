// Input detection (PDF, web page or text, which text encoding), content hash, and the text-file
// reader.
#include "extract/extract.hpp"

#include <nettle/sha2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "extract/html.hpp"
#include "extract/pdf.hpp"
#include "util/text.hpp"

namespace referat::extract {

namespace {

// Minutes exported as text are a few hundred KB; a text file beyond this is something else, and
// would take minutes and gigabytes to read (100 MB: 23 s and 800 MB). Scanned PDFs are larger;
// they are held in memory whole.
constexpr std::uintmax_t kMaxTextBytes = 16 << 20;
constexpr std::uintmax_t kMaxPdfBytes = 512 << 20;

std::string megabytes(std::uintmax_t bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

bool has_html_extension(const std::string& path);

InputError text_too_large(const std::string& path, std::uintmax_t bytes) {
    return InputError(std::string(has_html_extension(path) ? "web page" : "text file") +
                      " too large (" + megabytes(bytes) + "; at most " + megabytes(kMaxTextBytes) +
                      ")");
}

bool has_pdf_magic(const std::string& bytes);

std::string read_bytes(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status)) throw InputError("is a directory");
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        throw InputError("not a regular file");
    const auto size = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) throw InputError("cannot be read");
    if (size > kMaxPdfBytes)
        throw InputError("too large (" + megabytes(size) + "; at most " + megabytes(kMaxPdfBytes) +
                         ")");
    // The first KiB tells a PDF, so a text file over its limit is refused before it is read.
    std::string bytes(std::min<std::uintmax_t>(size, 1024), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (size > kMaxTextBytes && !has_pdf_magic(bytes)) throw text_too_large(path, size);
    const size_t head = bytes.size();
    bytes.resize(size);
    in.read(bytes.data() + head, static_cast<std::streamsize>(size - head));
    bytes.resize(head + static_cast<size_t>(in.gcount()));
    return bytes;
}

std::string sha256_hex(const std::string& bytes) {
    sha256_ctx context;
    sha256_init(&context);
    sha256_update(&context, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&context, sizeof digest, digest);
    std::string hex;
    char buf[3];
    for (const uint8_t byte : digest) {
        std::snprintf(buf, sizeof buf, "%02x", byte);
        hex += buf;
    }
    return hex;
}

// PDF readers accept the header anywhere in the first KiB (some files start with junk).
bool has_pdf_magic(const std::string& bytes) {
    return std::string_view(bytes).substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

std::string extension(const std::string& path) {
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

bool has_html_extension(const std::string& path) {
    const auto ext = extension(path);
    return ext == ".html" || ext == ".htm";
}

std::string from_codepage(std::string_view bytes, const char* codepage) {
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), codepage);
    std::string out;
    u.toUTF8String(out);
    return out;
}

// UTF-16 without a BOM: Danish text is nearly all Latin-1, so every other byte is zero.
const char* bomless_utf16(std::string_view b) {
    const auto sample = b.substr(0, 4096);
    const size_t pairs = sample.size() / 2;
    size_t zero_first = 0, zero_second = 0;
    for (size_t i = 0; i + 1 < sample.size(); i += 2) {
        zero_first += sample[i] == '\0';
        zero_second += sample[i + 1] == '\0';
    }
    if (pairs == 0 || b.size() % 2 != 0) return nullptr;
    if (zero_first == 0 && zero_second * 10 >= pairs * 9) return "UTF-16LE";
    if (zero_second == 0 && zero_first * 10 >= pairs * 9) return "UTF-16BE";
    return nullptr;
}

// UTF-8 has multi-byte sequences that Windows-1252 text practically never forms by chance.
// Text with more of them than broken bytes is UTF-8 with some damage (a bad copy, a cut-off
// export): the broken bytes become U+FFFD instead of turning every æ, ø and å into mojibake.
bool mostly_utf8(std::string_view b) {
    size_t sequences = 0, broken = 0;
    int32_t i = 0;
    const auto n = static_cast<int32_t>(b.size());
    while (i < n) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(reinterpret_cast<const uint8_t*>(b.data()), i, n, c);
        if (c < 0)
            ++broken;
        else if (i - start > 1)
            ++sequences;
    }
    return sequences > broken;
}

// UTF-8 (with or without BOM), UTF-16 (with BOM, or detected), else Windows-1252: what Danish
// office software writes.
std::string to_utf8(std::string_view b) {
    if (b.starts_with("\xFF\xFE")) return from_codepage(b.substr(2), "UTF-16LE");
    if (b.starts_with("\xFE\xFF")) return from_codepage(b.substr(2), "UTF-16BE");
    if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
    if (const char* utf16 = bomless_utf16(b)) return from_codepage(b, utf16);
    if (text::valid_utf8(b)) return std::string(b);
    return from_codepage(b, mostly_utf8(b) ? "UTF-8" : "windows-1252");
}

// Binary data is refused rather than turned into mojibake; a few stray control characters (NUL
// bytes a copy left in a text export) are not binary, and the NULs go.
std::string decode_text(const std::string& bytes) {
    std::string text = to_utf8(bytes);
    size_t controls = 0;
    for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
            c != '\f')
            ++controls;
    if (controls * 100 > text.size()) throw InputError("not a text file (binary data)");
    std::erase(text, '\0');
    return text;
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
            pages.push_back(Page{static_cast<int>(pages.size()) + 1, {}, {}});
        } else {
            line += c;
        }
    }
    if (!line.empty()) end_line();
    return pages;
}

}  // namespace

ExtractedText extract_file(const std::string& path, const rules::Rules& rules) {
    return extract_bytes(read_bytes(path), path, rules);
}

ExtractedText extract_bytes(const std::string& bytes, const std::string& path,
                            const rules::Rules& rules) {
    if (bytes.empty()) throw InputError("empty file");
    const bool pdf = has_pdf_magic(bytes);
    if (!pdf && bytes.size() > kMaxTextBytes) throw text_too_large(path, bytes.size());
    ExtractedText doc;
    doc.source = path;
    doc.content_hash = sha256_hex(bytes);
    if (pdf) {
        doc.format = SourceFormat::Pdf;
        read_pdf(bytes, rules, doc);
    } else if (extension(path) == ".pdf") {
        throw InputError("not a PDF (no %PDF header)");
    } else {
        const std::string content = decode_text(bytes);
        if (text::is_blank(content)) throw InputError("empty file (only white space)");
        if (has_html_extension(path) || looks_like_html(content)) {
            doc.format = SourceFormat::WebPage;
            read_html(content, doc);
        } else {
            doc.pages = text_pages(content);
        }
    }
    repair_layout(doc, rules);
    return doc;
}

}  // namespace referat::extract
