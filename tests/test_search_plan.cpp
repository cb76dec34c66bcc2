// The search plan that keeps a search fast on a million items: matches walked newest first inside
// FTS5 with early stop, ranking bounded to the newest candidates, and a selective filter driving
// the search. Each test checks the answer against an order computed here from the stored data, and
// the plan that produced it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "fixtures.hpp"
#include "helpers.hpp"
#include "query/query.hpp"
#include "rules/rules.hpp"
#include "store/database.hpp"

using referat::Item;
using referat::Referat;
using referat::query::Hit;
using referat::query::SearchOptions;
using referat::query::SearchPlan;
using referat::store::Database;
using referat::testing::TempDb;

namespace {

Referat meeting(const std::string& committee, const std::optional<std::string>& date,
                const std::vector<int>& numbers, const std::string& text) {
    Referat r;
    r.content_hash = committee + date.value_or("none");
    r.source = r.content_hash + ".txt";
    r.municipality = "Stevns";
    r.committee = committee;
    r.date = date;
    for (const int n : numbers) {
        Item it;
        it.number = n;
        it.title = "Punkt " + std::to_string(n);
        it.case_text = text;
        r.items.push_back(it);
    }
    return r;
}

// 1, 2, ..., count: the items of a long meeting.
std::vector<int> item_numbers(int count) {
    std::vector<int> numbers(static_cast<size_t>(count));
    std::iota(numbers.begin(), numbers.end(), 1);
    return numbers;
}

std::string day(int d) {
    char buf[32];  // room for any int, so GCC's -Wformat-truncation has nothing to say
    std::snprintf(buf, sizeof buf, "2020-%02d-%02d", 1 + d / 28, 1 + d % 28);
    return buf;
}

struct Stored {
    std::string date;
    int number;
    bool operator==(const Stored&) const = default;
};

std::vector<Stored> stored_of(const std::vector<Hit>& hits) {
    std::vector<Stored> out;
    for (const auto& h : hits) out.push_back({h.date, h.number});
    return out;
}

}  // namespace

template <>
struct Catch::StringMaker<Stored> {
    static std::string convert(const Stored& s) { return s.date + "#" + std::to_string(s.number); }
};

TEST_CASE("newest first: date order whatever the order of ingest, and an early stop",
          "[query][plan]") {
    TempDb tmp{"referat-plan-"};
    Database db(tmp.path.string());
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");

    // 40 meetings on 30 dates, stored in random order; items stored out of number order; two
    // committees meet on some dates; one meeting has no date.
    std::vector<std::tuple<std::string, std::optional<std::string>>> meetings;
    for (int d = 0; d < 30; ++d) meetings.emplace_back("Økonomiudvalget", day(d * 7));
    for (int d = 0; d < 10; ++d) meetings.emplace_back("Børn, Unge og Læring", day(d * 21));
    meetings.emplace_back("Særligt Udvalg", std::nullopt);
    std::shuffle(meetings.begin(), meetings.end(), std::mt19937(7));
    std::vector<Stored> all;
    for (const auto& [committee, date] : meetings) {
        db.store(meeting(committee, date, {3, 1, 2}, "Budget for året drøftes."), rules);
        for (const int n : {1, 2, 3}) all.push_back({date.value_or(""), n});
    }
    // Meeting date descending (no date last), then item number.
    std::sort(all.begin(), all.end(), [](const Stored& a, const Stored& b) {
        return std::tie(b.date, a.number) < std::tie(a.date, b.number);
    });

    SearchOptions o;
    o.query = "budget";
    o.newest_first = true;
    for (const int limit : {1, 5, 7, 20}) {
        o.limit = limit;
        SearchPlan plan;
        const auto hits = referat::query::search(db, o, rules, &plan).hits;
        INFO("limit " << limit);
        CHECK(stored_of(hits) == std::vector<Stored>(all.begin(), all.begin() + limit));
        CHECK(plan.driver == "fts");
        // It counted every match, and read the items of the rows shown and the rest of the last
        // date shown (at most two meetings).
        CHECK(plan.rows == all.size());
        CHECK(plan.fetched >= static_cast<size_t>(limit));
        CHECK(plan.fetched < static_cast<size_t>(limit) + 6);
    }
    o.limit = 0;  // all of them
    CHECK(stored_of(referat::query::search(db, o, rules).hits) == all);

    // A date range is a range of FTS rowids.
    o.from = day(7 * 5);
    o.to = day(7 * 9);
    std::vector<Stored> in_range;
    std::copy_if(all.begin(), all.end(), std::back_inserter(in_range),
                 [&](const Stored& s) { return s.date >= *o.from && s.date <= *o.to; });
    REQUIRE(in_range.size() > 6);
    CHECK(stored_of(referat::query::search(db, o, rules).hits) == in_range);

    // A replaced meeting keeps its place in date order.
    auto again = meeting("Økonomiudvalget", day(0), {1}, "Budget for året godkendes.");
    again.content_hash = "second version";
    db.store(again, rules);
    o.from = o.to = day(0);
    o.committee = "ØU";
    const auto hits = referat::query::search(db, o, rules).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].committee == "Økonomiudvalget");
}

