// The contract between the code and patterns/*.re: every key the code reads, the file it lives
// in, whether the file must give it, and the named groups the code takes from each of its
// patterns. Rules::load holds every pattern line's key to it, and compiling a pattern its named
// groups, so a renamed group or a misspelt key fails with "patterns/FILE:LINE: reason" instead of
// matching nothing.
#pragma once

#include <string_view>
#include <vector>

namespace referat::rules {

struct KeySpec {
    std::string_view key;
    std::string_view file;                 // "parse.re"
    bool required;                         // the file must give at least one pattern
    std::vector<std::string_view> groups;  // named groups every pattern of the key must have
};

// Every key, in no particular order.
const std::vector<KeySpec>& contract();

// The contract of `key`, or nullptr for a key the code does not read.
const KeySpec* key_spec(std::string_view key);

}  // namespace referat::rules
