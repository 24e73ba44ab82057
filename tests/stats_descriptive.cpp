// SPDX-License-Identifier: MIT
// Exact descriptive statistics over decimals, and the GRIM and GRIMMER tests of a reported mean
// and standard deviation of whole-number data. Every verdict is worked out by hand in a comment.
#include <reckon/stats/descriptive.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using reckon::big_int;
using reckon::decimal;
using reckon::rational;
using reckon::stats::grim;
using reckon::stats::grimmer;

decimal d(const char* text) { return decimal::parse(text); }

} // namespace

TEST_CASE("sum, mean, median, min, max, weighted mean, variance: exact") {
    using namespace reckon::stats;
    // 119.4 + 28.8 = 148.2, not 148.20000000000002.
    CHECK(sum({d("119.4"), d("28.8")}).str() == "148.2");
    // The finest resolution wins; coarse inputs keep theirs.
    CHECK(sum({d("1.5"), d("2.25")}).str() == "3.75");
    CHECK(sum({decimal(12, 2), decimal(3, 2)}).str() == "1500");
    CHECK(sum({decimal(12, 2), decimal(3, 2)}).exponent() == 2);
    CHECK(sum({}).str() == "0");
    // (0.1 + 0.2 + 0.4) / 3 = 0.7 / 3 = 7/30.
    CHECK(mean({d("0.1"), d("0.2"), d("0.4")}) == rational(7, 30));
    CHECK(decimal::round(mean({d("0.1"), d("0.2"), d("0.4")}), -3, reckon::rounding_mode::half_up)
              .str() == "0.233");
    CHECK(median({d("3"), d("1"), d("2")}) == rational(2));
    CHECK(median({d("3"), d("1"), d("4"), d("2")}) == rational(5, 2));
    CHECK(median({d("-1.5"), d("2.25")}) == rational(3, 8));
    CHECK(min({d("3"), d("-1.5"), d("2")}).str() == "-1.5");
    CHECK(max({d("3"), d("-1.5"), d("2")}).str() == "3");
    // Equal values: the first printed.
    CHECK(max({d("1.5"), d("1.50")}).str() == "1.5");
    CHECK(min({d("1.50"), d("1.5")}).str() == "1.50");
    // (10·3 + 20·1) / 4 = 12.5.
    CHECK(weighted_mean({d("10"), d("20")}, {d("3"), d("1")}) == rational(25, 2));
    // 1 … 5: mean 3, Σ(x − 3)² = 4 + 1 + 0 + 1 + 4 = 10, / 4 = 5/2.
    CHECK(sample_variance({d("1"), d("2"), d("3"), d("4"), d("5")}) == rational(5, 2));
    // 0.1, 0.2: mean 0.15, Σ = 0.0025 + 0.0025 = 0.005, / 1.
    CHECK(sample_variance({d("0.1"), d("0.2")}) == rational(1, 200));
    CHECK_THROWS_AS((void)mean({}), reckon::kind_error);
    CHECK_THROWS_AS((void)median({}), reckon::kind_error);
    CHECK_THROWS_AS((void)min({}), reckon::kind_error);
    CHECK_THROWS_AS((void)sample_variance({d("1")}), reckon::kind_error);
    CHECK_THROWS_AS((void)weighted_mean({d("1")}, {d("1"), d("2")}), reckon::kind_error);
    CHECK_THROWS_AS((void)weighted_mean({d("1"), d("2")}, {d("1"), d("-1")}), reckon::kind_error);
}

