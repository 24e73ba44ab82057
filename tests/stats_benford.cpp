// SPDX-License-Identifier: MIT
// Benford's law: Nigrini's expected proportions, his MAD conformity ranges, chi-square and its
// p-value (approximate by nature: compared with a tolerance, and never part of a verdict), the
// digits as printed, and the minimum amount of data.
#include <reckon/stats/benford.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

using reckon::decimal;
using reckon::stats::benford;
using reckon::stats::benford_digits;
using reckon::stats::conformity;

// Figures whose first digits have the given counts: count[d − 1] figures "d".
std::vector<decimal> with_first_digits(const std::vector<int>& counts) {
    std::vector<decimal> out;
    for (std::size_t d = 0; d < counts.size(); ++d) {
        for (int i = 0; i < counts[d]; ++i) {
            out.emplace_back(static_cast<std::int64_t>(d + 1));
        }
    }
    return out;
}

// 2^from … 2^to, a sequence known to follow Benford's law closely.
std::vector<decimal> powers_of_two(unsigned from, unsigned to) {
    std::vector<decimal> out;
    for (unsigned k = from; k <= to; ++k) {
        out.emplace_back(reckon::big_int(1) << k);
    }
    return out;
}

} // namespace

TEST_CASE("Benford: Nigrini's expected proportions") {
    const auto first = benford({}, benford_digits::first);
    // Nigrini (2012), table 5.1: 30.103 %, 17.609 %, 12.494 %, 9.691 %, 7.918 %, 6.695 %,
    // 5.799 %, 5.115 %, 4.576 % (log10(1 + 1/d)).
    const std::vector<double> first_percent{30.103, 17.609, 12.494, 9.691, 7.918,
                                            6.695,  5.799,  5.115,  4.576};
    REQUIRE(first.expected.size() == 9);
    double total = 0;
    for (std::size_t i = 0; i < 9; ++i) {
        CHECK(std::fabs(first.expected[i] * 100 - first_percent[i]) < 0.0005);
        total += first.expected[i];
    }
    CHECK(std::fabs(total - 1) < 1e-12);
    CHECK(first.first_digit == 1);
    // Second digits 0 … 9: 11.968 %, 11.389 %, 10.882 %, 10.433 %, 10.031 %, 9.668 %, 9.337 %,
    // 9.035 %, 8.757 %, 8.500 %.
    const auto second = benford({}, benford_digits::second);
    const std::vector<double> second_percent{11.968, 11.389, 10.882, 10.433, 10.031,
                                             9.668,  9.337,  9.035,  8.757,  8.500};
    REQUIRE(second.expected.size() == 10);
    total = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        CHECK(std::fabs(second.expected[i] * 100 - second_percent[i]) < 0.0005);
        total += second.expected[i];
    }
    CHECK(std::fabs(total - 1) < 1e-12);
    CHECK(second.first_digit == 0);
    // First two digits 10 … 99: 4.139 % for 10, 0.436 % for 99.
    const auto two = benford({}, benford_digits::first_two);
    REQUIRE(two.expected.size() == 90);
    CHECK(std::fabs(two.expected.front() * 100 - 4.139) < 0.0005);
    CHECK(std::fabs(two.expected.back() * 100 - 0.436) < 0.0005);
    total = 0;
    for (double p : two.expected) {
        total += p;
    }
    CHECK(std::fabs(total - 1) < 1e-12);
    CHECK(two.first_digit == 10);
    // No data: nothing to say.
    CHECK(first.n == 0);
    CHECK_FALSE(first.enough_data());
    CHECK(first.degrees_of_freedom == 8);
    CHECK(second.degrees_of_freedom == 9);
    CHECK(two.degrees_of_freedom == 89);
}

