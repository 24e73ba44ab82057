// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/decimal.hpp>
#include <reckon/error.hpp>
#include <reckon/interval.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reckon::stats {

/// Exact sum of decimals (the resolution is the finest of theirs).
///
///     using reckon::decimal;
///     reckon::stats::sum({decimal::parse("119.4"), decimal::parse("28.8")}).str();   // "148.2"
[[nodiscard]] inline decimal sum(const std::vector<decimal>& xs) {
    if (xs.empty()) {
        return decimal();
    }
    decimal s = xs.front();
    for (std::size_t i = 1; i < xs.size(); ++i) {
        s += xs[i];
    }
    return s;
}

namespace detail {
inline void require_values(std::size_t n, const char* what) {
    if (n == 0) {
        throw kind_error(std::string("reckon::stats::") + what + " of no values");
    }
}
} // namespace detail

/// Exact arithmetic mean as a rational; display it with
/// `decimal::round(mean(xs), exponent, mode)`.
///
///     reckon::stats::mean({decimal(1), decimal(2)});   // 3/2
[[nodiscard]] inline rational mean(const std::vector<decimal>& xs) {
    detail::require_values(xs.size(), "mean");
    return sum(xs).to_rational() / rational(static_cast<std::int64_t>(xs.size()));
}

/// Exact weighted mean Σ wᵢxᵢ / Σ wᵢ. Throws `kind_error` when the weights
/// add up to zero or differ in number from the values.
///
///     reckon::stats::weighted_mean({decimal(10), decimal(20)}, {decimal(3), decimal(1)});
///     // 25/2 (12.5)
[[nodiscard]] inline rational weighted_mean(const std::vector<decimal>& xs,
                                            const std::vector<decimal>& weights) {
    if (xs.size() != weights.size()) {
        throw kind_error("reckon::stats::weighted_mean: values and weights differ in number");
    }
    detail::require_values(xs.size(), "weighted_mean");
    decimal num;
    decimal den;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        num += xs[i] * weights[i];
        den += weights[i];
    }
    if (den.is_zero()) {
        throw kind_error("reckon::stats::weighted_mean: the weights add up to zero");
    }
    return divide(num, den);
}

/// Median: the middle value, or the exact mean of the two middle ones.
///
///     reckon::stats::median({decimal(3), decimal(1), decimal(4), decimal(2)});   // 5/2
[[nodiscard]] inline rational median(std::vector<decimal> xs) {
    detail::require_values(xs.size(), "median");
    std::sort(xs.begin(), xs.end());
    const std::size_t n = xs.size();
    if (n % 2 == 1) {
        return xs[n / 2].to_rational();
    }
    return (xs[n / 2 - 1] + xs[n / 2]).to_rational() / 2;
}

/// Smallest and largest values (by value; the first printed of equals, so
/// that 1.5 and 1.50 give the one met first).
///
///     reckon::stats::max({decimal::parse("1.5"), decimal::parse("1.50")}).str();   // "1.5"
[[nodiscard]] inline decimal min(const std::vector<decimal>& xs) {
    detail::require_values(xs.size(), "min");
    return *std::min_element(xs.begin(), xs.end());
}
/// See `min`.
[[nodiscard]] inline decimal max(const std::vector<decimal>& xs) {
    detail::require_values(xs.size(), "max");
    return *std::max_element(xs.begin(), xs.end());
}

/// Exact sample variance (n − 1 in the denominator).
///
///     reckon::stats::sample_variance({decimal(1), decimal(2), decimal(3), decimal(4),
///                                     decimal(5)});   // 5/2
[[nodiscard]] inline rational sample_variance(const std::vector<decimal>& xs) {
    if (xs.size() < 2) {
        throw kind_error("reckon::stats::sample_variance needs at least two values");
    }
    const rational m = mean(xs);
    rational ss = 0;
    for (const auto& x : xs) {
        const rational d = x.to_rational() - m;
        ss += d * d;
    }
    return ss / rational(static_cast<std::int64_t>(xs.size() - 1));
}

/// The result of a GRIM test.
///
///     auto g = reckon::stats::grim(reckon::decimal::parse("5.18"), 28);
///     g.consistent;          // true
///     g.totals.front();      // 145 (145 / 28 = 5.1786 → 5.18)
struct grim_result {
    bool consistent = false;
    /// The whole totals T with T / n inside the mean's interval, in
    /// increasing order (the first eight at most, for the message).
    std::vector<big_int> totals;
};

/// GRIM (Brown & Heathers, 2016): a mean of `n` whole numbers, printed as
/// `mean_display` (rounded under `conv`; by default either way at a tie), is
/// possible only if some whole total T has T / n inside the mean's interval.
/// Decided exactly on rationals. Of 84 projects, a share of 89.3 % is
/// possible (75/84 = 89.29 %) and 89.4 % is not.
///
///     reckon::stats::grim(reckon::decimal::parse("5.19"), 28).consistent;   // false
[[nodiscard]] inline grim_result grim(const decimal& mean_display, std::uint64_t n,
                                      convention conv = convention::unknown_tie) {
    if (n == 0) {
        throw kind_error("reckon::stats::grim: a sample of zero");
    }
    const interval m = display_interval(mean_display, conv);
    const interval totals = m * interval::point(rational(big_int(n)));
    grim_result out;
    big_int k =
        decimal::round(totals.lower().value, 0, rounding_mode::ceiling).coefficient().to_big();
    if (totals.lower().open && rational(k) == totals.lower().value) {
        ++k;
    }
    for (int i = 0; i < 8 && totals.contains(rational(k)); ++i, ++k) {
        out.totals.push_back(k);
    }
    out.consistent = !out.totals.empty();
    return out;
}

