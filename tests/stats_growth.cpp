// SPDX-License-Identifier: MIT
// Growth arithmetic, exactly: growth rates, levels, compound annual growth (integer roots, exact
// ties, every rounding mode), the CAGR consistency check, contribution (贡献率), pull (拉动),
// index numbers (上年 = 100) and per-capita values. A brute-force search over candidate
// displays, each decided by exact powers, must agree with cagr_percent on random inputs.
#include <reckon/stats/growth.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>

namespace {

using reckon::decimal;
using reckon::interval;
using reckon::rational;
using reckon::rounding_mode;
using reckon::stats::cagr_percent;

rational q(const char* text) { return decimal::parse(text).to_rational(); }

std::string cagr(int first, int last, unsigned years, int exponent, rounding_mode mode) {
    return cagr_percent(rational(first), rational(last), years, exponent, mode).str();
}

constexpr std::array<rounding_mode, 7> all_modes{
    rounding_mode::half_up,     rounding_mode::half_even,      rounding_mode::half_down,
    rounding_mode::toward_zero, rounding_mode::away_from_zero, rounding_mode::floor,
    rounding_mode::ceiling};

} // namespace

TEST_CASE("growth rate, growth percent, level from rate") {
    using namespace reckon::stats;
    // 107.9 / 100 − 1 = 0.079 exactly.
    CHECK(growth_rate(rational(100), q("107.9")) == rational(79, 1000));
    // 110.8 / 102.6 − 1 = 8.2 / 102.6 = 41/513 = 7.9922… % → 8.0 % at 0.1.
    CHECK(growth_rate(q("102.6"), q("110.8")) == rational(41, 513));
    CHECK(growth_percent(q("102.6"), q("110.8"), -1, rounding_mode::half_up).str() == "8.0");
    CHECK(growth_percent(q("102.6"), q("110.8"), -2, rounding_mode::half_up).str() == "7.99");
    // A fall: 85.3 / 100 − 1 = −14.7 %.
    CHECK(growth_percent(rational(100), q("85.3"), -1, rounding_mode::half_up).str() == "-14.7");
    // A tie: 107.25 / 100 − 1 = 7.25 % → 7.3 half up, 7.2 half even.
    CHECK(growth_percent(rational(100), q("107.25"), -1, rounding_mode::half_up).str() == "7.3");
    CHECK(growth_percent(rational(100), q("107.25"), -1, rounding_mode::half_even).str() == "7.2");
    CHECK(level_from_rate(rational(200), rational(-1, 20)) == rational(190));
    CHECK(level_from_rate(q("102.6"), rational(41, 513)) == q("110.8"));
    CHECK_THROWS_AS((void)growth_rate(rational(0), rational(5)), reckon::kind_error);
}

