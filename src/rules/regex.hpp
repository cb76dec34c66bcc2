// A regular expression of patterns/ that is compiled when first used, and the error a malformed
// data file of patterns/ raises.
#pragma once

#include <re2/re2.h>

#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

namespace referat::rules {

// A data file in patterns/ is malformed; what() is "FILE:LINE: reason".
class PatternError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A regular expression of patterns/, compiled on first use: compiling every pattern took most of a
// command's start-up, and a search reads none of the segmenter's. Copies share one compiled RE2;
// compiling is thread-safe. Rules::compile_all compiles every one up front.
//
// The letter classes \p{L} (\pL), \p{Lu} and \p{Ll} mean letters of the Latin script, the one
// minutes are written in (see latin_letter_classes).
// `pattern` with its letter classes \p{L}, \pL, \p{Lu} and \p{Ll} narrowed to the Latin script
// (U+0041–U+024F and Latin Extended Additional, U+1E00–U+1EFF; the categories from ICU; beyond
// Latin-1 a letter is of either case): RE2 compiles a class of every script into some 1,200
// instructions (0.5 ms each, a counted repeat multiplies it), the Latin ones into a few dozen:
// the 195 patterns compile in 10 ms rather than 87. Inside a bracket expression the class's
// ranges are inserted bare. Other classes and escapes are kept as written.
std::string latin_letter_classes(std::string_view pattern);

class Regex {
  public:
    // Holds the compiled RE2 to what its user needs (named groups, not matching empty text);
    // throws PatternError.
    using Check = std::function<void(const RE2&)>;

    // `failure` starts the message of a pattern RE2 refuses ("patterns/parse.re:12: bad pattern
    // for date.iso"; RE2's reason follows).
    Regex(std::string source, const RE2::Options& options, std::string failure, Check check = {});

    // The compiled expression; throws PatternError when RE2 or the check refuses it.
    const RE2& operator*() const { return compiled(); }
    const RE2* operator->() const { return &compiled(); }
    const RE2& compiled() const;
    // The expression as written, without compiling it.
    const std::string& source() const { return state_->source; }

  private:
    struct State {
        std::string source;
        RE2::Options options;
        std::string failure;
        Check check;
        std::once_flag once;
        std::unique_ptr<RE2> re;
    };
    std::shared_ptr<State> state_;
};

}  // namespace referat::rules
