// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// An exact rational simplex for the joint check of a report (joint.hpp): the
// general simplex of Dutertre and de Moura ("A fast linear-arithmetic solver
// for DPLL(T)", CAV 2006) with Bland's rule, over rationals with an int64
// fast path, and with an infinitesimal δ so that strict inequalities (the
// open ends of rounding intervals) are decided exactly: a system is strictly
// feasible over the rationals exactly when it is feasible over numbers a + b·δ
// for a positive infinitesimal δ. A bounded primal simplex on the same tableau
// finds the least and greatest value of a variable (the range of a figure).

#include <reckon/detail/exact_int.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace reckon::detail {

/// A rational number for the simplex: numerator and denominator in int64
/// (reduced, denominator positive) while they fit, checked with the
/// compiler's overflow builtins, and a Boost `rational` beyond that. The
/// tableaux of a report's relations are small rationals almost always, so
/// the fast path carries nearly all the arithmetic.
///
///     reckon::detail::lp_num a(1611, 2000);          // 0.8055
///     (a * reckon::detail::lp_num(2000)).to_rational(); // 1611
class lp_num {
public:
    lp_num() noexcept = default;
    lp_num(std::int64_t v) { // NOLINT(google-explicit-constructor): integers convert freely
        if (v == std::numeric_limits<std::int64_t>::min()) {
            big_ = std::make_unique<rational>(v);
        } else {
            n_ = v;
        }
    }
    lp_num(std::int64_t n, std::int64_t d) { *this = from_rational(rational(n, d)); }
    explicit lp_num(const rational& r) { *this = from_rational(r); }

    lp_num(const lp_num& o)
        : n_(o.n_), d_(o.d_), big_(o.big_ ? std::make_unique<rational>(*o.big_) : nullptr) {}
    lp_num(lp_num&&) noexcept = default;
    lp_num& operator=(const lp_num& o) {
        if (this != &o) {
            n_ = o.n_;
            d_ = o.d_;
            big_ = o.big_ ? std::make_unique<rational>(*o.big_) : nullptr;
        }
        return *this;
    }
    lp_num& operator=(lp_num&&) noexcept = default;
    ~lp_num() = default;

    [[nodiscard]] bool is_small() const noexcept { return !big_; }

    [[nodiscard]] rational to_rational() const {
        if (big_) {
            return *big_;
        }
        // Reduced already: a whole number needs no gcd.
        return d_ == 1 ? rational(big_int(n_)) : rational(big_int(n_), big_int(d_));
    }

    [[nodiscard]] int sign() const {
        if (big_) {
            return big_->sign();
        }
        return (n_ > 0) - (n_ < 0);
    }
    [[nodiscard]] bool is_zero() const { return big_ ? big_->is_zero() : n_ == 0; }

    [[nodiscard]] lp_num operator-() const {
        if (!big_) {
            lp_num r;
            r.n_ = -n_; // |n_| < 2^63: never INT64_MIN
            r.d_ = d_;
            return r;
        }
        return from_rational(-*big_);
    }

    friend lp_num operator+(const lp_num& a, const lp_num& b) {
        if (!a.big_ && !b.big_) {
            if (a.n_ == 0) {
                return b;
            }
            if (b.n_ == 0) {
                return a;
            }
            std::int64_t n = 0;
            if (a.d_ == b.d_) {
                if (!__builtin_add_overflow(a.n_, b.n_, &n)) {
                    return reduced(n, a.d_);
                }
            } else if (a.d_ == 1 || b.d_ == 1) {
                // i + p/q = (i·q + p)/q, reduced already: gcd(i·q + p, q) = gcd(p, q) = 1.
                const lp_num& i = a.d_ == 1 ? a : b;
                const lp_num& f = a.d_ == 1 ? b : a;
                std::int64_t x = 0;
                if (!__builtin_mul_overflow(i.n_, f.d_, &x) &&
                    !__builtin_add_overflow(x, f.n_, &n)) {
                    return coprime(n, f.d_);
                }
            } else {
                const std::int64_t g = std::gcd(a.d_, b.d_);
                const std::int64_t ad = a.d_ / g;
                const std::int64_t bd = b.d_ / g;
                std::int64_t x = 0;
                std::int64_t y = 0;
                std::int64_t d = 0;
                if (!__builtin_mul_overflow(a.n_, bd, &x) &&
                    !__builtin_mul_overflow(b.n_, ad, &y) && !__builtin_add_overflow(x, y, &n) &&
                    !__builtin_mul_overflow(a.d_, bd, &d)) {
                    // Coprime denominators give a reduced sum (gcd(n, d) divides g).
                    return g == 1 ? coprime(n, d) : reduced(n, d);
                }
            }
        }
        return from_rational(a.to_rational() + b.to_rational());
    }
    friend lp_num operator-(const lp_num& a, const lp_num& b) { return a + (-b); }

