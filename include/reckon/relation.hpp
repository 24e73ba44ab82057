// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/detail/format.hpp>
#include <reckon/detail/id_index.hpp>
#include <reckon/detail/scaled_figure.hpp>
#include <reckon/figure.hpp>
#include <reckon/stats/growth.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace reckon {

/// The kinds of relation between figures (DESIGN.md, "Relations and
/// verdicts"). Each names the roles of its figures, in order:
///
/// | kind              | figures                         | holds when                     |
/// |-------------------|---------------------------------|--------------------------------|
/// | sum               | whole, part, part, …            | whole = Σ parts                |
/// | share             | share, part, whole              | share = part / whole           |
/// | shares_total      | total (or none: 100 %), shares… | Σ shares = total               |
/// | growth            | rate, current, previous         | rate = current / previous − 1  |
/// | points            | change, current, previous       | change = current − previous    |
/// | percent_of_target | percent, actual, target         | percent = actual / target      |
/// | average           | average, total, count           | average = total / count        |
/// | ratio             | ratio, numerator, denominator   | ratio = numerator / denominator|
/// | product           | product, factor, factor, …      | product = Π factors            |
/// | conversion        | a, b [, rate]                   | a = b (by units) [× rate]      |
/// | difference        | difference, minuend, subtrahend | difference = minuend − subtr.  |
/// | order             | left, right                     | left op right                  |
/// | cagr              | rate, last, first (+ `years`)   | (1 + rate)^years = last / first|
/// | contribution      | rate, Δcomponent, Δtotal        | rate = Δcomponent / Δtotal     |
/// | pull              | points, Δcomponent, prev. total | points = Δcomponent / previous |
/// | index             | index, current, previous        | index = current / previous·100 |
///
/// `cagr` is compound annual growth (年均增长) over `relation::years`, decided
/// exactly on (1 + rate)^years, which increases with the rate: no root is
/// taken (stats/growth.hpp). `contribution` is 贡献率, `pull` is 拉动 … 个百分点,
/// `index` an index number with the previous period as 100 (上年 = 100); a
/// per-capita value (人均) is an `average` over the average population.
///
/// Shares, rates and points are compared as plain fractions (80.6 % is
/// 0.806), money in its currency's base unit, amounts in their dimension's
/// base unit, so mixed scales (亿元 and 万元) compare exactly.
enum class relation_kind : unsigned char {
    sum,
    share,
    shares_total,
    growth,
    points,
    percent_of_target,
    average,
    ratio,
    product,
    conversion,
    difference,
    order,
    cagr,
    contribution,
    pull,
    index,
};

[[nodiscard]] constexpr std::string_view to_string(relation_kind k) noexcept {
    switch (k) {
    case relation_kind::sum: return "sum";
    case relation_kind::share: return "share";
    case relation_kind::shares_total: return "shares_total";
    case relation_kind::growth: return "growth";
    case relation_kind::points: return "points";
    case relation_kind::percent_of_target: return "percent_of_target";
    case relation_kind::average: return "average";
    case relation_kind::ratio: return "ratio";
    case relation_kind::product: return "product";
    case relation_kind::conversion: return "conversion";
    case relation_kind::difference: return "difference";
    case relation_kind::order: return "order";
    case relation_kind::cagr: return "cagr";
    case relation_kind::contribution: return "contribution";
    case relation_kind::pull: return "pull";
    case relation_kind::index: return "index";
    }
    return "sum";
}

/// The graded verdict of one relation, the strongest that holds
/// (DESIGN.md): exact on the printed values; the derived figure is the
/// computed value rounded; possible for some true values within every
/// figure's rounding; impossible; or not checkable, with the reason.
enum class verdict : unsigned char { exact, rounds, within_rounding, inconsistent, cannot_check };

[[nodiscard]] constexpr std::string_view to_string(verdict v) noexcept {
    switch (v) {
    case verdict::exact: return "exact";
    case verdict::rounds: return "rounds";
    case verdict::within_rounding: return "within_rounding";
    case verdict::inconsistent: return "inconsistent";
    case verdict::cannot_check: return "cannot_check";
    }
    return "cannot_check";
}

/// Whether a verdict says the relation can hold.
[[nodiscard]] constexpr bool consistent(verdict v) noexcept {
    return v == verdict::exact || v == verdict::rounds || v == verdict::within_rounding;
}

/// The comparison of an `order` relation.
enum class order_op : unsigned char { greater, greater_equal, less, less_equal };

[[nodiscard]] constexpr std::string_view to_string(order_op op) noexcept {
    switch (op) {
    case order_op::greater: return ">";
    case order_op::greater_equal: return "≥";
    case order_op::less: return "<";
    case order_op::less_equal: return "≤";
    }
    return ">";
}

/// How a growth printed in 倍 (times) is read. 增长 n 倍 is the standard
/// reading `current = previous × (n + 1)`; 增长到 n 倍 and 是…的 n 倍 are
/// `current = previous × n`. Writers confuse them: a finding says which
/// reading was used.
enum class times_reading : unsigned char { plus_one, times };

/// The id of a figure as a relation names it: a string in 16 bytes, the
/// ids of up to 15 bytes held inline, longer ones on the heap (half a
/// `std::string`: a yearbook's relations name millions of figures). It reads
/// as a `std::string_view` and converts to and from strings.
///
///     reckon::figure_id id = "F2";
///     std::string_view v = id;             // "F2"
///     id == "F2";                          // true
///     "figure " + id;                      // std::string "figure F2"
class figure_id {
public:
    figure_id() noexcept { set_inline_size(0); }
    figure_id(std::string_view s) { assign(s); }
    figure_id(const std::string& s) { assign(s); }
    figure_id(const char* s) { assign(std::string_view(s)); }
    figure_id(const figure_id& other) { assign(other.view()); }
    figure_id(figure_id&& other) noexcept {
        std::memcpy(bytes_, other.bytes_, sizeof bytes_);
        other.set_inline_size(0);
    }
    figure_id& operator=(const figure_id& other) {
        if (this != &other) {
            figure_id copy(other);
            swap(copy);
        }
        return *this;
    }
    figure_id& operator=(figure_id&& other) noexcept {
        if (this != &other) {
            release();
            std::memcpy(bytes_, other.bytes_, sizeof bytes_);
            other.set_inline_size(0);
        }
        return *this;
    }
    ~figure_id() { release(); }

    [[nodiscard]] std::string_view view() const noexcept {
        if (on_heap()) {
            return {heap_data(), heap_size()};
        }
        return {reinterpret_cast<const char*>(bytes_),
                static_cast<std::size_t>(inline_max - bytes_[inline_max])};
    }
    operator std::string_view() const noexcept { return view(); }
    [[nodiscard]] std::string str() const { return std::string(view()); }
    explicit operator std::string() const { return str(); }

    [[nodiscard]] bool empty() const noexcept { return view().empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return view().size(); }
    void clear() noexcept {
        release();
        set_inline_size(0);
    }

    void swap(figure_id& other) noexcept {
        unsigned char t[sizeof bytes_];
        std::memcpy(t, bytes_, sizeof bytes_);
        std::memcpy(bytes_, other.bytes_, sizeof bytes_);
        std::memcpy(other.bytes_, t, sizeof bytes_);
    }

    friend bool operator==(const figure_id& a, const figure_id& b) noexcept {
        return a.view() == b.view();
    }
    friend bool operator!=(const figure_id& a, const figure_id& b) noexcept { return !(a == b); }
    friend bool operator<(const figure_id& a, const figure_id& b) noexcept {
        return a.view() < b.view();
    }
    friend bool operator==(const figure_id& a, std::string_view b) noexcept {
        return a.view() == b;
    }
    friend bool operator==(std::string_view a, const figure_id& b) noexcept {
        return a == b.view();
    }
    friend bool operator!=(const figure_id& a, std::string_view b) noexcept {
        return a.view() != b;
    }
    friend bool operator!=(std::string_view a, const figure_id& b) noexcept {
        return a != b.view();
    }
    friend bool operator==(const figure_id& a, const std::string& b) noexcept {
        return a.view() == b;
    }
    friend bool operator==(const std::string& a, const figure_id& b) noexcept {
        return b.view() == a;
    }
    friend bool operator!=(const figure_id& a, const std::string& b) noexcept { return !(a == b); }
    friend bool operator!=(const std::string& a, const figure_id& b) noexcept { return !(a == b); }
    friend bool operator==(const figure_id& a, const char* b) noexcept {
        return a.view() == std::string_view(b);
    }
    friend bool operator!=(const figure_id& a, const char* b) noexcept { return !(a == b); }

    friend std::string operator+(std::string a, const figure_id& b) { return a.append(b.view()); }
    friend std::string operator+(const char* a, const figure_id& b) {
        return std::string(a).append(b.view());
    }
    friend std::string operator+(const figure_id& a, std::string_view b) {
        return a.str().append(b);
    }
    friend std::string operator+(const figure_id& a, const char* b) { return a.str().append(b); }
    friend std::ostream& operator<<(std::ostream& os, const figure_id& id) {
        return os << id.view();
    }

private:
    static constexpr std::size_t inline_max = 15;
    static constexpr unsigned char heap_mark = 0xff;

    // Inline: the bytes, then 15 − size in the last byte (a NUL after 15 bytes). On the
    // heap: the pointer, the 32-bit size, and `heap_mark` in the last byte.
    [[nodiscard]] bool on_heap() const noexcept { return bytes_[inline_max] == heap_mark; }
    [[nodiscard]] const char* heap_data() const noexcept {
        const char* p = nullptr;
        std::memcpy(&p, bytes_, sizeof p);
        return p;
    }
    [[nodiscard]] std::uint32_t heap_size() const noexcept {
        std::uint32_t n = 0;
        std::memcpy(&n, bytes_ + sizeof(char*), sizeof n);
        return n;
    }
    void set_inline_size(std::size_t n) noexcept {
        bytes_[inline_max] = static_cast<unsigned char>(inline_max - n);
    }
    void assign(std::string_view s) {
        if (s.size() <= inline_max) {
            if (!s.empty()) {
                std::memcpy(bytes_, s.data(), s.size());
            }
            set_inline_size(s.size());
            return;
        }
        if (s.size() > 0xffffffffU) {
            throw std::length_error("reckon: a figure id longer than 4 GiB");
        }
        char* p = new char[s.size()];
        std::memcpy(p, s.data(), s.size());
        const auto n = static_cast<std::uint32_t>(s.size());
        std::memcpy(bytes_, &p, sizeof p);
        std::memcpy(bytes_ + sizeof p, &n, sizeof n);
        bytes_[inline_max] = heap_mark;
    }
    void release() noexcept {
        if (on_heap()) {
            delete[] heap_data();
            set_inline_size(0);
        }
    }

    alignas(8) unsigned char bytes_[inline_max + 1];
};

/// Compares a relation's ids with strings: `rel.figures == std::vector<std::string>{"F1"}`.
[[nodiscard]] inline bool operator==(const std::vector<figure_id>& a,
                                     const std::vector<std::string>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const figure_id& x, const std::string& y) { return x == y; });
}
[[nodiscard]] inline bool operator==(const std::vector<std::string>& a,
                                     const std::vector<figure_id>& b) {
    return b == a;
}
[[nodiscard]] inline bool operator!=(const std::vector<figure_id>& a,
                                     const std::vector<std::string>& b) {
    return !(a == b);
}
[[nodiscard]] inline bool operator!=(const std::vector<std::string>& a,
                                     const std::vector<figure_id>& b) {
    return !(b == a);
}

