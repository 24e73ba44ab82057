// SPDX-License-Identifier: MIT
// Relations of quotients: share, percent_of_target, average, ratio; the GRIM test; divisors
// whose interval holds zero. Values in base units (yuan; shares as plain fractions); the
// report's convention is unknown_tie unless a row says otherwise. Quotient intervals:
// [a_lo / b_hi, a_hi / b_lo] for positive a and b.
#include "relation_support.hpp"

namespace {

using namespace relation_test;
using reckon::qualifier;
using reckon::relation_kind;

} // namespace

TEST_CASE("share: each verdict") {
    const auto share = relation_kind::share;
    check_rows({
        // DESIGN: 119.4 / 148.2 = 1194/1482 = 199/247 = 80.5668… % → 80.6 % ([0.8055, 0.8065]).
        // allowed [119.35 / 148.25, 119.45 / 148.15] = [2387/2965, 2389/2963]; tolerance half
        // of 0.1 % = 1/2000.
        {"xining continued",
         unknown_tie,
         {fig("S", "80.6", "%"), fig("P", "119.4", "亿元"), fig("W", "148.2", "亿元")},
         rel(share, {"S", "P", "W"}),
         {rounds, "199/247", "[2387/2965, 2389/2963]", "1/2000", "0", "", false, ""}},
        // 28.8 / 148.2 = 288/1482 = 48/247 = 19.4332… % → 19.4 %.
        // allowed [28.75 / 148.25, 28.85 / 148.15] = [115/593, 577/2963].
        {"xining new",
         unknown_tie,
         {fig("S", "19.4", "%"), fig("P", "28.8", "亿元"), fig("W", "148.2", "亿元")},
         rel(share, {"S", "P", "W"}),
         {rounds, "48/247", "[115/593, 577/2963]", "1/2000", "0", "", false, ""}},
        // 30 / 120 = 1/4 = 25.0 % exactly; allowed [29.5 / 120.5, 30.5 / 119.5] = [59/241, 61/239].
        {"exact",
         unknown_tie,
         {fig("S", "25.0", "%"), fig("P", "30", "亿元"), fig("W", "120", "亿元")},
         rel(share, {"S", "P", "W"}),
         {exact, "1/4", "[59/241, 61/239]", "0", "0", "", false, ""}},
        // 80.5 % ([0.8045, 0.8055]) misses 199/247 = 0.80567 but meets [2387/2965 = 0.80506, …].
        // tolerance = ((2389/2963 − 2387/2965) + 1/1000) / 2 = (10704/8785295 + 1/1000) / 2
        // = 19489295/17570590000 = 3897859/3514118000.
        {"xining at 80.5 within",
         unknown_tie,
         {fig("S", "80.5", "%"), fig("P", "119.4", "亿元"), fig("W", "148.2", "亿元")},
         rel(share, {"S", "P", "W"}),
         {within, "199/247", "[2387/2965, 2389/2963]", "3897859/3514118000", "0", "", false, ""}},
        // 1.0 / 4.0 = 0.25, not in 24 % = [0.235, 0.245]; allowed [0.95 / 4.05, 1.05 / 3.95]
        // = [19/81, 21/79] meets it. tolerance = ((21/79 − 19/81) + 1/100) / 2
        // = (200/6399 + 1/100) / 2 = 26399/1279800.
        {"within",
         unknown_tie,
         {fig("S", "24", "%"), fig("P", "1.0", "亿元"), fig("W", "4.0", "亿元")},
         rel(share, {"S", "P", "W"}),
         {within, "1/4", "[19/81, 21/79]", "26399/1279800", "0", "", false, ""}},
        // 28 % = [0.275, 0.285]: miss 0.275 − 21/79 = 0.725/79 = 29/3160, in steps of 1 %:
        // 2900/3160 = 145/158.
        {"inconsistent",
         unknown_tie,
         {fig("S", "28", "%"), fig("P", "1.0", "亿元"), fig("W", "4.0", "亿元")},
         rel(share, {"S", "P", "W"}),
         {inconsistent, "1/4", "[19/81, 21/79]", "26399/1279800", "29/3160", "145/158", false, ""}},
        // A share of a negative whole is still a quotient: −1.0 / −4.0 = 25 %.
        // allowed: [−1.05, −0.95] / [−4.05, −3.95] = [0.95 / 4.05, 1.05 / 3.95].
        {"negative part and whole",
         unknown_tie,
         {fig("S", "25", "%"), fig("P", "-1.0", "亿元"), fig("W", "-4.0", "亿元")},
         rel(share, {"S", "P", "W"}),
         {exact, "1/4", "[19/81, 21/79]", "0", "0", "", false, ""}},
    });
}