    friend lp_num operator*(const lp_num& a, const lp_num& b) {
        if (!a.big_ && !b.big_) {
            if (a.n_ == 0 || b.n_ == 0) {
                return {};
            }
            // ±1 (most coefficients of a report's rows): no gcd.
            if (a.d_ == 1 && (a.n_ == 1 || a.n_ == -1)) {
                return a.n_ == 1 ? b : -b;
            }
            if (b.d_ == 1 && (b.n_ == 1 || b.n_ == -1)) {
                return b.n_ == 1 ? a : -a;
            }
            // A whole factor's denominator shares nothing: gcd(x, 1) = 1 without a gcd.
            const std::int64_t g1 = b.d_ == 1 ? 1 : std::gcd(a.n_, b.d_);
            const std::int64_t g2 = a.d_ == 1 ? 1 : std::gcd(b.n_, a.d_);
            std::int64_t n = 0;
            std::int64_t d = 0;
            if (!__builtin_mul_overflow(a.n_ / g1, b.n_ / g2, &n) &&
                !__builtin_mul_overflow(a.d_ / g2, b.d_ / g1, &d) &&
                n != std::numeric_limits<std::int64_t>::min()) {
                lp_num r;
                r.n_ = n;
                r.d_ = d;
                return r;
            }
        }
        return from_rational(a.to_rational() * b.to_rational());
    }

    /// 1 / this; the caller never divides by zero (a programming error).
    [[nodiscard]] lp_num reciprocal() const {
        if (is_zero()) {
            throw std::domain_error("reckon::detail::lp_num: division by zero");
        }
        if (!big_) {
            lp_num r;
            r.n_ = n_ < 0 ? -d_ : d_;
            r.d_ = n_ < 0 ? -n_ : n_;
            return r;
        }
        return from_rational(rational(1) / *big_);
    }
    friend lp_num operator/(const lp_num& a, const lp_num& b) { return a * b.reciprocal(); }

    lp_num& operator+=(const lp_num& b) { return *this = *this + b; }
    lp_num& operator-=(const lp_num& b) { return *this = *this - b; }

    friend int compare(const lp_num& a, const lp_num& b) {
        if (!a.big_ && !b.big_) {
            if (a.d_ == b.d_) {
                return (a.n_ > b.n_) - (a.n_ < b.n_);
            }
            std::int64_t x = 0;
            std::int64_t y = 0;
            if (!__builtin_mul_overflow(a.n_, b.d_, &x) &&
                !__builtin_mul_overflow(b.n_, a.d_, &y)) {
                return (x > y) - (x < y);
            }
        }
        const rational ra = a.to_rational();
        const rational rb = b.to_rational();
        return ra < rb ? -1 : (rb < ra ? 1 : 0);
    }
    friend bool operator==(const lp_num& a, const lp_num& b) { return compare(a, b) == 0; }
    friend bool operator!=(const lp_num& a, const lp_num& b) { return compare(a, b) != 0; }
    friend bool operator<(const lp_num& a, const lp_num& b) { return compare(a, b) < 0; }
    friend bool operator>(const lp_num& a, const lp_num& b) { return compare(a, b) > 0; }
    friend bool operator<=(const lp_num& a, const lp_num& b) { return compare(a, b) <= 0; }
    friend bool operator>=(const lp_num& a, const lp_num& b) { return compare(a, b) >= 0; }