TEST_CASE("Benford: Nigrini's MAD conformity ranges") {
    using reckon::stats::nigrini_conformity;
    // First digits: 0.000–0.006 close, –0.012 acceptable, –0.015 marginal, above: nonconformity.
    CHECK(nigrini_conformity(0.0, benford_digits::first) == conformity::close);
    CHECK(nigrini_conformity(0.006, benford_digits::first) == conformity::close);
    CHECK(nigrini_conformity(0.0061, benford_digits::first) == conformity::acceptable);
    CHECK(nigrini_conformity(0.012, benford_digits::first) == conformity::acceptable);
    CHECK(nigrini_conformity(0.0121, benford_digits::first) == conformity::marginal);
    CHECK(nigrini_conformity(0.015, benford_digits::first) == conformity::marginal);
    CHECK(nigrini_conformity(0.0151, benford_digits::first) == conformity::nonconformity);
    // Second digits: 0.008 / 0.010 / 0.012.
    CHECK(nigrini_conformity(0.008, benford_digits::second) == conformity::close);
    CHECK(nigrini_conformity(0.009, benford_digits::second) == conformity::acceptable);
    CHECK(nigrini_conformity(0.011, benford_digits::second) == conformity::marginal);
    CHECK(nigrini_conformity(0.0121, benford_digits::second) == conformity::nonconformity);
    // First two digits: 0.0012 / 0.0018 / 0.0022.
    CHECK(nigrini_conformity(0.0012, benford_digits::first_two) == conformity::close);
    CHECK(nigrini_conformity(0.0015, benford_digits::first_two) == conformity::acceptable);
    CHECK(nigrini_conformity(0.0020, benford_digits::first_two) == conformity::marginal);
    CHECK(nigrini_conformity(0.0023, benford_digits::first_two) == conformity::nonconformity);
    CHECK(reckon::stats::to_string(conformity::marginal) == "marginally acceptable conformity");

    // Whole tests of 1000 first digits, moving figures from digit 1 to digit 9 (reference
    // values in 30-digit arithmetic):
    //   301 176 125 97 79 67 58 51 46   MAD 0.000101  close
    //   261 … 86  (40 moved)            MAD 0.008990  acceptable
    //   241 … 106 (60 moved)            MAD 0.013434  marginal
    //   221 … 126 (80 moved)            MAD 0.017879  nonconformity
    const std::vector<int> base{301, 176, 125, 97, 79, 67, 58, 51, 46};
    const std::vector<std::pair<int, double>> shifts{
        {0, 0.0001011163}, {40, 0.0089900052}, {60, 0.0134344496}, {80, 0.0178788941}};
    const std::vector<conformity> expected{conformity::close, conformity::acceptable,
                                           conformity::marginal, conformity::nonconformity};
    for (std::size_t i = 0; i < shifts.size(); ++i) {
        auto counts = base;
        counts.front() -= shifts[i].first;
        counts.back() += shifts[i].first;
        const auto r = benford(with_first_digits(counts));
        CAPTURE(shifts[i].first);
        CHECK(r.n == 1000);
        CHECK(r.enough_data());
        CHECK(std::fabs(r.mad - shifts[i].second) < 1e-9);
        CHECK(r.conformity == expected[i]);
    }
}

