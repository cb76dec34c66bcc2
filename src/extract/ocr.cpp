// OCR through the module referat_ocr.so, opened the first time a page needs it.
#include "extract/ocr.hpp"

#include <dlfcn.h>

#include <filesystem>

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
    // Installed beside the program; a program of the build tree also takes the one built with it.
    std::vector<std::filesystem::path> places;
    if (auto installed = install_paths::beside_program(REFERAT_OCR_MODULE_FROM_BIN))
        places.push_back(*installed);
    if (install_paths::in_build_tree(REFERAT_BUILD_DIR)) places.emplace_back(REFERAT_OCR_MODULE);
    std::string why;
    for (const auto& place : places) {
        std::error_code ec;
        if (!std::filesystem::exists(place, ec)) continue;
        // RTLD_LOCAL: Tesseract's symbols stay the module's own.
        void* handle = dlopen(place.c_str(), RTLD_NOW | RTLD_LOCAL);
        const auto entry =
            handle ? reinterpret_cast<const OcrEntry* (*)()>(dlsym(handle, kOcrEntrySymbol))
                   : nullptr;
        if (entry) return OcrModule{entry(), {}};
        const char* error = dlerror();
        why = error ? error : place.string() + ": not an OCR module";
    }
    if (why.empty())
        why = "the OCR module is not installed (" +
              (places.empty() ? std::string("referat_ocr.so") : places.front().string()) + ")";
    return OcrModule{nullptr, why};
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
