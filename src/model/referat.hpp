// Plain data types passed from stage to stage. No behaviour beyond trivial helpers.
#pragma once

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace referat {

// A file could not be turned into minutes. `what()` is the one-line reason shown to the user.
class InputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// ---- extract → segment ----------------------------------------------------------------------

// How a line was set, where the source tells it (PDF fonts, HTML elements): evidence the segmenter
// weighs beside the wording. A text file tells nothing.
struct LineStyle {
    bool heading = false;  // bold or larger than the running text, or an HTML heading element
};

// One page of repaired text: one paragraph or heading per line, UTF-8 NFC, page furniture removed.
struct Page {
    int number = 1;  // 1-based page in the source (text files are one page)
    std::vector<std::string> lines;
    // One per line when the source tells how its lines were set (PDF, HTML); empty otherwise.
    std::vector<LineStyle> styles;

    bool is_heading(size_t line) const { return line < styles.size() && styles[line].heading; }
};

// What a source file is. Of two copies of the same minutes the store keeps the one that ranks
// higher (store::Database::store).
enum class SourceFormat { Text, WebPage, Pdf };

struct ExtractedText {
    std::string source;        // path as given
    std::string content_hash;  // SHA-256 (hex) of the file's bytes: a file is known by its content
    SourceFormat format = SourceFormat::Text;
    bool ocr = false;
    std::vector<Page> pages;
};

// ---- segment → parse ------------------------------------------------------------------------

enum class SectionKind {
    CaseNumber,      // Sagsnr.
    Resume,          // Resume / Resumé
    Recommendation,  // Indstilling
    Decision,        // Beslutning [i <udvalg>] [den <dato>]
    QuotedDecision,  // "Direktionen, 17. august 2020, pkt. 2:"
    Competence,      // Beslutningskompetence / Kompetence / Sagen afgøres af
    Orientation,     // Til orientering
    CaseText,        // Sagsfremstilling / Beskrivelse af sagen / Sagens indhold
    History,         // Historik / Sagsforløb: earlier decisions of this and other bodies
    Process,         // Sagens gang
    Assessment,      // Administrationens vurdering / Vurdering
    Economy,         // Økonomi
    Legal,           // Lovgrundlag
    Attachments,     // Bilag
    Other,           // Handicappolitik, Høring, ... (known headings without a field)
};

struct Section {
    SectionKind kind = SectionKind::Other;
    std::string heading;  // the heading line as printed
    std::string body;  // body named in the heading (Beslutning <body> den <date>, quoted decision)
    std::string date_text;    // date as printed in the heading
    std::optional<int> item;  // "pkt. 2"
    std::vector<std::string>
        lines;  // content lines (text on the heading line after the colon first)
};

struct RawItem {
    int number = 0;     // as printed, or 1, 2, … when the minutes print none
    std::string title;  // empty when the minutes print none
    bool closed = false;
    int page = 1;
    std::vector<std::string> preamble;  // lines between the title and the first section
    std::vector<Section> sections;
};

struct SegmentedReferat {
    std::string source;
    std::string content_hash;
    SourceFormat format = SourceFormat::Text;
    bool ocr = false;
    bool numbered = false;           // the items' numbers are printed
    std::vector<std::string> front;  // lines before the first item (cover page, header)
    std::vector<RawItem> items;
};

// ---- parse → store / JSON -------------------------------------------------------------------

// What a decision did, in the schema's words. The names are the keys of the `outcome.*` patterns
// (patterns/parse.re), which say how each is worded.
enum class Outcome {
    None,  // no decision text to classify
    Approved,
    Recommended,
    Noted,
    Discussed,
    Postponed,
    Rejected,
    Referred,
    Handled,
    Mixed,  // points with different outcomes
    Other,
};

inline constexpr std::pair<Outcome, const char*> kOutcomeNames[] = {
    {Outcome::Approved, "approved"},   {Outcome::Recommended, "recommended"},
    {Outcome::Noted, "noted"},         {Outcome::Discussed, "discussed"},
    {Outcome::Postponed, "postponed"}, {Outcome::Rejected, "rejected"},
    {Outcome::Referred, "referred"},   {Outcome::Handled, "handled"},
    {Outcome::Mixed, "mixed"},         {Outcome::Other, "other"},
};

// "approved", …; "" for None.
inline std::string outcome_name(Outcome o) {
    for (const auto& [value, name] : kOutcomeNames)
        if (value == o) return name;
    return "";
}

// The outcome of a schema name; None for "" or an unknown name.
inline Outcome outcome_from_name(std::string_view name) {
    for (const auto& [value, name_of] : kOutcomeNames)
        if (name == name_of) return value;
    return Outcome::None;
}

struct Person {
    std::string name;
    std::string party;  // party letter(s), empty when not given
};

// Someone who attended only part of the meeting: recorded, not an absence.
struct PartialAttendance {
    Person person;
    std::string note;  // "deltog fra kl. 10"
};

struct Recommendation {
    std::string text;
    std::optional<std::string> by;
    std::vector<std::string> to;
    std::vector<std::string> via;
    std::vector<std::string> points;
};

struct DecisionPoint {
    int n = 0;
    std::string text;
    Outcome outcome = Outcome::None;
};

struct Votes {
    std::vector<std::string> for_parties;
    std::vector<std::string> against;
    std::vector<std::string> abstained;
    std::string text;
};

struct Decision {
    std::string text;
    Outcome outcome = Outcome::None;
    std::vector<Person> absent;
    std::vector<PartialAttendance> partial;
    std::vector<DecisionPoint> points;
    std::optional<Votes> votes;
    // The sentence promising the body a return ("BUL forelægges på næste møde en
    // implementeringsplan"): the case stays open until a later item.
    std::optional<std::string> promise;
};

struct HistoryEntry {
    std::string body;
    std::optional<std::string> date;  // ISO
    std::optional<int> item;
    std::string text;
    std::vector<Person> absent;
    Outcome outcome = Outcome::None;  // of the quoted text, as for a decision
};

// Why an item was linked to a theme: one matched phrase, where it was, and what it earned.
struct ThemeEvidence {
    std::string section;  // title, resume, recommendation, decision, case_text
    std::string phrase;   // as printed
    double points = 0;    // term weight × section weight
};

// One theme of a theme set (patterns/themes) as scored for one item. Items keep every theme with
// evidence, linked or not, so `referat themes explain` can show what fell short.
struct ThemeScore {
    std::string theme_set;  // file name of the set without extension, e.g. "udviklingsplan-2"
    int theme = 0;
    std::string name;
    double score = 0;
    double threshold = 0;
    bool linked = false;
    std::vector<ThemeEvidence> evidence;
};

struct Item {
    int number = 0;
    std::string title;
    bool closed = false;
    std::optional<std::string> case_number;
    std::vector<std::string> attachments;
    std::optional<std::string> resume;
    std::optional<Recommendation> recommendation;
    std::optional<Decision> decision;
    std::vector<HistoryEntry> history;
    std::string case_text;  // Sagsfremstilling and other narrative sections, for search
    int page = 1;
    std::vector<ThemeScore> themes;  // filled by the link stage
};

// The texts of an item, in reading order, by the one set of names every stage uses: theme files
// weigh them (patterns/themes), items_fts has a column each, and a search may be restricted to
// one (--in).
inline constexpr std::array<std::string_view, 5> kItemSections{"title", "resume", "recommendation",
                                                               "decision", "case_text"};

// The text of `item`'s section `name` (one of kItemSections); nothing when the item has none.
inline std::optional<std::string_view> section_text(const Item& item, std::string_view name) {
    if (name == kItemSections[0]) return item.title;
    if (name == kItemSections[1] && item.resume) return *item.resume;
    if (name == kItemSections[2] && item.recommendation) return item.recommendation->text;
    if (name == kItemSections[3] && item.decision) return item.decision->text;
    if (name == kItemSections[4] && !item.case_text.empty()) return item.case_text;
    return std::nullopt;
}

struct Referat {
    std::string source;
    std::string content_hash;
    SourceFormat format = SourceFormat::Text;
    bool ocr = false;
    std::optional<std::string> municipality;
    std::optional<std::string> committee;
    std::optional<std::string> date;  // ISO
    bool numbered = false;            // the items' numbers are printed (else 1, 2, …)
    std::vector<Person> absent;
    std::vector<Item> items;
};

}  // namespace referat
