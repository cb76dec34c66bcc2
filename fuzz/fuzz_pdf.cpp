// libFuzzer harness: arbitrary bytes as a PDF, through poppler, line and paragraph rebuilding,
// furniture removal, segment, parse and theme links. Only InputError may come out; anything else is
// a crash. OCR is switched off (no Danish data): a second per scanned page would stall the fuzzer,
// and the pages it would read go the same way as a text layer's.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/extract.hpp"
#include "ingest/ingest.hpp"
#include "parse/json.hpp"

namespace {

const referat::rules::Rules& rules() {
    static const auto loaded = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setenv("TESSDATA_PREFIX", "/nonexistent", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const referat::ingest::Pipeline pipeline(rules());
    try {
        const auto text = referat::extract::extract_bytes(
            std::string(reinterpret_cast<const char*>(data), size), "fuzz.pdf", rules());
        referat::parse::to_json(pipeline.read(text)).dump();
    } catch (const referat::InputError&) {
    }
    return 0;
}
