// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// Kinds of quantity, checked by the compiler (DESIGN.md, "Kinds of quantity").
//
// Money (of one currency), counts, physical amounts (of one dimension), shares and percentage
// points are distinct class templates. Like std::chrono, a unit is an exact ratio to its
// dimension's base unit, and quantities of one kind in different units meet in their common
// (gcd) unit, exactly: 1 公顷 + 1 亩 is 16 亩, 1 吨 + 1 斤 is 2001 斤. Values are
// reckon::decimal, which remembers the resolution of its last printed digit, and each
// quantity remembers the scale it was printed in (亿, 万, million …), so that it can become a
// run-time reckon::figure with the right unit (to_figure).
//
//     using reckon::scale::yi, reckon::scale::wan;
//     auto funds = reckon::yuan("148.2", yi) + reckon::yuan("5000", wan);
//     funds == reckon::yuan("148.7", yi);   // true, exactly
//     funds.str();                          // "148.7000亿元"
//     reckon::yuan("1") + reckon::count(3);   // error: reckon: cannot add money and a count
//
// A currency of your own is a tag with its ISO 4217 code (and, if you like, the Chinese name
// that follows a scale word, as 元 in 亿元):
//
//     struct xau { static constexpr std::string_view code = "XAU"; };
//     using gold = reckon::money<xau>;
//     gold("12.5", reckon::scale::million).str();   // "12.5 million XAU"
//
// A unit of your own is a tag with its dimension, its exact ratio to the dimension's base unit,
// and its printed symbol (an English one for English scale words is optional):
//
//     struct dan { // 担, 50 公斤
//         using dimension = reckon::dim::mass;
//         using ratio = std::ratio<50>;
//         static constexpr std::string_view symbol = "担";
//     };
//     reckon::amount<dan>("3") == reckon::jin("300");   // true

#include <reckon/decimal.hpp>
#include <reckon/error.hpp>
#include <reckon/figure.hpp>
#include <reckon/units.hpp>

#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <ostream>
#include <ratio>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace reckon {

// --- scales ----------------------------------------------------------------------------------

/// The power of ten a quantity is printed in, with its word: 亿 (10^8), 万 (10^4), million
/// (10^6). Chinese words stand before the unit with no space (亿元, 万吨); English words before
/// it with a space (million USD). The scale changes how a value is shown, never the value.
///
///     reckon::scale::yi.exponent;          // 8
///     reckon::display_scale{8, "億"};       // the traditional form, if a text prints it
struct display_scale {
    int exponent = 0;        ///< the value of one printed unit is 10^exponent base units
    std::string_view word{}; ///< "亿", "million", or empty
    bool english = false;    ///< an English word: "million USD", not "million美元"

    [[nodiscard]] friend constexpr bool operator==(const display_scale& a,
                                                   const display_scale& b) noexcept {
        return a.exponent == b.exponent && a.word == b.word && a.english == b.english;
    }
    [[nodiscard]] friend constexpr bool operator!=(const display_scale& a,
                                                   const display_scale& b) noexcept {
        return !(a == b);
    }
};

/// The scales that reports print, each an exact power of ten.
///
///     reckon::yuan("148.2", reckon::scale::yi);          // 148.2 亿元 = 14 820 000 000 元
///     reckon::us_dollars("3.1", reckon::scale::billion); // 3.1 billion USD
namespace scale {
inline constexpr display_scale one{0, "", false};         ///< no scale word
inline constexpr display_scale qian{3, "千", false};      ///< 千, 10^3
inline constexpr display_scale wan{4, "万", false};       ///< 万, 10^4
inline constexpr display_scale yi{8, "亿", false};        ///< 亿, 10^8
inline constexpr display_scale wan_yi{12, "万亿", false}; ///< 万亿, 10^12
inline constexpr display_scale thousand{3, "thousand", true};
inline constexpr display_scale million{6, "million", true};
inline constexpr display_scale billion{9, "billion", true};
inline constexpr display_scale trillion{12, "trillion", true};
} // namespace scale

// --- currencies, dimensions, units -------------------------------------------------------------

/// Currency tags for money<Currency>. `code` is the ISO 4217 code, `symbol` the Chinese name
/// printed after a scale word (亿元, 万美元). Money of two currencies never adds: converting
/// needs a stated rate.
///
///     reckon::money<reckon::usd> m("3.1", reckon::scale::billion);
///     m.str();   // "3.1 billion USD"
struct cny {
    static constexpr std::string_view code = "CNY";
    static constexpr std::string_view symbol = "元";
};
struct usd { ///< US dollar
    static constexpr std::string_view code = "USD";
    static constexpr std::string_view symbol = "美元";
};
struct eur { ///< euro
    static constexpr std::string_view code = "EUR";
    static constexpr std::string_view symbol = "欧元";
};
struct gbp { ///< pound sterling
    static constexpr std::string_view code = "GBP";
    static constexpr std::string_view symbol = "英镑";
};
struct jpy { ///< yen
    static constexpr std::string_view code = "JPY";
    static constexpr std::string_view symbol = "日元";
};
struct hkd { ///< Hong Kong dollar
    static constexpr std::string_view code = "HKD";
    static constexpr std::string_view symbol = "港元";
};

/// Physical dimensions of amounts: each has a run-time name (reckon::unit::dimension) and a
/// base unit (reckon::unit::base) that unit ratios are counted in.
///
///     reckon::dim::mass::base;   // "kg": a tonne's ratio is 1000
namespace dim {
struct mass {
    static constexpr std::string_view name = "mass";
    static constexpr std::string_view base = "kg";
};
struct length {
    static constexpr std::string_view name = "length";
    static constexpr std::string_view base = "m";
};
struct energy {
    static constexpr std::string_view name = "energy";
    static constexpr std::string_view base = "kWh";
};
struct area {
    static constexpr std::string_view name = "area";
    static constexpr std::string_view base = "m2";
};
struct volume {
    static constexpr std::string_view name = "volume";
    static constexpr std::string_view base = "m3";
};
/// Shares and points: plain fractions (50 % is 1/2).
struct fraction {
    static constexpr std::string_view name = "";
    static constexpr std::string_view base = "1";
};
} // namespace dim