TEST_CASE("cagr: published examples") {
    // 100 → 121 over 2 years: 1.21 = 1.1², exactly 10 %, whatever the mode or resolution.
    for (auto mode : all_modes) {
        CHECK(cagr(100, 121, 2, -1, mode) == "10.0");
        CHECK(cagr(100, 121, 2, -4, mode) == "10.0000");
        CHECK(cagr(100, 121, 2, 0, mode) == "10");
    }
    // 100 → 200 over 10 years: 2^(1/10) − 1 = 7.1773462536… %. At 0.01 it is 7.18 because
    // 1.07175^10 = 1.99956… ≤ 2 < 1.07185^10 = 2.00143… (checked exactly just below).
    CHECK(reckon::stats::detail::rational_pow(q("1.07175"), 10) < 2);
    CHECK(reckon::stats::detail::rational_pow(q("1.07185"), 10) > 2);
    CHECK(cagr(100, 200, 10, -2, rounding_mode::half_up) == "7.18");
    CHECK(cagr(100, 200, 10, -1, rounding_mode::half_up) == "7.2");
    CHECK(cagr(100, 200, 10, -3, rounding_mode::half_up) == "7.177");
    CHECK(cagr(100, 200, 10, -6, rounding_mode::half_up) == "7.177346");
    CHECK(cagr(100, 200, 10, -2, rounding_mode::floor) == "7.17");
    CHECK(cagr(100, 200, 10, -2, rounding_mode::toward_zero) == "7.17");
    CHECK(cagr(100, 200, 10, -2, rounding_mode::ceiling) == "7.18");
    CHECK(cagr(100, 200, 10, 0, rounding_mode::half_up) == "7");
    // Halving over 10 years: 0.5^(1/10) − 1 = −6.6967008… %: −6.70 at 0.01 (half up), since
    // 0.93295^10 = 0.49955… ≤ 0.5 ≤ 0.93305^10 = 0.50009…
    CHECK(reckon::stats::detail::rational_pow(q("0.93295"), 10) < q("0.5"));
    CHECK(reckon::stats::detail::rational_pow(q("0.93305"), 10) > q("0.5"));
    CHECK(cagr(200, 100, 10, -2, rounding_mode::half_up) == "-6.70");
    CHECK(cagr(200, 100, 10, -2, rounding_mode::floor) == "-6.70");
    CHECK(cagr(200, 100, 10, -2, rounding_mode::ceiling) == "-6.69");
    CHECK(cagr(200, 100, 10, -2, rounding_mode::toward_zero) == "-6.69");
    CHECK(cagr(200, 100, 10, -2, rounding_mode::away_from_zero) == "-6.70");
    // The 2020 census: 133972 → 141178 (万人) over 10 years, 0.5252816… % a year → 0.53.
    CHECK(cagr(133972, 141178, 10, -2, rounding_mode::half_up) == "0.53");
    CHECK(cagr(133972, 141178, 10, -4, rounding_mode::half_up) == "0.5253");
    // No change.
    CHECK(cagr(5, 5, 7, -2, rounding_mode::half_up) == "0.00");
    // The fraction form: 0.0718 at 10^-4.
    CHECK(reckon::stats::cagr_rate(rational(100), rational(200), 10, -4, rounding_mode::half_up)
              .str() == "0.0718");
}

TEST_CASE("cagr: exact ties, every mode") {
    // 100 → 110.25 over 2 years: 1.1025 = 1.05², exactly 5 %. At a resolution of 10 % that is
    // a tie between 0 and 10.
    const rational first(100);
    const rational up = q("110.25");
    auto at_ten = [&](const rational& last, rounding_mode mode) {
        return cagr_percent(first, last, 2, 1, mode).str();
    };
    CHECK(at_ten(up, rounding_mode::half_up) == "10");
    CHECK(at_ten(up, rounding_mode::half_even) == "0");
    CHECK(at_ten(up, rounding_mode::half_down) == "0");
    CHECK(at_ten(up, rounding_mode::floor) == "0");
    CHECK(at_ten(up, rounding_mode::ceiling) == "10");
    CHECK(at_ten(up, rounding_mode::toward_zero) == "0");
    CHECK(at_ten(up, rounding_mode::away_from_zero) == "10");
    CHECK(cagr_percent(first, up, 2, 0, rounding_mode::half_up).str() == "5");
    // 100 → 90.25: 0.9025 = 0.95², exactly −5 %: a tie between −10 and 0.
    const rational down = q("90.25");
    CHECK(at_ten(down, rounding_mode::half_up) == "-10");
    CHECK(at_ten(down, rounding_mode::half_even) == "0");
    CHECK(at_ten(down, rounding_mode::half_down) == "0");
    CHECK(at_ten(down, rounding_mode::floor) == "-10");
    CHECK(at_ten(down, rounding_mode::ceiling) == "0");
    CHECK(at_ten(down, rounding_mode::toward_zero) == "0");
    CHECK(at_ten(down, rounding_mode::away_from_zero) == "-10");
    // 100 → 102.515625: 1.0125² exactly, 1.25 %: at 0.1 half up 1.3, half even 1.2.
    CHECK(cagr_percent(first, q("102.515625"), 2, -1, rounding_mode::half_up).str() == "1.3");
    CHECK(cagr_percent(first, q("102.515625"), 2, -1, rounding_mode::half_even).str() == "1.2");
    CHECK(cagr_percent(first, q("102.515625"), 2, -1, rounding_mode::half_down).str() == "1.2");
    // One year is a plain growth rate: 7.35 % → 7.4 half even (odd 3 goes to even 4).
    CHECK(cagr_percent(first, q("107.35"), 1, -1, rounding_mode::half_even).str() == "7.4");
}

