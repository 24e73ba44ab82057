// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/decimal.hpp>

#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reckon {

/// What a figure measures. Money (of one currency), counts, physical amounts
/// (of one dimension), shares and percentage points are distinct kinds:
/// money and counts do not add, a share minus a share is points
/// (DESIGN.md, "Kinds of quantity"). `number` is a plain ratio or index.
enum class kind { money, count, amount, share, points, number };

[[nodiscard]] constexpr std::string_view to_string(kind k) noexcept {
    switch (k) {
    case kind::money: return "money";
    case kind::count: return "count";
    case kind::amount: return "amount";
    case kind::share: return "share";
    case kind::points: return "points";
    case kind::number: return "number";
    }
    return "number";
}

/// A unit as printed in a report, at run time: its kind, its dimension
/// (the currency code for money, "mass", "length", "energy", "area" for
/// amounts, empty otherwise) and the exact factor from one printed unit to
/// the dimension's base unit (yuan or dollar, kg, m, kWh, m², or the plain
/// fraction for shares and points).
///
///     const reckon::unit& u = *reckon::find_unit("亿元");
///     u.factor;      // 100000000 (yuan per 亿元)
///     u.dimension;   // "CNY"
struct unit {
    std::string symbol; ///< as printed: "亿元", "万吨", "%", "billion USD"
    reckon::kind kind = kind::number;
    std::string dimension; ///< currency code, physical dimension, or empty
    rational factor{1};    ///< base units per printed unit
    std::string base;      ///< the base unit's name: "元", "kg", "item", "1"

    /// The power of ten of `factor` when it is one (亿元 → 8, % → −2).
    [[nodiscard]] std::optional<int> decimal_exponent() const {
        rational f = factor;
        if (f <= 0) {
            return std::nullopt;
        }
        int e = 0;
        while (f >= 10 && denominator(f) == 1) {
            if (numerator(f) % 10 != 0) {
                return std::nullopt;
            }
            f /= 10;
            ++e;
        }
        while (f < 1 && numerator(f) == 1 && denominator(f) % 10 == 0) {
            f *= 10;
            --e;
        }
        if (f != 1) {
            return std::nullopt;
        }
        return e;
    }

    /// Whether values in the two units can be added or compared directly
    /// (after converting by their factors).
    [[nodiscard]] friend bool compatible(const unit& a, const unit& b) {
        return a.kind == b.kind && a.dimension == b.dimension;
    }

    /// Whether two units are the same in every field.
    [[nodiscard]] friend bool same_unit(const unit& a, const unit& b) {
        return a.symbol == b.symbol && a.kind == b.kind && a.dimension == b.dimension &&
               a.factor == b.factor && a.base == b.base;
    }
};

namespace detail {

// The home of every unit that a figure refers to: each distinct unit once, never freed, so that
// a reference stays valid for the life of the program. Units are few (a scale word or none
// before one of some hundred base units, and what callers build), so this stays small.
class unit_store {
public:
    [[nodiscard]] static const unit* intern(const unit& u) {
        // The unit interned last on this thread: a text or a table repeats its units.
        thread_local const unit* last = nullptr;
        if (last != nullptr && same_unit(*last, u)) {
            return last;
        }
        unit_store& s = instance();
        const std::lock_guard<std::mutex> lock(s.mutex_);
        auto& bucket = s.by_symbol_[u.symbol];
        for (const unit* known : bucket) {
            if (same_unit(*known, u)) {
                last = known;
                return known;
            }
        }
        s.units_.push_back(u);
        bucket.push_back(&s.units_.back());
        last = &s.units_.back();
        return last;
    }

private:
    [[nodiscard]] static unit_store& instance() {
        static unit_store* const s = new unit_store; // never destroyed: units outlive statics
        return *s;
    }
    std::mutex mutex_;
    std::deque<unit> units_; // stable addresses
    std::unordered_map<std::string, std::vector<const unit*>> by_symbol_;
};

} // namespace detail

