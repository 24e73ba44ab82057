// SPDX-License-Identifier: MIT
// Rounding conventions at work in relations: half up, half even, half down, unknown tie rule,
// truncation; the report's convention and a figure's own; ties and `tie_only`; negative
// figures mirrored; open and closed ends of the allowed interval.
//
// The workhorse is 1/8 = 12.5 %, exactly on the tie between 12 % and 13 %, and its mirror
// 7/8 − 1 = −12.5 % (a growth from 8 to 7 projects, 下降 12.5 %). Counts (项) are exact, so
// the allowed interval is the point itself and only the share's own interval decides.
#include "relation_support.hpp"

namespace {

using namespace relation_test;
using reckon::convention;
using reckon::qualifier;
using reckon::relation_kind;

constexpr auto half_down = convention::half_down;
constexpr auto truncated = convention::truncated;

// share = 1 项 / 8 项, printed as `pct` %.
row share_of_eight(std::string name, convention c, const std::string& pct, expect e) {
    return {std::move(name),
            c,
            {fig("S", pct, "%"), fig("P", "1", "项"), fig("W", "8", "项")},
            rel(relation_kind::share, {"S", "P", "W"}),
            std::move(e)};
}

// growth = 7 项 / 8 项 − 1, printed as 下降 `pct` %.
row fall_from_eight(std::string name, convention c, const std::string& pct, expect e) {
    return {std::move(name),
            c,
            {fig("G", pct, "%").negated(), fig("C", "7", "项"), fig("P", "8", "项")},
            rel(relation_kind::growth, {"G", "C", "P"}),
            std::move(e)};
}

// A share whose computed value sits on its tie: rounds, tie only; tolerance half of 1 %.
const expect tie_rounds{rounds, "1/8", "[1/8, 1/8]", "1/200", "0", "", true, ""};
const expect tie_rounds_down{rounds, "-1/8", "[-1/8, -1/8]", "1/200", "0", "", true, ""};
// The tie lies on the open end: inconsistent, missing by 0 (the closures touch);
// tolerance (0 + 1 %) / 2.
const expect tie_excluded{inconsistent, "1/8", "[1/8, 1/8]", "1/200", "0", "0", false, ""};
const expect tie_excluded_down{inconsistent, "-1/8", "[-1/8, -1/8]", "1/200", "0", "0", false, ""};

} // namespace

TEST_CASE("ties: 12.5 % printed as 12 % or 13 % under each convention") {
    check_rows({
        // half up (四舍五入): 13 % is [12.5, 13.5), holding 12.5 at its closed end;
        // 12 % is [11.5, 12.5), which leaves 12.5 out.
        share_of_eight("half up, 13", half_up, "13", tie_rounds),
        share_of_eight("half up, 12", half_up, "12", tie_excluded),
        // half even (GB/T 8170): 12 is even, [11.5, 12.5] closed; 13 is odd, (12.5, 13.5).
        share_of_eight("half even, 13", half_even, "13", tie_excluded),
        share_of_eight("half even, 12", half_even, "12", tie_rounds),
        // half down: 13 % is (12.5, 13.5], 12 % is (11.5, 12.5].
        share_of_eight("half down, 13", half_down, "13", tie_excluded),
        share_of_eight("half down, 12", half_down, "12", tie_rounds),
        // unknown tie rule: both [x − 0.5, x + 0.5] closed; each holds only at the tie.
        share_of_eight("unknown, 13", unknown_tie, "13", tie_rounds),
        share_of_eight("unknown, 12", unknown_tie, "12", tie_rounds),
        // truncated: 12 % is [12, 13), 12.5 inside and no tie at all. 13 % is [13, 14):
        // miss 0.13 − 0.125 = 1/200 = half a 1 % step.
        share_of_eight("truncated, 12", truncated, "12",
                       {rounds, "1/8", "[1/8, 1/8]", "1/200", "0", "", false, ""}),
        share_of_eight("truncated, 13", truncated, "13",
                       {inconsistent, "1/8", "[1/8, 1/8]", "1/200", "1/200", "1/2", false, ""}),
    });
}