TEST_CASE("cagr: what it refuses") {
    CHECK_THROWS_AS((void)cagr_percent(rational(100), rational(121), 0, -1, rounding_mode::half_up),
                    reckon::kind_error);
    CHECK_THROWS_AS(
        (void)cagr_percent(rational(100), rational(121), 1001, -1, rounding_mode::half_up),
        reckon::kind_error);
    CHECK_THROWS_AS((void)cagr_percent(rational(0), rational(121), 2, -1, rounding_mode::half_up),
                    reckon::kind_error);
    CHECK_THROWS_AS(
        (void)cagr_percent(rational(-100), rational(121), 2, -1, rounding_mode::half_up),
        reckon::kind_error);
    CHECK_THROWS_AS((void)cagr_percent(rational(100), rational(121), 2, 3, rounding_mode::half_up),
                    reckon::kind_error);
    // A resolution of 100 % is the coarsest allowed: 2 ^ (1/1) − 1 = 100 %.
    CHECK(cagr_percent(rational(1), rational(2), 1, 2, rounding_mode::half_up).str() == "100");
}

TEST_CASE("cagr_factor and check_cagr: exact, with open ends") {
    using reckon::stats::cagr_factor;
    using reckon::stats::check_cagr;
    // g in [9.5 %, 10.5 %] over 2 years: [1.095², 1.105²] = [1.199025, 1.221025].
    const interval rate = interval::closed(q("0.095"), q("0.105"));
    CHECK(cagr_factor(rate, 2) == interval::closed(q("1.199025"), q("1.221025")));
    // Open ends stay open.
    CHECK(cagr_factor(interval::make(q("0.095"), true, q("0.105"), true), 2) ==
          interval::make(q("1.199025"), true, q("1.221025"), true));
    // Rates below −100 % are no compound rates: cut at −1 (a factor of 0, closed).
    CHECK(cagr_factor(interval::closed(rational(-2), rational(0)), 3) ==
          interval::closed(rational(0), rational(1)));
    CHECK(cagr_factor(interval::closed(rational(-3), rational(-2)), 3).empty());
    CHECK(cagr_factor(interval::above(rational(0), true), 2) == interval::above(rational(1), true));

    // 10.0 % (unknown tie: [9.95 %, 10.05 %]) against 100 → 121 exactly: 1.21 lies in
    // [1.0995², 1.1005²] = [1.20890025, 1.21110025].
    const interval ten = interval::closed(q("0.0995"), q("0.1005"));
    auto c = check_cagr(ten, interval::point(rational(100)), interval::point(rational(121)), 2);
    CHECK(c.consistent());
    CHECK(c.factor_from_rate == interval::closed(q("1.20890025"), q("1.21110025")));
    CHECK(c.factor_from_levels == interval::point(q("1.21")));
    // 10.2 % against the same levels: 1.1015² = 1.21330225 > 1.21: not consistent.
    const interval ten_two = interval::closed(q("0.1015"), q("0.1025"));
    CHECK_FALSE(
        check_cagr(ten_two, interval::point(rational(100)), interval::point(rational(121)), 2)
            .consistent());
    // … unless the levels are rounded too: 121 as [120.5, 121.5] and 100 as [99.5, 100.5] allow
    // 121.5 / 99.5 = 1.22110…, which meets [1.21330225, 1.21551…].
    CHECK(check_cagr(ten_two, interval::closed(q("99.5"), q("100.5")),
                     interval::closed(q("120.5"), q("121.5")), 2)
              .consistent());
    // Touching at an open end is not meeting: a rate of [0, 10 %) over 2 years and a factor of
    // exactly 1.21 = 1.1².
    CHECK_FALSE(check_cagr(interval::make(rational(0), false, q("0.1"), true),
                           interval::point(rational(100)), interval::point(rational(121)), 2)
                    .consistent());
    CHECK(check_cagr(interval::closed(rational(0), q("0.1")), interval::point(rational(100)),
                     interval::point(rational(121)), 2)
              .consistent());
    // Levels that may be zero (first) or negative are refused.
    CHECK_THROWS_AS((void)check_cagr(ten, interval::closed(rational(0), rational(1)),
                                     interval::point(rational(121)), 2),
                    reckon::kind_error);
    CHECK_THROWS_AS((void)check_cagr(ten, interval::point(rational(100)),
                                     interval::closed(rational(-1), rational(1)), 2),
                    reckon::kind_error);
}