/// How a figure holds its unit: a reference to one copy of it shared by
/// every figure in that unit (8 bytes instead of a whole `unit` in each
/// figure). Built from a `unit`, implicitly; read it with `->` or `*`.
///
///     reckon::figure f = reckon::figure::parse("F2", "148.2", "亿元");
///     f.unit->symbol;                       // "亿元"
///     f.unit = *reckon::find_unit("万元");  // any unit: a copy is kept once
///     const reckon::unit& u = f.unit;       // converts
class unit_ref {
public:
    /// The plain number unit, as `unit{}`.
    unit_ref() : p_(plain()) {}
    unit_ref(const unit& u) : p_(detail::unit_store::intern(u)) {} // NOLINT: implicit

    [[nodiscard]] const unit& operator*() const noexcept { return *p_; }
    [[nodiscard]] const unit* operator->() const noexcept { return p_; }
    [[nodiscard]] const unit& get() const noexcept { return *p_; }
    operator const unit&() const noexcept { return *p_; } // NOLINT: implicit

    [[nodiscard]] friend bool compatible(const unit_ref& a, const unit_ref& b) {
        return compatible(*a, *b);
    }

private:
    [[nodiscard]] static const unit* plain() {
        static const unit* const p = detail::unit_store::intern(unit{});
        return p;
    }
    const unit* p_;
};

