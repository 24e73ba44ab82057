// SPDX-License-Identifier: MIT
// Rounding a table to a fixed total (largest remainder): hand-worked tables, the errors, and the
// properties that make it safe to publish (the displays add up; each stays within one step of
// its plain rounding).
#include <reckon/stats/rounding.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using reckon::decimal;
using reckon::rational;
using reckon::stats::round_to_total;

std::vector<std::string> displays(const reckon::stats::rounded_table& t) {
    std::vector<std::string> out;
    for (const auto& p : t.parts) {
        out.push_back(p.display.str());
    }
    return out;
}

std::vector<std::string> plains(const reckon::stats::rounded_table& t) {
    std::vector<std::string> out;
    for (const auto& p : t.parts) {
        out.push_back(p.plain.str());
    }
    return out;
}

std::vector<int> moves(const reckon::stats::rounded_table& t) {
    std::vector<int> out;
    for (const auto& p : t.parts) {
        out.push_back(p.moved);
    }
    return out;
}

} // namespace

TEST_CASE("round_to_total: eight shares of a table, by hand") {
    // Eight categories of 700 items: 101, 95, 88, 130, 77, 64, 83, 62 (they add up to 700),
    // shown as shares in % to 0.1. The exact shares are c / 7 %:
    //   101/7 = 14.4285…   95/7 = 13.5714…   88/7 = 12.5714…   130/7 = 18.5714…
    //    77/7 = 11         64/7 =  9.1428…   83/7 = 11.8571…    62/7 =  8.8571…
    // Rounded down to 0.1:
    //   14.4 13.5 12.5 18.5 11.0 9.1 11.8 8.8  →  Σ = 99.6: 4 steps of 0.1 are missing.
    // Remainders in steps of 0.1 (c·10/7 − floor): 2/7, 5/7, 5/7, 5/7, 0, 3/7, 4/7, 4/7.
    // The four largest: the three 5/7 (parts 2, 3, 4), then the first 4/7 (part 7; part 8 has
    // the same remainder and comes later). Displays:
    //   14.4 13.6 12.6 18.6 11.0 9.1 11.9 8.8  →  Σ = 100.0.
    // The plain roundings (half up) are 14.4 13.6 12.6 18.6 11.0 9.1 11.9 8.9, adding up to
    // 100.1; part 8 (8.857… → 8.9) is the one moved, down one step to 8.8.
    std::vector<rational> parts;
    for (int c : {101, 95, 88, 130, 77, 64, 83, 62}) {
        parts.push_back(rational(c * 100, 700)); // in percent
    }
    const auto t = round_to_total(parts, -1);
    CHECK(t.total.str() == "100.0");
    CHECK(displays(t) ==
          std::vector<std::string>{"14.4", "13.6", "12.6", "18.6", "11.0", "9.1", "11.9", "8.8"});
    CHECK(plains(t) ==
          std::vector<std::string>{"14.4", "13.6", "12.6", "18.6", "11.0", "9.1", "11.9", "8.9"});
    CHECK(t.plain_sum.str() == "100.1");
    CHECK(moves(t) == std::vector<int>{0, 0, 0, 0, 0, 0, 0, -1});
    CHECK(t.moved == 1);
    CHECK(t.parts[7].exact == rational(62, 7));
}

TEST_CASE("round_to_total: three thirds") {
    // 1/3 each, to 0.1: floors 0.3 + 0.3 + 0.3 = 0.9, the total 1/3 × 3 = 1 shows as 1.0, one
    // step missing; the remainders tie (1/3 of a step each), so the first part takes it.
    const auto t = round_to_total({rational(1, 3), rational(1, 3), rational(1, 3)}, -1);
    CHECK(displays(t) == std::vector<std::string>{"0.4", "0.3", "0.3"});
    CHECK(plains(t) == std::vector<std::string>{"0.3", "0.3", "0.3"});
    CHECK(t.total.str() == "1.0");
    CHECK(t.plain_sum.str() == "0.9");
    CHECK(moves(t) == std::vector<int>{1, 0, 0});
    CHECK(t.moved == 1);
}

TEST_CASE("round_to_total: printed decimals, negative parts, coarse resolutions") {
    SUBCASE("decimals to whole numbers") {
        // 12.46 + 87.54 = 100: floors 12 + 87 = 99, the larger remainder (0.54) takes the step.
        const auto t = round_to_total(
            std::vector<decimal>{decimal::parse("12.46"), decimal::parse("87.54")}, 0);
        CHECK(displays(t) == std::vector<std::string>{"12", "88"});
        CHECK(t.total.str() == "100");
        CHECK(t.moved == 0);
    }
    SUBCASE("a negative part") {
        // −1.26 + 3.38 = 2.12 → total 2.1. Floors (toward −∞): −1.3 and 3.3, Σ 2.0; remainders
        // 0.4 and 0.8 steps: 3.38 takes the step → −1.3, 3.4. Plain: −1.3 (half up, away from
        // zero), 3.4: nothing moved.
        const auto t = round_to_total(
            std::vector<decimal>{decimal::parse("-1.26"), decimal::parse("3.38")}, -1);
        CHECK(displays(t) == std::vector<std::string>{"-1.3", "3.4"});
        CHECK(plains(t) == std::vector<std::string>{"-1.3", "3.4"});
        CHECK(t.total.str() == "2.1");
        CHECK(t.moved == 0);
    }
    SUBCASE("to tens") {
        // 14 + 14 + 14 + 58 = 100 in tens: floors 10 10 10 50 = 80, two steps of 10 missing;
        // remainders 0.4 0.4 0.4 0.8: the 58 and the first 14 take them → 20 10 10 60.
        const auto t = round_to_total({rational(14), rational(14), rational(14), rational(58)}, 1);
        CHECK(displays(t) == std::vector<std::string>{"20", "10", "10", "60"});
        CHECK(plains(t) == std::vector<std::string>{"10", "10", "10", "60"});
        CHECK(t.total.str() == "100");
        CHECK(moves(t) == std::vector<int>{1, 0, 0, 0});
    }
    SUBCASE("nothing to move") {
        const auto t = round_to_total({rational(1, 4), rational(3, 4)}, -2);
        CHECK(displays(t) == std::vector<std::string>{"0.25", "0.75"});
        CHECK(t.moved == 0);
        CHECK(t.plain_sum.str() == "1.00");
    }
    SUBCASE("no parts") {
        const auto t = round_to_total(std::vector<rational>{}, -1);
        CHECK(t.parts.empty());
        CHECK(t.total.str() == "0.0");
    }
}

