// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// A rational on 128-bit integers for the full relation check (checker::check): the same exact
// values as `rational`, without cpp_int's allocation and without a gcd after every operation.
// A fraction is kept unreduced while its terms stay below 2^62 (so that every product of two
// terms, and every sum of two such products, fits an int128); past that it is reduced, and
// when it still does not fit, the operation throws `small_overflow` and the check is done again
// on `rational`, which stays the reference. Nothing here is inexact: it is exact or it throws.

#include <reckon/decimal.hpp>

#include <cstdint>
#include <string>

namespace reckon::detail {

__extension__ typedef __int128 int128;           // NOLINT: GCC and Clang's 128-bit integer
__extension__ typedef unsigned __int128 uint128; // NOLINT

/// Thrown when a `small_rational` cannot hold a value: the caller redoes the work on `rational`.
struct small_overflow {};

/// The digits of an int128, with a '-' when negative.
[[nodiscard]] inline std::string int128_str(int128 v) {
    const bool negative = v < 0;
    auto m = negative ? uint128(0) - static_cast<uint128>(v) : static_cast<uint128>(v);
    char buf[48];
    std::size_t i = sizeof(buf);
    do {
        buf[--i] = static_cast<char>('0' + static_cast<int>(m % 10U));
        m /= 10U;
    } while (m != 0U);
    if (negative) {
        buf[--i] = '-';
    }
    return std::string(buf + i, sizeof(buf) - i);
}

/// The greatest common divisor of two non-negative int128 values (binary, no division).
[[nodiscard]] inline uint128 gcd128(uint128 a, uint128 b) noexcept {
    if (a == 0U) {
        return b;
    }
    if (b == 0U) {
        return a;
    }
    if ((a >> 64U) == 0U && (b >> 64U) == 0U) {
        auto x = static_cast<std::uint64_t>(a);
        auto y = static_cast<std::uint64_t>(b);
        const int shift = __builtin_ctzll(x | y);
        x >>= __builtin_ctzll(x);
        while (y != 0U) {
            y >>= __builtin_ctzll(y);
            if (x > y) {
                const std::uint64_t t = x;
                x = y;
                y = t;
            }
            y -= x;
        }
        return uint128(x) << static_cast<unsigned>(shift);
    }
    auto ctz = [](uint128 v) {
        const auto low = static_cast<std::uint64_t>(v);
        return low != 0U ? __builtin_ctzll(low)
                         : 64 + __builtin_ctzll(static_cast<std::uint64_t>(v >> 64U));
    };
    const int shift = ctz(a | b);
    a >>= static_cast<unsigned>(ctz(a));
    while (b != 0U) {
        b >>= static_cast<unsigned>(ctz(b));
        if (a > b) {
            const uint128 t = a;
            a = b;
            b = t;
        }
        b -= a;
    }
    return a << static_cast<unsigned>(shift);
}

/// Rounds n / d (d > 0) to an integer under `mode`, as `round_quotient` does on big integers.
[[nodiscard]] inline int128 round_quotient128(int128 n, int128 d, rounding_mode mode) noexcept {
    return round_quotient_int(n, d, mode);
}

/// An exact rational n / d (d > 0) on int128 terms below 2^62, not always in lowest terms.
/// Arithmetic that would leave that range throws `small_overflow`.
///
///     const reckon::detail::small_rational a(1194, 1482);
///     (a * small_rational(100)).str();   // "19900/247", in lowest terms
class small_rational {
public:
    small_rational() noexcept = default;
    small_rational(std::int64_t v) : n_(v) { check(); } // NOLINT: as rational(0)
    small_rational(std::int64_t n, std::int64_t d) : n_(n), d_(d) {
        if (d_ < 0) {
            n_ = -n_;
            d_ = -d_;
        }
        fit();
    }
    /// A `rational` that fits; throws `small_overflow` otherwise.
    explicit small_rational(const rational& v) {
        // Below 2^62 each, read from the limbs.
        constexpr std::int64_t lim = std::int64_t{1} << 62U;
        std::int64_t n = 0;
        std::int64_t d = 1;
        if (!small_terms(v, n, d) || n >= lim || n <= -lim || d >= lim) {
            throw small_overflow{};
        }
        n_ = n;
        d_ = d;
    }
    /// The exact value of a decimal; throws `small_overflow` when it does not fit.
    [[nodiscard]] static small_rational of(const decimal& x) {
        if (!x.coefficient().is_small()) {
            throw small_overflow{};
        }
        const int e = x.exponent();
        if (e > 18 || e < -18) {
            throw small_overflow{};
        }
        small_rational r;
        r.n_ = x.coefficient().small();
        if (e >= 0) {
            r.n_ *= pow10_table[static_cast<std::size_t>(e)];
        } else {
            r.d_ = pow10_table[static_cast<std::size_t>(-e)];
        }
        r.fit();
        return r;
    }

