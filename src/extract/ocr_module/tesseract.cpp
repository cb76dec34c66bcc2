// The OCR module: scanned pages rendered with poppler, read by Tesseract (LSTM, Danish), and handed
// back as words with boxes like those of a text layer, so that line grouping, furniture removal
// and reflow treat them like any other page.
#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "extract/ocr_module/entry.hpp"
#include "model/referat.hpp"
#include "util/text.hpp"

namespace referat::extract {

namespace {

constexpr double kDpi = 300;
// A page larger than A3 is rendered at a lower resolution, so that memory stays bounded
// (A3 at 300 dpi is 17.4 M pixels of one byte).
constexpr double kMaxPixels = 18e6;
// A pathological page may not stall an ingest for ever.
constexpr int kPageDeadlineMs = 120'000;

// Tesseract's OpenMP loops (4 threads over a few hundred numbers each) spin far more than they
// compute: on two busy cores the Lejre scan took 4.5 minutes with them and 40 s without, which is
// what OMP_THREAD_LIMIT=1 (advised by Tesseract's authors) does. With max-active-levels 0 every
// parallel region runs on one thread. Looked up at run time, since only a Tesseract built with
// OpenMP brings the runtime.
void run_openmp_single_threaded() {
    using SetLevels = void (*)(int);
    if (auto* set_levels =
            reinterpret_cast<SetLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels")))
        set_levels(0);
}

// One engine per process: loading the Danish model takes longer than reading a page.
class Engine {
  public:
    static Engine& get() {
        static Engine engine;
        return engine;
    }

    bool ready() const { return ready_; }
    tesseract::TessBaseAPI& api() { return api_; }

  private:
    Engine() {
        run_openmp_single_threaded();
        // Tesseract prints its diagnostics (and a missing language) on stderr; the InputError
        // says what matters instead.
        api_.SetVariable("debug_file", "/dev/null");
        ready_ = api_.Init(nullptr, "dan", tesseract::OEM_LSTM_ONLY) == 0;
    }
    ~Engine() { api_.End(); }

    tesseract::TessBaseAPI api_;
    bool ready_ = false;
};

struct Box {
    int left, top, right, bottom;
    int width() const { return right - left; }
    int height() const { return bottom - top; }
};

bool has_ink(const poppler::image& image) {
    const auto* data = reinterpret_cast<const unsigned char*>(image.const_data());
    for (int y = 0; y < image.height(); ++y) {
        const unsigned char* row = data + static_cast<size_t>(y) * image.bytes_per_row();
        if (std::any_of(row, row + image.width(), [](unsigned char v) { return v < 128; }))
            return true;
    }
    return false;
}

// Dot leaders of a table of contents ("dagsorden........1") come out of the LSTM as runs of
// made-up letters ("sssese ses esse") that can even swallow the page number. They are found as
// rows of at least five small blobs, evenly close on one baseline, and painted white, so that
// Tesseract sees the title, a gap and the page number; the gap becomes a tab, as in a text layer.
void erase_dot_leaders(tesseract::TessBaseAPI& api, poppler::image& image, double dpi) {
    Pix* binary = api.GetThresholdedImage();
    if (!binary) return;
    Boxa* blobs = pixConnCompBB(binary, 8);
    pixDestroy(&binary);
    if (!blobs) return;
    const int max_dot = static_cast<int>(std::lround(dpi * 0.04));  // 1 mm
    std::vector<Box> dots;
    for (int i = 0; i < boxaGetCount(blobs); ++i) {
        int x, y, w, h;
        if (boxaGetBoxGeometry(blobs, i, &x, &y, &w, &h) == 0 && w <= max_dot && h <= max_dot &&
            w <= 2 * h && h <= 2 * w)
            dots.push_back(Box{x, y, x + w, y + h});
    }
    boxaDestroy(&blobs);
    std::sort(dots.begin(), dots.end(), [](const Box& a, const Box& b) { return a.left < b.left; });

    // Rows still open, by the bottom of their last dot. Dots come from left to right, so a row
    // that ended far to the left is closed for good: speckled scans stay fast.
    using Row = std::vector<const Box*>;
    std::vector<Row> rows;
    std::multimap<int, size_t> open;
    for (const Box& dot : dots) {
        size_t target = rows.size();
        for (auto it = open.lower_bound(dot.bottom - max_dot);
             it != open.end() && it->first <= dot.bottom + max_dot;) {
            const Box& last = *rows[it->second].back();
            const int gap = dot.left - last.right;
            if (gap > 3 * max_dot) {
                it = open.erase(it);
                continue;
            }
            if (gap > 0 && std::abs(dot.bottom - last.bottom) <= std::max(2, last.height() / 2)) {
                target = it->second;
                open.erase(it);
                break;
            }
            ++it;
        }
        if (target == rows.size()) rows.emplace_back();
        rows[target].push_back(&dot);
        open.emplace(dot.bottom, target);
    }
    auto* pixels = reinterpret_cast<unsigned char*>(image.data());
    for (const auto& row : rows) {
        if (row.size() < 5) continue;
        for (const Box* dot : row)
            for (int y = std::max(0, dot->top - 1); y < std::min(image.height(), dot->bottom + 1);
                 ++y) {
                unsigned char* line = pixels + static_cast<size_t>(y) * image.bytes_per_row();
                std::fill(line + std::max(0, dot->left - 1),
                          line + std::min(image.width(), dot->right + 1), 255);
            }
    }
}

struct OcrWord {
    std::string text;
    Box box{};
    Box last_glyph{};
};

struct OcrLine {
    float row_height = 0;  // x-height plus ascender height, in pixels
    bool has_baseline = false;
    int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    std::vector<OcrWord> words;

    double baseline_at(double x, double fallback) const {
        if (!has_baseline || x2 == x1) return fallback;
        return y1 + double(y2 - y1) * (x - x1) / (x2 - x1);
    }
};

// The LSTM reads a wide gap after punctuation as more punctuation ("1." + tab → "1...",
// "-" + tab → "-…"). Such characters get a box a pixel or two wide inside the previous one.
bool is_gap_artefact(const Box& glyph, const OcrWord& word, double dpi) {
    if (word.text.empty() || glyph.width() > dpi / 150) return false;
    const Box& prev = word.last_glyph;
    return glyph.left >= prev.left && glyph.right <= prev.right + 1 &&
           !u_isalnum(text::last_code_point(word.text));
}

std::vector<OcrLine> read_lines(tesseract::TessBaseAPI& api, double dpi) {
    std::vector<OcrLine> lines;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it || it->Empty(tesseract::RIL_SYMBOL)) return lines;
    do {
        if (lines.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
            OcrLine line;
            float descenders, ascenders;
            it->RowAttributes(&line.row_height, &descenders, &ascenders);
            line.has_baseline =
                it->Baseline(tesseract::RIL_TEXTLINE, &line.x1, &line.y1, &line.x2, &line.y2);
            lines.push_back(std::move(line));
        }
        auto& words = lines.back().words;
        if (words.empty() || it->IsAtBeginningOf(tesseract::RIL_WORD)) words.emplace_back();
        const std::unique_ptr<char[]> glyph_text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
        Box glyph{};
        if (!glyph_text || !*glyph_text.get() ||
            !it->BoundingBox(tesseract::RIL_SYMBOL, &glyph.left, &glyph.top, &glyph.right,
                             &glyph.bottom) ||
            is_gap_artefact(glyph, words.back(), dpi))
            continue;
        auto& word = words.back();
        if (word.text.empty()) {
            word.box = glyph;
        } else {
            word.box.left = std::min(word.box.left, glyph.left);
            word.box.top = std::min(word.box.top, glyph.top);
            word.box.right = std::max(word.box.right, glyph.right);
            word.box.bottom = std::max(word.box.bottom, glyph.bottom);
        }
        word.text += glyph_text.get();
        word.last_glyph = glyph;
    } while (it->Next(tesseract::RIL_SYMBOL));
    return lines;
}

// The body text size of the page: the row height most words have. Tesseract measures each row
// on its own letters, so rows of one paragraph differ by a pixel or two.
float typical_row_height(const std::vector<OcrLine>& lines) {
    using Height = std::pair<float, size_t>;  // row height, words in the row
    std::vector<Height> heights;
    size_t total = 0;
    for (const auto& line : lines) {
        heights.emplace_back(line.row_height, line.words.size());
        total += line.words.size();
    }
    std::sort(heights.begin(), heights.end());
    size_t seen = 0;
    for (const auto& [height, words] : heights)
        if ((seen += words) * 2 >= total) return height;
    return 0;
}

std::string unavailable_reason() {
    if (Engine::get().ready()) return {};
    return "Tesseract's Danish data is missing (apt-get install tesseract-ocr-dan, or set "
           "TESSDATA_PREFIX)";
}

std::vector<Word> words_on(const poppler::page& page) {
    auto& api = Engine::get().api();
    const auto rect = page.page_rect();
    if (rect.width() <= 0 || rect.height() <= 0) return {};
    const double dpi =
        std::min(kDpi, 72.0 * std::sqrt(kMaxPixels / (rect.width() * rect.height())));

    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing);
    poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || !has_ink(image)) return {};