/// Unit tags for amount<Unit>: a dimension, an exact std::ratio to its base unit, the printed
/// symbol, and the English symbol used after an English scale word (when there is one).
///
///     reckon::amount<reckon::units::tonne>("1") == reckon::jin("2000");   // 1 吨 = 2000 斤
namespace units {
struct tonne { ///< 吨, 1000 kg
    using dimension = dim::mass;
    using ratio = std::ratio<1000>;
    static constexpr std::string_view symbol = "吨";
    static constexpr std::string_view english = "tonnes";
};
struct kilogram { ///< 公斤
    using dimension = dim::mass;
    using ratio = std::ratio<1>;
    static constexpr std::string_view symbol = "公斤";
    static constexpr std::string_view english = "kg";
};
struct jin { ///< 斤, 1/2 kg (the market jin, 市斤): 1 吨 = 2000 斤
    using dimension = dim::mass;
    using ratio = std::ratio<1, 2>;
    static constexpr std::string_view symbol = "斤";
};
struct metre { ///< 米
    using dimension = dim::length;
    using ratio = std::ratio<1>;
    static constexpr std::string_view symbol = "米";
    static constexpr std::string_view english = "m";
};
struct kilometre { ///< 公里
    using dimension = dim::length;
    using ratio = std::ratio<1000>;
    static constexpr std::string_view symbol = "公里";
    static constexpr std::string_view english = "km";
};
struct kilowatt_hour { ///< 千瓦时 (度)
    using dimension = dim::energy;
    using ratio = std::ratio<1>;
    static constexpr std::string_view symbol = "千瓦时";
    static constexpr std::string_view english = "kWh";
};
struct square_metre { ///< 平方米
    using dimension = dim::area;
    using ratio = std::ratio<1>;
    static constexpr std::string_view symbol = "平方米";
};
struct square_kilometre { ///< 平方公里
    using dimension = dim::area;
    using ratio = std::ratio<1000000>;
    static constexpr std::string_view symbol = "平方公里";
};
struct hectare { ///< 公顷, 10 000 m²
    using dimension = dim::area;
    using ratio = std::ratio<10000>;
    static constexpr std::string_view symbol = "公顷";
};
struct mu { ///< 亩, 1/15 公顷 = 2000/3 m²
    using dimension = dim::area;
    using ratio = std::ratio<10000, 15>;
    static constexpr std::string_view symbol = "亩";
};
struct cubic_metre { ///< 立方米
    using dimension = dim::volume;
    using ratio = std::ratio<1>;
    static constexpr std::string_view symbol = "立方米";
};
} // namespace units

/// Share units for share<Unit> and points<Unit>: percent (1/100) and per mille (1/1000). A
/// change of a share in percent is in percentage points (个百分点); in per mille, in 千分点.
///
///     reckon::share<reckon::percent>("80.6").str();   // "80.6%"
struct percent {
    using dimension = dim::fraction;
    using ratio = std::ratio<1, 100>;
    static constexpr std::string_view symbol = "%";
    static constexpr std::string_view points_symbol = "个百分点";
};
struct per_mille { ///< ‰
    using dimension = dim::fraction;
    using ratio = std::ratio<1, 1000>;
    static constexpr std::string_view symbol = "‰";
    static constexpr std::string_view points_symbol = "千分点";
};

template <class Currency>
class money;
template <class Unit>
class amount;
template <class Unit>
class share;
template <class Unit>
class points;
class count;

namespace detail {

template <class T>
inline constexpr bool dependent_false_v = false;

template <class T, class = void>
struct has_symbol : std::false_type {};
template <class T>
struct has_symbol<T, std::void_t<decltype(T::symbol)>> : std::true_type {};
template <class T, class = void>
struct has_english : std::false_type {};
template <class T>
struct has_english<T, std::void_t<decltype(T::english)>> : std::true_type {};
template <class T, class = void>
struct has_points_symbol : std::false_type {};
template <class T>
struct has_points_symbol<T, std::void_t<decltype(T::points_symbol)>> : std::true_type {};
template <class T, class = void>
struct has_code : std::false_type {};
template <class T>
struct has_code<T, std::void_t<decltype(T::code)>> : std::true_type {};
template <class T, class = void>
struct is_unit_tag : std::false_type {};
template <class T>
struct is_unit_tag<T, std::void_t<typename T::dimension, typename T::ratio>> : std::true_type {};

/// The unit two units of one dimension meet in: the largest unit that both are whole
/// multiples of (gcd of the numerators over lcm of the denominators), as std::chrono does it.
/// It is one of the two when it can be (tonne and jin meet in jin, hectare and mu in mu).
template <class Dimension, class Ratio>
struct derived_unit {
    using dimension = Dimension;
    using ratio = Ratio;
};

template <class U1, class U2>
struct common_unit {
    static_assert(std::is_same_v<typename U1::dimension, typename U2::dimension>,
                  "reckon: units of different dimensions have no common unit");
    using ratio = std::ratio<std::gcd(U1::ratio::num, U2::ratio::num),
                             std::lcm(U1::ratio::den, U2::ratio::den)>;
    using type =
        std::conditional_t<std::ratio_equal_v<ratio, typename U1::ratio>, U1,
                           std::conditional_t<std::ratio_equal_v<ratio, typename U2::ratio>, U2,
                                              derived_unit<typename U1::dimension, ratio>>>;
};
template <class U>
struct common_unit<U, U> {
    using type = U;
};

constexpr std::intmax_t pow10_int(int k) noexcept {
    std::intmax_t p = 1;
    for (int i = 0; i < k; ++i) {
        p *= 10;
    }
    return p;
}

/// Whether 1/d is a finite decimal (d has no prime factors but 2 and 5).
constexpr bool finite_decimal_denominator(std::intmax_t d) noexcept {
    while (d % 2 == 0) {
        d /= 2;
    }
    while (d % 5 == 0) {
        d /= 5;
    }
    return d == 1;
}

/// The least k with d dividing 10^k (d a finite decimal denominator).
constexpr int decimal_shift(std::intmax_t d) noexcept {
    int k = 0;
    while (pow10_int(k) % d != 0) {
        ++k;
    }
    return k;
}

/// A value in unit From as a value in unit To where To divides From exactly.
template <class From, class To>
[[nodiscard]] decimal rescale(const decimal& v) {
    if constexpr (std::is_same_v<From, To>) {
        return v;
    } else {
        using factor = std::ratio_divide<typename From::ratio, typename To::ratio>;
        static_assert(factor::den == 1, "reckon: internal: rescale to a coarser unit");
        return v * decimal(std::int64_t{factor::num});
    }
}

[[nodiscard]] inline rational ratio_rational(std::intmax_t num, std::intmax_t den) {
    return rational(big_int(num), big_int(den));
}

template <class Integer>
[[nodiscard]] decimal integer_decimal(Integer i) {
    if constexpr (std::is_signed_v<Integer>) {
        return decimal(static_cast<std::int64_t>(i));
    } else {
        if (i <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return decimal(static_cast<std::int64_t>(i));
        }
        return decimal(big_int(i));
    }
}

template <class T>
inline constexpr bool is_plain_integer_v =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && sizeof(T) <= sizeof(std::int64_t);

/// The number a factory or constructor reads: printed digits ("148.2", with the grammar of
/// decimal::parse), a decimal, or an integer. Never a double: binary floating point cannot
/// hold 148.2, so a double is refused at compile time with a message that says so.
class number_arg {
public:
    number_arg(const char* text) : value_(decimal::parse(text)) {}
    number_arg(std::string_view text) : value_(decimal::parse(text)) {}
    number_arg(const std::string& text) : value_(decimal::parse(text)) {}
    number_arg(const decimal& value) : value_(value) {}
    template <class Integer, std::enable_if_t<is_plain_integer_v<Integer>, int> = 0>
    number_arg(Integer value) : value_(integer_decimal(value)) {}
    template <class Floating, std::enable_if_t<std::is_floating_point_v<Floating>, int> = 0>
    number_arg(Floating) {
        static_assert(dependent_false_v<Floating>,
                      "reckon: no conversion from double (binary floating point cannot hold "
                      "148.2 exactly): pass the printed digits as a string, \"148.2\", or a "
                      "reckon::decimal");
    }

