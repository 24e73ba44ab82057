// SPDX-License-Identifier: MIT
// checker::decide (the exact integer path on scaled figures) against checker::check (the
// rational path, the reference): the same verdict, tie flag and miss in steps on many
// generated relations of every kind the integer path covers, and of some it leaves alone —
// ties, negatives, zero and negative divisors, qualifiers, sign words, the six conventions,
// mixed scales, figures too large for it.
#include <reckon/audit.hpp>

#include <doctest/doctest.h>

#include "support/generators.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace {

using reckon::convention;
using reckon::decimal;
using reckon::figure;
using reckon::rational;
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

struct builder {
    generator& g;
    std::vector<figure>& figures;
    bool same_exponent = false; // every figure of the relation to one exponent: ties are likely
    int e0 = -1;

    int exponent(int lo, int hi) { return same_exponent ? e0 : static_cast<int>(g.in(lo, hi)); }

    // A figure with a printed coefficient and exponent, and now and then a convention of its
    // own, a qualifier or a sign word.
    std::string add(std::int64_t c, int e, std::string_view unit) {
        figure f;
        f.id = "F" + std::to_string(figures.size() + 1);
        f.display = decimal(c, e);
        f.unit = *reckon::find_unit(unit);
        f.text = f.display.str() + std::string(unit);
        if (g.chance(15)) {
            f.rounding = g.pick(conventions);
        }
        if (g.chance(8)) {
            f.qualifier = g.pick(qualifiers);
        }
        if (g.chance(5)) {
            f.negated = true; // a sign word: 下降 3.5 %
        }
        figures.push_back(f);
        return figures.back().id;
    }
    // A random level: mostly small (ties are likely), now and then zero, negative, large.
    std::string level(std::string_view unit) {
        std::int64_t c = g.in(1, 60);
        if (g.chance(40)) {
            c = g.in(100, 99999);
        }
        if (g.chance(3)) {
            c = 0;
        }
        if (g.chance(6)) {
            c = -c;
        }
        if (g.chance(2)) {
            c = static_cast<std::int64_t>(g.in(1, 9)) * 1000000000000000000LL; // too large
        }
        return add(c, exponent(-3, 1), unit);
    }
    // A derived figure near `v` (in base units), printed in `unit` to a random exponent:
    // the value rounded, and now and then a step or two off.
    std::string near(const rational& v, std::string_view unit) {
        const auto u = *reckon::find_unit(unit);
        const int e = exponent(-3, 0);
        decimal d = decimal::round(v / u.factor, e, reckon::rounding_mode::half_even);
        std::int64_t c = d.coefficient().is_small() ? d.coefficient().small() : 1;
        if (g.chance(50)) {
            c += g.in(-3, 3);
        }
        if (g.chance(2)) {
            c = static_cast<std::int64_t>(g.in(1, 9)) * 1000000000000000000LL;
        }
        return add(c, e, unit);
    }
    const figure& at(const std::string& id) const {
        return figures.at(static_cast<std::size_t>(std::stoul(id.substr(1))) - 1);
    }
    rational value(const std::string& id) const { return at(id).value(); }
};

