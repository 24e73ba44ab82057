// SPDX-License-Identifier: MIT
// The growth calculators as relations the audit checks: cagr (年均增长, decided on
// (1 + rate)^years, exactly), contribution (贡献率), pull (拉动 … 个百分点) and index
// (上年 = 100); every verdict each can give. Values are in base units (rates as fractions, money
// in yuan), as in tests/relation_*.cpp; each expected number is worked out in a comment.
//
// A compound rate is irrational in general: its `computed` value and the ends of `allowed` are
// rounded to 12 decimal places (half even; the range outward, by exact integer roots), while the
// verdict, miss and tie flag come from exact comparisons of powers.
#include "relation_support.hpp"

#include <reckon/report.hpp>

#include <algorithm>

namespace {

using namespace relation_test;
using reckon::relation_kind;

// A row's relation with `years` set (relation_support's rel has no setter for it).
reckon::finding run_cagr(const row& c, unsigned years) {
    reckon::report rep{"test", c.rounding};
    for (const auto& f : c.figures) {
        rep.add(f.make());
    }
    reckon::relation r = c.relation.get();
    r.years = years;
    rep.add(r);
    return reckon::check(rep, rep.relations().front());
}

void check_cagr_rows(const std::vector<std::pair<row, unsigned>>& rows) {
    for (const auto& item : rows) {
        const row& c = item.first;
        CAPTURE(c.name);
        const reckon::finding f = run_cagr(c, item.second);
        CAPTURE(f.message);
        check_finding(f, c.e);
    }
}

} // namespace

TEST_CASE("cagr: each verdict") {
    const auto cagr = relation_kind::cagr;
    const rel r3(cagr, {"G", "L", "F"});
    check_cagr_rows({
        // 100 → 121 (亿元) over 2 years at 10.0 %: 1.1² = 1.21 = 121 / 100 on the printed
        // figures. allowed: the rates of [120.5 / 100.5, 121.5 / 99.5] = [1.199005, 1.221106],
        // √ − 1 rounded outward: [0.094990856182, 0.105036437245].
        {{"exact",
          unknown_tie,
          {fig("G", "10.0", "%"), fig("L", "121", "亿元"), fig("F", "100", "亿元")},
          r3,
          {exact, "0.1", "[0.094990856182, 0.105036437245]", "0", "0", "", false, ""}},
         2},
        // The 2020 census: 133972 → 141178 万人 over 10 years, 0.53 % a year. The true rate
        // (141178 / 133972)^(1/10) − 1 = 0.5252816183 % lies in [0.525 %, 0.535 %]:
        // 1.00525^10 ≤ 141178 / 133972 ≤ 1.00535^10, compared exactly. tolerance 0.005 %.
        {{"rounds: the census",
          unknown_tie,
          {fig("G", "0.53", "%"), fig("L", "141178", "万人"), fig("F", "133972", "万人")},
          r3,
          {rounds, "0.005252816183", "[0.005252084987, 0.005253547379]", "1/20000", "0", "", false,
           ""}},
         10},
        // 0.52 % = [0.515 %, 0.525 %] misses: even the lowest rate the levels allow,
        // (141177.5 / 133972.5)^(1/10) − 1 = 0.5252084987… %, is above 0.525 %. miss
        // 0.005252084987 − 0.00525 = 0.000002084987 (a lower bound, by < 10^-12), 0.02084987
        // steps of 0.01 %; tolerance (0.000001462392 + 0.0001) / 2 = 0.000050731196.
        {{"inconsistent: 0.52 % for the census",
          unknown_tie,
          {fig("G", "0.52", "%"), fig("L", "141178", "万人"), fig("F", "133972", "万人")},
          r3,
          {inconsistent, "0.005252816183", "[0.005252084987, 0.005253547379]", "0.000050731196",
           "0.000002084987", "0.02084987", false, ""}},
         10},
        // 10.2 % = [10.15 %, 10.25 %]: 1.1015² = 1.21330225 > 1.21, so not `rounds`; but
        // 121.5 / 99.5 = 1.2211 reaches it: within rounding. tolerance
        // (0.105036437245 − 0.094990856182 + 0.001) / 2 = 0.0055227905315.
        {{"within",
          unknown_tie,
          {fig("G", "10.2", "%"), fig("L", "121", "亿元"), fig("F", "100", "亿元")},
          r3,
          {within, "0.1", "[0.094990856182, 0.105036437245]", "0.0055227905315", "0", "", false,
           ""}},
         2},
        // 11.0 % = [10.95 %, 11.05 %]: 1.1095² = 1.23099025 > 1.2211: impossible. miss
        // 0.1095 − 0.105036437245 = 0.004463562755, 4.463562755 steps of 0.1 %.
        {{"inconsistent",
          unknown_tie,
          {fig("G", "11.0", "%"), fig("L", "121", "亿元"), fig("F", "100", "亿元")},
          r3,
          {inconsistent, "0.1", "[0.094990856182, 0.105036437245]", "0.0055227905315",
           "0.004463562755", "4.463562755", false, ""}},
         2},
        // Exact counts 100000000 → 120012025 people over 2 years: 1.20012025 = 1.0955², a rate of
        // exactly 9.55 %, the upper end of 9.5 % under an unknown tie rule: it rounds only if
        // that tie went down (tie only).
        {{"rounds at a tie only",
          unknown_tie,
          {fig("G", "9.5", "%"), fig("L", "120012025", "人"), fig("F", "100000000", "人")},
          r3,
          {rounds, "191/2000", "[0.0955, 0.0955]", "1/2000", "0", "", true, ""}},
         2},
        // 下降 6.70 % a year: 200 → 100 (亿元) over 10 years, 0.5^(1/10) − 1 = −6.6967008463 %
        // in [−6.705 %, −6.695 %]. allowed: the rates of [99.5 / 200.5, 100.5 / 199.5].
        {{"a fall, with the sign in the word",
          unknown_tie,
          {fig("G", "6.70", "%").negated(), fig("L", "100", "亿元"), fig("F", "200", "亿元")},
          r3,
          {rounds, "-0.066967008463", "[-0.067667399304, -0.066267842249]", "1/20000", "0", "",
           false, ""}},
         10},
    });
}

