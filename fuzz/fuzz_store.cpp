// libFuzzer harness: arbitrary bytes as a text export of minutes, stored, then read back as the
// commands read it: searched (the first line of the input is the query, as a user might type
// anything), shown, traced as cases, explained and reported on in every format. The file is
// stored twice (the second time as a corrected version), so replacing a meeting runs too. Only
// the one-line refusals a user gets (InputError, QueryError) may come out; anything else,
// a database error included, is a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/render.hpp"
#include "extract/extract.hpp"
#include "ingest/ingest.hpp"
#include "query/case.hpp"
#include "query/query.hpp"
#include "query/report.hpp"
#include "query/theme_report.hpp"
#include "store/database.hpp"
#include "util/text.hpp"

using namespace referat;

namespace {

const rules::Rules& patterns() {
    static const auto loaded = rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    return loaded;
}

void search(store::Database& db, query::SearchOptions options) {
    try {
        const auto found = query::search(db, options, patterns());
        const auto& hits = found.hits;
        text::printable(cli::format_hits(hits) + cli::hits_csv(found) + cli::hits_json(found) +
                        cli::matches_line(found, options.offset) +
                        cli::format_hits_by_case(query::group_hits_by_case(db, hits)));
    } catch (const query::QueryError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const ingest::Pipeline pipeline(patterns());
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    Referat r;
    try {
        r = pipeline.read(extract::extract_bytes(bytes, "fuzz.txt", patterns()));
    } catch (const InputError&) {
        return 0;
    }
    store::Database db(":memory:");
    db.store(r, patterns());
    r.content_hash += "-corrected";
    r.source = "fuzz-corrected.txt";
    db.store(r, patterns());

    query::SearchOptions options;
    options.query = bytes.substr(0, std::min<size_t>(bytes.find('\n'), 200));
    search(db, options);
    options.newest_first = true;
    options.section = "decision";
    search(db, options);
    for (const auto& it : r.items) {
        const auto words = text::collapse(it.title);
        options.query = words.substr(0, words.find(' '));
        options.section = "title";
        options.newest_first = false;
        search(db, options);
    }

    store::Statement items(db.handle(), "SELECT id FROM items ORDER BY id");
    while (items.step()) {
        const long long id = items.column_int(0);
        const auto item = query::load_item(db, id);
        const auto view = query::load_case(db, patterns(), id);
        text::printable(cli::item_text(item) + cli::item_json(item) +
                        cli::linked_themes_line(query::linked_themes(db, id)) +
                        cli::case_line(query::case_of_item(db, id), id) + cli::format_case(view) +
                        cli::case_json(view) +
                        cli::format_item_themes(query::explain_item(db, id, patterns())));
    }

    // The quarter of the meeting, with and without its committee.
    std::string quarter = "2020Q3";
    if (r.date && r.date->size() == 10 && r.date->substr(5, 2) >= "01" &&
        r.date->substr(5, 2) <= "12") {
        const int month = ((*r.date)[5] - '0') * 10 + ((*r.date)[6] - '0');
        quarter = r.date->substr(0, 4) + "Q" + std::to_string((month - 1) / 3 + 1);
    }
    for (const auto& committee : {std::optional<std::string>(), r.committee}) {
        try {
            const auto report = query::build_report(db, quarter, committee, patterns());
            text::printable(cli::render_markdown(report) + cli::render_html(report) +
                            cli::render_csv(report) + cli::render_json(report));
        } catch (const query::QueryError&) {
        }
    }
    return 0;
}
