// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/detail/exact_int.hpp>
#include <reckon/error.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace reckon {

/// How a value is rounded to a resolution. `half_up` is 四舍五入, the usual
/// official rule: ties go away from zero (−0.05 → −0.1). `half_even` is
/// GB/T 8170's rule and IEEE's round-half-to-even, by absolute value.
enum class rounding_mode {
    half_up,        ///< ties away from zero (四舍五入)
    half_even,      ///< ties to the even neighbour (GB/T 8170, banker's rounding)
    half_down,      ///< ties toward zero
    toward_zero,    ///< truncation
    away_from_zero, ///< up in magnitude
    floor,          ///< toward −∞
    ceiling,        ///< toward +∞
};

/// Limits on decimals built from text, so that hostile input gets a clear
/// error instead of a hang: at most `max_digits` significant digits, and a
/// power of ten (from a scale word or an exponent) of at most
/// `max_exponent` in magnitude. `decimal::parse` enforces both ("more than
/// 1000 digits in one number"): the exponent of a parsed number is minus its
/// digits after the point, and the scales of units (units.hpp) are a fixed
/// table from 10^-3 to 10^12; nothing reads an exponent from text.
inline constexpr std::size_t max_digits = 1000;
inline constexpr int max_exponent = 1000;
static_assert(max_digits <= static_cast<std::size_t>(max_exponent),
              "a parsed number's exponent must stay within max_exponent");

namespace detail {

/// Rounds the quotient n / d (d > 0) to an integer under `mode`.
[[nodiscard]] inline big_int round_quotient(const big_int& n, const big_int& d,
                                            rounding_mode mode) {
    big_int q = n / d; // truncates toward zero
    big_int r = n - q * d;
    if (r == 0) {
        return q;
    }
    const int s = n.sign(); // the direction away from zero
    const big_int twice = abs(r) * 2;
    const int half = twice.compare(d); // <0 below half, 0 tie, >0 above
    bool away = false;
    switch (mode) {
    case rounding_mode::half_up: away = half >= 0; break;
    case rounding_mode::half_down: away = half > 0; break;
    case rounding_mode::half_even:
        away = half > 0 || (half == 0 && boost::multiprecision::bit_test(abs(q), 0));
        break;
    case rounding_mode::toward_zero: away = false; break;
    case rounding_mode::away_from_zero: away = true; break;
    case rounding_mode::floor: away = s < 0; break;
    case rounding_mode::ceiling: away = s > 0; break;
    }
    if (away) {
        q += s;
    }
    return q;
}

/// Same for built-in integers (int64, int128; d > 0), without touching cpp_int. |r| < d, so
/// 2|r| is compared with d as |r| with d − |r|, without overflow.
template <class Int>
[[nodiscard]] constexpr Int round_quotient_int(Int n, Int d, rounding_mode mode) noexcept {
    const Int q = n / d;
    const Int r = n % d;
    if (r == 0) {
        return q;
    }
    const Int s = n < 0 ? -1 : 1;
    const Int ar = r < 0 ? -r : r;
    const int half = ar > d - ar ? 1 : (ar == d - ar ? 0 : -1);
    bool away = false;
    switch (mode) {
    case rounding_mode::half_up: away = half >= 0; break;
    case rounding_mode::half_down: away = half > 0; break;
    case rounding_mode::half_even: away = half > 0 || (half == 0 && (q % 2) != 0); break;
    case rounding_mode::toward_zero: away = false; break;
    case rounding_mode::away_from_zero: away = true; break;
    case rounding_mode::floor: away = s < 0; break;
    case rounding_mode::ceiling: away = s > 0; break;
    }
    return away ? q + s : q;
}

/// `round_quotient` for int64 operands (d > 0).
[[nodiscard]] inline std::int64_t round_quotient(std::int64_t n, std::int64_t d,
                                                 rounding_mode mode) noexcept {
    return round_quotient_int(n, d, mode);
}

/// Reads one UTF-8 code point at s[i]; returns 0 length on invalid input.
struct code_point {
    char32_t value = 0;
    std::size_t length = 0;
};

[[nodiscard]] inline code_point decode_utf8(std::string_view s, std::size_t i) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        return {b0, 1};
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0U) == 0xC0U) {
        len = 2;
        cp = b0 & 0x1FU;
        min = 0x80;
    } else if ((b0 & 0xF0U) == 0xE0U) {
        len = 3;
        cp = b0 & 0x0FU;
        min = 0x800;
    } else if ((b0 & 0xF8U) == 0xF0U) {
        len = 4;
        cp = b0 & 0x07U;
        min = 0x10000;
    } else {
        return {};
    }
    if (i + len > s.size()) {
        return {};
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0U) != 0x80U) {
            return {};
        }
        cp = (cp << 6U) | (b & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return {}; // overlong, out of range, or a surrogate
    }
    return {cp, len};
}