    [[nodiscard]] const decimal& value() const noexcept { return value_; }

private:
    decimal value_;
};

/// The scale with the larger power of ten (the first when they tie): what a sum is shown in.
[[nodiscard]] constexpr display_scale coarser(const display_scale& a,
                                              const display_scale& b) noexcept {
    return a.exponent >= b.exponent ? a : b;
}

/// `word` + `symbol` for Chinese scales, `word symbol` for English ones.
[[nodiscard]] inline std::string scaled_symbol(const display_scale& s, std::string_view symbol) {
    std::string out(s.word);
    if (s.english && !s.word.empty() && !symbol.empty()) {
        out += ' ';
    }
    out += symbol;
    return out;
}

/// The symbol of a unit tag with the English symbol after an English scale word.
template <class Unit>
[[nodiscard]] std::string unit_symbol(const display_scale& s) {
    if constexpr (has_symbol<Unit>::value) {
        if constexpr (has_english<Unit>::value) {
            if (s.english) {
                return scaled_symbol(s, Unit::english);
            }
        }
        return scaled_symbol(s, Unit::symbol);
    } else {
        // A common unit that has no name of its own: show its ratio to the base unit.
        std::string r = "(" + std::to_string(Unit::ratio::num);
        if (Unit::ratio::den != 1) {
            r += "/" + std::to_string(Unit::ratio::den);
        }
        r += " ";
        r += Unit::dimension::base;
        r += ")";
        return scaled_symbol(s, r);
    }
}

/// Tag for the constructors that take a value in the quantity's own unit.
struct from_value_t {
    explicit from_value_t() = default;
};
inline constexpr from_value_t from_value{};

/// What money, amounts, counts, shares and points share: an exact value in the quantity's
/// unit (yuan, the amount's unit, items, percent) that remembers its resolution, and the
/// scale it is printed in.
template <class Derived>
class quantity_base {
public:
    /// The exact value in the quantity's unit: yuan for money<cny>, tonnes for
    /// amount<units::tonne>, items for a count, percent for share<percent>. Its resolution is
    /// the last printed digit's.
    [[nodiscard]] const decimal& value() const noexcept { return value_; }

    /// The scale the quantity is printed in (亿, 万, million …).
    [[nodiscard]] display_scale scale() const noexcept { return scale_; }

    /// The number as printed, in its scale: 148.2 for 148.2 亿元.
    [[nodiscard]] decimal display() const { return value_.scaled(-scale_.exponent); }

    /// The printed number and its unit: "148.2亿元", "3.1 billion USD", "80.6%".
    [[nodiscard]] std::string str() const {
        const std::string sym = self().symbol();
        std::string out = display().str();
        if (scale_.english && !sym.empty()) {
            out += ' ';
        }
        return out + sym;
    }

    /// The same value with the resolution as coarse as the value allows, but never coarser than
    /// one printed unit: 148.7000亿元 → 148.7亿元, 100.0亿元 → 100亿元.
    [[nodiscard]] Derived normalized() const {
        decimal d = display().normalized();
        if (d.exponent() > 0) {
            d = d.with_exponent(0);
        }
        return Derived(from_value, d.scaled(scale_.exponent), scale_);
    }

    [[nodiscard]] Derived operator-() const { return Derived(from_value, -value_, scale_); }
    [[nodiscard]] Derived operator+() const { return self(); }

    /// Equal value, equal resolution, equal scale: printed the same way.
    [[nodiscard]] friend bool same_display(const Derived& a, const Derived& b) {
        return a.scale() == b.scale() && same_display(a.value(), b.value());
    }

    friend std::ostream& operator<<(std::ostream& os, const Derived& q) { return os << q.str(); }

protected:
    quantity_base() = default;
    quantity_base(decimal v, display_scale s) : value_(std::move(v)), scale_(s) {}

    [[nodiscard]] const Derived& self() const noexcept {
        return static_cast<const Derived&>(*this);
    }

    decimal value_;
    display_scale scale_ = reckon::scale::one;
};

} // namespace detail

/// An amount of money in one currency: an exact decimal in the currency's base unit (yuan,
/// dollar) printed in a scale. Money of one currency adds at any scale; money and counts do
/// not add, nor money of two currencies (a compile error, DESIGN.md "Kinds of quantity").
/// money / money is a ratio (rational).
///
///     reckon::yuan a("148.2", reckon::scale::yi), b("5000", reckon::scale::wan);
///     (a + b).normalized().str();     // "148.7亿元", no rounding anywhere
///     a.value().str();                // "14820000000"
///     reckon::money<reckon::cny>::parse("119.4", reckon::scale::yi) / a;   // 199/247
template <class Currency>
class money : public detail::quantity_base<money<Currency>> {
    static_assert(detail::has_code<Currency>::value,
                  "reckon: a currency tag needs `static constexpr std::string_view code = "
                  "\"XYZ\";` (its ISO 4217 code)");
    using base = detail::quantity_base<money<Currency>>;

public:
    using currency = Currency;
    static constexpr reckon::kind quantity_kind = reckon::kind::money;

    /// Zero, printed without a scale.
    money() = default;

    /// The printed number in the given scale: `yuan("148.2", scale::yi)`. Digits are read as
    /// decimal::parse reads them (throws input_error); a decimal or an integer also do.
    explicit money(detail::number_arg printed, display_scale s = reckon::scale::one)
        : base(printed.value().scaled(s.exponent), s) {}

    /// A value in base units (yuan) and the scale to show it in.
    money(detail::from_value_t, decimal value_in_base, display_scale s)
        : base(std::move(value_in_base), s) {}

    /// Refused: a double is not an exact amount of money.
    template <class Floating, std::enable_if_t<std::is_floating_point_v<Floating>, int> = 0>
    money(Floating) {
        static_assert(detail::dependent_false_v<Floating>,
                      "reckon: no conversion from double (binary floating point cannot hold "
                      "148.2 exactly): write reckon::yuan(\"148.2\")");
    }

    /// Same as the constructor, under the name a reader looks for.
    [[nodiscard]] static money parse(std::string_view printed,
                                     display_scale s = reckon::scale::one) {
        return money(detail::number_arg(printed), s);
    }

    /// The same value shown in another scale: 148.2 亿元 in 万 is 1482000 万元.
    [[nodiscard]] money in(display_scale s) const {
        return money(detail::from_value, this->value_, s);
    }

    /// The printed unit: 亿元, 万美元, billion USD, 元.
    [[nodiscard]] std::string symbol() const {
        if (this->scale_.english) {
            return detail::scaled_symbol(this->scale_, Currency::code);
        }
        if constexpr (detail::has_symbol<Currency>::value) {
            return detail::scaled_symbol(this->scale_, Currency::symbol);
        } else {
            return detail::scaled_symbol(this->scale_, Currency::code);
        }
    }