TEST_CASE("share: the GRIM test over an unstated count") {
    const auto share = relation_kind::share;
    check_rows({
        // DESIGN: of 84 projects, 89.3 % is possible: the part lies in
        // [0.8925 × 84, 0.8935 × 84] = [74.97, 75.054] and 75 is a whole number in it.
        {"89.3 % of 84",
         unknown_tie,
         {fig("S", "89.3", "%"), fig("W", "84", "项")},
         rel(share, {"S", "", "W"}).whole_numbers(),
         {within, "", "", "0", "0", "", false, "whole numbers"}},
        // 89.4 % is not: [0.8935 × 84, 0.8945 × 84] = [75.054, 75.138] holds no whole number.
        // The nearest counts give 75/84 = 0.892857… and 76/84 = 0.90476…; the closer misses
        // 89.4 %'s interval by 0.8935 − 75/84 = 0.018/28 = 9/14000 = 9/14 of a 0.1 % step.
        {"89.4 % of 84",
         unknown_tie,
         {fig("S", "89.4", "%"), fig("W", "84", "项")},
         rel(share, {"S", "", "W"}).whole_numbers(),
         {inconsistent, "", "", "0", "9/14000", "9/14", false, "whole number"}},
        // 13 % of 8 under half up is [0.125, 0.135) × 8 = [1, 1.08): the count 1 is possible
        // only at the tie 12.5 % (1/8) → tie only.
        {"13 % of 8, half up",
         half_up,
         {fig("S", "13", "%"), fig("W", "8", "项")},
         rel(share, {"S", "", "W"}).whole_numbers(),
         {within, "", "", "0", "0", "", true, ""}},
        // Half even: 13 is odd, so (0.125, 0.135) × 8 = (1, 1.08) holds no whole number.
        // Nearest: 1/8 = 0.125 meets the open end (miss 0); 2/8 is far.
        {"13 % of 8, half even",
         half_even,
         {fig("S", "13", "%"), fig("W", "8", "项")},
         rel(share, {"S", "", "W"}).whole_numbers(),
         {inconsistent, "", "", "0", "0", "0", false, ""}},
        // Without whole_numbers a missing part is only implied: [74.97, 75.054].
        {"no GRIM: cannot check",
         unknown_tie,
         {fig("S", "89.4", "%"), fig("W", "84", "项")},
         rel(share, {"S", "", "W"}),
         {cannot, "", "", "0", "0", "", false, "a figure is not given"}},
    });

    reckon::report rep{"grim"};
    rep.add("S", "89.4", "%");
    rep.add("W", "84", "项");
    rep.share("S", "", "W").whole_numbers = true;
    const auto f = reckon::audit(rep).findings.at(0);
    // [0.8935 × 84, 0.8945 × 84] = [75.054, 75.138] = [37527/500, 37569/500]
    CHECK(f.implied == iv("[75.054, 75.138]"));
}