TEST_CASE("contribution, pull, index number, per capita: exact values") {
    using namespace reckon::stats;
    // GDP grew by 102 (亿元) from 1000; the tertiary sector by 34.17 of it.
    // 贡献率 = 34.17 / 102 × 100 = 33.5 % exactly; 拉动 = 34.17 / 1000 × 100 = 3.417 points,
    // which is also growth × contribution = 10.2 % × 33.5 %.
    CHECK(contribution_percent(q("34.17"), rational(102)) == q("33.5"));
    CHECK(pull_points(q("34.17"), rational(1000)) == q("3.417"));
    CHECK(pull_points(q("34.17"), rational(1000)) ==
          growth_rate(rational(1000), rational(1102)) *
              contribution_percent(q("34.17"), rational(102)));
    CHECK(
        decimal::round(pull_points(q("34.17"), rational(1000)), -1, rounding_mode::half_up).str() ==
        "3.4");
    // A component that fell while the total rose contributes negatively.
    CHECK(contribution_percent(rational(-5), rational(20)) == rational(-25));
    // 上年 = 100: 211 against 200 is 105.5; a fall from 80 to 76 is 95.
    CHECK(index_number(rational(200), rational(211)) == q("105.5"));
    CHECK(index_number(rational(80), rational(76)) == rational(95));
    // 人均: 1077.9 亿元 over an average population of 226.2 万人 (the mean of 227.0 and 225.4)
    // = 107790000000 / 2262000 = 53895000/1131 = 47652.5198… yuan → 47653.
    const rational pc = per_capita(q("107790000000"), rational(2262000));
    CHECK(pc == rational(53895000, 1131));
    CHECK(decimal::round(pc, 0, rounding_mode::half_up).str() == "47653");
    CHECK_THROWS_AS((void)contribution_percent(rational(1), rational(0)), reckon::kind_error);
    CHECK_THROWS_AS((void)pull_points(rational(1), rational(0)), reckon::kind_error);
    CHECK_THROWS_AS((void)index_number(rational(0), rational(1)), reckon::kind_error);
    CHECK_THROWS_AS((void)per_capita(rational(1), rational(0)), reckon::kind_error);
}

namespace {

// (1 + steps·s)^n for a rate of `steps` (possibly a half) steps of s: the factor of a rate.
rational factor_at(const rational& steps, const rational& s, unsigned n) {
    return reckon::stats::detail::rational_pow(1 + steps * s, n);
}

// Whether the true rate r (with (1 + r)^n = qv) rounds to c steps under `mode`, decided only
// from the definition of each mode: the interval of rates that round to c, in steps, with its
// ends open or closed, compared through exact powers (increasing in the rate).
bool rounds_to(const rational& qv, unsigned n, const rational& s, const reckon::big_int& c,
               rounding_mode mode) {
    const rational cc(c);
    const rational half(1, 2);
    rational lo;
    rational hi;
    bool lo_open = false;
    bool hi_open = false;
    const int sign = c > 0 ? 1 : (c < 0 ? -1 : 0);
    switch (mode) {
    case rounding_mode::floor: lo = cc, hi = cc + 1, hi_open = true; break;
    case rounding_mode::ceiling: lo = cc - 1, hi = cc, lo_open = true; break;
    case rounding_mode::toward_zero:
        if (sign > 0) {
            lo = cc, hi = cc + 1, hi_open = true;
        } else if (sign < 0) {
            lo = cc - 1, hi = cc, lo_open = true;
        } else {
            lo = -1, hi = 1, lo_open = hi_open = true;
        }
        break;
    case rounding_mode::away_from_zero:
        if (sign > 0) {
            lo = cc - 1, hi = cc, lo_open = true;
        } else if (sign < 0) {
            lo = cc, hi = cc + 1, hi_open = true;
        } else {
            lo = hi = 0;
        }
        break;
    case rounding_mode::half_up: // ties away from zero
        lo = cc - half, hi = cc + half;
        lo_open = sign <= 0;
        hi_open = sign >= 0;
        break;
    case rounding_mode::half_down: // ties toward zero
        lo = cc - half, hi = cc + half;
        lo_open = sign > 0;
        hi_open = sign < 0;
        break;
    case rounding_mode::half_even: {
        const bool odd = boost::multiprecision::bit_test(abs(c), 0);
        lo = cc - half, hi = cc + half;
        lo_open = hi_open = odd;
        break;
    }
    }
    // Rates below −100 % have no factor: only the part at or above −1 counts.
    const rational minus_one_steps = rational(-1) / s;
    if (hi < minus_one_steps) {
        return false;
    }
    if (lo < minus_one_steps) {
        lo = minus_one_steps;
        lo_open = false;
    }
    const rational f_lo = factor_at(lo, s, n);
    const rational f_hi = factor_at(hi, s, n);
    const bool above_lo = lo_open ? qv > f_lo : qv >= f_lo;
    const bool below_hi = hi_open ? qv < f_hi : qv <= f_hi;
    return above_lo && below_hi;
}

} // namespace

