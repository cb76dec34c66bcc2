// Web page → lines. gumbo parses the page as a browser does (the HTML5 parsing algorithm: broken
// markup, character references); the text is then laid out as a browser's default style sheet
// sets it: block elements on lines of their own, paragraphs, headings, lists and tables set apart
// by a blank line, list items numbered or bulleted, the cells of a table row on one line. Style
// sheets and scripts are not run, so what is drawn only by them stays out, and what they would
// hide stays in unless the markup itself says it is hidden or not part of the page's text.
// One file, longer than most: the layout is one walk over gumbo's tree with one state (the line
// being built, list counters, the table row), which splitting would have to expose.
#include "extract/html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <csetjmp>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <unordered_map>
#include <vector>

namespace referat::extract {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// ---- The cost of parsing ---------------------------------------------------------------------

// gumbo looks through the stack of open elements for most tags, so elements nested a hundred
// thousand deep take it hours. Before parsing, the tags are scanned with the stack of elements
// they open; elements a page may leave open (p, li, td, …) are closed only where HTML closes them
// for certain, so the stack is never shallower than gumbo's. The sum of its depth at every tag
// bounds gumbo's work; minutes pages need a few million, a page needing more than
// kMaxNestingWork (about a second) is refused.
constexpr size_t kMaxNestingWork = 200'000'000;

struct Open {
    std::string name;
    bool foreign;  // in SVG or MathML content, where "/>" closes an element
};

// Elements that a closing tag of an enclosing element (or a new sibling, for p, li, td, …) closes
// without their own end tag, and that are not formatting elements with gumbo's own rules.
bool is_phrasing(std::string_view n) {
    return one_of(n, {"span", "abbr", "cite", "dfn", "kbd", "label", "mark", "q", "samp", "sub",
                      "sup", "time", "var", "data", "bdi", "bdo", "ins", "del"});
}

bool is_implied_end(std::string_view n) {
    return one_of(n, {"p", "li", "dd", "dt", "option", "optgroup", "td", "th", "tr", "tbody",
                      "thead", "tfoot", "rb", "rp", "rt", "rtc"});
}

// Where the end tag `</name` of a raw text element starting at `from` is (any case); npos if none.
size_t find_end_tag(std::string_view html, size_t from, std::string_view name) {
    for (size_t i = html.find("</", from); i != std::string_view::npos;
         i = html.find("</", i + 2)) {
        const auto candidate = html.substr(i + 2, name.size());
        if (candidate.size() == name.size() &&
            std::equal(candidate.begin(), candidate.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            }))
            return i;
    }
    return std::string_view::npos;
}

