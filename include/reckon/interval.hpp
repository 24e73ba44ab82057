// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/decimal.hpp>
#include <reckon/detail/small_rational.hpp>

#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace reckon {

/// How a printed figure was rounded, which fixes the interval of true values
/// it stands for (DESIGN.md, "A figure"). With resolution r and h = r/2, a
/// displayed x > 0 stands for:
///
/// | convention   | interval                                          |
/// |--------------|---------------------------------------------------|
/// | half_up      | [x − h, x + h)   (四舍五入; ties away from zero)    |
/// | half_even    | closed when x's last digit is even, open when odd |
/// | half_down    | (x − h, x + h]                                    |
/// | unknown_tie  | [x − h, x + h]   (the default)                    |
/// | truncated    | [x, x + r)                                        |
/// | exact        | [x, x]           (counts of projects, firms …)    |
///
/// Negative figures mirror these (rounding is by absolute value).
enum class convention : unsigned char {
    half_up,
    half_even,
    half_down,
    unknown_tie,
    truncated,
    exact
};

/// Words in the text that replace the rounding of a figure. The readings of
/// `nearly` and `a_little_over` are reckon's own, chosen wide so that an
/// approximate word never convicts a report: "nearly x" is [0.9·x, x) and
/// "x 余 / x 多" is (x, 1.1·x] (for x > 0; mirrored for x < 0).
enum class qualifier : unsigned char {
    none,          ///< the convention's rounding interval
    about,         ///< 约, 左右, about: the default rounding of the last digit
    more_than,     ///< 超过, 逾, more than: (x, ∞)
    at_least,      ///< 以上, at least, or more: [x, ∞)
    under,         ///< 不足, 不到, under: (−∞, x)
    at_most,       ///< 以下, 以内, at most: (−∞, x]
    nearly,        ///< 近, nearly: [0.9·x, x)
    a_little_over, ///< 余, 多: (x, 1.1·x]
};

/// Whether the ends of a rounding interval that are only reached at an exact
/// tie count as inside. Verdicts use `closed`; `open` finds the consistent
/// verdicts that hold only at a tie (DESIGN.md, "tie only").
enum class ties { closed, open };

/// One end of an interval: a rational value, or ±∞; open or closed. `Number` is `rational`
/// (`bound`), or `detail::small_rational` inside the relation check.
template <class Number>
struct basic_bound {
    Number value;
    bool infinite = false;
    bool open = false;
};

/// One end of an interval with a `rational` value.
///
///     reckon::bound b{rational(1, 2), false, true};   // an open end at 1/2
using bound = basic_bound<rational>;

/// An interval of the real line with exact rational ends (`Number`: `rational`, or
/// `detail::small_rational` inside the relation check), each open or
/// closed, possibly unbounded. The interval of true values of a figure, and
/// the interval of values a relation allows.
///
///     auto t = reckon::interval::closed(rational(1481, 10), rational(1483, 10));
///     t.contains(rational(148)) ;   // false
template <class Number>
class basic_interval {
public:
    using bound = basic_bound<Number>;
    using interval = basic_interval;

    /// The whole real line.
    basic_interval() {
        lo_.infinite = true;
        lo_.open = true;
        hi_.infinite = true;
        hi_.open = true;
    }
    basic_interval(bound lo, bound hi) : lo_(std::move(lo)), hi_(std::move(hi)) {
        if (lo_.infinite) {
            lo_.open = true;
        }
        if (hi_.infinite) {
            hi_.open = true;
        }
    }

    [[nodiscard]] static interval point(const Number& v) { return closed(v, v); }
    [[nodiscard]] static interval closed(const Number& lo, const Number& hi) {
        return {bound{lo, false, false}, bound{hi, false, false}};
    }
    [[nodiscard]] static interval make(const Number& lo, bool lo_open, const Number& hi,
                                       bool hi_open) {
        return {bound{lo, false, lo_open}, bound{hi, false, hi_open}};
    }
    [[nodiscard]] static interval above(const Number& v, bool open) {
        return {bound{v, false, open}, bound{Number(0), true, true}};
    }
    [[nodiscard]] static interval below(const Number& v, bool open) {
        return {bound{Number(0), true, true}, bound{v, false, open}};
    }
    [[nodiscard]] static interval everything() { return {}; }

