// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// GCC 12 at -O2 reports a false -Wmaybe-uninitialized inside Boost 1.74's cpp_int (in
// boost::rational<cpp_int>::normalize, whenever a rational is built from two integers), even
// though Boost is a system header: silence it for Boost's lines only, or -Werror builds fail.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/multiprecision/cpp_int.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

namespace reckon {

/// Arbitrary-precision integer. Expression templates are off: `auto` on an
/// expression then holds a value, never a lazy reference to temporaries.
/// Values up to 128 bits live inside the object (no heap allocation).
using big_int = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<>,
                                              boost::multiprecision::et_off>;

/// Exact rational number (numerator and denominator in lowest terms), the
/// result of every division in reckon. Compare rationals, never doubles.
using rational = boost::multiprecision::number<
    boost::multiprecision::rational_adaptor<boost::multiprecision::cpp_int_backend<>>,
    boost::multiprecision::et_off>;

namespace detail {

/// The integers of reckon's rationals.
using int_backend = boost::multiprecision::cpp_int_backend<>;

// Boost.Multiprecision's `rational_adaptor` wraps a `boost::rational` in older releases (1.74:
// `data()`) and keeps its own terms in newer ones (1.81, 1.83: `num()`, `denom()`): read them
// either way.
template <class Adaptor>
[[nodiscard]] auto numerator_of(const Adaptor& a, int) -> decltype(a.num()) {
    return a.num();
}
template <class Adaptor>
[[nodiscard]] auto numerator_of(const Adaptor& a, long) // NOLINT(google-runtime-int)
    -> decltype((a.data().numerator().backend())) {
    return a.data().numerator().backend();
}
template <class Adaptor>
[[nodiscard]] auto denominator_of(const Adaptor& a, int) -> decltype(a.denom()) {
    return a.denom();
}
template <class Adaptor>
[[nodiscard]] auto denominator_of(const Adaptor& a, long) // NOLINT(google-runtime-int)
    -> decltype((a.data().denominator().backend())) {
    return a.data().denominator().backend();
}

/// A rational's numerator (signed), read in place: no cpp_int copy.
[[nodiscard]] inline const int_backend& numerator_backend(const rational& r) {
    return numerator_of(r.backend(), 0);
}
/// A rational's denominator (> 0), read in place: no cpp_int copy.
[[nodiscard]] inline const int_backend& denominator_backend(const rational& r) {
    return denominator_of(r.backend(), 0);
}

/// A rational's numerator and denominator as int64s, read from their limbs (no cpp_int
/// temporary), when each is below 2^63; false otherwise.
[[nodiscard]] inline bool small_terms(const rational& r, std::int64_t& n, std::int64_t& d) {
    const int_backend& num = numerator_backend(r);
    const int_backend& den = denominator_backend(r);
    static_assert(sizeof(boost::multiprecision::limb_type) == 8, "64-bit limbs");
    constexpr auto lim = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (num.size() != 1 || den.size() != 1 || num.limbs()[0] > lim || den.limbs()[0] > lim) {
        return false;
    }
    const auto magnitude = static_cast<std::int64_t>(num.limbs()[0]);
    n = num.isneg() ? -magnitude : magnitude;
    d = static_cast<std::int64_t>(den.limbs()[0]);
    return true;
}

/// Whether a rational is a whole number (its denominator is 1), read in place.
[[nodiscard]] inline bool is_whole(const rational& r) {
    const int_backend& den = denominator_backend(r);
    return den.size() == 1 && den.limbs()[0] == 1;
}

/// -1, 0 or 1 as a < b, a == b or a > b, by cross-multiplication (denominators are positive):
/// Boost.Rational's own comparison runs a continued-fraction expansion, a division per step.
[[nodiscard]] inline int compare(const rational& a, const rational& b) {
    using boost::multiprecision::backends::eval_multiply;
    const int_backend& xn = numerator_backend(a);
    const int_backend& xd = denominator_backend(a);
    const int_backend& yn = numerator_backend(b);
    const int_backend& yd = denominator_backend(b);
    if (xd.compare(yd) == 0) {
        const int c = xn.compare(yn);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    int_backend l;
    int_backend r;
    eval_multiply(l, xn, yd);
    eval_multiply(r, yn, xd);
    const int c = l.compare(r);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

/// Whether a rational is 1, read from its terms (no temporary: `v == 1` builds one).
[[nodiscard]] inline bool is_one(const rational& v) {
    const int_backend& num = numerator_backend(v);
    return is_whole(v) && num.size() == 1 && num.limbs()[0] == 1 && !num.isneg();
}

// Newer Boost releases let a rational's terms be written as they are; 1.74's keeps them in a
// private boost::rational, which reduces them on every assignment (a gcd and two divisions).
template <class Adaptor>
auto assign_terms(Adaptor& a, std::int64_t n, std::int64_t d, int)
    -> decltype(a.num() = n, a.denom() = d, true) {
    a.num() = n;
    a.denom() = d;
    return true;
}
template <class Adaptor>
bool assign_terms(Adaptor&, std::int64_t, std::int64_t, long) { // NOLINT(google-runtime-int)
    return false;
}

/// n / d as a `rational`, for n and d (> 0) already in lowest terms: no gcd is taken where
/// Boost lets the terms be written (1.81, 1.83); with 1.74 Boost reduces them once more.
[[nodiscard]] inline rational rational_in_lowest_terms(std::int64_t n, std::int64_t d) {
    rational r;
    if (!assign_terms(r.backend(), n, d, 0)) {
        r = rational(n, d);
    }
    return r;
}

/// 10^0 … 10^18, the powers of ten that fit an int64.
inline constexpr std::array<std::int64_t, 19> pow10_table = [] {
    std::array<std::int64_t, 19> t{};
    std::int64_t p = 1;
    for (auto& v : t) {
        v = p;
        if (p <= std::numeric_limits<std::int64_t>::max() / 10) {
            p *= 10;
        }
    }
    return t;
}();

/// 10^n as a big integer.
[[nodiscard]] inline big_int big_pow10(unsigned n) {
    if (n < pow10_table.size()) {
        return big_int(pow10_table[n]);
    }
    big_int r = 1;
    big_int base = 10;
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

/// An exact integer with an int64 fast path: arithmetic on values that fit
/// (and whose results fit, checked with the compiler's overflow builtins)
/// never touches cpp_int; anything larger falls back to it transparently.
/// A small value is the int64 itself; a larger one lives on the heap, so that
/// the object is 16 bytes (a report holds millions of them) and a small value
/// costs no cpp_int construction, copy or destruction.
class exact_int {
public:
    exact_int() noexcept : small_(0) {}
    explicit exact_int(std::int64_t v) noexcept : small_(v) {}
    explicit exact_int(const big_int& v) : small_(0) { assign(v); }
    explicit exact_int(big_int&& v) : small_(0) { assign(std::move(v)); }

    exact_int(const exact_int& other) : small_(0) {
        if (other.is_big_) {
            big_ = new big_int(*other.big_);
            is_big_ = true;
        } else {
            small_ = other.small_;
        }
    }
    exact_int(exact_int&& other) noexcept : small_(0) { steal(other); }
    exact_int& operator=(const exact_int& other) {
        if (this == &other) {
            return *this;
        }
        if (!other.is_big_) {
            set_small(other.small_);
        } else if (is_big_) {
            *big_ = *other.big_;
        } else {
            big_ = new big_int(*other.big_);
            is_big_ = true;
        }
        return *this;
    }
    exact_int& operator=(exact_int&& other) noexcept {
        if (this != &other) {
            destroy_big();
            steal(other);
        }
        return *this;
    }
    ~exact_int() { destroy_big(); }

    [[nodiscard]] bool is_small() const noexcept { return !is_big_; }
    /// The value, when `is_small()`.
    [[nodiscard]] std::int64_t small() const noexcept { return is_big_ ? 0 : small_; }

    [[nodiscard]] big_int to_big() const { return is_big_ ? *big_ : big_int(small_); }

    [[nodiscard]] int sign() const noexcept {
        if (is_big_) {
            return big_->sign();
        }
        return (small_ > 0) - (small_ < 0);
    }

    [[nodiscard]] bool is_zero() const noexcept { return sign() == 0; }

    /// Whether the value is even (for half-even rounding and its intervals).
    [[nodiscard]] bool is_even() const {
        if (is_big_) {
            return !boost::multiprecision::bit_test(abs(*big_), 0);
        }
        return (small_ % 2) == 0;
    }

    [[nodiscard]] exact_int operator-() const {
        if (!is_big_ && small_ != std::numeric_limits<std::int64_t>::min()) {
            return exact_int(-small_);
        }
        return exact_int(big_int(-to_big()));
    }

    friend exact_int operator+(const exact_int& a, const exact_int& b) {
        std::int64_t r = 0;
        if (!a.is_big_ && !b.is_big_ && !__builtin_add_overflow(a.small_, b.small_, &r)) {
            return exact_int(r);
        }
        return exact_int(big_int(a.to_big() + b.to_big()));
    }

    friend exact_int operator-(const exact_int& a, const exact_int& b) {
        std::int64_t r = 0;
        if (!a.is_big_ && !b.is_big_ && !__builtin_sub_overflow(a.small_, b.small_, &r)) {
            return exact_int(r);
        }
        return exact_int(big_int(a.to_big() - b.to_big()));
    }

    friend exact_int operator*(const exact_int& a, const exact_int& b) {
        std::int64_t r = 0;
        if (!a.is_big_ && !b.is_big_ && !__builtin_mul_overflow(a.small_, b.small_, &r)) {
            return exact_int(r);
        }
        return exact_int(big_int(a.to_big() * b.to_big()));
    }

    /// this × 10^n, exactly.
    [[nodiscard]] exact_int mul_pow10(unsigned n) const {
        if (n == 0) {
            return *this;
        }
        std::int64_t r = 0;
        if (!is_big_ && n < pow10_table.size() &&
            !__builtin_mul_overflow(small_, pow10_table[n], &r)) {
            return exact_int(r);
        }
        return exact_int(big_int(to_big() * big_pow10(n)));
    }

    friend int compare(const exact_int& a, const exact_int& b) {
        if (!a.is_big_ && !b.is_big_) {
            return (a.small_ > b.small_) - (a.small_ < b.small_);
        }
        const int c = a.to_big().compare(b.to_big());
        return (c > 0) - (c < 0);
    }
    friend bool operator==(const exact_int& a, const exact_int& b) { return compare(a, b) == 0; }
    friend bool operator!=(const exact_int& a, const exact_int& b) { return compare(a, b) != 0; }
    friend bool operator<(const exact_int& a, const exact_int& b) { return compare(a, b) < 0; }

    /// Decimal digits of |value| (no sign).
    [[nodiscard]] std::string abs_digits() const {
        if (!is_big_) {
            // Unsigned magnitude, so that INT64_MIN prints correctly.
            auto u = small_ < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(small_)
                                : static_cast<std::uint64_t>(small_);
            return std::to_string(u);
        }
        return abs(*big_).str();
    }

private:
    void destroy_big() noexcept {
        if (is_big_) {
            delete big_;
            is_big_ = false;
            small_ = 0;
        }
    }
    void set_small(std::int64_t v) noexcept {
        destroy_big();
        small_ = v;
    }
    // Takes the other's value and leaves it zero (small). `this` holds nothing on the heap.
    void steal(exact_int& other) noexcept {
        if (other.is_big_) {
            big_ = other.big_;
            is_big_ = true;
            other.is_big_ = false;
            other.small_ = 0;
        } else {
            small_ = other.small_;
        }
    }

    template <class BigInt>
    void assign(BigInt&& v) {
        if (v >= std::numeric_limits<std::int64_t>::min() &&
            v <= std::numeric_limits<std::int64_t>::max()) {
            set_small(v.template convert_to<std::int64_t>());
        } else if (is_big_) {
            *big_ = std::forward<BigInt>(v);
        } else {
            big_ = new big_int(std::forward<BigInt>(v));
            is_big_ = true;
        }
    }

    union {
        std::int64_t small_;
        big_int* big_; // owned, when is_big_
    };
    bool is_big_ = false;
};

} // namespace detail
} // namespace reckon