    /// n / d for d > 0, without a Boost rational while n ≠ INT64_MIN.
    [[nodiscard]] static lp_num fraction(std::int64_t n, std::int64_t d) { return reduced(n, d); }

    /// A rational as an lp_num: small when numerator and denominator fit.
    [[nodiscard]] static lp_num from_rational(const rational& r) {
        lp_num out;
        // Read from the limbs (no cpp_int temporaries): one limb below 2^63 each.
        if (!small_terms(r, out.n_, out.d_)) {
            out.big_ = std::make_unique<rational>(r);
        }
        return out;
    }

private:
    // n / d for d > 0 and n, d coprime (n = 0 only with d = 1): no gcd.
    [[nodiscard]] static lp_num coprime(std::int64_t n, std::int64_t d) {
        if (n == std::numeric_limits<std::int64_t>::min() || n == 0) {
            return reduced(n, d);
        }
        lp_num r;
        r.n_ = n;
        r.d_ = d;
        return r;
    }

    // n / d with d > 0, n ≠ INT64_MIN unless it falls back.
    [[nodiscard]] static lp_num reduced(std::int64_t n, std::int64_t d) {
        if (n == std::numeric_limits<std::int64_t>::min()) {
            return from_rational(rational(big_int(n), big_int(d)));
        }
        lp_num r;
        if (n == 0) {
            return r;
        }
        if (d == 1) {
            r.n_ = n;
            return r;
        }
        const std::int64_t g = std::gcd(n, d);
        r.n_ = n / g;
        r.d_ = d / g;
        return r;
    }

    std::int64_t n_ = 0;
    std::int64_t d_ = 1;
    std::unique_ptr<rational> big_;
};

/// A number a + b·δ for a positive infinitesimal δ, compared
/// lexicographically: `x > 3` is the bound `x ≥ 3 + δ`.
struct lp_value {
    lp_num a;
    lp_num b;

    friend lp_value operator+(const lp_value& x, const lp_value& y) {
        return {x.a + y.a, x.b + y.b};
    }
    friend lp_value operator-(const lp_value& x, const lp_value& y) {
        return {x.a - y.a, x.b - y.b};
    }
    friend lp_value operator*(const lp_num& k, const lp_value& x) {
        return {k * x.a, x.b.is_zero() ? lp_num() : k * x.b};
    }
    friend int compare(const lp_value& x, const lp_value& y) {
        const int c = compare(x.a, y.a);
        return c != 0 ? c : compare(x.b, y.b);
    }
    friend bool operator<(const lp_value& x, const lp_value& y) { return compare(x, y) < 0; }
    friend bool operator>(const lp_value& x, const lp_value& y) { return compare(x, y) > 0; }
    friend bool operator==(const lp_value& x, const lp_value& y) { return compare(x, y) == 0; }
};

/// Which bound of a variable took part in a conflict.
enum class lp_side { lower, upper };

/// The general simplex: structural variables 0 … columns−1, and one slack
/// variable per row (`add_row` returns its index) equal to a linear form of
/// the structural ones; bounds on any variable, possibly strict (through δ).
/// `check()` decides feasibility; on failure `conflict()` names a set of
/// bounds that cannot hold together (a Farkas row). Rows are sparse (sorted
/// entries), so a pivot costs what the rows it touches hold, not the width
/// of the system: the relations of a report touch few figures each.
///
///     reckon::detail::simplex lp(2);                // x0, x1
///     auto s = lp.add_row({{0, 1}, {1, 1}});       // s = x0 + x1
///     lp.set_lower(0, {1, 0}); lp.set_lower(1, {1, 0}); lp.set_upper(s, {1, 0});
///     lp.check();                                  // false: x0 + x1 ≥ 2 > 1
class simplex {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    explicit simplex(std::size_t columns)
        : pos_(columns, npos), value_(columns), lower_(columns), upper_(columns) {}

