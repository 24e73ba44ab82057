// SPDX-License-Identifier: MIT
// Relations of products and units: product, conversion (fixed and stated rates), order.
// Values in base units (yuan, kg, m²); the report's convention is unknown_tie unless a row
// says otherwise.
#include "relation_support.hpp"

namespace {

using namespace relation_test;
using reckon::order_op;
using reckon::qualifier;
using reckon::relation_kind;

} // namespace

TEST_CASE("product: each verdict") {
    const auto product = relation_kind::product;
    check_rows({
        // 1200 元 × 84 项 = 100800 元; allowed [1199.5 × 84, 1200.5 × 84] = [100758, 100842].
        {"exact",
         unknown_tie,
         {fig("V", "100800", "元"), fig("P", "1200", "元"), fig("N", "84", "项")},
         rel(product, {"V", "P", "N"}),
         {exact, "100800", "[100758, 100842]", "0", "0", "", false, ""}},
        // 100800 元 = 10.08 万元 → 10.1 万元 ([100500, 101500]); tolerance 0.05 万 = 500 元.
        {"rounds",
         unknown_tie,
         {fig("V", "10.1", "万元"), fig("P", "1200", "元"), fig("N", "84", "项")},
         rel(product, {"V", "P", "N"}),
         {rounds, "100800", "[100758, 100842]", "500", "0", "", false, ""}},
        // 10.084 万元 = [100835, 100845] misses 100800, meets [100758, 100842].
        // tolerance (84 + 10) / 2 = 47.
        {"within",
         unknown_tie,
         {fig("V", "10.084", "万元"), fig("P", "1200", "元"), fig("N", "84", "项")},
         rel(product, {"V", "P", "N"}),
         {within, "100800", "[100758, 100842]", "47", "0", "", false, ""}},
        // 10.09 万元 = [100850, 100950]: miss 100850 − 100842 = 8 元 = 8/100 steps of 100 元.
        // tolerance (84 + 100) / 2 = 92.
        {"inconsistent",
         unknown_tie,
         {fig("V", "10.09", "万元"), fig("P", "1200", "元"), fig("N", "84", "项")},
         rel(product, {"V", "P", "N"}),
         {inconsistent, "100800", "[100758, 100842]", "92", "8", "2/25", false, ""}},
        // Three factors: 1.0 × 2.0 × 3.0 = 6; allowed [0.95 × 1.95 × 2.95, 1.05 × 2.05 × 3.05]
        // = [5.464875, 6.565125] = [43719/8000, 52521/8000].
        {"three factors",
         unknown_tie,
         {fig("V", "6.0", ""), fig("A", "1.0", ""), fig("B", "2.0", ""), fig("C", "3.0", "")},
         rel(product, {"V", "A", "B", "C"}),
         {exact, "6", "[43719/8000, 52521/8000]", "0", "0", "", false, ""}},
        // A factor that may be zero is fine in a product: [−0.05, 0.05] × [4.95, 5.05]
        // = [−0.2525, 0.2525].
        {"zero factor",
         unknown_tie,
         {fig("V", "0.0", ""), fig("A", "0.0", ""), fig("B", "5.0", "")},
         rel(product, {"V", "A", "B"}),
         {exact, "0", "[-0.2525, 0.2525]", "0", "0", "", false, ""}},
        // Missing factor: [100799.5, 100800.5] / 84 = [201599/168, 201601/168].
        {"missing factor",
         unknown_tie,
         {fig("V", "100800", "元"), fig("N", "84", "项")},
         rel(product, {"V", "", "N"}),
         {cannot, "", "", "0", "0", "", false, "lies in [201599/168, 201601/168]"}},
        // Missing factor next to one that may be zero: nothing bounds it.
        {"missing factor, other may be zero",
         unknown_tie,
         {fig("V", "100", ""), fig("B", "0.0", "")},
         rel(product, {"V", "", "B"}),
         {cannot, "", "", "0", "0", "", false, "do not bound it"}},
    });
}

