// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The report as one system of constraints (joint.hpp): one variable per
// figure (its true value), bounded by the figure's interval; linear relations
// as rows; ratio-type relations as pairs of linear rows once the sign of
// their divisor is known, with McCormick's envelopes to tie a share's own
// value to part / whole. Figures linked by relations form independent parts
// (connected components), each solved on its own.

#include <reckon/detail/scaled_figure.hpp>
#include <reckon/detail/simplex.hpp>
#include <reckon/report.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace reckon::detail {

/// Which ends of the figures' intervals count: all closed; as the
/// conventions and qualifiers leave them (`figure::bounds(…, ties::closed)`:
/// half up's far end stays open, "more than" stays strict); or with every
/// rounding tie open too (`ties::open`), to find consistency that needs a tie.
enum class joint_mode { closure, flags, open };

/// A figure taking part in the joint check. The simplex works on the
/// scaled deviation y = (value − center) / scale, so that a figure's own
/// interval is about [−1/2, 1/2] and the numbers stay small.
struct joint_var {
    std::size_t figure = 0; ///< index in `report::figures()`
    rational center;        ///< the printed value, base units
    rational scale{1};      ///< one step of the last printed digit, base units
    interval flags;         ///< `bounds(…, ties::closed)`
    interval open;          ///< `bounds(…, ties::open)`
    lp_num center_n;        ///< `center`, for the simplex's rows
    lp_num scale_n{1};      ///< `scale`, for the simplex's rows

    /// An end of `flags` or `open` as a bound on y = (value − center) / scale.
    struct y_end {
        lp_num value;
        bool infinite = true;
        bool open = false;
    };
    std::array<y_end, 2> y_lo; ///< the lower ends of `flags` ([0]) and `open` ([1]), on y
    std::array<y_end, 2> y_hi; ///< their upper ends
    /// Whether `center`, `scale`, `flags` and `open` are made. `make_values` leaves them out
    /// (false) for a part without ratio relations: its simplex needs the `lp_num` fields only.
    bool exact = true;

    [[nodiscard]] interval bounds(joint_mode m) const {
        switch (m) {
        case joint_mode::closure: return flags.closure();
        case joint_mode::flags: return flags;
        case joint_mode::open: return open;
        }
        return flags;
    }
};

/// A linear form Σ coefficient · value over local variables.
using joint_form = std::vector<std::pair<std::size_t, rational>>;

enum class joint_cmp { eq, ge, gt };

/// form  (=, ≥, >)  rhs, over true values in base units.
struct joint_linear {
    joint_form terms;
    rational rhs;
    joint_cmp cmp = joint_cmp::eq;
    std::size_t relation = 0;
};

/// n = Q · d, with n and d linear forms, d of known sign, and Q a function
/// of the q-figures: factor · Π q + shift (a share, a growth's 1 + rate, an
/// index over 100), its reciprocal (a conversion rate that divides), or
/// (1 + q)^power (compound growth). Taken in as n/d ∈ Q, i.e.
/// `sign·(n − Q_lo·d) ≥ 0` and `sign·(n − Q_hi·d) ≤ 0` with Q's interval.
/// This keeps every true solution (it forgets only that the q-figures' own
/// values make n/d exactly; McCormick rows restore most of that), so an
/// infeasible system proves the report infeasible.
struct joint_ratio {
    joint_form n;
    joint_form d;
    int sign = 1;
    std::vector<std::size_t> q;
    rational factor{1};
    rational shift{0};
    bool invert = false;
    unsigned power = 0; ///< compound growth over this many years; 0: none
    std::size_t relation = 0;
};

/// An independent part of the report: figures linked by relations.
struct joint_component {
    std::vector<joint_var> vars;
    std::vector<std::size_t> figures; ///< before `make_values`: the report figure of each var
    std::vector<joint_linear> linear;
    std::vector<joint_ratio> ratios;
    std::vector<std::size_t> relations; ///< indices in `report::relations()`
};

/// What `witness_holds` needs of a figure: its printed value and its interval with every
/// rounding tie open (`joint_var::center`, `joint_var::open`), as `lp_num`s.
struct witness_var {
    lp_num center;
    lp_num lo;
    lp_num hi;
    bool lo_infinite = false;
    bool hi_infinite = false;
    bool lo_open = false;
    bool hi_open = false;
    bool empty = false;
};

struct joint_model {
    std::vector<joint_component> components;
    std::vector<std::pair<std::size_t, std::string>> left_out; ///< relation, reason
    std::vector<std::size_t> relaxed; ///< ratio-type relations (through interval bounds)
    /// The `witness_var`s made while building (of the divisors of ratio relations), for the
    /// joint check to take rather than make again: `light[light_slot[figure]]`, where
    /// `light_slot` (empty, or one per report figure) is not `simplex::npos`.
    std::vector<std::size_t> light_slot;
    std::vector<witness_var> light;
};

/// The sign of every value of an interval whose closure excludes zero; 0
/// otherwise.
[[nodiscard]] inline int strict_sign(const interval& i) {
    if (i.may_be_zero()) {
        return 0;
    }
    if (!i.lower().infinite) {
        return i.lower().value.sign();
    }
    return i.upper().value.sign();
}

/// `figure::bounds`, without the general interval product: the unit's
/// factor is positive, so it scales both ends and keeps their flags.
[[nodiscard]] inline interval figure_bounds(const figure& f, convention report_default, ties tie) {
    const rational& k = f.unit->factor;
    if (k <= 0) {
        return f.bounds(report_default, tie);
    }
    // As `figure::bounds`: the qualifier reads on the printed number, and a sign word then turns
    // the interval around (下降 more than 10: below −10).
    interval i =
        display_interval(f.display, f.effective_rounding(report_default), f.qualifier, tie);
    if (f.negated) {
        i = -i;
    }
    if (k == 1) {
        return i;
    }
    auto scale = [&k](const bound& b) {
        return b.infinite ? b : bound{b.value * k, false, b.open};
    };
    return {scale(i.lower()), scale(i.upper())};
}

/// A figure's interval as scaled integers for the joint check: `scale_figure`'s half steps of
/// 10^exponent, times the unit's factor num / den, which is 1 / 1 when the factor is a power of
/// ten (`exponent` holds it then) and a small positive fraction otherwise (斤: 1/2 kg).
struct joint_scaled {
    scaled_figure s;
    std::int64_t num = 1;
    std::int64_t den = 1;
};

/// `joint_scaled` of a figure; false when the integer path does not cover it.
[[nodiscard]] inline bool scale_joint(const figure& f, convention report_default,
                                      joint_scaled& out) {
    if (f.qualifier != qualifier::none && f.qualifier != qualifier::about) {
        return false;
    }
    // The factor's parts, read from its limbs: a power of ten (as `pow10_exponent` finds it: a
    // whole 10^k or 1 / 10^k, which fits an int64) or another small positive fraction.
    std::int64_t num = 0;
    std::int64_t den = 0;
    if (!small_terms(f.unit->factor, num, den) || num <= 0) {
        return false;
    }
    int unit_exponent = 0;
    out.num = num;
    out.den = den;
    if (den == 1 || num == 1) {
        const std::int64_t p = den == 1 ? num : den;
        for (std::size_t k = 0; k < pow10_table.size(); ++k) {
            if (pow10_table[k] == p) {
                unit_exponent = den == 1 ? static_cast<int>(k) : -static_cast<int>(k);
                out.num = 1;
                out.den = 1;
                break;
            }
        }
    }
    return scale_display(f, report_default, unit_exponent, out.s);
}

/// The interval of a linear form, given each variable's interval.
template <typename Bounds>
[[nodiscard]] interval form_interval(const joint_form& f, Bounds&& bounds_of) {
    interval acc = interval::point(rational(0));
    for (const auto& t : f) {
        const interval& b = bounds_of(t.first);
        acc = acc + (t.second == 1 ? b : b * interval::point(t.second));
    }
    return acc;
}

