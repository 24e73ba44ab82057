// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/decimal.hpp>
#include <reckon/detail/small_rational.hpp>

#include <string>

namespace reckon::detail {

/// The power of ten that makes `value` a whole number when its denominator
/// has no prime factors but 2 and 5 (a terminating decimal); -1 otherwise.
[[nodiscard]] inline int terminating_digits(const rational& value) {
    big_int d = denominator(value);
    int twos = 0;
    int fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        ++twos;
    }
    while (d % 5 == 0) {
        d /= 5;
        ++fives;
    }
    if (d != 1) {
        return -1;
    }
    return twos > fives ? twos : fives;
}

/// Prints a rational exactly when it is a terminating decimal ("0.25",
/// "14820000000"), and otherwise to `digits` places after the point followed
/// by "…" ("0.805668…"). Never through binary floating point.
[[nodiscard]] inline std::string rational_str(const rational& value, int digits = 6) {
    const int t = terminating_digits(value);
    if (t >= 0 && t <= digits + 12) {
        return decimal::round(value, -t, rounding_mode::half_even).str();
    }
    std::string s = decimal::round(value, -digits, rounding_mode::toward_zero).str();
    // Trim trailing zeros of the truncated digits, keeping one digit.
    while (s.size() > 2 && s.back() == '0' && s[s.size() - 2] != '.') {
        s.pop_back();
    }
    return s + "…";
}

/// Prints a rational rounded to `exponent` (as a decimal with that
/// resolution) under `mode`: used to show an implied bound outward.
[[nodiscard]] inline std::string rounded_str(const rational& value, int exponent,
                                             rounding_mode mode) {
    return decimal::round(value, exponent, mode).str();
}

/// A count of last-digit steps for people: exact when whole ("3"),
/// otherwise to two places ("0.76").
[[nodiscard]] inline std::string steps_str(const rational& steps) {
    if (denominator(steps) == 1) {
        return numerator(steps).str();
    }
    return decimal::round(steps, -2, rounding_mode::half_even).str();
}

/// `rational_str` of a small rational: the same string.
[[nodiscard]] inline std::string rational_str(const small_rational& value, int digits = 6) {
    const int t = terminating_digits(value);
    if (t >= 0 && t <= digits + 12) {
        return round_decimal(value, -t, rounding_mode::half_even).str();
    }
    std::string s = round_decimal(value, -digits, rounding_mode::toward_zero).str();
    while (s.size() > 2 && s.back() == '0' && s[s.size() - 2] != '.') {
        s.pop_back();
    }
    return s + "…";
}

/// `steps_str` of a small rational: the same string.
[[nodiscard]] inline std::string steps_str(const small_rational& steps) {
    const small_rational r = steps.reduced();
    if (r.den() == 1) {
        return int128_str(r.num());
    }
    return round_decimal(r, -2, rounding_mode::half_even).str();
}

} // namespace reckon::detail
