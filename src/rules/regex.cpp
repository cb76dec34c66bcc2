// Compiling a pattern once, on first use, from whichever thread asks first.
#include "rules/regex.hpp"

namespace referat::rules {

Regex::Regex(std::string source, const RE2::Options& options, std::string failure, Check check)
    : state_(std::make_shared<State>()) {
    state_->source = std::move(source);
    state_->options = options;
    state_->failure = std::move(failure);
    state_->check = std::move(check);
}

const RE2& Regex::compiled() const {
    // A call that throws leaves the flag unset: the next use reports the same fault.
    std::call_once(state_->once, [s = state_.get()] {
        auto re = std::make_unique<RE2>(s->source, s->options);
        if (!re->ok()) throw PatternError(s->failure + ": " + re->error());
        if (s->check) s->check(*re);
        s->re = std::move(re);
    });
    return *state_->re;
}

}  // namespace referat::rules