TEST_CASE("round_to_total: a given total") {
    const std::vector<rational> thirds{rational(1, 3), rational(1, 3), rational(1, 3)};
    SUBCASE("reachable: every total from Σ floors to Σ floors + n steps") {
        // Floors 0.9; the totals 0.9 … 1.2 can be reached.
        const auto range = reckon::stats::reachable_totals(thirds, -1);
        CHECK(range.first.str() == "0.9");
        CHECK(range.second.str() == "1.2");
        CHECK(displays(round_to_total(thirds, -1, decimal::parse("0.9"))) ==
              std::vector<std::string>{"0.3", "0.3", "0.3"});
        CHECK(displays(round_to_total(thirds, -1, decimal::parse("1.1"))) ==
              std::vector<std::string>{"0.4", "0.4", "0.3"});
        // A total printed more finely but equal to a display at the resolution is fine.
        CHECK(round_to_total(thirds, -1, decimal::parse("1.00")).total.str() == "1.0");
        CHECK(round_to_total(thirds, -1, decimal::parse("1")).total.str() == "1.0");
    }
    SUBCASE("out of reach") {
        CHECK_THROWS_WITH_AS(
            (void)round_to_total(thirds, -1, decimal::parse("1.3")),
            "round_to_total: byte 0: the total 1.3 cannot be reached by rounding each part to a "
            "neighbouring step (the parts can add up to 0.9 … 1.2)",
            reckon::input_error);
        CHECK_THROWS_AS((void)round_to_total(thirds, -1, decimal::parse("0.8")),
                        reckon::input_error);
    }
    SUBCASE("not a display at the resolution") {
        CHECK_THROWS_WITH_AS((void)round_to_total(thirds, -1, decimal::parse("1.05")),
                             "round_to_total: byte 0: the total 1.05 is not a display at the "
                             "resolution 0.1",
                             reckon::input_error);
    }
}

TEST_CASE("round_to_total: properties over random tables") {
    // Random tables of 1 to 12 parts, each a fraction a/b with |a| < 10000 and 1 ≤ b ≤ 97 (some
    // negative), rounded at 0.01, 0.1, 1 or 10, to their own total or to a random reachable one.
    // Every time: the displays add up exactly to the total; each display is one of the two
    // steps around its part, and within one step of its plain rounding; `moved` says so.
    constexpr std::uint64_t seed = 20160703;
    MESSAGE("seed " << seed);
    std::mt19937_64 gen(seed);
    std::uniform_int_distribution<int> count(1, 12);
    std::uniform_int_distribution<int> numerator(-9999, 9999);
    std::uniform_int_distribution<int> denominator(1, 97);
    std::uniform_int_distribution<int> exponent(-2, 1);
    std::uniform_int_distribution<int> coin(0, 3);
    for (int trial = 0; trial < 2000; ++trial) {
        std::vector<rational> parts(static_cast<std::size_t>(count(gen)));
        for (auto& p : parts) {
            p = rational(numerator(gen), denominator(gen));
        }
        const int e = exponent(gen);
        std::optional<decimal> total;
        if (coin(gen) == 0) {
            const auto range = reckon::stats::reachable_totals(parts, e);
            const auto span =
                (range.second.coefficient().to_big() - range.first.coefficient().to_big())
                    .convert_to<int>();
            std::uniform_int_distribution<int> pick(0, span);
            total = decimal(range.first.coefficient().to_big() + pick(gen), e);
        }
        CAPTURE(trial);
        const auto t = round_to_total(parts, e, total);
        const rational step = decimal(1, e).to_rational();
        rational sum = 0;
        rational exact_sum = 0;
        std::size_t moved = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const auto& p = t.parts[i];
            REQUIRE(p.exact == parts[i]);
            REQUIRE(p.display.exponent() == e);
            sum += p.display.to_rational();
            exact_sum += parts[i];
            const rational d = p.display.to_rational();
            REQUIRE(d <= parts[i] + step);
            REQUIRE(d > parts[i] - step);
            REQUIRE(p.plain.to_rational() - d <= step);
            REQUIRE(d - p.plain.to_rational() <= step);
            REQUIRE(rational(p.moved) == (d - p.plain.to_rational()) / step);
            moved += p.moved != 0 ? 1 : 0;
        }
        REQUIRE(sum == t.total.to_rational());
        REQUIRE(t.moved == moved);
        if (total) {
            REQUIRE(t.total == *total);
        } else {
            REQUIRE(same_display(t.total,
                                 decimal::round(exact_sum, e, reckon::rounding_mode::half_up)));
        }
    }
}