TEST_CASE("cagr: cannot check") {
    const auto cagr = relation_kind::cagr;
    const rel r3(cagr, {"G", "L", "F"});
    const std::vector<fig> good{fig("G", "10.0", "%"), fig("L", "121", "亿元"),
                                fig("F", "100", "亿元")};
    check_cagr_rows({
        {{"no years",
          unknown_tie,
          good,
          r3,
          {cannot, "", "", "0", "0", "", false, "the number of years"}},
         0},
        {{"too many years",
          unknown_tie,
          good,
          r3,
          {cannot, "", "", "0", "0", "", false, "more than 1000 years"}},
         1001},
        {{"a first level that may be zero",
          unknown_tie,
          {fig("G", "10.0", "%"), fig("L", "121", "亿元"), fig("F", "0", "亿元")},
          r3,
          {cannot, "", "", "0", "0", "", false, "may be zero"}},
         2},
        {{"a negative level",
          unknown_tie,
          {fig("G", "10.0", "%"), fig("L", "121", "亿元"), fig("F", "-100", "亿元")},
          r3,
          {cannot, "", "", "0", "0", "", false, "may be negative"}},
         2},
        {{"a rate in 亿元",
          unknown_tie,
          {fig("G", "10.0", "亿元"), fig("L", "121", "亿元"), fig("F", "100", "亿元")},
          r3,
          {cannot, "", "", "0", "0", "", false, "kinds do not fit"}},
         2},
        {{"levels of different kinds",
          unknown_tie,
          {fig("G", "10.0", "%"), fig("L", "121", "亿元"), fig("F", "100", "人")},
          r3,
          {cannot, "", "", "0", "0", "", false, "kinds do not fit"}},
         2},
        // The rate not given: the levels imply 9.499 … 10.504 % (outward).
        {{"rate not given",
          unknown_tie,
          {fig("L", "121", "亿元"), fig("F", "100", "亿元")},
          rel(cagr, {"", "L", "F"}),
          {cannot, "", "", "0", "0", "", false, "lies in 9.49 … 10.51 %"}},
         2},
        // The last level not given: [99.5, 100.5] 亿元 × [1.0995², 1.1005²]
        // = [120.2855…, 121.7155…] 亿元, shown outward — exact, no root needed.
        {{"last level not given",
          unknown_tie,
          {fig("G", "10.0", "%"), fig("F", "100", "亿元")},
          rel(cagr, {"G", "", "F"}),
          {cannot, "", "", "0", "0", "", false, "lies in 120.2 … 121.8 亿元"}},
         2},
        {{"first level not given",
          unknown_tie,
          {fig("G", "10.0", "%"), fig("L", "121", "亿元")},
          rel(cagr, {"G", "L", ""}),
          {cannot, "", "", "0", "0", "", false, "lies in 99.4 … 100.6 亿元"}},
         2},
    });
}