    [[nodiscard]] int sign() const noexcept { return (n_ > 0) - (n_ < 0); }

    /// The same value in lowest terms, as `rational`.
    [[nodiscard]] rational to_rational() const {
        const small_rational r = reduced();
        if (r.d_ == 1 && fits64(r.n_)) {
            return rational(static_cast<std::int64_t>(r.n_)); // a whole number: no gcd to take
        }
        if (fits64(r.n_) && fits64(r.d_)) { // in lowest terms, d > 0: no gcd to take either
            return rational_in_lowest_terms(static_cast<std::int64_t>(r.n_),
                                            static_cast<std::int64_t>(r.d_));
        }
        throw small_overflow{}; // never: the terms are below 2^62
    }

    /// As `rational::str()`: "n" or "n/d" in lowest terms.
    [[nodiscard]] std::string str() const {
        const small_rational r = reduced();
        return r.d_ == 1 ? int128_str(r.n_) : int128_str(r.n_) + "/" + int128_str(r.d_);
    }

    /// The numerator and denominator in lowest terms.
    [[nodiscard]] small_rational reduced() const {
        small_rational r = *this;
        r.reduce();
        return r;
    }
    [[nodiscard]] int128 num() const noexcept { return n_; }
    [[nodiscard]] int128 den() const noexcept { return d_; }

    [[nodiscard]] small_rational operator-() const noexcept {
        small_rational r = *this;
        r.n_ = -r.n_;
        return r;
    }
    friend small_rational operator+(const small_rational& a, const small_rational& b) {
        small_rational r;
        if (a.d_ == b.d_) {
            r.n_ = a.n_ + b.n_;
            r.d_ = a.d_;
        } else {
            r.n_ = a.n_ * b.d_ + b.n_ * a.d_;
            r.d_ = a.d_ * b.d_;
        }
        r.fit();
        return r;
    }
    friend small_rational operator-(const small_rational& a, const small_rational& b) {
        return a + (-b);
    }
    friend small_rational operator*(const small_rational& a, const small_rational& b) {
        small_rational r;
        r.n_ = a.n_ * b.n_;
        r.d_ = a.d_ * b.d_;
        r.fit();
        return r;
    }
    friend small_rational operator/(const small_rational& a, const small_rational& b) {
        if (b.n_ == 0) {
            throw small_overflow{}; // as rational: let the reference path say what it says
        }
        small_rational r;
        r.n_ = a.n_ * b.d_;
        r.d_ = a.d_ * b.n_;
        if (r.d_ < 0) {
            r.n_ = -r.n_;
            r.d_ = -r.d_;
        }
        r.fit();
        return r;
    }
    small_rational& operator+=(const small_rational& b) { return *this = *this + b; }