/// The digit value of an ASCII or full-width digit, or -1.
[[nodiscard]] constexpr int digit_value(char32_t c) noexcept {
    if (c >= U'0' && c <= U'9') {
        return static_cast<int>(c - U'0');
    }
    if (c >= U'\uFF10' && c <= U'\uFF19') {
        return static_cast<int>(c - U'\uFF10');
    }
    return -1;
}

[[nodiscard]] constexpr bool is_minus(char32_t c) noexcept {
    return c == U'-' || c == U'\u2212' || c == U'\uFF0D';
}
[[nodiscard]] constexpr bool is_plus(char32_t c) noexcept { return c == U'+' || c == U'\uFF0B'; }
[[nodiscard]] constexpr bool is_point(char32_t c) noexcept { return c == U'.' || c == U'\uFF0E'; }
[[nodiscard]] constexpr bool is_group_separator(char32_t c) noexcept {
    return c == U',' || c == U'\uFF0C';
}

[[nodiscard]] constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// The fast path of `decimal::parse_into`, for the usual printed number: ASCII
/// digits, an optional ASCII sign, well-formed `,` groups, an optional `.`
/// with digits after it, and at most 18 digits in all (so the value fits an
/// int64). It accepts exactly what the general parser accepts among such
/// inputs, with the same value; for anything else it returns false and
/// writes nothing, and the general parser decides (and words any error).
[[nodiscard]] inline bool parse_ascii_fast(std::string_view text, std::int64_t& coefficient,
                                           int& exponent) noexcept {
    constexpr int max_fast_digits = 18;
    const char* p = text.data();
    const char* const end = p + text.size();
    if (p == end) {
        return false;
    }
    const bool negative = *p == '-';
    if (negative || *p == '+') {
        ++p;
    }
    const char* const first = p;
    std::int64_t v = 0;
    int digits = 0;
    while (p != end && is_ascii_digit(*p)) {
        if (++digits > max_fast_digits) {
            return false;
        }
        v = v * 10 + (*p - '0');
        ++p;
    }
    if (digits == 0) {
        return false;
    }
    if (p != end && *p == ',') {
        if (digits > 3 || *first == '0') {
            return false;
        }
        do {
            ++p; // the separator
            if (end - p < 3 || !is_ascii_digit(p[0]) || !is_ascii_digit(p[1]) ||
                !is_ascii_digit(p[2])) {
                return false;
            }
            digits += 3;
            if (digits > max_fast_digits) {
                return false;
            }
            v = v * 1000 + (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
            p += 3;
        } while (p != end && *p == ',');
        if (p != end && is_ascii_digit(*p)) {
            return false; // a group of more than three digits
        }
    }
    int frac = 0;
    if (p != end && *p == '.') {
        ++p;
        while (p != end && is_ascii_digit(*p)) {
            if (++digits > max_fast_digits) {
                return false;
            }
            v = v * 10 + (*p - '0');
            ++frac;
            ++p;
        }
        if (frac == 0) {
            return false;
        }
    }
    if (p != end) {
        return false;
    }
    coefficient = negative ? -v : v;
    exponent = -frac;
    return true;
}

/// An input as an error message shows it: its first 40 bytes at most, cut at a
/// character boundary and followed by "…" when cut, with each byte that is not
/// valid UTF-8 shown as `\xNN`, so that the message itself is always valid
/// UTF-8 (JSON output needs that).
[[nodiscard]] inline std::string excerpt(std::string_view s) {
    constexpr std::size_t shown = 40;
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const code_point cp = decode_utf8(s, i);
        const std::size_t len = cp.length == 0 ? 1 : cp.length;
        if (i + len > shown) {
            break;
        }
        if (cp.length == 0) {
            const auto b = static_cast<unsigned char>(s[i]);
            out += "\\x";
            out += hex[b >> 4U];
            out += hex[b & 0xFU];
        } else {
            out.append(s.substr(i, len));
        }
        i += len;
    }
    if (i < s.size()) {
        out += "…";
    }
    return out;
}