/// The least sum of squares of `n` whole numbers that add up to `total`:
/// the numbers as equal as they can be, r of them ⌊T/n⌋ + 1 and the others
/// ⌊T/n⌋ (r = T − n·⌊T/n⌋).
///
///     reckon::stats::least_sum_of_squares(15, 10);   // 25: five 1s and five 2s
[[nodiscard]] inline big_int least_sum_of_squares(const big_int& total, std::uint64_t n) {
    if (n == 0) {
        throw kind_error("reckon::stats::least_sum_of_squares: a sample of zero");
    }
    const big_int nn(n);
    big_int a = total / nn; // truncates toward zero
    if (a * nn > total) {
        --a; // floor for a negative total
    }
    const big_int r = total - a * nn;
    return (nn - r) * a * a + r * (a + 1) * (a + 1);
}

/// The result of a GRIMMER test, with a witness when it passes.
///
///     auto g = reckon::stats::grimmer(decimal::parse("3.00"), decimal::parse("1.58"), 5);
///     g.consistent;        // true
///     *g.sum_of_squares;   // 55 (1, 2, 3, 4, 5: s² = (55 − 15²/5) / 4 = 2.5, s = 1.581)
struct grimmer_result {
    bool consistent = false;               ///< some whole data may have both figures
    bool mean_consistent = false;          ///< the mean alone passes GRIM
    std::optional<big_int> total;          ///< the least whole total T that fits both
    std::optional<big_int> sum_of_squares; ///< and a whole Σx² that goes with it
};

/// The most whole totals `grimmer` tries (a mean's interval times n): beyond
/// it, `kind_error`. Samples that large pass GRIMMER anyway.
inline constexpr std::uint64_t grimmer_max_totals = 1000000;

/// GRIMMER (Anaya, 2016): a mean and a sample standard deviation (n − 1) of
/// `n` whole numbers, both printed rounded under `conv`, are possible
/// together only if some whole total T passes GRIM and some whole sum of
/// squares Q gives s² = (Q − T²/n) / (n − 1) inside the printed deviation's
/// interval, where Q has the parity of T (x² ≡ x mod 2). reckon adds one
/// more necessary condition: Q is at least `least_sum_of_squares(T, n)`
/// (whole numbers adding up to T cannot be closer together), which rejects
/// deviations too small for whole data. Decided exactly on rationals. All
/// are necessary conditions: a pass says no contradiction was found, a
/// failure proves the pair impossible.
///
///     using reckon::decimal;
///     reckon::stats::grimmer(decimal::parse("3.00"), decimal::parse("1.50"), 5).consistent;
///     // false: Q must be 54 (s in [1.495, 1.505]), and T = 15 is odd
[[nodiscard]] inline grimmer_result grimmer(const decimal& mean_display, const decimal& sd_display,
                                            std::uint64_t n,
                                            convention conv = convention::unknown_tie) {
    if (n < 2) {
        throw kind_error("reckon::stats::grimmer needs a sample of at least two");
    }
    if (sd_display.sign() < 0) {
        throw kind_error("reckon::stats::grimmer: a standard deviation below zero");
    }
    const interval m = display_interval(mean_display, conv);
    const interval s = display_interval(sd_display, conv);
    const rational nn{big_int(n)};
    const interval totals = m * interval::point(nn);
    if (totals.upper().value - totals.lower().value > rational(big_int(grimmer_max_totals))) {
        throw kind_error("reckon::stats::grimmer: more than " + std::to_string(grimmer_max_totals) +
                         " whole totals to try");
    }
    // The deviation's interval, cut at zero: a cut end is closed (0 itself is possible).
    const bool lo_cut = s.lower().value < 0;
    const rational s_lo = lo_cut ? rational(0) : s.lower().value;
    const bool s_lo_open = !lo_cut && s.lower().open;
    const rational& s_hi = s.upper().value;
    grimmer_result out;
    big_int t =
        decimal::round(totals.lower().value, 0, rounding_mode::ceiling).coefficient().to_big();
    if (totals.lower().open && rational(t) == totals.lower().value) {
        ++t;
    }
    for (; totals.contains(rational(t)); ++t) {
        out.mean_consistent = true;
        const rational tt = rational(t * t) / nn;
        // s in [s_lo, s_hi] ⇔ Q in [(n − 1)·s_lo² + T²/n, (n − 1)·s_hi² + T²/n].
        const rational q_lo = (nn - 1) * s_lo * s_lo + tt;
        const rational q_hi = (nn - 1) * s_hi * s_hi + tt;
        big_int q = decimal::round(q_lo, 0, rounding_mode::ceiling).coefficient().to_big();
        if (s_lo_open && rational(q) == q_lo) {
            ++q;
        }
        const big_int least = least_sum_of_squares(t, n);
        if (q < least) {
            q = least;
        }
        if ((q - t) % 2 != 0) {
            ++q; // the sum of squares has the parity of the sum
        }
        const bool fits = s.upper().open ? rational(q) < q_hi : rational(q) <= q_hi;
        if (fits) {
            out.consistent = true;
            out.total = t;
            out.sum_of_squares = q;
            return out;
        }
    }
    return out;
}

} // namespace reckon::stats
