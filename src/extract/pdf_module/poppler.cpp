// The PDF module: each page's words with their boxes and fonts, from Poppler.
//
// The word list is read through poppler's own TextOutputDev (libpoppler-private-dev), not
// poppler-cpp's `page::text_list`: to name each word's font that one scans every font of the page
// (for a non-embedded font a fontconfig look-up under poppler's global lock, so pages could not be
// read in parallel), copies the font list into every word and converts every word through iconv;
// it cost as much as all of `pdftotext`. TextOutputDev knows each word's font already.
#include <Error.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "extract/pdf_module/entry.hpp"
#include "model/referat.hpp"
#include "util/text.hpp"

namespace referat::extract {

namespace {

bool is_bold_font(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return name.find("bold") != std::string::npos || name.find("black") != std::string::npos ||
           name.find("heavy") != std::string::npos;
}

// The words of a page in reading order, as poppler-cpp's text_list() renders them (72 dpi, the
// page's own rotation, crop box).
std::vector<Word> page_words(PDFDoc& pdf, TextOutputDev& text_out, int page_number) {
    pdf.displayPage(&text_out, page_number, 72, 72, 0, false, false, false);
    std::vector<Word> words;
    const std::unique_ptr<TextWordList> list = text_out.makeWordList();
    if (!list) return words;
    // Words in a row mostly share their font: its name is looked at once.
    const GooString* last_font = nullptr;
    bool last_font_bold = false;
    for (int i = 0; i < list->getLength(); ++i) {
        const TextWord* word = list->get(i);
        const std::unique_ptr<GooString> utf8(word->getText());
        std::string text = utf8->toStr();
        if (text::is_blank(text)) continue;
        double left, top, right, bottom;
        word->getBBox(&left, &top, &right, &bottom);
        const GooString* font = word->getFontInfo(0)->getFontName();
        if (font != last_font) {
            last_font = font;
            last_font_bold = font && is_bold_font(font->toStr());
        }
        words.push_back(Word{std::move(text), left, top, right, bottom, word->hasSpaceAfter(),
                             word->getFontSize(), last_font_bold});
    }
    return words;
}

void ignore_poppler_message(const std::string&, void*) {}
void ignore_poppler_error(ErrorCategory, Goffset, const char*) {}

std::vector<PageWords> pages(const std::string& bytes, const OcrReader& ocr) {
    // Poppler's globals (encodings, font tables) are set up once and kept. Poppler reports syntax
    // errors of damaged files on stderr; the InputError says it instead.
    static const GlobalParamsIniter poppler_globals(ignore_poppler_error);
    // The PDFDoc owns the stream, the stream only refers to the bytes.
    PDFDoc pdf(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)));
    // Only a user password locks a document; owner-password restrictions are not enforced.
    if (!pdf.isOk())
        throw InputError(pdf.getErrorCode() == errEncrypted ? "password-protected PDF"
                                                            : "damaged PDF: cannot be opened");
    if (pdf.getNumPages() <= 0) throw InputError("damaged PDF: no pages");

    TextOutputDev text_out(nullptr, false, 0, false, false);
    // Scanned pages are rendered for OCR through poppler-cpp, opened only when there is one.
    std::unique_ptr<poppler::document> for_ocr;
    std::vector<PageWords> result;
    for (int i = 0; i < pdf.getNumPages(); ++i) {
        PageWords page{page_words(pdf, text_out, i + 1), pdf.getPageCropWidth(i + 1), false};
        // A page without a text layer is a scan (or blank): read it by OCR.
        if (page.words.empty() && ocr.available()) {
            if (!for_ocr) {
                poppler::set_debug_error_function(ignore_poppler_message, nullptr);
                for_ocr.reset(poppler::document::load_from_raw_data(
                    bytes.data(), static_cast<int>(bytes.size())));
            }
            std::unique_ptr<poppler::page> rendered(for_ocr ? for_ocr->create_page(i) : nullptr);
            if (rendered) page.words = ocr.words(*rendered);
            page.ocr = !page.words.empty();
        }
        result.push_back(std::move(page));
    }
    return result;
}

}  // namespace

}  // namespace referat::extract

extern "C" __attribute__((visibility("default"))) const referat::extract::PdfEntry*
referat_pdf_entry() {
    static const referat::extract::PdfEntry entry{referat::extract::pages};
    return &entry;
}