/// An optional text (a reason) in the space of one pointer: it reads like
/// `std::optional<std::string>`, at a fifth of its size, since a report may
/// hold a million relations and nearly all have none.
///
///     reckon::optional_text why;             // empty
///     why = "chained volumes are not additive";
///     if (why) { std::cout << *why; }
class optional_text {
public:
    optional_text() noexcept = default;
    optional_text(std::nullopt_t) noexcept {}
    optional_text(std::string s) : text_(std::make_unique<std::string>(std::move(s))) {}
    optional_text(const char* s) : optional_text(std::string(s)) {}
    optional_text(const std::optional<std::string>& s)
        : text_(s ? std::make_unique<std::string>(*s) : nullptr) {}
    optional_text(const optional_text& other)
        : text_(other.text_ ? std::make_unique<std::string>(*other.text_) : nullptr) {}
    optional_text(optional_text&&) noexcept = default;
    optional_text& operator=(const optional_text& other) {
        if (this != &other) {
            text_ = other.text_ ? std::make_unique<std::string>(*other.text_) : nullptr;
        }
        return *this;
    }
    optional_text& operator=(optional_text&&) noexcept = default;
    ~optional_text() = default;

    [[nodiscard]] bool has_value() const noexcept { return text_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }
    /// The text; only when `has_value()`.
    [[nodiscard]] const std::string& operator*() const noexcept { return *text_; }
    [[nodiscard]] const std::string* operator->() const noexcept { return text_.get(); }
    /// The text, or throws `std::bad_optional_access`.
    [[nodiscard]] const std::string& value() const {
        if (!text_) {
            throw std::bad_optional_access();
        }
        return *text_;
    }
    [[nodiscard]] std::string value_or(std::string otherwise) const {
        return text_ ? *text_ : otherwise;
    }
    void reset() noexcept { text_.reset(); }
    [[nodiscard]] std::optional<std::string> to_optional() const {
        return text_ ? std::optional<std::string>(*text_) : std::nullopt;
    }

    friend bool operator==(const optional_text& a, const optional_text& b) {
        return a.has_value() == b.has_value() && (!a || *a == *b);
    }
    friend bool operator!=(const optional_text& a, const optional_text& b) { return !(a == b); }

private:
    std::unique_ptr<std::string> text_;
};

/// A relation between figures of a report, named by their ids in the order
/// of the roles of its kind (see `relation_kind`). An empty id is a figure
/// the text does not give: the relation is then *cannot check*, with the
/// interval the others imply for it (for `shares_total`, an empty first id
/// is the exact 100 % that shares make).
///
///     reckon::relation r{"R2", reckon::relation_kind::sum, {"F2", "F5", "F8"}};
struct relation {
    relation() = default;
    relation(std::string id_, relation_kind kind_, std::vector<figure_id> figures_,
             std::string label_ = {})
        : id(std::move(id_)), figures(std::move(figures_)), label(std::move(label_)), kind(kind_) {}

    // (Members are ordered for size: a report may hold a million relations.)
    std::string id;
    std::vector<figure_id> figures; ///< ids, in the order of the roles of `kind`
    std::string label;              ///< what it says, for people: "funds = continued + new"
    unsigned years = 0; ///< for `cagr`: the years from first to last (0: not given, cannot
                        ///< check)
    relation_kind kind = relation_kind::sum;
    order_op op = order_op::greater; ///< for `order`
    bool complete = true;            ///< for `sum`: false when the parts may be a partial list
                                     ///< (其中 without 分别/其余): then Σ parts ≤ whole
    times_reading reading = times_reading::plus_one; ///< for `growth` printed in 倍
    bool as_written = false;     ///< for `growth`: apply the formula on a negative base (减亏)
    bool rate_divides = false;   ///< for `conversion` with a rate: a = b / rate
    bool whole_numbers = false;  ///< the missing figure is a count: judge it over whole
                                 ///< numbers (the GRIM test)
    optional_text candidate;     ///< inferred from text with doubt: reported with this reason
                                 ///< and never checked
    optional_text not_checkable; ///< a reason the figures cannot be related by arithmetic
                                 ///< (constant prices, chained volumes): the verdict is
                                 ///< cannot check
};

namespace detail {

/// A growth given by its current level and its increment, the previous level not printed
/// (比上年增加 8630 人, 增长 0.4 %): figures {rate, current, "", increment}, and the previous
/// level is current − increment. Checked as rate = 1 / (1 − increment / current) − 1, in
/// which each figure stands once, so interval arithmetic gives the exact range.
[[nodiscard]] inline bool growth_from_increment(const relation& r) {
    return r.kind == relation_kind::growth && r.figures.size() == 4 && r.figures[2].empty() &&
           !r.figures[1].empty() && !r.figures[3].empty();
}

/// The decimal places to which a compound rate is shown: its true value, (last / first)^(1/n)
/// − 1, is irrational in general. Verdicts never use these roundings.
inline constexpr int cagr_places = 12;

/// The compound rates f^(1/n) − 1 of the factors f ≥ 0 of an interval, for people: each end
/// rounded outward to `cagr_places` decimals (closed), or kept with its flag where the root is
/// exact. An unbounded top stays unbounded.
[[nodiscard]] inline interval cagr_rates(const interval& factors, unsigned years) {
    auto end = [&](const bound& b, rounding_mode mode) {
        if (b.infinite) {
            return b;
        }
        const rational v = b.value < 0 ? rational(0) : b.value;
        const rational g =
            stats::detail::root_minus_one(v, years, -cagr_places, mode).to_rational();
        const bool exact = stats::detail::rational_pow(1 + g, years) == v;
        return bound{g, false, exact && b.open};
    };
    return {end(factors.lower(), rounding_mode::floor),
            end(factors.upper(), rounding_mode::ceiling)};
}

} // namespace detail

/// An optional value held behind a pointer: it reads like `std::optional<T>`
/// (`has_value`, `*`, `->`, `value`, comparisons with a `T` or another box)
/// in the space of one pointer, for the members of a `finding` that are
/// large (intervals of rationals) or often absent.
///
///     reckon::optional_box<reckon::rational> x;   // empty
///     x = reckon::rational(1, 2);
///     if (x) { x->str(); }                         // "1/2"
///     x == reckon::rational(1, 2);                 // true
template <class T>
class optional_box {
public:
    using value_type = T;

    optional_box() noexcept = default;
    optional_box(std::nullopt_t) noexcept {}
    optional_box(const T& v) : value_(std::make_unique<T>(v)) {}
    optional_box(T&& v) : value_(std::make_unique<T>(std::move(v))) {}
    optional_box(const std::optional<T>& v) : value_(v ? std::make_unique<T>(*v) : nullptr) {}
    optional_box(const optional_box& other)
        : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
    optional_box(optional_box&&) noexcept = default;
    optional_box& operator=(const optional_box& other) {
        if (this != &other) {
            assign(other.value_.get());
        }
        return *this;
    }
    optional_box& operator=(optional_box&&) noexcept = default;
    optional_box& operator=(std::nullopt_t) noexcept {
        value_.reset();
        return *this;
    }
    optional_box& operator=(const T& v) {
        assign(&v);
        return *this;
    }
    optional_box& operator=(T&& v) {
        if (value_) {
            *value_ = std::move(v);
        } else {
            value_ = std::make_unique<T>(std::move(v));
        }
        return *this;
    }
    optional_box& operator=(const std::optional<T>& v) {
        assign(v ? &*v : nullptr);
        return *this;
    }
    ~optional_box() = default;

    [[nodiscard]] bool has_value() const noexcept { return value_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }
    /// The value; only when `has_value()`.
    [[nodiscard]] const T& operator*() const noexcept { return *value_; }
    [[nodiscard]] T& operator*() noexcept { return *value_; }
    [[nodiscard]] const T* operator->() const noexcept { return value_.get(); }
    [[nodiscard]] T* operator->() noexcept { return value_.get(); }
    /// The value, or throws `std::bad_optional_access`.
    [[nodiscard]] const T& value() const {
        if (!value_) {
            throw std::bad_optional_access();
        }
        return *value_;
    }
    [[nodiscard]] T value_or(T otherwise) const { return value_ ? *value_ : otherwise; }
    void reset() noexcept { value_.reset(); }
    template <class... Args>
    T& emplace(Args&&... args) {
        value_ = std::make_unique<T>(std::forward<Args>(args)...);
        return *value_;
    }
    [[nodiscard]] std::optional<T> to_optional() const {
        return value_ ? std::optional<T>(*value_) : std::nullopt;
    }

    friend bool operator==(const optional_box& a, const optional_box& b) {
        return a.has_value() == b.has_value() && (!a || *a == *b);
    }
    friend bool operator!=(const optional_box& a, const optional_box& b) { return !(a == b); }
    friend bool operator==(const optional_box& a, std::nullopt_t) noexcept { return !a; }
    friend bool operator==(std::nullopt_t, const optional_box& a) noexcept { return !a; }
    friend bool operator!=(const optional_box& a, std::nullopt_t) noexcept { return a.has_value(); }
    friend bool operator!=(std::nullopt_t, const optional_box& a) noexcept { return a.has_value(); }
    friend bool operator==(const optional_box& a, const T& b) { return a && *a == b; }
    friend bool operator==(const T& b, const optional_box& a) { return a && *a == b; }
    friend bool operator!=(const optional_box& a, const T& b) { return !(a == b); }
    friend bool operator!=(const T& b, const optional_box& a) { return !(a == b); }

private:
    void assign(const T* v) {
        if (v == nullptr) {
            value_.reset();
        } else if (value_) {
            *value_ = *v;
        } else {
            value_ = std::make_unique<T>(*v);
        }
    }

    std::unique_ptr<T> value_;
};

/// The result of checking one relation: the verdict with its numbers.
/// Values are in the base unit of the derived figure (yuan, kg, fraction);
/// `*_display` strings are in the derived figure's printed unit. The large
/// optional numbers are held behind pointers (`optional_box`): an audit of a
/// yearbook keeps a finding per relation.
struct finding {
    // (Members are ordered for size.)
    std::string id;         ///< the relation's id
    std::string label;      ///< the relation's label
    std::string expression; ///< "F2 = F5 + F8"
    std::vector<std::string> figures;
    optional_box<rational> computed;   ///< the derived value from the other printed figures
    optional_box<interval> allowed;    ///< the values the other figures' intervals allow
    rational tolerance{0};             ///< how far from the computed value the verdict allowed
    rational miss{0};                  ///< for inconsistent: the gap, in base units
    optional_box<rational> miss_steps; ///< the gap in last-digit steps of the derived figure
    optional_box<interval> implied;    ///< for a missing figure: what the others imply
    std::string unit_symbol;           ///< the printed unit of the derived figure
    rational unit_factor{1};           ///< its factor to base units
    std::string message;               ///< one line for people
    std::string reason;                ///< why it cannot be checked, or what was assumed
    std::string key;                   ///< stable fingerprint for dismissals
    relation_kind kind = relation_kind::sum;
    reckon::verdict verdict = verdict::cannot_check;
    bool tie_only = false; ///< consistent only at an exact rounding tie
};