TEST_CASE("share: cannot check") {
    const auto share = relation_kind::share;
    check_rows({
        // A printed 0.0 stands for [−0.05, 0.05]: its closure holds zero.
        {"whole 0.0",
         unknown_tie,
         {fig("S", "10.0", "%"), fig("P", "5.0", "亿元"), fig("W", "0.0", "亿元")},
         rel(share, {"S", "P", "W"}),
         {cannot, "", "", "0", "0", "", false, "the divisor 0.0 亿元 may be zero"}},
        // "more than 0" is (0, ∞): zero is its closure's end.
        {"whole more than 0",
         unknown_tie,
         {fig("S", "10.0", "%"), fig("P", "5.0", "亿元"),
          fig("W", "0", "亿元").with(qualifier::more_than)},
         rel(share, {"S", "P", "W"}),
         {cannot, "", "", "0", "0", "", false, "may be zero"}},
        // A total of zero (an exact count).
        {"total of zero",
         unknown_tie,
         {fig("S", "10.0", "%"), fig("P", "0", "项"), fig("W", "0", "项")},
         rel(share, {"S", "P", "W"}),
         {cannot, "", "", "0", "0", "", false, "the divisor 0 项 may be zero"}},
        // A small whole away from zero is fine: 0.04 stands for [0.035, 0.045].
        // 0.01 / 0.04 = 25 %; allowed [0.005 / 0.045, 0.015 / 0.035] = [1/9, 3/7].
        {"small whole",
         unknown_tie,
         {fig("S", "25", "%"), fig("P", "0.01", "亿元"), fig("W", "0.04", "亿元")},
         rel(share, {"S", "P", "W"}),
         {exact, "1/4", "[1/9, 3/7]", "0", "0", "", false, ""}},
        {"share in points",
         unknown_tie,
         {fig("S", "80.6", "个百分点"), fig("P", "119.4", "亿元"), fig("W", "148.2", "亿元")},
         rel(share, {"S", "P", "W"}),
         {cannot, "", "", "0", "0", "", false, "S is points, expected a share"}},
        {"part money, whole count",
         unknown_tie,
         {fig("S", "80.6", "%"), fig("P", "119.4", "亿元"), fig("W", "84", "项")},
         rel(share, {"S", "P", "W"}),
         {cannot, "", "", "0", "0", "", false, "P is money (CNY), W is count"}},
        // Missing whole: [119.35 / 0.8065, 119.45 / 0.8055] 亿 = [147.985…, 148.292…] 亿,
        // shown outward at 0.01 亿.
        {"missing whole",
         unknown_tie,
         {fig("S", "80.6", "%"), fig("P", "119.4", "亿元")},
         rel(share, {"S", "P", ""}),
         {cannot, "", "", "0", "0", "", false, "lies in 147.98 … 148.30 亿元"}},
        // Missing share: [2387/2965, 2389/2963] = [0.805059…, 0.806277…], shown in %.
        {"missing share",
         unknown_tie,
         {fig("P", "119.4", "亿元"), fig("W", "148.2", "亿元")},
         rel(share, {"", "P", "W"}),
         {cannot, "", "", "0", "0", "", false, "lies in 80.50 … 80.63 %"}},
    });
}

TEST_CASE("percent_of_target: each verdict") {
    const auto pot = relation_kind::percent_of_target;
    check_rows({
        // DESIGN: 148.2 亿元 is 105.8 % of a target the text does not state. The target lies in
        // [148.15 / 1.0585, 148.25 / 1.0575] 亿 = [139.9622…, 140.1891…] 亿 → 139.96 … 140.19.
        {"xining target missing",
         unknown_tie,
         {fig("P", "105.8", "%"), fig("A", "148.2", "亿元")},
         rel(pot, {"P", "A", ""}),
         {cannot, "", "", "0", "0", "", false, "139.96 … 140.19 亿元"}},
        // 147.0 / 140.0 = 1.05 exactly; allowed [146.95 / 140.05, 147.05 / 139.95]
        // = [2939/2801, 2941/2799].
        {"exact",
         unknown_tie,
         {fig("P", "105.0", "%"), fig("A", "147.0", "亿元"), fig("T", "140.0", "亿元")},
         rel(pot, {"P", "A", "T"}),
         {exact, "21/20", "[2939/2801, 2941/2799]", "0", "0", "", false, ""}},
        // 148.2 / 140.1 = 1482/1401 = 494/467 = 1.05781… → 105.8 %; allowed
        // [148.15 / 140.15, 148.25 / 140.05] = [2963/2803, 2965/2801].
        {"rounds",
         unknown_tie,
         {fig("P", "105.8", "%"), fig("A", "148.2", "亿元"), fig("T", "140.1", "亿元")},
         rel(pot, {"P", "A", "T"}),
         {rounds, "494/467", "[2963/2803, 2965/2801]", "1/2000", "0", "", false, ""}},
        // 110.0 % = [1.0995, 1.1005]: miss 1.0995 − 2965/2801 = 229399/5602000 (0.0409…),
        // = 229399/5602 steps of 0.1 %. tolerance ((2965/2801 − 2963/2803) + 0.001) / 2
        // = 19383203/15702406000.
        {"inconsistent",
         unknown_tie,
         {fig("P", "110.0", "%"), fig("A", "148.2", "亿元"), fig("T", "140.1", "亿元")},
         rel(pot, {"P", "A", "T"}),
         {inconsistent, "494/467", "[2963/2803, 2965/2801]", "19383203/15702406000",
          "229399/5602000", "229399/5602", false, ""}},
        {"target zero",
         unknown_tie,
         {fig("P", "105.8", "%"), fig("A", "148.2", "亿元"), fig("T", "0", "亿元")},
         rel(pot, {"P", "A", "T"}),
         {cannot, "", "", "0", "0", "", false, "the divisor 0 亿元 may be zero"}},
        {"actual vs target kinds",
         unknown_tie,
         {fig("P", "105.8", "%"), fig("A", "148.2", "亿元"), fig("T", "140", "项")},
         rel(pot, {"P", "A", "T"}),
         {cannot, "", "", "0", "0", "", false, "A is money (CNY), T is count"}},
    });

    reckon::report rep{"xining"};
    rep.add("P", "105.8", "%");
    rep.add("A", "148.2", "亿元");
    rep.percent_of_target("P", "A");
    const auto f = reckon::audit(rep).findings.at(0);
    // 14815000000 / 1.0585 = 29630000000000/2117; 14825000000 / 1.0575 = 5930000000000/423
    CHECK(f.implied == iv("[29630000000000/2117, 5930000000000/423]"));
    CHECK(f.reason == "a figure is not given; the others imply it lies in 139.96 … 140.19 亿元");
}

