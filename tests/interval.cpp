// SPDX-License-Identifier: MIT
// reckon::interval: exact interval arithmetic with open, closed and unbounded ends, and the
// interval of true values that a printed figure stands for (display_interval).
#include <reckon/interval.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using reckon::convention;
using reckon::decimal;
using reckon::display_interval;
using reckon::interval;
using reckon::qualifier;
using reckon::rational;

reckon::big_int big_ten_to_30() {
    reckon::big_int v = 1;
    for (int i = 0; i < 30; ++i) {
        v *= 10;
    }
    return v;
}
using reckon::ties;

// An exact rational from "148.15", "-3" or "2963/20".
rational q(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) {
        return decimal::parse(text).to_rational();
    }
    return decimal::parse(text.substr(0, slash)).to_rational() /
           decimal::parse(text.substr(slash + 1)).to_rational();
}

// An interval written as the tests think of it: "[1, 2)", "(-inf, 3/4]", "[0, +inf)".
interval iv(const std::string& text) {
    REQUIRE(text.size() >= 5);
    const bool lo_open = text.front() == '(';
    const bool hi_open = text.back() == ')';
    const auto comma = text.find(", ");
    REQUIRE(comma != std::string::npos);
    const std::string lo = text.substr(1, comma - 1);
    const std::string hi = text.substr(comma + 2, text.size() - comma - 3);
    reckon::bound l{rational(0), lo == "-inf", lo_open};
    reckon::bound h{rational(0), hi == "+inf", hi_open};
    if (!l.infinite) {
        l.value = q(lo);
    }
    if (!h.infinite) {
        h.value = q(hi);
    }
    return {l, h};
}

} // namespace