    money& operator+=(const money& b);
    money& operator-=(const money& b);
};

/// Money aliases: `reckon::yuan("148.2", reckon::scale::yi)` reads as it is printed.
using yuan = money<cny>;
using us_dollars = money<usd>;
using euros = money<eur>;
using pounds_sterling = money<gbp>;
using yen = money<jpy>;
using hk_dollars = money<hkd>;

/// A physical amount in a unit (tonnes, 斤, metres, kWh, 公顷, 亩), printed in a scale (万吨).
/// Amounts of one dimension add in their common unit, exactly; amounts of two dimensions do
/// not (a compile error).
///
///     reckon::hectares("1") + reckon::mu("1") == reckon::mu("16");    // 1 公顷 = 15 亩
///     (reckon::tonnes("1") + reckon::jin("1")).str();                 // "2001斤"
///     reckon::tonnes("3.5", reckon::scale::wan).str();                // "3.5万吨"
template <class Unit>
class amount : public detail::quantity_base<amount<Unit>> {
    static_assert(detail::is_unit_tag<Unit>::value,
                  "reckon: a unit tag needs `using dimension = reckon::dim::...;` and `using "
                  "ratio = std::ratio<...>;` (base units per unit)");
    using base = detail::quantity_base<amount<Unit>>;

public:
    using unit_type = Unit;
    using dimension = typename Unit::dimension;
    static constexpr reckon::kind quantity_kind = reckon::kind::amount;

    amount() = default;

    /// The printed number in the given scale: `amount<units::tonne>("3.5", scale::wan)`.
    explicit amount(detail::number_arg printed, display_scale s = reckon::scale::one)
        : base(printed.value().scaled(s.exponent), s) {}

    /// A value in `Unit` and the scale to show it in.
    amount(detail::from_value_t, decimal value_in_unit, display_scale s)
        : base(std::move(value_in_unit), s) {}

    /// Refused: a double is not an exact amount.
    template <class Floating, std::enable_if_t<std::is_floating_point_v<Floating>, int> = 0>
    amount(Floating) {
        static_assert(detail::dependent_false_v<Floating>,
                      "reckon: no conversion from double (binary floating point cannot hold "
                      "148.2 exactly): write reckon::tonnes(\"148.2\")");
    }

    [[nodiscard]] static amount parse(std::string_view printed,
                                      display_scale s = reckon::scale::one) {
        return amount(detail::number_arg(printed), s);
    }

    /// The same value shown in another scale.
    [[nodiscard]] amount in(display_scale s) const {
        return amount(detail::from_value, this->value_, s);
    }

    /// The exact value in the dimension's base unit (kg, m, kWh, m², m³).
    [[nodiscard]] rational base_value() const {
        return this->value_.to_rational() *
               detail::ratio_rational(Unit::ratio::num, Unit::ratio::den);
    }

    /// The printed unit: 万吨, 斤, million tonnes.
    [[nodiscard]] std::string symbol() const { return detail::unit_symbol<Unit>(this->scale_); }

    amount& operator+=(const amount& b);
    amount& operator-=(const amount& b);
};

/// Amount aliases, named as one reads them: `reckon::tonnes("3.5", reckon::scale::wan)`.
using tonnes = amount<units::tonne>;
using kilograms = amount<units::kilogram>;
using jin = amount<units::jin>;
using metres = amount<units::metre>;
using kilometres = amount<units::kilometre>;
using kilowatt_hours = amount<units::kilowatt_hour>;
using square_metres = amount<units::square_metre>;
using square_kilometres = amount<units::square_kilometre>;
using hectares = amount<units::hectare>;
using mu = amount<units::mu>;
using cubic_metres = amount<units::cubic_metre>;

/// A count of things (projects, firms, people): an exact whole number, printed plainly or in a
/// scale (3.5 万人 is 35 000 people). Counts add to counts, never to money or amounts.
///
///     reckon::count("75") + reckon::count("9") == reckon::count(84);   // true
///     reckon::count("3.5", reckon::scale::wan).value().str();         // "35000"
///     reckon::count("0.5");   // throws input_error: not a whole number
class count : public detail::quantity_base<count> {
    using base = detail::quantity_base<count>;

public:
    static constexpr reckon::kind quantity_kind = reckon::kind::count;

    count() = default;

    /// The printed number in the given scale; throws input_error unless it is a whole number.
    explicit count(detail::number_arg printed, display_scale s = reckon::scale::one)
        : base(printed.value().scaled(s.exponent), s) {
        check_whole();
    }

    /// A whole number of items and the scale to show it in.
    count(detail::from_value_t, decimal items, display_scale s) : base(std::move(items), s) {
        check_whole();
    }

    /// Refused: a double is not a count.
    template <class Floating, std::enable_if_t<std::is_floating_point_v<Floating>, int> = 0>
    count(Floating) {
        static_assert(detail::dependent_false_v<Floating>,
                      "reckon: no conversion from double: a count is a whole number, write "
                      "reckon::count(84)");
    }

    [[nodiscard]] static count parse(std::string_view printed,
                                     display_scale s = reckon::scale::one) {
        return count(detail::number_arg(printed), s);
    }

    [[nodiscard]] count in(display_scale s) const { return count(detail::from_value, value_, s); }

    /// The scale word alone ("万", "million"); the noun (项, 人, firms) is not part of the type:
    /// give it to to_figure.
    [[nodiscard]] std::string symbol() const { return std::string(scale_.word); }

    count& operator+=(const count& b);
    count& operator-=(const count& b);

private:
    void check_whole() const {
        if (denominator(value_.to_rational()) != 1) {
            throw input_error(detail::quote_input(display().str() + std::string(scale_.word)), 0,
                              "a count must be a whole number");
        }
    }
};

/// A share of a whole, in percent or per mille: 80.6 %. Shares add to shares (parts' shares
/// make the whole's); a share minus a share is percentage points, not percent.
///
///     reckon::share<reckon::percent> s("80.6");
///     s.str();                                   // "80.6%"
///     (s - reckon::percentage("19.4")).str();    // "61.2个百分点"
template <class Unit>
class share : public detail::quantity_base<share<Unit>> {
    static_assert(detail::is_unit_tag<Unit>::value &&
                      std::is_same_v<typename Unit::dimension, dim::fraction>,
                  "reckon: a share is in percent or per_mille (a unit of dimension "
                  "reckon::dim::fraction)");
    using base = detail::quantity_base<share<Unit>>;

public:
    using unit_type = Unit;
    static constexpr reckon::kind quantity_kind = reckon::kind::share;

    share() = default;
    /// The printed number: `share<percent>("80.6")` is 80.6 %.
    explicit share(detail::number_arg printed) : base(printed.value(), reckon::scale::one) {}
    share(detail::from_value_t, decimal value_in_unit, display_scale s)
        : base(std::move(value_in_unit), s) {}

    /// Refused: a double is not an exact share.
    template <class Floating, std::enable_if_t<std::is_floating_point_v<Floating>, int> = 0>
    share(Floating) {
        static_assert(detail::dependent_false_v<Floating>,
                      "reckon: no conversion from double (binary floating point cannot hold "
                      "80.6 exactly): write reckon::percentage(\"80.6\")");
    }

