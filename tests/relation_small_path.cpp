// SPDX-License-Identifier: MIT
// checker::check (its arithmetic on small rationals: int128 terms, cpp_rational when they do
// not fit) against checker::check_on_rationals (cpp_rational throughout, the reference): the
// same finding, field by field and string by string, on many generated relations of every
// kind — ties, negatives, zero divisors, qualifiers, sign words, the six conventions, mixed
// scales, missing figures, counts judged over whole numbers, figures too large for int128.
#include <reckon/audit.hpp>

#include <doctest/doctest.h>

#include "support/generators.hpp"

#include <array>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using reckon::convention;
using reckon::decimal;
using reckon::figure;
using reckon::finding;
using reckon::relation;
using reckon::relation_kind;

using generator = reckon_test::lcg;

constexpr std::array<convention, 6> conventions = {convention::half_up,   convention::half_even,
                                                   convention::half_down, convention::unknown_tie,
                                                   convention::truncated, convention::exact};

constexpr std::array<reckon::qualifier, 8> qualifiers = {
    reckon::qualifier::none,     reckon::qualifier::about,        reckon::qualifier::more_than,
    reckon::qualifier::at_least, reckon::qualifier::under,        reckon::qualifier::at_most,
    reckon::qualifier::nearly,   reckon::qualifier::a_little_over};

constexpr std::array<std::string_view, 12> units = {
    "亿元", "万元", "元", "美元", "%", "‰", "个百分点", "倍", "", "项", "万人", "万吨"};

// A figure: mostly small coefficients (ties, exact results), now and then zero, negative,
// a convention of its own, a qualifier, a sign word, or a coefficient too large for int128
// products.
std::string add_figure(generator& g, std::vector<figure>& figures, int e0, std::string_view u) {
    figure f;
    f.id = "F" + std::to_string(figures.size() + 1);
    std::int64_t c = g.chance(50) ? g.in(0, 60) : g.in(61, 99999);
    if (g.chance(8)) {
        c = -c;
    }
    if (g.chance(3)) {
        c = g.in(1, 9) * 1000000000000000000LL;
    }
    const int e = g.chance(60) ? e0 : static_cast<int>(g.in(-4, 2));
    f.display = decimal(c, e);
    f.unit = *reckon::find_unit(u);
    f.text = f.display.str() + std::string(u);
    f.label = "label " + std::to_string(figures.size());
    if (g.chance(15)) {
        f.rounding = g.pick(conventions);
    }
    if (g.chance(10)) {
        f.qualifier = g.pick(qualifiers);
    }
    if (g.chance(5)) {
        f.negated = true;
    }
    figures.push_back(f);
    return figures.back().id;
}

relation make_relation(generator& g, std::vector<figure>& figures, int n) {
    relation r;
    r.id = "R" + std::to_string(n);
    r.kind = static_cast<relation_kind>(g.in(0, 15));
    r.label = "relation " + std::to_string(n);
    const int e0 = static_cast<int>(g.in(-2, 0));
    std::size_t count = 3;
    switch (r.kind) {
    case relation_kind::sum:
    case relation_kind::shares_total:
    case relation_kind::product: count = static_cast<std::size_t>(g.in(2, 6)); break;
    case relation_kind::order:
    case relation_kind::conversion: count = static_cast<std::size_t>(g.in(2, 3)); break;
    default: break;
    }
    if (r.kind == relation_kind::order) {
        count = 2;
        r.op = static_cast<reckon::order_op>(g.in(0, 3));
    }
    // Units that fit the kind mostly (a rate over two levels of one unit), any unit now and
    // then (kinds that do not fit: cannot check).
    const std::string_view level =
        g.pick(std::array<std::string_view, 5>{"亿元", "万元", "元", "万吨", "项"});
    std::string_view first = level;
    switch (r.kind) {
    case relation_kind::share:
    case relation_kind::shares_total:
    case relation_kind::percent_of_target:
    case relation_kind::contribution:
    case relation_kind::cagr: first = "%"; break;
    case relation_kind::growth: first = g.chance(80) ? "%" : "倍"; break;
    case relation_kind::pull:
    case relation_kind::points: first = "个百分点"; break;
    case relation_kind::ratio: first = "倍"; break;
    case relation_kind::index: first = ""; break;
    default: break;
    }
    for (std::size_t i = 0; i < count; ++i) {
        std::string_view u = i == 0 ? first : level;
        if (r.kind == relation_kind::shares_total || (r.kind == relation_kind::points && i > 0)) {
            u = "%";
        }
        if (r.kind == relation_kind::average && i == 2) {
            u = "万人";
        }
        r.figures.push_back(add_figure(g, figures, e0, g.chance(10) ? g.pick(units) : u));
    }
    r.complete = !g.chance(15);
    r.reading = g.chance(30) ? reckon::times_reading::times : reckon::times_reading::plus_one;
    r.as_written = g.chance(10);
    r.rate_divides = g.chance(50);
    r.years = static_cast<unsigned>(g.in(0, 5));
    if (r.kind == relation_kind::growth && g.chance(25)) {
        r.figures = {r.figures[0], r.figures[1], "", r.figures[2]}; // growth from increment
    }
    if (g.chance(12)) {
        r.figures[static_cast<std::size_t>(g.in(0, 1))].clear(); // a figure not given
        r.whole_numbers = g.chance(40);
    }
    if (g.chance(2)) {
        r.candidate = "generated";
    }
    if (g.chance(2)) {
        r.not_checkable = "constant prices";
    }
    return r;
}