TEST_CASE("average: each verdict") {
    const auto avg = relation_kind::average;
    check_rows({
        // 10.0 亿元 / 4 项 = 2.5 亿元; allowed [9.95, 10.05] 亿 / 4 = [248750000, 251250000].
        {"exact",
         unknown_tie,
         {fig("V", "2.5", "亿元"), fig("T", "10.0", "亿元"), fig("N", "4", "项")},
         rel(avg, {"V", "T", "N"}),
         {exact, "250000000", "[248750000, 251250000]", "0", "0", "", false, ""}},
        // 148.2 亿 / 84 = 14820000000/84 = 1235000000/7 = 1.7643 亿 → 1.8 ([1.75, 1.85]).
        // allowed [14815000000 / 84, 14825000000 / 84] = [3703750000/21, 3706250000/21].
        {"rounds",
         unknown_tie,
         {fig("V", "1.8", "亿元"), fig("T", "148.2", "亿元"), fig("N", "84", "项")},
         rel(avg, {"V", "T", "N"}),
         {rounds, "1235000000/7", "[3703750000/21, 3706250000/21]", "5000000", "0", "", false, ""}},
        // 1.765 亿 = [1.7645, 1.7655] 亿 misses 1.76428… but meets allowed (up to 1.76488…).
        // tolerance = (10000000/84 + 100000) / 2 = (2500000/21 + 100000) / 2 = 2300000/21.
        {"within",
         unknown_tie,
         {fig("V", "1.765", "亿元"), fig("T", "148.2", "亿元"), fig("N", "84", "项")},
         rel(avg, {"V", "T", "N"}),
         {within, "1235000000/7", "[3703750000/21, 3706250000/21]", "2300000/21", "0", "", false,
          ""}},
        // 1.77 亿 = [1.765, 1.775] 亿: miss 176500000 − 3706250000/21 = 250000/21 yuan, in steps
        // of 0.01 亿 = 10^6: 1/84. tolerance = (2500000/21 + 1000000) / 2 = 11750000/21.
        {"inconsistent",
         unknown_tie,
         {fig("V", "1.77", "亿元"), fig("T", "148.2", "亿元"), fig("N", "84", "项")},
         rel(avg, {"V", "T", "N"}),
         {inconsistent, "1235000000/7", "[3703750000/21, 3706250000/21]", "11750000/21",
          "250000/21", "1/84", false, ""}},
        {"count of zero",
         unknown_tie,
         {fig("V", "1.8", "亿元"), fig("T", "148.2", "亿元"), fig("N", "0", "项")},
         rel(avg, {"V", "T", "N"}),
         {cannot, "", "", "0", "0", "", false, "may be zero"}},
        {"count is a share",
         unknown_tie,
         {fig("V", "1.8", "亿元"), fig("T", "148.2", "亿元"), fig("N", "84", "%")},
         rel(avg, {"V", "T", "N"}),
         {cannot, "", "", "0", "0", "", false, "N is share, expected a count"}},
        {"average vs total kinds",
         unknown_tie,
         {fig("V", "1.8", "项"), fig("T", "148.2", "亿元"), fig("N", "84", "项")},
         rel(avg, {"V", "T", "N"}),
         {cannot, "", "", "0", "0", "", false, "V is count, T is money (CNY)"}},
        // Missing average: [148.15, 148.25] 亿 / 84 = [1.76369…, 1.76488…] 亿, shown at 0.01.
        {"missing average",
         unknown_tie,
         {fig("T", "148.2", "亿元"), fig("N", "84", "项")},
         rel(avg, {"", "T", "N"}),
         {cannot, "", "", "0", "0", "", false, "lies in 1.76 … 1.77 亿元"}},
    });
}

