// SPDX-License-Identifier: MIT
// Relations of wholes and parts: sum (complete and partial lists), shares_total, difference.
// Money is in yuan (1 亿元 = 10^8), shares are plain fractions (80.6 % = 0.806). Unless a row
// says otherwise the report's convention is unknown_tie: a printed x with half-step h stands
// for [x − h, x + h]; counts (项) are exact.
#include "relation_support.hpp"

namespace {

using namespace relation_test;
using reckon::qualifier;
using reckon::relation_kind;

} // namespace

TEST_CASE("sum: each verdict, with exact numbers") {
    const auto sum = relation_kind::sum;
    check_rows({
        // DESIGN's worked example: 84 = 75 + 9 项, counts exact, allowed the point [84, 84].
        {"xining projects",
         unknown_tie,
         {fig("F1", "84", "项"), fig("F2", "75", "项"), fig("F3", "9", "项")},
         rel(sum, {"F1", "F2", "F3"}),
         {exact, "84", "[84, 84]", "0", "0", "", false, ""}},
        // 148.2 = 119.4 + 28.8 亿元 exactly. allowed = [119.35 + 28.75, 119.45 + 28.85] 亿
        // = [148.1, 148.3] 亿 = [14810000000, 14830000000] yuan.
        {"xining funds",
         unknown_tie,
         {fig("F1", "148.2", "亿元"), fig("F2", "119.4", "亿元"), fig("F3", "28.8", "亿元")},
         rel(sum, {"F1", "F2", "F3"}),
         {exact, "14820000000", "[14810000000, 14830000000]", "0", "0", "", false, ""}},
        // Mixed scales add exactly: 148.2 亿元 + 5000 万元 = 148.7 亿元. 5000 万 has resolution
        // 1 万 (half-step 5000 yuan): allowed = [14815000000 + 49995000, 14825000000 + 50005000].
        {"mixed scales",
         unknown_tie,
         {fig("F1", "148.7", "亿元"), fig("F2", "148.2", "亿元"), fig("F3", "5000", "万元")},
         rel(sum, {"F1", "F2", "F3"}),
         {exact, "14870000000", "[14864995000, 14875005000]", "0", "0", "", false, ""}},
        // 3.33 + 6.68 = 10.01 亿, which rounds to the printed 10.0 (10.0 stands for
        // [9.95, 10.05]). tolerance = half of 0.1 亿 = 5000000. allowed = [3.325 + 6.675,
        // 3.335 + 6.685] = [10.000, 10.020] 亿.
        {"rounds",
         unknown_tie,
         {fig("T", "10.0", "亿元"), fig("A", "3.33", "亿元"), fig("B", "6.68", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {rounds, "1001000000", "[1000000000, 1002000000]", "5000000", "0", "", false, ""}},
        // 3.3 × 3 = 9.9 does not round to 10.0, but allowed [9.75, 10.05] meets [9.95, 10.05].
        // tolerance = (0.3 + 0.1) / 2 = 0.2 亿 = 20000000.
        {"within rounding",
         unknown_tie,
         {fig("T", "10.0", "亿元"), fig("A", "3.3", "亿元"), fig("B", "3.3", "亿元"),
          fig("C", "3.3", "亿元")},
         rel(sum, {"T", "A", "B", "C"}),
         {within, "990000000", "[975000000, 1005000000]", "20000000", "0", "", false, ""}},
        // 119.4 + 28.5 = 147.9; allowed [147.8, 148.0] 亿, the total [148.15, 148.25]:
        // miss = 148.15 − 148.0 = 0.15 亿 = 15000000 = 1.5 steps of 0.1 亿;
        // tolerance = (0.2 + 0.1) / 2 = 0.15 亿.
        {"inconsistent",
         unknown_tie,
         {fig("F1", "148.2", "亿元"), fig("F2", "119.4", "亿元"), fig("F3", "28.5", "亿元")},
         rel(sum, {"F1", "F2", "F3"}),
         {inconsistent, "14790000000", "[14780000000, 14800000000]", "15000000", "15000000", "3/2",
          false, ""}},
        // Negative parts (a loss): 6.7 = −3.5 + 10.2; allowed [−3.55 + 10.15, −3.45 + 10.25]
        // = [6.6, 6.8] 亿.
        {"negative part",
         unknown_tie,
         {fig("T", "6.7", "亿元"), fig("L", "-3.5", "亿元"), fig("P", "10.2", "亿元")},
         rel(sum, {"T", "L", "P"}),
         {exact, "670000000", "[660000000, 680000000]", "0", "0", "", false, ""}},
        // The same loss carried by a word (亏损 3.5 亿元 printed as 3.5 with a negating word).
        {"negated part",
         unknown_tie,
         {fig("T", "6.7", "亿元"), fig("L", "3.5", "亿元").negated(), fig("P", "10.2", "亿元")},
         rel(sum, {"T", "L", "P"}),
         {exact, "670000000", "[660000000, 680000000]", "0", "0", "", false, ""}},
    });
}

TEST_CASE("sum: qualifiers, and exact needs each display inside its own interval") {
    const auto sum = relation_kind::sum;
    check_rows({
        // "more than 100" stands for (100, ∞); 60 + 40 项 is exactly 100, at the boundary:
        // inconsistent, miss 0 (the closures meet), 0 steps of 1. Not exact: the display 100
        // is not inside (100, ∞). Tolerance stays 0: the total's interval is unbounded.
        {"more than 100 vs 60 + 40 projects",
         unknown_tie,
         {fig("T", "100", "项").with(qualifier::more_than), fig("A", "60", "项"),
          fig("B", "40", "项")},
         rel(sum, {"T", "A", "B"}),
         {inconsistent, "100", "[100, 100]", "0", "0", "0", false, ""}},
        // 以上 includes its end: "at least 100" = 60 + 40 holds on the displays.
        {"at least 100 vs 60 + 40 projects",
         unknown_tie,
         {fig("T", "100", "项").with(qualifier::at_least), fig("A", "60", "项"),
          fig("B", "40", "项")},
         rel(sum, {"T", "A", "B"}),
         {exact, "100", "[100, 100]", "0", "0", "", false, ""}},
        // With rounded parts, 60 + 40 亿元 may be anything in [99, 101], which meets (100, ∞).
        {"more than 100 vs rounded 60 + 40",
         unknown_tie,
         {fig("T", "100", "亿元").with(qualifier::more_than), fig("A", "60", "亿元"),
          fig("B", "40", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {within, "10000000000", "[9900000000, 10100000000]", "0", "0", "", false, ""}},
        // A derived figure with a qualifier rounds when the computed value meets it:
        // 30.2 + 25.1 = 55.3 > 50. tolerance: the code gives half the display's step (0.5 亿).
        {"more than 50 rounds",
         unknown_tie,
         {fig("T", "50", "亿元").with(qualifier::more_than), fig("A", "30.2", "亿元"),
          fig("B", "25.1", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {rounds, "5530000000", "[5520000000, 5540000000]", "50000000", "0", "", false, ""}},
        // 以上 met from above: "at least 100" = 60 + 45 项 = 105 ≥ 100 rounds, not exact.
        // tolerance half of 1.
        {"at least 100 rounds",
         unknown_tie,
         {fig("T", "100", "项").with(qualifier::at_least), fig("A", "60", "项"),
          fig("B", "45", "项")},
         rel(sum, {"T", "A", "B"}),
         {rounds, "105", "[105, 105]", "1/2", "0", "", false, ""}},
        // 约 148 is the default rounding of its last digit: [147.5, 148.5] holds 148.2.
        {"about 148 rounds",
         unknown_tie,
         {fig("T", "148", "亿元").with(qualifier::about), fig("A", "119.4", "亿元"),
          fig("B", "28.8", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {rounds, "14820000000", "[14810000000, 14830000000]", "50000000", "0", "", false, ""}},
        // 近 100 is [90, 100): 95 + 3 = 98 lies in it.
        {"nearly 100 rounds",
         unknown_tie,
         {fig("T", "100", "项").with(qualifier::nearly), fig("A", "95", "项"), fig("B", "3", "项")},
         rel(sum, {"T", "A", "B"}),
         {rounds, "98", "[98, 98]", "1/2", "0", "", false, ""}},
        // 近 100 cannot be exactly 100: 60 + 40 项 misses [90, 100) at its open end, by 0.
        // The interval is bounded, so tolerance = (0 + 10) / 2 = 5.
        {"nearly 100 vs 60 + 40 projects",
         unknown_tie,
         {fig("T", "100", "项").with(qualifier::nearly), fig("A", "60", "项"),
          fig("B", "40", "项")},
         rel(sum, {"T", "A", "B"}),
         {inconsistent, "100", "[100, 100]", "5", "0", "0", false, ""}},
        // An input "more than 60" rules out exact and rounds even though 60 + 40 = 100:
        // allowed (60, ∞) + [39.5, 40.5] = (99.5, ∞) meets [99.5, 100.5] → within rounding.
        {"input more than 60",
         unknown_tie,
         {fig("T", "100", "亿元"), fig("A", "60", "亿元").with(qualifier::more_than),
          fig("B", "40", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {within, "10000000000", "(9950000000, +inf)", "0", "0", "", false, ""}},
        // Counts: 100 = "more than 60" + 40 needs a total above 100: inconsistent by 0.
        {"input more than 60 projects",
         unknown_tie,
         {fig("T", "100", "项"), fig("A", "60", "项").with(qualifier::more_than),
          fig("B", "40", "项")},
         rel(sum, {"T", "A", "B"}),
         {inconsistent, "100", "(100, +inf)", "0", "0", "0", false, ""}},
    });
}

TEST_CASE("sum: partial lists (Σ parts ≤ whole)") {
    const auto sum = relation_kind::sum;
    check_rows({
        // 其中 without 分别/其余: 10 + 30 = 40 ≤ 50 holds on the displays. computed is Σ parts,
        // allowed the parts' interval [9.5 + 29.5, 10.5 + 30.5] = [39, 41] 亿.
        {"partial, less",
         unknown_tie,
         {fig("W", "50", "亿元"), fig("A", "10", "亿元"), fig("B", "30", "亿元")},
         rel(sum, {"W", "A", "B"}).partial(),
         {exact, "4000000000", "[3900000000, 4100000000]", "0", "0", "", false, ""}},
        {"partial, equal",
         unknown_tie,
         {fig("W", "40", "亿元"), fig("A", "10", "亿元"), fig("B", "30", "亿元")},
         rel(sum, {"W", "A", "B"}).partial(),
         {exact, "4000000000", "[3900000000, 4100000000]", "0", "0", "", false, ""}},
        // 39 < 40 on the displays, but 39.5 ≥ 39 is possible. tolerance = half the widths
        // (1 + 2) / 2 = 1.5 亿.
        {"partial, within",
         unknown_tie,
         {fig("W", "39", "亿元"), fig("A", "10", "亿元"), fig("B", "30", "亿元")},
         rel(sum, {"W", "A", "B"}).partial(),
         {within, "4000000000", "[3900000000, 4100000000]", "150000000", "0", "", false, ""}},
        // Parts that add to more than the whole: 30.5 < 39, miss 8.5 亿 = 8.5 steps of 1 亿.
        {"partial, more than the whole",
         unknown_tie,
         {fig("W", "30", "亿元"), fig("A", "10", "亿元"), fig("B", "30", "亿元")},
         rel(sum, {"W", "A", "B"}).partial(),
         {inconsistent, "4000000000", "[3900000000, 4100000000]", "150000000", "850000000", "17/2",
          false, ""}},
        // Possible only at a tie: whole 38 → [37.5, 38.5], the part 39 → [38.5, 39.5].
        {"partial, tie only",
         unknown_tie,
         {fig("W", "38", "亿元"), fig("A", "39", "亿元")},
         rel(sum, {"W", "A"}).partial(),
         {within, "3900000000", "[3850000000, 3950000000]", "100000000", "0", "", true, ""}},
    });
}

TEST_CASE("sum: cannot check") {
    const auto sum = relation_kind::sum;
    check_rows({
        // Money and counts do not add; the reason names both figures.
        {"money vs count",
         unknown_tie,
         {fig("F1", "148.2", "亿元"), fig("F2", "75", "项"), fig("F3", "28.8", "亿元")},
         rel(sum, {"F1", "F2", "F3"}),
         {cannot, "", "", "0", "0", "", false, "F1 is money (CNY), F2 is count"}},
        // Money of two currencies with no rate.
        {"yuan vs dollars",
         unknown_tie,
         {fig("F1", "148.2", "亿元"), fig("F2", "1.0", "billion USD"), fig("F3", "28.8", "亿元")},
         rel(sum, {"F1", "F2", "F3"}),
         {cannot, "", "", "0", "0", "", false, "F1 is money (CNY), F2 is money (USD)"}},
        // A missing part: the others imply [148.15 − 119.45, 148.25 − 119.35] = [28.7, 28.9] 亿.
        {"missing part",
         unknown_tie,
         {fig("F1", "148.2", "亿元"), fig("F2", "119.4", "亿元")},
         rel(sum, {"F1", "F2", ""}),
         {cannot, "", "", "0", "0", "", false, "lies in 28.70 … 28.90 亿元"}},
        // A missing total: [119.35 + 28.75, 119.45 + 28.85] = [148.1, 148.3] 亿.
        {"missing total",
         unknown_tie,
         {fig("F2", "119.4", "亿元"), fig("F3", "28.8", "亿元")},
         rel(sum, {"", "F2", "F3"}),
         {cannot, "", "", "0", "0", "", false, "lies in 148.10 … 148.30 亿元"}},
        // Two missing figures.
        {"two missing",
         unknown_tie,
         {fig("F1", "148.2", "亿元")},
         rel(sum, {"F1", "", ""}),
         {cannot, "", "", "0", "0", "", false, "more than one figure is not given"}},
        // A partial list bounds a missing part on one side only: A ≤ 50.5 − 29.5 = 21 亿.
        {"partial, missing part",
         unknown_tie,
         {fig("W", "50", "亿元"), fig("B", "30", "亿元")},
         rel(sum, {"W", "", "B"}).partial(),
         {cannot, "", "", "0", "0", "", false, "is at most 21.0 亿元"}},
        // ... and a missing whole from below: W ≥ 9.5 + 29.5 = 39 亿.
        {"partial, missing whole",
         unknown_tie,
         {fig("A", "10", "亿元"), fig("B", "30", "亿元")},
         rel(sum, {"", "A", "B"}).partial(),
         {cannot, "", "", "0", "0", "", false, "is at least 39.0 亿元"}},
        {"constant prices",
         unknown_tie,
         {fig("F1", "148.2", "亿元"), fig("F2", "119.4", "亿元"), fig("F3", "28.8", "亿元")},
         rel(sum, {"F1", "F2", "F3"}).not_checkable("chained volumes are not additive"),
         {cannot, "", "", "0", "0", "", false, "chained volumes are not additive"}},
        {"candidate",
         unknown_tie,
         {fig("F1", "148.2", "亿元"), fig("F2", "119.4", "亿元"), fig("F3", "28.8", "亿元")},
         rel(sum, {"F1", "F2", "F3"}).candidate("其中 may list only some parts"),
         {cannot, "", "", "0", "0", "", false, "a candidate relation, not checked"}},
    });
}

TEST_CASE("sum: implied intervals of missing figures, exactly") {
    reckon::report rep{"t"};
    rep.add("W", "50", "亿元");
    rep.add("A", "10", "亿元");
    rep.add("B", "30", "亿元");
    rep.add("T", "148.2", "亿元");
    rep.add("P", "119.4", "亿元");
    rep.sum("T", {"P", ""});
    rep.sum("W", {"", "B"}).complete = false;
    rep.sum("", {"A", "B"}).complete = false;
    const auto r = reckon::audit(rep);
    REQUIRE(r.findings.size() == 3);
    // [148.15 − 119.45, 148.25 − 119.35] 亿
    CHECK(r.findings[0].implied == iv("[2870000000, 2890000000]"));
    // A ≤ W − B ≤ 50.5 − 29.5 亿, reached (both ends closed)
    CHECK(r.findings[1].implied == iv("(-inf, 2100000000]"));
    // W ≥ A + B ≥ 9.5 + 29.5 亿
    CHECK(r.findings[2].implied == iv("[3900000000, +inf)"));
    for (const auto& f : r.findings) {
        CHECK(f.verdict == reckon::verdict::cannot_check);
        CHECK_FALSE(f.computed.has_value());
    }
}

TEST_CASE("shares_total: shares that make 100 %") {
    const auto total = relation_kind::shares_total;
    check_rows({
        // DESIGN: 80.6 + 19.4 = 100 exactly. allowed [80.55 + 19.35, 80.65 + 19.45] %
        // = [0.999, 1.001]. The empty first id is the implied exact 100 %.
        {"xining shares",
         unknown_tie,
         {fig("S1", "80.6", "%"), fig("S2", "19.4", "%")},
         rel(total, {"", "S1", "S2"}),
         {exact, "1", "[0.999, 1.001]", "0", "0", "", false, ""}},
        // Three shares of 33.3 %: 99.9 ≠ 100, yet [99.75, 100.05] holds 100 → within rounding.
        // tolerance = (0.3 % + 0) / 2 = 0.0015 (the implied 100 % has width 0).
        {"three thirds",
         unknown_tie,
         {fig("S1", "33.3", "%"), fig("S2", "33.3", "%"), fig("S3", "33.3", "%")},
         rel(total, {"", "S1", "S2", "S3"}),
         {within, "0.999", "[0.9975, 1.0005]", "0.0015", "0", "", false, ""}},
        // 10.4 + 4.0 + 9.4 + 9.3 + 9.2 + 21.2 + 20.0 + 15.8 = 99.3; the most they can be is
        // 99.3 + 8 × 0.05 = 99.7, 0.3 points short of 100: miss 0.003, in steps of the finest
        // share (0.1 % = 0.001): 3. tolerance = (8 × 0.1 %) / 2 = 0.004.
        {"eight shares short of 100",
         unknown_tie,
         {fig("S1", "10.4", "%"), fig("S2", "4.0", "%"), fig("S3", "9.4", "%"),
          fig("S4", "9.3", "%"), fig("S5", "9.2", "%"), fig("S6", "21.2", "%"),
          fig("S7", "20.0", "%"), fig("S8", "15.8", "%")},
         rel(total, {"", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"}),
         {inconsistent, "0.993", "[0.989, 0.997]", "0.004", "0.003", "3", false, ""}},
        // Steps of the finest share when resolutions differ: 60 + 39.0 = 99; the most is
        // 60.5 + 39.05 = 99.55; miss 0.45 % = 9/2000 = 4.5 steps of 0.1 %.
        // tolerance = (1 % + 0.1 %) / 2 = 0.0055.
        {"finest share sets the step",
         unknown_tie,
         {fig("S1", "60", "%"), fig("S2", "39.0", "%")},
         rel(total, {"", "S1", "S2"}),
         {inconsistent, "0.99", "[0.9845, 0.9955]", "11/2000", "9/2000", "9/2", false, ""}},
        // An implied 100 % admits no rounding: 33.33 × 3 = 99.99 is only within rounding ...
        // allowed [99.975, 100.005] %; tolerance = 0.03 % / 2 = 0.00015.
        {"implied total never rounds",
         unknown_tie,
         {fig("S1", "33.33", "%"), fig("S2", "33.33", "%"), fig("S3", "33.33", "%")},
         rel(total, {"", "S1", "S2", "S3"}),
         {within, "0.9999", "[0.99975, 1.00005]", "0.00015", "0", "", false, ""}},
        // ... while a printed total 100.0 % ([99.95, 100.05]) takes 99.99 by rounding;
        // tolerance = 0.05 % = 0.0005.
        {"printed total rounds",
         unknown_tie,
         {fig("T", "100.0", "%"), fig("S1", "33.33", "%"), fig("S2", "33.33", "%"),
          fig("S3", "33.33", "%")},
         rel(total, {"T", "S1", "S2", "S3"}),
         {rounds, "0.9999", "[0.99975, 1.00005]", "0.0005", "0", "", false, ""}},
        // A printed total 100.0 % against 50.0 + 30.0 + 19.0 = 99.0: allowed [98.85, 99.15],
        // total [99.95, 100.05]: miss 0.8 % = 8 steps of the total's 0.1 %;
        // tolerance = (0.3 % + 0.1 %) / 2 = 0.002.
        {"printed total inconsistent",
         unknown_tie,
         {fig("T", "100.0", "%"), fig("S1", "50.0", "%"), fig("S2", "30.0", "%"),
          fig("S3", "19.0", "%")},
         rel(total, {"T", "S1", "S2", "S3"}),
         {inconsistent, "0.99", "[0.9885, 0.9915]", "0.002", "0.008", "8", false, ""}},
        // Per mille: 500 ‰ + 500 ‰ = 100 %. allowed [499.5 + 499.5, 500.5 + 500.5] ‰.
        {"per mille",
         unknown_tie,
         {fig("S1", "500", "‰"), fig("S2", "500", "‰")},
         rel(total, {"", "S1", "S2"}),
         {exact, "1", "[0.999, 1.001]", "0", "0", "", false, ""}},
        // Points are not shares.
        {"points among shares",
         unknown_tie,
         {fig("S1", "80.6", "%"), fig("S2", "19.4", "个百分点")},
         rel(total, {"", "S1", "S2"}),
         {cannot, "", "", "0", "0", "", false, "S2 is points, expected a share"}},
        // A missing share: 1 − [0.8055, 0.8065] = [0.1935, 0.1945].
        {"missing share",
         unknown_tie,
         {fig("S1", "80.6", "%")},
         rel(total, {"", "S1", ""}),
         {cannot, "", "", "0", "0", "", false, "lies in 19.35 … 19.45 %"}},
    });
}

TEST_CASE("difference: each verdict") {
    const auto diff = relation_kind::difference;
    check_rows({
        // 净增 28.8 = 148.2 − 119.4; allowed [148.15 − 119.45, 148.25 − 119.35] = [28.7, 28.9] 亿.
        {"exact",
         unknown_tie,
         {fig("D", "28.8", "亿元"), fig("M", "148.2", "亿元"), fig("S", "119.4", "亿元")},
         rel(diff, {"D", "M", "S"}),
         {exact, "2880000000", "[2870000000, 2890000000]", "0", "0", "", false, ""}},
        // 148.23 − 119.44 = 28.79 → 28.8; allowed [148.225 − 119.445, 148.235 − 119.435]
        // = [28.78, 28.80] 亿; tolerance 0.05 亿.
        {"rounds",
         unknown_tie,
         {fig("D", "28.8", "亿元"), fig("M", "148.23", "亿元"), fig("S", "119.44", "亿元")},
         rel(diff, {"D", "M", "S"}),
         {rounds, "2879000000", "[2878000000, 2880000000]", "5000000", "0", "", false, ""}},
        // 28.8 is not in [28.85, 28.95], but [28.7, 28.9] meets it. tolerance (0.2 + 0.1) / 2.
        {"within",
         unknown_tie,
         {fig("D", "28.9", "亿元"), fig("M", "148.2", "亿元"), fig("S", "119.4", "亿元")},
         rel(diff, {"D", "M", "S"}),
         {within, "2880000000", "[2870000000, 2890000000]", "15000000", "0", "", false, ""}},
        // 29.2 → [29.15, 29.25]: miss 29.15 − 28.9 = 0.25 亿 = 2.5 steps of 0.1 亿.
        {"inconsistent",
         unknown_tie,
         {fig("D", "29.2", "亿元"), fig("M", "148.2", "亿元"), fig("S", "119.4", "亿元")},
         rel(diff, {"D", "M", "S"}),
         {inconsistent, "2880000000", "[2870000000, 2890000000]", "15000000", "25000000", "5/2",
          false, ""}},
        // A negative difference: 10.0 − 15.0 = −5.0; allowed [9.95 − 15.05, 10.05 − 14.95].
        {"negative",
         unknown_tie,
         {fig("D", "-5.0", "亿元"), fig("M", "10.0", "亿元"), fig("S", "15.0", "亿元")},
         rel(diff, {"D", "M", "S"}),
         {exact, "-500000000", "[-510000000, -490000000]", "0", "0", "", false, ""}},
        // The same, with the sign in a word (减少 5.0 亿元).
        {"negated",
         unknown_tie,
         {fig("D", "5.0", "亿元").negated(), fig("M", "10.0", "亿元"), fig("S", "15.0", "亿元")},
         rel(diff, {"D", "M", "S"}),
         {exact, "-500000000", "[-510000000, -490000000]", "0", "0", "", false, ""}},
        // A change of shares in points is not a difference of like kinds: names both.
        {"points vs share",
         unknown_tie,
         {fig("D", "2.3", "个百分点"), fig("M", "45.6", "%"), fig("S", "43.3", "%")},
         rel(diff, {"D", "M", "S"}),
         {cannot, "", "", "0", "0", "", false, "D is points, M is share"}},
        {"money vs count",
         unknown_tie,
         {fig("D", "2.3", "亿元"), fig("M", "45", "项"), fig("S", "43", "项")},
         rel(diff, {"D", "M", "S"}),
         {cannot, "", "", "0", "0", "", false, "D is money (CNY), M is count"}},
        // Missing subtrahend: M − D = [148.15 − 28.85, 148.25 − 28.75] = [119.3, 119.5] 亿.
        {"missing subtrahend",
         unknown_tie,
         {fig("D", "28.8", "亿元"), fig("M", "148.2", "亿元")},
         rel(diff, {"D", "M", ""}),
         {cannot, "", "", "0", "0", "", false, "lies in 119.30 … 119.50 亿元"}},
    });
}