TEST_CASE("ties: negative figures mirror the positive ones") {
    check_rows({
        // half up rounds ties away from zero: −13 % is (−13.5, −12.5], −12 % is (−12.5, −11.5].
        fall_from_eight("half up, 下降 13", half_up, "13", tie_rounds_down),
        fall_from_eight("half up, 下降 12", half_up, "12", tie_excluded_down),
        // half even by absolute value: −12 closed, −13 open.
        fall_from_eight("half even, 下降 13", half_even, "13", tie_excluded_down),
        fall_from_eight("half even, 下降 12", half_even, "12", tie_rounds_down),
        // half down toward zero: −13 % is [−13.5, −12.5), −12 % is [−12.5, −11.5).
        fall_from_eight("half down, 下降 13", half_down, "13", tie_excluded_down),
        fall_from_eight("half down, 下降 12", half_down, "12", tie_rounds_down),
        fall_from_eight("unknown, 下降 13", unknown_tie, "13", tie_rounds_down),
        fall_from_eight("unknown, 下降 12", unknown_tie, "12", tie_rounds_down),
        // truncated toward zero: −12 % is (−13, −12], holding −12.5; −13 % is (−14, −13].
        fall_from_eight("truncated, 下降 12", truncated, "12",
                        {rounds, "-1/8", "[-1/8, -1/8]", "1/200", "0", "", false, ""}),
        fall_from_eight("truncated, 下降 13", truncated, "13",
                        {inconsistent, "-1/8", "[-1/8, -1/8]", "1/200", "1/200", "1/2", false, ""}),
    });
}

TEST_CASE("ties: a figure's own rounding overrides the report's") {
    const auto share = relation_kind::share;
    check_rows({
        // The report rounds half up (12 % would leave 12.5 out), the figure half even.
        {"report half up, figure half even",
         half_up,
         {fig("S", "12", "%").rounded(half_even), fig("P", "1", "项"), fig("W", "8", "项")},
         rel(share, {"S", "P", "W"}),
         tie_rounds},
        // The report rounds half even (13 % would be open), the figure half up.
        {"report half even, figure half up",
         half_even,
         {fig("S", "13", "%").rounded(half_up), fig("P", "1", "项"), fig("W", "8", "项")},
         rel(share, {"S", "P", "W"}),
         tie_rounds},
        // A count's own rounding makes it rounded too: 8 项 "to the nearest ten" is no such
        // thing, but 1 项 under unknown_tie is [0.5, 1.5], so 1/8 is no longer alone:
        // allowed [0.5 / 8, 1.5 / 8] = [1/16, 3/16] meets 13 % = [0.125, 0.135] beyond the tie.
        {"a count rounded by its own rule",
         half_up,
         {fig("S", "13", "%"), fig("P", "1", "项").rounded(unknown_tie), fig("W", "8", "项")},
         rel(share, {"S", "P", "W"}),
         {rounds, "1/8", "[1/16, 3/16]", "1/200", "0", "", false, ""}},
    });

    // set_rounding changes the verdicts of a report already built.
    reckon::report rep{"ties"};
    rep.add("S", "12", "%");
    rep.add("P", "1", "项");
    rep.add("W", "8", "项");
    rep.share("S", "P", "W");
    CHECK(reckon::audit(rep).findings[0].verdict == reckon::verdict::rounds);
    rep.set_rounding(half_up);
    CHECK(reckon::audit(rep).findings[0].verdict == reckon::verdict::inconsistent);
    rep.set_rounding(half_even);
    const auto f = reckon::audit(rep).findings[0];
    CHECK(f.verdict == reckon::verdict::rounds);
    CHECK(f.tie_only);
    CHECK(f.message.find("only at an exact rounding tie") != std::string::npos);
}