/// Q's interval from the q-figures' intervals (see `joint_ratio`); nothing
/// when it is not defined (a reciprocal of an interval that holds zero).
template <typename Bounds>
[[nodiscard]] std::optional<interval> ratio_q(const joint_ratio& q, Bounds&& bounds_of) {
    if (q.power > 0) {
        return stats::cagr_factor(bounds_of(q.q.front()), q.power);
    }
    interval p = bounds_of(q.q.front());
    for (std::size_t i = 1; i < q.q.size(); ++i) {
        p = p * bounds_of(q.q[i]);
    }
    if (q.factor != 1) {
        p = p * interval::point(q.factor);
    }
    if (q.shift != 0) {
        p = p + interval::point(q.shift);
    }
    if (q.invert) {
        if (p.may_be_zero()) {
            return std::nullopt;
        }
        p = p.reciprocal();
    }
    return p;
}

/// Fills `joint_var::y_lo` and `y_hi` from the variable's rationals.
inline void make_y_ends(joint_var& v) {
    for (std::size_t k = 0; k < 2; ++k) {
        const interval& i = k == 0 ? v.flags : v.open;
        auto end = [&v](const bound& b) {
            return b.infinite ? joint_var::y_end{}
                              : joint_var::y_end{(lp_num(b.value) - v.center_n) / v.scale_n, false,
                                                 b.open};
        };
        v.y_lo[k] = end(i.lower());
        v.y_hi[k] = end(i.upper());
    }
}

/// The variable of figure `i` of report `r` without its rationals (`joint_var::exact` false),
/// from the scaled integers: false, and `v` untouched, when they do not cover the figure or a
/// number does not fit an int64.
[[nodiscard]] inline bool make_lp_joint_var(const report& r, std::size_t i, joint_var& v) {
    const figure& f = r.figures()[i];
    joint_scaled js;
    if (!scale_joint(f, r.rounding(), js)) {
        return false;
    }
    const scaled_figure& sf = js.s;
    const int e = sf.exponent;
    const auto ae = static_cast<std::size_t>(e < 0 ? -e : e);
    if (ae >= pow10_table.size()) {
        return false;
    }
    const std::int64_t p = pow10_table[ae];
    // center = value·10^e·num / (2·den), scale = 10^e·num / den.
    std::int64_t cn = 0;
    std::int64_t cd = 0;
    std::int64_t sn = 0;
    std::int64_t sd = 0;
    if (e >= 0) {
        sd = js.den;
        if (__builtin_mul_overflow(sf.t.value, p, &cn) || __builtin_mul_overflow(cn, js.num, &cn) ||
            __builtin_mul_overflow(js.den, 2, &cd) || __builtin_mul_overflow(p, js.num, &sn)) {
            return false;
        }
    } else {
        sn = js.num;
        if (__builtin_mul_overflow(sf.t.value, js.num, &cn) || __builtin_mul_overflow(p, 2, &cd) ||
            __builtin_mul_overflow(cd, js.den, &cd) || __builtin_mul_overflow(p, js.den, &sd)) {
            return false;
        }
    }
    v.figure = i;
    v.exact = false;
    v.center_n = lp_num::fraction(cn, cd);
    v.scale_n = lp_num::fraction(sn, sd);
    // (end − center) / scale = (n_end − n_value) / 2: the scaled values stay below 2^61.
    for (std::size_t k = 0; k < 2; ++k) {
        v.y_lo[k] = {lp_num::fraction(sf.t.lo - sf.t.value, 2), false, sf.t.lo_open[k]};
        v.y_hi[k] = {lp_num::fraction(sf.t.hi - sf.t.value, 2), false, sf.t.hi_open[k]};
    }
    return true;
}

/// The variable of figure `i` of report `r`, with its interval `flags` if already known.
[[nodiscard]] inline joint_var make_joint_var(const report& r, std::size_t i,
                                              std::optional<interval> flags = std::nullopt) {
    const figure& f = r.figures()[i];
    joint_var v;
    v.figure = i;
    joint_scaled js;
    if (!flags && scale_joint(f, r.rounding(), js)) {
        // The same values from the scaled integers: n half steps of 10^exponent each, times the
        // unit's factor num / den.
        const scaled_figure& sf = js.s;
        const int e = sf.exponent;
        const big_int p = big_pow10(static_cast<unsigned>(e < 0 ? -e : e));
        const bool unit_factor = js.num == 1 && js.den == 1;
        // n·10^e / 2: a whole number without a gcd when n or 10^e is even.
        auto value = [&](std::int64_t n) {
            if (!unit_factor) {
                return e >= 0 ? rational(big_int(n) * p * js.num, big_int(js.den) * 2)
                              : rational(big_int(n) * js.num, p * js.den * 2);
            }
            if (e >= 0 && (n % 2 == 0 || e > 0)) {
                return n % 2 == 0 ? rational(big_int(n / 2) * p) : rational(big_int(n) * (p / 2));
            }
            return e >= 0 ? rational(big_int(n) * p, big_int(2)) : rational(big_int(n), p * 2);
        };
        v.center = value(sf.t.value);
        if (unit_factor) {
            v.scale = e >= 0 ? rational(p) : rational(big_int(1), p);
        } else {
            v.scale = e >= 0 ? rational(p * js.num, big_int(js.den))
                             : rational(big_int(js.num), p * js.den);
        }
        const rational lo = value(sf.t.lo);
        const rational hi = value(sf.t.hi);
        v.flags = interval(bound{lo, false, sf.t.lo_open[0]}, bound{hi, false, sf.t.hi_open[0]});
        v.open = interval(bound{lo, false, sf.t.lo_open[1]}, bound{hi, false, sf.t.hi_open[1]});
        v.center_n = lp_num::from_rational(v.center);
        v.scale_n = lp_num::from_rational(v.scale);
        make_y_ends(v);
        return v;
    }
    v.center = f.value();
    v.scale = f.resolution();
    if (v.scale <= 0) {
        v.scale = 1;
    }
    v.flags = flags ? std::move(*flags) : figure_bounds(f, r.rounding(), ties::closed);
    v.open = figure_bounds(f, r.rounding(), ties::open);
    v.center_n = lp_num::from_rational(v.center);
    v.scale_n = lp_num::from_rational(v.scale);
    make_y_ends(v);
    return v;
}

/// Gives a component built without values (`build_joint_model(…, false)`) its variables; in a
/// part without ratio relations without their rationals where the scaled integers cover them
/// (`make_lp_joint_var`): the simplex of such a part reads the `lp_num` fields only.
inline void make_values(joint_component& c, const report& r) {
    if (!c.vars.empty() || c.figures.empty()) {
        return;
    }
    const bool linear_only = c.ratios.empty();
    c.vars.reserve(c.figures.size());
    for (std::size_t i : c.figures) {
        joint_var v;
        if (linear_only && make_lp_joint_var(r, i, v)) {
            c.vars.push_back(std::move(v));
        } else {
            c.vars.push_back(make_joint_var(r, i));
        }
    }
}

/// The `witness_var` of a figure of printed value `center` (base units) and interval `open`
/// (`joint_var::open`).
[[nodiscard]] inline witness_var make_witness_var(const rational& center, const interval& open) {
    witness_var w;
    w.center = lp_num::from_rational(center);
    const interval& i = open;
    w.empty = i.empty();
    w.lo_infinite = i.lower().infinite;
    w.hi_infinite = i.upper().infinite;
    w.lo_open = i.lower().open;
    w.hi_open = i.upper().open;
    if (!w.lo_infinite) {
        w.lo = lp_num::from_rational(i.lower().value);
    }
    if (!w.hi_infinite) {
        w.hi = lp_num::from_rational(i.upper().value);
    }
    return w;
}

/// The `witness_var` of a variable made already.
[[nodiscard]] inline witness_var make_witness_var(const joint_var& v) {
    return make_witness_var(v.center, v.open);
}

