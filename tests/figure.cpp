// SPDX-License-Identifier: MIT
// reckon::figure: a printed number with its unit, rounding and qualifier, and the interval of
// true values it stands for, in base units (DESIGN.md, "A figure").
#include <reckon/figure.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {

using reckon::convention;
using reckon::decimal;
using reckon::figure;
using reckon::interval;
using reckon::qualifier;
using reckon::rational;
using reckon::rounding_mode;
using reckon::ties;

rational q(const std::string& text) { return decimal::parse(text).to_rational(); }

interval make(const char* lo, bool lo_open, const char* hi, bool hi_open) {
    return interval::make(q(lo), lo_open, q(hi), hi_open);
}

} // namespace

TEST_SUITE("figure") {
    TEST_CASE("148.2 亿元 is exactly 14 820 000 000 yuan at resolution 10 000 000") {
        const figure f = figure::parse("F2", "148.2", "亿元", "省外到位资金");
        CHECK(f.id == "F2");
        CHECK(f.label == "省外到位资金");
        CHECK(f.text == "148.2亿元");
        CHECK(f.display.str() == "148.2");
        CHECK_FALSE(f.negated);
        CHECK_FALSE(f.rounding.has_value());
        CHECK(f.qualifier == qualifier::none);
        CHECK_FALSE(f.place.has_value());
        CHECK_FALSE(f.implied);
        CHECK(f.unit->kind == reckon::kind::money);
        CHECK(f.unit->dimension == "CNY");
        CHECK(f.value() == rational(14820000000LL));
        CHECK(f.value().str() == "14820000000");
        CHECK(f.resolution() == rational(10000000));
        CHECK(f.resolution().str() == "10000000");
        CHECK(f.effective_rounding(convention::half_up) == convention::half_up);
        // The traditional form is the same figure.
        CHECK(figure::parse("F2", "148.2", "億元").value() == f.value());
    }

    TEST_CASE("148.2 亿元 under each convention") {
        const figure f = figure::parse("F2", "148.2", "亿元");
        CHECK(f.bounds(convention::half_up) == make("14815000000", false, "14825000000", true));
        CHECK(f.bounds(convention::half_up).str() == "[14815000000, 14825000000)");
        CHECK(f.bounds(convention::half_even) ==
              make("14815000000", false, "14825000000", false)); // 2 is even
        CHECK(f.bounds(convention::half_down) == make("14815000000", true, "14825000000", false));
        CHECK(f.bounds(convention::unknown_tie) ==
              make("14815000000", false, "14825000000", false));
        CHECK(f.bounds() == f.bounds(convention::unknown_tie)); // the default
        CHECK(f.bounds(convention::truncated) == make("14820000000", false, "14830000000", true));
        CHECK(f.bounds(convention::exact) == interval::point(q("14820000000")));
        CHECK(f.bounds(convention::unknown_tie, ties::open) ==
              make("14815000000", true, "14825000000", true));
        CHECK(f.bounds(convention::half_up, ties::open) ==
              make("14815000000", true, "14825000000", true));
        for (const convention c :
             {convention::half_up, convention::half_even, convention::half_down,
              convention::unknown_tie, convention::truncated, convention::exact}) {
            CHECK(f.display_is_possible(c));
        }

        // An odd last digit under half even: both ends open.
        CHECK(figure::parse("F", "148.3", "亿元").bounds(convention::half_even) ==
              make("14825000000", true, "14835000000", true));
        // The figure's own rounding overrides the report's.
        figure g = f;
        g.rounding = convention::truncated;
        CHECK(g.effective_rounding(convention::half_up) == convention::truncated);
        CHECK(g.bounds(convention::half_up) == f.bounds(convention::truncated));
    }

    TEST_CASE("1.2 万 has resolution 1 000 and half-step 500") {
        const figure f = figure::parse("F", "1.2", "万");
        CHECK(f.value() == rational(12000));
        CHECK(f.resolution() == rational(1000));
        CHECK(f.bounds() == make("11500", false, "12500", false));
        CHECK(f.bounds(convention::half_up) == make("11500", false, "12500", true));
        // 1.2 万人 is a count of people, but rounded: the report's convention applies.
        const figure people = figure::parse("P", "1.2", "万人");
        CHECK(people.effective_rounding(convention::half_up) == convention::half_up);
        CHECK(people.bounds(convention::half_up) == make("11500", false, "12500", true));
        // 1.20 万: a finer resolution, the same value.
        const figure finer = figure::parse("F", "1.20", "万");
        CHECK(finer.value() == f.value());
        CHECK(finer.resolution() == rational(100));
        CHECK(finer.bounds() == make("11950", false, "12050", false));
    }

    TEST_CASE("counts are exact") {
        const figure projects = figure::parse("F1", "84", "项");
        for (const convention c : {convention::half_up, convention::unknown_tie,
                                   convention::truncated, convention::half_even}) {
            CHECK(projects.effective_rounding(c) == convention::exact);
            CHECK(projects.bounds(c) == interval::point(rational(84)));
        }
        CHECK(projects.value() ==
              figure::parse("a", "75", "项").value() + figure::parse("b", "9", "项").value());
        CHECK(figure::parse("F", "1,234", "家").bounds() == interval::point(rational(1234)));
        // A count the report says was rounded is not exact.
        figure rounded = projects;
        rounded.rounding = convention::unknown_tie;
        CHECK(rounded.bounds() == make("83.5", false, "84.5", false));
    }

    TEST_CASE("qualifiers: more than 50 亿元 is (5 000 000 000, +inf) yuan") {
        figure f = figure::parse("F", "50", "亿元");
        f.qualifier = qualifier::more_than;
        CHECK(f.bounds() == interval::above(rational(5000000000LL), true));
        CHECK(f.bounds().str() == "(5000000000, +inf)");
        CHECK(f.bounds(convention::half_up) == f.bounds(convention::exact));
        CHECK(f.bounds(convention::unknown_tie, ties::open) == f.bounds());
        CHECK_FALSE(f.display_is_possible(convention::unknown_tie));
        CHECK_FALSE(f.display_is_possible(convention::exact));
        CHECK(f.bounds().contains(q("5000000000.000001")));

        f.qualifier = qualifier::at_least;
        CHECK(f.bounds().str() == "[5000000000, +inf)");
        CHECK(f.display_is_possible(convention::unknown_tie));
        f.qualifier = qualifier::under;
        CHECK(f.bounds().str() == "(-inf, 5000000000)");
        CHECK_FALSE(f.display_is_possible(convention::unknown_tie));
        f.qualifier = qualifier::at_most;
        CHECK(f.bounds().str() == "(-inf, 5000000000]");
        CHECK(f.display_is_possible(convention::unknown_tie));
        f.qualifier = qualifier::nearly;
        CHECK(f.bounds() == make("4500000000", false, "5000000000", true));
        CHECK_FALSE(f.display_is_possible(convention::unknown_tie));
        f.qualifier = qualifier::a_little_over;
        CHECK(f.bounds() == make("5000000000", true, "5500000000", false));
        CHECK_FALSE(f.display_is_possible(convention::unknown_tie));
        f.qualifier = qualifier::about;
        CHECK(f.bounds(convention::exact) == make("4950000000", false, "5050000000", false));
        CHECK(f.display_is_possible(convention::exact));

        // "more than 50 projects": a count with a qualifier is no longer exact.
        figure n = figure::parse("N", "50", "项");
        n.qualifier = qualifier::more_than;
        CHECK(n.bounds() == interval::above(rational(50), true));
        CHECK_FALSE(n.display_is_possible(convention::exact));
    }

    TEST_CASE("negative figures, signs from words, and -0.0") {
        const figure loss = figure::parse("L", "-148.2", "亿元");
        CHECK(loss.value() == rational(-14820000000LL));
        CHECK(loss.resolution() == rational(10000000));
        CHECK(loss.bounds(convention::half_up) ==
              make("-14825000000", true, "-14815000000", false));
        CHECK(loss.bounds(convention::half_down) ==
              make("-14825000000", false, "-14815000000", true));
        CHECK(loss.bounds(convention::truncated) ==
              make("-14830000000", true, "-14820000000", false));

        // 下降 14.7 %: the sign is in the word.
        figure fell = figure::parse("G", "14.7", "%");
        fell.negated = true;
        CHECK(fell.signed_display().str() == "-14.7");
        CHECK(fell.display.str() == "14.7");
        CHECK(fell.value() == rational(-147, 1000));
        CHECK(fell.resolution() == rational(1, 1000));
        CHECK(fell.bounds(convention::half_up) == make("-0.1475", true, "-0.1465", false));

        const figure small = figure::parse("S", "-0.09", "%");
        CHECK(small.value() == rational(-9, 10000));
        CHECK(small.bounds() == make("-0.00095", false, "-0.00085", false));

        const figure zero = figure::parse("Z", "-0.0", "%");
        CHECK(zero.value() == 0);
        CHECK(zero.display.sign() == 0);
        CHECK(zero.bounds(convention::half_up) == make("-0.0005", true, "0.0005", true));
        CHECK(zero.bounds() == make("-0.0005", false, "0.0005", false));
        CHECK(zero.bounds().may_be_zero());
    }

    TEST_CASE("a sign word turns a qualified figure around") {
        // 下降 10 % 以上: a fall of at least 10 %, so the change is at most -10 %.
        figure fell = figure::parse("G", "10", "%");
        fell.negated = true;
        fell.qualifier = qualifier::at_least;
        CHECK(fell.bounds() == interval::below(rational(-1, 10), false));
        CHECK(fell.display_is_possible(convention::unknown_tie));
        // fell by more than 3 %
        fell.display = decimal::parse("3");
        fell.qualifier = qualifier::more_than;
        CHECK(fell.bounds() == interval::below(rational(-3, 100), true));
        CHECK_FALSE(fell.display_is_possible(convention::unknown_tie));
        fell.qualifier = qualifier::at_most; // 下降不超过 3 %
        CHECK(fell.bounds() == interval::above(rational(-3, 100), false));
        fell.qualifier = qualifier::under; // 下降不足 3 %
        CHECK(fell.bounds() == interval::above(rational(-3, 100), true));
        fell.qualifier = qualifier::nearly; // 下降近 3 %: [2.7 %, 3 %) of a fall
        CHECK(fell.bounds() == make("-0.03", true, "-0.027", false));

        // Without a direction word in the qualifier, a sign word is the same as a printed
        // minus sign, under every convention and qualifier that mirrors.
        for (const char* number : {"14.7", "0.0", "3", "148.25", "1,200"}) {
            for (const qualifier qual :
                 {qualifier::none, qualifier::about, qualifier::nearly, qualifier::a_little_over}) {
                for (const convention c :
                     {convention::half_up, convention::half_even, convention::half_down,
                      convention::unknown_tie, convention::truncated, convention::exact}) {
                    for (const ties t : {ties::closed, ties::open}) {
                        CAPTURE(number);
                        CAPTURE(static_cast<int>(qual));
                        CAPTURE(static_cast<int>(c));
                        figure word = figure::parse("W", number, "亿元");
                        word.negated = true;
                        word.qualifier = qual;
                        figure printed = word;
                        printed.negated = false;
                        printed.display = -word.display;
                        CHECK(word.bounds(c, t) == printed.bounds(c, t));
                        CHECK(word.value() == printed.value());
                    }
                }
            }
        }
    }

    TEST_CASE("bad input names the input and the position") {
        CHECK_THROWS_WITH_AS((void)figure::parse("F", "148.2", "furlongs"),
                             "input \"furlongs\": byte 0: unknown unit", reckon::input_error);
        CHECK_THROWS_WITH_AS((void)figure::parse("F", "1,23", "亿元"),
                             "input \"1,23\": byte 1: a thousands separator must be followed by "
                             "three digits",
                             reckon::input_error);
        CHECK_THROWS_WITH_AS((void)figure::parse("F", "1\xFF", "亿元"),
                             "input \"1\\xFF\": byte 1: invalid UTF-8", reckon::input_error);
        CHECK_THROWS_WITH_AS((void)figure::parse("F", "1", "亿\xFF"),
                             "input \"\xE4\xBA\xBF\\xFF\": byte 0: unknown unit",
                             reckon::input_error);
    }

    TEST_CASE("the worked example: sums, shares and the implied target") {
        const figure funds = figure::parse("F2", "148.2", "亿元");
        const figure continued = figure::parse("F3", "119.4", "亿元");
        const figure fresh = figure::parse("F4", "28.8", "亿元");
        // funds = continued + new, exactly.
        CHECK(continued.value() + fresh.value() == funds.value());
        // 148.2 亿元 + 5 000 万元 = 148.7 亿元, exactly.
        CHECK(funds.value() + figure::parse("X", "5000", "万元").value() ==
              figure::parse("Y", "148.7", "亿元").value());

        // Shares: 119.4 / 148.2 = 80.5668… % rounds to 80.6 %, and 28.8 / 148.2 to 19.4 %.
        const figure share_continued = figure::parse("S1", "80.6", "%");
        const figure share_new = figure::parse("S2", "19.4", "%");
        const rational exact_share = continued.value() / funds.value();
        CHECK(decimal::round(exact_share * 100, -1, rounding_mode::half_up).str() == "80.6");
        CHECK(share_continued.bounds(convention::half_up).contains(exact_share));
        CHECK(share_new.bounds(convention::half_up).contains(fresh.value() / funds.value()));
        CHECK(share_continued.value() + share_new.value() == 1);

        // 148.2 亿元 is 105.8 % of the year's target: the target lies in 139.96 … 140.19 亿元.
        const figure percent_of_target = figure::parse("S3", "105.8", "%");
        const interval target = funds.bounds() / percent_of_target.bounds();
        CHECK(target == interval::closed(rational(14815000000LL) / rational(10585, 10000),
                                         rational(14825000000LL) / rational(10575, 10000)));
        const rational yi(100000000);
        CHECK(decimal::round(target.lower().value / yi, -2, rounding_mode::floor).str() ==
              "139.96");
        CHECK(decimal::round(target.upper().value / yi, -2, rounding_mode::ceiling).str() ==
              "140.19");
    }
}
