// Fixtures made at test time (never committed): temporary folders, generated PDFs, scans of
// them, and runs of the referat binary.
#pragma once

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace referat::testing {

// A fresh temporary folder, removed with everything in it at the end of the test.
class TempDir {
  public:
    explicit TempDir(const std::string& prefix = "referat-test-") {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                (prefix + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

    // Writes `bytes` to `name` in the folder and returns its path.
    std::string write(const std::string& name, const std::string& bytes) const {
        const auto p = file(name);
        std::filesystem::create_directories(std::filesystem::path(p).parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }

  private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Objects numbered from 1 in order, the first being the catalog, with a valid xref table.
inline std::string pdf_from_objects(const std::vector<std::string>& objects) {
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const size_t offset : offsets) {
        char entry[21];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    return pdf + "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

// A word or line of text placed at (x, y) points from the bottom left, in Helvetica (or
// Helvetica-Bold) of `size` points.
struct Placed {
    int x, y;
    std::string text;
    bool bold = false;
    int size = 11;
};

// An 8-bit grey image, rows without padding.
struct GreyImage {
    int width = 0, height = 0;
    std::string pixels;
};

// A minimal A4 PDF with the standard Helvetica fonts (WinAnsi, so "\xf8" is ø). Each page is a
// list of texts placed in that order in the content stream, or, where `images` has one for it,
// only that image over the whole page (a scan: no fonts, no text layer).
inline std::string make_pdf(const std::vector<std::vector<Placed>>& pages,
                            const std::vector<GreyImage>& images = {}) {
    std::vector<std::string> objects;
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (size_t p = 0; p < pages.size(); ++p) kids += std::to_string(5 + 3 * p) + " 0 R ";
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " +
                      std::to_string(pages.size()) + " >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.push_back(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    for (size_t p = 0; p < pages.size(); ++p) {
        const bool scanned = p < images.size() && images[p].width > 0;
        std::string content;
        if (scanned) {
            content = "q 595 0 0 842 0 0 cm /Im Do Q\n";
        } else {
            for (const auto& w : pages[p]) {
                std::string literal;  // a PDF string: parentheses and backslashes escaped
                for (const char c : w.text) {
                    if (c == '(' || c == ')' || c == '\\') literal += '\\';
                    literal += c;
                }
                content += std::string("BT /") + (w.bold ? "F2 " : "F1 ") + std::to_string(w.size) +
                           " Tf " + std::to_string(w.x) + " " + std::to_string(w.y) + " Td (" +
                           literal + ") Tj ET\n";
            }
        }
        const std::string image_ref = std::to_string(7 + 3 * p) + " 0 R";
        objects.push_back(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
            "/F2 4 0 R >> /XObject << /Im " +
            image_ref + " >> >> /Contents " + std::to_string(6 + 3 * p) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
                          content + "endstream");
        const GreyImage blank{1, 1, std::string(1, '\xff')};
        const GreyImage& image = scanned ? images[p] : blank;
        objects.push_back("<< /Type /XObject /Subtype /Image /Width " +
                          std::to_string(image.width) + " /Height " + std::to_string(image.height) +
                          " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " +
                          std::to_string(image.pixels.size()) + " >>\nstream\n" + image.pixels +
                          "\nendstream");
    }
    return pdf_from_objects(objects);
}

// The pages of make_pdf(pages) whose index is in `scanned` as a scanner makes them: rendered at
// `dpi` into grey images that are all those pages hold.
inline std::string make_scanned_pdf(const std::vector<std::vector<Placed>>& pages,
                                    const std::vector<size_t>& scanned, double dpi = 200) {
    const std::string text = make_pdf(pages);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(text.data(), static_cast<int>(text.size())));
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    std::vector<GreyImage> images(pages.size());
    for (const size_t p : scanned) {
        std::unique_ptr<poppler::page> page(doc->create_page(static_cast<int>(p)));
        const poppler::image rendered = renderer.render_page(page.get(), dpi, dpi);
        GreyImage& image = images.at(p);
        image.width = rendered.width();
        image.height = rendered.height();
        for (int y = 0; y < rendered.height(); ++y)
            image.pixels.append(
                rendered.const_data() + static_cast<size_t>(y) * rendered.bytes_per_row(),
                static_cast<size_t>(rendered.width()));
    }
    return make_pdf(pages, images);
}

// What a run of the referat binary printed, and how it ended.
struct Run {
    int exit_code = -1;  // -1: killed by a signal (a crash)
    std::string out, err;

    std::vector<std::string> err_lines() const {
        std::vector<std::string> lines;
        std::istringstream in(err);
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        return lines;
    }
};

inline std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs `referat ARGS...` with `env` ("NAME=value ...", already quoted) in front.
inline Run run_referat(const std::vector<std::string>& args, const std::string& env = "") {
    TempDir out("referat-run-");
    std::string command = env + " " + shell_quote(REFERAT_BINARY);
    for (const auto& a : args) {
        command += ' ';
        command += shell_quote(a);
    }
    command += " >" + shell_quote(out.file("out")) + " 2>" + shell_quote(out.file("err"));
    const int status = std::system(command.c_str());
    Run run;
    if (status != -1 && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
    run.out = read_file(out.file("out"));
    run.err = read_file(out.file("err"));
    return run;
}

}  // namespace referat::testing
