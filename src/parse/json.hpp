// The referat/1 JSON shape (see tests/golden/SCHEMA.md): the contract `referat extract` prints.
#pragma once

#include <nlohmann/json.hpp>

#include "model/referat.hpp"

namespace referat::parse {

nlohmann::ordered_json to_json(const Referat& r);

}  // namespace referat::parse