TEST_CASE("cagr_percent agrees with a brute-force search over candidate displays") {
    // Random levels 1 … 2000 (also as tenths), 1 to 6 years, resolutions 0.001 % to 10 %, every
    // mode; every third time the last level is first × (1 + k half-steps)^n, so that the rate is
    // exactly a display or exactly a tie. The candidates are the displays within 3 steps of a
    // floating-point guess; exactly one of them must contain the true rate by the definition of the
    // mode, and it must be cagr_percent's answer.
    constexpr std::uint64_t seed = 19380601; // Benford's paper, 1938
    MESSAGE("seed " << seed);
    std::mt19937_64 gen(seed);
    std::uniform_int_distribution<int> level(1, 2000);
    std::uniform_int_distribution<int> tenths(0, 1);
    std::uniform_int_distribution<unsigned> years(1, 6);
    std::uniform_int_distribution<int> exponent(-3, 1);
    std::uniform_int_distribution<std::size_t> mode_of(0, all_modes.size() - 1);
    for (int trial = 0; trial < 3000; ++trial) {
        const rational first = tenths(gen) == 0 ? rational(level(gen)) : rational(level(gen), 10);
        rational last = tenths(gen) == 0 ? rational(level(gen)) : rational(level(gen), 10);
        const unsigned n = years(gen);
        const int e = exponent(gen);
        const rounding_mode mode = all_modes[mode_of(gen)];
        if (trial % 3 == 0) {
            // A rate of exactly k half-steps: a display itself (k even) or a tie (k odd).
            const rational half_step = decimal(1, e).to_rational() / 200;
            const long long least =
                std::max<long long>(-150, (rational(-1) / half_step).convert_to<long long>() + 1);
            std::uniform_int_distribution<long long> k(least, 400);
            last = first * reckon::stats::detail::rational_pow(1 + k(gen) * half_step, n);
        }
        CAPTURE(trial);
        CAPTURE(first);
        CAPTURE(last);
        CAPTURE(n);
        CAPTURE(e);
        const rational qv = last / first;
        const rational s = decimal(1, e).to_rational() / 100; // one step, as a fraction
        const double guess =
            (std::pow(qv.convert_to<double>(), 1.0 / static_cast<double>(n)) - 1.0) /
            s.convert_to<double>();
        const auto centre = static_cast<long long>(std::floor(guess));
        int found = 0;
        reckon::big_int answer;
        for (long long c = centre - 3; c <= centre + 3; ++c) {
            if (rounds_to(qv, n, s, reckon::big_int(c), mode)) {
                ++found;
                answer = c;
            }
        }
        REQUIRE(found == 1);
        const decimal got = cagr_percent(first, last, n, e, mode);
        REQUIRE(got.exponent() == e);
        REQUIRE(got.coefficient().to_big() == answer);
    }
}