TEST_CASE("GRIM: Brown & Heathers' example and more, by hand") {
    // The paper's example: a mean of 5.19 from 28 people. The mean stands for [5.185, 5.195];
    // times 28 that is [145.18, 145.46], holding no whole number: impossible.
    const auto bad = grim(d("5.19"), 28);
    CHECK_FALSE(bad.consistent);
    CHECK(bad.totals.empty());
    // 5.18 from 28: [5.175, 5.185] × 28 = [144.9, 145.18] holds 145 (145 / 28 = 5.1786 → 5.18).
    const auto good = grim(d("5.18"), 28);
    CHECK(good.consistent);
    CHECK(good.totals == std::vector<big_int>{145});
    // 3.44 from 18: [61.83, 62.01] holds 62 (62 / 18 = 3.4444 → 3.44); 3.45: [62.01, 62.19]
    // holds none.
    CHECK(grim(d("3.44"), 18).totals == std::vector<big_int>{62});
    CHECK_FALSE(grim(d("3.45"), 18).consistent);
    // DESIGN.md: of 84 projects, 89.3 % is possible (75 / 84 = 0.89286) and 89.4 % is not:
    // [0.8935, 0.8945] × 84 = [75.054, 75.138].
    CHECK(grim(d("0.893"), 84).totals == std::vector<big_int>{75});
    CHECK_FALSE(grim(d("0.894"), 84).consistent);
    // A mean with fewer digits than the sample needs always passes: 2.5 from 40 stands for
    // [2.45, 2.55] × 40 = [98, 102], five totals.
    CHECK(grim(d("2.5"), 40).totals == std::vector<big_int>{98, 99, 100, 101, 102});
    // The mean of two whole numbers is whole or a half: 1.7 from 2 stands for [1.65, 1.75],
    // × 2 = [3.3, 3.5], no whole number; 1.5 from 2 is 3 / 2.
    CHECK_FALSE(grim(d("1.7"), 2).consistent);
    CHECK(grim(d("1.5"), 2).totals == std::vector<big_int>{3});
    // 0.25 from 2 (half even): 0.25 has an odd last digit, so its interval (0.245, 0.255) is
    // open, and × 2 = (0.49, 0.51) holds no whole number; under unknown ties it is the same.
    CHECK_FALSE(grim(d("0.25"), 2, reckon::convention::half_even).consistent);
    // 0.5 from 2 exactly (the convention `exact`): 1 / 2.
    CHECK(grim(d("0.5"), 2, reckon::convention::exact).totals == std::vector<big_int>{1});
    // Half up on an open end: 2.25 from 4 = 9 / 4 exactly; 2.3 from 4 stands for [2.25, 2.35)
    // (half up) → [9, 9.4): 9 fits. 2.2 → [2.15, 2.25) × 4 = [8.6, 9): none.
    CHECK(grim(d("2.3"), 4, reckon::convention::half_up).totals == std::vector<big_int>{9});
    CHECK_FALSE(grim(d("2.2"), 4, reckon::convention::half_up).consistent);
    CHECK(grim(d("2.2"), 4, reckon::convention::unknown_tie).totals == std::vector<big_int>{9});
    // Negative means work the same way: −1.33 from 3 = −4 / 3.
    CHECK(grim(d("-1.33"), 3).totals == std::vector<big_int>{-4});
    // At most eight totals are listed.
    CHECK(grim(d("3"), 100).totals.size() == 8);
    CHECK_THROWS_AS((void)grim(d("1.0"), 0), reckon::kind_error);
}

TEST_CASE("least sum of squares of whole numbers with a given total") {
    using reckon::stats::least_sum_of_squares;
    CHECK(least_sum_of_squares(15, 10) == 25); // five 1s and five 2s
    CHECK(least_sum_of_squares(15, 5) == 45);  // five 3s
    CHECK(least_sum_of_squares(7, 3) == 17);   // 2, 2, 3
    CHECK(least_sum_of_squares(-7, 3) == 17);  // −2, −2, −3
    CHECK(least_sum_of_squares(0, 4) == 0);
    CHECK(least_sum_of_squares(-1, 2) == 1); // 0, −1
}