TEST_CASE("contribution (贡献率): each verdict") {
    const auto contribution = relation_kind::contribution;
    const rel r3(contribution, {"R", "C", "T"});
    check_rows({
        // 34.17 / 102 = 0.335 exactly. allowed [34.165 / 102.5, 34.175 / 101.5]
        // = [6833/20500, 1367/4060].
        {"exact",
         unknown_tie,
         {fig("R", "33.5", "%"), fig("C", "34.17", "亿元"), fig("T", "102", "亿元")},
         r3,
         {exact, "67/200", "[6833/20500, 1367/4060]", "0", "0", "", false, ""}},
        // 34.2 / 102.0 = 57/170 = 33.529 % → 33.5 %. allowed [34.15 / 102.05, 34.25 / 101.95]
        // = [683/2041, 685/2039]; tolerance 0.05 % = 1/2000.
        {"rounds",
         unknown_tie,
         {fig("R", "33.5", "%"), fig("C", "34.2", "亿元"), fig("T", "102.0", "亿元")},
         r3,
         {rounds, "57/170", "[683/2041, 685/2039]", "1/2000", "0", "", false, ""}},
        // 33.6 % = [0.3355, 0.3365] misses 0.33529 but meets 685/2039 = 0.33595. tolerance
        // (685/2039 − 683/2041 + 0.001) / 2 = 9609599/8323198000.
        {"within",
         unknown_tie,
         {fig("R", "33.6", "%"), fig("C", "34.2", "亿元"), fig("T", "102.0", "亿元")},
         r3,
         {within, "57/170", "[683/2041, 685/2039]", "9609599/8323198000", "0", "", false, ""}},
        // 34.0 % = [0.3395, 0.3405]: miss 0.3395 − 685/2039 = 14481/4078000, 14481/4078 steps.
        {"inconsistent",
         unknown_tie,
         {fig("R", "34.0", "%"), fig("C", "34.2", "亿元"), fig("T", "102.0", "亿元")},
         r3,
         {inconsistent, "57/170", "[683/2041, 685/2039]", "9609599/8323198000", "14481/4078000",
          "14481/4078", false, ""}},
        // A component that fell while the total rose: −5 / 20 = −25 %.
        {"negative",
         unknown_tie,
         {fig("R", "25", "%").negated(), fig("C", "5", "亿元").negated(), fig("T", "20", "亿元")},
         r3,
         {exact, "-1/4", "", "0", "0", "", false, ""}},
        {"the total did not change",
         unknown_tie,
         {fig("R", "33.5", "%"), fig("C", "34.2", "亿元"), fig("T", "0", "亿元")},
         r3,
         {cannot, "", "", "0", "0", "", false, "may be zero"}},
        {"kinds",
         unknown_tie,
         {fig("R", "33.5", "%"), fig("C", "34.2", "亿元"), fig("T", "102", "人")},
         r3,
         {cannot, "", "", "0", "0", "", false, "kinds do not fit"}},
        {"a contribution in points",
         unknown_tie,
         {fig("R", "33.5", "个百分点"), fig("C", "34.2", "亿元"), fig("T", "102", "亿元")},
         r3,
         {cannot, "", "", "0", "0", "", false, "a contribution in %"}},
    });
}

