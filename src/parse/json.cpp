// `referat extract`'s JSON (schema referat/1, tests/golden/SCHEMA.md): every field of the parse,
// optional values as null, in a fixed key order so that outputs can be compared as text.
#include "parse/json.hpp"

#include <filesystem>

#include "util/item_key.hpp"

namespace referat::parse {

namespace {

using json = nlohmann::ordered_json;

json optional_string(const std::optional<std::string>& s) {
    return s ? json(*s) : json(nullptr);
}

json outcome_value(Outcome o) {
    return o == Outcome::None ? json(nullptr) : json(outcome_name(o));
}

json people(const std::vector<Person>& list) {
    json out = json::array();
    for (const auto& p : list)
        out.push_back(
            {{"name", p.name}, {"party", p.party.empty() ? json(nullptr) : json(p.party)}});
    return out;
}

// What `referat extract` can say about the item's case without a database: the item's own
// stable key and the keys of the quoted decisions the database will join it to.
json case_json(const Referat& r, const Item& it) {
    json quoted = json::array();
    for (const auto& h : it.history)
        if (h.date && h.item)
            quoted.push_back(
                cases::item_key(r.municipality, h.body, h.date, h.item, r.content_hash));
    return {
        {"key", cases::item_key(r.municipality, r.committee, r.date, it.number, r.content_hash)},
        {"quoted", quoted}};
}

json item_json(const Referat& r, const Item& it) {
    json j = {{"number", it.number},
              {"title", it.title.empty() ? json(nullptr) : json(it.title)},
              {"closed", it.closed},
              {"case_number", optional_string(it.case_number)},
              {"attachments", it.attachments},
              {"resume", optional_string(it.resume)},
              {"page", it.page}};
    if (const auto& r = it.recommendation) {
        j["recommendation"] = {{"text", r->text},
                               {"by", optional_string(r->by)},
                               {"to", r->to},
                               {"via", r->via},
                               {"points", r->points}};
    } else {
        j["recommendation"] = nullptr;
    }
    if (const auto& d = it.decision) {
        json points = json::array();
        for (const auto& p : d->points)
            points.push_back({{"n", p.n}, {"text", p.text}, {"outcome", outcome_value(p.outcome)}});
        json partial = json::array();
        for (const auto& p : d->partial)
            partial.push_back(
                {{"name", p.person.name},
                 {"party", p.person.party.empty() ? json(nullptr) : json(p.person.party)},
                 {"note", p.note}});
        json votes = nullptr;
        if (d->votes)
            votes = {{"for", d->votes->for_parties},
                     {"against", d->votes->against},
                     {"abstained", d->votes->abstained},
                     {"text", d->votes->text}};
        j["decision"] = {{"text", d->text},
                         {"outcome", outcome_value(d->outcome)},
                         {"absent", people(d->absent)},
                         {"partial", partial},
                         {"points", points},
                         {"votes", votes},
                         {"promise", optional_string(d->promise)}};
    } else {
        j["decision"] = nullptr;
    }
    json history = json::array();
    for (const auto& h : it.history)
        history.push_back({{"body", h.body},
                           {"date", optional_string(h.date)},
                           {"item", h.item ? json(*h.item) : json(nullptr)},
                           {"text", h.text},
                           {"outcome", outcome_value(h.outcome)},
                           {"absent", people(h.absent)}});
    j["history"] = history;
    // `themes` is what the schema scores (linked theme numbers); `theme_links` says why.
    json themes = json::array();
    json links = json::array();
    for (const auto& t : it.themes) {
        if (!t.linked) continue;
        themes.push_back(t.theme);
        json evidence = json::array();
        for (const auto& e : t.evidence)
            evidence.push_back(
                {{"section", e.section}, {"phrase", e.phrase}, {"points", e.points}});
        links.push_back({{"theme_set", t.theme_set},
                         {"theme", t.theme},
                         {"name", t.name},
                         {"score", t.score},
                         {"evidence", evidence}});
    }
    j["themes"] = themes;
    j["theme_links"] = links;
    j["case"] = case_json(r, it);
    return j;
}

}  // namespace

json to_json(const Referat& r) {
    json items = json::array();
    for (const auto& it : r.items) items.push_back(item_json(r, it));
    return {{"schema", "referat/1"},
            {"source", std::filesystem::path(r.source).filename().string()},
            {"municipality", optional_string(r.municipality)},
            {"committee", optional_string(r.committee)},
            {"date", optional_string(r.date)},
            {"numbers_printed", r.numbered},
            {"ocr", r.ocr},
            {"absent", people(r.absent)},
            {"items", items}};
}

}  // namespace referat::parse