size_t nesting_work(std::string_view html) {
    constexpr size_t kReach = 32;  // how far down the stack an implied close is looked for
    std::vector<Open> stack;
    size_t depth = 0, work = 0;
    // Pops down to the nearest element named in `targets`, passing only elements `passable`
    // accepts; nothing when there is none within reach.
    auto close = [&](std::initializer_list<std::string_view> targets, auto passable) {
        for (size_t k = 0; k < std::min(kReach, stack.size()); ++k) {
            const auto& open = stack[stack.size() - 1 - k];
            if (one_of(open.name, targets)) {
                for (size_t pop = 0; pop <= k; ++pop) {
                    depth -= stack.back().name == "table" ? 2 : 1;
                    stack.pop_back();
                }
                return;
            }
            if (!passable(open)) return;
        }
    };
    auto phrasing = [](const Open& o) { return is_phrasing(o.name); };
    auto phrasing_or_p = [](const Open& o) { return is_phrasing(o.name) || o.name == "p"; };
    auto nothing = [](const Open&) { return false; };
    size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos && work <= kMaxNestingWork) {
        if (html.substr(i, 4) == "<!--") {
            // "<!-->" and "<!--->" are whole comments; "--!>" ends one too.
            const auto end = std::min(html.find("-->", i + 2), html.find("--!>", i + 4));
            i = end == std::string_view::npos ? html.size() : html.find('>', end) + 1;
            continue;
        }
        const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
        size_t start = i + (end_tag ? 2 : 1), stop = start;
        while (stop < html.size() && (std::isalnum(static_cast<unsigned char>(html[stop])) ||
                                      html[stop] == '-' || html[stop] == ':'))
            ++stop;
        const auto close_at = html.find('>', stop);
        const size_t next = close_at == std::string_view::npos ? html.size() : close_at + 1;
        if (stop == start || !std::isalpha(static_cast<unsigned char>(html[start]))) {
            i = next;  // "<!DOCTYPE", "<?xml", a lone "<"
            continue;
        }
        const std::string name = lower(html.substr(start, stop - start));
        const bool self_closed =
            close_at != std::string_view::npos && close_at > 0 && html[close_at - 1] == '/';
        i = next;
        work += depth;
        if (end_tag) {
            if (name == "svg" || name == "math")
                close({name}, [](const Open& o) { return o.foreign; });
            else if (one_of(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                                   "strike", "strong", "tt", "u"}))
                close({name}, nothing);  // gumbo's adoption agency: only the plain case
            else
                close({name},
                      [](const Open& o) { return is_phrasing(o.name) || is_implied_end(o.name); });
            continue;
        }
        // SVG and MathML content, where "/>" closes an element, ends in their integration points
        // and at the HTML elements that break out of it.
        const bool in_foreign =
            !stack.empty() && stack.back().foreign &&
            !one_of(stack.back().name, {"foreignobject", "desc", "title", "mi", "mo", "mn", "ms",
                                        "mtext", "annotation-xml"}) &&
            !one_of(name, {"b",      "big",    "blockquote", "body",    "br",    "center", "code",
                           "dd",     "div",    "dl",         "dt",      "em",    "embed",  "h1",
                           "h2",     "h3",     "h4",         "h5",      "h6",    "head",   "hr",
                           "i",      "img",    "li",         "listing", "menu",  "meta",   "nobr",
                           "ol",     "p",      "pre",        "ruby",    "s",     "small",  "span",
                           "strong", "strike", "sub",        "sup",     "table", "tt",     "u",
                           "ul",     "var",    "font"});
        if (in_foreign && self_closed) continue;
        if (one_of(name, {"area",  "base", "basefont", "bgsound", "br",    "col",     "embed",
                          "frame", "hr",   "image",    "img",     "input", "isindex", "keygen",
                          "link",  "meta", "param",    "source",  "track", "wbr"})) {
            if (name == "hr") close({"p"}, phrasing);
            continue;
        }
        if (one_of(name,
                   {"address", "article", "aside", "blockquote", "center",     "details", "dialog",
                    "dir",     "div",     "dl",    "fieldset",   "figcaption", "figure",  "footer",
                    "form",    "h1",      "h2",    "h3",         "h4",         "h5",      "h6",
                    "header",  "hgroup",  "li",    "dd",         "dt",         "listing", "main",
                    "menu",    "nav",     "ol",    "p",          "pre",        "section", "summary",
                    "table",   "ul",      "xmp"}))
            close({"p"}, phrasing);
        if (name == "li") close({"li"}, phrasing_or_p);
        if (name == "dd" || name == "dt") close({"dd", "dt"}, phrasing_or_p);
        if (one_of(name, {"td", "th", "tr", "tbody", "thead", "tfoot"}))
            close({"td", "th"}, phrasing_or_p);
        if (one_of(name, {"tr", "tbody", "thead", "tfoot"})) close({"tr"}, nothing);
        if (one_of(name, {"tbody", "thead", "tfoot"})) close({"tbody", "thead", "tfoot"}, nothing);
        if (name == "option" || name == "optgroup") close({"option"}, nothing);
        if (name == "optgroup") close({"optgroup"}, nothing);
        // Raw text: what follows up to the end tag is not markup (in HTML, not in SVG or MathML).
        if (!in_foreign && one_of(name, {"script", "style", "textarea", "title", "xmp", "iframe",
                                         "noembed", "noframes", "plaintext"})) {
            const auto end =
                name == "plaintext" ? std::string_view::npos : find_end_tag(html, i, name);
            i = end == std::string_view::npos ? html.size() : end;
            continue;
        }
        stack.push_back(Open{name, in_foreign || name == "svg" || name == "math"});
        depth += name == "table" ? 2 : 1;  // gumbo adds a tbody
    }
    return work;
}