/// The `witness_var` of figure `i` of report `r`: through the scaled integers of
/// `scale_figure` (no rational) where they cover the figure, else through `make_joint_var`.
[[nodiscard]] inline witness_var make_witness_var(const report& r, std::size_t i) {
    const figure& f = r.figures()[i];
    joint_scaled js;
    if (scale_joint(f, r.rounding(), js)) {
        // A value is n × 10^exponent / 2, times the unit's factor num / den.
        const scaled_figure& s = js.s;
        bool ok = true;
        std::int64_t num_scale = 1;
        std::int64_t den = 2;
        const int e = s.exponent;
        if (e >= 0 && static_cast<std::size_t>(e) < pow10_table.size()) {
            num_scale = pow10_table[static_cast<std::size_t>(e)];
        } else if (e < 0 && static_cast<std::size_t>(-e) < pow10_table.size() &&
                   !__builtin_mul_overflow(den, pow10_table[static_cast<std::size_t>(-e)], &den)) {
        } else {
            ok = false;
        }
        if (ok && (__builtin_mul_overflow(num_scale, js.num, &num_scale) ||
                   __builtin_mul_overflow(den, js.den, &den))) {
            ok = false;
        }
        auto value = [&](std::int64_t n, lp_num& out) {
            std::int64_t x = 0;
            if (!ok || __builtin_mul_overflow(n, num_scale, &x)) {
                ok = false;
                return;
            }
            out = lp_num::fraction(x, den);
        };
        witness_var w;
        value(s.t.value, w.center);
        value(s.t.lo, w.lo);
        value(s.t.hi, w.hi);
        w.lo_open = s.t.lo_open[1];
        w.hi_open = s.t.hi_open[1];
        w.empty = s.t.hi < s.t.lo || (s.t.hi == s.t.lo && (w.lo_open || w.hi_open));
        if (ok) {
            return w;
        }
        return make_witness_var(make_joint_var(r, i));
    }
    // As `make_joint_var` does without the scaled integers, and only what the witness needs.
    return make_witness_var(f.value(), figure_bounds(f, r.rounding(), ties::open));
}

