// The stable identity of an agenda item, shared by `referat extract` (no database), the store and
// case tracking, so a re-ingest of corrected minutes finds its items (and their cases) again.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace referat::cases {

// "municipality|committee|date|number" ("Stevns|Direktionen|2020-08-17|2"). Without a committee
// or a date the file's content hash stands in ("sha256:HASH|number"). Quoted decisions of
// meetings not stored get the key their own item would have.
std::string item_key(const std::optional<std::string>& municipality,
                     const std::optional<std::string>& committee,
                     const std::optional<std::string>& date, std::optional<int> number,
                     std::string_view content_hash);

}  // namespace referat::cases