/// Quotes an input for an error message: `input "<excerpt>"`.
[[nodiscard]] inline std::string quote_input(std::string_view s) {
    return "input \"" + excerpt(s) + '"';
}

} // namespace detail

/// An exact decimal that remembers how it was printed: the value is
/// `coefficient × 10^exponent`, and `10^exponent` is the resolution of its
/// last printed digit. `148.2` and `148.20` are equal in value and differ in
/// resolution (0.1 and 0.01); `same_display` tells them apart.
///
///     auto a = reckon::decimal::parse("119.4");
///     auto b = reckon::decimal::parse("28.8");
///     (a + b).str();                      // "148.2", exactly; no binary floating point
///     reckon::decimal::parse("1,234.50").resolution().str();   // "0.01"
///
/// Values that fit an int64 coefficient take a fast path with checked
/// overflow; anything larger is a Boost.Multiprecision cpp_int, invisibly.
class decimal {
public:
    /// Zero, with resolution 1.
    decimal() noexcept = default;

    /// coefficient × 10^exponent: `decimal(1482, -1)` is 148.2.
    explicit decimal(std::int64_t coefficient, int exponent = 0) noexcept
        : coefficient_(coefficient), exponent_(exponent) {}
    explicit decimal(const big_int& coefficient, int exponent = 0)
        : coefficient_(coefficient), exponent_(exponent) {}
    decimal(detail::exact_int coefficient, int exponent)
        : coefficient_(std::move(coefficient)), exponent_(exponent) {}

    /// Parses a printed number: ASCII or full-width digits; an optional sign
    /// (`+`, `-`, `−` U+2212, full-width `＋` `－`); thousands separators
    /// (`,` or `，`) only in well-formed groups of three before the point, and
    /// never after a leading 0 ("0,125" is a decimal comma, an error here);
    /// `.` or `．` as the point. Throws `input_error` naming the offending
    /// byte. At most `max_digits` digits.
    [[nodiscard]] static decimal parse(std::string_view text) {
        std::int64_t coefficient = 0;
        int exponent = 0;
        if (detail::parse_ascii_fast(text, coefficient, exponent)) {
            return decimal(coefficient, exponent);
        }
        decimal out;
        if (auto err = parse_into(text, out)) {
            throw input_error(detail::quote_input(text), err->offset, err->reason);
        }
        return out;
    }

    /// Like `parse`, but returns nothing instead of throwing.
    [[nodiscard]] static std::optional<decimal> try_parse(std::string_view text) {
        decimal out;
        if (parse_into(text, out)) {
            return std::nullopt;
        }
        return out;
    }

    struct parse_failure {
        std::size_t offset;
        std::string reason;
    };

    /// The parser itself: fills `out` and returns nothing on success, or the
    /// byte offset and reason of the first problem.
    [[nodiscard]] static std::optional<parse_failure> parse_into(std::string_view text,
                                                                 decimal& out);

    [[nodiscard]] const detail::exact_int& coefficient() const noexcept { return coefficient_; }
    [[nodiscard]] int exponent() const noexcept { return exponent_; }
    [[nodiscard]] int sign() const noexcept { return coefficient_.sign(); }
    [[nodiscard]] bool is_zero() const noexcept { return coefficient_.is_zero(); }

    /// 10^exponent: the value of one step in the last printed digit.
    [[nodiscard]] decimal resolution() const noexcept { return decimal(1, exponent_); }

    /// The exact value as a rational.
    [[nodiscard]] rational to_rational() const {
        if (exponent_ >= 0) {
            return rational(coefficient_.to_big() *
                            detail::big_pow10(static_cast<unsigned>(exponent_)));
        }
        return rational(coefficient_.to_big(),
                        detail::big_pow10(static_cast<unsigned>(-exponent_)));
    }