namespace detail {

// 10^0 … 10^8, for reading the number at the end of a figure id.
inline constexpr std::size_t pow10_u[9] = {1,      10,      100,      1000,     10000,
                                           100000, 1000000, 10000000, 100000000};

// The number at the end of a figure id, of up to 9 digits ("F123" → 123; 0 without one): the
// figure's position when ids are numbered by position.
[[nodiscard]] inline std::size_t position_of(std::string_view id) noexcept {
    std::size_t number = 0;
    std::size_t digits = 0;
    for (std::size_t k = id.size(); k > 0 && digits < 9; --k, ++digits) {
        const char c = id[k - 1];
        if (c < '0' || c > '9') {
            break;
        }
        number += static_cast<std::size_t>(c - '0') * pow10_u[digits];
    }
    return number;
}

// Asks the processor for the figures that `r` names by position ("F123"), or for their labels
// (`labels`), ahead of checking it: a relation's first figure is mostly not in the cache yet, and
// its label is read for the key. Only a hint: a figure not numbered by position is skipped.
// Always inlined: GCC takes a function that only prefetches for one without effects, and drops
// the call.
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
inline void
prefetch_figures(const std::vector<figure>& figures, const relation& r, bool labels) noexcept {
    for (const figure_id& id : r.figures) {
        const std::size_t at = position_of(id);
        if (at < 1 || at > figures.size()) {
            continue;
        }
        const figure& f = figures[at - 1];
        if (labels) {
            __builtin_prefetch(f.label.data());
            if (f.label.size() > 64) {
                __builtin_prefetch(f.label.data() + 64);
            }
            continue;
        }
        const char* p = reinterpret_cast<const char*>(&f);
        for (std::size_t off = 0; off < sizeof(figure); off += 64) {
            __builtin_prefetch(p + off);
        }
    }
}

// FNV-1a, 64 bits: a stable fingerprint across runs and platforms, fed piece by piece (the
// same as over the pieces joined).
struct fingerprinter {
    std::uint64_t h = 14695981039346656037ULL;
    void add(std::string_view text) noexcept {
        for (char c : text) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
    }
    [[nodiscard]] std::string hex() const {
        static constexpr char digits[] = "0123456789abcdef";
        std::uint64_t v = h;
        std::string out(16, '0');
        for (int i = 15; i >= 0; --i) {
            out[static_cast<std::size_t>(i)] = digits[v & 0xFU];
            v >>= 4U;
        }
        return out;
    }
};

[[nodiscard]] inline std::string fingerprint(std::string_view text) {
    fingerprinter f;
    f.add(text);
    return f.hex();
}

// What `left op right` says of the side that is not given, from the interval
// of the side that is: a half-line, or everything when that side is unbounded.
template <class Number>
[[nodiscard]] basic_interval<Number> implied_by_order(order_op op, bool left_missing,
                                                      const basic_interval<Number>& known) {
    using range = basic_interval<Number>; // `interval` in Number
    const bool greater = op == order_op::greater || op == order_op::greater_equal;
    const bool strict = op == order_op::greater || op == order_op::less;
    // The missing side lies above the known side's lower end when it is the
    // greater one.
    const bool above = left_missing == greater;
    const basic_bound<Number>& b = above ? known.lower() : known.upper();
    if (b.infinite) {
        return range::everything();
    }
    const bool open = strict || b.open;
    return above ? range::above(b.value, open) : range::below(b.value, open);
}

// How a figure prints in a message: its display with its unit, appended to `s`; `display`, when
// given, is `f.signed_display().str()` already written.
inline void append_shown(std::string& s, const figure& f, const std::string* display = nullptr) {
    switch (f.qualifier) {
    case qualifier::more_than: s += "more than "; break;
    case qualifier::at_least: s += "at least "; break;
    case qualifier::under: s += "under "; break;
    case qualifier::at_most: s += "at most "; break;
    case qualifier::nearly: s += "nearly "; break;
    case qualifier::a_little_over: s += "over "; break;
    case qualifier::about: s += "about "; break;
    case qualifier::none: break;
    }
    if (display != nullptr) {
        s += *display;
    } else {
        s += f.signed_display().str();
    }
    if (!f.unit->symbol.empty()) {
        s += f.unit->kind == kind::share && f.unit->symbol.size() == 1 ? " " : " ";
        s += f.unit->symbol;
    }
}

// How a figure prints in a message: its display with its unit.
[[nodiscard]] inline std::string shown(const figure& f) {
    std::string s;
    append_shown(s, f);
    return s;
}

/// Whether `display_interval_as(x, conv, qual, tie)` depends on `tie`: when the rounding has
/// ties (half up, half even, half down, unknown tie, or about). Then with ties open both ends
/// are open (finite ends), and with ties closed the interval is the same but for those flags.
[[nodiscard]] inline bool ties_matter(const decimal& x, convention conv, qualifier qual) {
    switch (qual) {
    case qualifier::more_than:
    case qualifier::at_least:
    case qualifier::under:
    case qualifier::at_most: return false;
    case qualifier::nearly:
    case qualifier::a_little_over:
        if (!x.is_zero()) {
            return false;
        }
        conv = convention::unknown_tie;
        break;
    case qualifier::about: conv = convention::unknown_tie; break;
    case qualifier::none: break;
    }
    return conv == convention::unknown_tie || conv == convention::half_even ||
           conv == convention::half_up || conv == convention::half_down;
}

/// `figure::bounds` in `Number` (`rational` or `small_rational`): the same interval.
template <class Number>
[[nodiscard]] basic_interval<Number> figure_bounds(const figure& f, convention report_default,
                                                   ties tie) {
    const basic_interval<Number> printed = display_interval_as<Number>(
        f.display, f.effective_rounding(report_default), f.qualifier, tie);
    return (f.negated ? -printed : printed) *
           basic_interval<Number>::point(number_from<Number>(f.unit->factor));
}

/// `figure::value` in `Number`.
template <class Number>
[[nodiscard]] Number figure_value(const figure& f) {
    return number_of<Number>(f.signed_display()) * number_from<Number>(f.unit->factor);
}

/// `figure::resolution` in `Number`.
template <class Number>
[[nodiscard]] Number figure_resolution(const figure& f) {
    return number_of<Number>(f.display.resolution()) * number_from<Number>(f.unit->factor);
}

/// n × 10^e / 2 as a small rational, when it fits (terms below 2^62).
[[nodiscard]] inline bool small_half_steps(std::int64_t n, int e, small_rational& out) {
    if (e >= 0) {
        std::int64_t v = 0;
        if (e >= static_cast<int>(pow10_table.size()) ||
            __builtin_mul_overflow(n, pow10_table[static_cast<std::size_t>(e)], &v) ||
            v >= (std::int64_t{1} << 62) || v <= -(std::int64_t{1} << 62)) {
            return false;
        }
        out = small_rational(v, 2);
        return true;
    }
    if (-e >= static_cast<int>(pow10_table.size())) {
        return false;
    }
    out = small_rational(n, 2 * pow10_table[static_cast<std::size_t>(-e)]); // < 2^62
    return true;
}

/// A scaled figure's interval with tie ends closed and open, and its value, as small rationals
/// (what `figure::bounds` and `figure::value` give); false when they do not fit.
[[nodiscard]] inline bool small_figure(const scaled_figure& f,
                                       std::optional<basic_interval<small_rational>>& closed,
                                       std::optional<basic_interval<small_rational>>& open,
                                       std::optional<small_rational>& value) {
    small_rational lo;
    small_rational hi;
    small_rational v;
    if (!small_half_steps(f.t.lo, f.exponent, lo) || !small_half_steps(f.t.hi, f.exponent, hi) ||
        !small_half_steps(f.t.value, f.exponent, v)) {
        return false;
    }
    using range = basic_interval<small_rational>;
    closed = range::make(lo, f.t.lo_open[0], hi, f.t.hi_open[0]);
    open = range::make(lo, f.t.lo_open[1], hi, f.t.hi_open[1]);
    value = v;
    return true;
}

/// An interval of `Number` as an interval of rationals.
[[nodiscard]] inline const interval& to_interval(const interval& i) noexcept { return i; }
[[nodiscard]] inline interval to_interval(const basic_interval<small_rational>& i) {
    auto end = [](const basic_bound<small_rational>& b) {
        return bound{b.value.to_rational(), b.infinite, b.open};
    };
    return {end(i.lower()), end(i.upper())};
}

} // namespace detail

/// The verdict of a relation without its numbers and words: what
/// `checker::decide` returns, the same verdict, tie flag and miss as the
/// `finding` that `checker::check` builds, at a fraction of the cost.
///
///     const reckon::checker c(r.figures(), r.rounding());
///     reckon::decision d = c.decide(r.relations().front());
///     d.verdict;      // verdict::rounds: 119.4 / 148.2 = 80.566…% rounds to 80.6 %
///     d.miss_steps;   // for an inconsistent relation: the gap in steps of the derived figure
struct decision {
    reckon::verdict verdict = verdict::cannot_check;
    bool tie_only = false;              ///< consistent only at an exact rounding tie
    std::optional<rational> miss_steps; ///< for inconsistent: as `finding::miss_steps`
};

/// A relation resolved once against a checker's figures, for deciding it
/// again and again (`checker::decide`): its figures looked up, and, for the
/// common kinds on plain figures, their intervals as scaled integers, so
/// that deciding is a few exact 128-bit cross-multiplications. It refers to
/// the relation and holds the figures' values: valid while both are
/// unchanged. Other relations keep the rational path (`checker::check`).
///
///     const reckon::checker c(r.figures(), r.rounding());
///     const reckon::prepared_relation p = c.prepare(r.relations().front());
///     p.integer_path();        // true: a share of plain figures
///     c.decide(p).verdict;     // verdict::rounds
class prepared_relation {
public:
    /// The relation it was prepared from.
    [[nodiscard]] const relation& source() const noexcept { return *rel_; }
    /// Whether `checker::decide` takes the exact integer path for it.
    [[nodiscard]] bool integer_path() const noexcept { return shape_ != shape::general; }

private:
    friend class checker;
    enum class shape : unsigned char { general, linear, quotient };

    const relation* rel_ = nullptr;
    shape shape_ = shape::general;
    // linear: target = Σ terms, all at one power of ten. quotient: target · den ⋛ num
    // (den > 0), scaled so that no power of ten is left. Half steps (detail/scaled_figure.hpp).
    detail::scaled_term target_;
    detail::scaled_term num_;
    detail::scaled_term den_;
    std::vector<detail::scaled_term> terms_;
    std::int64_t step_ = 2; ///< one step of the derived figure, in the units of target_
};

/// Checks relations against figures: looks figures up by id in the span it
/// is given. Used by `report`/`audit`; usable alone.
///
///     const reckon::checker c(r.figures(), r.rounding());
///     c.check(r.relations().front()).message;   // the full finding, for people
///     c.decide(r.relations().front()).verdict;  // the verdict alone, fast
class checker {
public:
    checker(const std::vector<figure>& figures, convention rounding)
        : figures_(figures), rounding_(rounding) {}

    /// With an index of the figures' ids kept by their owner (`report::figure_index`), which
    /// must stay valid while the checker is used.
    checker(const std::vector<figure>& figures, convention rounding, const detail::id_index* index)
        : figures_(figures), rounding_(rounding), given_(index) {}

    [[nodiscard]] const figure* find(std::string_view id) const {
        // A report read from a long text has many figures: an index, built on first use,
        // keeps an audit linear (a linear search per lookup made it quadratic).
        if (figures_.size() > 32 && figures_.size() < detail::id_index::max_elements) {
            const detail::id_index* ix = given_;
            if (ix == nullptr) {
                if (indexed_ != figures_.size() || indexed_data_ != figures_.data()) {
                    own_.rebuild(figures_);
                    indexed_ = figures_.size();
                    indexed_data_ = figures_.data();
                }
                ix = &own_;
            }
            // A relation names figures printed close together, mostly: look among the
            // `near_window` figures either side of the last one found first (memory already at
            // hand), then in the index. Not with duplicate ids: the first one is found.
            const std::size_t n = figures_.size();
            const bool unique = !ix->duplicates();
            // Ids of neighbours mostly differ in their last character: compared first.
            auto same = [id](const std::string& other) {
                return other.size() == id.size() && (id.empty() || other.back() == id.back()) &&
                       std::string_view(other) == id;
            };
            if (unique && near_ < n && same(figures_[near_].id)) {
                return &figures_[near_];
            }
            // Ids numbered by position ("F123" the 123rd figure, as reports read from text and
            // built by `add` have them): that figure first.
            const std::size_t number = detail::position_of(id);
            if (unique && number >= 1 && number <= n && same(figures_[number - 1].id)) {
                near_ = number - 1;
                return &figures_[near_];
            }
            for (std::size_t d = 1; unique && d <= near_window; ++d) {
                if (near_ + d < n && same(figures_[near_ + d].id)) {
                    near_ += d;
                    return &figures_[near_];
                }
                if (near_ >= d && same(figures_[near_ - d].id)) {
                    near_ -= d;
                    return &figures_[near_];
                }
            }
            const std::size_t at = ix->find(figures_, id);
            if (at == detail::id_index::none) {
                return nullptr;
            }
            near_ = at;
            return &figures_[at];
        }
        for (const auto& f : figures_) {
            if (f.id == id) {
                return &f;
            }
        }
        return nullptr;
    }