// One relation of a random kind, with its figures appended to `figures`.
relation make_relation(generator& g, std::vector<figure>& figures, int n) {
    builder b{g, figures};
    b.same_exponent = g.chance(50);
    b.e0 = static_cast<int>(g.in(-2, 0));
    constexpr std::array<std::string_view, 4> money = {"亿元", "万元", "元", "美元"};
    constexpr std::array<std::string_view, 3> shares = {"%", "‰", "%"};
    const std::string_view m = g.pick(money);
    relation r;
    r.id = "R" + std::to_string(n);
    r.kind = static_cast<relation_kind>(g.in(0, 15));
    auto safe_div = [](const rational& a, const rational& d) {
        return d == 0 ? rational(0) : a / d;
    };
    switch (r.kind) {
    case relation_kind::sum:
    case relation_kind::difference: {
        const std::string a = b.level(g.chance(80) ? m : g.pick(money));
        const std::string c = b.level(m);
        if (r.kind == relation_kind::difference) {
            r.figures = {b.near(b.value(a) - b.value(c), m), a, c};
            break;
        }
        r.figures = {"", a, c};
        rational total = b.value(a) + b.value(c);
        for (auto k = g.in(0, 3); k > 0; --k) {
            r.figures.push_back(b.level(m));
            total += b.value(r.figures.back().str());
        }
        r.figures[0] = b.near(total, m);
        if (g.chance(25)) {
            // Exact counts in steps of 500 against a total in 万: ties of the total.
            r.figures = {""};
            total = 0;
            for (auto k = g.in(1, 4); k > 0; --k) {
                r.figures.push_back(b.add(500 * g.in(0, 60), 0, "项"));
                total += b.value(r.figures.back().str());
            }
            r.figures[0] = b.near(total, "万项");
        }
        r.complete = !g.chance(10);
        break;
    }
    case relation_kind::shares_total: {
        r.figures = {""};
        rational total = 0;
        const std::string_view s = g.pick(shares);
        for (auto k = g.in(2, 5); k > 0; --k) {
            r.figures.push_back(b.add(g.in(0, 600), b.exponent(-2, 0), s));
            total += b.value(r.figures.back().str());
        }
        if (g.chance(50)) {
            r.figures[0] = b.near(total, s);
        }
        break;
    }
    case relation_kind::points: {
        const std::string cur = b.add(g.in(0, 999), b.exponent(-2, 0), "%");
        const std::string prev = b.add(g.in(0, 999), b.exponent(-2, 0), "%");
        r.figures = {b.near(b.value(cur) - b.value(prev), "个百分点"), cur, prev};
        break;
    }
    case relation_kind::share:
    case relation_kind::percent_of_target:
    case relation_kind::contribution:
    case relation_kind::pull:
    case relation_kind::ratio:
    case relation_kind::index:
    case relation_kind::growth:
    case relation_kind::average: {
        std::string num;
        std::string den;
        if (g.chance(30) && r.kind != relation_kind::average) {
            // Exact counts over a divisor of a power of ten: the quotient often falls on a
            // rounding tie of the derived figure.
            constexpr std::array<std::int64_t, 10> divisors = {2, 4, 5, 8, 16, 20, 25, 40, 50, 80};
            num = b.add(g.in(0, 200), 0, "项");
            den = b.add(g.pick(divisors), 0, "项");
        } else {
            num = b.level(m);
            den = r.kind == relation_kind::average ? b.level(g.chance(50) ? "项" : "万人")
                                                   : b.level(g.chance(85) ? m : "亿元");
        }
        if (g.chance(20) && r.kind != relation_kind::average) {
            // An exact count over a rounded divisor whose end makes the quotient k/8: a tie
            // of the derived figure against an end of the divisor, open or closed by convention.
            const std::int64_t c = g.in(1, 20);
            const std::int64_t end = g.chance(50) ? 2 * c + 1 : 2 * c - 1; // × 5000
            num = b.add(end * 625 * (2 * g.in(0, 3) + 1), 0, "项");
            den = b.add(c, 0, "万项");
        }
        rational q = safe_div(b.value(num), b.value(den));
        std::string_view unit = g.pick(shares);
        if (r.kind == relation_kind::pull) {
            unit = "个百分点";
        } else if (r.kind == relation_kind::ratio) {
            unit = g.chance(50) ? "倍" : "%";
        } else if (r.kind == relation_kind::index) {
            unit = "";
            q *= 100;
        } else if (r.kind == relation_kind::average) {
            unit = m;
        } else if (r.kind == relation_kind::growth) {
            if (g.chance(20)) {
                unit = "倍";
                r.reading =
                    g.chance(50) ? reckon::times_reading::times : reckon::times_reading::plus_one;
            }
            if (r.reading == reckon::times_reading::plus_one) {
                q -= 1;
            }
            r.as_written = g.chance(10);
        }
        r.figures = {b.near(q, unit), num, den};
        break;
    }
    case relation_kind::product:
    case relation_kind::conversion:
    case relation_kind::order:
    case relation_kind::cagr: {
        // Left to the rational path: decide must still agree.
        r.kind = relation_kind::order;
        r.op = reckon::order_op::greater_equal;
        r.figures = {b.level(m), b.level(m)};
        break;
    }
    }
    if (g.chance(3) && r.figures.size() > 1) {
        r.figures[1].clear(); // a figure not given
    }
    if (g.chance(2)) {
        r.candidate = "generated";
    }
    return r;
}

} // namespace

TEST_CASE("relation fast path: decide agrees with check on generated relations") {
    const std::uint64_t seed = 20261128;
    MESSAGE("seed " << seed);
    generator g(seed);
    std::map<std::string, int> seen;
    int integer_path = 0;
    int tie_only = 0;
    const int reports = 400;
    for (int rep = 0; rep < reports; ++rep) {
        std::vector<figure> figures;
        figures.reserve(64 * 8);
        std::vector<relation> relations;
        for (int n = 0; n < 60; ++n) {
            relations.push_back(make_relation(g, figures, n));
        }
        const convention conv = g.pick(conventions);
        const reckon::checker c(figures, conv);
        for (const auto& r : relations) {
            const reckon::finding f = c.check(r);
            const reckon::prepared_relation p = c.prepare(r);
            const reckon::decision d = c.decide(p);
            integer_path += p.integer_path() ? 1 : 0;
            tie_only += d.tie_only && p.integer_path() ? 1 : 0;
            seen[std::string(reckon::to_string(f.verdict))] += 1;
            INFO("relation " << r.id << " (" << reckon::to_string(r.kind) << ") of report " << rep
                             << ": " << f.message);
            CHECK(d.verdict == f.verdict);
            CHECK(d.tie_only == f.tie_only);
            CHECK(d.miss_steps.has_value() == f.miss_steps.has_value());
            if (d.miss_steps && f.miss_steps) {
                CHECK(d.miss_steps->str() == f.miss_steps->str());
            }
        }
    }
    MESSAGE("integer path " << integer_path << " of " << reports * 60 << ", of which tie only "
                            << tie_only);
    for (const auto& [v, count] : seen) {
        MESSAGE(v << ": " << count);
    }
    // Every verdict occurs, ties too, and many relations take the integer path (not orders,
    // products, conversions, compound growth, qualifiers other than about, …).
    CHECK(seen.size() == 5);
    CHECK(tie_only > 40);
    CHECK(integer_path > reports * 60 / 3);
}