    [[nodiscard]] static share parse(std::string_view printed) {
        return share(detail::number_arg(printed));
    }

    /// The exact fraction: 80.6 % is 403/500.
    [[nodiscard]] rational fraction() const {
        return this->value_.to_rational() *
               detail::ratio_rational(Unit::ratio::num, Unit::ratio::den);
    }

    [[nodiscard]] std::string symbol() const { return detail::unit_symbol<Unit>(this->scale_); }

    share& operator+=(const share& b);
    share& operator-=(const share& b) = delete; // a share minus a share is points
};

/// A change of a share, in percentage points (个百分点) or 千分点: what share − share gives.
///
///     reckon::percentage("20.1") - reckon::percentage("18.6")
///         == reckon::percentage_points("1.5");   // true
template <class Unit>
class points : public detail::quantity_base<points<Unit>> {
    static_assert(detail::is_unit_tag<Unit>::value &&
                      std::is_same_v<typename Unit::dimension, dim::fraction>,
                  "reckon: points are in percent or per_mille (a unit of dimension "
                  "reckon::dim::fraction)");
    using base = detail::quantity_base<points<Unit>>;

public:
    using unit_type = Unit;
    static constexpr reckon::kind quantity_kind = reckon::kind::points;

    points() = default;
    explicit points(detail::number_arg printed) : base(printed.value(), reckon::scale::one) {}
    points(detail::from_value_t, decimal value_in_unit, display_scale s)
        : base(std::move(value_in_unit), s) {}

    /// Refused: a double is not an exact number of points.
    template <class Floating, std::enable_if_t<std::is_floating_point_v<Floating>, int> = 0>
    points(Floating) {
        static_assert(detail::dependent_false_v<Floating>,
                      "reckon: no conversion from double (binary floating point cannot hold "
                      "1.5 exactly): write reckon::percentage_points(\"1.5\")");
    }

    [[nodiscard]] static points parse(std::string_view printed) {
        return points(detail::number_arg(printed));
    }

    /// The exact change as a fraction: 1.5 个百分点 is 3/200.
    [[nodiscard]] rational fraction() const {
        return this->value_.to_rational() *
               detail::ratio_rational(Unit::ratio::num, Unit::ratio::den);
    }

    /// 个百分点 for percent, 千分点 for per mille.
    [[nodiscard]] std::string symbol() const {
        if constexpr (detail::has_points_symbol<Unit>::value) {
            return std::string(Unit::points_symbol);
        } else {
            return detail::unit_symbol<Unit>(this->scale_);
        }
    }

    points& operator+=(const points& b);
    points& operator-=(const points& b);
};

/// Share and points aliases: `reckon::percentage("80.6")`, `reckon::percentage_points("1.5")`.
using percentage = share<percent>;
using per_mille_share = share<per_mille>;
using percentage_points = points<percent>;
using per_mille_points = points<per_mille>;

// --- the rules of arithmetic between kinds ------------------------------------------------------