TEST_CASE("Benford: chi-square and its approximate p-value") {
    // 100 evenly spread numbers, 100, 109, 118, …, 991: first digits 12, 11, 11, 11, 11, 11, 11,
    // 11, 11 against 30.1, 17.6, 12.5, … expected. χ² = Σ (o − e)² / e = 38.14449315 (reference
    // value in 30-digit arithmetic), 8 degrees of freedom.
    std::vector<decimal> even;
    for (int x = 100; x < 1000; x += 9) {
        even.emplace_back(x);
    }
    const auto r = benford(even);
    CHECK(r.n == 100);
    CHECK(r.counts == std::vector<std::size_t>{12, 11, 11, 11, 11, 11, 11, 11, 11});
    CHECK(r.degrees_of_freedom == 8);
    CHECK(std::fabs(r.chi_square - 38.1444931501) < 1e-8);
    // For an even number of degrees of freedom k the upper tail is a finite sum:
    // Q = e^(−χ²/2) Σ_{j < k/2} (χ²/2)^j / j!, here with y = χ²/2:
    // e^(−y) (1 + y + y²/2 + y³/6) = 7.0793548e-6. The p-value is approximate (labelled so).
    const double y = r.chi_square / 2;
    const double closed_form = std::exp(-y) * (1 + y + y * y / 2 + y * y * y / 6);
    CHECK(std::fabs(closed_form - 7.0793548e-6) < 1e-12);
    CHECK(std::fabs(r.p_value - closed_form) < 1e-12);
    CHECK(std::fabs(r.mad - 0.0582355536) < 1e-9);
    CHECK(r.conformity == conformity::nonconformity);

    // The 5 % critical values of chi-square tables: 15.507 (8 degrees of freedom), 16.919 (9)
    // and 112.022 (89) each give p ≈ 0.0500.
    using reckon::stats::detail::upper_gamma_q;
    CHECK(std::fabs(upper_gamma_q(4, 15.507 / 2) - 0.0500052193) < 1e-8);
    CHECK(std::fabs(upper_gamma_q(4.5, 16.919 / 2) - 0.0499996409) < 1e-8);
    CHECK(std::fabs(upper_gamma_q(44.5, 112.022 / 2) - 0.0499999054) < 1e-8);
    CHECK(upper_gamma_q(4, 0) == 1);
}

TEST_CASE("Benford: powers of two conform closely") {
    // 2^0 … 2^999: first digits 301, 176, 125, 97, 79, 69, 56, 52, 45. The second-digit test
    // leaves out 1, 2, 4 and 8 (one digit): 996 figures; too few for the first-two-digit test
    // (1000 needed).
    const auto figures = powers_of_two(0, 999);
    const auto first = benford(figures, benford_digits::first);
    CHECK(first.counts == std::vector<std::size_t>{301, 176, 125, 97, 79, 69, 56, 52, 45});
    CHECK(first.conformity == conformity::close);
    CHECK(std::fabs(first.mad - 0.000678208512) < 1e-9);
    CHECK(std::fabs(first.chi_square - 0.158550576) < 1e-8);
    const auto second = benford(figures, benford_digits::second);
    CHECK(second.n == 996);
    CHECK(second.excluded == 4);
    CHECK(second.counts == std::vector<std::size_t>{120, 112, 109, 108, 98, 95, 94, 91, 83, 86});
    CHECK(second.conformity == conformity::close);
    const auto two = benford(figures, benford_digits::first_two);
    CHECK(two.n == 996);
    CHECK(two.minimum_n == 1000);
    CHECK_FALSE(two.enough_data());
    CHECK(std::fabs(two.mad - 0.000605560064) < 1e-9);
}

TEST_CASE("Benford: digits as printed") {
    using reckon::decimal;
    const std::vector<decimal> figures{
        decimal::parse("0.0123"), // 1, 2
        decimal::parse("-45"),    // 4, 5 (signs ignored)
        decimal::parse("7"),      // one digit: first-digit test only
        decimal::parse("0.30"),   // 3, 0 as printed
        decimal::parse("0.3"),    // one digit
        decimal(5, 3),            // 5,000 read as 5 × 10^3: prints 5000, so 5, 0
        decimal::parse("0.00"),   // zero: in no test
        decimal::parse("1,234"),  // 1, 2 → 12
    };
    const auto first = benford(figures, benford_digits::first);
    CHECK(first.n == 7);
    CHECK(first.excluded == 1);
    CHECK(first.counts == std::vector<std::size_t>{2, 0, 2, 1, 1, 0, 1, 0, 0});
    CHECK_FALSE(first.enough_data());
    const auto second = benford(figures, benford_digits::second);
    CHECK(second.n == 5);
    CHECK(second.excluded == 3);
    CHECK(second.counts == std::vector<std::size_t>{2, 0, 2, 0, 0, 1, 0, 0, 0, 0});
    const auto two = benford(figures, benford_digits::first_two);
    CHECK(two.counts[12 - 10] == 2);
    CHECK(two.counts[45 - 10] == 1);
    CHECK(two.counts[30 - 10] == 1);
    CHECK(two.counts[50 - 10] == 1);
}