// Formatting elements left open and reopened in every paragraph
// (`<p><b class=1>…<b class=N></p><p>x</p><p>x</p>…`) make gumbo build a tree many times the
// size of the page: 65 KB of them take 3 GB. gumbo's memory comes from an arena that gives up, by
// a jump out of the parser, when the tree would need more than a page of minutes does (6 to 26
// times its size); all of it is freed together.
class Arena {
  public:
    explicit Arena(size_t budget) : budget_(budget) {}
    ~Arena() {
        for (Block* b = head_.next; b != &head_;) {
            Block* next = b->next;
            std::free(b);
            b = next;
        }
    }
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    static void* allocate(void* arena, size_t size) {
        auto& self = *static_cast<Arena*>(arena);
        self.live_ += size;
        void* memory = self.live_ <= self.budget_ ? std::malloc(sizeof(Block) + size) : nullptr;
        if (!memory) std::longjmp(self.escape, 1);
        auto* block = new (memory) Block{&self.head_, self.head_.next, size};
        self.head_.next->prev = block;
        self.head_.next = block;
        return block + 1;
    }

    static void deallocate(void* arena, void* pointer) {
        if (!pointer) return;
        auto& self = *static_cast<Arena*>(arena);
        Block* block = static_cast<Block*>(pointer) - 1;
        block->prev->next = block->next;
        block->next->prev = block->prev;
        self.live_ -= block->size;
        std::free(block);
    }

    std::jmp_buf escape;

  private:
    struct alignas(std::max_align_t) Block {
        Block* prev;
        Block* next;
        size_t size;
    };
    Block head_{&head_, &head_, 0};
    size_t live_ = 0, budget_;
};

// The parse tree of `html` in `arena`, or nullptr when the arena ran out. Neither this frame nor
// those the jump skips (gumbo's, and Arena::allocate) hold anything to destroy.
const GumboOutput* parse(const std::string& html, Arena& arena) {
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = Arena::allocate;
    options.deallocator = Arena::deallocate;
    options.userdata = &arena;
    // gumbo keeps a copy of the stack of open elements with every parse error it records.
    options.max_errors = 0;
    if (setjmp(arena.escape) != 0) return nullptr;
    return gumbo_parse_with_options(&options, html.data(), html.size());
}

// ---- What is not the page's text -------------------------------------------------------------

std::string_view attribute(const GumboNode* node, const char* name) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