    /// The full finding: verdict, numbers, message and fingerprint.
    [[nodiscard]] finding check(const relation& r) const;

    /// The same finding as `check`, computed on `rational` throughout: the reference that
    /// `check`'s own arithmetic (on 128-bit integers while the numbers fit) is tested against.
    ///
    ///     const reckon::checker c(r.figures(), r.rounding());
    ///     const reckon::relation& rel = r.relations().front();
    ///     c.check_on_rationals(rel).message == c.check(rel).message;   // true
    [[nodiscard]] finding check_on_rationals(const relation& r) const {
        return check_as<rational>(r);
    }

    /// Resolves a relation for `decide`; throws nothing that `check` would
    /// not (an unknown figure or too few figures leave it on the rational
    /// path, where deciding throws as `check` does).
    [[nodiscard]] prepared_relation prepare(const relation& r) const;

    /// The verdict of a prepared relation, identical to `check(...).verdict`,
    /// `tie_only` and `miss_steps`: exact integer arithmetic where the relation
    /// allows it, else the rational path.
    [[nodiscard]] decision decide(const prepared_relation& p) const;

    /// `decide(prepare(r))`.
    [[nodiscard]] decision decide(const relation& r) const { return decide(prepare(r)); }

private:
    struct slot {
        const figure* fig = nullptr; // null: missing (or implied 100 %)
    };

    [[nodiscard]] bool prepare_linear(const relation& r, const std::vector<slot>& s,
                                      prepared_relation& p) const;
    [[nodiscard]] bool prepare_quotient(const relation& r, const std::vector<slot>& s,
                                        prepared_relation& p) const;

    template <class Number>
    [[nodiscard]] finding check_as(const relation& r) const;
    template <class Number>
    [[nodiscard]] basic_interval<Number> eval(const relation& r,
                                              const std::vector<basic_interval<Number>>& in) const;
    // `eval` of the input slots' printed values (points): the same value, without intervals.
    [[nodiscard]] static detail::small_rational
    eval_value(const relation& r, const std::vector<std::optional<detail::small_rational>>& values);
    template <class Number>
    [[nodiscard]] std::optional<basic_interval<Number>>
    solve(const relation& r, std::size_t missing,
          const std::vector<std::optional<basic_interval<Number>>>& all) const;
    [[nodiscard]] std::optional<std::string> kind_problem(const relation& r,
                                                          const std::vector<slot>& s) const;
    // At most one slot, without an allocation.
    struct slot_list {
        std::size_t count = 0;
        std::size_t at[1] = {0};
        [[nodiscard]] const std::size_t* begin() const noexcept { return at; }
        [[nodiscard]] const std::size_t* end() const noexcept { return at + count; }
    };
    [[nodiscard]] static slot_list divisor_slots(const relation& r);
    // The relation written out: with figure ids, or with the figures shown; `slots`, when
    // given, holds the figures already looked up (one lookup per figure and check).
    // `displays`, when given, holds each slot's figure's `signed_display().str()`.
    [[nodiscard]] std::string expression(const relation& r, bool ids,
                                         const std::vector<slot>* slots = nullptr,
                                         const std::vector<std::string>* displays = nullptr) const;

    // Buffers of one check, kept by the checker so that checking allocates less (a checker is
    // not shared between threads: `find` keeps state too).
    template <class Number>
    struct scratch {
        std::vector<slot> slots;
        std::vector<std::size_t> missing;
        std::vector<std::string> displays;
        std::vector<std::optional<basic_interval<Number>>> closed;
        std::vector<std::optional<basic_interval<Number>>> open;
        std::vector<std::optional<Number>> values;
        std::vector<basic_interval<Number>> in_closed;
        std::vector<basic_interval<Number>> in_open;
        std::vector<basic_interval<Number>> in_points;
    };
    template <class Number>
    [[nodiscard]] scratch<Number>& scratch_for() const noexcept {
        if constexpr (std::is_same_v<Number, rational>) {
            return rational_scratch_;
        } else {
            return small_scratch_;
        }
    }

    // The power of ten of a unit's factor (`detail::pow10_exponent`), false when it is none;
    // remembered by unit (units are interned and never freed: one address per unit).
    [[nodiscard]] bool unit_exponent(const unit& u, int& e) const {
        for (const unit_power& p : unit_powers_) {
            if (p.u == &u) {
                e = p.exponent;
                return p.pow10;
            }
        }
        unit_power p{&u, 0, false};
        p.pow10 = detail::pow10_exponent(u.factor, p.exponent);
        unit_powers_.push_back(p);
        e = p.exponent;
        return p.pow10;
    }
    struct unit_power {
        const unit* u = nullptr;
        int exponent = 0;
        bool pow10 = false;
    };

    const std::vector<figure>& figures_;
    convention rounding_;
    mutable std::vector<unit_power> unit_powers_;
    mutable scratch<detail::small_rational> small_scratch_;
    mutable scratch<rational> rational_scratch_;
    const detail::id_index* given_ = nullptr; // kept by the report, when it has one
    mutable detail::id_index own_;            // else built on first use
    mutable std::size_t indexed_ = 0;
    mutable const figure* indexed_data_ = nullptr;
    mutable std::size_t near_ = 0; // the position of the figure found last
    static constexpr std::size_t near_window = 12;
};

inline checker::slot_list checker::divisor_slots(const relation& r) {
    switch (r.kind) {
    case relation_kind::share:
    case relation_kind::growth:
    case relation_kind::percent_of_target:
    case relation_kind::average:
    case relation_kind::ratio:
    case relation_kind::cagr:
    case relation_kind::contribution:
    case relation_kind::pull:
    case relation_kind::index: return {1, {2}};
    case relation_kind::conversion:
        if (r.rate_divides && r.figures.size() > 2) {
            return {1, {2}};
        }
        return {};
    default: return {};
    }
}

template <class Number>
inline basic_interval<Number> checker::eval(const relation& r,
                                            const std::vector<basic_interval<Number>>& in) const {
    using range = basic_interval<Number>; // `interval` in Number
    // `in` holds the input slots 1..n (not the derived slot 0).
    switch (r.kind) {
    case relation_kind::sum:
    case relation_kind::shares_total: {
        range acc = range::point(Number(0));
        for (const auto& i : in) {
            acc = acc + i;
        }
        return acc;
    }
    case relation_kind::product: {
        range acc = range::point(Number(1));
        for (const auto& i : in) {
            acc = acc * i;
        }
        return acc;
    }
    case relation_kind::difference:
    case relation_kind::points: return in.at(0) - in.at(1);
    case relation_kind::growth: {
        if (detail::growth_from_increment(r)) {
            // current / previous = 1 / (1 − increment / current); in.at(1) is a placeholder.
            const range one = range::point(Number(1));
            const range q = one / (one - in.at(2) / in.at(0));
            return r.reading == times_reading::times ? q : q - one;
        }
        range q = in.at(0) / in.at(1);
        if (r.reading == times_reading::times) {
            return q;
        }
        return q - range::point(Number(1));
    }
    case relation_kind::share:
    case relation_kind::percent_of_target:
    case relation_kind::average:
    case relation_kind::ratio: return in.at(0) / in.at(1);
    case relation_kind::conversion:
        if (in.size() < 2) {
            return in.at(0);
        }
        return r.rate_divides ? in.at(0) / in.at(1) : in.at(0) * in.at(1);
    case relation_kind::order: return in.at(0);
    case relation_kind::contribution:
    case relation_kind::pull: return in.at(0) / in.at(1);
    case relation_kind::index: return in.at(0) / in.at(1) * range::point(Number(100));
    case relation_kind::cagr:
        // The rates the levels allow, rounded outward for people (`check` decides on factors).
        if constexpr (std::is_same_v<Number, rational>) {
            return detail::cagr_rates(in.at(0) / in.at(1), r.years);
        } else {
            throw detail::small_overflow{}; // `check` sends compound growth to rationals
        }
    }
    return in.at(0);
}

inline detail::small_rational
checker::eval_value(const relation& r,
                    const std::vector<std::optional<detail::small_rational>>& values) {
    using number = detail::small_rational;
    // Input slot i (1 …); the unprinted previous level of a growth from its increment is 0.
    auto in = [&](std::size_t i) -> number {
        if (i >= values.size()) {
            throw detail::small_overflow{}; // as `eval`'s in.at: the reference path says it
        }
        return values[i] ? *values[i] : number(0);
    };
    const std::size_t n = values.size();
    switch (r.kind) {
    case relation_kind::sum:
    case relation_kind::shares_total: {
        number acc(0);
        for (std::size_t i = 1; i < n; ++i) {
            acc = acc + in(i);
        }
        return acc;
    }
    case relation_kind::product: {
        number acc(1);
        for (std::size_t i = 1; i < n; ++i) {
            acc = acc * in(i);
        }
        return acc;
    }
    case relation_kind::difference:
    case relation_kind::points: return in(1) - in(2);
    case relation_kind::growth: {
        if (detail::growth_from_increment(r)) {
            const number q = number(1) / (number(1) - in(3) / in(1));
            return r.reading == times_reading::times ? q : q - number(1);
        }
        const number q = in(1) / in(2);
        return r.reading == times_reading::times ? q : q - number(1);
    }
    case relation_kind::share:
    case relation_kind::percent_of_target:
    case relation_kind::average:
    case relation_kind::ratio:
    case relation_kind::contribution:
    case relation_kind::pull: return in(1) / in(2);
    case relation_kind::conversion:
        if (n < 3) {
            return in(1);
        }
        return r.rate_divides ? in(1) / in(2) : in(1) * in(2);
    case relation_kind::order: return in(1);
    case relation_kind::index: return in(1) / in(2) * number(100);
    case relation_kind::cagr: break;
    }
    throw detail::small_overflow{}; // compound growth: on rationals
}

