// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/decimal.hpp>
#include <reckon/error.hpp>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reckon::stats {

/// One part of a table rounded to a fixed total.
///
///     auto t = reckon::stats::round_to_total({rational(1, 3), rational(2, 3)}, 0);
///     t.parts[0].plain.str();     // "0"
///     t.parts[0].display.str();   // "0"  (1/3 and 2/3 make 1: the larger remainder gets it)
struct rounded_part {
    rational exact;  ///< the part as given
    decimal plain;   ///< its plain rounding (half up, 四舍五入)
    decimal display; ///< what to print so that the displays add up to the total
    int moved = 0;   ///< display − plain, in steps of the resolution (−1, 0 or +1)
};

/// Parts rounded so that their displays add up exactly to a displayed total.
///
///     auto t = reckon::stats::round_to_total({rational(1, 3), rational(1, 3), rational(1, 3)},
///     -1); t.total.str();       // "1.0" t.plain_sum.str();   // "0.9": the plain roundings do not
///     add up
struct rounded_table {
    std::vector<rounded_part> parts;
    decimal total;         ///< the displayed total the parts add up to
    decimal plain_sum;     ///< Σ of the plain roundings (may differ from `total`)
    std::size_t moved = 0; ///< how many parts left their plain rounding
};

/// The displayed totals that parts can be rounded to, each part to one of the
/// two steps around it: from Σ ⌊part⌋ to Σ ⌊part⌋ + n steps at the resolution
/// 10^exponent (a part exactly on a step may still take the step above).
///
///     auto r = reckon::stats::reachable_totals({rational(1, 3), rational(1, 3)}, -1);
///     r.first.str();    // "0.6"
///     r.second.str();   // "0.8"
[[nodiscard]] inline std::pair<decimal, decimal>
reachable_totals(const std::vector<rational>& parts, int exponent) {
    decimal lowest(0, exponent);
    for (const auto& p : parts) {
        lowest += decimal::round(p, exponent, rounding_mode::floor);
    }
    const decimal highest(lowest.coefficient().to_big() +
                              big_int(static_cast<unsigned long long>(parts.size())),
                          exponent);
    return {lowest, highest};
}

/// Rounds `parts` to the resolution 10^exponent so that the displays add up
/// exactly to the displayed total, by the largest-remainder method (Hamilton;
/// what controlled rounding does for published tables): every part is first
/// rounded down, then the steps still missing from the total go to the parts
/// with the largest remainders (ties to the earlier part). Each display is
/// one of the two steps around its part, so it stays within one step of the
/// part's plain rounding (half up).
///
/// The total is the plain rounding of the exact sum unless `total` is given.
/// A given total must be a display at the resolution (a multiple of
/// 10^exponent) and within `reachable_totals`, else `input_error`.
///
///     auto t = reckon::stats::round_to_total(
///         {rational(1, 3), rational(1, 3), rational(1, 3)}, -1);   // to 0.1
///     // displays 0.4, 0.3, 0.3 adding to 1.0; the first moved up one step
[[nodiscard]] inline rounded_table round_to_total(const std::vector<rational>& parts, int exponent,
                                                  std::optional<decimal> total = std::nullopt) {
    rounded_table out;
    const rational step = decimal(1, exponent).to_rational();
    rational exact_sum = 0;
    std::vector<big_int> floors;
    std::vector<rational> remainders;
    big_int floor_sum = 0;
    for (const auto& p : parts) {
        exact_sum += p;
        const decimal f = decimal::round(p, exponent, rounding_mode::floor);
        const big_int k = f.coefficient().to_big();
        floors.push_back(k);
        remainders.push_back(p / step - rational(k));
        floor_sum += k;
        rounded_part rp;
        rp.exact = p;
        rp.plain = decimal::round(p, exponent, rounding_mode::half_up);
        out.parts.push_back(rp);
    }
    if (total) {
        const decimal at_step = total->round(exponent, rounding_mode::half_up);
        if (at_step != *total) {
            throw input_error("round_to_total", 0,
                              "the total " + total->str() + " is not a display at the resolution " +
                                  decimal(1, exponent).str());
        }
        out.total = at_step;
    } else {
        out.total = decimal::round(exact_sum, exponent, rounding_mode::half_up);
    }
    const big_int target = out.total.coefficient().to_big();
    const big_int missing = target - floor_sum;
    if (missing < 0 || missing > big_int(static_cast<unsigned long long>(parts.size()))) {
        const auto range = reachable_totals(parts, exponent);
        throw input_error("round_to_total", 0,
                          "the total " + out.total.str() +
                              " cannot be reached by rounding each part to a neighbouring step "
                              "(the parts can add up to " +
                              range.first.str() + " … " + range.second.str() + ")");
    }
    std::vector<std::size_t> order(parts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
    const auto up = missing.convert_to<std::size_t>();
    std::vector<bool> gets_step(parts.size(), false);
    for (std::size_t i = 0; i < up; ++i) {
        gets_step[order[i]] = true;
    }
    decimal plain_sum(0, exponent);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto& rp = out.parts[i];
        rp.display = decimal(big_int(floors[i] + (gets_step[i] ? 1 : 0)), exponent);
        const big_int diff = rp.display.coefficient().to_big() - rp.plain.coefficient().to_big();
        rp.moved = diff.convert_to<int>();
        if (rp.moved != 0) {
            ++out.moved;
        }
        plain_sum += rp.plain;
    }
    out.plain_sum = plain_sum;
    return out;
}

/// The same for parts given as printed decimals.
///
///     using reckon::decimal;
///     auto t = reckon::stats::round_to_total(
///         std::vector<decimal>{decimal::parse("12.46"), decimal::parse("87.54")}, 0);
///     // 12 and 88, adding to 100
[[nodiscard]] inline rounded_table round_to_total(const std::vector<decimal>& parts, int exponent,
                                                  std::optional<decimal> total = std::nullopt) {
    std::vector<rational> r;
    r.reserve(parts.size());
    for (const auto& p : parts) {
        r.push_back(p.to_rational());
    }
    return round_to_total(r, exponent, std::move(total));
}

} // namespace reckon::stats