namespace detail {

inline rational pow10_rational(int e) {
    return e >= 0 ? rational(big_pow10(static_cast<unsigned>(e)))
                  : rational(big_int(1), big_pow10(static_cast<unsigned>(-e)));
}

struct scale_word {
    std::string_view word;
    int exponent;
};

// Chinese scale prefixes (simplified and traditional) and English scale
// words, exact powers of ten.
inline const std::vector<scale_word>& scale_words() {
    static const std::vector<scale_word> words = {
        {"万亿", 12}, {"萬億", 12}, {"亿", 8},   {"億", 8}, {"千万", 7}, {"千萬", 7}, {"百万", 6},
        {"百萬", 6},  {"十万", 5},  {"十萬", 5}, {"万", 4}, {"萬", 4},   {"千", 3},   {"百", 2},
    };
    return words;
}

struct base_unit {
    std::string_view symbol;
    reckon::kind kind;
    std::string_view dimension;
    rational factor;
    std::string_view base;
};

inline const std::vector<base_unit>& base_units() {
    static const std::vector<base_unit> units = {
        // money
        {"元", kind::money, "CNY", rational(1), "元"},
        {"人民币", kind::money, "CNY", rational(1), "元"},
        {"美元", kind::money, "USD", rational(1), "USD"},
        {"欧元", kind::money, "EUR", rational(1), "EUR"},
        {"英镑", kind::money, "GBP", rational(1), "GBP"},
        {"英鎊", kind::money, "GBP", rational(1), "GBP"},
        {"日元", kind::money, "JPY", rational(1), "JPY"},
        {"港元", kind::money, "HKD", rational(1), "HKD"},
        {"CNY", kind::money, "CNY", rational(1), "元"},
        {"RMB", kind::money, "CNY", rational(1), "元"},
        {"yuan", kind::money, "CNY", rational(1), "元"},
        {"USD", kind::money, "USD", rational(1), "USD"},
        {"US$", kind::money, "USD", rational(1), "USD"},
        {"$", kind::money, "USD", rational(1), "USD"},
        {"dollars", kind::money, "USD", rational(1), "USD"},
        {"EUR", kind::money, "EUR", rational(1), "EUR"},
        {"€", kind::money, "EUR", rational(1), "EUR"},
        {"euros", kind::money, "EUR", rational(1), "EUR"},
        {"GBP", kind::money, "GBP", rational(1), "GBP"},
        {"£", kind::money, "GBP", rational(1), "GBP"},
        {"pounds", kind::money, "GBP", rational(1), "GBP"},
        {"CAD", kind::money, "CAD", rational(1), "CAD"},
        {"JPY", kind::money, "JPY", rational(1), "JPY"},
        {"HKD", kind::money, "HKD", rational(1), "HKD"},
        {"C$", kind::money, "CAD", rational(1), "CAD"},
        // counts (exact, whole)
        {"项", kind::count, "", rational(1), "item"},
        {"項", kind::count, "", rational(1), "item"},
        {"个", kind::count, "", rational(1), "item"},
        {"個", kind::count, "", rational(1), "item"},
        {"家", kind::count, "", rational(1), "item"},
        {"户", kind::count, "", rational(1), "item"},
        {"戶", kind::count, "", rational(1), "item"},
        {"人", kind::count, "", rational(1), "item"},
        {"辆", kind::count, "", rational(1), "item"},
        {"輛", kind::count, "", rational(1), "item"},
        {"套", kind::count, "", rational(1), "item"},
        {"座", kind::count, "", rational(1), "item"},
        {"所", kind::count, "", rational(1), "item"},
        {"件", kind::count, "", rational(1), "item"},
        {"名", kind::count, "", rational(1), "item"},
        {"位", kind::count, "", rational(1), "item"},
        {"次", kind::count, "", rational(1), "item"},
        // more counts that Chinese reports print (text.hpp reads them)
        {"人次", kind::count, "", rational(1), "item"},
        {"台", kind::count, "", rational(1), "item"},
        {"艘", kind::count, "", rational(1), "item"},
        {"架", kind::count, "", rational(1), "item"},
        {"头", kind::count, "", rational(1), "item"},
        {"只", kind::count, "", rational(1), "item"},
        {"条", kind::count, "", rational(1), "item"},
        {"张", kind::count, "", rational(1), "item"},
        {"间", kind::count, "", rational(1), "item"},
        {"部", kind::count, "", rational(1), "item"},
        {"jobs", kind::count, "", rational(1), "item"},
        {"people", kind::count, "", rational(1), "item"},
        {"firms", kind::count, "", rational(1), "item"},
        {"projects", kind::count, "", rational(1), "item"},
        // physical amounts; base units kg, m, kWh, m², m³
        {"吨", kind::amount, "mass", rational(1000), "kg"},
        {"噸", kind::amount, "mass", rational(1000), "kg"},
        {"公斤", kind::amount, "mass", rational(1), "kg"},
        {"千克", kind::amount, "mass", rational(1), "kg"},
        {"斤", kind::amount, "mass", rational(1, 2), "kg"},
        {"tonnes", kind::amount, "mass", rational(1000), "kg"},
        {"t", kind::amount, "mass", rational(1000), "kg"},
        {"kg", kind::amount, "mass", rational(1), "kg"},
        {"米", kind::amount, "length", rational(1), "m"},
        {"公里", kind::amount, "length", rational(1000), "m"},
        {"千米", kind::amount, "length", rational(1000), "m"},
        {"km", kind::amount, "length", rational(1000), "m"},
        {"m", kind::amount, "length", rational(1), "m"},
        {"千瓦时", kind::amount, "energy", rational(1), "kWh"},
        {"千瓦時", kind::amount, "energy", rational(1), "kWh"},
        {"度", kind::amount, "energy", rational(1), "kWh"},
        {"kWh", kind::amount, "energy", rational(1), "kWh"},
        {"平方米", kind::amount, "area", rational(1), "m2"},
        {"平方公里", kind::amount, "area", rational(1000000), "m2"},
        {"公顷", kind::amount, "area", rational(10000), "m2"},
        {"公頃", kind::amount, "area", rational(10000), "m2"},
        {"亩", kind::amount, "area", rational(10000, 15), "m2"},
        {"畝", kind::amount, "area", rational(10000, 15), "m2"},
        {"立方米", kind::amount, "volume", rational(1), "m3"},
        // shares and their changes; base: the plain fraction
        {"%", kind::share, "", rational(1, 100), "1"},
        {"％", kind::share, "", rational(1, 100), "1"},
        {"percent", kind::share, "", rational(1, 100), "1"},
        {"per cent", kind::share, "", rational(1, 100), "1"},
        {"‰", kind::share, "", rational(1, 1000), "1"},
        {"个百分点", kind::points, "", rational(1, 100), "1"},
        {"個百分點", kind::points, "", rational(1, 100), "1"},
        {"百分点", kind::points, "", rational(1, 100), "1"},
        {"percentage points", kind::points, "", rational(1, 100), "1"},
        {"percentage point", kind::points, "", rational(1, 100), "1"},
        {"pp", kind::points, "", rational(1, 100), "1"},
        {"千分点", kind::points, "", rational(1, 1000), "1"},
        {"千分點", kind::points, "", rational(1, 1000), "1"},
        // plain numbers
        {"倍", kind::number, "", rational(1), "1"},
        {"times", kind::number, "", rational(1), "1"},
        {"", kind::number, "", rational(1), "1"},
    };
    return units;
}

inline const std::vector<scale_word>& english_scales() {
    static const std::vector<scale_word> words = {
        {"trillion", 12}, {"tn", 12}, {"billion", 9},  {"bn", 9}, {"million", 6},
        {"mn", 6},        {"m", 6},   {"thousand", 3}, {"k", 3},
    };
    return words;
}

} // namespace detail