namespace detail {

enum class category { money, count, amount, share, points, number, floating, other };

template <class T>
struct category_of
    : std::integral_constant<category, std::is_floating_point_v<T> ? category::floating
                                       : is_plain_integer_v<T>     ? category::number
                                                                   : category::other> {};
template <>
struct category_of<decimal> : std::integral_constant<category, category::number> {};
template <>
struct category_of<rational> : std::integral_constant<category, category::number> {};
template <>
struct category_of<big_int> : std::integral_constant<category, category::number> {};
template <class C>
struct category_of<money<C>> : std::integral_constant<category, category::money> {};
template <class U>
struct category_of<amount<U>> : std::integral_constant<category, category::amount> {};
template <>
struct category_of<count> : std::integral_constant<category, category::count> {};
template <class U>
struct category_of<share<U>> : std::integral_constant<category, category::share> {};
template <class U>
struct category_of<points<U>> : std::integral_constant<category, category::points> {};

template <class T>
inline constexpr category category_v = category_of<T>::value;

template <class T>
inline constexpr bool is_quantity_v =
    category_v<T> == category::money || category_v<T> == category::count ||
    category_v<T> == category::amount || category_v<T> == category::share ||
    category_v<T> == category::points;

/// An operator template of this header applies: one side is a quantity and the other a
/// quantity, a number or a floating-point value (to say why it is refused).
template <class A, class B>
inline constexpr bool operands_v =
    (is_quantity_v<A> ||
     is_quantity_v<B>)&&category_v<A> != category::other&& category_v<B> != category::other;

/// Like quantities: they add, subtract, compare and divide to a ratio. Money of one
/// currency; amounts of one dimension; counts; shares; points.
template <class A, class B>
struct like : std::false_type {};
template <class C>
struct like<money<C>, money<C>> : std::true_type {};
template <class U1, class U2>
struct like<amount<U1>, amount<U2>>
    : std::bool_constant<std::is_same_v<typename U1::dimension, typename U2::dimension>> {};
template <>
struct like<count, count> : std::true_type {};
template <class U1, class U2>
struct like<share<U1>, share<U2>> : std::true_type {};
template <class U1, class U2>
struct like<points<U1>, points<U2>> : std::true_type {};

template <class A, class B>
inline constexpr bool like_v = like<A, B>::value;

/// The type of a + b for like quantities (a − b is the same but for shares, which give points).
template <class A, class B>
struct sum_type {
    using type = A;
};
template <class U1, class U2>
struct sum_type<amount<U1>, amount<U2>> {
    using type = amount<typename common_unit<U1, U2>::type>;
};
template <class U1, class U2>
struct sum_type<share<U1>, share<U2>> {
    using type = share<typename common_unit<U1, U2>::type>;
};
template <class U1, class U2>
struct sum_type<points<U1>, points<U2>> {
    using type = points<typename common_unit<U1, U2>::type>;
};
template <class A, class B>
struct difference_type : sum_type<A, B> {};
template <class U1, class U2>
struct difference_type<share<U1>, share<U2>> {
    using type = points<typename common_unit<U1, U2>::type>;
};

/// A quantity's value in the unit of the result type R (exact: R's unit divides it).
template <class R, class Q>
[[nodiscard]] decimal value_in(const Q& q) {
    if constexpr (category_v<Q> == category::money || category_v<Q> == category::count) {
        return q.value();
    } else {
        return rescale<typename Q::unit_type, typename R::unit_type>(q.value());
    }
}

template <class R, class A, class B>
[[nodiscard]] R combine(const A& a, const B& b, bool subtract) {
    const decimal va = value_in<R>(a);
    const decimal vb = value_in<R>(b);
    return R(from_value, subtract ? va - vb : va + vb, coarser(a.scale(), b.scale()));
}

template <class A, class B>
[[nodiscard]] int compare_like(const A& a, const B& b) {
    using R = typename sum_type<A, B>::type;
    return compare(value_in<R>(a), value_in<R>(b));
}

/// a / b for like quantities: a plain ratio, exact.
template <class A, class B>
[[nodiscard]] rational ratio_of(const A& a, const B& b) {
    using R = typename sum_type<A, B>::type;
    return divide(value_in<R>(a), value_in<R>(b));
}

template <class N>
[[nodiscard]] decimal number_decimal(const N& n) {
    if constexpr (std::is_same_v<N, decimal>) {
        return n;
    } else if constexpr (std::is_same_v<N, big_int>) {
        return decimal(n);
    } else {
        return integer_decimal(n);
    }
}

template <class N>
[[nodiscard]] rational number_rational(const N& n) {
    if constexpr (std::is_same_v<N, rational>) {
        return n;
    } else {
        return number_decimal(n).to_rational();
    }
}

/// A number a quantity may be multiplied by with an exact decimal result: an integer or a
/// decimal (a count: an integer only, so that it stays whole).
template <class Q, class N>
inline constexpr bool exact_factor_v = is_quantity_v<Q> &&
                                       (is_plain_integer_v<N> || std::is_same_v<N, big_int> ||
                                        (std::is_same_v<N, decimal> &&
                                         category_v<Q> != category::count));

template <class A, class B, category X, category Y>
inline constexpr bool is_pair_v = (category_v<A> == X && category_v<B> == Y) ||
                                  (category_v<A> == Y && category_v<B> == X);

template <class A, class B>
inline constexpr bool mixes_share_kinds_v = is_pair_v<A, B, category::share, category::points>;

template <class A, class B, category X>
inline constexpr bool with_share_or_points_v =
    is_pair_v<A, B, X, category::share> || is_pair_v<A, B, X, category::points>;

template <class A, class B>
inline constexpr bool involves_floating_v =
    category_v<A> == category::floating || category_v<B> == category::floating;

template <class A, class B>
inline constexpr bool involves_number_v =
    category_v<A> == category::number || category_v<B> == category::number;

// One function per operation, each with a static_assert per way of getting it wrong, so that
// the compiler's first (and only) error is a sentence. The messages differ only in the verb.
#define RECKON_DETAIL_KIND_DIAGNOSTICS(function, verb, share_and_points)                           \
    template <class A, class B>                                                                    \
    constexpr void function() {                                                                    \
        constexpr bool money_count = is_pair_v<A, B, category::money, category::count>;            \
        constexpr bool currencies = is_pair_v<A, B, category::money, category::money>;             \
        constexpr bool money_amount = is_pair_v<A, B, category::money, category::amount>;          \
        constexpr bool money_share = with_share_or_points_v<A, B, category::money>;                \
        constexpr bool count_amount = is_pair_v<A, B, category::count, category::amount>;          \
        constexpr bool count_share = with_share_or_points_v<A, B, category::count>;                \
        constexpr bool dimensions = is_pair_v<A, B, category::amount, category::amount>;           \
        constexpr bool amount_share = with_share_or_points_v<A, B, category::amount>;              \
        constexpr bool share_points = mixes_share_kinds_v<A, B>;                                   \
        constexpr bool floating = involves_floating_v<A, B>;                                       \
        constexpr bool number = !floating && involves_number_v<A, B>;                              \
        static_assert(!money_count, "reckon: cannot " verb " money and a count");                  \
        static_assert(!currencies, "reckon: cannot " verb                                          \
                                   " money of different currencies (convert at a stated rate "     \
                                   "first)");                                                      \
        static_assert(!money_amount, "reckon: cannot " verb " money and a physical amount");       \
        static_assert(!money_share,                                                                \
                      "reckon: cannot " verb " money and a share or percentage points");           \
        static_assert(!count_amount, "reckon: cannot " verb " a count and a physical amount");     \
        static_assert(!count_share,                                                                \
                      "reckon: cannot " verb " a count and a share or percentage points");         \
        static_assert(!dimensions, "reckon: cannot " verb                                          \
                                   " amounts of different dimensions (mass and length, say)");     \
        static_assert(!amount_share, "reckon: cannot " verb                                        \
                                     " a physical amount and a share or percentage points");       \
        static_assert(!share_points, "reckon: cannot " share_and_points                            \
                                     " percentage points (a change of a share is in points)");     \
        static_assert(!floating, "reckon: no arithmetic with double (binary floating point is "    \
                                 "inexact): use reckon::decimal or the printed digits");           \
        static_assert(!number, "reckon: cannot " verb                                              \
                               " a quantity and a plain number (a number has no unit: make it a "  \
                               "quantity of the same kind)");                                      \
        static_assert(money_count || currencies || money_amount || money_share || count_amount ||  \
                          count_share || dimensions || amount_share || share_points || floating || \
                          number,                                                                  \
                      "reckon: cannot " verb " these quantities");                                 \
    }

RECKON_DETAIL_KIND_DIAGNOSTICS(diagnose_add, "add", "add a share to")
RECKON_DETAIL_KIND_DIAGNOSTICS(diagnose_subtract, "subtract", "subtract a share and")
RECKON_DETAIL_KIND_DIAGNOSTICS(diagnose_compare, "compare", "compare a share and")

#undef RECKON_DETAIL_KIND_DIAGNOSTICS

template <class A, class B>
constexpr void diagnose_multiply() {
    constexpr bool floating = involves_floating_v<A, B>;
    constexpr bool two_quantities = is_quantity_v<A> && is_quantity_v<B>;
    constexpr bool by_rational = std::is_same_v<A, rational> || std::is_same_v<B, rational>;
    constexpr bool count_by_decimal =
        is_pair_v<A, B, category::count, category::number> && !by_rational;
    static_assert(!floating, "reckon: no arithmetic with double (binary floating point is "
                             "inexact): multiply by a reckon::decimal or an integer");
    static_assert(!two_quantities,
                  "reckon: cannot multiply two quantities (multiply a quantity by a plain "
                  "number; a ratio of quantities is a division)");
    static_assert(!by_rational, "reckon: multiply a quantity by a decimal or an integer (its "
                                "product with a rational need not be a decimal: round it first)");
    static_assert(!count_by_decimal, "reckon: a count times a decimal need not be a whole count "
                                     "(multiply a count by an integer)");
    static_assert(floating || two_quantities || by_rational || count_by_decimal,
                  "reckon: cannot multiply these");
}

template <class A, class B>
constexpr void diagnose_divide() {
    constexpr bool floating = involves_floating_v<A, B>;
    constexpr bool by_quantity = !is_quantity_v<A> && is_quantity_v<B>;
    constexpr bool unlike = is_quantity_v<A> && is_quantity_v<B>;
    static_assert(!floating, "reckon: no arithmetic with double (binary floating point is "
                             "inexact): divide by a reckon::decimal or an integer");
    static_assert(!by_quantity, "reckon: cannot divide a plain number by a quantity");
    static_assert(!unlike, "reckon: cannot divide quantities of different kinds, currencies or "
                           "dimensions (a ratio needs like quantities)");
    static_assert(floating || by_quantity || unlike, "reckon: cannot divide these");
}

template <class A, class B>
[[nodiscard]] int checked_compare(const A& a, const B& b) {
    if constexpr (like_v<A, B>) {
        return compare_like(a, b);
    } else {
        diagnose_compare<A, B>();
        return 0;
    }
}

} // namespace detail