TEST_CASE("pull (拉动 … 个百分点): each verdict") {
    const auto pull = relation_kind::pull;
    const rel r3(pull, {"P", "C", "T"});
    check_rows({
        // 34 / 1000 = 3.4 points exactly. allowed [33.5 / 1000.5, 34.5 / 999.5]
        // = [67/2001, 69/1999].
        {"exact",
         unknown_tie,
         {fig("P", "3.4", "个百分点"), fig("C", "34", "亿元"), fig("T", "1000", "亿元")},
         r3,
         {exact, "17/500", "[67/2001, 69/1999]", "0", "0", "", false, ""}},
        // 34.17 / 1000 = 3.417 points → 3.4. allowed [34.165 / 1000.5, 34.175 / 999.5]
        // = [6833/200100, 1367/39980]; tolerance 0.05 points.
        {"rounds",
         unknown_tie,
         {fig("P", "3.4", "个百分点"), fig("C", "34.17", "亿元"), fig("T", "1000", "亿元")},
         r3,
         {rounds, "3417/100000", "[6833/200100, 1367/39980]", "1/2000", "0", "", false, ""}},
        // 3.5 points = [0.0345, 0.0355] meets 69/1999 = 0.034517. tolerance
        // (69/1999 − 67/2001 + 0.001) / 2 = 8135999/7999998000.
        {"within",
         unknown_tie,
         {fig("P", "3.5", "个百分点"), fig("C", "34", "亿元"), fig("T", "1000", "亿元")},
         r3,
         {within, "17/500", "[67/2001, 69/1999]", "8135999/7999998000", "0", "", false, ""}},
        // 3.6 points: miss 0.0355 − 69/1999 = 3929/3998000, 3929/3998 steps of 0.1 point.
        {"inconsistent",
         unknown_tie,
         {fig("P", "3.6", "个百分点"), fig("C", "34", "亿元"), fig("T", "1000", "亿元")},
         r3,
         {inconsistent, "17/500", "[67/2001, 69/1999]", "8135999/7999998000", "3929/3998000",
          "3929/3998", false, ""}},
        // Written in % (拉动增长 3.4 %), read the same way.
        {"in %",
         unknown_tie,
         {fig("P", "3.4", "%"), fig("C", "34", "亿元"), fig("T", "1000", "亿元")},
         r3,
         {exact, "17/500", "[67/2001, 69/1999]", "0", "0", "", false, ""}},
        {"the previous total may be zero",
         unknown_tie,
         {fig("P", "3.4", "个百分点"), fig("C", "34", "亿元"), fig("T", "0.0", "亿元")},
         r3,
         {cannot, "", "", "0", "0", "", false, "may be zero"}},
        {"kinds",
         unknown_tie,
         {fig("P", "3.4", "亿元"), fig("C", "34", "亿元"), fig("T", "1000", "亿元")},
         r3,
         {cannot, "", "", "0", "0", "", false, "kinds do not fit"}},
        // The pull not given: 3.35 … 3.45 points.
        {"pull not given",
         unknown_tie,
         {fig("C", "34", "亿元"), fig("T", "1000", "亿元")},
         rel(pull, {"", "C", "T"}),
         {cannot, "", "", "0", "0", "", false, "lies in 3.34 … 3.46 个百分点"}},
    });
}

TEST_CASE("index (上年 = 100): each verdict") {
    const auto index = relation_kind::index;
    const rel r3(index, {"I", "C", "P"});
    check_rows({
        // 211 / 200 × 100 = 105.5 exactly. allowed [210.5 / 200.5, 211.5 / 199.5] × 100
        // = [42100/401, 14100/133].
        {"exact",
         unknown_tie,
         {fig("I", "105.5", ""), fig("C", "211", "亿元"), fig("P", "200", "亿元")},
         r3,
         {exact, "211/2", "[42100/401, 14100/133]", "0", "0", "", false, ""}},
        // 211.08 / 200.0 × 100 = 105.54 → 105.5. allowed [211.075 / 200.05, 211.085 / 199.95]
        // × 100 = [422150/4001, 422170/3999]; tolerance 0.05.
        {"rounds",
         unknown_tie,
         {fig("I", "105.5", ""), fig("C", "211.08", "亿元"), fig("P", "200.0", "亿元")},
         r3,
         {rounds, "5277/50", "[422150/4001, 422170/3999]", "1/20", "0", "", false, ""}},
        // 105.6 = [105.55, 105.65] meets 422170/3999 = 105.5689. tolerance
        // (422170/3999 − 422150/4001 + 0.1) / 2 = 25243199/319999980.
        {"within",
         unknown_tie,
         {fig("I", "105.6", ""), fig("C", "211.08", "亿元"), fig("P", "200.0", "亿元")},
         r3,
         {within, "5277/50", "[422150/4001, 422170/3999]", "25243199/319999980", "0", "", false,
          ""}},
        // 106.0: miss 105.95 − 422170/3999 = 30481/79980, 30481/7998 steps of 0.1.
        {"inconsistent",
         unknown_tie,
         {fig("I", "106.0", ""), fig("C", "211.08", "亿元"), fig("P", "200.0", "亿元")},
         r3,
         {inconsistent, "5277/50", "[422150/4001, 422170/3999]", "25243199/319999980",
          "30481/79980", "30481/7998", false, ""}},
        // A fall: 76 / 80 × 100 = 95.
        {"below 100",
         unknown_tie,
         {fig("I", "95", ""), fig("C", "76", "万吨"), fig("P", "80", "万吨")},
         r3,
         {exact, "95", "", "0", "0", "", false, ""}},
        {"an index in %",
         unknown_tie,
         {fig("I", "105.5", "%"), fig("C", "211", "亿元"), fig("P", "200", "亿元")},
         r3,
         {cannot, "", "", "0", "0", "", false, "an index number"}},
        {"the base may be zero",
         unknown_tie,
         {fig("I", "105.5", ""), fig("C", "211", "亿元"), fig("P", "0", "亿元")},
         r3,
         {cannot, "", "", "0", "0", "", false, "may be zero"}},
    });
}