/// Builds the constraint system of a report from its relations and their findings (one finding
/// per relation, in order). A relation of more than `max_terms` figures is left out. With
/// `values` false the components hold their figures' indices only (`joint_component::figures`),
/// and `make_values` gives each its variables when its turn comes: the variables' exact
/// intervals are most of the model's memory, and one part at a time needs little.
[[nodiscard]] inline joint_model build_joint_model(const report& r,
                                                   const std::vector<finding>& findings,
                                                   std::size_t max_terms = 1000,
                                                   bool values = true) {
    joint_model model;
    const auto& figs = r.figures();
    const auto& rels = r.relations();
    // Memory in proportion to the figures the relations use, not to the report: views of the
    // ids, and the intervals of the figures asked for only.
    // The figures by id: the report's index when it is fresh (reports built by `add` or read
    // from text), else one made here; with duplicate ids, the first (as the checker finds it).
    detail::id_index own_index;
    const detail::id_index* index = r.figure_index();
    if (index == nullptr && !figs.empty()) {
        own_index.rebuild(figs);
        index = &own_index;
    }
    auto figure_index = [&](std::string_view id) {
        const std::size_t at = index == nullptr ? detail::id_index::none : index->find(figs, id);
        return at == detail::id_index::none ? simplex::npos : at;
    };
    std::unordered_map<std::size_t, interval> flags;
    auto bounds_of = [&](std::size_t f) -> const interval& {
        auto it = flags.find(f);
        if (it == flags.end()) {
            it = flags.emplace(f, figure_bounds(figs[f], r.rounding(), ties::closed)).first;
        }
        return it->second;
    };

    // The sign of a form's values (`strict_sign` of its interval): it depends on the ends of the
    // closure only, which the figures' `witness_var`s give without rationals.
    // Each made once, at a slot per figure (made on the first ratio relation).
    std::vector<std::size_t>& light_slot = model.light_slot;
    std::vector<witness_var>& light = model.light;
    auto form_sign = [&](const joint_form& form) {
        lp_num lo;
        lp_num hi;
        for (const auto& t : form) {
            if (light_slot.empty()) {
                light_slot.assign(figs.size(), simplex::npos);
            }
            if (light_slot[t.first] == simplex::npos) {
                light_slot[t.first] = light.size();
                light.push_back(make_witness_var(r, t.first));
            }
            const witness_var& w = light[light_slot[t.first]];
            if (w.empty || w.lo_infinite || w.hi_infinite) {
                return strict_sign(form_interval(form, bounds_of));
            }
            const lp_num k = lp_num::from_rational(t.second);
            lp_num a = k * w.lo;
            lp_num b = k * w.hi;
            if (k.sign() < 0) {
                std::swap(a, b);
            }
            lo += a;
            hi += b;
        }
        return lo.sign() > 0 ? 1 : hi.sign() < 0 ? -1 : 0;
    };

    // The relations taken in, in order, each with its rows and figures in flat lists (variables
    // are report figure indices there).
    struct taken {
        std::size_t relation = 0;
        std::size_t linear_end = 0; // rows of `all_linear` up to here (from the previous one's)
        std::size_t ratios_end = 0;
        std::size_t figures_end = 0;
    };
    std::vector<taken> taken_in;
    std::vector<joint_linear> all_linear;
    std::vector<joint_ratio> all_ratios;
    std::vector<std::size_t> all_figures;
    std::vector<std::size_t> f; // the relation's figures, by slot

    for (std::size_t ri = 0; ri < rels.size(); ++ri) {
        // The findings (large) and relations are read once each, in order: fetched ahead, so
        // that the loop waits for memory less.
        if (ri + 8 < rels.size() && ri + 8 < findings.size()) {
            __builtin_prefetch(&findings[ri + 8].verdict);
            __builtin_prefetch(&rels[ri + 8]);
        }
        if (ri + 4 < rels.size()) {
            __builtin_prefetch(rels[ri + 4].figures.data());
        }
        if (ri + 2 < rels.size() && index != nullptr) {
            for (const auto& id : rels[ri + 2].figures) {
                index->prefetch(figs, id.view());
            }
        }
        const relation& rel = rels[ri];
        const finding& fd = findings.at(ri);
        if (fd.verdict == verdict::cannot_check) {
            model.left_out.emplace_back(ri, fd.reason.empty() ? std::string("cannot be checked")
                                                              : fd.reason);
            continue;
        }
        if (rel.figures.size() > max_terms) {
            model.left_out.emplace_back(ri, "more than " + std::to_string(max_terms) +
                                                " figures in one relation (joint_options::"
                                                "max_terms); checked alone only");
            continue;
        }
        const bool implied_total = rel.kind == relation_kind::shares_total &&
                                   !rel.figures.empty() && rel.figures[0].empty();
        const bool from_increment = growth_from_increment(rel);
        f.assign(rel.figures.size(), 0);
        bool missing = false;
        for (std::size_t i = 0; i < rel.figures.size(); ++i) {
            if (rel.figures[i].empty()) {
                if (!(implied_total && i == 0) && !(from_increment && i == 2)) {
                    missing = true;
                }
                continue;
            }
            const std::size_t found = figure_index(rel.figures[i]);
            if (found == simplex::npos) {
                throw kind_error("reckon: relation " + rel.id + " names an unknown figure \"" +
                                 rel.figures[i] + "\"");
            }
            f[i] = found;
        }
        if (missing) {
            model.left_out.emplace_back(ri, "a figure is not given");
            continue;
        }
        const std::size_t linear_begin = all_linear.size();
        const std::size_t ratios_begin = all_ratios.size();
        auto linear = [&](joint_form terms, rational rhs, joint_cmp cmp) {
            all_linear.push_back(joint_linear{std::move(terms), std::move(rhs), cmp, ri});
        };
        auto one = [&](std::size_t slot) { return joint_form{{f[slot], rational(1)}}; };
        // n = Q · d; false when d's sign is not known.
        auto ratio = [&](joint_form n, joint_form d, std::vector<std::size_t> q, rational factor,
                         rational shift, bool invert, unsigned power) {
            const int sign = form_sign(d);
            if (sign == 0) {
                return false;
            }
            all_ratios.push_back(joint_ratio{std::move(n), std::move(d), sign, std::move(q),
                                             std::move(factor), std::move(shift), invert, power,
                                             ri});
            return true;
        };
        auto plain = [&](std::size_t n, std::size_t d, std::size_t q, rational factor,
                         rational shift) {
            return ratio(one(n), one(d), {f[q]}, std::move(factor), std::move(shift), false, 0);
        };
        auto sign_of = [&](std::size_t slot) { return form_sign(one(slot)); };
        std::optional<std::string> nonlinear;
        const std::size_t k = rel.figures.size();
        switch (rel.kind) {
        case relation_kind::sum:
        case relation_kind::shares_total: {
            joint_form terms;
            rational rhs(0);
            if (implied_total) {
                rhs = 1;
            } else {
                terms.emplace_back(f[0], rational(1));
            }
            for (std::size_t i = 1; i < k; ++i) {
                terms.emplace_back(f[i], rational(implied_total ? 1 : -1));
            }
            const bool partial = rel.kind == relation_kind::sum && !rel.complete;
            linear(std::move(terms), rhs, partial ? joint_cmp::ge : joint_cmp::eq);
            break;
        }
        case relation_kind::difference:
        case relation_kind::points:
            linear({{f[0], rational(1)}, {f[1], rational(-1)}, {f[2], rational(1)}}, rational(0),
                   joint_cmp::eq);
            break;
        case relation_kind::order: {
            const bool greater = rel.op == order_op::greater || rel.op == order_op::greater_equal;
            const bool strict = rel.op == order_op::greater || rel.op == order_op::less;
            linear({{f[0], rational(greater ? 1 : -1)}, {f[1], rational(greater ? -1 : 1)}},
                   rational(0), strict ? joint_cmp::gt : joint_cmp::ge);
            break;
        }
        case relation_kind::share:
        case relation_kind::percent_of_target:
        case relation_kind::ratio:
        case relation_kind::average:
        case relation_kind::contribution:
        case relation_kind::pull:
            if (!plain(1, 2, 0, rational(1), rational(0))) {
                nonlinear = "its divisor may be zero";
            }
            break;
        case relation_kind::index: // index = current / previous × 100
            if (!plain(1, 2, 0, rational(1, 100), rational(0))) {
                nonlinear = "its divisor may be zero";
            }
            break;
        case relation_kind::growth: {
            const rational shift = rel.reading == times_reading::plus_one ? 1 : 0;
            if (from_increment) { // previous = current − increment
                if (!ratio(one(1), {{f[1], rational(1)}, {f[3], rational(-1)}}, {f[0]}, rational(1),
                           shift, false, 0)) {
                    nonlinear = "its base may be zero";
                }
            } else if (!plain(1, 2, 0, rational(1), shift)) {
                nonlinear = "its base may be zero";
            }
            break;
        }
        case relation_kind::cagr: // (1 + rate)^years = last / first
            if (!ratio(one(1), one(2), {f[0]}, rational(1), rational(0), false, rel.years)) {
                nonlinear = "its base may be zero";
            }
            break;
        case relation_kind::conversion:
            if (k < 3) {
                linear({{f[0], rational(1)}, {f[1], rational(-1)}}, rational(0), joint_cmp::eq);
                break;
            }
            if (!rel.rate_divides) { // a = b × rate: a / b = rate, or b / a = 1 / rate
                if (!plain(0, 1, 2, rational(1), rational(0)) &&
                    !(sign_of(2) != 0 &&
                      ratio(one(1), one(0), {f[2]}, rational(1), rational(0), true, 0))) {
                    nonlinear = "a product of two figures whose signs are not known";
                }
            } else { // a = b / rate: b / a = rate, or a / b = 1 / rate
                if (!plain(1, 0, 2, rational(1), rational(0)) &&
                    !(sign_of(2) != 0 &&
                      ratio(one(0), one(1), {f[2]}, rational(1), rational(0), true, 0))) {
                    nonlinear = "a quotient of figures whose signs are not known";
                }
            }
            break;
        case relation_kind::product: {
            if (k == 2) {
                linear({{f[0], rational(1)}, {f[1], rational(-1)}}, rational(0), joint_cmp::eq);
                break;
            }
            std::size_t d = 0;
            for (std::size_t i = 1; i < k && d == 0; ++i) {
                if (sign_of(i) != 0) {
                    d = i;
                }
            }
            std::vector<std::size_t> q;
            for (std::size_t i = 1; i < k; ++i) {
                if (i != d) {
                    q.push_back(f[i]);
                }
            }
            if (d == 0 ||
                !ratio(one(0), one(d), std::move(q), rational(1), rational(0), false, 0)) {
                nonlinear = "a product of figures none of whose signs is known";
            }
            break;
        }
        }
        if (nonlinear) {
            model.left_out.emplace_back(ri, "non-linear: " + *nonlinear);
            // Nothing of it is taken in.
            all_linear.erase(all_linear.begin() + static_cast<std::ptrdiff_t>(linear_begin),
                             all_linear.end());
            all_ratios.erase(all_ratios.begin() + static_cast<std::ptrdiff_t>(ratios_begin),
                             all_ratios.end());
            continue;
        }
        if (all_ratios.size() > ratios_begin) {
            model.relaxed.push_back(ri);
        }
        for (std::size_t i = 0; i < k; ++i) {
            if (!rel.figures[i].empty()) {
                all_figures.push_back(f[i]);
            }
        }
        taken_in.push_back({ri, all_linear.size(), all_ratios.size(), all_figures.size()});
    }

    // Connected components of figures linked by the relations taken in.
    std::vector<std::size_t> parent(figs.size());
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    auto root = [&](std::size_t x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    };
    std::vector<bool> used(figs.size(), false);
    for (std::size_t t = 0; t < taken_in.size(); ++t) {
        const std::size_t begin = t == 0 ? 0 : taken_in[t - 1].figures_end;
        for (std::size_t i = begin; i < taken_in[t].figures_end; ++i) {
            used[all_figures[i]] = true;
            if (i > begin) {
                parent[root(all_figures[i])] = root(all_figures[begin]);
            }
        }
    }
    std::vector<std::size_t> comp_of(figs.size(), simplex::npos);
    std::vector<std::size_t> local(figs.size(), 0);
    for (std::size_t i = 0; i < figs.size(); ++i) {
        if (!used[i]) {
            continue;
        }
        const std::size_t rt = root(i);
        if (comp_of[rt] == simplex::npos) {
            comp_of[rt] = model.components.size();
            model.components.emplace_back();
        }
        joint_component& c = model.components[comp_of[rt]];
        if (!values) {
            local[i] = c.figures.size();
            c.figures.push_back(i);
            continue;
        }
        local[i] = c.vars.size();
        if (auto node = flags.extract(i)) {
            c.vars.push_back(make_joint_var(r, i, std::move(node.mapped())));
        } else {
            c.vars.push_back(make_joint_var(r, i));
        }
    }
    auto localise = [&](joint_form& form) {
        for (auto& t : form) {
            t.first = local[t.first];
        }
    };
    for (std::size_t t = 0; t < taken_in.size(); ++t) {
        const taken& tk = taken_in[t];
        const taken before = t == 0 ? taken{} : taken_in[t - 1];
        joint_component& c = model.components[comp_of[root(all_figures[before.figures_end])]];
        c.relations.push_back(tk.relation);
        for (std::size_t i = before.linear_end; i < tk.linear_end; ++i) {
            joint_linear& l = all_linear[i];
            localise(l.terms);
            c.linear.push_back(std::move(l));
        }
        for (std::size_t i = before.ratios_end; i < tk.ratios_end; ++i) {
            joint_ratio& q = all_ratios[i];
            localise(q.n);
            localise(q.d);
            for (auto& x : q.q) {
                x = local[x];
            }
            c.ratios.push_back(std::move(q));
        }
    }
    return model;
}