/// Sum of like quantities, exact: money of one currency (shown in the coarser scale), amounts
/// of one dimension (in their common unit), counts, shares, points. Anything else is a compile
/// error that says why (money + count, yuan + dollars, share + points, tonnes + metres).
///
///     reckon::yuan("119.4", reckon::scale::yi) + reckon::yuan("28.8", reckon::scale::yi);
///     // 148.2亿元
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] auto operator+(const A& a, const B& b) {
    if constexpr (detail::like_v<A, B>) {
        return detail::combine<typename detail::sum_type<A, B>::type>(a, b, false);
    } else {
        detail::diagnose_add<A, B>();
        return a;
    }
}

/// Difference of like quantities, exact; a share minus a share is points (80.6 % − 19.4 % is
/// 61.2 个百分点).
///
///     reckon::percentage("20.1") - reckon::percentage("18.6");   // 1.5个百分点
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] auto operator-(const A& a, const B& b) {
    if constexpr (detail::like_v<A, B>) {
        return detail::combine<typename detail::difference_type<A, B>::type>(a, b, true);
    } else {
        detail::diagnose_subtract<A, B>();
        return a;
    }
}

/// A quantity times an integer or a decimal (a count: an integer), exact; the scale is kept.
///
///     reckon::yuan("148.2", reckon::scale::yi) * 2;   // 296.4亿元
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] auto operator*(const A& a, const B& b) {
    if constexpr (detail::exact_factor_v<A, B>) {
        return A(detail::from_value, a.value() * detail::number_decimal(b), a.scale());
    } else if constexpr (detail::exact_factor_v<B, A>) {
        return B(detail::from_value, b.value() * detail::number_decimal(a), b.scale());
    } else {
        detail::diagnose_multiply<A, B>();
        return a;
    }
}

/// Division, exact, as a rational: like quantities give their plain ratio (money / money of one
/// currency, amounts of one dimension in any units); a quantity divided by a number gives the
/// quotient in the quantity's unit (yuan, tonnes, items, percent). Throws kind_error on a zero
/// divisor. To keep a quantity, round it: reckon::divide(q, n, mode).
///
///     reckon::yuan("119.4", reckon::scale::yi) / reckon::yuan("148.2", reckon::scale::yi);
///     // 199/247 (= 80.5668… %)
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] rational operator/(const A& a, const B& b) {
    if constexpr (detail::like_v<A, B>) {
        return detail::ratio_of(a, b);
    } else if constexpr (detail::is_quantity_v<A> &&
                         detail::category_v<B> == detail::category::number) {
        const rational d = detail::number_rational(b);
        if (d == 0) {
            throw kind_error("reckon: division of a quantity by zero");
        }
        return a.value().to_rational() / d;
    } else {
        detail::diagnose_divide<A, B>();
        return rational();
    }
}

/// Comparisons of like quantities by value, whatever their scales, units and resolutions
/// (148.2亿元 == 1482000万元, 1 吨 == 2000 斤). Anything else does not compile.
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] bool operator==(const A& a, const B& b) {
    return detail::checked_compare(a, b) == 0;
}
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] bool operator!=(const A& a, const B& b) {
    return detail::checked_compare(a, b) != 0;
}
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] bool operator<(const A& a, const B& b) {
    return detail::checked_compare(a, b) < 0;
}
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] bool operator<=(const A& a, const B& b) {
    return detail::checked_compare(a, b) <= 0;
}
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] bool operator>(const A& a, const B& b) {
    return detail::checked_compare(a, b) > 0;
}
template <class A, class B, std::enable_if_t<detail::operands_v<A, B>, int> = 0>
[[nodiscard]] bool operator>=(const A& a, const B& b) {
    return detail::checked_compare(a, b) >= 0;
}

template <class C>
money<C>& money<C>::operator+=(const money& b) {
    return *this = *this + b;
}
template <class C>
money<C>& money<C>::operator-=(const money& b) {
    return *this = *this - b;
}
template <class U>
amount<U>& amount<U>::operator+=(const amount& b) {
    return *this = *this + b;
}
template <class U>
amount<U>& amount<U>::operator-=(const amount& b) {
    return *this = *this - b;
}
inline count& count::operator+=(const count& b) { return *this = *this + b; }
inline count& count::operator-=(const count& b) { return *this = *this - b; }
template <class U>
share<U>& share<U>::operator+=(const share& b) {
    return *this = *this + b;
}
template <class U>
points<U>& points<U>::operator+=(const points& b) {
    return *this = *this + b;
}
template <class U>
points<U>& points<U>::operator-=(const points& b) {
    return *this = *this - b;
}

/// A quantity divided by a number and rounded, under an explicit rule, to the resolution of
/// the quantity's last printed digit: the average of a total, a third of a budget. Throws
/// kind_error on a zero divisor.
///
///     reckon::divide(reckon::yuan("148.2", reckon::scale::yi), 3, reckon::rounding_mode::half_up);
///     // 49.4亿元
template <
    class Q, class N,
    std::enable_if_t<detail::is_quantity_v<Q> && detail::category_v<N> == detail::category::number,
                     int> = 0>
[[nodiscard]] Q divide(const Q& q, const N& n, rounding_mode mode) {
    const rational exact = q / n;
    return Q(detail::from_value, decimal::round(exact, q.value().exponent(), mode), q.scale());
}

/// The share that `part` is of `whole` (like quantities), rounded under an explicit rule to
/// the resolution 10^exponent of the share's unit: 119.4 / 148.2 is 80.6 % at exponent −1,
/// half up.
///
///     reckon::share_of<reckon::percent>(continued, total, -1, reckon::rounding_mode::half_up);
template <class Unit, class A, class B>
[[nodiscard]] share<Unit> share_of(const A& part, const B& whole, int exponent,
                                   rounding_mode mode) {
    static_assert(detail::like_v<A, B>, "reckon: a share needs a part and a whole of the same "
                                        "kind (money of one currency, amounts of one dimension, "
                                        "counts)");
    const rational fraction = part / whole;
    const rational in_unit = fraction * detail::ratio_rational(Unit::ratio::den, Unit::ratio::num);
    return share<Unit>(detail::from_value, decimal::round(in_unit, exponent, mode),
                       reckon::scale::one);
}

namespace detail {
template <class To, template <class> class Q, class From>
constexpr void check_unit_cast() {
    static_assert(category_v<Q<From>> == category::amount ||
                      category_v<Q<From>> == category::share ||
                      category_v<Q<From>> == category::points,
                  "reckon: unit_cast converts amounts, shares and points; money changes only its "
                  "display scale (m.in(reckon::scale::wan)), and a currency needs a stated rate");
    if constexpr (category_v<Q<From>> == category::amount ||
                  category_v<Q<From>> == category::share ||
                  category_v<Q<From>> == category::points) {
        static_assert(std::is_same_v<typename From::dimension, typename To::dimension>,
                      "reckon: cannot convert between amounts of different dimensions");
    }
}
} // namespace detail

