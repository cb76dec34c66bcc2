// Segment stage: repaired text → agenda items, each a list of headed sections.
#pragma once

#include <memory>

#include "model/referat.hpp"
#include "rules/rules.hpp"

namespace referat::segment {

class Segmenter {
  public:
    explicit Segmenter(const rules::Rules& rules);
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    // Throws InputError("no agenda items found") when the text has no item structure.
    SegmentedReferat segment(const ExtractedText& text) const;

    // The section a line opens, if it is a heading (exposed for tests).
    std::optional<Section> heading(std::string_view line) const;
    // The same, trying every heading pattern in turn instead of only those a set of all of them
    // says can match (exposed for tests: both must agree on every line).
    std::optional<Section> heading_unfiltered(std::string_view line) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Markdown/HTML leftovers split into lines and removed ("**Indstilling:****Beslutning:**").
std::vector<std::string> clean_markup(std::string_view line);

}  // namespace referat::segment