/// Whether a part that is one linear row over distinct figures holds with every rounding tie
/// open (`joint_mode::open`), decided by interval arithmetic alone: the values of such a row
/// over the figures' box form exactly the interval sum of its terms (each end reached when
/// every term's end is), so this is the simplex's answer, at a fraction of its cost. False
/// when the part is not such a row, or does not hold so.
[[nodiscard]] inline bool one_row_holds(const joint_component& c) {
    if (c.linear.size() != 1 || !c.ratios.empty()) {
        return false;
    }
    const joint_linear& l = c.linear.front();
    if (l.terms.size() != c.vars.size()) {
        return false; // a figure twice in the row: its terms are not independent
    }
    std::vector<char> seen(c.vars.size(), 0);
    for (const auto& t : l.terms) {
        if (seen[t.first] != 0 || t.second == 0 || c.vars[t.first].open.empty()) {
            return false;
        }
        seen[t.first] = 1;
    }
    const interval values =
        form_interval(l.terms, [&](std::size_t j) -> const interval& { return c.vars[j].open; });
    switch (l.cmp) {
    case joint_cmp::eq: return values.contains(l.rhs);
    case joint_cmp::ge: return !intersect(values, interval::above(l.rhs, false)).empty();
    case joint_cmp::gt: return !intersect(values, interval::above(l.rhs, true)).empty();
    }
    return false;
}

/// `one_row_holds` on the figures' `witness_var`s (one per variable, in order): the same
/// interval sum over `lp_num`s, before the part's variables are made. False when the part is
/// not such a row, or does not hold so.
[[nodiscard]] inline bool one_row_holds(const joint_component& c,
                                        const std::vector<witness_var>& vars) {
    if (c.linear.size() != 1 || !c.ratios.empty()) {
        return false;
    }
    const joint_linear& l = c.linear.front();
    const std::size_t n = vars.size();
    if (n == 0 || l.terms.size() != n) {
        return false; // a figure twice in the row: its terms are not independent
    }
    std::vector<char> seen(n, 0);
    // The interval sum of the terms, as `form_interval`: an infinite end stays infinite, a
    // finite one is open when any of its terms' ends is.
    lp_num lo;
    lp_num hi;
    bool lo_infinite = false;
    bool hi_infinite = false;
    bool lo_open = false;
    bool hi_open = false;
    for (const auto& t : l.terms) {
        if (t.first >= n || seen[t.first] != 0 || t.second == 0 || vars[t.first].empty) {
            return false;
        }
        seen[t.first] = 1;
        const witness_var& w = vars[t.first];
        const lp_num k = lp_num::from_rational(t.second);
        const bool up = k.sign() > 0; // k < 0 turns the term's interval around
        if (up ? w.lo_infinite : w.hi_infinite) {
            lo_infinite = true;
        } else if (!lo_infinite) {
            lo += k * (up ? w.lo : w.hi);
            lo_open = lo_open || (up ? w.lo_open : w.hi_open);
        }
        if (up ? w.hi_infinite : w.lo_infinite) {
            hi_infinite = true;
        } else if (!hi_infinite) {
            hi += k * (up ? w.hi : w.lo);
            hi_open = hi_open || (up ? w.hi_open : w.lo_open);
        }
    }
    const lp_num rhs = lp_num::from_rational(l.rhs);
    const int to_lo = lo_infinite ? 1 : compare(rhs, lo);
    const int to_hi = hi_infinite ? -1 : compare(rhs, hi);
    switch (l.cmp) {
    case joint_cmp::eq: // the sum's interval holds rhs
        return (to_lo > 0 || (to_lo == 0 && !lo_open)) && (to_hi < 0 || (to_hi == 0 && !hi_open));
    case joint_cmp::ge: // it meets [rhs, ∞)
        return to_hi < 0 || (to_hi == 0 && !hi_open);
    case joint_cmp::gt: // it meets (rhs, ∞)
        return to_hi < 0;
    }
    return false;
}

/// The buffers of `witness_holds`, kept from one part to the next.
struct witness_scratch {
    std::vector<lp_num> val;
    std::vector<char> moved;
    std::vector<unsigned> uses;
};

/// Whether a part holds with every rounding tie open (`joint_mode::open`), shown by one point
/// that satisfies every constraint `joint_lp` would build. The point: each figure at its printed
/// value; then, for each equality (or ≥) row that misses, the first of its figures that can take
/// the value the row makes of it, within its interval; then, for each ratio relation
/// n = (factor·q + shift)·d, q at the value n / d makes of it, or (when that falls outside q's
/// interval) n at the value q·d makes of it. A point that satisfies the rows n/d ∈ Q exactly
/// (n = a·d, a within Q's interval, strictly inside where it is open) satisfies McCormick's
/// envelopes too (they hold wherever n = a·d, a and d within their intervals): every constraint
/// holds, so the simplex would find the part feasible, and this gives its answer without
/// building it. False when the point misses a constraint (the simplex then decides), or when a
/// ratio relation is of another form (a reciprocal, a power, a product of several q).
[[nodiscard]] inline bool witness_holds(const joint_component& c,
                                        const std::vector<witness_var>& vars,
                                        witness_scratch& scratch) {
    const std::size_t n = vars.size();
    if (n == 0) {
        return false;
    }
    for (const auto& q : c.ratios) {
        if (q.q.size() != 1 || q.invert || q.power != 0 || q.factor.sign() <= 0) {
            return false;
        }
    }
    std::vector<lp_num>& val = scratch.val;
    val.clear();
    val.reserve(n);
    for (const auto& v : vars) {
        val.push_back(v.center);
    }
    std::vector<char>& moved = scratch.moved;
    moved.assign(n, 0);
    auto eval = [&val](const joint_form& form) {
        lp_num s;
        for (const auto& t : form) {
            s += lp_num::from_rational(t.second) * val[t.first];
        }
        return s;
    };
    auto inside = [&vars](std::size_t j, const lp_num& x) {
        const witness_var& w = vars[j];
        if (w.empty) {
            return false;
        }
        if (!w.lo_infinite) {
            const int s = compare(x, w.lo);
            if (s < 0 || (s == 0 && w.lo_open)) {
                return false;
            }
        }
        if (!w.hi_infinite) {
            const int s = compare(x, w.hi);
            if (s > 0 || (s == 0 && w.hi_open)) {
                return false;
            }
        }
        return true;
    };
    auto holds = [&](const joint_linear& l) {
        const int s = compare(eval(l.terms), lp_num::from_rational(l.rhs));
        return l.cmp == joint_cmp::eq ? s == 0 : l.cmp == joint_cmp::ge ? s >= 0 : s > 0;
    };
    // x := the value that makes `form` equal `target`, if x is once in the form and not moved yet.
    auto solve_for = [&](const joint_form& form, std::size_t slot, const lp_num& target) {
        const std::size_t x = form[slot].first;
        if (moved[x] || form[slot].second == 0) {
            return false;
        }
        for (std::size_t i = 0; i < form.size(); ++i) {
            if (i != slot && form[i].first == x) {
                return false;
            }
        }
        const lp_num k = lp_num::from_rational(form[slot].second);
        const lp_num v = val[x] + (target - eval(form)) / k;
        if (!inside(x, v)) {
            return false;
        }
        val[x] = v;
        moved[x] = 1;
        return true;
    };
    // A figure no other constraint uses is tried first: moving it breaks nothing else.
    std::vector<unsigned>& uses = scratch.uses;
    uses.assign(n, 0);
    for (const auto& l : c.linear) {
        for (const auto& t : l.terms) {
            ++uses[t.first];
        }
    }
    for (const auto& q : c.ratios) {
        for (const auto& t : q.n) {
            ++uses[t.first];
        }
        for (const auto& t : q.d) {
            ++uses[t.first];
        }
        ++uses[q.q.front()];
    }
    for (const auto& l : c.linear) {
        if (l.cmp == joint_cmp::gt || holds(l)) {
            continue;
        }
        const lp_num rhs = lp_num::from_rational(l.rhs);
        bool done = false;
        for (int pass = 0; pass < 2 && !done; ++pass) {
            for (std::size_t i = 0; i < l.terms.size() && !done; ++i) {
                if ((uses[l.terms[i].first] == 1) == (pass == 0)) {
                    done = solve_for(l.terms, i, rhs);
                }
            }
        }
    }
    for (const auto& q : c.ratios) {
        const std::size_t x = q.q.front();
        const lp_num d = eval(q.d);
        if (d.sign() != q.sign) {
            return false;
        }
        const lp_num factor = lp_num::from_rational(q.factor);
        const lp_num shift = lp_num::from_rational(q.shift);
        const lp_num qv = (eval(q.n) / d - shift) / factor;
        if (!moved[x] && inside(x, qv)) {
            val[x] = qv;
            moved[x] = 1;
        } else if (q.n.size() != 1 || !solve_for(q.n, 0, (factor * val[x] + shift) * d)) {
            return false;
        }
    }
    for (std::size_t j = 0; j < n; ++j) {
        if (!inside(j, val[j])) {
            return false;
        }
    }
    for (const auto& l : c.linear) {
        if (!holds(l)) {
            return false;
        }
    }
    for (const auto& q : c.ratios) {
        // n = (factor·q + shift)·d exactly, at the final point.
        const lp_num d = eval(q.d);
        const lp_num a =
            lp_num::from_rational(q.factor) * val[q.q.front()] + lp_num::from_rational(q.shift);
        if (d.sign() != q.sign || eval(q.n) != a * d) {
            return false;
        }
    }
    return true;
}