std::string all_of(const finding& f) {
    auto opt = [](const auto& v) { return v ? v->str() : std::string("none"); };
    std::string s = f.id + "|" + std::string(reckon::to_string(f.kind)) + "|" + f.label + "|" +
                    f.expression + "|";
    for (const auto& id : f.figures) {
        s += id + ",";
    }
    s += "|" + std::string(reckon::to_string(f.verdict)) + "|" + opt(f.computed) + "|" +
         opt(f.allowed) + "|" + f.tolerance.str() + "|" + f.miss.str() + "|" + opt(f.miss_steps) +
         "|" + (f.tie_only ? "tie" : "-") + "|" + opt(f.implied) + "|" + f.unit_symbol + "|" +
         f.unit_factor.str() + "|" + f.message + "|" + f.reason + "|" + f.key;
    return s;
}

// What a check gives, as compared: every field of its finding, or what it throws; the finding
// itself when one is made.
struct outcome {
    std::string text;
    std::optional<finding> made;
};

template <class Check>
outcome outcome_of(Check&& check) {
    try {
        finding f = check();
        std::string text = all_of(f);
        return {std::move(text), std::move(f)};
    } catch (const std::exception& e) {
        return {std::string("throws ") + e.what(), std::nullopt};
    }
}

} // namespace

TEST_CASE("relation small path: check agrees with check_on_rationals on generated relations") {
    const std::uint64_t seed = 20261128;
    MESSAGE("seed " << seed);
    generator g(seed);
    std::map<std::string, int> seen;
    int compared = 0;
    int thrown = 0;
    for (int rep = 0; rep < 150; ++rep) {
        std::vector<figure> figures;
        figures.reserve(60 * 8);
        std::vector<relation> relations;
        for (int n = 0; n < 60; ++n) {
            relations.push_back(make_relation(g, figures, n));
        }
        const reckon::checker c(figures, g.pick(conventions));
        for (const auto& r : relations) {
            const outcome fast = outcome_of([&] { return c.check(r); });
            const outcome reference = outcome_of([&] { return c.check_on_rationals(r); });
            if (reference.made) {
                seen[std::string(reckon::to_string(reference.made->verdict))] += 1;
            } else {
                ++thrown;
            }
            INFO("relation " << r.id << " (" << reckon::to_string(r.kind) << ") of report " << rep);
            CHECK(fast.text == reference.text);
            ++compared;
        }
    }
    MESSAGE("compared " << compared << " findings, " << thrown << " throw on both paths");
    for (const auto& [v, count] : seen) {
        MESSAGE(v << ": " << count);
    }
    CHECK(seen.size() == 5); // every verdict occurs
}