TEST_CASE("ratio: each verdict") {
    const auto ratio = relation_kind::ratio;
    check_rows({
        // 50 / 20 = 5/2; allowed [49.5 / 20.5, 50.5 / 19.5] = [99/41, 101/39].
        {"exact",
         unknown_tie,
         {fig("R", "2.5", ""), fig("A", "50", "亿元"), fig("B", "20", "亿元")},
         rel(ratio, {"R", "A", "B"}),
         {exact, "5/2", "[99/41, 101/39]", "0", "0", "", false, ""}},
        // 148.2 / 91.7 = 1482/917 = 1.61614… → 1.62; allowed [148.15 / 91.75, 148.25 / 91.65]
        // = [2963/1835, 2965/1833]; tolerance 0.005.
        {"rounds",
         unknown_tie,
         {fig("R", "1.62", ""), fig("A", "148.2", "亿元"), fig("B", "91.7", "亿元")},
         rel(ratio, {"R", "A", "B"}),
         {rounds, "1482/917", "[2963/1835, 2965/1833]", "1/200", "0", "", false, ""}},
        // 1.617 = [1.6165, 1.6175] misses 1.61614 but meets the allowed top 1.61757.
        // tolerance ((2965/1833 − 2963/1835) + 0.001) / 2 = 2591911/1345422000.
        {"within",
         unknown_tie,
         {fig("R", "1.617", ""), fig("A", "148.2", "亿元"), fig("B", "91.7", "亿元")},
         rel(ratio, {"R", "A", "B"}),
         {within, "1482/917", "[2963/1835, 2965/1833]", "2591911/1345422000", "0", "", false, ""}},
        // 1.70 = [1.695, 1.705]: miss 1.695 − 2965/1833 = 28387/366600, = 28387/3666 steps of
        // 0.01. tolerance ((2965/1833 − 2963/1835) + 0.01) / 2 = 864631/134542200.
        {"inconsistent",
         unknown_tie,
         {fig("R", "1.70", ""), fig("A", "148.2", "亿元"), fig("B", "91.7", "亿元")},
         rel(ratio, {"R", "A", "B"}),
         {inconsistent, "1482/917", "[2963/1835, 2965/1833]", "864631/134542200", "28387/366600",
          "28387/3666", false, ""}},
        // A ratio may be shown in percent: 161.6 % = [1.6155, 1.6165] holds 1.61614.
        {"in percent",
         unknown_tie,
         {fig("R", "161.6", "%"), fig("A", "148.2", "亿元"), fig("B", "91.7", "亿元")},
         rel(ratio, {"R", "A", "B"}),
         {rounds, "1482/917", "[2963/1835, 2965/1833]", "1/2000", "0", "", false, ""}},
        {"ratio in money",
         unknown_tie,
         {fig("R", "1.62", "亿元"), fig("A", "148.2", "亿元"), fig("B", "91.7", "亿元")},
         rel(ratio, {"R", "A", "B"}),
         {cannot, "", "", "0", "0", "", false, "R is money (CNY), expected a plain ratio"}},
        // Missing denominator: [148.15 / 1.625, 148.25 / 1.615] 亿 = [118520000000/13,
        // 2965000000000/323] yuan, shown as exact fractions (a ratio's sides need not share a
        // unit).
        {"missing denominator",
         unknown_tie,
         {fig("R", "1.62", ""), fig("A", "148.2", "亿元")},
         rel(ratio, {"R", "A", ""}),
         {cannot, "", "", "0", "0", "", false, "lies in [118520000000/13, 2965000000000/323]"}},
        {"denominator 0.0",
         unknown_tie,
         {fig("R", "1.62", ""), fig("A", "148.2", "亿元"), fig("B", "0.0", "亿元")},
         rel(ratio, {"R", "A", "B"}),
         {cannot, "", "", "0", "0", "", false, "the divisor 0.0 亿元 may be zero"}},
    });
}