TEST_CASE("GRIMMER (Anaya 2016): worked by hand") {
    SUBCASE("1, 2, 3, 4, 5: mean 3.00, SD 1.58, n = 5") {
        // T: [2.995, 3.005] × 5 = [14.975, 15.025] → 15; T²/n = 45.
        // s in [1.575, 1.585] → Q in [4 · 2.480625 + 45, 4 · 2.512225 + 45]
        // = [54.9225, 55.0489]: Q = 55, odd like T, and ≥ 45 (five 3s): possible (1 … 5 has
        // Σx² = 55).
        const auto g = grimmer(d("3.00"), d("1.58"), 5);
        CHECK(g.consistent);
        CHECK(g.mean_consistent);
        CHECK(g.total == big_int(15));
        CHECK(g.sum_of_squares == big_int(55));
    }
    SUBCASE("the parity test: mean 3.00, SD 1.50, n = 5") {
        // s in [1.495, 1.505] → Q in [4 · 2.235025 + 45, 4 · 2.265025 + 45] = [53.9401, 54.0601]:
        // only 54, which is even while T = 15 is odd. Σx² ≡ Σx (mod 2): impossible.
        const auto g = grimmer(d("3.00"), d("1.50"), 5);
        CHECK_FALSE(g.consistent);
        CHECK(g.mean_consistent);
        CHECK_FALSE(g.total.has_value());
    }
    SUBCASE("no whole sum of squares: mean 3.00, SD 1.55, n = 5") {
        // s in [1.545, 1.555] → Q in [4 · 2.387025 + 45, 4 · 2.418025 + 45]
        // = [54.5481, 54.6721]: no whole number.
        CHECK_FALSE(grimmer(d("3.00"), d("1.55"), 5).consistent);
    }
    SUBCASE("too close together for whole numbers: mean 1.50, SD 0.24, n = 10") {
        // T = 15 ([14.95, 15.05]); T²/n = 22.5. s in [0.235, 0.245] → Q in
        // [9 · 0.055225 + 22.5, 9 · 0.060025 + 22.5] = [22.997025, 23.040225]: Q = 23, odd like
        // T — yet ten whole numbers adding up to 15 have Σx² ≥ 25 (five 1s and five 2s), so
        // s² ≥ (25 − 22.5) / 9 and s ≥ 0.527: impossible.
        CHECK_FALSE(grimmer(d("1.50"), d("0.24"), 10).consistent);
        // SD 0.53: Q in [9 · 0.275625 + 22.5, 9 · 0.286225 + 22.5] = [24.980625, 25.076025]
        // holds 25: five 1s and five 2s (s = √(2.5 / 9) = 0.52705 → 0.53).
        const auto g = grimmer(d("1.50"), d("0.53"), 10);
        CHECK(g.consistent);
        CHECK(g.sum_of_squares == big_int(25));
    }
    SUBCASE("the mean fails GRIM first") {
        const auto g = grimmer(d("5.19"), d("1.00"), 28);
        CHECK_FALSE(g.consistent);
        CHECK_FALSE(g.mean_consistent);
    }
    SUBCASE("an SD of 0.00 under half up: all equal") {
        // 4, 4, 4: mean 4.00, SD 0. Half up, 0.00 stands for (−0.005, 0.005), cut at 0 to
        // [0, 0.005): Q in [48, 48.00005): Q = 48 = 3 · 4², even like T = 12. Possible.
        const auto g = grimmer(d("4.00"), d("0.00"), 3, reckon::convention::half_up);
        CHECK(g.consistent);
        CHECK(g.sum_of_squares == big_int(48));
    }
    SUBCASE("several totals: the first that fits") {
        // Mean 2.5 from 4 (one decimal): [2.45, 2.55] × 4 = [9.8, 10.2] → T = 10 only.
        // SD 1.3 stands for [1.25, 1.35] → Q in [3 · 1.5625 + 25, 3 · 1.8225 + 25]
        // = [29.6875, 30.4675]: Q = 30, even like 10, ≥ 26 (2, 2, 3, 3): e.g. 1, 2, 3, 4 has
        // Σx² = 30 and s = √(5/3) = 1.29.
        const auto g = grimmer(d("2.5"), d("1.3"), 4);
        CHECK(g.consistent);
        CHECK(g.total == big_int(10));
        CHECK(g.sum_of_squares == big_int(30));
    }
    CHECK_THROWS_AS((void)grimmer(d("1.0"), d("1.0"), 1), reckon::kind_error);
    CHECK_THROWS_AS((void)grimmer(d("1.0"), d("-1.0"), 5), reckon::kind_error);
    CHECK_THROWS_AS((void)grimmer(d("1.0"), d("1.0"), 100000000), reckon::kind_error);
}

TEST_CASE("GRIM and GRIMMER never reject real data") {
    // Random samples of 2 … 30 whole numbers in −5 … 20: their mean and SD, rounded half up to
    // 2 decimals (and to 1), must pass both tests under half up and under unknown ties.
    constexpr std::uint64_t seed = 20160718;
    MESSAGE("seed " << seed);
    std::mt19937_64 gen(seed);
    std::uniform_int_distribution<int> size(2, 30);
    std::uniform_int_distribution<int> value(-5, 20);
    for (int trial = 0; trial < 1500; ++trial) {
        std::vector<decimal> xs(static_cast<std::size_t>(size(gen)));
        for (auto& x : xs) {
            x = decimal(value(gen));
        }
        const auto n = static_cast<std::uint64_t>(xs.size());
        const rational m = reckon::stats::mean(xs);
        const rational var = reckon::stats::sample_variance(xs);
        for (int e : {-2, -1}) {
            const decimal md = decimal::round(m, e, reckon::rounding_mode::half_up);
            // The SD rounded half up, exactly: the k with (k − ½)² ≤ var·10^(−2e) < (k + ½)².
            const rational scaled =
                var * rational(reckon::detail::big_pow10(static_cast<unsigned>(-2 * e)));
            auto k = static_cast<long long>(std::sqrt(scaled.convert_to<double>())) - 2;
            k = k < 0 ? 0 : k;
            while (rational(2 * k + 1) * rational(2 * k + 1) <= 4 * scaled) {
                ++k;
            }
            const decimal sd(static_cast<std::int64_t>(k), e);
            CAPTURE(trial);
            CAPTURE(md);
            CAPTURE(sd);
            CAPTURE(n);
            for (auto conv : {reckon::convention::half_up, reckon::convention::unknown_tie}) {
                REQUIRE(grim(md, n, conv).consistent);
                REQUIRE(grimmer(md, sd, n, conv).consistent);
            }
        }
    }
}