TEST_CASE("ranking a word in most items ranks the newest candidates and says so", "[query][plan]") {
    TempDb tmp{"referat-plan-"};
    Database db(tmp.path.string());
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    const auto numbers = item_numbers(60);
    for (int d = 0; d < 40; ++d)
        db.store(meeting("Økonomiudvalget", day(d), numbers, "Budget for året drøftes kort."),
                 rules);
    // The best match is the newest meeting's item with the word in its title and text.
    auto best = meeting("Økonomiudvalget", day(100), {1}, "Budget, budget og budget.");
    best.items[0].title = "Budget";
    db.store(best, rules);

    SearchOptions o;
    o.query = "budget";
    o.limit = 3;
    SearchPlan plan;
    auto result = referat::query::search(db, o, rules, &plan);
    auto hits = result.hits;
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].date == day(100));
    CHECK(plan.driver == "fts");
    CHECK(plan.ranked_newest == 2000);  // 2,401 match
    // Counting stopped there too. The items read are those of the hits shown and of the items
    // that tie with them in score and date, whose numbers decide the order: the best, then two
    // of the newest meeting's 60 equal items.
    CHECK(result.total == 2000);
    CHECK(result.total_capped);
    CHECK(plan.fetched == 1 + 60);

    // Within a date range under the bound every match is ranked and counted.
    o.from = day(30);
    plan = {};
    result = referat::query::search(db, o, rules, &plan);
    hits = result.hits;
    CHECK(plan.ranked_newest == 0);
    CHECK(plan.rows == 10 * 60 + 1);
    CHECK(result.total == 10 * 60 + 1);
    CHECK_FALSE(result.total_capped);
    CHECK(hits[0].date == day(100));
}

TEST_CASE("a committee's items are the keys the walk checks its matches against", "[query][plan]") {
    TempDb tmp{"referat-plan-"};
    Database db(tmp.path.string());
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    const auto numbers = item_numbers(60);
    // 2,400 items of one committee (more than the 2,000 newest a search counts), then newer
    // matches of another, after the span of the committee's items that the walk goes through.
    for (int d = 0; d < 40; ++d)
        db.store(meeting("Økonomiudvalget", day(d), numbers, "Budget for året drøftes."), rules);
    for (int d = 40; d < 80; ++d)
        db.store(meeting("Børn, Unge og Læring", day(d), {1, 2}, "Budget for skolerne."), rules);

    SearchOptions o;
    o.query = "budget";
    o.committee = "ØU";
    o.newest_first = true;
    o.limit = 5;
    SearchPlan plan;
    auto hits = referat::query::search(db, o, rules, &plan).hits;
    CHECK(plan.driver == "committee");
    CHECK(plan.looked_up == 0);
    CHECK(plan.walked < 2400);  // the count stops after the newest 2,000 (and their last day)
    CHECK(
        stored_of(hits) ==
        std::vector<Stored>{{day(39), 1}, {day(39), 2}, {day(39), 3}, {day(39), 4}, {day(39), 5}});

    o.newest_first = false;
    plan = {};
    hits = referat::query::search(db, o, rules, &plan).hits;
    CHECK(plan.driver == "committee");
    CHECK(plan.ranked_newest == 2000);
    REQUIRE(hits.size() == 5);
    for (const auto& h : hits) {
        CHECK(h.committee == "Økonomiudvalget");
        CHECK(h.date >= day(40 - 2000 / 60 - 1));  // among the newest 2,000 of the committee
    }

    // Listed without a word: the newest, though the committee's items come by id and more of
    // them than are counted.
    o.query = "";
    o.limit = 3;
    plan = {};
    const auto listed = referat::query::search(db, o, rules, &plan);
    CHECK(plan.driver == "committee");
    CHECK(listed.total_capped);
    CHECK(stored_of(listed.hits) == std::vector<Stored>{{day(39), 1}, {day(39), 2}, {day(39), 3}});
}

