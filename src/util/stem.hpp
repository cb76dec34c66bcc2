// The Snowball Danish stemmer (libstemmer): "kommunalbestyrelsen" → "kommunalbestyr".
#pragma once

#include <string>
#include <string_view>

struct sb_stemmer;

namespace referat::text {

// One stemmer instance; not thread-safe (libstemmer keeps state per instance), cheap to create.
class DanishStemmer {
  public:
    DanishStemmer();
    ~DanishStemmer();
    DanishStemmer(const DanishStemmer&) = delete;
    DanishStemmer& operator=(const DanishStemmer&) = delete;

    // Stems one lower-case UTF-8 word.
    std::string stem(std::string_view word);

  private:
    sb_stemmer* stemmer_;
};

}  // namespace referat::text