    /// −1, 0 or 1 as a < b, a == b or a > b.
    [[nodiscard]] friend int compare(const small_rational& a, const small_rational& b) noexcept {
        if (a.d_ == b.d_) {
            return (a.n_ > b.n_) - (a.n_ < b.n_);
        }
        const int128 l = a.n_ * b.d_;
        const int128 r = b.n_ * a.d_;
        return (l > r) - (l < r);
    }
    friend bool operator==(const small_rational& a, const small_rational& b) noexcept {
        return compare(a, b) == 0;
    }
    friend bool operator!=(const small_rational& a, const small_rational& b) noexcept {
        return compare(a, b) != 0;
    }
    friend bool operator<(const small_rational& a, const small_rational& b) noexcept {
        return compare(a, b) < 0;
    }
    friend bool operator>(const small_rational& a, const small_rational& b) noexcept {
        return compare(a, b) > 0;
    }
    friend bool operator<=(const small_rational& a, const small_rational& b) noexcept {
        return compare(a, b) <= 0;
    }
    friend bool operator>=(const small_rational& a, const small_rational& b) noexcept {
        return compare(a, b) >= 0;
    }

private:
    static constexpr int128 limit = int128(1) << 62U;
    static bool fits64(int128 v) noexcept {
        return v <= int128(INT64_MAX) && v >= int128(INT64_MIN);
    }
    void reduce() noexcept {
        const uint128 g =
            gcd128(n_ < 0 ? uint128(0) - static_cast<uint128>(n_) : static_cast<uint128>(n_),
                   static_cast<uint128>(d_));
        if (g > 1U) {
            n_ /= static_cast<int128>(g);
            d_ /= static_cast<int128>(g);
        }
    }
    void check() const {
        if (n_ >= limit || n_ <= -limit || d_ >= limit) {
            throw small_overflow{};
        }
    }
    // Terms below 2^62 after every operation: reduced when needed, else out.
    void fit() {
        if (n_ == 0) {
            d_ = 1;
            return;
        }
        if (n_ >= limit || n_ <= -limit || d_ >= limit) {
            reduce();
            check();
        }
    }

    int128 n_ = 0;
    int128 d_ = 1;
};

/// -1, 0 or 1 as a < b, a == b or a > b (as `compare` on rationals).
inline int compare(const small_rational& a, const small_rational& b) noexcept;

/// The value of a decimal as `Number` (`rational` or `small_rational`).
template <class Number>
[[nodiscard]] Number number_of(const decimal& x);
template <>
[[nodiscard]] inline rational number_of<rational>(const decimal& x) {
    return x.to_rational();
}
template <>
[[nodiscard]] inline small_rational number_of<small_rational>(const decimal& x) {
    return small_rational::of(x);
}

/// A `rational` as `Number`.
template <class Number>
[[nodiscard]] Number number_from(const rational& v) {
    return Number(v);
}

/// A `Number` as `rational`.
[[nodiscard]] inline const rational& to_rational(const rational& v) noexcept { return v; }
[[nodiscard]] inline rational to_rational(const small_rational& v) { return v.to_rational(); }

/// `decimal::round` for a small rational: the same decimal.
[[nodiscard]] inline decimal round_decimal(const small_rational& value, int exponent,
                                           rounding_mode mode) {
    if (exponent > 18 || exponent < -18) {
        throw small_overflow{};
    }
    int128 n = value.num();
    int128 d = value.den();
    const int128 p = pow10_table[static_cast<std::size_t>(exponent < 0 ? -exponent : exponent)];
    int128 out = 0;
    if (exponent < 0) {
        if (__builtin_mul_overflow(n, p, &out)) {
            throw small_overflow{};
        }
        n = out;
    } else if (__builtin_mul_overflow(d, p, &out)) {
        throw small_overflow{};
    } else {
        d = out;
    }
    const int128 q = round_quotient128(n, d, mode);
    if (q <= int128(INT64_MAX) && q >= int128(INT64_MIN)) {
        return decimal(static_cast<std::int64_t>(q), exponent);
    }
    throw small_overflow{};
}
[[nodiscard]] inline decimal round_decimal(const rational& value, int exponent,
                                           rounding_mode mode) {
    return decimal::round(value, exponent, mode);
}

/// The power of ten that makes `value` a whole number when it is a terminating decimal; -1
/// otherwise (as `terminating_digits` on rationals).
[[nodiscard]] inline int terminating_digits(const small_rational& value) {
    auto d = static_cast<uint128>(value.reduced().den());
    const int twos = __builtin_ctzll(static_cast<std::uint64_t>(d)); // d < 2^62
    d >>= static_cast<unsigned>(twos);
    int fives = 0;
    while (d % 5U == 0U) {
        d /= 5U;
        ++fives;
    }
    if (d != 1U) {
        return -1;
    }
    return twos > fives ? twos : fives;
}

} // namespace reckon::detail