/// Converts an amount, a share or points to another unit of its dimension, exactly. It compiles
/// only when the result is a finite decimal for every value (吨 → 斤 is ×2000, 斤 → 吨 is
/// ×0.0005); 亩 → 公顷 is ×1/15, so it needs the rounding overload. The scale is kept.
///
///     reckon::unit_cast<reckon::units::jin>(reckon::tonnes("1.5")).str();   // "3000.0斤"
///     reckon::unit_cast<reckon::per_mille>(reckon::percentage("1.5"));      // 15.0‰
template <class To, template <class> class Q, class From>
[[nodiscard]] Q<To> unit_cast(const Q<From>& q) {
    detail::check_unit_cast<To, Q, From>();
    using factor = std::ratio_divide<typename From::ratio, typename To::ratio>;
    constexpr bool finite = detail::finite_decimal_denominator(factor::den);
    static_assert(finite,
                  "reckon: this unit conversion is not a finite decimal (mu to hectare is 1/15): "
                  "give a resolution and a rounding, unit_cast<To>(q, exponent, mode)");
    if constexpr (finite) {
        constexpr int shift = detail::decimal_shift(factor::den);
        constexpr std::intmax_t multiplier = factor::num * (detail::pow10_int(shift) / factor::den);
        return Q<To>(detail::from_value,
                     (q.value() * decimal(std::int64_t{multiplier})).scaled(-shift), q.scale());
    } else {
        return Q<To>();
    }
}

/// Converts to another unit of the dimension, rounded under an explicit rule to the
/// resolution 10^exponent of the new unit.
///
///     reckon::unit_cast<reckon::units::hectare>(reckon::mu("100"), -2,
///                                               reckon::rounding_mode::half_up);   // 6.67公顷
template <class To, template <class> class Q, class From>
[[nodiscard]] Q<To> unit_cast(const Q<From>& q, int exponent, rounding_mode mode) {
    detail::check_unit_cast<To, Q, From>();
    using factor = std::ratio_divide<typename From::ratio, typename To::ratio>;
    const rational exact =
        q.value().to_rational() * detail::ratio_rational(factor::num, factor::den);
    return Q<To>(detail::from_value, decimal::round(exact, exponent, mode), q.scale());
}

// --- to run-time figures ------------------------------------------------------------------------

namespace detail {

/// The figure for a typed quantity: the unit that find_unit gives for its symbol when that
/// unit agrees (kind, dimension, factor), else one built from the type (a currency or unit
/// of the caller's own that find_unit does not know).
[[nodiscard]] inline figure make_figure(std::string id, std::string label, const decimal& shown,
                                        bool english, const std::string& symbol, unit expected) {
    figure f;
    f.id = std::move(id);
    f.label = std::move(label);
    f.display = shown;
    f.text = shown.str() + (english && !symbol.empty() ? " " : "") + symbol;
    expected.symbol = symbol;
    std::optional<unit> found = find_unit(symbol);
    if (found && found->kind == expected.kind && found->dimension == expected.dimension &&
        found->factor == expected.factor) {
        f.unit = std::move(*found);
    } else {
        f.unit = std::move(expected);
    }
    return f;
}

[[nodiscard]] inline unit expected_unit(reckon::kind k, std::string_view dimension, rational factor,
                                        std::string_view base_name) {
    unit u;
    u.kind = k;
    u.dimension = std::string(dimension);
    u.factor = std::move(factor);
    u.base = std::string(base_name);
    return u;
}

} // namespace detail

/// A typed quantity as a run-time figure: the display as printed, in the unit that
/// reckon::find_unit gives for the quantity's symbol (亿元, 万吨, %, 个百分点), so that
/// figure::value() is the quantity's exact value in base units.
///
///     reckon::figure f = reckon::to_figure("F2", "省外到位资金",
///                                          reckon::yuan("148.2", reckon::scale::yi));
///     f.unit->symbol;   // "亿元"
///     f.value();       // 14820000000
template <class Currency>
[[nodiscard]] figure to_figure(std::string id, std::string label, const money<Currency>& m) {
    std::string_view base_name = Currency::code;
    if constexpr (detail::has_symbol<Currency>::value) {
        if (Currency::code == "CNY") {
            base_name = Currency::symbol; // reckon::unit calls the yuan's base 元
        }
    }
    return detail::make_figure(
        std::move(id), std::move(label), m.display(), m.scale().english, m.symbol(),
        detail::expected_unit(kind::money, Currency::code,
                              detail::pow10_rational(m.scale().exponent), base_name));
}

/// An amount as a figure (万吨, 亿斤, 公顷); its unit must have a printed symbol (a common
/// unit that has none must be unit_cast to one that has).
template <class Unit>
[[nodiscard]] figure to_figure(std::string id, std::string label, const amount<Unit>& a) {
    static_assert(detail::has_symbol<Unit>::value,
                  "reckon: this amount is in a unit with no printed symbol (the common unit of "
                  "two units): unit_cast it to a named unit first");
    return detail::make_figure(
        std::move(id), std::move(label), a.display(), a.scale().english, a.symbol(),
        detail::expected_unit(kind::amount, Unit::dimension::name,
                              detail::ratio_rational(Unit::ratio::num, Unit::ratio::den) *
                                  detail::pow10_rational(a.scale().exponent),
                              Unit::dimension::base));
}

/// A share as a figure (%, ‰).
template <class Unit>
[[nodiscard]] figure to_figure(std::string id, std::string label, const share<Unit>& s) {
    static_assert(detail::has_symbol<Unit>::value,
                  "reckon: this share is in a unit with no printed symbol: unit_cast it first");
    return detail::make_figure(
        std::move(id), std::move(label), s.display(), false, s.symbol(),
        detail::expected_unit(kind::share, "",
                              detail::ratio_rational(Unit::ratio::num, Unit::ratio::den), "1"));
}

/// Points as a figure (个百分点, 千分点).
template <class Unit>
[[nodiscard]] figure to_figure(std::string id, std::string label, const points<Unit>& p) {
    static_assert(detail::has_points_symbol<Unit>::value,
                  "reckon: these points are in a unit with no printed symbol (a share unit "
                  "needs `points_symbol`): unit_cast them first");
    return detail::make_figure(
        std::move(id), std::move(label), p.display(), false, p.symbol(),
        detail::expected_unit(kind::points, "",
                              detail::ratio_rational(Unit::ratio::num, Unit::ratio::den), "1"));
}

/// A count as a figure, with the noun it counts (项, 家, 人, firms): "3.5万人".
///
///     reckon::to_figure("F1", "项目", reckon::count(84), "项").unit->symbol;   // "项"
[[nodiscard]] inline figure to_figure(std::string id, std::string label, const count& c,
                                      std::string_view noun) {
    return detail::make_figure(
        std::move(id), std::move(label), c.display(), c.scale().english,
        detail::scaled_symbol(c.scale(), noun),
        detail::expected_unit(kind::count, "", detail::pow10_rational(c.scale().exponent), "item"));
}

} // namespace reckon