    /// The value times 10^n, exactly, with the resolution moved along:
    /// `decimal::parse("148.2").scaled(8)` is 14820000000 with resolution 10^7.
    [[nodiscard]] decimal scaled(int n) const { return decimal(coefficient_, exponent_ + n); }

    /// The same value printed with `exponent` (≤ the current one): 148.2 →
    /// 148.20. Exact; to coarsen a value, use `round`.
    [[nodiscard]] decimal with_exponent(int exponent) const {
        if (exponent > exponent_) {
            throw std::invalid_argument("decimal::with_exponent cannot coarsen; use round()");
        }
        return decimal(coefficient_.mul_pow10(static_cast<unsigned>(exponent_ - exponent)),
                       exponent);
    }

    /// Rounds to the resolution 10^exponent under `mode` (a finer exponent
    /// only appends zeros).
    [[nodiscard]] decimal round(int exponent, rounding_mode mode) const {
        if (exponent <= exponent_) {
            return with_exponent(exponent);
        }
        const auto k = static_cast<unsigned>(exponent - exponent_);
        if (coefficient_.is_small() && k < detail::pow10_table.size()) {
            return decimal(
                detail::round_quotient(coefficient_.small(), detail::pow10_table[k], mode),
                exponent);
        }
        return decimal(detail::round_quotient(coefficient_.to_big(), detail::big_pow10(k), mode),
                       exponent);
    }

    /// Rounds an exact rational to the resolution 10^exponent under `mode`:
    /// `decimal::round(rational(1194, 1482) * 100, -1, half_up)` is 80.6.
    [[nodiscard]] static decimal round(const rational& value, int exponent, rounding_mode mode) {
        big_int n = numerator(value);
        big_int d = denominator(value);
        if (exponent < 0) {
            n *= detail::big_pow10(static_cast<unsigned>(-exponent));
        } else {
            d *= detail::big_pow10(static_cast<unsigned>(exponent));
        }
        return decimal(detail::round_quotient(n, d, mode), exponent);
    }

    /// Removes trailing zeros from the coefficient (the value unchanged,
    /// the resolution as coarse as the value allows): 148.20 → 148.2, 0.0 → 0.
    [[nodiscard]] decimal normalized() const {
        if (is_zero()) {
            return decimal(0, 0);
        }
        std::string digits = coefficient_.abs_digits();
        std::size_t zeros = 0;
        while (zeros + 1 < digits.size() && digits[digits.size() - 1 - zeros] == '0') {
            ++zeros;
        }
        return zeros == 0 ? *this
                          : round(exponent_ + static_cast<int>(zeros), rounding_mode::toward_zero);
    }

    /// Prints the value at its own resolution: "148.20", "-0.09",
    /// "14820000000" (a positive exponent prints its zeros). No separators.
    [[nodiscard]] std::string str() const {
        std::string digits = coefficient_.abs_digits();
        std::string out;
        if (coefficient_.sign() < 0) {
            out += '-';
        }
        if (exponent_ >= 0) {
            out += digits;
            if (!coefficient_.is_zero()) {
                out.append(static_cast<std::size_t>(exponent_), '0');
            }
            return out;
        }
        const auto frac = static_cast<std::size_t>(-exponent_);
        if (digits.size() <= frac) {
            digits.insert(0, frac - digits.size() + 1, '0');
        }
        out.append(digits, 0, digits.size() - frac);
        out += '.';
        out.append(digits, digits.size() - frac, frac);
        return out;
    }

    /// Equal value and equal resolution: what was printed was the same.
    [[nodiscard]] friend bool same_display(const decimal& a, const decimal& b) {
        return a.exponent_ == b.exponent_ && a.coefficient_ == b.coefficient_;
    }

    [[nodiscard]] decimal operator-() const { return decimal(-coefficient_, exponent_); }

