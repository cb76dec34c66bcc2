// Hyphens and full stops count as spaces rather than vanishing, so "S.Hansen" and "S. Hansen"
// are one key; U+2010 and U+2011 are the hyphens a PDF or a web page may print instead of '-'.
#include "util/person_key.hpp"

#include "util/text.hpp"

namespace referat {

std::string person_key(std::string_view name) {
    const std::string folded = text::fold(name);
    std::string key;
    for (size_t i = 0; i < folded.size();) {
        const std::string_view rest = std::string_view(folded).substr(i);
        if (rest.starts_with("\u2010") || rest.starts_with("\u2011")) {
            key += ' ';
            i += 3;
        } else {
            key += folded[i] == '-' || folded[i] == '.' ? ' ' : folded[i];
            ++i;
        }
    }
    return text::collapse(key);
}

}  // namespace referat
