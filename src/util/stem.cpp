// Snowball's Danish stemmer (libstemmer), one instance per user: it is not thread-safe.
#include "util/stem.hpp"

#include <libstemmer.h>

#include <new>

namespace referat::text {

DanishStemmer::DanishStemmer() : stemmer_(sb_stemmer_new("danish", "UTF_8")) {
    if (!stemmer_) throw std::bad_alloc();
}

DanishStemmer::~DanishStemmer() {
    sb_stemmer_delete(stemmer_);
}

std::string DanishStemmer::stem(std::string_view word) {
    const auto* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                      static_cast<int>(word.size()));
    if (!out) throw std::bad_alloc();
    return std::string(reinterpret_cast<const char*>(out),
                       static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace referat::text