    /// Exact sum; the resolution is the finer of the two.
    friend decimal operator+(const decimal& a, const decimal& b) {
        if (a.exponent_ == b.exponent_) {
            return decimal(a.coefficient_ + b.coefficient_, a.exponent_);
        }
        if (a.exponent_ < b.exponent_) {
            return decimal(a.coefficient_ + b.coefficient_.mul_pow10(
                                                static_cast<unsigned>(b.exponent_ - a.exponent_)),
                           a.exponent_);
        }
        return decimal(a.coefficient_.mul_pow10(static_cast<unsigned>(a.exponent_ - b.exponent_)) +
                           b.coefficient_,
                       b.exponent_);
    }
    friend decimal operator-(const decimal& a, const decimal& b) { return a + (-b); }
    /// Exact product; resolutions multiply (0.1 × 0.01 → 0.001).
    friend decimal operator*(const decimal& a, const decimal& b) {
        return decimal(a.coefficient_ * b.coefficient_, a.exponent_ + b.exponent_);
    }
    /// In place, without temporaries when both coefficients and the result fit an int64 (a
    /// running sum of printed figures).
    decimal& operator+=(const decimal& b) {
        if (!add_small(b, false)) {
            *this = *this + b;
        }
        return *this;
    }
    decimal& operator-=(const decimal& b) {
        if (!add_small(b, true)) {
            *this = *this - b;
        }
        return *this;
    }
    decimal& operator*=(const decimal& b) { return *this = *this * b; }

    /// Exact quotient as a rational. Throws `kind_error` on division by zero.
    [[nodiscard]] friend rational divide(const decimal& a, const decimal& b) {
        if (b.is_zero()) {
            throw kind_error("reckon::divide: division by zero");
        }
        return a.to_rational() / b.to_rational();
    }
    /// Quotient rounded to the resolution 10^exponent under `mode`.
    [[nodiscard]] friend decimal divide(const decimal& a, const decimal& b, int exponent,
                                        rounding_mode mode) {
        return round(divide(a, b), exponent, mode);
    }

    /// Compares values, whatever their resolutions (148.2 == 148.20).
    friend int compare(const decimal& a, const decimal& b) {
        if (a.exponent_ == b.exponent_) {
            return compare(a.coefficient_, b.coefficient_);
        }
        const int e = a.exponent_ < b.exponent_ ? a.exponent_ : b.exponent_;
        return compare(a.with_exponent(e).coefficient_, b.with_exponent(e).coefficient_);
    }
    friend bool operator==(const decimal& a, const decimal& b) { return compare(a, b) == 0; }
    friend bool operator!=(const decimal& a, const decimal& b) { return compare(a, b) != 0; }
    friend bool operator<(const decimal& a, const decimal& b) { return compare(a, b) < 0; }
    friend bool operator>(const decimal& a, const decimal& b) { return compare(a, b) > 0; }
    friend bool operator<=(const decimal& a, const decimal& b) { return compare(a, b) <= 0; }
    friend bool operator>=(const decimal& a, const decimal& b) { return compare(a, b) >= 0; }

    friend std::ostream& operator<<(std::ostream& os, const decimal& d) { return os << d.str(); }

private:
    // this ± b on the int64 fast path; false, with *this untouched, when anything would not fit.
    bool add_small(const decimal& b, bool subtract) noexcept {
        if (!coefficient_.is_small() || !b.coefficient_.is_small()) {
            return false;
        }
        std::int64_t x = coefficient_.small();
        std::int64_t y = b.coefficient_.small();
        int e = exponent_;
        if (b.exponent_ < e) {
            const auto k = static_cast<unsigned>(e - b.exponent_);
            if (k >= detail::pow10_table.size() ||
                __builtin_mul_overflow(x, detail::pow10_table[k], &x)) {
                return false;
            }
            e = b.exponent_;
        } else if (b.exponent_ > e) {
            const auto k = static_cast<unsigned>(b.exponent_ - e);
            if (k >= detail::pow10_table.size() ||
                __builtin_mul_overflow(y, detail::pow10_table[k], &y)) {
                return false;
            }
        }
        std::int64_t r = 0;
        if (subtract ? __builtin_sub_overflow(x, y, &r) : __builtin_add_overflow(x, y, &r)) {
            return false;
        }
        coefficient_ = detail::exact_int(r);
        exponent_ = e;
        return true;
    }

    detail::exact_int coefficient_;
    int exponent_ = 0;
};