TEST_CASE("ties: tie only means the relation needs a tie, not that the computed value is one") {
    const auto share = relation_kind::share;
    const auto sum = relation_kind::sum;
    check_rows({
        // Regression: 1.0 / 8.0 亿元 = 12.5 % sits on 13 %'s tie, but true values such as
        // 1.04 / 8.0 = 13 % need no tie, so the verdict rounds without tie_only (it used to
        // say tie only). Half up: 1.0 → [0.95, 1.05), 8.0 → [7.95, 8.05); allowed
        // = (0.95 / 8.05, 1.05 / 7.95) = (19/161, 7/53), both ends open: 0.95 is reached but
        // 8.05 is not, and 1.05 is not reached.
        {"rounded inputs, half up",
         half_up,
         {fig("S", "13", "%"), fig("P", "1.0", "亿元"), fig("W", "8.0", "亿元")},
         rel(share, {"S", "P", "W"}),
         {rounds, "1/8", "(19/161, 7/53)", "1/200", "0", "", false, ""}},
        {"rounded inputs, unknown tie",
         unknown_tie,
         {fig("S", "13", "%"), fig("P", "1.0", "亿元"), fig("W", "8.0", "亿元")},
         rel(share, {"S", "P", "W"}),
         {rounds, "1/8", "[19/161, 7/53]", "1/200", "0", "", false, ""}},
        // Within rounding only at a tie: 5.0 + 5.4 = 10.4 against 11 ([10.5, 11.5]); the
        // parts reach at most 5.05 + 5.45 = 10.5, the total's bottom. tolerance
        // (0.2 + 1) / 2 亿 = 0.6 亿.
        {"within only at a tie",
         unknown_tie,
         {fig("T", "11", "亿元"), fig("A", "5.0", "亿元"), fig("B", "5.4", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {within, "1040000000", "[1030000000, 1050000000]", "60000000", "0", "", true, ""}},
        // Half up: the parts' tops are open, [10.3, 10.5) misses [10.5, 11.5) by 0.
        {"the same, half up",
         half_up,
         {fig("T", "11", "亿元"), fig("A", "5.0", "亿元"), fig("B", "5.4", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {inconsistent, "1040000000", "[1030000000, 1050000000)", "60000000", "0", "0", false, ""}},
        // Half even: 5.0 and 5.4 are even (closed), 11 is odd (open): (10.5, 11.5) misses
        // [10.3, 10.5] by 0.
        {"the same, half even",
         half_even,
         {fig("T", "11", "亿元"), fig("A", "5.0", "亿元"), fig("B", "5.4", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {inconsistent, "1040000000", "[1030000000, 1050000000]", "60000000", "0", "0", false, ""}},
        // Half even with an even total: 12 = [11.5, 12.5] meets 5.0 + 6.4 ≤ 11.5 at the tie.
        {"even total, half even",
         half_even,
         {fig("T", "12", "亿元"), fig("A", "5.0", "亿元"), fig("B", "6.4", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {within, "1140000000", "[1130000000, 1150000000]", "60000000", "0", "", true, ""}},
        // Mirrored: −11 = −5.0 + −5.4, within only at the tie −10.5.
        {"negative, within only at a tie",
         unknown_tie,
         {fig("T", "-11", "亿元"), fig("A", "-5.0", "亿元"), fig("B", "-5.4", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {within, "-1040000000", "[-1050000000, -1030000000]", "60000000", "0", "", true, ""}},
        // Half up mirrored: parts (−5.05, −4.95] + (−5.45, −5.35] = (−10.5, −10.3], the
        // total (−11.5, −10.5]: they miss by 0.
        {"negative, half up",
         half_up,
         {fig("T", "-11", "亿元"), fig("A", "-5.0", "亿元"), fig("B", "-5.4", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {inconsistent, "-1040000000", "(-1050000000, -1030000000]", "60000000", "0", "0", false,
          ""}},
        // A qualifier's own end is not a tie: 近 100 is [90, 100) and 50 + 40 = 90 项 meets it
        // at 90, which stays closed when ties open.
        {"nearly keeps its closed end",
         unknown_tie,
         {fig("T", "100", "项").with(qualifier::nearly), fig("A", "50", "项"),
          fig("B", "40", "项")},
         rel(sum, {"T", "A", "B"}),
         {rounds, "90", "[90, 90]", "1/2", "0", "", false, ""}},
    });
}

TEST_CASE("ties: the GRIM test at a tie, and a truncated figure's own end") {
    const auto share = relation_kind::share;
    check_rows({
        // 13 % of 8 under the unknown rule: [0.125, 0.135] × 8 = [1, 1.08]; 1 only at the tie.
        {"unknown tie",
         unknown_tie,
         {fig("S", "13", "%"), fig("W", "8", "项")},
         rel(share, {"S", "", "W"}).whole_numbers(),
         {within, "", "", "0", "0", "", true, ""}},
        // 12.5 % truncated is [0.125, 0.126) × 8 = [1, 1.008): the count 1 lies on the printed
        // end, which is no tie and stays closed.
        {"truncated printed end",
         truncated,
         {fig("S", "12.5", "%"), fig("W", "8", "项")},
         rel(share, {"S", "", "W"}).whole_numbers(),
         {within, "", "", "0", "0", "", false, ""}},
    });
}

TEST_CASE("ties: open and closed ends of allowed intervals") {
    const auto sum = relation_kind::sum;
    const auto growth = relation_kind::growth;
    check_rows({
        // Half up: [119.35, 119.45) + [28.75, 28.85) = [148.1, 148.3).
        {"half up sum",
         half_up,
         {fig("T", "148.2", "亿元"), fig("A", "119.4", "亿元"), fig("B", "28.8", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {exact, "14820000000", "[14810000000, 14830000000)", "0", "0", "", false, ""}},
        // Half up, negative: (−3.55, −3.45] + (−3.25, −3.15] = (−6.8, −6.6].
        {"half up negative sum",
         half_up,
         {fig("T", "-6.7", "亿元"), fig("A", "-3.5", "亿元"), fig("B", "-3.2", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {exact, "-670000000", "(-680000000, -660000000]", "0", "0", "", false, ""}},
        // Half even with odd last digits: (119.25, 119.35) + (28.85, 28.95) = (148.1, 148.3).
        {"half even odd digits",
         half_even,
         {fig("T", "148.2", "亿元"), fig("A", "119.3", "亿元"), fig("B", "28.9", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {exact, "14820000000", "(14810000000, 14830000000)", "0", "0", "", false, ""}},
        // Half even with even last digits: [119.35, 119.45] + [28.75, 28.85] = [148.1, 148.3].
        {"half even even digits",
         half_even,
         {fig("T", "148.2", "亿元"), fig("A", "119.4", "亿元"), fig("B", "28.8", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {exact, "14820000000", "[14810000000, 14830000000]", "0", "0", "", false, ""}},
        // One even, one odd: [119.35, 119.45] + (28.85, 28.95) = (148.2, 148.4): an end is
        // reached only when both addends reach theirs.
        {"half even mixed digits",
         half_even,
         {fig("T", "148.3", "亿元"), fig("A", "119.4", "亿元"), fig("B", "28.9", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {exact, "14830000000", "(14820000000, 14840000000)", "0", "0", "", false, ""}},
        // Truncated: [119.4, 119.5) + [28.8, 28.9) = [148.2, 148.4).
        {"truncated sum",
         truncated,
         {fig("T", "148.2", "亿元"), fig("A", "119.4", "亿元"), fig("B", "28.8", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {exact, "14820000000", "[14820000000, 14840000000)", "0", "0", "", false, ""}},
        // A quotient under half up: [109.95, 110.05) / [99.95, 100.05) − 1: the bottom
        // 109.95 / 100.05 uses 100.05, never reached, so it is open; the top 110.05 / 99.95
        // uses 110.05, never reached: (66/667, 202/1999).
        {"half up growth",
         half_up,
         {fig("G", "10.0", "%"), fig("C", "110.0", "亿元"), fig("P", "100.0", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {exact, "1/10", "(66/667, 202/1999)", "0", "0", "", false, ""}},
        // An unbounded input: (60, ∞) + [39.5, 40.5] = (99.5, ∞).
        {"infinite end",
         unknown_tie,
         {fig("T", "100", "亿元"), fig("A", "60", "亿元").with(qualifier::more_than),
          fig("B", "40", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {within, "10000000000", "(9950000000, +inf)", "0", "0", "", false, ""}},
        // "at most 40" keeps its closed end: (−∞, 40] + [59.5, 60.5] = (−∞, 100.5], which
        // meets 101 = [100.5, 101.5] only at 100.5 — a tie of 60 and of 101, so tie only.
        {"at most end",
         unknown_tie,
         {fig("T", "101", "亿元"), fig("A", "40", "亿元").with(qualifier::at_most),
          fig("B", "60", "亿元")},
         rel(sum, {"T", "A", "B"}),
         {within, "10000000000", "(-inf, 10050000000]", "0", "0", "", true, ""}},
    });
}
