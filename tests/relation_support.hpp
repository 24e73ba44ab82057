// SPDX-License-Identifier: MIT
// Table-driven checks of relations: a row names its figures, its relation and the finding it
// must give (verdict, computed value, allowed interval, tolerance, miss, steps, tie only).
// Shared by tests/relation_*.cpp; every expected number is worked out by hand in a comment
// next to its row.
#pragma once

#include <reckon/audit.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relation_test {

// A rational from "148.2", "-0.125", "199/247", "-3/7": through reckon::decimal, never a
// cpp_int built from a string.
inline reckon::rational q(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        return reckon::decimal::parse(text).to_rational();
    }
    return reckon::decimal::parse(text.substr(0, slash)).to_rational() /
           reckon::decimal::parse(text.substr(slash + 1)).to_rational();
}

// An interval from "[a, b)", "(-inf, 21]", ends as for q().
inline reckon::interval iv(std::string_view text) {
    REQUIRE(text.size() >= 4);
    const bool lo_open = text.front() == '(';
    const bool hi_open = text.back() == ')';
    const auto comma = text.find(", ");
    REQUIRE(comma != std::string_view::npos);
    const std::string_view lo = text.substr(1, comma - 1);
    const std::string_view hi = text.substr(comma + 2, text.size() - comma - 3);
    reckon::bound l{reckon::rational(0), lo == "-inf", lo_open};
    reckon::bound h{reckon::rational(0), hi == "+inf", hi_open};
    if (!l.infinite) {
        l.value = q(lo);
    }
    if (!h.infinite) {
        h.value = q(hi);
    }
    return {l, h};
}

// A figure of a row: its id, printed number and unit, and what the text adds.
class fig {
public:
    fig(std::string id, std::string number, std::string unit)
        : id_(std::move(id)), number_(std::move(number)), unit_(std::move(unit)) {}

    [[nodiscard]] fig with(reckon::qualifier q) const {
        fig f = *this;
        f.qualifier_ = q;
        return f;
    }
    /// The sign is in a word (下降, 减少, fell).
    [[nodiscard]] fig negated() const {
        fig f = *this;
        f.negated_ = true;
        return f;
    }
    /// The figure's own rounding, overriding the report's.
    [[nodiscard]] fig rounded(reckon::convention c) const {
        fig f = *this;
        f.rounding_ = c;
        return f;
    }

    [[nodiscard]] reckon::figure make() const {
        reckon::figure f = reckon::figure::parse(id_, number_, unit_, "label of " + id_);
        f.qualifier = qualifier_;
        f.negated = negated_;
        f.rounding = rounding_;
        return f;
    }

private:
    std::string id_;
    std::string number_;
    std::string unit_;
    reckon::qualifier qualifier_ = reckon::qualifier::none;
    bool negated_ = false;
    std::optional<reckon::convention> rounding_;
};

// A relation of a row, with fluent setters for its options.
class rel {
public:
    rel(reckon::relation_kind k, std::vector<std::string> ids) {
        r_.id = "R1";
        r_.kind = k;
        r_.figures.assign(ids.begin(), ids.end());
    }
    [[nodiscard]] rel partial() const {
        return set([](reckon::relation& r) { r.complete = false; });
    }
    [[nodiscard]] rel as_written() const {
        return set([](reckon::relation& r) { r.as_written = true; });
    }
    [[nodiscard]] rel times() const {
        return set([](reckon::relation& r) { r.reading = reckon::times_reading::times; });
    }
    [[nodiscard]] rel divides() const {
        return set([](reckon::relation& r) { r.rate_divides = true; });
    }
    [[nodiscard]] rel whole_numbers() const {
        return set([](reckon::relation& r) { r.whole_numbers = true; });
    }
    [[nodiscard]] rel op(reckon::order_op o) const {
        return set([o](reckon::relation& r) { r.op = o; });
    }
    [[nodiscard]] rel not_checkable(std::string why) const {
        return set([&why](reckon::relation& r) { r.not_checkable = why; });
    }
    [[nodiscard]] rel candidate(std::string why) const {
        return set([&why](reckon::relation& r) { r.candidate = why; });
    }
    [[nodiscard]] const reckon::relation& get() const noexcept { return r_; }

private:
    template <class F>
    [[nodiscard]] rel set(F f) const {
        rel copy = *this;
        f(copy.r_);
        return copy;
    }
    reckon::relation r_;
};

// What a finding must say. Empty strings are "nothing": no computed value, no miss steps,
// no allowed interval to check.
struct expect {
    reckon::verdict verdict;
    std::string computed;  ///< exact value in base units ("" = none)
    std::string allowed;   ///< "[a, b)" in base units ("" = not checked)
    std::string tolerance; ///< base units
    std::string miss;      ///< base units
    std::string steps;     ///< last-digit steps of the derived figure ("" = none)
    bool tie_only;
    std::string reason_has; ///< a piece of the reason ("" = not checked)
};

struct row {
    std::string name;
    reckon::convention rounding;
    std::vector<fig> figures;
    rel relation;
    expect e;
};

// The finding of a row's relation in a report of its figures.
inline reckon::finding run(const row& c) {
    reckon::report rep{"test", c.rounding};
    for (const auto& f : c.figures) {
        rep.add(f.make());
    }
    rep.add(c.relation.get());
    return reckon::check(rep, rep.relations().front());
}

inline void check_finding(const reckon::finding& f, const expect& e) {
    CHECK(std::string(reckon::to_string(f.verdict)) == std::string(reckon::to_string(e.verdict)));
    if (e.computed.empty()) {
        CHECK_FALSE(f.computed.has_value());
    } else if (f.computed) {
        CHECK(*f.computed == q(e.computed));
    } else {
        FAIL_CHECK("no computed value; expected " << e.computed);
    }
    if (!e.allowed.empty()) {
        REQUIRE(f.allowed.has_value());
        CHECK(f.allowed->str() == iv(e.allowed).str());
    }
    CHECK(f.tolerance == q(e.tolerance));
    CHECK(f.miss == q(e.miss));
    if (e.steps.empty()) {
        CHECK_FALSE(f.miss_steps.has_value());
    } else if (f.miss_steps) {
        CHECK(*f.miss_steps == q(e.steps));
    } else {
        FAIL_CHECK("no miss steps; expected " << e.steps);
    }
    CHECK(f.tie_only == e.tie_only);
    if (!e.reason_has.empty()) {
        CHECK_MESSAGE(f.reason.find(e.reason_has) != std::string::npos, "reason: " << f.reason);
    }
    if (f.verdict == reckon::verdict::cannot_check) {
        CHECK_FALSE(f.reason.empty());
    }
}

inline void check_rows(const std::vector<row>& rows) {
    for (const auto& c : rows) {
        CAPTURE(c.name);
        const reckon::finding f = run(c);
        CAPTURE(f.message);
        check_finding(f, c.e);
    }
}

// Short names for the tables.
constexpr auto exact = reckon::verdict::exact;
constexpr auto rounds = reckon::verdict::rounds;
constexpr auto within = reckon::verdict::within_rounding;
constexpr auto inconsistent = reckon::verdict::inconsistent;
constexpr auto cannot = reckon::verdict::cannot_check;
constexpr auto unknown_tie = reckon::convention::unknown_tie;
constexpr auto half_up = reckon::convention::half_up;
constexpr auto half_even = reckon::convention::half_even;

} // namespace relation_test