inline std::optional<decimal::parse_failure> decimal::parse_into(std::string_view text,
                                                                 decimal& out) {
    using detail::decode_utf8;
    std::int64_t fast_coefficient = 0;
    int fast_exponent = 0;
    if (detail::parse_ascii_fast(text, fast_coefficient, fast_exponent)) {
        out = decimal(fast_coefficient, fast_exponent);
        return std::nullopt;
    }
    if (text.empty()) {
        return parse_failure{0, "empty number"};
    }
    std::size_t i = 0;
    bool negative = false;
    auto cp = decode_utf8(text, 0);
    if (cp.length == 0) {
        return parse_failure{0, "invalid UTF-8"};
    }
    if (detail::is_minus(cp.value) || detail::is_plus(cp.value)) {
        negative = detail::is_minus(cp.value);
        i += cp.length;
    }

    std::int64_t small = 0;
    big_int big;
    bool is_big = false;
    std::size_t digits = 0;      // significant-or-not digits read
    std::size_t frac_digits = 0; // digits after the point
    bool seen_point = false;
    // Thousands grouping: digits since the last separator (or since start).
    std::size_t group_len = 0;
    bool grouped = false;
    char32_t group_char = 0;
    std::size_t last_sep = 0;
    std::size_t int_digits = 0;
    bool leading_zero = false; // the number's first digit is 0

    auto push_digit = [&](int d) {
        if (!is_big) {
            if (small <= (std::numeric_limits<std::int64_t>::max() - d) / 10) {
                small = small * 10 + d;
                return;
            }
            big = small;
            is_big = true;
        }
        big = big * 10 + d;
    };

    while (i < text.size()) {
        cp = decode_utf8(text, i);
        if (cp.length == 0) {
            return parse_failure{i, "invalid UTF-8"};
        }
        const int d = detail::digit_value(cp.value);
        if (d >= 0) {
            if (++digits > max_digits) {
                return parse_failure{i, "more than " + std::to_string(max_digits) +
                                            " digits in one number"};
            }
            push_digit(d);
            if (digits == 1) {
                leading_zero = d == 0;
            }
            if (seen_point) {
                ++frac_digits;
            } else {
                ++group_len;
                ++int_digits;
                if (grouped && group_len > 3) {
                    return parse_failure{i, "a digit group after a thousands separator has "
                                            "more than three digits"};
                }
            }
        } else if (detail::is_group_separator(cp.value) && !seen_point) {
            if (int_digits == 0) {
                return parse_failure{i, "a thousands separator before any digit"};
            }
            if (!grouped && leading_zero) {
                // "0,125" is 0.125 written with a decimal comma, never 125.
                return parse_failure{i, "a thousands separator after a leading zero"};
            }
            if (grouped && group_len != 3) {
                return parse_failure{last_sep, "a thousands separator must be followed by "
                                               "three digits"};
            }
            if (!grouped && group_len > 3) {
                return parse_failure{i, "a thousands separator after more than three digits"};
            }
            if (grouped && cp.value != group_char) {
                return parse_failure{i, "mixed thousands separators"};
            }
            grouped = true;
            group_char = cp.value;
            group_len = 0;
            last_sep = i;
        } else if (detail::is_point(cp.value) && !seen_point) {
            if (grouped && group_len != 3) {
                return parse_failure{last_sep, "a thousands separator must be followed by "
                                               "three digits"};
            }
            if (int_digits == 0) {
                return parse_failure{i, "a decimal point with no digit before it"};
            }
            seen_point = true;
        } else {
            return parse_failure{i, "unexpected character in a number"};
        }
        i += cp.length;
    }
    if (digits == 0) {
        return parse_failure{text.size(), "no digits"};
    }
    if (grouped && !seen_point && group_len != 3) {
        return parse_failure{last_sep, "a thousands separator must be followed by three digits"};
    }
    if (seen_point && frac_digits == 0) {
        return parse_failure{text.size(), "a decimal point with no digit after it"};
    }
    detail::exact_int coeff = is_big ? detail::exact_int(big) : detail::exact_int(small);
    if (negative) {
        coeff = -coeff; // "-0.0" is zero: the sign of zero is not kept
    }
    out = decimal(std::move(coeff), -static_cast<int>(frac_digits));
    return std::nullopt;
}

} // namespace reckon
