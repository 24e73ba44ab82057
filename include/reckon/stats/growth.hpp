// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/decimal.hpp>
#include <reckon/error.hpp>
#include <reckon/interval.hpp>

#include <string>

namespace reckon::stats {

/// The most years a compound annual growth rate may span: (1 + g)^n is computed
/// exactly, and its digits grow with n.
inline constexpr unsigned max_cagr_years = 1000;

namespace detail {

[[nodiscard]] inline rational require_nonzero(const rational& v, const char* what) {
    if (v == 0) {
        throw kind_error(std::string("reckon::stats: ") + what + " is zero");
    }
    return v;
}

inline void require_years(unsigned years, const char* who) {
    if (years == 0) {
        throw kind_error(std::string("reckon::stats::") + who + ": zero years");
    }
    if (years > max_cagr_years) {
        throw kind_error(std::string("reckon::stats::") + who + ": more than " +
                         std::to_string(max_cagr_years) + " years");
    }
}

/// base^n for a rational and a whole n ≥ 0, exactly.
[[nodiscard]] inline rational rational_pow(rational base, unsigned n) {
    rational r = 1;
    while (n != 0) {
        if ((n & 1U) != 0) {
            r *= base;
        }
        n >>= 1U;
        if (n != 0) {
            base *= base;
        }
    }
    return r;
}

/// ⌊y^(1/n)⌋ for a whole y ≥ 0 and n ≥ 1, by bisection on big integers.
[[nodiscard]] inline big_int integer_root(const big_int& y, unsigned n) {
    if (y < 2 || n == 1) {
        return y;
    }
    // y < 2^bits, so y^(1/n) < 2^(bits/n) ≤ 2^(⌊bits/n⌋ + 1).
    const unsigned bits = static_cast<unsigned>(boost::multiprecision::msb(y)) + 1;
    big_int lo = 0;
    big_int hi = big_int(1) << (bits / n + 1);
    while (lo < hi) {
        const big_int mid = (lo + hi + 1) / 2;
        big_int p = 1;
        bool over = false;
        for (unsigned i = 0; i < n && !over; ++i) {
            p *= mid;
            over = p > y;
        }
        if (over) {
            hi = mid - 1;
        } else {
            lo = mid;
        }
    }
    return lo;
}

/// q^(1/n) − 1 for a rational q ≥ 0, rounded to the resolution 10^exponent
/// (exponent ≤ 0) under `mode`, exactly: the true root is irrational in
/// general, and the rounding is decided by comparing powers of rationals
/// with q. With m = −exponent, k = ⌊q^(1/n)·10^m⌋ is an integer root of
/// ⌊q·10^(m·n)⌋; the root lies in [k, k + 1)/10^m, and a comparison of q
/// with ((2k + 1)/(2·10^m))^n places it against the midpoint.
///
///     reckon::stats::detail::root_minus_one(rational(121, 100), 2, -3,
///                                           reckon::rounding_mode::half_up);   // 0.100
[[nodiscard]] inline decimal root_minus_one(const rational& q, unsigned n, int exponent,
                                            rounding_mode mode) {
    if (exponent > 0) {
        throw kind_error("reckon::stats: a compound rate at a resolution coarser than 1 "
                         "(100 %) is not supported");
    }
    if (q < 0) {
        throw kind_error("reckon::stats: a compound rate of a negative factor");
    }
    const auto m = static_cast<unsigned>(-exponent);
    const big_int base = reckon::detail::big_pow10(m);
    const big_int y = numerator(q) * reckon::detail::big_pow10(m * n) / denominator(q);
    const big_int k = integer_root(y, n); // ⌊q^(1/n)·10^m⌋
    const big_int lower = k - base;       // ⌊(q^(1/n) − 1)·10^m⌋
    if (rational_pow(rational(k, base), n) == q) {
        return decimal(lower, exponent); // the root is exactly k / 10^m
    }
    // Strictly between lower and lower + 1 steps: where against the midpoint?
    const rational p = rational_pow(rational(2 * k + 1, 2 * base), n);
    const int half = p < q ? 1 : (p == q ? 0 : -1); // above, at or below the midpoint
    const bool negative = lower < 0;                // the rate is below zero
    bool up = false;                                // take lower + 1
    switch (mode) {
    case rounding_mode::floor: up = false; break;
    case rounding_mode::ceiling: up = true; break;
    case rounding_mode::toward_zero: up = negative; break;
    case rounding_mode::away_from_zero: up = !negative; break;
    case rounding_mode::half_up: up = half > 0 || (half == 0 && !negative); break;
    case rounding_mode::half_down: up = half > 0 || (half == 0 && negative); break;
    case rounding_mode::half_even:
        up = half > 0 || (half == 0 && boost::multiprecision::bit_test(abs(lower), 0));
        break;
    }
    return decimal(up ? big_int(lower + 1) : lower, exponent);
}

} // namespace detail

/// Growth rate from `previous` to `current` as an exact fraction
/// (0.079 for 7.9 %): current / previous − 1 (同比增长). Throws `kind_error`
/// on a zero base.
///
///     reckon::stats::growth_rate(rational(100), rational(1079, 10));   // 79/1000
[[nodiscard]] inline rational growth_rate(const rational& previous, const rational& current) {
    return current / detail::require_nonzero(previous, "the base of a growth rate") - 1;
}

/// The same in percent, rounded to the resolution 10^exponent under `mode`.
///
///     reckon::stats::growth_percent(rational(100), rational(10794, 100), -1,
///                                   reckon::rounding_mode::half_up);   // 7.9
[[nodiscard]] inline decimal growth_percent(const rational& previous, const rational& current,
                                            int exponent, rounding_mode mode) {
    return decimal::round(growth_rate(previous, current) * 100, exponent, mode);
}

/// The level reached from `previous` at a growth of `rate` (a fraction):
/// previous × (1 + rate).
///
///     reckon::stats::level_from_rate(rational(200), rational(-1, 20));   // 190
[[nodiscard]] inline rational level_from_rate(const rational& previous, const rational& rate) {
    return previous * (1 + rate);
}

/// Compound annual growth rate over `years` years from `first` to `last`
/// (年均增长), (last / first)^(1/years) − 1 as a fraction, rounded to
/// 10^exponent (≤ 0) under `mode` — decided exactly with integer roots, no
/// pow on doubles: the result is the rounding of the true, generally
/// irrational, rate, whatever its digits. Levels must be positive.
///
///     reckon::stats::cagr_rate(rational(100), rational(200), 10, -4,
///                              reckon::rounding_mode::half_up);   // 0.0718
[[nodiscard]] inline decimal cagr_rate(const rational& first, const rational& last, unsigned years,
                                       int exponent, rounding_mode mode) {
    detail::require_years(years, "cagr_rate");
    if (first <= 0 || last <= 0) {
        throw kind_error("reckon::stats::cagr_rate: levels must be positive");
    }
    return detail::root_minus_one(last / first, years, exponent, mode);
}

/// The same in percent, rounded to 10^exponent (≤ 2) under `mode`.
///
///     reckon::stats::cagr_percent(rational(100), rational(121), 2, -1,
///                                 reckon::rounding_mode::half_up);   // 10.0
///     reckon::stats::cagr_percent(rational(100), rational(200), 10, -2,
///                                 reckon::rounding_mode::half_up);   // 7.18
[[nodiscard]] inline decimal cagr_percent(const rational& first, const rational& last,
                                          unsigned years, int exponent, rounding_mode mode) {
    detail::require_years(years, "cagr_percent");
    if (first <= 0 || last <= 0) {
        throw kind_error("reckon::stats::cagr_percent: levels must be positive");
    }
    if (exponent > 2) {
        throw kind_error("reckon::stats::cagr_percent: a resolution coarser than 100 % "
                         "is not supported");
    }
    return detail::root_minus_one(last / first, years, exponent - 2, mode).scaled(2);
}

/// The factors (1 + g)^n for the rates g of an interval (fractions), exactly:
/// (1 + g)^n increases with g on g ≥ −1, so the image of an interval is the
/// interval of the powers of its ends, each end keeping its flag. A compound
/// rate is the principal root, never below −100 %: the part of `rate` below
/// −1 is left out (an interval wholly below it gives an empty one); an
/// unbounded top gives an unbounded factor.
///
///     reckon::stats::cagr_factor(reckon::interval::closed(rational(1, 10), rational(1, 5)), 2);
///     // [121/100, 36/25]
[[nodiscard]] inline interval cagr_factor(const interval& rate, unsigned years) {
    detail::require_years(years, "cagr_factor");
    const bound& lo = rate.lower();
    const bound& hi = rate.upper();
    if (!hi.infinite && (hi.value < -1 || (hi.value == -1 && hi.open))) {
        return interval::make(rational(1), true, rational(0), true); // empty
    }
    bound flo{rational(0), false, false}; // from g = −1 (closed) when the rate reaches below it
    if (!lo.infinite && lo.value >= -1) {
        flo = bound{detail::rational_pow(1 + lo.value, years), false, lo.open};
    }
    bound fhi{rational(0), true, true};
    if (!hi.infinite) {
        fhi = bound{detail::rational_pow(1 + hi.value, years), false, hi.open};
    }
    return {flo, fhi};
}

/// Whether a printed compound annual growth rate is consistent with two
/// levels over `years` years, all three as intervals of true values: some
/// g in the rate's interval (a fraction), a in `first` and b in `last` with
/// (1 + g)^n = b / a — exactly when the factors from the rate
/// (`cagr_factor`) meet the factors b / a from the levels, compared as
/// rationals. No root is taken.
///
///     using reckon::interval;
///     auto c = reckon::stats::check_cagr(interval::closed(rational(95, 1000), rational(105,
///     1000)),
///                                        interval::point(rational(100)),
///                                        interval::point(rational(121)), 2);
///     c.consistent();   // true: 1.095² ≤ 1.21 ≤ 1.105²
struct cagr_check {
    interval factor_from_rate;   ///< {(1 + g)^n : g in the rate's interval, g ≥ −1}
    interval factor_from_levels; ///< {b / a : a, b in the levels' intervals}
    [[nodiscard]] bool consistent() const {
        return !factor_from_rate.empty() &&
               !intersect(factor_from_rate, factor_from_levels).empty();
    }
};

/// See `cagr_check`. Throws `kind_error` when the first level may be zero or
/// a level may be negative (a compound rate of such levels has no meaning),
/// or for zero years or more than `max_cagr_years`.
///
///     reckon::stats::check_cagr(rate, first, last, 10).consistent();
[[nodiscard]] inline cagr_check check_cagr(const interval& rate, const interval& first,
                                           const interval& last, unsigned years) {
    detail::require_years(years, "check_cagr");
    if (first.may_be_zero()) {
        throw kind_error("reckon::stats::check_cagr: the first level may be zero");
    }
    if (first.lower().infinite || first.lower().value < 0 || last.lower().infinite ||
        last.lower().value < 0) {
        throw kind_error("reckon::stats::check_cagr: a level may be negative");
    }
    return cagr_check{cagr_factor(rate, years), last / first};
}

/// Contribution of a component to growth (贡献率), in percent, exactly:
/// Δcomponent / Δtotal × 100. Throws `kind_error` when the total did not
/// change.
///
///     reckon::stats::contribution_percent(rational(335), rational(1000));   // 67/2 (33.5 %)
[[nodiscard]] inline rational contribution_percent(const rational& component_change,
                                                   const rational& total_change) {
    return component_change / detail::require_nonzero(total_change, "the change of the total") *
           100;
}

/// Pull of a component on the total's growth (拉动 … 个百分点), in
/// percentage points, exactly: Δcomponent / previous total × 100.
///
///     reckon::stats::pull_points(rational(34), rational(1000));   // 17/5 (3.4 points)
[[nodiscard]] inline rational pull_points(const rational& component_change,
                                          const rational& previous_total) {
    return component_change / detail::require_nonzero(previous_total, "the previous total") * 100;
}

/// An index number with the previous period as 100 (上年 = 100), exactly:
/// current / previous × 100.
///
///     reckon::stats::index_number(rational(200), rational(211));   // 211/2 (105.5)
[[nodiscard]] inline rational index_number(const rational& previous, const rational& current) {
    return current / detail::require_nonzero(previous, "the base period") * 100;
}

/// A per-capita value (人均), exactly: total / average population.
///
///     reckon::stats::per_capita(rational(107790000000), rational(2262000));   // yuan per person
[[nodiscard]] inline rational per_capita(const rational& total, const rational& population) {
    return total / detail::require_nonzero(population, "the population");
}

} // namespace reckon::stats
