// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/decimal.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::stats {

/// Which digits a Benford test looks at: the first (1–9), the second (0–9)
/// or the first two (10–99).
///
///     reckon::stats::to_string(reckon::stats::benford_digits::first_two);   // "first two digits"
enum class benford_digits { first, second, first_two };

[[nodiscard]] constexpr std::string_view to_string(benford_digits d) noexcept {
    switch (d) {
    case benford_digits::first: return "first digit";
    case benford_digits::second: return "second digit";
    case benford_digits::first_two: return "first two digits";
    }
    return "first digit";
}

/// Nigrini's conformity ranges for the mean absolute deviation.
///
///     reckon::stats::to_string(reckon::stats::conformity::marginal);
///     // "marginally acceptable conformity"
enum class conformity { close, acceptable, marginal, nonconformity };

[[nodiscard]] constexpr std::string_view to_string(conformity c) noexcept {
    switch (c) {
    case conformity::close: return "close conformity";
    case conformity::acceptable: return "acceptable conformity";
    case conformity::marginal: return "marginally acceptable conformity";
    case conformity::nonconformity: return "nonconformity";
    }
    return "nonconformity";
}

/// A Benford's-law test of a set of figures. The counts are exact; the
/// expected proportions, chi-square, its p-value and the MAD are binary
/// floating point and APPROXIMATE BY NATURE (log10 is irrational): they
/// describe a distribution and never feed a consistency verdict. The
/// conformity and p-value mean something only with `enough_data()`.
///
///     auto r = reckon::stats::benford(figures);
///     if (r.enough_data()) { reckon::stats::to_string(r.conformity); }
struct benford_result {
    benford_digits digits = benford_digits::first;
    std::size_t n = 0;               ///< figures that took part
    std::size_t excluded = 0;        ///< zero, or too few digits for the test
    std::size_t first_digit = 1;     ///< the digit (or two-digit number) of counts[0]
    std::vector<std::size_t> counts; ///< observed counts, one per digit
    std::vector<double> expected;    ///< Benford proportions (approximate)
    double chi_square = 0;           ///< approximate
    int degrees_of_freedom = 0;
    double p_value = 1; ///< approximate (regularised upper gamma)
    double mad = 0;     ///< mean absolute deviation (approximate)
    reckon::stats::conformity conformity = conformity::close;
    std::size_t minimum_n = 0; ///< below this the test says it has too little data
    [[nodiscard]] bool enough_data() const noexcept { return n >= minimum_n; }
};

namespace detail {

// ln Γ(x) by the Lanczos approximation (g = 7, n = 9), for x > 0.
[[nodiscard]] inline double log_gamma(double x) {
    static const double c[] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                               771.32342877765313,   -176.61502916214059,   12.507343278686905,
                               -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    x -= 1;
    double a = c[0];
    const double t = x + 7.5;
    for (int i = 1; i < 9; ++i) {
        a += c[i] / (x + i);
    }
    return 0.5 * std::log(2 * 3.14159265358979323846) + (x + 0.5) * std::log(t) - t + std::log(a);
}

// Regularised upper incomplete gamma Q(a, x): series below a + 1, Lentz's
// continued fraction above.
[[nodiscard]] inline double upper_gamma_q(double a, double x) {
    if (x <= 0) {
        return 1;
    }
    const double lg = log_gamma(a);
    if (x < a + 1) {
        double sum = 1 / a;
        double term = sum;
        for (int n = 1; n < 1000; ++n) {
            term *= x / (a + n);
            sum += term;
            if (std::fabs(term) < std::fabs(sum) * 1e-15) {
                break;
            }
        }
        return 1 - sum * std::exp(-x + a * std::log(x) - lg);
    }
    const double tiny = 1e-300;
    double b = x + 1 - a;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 1000; ++i) {
        const double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::fabs(d) < tiny) {
            d = tiny;
        }
        c = b + an / c;
        if (std::fabs(c) < tiny) {
            c = tiny;
        }
        d = 1 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1) < 1e-15) {
            break;
        }
    }
    return std::exp(-x + a * std::log(x) - lg) * h;
}

} // namespace detail