    auto set_image = [&] {
        api.SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(),
                     image.height(), 1, image.bytes_per_row());
        api.SetSourceResolution(static_cast<int>(std::lround(dpi)));
    };
    set_image();
    erase_dot_leaders(api, image, dpi);
    set_image();
    tesseract::ETEXT_DESC monitor;
    monitor.set_deadline_msecs(kPageDeadlineMs);
    const bool recognised = api.Recognize(&monitor) == 0;
    const auto lines = recognised ? read_lines(api, dpi) : std::vector<OcrLine>{};
    api.Clear();
    if (!recognised) throw InputError("OCR failed");

    // OCR boxes hug the ink, so their height changes with ascenders and descenders; poppler's
    // boxes span the font's ascent and descent. Each word gets a box of the latter kind, from
    // the baseline and the row height (about 0.75 em in common fonts), so that line spacing and
    // paragraph gaps read as in a text layer. Rows within 15 % of the page's usual height are
    // body text of one size.
    const double scale = 72.0 / dpi;
    const float typical = typical_row_height(lines);
    std::vector<Word> words;
    for (const auto& line : lines) {
        const float row_height =
            std::abs(line.row_height - typical) <= 0.15f * typical ? typical : line.row_height;
        for (const auto& w : line.words) {
            if (w.text.empty()) continue;
            const double em = row_height > 0 ? row_height / 0.75 : w.box.height();
            const double baseline =
                line.baseline_at(0.5 * (w.box.left + w.box.right), w.box.bottom);
            words.push_back(Word{w.text, w.box.left * scale, (baseline - 0.95 * em) * scale,
                                 w.box.right * scale, (baseline + 0.3 * em) * scale, true,
                                 em * scale, false});
        }
    }
    return words;
}

}  // namespace

}  // namespace referat::extract

extern "C" __attribute__((visibility("default"))) const referat::extract::OcrEntry*
referat_ocr_entry() {
    static const referat::extract::OcrEntry entry{referat::extract::unavailable_reason,
                                                  referat::extract::words_on};
    return &entry;
}