TEST_CASE("relation fast path: the share of the founding example") {
    reckon::report r{"share"};
    r.add("F2", "148.2", "亿元");
    r.add("F6", "119.4", "亿元");
    r.add("F7", "80.6", "%");
    r.add("F8", "80.5", "%");
    r.add("F9", "80.7", "%");
    r.share("F7", "F6", "F2");
    r.share("F8", "F6", "F2");
    r.share("F9", "F6", "F2");
    const reckon::checker c(r.figures(), r.rounding());
    const auto p = c.prepare(r.relations()[0]);
    CHECK(p.integer_path());
    // 119.4 / 148.2 = 0.805668…: rounds to 80.6 %.
    CHECK(c.decide(p).verdict == reckon::verdict::rounds);
    CHECK_FALSE(c.decide(p).tie_only);
    // 80.5 %: possible within the rounding (119.45 / 148.15 = 0.80627… ≥ 0.8055).
    CHECK(c.decide(r.relations()[1]).verdict == reckon::verdict::within_rounding);
    // 80.7 %: at most 119.45 / 148.15 = 0.806277… < 0.8065: off by 0.000222…, 0.22 steps of
    // 0.1 %.
    const reckon::decision d = c.decide(r.relations()[2]);
    CHECK(d.verdict == reckon::verdict::inconsistent);
    REQUIRE(d.miss_steps);
    CHECK(*d.miss_steps == *c.check(r.relations()[2]).miss_steps);
    CHECK(*d.miss_steps > rational(22, 100));
    CHECK(*d.miss_steps < rational(23, 100));
}

TEST_CASE("relation fast path: audit keeping only problems counts every verdict") {
    reckon::report r{"share"};
    r.add("F2", "148.2", "亿元");
    r.add("F6", "119.4", "亿元");
    r.add("F5", "28.8", "亿元");
    r.add("F7", "80.6", "%");
    r.add("F8", "80.7", "%");
    r.share("F7", "F6", "F2");
    r.share("F8", "F6", "F2");
    r.sum("F2", {"F6", "F5"});
    reckon::audit_options o;
    o.joint = false;
    const auto all = reckon::audit(r, o);
    o.only_problems = true;
    const auto problems = reckon::audit(r, o);
    CHECK(problems.summary.relations == 3);
    CHECK(problems.summary.exact == all.summary.exact);
    CHECK(problems.summary.rounds == all.summary.rounds);
    CHECK(problems.summary.inconsistent == 1);
    REQUIRE(problems.findings.size() == 1);
    CHECK(problems.findings[0].id == "R2");
    CHECK(problems.findings[0].message == all.findings[1].message);
    o.joint = true;
    const auto joint = reckon::audit(r, o);
    CHECK(joint.findings.size() == 1);
    CHECK(joint.summary.inconsistent == 1);
}

TEST_CASE("units by reference: one shared copy of each unit") {
    const figure a = figure::parse("A", "148.2", "亿元");
    const figure b = figure::parse("B", "119.4", "亿元");
    CHECK(&*a.unit == &*b.unit);
    CHECK(a.unit->symbol == "亿元");
    CHECK(a.unit->factor == rational(100000000));
    // A unit built in code has a stable home too, and equal units share it.
    reckon::unit custom;
    custom.symbol = "万亩";
    custom.kind = reckon::kind::amount;
    custom.dimension = "area";
    custom.factor = rational(20000000, 3);
    custom.base = "m2";
    figure c;
    c.unit = custom;
    figure d;
    d.unit = custom;
    CHECK(&*c.unit == &*d.unit);
    CHECK(c.unit->factor == rational(20000000, 3));
    const reckon::unit& u = c.unit;
    CHECK(u.dimension == "area");
    // The default is the plain number, as reckon::unit{}.
    const figure e;
    CHECK(e.unit->symbol.empty());
    CHECK(e.unit->kind == reckon::kind::number);
    CHECK(compatible(a.unit, b.unit));
    CHECK_FALSE(compatible(a.unit, c.unit));
}
