// libFuzzer harness: arbitrary bytes as a text export of minutes, through every stage that reads
// them (encoding detection, layout repair, segment, parse, theme links, JSON). Only InputError, the
// one-line refusal of a bad file, may come out; anything else is a crash.
#include <cstddef>
#include <cstdint>
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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const referat::ingest::Pipeline pipeline(rules());
    try {
        const auto text = referat::extract::extract_bytes(
            std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt", rules());
        referat::parse::to_json(pipeline.read(text)).dump();
    } catch (const referat::InputError&) {
    }
    return 0;
}
