// Referats made up in a test, to be stored without parsing any minutes.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/referat.hpp"

namespace referat::testing {

// A Stevns meeting of `committee` on `date` (ISO) with `items`, known by `hash`.
inline Referat meeting(const std::string& hash, const std::string& committee,
                       const std::string& date, std::vector<Item> items) {
    Referat r;
    r.source = hash + ".pdf";
    r.content_hash = hash;
    r.municipality = "Stevns";
    r.committee = committee;
    r.date = date;
    r.items = std::move(items);
    return r;
}

}  // namespace referat::testing