/// Looks up a unit as printed: a base unit ("元", "吨", "%", "USD"), or a
/// Chinese scale prefix on one ("亿元", "萬噸", "万人"), or an English scale
/// word before one ("billion USD", "million tonnes"), or an English scale
/// alone after a currency sign handled by the caller. Traditional forms are
/// accepted. Returns nothing for an unknown unit.
///
///     reckon::find_unit("萬噸")->factor;   // 10000000 (kg)
[[nodiscard]] inline std::optional<unit> find_unit(std::string_view symbol) {
    auto base_lookup = [](std::string_view s) -> const detail::base_unit* {
        for (const auto& b : detail::base_units()) {
            if (b.symbol == s) {
                return &b;
            }
        }
        return nullptr;
    };
    auto make = [&](const detail::base_unit& b, int exponent) {
        unit u;
        u.symbol = std::string(symbol);
        u.kind = b.kind;
        u.dimension = std::string(b.dimension);
        u.factor = b.factor * detail::pow10_rational(exponent);
        u.base = std::string(b.base);
        return u;
    };
    if (const auto* b = base_lookup(symbol)) {
        return make(*b, 0);
    }
    // Chinese scale prefix (possibly two: 万亿): longest match first.
    for (const auto& w : detail::scale_words()) {
        if (symbol.size() > w.word.size() && symbol.substr(0, w.word.size()) == w.word) {
            const auto* b = base_lookup(symbol.substr(w.word.size()));
            if (b != nullptr && !b->symbol.empty() && b->kind != kind::share &&
                b->kind != kind::points) {
                return make(*b, w.exponent);
            }
        }
    }
    // A bare Chinese scale word: a plain number of that scale ("3.5万").
    for (const auto& w : detail::scale_words()) {
        if (symbol == w.word) {
            return make(*base_lookup(""), w.exponent);
        }
    }
    // English: "<scale> <unit>", "<scale>" alone.
    for (const auto& w : detail::english_scales()) {
        if (symbol.size() >= w.word.size() && symbol.substr(0, w.word.size()) == w.word) {
            std::string_view rest = symbol.substr(w.word.size());
            if (rest.empty()) {
                return make(*base_lookup(""), w.exponent);
            }
            if (rest.front() != ' ') {
                continue;
            }
            rest.remove_prefix(1);
            const auto* b = base_lookup(rest);
            if (b != nullptr && b->kind != kind::share && b->kind != kind::points) {
                return make(*b, w.exponent);
            }
        }
    }
    return std::nullopt;
}

} // namespace reckon