TEST_CASE("conversion: fixed and stated rates") {
    const auto conv = relation_kind::conversion;
    check_rows({
        // 1 吨 = 2000 斤, so 1 万吨 = 0.2 亿斤: 657.5 万吨 = 6575000000 kg = 131.5 亿斤.
        // allowed: 657.5 万吨 → [657.45, 657.55] 万吨 = [6574500000, 6575500000] kg.
        {"万吨 to 亿斤",
         unknown_tie,
         {fig("J", "131.5", "亿斤"), fig("T", "657.5", "万吨")},
         rel(conv, {"J", "T"}),
         {exact, "6575000000", "[6574500000, 6575500000]", "0", "0", "", false, ""}},
        // The other way: 131.5 亿斤 → [131.45, 131.55] 亿 × 0.5 kg = [6572500000, 6577500000].
        {"亿斤 to 万吨",
         unknown_tie,
         {fig("T", "657.5", "万吨"), fig("J", "131.5", "亿斤")},
         rel(conv, {"T", "J"}),
         {exact, "6575000000", "[6572500000, 6577500000]", "0", "0", "", false, ""}},
        // 657.8 万吨 = 131.56 亿斤 → 131.6 亿斤. tolerance 0.05 亿斤 = 2500000 kg.
        {"rounds",
         unknown_tie,
         {fig("J", "131.6", "亿斤"), fig("T", "657.8", "万吨")},
         rel(conv, {"J", "T"}),
         {rounds, "6578000000", "[6577500000, 6578500000]", "2500000", "0", "", false, ""}},
        // 131.57 亿斤 = [131.565, 131.575] misses 131.56, meets [131.55, 131.57] 亿斤.
        // tolerance (0.02 + 0.01) / 2 亿斤 = 0.015 × 10^8 × 0.5 kg = 750000 kg.
        {"within",
         unknown_tie,
         {fig("J", "131.57", "亿斤"), fig("T", "657.8", "万吨")},
         rel(conv, {"J", "T"}),
         {within, "6578000000", "[6577500000, 6578500000]", "750000", "0", "", false, ""}},
        // 131.7 亿斤 = [6582500000, 6587500000] kg: miss 6582500000 − 6578500000 = 4000000 kg
        // = 4/5 of a 0.1 亿斤 (5000000 kg) step; tolerance (1000000 + 5000000) / 2.
        {"inconsistent",
         unknown_tie,
         {fig("J", "131.7", "亿斤"), fig("T", "657.8", "万吨")},
         rel(conv, {"J", "T"}),
         {inconsistent, "6578000000", "[6577500000, 6578500000]", "3000000", "4000000", "4/5",
          false, ""}},
        // 1 公顷 = 15 亩: 1.5 万亩 = 15000 × 10000/15 m² = 10^7 m² = 1000 公顷.
        {"亩 to 公顷",
         unknown_tie,
         {fig("M", "1.5", "万亩"), fig("H", "1000", "公顷")},
         rel(conv, {"M", "H"}),
         {exact, "10000000", "[9995000, 10005000]", "0", "0", "", false, ""}},
        // 10.0 billion USD × 6.9 元/USD = 69000000000 元 = 690.0 亿元. allowed
        // [9.95 × 10^9 × 6.85, 10.05 × 10^9 × 6.95] = [68157500000, 69847500000].
        {"stated rate",
         unknown_tie,
         {fig("Y", "690.0", "亿元"), fig("D", "10.0", "billion USD"), fig("X", "6.9", "")},
         rel(conv, {"Y", "D", "X"}),
         {exact, "69000000000", "[68157500000, 69847500000]", "0", "0", "", false, ""}},
        // 9.99 × 10^9 × 6.91 = 69030900000 元 = 690.309 亿 → 690 亿元; tolerance 0.5 亿.
        // allowed [9.985 × 6.905, 9.995 × 6.915] × 10^9 = [68946425000, 69115425000].
        {"stated rate, rounds",
         unknown_tie,
         {fig("Y", "690", "亿元"), fig("D", "9.99", "billion USD"), fig("X", "6.91", "")},
         rel(conv, {"Y", "D", "X"}),
         {rounds, "69030900000", "[68946425000, 69115425000]", "50000000", "0", "", false, ""}},
        // The rate divides: 690.0 亿元 / 6.9 = 10^10 USD. allowed
        // [689.95 × 10^8 / 6.95, 690.05 × 10^8 / 6.85] = [1379900000000/139, 1380100000000/137].
        {"stated rate divides",
         unknown_tie,
         {fig("D", "10.0", "billion USD"), fig("Y", "690.0", "亿元"), fig("X", "6.9", "")},
         rel(conv, {"D", "Y", "X"}).divides(),
         {exact, "10000000000", "[1379900000000/139, 1380100000000/137]", "0", "0", "", false, ""}},
        {"dividing rate 0.0",
         unknown_tie,
         {fig("D", "10.0", "billion USD"), fig("Y", "690.0", "亿元"), fig("X", "0.0", "")},
         rel(conv, {"D", "Y", "X"}).divides(),
         {cannot, "", "", "0", "0", "", false, "the divisor 0.0 may be zero"}},
        // Missing the converted figure: the other's interval, in base units (kg).
        {"missing side",
         unknown_tie,
         {fig("T", "657.5", "万吨")},
         rel(conv, {"", "T"}),
         {cannot, "", "", "0", "0", "", false, "lies in [6574500000, 6575500000]"}},
        // Missing rate: 690.0 亿元 / 10.0 billion USD in [689.95 / 100.5, 690.05 / 99.5] 元/USD.
        {"missing rate",
         unknown_tie,
         {fig("Y", "690.0", "亿元"), fig("D", "10.0", "billion USD")},
         rel(conv, {"Y", "D", ""}),
         {cannot, "", "", "0", "0", "", false, "lies in [13799/2010, 13801/1990]"}},
        {"no rate between currencies",
         unknown_tie,
         {fig("Y", "690.0", "亿元"), fig("D", "10.0", "billion USD")},
         rel(conv, {"Y", "D"}),
         {cannot, "", "", "0", "0", "", false, "no rate between CNY and USD is stated"}},
        {"mass vs money",
         unknown_tie,
         {fig("T", "657.5", "万吨"), fig("Y", "690.0", "亿元")},
         rel(conv, {"T", "Y"}),
         {cannot, "", "", "0", "0", "", false, "T is amount (mass), Y is money (CNY)"}},
    });
}