bool has_attribute(const GumboNode* node, const char* name) {
    return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

GumboTag tag_of(const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE
               ? node->v.element.tag
               : GUMBO_TAG_UNKNOWN;
}

bool is_heading_tag(GumboTag tag) {
    return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

// gumbo 0.10 does not know <dialog>: such elements are GUMBO_TAG_UNKNOWN with their name as
// written.
bool is_dialog(const GumboNode* node) {
    if (tag_of(node) != GUMBO_TAG_UNKNOWN) return false;
    GumboStringPiece name = node->v.element.original_tag;
    gumbo_tag_from_original_text(&name);
    return lower(std::string_view(name.data, name.length)) == "dialog";
}

bool contains_heading(const GumboNode* node) {
    std::vector<const GumboNode*> todo{node};
    while (!todo.empty()) {
        const GumboNode* n = todo.back();
        todo.pop_back();
        if (is_heading_tag(tag_of(n))) return true;
        if (n->type != GUMBO_NODE_ELEMENT) continue;
        for (unsigned i = 0; i < n->v.element.children.length; ++i)
            todo.push_back(static_cast<const GumboNode*>(n->v.element.children.data[i]));
    }
    return false;
}

// A class or id naming a cookie or consent banner.
bool names_cookie_banner(const GumboNode* node) {
    for (const char* a : {"id", "class"}) {
        const auto value = lower(attribute(node, a));
        if (value.find("cookie") != std::string::npos || value.find("consent") != std::string::npos)
            return true;
    }
    return false;
}

bool has_class(const GumboNode* node, std::string_view wanted) {
    const auto classes = attribute(node, "class");
    size_t i = 0;
    while (i < classes.size()) {
        while (i < classes.size() && is_space(classes[i])) ++i;
        size_t end = i;
        while (end < classes.size() && !is_space(classes[end])) ++end;
        if (classes.substr(i, end - i) == wanted) return true;
        i = end;
    }
    return false;
}

// A `header` or `footer` is the page's banner or footer, not a part of its content, unless it is
// inside a sectioning element or `main` (the rule by which ARIA gives them their roles).
bool is_page_chrome(const GumboNode* node) {
    for (const GumboNode* up = node->parent; up; up = up->parent) {
        const GumboTag tag = tag_of(up);
        if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_MAIN ||
            tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_SECTION)
            return false;
    }
    return true;
}

// Elements whose text is not part of the page's text, with why:
// - not shown: script, style, template, head, noscript (the page as drawn with scripts on),
//   `hidden`, aria-hidden="true", an inline style display:none or visibility:hidden, a dialog
//   that is not open, and Bootstrap's dialogs (class "modal", hidden until opened);
// - controls: form fields, buttons and menus (their labels say what a click does, not what was
//   decided), a label for a field; a button holding a heading stays, since some pages put an
//   item's title in the button that opens the item;
// - images, embedded objects, SVG and MathML: no running text;
// - navigation, the page's own header and footer, search, cookie and consent banners.
bool is_left_out(const GumboNode* node) {
    switch (tag_of(node)) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_IMAGE:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_MAP:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_OPTION:
        case GUMBO_TAG_OPTGROUP:
        case GUMBO_TAG_DATALIST:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_KEYGEN:
        case GUMBO_TAG_PROGRESS:
        case GUMBO_TAG_METER:
        case GUMBO_TAG_NAV:
            return true;
        case GUMBO_TAG_BUTTON:
            return !contains_heading(node);
        case GUMBO_TAG_LABEL:
            if (has_attribute(node, "for")) return true;
            break;
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
            if (is_page_chrome(node)) return true;
            break;
        default:
            if (is_dialog(node) && !has_attribute(node, "open")) return true;
            break;
    }
    if (has_attribute(node, "hidden") || lower(attribute(node, "aria-hidden")) == "true")
        return true;
    std::string style = lower(attribute(node, "style"));
    style.erase(std::remove_if(style.begin(), style.end(), is_space), style.end());
    if (style.find("display:none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos)
        return true;
    const auto role = lower(attribute(node, "role"));
    if (one_of(role, {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar",
                      "dialog", "alertdialog"}))
        return true;
    if (role == "button" && !contains_heading(node)) return true;
    return has_class(node, "modal") || names_cookie_banner(node);
}

// Replaced elements and controls sit in the line like a word: text on either side stays apart.
bool is_inline_box(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_IMG:
        case GUMBO_TAG_IMAGE:
        case GUMBO_TAG_INPUT:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_PROGRESS:
        case GUMBO_TAG_METER:
            return true;
        default:
            return false;
    }
}

// ---- Layout ------------------------------------------------------------------------------------

// Elements set on lines of their own (display: block, list-item, table parts).
bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_BODY:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIR:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_HGROUP:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_HTML:
        case GUMBO_TAG_LEGEND:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_LISTING:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_P:
        case GUMBO_TAG_PLAINTEXT:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_XMP:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_BR:
            return true;
        default:
            return is_heading_tag(tag);
    }
}

// Blocks with a margin above and below: a blank line sets them apart.
bool has_margins(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_MENU:
        case GUMBO_TAG_DIR:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIELDSET:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_LISTING:
        case GUMBO_TAG_XMP:
        case GUMBO_TAG_PLAINTEXT:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_TABLE:
            return true;
        default:
            return is_heading_tag(tag);
    }
}

// Text set bold (or as a heading) by the default style sheet.
bool is_strong(GumboTag tag) {
    return tag == GUMBO_TAG_B || tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_TH ||
           tag == GUMBO_TAG_DT || is_heading_tag(tag);
}

bool is_list(GumboTag tag) {
    return tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_MENU ||
           tag == GUMBO_TAG_DIR;
}

bool no_list_style(const GumboNode* node) {
    std::string style = lower(attribute(node, "style"));
    style.erase(std::remove_if(style.begin(), style.end(), is_space), style.end());
    return style.find("list-style:none") != std::string::npos ||
           style.find("list-style-type:none") != std::string::npos;
}

// A number attribute ("start", "value"), or `fallback` when it is missing or not a number.
long number(const GumboNode* node, const char* name, long fallback) {
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    if (!a) return fallback;
    char* end = nullptr;
    const long n = std::strtol(a->value, &end, 10);
    return end != a->value ? n : fallback;
}