/// The same, with buffers of its own.
[[nodiscard]] inline bool witness_holds(const joint_component& c,
                                        const std::vector<witness_var>& vars) {
    witness_scratch scratch;
    return witness_holds(c, vars, scratch);
}

/// Where a bound or a row of the simplex comes from, to read its conflicts.
struct joint_source {
    /// `implied`: a row that binds only when some figure is freed, built on
    /// what the relation implies for it.
    enum class what { figure, linear, ratio, coupling, implied } kind = what::figure;
    std::size_t index = 0; ///< the local variable, or the row's index in its list
};

/// One linear program over a component, in one mode. `free` then takes
/// figures out of their own intervals (keeping the sign of a divisor, and
/// the bounds a ratio relation implies for a freed share from the other
/// figures' intervals). Error localisation builds the tableau of a part
/// once (`localising`: with the extra coupling rows that freed figures
/// need) and tests every set of freed figures on it, each check starting
/// from the basis the last one ended in.
class joint_lp {
public:
    /// `max_coupled`: McCormick rows only for parts with at most this many
    /// ratio relations whose share is used elsewhere (they cost pivots on
    /// rationals that grow; without them the check is weaker, still sound).
    joint_lp(const joint_component& c, joint_mode mode, bool localising = false,
             std::size_t max_coupled = 32)
        : comp_(&c), freed_(c.vars.size(), 0), mode_(mode), lp_(c.vars.size()) {
        const std::size_t n = c.vars.size();
        for (std::size_t j = 0; j < n; ++j) {
            set_own_bounds(j);
        }
        const bool closure = mode == joint_mode::closure;
        for (std::size_t i = 0; i < c.linear.size(); ++i) {
            const joint_linear& l = c.linear[i];
            const lp_num b(l.rhs);
            add_form_row(to_lp(l.terms), lp_num(0), b,
                         l.cmp == joint_cmp::eq ? std::optional<lp_num>(b) : std::nullopt,
                         l.cmp == joint_cmp::gt && !closure, {joint_source::what::linear, i});
        }
        extras_.resize(c.ratios.size());
        cut_state_.assign(c.ratios.size(), cut::when::plain);
        std::vector<std::size_t> uses(n, 0);
        for (const auto& l : c.linear) {
            for (const auto& t : l.terms) {
                ++uses[t.first];
            }
        }
        for (const auto& q : c.ratios) {
            for (const auto& t : q.n) {
                ++uses[t.first];
            }
            for (const auto& t : q.d) {
                ++uses[t.first];
            }
            for (std::size_t x : q.q) {
                ++uses[x];
            }
        }
        auto b = [&](std::size_t x) { return c.vars[x].bounds(mode_); };
        auto coupled = [&](const joint_ratio& q) {
            return q.q.size() == 1 && !q.invert && q.power == 0 && uses[q.q.front()] > 1;
        };
        std::size_t coupled_count = 0;
        for (const auto& q : c.ratios) {
            coupled_count += coupled(q) ? 1U : 0U;
        }
        const bool coupling = coupled_count <= max_coupled;
        for (std::size_t i = 0; i < c.ratios.size(); ++i) {
            const joint_ratio& q = c.ratios[i];
            ratio_extra& e = extras_[i];
            const auto a = q_interval(q);
            add_ratio_rows(q, i, a);
            if (coupling && coupled(q) && a) {
                const interval db = form_interval(q.d, b);
                add_cuts(q, i, *a, db, cut::when::plain);
                if (localising) {
                    const interval nb = form_interval(q.n, b);
                    if (!a->may_be_zero()) {
                        add_cuts(q, i, *a, nb / *a, cut::when::d_freed); // d = n / a
                    }
                    if (!db.may_be_zero()) {
                        add_cuts(q, i, nb / db, db, cut::when::q_freed); // a = n / d
                    }
                }
            }
            if (localising && q.d.size() > 1) {
                // σ·d > 0, bound only once a figure of d is freed.
                e.sign_row = inactive(add_form_row(to_lp(q.d, lp_num(q.sign)), lp_num(0), lp_num(0),
                                                   std::nullopt, !closure,
                                                   {joint_source::what::implied, i}));
            }
        }
        base_ = lp_.save_bounds();
    }

    /// The same, with the figures in `freed` (one flag per variable) freed.
    joint_lp(const joint_component& c, const std::vector<char>& freed, joint_mode mode,
             std::size_t max_coupled = 32)
        : joint_lp(c, mode, true, max_coupled) {
        free(freed);
    }