TEST_CASE("a person's absences drive the search instead of the matches", "[query][plan]") {
    TempDb tmp{"referat-plan-"};
    Database db(tmp.path.string());
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    for (int d = 0; d < 30; ++d) {
        auto r = meeting("Økonomiudvalget", day(d), {1, 2}, "Budget for året godkendes.");
        if (d % 10 == 3) r.absent = {{"Mette Hansen", "A"}};
        db.store(r, rules);
    }
    SearchOptions o;
    o.query = "godkendes";
    o.absent = "mette  hansen";
    o.newest_first = true;
    SearchPlan plan;
    const auto hits = referat::query::search(db, o, rules, &plan).hits;
    CHECK(plan.driver == "absent");
    CHECK(stored_of(hits) ==
          std::vector<Stored>{
              {day(23), 1}, {day(23), 2}, {day(13), 1}, {day(13), 2}, {day(3), 1}, {day(3), 2}});
    // Six items: the walk checks the matches from the newest item's to the oldest's (days 23 to
    // 3, two a day), nothing is looked up.
    CHECK(plan.walked == (23 - 3 + 1) * 2);
    CHECK(plan.looked_up == 0);
}

TEST_CASE("a driver's items are looked up one by one where the walk over the matches ran out",
          "[query][plan]") {
    TempDb tmp{"referat-plan-"};
    Database db(tmp.path.string());
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    // 2,400 matches; the case number is on an item of the newest meeting and one of an old one.
    for (int d = 0; d < 60; ++d) {
        auto r = meeting("Økonomiudvalget", day(d), item_numbers(40), "Budget for året godkendes.");
        if (d == 59) r.items[4].case_number = "20/1234";
        if (d == 2) r.items[7].case_number = "20/1234";
        db.store(r, rules);
    }
    SearchOptions o;
    o.query = "godkendes";
    o.case_number = "20/1234";
    for (const bool newest : {true, false}) {
        o.newest_first = newest;
        SearchPlan plan;
        const auto hits = referat::query::search(db, o, rules, &plan).hits;
        CHECK(plan.driver == "case number");
        // Two items 57 days of matches apart: the walk meets the newer one, and after its sample
        // stops, as the matches still ahead would cost more than looking up the older one.
        CHECK(plan.walked >= 1024);
        CHECK(plan.walked < (59 - 2) * 40);
        CHECK(plan.looked_up == 1);
        CHECK(stored_of(hits) == std::vector<Stored>{{day(59), 5}, {day(2), 8}});
    }
}

