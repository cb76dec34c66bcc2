// OCR through the module referat_ocr.so, opened the first time a page needs it.
#include "extract/ocr.hpp"

#include "extract/ocr_module/entry.hpp"
#include "util/install_paths.hpp"

namespace referat::extract {

namespace {

// The module's entry, or why there is none.
struct OcrModule {
    const OcrEntry* entry = nullptr;
    std::string missing;
};

#ifdef REFERAT_OCR_MODULE

OcrModule open_module() {
    auto module = install_paths::open_module(REFERAT_OCR_MODULE_FROM_BIN, REFERAT_OCR_MODULE,
                                             REFERAT_BUILD_DIR, kOcrEntrySymbol);
    if (!module.entry) return OcrModule{nullptr, "the OCR module: " + module.missing};
    return OcrModule{reinterpret_cast<const OcrEntry* (*)()>(module.entry)(), {}};
}

#else

OcrModule open_module() {
    return OcrModule{
        nullptr,
        "built without OCR (apt-get install libtesseract-dev tesseract-ocr-dan, then rebuild)"};
}

#endif

const OcrModule& ocr_module() {
    static const OcrModule module = open_module();
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