const GumboVector& children(const GumboNode* node) {
    return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

bool has_children(const GumboNode* node) {
    return node->type == GUMBO_NODE_DOCUMENT || node->type == GUMBO_NODE_ELEMENT ||
           node->type == GUMBO_NODE_TEMPLATE;
}

// Lines of text as they are laid out: runs of white space are one space, blocks end lines, a
// paragraph gap becomes one blank line before the next line with text.
class Lines {
  public:
    // Text in normal flow: white space collapses.
    void text(std::string_view s) {
        for (const char c : s) {
            if (is_space(c)) {
                if (!line_.empty() && pending_ == 0) pending_ = ' ';
            } else {
                put(c);
            }
        }
    }

    // Preformatted text: white space kept, a newline ends the line.
    void preformatted(std::string_view s) {
        for (const char c : s) {
            if (c == '\n')
                line_break();
            else if (c != '\r')
                put(c);
        }
    }

    // Something drawn between words (an image, a control): the words stay apart.
    void space() {
        if (!line_.empty() && pending_ == 0) pending_ = ' ';
    }

    // The next text starts a new cell of a table row on this line.
    void cell() {
        if (!line_.empty()) pending_ = '\t';
    }

    void end_line() {
        if (!line_.empty()) {
            if (gap_ && !lines_.empty()) {
                lines_.emplace_back();
                styles_.emplace_back();
            }
            lines_.push_back(std::move(line_));
            styles_.push_back(LineStyle{all_strong_});
            gap_ = false;
        }
        line_.clear();
        all_strong_ = true;
        pending_ = 0;
    }

    // <br>: ends the line; on an empty line, an empty line is a gap.
    void line_break() {
        if (line_.empty()) gap_ = true;
        end_line();
    }

    void gap() {
        end_line();
        gap_ = true;
    }

    // Put before the next text: a list item's bullet or number.
    void marker(std::string m) { marker_ = std::move(m); }
    void clear_marker() { marker_.clear(); }

    int strong = 0;  // bold or heading elements around the text

    Page page() {
        end_line();
        Page page;
        page.lines = std::move(lines_);
        page.styles = std::move(styles_);
        return page;
    }

  private:
    void put(char c) {
        if (line_.empty()) {
            line_ = std::move(marker_);
            marker_.clear();
        } else if (pending_ != 0) {
            line_ += pending_;
        }
        pending_ = 0;
        line_ += c;
        all_strong_ = all_strong_ && strong > 0;
    }

    std::string line_, marker_;
    bool all_strong_ = true;
    char pending_ = 0;  // ' ' or '\t' before the next text
    bool gap_ = false;
    std::vector<std::string> lines_;
    std::vector<LineStyle> styles_;
};

// Which elements hold something that ends a line (a block, a <br>), for the table cells: a row
// of cells without is one line. One pass over the tree, children before their parents.
std::unordered_map<const GumboNode*, bool> line_breaks_inside(const GumboNode* root) {
    std::unordered_map<const GumboNode*, bool> breaks;
    std::vector<std::pair<const GumboNode*, bool>> todo{{root, false}};
    while (!todo.empty()) {
        auto [node, children_done] = todo.back();
        todo.pop_back();
        if (!has_children(node)) continue;
        const auto& kids = children(node);
        if (!children_done) {
            todo.push_back({node, true});
            for (unsigned i = 0; i < kids.length; ++i) {
                const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
                if (has_children(kid) && !is_left_out(kid)) todo.push_back({kid, false});
            }
            continue;
        }
        bool any = false;
        for (unsigned i = 0; i < kids.length && !any; ++i) {
            const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
            if (!has_children(kid) || is_left_out(kid)) continue;
            any = is_block(tag_of(kid)) || breaks[kid];
        }
        breaks[node] = any;
    }
    return breaks;
}

// Walks the tree in document order without recursion (pages may nest deeply).
class Layout {
  public:
    explicit Layout(const GumboNode* root) : breaks_(line_breaks_inside(root)) {
        struct Frame {
            const GumboNode* node;
            unsigned next = 0;
        };
        std::vector<Frame> stack;
        enter(root);
        stack.push_back({root});
        while (!stack.empty()) {
            Frame& frame = stack.back();
            const auto& kids = children(frame.node);
            if (frame.next == kids.length) {
                leave(frame.node);
                stack.pop_back();
                continue;
            }
            const auto* kid = static_cast<const GumboNode*>(kids.data[frame.next++]);
            switch (kid->type) {
                case GUMBO_NODE_TEXT:
                case GUMBO_NODE_WHITESPACE:
                case GUMBO_NODE_CDATA:
                    if (pre_ > 0)
                        lines_.preformatted(kid->v.text.text);
                    else
                        lines_.text(kid->v.text.text);
                    break;
                case GUMBO_NODE_ELEMENT:
                    if (is_left_out(kid)) {
                        if (is_inline_box(tag_of(kid))) lines_.space();
                    } else {
                        enter(kid);
                        stack.push_back({kid});
                    }
                    break;
                default:  // comments, templates
                    break;
            }
        }
    }

    Page page() { return lines_.page(); }

  private:
    struct List {
        bool ordered;
        bool unstyled;
        long next;
    };

    void enter(const GumboNode* node) {
        if (node->type == GUMBO_NODE_DOCUMENT) return;
        const GumboTag tag = tag_of(node);
        const GumboNode* parent = node->parent;
        if (tag == GUMBO_TAG_BR) {
            lines_.line_break();
            return;
        }
        const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
        if (cell && in_row()) {
            lines_.cell();
        } else if (has_margins(tag) && !nested_list(node)) {
            lines_.gap();
        } else if (is_block(tag)) {
            lines_.end_line();
        }
        if (tag == GUMBO_TAG_TR) rows_.push_back(one_line_row(node));
        if (is_strong(tag)) ++lines_.strong;
        if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP ||
            tag == GUMBO_TAG_PLAINTEXT)
            ++pre_;
        if (is_list(tag))
            lists_.push_back(
                List{tag == GUMBO_TAG_OL, no_list_style(node), number(node, "start", 1)});
        if (tag == GUMBO_TAG_LI) {
            const bool in_list = parent && is_list(tag_of(parent)) && !lists_.empty();
            List none{false, false, 1};
            List& list = in_list ? lists_.back() : none;
            list.next = number(node, "value", list.next);
            if (list.unstyled || no_list_style(node))
                lines_.clear_marker();
            else
                lines_.marker(list.ordered ? std::to_string(list.next) + ". " : "• ");
            ++list.next;
        }
    }

    void leave(const GumboNode* node) {
        if (node->type == GUMBO_NODE_DOCUMENT) return;
        const GumboTag tag = tag_of(node);
        if (tag == GUMBO_TAG_BR) return;
        if (is_strong(tag)) --lines_.strong;
        if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_XMP ||
            tag == GUMBO_TAG_PLAINTEXT)
            --pre_;
        if (is_list(tag)) lists_.pop_back();
        if (tag == GUMBO_TAG_LI) lines_.clear_marker();
        if (tag == GUMBO_TAG_TR) rows_.pop_back();
        const bool cell = tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH;
        if (cell && in_row()) return;
        if (has_margins(tag) && !nested_list(node))
            lines_.gap();
        else if (is_block(tag))
            lines_.end_line();
    }

    // A table row whose cells hold no line break goes on one line.
    bool one_line_row(const GumboNode* row) {
        const auto& cells = children(row);
        for (unsigned i = 0; i < cells.length; ++i) {
            const auto* cell = static_cast<const GumboNode*>(cells.data[i]);
            if (cell->type == GUMBO_NODE_ELEMENT && !is_left_out(cell) && breaks_[cell])
                return false;
        }
        return true;
    }

    // Inside a row whose cells go on one line.
    bool in_row() const { return !rows_.empty() && rows_.back(); }

    // A list inside a list item has no margins of its own.
    static bool nested_list(const GumboNode* node) {
        if (!is_list(tag_of(node))) return false;
        for (const GumboNode* up = node->parent; up; up = up->parent)
            if (tag_of(up) == GUMBO_TAG_LI || tag_of(up) == GUMBO_TAG_DD) return true;
        return false;
    }

    std::unordered_map<const GumboNode*, bool> breaks_;
    Lines lines_;
    int pre_ = 0;
    std::vector<List> lists_;
    std::vector<bool> rows_;  // for each open table row: its cells go on one line
};

}  // namespace

bool looks_like_html(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    const auto start = lower(text.substr(0, 14));
    return start.starts_with("<!doctype html") || start.starts_with("<html");
}

void read_html(const std::string& html, ExtractedText& doc) {
    const char* too_deep = "web page nested too deeply to be read";
    if (nesting_work(html) > kMaxNestingWork) throw InputError(too_deep);
    Arena arena((64 << 20) + 40 * html.size());
    const GumboOutput* parsed = parse(html, arena);
    if (!parsed) throw InputError(too_deep);
    Page page = Layout(parsed->document).page();
    if (page.lines.empty()) throw InputError("no text in the web page");
    doc.pages.push_back(std::move(page));
}

}  // namespace referat::extract