TEST_CASE("relation small path: the GRIM test of a missing count agrees with check_on_rationals") {
    // Every relation has a figure not given and its count judged over whole numbers: the
    // GRIM test runs on small rationals now (int64 whole numbers), rationals the reference.
    const std::uint64_t seed = 20261129;
    MESSAGE("seed " << seed);
    generator g(seed);
    int compared = 0;
    int grim = 0;
    std::map<std::string, int> seen;
    for (int rep = 0; rep < 100; ++rep) {
        std::vector<figure> figures;
        figures.reserve(60 * 8);
        std::vector<relation> relations;
        for (int n = 0; n < 60; ++n) {
            relation r = make_relation(g, figures, n);
            r.figures[static_cast<std::size_t>(g.in(0, 1))].clear();
            r.whole_numbers = true;
            r.candidate.reset();
            r.not_checkable.reset();
            relations.push_back(std::move(r));
        }
        const reckon::checker c(figures, g.pick(conventions));
        for (const auto& r : relations) {
            const outcome fast = outcome_of([&] { return c.check(r); });
            const outcome reference = outcome_of([&] { return c.check_on_rationals(r); });
            if (reference.made &&
                reference.made->message.find("(GRIM test)") != std::string::npos) {
                ++grim;
                seen[std::string(reckon::to_string(reference.made->verdict))] += 1;
            }
            INFO("relation " << r.id << " (" << reckon::to_string(r.kind) << ") of report " << rep);
            CHECK(fast.text == reference.text);
            ++compared;
        }
    }
    MESSAGE("compared " << compared << " findings, " << grim << " by the GRIM test");
    for (const auto& [v, count] : seen) {
        MESSAGE(v << ": " << count);
    }
    CHECK(grim > 500);
    CHECK(seen.size() == 2); // within rounding (a whole count fits) and inconsistent (none does)
}

TEST_CASE("relation small path: the share of the founding example, and a figure too large") {
    reckon::report r{"share"};
    r.add("F2", "148.2", "亿元");
    r.add("F6", "119.4", "亿元");
    r.add("F7", "80.7", "%");
    r.add("F8", "9000000000000000000", "亿元"); // 9 × 10^26 yuan: beyond int128 products
    r.add("F9", "9000000000000000000", "亿元");
    r.share("F7", "F6", "F2");
    r.sum("F8", {"F9", "F2"});
    const reckon::checker c(r.figures(), r.rounding());
    const finding f = c.check(r.relations()[0]);
    CHECK(f.verdict == reckon::verdict::inconsistent);
    CHECK(f.computed->str() == "199/247");
    CHECK(all_of(f) == all_of(c.check_on_rationals(r.relations()[0])));
    const finding big = c.check(r.relations()[1]);
    CHECK(big.verdict == reckon::verdict::inconsistent);
    CHECK(big.miss.str() == "14715000000"); // 148.2 亿元 less the two half steps
    CHECK(all_of(big) == all_of(c.check_on_rationals(r.relations()[1])));
}

TEST_CASE("relation small path: a small rational as a rational is the same value in lowest terms") {
    // to_rational writes the reduced terms straight into Boost.Rational (no gcd of its own):
    // the same rational as Boost builds from the unreduced terms.
    const std::uint64_t seed = 20261128;
    MESSAGE("seed " << seed);
    generator g(seed);
    for (int k = 0; k < 20000; ++k) {
        std::int64_t n = g.chance(5) ? 0 : g.in(1, 99999) * (g.chance(30) ? 1 : g.in(1, 5000));
        if (g.chance(40)) {
            n = -n;
        }
        const std::int64_t d = g.chance(20) ? 1 : g.in(1, 2000) * (g.chance(50) ? 10 : 7);
        const reckon::detail::small_rational s(n, d);
        const reckon::rational expected(n, d);
        const reckon::rational made = s.to_rational();
        INFO(n << "/" << d);
        CHECK(made == expected);
        CHECK(made.str() == expected.str());
        CHECK(numerator(made) == numerator(expected));
        CHECK(denominator(made) == denominator(expected));
        CHECK((made + reckon::rational(1, 3)) == (expected + reckon::rational(1, 3)));
    }
    const reckon::detail::small_rational big((std::int64_t{1} << 61) + 2, 3); // 2^61 + 2 ≡ 1 (3)
    CHECK(big.to_rational().str() == "2305843009213693954/3");
    CHECK(reckon::detail::small_rational(-6, 4).to_rational().str() == "-3/2");
    CHECK(reckon::detail::small_rational(0, 7).to_rational().str() == "0");
}