    /// Adds a row s = Σ coefficient·x over structural variables; returns s.
    /// Rows may come after a `check()` too (a cut): the row is then written
    /// over the current nonbasic variables, and s is basic in it.
    std::size_t add_row(const std::vector<std::pair<std::size_t, lp_num>>& terms) {
        const std::size_t s = pos_.size();
        lp_value v;
        std::vector<entry> acc;
        for (const auto& t : terms) {
            if (t.second.is_zero()) {
                continue;
            }
            v = v + t.second * value_[t.first];
            if (pos_[t.first] == npos) {
                add_entry(acc, t.first, t.second);
            } else {
                merge_into(scratch_, acc, npos, t.second, rows_[pos_[t.first]].e); // a basic one
                acc.swap(scratch_);
            }
        }
        scratch_.clear();
        pos_.push_back(rows_.size());
        value_.push_back(std::move(v));
        lower_.emplace_back();
        upper_.emplace_back();
        rows_.push_back(row{s, std::move(acc)});
        return s;
    }

    /// The value of Σ coefficient·x at the current assignment.
    [[nodiscard]] lp_value
    evaluate(const std::vector<std::pair<std::size_t, lp_num>>& terms) const {
        lp_value v;
        for (const auto& t : terms) {
            if (!t.second.is_zero()) {
                v = v + t.second * value_[t.first];
            }
        }
        return v;
    }

    void set_lower(std::size_t var, lp_value v) { lower_[var] = std::move(v); }
    void set_upper(std::size_t var, lp_value v) { upper_[var] = std::move(v); }
    /// Every bound, to put back later with `restore_bounds`: the tableau
    /// (any basis) stays valid whatever the bounds, so a system can be
    /// re-checked under other bounds from where it stands (a warm start).
    struct bounds_state {
        std::vector<std::optional<lp_value>> lower;
        std::vector<std::optional<lp_value>> upper;
    };
    [[nodiscard]] bounds_state save_bounds() const { return {lower_, upper_}; }
    /// Puts back the bounds saved; variables added since keep theirs.
    void restore_bounds(const bounds_state& b) {
        std::copy(b.lower.begin(), b.lower.end(), lower_.begin());
        std::copy(b.upper.begin(), b.upper.end(), upper_.begin());
    }

    void clear_bounds(std::size_t var) {
        lower_[var].reset();
        upper_[var].reset();
    }

    [[nodiscard]] const std::optional<lp_value>& lower(std::size_t var) const {
        return lower_[var];
    }
    [[nodiscard]] std::size_t variables() const noexcept { return pos_.size(); }
    [[nodiscard]] const lp_value& value(std::size_t var) const { return value_[var]; }
    [[nodiscard]] std::size_t pivots() const noexcept { return pivots_; }

    /// The bounds of the last failed `check()`: together they are infeasible.
    [[nodiscard]] const std::vector<std::pair<std::size_t, lp_side>>& conflict() const noexcept {
        return conflict_;
    }

    /// Whether values within every bound satisfy every row. Bland's rule
    /// (the smallest variable first) guarantees termination.
    [[nodiscard]] bool check() {
        conflict_.clear();
        const std::size_t n = pos_.size();
        // Bounds that contradict each other; nonbasic variables onto their bounds.
        for (std::size_t j = 0; j < n; ++j) {
            if (lower_[j] && upper_[j] && *upper_[j] < *lower_[j]) {
                conflict_ = {{j, lp_side::lower}, {j, lp_side::upper}};
                return false;
            }
        }
        for (std::size_t j = 0; j < n; ++j) {
            if (pos_[j] != npos) {
                continue;
            }
            if (lower_[j] && value_[j] < *lower_[j]) {
                move_nonbasic(j, *lower_[j]);
            } else if (upper_[j] && value_[j] > *upper_[j]) {
                move_nonbasic(j, *upper_[j]);
            }
        }
        for (;;) {
            std::size_t r = npos;
            std::size_t basic = npos;
            bool below = false;
            for (std::size_t i = 0; i < rows_.size(); ++i) {
                const std::size_t b = rows_[i].basic;
                if (b >= basic) {
                    continue;
                }
                if (lower_[b] && value_[b] < *lower_[b]) {
                    r = i;
                    basic = b;
                    below = true;
                } else if (upper_[b] && value_[b] > *upper_[b]) {
                    r = i;
                    basic = b;
                    below = false;
                }
            }
            if (r == npos) {
                return true;
            }
            // Entries are sorted: the first that can move is the smallest.
            const std::vector<entry>& e = rows_[r].e;
            const entry* in = nullptr;
            for (const entry& x : e) {
                const std::size_t j = x.col;
                const bool up = (x.val.sign() > 0) == below; // raising x_j helps
                if (up ? (!upper_[j] || value_[j] < *upper_[j])
                       : (!lower_[j] || value_[j] > *lower_[j])) {
                    in = &x;
                    break;
                }
            }
            if (in == nullptr) {
                conflict_.emplace_back(basic, below ? lp_side::lower : lp_side::upper);
                for (const entry& x : e) {
                    const bool up = (x.val.sign() > 0) == below;
                    conflict_.emplace_back(x.col, up ? lp_side::upper : lp_side::lower);
                }
                return false;
            }
            const std::size_t entering = in->col;
            const lp_value target = below ? *lower_[basic] : *upper_[basic];
            const lp_value theta = in->val.reciprocal() * (target - value_[basic]);
            move_nonbasic(entering, value_[entering] + theta);
            pivot(r, entering);
        }
    }