template <class Number>
inline std::optional<basic_interval<Number>>
checker::solve(const relation& r, std::size_t missing,
               const std::vector<std::optional<basic_interval<Number>>>& all) const {
    using range = basic_interval<Number>; // `interval` in Number
    // Every relation is a single-use expression, so solving it for one slot
    // by interval arithmetic gives the exact range of that slot.
    auto at = [&](std::size_t i) -> const range& { return *all.at(i); };
    auto safe_div = [](const range& a, const range& b) -> std::optional<range> {
        if (b.may_be_zero()) {
            return std::nullopt;
        }
        return a / b;
    };
    const range one = range::point(Number(1));
    const std::size_t n = all.size();
    if (missing == 0) {
        std::vector<range> in;
        in.reserve(n);
        for (std::size_t i = 1; i < n; ++i) {
            // An input slot without a figure (the unprinted previous level of a growth
            // from its increment) is a placeholder that eval does not read.
            in.push_back(all.at(i) ? at(i) : range::point(Number(0)));
        }
        for (std::size_t d : divisor_slots(r)) {
            if (d < n && all.at(d) && at(d).may_be_zero()) {
                return std::nullopt;
            }
        }
        return eval(r, in);
    }
    switch (r.kind) {
    case relation_kind::sum:
    case relation_kind::shares_total: {
        range acc = at(0);
        for (std::size_t i = 1; i < n; ++i) {
            if (i != missing) {
                acc = acc - at(i);
            }
        }
        return acc;
    }
    case relation_kind::product: {
        range others = one;
        for (std::size_t i = 1; i < n; ++i) {
            if (i != missing) {
                others = others * at(i);
            }
        }
        return safe_div(at(0), others);
    }
    case relation_kind::difference:
    case relation_kind::points: return missing == 1 ? at(0) + at(2) : at(1) - at(0);
    case relation_kind::growth: {
        const range factor = r.reading == times_reading::times ? at(0) : at(0) + one;
        return missing == 1 ? std::optional<range>(at(2) * factor) : safe_div(at(1), factor);
    }
    case relation_kind::share:
    case relation_kind::percent_of_target:
    case relation_kind::average:
    case relation_kind::ratio:
        return missing == 1 ? std::optional<range>(at(0) * at(2)) : safe_div(at(1), at(0));
    case relation_kind::conversion:
        if (n < 3) {
            return at(0);
        }
        if (missing == 1) {
            return r.rate_divides ? std::optional<range>(at(0) * at(2)) : safe_div(at(0), at(2));
        }
        return r.rate_divides ? safe_div(at(1), at(0)) : safe_div(at(0), at(1));
    case relation_kind::order: return std::nullopt;
    case relation_kind::contribution:
    case relation_kind::pull:
        return missing == 1 ? std::optional<range>(at(0) * at(2)) : safe_div(at(1), at(0));
    case relation_kind::index: {
        const range hundred = range::point(Number(100));
        return missing == 1 ? std::optional<range>(at(0) * at(2) / hundred)
                            : safe_div(at(1) * hundred, at(0));
    }
    case relation_kind::cagr: {
        // last = first × (1 + rate)^years: exact, (1 + rate)^years being monotone.
        if constexpr (std::is_same_v<Number, rational>) {
            const range factor = stats::cagr_factor(at(0), r.years);
            if (factor.empty()) {
                return std::nullopt;
            }
            return missing == 1 ? std::optional<range>(at(2) * factor) : safe_div(at(1), factor);
        } else {
            throw detail::small_overflow{}; // `check` sends compound growth to rationals
        }
    }
    }
    return std::nullopt;
}

inline std::optional<std::string> checker::kind_problem(const relation& r,
                                                        const std::vector<slot>& s) const {
    auto k = [&](std::size_t i) { return s.at(i).fig->unit->kind; };
    auto have = [&](std::size_t i) { return i < s.size() && s[i].fig != nullptr; };
    auto describe = [&](std::size_t i) {
        const unit& u = *s[i].fig->unit;
        std::string d(to_string(u.kind));
        if (!u.dimension.empty()) {
            d += " (" + u.dimension + ")";
        }
        return s[i].fig->id + " is " + d;
    };
    auto same = [&](std::size_t a, std::size_t b) -> std::optional<std::string> {
        if (have(a) && have(b) && !compatible(s[a].fig->unit, s[b].fig->unit)) {
            return "kinds do not fit: " + describe(a) + ", " + describe(b);
        }
        return std::nullopt;
    };
    auto want = [&](std::size_t i, std::initializer_list<kind> ks,
                    std::string_view what) -> std::optional<std::string> {
        if (!have(i)) {
            return std::nullopt;
        }
        for (kind x : ks) {
            if (k(i) == x) {
                return std::nullopt;
            }
        }
        return "kinds do not fit: " + describe(i) + ", expected " + std::string(what);
    };
    const std::size_t n = s.size();
    switch (r.kind) {
    case relation_kind::sum:
    case relation_kind::difference:
    case relation_kind::order:
        for (std::size_t i = 1; i < n; ++i) {
            if (auto p = same(0, i)) {
                return p;
            }
            if (!have(0) && i > 1) {
                if (auto q = same(1, i)) {
                    return q;
                }
            }
        }
        return std::nullopt;
    case relation_kind::shares_total:
        for (std::size_t i = 0; i < n; ++i) {
            if (auto p = want(i, {kind::share}, "a share")) {
                return p;
            }
        }
        return std::nullopt;
    case relation_kind::share:
        if (auto p = want(0, {kind::share}, "a share")) {
            return p;
        }
        return same(1, 2);
    case relation_kind::growth:
        if (auto p = want(0, {kind::share, kind::number}, "a rate in % or 倍")) {
            return p;
        }
        if (detail::growth_from_increment(r)) {
            return same(1, 3);
        }
        return same(1, 2);
    case relation_kind::points:
        if (auto p = want(0, {kind::points}, "percentage points")) {
            return p;
        }
        if (auto p = want(1, {kind::share}, "a share")) {
            return p;
        }
        if (auto p = want(2, {kind::share}, "a share")) {
            return p;
        }
        return std::nullopt;
    case relation_kind::percent_of_target:
        if (auto p = want(0, {kind::share}, "a share")) {
            return p;
        }
        return same(1, 2);
    case relation_kind::average:
        if (auto p = want(2, {kind::count, kind::amount, kind::number}, "a count")) {
            return p;
        }
        return same(0, 1);
    case relation_kind::ratio:
        return want(0, {kind::number, kind::share}, "a plain ratio or a share");
    case relation_kind::product: return std::nullopt;
    case relation_kind::conversion:
        if (n < 3) {
            if (have(0) && have(1) && s[0].fig->unit->kind != s[1].fig->unit->kind) {
                return same(0, 1);
            }
            if (have(0) && have(1) && s[0].fig->unit->dimension != s[1].fig->unit->dimension) {
                return "no rate between " + s[0].fig->unit->dimension + " and " +
                       s[1].fig->unit->dimension + " is stated";
            }
        }
        return std::nullopt;
    case relation_kind::cagr:
        if (r.years == 0) {
            return std::string("the number of years of the compound growth is not given");
        }
        if (r.years > stats::max_cagr_years) {
            return "compound growth over more than " + std::to_string(stats::max_cagr_years) +
                   " years is not checked";
        }
        if (auto p = want(0, {kind::share}, "a rate in %")) {
            return p;
        }
        return same(1, 2);
    case relation_kind::contribution:
        if (auto p = want(0, {kind::share}, "a contribution in %")) {
            return p;
        }
        return same(1, 2);
    case relation_kind::pull:
        if (auto p = want(0, {kind::points, kind::share}, "percentage points")) {
            return p;
        }
        return same(1, 2);
    case relation_kind::index:
        if (auto p = want(0, {kind::number}, "an index number (previous period = 100)")) {
            return p;
        }
        return same(1, 2);
    }
    return std::nullopt;
}

inline std::string checker::expression(const relation& r, bool ids, const std::vector<slot>* slots,
                                       const std::vector<std::string>* displays) const {
    // Written into one buffer: the expression is built twice for every check.
    std::string s;
    if (!ids) {
        s.reserve(128); // and room for the message that starts with it
    }
    auto name = [&](std::size_t i) {
        if (i >= r.figures.size() || r.figures[i].empty()) {
            s += r.kind == relation_kind::shares_total && i == 0 ? "100 %" : "?";
            return;
        }
        if (ids) {
            s += r.figures[i].view();
            return;
        }
        const figure* f = slots != nullptr ? (*slots)[i].fig : find(r.figures[i]);
        if (f != nullptr) {
            detail::append_shown(s, *f, displays != nullptr ? &(*displays)[i] : nullptr);
        } else {
            s += r.figures[i].view();
        }
    };
    const std::size_t n = r.figures.size();
    auto join = [&](std::size_t from, std::string_view sep) {
        for (std::size_t i = from; i < n; ++i) {
            if (i > from) {
                s += sep;
            }
            name(i);
        }
    };
    // name(a) op name(b)
    auto binary = [&](std::size_t a, std::string_view op, std::size_t b) {
        name(a);
        s += op;
        name(b);
    };
    switch (r.kind) {
    case relation_kind::sum:
        name(0);
        s += r.complete ? " = " : " ≥ ";
        join(1, " + ");
        break;
    case relation_kind::shares_total:
        join(1, " + ");
        s += " = ";
        name(0);
        break;
    case relation_kind::product:
        name(0);
        s += " = ";
        join(1, " × ");
        break;
    case relation_kind::difference:
    case relation_kind::points:
        name(0);
        s += " = ";
        binary(1, " − ", 2);
        break;
    case relation_kind::growth:
        name(0);
        s += " = ";
        if (detail::growth_from_increment(r)) {
            name(1);
            s += " / (";
            binary(1, " − ", 3);
            s += ")";
            s += r.reading == times_reading::times ? "" : " − 1";
            break;
        }
        binary(1, " / ", 2);
        if (r.reading != times_reading::times) {
            s += " − 1";
        }
        break;
    case relation_kind::share:
    case relation_kind::percent_of_target:
    case relation_kind::average:
    case relation_kind::ratio:
    case relation_kind::contribution:
    case relation_kind::pull:
        name(0);
        s += " = ";
        binary(1, " / ", 2);
        break;
    case relation_kind::conversion:
        name(0);
        s += " = ";
        name(1);
        if (n > 2) {
            s += r.rate_divides ? " / " : " × ";
            name(2);
        }
        break;
    case relation_kind::order:
        name(0);
        s += " ";
        s += to_string(r.op);
        s += " ";
        name(1);
        break;
    case relation_kind::cagr:
        name(0);
        s += " = (";
        binary(1, " / ", 2);
        s += ")^(1/";
        s += std::to_string(r.years);
        s += ") − 1";
        break;
    case relation_kind::index:
        name(0);
        s += " = ";
        binary(1, " / ", 2);
        s += " × 100";
        break;
    }
    return s;
}

inline finding checker::check(const relation& r) const {
    // On small rationals (int128, no gcd after every operation) when the numbers fit; else,
    // and for compound growth (roots and powers stay on rationals), on rationals. Both give the
    // same finding: the small path is exact or it gives up.
    if (r.kind != relation_kind::cagr) {
        try {
            return check_as<detail::small_rational>(r);
        } catch (const detail::small_overflow&) {
            // numbers too large for the small path: the reference path below
        }
    }
    return check_as<rational>(r);
}