    [[nodiscard]] const bound& lower() const noexcept { return lo_; }
    [[nodiscard]] const bound& upper() const noexcept { return hi_; }
    [[nodiscard]] bool bounded() const noexcept { return !lo_.infinite && !hi_.infinite; }

    [[nodiscard]] bool empty() const {
        if (lo_.infinite || hi_.infinite) {
            return false;
        }
        const int c = detail::compare(lo_.value, hi_.value);
        if (c < 0) {
            return false;
        }
        return c > 0 || lo_.open || hi_.open;
    }

    [[nodiscard]] bool contains(const Number& v) const {
        if (!lo_.infinite &&
            (lo_.open ? detail::compare(v, lo_.value) <= 0 : detail::compare(v, lo_.value) < 0)) {
            return false;
        }
        if (!hi_.infinite &&
            (hi_.open ? detail::compare(v, hi_.value) >= 0 : detail::compare(v, hi_.value) > 0)) {
            return false;
        }
        return true;
    }

    /// The same interval with both finite ends closed.
    [[nodiscard]] interval closure() const {
        interval c = *this;
        c.lo_.open = c.lo_.infinite;
        c.hi_.open = c.hi_.infinite;
        return c;
    }

    /// Whether zero lies in the interval with its ends closed: such a
    /// divisor makes a relation *cannot check* (DESIGN.md).
    [[nodiscard]] bool may_be_zero() const { return closure().contains(Number(0)); }

    friend interval operator+(const interval& a, const interval& b) {
        return {add_bound(a.lo_, b.lo_), add_bound(a.hi_, b.hi_)};
    }
    [[nodiscard]] interval operator-() const { return {negate_bound(hi_), negate_bound(lo_)}; }
    friend interval operator-(const interval& a, const interval& b) { return a + (-b); }

    friend interval operator*(const interval& a, const interval& b) {
        if (a.empty() || b.empty()) {
            return empty_interval();
        }
        if (!b.lo_.infinite && !b.lo_.open && !b.hi_.infinite && !b.hi_.open &&
            b.lo_.value.sign() > 0 && b.lo_.value == b.hi_.value) {
            // Times a positive point (a unit's factor): each end times it, in order; what the
            // general case below gives, in two products instead of four.
            return {mul_bound(a.lo_, b.lo_, true, true), mul_bound(a.hi_, b.lo_, false, true)};
        }
        const bound* as[2] = {&a.lo_, &a.hi_};
        const bound* bs[2] = {&b.lo_, &b.hi_};
        bool first = true;
        bound lo;
        bound hi;
        for (const bound* x : as) {
            for (const bound* y : bs) {
                const bound p = mul_bound(*x, *y, x == &a.lo_, y == &b.lo_);
                if (first) {
                    lo = p;
                    hi = p;
                    first = false;
                    continue;
                }
                if (less_lower(p, lo)) {
                    lo = p;
                }
                if (greater_upper(p, hi)) {
                    hi = p;
                }
            }
        }
        return {lo, hi};
    }

    /// Division by an interval whose closure excludes zero; throws
    /// `kind_error` otherwise (callers turn that into *cannot check*).
    friend interval operator/(const interval& a, const interval& b) { return a * b.reciprocal(); }

    /// 1 / this, for an interval whose closure excludes zero.
    [[nodiscard]] interval reciprocal() const {
        if (may_be_zero()) {
            throw kind_error("reckon::interval: division by an interval that may hold zero");
        }
        auto inv = [](const bound& b) {
            if (b.infinite) {
                return bound{Number(0), false, true};
            }
            return bound{Number(1) / b.value, false, b.open};
        };
        return {inv(hi_), inv(lo_)};
    }

    /// The values in both.
    [[nodiscard]] friend interval intersect(const interval& a, const interval& b) {
        return {less_lower(a.lo_, b.lo_) ? b.lo_ : a.lo_,
                greater_upper(a.hi_, b.hi_) ? b.hi_ : a.hi_};
    }

