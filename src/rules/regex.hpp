// A regular expression of patterns/ that is compiled when first used, and the error a malformed
// data file of patterns/ raises.
#pragma once

#include <re2/re2.h>

#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

namespace referat::rules {

// A data file in patterns/ is malformed; what() is "FILE:LINE: reason".
class PatternError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A regular expression of patterns/, compiled on first use: RE2 compiles a Unicode class such as
// \p{L} into hundreds of instructions, so compiling every pattern took most of a command's
// start-up, and a search reads none of the segmenter's. Copies share one compiled RE2; compiling
// is thread-safe. Rules::compile_all compiles every one up front.
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