template <class Number>
inline finding checker::check_as(const relation& r) const {
    using range = basic_interval<Number>; // `interval` in Number
    using end_type = basic_bound<Number>; // `bound` in Number
    finding out;
    out.id = r.id;
    out.kind = r.kind;
    out.label = r.label;
    out.figures.assign(r.figures.begin(), r.figures.end());
    out.expression = expression(r, true);

    // Resolve the figures; note what is missing.
    // The per-check buffers are the checker's, kept from one check to the next.
    scratch<Number>& buffers = scratch_for<Number>();
    std::vector<slot>& slots = buffers.slots;
    slots.assign(r.figures.size(), slot{});
    std::vector<std::size_t>& missing = buffers.missing;
    missing.clear();
    std::vector<std::string>& displays = buffers.displays; // each figure's signed display
    displays.resize(r.figures.size());
    detail::fingerprinter key; // of kind|label=display unit|… (|- for a missing figure)
    key.add(to_string(r.kind));
    for (std::size_t i = 0; i < r.figures.size(); ++i) {
        if (r.figures[i].empty()) {
            if (!(r.kind == relation_kind::shares_total && i == 0) &&
                !(detail::growth_from_increment(r) && i == 2)) {
                missing.push_back(i);
            }
            key.add("|-");
            continue;
        }
        slots[i].fig = find(r.figures[i]);
        if (slots[i].fig == nullptr) {
            throw kind_error("reckon: relation " + r.id + " names an unknown figure \"" +
                             r.figures[i] + "\"");
        }
        key.add("|");
        key.add(slots[i].fig->label);
        key.add("=");
        displays[i] = slots[i].fig->signed_display().str();
        key.add(displays[i]);
        key.add(slots[i].fig->unit->symbol);
    }
    out.key = key.hex();
    const std::size_t min_figures =
        r.kind == relation_kind::sum || r.kind == relation_kind::shares_total ||
                r.kind == relation_kind::product
            ? 2
        : r.kind == relation_kind::order || r.kind == relation_kind::conversion ? 2
                                                                                : 3;
    if (r.figures.size() < min_figures) {
        throw kind_error("reckon: relation " + r.id + " (" + std::string(to_string(r.kind)) +
                         ") needs at least " + std::to_string(min_figures) + " figures");
    }

    // The derived figure fixes the unit in which numbers are shown.
    const figure* derived = slots[0].fig;
    const figure* unit_source = derived;
    for (std::size_t i = 1; unit_source == nullptr && i < slots.size(); ++i) {
        if (r.kind == relation_kind::sum || r.kind == relation_kind::difference ||
            r.kind == relation_kind::shares_total || r.kind == relation_kind::order) {
            unit_source = slots[i].fig;
        }
    }
    if (unit_source != nullptr) {
        out.unit_symbol = unit_source->unit->symbol;
        out.unit_factor = unit_source->unit->factor;
    } else if (r.kind == relation_kind::shares_total) {
        out.unit_symbol = "%";
        out.unit_factor = rational(1, 100);
    }

    // Every path below writes it once, into the message: moved there where it starts one.
    std::string shown_expr = expression(r, false, &slots, &displays);
    const Number unit_factor = detail::number_from<Number>(out.unit_factor);
    auto in_unit = [&](const Number& v) { return v / unit_factor; };
    auto cannot = [&](std::string why) {
        out.verdict = verdict::cannot_check;
        out.reason = std::move(why);
        out.message = std::move(shown_expr);
        out.message += ": cannot check: ";
        out.message += out.reason;
        return std::move(out); // every call is `return cannot(…)`: no copy of the finding
    };

    if (r.not_checkable) {
        return cannot(*r.not_checkable);
    }
    if (r.candidate) {
        return cannot("a candidate relation, not checked: " + *r.candidate);
    }
    if (auto p = kind_problem(r, slots)) {
        return cannot(*p);
    }

    // Intervals of every present figure, with tie ends closed and open.
    const convention conv = rounding_;
    std::vector<std::optional<range>>& closed = buffers.closed;
    std::vector<std::optional<range>>& open = buffers.open;
    std::vector<std::optional<Number>>& values = buffers.values;
    closed.assign(slots.size(), std::nullopt);
    open.assign(slots.size(), std::nullopt);
    values.assign(slots.size(), std::nullopt);
    bool displays_possible = true;
    bool inputs_bounded_qualifiers = true;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        if (slots[i].fig == nullptr) {
            if (r.kind == relation_kind::shares_total && i == 0) {
                closed[0] = open[0] = range::point(Number(1));
                values[0] = Number(1);
            }
            continue;
        }
        const figure& f = *slots[i].fig;
        if (i > 0 && f.qualifier != qualifier::none && f.qualifier != qualifier::about) {
            inputs_bounded_qualifiers = false;
        }
        if constexpr (std::is_same_v<Number, detail::small_rational>) {
            // A plain figure in a unit of a power of ten: its ends and value straight from
            // its half steps (detail/scaled_figure.hpp), the same rationals.
            int unit_e = 0;
            detail::scaled_figure sf;
            if (unit_exponent(*f.unit, unit_e) && detail::scale_display(f, conv, unit_e, sf) &&
                detail::small_figure(sf, closed[i], open[i], values[i])) {
                displays_possible = displays_possible && closed[i]->contains(*values[i]);
                continue;
            }
        }
        // f.bounds(conv, ties::closed), f.bounds(conv, ties::open) and f.value(), with the
        // unit's factor converted once.
        const Number factor = detail::number_from<Number>(f.unit->factor);
        const range at_factor = range::point(factor);
        const convention rounding = f.effective_rounding(conv);
        const range printed_closed =
            detail::display_interval_as<Number>(f.display, rounding, f.qualifier, ties::closed);
        closed[i] = (f.negated ? -printed_closed : printed_closed) * at_factor;
        // With ties open, the same interval with both (finite) ends open where the rounding has
        // ties, else the same interval (as display_interval_as with ties::open gives it).
        if (detail::ties_matter(f.display, rounding, f.qualifier)) {
            const range& c = *closed[i];
            open[i] = range::make(c.lower().value, true, c.upper().value, true);
        } else {
            open[i] = closed[i];
        }
        const Number printed = detail::number_of<Number>(f.display);
        values[i] = (f.negated ? -printed : printed) * factor;
        // f.display_is_possible(conv): the printed value inside its closed interval.
        displays_possible = displays_possible && closed[i]->contains(*values[i]);
    }

    // Growth on a base that is not positive.
    if (r.kind == relation_kind::growth && closed.size() > 2 && closed[2]) {
        const range& base = *closed[2];
        if (base.may_be_zero()) {
            return cannot("the base " + detail::shown(*slots[2].fig) + " may be zero");
        }
        // The closure excludes zero, so the base lies wholly on one side of it;
        // an unbounded lower end ("at most -5") is on the negative side too.
        if (!r.as_written && (base.lower().infinite || base.lower().value < 0)) {
            return cannot("growth on a negative base (" + detail::shown(*slots[2].fig) +
                          ") has no agreed meaning; ask for the formula as written");
        }
    }
    if (detail::growth_from_increment(r)) {
        // The previous level, current − increment, must be positive, and so the current.
        const range base = *closed[1] - *closed[3];
        if (closed[1]->may_be_zero() || base.may_be_zero()) {
            return cannot("the previous level (" + detail::shown(*slots[1].fig) + " − " +
                          detail::shown(*slots[3].fig) + ") may be zero");
        }
        if (!r.as_written && (base.lower().infinite || base.lower().value < 0 ||
                              closed[1]->lower().infinite || closed[1]->lower().value < 0)) {
            return cannot("growth on a negative base (" + detail::shown(*slots[1].fig) + " − " +
                          detail::shown(*slots[3].fig) +
                          ") has no agreed meaning; ask for the formula as written");
        }
    }
    for (std::size_t d : divisor_slots(r)) {
        if (d < closed.size() && closed[d] && closed[d]->may_be_zero()) {
            return cannot("the divisor " + detail::shown(*slots[d].fig) + " may be zero");
        }
    }
    if (r.kind == relation_kind::cagr) {
        for (std::size_t i = 1; i < 3 && i < closed.size(); ++i) {
            if (closed[i] && (closed[i]->lower().infinite || closed[i]->lower().value < 0)) {
                return cannot("a compound growth rate of a level that may be negative (" +
                              detail::shown(*slots[i].fig) + ") has no meaning");
            }
        }
    }

    // A missing figure: say what the others imply; judge a count by GRIM.
    if (!missing.empty()) {
        if (missing.size() > 1) {
            return cannot("more than one figure is not given");
        }
        const std::size_t m = missing.front();
        // An order, and a sum whose parts may be a partial list, bound the
        // missing figure on one side only.
        const bool one_sided =
            r.kind == relation_kind::order || (r.kind == relation_kind::sum && !r.complete);
        auto solve_for = [&](const std::vector<std::optional<range>>& all) -> std::optional<range> {
            if (!one_sided) {
                return solve(r, m, all);
            }
            if (r.kind == relation_kind::order) {
                return detail::implied_by_order(r.op, m == 0, *all.at(m == 0 ? 1 : 0));
            }
            // whole ≥ Σ parts: the whole is at least the parts; a part is at
            // most the whole less the other parts.
            range others = range::point(Number(0));
            for (std::size_t i = 1; i < all.size(); ++i) {
                if (i != m) {
                    others = others + *all[i];
                }
            }
            return m == 0 ? detail::implied_by_order(order_op::greater_equal, true, others)
                          : detail::implied_by_order(order_op::greater_equal, false,
                                                     *all.at(0) - others);
        };
        auto implied = solve_for(closed);
        if (!implied) {
            return cannot("the figure in role " + std::to_string(m + 1) +
                          " is not given, and the others do not bound it");
        }
        out.implied = detail::to_interval(*implied);
        if (r.whole_numbers && implied->bounded()) {
            // Whole numbers inside the implied interval (the GRIM test). A whole number is a
            // big_int on rationals, an int64 on small rationals (beyond: `small_overflow`).
            using whole_type =
                std::conditional_t<std::is_same_v<Number, rational>, big_int, std::int64_t>;
            auto whole_at = [](const Number& v, rounding_mode mode) -> whole_type {
                if constexpr (std::is_same_v<Number, rational>) {
                    return decimal::round(v, 0, mode).coefficient().to_big();
                } else {
                    const decimal d = detail::round_decimal(v, 0, mode); // exponent 0
                    if (!d.coefficient().is_small() || d.exponent() != 0) {
                        throw detail::small_overflow{};
                    }
                    return d.coefficient().small();
                }
            };
            auto number_at = [](const whole_type& k) {
                if constexpr (std::is_same_v<Number, rational>) {
                    return rational(k);
                } else {
                    return Number(k);
                }
            };
            auto least_whole = [&](const range& i) -> std::optional<whole_type> {
                const Number& lo = i.lower().value;
                whole_type k = whole_at(lo, rounding_mode::ceiling);
                if (i.lower().open && number_at(k) == lo) {
                    if constexpr (!std::is_same_v<Number, rational>) {
                        if (k == std::numeric_limits<std::int64_t>::max()) {
                            throw detail::small_overflow{};
                        }
                    }
                    ++k;
                }
                const Number& hi = i.upper().value;
                const Number kv = number_at(k);
                if (kv < hi || (kv == hi && !i.upper().open)) {
                    return k;
                }
                return std::nullopt;
            };
            const auto k = least_whole(*implied);
            if (!k) {
                // The miss: put the nearest whole numbers either side in the
                // missing slot and measure the gap at the derived figure.
                std::optional<Number> best;
                for (auto mode : {rounding_mode::floor, rounding_mode::ceiling}) {
                    const Number& end = mode == rounding_mode::floor ? implied->lower().value
                                                                     : implied->upper().value;
                    const Number whole = number_at(whole_at(end, mode));
                    std::optional<Number> gap;
                    if (m == 0) {
                        gap = distance(range::point(whole), *implied);
                    } else {
                        auto with = closed;
                        with[m] = range::point(whole);
                        if (auto derived_range = solve(r, 0, with)) {
                            gap = distance(*derived_range, *closed[0]);
                        }
                    }
                    if (gap && (!best || *gap < *best)) {
                        best = gap;
                    }
                }
                out.verdict = verdict::inconsistent;
                out.miss = best ? detail::to_rational(*best) : rational(0);
                if (m == 0) {
                    out.miss_steps = out.miss; // a count steps by one
                } else if (slots[0].fig != nullptr) {
                    out.miss_steps = out.miss / slots[0].fig->resolution();
                }
                out.message =
                    shown_expr + ": no whole number lies in " + out.implied->str() + " (GRIM test)";
                out.reason = "the unstated count must be a whole number";
                return out;
            }
            out.verdict = verdict::within_rounding;
            const auto implied_open = solve_for(open);
            out.tie_only = !implied_open || !implied_open->bounded() || !least_whole(*implied_open);
            out.message = shown_expr + ": possible with a whole count from ";
            if constexpr (std::is_same_v<Number, rational>) {
                out.message += k->str();
            } else {
                out.message += std::to_string(*k);
            }
            out.message += " (GRIM test)";
            if (out.tie_only) {
                out.message += " (only at an exact rounding tie)";
            }
            out.reason = "the unstated count is judged over whole numbers";
            return out;
        }
        // Show the implied bounds in the unit of a figure of the same kind.
        auto fig_at = [&](std::size_t i) -> const figure* {
            return i < slots.size() ? slots[i].fig : nullptr;
        };
        const figure* like = nullptr;
        std::string like_symbol;
        Number like_factor(1);
        int e = -2;
        switch (r.kind) {
        case relation_kind::sum:
        case relation_kind::difference:
        case relation_kind::order:
        case relation_kind::shares_total:
            for (std::size_t i = 0; i < slots.size() && like == nullptr; ++i) {
                like = fig_at(i);
            }
            break;
        case relation_kind::share:
        case relation_kind::percent_of_target:
        case relation_kind::growth:
        case relation_kind::points:
        case relation_kind::cagr:
        case relation_kind::contribution:
        case relation_kind::pull:
            if (m == 1 || m == 2) {
                like = fig_at(3 - m);
            } else {
                like_symbol = r.kind == relation_kind::points || r.kind == relation_kind::pull
                                  ? "个百分点"
                                  : "%";
                like_factor = Number(1, 100);
            }
            break;
        case relation_kind::average:
            if (m == 0 || m == 1) {
                like = fig_at(1 - m);
            }
            break;
        default: break;
        }
        if (like != nullptr) {
            like_symbol = like->unit->symbol;
            like_factor = detail::number_from<Number>(like->unit->factor);
            e = like->display.exponent() - 1;
        }
        const end_type& lo = implied->lower();
        const end_type& hi = implied->upper();
        std::string where = "lies in " + implied->str();
        if (lo.infinite && hi.infinite) {
            where = "may be anything";
        } else if (!like_symbol.empty()) {
            auto end_str = [&](const end_type& b, rounding_mode mode) {
                return detail::round_decimal(b.value / like_factor, e, mode).str();
            };
            // "more than" / "under" only when the shown end is the exact end.
            auto shown_exactly = [&](const end_type& b, rounding_mode mode) {
                return detail::number_of<Number>(
                           detail::round_decimal(b.value / like_factor, e, mode)) *
                           like_factor ==
                       b.value;
            };
            if (implied->bounded()) {
                where = "lies in " + end_str(lo, rounding_mode::floor) + " … " +
                        end_str(hi, rounding_mode::ceiling);
            } else if (!lo.infinite) {
                where = std::string(lo.open && shown_exactly(lo, rounding_mode::floor)
                                        ? "is more than "
                                        : "is at least ") +
                        end_str(lo, rounding_mode::floor);
            } else {
                where = std::string(hi.open && shown_exactly(hi, rounding_mode::ceiling)
                                        ? "is under "
                                        : "is at most ") +
                        end_str(hi, rounding_mode::ceiling);
            }
            where += " " + like_symbol;
        }
        return cannot("a figure is not given; the others imply it " + where);
    }

    // Order relations, and sums whose parts may be a partial list.
    const bool as_order =
        r.kind == relation_kind::order || (r.kind == relation_kind::sum && !r.complete);
    if (as_order) {
        range left = *closed[0];
        range right = *closed[1];
        range left_open = *open[0];
        range right_open = *open[1];
        Number lv = *values[0];
        Number rv = *values[1];
        order_op op = r.op;
        Number miss(0);
        if (r.kind == relation_kind::sum) {
            // whole ≥ Σ parts
            op = order_op::greater_equal;
            std::vector<range> pc;
            std::vector<range> po;
            pc.reserve(slots.size());
            po.reserve(slots.size());
            rv = Number(0);
            for (std::size_t i = 1; i < slots.size(); ++i) {
                pc.push_back(*closed[i]);
                po.push_back(*open[i]);
                rv += *values[i];
            }
            right = eval(r, pc);
            right_open = eval(r, po);
        }
        auto holds = [op](const Number& a, const Number& b) {
            switch (op) {
            case order_op::greater: return a > b;
            case order_op::greater_equal: return a >= b;
            case order_op::less: return a < b;
            case order_op::less_equal: return a <= b;
            }
            return false;
        };
        // Possible: some a in L, b in R with a op b.
        auto possible = [op](const range& l, const range& rr) {
            const bool greater = op == order_op::greater || op == order_op::greater_equal;
            const end_type& a = greater ? l.upper() : rr.upper();
            const end_type& b = greater ? rr.lower() : l.lower();
            if (a.infinite || b.infinite) {
                return true;
            }
            if (a.value > b.value) {
                return true;
            }
            const bool strict = op == order_op::greater || op == order_op::less;
            return a.value == b.value && !strict && !a.open && !b.open;
        };
        out.computed = detail::to_rational(rv);
        out.allowed = detail::to_interval(right);
        if (displays_possible && holds(lv, rv)) {
            out.verdict = verdict::exact;
        } else if (possible(left, right)) {
            out.verdict = verdict::within_rounding;
            out.tie_only = !possible(left_open, right_open);
        } else {
            out.verdict = verdict::inconsistent;
            const bool greater = op == order_op::greater || op == order_op::greater_equal;
            const end_type& a = greater ? left.upper() : right.upper();
            const end_type& b = greater ? right.lower() : left.lower();
            miss = b.value - a.value;
            if (derived != nullptr) {
                out.miss_steps =
                    detail::to_rational(miss / detail::figure_resolution<Number>(*derived));
            }
        }
        if (out.verdict != verdict::exact && left.bounded() && right.bounded()) {
            // As for equations: half the widths of both sides.
            out.tolerance = detail::to_rational((left.upper().value - left.lower().value +
                                                 right.upper().value - right.lower().value) /
                                                Number(2));
        }
        out.miss = detail::to_rational(miss);
        out.message = shown_expr + ": " + std::string(to_string(out.verdict));
        if (out.verdict == verdict::inconsistent) {
            out.message +=
                ", off by " + detail::rational_str(in_unit(miss)) + " " + out.unit_symbol;
        }
        return out;
    }

    // Compound growth: decided on factors, (1 + rate)^years against last / first, exactly
    // (stats::check_cagr); the rate itself is irrational in general and only shown rounded.
    if constexpr (!std::is_same_v<Number, rational>) {
        if (r.kind == relation_kind::cagr) {
            throw detail::small_overflow{}; // `check` sends compound growth to rationals
        }
    } else if (r.kind == relation_kind::cagr) {
        const unsigned n = r.years;
        const rational printed_factor = *values[1] / *values[2];
        const range levels = *closed[1] / *closed[2];
        const range levels_open = *open[1] / *open[2];
        const range factor = stats::cagr_factor(*closed[0], n);
        const range factor_open = stats::cagr_factor(*open[0], n);
        const rational g = *values[0];
        const rational computed =
            stats::detail::root_minus_one(printed_factor, n, -detail::cagr_places,
                                          rounding_mode::half_even)
                .to_rational();
        const range allowed = detail::cagr_rates(levels, n);
        out.computed = computed;
        out.allowed = allowed;
        out.reason = "compound growth over " + std::to_string(n) +
                     " years, decided exactly on (1 + rate)^" + std::to_string(n) +
                     "; the computed rate and its range are rounded to " +
                     std::to_string(detail::cagr_places) + " decimal places";
        // Shown like any computed value: exactly when the root is exact, else cut to 6 places
        // and "…" (cutting the rate cut to 12 places is cutting the true rate, for % and ‰).
        const std::string computed_shown = [&] {
            if (stats::detail::rational_pow(1 + computed, n) == printed_factor) {
                return detail::rational_str(in_unit(computed), 6);
            }
            const rational cut =
                stats::detail::root_minus_one(printed_factor, n, -detail::cagr_places,
                                              rounding_mode::toward_zero)
                    .to_rational();
            std::string s = decimal::round(in_unit(cut), -6, rounding_mode::toward_zero).str();
            while (s.size() > 2 && s.back() == '0' && s[s.size() - 2] != '.') {
                s.pop_back();
            }
            return s + "…";
        }();
        if (displays_possible && g >= -1 &&
            stats::detail::rational_pow(1 + g, n) == printed_factor) {
            out.verdict = verdict::exact;
            out.message = shown_expr;
        } else if (inputs_bounded_qualifiers && factor.contains(printed_factor)) {
            out.verdict = verdict::rounds;
            out.tie_only = intersect(factor_open, levels_open).empty() || factor_open.empty();
            out.tolerance = derived->resolution() / 2;
            out.message = shown_expr + ": computed " + computed_shown + " " + out.unit_symbol +
                          " rounds to " + detail::shown(*derived);
        } else if (!factor.empty() && !intersect(factor, levels).empty()) {
            out.verdict = verdict::within_rounding;
            out.tie_only = factor_open.empty() || intersect(factor_open, levels_open).empty();
            out.message = shown_expr + ": computed " + computed_shown + " " + out.unit_symbol +
                          ", within the rounding of the figures";
        } else {
            out.verdict = verdict::inconsistent;
            // The gap to the rates the levels allow, whose ends were rounded outward: at
            // least this much (by less than 10^-12), "…" unless the near end is exact.
            out.miss = distance(allowed, *closed[0]);
            out.miss_steps = out.miss / derived->resolution();
            const end_type& near_end = allowed.upper().value < closed[0]->lower().value
                                           ? allowed.upper()
                                           : allowed.lower();
            const bool exact_end =
                near_end.infinite ||
                stats::detail::rational_pow(1 + near_end.value, n) ==
                    (&near_end == &allowed.upper() ? levels.upper().value : levels.lower().value);
            std::string miss_shown = detail::rational_str(in_unit(out.miss));
            if (!exact_end) {
                miss_shown =
                    decimal::round(in_unit(out.miss), -8, rounding_mode::toward_zero).str();
                while (miss_shown.size() > 2 && miss_shown.back() == '0' &&
                       miss_shown[miss_shown.size() - 2] != '.') {
                    miss_shown.pop_back();
                }
                miss_shown += "…";
            }
            out.message = shown_expr + ": computed " + computed_shown + " " + out.unit_symbol +
                          ", off by " + miss_shown + " " + out.unit_symbol + " beyond rounding (" +
                          detail::steps_str(*out.miss_steps) + " steps of " +
                          detail::rational_str(in_unit(derived->resolution())) + ")";
        }
        if ((out.verdict == verdict::within_rounding || out.verdict == verdict::inconsistent) &&
            allowed.bounded() && closed[0]->bounded()) {
            out.tolerance = (allowed.upper().value - allowed.lower().value +
                             closed[0]->upper().value - closed[0]->lower().value) /
                            2;
        }
        if (out.tie_only) {
            out.message += " (only at an exact rounding tie)";
        }
        return out;
    }

    // Equations: derived (slot 0) against the value computed from the rest.
    std::vector<range>& in_closed = buffers.in_closed;
    std::vector<range>& in_open = buffers.in_open;
    std::vector<range>& in_points = buffers.in_points;
    in_closed.clear();
    in_open.clear();
    in_points.clear();
    for (std::size_t i = 1; i < slots.size(); ++i) {
        // The previous level of a growth from its increment, not given, is a placeholder.
        in_closed.push_back(closed[i] ? *closed[i] : range::point(Number(0)));
    }
    // The value from the printed values: on small rationals directly, on rationals (the
    // reference) as the interval of the points.
    const Number computed = [&] {
        if constexpr (std::is_same_v<Number, detail::small_rational>) {
            return eval_value(r, values);
        } else {
            for (std::size_t i = 1; i < slots.size(); ++i) {
                in_points.push_back(range::point(closed[i] ? *values[i] : Number(0)));
            }
            return eval(r, in_points).lower().value;
        }
    }();
    const range allowed = eval(r, in_closed);
    // With tie ends open: only for a verdict that may need a tie (not exact, not inconsistent).
    auto allowed_open = [&] {
        for (std::size_t i = 1; i < slots.size(); ++i) {
            in_open.push_back(closed[i] ? *open[i] : range::point(Number(0)));
        }
        return eval(r, in_open);
    };
    out.computed = detail::to_rational(computed);
    out.allowed = detail::to_interval(allowed);
    const range& target = *closed[0];
    const range& target_open = *open[0];
    const Number target_value = *values[0];

    auto step = [&] {
        if (derived != nullptr) {
            return detail::figure_resolution<Number>(*derived);
        }
        // An implied total: steps of the finest share.
        Number finest = slots.size() > 1 && slots[1].fig
                            ? detail::figure_resolution<Number>(*slots[1].fig)
                            : Number(1, 100);
        for (std::size_t i = 1; i < slots.size(); ++i) {
            if (slots[i].fig != nullptr) {
                const Number res = detail::figure_resolution<Number>(*slots[i].fig);
                if (res < finest) {
                    finest = res;
                }
            }
        }
        return finest;
    };

    // "<expression>: computed <value> <unit>", the start of every message but an exact one,
    // written into one buffer.
    auto computed_message = [&] {
        std::string m = std::move(shown_expr);
        m += ": computed ";
        m += detail::rational_str(in_unit(computed), 6);
        m += ' ';
        m += out.unit_symbol;
        return m;
    };
    if (displays_possible && computed == target_value) {
        out.verdict = verdict::exact;
        out.message = std::move(shown_expr);
    } else if (inputs_bounded_qualifiers && target.contains(computed)) {
        out.verdict = verdict::rounds;
        // Tie only when the relation needs a tie to hold at all, not merely
        // when the computed value sits on one: other true values may do.
        out.tie_only = intersect(allowed_open(), target_open).empty();
        out.tolerance =
            derived != nullptr
                ? detail::to_rational(detail::figure_resolution<Number>(*derived) / Number(2))
                : rational(0);
        out.message = computed_message();
        out.message += " rounds to ";
        if (derived != nullptr) {
            detail::append_shown(out.message, *derived, &displays[0]);
        } else {
            out.message += "100 %";
        }
    } else if (!intersect(allowed, target).empty()) {
        out.verdict = verdict::within_rounding;
        out.tie_only = intersect(allowed_open(), target_open).empty();
        out.message = computed_message();
        out.message += ", within the rounding of the figures";
    } else {
        out.verdict = verdict::inconsistent;
        const Number miss = distance(allowed, target);
        const Number one_step = step();
        const Number miss_steps = miss / one_step;
        out.miss = detail::to_rational(miss);
        out.miss_steps = detail::to_rational(miss_steps);
        out.message = computed_message();
        out.message += ", off by " + detail::rational_str(in_unit(miss)) + " " + out.unit_symbol +
                       " beyond rounding (" + detail::steps_str(miss_steps) + " steps of " +
                       detail::rational_str(in_unit(one_step)) + ")";
    }
    if (out.verdict == verdict::within_rounding || out.verdict == verdict::inconsistent) {
        if (allowed.bounded() && target.bounded()) {
            const Number w1 = allowed.upper().value - allowed.lower().value;
            const Number w2 = target.upper().value - target.lower().value;
            out.tolerance = detail::to_rational((w1 + w2) / Number(2));
        }
    }
    if (out.tie_only) {
        out.message += " (only at an exact rounding tie)";
    }
    if (r.kind == relation_kind::growth && derived != nullptr &&
        derived->unit->kind == kind::number) {
        out.reason = r.reading == times_reading::plus_one
                         ? "read as 增长 n 倍: current = previous × (n + 1)"
                         : "read as 是…的 n 倍: current = previous × n";
    }
    return out;
}