    /// The smallest interval holding both.
    [[nodiscard]] friend interval hull(const interval& a, const interval& b) {
        return {less_lower(a.lo_, b.lo_) ? a.lo_ : b.lo_,
                greater_upper(a.hi_, b.hi_) ? a.hi_ : b.hi_};
    }

    /// The gap between two intervals: 0 when their closures meet, otherwise
    /// the distance from the nearer end of one to the nearer end of the other.
    [[nodiscard]] friend Number distance(const interval& a, const interval& b) {
        if (!a.hi_.infinite && !b.lo_.infinite && detail::compare(a.hi_.value, b.lo_.value) < 0) {
            return b.lo_.value - a.hi_.value;
        }
        if (!b.hi_.infinite && !a.lo_.infinite && detail::compare(b.hi_.value, a.lo_.value) < 0) {
            return a.lo_.value - b.hi_.value;
        }
        return Number(0);
    }

    /// "[139.96, 140.19)" style, each end as an exact fraction or integer.
    [[nodiscard]] std::string str() const {
        std::string out;
        out += lo_.open ? '(' : '[';
        out += lo_.infinite ? std::string("-inf") : lo_.value.str();
        out += ", ";
        out += hi_.infinite ? std::string("+inf") : hi_.value.str();
        out += hi_.open ? ')' : ']';
        return out;
    }

    friend std::ostream& operator<<(std::ostream& os, const interval& i) { return os << i.str(); }

    friend bool operator==(const interval& a, const interval& b) {
        auto same = [](const bound& x, const bound& y) {
            return x.infinite == y.infinite && x.open == y.open &&
                   (x.infinite || x.value == y.value);
        };
        return same(a.lo_, b.lo_) && same(a.hi_, b.hi_);
    }
    friend bool operator!=(const interval& a, const interval& b) { return !(a == b); }

private:
    [[nodiscard]] static interval empty_interval() {
        return make(Number(1), true, Number(0), true);
    }

    static bound negate_bound(const bound& b) { return bound{-b.value, b.infinite, b.open}; }

    static bound add_bound(const bound& a, const bound& b) {
        if (a.infinite || b.infinite) {
            return bound{Number(0), true, true};
        }
        return bound{a.value + b.value, false, a.open || b.open};
    }

    // The sign of an end seen as an extended real: a lower infinite end is
    // −∞ and an upper one +∞.
    static int ext_sign(const bound& b, bool is_lower) {
        if (b.infinite) {
            return is_lower ? -1 : 1;
        }
        return b.value.sign();
    }

    static bound mul_bound(const bound& x, const bound& y, bool x_lower, bool y_lower) {
        const bool x_zero = !x.infinite && x.value == 0;
        const bool y_zero = !y.infinite && y.value == 0;
        if (x_zero || y_zero) {
            // 0 × anything in the other interval is 0; closed if the zero is.
            const bool open = (x_zero && x.open) || (y_zero && y.open);
            const bool both_closed_zero = (x_zero && !x.open) || (y_zero && !y.open);
            return bound{Number(0), false, both_closed_zero ? false : open};
        }
        if (x.infinite || y.infinite) {
            const int s = ext_sign(x, x_lower) * ext_sign(y, y_lower);
            bound b{Number(s), true, true};
            return b;
        }
        return bound{x.value * y.value, false, x.open || y.open};
    }

    // Ordering of candidate ends. For a lower end, a smaller value wins, and
    // at equal values the closed one (it includes the point). An infinite
    // candidate from multiplication carries its sign in `value`.
    static int ext_cmp(const bound& a, const bound& b, bool as_lower) {
        auto rank = [as_lower](const bound& x) {
            if (!x.infinite) {
                return 0;
            }
            if (x.value.sign() != 0) {
                return x.value.sign();
            }
            return as_lower ? -1 : 1;
        };
        const int ra = rank(a);
        const int rb = rank(b);
        if (ra != rb || ra != 0) {
            return (ra > rb) - (ra < rb);
        }
        return detail::compare(a.value, b.value);
    }
    static bool less_lower(const bound& a, const bound& b) {
        const int c = ext_cmp(a, b, true);
        return c < 0 || (c == 0 && !a.open && b.open);
    }
    static bool greater_upper(const bound& a, const bound& b) {
        const int c = ext_cmp(a, b, false);
        return c > 0 || (c == 0 && !a.open && b.open);
    }