    /// The greatest (or least) value of `var` within every bound, after a
    /// successful `check()`; nothing when it is unbounded. The tableau stays
    /// feasible. Bland's rule again: the smallest entering and leaving
    /// variables, so degenerate steps never cycle.
    [[nodiscard]] std::optional<lp_value> optimize(std::size_t var, bool maximize) {
        const std::size_t n = pos_.size();
        std::vector<lp_num> c(n); // the objective over nonbasic variables
        if (pos_[var] == npos) {
            c[var] = lp_num(1);
        } else {
            for (const entry& x : rows_[pos_[var]].e) {
                c[x.col] = x.val;
            }
        }
        if (!maximize) {
            for (auto& x : c) {
                x = -x;
            }
        }
        for (;;) {
            std::size_t j = npos;
            for (std::size_t k = 0; k < n && j == npos; ++k) {
                if (pos_[k] != npos || c[k].is_zero()) {
                    continue;
                }
                if (c[k].sign() > 0 ? (!upper_[k] || value_[k] < *upper_[k])
                                    : (!lower_[k] || value_[k] > *lower_[k])) {
                    j = k;
                }
            }
            if (j == npos) {
                return value_[var];
            }
            const int dir = c[j].sign();
            std::optional<lp_value> theta;
            std::size_t leave = npos; // a row, or npos for a bound flip of x_j
            if (dir > 0 && upper_[j]) {
                theta = *upper_[j] - value_[j];
            } else if (dir < 0 && lower_[j]) {
                theta = value_[j] - *lower_[j];
            }
            for (std::size_t i = 0; i < rows_.size(); ++i) {
                const lp_num* a = coefficient(rows_[i], j);
                if (a == nullptr) {
                    continue;
                }
                const std::size_t b = rows_[i].basic;
                const bool rises = (a->sign() > 0) == (dir > 0);
                std::optional<lp_value> t;
                if (rises && upper_[b]) {
                    t = (dir > 0 ? *a : -*a).reciprocal() * (*upper_[b] - value_[b]);
                } else if (!rises && lower_[b]) {
                    t = (dir > 0 ? -*a : *a).reciprocal() * (value_[b] - *lower_[b]);
                }
                if (!t) {
                    continue;
                }
                if (!theta || *t < *theta ||
                    (*t == *theta && leave != npos && b < rows_[leave].basic)) {
                    theta = std::move(t);
                    leave = i;
                }
            }
            if (!theta) {
                return std::nullopt;
            }
            const lp_value step = dir > 0 ? *theta : lp_num(-1) * *theta;
            move_nonbasic(j, value_[j] + step);
            if (leave != npos) {
                pivot(leave, j);
                // Substitute x_j = Σ row·x in the objective.
                const lp_num cj = c[j];
                c[j] = lp_num();
                for (const entry& x : rows_[leave].e) {
                    c[x.col] += cj * x.val;
                }
            }
        }
    }

private:
    struct entry {
        std::size_t col;
        lp_num val;
    };
    struct row {
        std::size_t basic = 0;
        std::vector<entry> e; // basic = Σ val·x_col over nonbasic columns, sorted by column
    };

