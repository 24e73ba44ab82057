// SPDX-License-Identifier: MIT
// Relations of change: growth (同比增长, 下降, 增长 n 倍, a negative base) and points (个百分点).
// Rates are plain fractions (8.0 % = 0.08); money in yuan; the report's convention is
// unknown_tie unless a row says otherwise. For a growth rate, allowed is
// [cur_lo / prev_hi − 1, cur_hi / prev_lo − 1] on positive levels.
#include "relation_support.hpp"

namespace {

using namespace relation_test;
using reckon::qualifier;
using reckon::relation_kind;

} // namespace

TEST_CASE("growth: each verdict") {
    const auto growth = relation_kind::growth;
    check_rows({
        // 110.0 / 100.0 − 1 = 1/10. allowed [109.95 / 100.05 − 1, 110.05 / 99.95 − 1]
        // = [9.9/100.05, 10.1/99.95] = [66/667, 202/1999].
        {"exact",
         unknown_tie,
         {fig("G", "10.0", "%"), fig("C", "110.0", "亿元"), fig("P", "100.0", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {exact, "1/10", "[66/667, 202/1999]", "0", "0", "", false, ""}},
        // 110.8 / 102.6 − 1 = 8.2/102.6 = 41/513 = 7.992 % → 8.0 %. allowed
        // [8.1/102.65, 8.3/102.55] = [162/2053, 166/2051]; tolerance 0.05 % = 1/2000.
        {"rounds",
         unknown_tie,
         {fig("G", "8.0", "%"), fig("C", "110.8", "亿元"), fig("P", "102.6", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {rounds, "41/513", "[162/2053, 166/2051]", "1/2000", "0", "", false, ""}},
        // 8.1 % = [0.0805, 0.0815] misses 7.992 % but meets the allowed top 166/2051 = 8.0936 %.
        // tolerance ((166/2051 − 162/2053) + 0.001) / 2 = 12746703/8421406000.
        {"within",
         unknown_tie,
         {fig("G", "8.1", "%"), fig("C", "110.8", "亿元"), fig("P", "102.6", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {within, "41/513", "[162/2053, 166/2051]", "12746703/8421406000", "0", "", false, ""}},
        // 9.0 % = [0.0895, 0.0905]: miss 0.0895 − 166/2051 = 35129/4102000, = 35129/4102
        // steps of 0.1 %.
        {"inconsistent",
         unknown_tie,
         {fig("G", "9.0", "%"), fig("C", "110.8", "亿元"), fig("P", "102.6", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {inconsistent, "41/513", "[162/2053, 166/2051]", "12746703/8421406000", "35129/4102000",
          "35129/4102", false, ""}},
        // 下降 14.7 %: the sign is in the word. 85.3 / 100.0 − 1 = −0.147 exactly.
        // allowed [85.25 / 100.05 − 1, 85.35 / 99.95 − 1] = [−14.8/100.05, −14.6/99.95]
        // = [−296/2001, −292/1999].
        {"下降, exact",
         unknown_tie,
         {fig("G", "14.7", "%").negated(), fig("C", "85.3", "亿元"), fig("P", "100.0", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {exact, "-147/1000", "[-296/2001, -292/1999]", "0", "0", "", false, ""}},
        // 下降 14.7 % = [−0.1475, −0.1465] holds 85.27 / 100.0 − 1 = −0.1473.
        // allowed [85.265 / 100.05 − 1, 85.275 / 99.95 − 1] = [−2957/20010, −587/3998].
        {"下降, rounds",
         unknown_tie,
         {fig("G", "14.7", "%").negated(), fig("C", "85.27", "亿元"), fig("P", "100.0", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {rounds, "-1473/10000", "[-2957/20010, -587/3998]", "1/2000", "0", "", false, ""}},
        // A printed minus sign means the same as the word.
        {"printed minus",
         unknown_tie,
         {fig("G", "-14.7", "%"), fig("C", "85.3", "亿元"), fig("P", "100.0", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {exact, "-147/1000", "[-296/2001, -292/1999]", "0", "0", "", false, ""}},
        // 增长 14.7 % where the level fell: +14.7 % = [0.1465, 0.1475] against
        // [−296/2001, −292/1999]: miss 0.1465 + 292/1999 = 1169707/3998000,
        // = 1169707/3998 steps of 0.1 %. tolerance ((−292/1999 + 296/2001) + 0.001) / 2
        // = (7412/3999999 + 1/1000) / 2 = 11411999/7999998000.
        {"sign lost",
         unknown_tie,
         {fig("G", "14.7", "%"), fig("C", "85.3", "亿元"), fig("P", "100.0", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {inconsistent, "-147/1000", "[-296/2001, -292/1999]", "11411999/7999998000",
          "1169707/3998000", "1169707/3998", false, ""}},
    });
}

TEST_CASE("growth: 增长 n 倍 read as × (n + 1) or × n") {
    const auto growth = relation_kind::growth;
    check_rows({
        // 增长 2 倍: 30 = 10 × (2 + 1). allowed [29.5 / 10.5 − 1, 30.5 / 9.5 − 1]
        // = [59/21 − 1, 61/19 − 1] = [38/21, 42/19].
        {"plus one",
         unknown_tie,
         {fig("N", "2", "倍"), fig("C", "30", "亿元"), fig("P", "10", "亿元")},
         rel(growth, {"N", "C", "P"}),
         {exact, "2", "[38/21, 42/19]", "0", "0", "", false, "current = previous × (n + 1)"}},
        // 是…的 3 倍: 30 = 10 × 3. allowed [59/21, 61/19].
        {"times",
         unknown_tie,
         {fig("N", "3", "倍"), fig("C", "30", "亿元"), fig("P", "10", "亿元")},
         rel(growth, {"N", "C", "P"}).times(),
         {exact, "3", "[59/21, 61/19]", "0", "0", "", false, "current = previous × n"}},
        // 增长 3 倍 read as × 4 against 30 / 10: 3 = [2.5, 3.5] vs [38/21, 42/19]:
        // miss 2.5 − 42/19 = 11/38 (steps of 1 倍: the same); tolerance
        // ((42/19 − 38/21) + 1) / 2 = (160/399 + 1) / 2 = 559/798.
        {"plus one, the writer meant times",
         unknown_tie,
         {fig("N", "3", "倍"), fig("C", "30", "亿元"), fig("P", "10", "亿元")},
         rel(growth, {"N", "C", "P"}),
         {inconsistent, "2", "[38/21, 42/19]", "559/798", "11/38", "11/38", false,
          "read as 增长 n 倍"}},
        // 2 倍 read as × 2 against 30 / 10 = 3: [1.5, 2.5] vs [59/21, 61/19]:
        // miss 59/21 − 5/2 = 13/42; tolerance ((61/19 − 59/21) + 1) / 2 = 559/798.
        {"times, the writer meant plus one",
         unknown_tie,
         {fig("N", "2", "倍"), fig("C", "30", "亿元"), fig("P", "10", "亿元")},
         rel(growth, {"N", "C", "P"}).times(),
         {inconsistent, "3", "[59/21, 61/19]", "559/798", "13/42", "13/42", false,
          "read as 是…的 n 倍"}},
    });
}

TEST_CASE("growth: a negative or zero base") {
    const auto growth = relation_kind::growth;
    check_rows({
        // 减亏: from −10 to −5. No agreed meaning unless asked for the formula as written.
        {"negative base",
         unknown_tie,
         {fig("G", "50", "%").negated(), fig("C", "-5", "亿元"), fig("P", "-10", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "growth on a negative base (-10 亿元)"}},
        // As written: −5 / −10 − 1 = −1/2 = −50 %. allowed: [−5.5, −4.5] / [−10.5, −9.5]
        // = [4.5/10.5, 5.5/9.5] = [3/7, 11/19], less 1: [−4/7, −8/19].
        {"negative base as written",
         unknown_tie,
         {fig("G", "50", "%").negated(), fig("C", "-5", "亿元"), fig("P", "-10", "亿元")},
         rel(growth, {"G", "C", "P"}).as_written(),
         {exact, "-1/2", "[-4/7, -8/19]", "0", "0", "", false, ""}},
        // Regression: a base "at most −5" is (−∞, −5], negative although its lower end is
        // infinite; it used to be checked as if positive.
        {"base at most -5",
         unknown_tie,
         {fig("G", "50", "%").negated(), fig("C", "-5", "亿元"),
          fig("P", "-5", "亿元").with(qualifier::at_most)},
         rel(growth, {"G", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "growth on a negative base"}},
        {"base 0.0",
         unknown_tie,
         {fig("G", "10.0", "%"), fig("C", "5.0", "亿元"), fig("P", "0.0", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "the base 0.0 亿元 may be zero"}},
        {"base more than 0",
         unknown_tie,
         {fig("G", "10.0", "%"), fig("C", "5.0", "亿元"),
          fig("P", "0", "亿元").with(qualifier::more_than)},
         rel(growth, {"G", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "may be zero"}},
        {"constant prices",
         unknown_tie,
         {fig("G", "8.0", "%"), fig("C", "110.8", "亿元"), fig("P", "102.6", "亿元")},
         rel(growth, {"G", "C", "P"}).not_checkable("growth at comparable prices (按可比价格计算)"),
         {cannot, "", "", "0", "0", "", false, "按可比价格计算"}},
        {"rate in points",
         unknown_tie,
         {fig("G", "8.0", "个百分点"), fig("C", "110.8", "亿元"), fig("P", "102.6", "亿元")},
         rel(growth, {"G", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "G is points, expected a rate in % or 倍"}},
        {"levels of two kinds",
         unknown_tie,
         {fig("G", "8.0", "%"), fig("C", "110.8", "亿元"), fig("P", "102", "项")},
         rel(growth, {"G", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "C is money (CNY), P is count"}},
        // Missing current: [99.95 × 1.0995, 100.05 × 1.1005] = [109.895025, 110.105025] 亿.
        {"missing current",
         unknown_tie,
         {fig("G", "10.0", "%"), fig("P", "100.0", "亿元")},
         rel(growth, {"G", "", "P"}),
         {cannot, "", "", "0", "0", "", false, "lies in 109.89 … 110.11 亿元"}},
        // Missing rate: [66/667, 202/1999] = [9.895…, 10.105…] %, shown in % at 0.01.
        {"missing rate",
         unknown_tie,
         {fig("C", "110.0", "亿元"), fig("P", "100.0", "亿元")},
         rel(growth, {"", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "lies in 9.89 … 10.11 %"}},
    });
}

TEST_CASE("points: a change of shares in percentage points") {
    const auto points = relation_kind::points;
    check_rows({
        // 45.6 % − 43.3 % = 2.3 个百分点 = 0.023 = 23/1000. allowed [45.55 − 43.35,
        // 45.65 − 43.25] % = [2.2, 2.4] % = [11/500, 3/125].
        {"exact",
         unknown_tie,
         {fig("D", "2.3", "个百分点"), fig("C", "45.6", "%"), fig("P", "43.3", "%")},
         rel(points, {"D", "C", "P"}),
         {exact, "23/1000", "[11/500, 3/125]", "0", "0", "", false, ""}},
        // 45.62 − 43.30 = 2.32 → 2.3; allowed [45.615 − 43.305, 45.625 − 43.295] = [2.31, 2.33] %.
        {"rounds",
         unknown_tie,
         {fig("D", "2.3", "个百分点"), fig("C", "45.62", "%"), fig("P", "43.30", "%")},
         rel(points, {"D", "C", "P"}),
         {rounds, "29/1250", "[0.0231, 0.0233]", "1/2000", "0", "", false, ""}},
        // 2.4 = [2.35, 2.45] misses 2.3 but meets [2.2, 2.4]. tolerance (0.2 + 0.1) / 2 points.
        {"within",
         unknown_tie,
         {fig("D", "2.4", "个百分点"), fig("C", "45.6", "%"), fig("P", "43.3", "%")},
         rel(points, {"D", "C", "P"}),
         {within, "23/1000", "[11/500, 3/125]", "3/2000", "0", "", false, ""}},
        // 2.6 = [2.55, 2.65]: miss 2.55 − 2.4 = 0.15 points = 3/2000 = 1.5 steps.
        {"inconsistent",
         unknown_tie,
         {fig("D", "2.6", "个百分点"), fig("C", "45.6", "%"), fig("P", "43.3", "%")},
         rel(points, {"D", "C", "P"}),
         {inconsistent, "23/1000", "[11/500, 3/125]", "3/2000", "3/2000", "3/2", false, ""}},
        // 下降 1.2 个百分点: 43.3 − 44.5 = −1.2 points; allowed [43.25 − 44.55, 43.35 − 44.45]
        // = [−1.3, −1.1] %.
        {"下降 points",
         unknown_tie,
         {fig("D", "1.2", "个百分点").negated(), fig("C", "43.3", "%"), fig("P", "44.5", "%")},
         rel(points, {"D", "C", "P"}),
         {exact, "-3/250", "[-0.013, -0.011]", "0", "0", "", false, ""}},
        // "-0.0" is zero: 12.3 % − 12.3 % = 0; allowed [12.25 − 12.35, 12.35 − 12.25] %.
        {"minus zero",
         unknown_tie,
         {fig("D", "-0.0", "个百分点"), fig("C", "12.3", "%"), fig("P", "12.3", "%")},
         rel(points, {"D", "C", "P"}),
         {exact, "0", "[-0.001, 0.001]", "0", "0", "", false, ""}},
        // Per mille rates change in 千分点: 12.95 ‰ − 12.10 ‰ = 0.85 千分点 = 17/20000.
        // allowed [12.945 − 12.105, 12.955 − 12.095] ‰ = [0.84, 0.86] ‰.
        {"per mille",
         unknown_tie,
         {fig("D", "0.85", "千分点"), fig("C", "12.95", "‰"), fig("P", "12.10", "‰")},
         rel(points, {"D", "C", "P"}),
         {exact, "17/20000", "[21/25000, 43/50000]", "0", "0", "", false, ""}},
        // Share − share is points, not percent.
        {"change in percent",
         unknown_tie,
         {fig("D", "2.3", "%"), fig("C", "45.6", "%"), fig("P", "43.3", "%")},
         rel(points, {"D", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "D is share, expected percentage points"}},
        {"levels in money",
         unknown_tie,
         {fig("D", "2.3", "个百分点"), fig("C", "45.6", "亿元"), fig("P", "43.3", "%")},
         rel(points, {"D", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "C is money (CNY), expected a share"}},
        // Missing previous: C − D = [45.55 − 2.35, 45.65 − 2.25] = [43.2, 43.4] %.
        {"missing previous",
         unknown_tie,
         {fig("D", "2.3", "个百分点"), fig("C", "45.6", "%")},
         rel(points, {"D", "C", ""}),
         {cannot, "", "", "0", "0", "", false, "lies in 43.20 … 43.40 %"}},
        // Missing change: [2.2, 2.4] points.
        {"missing change",
         unknown_tie,
         {fig("C", "45.6", "%"), fig("P", "43.3", "%")},
         rel(points, {"", "C", "P"}),
         {cannot, "", "", "0", "0", "", false, "lies in 2.20 … 2.40 个百分点"}},
    });
}

TEST_CASE("growth from the current level and its increment (previous level not printed)") {
    const auto growth = relation_kind::growth;
    check_rows({
        // 比上年增加 8630 人, 增长 0.4 %, now 217.69 万人: rate = I / (C − I).
        // C = 2176900 people, to 100 ([2176850, 2176950]); I = 8630 exactly.
        // computed 8630 / 2168270 = 863/216827 = 0.398 % → 0.4 %; allowed
        // [8630 / (2176950 − 8630), 8630 / (2176850 − 8630)] = [863/216832, 863/216822].
        {"rounds",
         unknown_tie,
         {fig("G", "0.4", "%"), fig("C", "217.69", "万人"), fig("I", "8630", "人")},
         rel(growth, {"G", "C", "", "I"}),
         {rounds, "863/216827", "[863/216832, 863/216822]", "1/2000", "0", "", false, ""}},
        // 10 / (110 − 10) = 1/10. allowed [9.5 / (110.5 − 9.5), 10.5 / (109.5 − 10.5)]
        // = [19/202, 7/66].
        {"exact",
         unknown_tie,
         {fig("G", "10", "%"), fig("C", "110", "亿元"), fig("I", "10", "亿元")},
         rel(growth, {"G", "C", "", "I"}),
         {exact, "1/10", "[19/202, 7/66]", "0", "0", "", false, ""}},
        // 12 % = [0.115, 0.125]: miss 0.115 − 7/66 = 59/6600 = 59/66 steps of 1 %;
        // tolerance ((7/66 − 19/202) + 0.01) / 2 = 7333/666600.
        {"inconsistent",
         unknown_tie,
         {fig("G", "12", "%"), fig("C", "110", "亿元"), fig("I", "10", "亿元")},
         rel(growth, {"G", "C", "", "I"}),
         {inconsistent, "1/10", "[19/202, 7/66]", "7333/666600", "59/6600", "59/66", false, ""}},
        // Regression: with the rate not given either, the unprinted previous level was read
        // as an interval (undefined behaviour). The rate is implied: [19/202, 7/66]
        // = [9.405…, 10.606…] %.
        {"rate not given",
         unknown_tie,
         {fig("C", "110", "亿元"), fig("I", "10", "亿元")},
         rel(growth, {"", "C", "", "I"}),
         {cannot, "", "", "0", "0", "", false, "lies in 9.40 … 10.61 %"}},
        // 5 − 10 < 0: a negative previous level.
        {"negative previous level",
         unknown_tie,
         {fig("G", "10", "%"), fig("C", "5", "亿元"), fig("I", "10", "亿元")},
         rel(growth, {"G", "C", "", "I"}),
         {cannot, "", "", "0", "0", "", false, "growth on a negative base"}},
        // 10 − 10: [9.5 − 10.5, 10.5 − 9.5] = [−1, 1] may be zero.
        {"previous level may be zero",
         unknown_tie,
         {fig("G", "10", "%"), fig("C", "10", "亿元"), fig("I", "10", "亿元")},
         rel(growth, {"G", "C", "", "I"}),
         {cannot, "", "", "0", "0", "", false, "may be zero"}},
        {"level and increment of two kinds",
         unknown_tie,
         {fig("G", "0.4", "%"), fig("C", "217.69", "亿元"), fig("I", "8630", "人")},
         rel(growth, {"G", "C", "", "I"}),
         {cannot, "", "", "0", "0", "", false, "C is money (CNY), I is count"}},
    });
}