inline prepared_relation checker::prepare(const relation& r) const {
    prepared_relation p;
    p.rel_ = &r;
    if (r.not_checkable || r.candidate) {
        return p;
    }
    bool linear = false;
    bool quotient = false;
    switch (r.kind) {
    case relation_kind::sum: linear = r.complete; break;
    case relation_kind::shares_total:
    case relation_kind::difference:
    case relation_kind::points: linear = true; break;
    case relation_kind::share:
    case relation_kind::percent_of_target:
    case relation_kind::average:
    case relation_kind::ratio:
    case relation_kind::contribution:
    case relation_kind::pull:
    case relation_kind::index: quotient = true; break;
    case relation_kind::growth: quotient = !detail::growth_from_increment(r); break;
    default: break;
    }
    const std::size_t n = r.figures.size();
    const bool three =
        quotient || r.kind == relation_kind::difference || r.kind == relation_kind::points;
    if ((!linear && !quotient) || (three && n != 3) || n < 2) {
        return p;
    }
    std::vector<slot> slots(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (r.figures[i].empty()) {
            if (r.kind == relation_kind::shares_total && i == 0) {
                continue;
            }
            return p; // a figure not given: the rational path says what the others imply
        }
        slots[i].fig = find(r.figures[i]);
        if (slots[i].fig == nullptr) {
            return p;
        }
    }
    if (kind_problem(r, slots)) {
        return p;
    }
    if (linear ? prepare_linear(r, slots, p) : prepare_quotient(r, slots, p)) {
        p.shape_ = linear ? prepared_relation::shape::linear : prepared_relation::shape::quotient;
    } else {
        p.terms_.clear();
    }
    return p;
}