    [[nodiscard]] static const lp_num* coefficient(const row& r, std::size_t j) {
        auto it = std::lower_bound(r.e.begin(), r.e.end(), j,
                                   [](const entry& x, std::size_t c) { return x.col < c; });
        return it != r.e.end() && it->col == j ? &it->val : nullptr;
    }

    // out = a (without column `skip`) + k·b over sorted entries, without the zeros; a's entries
    // are moved from.
    static void merge_into(std::vector<entry>& out, std::vector<entry>& a, std::size_t skip,
                           const lp_num& k, const std::vector<entry>& b) {
        out.clear();
        out.reserve(a.size() + b.size());
        std::size_t i = 0;
        std::size_t j = 0;
        auto pass_skip = [&]() {
            while (i < a.size() && a[i].col == skip) {
                ++i;
            }
        };
        pass_skip();
        while (i < a.size() || j < b.size()) {
            if (j == b.size() || (i < a.size() && a[i].col < b[j].col)) {
                out.push_back(std::move(a[i++]));
            } else if (i == a.size() || b[j].col < a[i].col) {
                out.push_back({b[j].col, k * b[j].val});
                ++j;
            } else {
                lp_num v = a[i].val + k * b[j].val;
                if (!v.is_zero()) {
                    out.push_back({a[i].col, std::move(v)});
                }
                ++i;
                ++j;
            }
            pass_skip();
        }
    }

    // a + k·x_col over sorted entries, in place, without a zero (as `merge_into` with the one
    // entry {col, 1}).
    static void add_entry(std::vector<entry>& a, std::size_t col, const lp_num& k) {
        auto it = std::lower_bound(a.begin(), a.end(), col,
                                   [](const entry& x, std::size_t c) { return x.col < c; });
        if (it == a.end() || it->col != col) {
            a.insert(it, entry{col, k * lp_num(1)});
            return;
        }
        lp_num v = it->val + k * lp_num(1);
        if (v.is_zero()) {
            a.erase(it);
        } else {
            it->val = std::move(v);
        }
    }

    void move_nonbasic(std::size_t j, const lp_value& v) {
        const lp_value d = v - value_[j];
        for (auto& r : rows_) {
            if (const lp_num* a = coefficient(r, j)) {
                value_[r.basic] = value_[r.basic] + *a * d;
            }
        }
        value_[j] = v;
    }

    // Makes x_j (nonbasic, in row r) basic in row r.
    void pivot(std::size_t r, std::size_t j) {
        ++pivots_;
        row& pr = rows_[r];
        const std::size_t b = pr.basic;
        const lp_num inv = coefficient(pr, j)->reciprocal();
        // x_j = inv·x_b − Σ_{k≠j} (a_k·inv)·x_k
        std::vector<entry>& e = scratch_;
        e.clear();
        e.reserve(pr.e.size());
        bool placed = false;
        for (const entry& x : pr.e) {
            if (!placed && b < x.col) {
                e.push_back({b, inv});
                placed = true;
            }
            if (x.col != j) {
                e.push_back({x.col, -(x.val * inv)});
            }
        }
        if (!placed) {
            e.push_back({b, inv});
        }
        pr.e.swap(e);
        pr.basic = j;
        pos_[j] = r;
        pos_[b] = npos;
        // Every other row that holds x_j: x_j replaced by its new row (buffers swapped in turn,
        // not allocated per row).
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            if (i == r) {
                continue;
            }
            row& other = rows_[i];
            const lp_num* c = coefficient(other, j);
            if (c == nullptr) {
                continue;
            }
            const lp_num k = *c;
            merge_into(scratch_, other.e, j, k, rows_[r].e);
            other.e.swap(scratch_);
        }
        scratch_.clear();
    }

    std::vector<row> rows_;
    std::vector<std::size_t> pos_; // row of a basic variable, npos for nonbasic
    std::vector<lp_value> value_;
    std::vector<std::optional<lp_value>> lower_;
    std::vector<std::optional<lp_value>> upper_;
    std::vector<std::pair<std::size_t, lp_side>> conflict_;
    std::size_t pivots_ = 0;
    std::vector<entry> scratch_; // a row being rewritten; empty between calls
};

} // namespace reckon::detail