    /// Frees the figures flagged in `freed`, and no others: every bound is
    /// first put back as built. The basis stays where the last check left it.
    /// Needs a system built `localising`.
    void free(const std::vector<char>& freed) {
        const joint_component& c = *comp_;
        const std::size_t n = c.vars.size();
        lp_.restore_bounds(base_);
        freed_ = freed;
        std::vector<std::optional<interval>> extra(n);
        auto add_extra = [&](std::size_t j, const interval& i) {
            extra[j] = extra[j] ? intersect(*extra[j], i) : i;
        };
        for (std::size_t j = 0; j < n; ++j) {
            if (freed[j]) {
                lp_.clear_bounds(j);
            }
        }
        auto any_freed = [&](const joint_form& form) {
            for (const auto& t : form) {
                if (freed[t.first]) {
                    return true;
                }
            }
            return false;
        };
        const bool strict = mode_ != joint_mode::closure;
        for (std::size_t i = 0; i < c.ratios.size(); ++i) {
            const joint_ratio& q = c.ratios[i];
            const ratio_extra& e = extras_[i];
            std::size_t freed_q = simplex::npos;
            std::size_t freed_count = 0;
            for (std::size_t x : q.q) {
                if (freed[x]) {
                    freed_q = x;
                    ++freed_count;
                }
            }
            const bool d_freed = any_freed(q.d);
            const bool n_freed = any_freed(q.n);
            if (d_freed) {
                // The divisor keeps its sign.
                if (q.d.size() == 1) {
                    const int s = q.sign * q.d.front().second.sign();
                    add_extra(q.d.front().first, s > 0 ? interval::above(rational(0), strict)
                                                       : interval::below(rational(0), strict));
                } else if (e.sign_row) {
                    activate(*e.sign_row);
                }
            }
            cut_state_[i] = freed_count == 0 && !d_freed               ? cut::when::plain
                            : !n_freed && freed_count == 0             ? cut::when::d_freed
                            : !n_freed && !d_freed && freed_count == 1 ? cut::when::q_freed
                                                                       : cut::when::none;
            if (freed_count == 0) {
                continue;
            }
            for (std::size_t slack : e.ratio) {
                lp_.clear_bounds(slack); // the row no longer binds
            }
            if (freed_count == 1 && !n_freed && !d_freed) {
                if (auto t = implied_q(q, freed_q)) {
                    add_extra(freed_q, *t);
                }
            }
        }
        for (std::size_t j = 0; j < n; ++j) {
            if (extra[j]) {
                set_bounds(j, *extra[j]);
            }
        }
        for (const cut& k : cuts_) {
            if (k.slack == simplex::npos) {
                continue;
            }
            if (active(k)) {
                lp_.set_lower(k.slack, k.lower);
            } else {
                lp_.clear_bounds(k.slack);
            }
        }
    }

    /// Whether the system holds. McCormick's rows come in as cuts: only
    /// those the current point violates are added, until none is; the
    /// answer is the full system's.
    [[nodiscard]] bool feasible() {
        for (;;) {
            if (!lp_.check()) {
                return false;
            }
            if (!add_violated_cuts(false)) {
                return true;
            }
        }
    }

    /// After an infeasible `feasible()`: the figures one of which any set of
    /// freed figures must hold to make the system feasible (the conflict's
    /// own intervals and the figures whose intervals its ratio rows use).
    /// Nothing when the conflict rests on what a freed figure implies (it
    /// then says nothing about other sets).
    [[nodiscard]] std::optional<std::vector<std::size_t>> hitting_set() const {
        std::vector<std::size_t> out;
        const std::size_t n = comp_->vars.size();
        for (const auto& item : lp_.conflict()) {
            const std::size_t var = item.first;
            if (var < n) {
                if (freed_[var]) {
                    return std::nullopt;
                }
                out.push_back(var);
                continue;
            }
            const joint_source& s = sources_[var - n];
            if (s.kind == joint_source::what::implied) {
                return std::nullopt;
            }
            if (s.kind == joint_source::what::ratio || s.kind == joint_source::what::coupling) {
                const joint_ratio& q = comp_->ratios[s.index];
                out.insert(out.end(), q.q.begin(), q.q.end());
                if (s.kind == joint_source::what::coupling) {
                    for (const auto& t : q.d) {
                        out.push_back(t.first);
                    }
                }
            }
        }
        return out;
    }

    /// After a feasible `feasible()`: the values figure `j` can take, true
    /// values in base units, with open ends where the extremes are not reached.
    [[nodiscard]] interval range(std::size_t j) {
        const joint_var& v = comp_->vars[j];
        auto end = [&](const std::optional<lp_value>& x) {
            if (!x) {
                return bound{rational(0), true, true};
            }
            // A δ part means the extreme is approached, never reached. The end in `lp_num`s
            // (int64 while it fits): the same value as in rationals, made once.
            return bound{(v.center_n + v.scale_n * x->a).to_rational(), false, !x->b.is_zero()};
        };
        const auto hi = optimize(j, true);
        const auto lo = optimize(j, false);
        return {end(lo), end(hi)};
    }

    [[nodiscard]] std::size_t pivots() const noexcept { return lp_.pivots(); }

private:
    // A row that binds only in some sets of freed figures: its slack and the
    // lower bound it then takes.
    struct inactive_row {
        std::size_t slack = 0;
        lp_value lower;
    };
    struct ratio_extra {
        std::vector<std::size_t> ratio;       // n/d ∈ Q
        std::optional<inactive_row> sign_row; // σ·d > 0, for a d of several figures
    };

    // A McCormick row of a ratio relation, added to the tableau when first
    // violated, binding only while its bounds hold: on the figures' own
    // bounds (plain), or on what the relation implies for a freed divisor
    // or a freed share.
    struct cut {
        enum class when { none, plain, d_freed, q_freed };
        std::vector<std::pair<std::size_t, lp_num>> row;
        lp_value lower;
        std::size_t ratio = 0;
        when condition = when::plain;
        std::size_t slack = simplex::npos;
    };

    [[nodiscard]] bool active(const cut& k) const { return cut_state_[k.ratio] == k.condition; }

    // Adds the active cuts the current point violates (all active ones when
    // `all`); whether it added any.
    bool add_violated_cuts(bool all) {
        bool added = false;
        for (cut& k : cuts_) {
            if (k.slack != simplex::npos || !active(k)) {
                continue;
            }
            if (!all && !(lp_.evaluate(k.row) < k.lower)) {
                continue;
            }
            k.slack = lp_.add_row(k.row);
            lp_.set_lower(k.slack, k.lower);
            sources_.push_back({k.condition == cut::when::plain ? joint_source::what::coupling
                                                                : joint_source::what::implied,
                                k.ratio});
            added = true;
        }
        return added;
    }

    // The optimum of the full system: optimise, add the cuts it violates,
    // and again until it violates none.
    std::optional<lp_value> optimize(std::size_t j, bool maximize) {
        for (;;) {
            auto v = lp_.optimize(j, maximize);
            if (!add_violated_cuts(!v)) {
                return v;
            }
            if (!lp_.check()) {
                return v; // cannot happen: the full system was feasible
            }
        }
    }

    inactive_row inactive(std::size_t slack) {
        inactive_row r{slack, *lp_.lower(slack)};
        lp_.clear_bounds(slack);
        return r;
    }
    void activate(const inactive_row& r) { lp_.set_lower(r.slack, r.lower); }

    // Variable j's own interval in the mode, as bounds on y (`joint_var::y_lo`, `y_hi`): what
    // `set_bounds(j, vars[j].bounds(mode))` sets, without the rationals.
    void set_own_bounds(std::size_t j) {
        const joint_var& v = comp_->vars[j];
        const bool closure = mode_ == joint_mode::closure;
        const std::size_t k = mode_ == joint_mode::open ? 1 : 0;
        if (!v.y_lo[k].infinite) {
            lp_.set_lower(j, {v.y_lo[k].value, lp_num(v.y_lo[k].open && !closure ? 1 : 0)});
        }
        if (!v.y_hi[k].infinite) {
            lp_.set_upper(j, {v.y_hi[k].value, lp_num(v.y_hi[k].open && !closure ? -1 : 0)});
        }
    }

    // Bounds on a true value, as bounds on y = (value − center) / scale.
    void set_bounds(std::size_t j, const interval& i) {
        const joint_var& v = comp_->vars[j];
        const bool closure = mode_ == joint_mode::closure;
        if (!i.lower().infinite) {
            lp_.set_lower(j, {(lp_num(i.lower().value) - v.center_n) / v.scale_n,
                              lp_num(i.lower().open && !closure ? 1 : 0)});
        }
        if (!i.upper().infinite) {
            lp_.set_upper(j, {(lp_num(i.upper().value) - v.center_n) / v.scale_n,
                              lp_num(i.upper().open && !closure ? -1 : 0)});
        }
    }

    using lp_form = std::vector<std::pair<std::size_t, lp_num>>;

    // A form's coefficients as `lp_num`s, each times m.
    [[nodiscard]] static lp_form to_lp(const joint_form& form, const lp_num& m = lp_num(1)) {
        lp_form out;
        out.reserve(form.size());
        for (const auto& t : form) {
            out.emplace_back(t.first, m * lp_num(t.second));
        }
        return out;
    }

