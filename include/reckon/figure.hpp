// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/decimal.hpp>
#include <reckon/interval.hpp>
#include <reckon/units.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace reckon {

/// The largest source text whose places a `source_span` holds: 4 GiB − 1 bytes.
inline constexpr std::size_t max_source_bytes = 0xffffffffU;

/// Where a figure stands in its source text: a byte offset and length into
/// the UTF-8 input, of at most `max_source_bytes` (32 bits each: a report may
/// hold a million figures).
///
///     auto s = reckon::source_span::at(120, 8);   // bytes 120 … 127
struct source_span {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;

    /// From byte positions; throws `std::length_error` past `max_source_bytes`
    /// (the readers refuse such inputs before, with an `input_error`).
    [[nodiscard]] static source_span at(std::size_t offset, std::size_t length) {
        if (offset > max_source_bytes || length > max_source_bytes - offset) {
            throw std::length_error("reckon: a place beyond 4 GiB of source text");
        }
        return {static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(length)};
    }
};

/// A figure as a report prints it: the exact printed number, its unit, how
/// it was rounded, the words that qualify it, its label and its place.
///
///     reckon::figure f = reckon::figure::parse("F2", "148.2", "亿元");
///     f.value();              // 14820000000 (yuan), exactly
///     f.resolution();         // 10000000
///     f.bounds(reckon::convention::half_up);   // [14815000000, 14825000000)
struct figure {
    figure() : negated(false), implied(false) {}

    std::string id;    ///< "F2": unique within a report
    std::string label; ///< the words that name it: "省外到位资金"
    std::string text;  ///< as it stands in the source: "148.2億元"
    decimal display;   ///< the printed number, with its printed sign
    unit_ref unit;     ///< shared: read it as `f.unit->symbol`; assign any `reckon::unit`
    std::optional<source_span> place;   ///< nothing for figures built in code
    std::optional<convention> rounding; ///< overrides the report's convention
    reckon::qualifier qualifier = qualifier::none;
    bool negated : 1; ///< the sign is carried by a word (下降 14.7 %, "fell 3 %"); false
    bool implied : 1; ///< a figure that a relation implies and the text does not print; false
    // (Members are ordered, and the flags are bits, for size: a report may hold a million
    // figures in 144 bytes each, strings of up to 15 bytes included.)

    /// Builds a figure from a printed number and a unit symbol; throws
    /// `input_error` for a number that does not parse or an unknown unit.
    [[nodiscard]] static figure parse(std::string id, std::string_view number,
                                      std::string_view unit_symbol, std::string label = {}) {
        figure f;
        f.id = std::move(id);
        f.label = std::move(label);
        f.display = decimal::parse(number);
        auto u = find_unit(unit_symbol);
        if (!u) {
            throw input_error(detail::quote_input(unit_symbol), 0, "unknown unit");
        }
        f.unit = std::move(*u);
        f.text = std::string(number) + std::string(unit_symbol);
        return f;
    }

    /// The printed number with the sign of its words: −14.7 for 下降 14.7 %.
    [[nodiscard]] decimal signed_display() const { return negated ? -display : display; }

    /// The exact value in the dimension's base unit (yuan, kg, fraction).
    [[nodiscard]] rational value() const { return signed_display().to_rational() * unit->factor; }

    /// One step of the last printed digit, in base units.
    [[nodiscard]] rational resolution() const {
        return display.resolution().to_rational() * unit->factor;
    }

    /// The convention that applies: the figure's own, else exact for plain
    /// counts (projects, firms, people), else the report's.
    [[nodiscard]] convention effective_rounding(convention report_default) const {
        if (rounding) {
            return *rounding;
        }
        if (unit->kind == kind::count && detail::is_one(unit->factor)) {
            return convention::exact;
        }
        return report_default;
    }

    /// The interval of true values, in base units.
    [[nodiscard]] interval bounds(convention report_default = convention::unknown_tie,
                                  ties tie = ties::closed) const {
        // The qualifier reads on the printed number, and a sign word then turns the interval
        // around: 下降 10 % 以上 (a fall of at least 10 %) is (−∞, −10 %], not [−10 %, ∞).
        // Rounding intervals and nearly / a_little_over mirror anyway, so for them this is
        // the interval of the signed display.
        const interval printed =
            display_interval(display, effective_rounding(report_default), qualifier, tie);
        return (negated ? -printed : printed) * interval::point(unit->factor);
    }

    /// Whether the printed value itself lies in the figure's interval ("more
    /// than 100" does not: it rules out the *exact* verdict).
    [[nodiscard]] bool display_is_possible(convention report_default) const {
        return bounds(report_default).contains(value());
    }
};

} // namespace reckon