TEST_CASE("pull = growth × contribution is a product") {
    // A GDP growth of 10.2 % with a contribution of 33.5 % from one sector pulls growth up by
    // 10.2 % × 33.5 % = 3.417 points, printed as 3.4 个百分点: 0.102 × 0.335 = 0.03417 rounds.
    check_rows({
        {"pull from growth and contribution",
         unknown_tie,
         {fig("P", "3.4", "个百分点"), fig("G", "10.2", "%"), fig("Q", "33.5", "%")},
         rel(relation_kind::product, {"P", "G", "Q"}),
         {rounds, "3417/100000", "", "1/2000", "0", "", false, ""}},
    });
}

TEST_CASE("per capita is an average over the average population") {
    // 人均 GDP 47654 元 = 1077.9 亿元 / 226.2 万人 (the mean of the year-end 227.0 and 225.4):
    // 107790000000 / 2262000 = 47652.52 yuan, outside [47653.5, 47654.5]; the rounding of both
    // (1077.85 … 1077.95 亿元 over 226.15 … 226.25 万人) allows 47639.78 … 47665.27: within.
    // tolerance (47665.27 − 47639.78 + 1) / 2 = 21684263/1637326.
    check_rows({
        {"per capita",
         unknown_tie,
         {fig("A", "47654", "元"), fig("T", "1077.9", "亿元"), fig("N", "226.2", "万人")},
         rel(relation_kind::average, {"A", "T", "N"}),
         {within, "53895000/1131", "", "21684263/1637326", "0", "", false, ""}},
    });
}

TEST_CASE("report builders and the audit take the new kinds") {
    reckon::report r{"growth"};
    r.add("G", "0.53", "%", "年平均增长率");
    r.add("L", "141178", "万人", "2020 population");
    r.add("F", "133972", "万人", "2010 population");
    r.add("Q", "33.5", "%", "第三产业贡献率");
    r.add("P", "3.4", "个百分点", "拉动");
    r.add("DC", "34.17", "亿元", "tertiary increase");
    r.add("DT", "102", "亿元", "GDP increase");
    r.add("T0", "1000", "亿元", "GDP last year");
    r.add("I", "105.5", "", "index");
    r.add("C1", "211", "亿元", "this year");
    r.add("C0", "200", "亿元", "last year");
    const auto& c = r.cagr("G", "L", "F", 10, "annual growth 2010-2020");
    CHECK(c.kind == relation_kind::cagr);
    CHECK(c.years == 10);
    CHECK(c.figures == std::vector<std::string>{"G", "L", "F"});
    CHECK(r.contribution("Q", "DC", "DT").kind == relation_kind::contribution);
    CHECK(r.pull("P", "DC", "T0").kind == relation_kind::pull);
    CHECK(r.index("I", "C1", "C0").kind == relation_kind::index);
    CHECK(reckon::to_string(relation_kind::cagr) == "cagr");
    CHECK(reckon::to_string(relation_kind::contribution) == "contribution");
    CHECK(reckon::to_string(relation_kind::pull) == "pull");
    CHECK(reckon::to_string(relation_kind::index) == "index");

    const auto a = reckon::audit(r);
    REQUIRE(a.findings.size() == 4);
    CHECK(a.findings[0].verdict == reckon::verdict::rounds);
    CHECK(a.findings[0].expression == "G = (L / F)^(1/10) − 1");
    CHECK(a.findings[0].message ==
          "0.53 % = (141178 万人 / 133972 万人)^(1/10) − 1: computed 0.525281… % rounds to 0.53 %");
    CHECK(a.findings[1].verdict == reckon::verdict::exact);
    CHECK(a.findings[1].expression == "Q = DC / DT");
    CHECK(a.findings[2].verdict == reckon::verdict::rounds);
    CHECK(a.findings[3].verdict == reckon::verdict::exact);
    CHECK(a.findings[3].expression == "I = C1 / C0 × 100");
    CHECK(a.consistent());
    // The joint check runs with them: each is taken as a ratio-type bound or left out, with
    // its reason, never silently dropped.
    CHECK(a.joint.checked);
    CHECK(a.joint.feasible);
    for (const std::string id : {"R1", "R2", "R3", "R4"}) {
        CAPTURE(id);
        const auto& lo = a.joint.left_out;
        const auto& rx = a.joint.relaxed;
        CHECK((std::find(lo.begin(), lo.end(), id) != lo.end() ||
               std::find(rx.begin(), rx.end(), id) != rx.end()));
    }
}