    // A row  form + k ≥ lower (> when strict), over true values, as a row
    // over the y's, divided by its smallest coefficient to keep the numbers
    // small; also the factor and the constant it used. Exact, in `lp_num`s (the
    // values of the rationals they stand for).
    void make_row(const lp_form& form, const lp_num& k, const lp_num& lower, bool strict,
                  lp_form& row, lp_value& low, lp_num* unit_out = nullptr,
                  lp_num* constant_out = nullptr) const {
        lp_num constant = k;
        lp_num unit;
        for (const auto& t : form) {
            const joint_var& v = comp_->vars[t.first];
            constant += t.second * v.center_n;
            lp_num a = t.second * v.scale_n;
            if (a.sign() < 0) {
                a = -a;
            }
            if (!a.is_zero() && (unit.is_zero() || a < unit)) {
                unit = a;
            }
        }
        if (unit.is_zero()) {
            unit = 1;
        }
        row.clear();
        row.reserve(form.size());
        for (const auto& t : form) {
            row.emplace_back(t.first, t.second * comp_->vars[t.first].scale_n / unit);
        }
        low = {(lower - constant) / unit, lp_num(strict ? 1 : 0)};
        if (unit_out != nullptr && constant_out != nullptr) {
            *unit_out = unit;
            *constant_out = constant;
        }
    }

    // The same row added to the tableau, with an upper bound too if given.
    // Returns its slack.
    std::size_t add_form_row(const lp_form& form, const lp_num& k, const lp_num& lower,
                             const std::optional<lp_num>& upper, bool strict, joint_source source) {
        lp_form row;
        lp_value low;
        lp_num unit;
        lp_num constant;
        make_row(form, k, lower, strict, row, low, &unit, &constant);
        const std::size_t s = lp_.add_row(row);
        lp_.set_lower(s, low);
        if (upper) {
            lp_.set_upper(s, {(*upper - constant) / unit, lp_num(0)});
        }
        sources_.push_back(source);
        return s;
    }

    [[nodiscard]] std::optional<interval> q_interval(const joint_ratio& q) const {
        return ratio_q(q, [&](std::size_t x) { return comp_->vars[x].bounds(mode_); });
    }

    // The rows n/d ∈ Q, with Q's interval `qi` (`q_interval(q)`).
    void add_ratio_rows(const joint_ratio& q, std::size_t index,
                        const std::optional<interval>& qi) {
        if (!qi) {
            return; // dropping a constraint keeps every true solution
        }
        const bool closure = mode_ == joint_mode::closure;
        // σ·(n − k·d) ≥ 0 at Q's lower end k, and −σ·(n − k·d) ≥ 0 at its upper end.
        auto row = [&](const bound& k, int dir) {
            if (k.infinite) {
                return;
            }
            const lp_num m(dir * q.sign);
            const lp_num md = -m * lp_num(k.value);
            lp_form form;
            for (const auto& t : q.n) {
                form.emplace_back(t.first, m * lp_num(t.second));
            }
            for (const auto& t : q.d) {
                form.emplace_back(t.first, md * lp_num(t.second));
            }
            extras_[index].ratio.push_back(add_form_row(form, lp_num(0), lp_num(0), std::nullopt,
                                                        k.open && !closure,
                                                        {joint_source::what::ratio, index}));
        };
        row(qi->lower(), 1);
        row(qi->upper(), -1);
    }

    // McCormick's envelopes of n = a·d with a = factor·q + shift in
    // [a_lo, a_hi] and d in [d_lo, d_hi] (closed): (a − a_lo)(d − d_lo) ≥ 0,
    // (a_hi − a)(d_hi − d) ≥ 0, (a_hi − a)(d − d_lo) ≥ 0, (a − a_lo)(d_hi − d)
    // ≥ 0, each linear once a·d is n. They tie the share's own value to
    // part / whole (within (a_hi − a_lo)(d_hi − d_lo) / 4, tiny for rounded
    // figures), which the rows n/d ∈ Q leave free; every true solution
    // satisfies them, with a's and d's bounds from the figures' intervals or
    // from what the relation implies for a freed one.
    void add_cuts(const joint_ratio& q, std::size_t index, const interval& ai, const interval& di,
                  cut::when condition) {
        if (!ai.bounded() || !di.bounded()) {
            return;
        }
        const lp_num alo(ai.lower().value);
        const lp_num ahi(ai.upper().value);
        const lp_num dlo(di.lower().value);
        const lp_num dhi(di.upper().value);
        const lp_num factor(q.factor);
        const lp_num shift(q.shift);
        const std::size_t qv = q.q.front();
        // sn·n + sd·d + sa·a + k ≥ 0, with a = factor·q + shift.
        auto row = [&](const lp_num& sn, const lp_num& sd, const lp_num& sa, const lp_num& k) {
            lp_form form;
            for (const auto& t : q.n) {
                form.emplace_back(t.first, sn * lp_num(t.second));
            }
            for (const auto& t : q.d) {
                form.emplace_back(t.first, sd * lp_num(t.second));
            }
            form.emplace_back(qv, sa * factor);
            cut c;
            c.ratio = index;
            c.condition = condition;
            make_row(form, sa * shift + k, lp_num(0), false, c.row, c.lower);
            cuts_.push_back(std::move(c));
        };
        row(lp_num(1), -alo, -dlo, alo * dlo);
        row(lp_num(1), -ahi, -dhi, ahi * dhi);
        row(lp_num(-1), ahi, dlo, -(ahi * dlo));
        row(lp_num(-1), alo, dhi, -(alo * dhi));
    }

    // The values a freed q-figure can take given the other figures of its
    // ratio relation: Q's inverse at n / d, over the other q-figures.
    [[nodiscard]] std::optional<interval> implied_q(const joint_ratio& q,
                                                    std::size_t freed_q) const {
        auto b = [&](std::size_t x) { return comp_->vars[x].bounds(mode_); };
        const interval dn = form_interval(q.d, b);
        if (dn.may_be_zero()) {
            return std::nullopt;
        }
        interval t = form_interval(q.n, b) / dn;
        if (q.n.size() == 1) {
            // n a figure that d holds too (current / (current − increment)):
            // n / d = 1 / (c + Σ others / n), each figure once, so exact.
            const std::size_t nv = q.n.front().first;
            const rational& alpha = q.n.front().second;
            const interval nb = b(nv);
            bool shared = false;
            interval ratio = interval::point(rational(0));
            for (const auto& x : q.d) {
                if (x.first == nv) {
                    shared = true;
                    ratio = ratio + interval::point(x.second / alpha);
                } else if (!nb.may_be_zero()) {
                    ratio = ratio + b(x.first) * interval::point(x.second / alpha) / nb;
                }
            }
            if (shared && !nb.may_be_zero() && !ratio.may_be_zero()) {
                t = intersect(t, ratio.reciprocal());
            }
        }
        if (q.power > 0) {
            return cagr_rates(t, q.power); // rounded outward: still every true value
        }
        if (q.invert) {
            if (t.may_be_zero()) {
                return std::nullopt;
            }
            t = t.reciprocal();
        }
        t = (t - interval::point(q.shift)) / interval::point(q.factor);
        interval others = interval::point(rational(1));
        for (std::size_t x : q.q) {
            if (x != freed_q) {
                others = others * b(x);
            }
        }
        if (others.may_be_zero()) {
            return std::nullopt;
        }
        return t / others;
    }

    const joint_component* comp_;
    std::vector<char> freed_;
    joint_mode mode_;
    simplex lp_;
    std::vector<joint_source> sources_; // per row, in order
    std::vector<ratio_extra> extras_;   // per ratio relation
    std::vector<cut> cuts_;             // McCormick rows, added when violated
    std::vector<cut::when> cut_state_;  // per ratio relation: which of its cuts bind
    simplex::bounds_state base_;        // the bounds as built
};

} // namespace reckon::detail