/// Nigrini's MAD ranges (Nigrini 2012, table 7.1), each upper end inside its
/// range: first digit 0.006 / 0.012 / 0.015, second digit 0.008 / 0.010 /
/// 0.012, first two digits 0.0012 / 0.0018 / 0.0022; above the last,
/// nonconformity. Approximate by nature, like the MAD it reads.
///
///     reckon::stats::nigrini_conformity(0.0122, reckon::stats::benford_digits::first);
///     // conformity::marginal
[[nodiscard]] inline conformity nigrini_conformity(double mad, benford_digits digits) noexcept {
    double limits[3] = {0.006, 0.012, 0.015};
    switch (digits) {
    case benford_digits::first: break;
    case benford_digits::second:
        limits[0] = 0.008;
        limits[1] = 0.010;
        limits[2] = 0.012;
        break;
    case benford_digits::first_two:
        limits[0] = 0.0012;
        limits[1] = 0.0018;
        limits[2] = 0.0022;
        break;
    }
    return mad <= limits[0]   ? conformity::close
           : mad <= limits[1] ? conformity::acceptable
           : mad <= limits[2] ? conformity::marginal
                              : conformity::nonconformity;
}

/// Runs a Benford test over printed figures (their digits as printed,
/// leading zeros dropped: 0.0123 begins with 1, 2; signs ignored; zeros
/// excluded; a figure printed with one digit, such as 7 or 0.3, is excluded
/// from the second-digit and first-two-digit tests).
/// Conformity by Nigrini's MAD ranges (Nigrini 2012, table 7.1): first
/// digit 0.006 / 0.012 / 0.015, second digit 0.008 / 0.010 / 0.012, first
/// two digits 0.0012 / 0.0018 / 0.0022. Minimum data (a rule of thumb): 100
/// figures for the first and second digit, 1000 for the first two digits.
///
///     auto r = reckon::stats::benford(figures, reckon::stats::benford_digits::first);
///     r.counts[0];   // how many figures begin with 1
[[nodiscard]] inline benford_result benford(const std::vector<decimal>& figures,
                                            benford_digits digits = benford_digits::first) {
    benford_result out;
    out.digits = digits;
    std::size_t bins = 9;
    switch (digits) {
    case benford_digits::first:
        bins = 9;
        out.first_digit = 1;
        out.minimum_n = 100;
        break;
    case benford_digits::second:
        bins = 10;
        out.first_digit = 0;
        out.minimum_n = 100;
        break;
    case benford_digits::first_two:
        bins = 90;
        out.first_digit = 10;
        out.minimum_n = 1000;
        break;
    }
    out.counts.assign(bins, 0);
    for (const auto& f : figures) {
        if (f.is_zero()) {
            ++out.excluded;
            continue;
        }
        // The digits as printed: a display with a positive exponent ("5,000" read as
        // 5 × 10^3) prints its zeros.
        std::string s = f.coefficient().abs_digits();
        if (f.exponent() > 0 && s.size() < 2) {
            s += '0';
        }
        const auto d1 = static_cast<std::size_t>(s[0] - '0');
        if (digits == benford_digits::first) {
            ++out.counts[d1 - 1];
            ++out.n;
            continue;
        }
        if (s.size() < 2) {
            ++out.excluded;
            continue;
        }
        const auto d2 = static_cast<std::size_t>(s[1] - '0');
        if (digits == benford_digits::second) {
            ++out.counts[d2];
        } else {
            ++out.counts[d1 * 10 + d2 - 10];
        }
        ++out.n;
    }
    // Expected proportions.
    out.expected.assign(bins, 0.0);
    for (std::size_t i = 0; i < bins; ++i) {
        switch (digits) {
        case benford_digits::first:
            out.expected[i] = std::log10(1.0 + 1.0 / static_cast<double>(i + 1));
            break;
        case benford_digits::first_two:
            out.expected[i] = std::log10(1.0 + 1.0 / static_cast<double>(i + 10));
            break;
        case benford_digits::second: {
            double p = 0;
            for (int k = 1; k <= 9; ++k) {
                p += std::log10(1.0 + 1.0 / (10.0 * k + static_cast<double>(i)));
            }
            out.expected[i] = p;
            break;
        }
        }
    }
    out.degrees_of_freedom = static_cast<int>(bins) - 1;
    if (out.n == 0) {
        out.conformity = conformity::nonconformity;
        out.p_value = 1;
        return out;
    }
    const auto n = static_cast<double>(out.n);
    double chi = 0;
    double mad = 0;
    for (std::size_t i = 0; i < bins; ++i) {
        const double e = out.expected[i] * n;
        const double o = static_cast<double>(out.counts[i]);
        chi += (o - e) * (o - e) / e;
        mad += std::fabs(o / n - out.expected[i]);
    }
    out.chi_square = chi;
    out.mad = mad / static_cast<double>(bins);
    out.p_value = detail::upper_gamma_q(out.degrees_of_freedom / 2.0, chi / 2.0);
    out.conformity = nigrini_conformity(out.mad, digits);
    return out;
}

} // namespace reckon::stats