TEST_SUITE("interval") {
    TEST_CASE("detail::compare orders rationals as operator< does") {
        const std::vector<rational> values = {rational(-7, 2),
                                              rational(-3),
                                              rational(-1, 3),
                                              rational(0),
                                              rational(1, 3),
                                              rational(2, 6),
                                              rational(805, 1000),
                                              rational(1194, 1482),
                                              rational(3),
                                              rational(10, 3),
                                              rational(big_ten_to_30(), 7)};
        for (const auto& a : values) {
            for (const auto& b : values) {
                CAPTURE(a);
                CAPTURE(b);
                const int want = a < b ? -1 : (b < a ? 1 : 0);
                CHECK(reckon::detail::compare(a, b) == want);
            }
        }
    }

    TEST_CASE("membership, emptiness, closure") {
        const interval a = iv("(1, 2]");
        CHECK_FALSE(a.contains(q("1")));
        CHECK(a.contains(q("1.000001")));
        CHECK(a.contains(q("2")));
        CHECK_FALSE(a.contains(q("2.000001")));
        CHECK(a.bounded());
        CHECK(a.closure() == iv("[1, 2]"));
        CHECK_FALSE(a.may_be_zero());

        CHECK(interval::point(q("5")).contains(q("5")));
        CHECK_FALSE(interval::point(q("5")).empty());
        CHECK(interval::make(q("1"), true, q("1"), false).empty());
        CHECK(interval::make(q("1"), false, q("1"), true).empty());
        CHECK(interval::closed(q("2"), q("1")).empty());
        CHECK_FALSE(interval::closed(q("1"), q("1")).empty());

        const interval up = interval::above(q("1"), true);
        CHECK_FALSE(up.contains(q("1")));
        CHECK(up.contains(rational(reckon::detail::big_pow10(400))));
        CHECK_FALSE(up.bounded());
        CHECK(up == iv("(1, +inf)"));
        CHECK(interval::above(q("1"), false) == iv("[1, +inf)"));
        CHECK(interval::below(q("1"), true) == iv("(-inf, 1)"));
        CHECK(interval::below(q("1"), false).contains(q("-99")));
        CHECK(interval::everything() == iv("(-inf, +inf)"));
        CHECK(interval::everything().contains(q("-123456789012345678901234567890")));
        CHECK_FALSE(interval::everything().empty());
        // An infinite end is always open, whatever the caller asked.
        CHECK(interval(reckon::bound{rational(0), true, false}, reckon::bound{q("1"), false, false})
                  .str() == "(-inf, 1]");

        CHECK(iv("(0, 1]").may_be_zero()); // its closure holds 0
        CHECK(iv("(0, 1]").closure() == iv("[0, 1]"));
        CHECK(iv("(-inf, 0)").may_be_zero());
        CHECK(iv("(-inf, +inf)").closure() == iv("(-inf, +inf)"));
        CHECK_FALSE(iv("[-2, -1)").may_be_zero());
    }

    TEST_CASE("str prints exact fractions") {
        CHECK(iv("[148.15, 148.25)").str() == "[2963/20, 593/4)");
        CHECK(interval().str() == "(-inf, +inf)");
        CHECK(iv("(-1/3, 5]").str() == "(-1/3, 5]");
    }

    TEST_CASE("addition and subtraction keep open ends open and infinities infinite") {
        struct row {
            const char* a;
            const char* b;
            const char* sum;
            const char* difference;
        };
        const row rows[] = {
            {"[1, 2]", "(3, 4]", "(4, 6]", "[-3, -1)"},
            {"[1, +inf)", "[2, 3)", "[3, +inf)", "(-2, +inf)"},
            {"(-inf, 1]", "[0, 0]", "(-inf, 1]", "(-inf, 1]"},
            {"[1, 2)", "[0, 1]", "[1, 3)", "[0, 2)"},
            {"(-inf, +inf)", "[1, 1]", "(-inf, +inf)", "(-inf, +inf)"},
            {"[1, 2]", "(-inf, 0]", "(-inf, 2]", "[1, +inf)"},
            {"[148.15, 148.25)", "(-119.45, -119.35]", "(28.7, 28.9)", "[267.5, 267.7)"},
        };
        for (const auto& r : rows) {
            CAPTURE(r.a);
            CAPTURE(r.b);
            CHECK(iv(r.a) + iv(r.b) == iv(r.sum));
            CHECK(iv(r.a) - iv(r.b) == iv(r.difference));
        }
        CHECK(-iv("(1, 2]") == iv("[-2, -1)"));
        CHECK(-iv("[1, +inf)") == iv("(-inf, -1]"));
    }

    TEST_CASE("multiplication: signs, open ends, zero ends, unbounded ends") {
        struct row {
            const char* a;
            const char* b;
            const char* product;
        };
        const row rows[] = {
            {"[1, 2]", "[3, 4]", "[3, 8]"},
            {"[-1, 2)", "[3, 4]", "[-4, 8)"},
            {"(-2, -1]", "[3, 4]", "(-8, -3]"},
            {"[-1, 2]", "[-3, 4]", "[-6, 8]"},
            {"(1, 2)", "(3, 4)", "(3, 8)"},
            {"(-1, 1)", "[-1, 1]", "(-1, 1)"},
            {"[-1, 1]", "[-1, 1]", "[-1, 1]"},
            {"(0, 1]", "[2, 3]", "(0, 3]"},
            {"[0, 1]", "(2, 3)", "[0, 3)"},
            {"(0, 1]", "[0, 1]", "[0, 1]"}, // 0 is reached through the second factor
            {"(0, 1]", "[-1, 0)", "[-1, 0)"},
            {"[1, +inf)", "[2, 3]", "[2, +inf)"},
            {"(-inf, -1]", "[1, +inf)", "(-inf, -1]"},
            {"[0, 1]", "[1, +inf)", "[0, +inf)"},
            {"(0, 1]", "[1, +inf)", "(0, +inf)"},
            {"(-inf, +inf)", "[0, 0]", "[0, 0]"},
            {"(-inf, +inf)", "[1, 2]", "(-inf, +inf)"},
            {"[-2, -1]", "(-inf, 3]", "[-6, +inf)"},
            {"[148.15, 148.25)", "[100000000, 100000000]", "[14815000000, 14825000000)"},
        };
        for (const auto& r : rows) {
            CAPTURE(r.a);
            CAPTURE(r.b);
            CHECK(iv(r.a) * iv(r.b) == iv(r.product));
            CHECK(iv(r.b) * iv(r.a) == iv(r.product));
        }
        CHECK((iv("[2, 1]") * iv("[1, 2]")).empty());
    }

    TEST_CASE("division, and a divisor that may be zero") {
        struct row {
            const char* a;
            const char* b;
            const char* quotient;
        };
        const row rows[] = {
            {"[1, 2]", "[4, 8]", "[1/8, 1/2]"},
            {"[1, 2]", "(4, 8]", "[1/8, 1/2)"},
            {"[1, 2]", "[-2, -1]", "[-2, -1/2]"},
            {"[1, 2]", "[1, +inf)", "(0, 2]"},
            {"[-3, 6]", "[3, 3]", "[-1, 2]"},
            {"(119.35, 119.45]", "[148.15, 148.25)", "(2387/2965, 2389/2963]"},
        };
        for (const auto& r : rows) {
            CAPTURE(r.a);
            CAPTURE(r.b);
            CHECK(iv(r.a) / iv(r.b) == iv(r.quotient));
        }
        CHECK(iv("(-inf, -2]").reciprocal() == iv("[-1/2, 0)"));
        CHECK(iv("(2, 4]").reciprocal() == iv("[1/4, 1/2)"));

        // Its closure holds zero: a printed "0.0", "more than 0", an interval across zero.
        for (const char* divisor : {"[-1, 1]", "[0, 1]", "(0, 1]", "[-1, 0)", "(-inf, 0)", "[0, 0]",
                                    "(0, +inf)", "(-inf, +inf)", "[-0.05, 0.05]"}) {
            CAPTURE(divisor);
            CHECK_THROWS_AS((void)(iv("[1, 2]") / iv(divisor)), reckon::kind_error);
            CHECK_THROWS_WITH_AS((void)iv(divisor).reciprocal(),
                                 "reckon::interval: division by an interval that may hold zero",
                                 reckon::kind_error);
        }
    }

    TEST_CASE("intersect, hull, distance") {
        struct row {
            const char* a;
            const char* b;
            const char* meet; // "" when empty
            const char* hull;
            const char* distance;
        };
        const row rows[] = {
            {"[1, 3]", "(2, 4)", "(2, 3]", "[1, 4)", "0"},
            {"[1, 2)", "[2, 3]", "", "[1, 3]", "0"},
            {"[0, 1)", "(1, 2]", "", "[0, 2]", "0"}, // closures touch
            {"(-inf, 5]", "[3, +inf)", "[3, 5]", "(-inf, +inf)", "0"},
            {"[1, 2]", "(1, 2)", "(1, 2)", "[1, 2]", "0"},
            {"[1, 2]", "(-inf, +inf)", "[1, 2]", "(-inf, +inf)", "0"},
            {"[1, 2]", "[5, 6]", "", "[1, 6]", "3"},
            {"[5, 6)", "(1, 2]", "", "(1, 6)", "3"},
            {"[1, 2]", "[3, +inf)", "", "[1, +inf)", "1"},
            {"(-inf, 0]", "[2, 3]", "", "(-inf, 3]", "2"},
            {"[139.96, 140.19]", "[140.2, 140.3]", "", "[139.96, 140.3]", "0.01"},
        };
        for (const auto& r : rows) {
            CAPTURE(r.a);
            CAPTURE(r.b);
            const interval m = intersect(iv(r.a), iv(r.b));
            if (std::string(r.meet).empty()) {
                CHECK(m.empty());
            } else {
                CHECK_FALSE(m.empty());
                CHECK(m == iv(r.meet));
                CHECK(intersect(iv(r.b), iv(r.a)) == iv(r.meet));
            }
            CHECK(hull(iv(r.a), iv(r.b)) == iv(r.hull));
            CHECK(hull(iv(r.b), iv(r.a)) == iv(r.hull));
            CHECK(distance(iv(r.a), iv(r.b)) == q(r.distance));
            CHECK(distance(iv(r.b), iv(r.a)) == q(r.distance));
        }
        // Ends from a product (an infinite end carrying a sign) order like any other.
        const interval p = iv("(-inf, -1]") * iv("[1, +inf)");
        CHECK(intersect(p, iv("[-5, 0]")) == iv("[-5, -1]"));
        CHECK(hull(p, iv("[-5, 0]")) == iv("(-inf, 0]"));
        CHECK(distance(p, iv("[2, 3]")) == q("3"));
    }

    TEST_CASE("display_interval: DESIGN.md's table, positive, negative and zero") {
        struct row {
            const char* x;
            convention conv;
            const char* closed_ties; // ties::closed, the verdicts' reading
            const char* open_ties;   // ties::open, the "tie only" reading
        };
        const row rows[] = {
            {"148.2", convention::half_up, "[148.15, 148.25)", "(148.15, 148.25)"},
            {"148.2", convention::half_even, "[148.15, 148.25]", "(148.15, 148.25)"},
            {"148.3", convention::half_even, "(148.25, 148.35)", "(148.25, 148.35)"},
            {"148.2", convention::half_down, "(148.15, 148.25]", "(148.15, 148.25)"},
            {"148.2", convention::unknown_tie, "[148.15, 148.25]", "(148.15, 148.25)"},
            {"148.2", convention::truncated, "[148.2, 148.3)", "[148.2, 148.3)"},
            {"148.2", convention::exact, "[148.2, 148.2]", "[148.2, 148.2]"},
            {"-148.2", convention::half_up, "(-148.25, -148.15]", "(-148.25, -148.15)"},
            {"-148.2", convention::half_even, "[-148.25, -148.15]", "(-148.25, -148.15)"},
            {"-148.3", convention::half_even, "(-148.35, -148.25)", "(-148.35, -148.25)"},
            {"-148.2", convention::half_down, "[-148.25, -148.15)", "(-148.25, -148.15)"},
            {"-148.2", convention::unknown_tie, "[-148.25, -148.15]", "(-148.25, -148.15)"},
            {"-148.2", convention::truncated, "(-148.3, -148.2]", "(-148.3, -148.2]"},
            {"-148.2", convention::exact, "[-148.2, -148.2]", "[-148.2, -148.2]"},
            {"0.0", convention::half_up, "(-0.05, 0.05)", "(-0.05, 0.05)"},
            {"-0.0", convention::half_up, "(-0.05, 0.05)", "(-0.05, 0.05)"},
            {"0.0", convention::half_even, "[-0.05, 0.05]", "(-0.05, 0.05)"},
            {"0.0", convention::half_down, "[-0.05, 0.05]", "(-0.05, 0.05)"},
            {"0.0", convention::unknown_tie, "[-0.05, 0.05]", "(-0.05, 0.05)"},
            {"0.0", convention::truncated, "(-0.1, 0.1)", "(-0.1, 0.1)"},
            {"0", convention::exact, "[0, 0]", "[0, 0]"},
            {"148.20", convention::unknown_tie, "[148.195, 148.205]", "(148.195, 148.205)"},
            {"84", convention::unknown_tie, "[83.5, 84.5]", "(83.5, 84.5)"},
            {"1,200", convention::half_up, "[1199.5, 1200.5)", "(1199.5, 1200.5)"},
        };
        for (const auto& r : rows) {
            CAPTURE(r.x);
            CAPTURE(static_cast<int>(r.conv));
            const decimal x = decimal::parse(r.x);
            CHECK(display_interval(x, r.conv) == iv(r.closed_ties));
            CHECK(display_interval(x, r.conv, qualifier::none, ties::closed) == iv(r.closed_ties));
            CHECK(display_interval(x, r.conv, qualifier::none, ties::open) == iv(r.open_ties));
            CHECK(display_interval(x, r.conv).contains(x.to_rational()));
        }
        CHECK(display_interval(decimal::parse("148.2")) == iv("[148.15, 148.25]")); // default
        CHECK(display_interval(decimal::parse("148.2"), convention::half_up).str() ==
              "[2963/20, 593/4)");
    }

    TEST_CASE("display_interval: qualifiers replace the rounding") {
        struct row {
            const char* x;
            qualifier qual;
            const char* expected;
        };
        const row rows[] = {
            {"50", qualifier::more_than, "(50, +inf)"},
            {"50.0", qualifier::more_than, "(50, +inf)"}, // whatever digits it has
            {"50", qualifier::at_least, "[50, +inf)"},
            {"50", qualifier::under, "(-inf, 50)"},
            {"50", qualifier::at_most, "(-inf, 50]"},
            {"10", qualifier::nearly, "[9, 10)"},
            {"-10", qualifier::nearly, "(-10, -9]"},
            {"10", qualifier::a_little_over, "(10, 11]"},
            {"-10", qualifier::a_little_over, "[-11, -10)"},
            {"0", qualifier::more_than, "(0, +inf)"},
            {"-3", qualifier::at_least, "[-3, +inf)"},
        };
        for (const auto& r : rows) {
            CAPTURE(r.x);
            CAPTURE(static_cast<int>(r.qual));
            const decimal x = decimal::parse(r.x);
            for (const convention c : {convention::half_up, convention::exact,
                                       convention::truncated, convention::unknown_tie}) {
                CHECK(display_interval(x, c, r.qual) == iv(r.expected));
                CHECK(display_interval(x, c, r.qual, ties::open) == iv(r.expected));
            }
        }
        // "about" is the default rounding of the last digit, whatever the convention.
        for (const convention c : {convention::half_up, convention::exact, convention::truncated,
                                   convention::half_even}) {
            CHECK(display_interval(decimal::parse("148.3"), c, qualifier::about) ==
                  iv("[148.25, 148.35]"));
        }
        CHECK(display_interval(decimal::parse("148.3"), convention::exact, qualifier::about,
                               ties::open) == iv("(148.25, 148.35)"));
        // "more than 50" does not hold 50 itself, "at least 50" does.
        CHECK_FALSE(display_interval(decimal::parse("50"), convention::exact, qualifier::more_than)
                        .contains(q("50")));
        CHECK(display_interval(decimal::parse("50"), convention::exact, qualifier::at_least)
                  .contains(q("50")));
        // "more than 0" may be zero as a divisor.
        CHECK(display_interval(decimal::parse("0"), convention::exact, qualifier::more_than)
                  .may_be_zero());
    }
}