    bound lo_;
    bound hi_;
};

/// An interval with `rational` ends: the interval of true values of a figure, and the interval
/// of values a relation allows.
///
///     auto t = reckon::interval::closed(rational(1481, 10), rational(1483, 10));
///     t.contains(rational(1482, 10));   // true
using interval = basic_interval<rational>;

namespace detail {

/// `display_interval` in `Number` (`rational` or `small_rational`): the same interval.
template <class Number>
[[nodiscard]] basic_interval<Number> display_interval_as(const decimal& x, convention conv,
                                                         qualifier qual, ties tie) {
    using interval = basic_interval<Number>;
    const Number v = number_of<Number>(x);
    switch (qual) {
    case qualifier::more_than: return interval::above(v, true);
    case qualifier::at_least: return interval::above(v, false);
    case qualifier::under: return interval::below(v, true);
    case qualifier::at_most: return interval::below(v, false);
    case qualifier::nearly:
    case qualifier::a_little_over:
        if (x.is_zero()) {
            // "nearly 0" has no side to lean to: read it as about 0.
            conv = convention::unknown_tie;
            break;
        }
        if (qual == qualifier::a_little_over) {
            const Number far = v * Number(11, 10);
            return x.sign() >= 0 ? interval::make(v, true, far, false)
                                 : interval::make(far, false, v, true);
        }
        {
            const Number near = v * Number(9, 10);
            return x.sign() >= 0 ? interval::make(near, false, v, true)
                                 : interval::make(v, true, near, false);
        }
    case qualifier::about: conv = convention::unknown_tie; break;
    case qualifier::none: break;
    }
    const Number r = number_of<Number>(x.resolution());
    const Number h = r / Number(2);
    const int s = x.sign();
    // "Away from zero" and "toward zero" ends; zero itself is symmetric.
    const bool tie_open = tie == ties::open;
    switch (conv) {
    case convention::exact: return interval::point(v);
    case convention::truncated:
        if (s > 0) {
            return interval::make(v, false, v + r, true);
        }
        if (s < 0) {
            return interval::make(v - r, true, v, false);
        }
        return interval::make(-r, true, r, true);
    case convention::unknown_tie: return interval::make(v - h, tie_open, v + h, tie_open);
    case convention::half_even: {
        const bool odd = !x.coefficient().is_even();
        return interval::make(v - h, odd || tie_open, v + h, odd || tie_open);
    }
    case convention::half_up:
    case convention::half_down: {
        // half up: the end toward zero is closed (a tie there rounds away,
        // onto x), the end away from zero is open. half down: the reverse.
        const bool up = conv == convention::half_up;
        if (s == 0) {
            return interval::make(-h, up || tie_open, h, up || tie_open);
        }
        const bool lo_open = (s > 0) != up;
        return interval::make(v - h, lo_open || tie_open, v + h, !lo_open || tie_open);
    }
    }
    return interval::point(v);
}

} // namespace detail

/// The interval of true values that a printed figure stands for, under a
/// rounding convention and a qualifier (DESIGN.md's table). `x` is the
/// printed value in the figure's own unit and resolution.
///
///     using reckon::decimal;
///     reckon::display_interval(decimal::parse("148.2"), reckon::convention::half_up);
///     // [148.15, 148.25)  as exact rationals: [2963/20, 593/4)
[[nodiscard]] inline interval display_interval(const decimal& x,
                                               convention conv = convention::unknown_tie,
                                               qualifier qual = qualifier::none,
                                               ties tie = ties::closed) {
    return detail::display_interval_as<rational>(x, conv, qual, tie);
}

} // namespace reckon