// With one phrase, referat_bm25 leaves out the phrase's idf, a factor of every row's score alike
// (counting the rows of a common word was a third of a search at a million items): the order is
// FTS5's. With several it is FTS5's score, also where a phrase is in most rows (its count stops
// at half of them, where the idf reaches its floor).
TEST_CASE("referat_bm25 ranks as FTS5's bm25 does, also one row at a time", "[query][plan]") {
    TempDb tmp{"referat-plan-"};
    Database db(tmp.path.string());
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    std::mt19937 rng(3);
    const std::vector<std::string> words{"budget", "skole", "vej", "plan", "drift", "anlæg"};
    for (int d = 0; d < 20; ++d) {
        auto r = meeting("Økonomiudvalget", day(d), {1, 2, 3}, "");
        for (auto& it : r.items) {
            for (int w = 0; w < 12; ++w) it.case_text += words[rng() % words.size()] + " ";
            it.title += " " + words[rng() % words.size()];
        }
        db.store(r, rules);
    }
    const std::string weights = ", 10.0, 3.0, 3.0, 8.0, 5.0, 1.0)";
    for (const std::string match : {"budget", "skole OR vej", "plan drift", "\"budget skole\""}) {
        INFO(match);
        referat::store::Statement all(db.handle(), "SELECT rowid, bm25(items_fts" + weights +
                                                       ", referat_bm25(items_fts, 'one search'" +
                                                       weights +
                                                       " FROM items_fts WHERE items_fts MATCH ?1");
        referat::store::Statement one(
            db.handle(), "SELECT referat_bm25(items_fts, ?1" + weights +
                             " FROM items_fts WHERE items_fts MATCH ?1 AND rowid = ?2");
        all.bind(1, match);
        const bool one_phrase = match == "budget" || match == "\"budget skole\"";
        int rows = 0;
        std::optional<double> factor;  // referat_bm25 / bm25, the same for every row
        while (all.step()) {
            ++rows;
            const double fts5 = all.column_double(1), referat = all.column_double(2);
            if (!factor) factor = one_phrase ? referat / fts5 : 1.0;
            CHECK(*factor > 0.0);
            CHECK(referat == Approx(fts5 * *factor).epsilon(1e-12));
            REQUIRE(one.bind(1, match).bind(2, all.column_int(0)).step());
            CHECK(one.column_double(0) == Approx(referat).epsilon(1e-12));
            one.reset();
        }
        CHECK(rows > 0);
    }
}

TEST_CASE("referat optimize merges the index that small ingests left in segments",
          "[query][plan][cli]") {
    TempDb tmp{"referat-plan-"};
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    const auto segments = [&] {
        Database db(tmp.path.string(), Database::Mode::Read);
        referat::store::Statement st(db.handle(),
                                     "SELECT count(DISTINCT segid) FROM items_fts_idx");
        st.step();
        return st.column_int(0);
    };
    {
        // Each meeting its own transaction, as daily ingests of one file are.
        Database db(tmp.path.string());
        for (int d = 0; d < 12; ++d)
            db.store(meeting("Økonomiudvalget", day(d), {1, 2}, "Budget for året."), rules);
    }
    REQUIRE(segments() > 1);
    const auto run = referat::testing::run_referat({"optimize", "--db", tmp.path.string()});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("24 items merged into one segment") != std::string::npos);
    CHECK(segments() == 1);
    Database db(tmp.path.string(), Database::Mode::Read);
    SearchOptions o;
    o.query = "budget";
    o.limit = 0;
    CHECK(referat::query::search(db, o, rules).hits.size() == 24);
}

TEST_CASE("a large ingest merges the full-text index, a small one leaves it", "[query][plan]") {
    TempDb tmp{"referat-plan-"};
    Database db(tmp.path.string());
    const auto rules = referat::rules::Rules::load(REFERAT_SOURCE_DIR "/patterns");
    const auto segments = [&] {
        referat::store::Statement st(db.handle(),
                                     "SELECT count(DISTINCT segid) FROM items_fts_idx");
        st.step();
        return st.column_int(0);
    };
    // Words of their own in each meeting, so that the segments take many pages.
    for (int d = 0; d < 30; ++d) {
        std::string text = "Budget for året.";
        for (int w = 0; w < 400; ++w) text += " ord" + std::to_string(d * 1000 + w);
        db.store(meeting("Økonomiudvalget", day(d), {1, 2}, text), rules);
    }
    const auto before = segments();
    REQUIRE(before > 1);
    db.merge_index(5);  // under a tenth of the 60 items
    CHECK(segments() == before);
    const auto pages = [&](const char* pragma) {
        referat::store::Statement st(db.handle(), std::string("PRAGMA ") + pragma);
        st.step();
        return st.column_int(0);
    };
    const auto file_pages = pages("page_count");
    db.merge_index(6);
    CHECK(segments() == 1);
    // The old segments' pages go back to the file system, not to the file's free list.
    CHECK(pages("freelist_count") == 0);
    CHECK(pages("page_count") < file_pages);
    SearchOptions o;
    o.query = "budget";
    o.limit = 0;
    CHECK(referat::query::search(db, o, rules).hits.size() == 60);
}
