// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The interval of a figure as scaled integers, for the exact integer path of the relation
// checks (checker::prepare / checker::decide): no rational, no gcd, no allocation. Every value
// is n × 10^exponent / 2 in base units ("half steps"), so that the ends of a rounding interval,
// x ± r/2, are integers too. Anything the integer path does not cover (large or unusual
// figures, qualifiers other than about, units whose factor is not a power of ten) is left to
// the rational path, which stays the reference.

#include <reckon/figure.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>

namespace reckon::detail {

/// One end set of a figure or of a scaled input: ends and printed value in half steps, and
/// for each end whether it is open with rounding ties closed ([0]) and open ([1]).
struct scaled_term {
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    std::int64_t value = 0;
    bool lo_open[2] = {false, false};
    bool hi_open[2] = {false, false};
};

/// A figure as a `scaled_term` at a power of ten.
struct scaled_figure {
    scaled_term t;
    int exponent = 0;
};

/// Magnitudes the integer path accepts after scaling: products of two stay below 2^124, and
/// sums of up to 2^3 such products (never more than two here) stay inside an int128.
inline constexpr std::int64_t scaled_limit = std::int64_t{1} << 61;

[[nodiscard]] inline bool scaled_fits(std::int64_t v) noexcept {
    return v < scaled_limit && v > -scaled_limit;
}

/// v × 10^k, when it fits the integer path.
[[nodiscard]] inline bool scale_up(std::int64_t& v, int k) noexcept {
    if (k < 0 || static_cast<std::size_t>(k) >= pow10_table.size()) {
        return false;
    }
    std::int64_t r = 0;
    if (__builtin_mul_overflow(v, pow10_table[static_cast<std::size_t>(k)], &r) ||
        !scaled_fits(r)) {
        return false;
    }
    v = r;
    return true;
}

/// Every end and the value of a term times 10^k.
[[nodiscard]] inline bool scale_up(scaled_term& t, int k) noexcept {
    return scale_up(t.lo, k) && scale_up(t.hi, k) && scale_up(t.value, k);
}

/// Every end and the value of a term times m > 0.
[[nodiscard]] inline bool multiply(scaled_term& t, std::int64_t m) noexcept {
    for (std::int64_t* v : {&t.lo, &t.hi, &t.value}) {
        std::int64_t r = 0;
        if (__builtin_mul_overflow(*v, m, &r) || !scaled_fits(r)) {
            return false;
        }
        *v = r;
    }
    return true;
}

/// The term shifted by `off` (half steps).
[[nodiscard]] inline bool shift(scaled_term& t, std::int64_t off) noexcept {
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    std::int64_t value = 0;
    if (__builtin_add_overflow(t.lo, off, &lo) || __builtin_add_overflow(t.hi, off, &hi) ||
        __builtin_add_overflow(t.value, off, &value) || !scaled_fits(lo) || !scaled_fits(hi) ||
        !scaled_fits(value)) {
        return false;
    }
    t.lo = lo;
    t.hi = hi;
    t.value = value;
    return true;
}

/// −t: the ends swap, with their flags.
[[nodiscard]] inline scaled_term negated(const scaled_term& t) noexcept {
    scaled_term n;
    n.lo = -t.hi;
    n.hi = -t.lo;
    n.value = -t.value;
    for (int k = 0; k < 2; ++k) {
        n.lo_open[k] = t.hi_open[k];
        n.hi_open[k] = t.lo_open[k];
    }
    return n;
}

/// The power of ten that a positive factor is (亿 → 8, % → −2), without rational arithmetic.
[[nodiscard]] inline bool pow10_exponent(const rational& f, int& e) {
    if (f.sign() <= 0) {
        return false;
    }
    const big_int num = numerator(f);
    const big_int den = denominator(f);
    const bool whole = den == 1;
    if (!whole && num != 1) {
        return false;
    }
    const big_int& p = whole ? num : den;
    if (p > std::numeric_limits<std::int64_t>::max()) {
        return false;
    }
    const auto v = p.convert_to<std::int64_t>();
    for (std::size_t k = 0; k < pow10_table.size(); ++k) {
        if (pow10_table[k] == v) {
            e = whole ? static_cast<int>(k) : -static_cast<int>(k);
            return true;
        }
    }
    return false;
}

/// As `scale_figure`, with the unit's factor given as the power of ten `unit_exponent` (0: the
/// interval of the printed number itself, mirrored for a sign word, before any factor).
[[nodiscard]] inline bool scale_display(const figure& f, convention report_default,
                                        int unit_exponent, scaled_figure& out) {
    if (f.qualifier != qualifier::none && f.qualifier != qualifier::about) {
        return false;
    }
    if (!f.display.coefficient().is_small()) {
        return false;
    }
    const std::int64_t c = f.display.coefficient().small();
    if (!scaled_fits(c) || c >= scaled_limit / 4 || c <= -scaled_limit / 4) {
        return false;
    }
    const int e = f.display.exponent();
    if (e > 4000 || e < -4000) {
        return false;
    }
    const convention conv = f.qualifier == qualifier::about ? convention::unknown_tie
                                                            : f.effective_rounding(report_default);
    const int s = c > 0 ? 1 : (c < 0 ? -1 : 0);
    const std::int64_t v = 2 * c;
    scaled_term t;
    t.value = v;
    auto ends = [&t](std::int64_t lo, bool lo_open, std::int64_t hi, bool hi_open,
                     bool tie_sensitive) {
        t.lo = lo;
        t.hi = hi;
        t.lo_open[0] = lo_open;
        t.hi_open[0] = hi_open;
        t.lo_open[1] = lo_open || tie_sensitive;
        t.hi_open[1] = hi_open || tie_sensitive;
    };
    switch (conv) {
    case convention::exact: ends(v, false, v, false, false); break;
    case convention::truncated:
        if (s > 0) {
            ends(v, false, v + 2, true, false);
        } else if (s < 0) {
            ends(v - 2, true, v, false, false);
        } else {
            ends(-2, true, 2, true, false);
        }
        break;
    case convention::unknown_tie: ends(v - 1, false, v + 1, false, true); break;
    case convention::half_even: {
        const bool odd = c % 2 != 0;
        ends(v - 1, odd, v + 1, odd, true);
        break;
    }
    case convention::half_up:
    case convention::half_down: {
        const bool up = conv == convention::half_up;
        if (s == 0) {
            ends(-1, up, 1, up, true);
        } else {
            const bool lo_open = (s > 0) != up;
            ends(v - 1, lo_open, v + 1, !lo_open, true);
        }
        break;
    }
    }
    out.t = f.negated ? negated(t) : t;
    out.exponent = e + unit_exponent;
    return true;
}

/// The figure's interval as `display_interval` gives it (times the unit's factor, mirrored for
/// a sign word), in half steps of 10^exponent; false when the integer path does not cover it.
[[nodiscard]] inline bool scale_figure(const figure& f, convention report_default,
                                       scaled_figure& out) {
    if (f.qualifier != qualifier::none && f.qualifier != qualifier::about) {
        return false;
    }
    int unit_exponent = 0;
    if (!pow10_exponent(f.unit->factor, unit_exponent)) {
        return false;
    }
    return scale_display(f, report_default, unit_exponent, out);
}

/// An int128 as a big integer (the rare path: a miss in steps).
[[nodiscard]] inline big_int to_big(int128 v) {
    const bool negative = v < 0;
    // The magnitude as unsigned halves; −v of the most negative int128 never occurs here.
    const auto m = static_cast<uint128>(negative ? -v : v);
    big_int r(static_cast<std::uint64_t>(m >> 64U));
    r <<= 64U;
    r += static_cast<std::uint64_t>(m);
    return negative ? big_int(-r) : r;
}

} // namespace reckon::detail
