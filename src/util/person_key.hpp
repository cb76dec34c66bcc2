// Who a person is, as one key for every stage: the parser de-duplicates absentees and finds
// their party with it, and the store keeps it for the --absent filter, so both agree on who is
// one person.
#pragma once

#include <string>
#include <string_view>

namespace referat {

// Case-folded; hyphens, full stops and spacing not counted ("Panton-Kristiansen" = "panton
// kristiansen", "Steen S. Hansen" = "Steen S Hansen"). Also the SQL function referat_person_key.
std::string person_key(std::string_view name);

}  // namespace referat