inline bool checker::prepare_linear(const relation& r, const std::vector<slot>& s,
                                    prepared_relation& p) const {
    // derived = Σ ± inputs: every figure at the finest power of ten among them.
    const std::size_t n = s.size();
    std::vector<detail::scaled_figure> f(n);
    int least = 0;
    bool first = true;
    for (std::size_t i = 0; i < n; ++i) {
        if (s[i].fig == nullptr) {
            continue;
        }
        if (!detail::scale_figure(*s[i].fig, rounding_, f[i])) {
            return false;
        }
        least = first ? f[i].exponent : std::min(least, f[i].exponent);
        first = false;
    }
    const bool implied_total = s[0].fig == nullptr; // shares adding up to 100 %
    if (implied_total) {
        least = std::min(least, 0);
        p.target_ = detail::scaled_term{2, 2, 2, {false, false}, {false, false}};
        if (!detail::scale_up(p.target_, -least)) {
            return false;
        }
    } else {
        p.target_ = f[0].t;
        if (!detail::scale_up(p.target_, f[0].exponent - least)) {
            return false;
        }
    }
    const bool minus_second =
        r.kind == relation_kind::difference || r.kind == relation_kind::points;
    p.terms_.reserve(n - 1);
    int finest = f[1].exponent;
    for (std::size_t i = 1; i < n; ++i) {
        detail::scaled_term t = f[i].t;
        if (!detail::scale_up(t, f[i].exponent - least)) {
            return false;
        }
        p.terms_.push_back(minus_second && i == 2 ? detail::negated(t) : t);
        finest = std::min(finest, f[i].exponent);
    }
    // One step of the derived figure, or of the finest share for an implied total.
    p.step_ = 2;
    return detail::scale_up(p.step_, (implied_total ? finest : f[0].exponent) - least);
}

inline bool checker::prepare_quotient(const relation& r, const std::vector<slot>& s,
                                      prepared_relation& p) const {
    // derived (+ 1 for a growth) = [100 ×] num / den, with den > 0: compared as
    // (d + off) · w ⋛ 2 · p · 10^x in half steps, x = e_p − e_w − e_d (+ 2 for an index).
    detail::scaled_figure d;
    detail::scaled_figure num;
    detail::scaled_figure den;
    if (!detail::scale_figure(*s[0].fig, rounding_, d) ||
        !detail::scale_figure(*s[1].fig, rounding_, num) ||
        !detail::scale_figure(*s[2].fig, rounding_, den)) {
        return false;
    }
    if (den.t.lo <= 0) {
        return false; // a divisor that may be zero or is negative: the rational path says why
    }
    if (r.kind == relation_kind::growth && r.reading == times_reading::plus_one) {
        std::int64_t one = 2; // 1 in half steps of 10^e_d
        if (!detail::scale_up(one, -d.exponent) || !detail::shift(d.t, one)) {
            return false;
        }
    }
    const int x =
        num.exponent - den.exponent - d.exponent + (r.kind == relation_kind::index ? 2 : 0);
    std::int64_t unit = 1; // units of target_ per half step of the derived figure
    if (x >= 0) {
        if (!detail::scale_up(num.t, x)) {
            return false;
        }
    } else if (!detail::scale_up(d.t, -x) || !detail::scale_up(unit, -x)) {
        return false;
    }
    if (!detail::multiply(num.t, 2)) {
        return false;
    }
    p.target_ = d.t;
    p.num_ = num.t;
    p.den_ = den.t;
    p.step_ = 2 * unit; // unit < 2^61
    return true;
}

inline decision checker::decide(const prepared_relation& p) const {
    using detail::int128;
    decision out;
    if (p.shape_ == prepared_relation::shape::general) {
        finding f = check(*p.rel_);
        out.verdict = f.verdict;
        out.tie_only = f.tie_only;
        if (f.miss_steps) {
            out.miss_steps = std::move(*f.miss_steps);
        }
        return out;
    }
    const detail::scaled_term& t = p.target_;
    // Whether an end a/b (b > 0) lies below the target's upper end, and the target's lower end
    // below an end c/d: the two conditions for the allowed values to meet the target's.
    struct end {
        int128 num;
        int128 den;
        bool open[2];
    };
    end lo{0, 1, {false, false}};
    end hi{0, 1, {false, false}};
    int128 computed_num = 0;
    int128 computed_den = 1;
    if (p.shape_ == prepared_relation::shape::linear) {
        for (const auto& x : p.terms_) {
            lo.num += x.lo;
            hi.num += x.hi;
            computed_num += x.value;
            for (int k = 0; k < 2; ++k) {
                lo.open[k] = lo.open[k] || x.lo_open[k];
                hi.open[k] = hi.open[k] || x.hi_open[k];
            }
        }
    } else {
        // num / den, den > 0: each end of num over the end of den that makes it extreme
        // (as interval multiplication by 1/den does; a zero end keeps its own flag).
        const detail::scaled_term& a = p.num_;
        const detail::scaled_term& b = p.den_;
        auto over = [](end& e, std::int64_t v, const bool* v_open, std::int64_t w,
                       const bool* w_open) {
            e.num = v;
            e.den = v == 0 ? 1 : w;
            for (int k = 0; k < 2; ++k) {
                e.open[k] = v_open[k] || (v != 0 && w_open[k]);
            }
        };
        if (a.lo >= 0) {
            over(lo, a.lo, a.lo_open, b.hi, b.hi_open);
        } else {
            over(lo, a.lo, a.lo_open, b.lo, b.lo_open);
        }
        if (a.hi >= 0) {
            over(hi, a.hi, a.hi_open, b.lo, b.lo_open);
        } else {
            over(hi, a.hi, a.hi_open, b.hi, b.hi_open);
        }
        computed_num = a.value;
        computed_den = b.value;
    }
    // lo/den vs the target's upper end, and the target's lower end vs hi/den.
    const int128 lo_vs = lo.num - int128{t.hi} * lo.den;
    const int128 hi_vs = int128{t.lo} * hi.den - hi.num;
    auto meets = [&](int k) {
        return (lo_vs < 0 || (lo_vs == 0 && !lo.open[k] && !t.hi_open[k])) &&
               (hi_vs < 0 || (hi_vs == 0 && !t.lo_open[k] && !hi.open[k]));
    };
    const int128 at_value = int128{t.value} * computed_den;
    const int128 from_lo = computed_num - int128{t.lo} * computed_den;
    const int128 to_hi = int128{t.hi} * computed_den - computed_num;
    if (at_value == computed_num) {
        out.verdict = verdict::exact;
    } else if ((from_lo > 0 || (from_lo == 0 && !t.lo_open[0])) &&
               (to_hi > 0 || (to_hi == 0 && !t.hi_open[0]))) {
        out.verdict = verdict::rounds;
        out.tie_only = !meets(1);
    } else if (meets(0)) {
        out.verdict = verdict::within_rounding;
        out.tie_only = !meets(1);
    } else {
        out.verdict = verdict::inconsistent;
        // distance(allowed, target), in steps of the derived figure.
        rational miss(0);
        if (hi_vs > 0) {
            miss = rational(detail::to_big(hi_vs), detail::to_big(hi.den));
        } else if (lo_vs > 0) {
            miss = rational(detail::to_big(lo_vs), detail::to_big(lo.den));
        }
        out.miss_steps = miss / p.step_;
    }
    return out;
}

} // namespace reckon
