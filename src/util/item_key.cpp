// Item keys are plain text, so they can be compared in SQL and read in `referat extract` output.
#include "util/item_key.hpp"

namespace referat::cases {

std::string item_key(const std::optional<std::string>& municipality,
                     const std::optional<std::string>& committee,
                     const std::optional<std::string>& date, std::optional<int> number,
                     std::string_view content_hash) {
    const std::string n = number ? std::to_string(*number) : "";
    if (committee && date)
        return municipality.value_or("") + "|" + *committee + "|" + *date + "|" + n;
    return "sha256:" + std::string(content_hash) + "|" + n;
}

}  // namespace referat::cases