TEST_CASE("order: exact, within rounding or inconsistent, never rounds") {
    const auto order = relation_kind::order;
    check_rows({
        // 148.2 > 50 on the displays. computed is the right side, allowed its interval.
        {"greater, exact",
         unknown_tie,
         {fig("L", "148.2", "亿元"), fig("R", "50", "亿元")},
         rel(order, {"L", "R"}).op(order_op::greater),
         {exact, "5000000000", "[4950000000, 5050000000]", "0", "0", "", false, ""}},
        // 30 > 30 fails on the displays; [29.5, 30.5] holds values above [29.5, 30.5]'s
        // bottom. tolerance (1 + 1) / 2 亿.
        {"greater, equal displays",
         unknown_tie,
         {fig("L", "30", "亿元"), fig("R", "30", "亿元")},
         rel(order, {"L", "R"}).op(order_op::greater),
         {within, "3000000000", "[2950000000, 3050000000]", "100000000", "0", "", false, ""}},
        {"at least, equal displays",
         unknown_tie,
         {fig("L", "30", "亿元"), fig("R", "30", "亿元")},
         rel(order, {"L", "R"}).op(order_op::greater_equal),
         {exact, "3000000000", "[2950000000, 3050000000]", "0", "0", "", false, ""}},
        // 30 ≥ 31 only at the tie 30.5.
        {"at least, tie only",
         unknown_tie,
         {fig("L", "30", "亿元"), fig("R", "31", "亿元")},
         rel(order, {"L", "R"}).op(order_op::greater_equal),
         {within, "3100000000", "[3050000000, 3150000000]", "100000000", "0", "", true, ""}},
        // 30 > 31 cannot hold even at the tie: inconsistent with miss 0.
        {"greater, touching",
         unknown_tie,
         {fig("L", "30", "亿元"), fig("R", "31", "亿元")},
         rel(order, {"L", "R"}).op(order_op::greater),
         {inconsistent, "3100000000", "[3050000000, 3150000000]", "100000000", "0", "0", false,
          ""}},
        // 30 > 50: 30.5 < 49.5, miss 19 亿 = 19 steps of 1 亿.
        {"greater, inconsistent",
         unknown_tie,
         {fig("L", "30", "亿元"), fig("R", "50", "亿元")},
         rel(order, {"L", "R"}).op(order_op::greater),
         {inconsistent, "5000000000", "[4950000000, 5050000000]", "100000000", "1900000000", "19",
          false, ""}},
        {"less, exact",
         unknown_tie,
         {fig("L", "30", "亿元"), fig("R", "50", "亿元")},
         rel(order, {"L", "R"}).op(order_op::less),
         {exact, "5000000000", "[4950000000, 5050000000]", "0", "0", "", false, ""}},
        // 50 ≤ 30: 49.5 > 30.5, miss 19 亿.
        {"at most, inconsistent",
         unknown_tie,
         {fig("L", "50", "亿元"), fig("R", "30", "亿元")},
         rel(order, {"L", "R"}).op(order_op::less_equal),
         {inconsistent, "3000000000", "[2950000000, 3050000000]", "100000000", "1900000000", "19",
          false, ""}},
        // Where an equation would say "rounds", an order says "within rounding":
        // 50.0 ≥ 50.04 fails on the displays; 50.05 ≥ 50.035 is possible. tolerance
        // (0.1 + 0.01) / 2 亿.
        {"never rounds",
         unknown_tie,
         {fig("L", "50.0", "亿元"), fig("R", "50.04", "亿元")},
         rel(order, {"L", "R"}).op(order_op::greater_equal),
         {within, "5004000000", "[5003500000, 5004500000]", "5500000", "0", "", false, ""}},
        // Negative figures: −3.5 < −3.4.
        {"negatives",
         unknown_tie,
         {fig("L", "-3.5", "亿元"), fig("R", "-3.4", "亿元")},
         rel(order, {"L", "R"}).op(order_op::less),
         {exact, "-340000000", "[-345000000, -335000000]", "0", "0", "", false, ""}},
        // "more than 50" > 50: the display 50 is not inside (50, ∞), so not exact. The
        // left side is unbounded: tolerance stays 0.
        {"qualified left",
         unknown_tie,
         {fig("L", "50", "亿元").with(qualifier::more_than), fig("R", "50", "亿元")},
         rel(order, {"L", "R"}).op(order_op::greater),
         {within, "5000000000", "[4950000000, 5050000000]", "0", "0", "", false, ""}},
        {"money vs count",
         unknown_tie,
         {fig("L", "50", "亿元"), fig("R", "50", "项")},
         rel(order, {"L", "R"}).op(order_op::greater),
         {cannot, "", "", "0", "0", "", false, "L is money (CNY), R is count"}},
        // Missing right side of 50 > ?: it is below the left's top 50.5, strictly.
        {"missing right",
         unknown_tie,
         {fig("L", "50", "亿元")},
         rel(order, {"L", ""}).op(order_op::greater),
         {cannot, "", "", "0", "0", "", false, "is under 50.5 亿元"}},
        // Missing left side of ? ≥ 30: at least the right's bottom 29.5.
        {"missing left",
         unknown_tie,
         {fig("R", "30", "亿元")},
         rel(order, {"", "R"}).op(order_op::greater_equal),
         {cannot, "", "", "0", "0", "", false, "is at least 29.5 亿元"}},
    });

    reckon::report rep{"order"};
    rep.add("L", "50", "亿元");
    rep.add("R", "30", "亿元");
    rep.order("L", order_op::greater, "");
    rep.order("", order_op::greater_equal, "R");
    rep.order("L", order_op::less, "");
    const auto r = reckon::audit(rep);
    CHECK(r.findings.at(0).implied == iv("(-inf, 5050000000)"));
    CHECK(r.findings.at(1).implied == iv("[2950000000, +inf)"));
    // 50 < ?: above the left's bottom 49.5, strictly.
    CHECK(r.findings.at(2).implied == iv("(4950000000, +inf)"));
    CHECK(r.findings.at(2).reason ==
          "a figure is not given; the others imply it is more than 49.5 亿元");
}
