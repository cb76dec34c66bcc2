// Internal to src/segment: which section, if any, a line opens.
#pragma once

#include <re2/set.h>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::segment {

// The section keys of patterns/sections.re and the kind each opens, in the order they are tried.
struct SectionKey {
    const char* key;
    SectionKind kind;
};
extern const SectionKey kSectionKeys[];
extern const size_t kSectionKeyCount;

class HeadingMatcher {
  public:
    explicit HeadingMatcher(const rules::Rules& rules);
    ~HeadingMatcher();

    // The section `line` (trimmed, markup removed) opens, if it is a heading: a section heading
    // alone ("Beslutning", "Indstilling:"), with its content after a colon ("Sagsnr.: 17/6692"),
    // or a quoted decision line ("Direktionen, 17. august 2020, pkt. 2:").
    std::optional<Section> match(std::string_view line) const;
    // The same, trying every form in turn instead of the forms one pass of a set says can match.
    std::optional<Section> match_unfiltered(std::string_view line) const;

  private:
    struct Form;
    std::optional<Section> section_of(size_t form, std::string_view line) const;

    std::vector<Form> forms_;
    std::optional<rules::Regex> body_not_name_;  // words no body's name has (patterns/structure.re)
    // Entry k of the set is forms_ whose `set_entry` is k: one pass over a line tells which
    // forms can match it (most lines match none).
    RE2::Set starts_;
    std::vector<std::vector<size_t>> forms_of_entry_;
};

}  // namespace referat::segment
