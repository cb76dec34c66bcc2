// OCR through the module referat_ocr.so, opened the first time a page needs it.
#include "extract/ocr.hpp"

#include "extract/ocr_module/entry.hpp"
#include "util/install_paths.hpp"

namespace referat::extract {

namespace {

using OcrModule = install_paths::Module<OcrEntry>;

#ifdef REFERAT_OCR_MODULE

OcrModule open_ocr_module() {
    auto module = install_paths::open_module<OcrEntry>(
        REFERAT_OCR_MODULE_FROM_BIN, REFERAT_OCR_MODULE, REFERAT_BUILD_DIR, kOcrEntrySymbol);
    if (!module.entry) module.missing = "the OCR module: " + module.missing;
    return module;
}

#else

OcrModule open_ocr_module() {
    return OcrModule{
        nullptr,
        "built without OCR (apt-get install libtesseract-dev tesseract-ocr-dan, then rebuild)"};
}

#endif

const OcrModule& ocr_module() {
    static const OcrModule module = open_ocr_module();
    return module;
}

}  // namespace

std::string ocr_unavailable_reason() {
    const auto& module = ocr_module();
    return module.entry ? module.entry->unavailable_reason() : module.missing;
}

std::vector<Word> ocr_words(const poppler::page& page) {
    const auto& module = ocr_module();
    return module.entry ? module.entry->words(page) : std::vector<Word>{};
}

}  // namespace referat::extract
