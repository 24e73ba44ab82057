// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/detail/joint_model.hpp>
#include <reckon/report.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace reckon {

/// One figure of a suspect set: what it could be for the report to hold.
///
///     // 148.2 = 119.4 + 28.9 (亿元), 19.4 % = 28.9 / 148.2: F8 is the suspect
///     d.id;          // "F8"
///     d.displays;    // {"28.7", "28.8"}
///     d.suggested;   // "28.8"
struct suspect_figure {
    std::string id;
    /// The true values (base units) the figure can take, the other figures
    /// of the set free too and every other figure inside its interval.
    interval range;
    /// The displays at the figure's own resolution (signed: a sign a word
    /// carries, 下降, is shown as "-") whose intervals meet `range`; at most
    /// `joint_options::max_displays` of them, the nearest to the printed one,
    /// in increasing order. Empty for a figure with a one-sided qualifier
    /// ("more than 50"), whose displays are not steps of a resolution.
    std::vector<std::string> displays;
    /// The display to suggest: the typo's, else the consistent display
    /// nearest the printed one.
    std::string suggested;
    std::string typo;      ///< a consistent display that a typo of the printed one explains
    std::string typo_kind; ///< "adjacent digits swapped", "a digit dropped", "a digit doubled",
                           ///< "sign flipped (下降 ↔ 增长)"
    rational steps{0};     ///< how far the printed value lies from `range`, in last-digit steps
};

/// A set of figures that, freed from their intervals, would make a report
/// consistent as a whole, with the displays that would do it.
///
///     // 84 = 75 + 10 (项), where the text meant 9 new projects (F3 is the 10)
///     s.figures;              // {"F3"}
///     s.consistent_displays;  // {{"F3", {"9"}}}
struct suspect {
    std::vector<std::string> figures;
    /// For each figure id, the displays at its own resolution that would
    /// make the report consistent ("28.8" for a printed 28.9).
    std::vector<std::pair<std::string, std::vector<std::string>>> consistent_displays;
    std::string hint; ///< a typo that explains it, if one does ("digits swapped")

    unsigned weight = 0;   ///< the sum of the figures' weights (`joint_options::weight`)
    std::size_t group = 0; ///< the independent part of the report it explains, from 1: a
                           ///< report with several infeasible parts needs one fix in each
    bool at_tie = false;   ///< it explains a report that holds only at an exact rounding tie
    std::vector<suspect_figure> details; ///< per figure, in the order of `figures`
};

/// A relation the joint check did not take, and why.
struct left_out_relation {
    std::string id;
    std::string reason;
};

/// Whether the report's figures can all hold at once (DESIGN.md, "The whole
/// report at once").
///
///     auto j = reckon::check_jointly(r);
///     if (!j.feasible) { j.suspects.front().details.front().suggested; }   // "28.8"
struct joint_result {
    bool checked = false; ///< false when the joint check was not run
    bool feasible = true;
    bool tie_only = false; ///< feasible only with a value exactly at a rounding tie
    std::vector<suspect> suspects;
    std::vector<std::string> left_out; ///< relations the linear check could not take

    std::vector<left_out_relation> left_out_reasons; ///< the same, with the reason for each
    /// Ratio-type relations (share, growth, compound growth, percent of
    /// target, average, ratio, index, contribution, pull, product, conversion
    /// at a stated rate), taken in as linear bounds.
    std::vector<std::string> relaxed;
    std::size_t parts = 0; ///< independent parts (figures linked by relations) checked
    /// The figure ids of each part that cannot hold (or holds only at a tie),
    /// in the order of `suspect::group`.
    std::vector<std::vector<std::string>> conflicts;
    bool localised = true;  ///< false when a limit of `joint_options` cut the search short
    std::size_t solves = 0; ///< linear programs solved
    std::string message;    ///< one line for people
};

/// How the joint check localises errors (Fellegi and Holt, "A systematic
/// approach to automatic edit and imputation", JASA 1976): the sets of
/// figures of least total weight that, freed from their intervals, make
/// the report feasible.
///
///     reckon::joint_options o;
///     o.weight = [](const reckon::figure& f, const reckon::report&) {
///         return f.id == "F1" ? 0U : 1U;
///     };
///     reckon::check_jointly(r, o);   // F1 is never a suspect
struct joint_options {
    /// The weight of a figure: how unlikely it is to be the wrong one. A
    /// whole number; 0 means never a suspect. Empty: `default_weight`.
    std::function<unsigned(const figure&, const report&)> weight;
    std::size_t max_size = 3;      ///< the largest suspect set tried
    std::size_t max_solves = 4000; ///< linear programs per infeasible part, at most
    /// Suspect sets listed per part, at most. The search stops once it has
    /// found four times as many sets of the least weight (`localised` is
    /// then false: a part whose figures all explain it equally well).
    std::size_t max_suspects = 10;
    std::size_t max_displays = 12; ///< consistent displays listed per figure, at most
    /// A typo is suggested only when the figure's consistent range is
    /// bounded and at most this many last-digit steps wide: in a wide range
    /// any digit slip lands somewhere, and explains nothing.
    std::size_t typo_steps = 20;
    /// McCormick's envelopes tie a share's own value to part / whole when
    /// the share is used elsewhere (the 100 % shares make); a part with more
    /// such shares than this is checked without them: exact rationals grow
    /// with every pivot, and such a part (one total with dozens of shares)
    /// would take seconds. Without them the check is weaker, still sound.
    std::size_t max_coupled = 32;
    /// A relation of more figures than this (a sum of thousands of parts) is left out of the
    /// joint check, with the reason: the simplex's time grows with the square of a row's
    /// length. Each relation is still checked alone.
    std::size_t max_terms = 1000;
    bool localise = true;      ///< look for suspects at all
    bool localise_ties = true; ///< also when the report holds only at a rounding tie
};

/// The default weights: 2 for a figure; 3 for an exact count (its printed
/// digits are all there is to it) or for a figure whose display and unit
/// appear again in the report (a restated figure agrees with itself); 4 for
/// both; 0 for an implied figure (the 100 % that shares make), never printed
/// and so never wrong. With these, one figure is always tried before two,
/// except that an exact, restated count ties with two plain figures.
[[nodiscard]] inline unsigned default_weight(const figure& f, const report& r) {
    if (f.implied) {
        return 0;
    }
    unsigned w = 2;
    if (f.effective_rounding(r.rounding()) == convention::exact) {
        ++w;
    }
    for (const auto& g : r.figures()) {
        if (g.id != f.id && g.unit->symbol == f.unit->symbol &&
            same_display(g.signed_display(), f.signed_display())) {
            ++w;
            break;
        }
    }
    return w;
}

namespace detail {

// The interval of true values a display k × 10^e of figure f stands for.
[[nodiscard]] inline interval display_bounds(const figure& f, const big_int& k, int e,
                                             convention conv, ties tie) {
    const decimal d(k, e);
    return display_interval(d, f.effective_rounding(conv), f.qualifier, tie) *
           interval::point(f.unit->factor);
}

[[nodiscard]] inline big_int floor_int(const rational& x) {
    const big_int& num = numerator(x);
    const big_int& den = denominator(x); // > 0
    big_int q = num / den;               // toward zero
    if (num.sign() < 0 && q * den != num) {
        --q;
    }
    return q;
}

[[nodiscard]] inline big_int digits_value(const std::string& digits) {
    big_int v = 0;
    for (char c : digits) {
        v = v * 10 + (c - '0');
    }
    return v;
}

// The ends of a range in last-digit steps of a figure (end / step), as `advise` reads them.
struct step_ends {
    std::array<bool, 2> finite{};
    std::array<std::int64_t, 2> floor{};  ///< ⌊end / step⌋
    std::array<bool, 2> whole{};          ///< end / step is ⌊end / step⌋
    std::array<std::int64_t, 2> floor2{}; ///< ⌊2·end / step⌋, below 2^60 in magnitude
    std::array<bool, 2> whole2{};
    int cmp = -1;        ///< lower end against upper end, both finite
    bool narrow = false; ///< bounded and at most `typo_steps` steps wide
};

// `step_ends` of figure f and range R in int128, from int64 numerators and denominators; false
// when a number does not fit (or the step is not positive), and the rationals decide.
[[nodiscard]] inline bool small_step_ends(const figure& f, const interval& range,
                                          std::size_t typo_steps, step_ends& out) {
    // step = 10^e · factor = sn / sd.
    std::int64_t sn = 0;
    std::int64_t sd = 0;
    if (!small_terms(f.unit->factor, sn, sd) || sn <= 0) {
        return false;
    }
    const int e = f.display.exponent();
    const auto ae = static_cast<std::size_t>(e < 0 ? -e : e);
    if (ae >= pow10_table.size() ||
        __builtin_mul_overflow(e >= 0 ? sn : sd, pow10_table[ae], e >= 0 ? &sn : &sd)) {
        return false;
    }
    constexpr int128 lim2 = int128{1} << 60;
    std::array<int128, 2> num{};
    std::array<int128, 2> den{};
    for (std::size_t i = 0; i < 2; ++i) {
        const bound& b = i == 0 ? range.lower() : range.upper();
        out.finite[i] = !b.infinite;
        if (b.infinite) {
            continue;
        }
        std::int64_t p = 0;
        std::int64_t q = 0;
        if (!small_terms(b.value, p, q)) {
            return false;
        }
        // end / step = p·sd / (q·sn): both products below 2^126, twice the first below 2^127.
        num[i] = int128{p} * sd;
        den[i] = int128{q} * sn;
        auto floor_div = [](int128 a, int128 d, bool& whole) {
            int128 x = a / d;
            whole = x * d == a;
            if (!whole && a < 0) {
                --x;
            }
            return x;
        };
        bool whole = false;
        const int128 fl2 = floor_div(2 * num[i], den[i], whole);
        if (fl2 >= lim2 || fl2 <= -lim2) {
            return false;
        }
        out.floor2[i] = static_cast<std::int64_t>(fl2);
        out.whole2[i] = whole;
        out.floor[i] = static_cast<std::int64_t>(floor_div(num[i], den[i], whole));
        out.whole[i] = whole;
    }
    if (out.finite[0] && out.finite[1]) {
        // hi − lo ≤ typo_steps: num_h·den_l − num_l·den_h ≤ typo_steps·den_h·den_l.
        int128 a = 0;
        int128 b = 0;
        int128 diff = 0;
        int128 t = 0;
        int128 width = 0;
        if (typo_steps > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max()) ||
            __builtin_mul_overflow(num[1], den[0], &a) ||
            __builtin_mul_overflow(num[0], den[1], &b) || __builtin_sub_overflow(a, b, &diff) ||
            __builtin_mul_overflow(den[0], den[1], &t) ||
            __builtin_mul_overflow(t, static_cast<int128>(typo_steps), &width)) {
            return false;
        }
        out.cmp = diff > 0 ? -1 : (diff < 0 ? 1 : 0);
        out.narrow = diff <= width;
    }
    return true;
}

// How far the printed value of figure f (variable v) lies from `range`, in last-digit steps:
// distance(range, point(value)) / resolution, in `lp_num`s where the variable's centre and
// scale are the value and the resolution (a unit of positive factor).
[[nodiscard]] inline rational steps_off(const joint_var& v, const figure& f,
                                        const interval& range) {
    if (f.unit->factor.sign() <= 0) {
        return distance(range, interval::point(f.value())) / f.resolution();
    }
    const lp_num& c = v.center_n;
    if (!range.upper().infinite) {
        const lp_num hi(range.upper().value);
        if (hi < c) {
            return ((c - hi) / v.scale_n).to_rational();
        }
    }
    if (!range.lower().infinite) {
        const lp_num lo(range.lower().value);
        if (c < lo) {
            return ((lo - c) / v.scale_n).to_rational();
        }
    }
    return rational(0);
}

struct figure_advice {
    std::vector<std::string> displays;
    std::string suggested;
    std::string typo;
    std::string typo_kind;
};

// Displays of figure f, at its resolution, consistent with the range R, and
// the typo of its printed display that lands in R.
[[nodiscard]] inline figure_advice advise(const figure& f, const interval& range, convention conv,
                                          ties tie, std::size_t max_displays,
                                          std::size_t typo_steps) {
    figure_advice out;
    const int e = f.display.exponent();
    const bool stepped = f.qualifier == qualifier::none || f.qualifier == qualifier::about;
    // A display k × 10^e of a stepped figure stands for values within one step of it (DESIGN.md:
    // half a step when rounded, one when truncated), so a k further than one step from the
    // range cannot fit: a cheap test first, the exact one only near the range. Most typos tried
    // below are far off.
    // The range's ends in steps (end / step) and their floors, each divided once: in int128
    // (`small_step_ends`) where the numbers fit, else on rationals.
    step_ends se;
    const bool small = small_step_ends(f, range, typo_steps, se);
    std::optional<rational> step_r; // the rational path's step
    std::optional<big_int> lo_floor;
    std::optional<big_int> hi_floor;
    bool lo_whole = false;
    bool has_step = small; // step > 0
    // A display's interval is k's at resolution 1, times `step` (every end of
    // `display_interval` is linear in the value and the resolution, the unit's factor is
    // positive): the range is scaled once, not each display's interval; on the int128 path only
    // when the exact test needs it.
    std::optional<interval> scaled_cache;
    bool narrow = false;
    if (small) {
        if (se.finite[0]) {
            lo_floor = big_int(se.floor[0]);
            lo_whole = se.whole[0];
        }
        if (se.finite[1]) {
            hi_floor = big_int(se.floor[1]);
        }
        narrow = se.narrow;
    } else {
        const rational& step = step_r.emplace(f.resolution());
        std::optional<rational> lo_steps;
        std::optional<rational> hi_steps;
        if (step > 0) {
            has_step = true;
            if (!range.lower().infinite) {
                lo_steps = range.lower().value / step;
                lo_floor = floor_int(*lo_steps);
                lo_whole = is_whole(*lo_steps);
            }
            if (!range.upper().infinite) {
                hi_steps = range.upper().value / step;
                hi_floor = floor_int(*hi_steps);
            }
            scaled_cache =
                interval(lo_steps ? bound{*lo_steps, false, range.lower().open} : range.lower(),
                         hi_steps ? bound{*hi_steps, false, range.upper().open} : range.upper());
        }
        // Typos of the printed digits, most common first; only where the range
        // is narrow enough for a landing inside it to mean something.
        narrow =
            range.bounded() && (range.upper().value - range.lower().value) <= step * typo_steps;
    }
    auto scaled = [&]() -> const interval& {
        if (!scaled_cache) { // the int128 path: step > 0
            const rational step = f.resolution();
            auto end = [&step](const bound& b) {
                return b.infinite ? b : bound{b.value / step, false, b.open};
            };
            scaled_cache = interval(end(range.lower()), end(range.upper()));
        }
        return *scaled_cache;
    };
    std::optional<big_int> k_min;
    std::optional<big_int> k_max;
    if (stepped && has_step) { // `step`: one step of the last digit, in base units
        if (lo_floor) {
            // ceil − 1
            k_min = lo_whole ? *lo_floor - 1 : *lo_floor;
        }
        if (hi_floor) {
            k_max = *hi_floor + 1;
        }
    }
    const convention rounding = f.effective_rounding(conv);
    // The exact test on scaled integers: a display k at resolution 1 stands for an interval whose
    // ends are whole numbers of half steps; twice the ends of `scaled` are compared with them
    // through their floors. Only for a plain or "about" figure whose numbers fit an int64.
    struct doubled_end {
        bool infinite = true;
        bool open = false;
        std::int64_t floor = 0; // ⌊2·end⌋
        bool whole = false;     // 2·end is ⌊2·end⌋
    };
    constexpr std::int64_t small_lim = std::int64_t{1} << 60;
    bool fast = has_step && (f.qualifier == qualifier::none || f.qualifier == qualifier::about);
    doubled_end fast_lo;
    doubled_end fast_hi;
    int fast_cmp = -1; // scaled's lower end against its upper, both finite
    if (fast && small) {
        for (std::size_t i = 0; i < 2; ++i) {
            if (se.finite[i]) {
                doubled_end& dst = i == 0 ? fast_lo : fast_hi;
                dst.infinite = false;
                dst.open = i == 0 ? range.lower().open : range.upper().open;
                dst.floor = se.floor2[i];
                dst.whole = se.whole2[i];
            }
        }
        if (se.finite[0] && se.finite[1]) {
            fast_cmp = se.cmp;
        }
    } else if (fast) {
        auto doubled = [&](const bound& b, doubled_end& dst) {
            if (b.infinite) {
                return;
            }
            const rational x = b.value * 2;
            const big_int fl = floor_int(x);
            if (fl >= small_lim || fl <= -small_lim) {
                fast = false;
                return;
            }
            dst.infinite = false;
            dst.open = b.open;
            dst.floor = fl.convert_to<std::int64_t>();
            dst.whole = denominator(x) == 1;
        };
        doubled(scaled().lower(), fast_lo);
        doubled(scaled().upper(), fast_hi);
        if (!fast_lo.infinite && !fast_hi.infinite) {
            fast_cmp = detail::compare(scaled().lower().value, scaled().upper().value);
        }
    }
    // m (half steps) against 2·end.
    auto cmp_end = [](std::int64_t m, const doubled_end& x) {
        if (m != x.floor) {
            return m < x.floor ? -1 : 1;
        }
        return x.whole ? 0 : -1;
    };
    const convention shape = f.qualifier == qualifier::about ? convention::unknown_tie : rounding;
    const bool tie_open = tie == ties::open;
    // Whether display k's interval meets `scaled`; nothing when the fast path does not apply.
    // The fast test of a display k, |k| < small_lim / 4, when `fast`.
    auto fast_fits_small = [&](std::int64_t k) {
        const std::int64_t m = 2 * k;
        const int sk = (k > 0) - (k < 0);
        std::int64_t a = m - 1;
        std::int64_t b = m + 1;
        bool a_open = tie_open;
        bool b_open = tie_open;
        switch (shape) {
        case convention::exact:
            a = m;
            b = m;
            a_open = false;
            b_open = false;
            break;
        case convention::truncated:
            a = sk > 0 ? m : (sk < 0 ? m - 2 : -2);
            b = sk > 0 ? m + 2 : (sk < 0 ? m : 2);
            a_open = sk <= 0;
            b_open = sk >= 0;
            break;
        case convention::unknown_tie: break;
        case convention::half_even:
            a_open = (k % 2 != 0) || tie_open;
            b_open = a_open;
            break;
        case convention::half_up:
        case convention::half_down: {
            const bool up = shape == convention::half_up;
            if (sk == 0) {
                a_open = up || tie_open;
                b_open = a_open;
            } else {
                const bool lo_open = (sk > 0) != up;
                a_open = lo_open || tie_open;
                b_open = !lo_open || tie_open;
            }
            break;
        }
        }
        // The intersection's lower end: a's or scaled's, whichever is higher (open if either
        // is, at the same value); its upper end likewise.
        bool lo_is_a = true;
        bool lo_open = a_open;
        if (!fast_lo.infinite) {
            const int c = cmp_end(a, fast_lo);
            if (c < 0) {
                lo_is_a = false;
                lo_open = fast_lo.open;
            } else if (c == 0) {
                lo_open = a_open || fast_lo.open;
            }
        }
        bool hi_is_b = true;
        bool hi_open = b_open;
        if (!fast_hi.infinite) {
            const int c = cmp_end(b, fast_hi);
            if (c > 0) {
                hi_is_b = false;
                hi_open = fast_hi.open;
            } else if (c == 0) {
                hi_open = b_open || fast_hi.open;
            }
        }
        int c = 0; // lower end against upper end
        if (lo_is_a && hi_is_b) {
            c = (a > b) - (a < b);
        } else if (lo_is_a) {
            c = cmp_end(a, fast_hi);
        } else if (hi_is_b) {
            c = -cmp_end(b, fast_lo);
        } else {
            c = fast_cmp;
        }
        return c < 0 || (c == 0 && !lo_open && !hi_open);
    };
    auto fast_fits = [&](const big_int& big_k) -> std::optional<bool> {
        if (!fast || big_k >= small_lim / 4 || big_k <= -small_lim / 4) {
            return std::nullopt;
        }
        return fast_fits_small(big_k.convert_to<std::int64_t>());
    };
    auto fits = [&](const big_int& k) {
        if ((k_min && k < *k_min) || (k_max && k > *k_max)) {
            return false;
        }
        if (const auto quick = fast_fits(k)) {
            return *quick;
        }
        // A one-sided qualifier reads on the printed digits, and a sign word turns the interval
        // around (as `figure::bounds`): display k carries a word 下降 where its sign is not the
        // printed one.
        const bool one_sided = f.qualifier == qualifier::more_than ||
                               f.qualifier == qualifier::at_least ||
                               f.qualifier == qualifier::under || f.qualifier == qualifier::at_most;
        const bool word =
            one_sided && (k.sign() != 0 ? (k.sign() < 0) != (f.display.sign() < 0) : f.negated);
        if (has_step) {
            const interval shown =
                word ? -display_interval(decimal(big_int(-k), 0), rounding, f.qualifier, tie)
                     : display_interval(decimal(k, 0), rounding, f.qualifier, tie);
            return !intersect(shown, scaled()).empty();
        }
        const interval shown = word ? -display_bounds(f, big_int(-k), e, conv, tie)
                                    : display_bounds(f, k, e, conv, tie);
        return !intersect(shown, range).empty();
    };

    const std::string digits = f.display.coefficient().abs_digits();
    const int printed_sign = f.display.sign() < 0 ? -1 : 1;
    const int word_sign = f.negated ? -1 : 1;
    // The cheap test again in int64, for the many typos tried: whether k is outside
    // [k_min, k_max] (false when a number does not fit, and the exact test decides).
    const auto small_of = [](const std::optional<big_int>& b, std::int64_t& v) {
        constexpr std::int64_t lim = std::int64_t{1} << 62;
        if (!b || *b >= lim || *b <= -lim) {
            return false;
        }
        v = b->convert_to<std::int64_t>();
        return true;
    };
    std::int64_t small_min = 0;
    std::int64_t small_max = 0;
    const bool has_small_min = small_of(k_min, small_min);
    const bool has_small_max = small_of(k_max, small_max);
    const bool small_ends = (has_small_min || !k_min) && (has_small_max || !k_max);
    auto far_off = [&](const std::string& ds, int sign) {
        if (!small_ends || ds.size() > 17) {
            return false;
        }
        std::int64_t k = 0;
        for (char c : ds) {
            k = k * 10 + (c - '0');
        }
        k *= sign;
        return (has_small_min && k < small_min) || (has_small_max && k > small_max);
    };
    auto try_digits = [&](const std::string& ds, const char* kind) {
        if (!narrow || !out.typo.empty() || ds.empty() || (ds.size() > 1 && ds[0] == '0')) {
            return;
        }
        if (far_off(ds, printed_sign * word_sign)) {
            return; // `fits` says no
        }
        const big_int k = digits_value(ds) * (printed_sign * word_sign);
        if (ds != digits && fits(k)) {
            out.typo = decimal(k, e).str();
            out.typo_kind = kind;
        }
    };
    for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
        if (digits[i] != digits[i + 1]) {
            std::string s = digits;
            std::swap(s[i], s[i + 1]);
            try_digits(s, "adjacent digits swapped");
        }
    }
    // A digit c inserted at i: (prefix·10 + c)·10^(n−i) + suffix, in int64 while it fits, so that
    // the candidates `far_off` rejects (most) are rejected without building their digits.
    const bool small_digits = small_ends && digits.size() + 1 <= 17;
    std::array<std::int64_t, 18> suffix_value{}; // of digits[i…], while small_digits
    if (small_digits) {
        std::int64_t p = 1;
        for (std::size_t i = digits.size(); i-- > 0;) {
            suffix_value[i] = suffix_value[i + 1] + (digits[i] - '0') * p;
            p *= 10;
        }
    }
    std::int64_t prefix_value = 0;
    for (std::size_t i = 0; i <= digits.size() && narrow && out.typo.empty(); ++i) {
        if (i > 0 && small_digits) {
            prefix_value = prefix_value * 10 + (digits[i - 1] - '0');
        }
        for (char c = '0'; c <= '9' && out.typo.empty(); ++c) {
            if (small_digits) {
                const std::int64_t k =
                    ((prefix_value * 10 + (c - '0')) * pow10_table[digits.size() - i] +
                     suffix_value[i]) *
                    (printed_sign * word_sign);
                if ((has_small_min && k < small_min) || (has_small_max && k > small_max)) {
                    continue; // as `far_off`: `fits` says no
                }
            }
            std::string s = digits;
            s.insert(s.begin() + static_cast<std::ptrdiff_t>(i), c);
            try_digits(s, "a digit dropped");
        }
    }
    for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
        if (digits[i] == digits[i + 1] && (i == 0 || digits[i - 1] != digits[i])) {
            std::string s = digits;
            s.erase(s.begin() + static_cast<std::ptrdiff_t>(i));
            try_digits(s, "a digit doubled");
        }
    }
    const big_int k0 = f.signed_display().coefficient().to_big();
    if (narrow && out.typo.empty() && k0 != 0 && fits(-k0)) {
        out.typo = decimal(big_int(-k0), e).str();
        out.typo_kind = "sign flipped (下降 ↔ 增长)";
    }
    if (!stepped) {
        out.suggested = out.typo;
        return out;
    }

    // `fits` of a display k in int64, for the run below: the same tests, without a big_int
    // while k is within the fast test's reach (`has_small_min` / `has_small_max` then hold the
    // ends k_min, k_max).
    auto fits_small = [&](std::int64_t k) {
        if ((has_small_min && k < small_min) || (has_small_max && k > small_max)) {
            return false;
        }
        if (fast && k < small_lim / 4 && k > -small_lim / 4) {
            return fast_fits_small(k);
        }
        return fits(big_int(k));
    };

    // The consistent displays form a run of steps; find its ends. Written once for both integer
    // types: in int64 when every number of it stays far below 2^63, else in big_int.
    const auto run = [&](auto zero) -> figure_advice {
        using integer = decltype(zero);
        constexpr bool is_small = std::is_same_v<integer, std::int64_t>;
        auto to_integer = [](const big_int& b) -> integer {
            if constexpr (is_small) {
                return b.convert_to<std::int64_t>();
            } else {
                return b;
            }
        };
        auto fits_k = [&](const integer& k) {
            if constexpr (is_small) {
                return fits_small(k);
            } else {
                return fits(k);
            }
        };
        auto magnitude = [](const integer& x) -> integer { return x < 0 ? integer(-x) : x; };
        const integer k0i = to_integer(k0);
        // (Flags and values rather than optionals: GCC's -Wmaybe-uninitialized misreads an
        // optional int64 here.)
        const bool has_lo = !range.lower().infinite;
        const bool has_hi = !range.upper().infinite;
        const integer lo_guess =
            has_lo ? integer(to_integer(lo_floor ? *lo_floor
                                                 : floor_int(range.lower().value / *step_r)) -
                             2)
                   : integer(0);
        const integer hi_guess =
            has_hi ? integer(to_integer(hi_floor ? *hi_floor
                                                 : floor_int(range.upper().value / *step_r)) +
                             3)
                   : integer(0);
        bool has_ka = false;
        bool has_kb = false;
        integer ka(0);
        integer kb(0);
        if (has_lo) {
            for (integer k = lo_guess; k <= lo_guess + 6 && (!has_hi || k <= hi_guess); ++k) {
                if (fits_k(k)) {
                    ka = k;
                    has_ka = true;
                    break;
                }
            }
            if (!has_ka) {
                if (has_hi && hi_guess <= lo_guess + 6) {
                    out.suggested = out.typo;
                    return std::move(out); // the range falls between displays
                }
                ka = lo_guess + 3;
                has_ka = true;
            }
        }
        if (has_hi) {
            for (integer k = hi_guess; k >= hi_guess - 6 && (!has_ka || k >= ka); --k) {
                if (fits_k(k)) {
                    kb = k;
                    has_kb = true;
                    break;
                }
            }
            if (!has_kb) {
                out.suggested = out.typo;
                return std::move(out);
            }
        }
        // At most m displays: the run itself, or the m nearest to the printed one.
        const auto m = static_cast<std::int64_t>(max_displays == 0 ? 1 : max_displays);
        integer first = has_ka ? ka : integer((has_kb && kb < k0i ? kb : k0i) - m / 2);
        if (has_ka && ka < k0i - m / 2 && (!has_kb || kb - ka + 1 > m)) {
            first = k0i - m / 2; // a long run: start near the printed display
        }
        if (has_kb && first + (m - 1) > kb) {
            first = kb - (m - 1);
        }
        if (has_ka && first < ka) {
            first = ka;
        }
        integer last = first + (m - 1);
        if (has_kb && last > kb) {
            last = kb;
        }
        bool has_nearest = false;
        integer nearest(0);
        for (integer k = first; k <= last; ++k) {
            if (!fits_k(k)) {
                continue;
            }
            out.displays.push_back(decimal(k, e).str());
            if (!has_nearest || magnitude(k - k0i) < magnitude(nearest - k0i)) {
                nearest = k;
                has_nearest = true;
            }
        }
        out.suggested = !out.typo.empty() ? out.typo
                        : has_nearest     ? decimal(nearest, e).str()
                                          : std::string();
        return std::move(out);
    };
    // int64 when the ends, the printed display and the count stay below 2^58: every number
    // above is within a few counts of them.
    constexpr std::int64_t run_lim = std::int64_t{1} << 58;
    auto below = [&](const big_int& b) { return b < run_lim && b > -run_lim; };
    const bool small_run = small_ends && below(k0) &&
                           max_displays < static_cast<std::size_t>(run_lim) &&
                           (range.lower().infinite || (lo_floor && below(*lo_floor))) &&
                           (range.upper().infinite || (hi_floor && below(*hi_floor)));
    return small_run ? run(std::int64_t{0}) : run(big_int(0));
}

} // namespace detail

/// Checks the report as a whole (DESIGN.md, "The whole report at once"):
/// whether true values exist, each inside its figure's interval, that satisfy
/// every relation at once; where none do, which figures most likely explain it.
///
/// Decided exactly over rationals by a simplex of our own
/// (`detail/simplex.hpp`), part by part: figures linked by relations form
/// independent parts, each a small linear system. A part that is a single
/// linear row over distinct figures (one sum, one difference) holds or not
/// as the interval sum of its terms says, with the same open and closed ends:
/// that is decided without a simplex. A relation of more than
/// `joint_options::max_terms` figures is left out. Sums, differences, points,
/// orders, partial sums (Σ parts ≤ whole), shares that make 100 % and
/// conversions by units are linear. Ratio-type relations q = n / d (share,
/// growth, also from its increment, compound growth, percent of target,
/// average, ratio, index, contribution, pull; a product or a conversion at
/// a stated rate through a factor of known sign) are linear once the sign
/// of d is known: n/d ∈ Q, i.e. Q_lo·d ≤ n ≤ Q_hi·d for d > 0, with Q the
/// interval of q's figure. That keeps every true solution but forgets that
/// q's own value, used by other relations (the 100 % its shares make), is
/// exactly n/d; McCormick's envelopes of n = q·d (added as cuts, only where
/// violated) restore that to within (q's width × d's width) / 4, a tiny
/// fraction of a last digit. Still an over-approximation, so *infeasible*
/// is proven while *feasible* means no contradiction was found. Relations
/// that cannot be checked (a missing figure, mixed kinds, a candidate) or
/// stay non-linear (a product of figures of unknown sign) are in
/// `left_out`, with reasons.
///
/// Open ends are decided exactly too (through an infinitesimal): first with
/// every rounding tie open; if that fails, with the ends as the conventions
/// leave them (ties closed, half up's far end open, "more than" strict). A
/// report that holds only so is `tie_only`; one that fails both is
/// infeasible.
///
/// When a part is infeasible (or holds only at a tie), the sets of figures
/// of least total weight that, freed from their intervals, make it hold are
/// listed (Fellegi–Holt error localisation): sets are tried by increasing
/// weight, at most `max_size` figures, each by one linear program, skipping
/// sets that miss a known conflict. Sets of equal weight come ordered by how
/// many of their figures' relations hold only within rounding or not at all
/// (an editor with a calculator doubts those), then by whether a typo
/// explains them, then by how far their printed values must move.
///
///     reckon::report r;  // 148.2 = 119.4 + 28.9 (亿元), shares 80.6 % and 19.4 %
///     auto j = reckon::check_jointly(r);
///     j.feasible;                                  // false
///     j.suspects[0].consistent_displays[0].second; // {"28.7", "28.8"}
[[nodiscard]] inline joint_result check_jointly(const report& r,
                                                const std::vector<finding>& findings,
                                                const joint_options& options = {}) {
    using detail::joint_lp;
    using detail::joint_mode;
    const auto& figs = r.figures();
    const auto& rels = r.relations();
    if (findings.size() != rels.size()) {
        throw std::invalid_argument("reckon::check_jointly: " + std::to_string(findings.size()) +
                                    " findings for " + std::to_string(rels.size()) + " relations");
    }
    joint_result out;
    out.checked = true;
    // The parts' variables are made one part at a time, and freed once it is checked.
    detail::joint_model model = detail::build_joint_model(r, findings, options.max_terms, false);
    for (const auto& lo : model.left_out) {
        out.left_out.push_back(rels[lo.first].id);
        out.left_out_reasons.push_back({rels[lo.first].id, lo.second});
    }
    for (std::size_t ri : model.relaxed) {
        out.relaxed.push_back(rels[ri].id);
    }
    out.parts = model.components.size();
    bool any_tie = false;
    // `default_weight` looks for a restatement among all the figures; asked of every figure of
    // every infeasible part that would be quadratic in a long report: count the displays once.
    // A display whose coefficient fits an int64 (nearly all) is keyed without building a string:
    // unit symbol, exponent and signed coefficient, as `display_key` tells them apart.
    struct small_display {
        std::string_view symbol;
        int exponent = 0;
        std::int64_t coefficient = 0;
        bool operator==(const small_display& o) const {
            return exponent == o.exponent && coefficient == o.coefficient && symbol == o.symbol;
        }
    };
    struct small_display_hash {
        std::size_t operator()(const small_display& d) const {
            std::size_t h = std::hash<std::string_view>{}(d.symbol);
            h = h * 1000003U ^ std::hash<std::int64_t>{}(d.coefficient);
            return h * 1000003U ^ std::hash<int>{}(d.exponent);
        }
    };
    std::unordered_map<small_display, std::size_t, small_display_hash> small_displays_seen;
    std::unordered_map<std::string, std::size_t> displays_seen;
    bool displays_counted = false;
    auto display_key = [](const figure& f, const decimal& d) {
        return f.unit->symbol + '\x1f' + std::to_string(d.exponent()) + '\x1f' +
               (d.sign() < 0 ? "-" : "") + d.coefficient().abs_digits();
    };
    auto display_count = [&](const figure& f) -> std::size_t& {
        const decimal d = f.signed_display();
        if (d.coefficient().is_small()) {
            return small_displays_seen[small_display{f.unit->symbol, d.exponent(),
                                                     d.coefficient().small()}];
        }
        return displays_seen[display_key(f, d)];
    };
    auto weight_of = [&](const figure& f) {
        if (options.weight) {
            return options.weight(f, r);
        }
        if (!displays_counted) {
            displays_counted = true;
            for (const auto& g : figs) {
                ++display_count(g);
            }
        }
        // As `default_weight`: 2, +1 for an exact figure, +1 for a restated one, 0 if implied.
        if (f.implied) {
            return 0U;
        }
        unsigned w = 2;
        if (f.effective_rounding(r.rounding()) == convention::exact) {
            ++w;
        }
        if (display_count(f) > 1) {
            ++w;
        }
        return w;
    };

    std::vector<detail::witness_var> witness;
    detail::witness_scratch scratch;
    for (auto& part : model.components) {
        // Most parts hold at a point found without the variables' rationals: try that first.
        witness.clear();
        for (std::size_t i : part.figures) {
            const std::size_t slot =
                model.light_slot.empty() ? detail::simplex::npos : model.light_slot[i];
            witness.push_back(slot == detail::simplex::npos ? detail::make_witness_var(r, i)
                                                            : std::move(model.light[slot]));
        }
        if (detail::witness_holds(part, witness, scratch) || detail::one_row_holds(part, witness)) {
            part = detail::joint_component{};
            continue; // decided exactly without a simplex
        }
        detail::make_values(part, r);
        const detail::joint_component comp = std::move(part); // freed at the end of the turn
        part = detail::joint_component{};
        const std::size_t n = comp.vars.size();
        joint_lp open_lp(comp, joint_mode::open, false, options.max_coupled);
        ++out.solves;
        if (open_lp.feasible()) {
            continue;
        }
        // Built for localisation: the rows that only freed figures need stay unbound until then
        // (rows without bounds never leave the basis: the same pivots, answer and conflict), and
        // a copy made before the check is the localisation's tableau, as if built afresh.
        joint_lp flags_lp(comp, joint_mode::flags, options.localise, options.max_coupled);
        std::optional<joint_lp> flags_built;
        if (options.localise) {
            flags_built.emplace(flags_lp);
        }
        ++out.solves;
        const bool at_tie = flags_lp.feasible();
        if (at_tie) {
            any_tie = true;
        } else {
            out.feasible = false;
        }
        const std::size_t group = out.conflicts.size() + 1;
        {
            std::vector<std::string> ids;
            for (const auto& v : comp.vars) {
                ids.push_back(figs[v.figure].id);
            }
            out.conflicts.push_back(std::move(ids));
        }
        if (!options.localise || (at_tie && !options.localise_ties)) {
            continue;
        }
        // One tableau for every test, with the rows that freed figures need.
        joint_lp lp = !at_tie && flags_built
                          ? std::move(*flags_built)
                          : joint_lp(comp, at_tie ? joint_mode::open : joint_mode::flags, true,
                                     options.max_coupled);
        flags_built.reset();
        const ties tie = at_tie ? ties::open : ties::closed;

        // Fellegi–Holt: sets by increasing weight that hit every known conflict.
        std::vector<std::vector<std::size_t>> conflicts;
        auto add_conflict = [&](std::optional<std::vector<std::size_t>> c) {
            if (!c) {
                return;
            }
            std::sort(c->begin(), c->end());
            c->erase(std::unique(c->begin(), c->end()), c->end());
            conflicts.push_back(std::move(*c));
        };
        add_conflict(at_tie ? open_lp.hitting_set() : flags_lp.hitting_set());
        std::vector<unsigned> w(n);
        unsigned max_w = 0;
        for (std::size_t j = 0; j < n; ++j) {
            w[j] = weight_of(figs[comp.vars[j].figure]);
            max_w = std::max(max_w, w[j]);
        }
        std::vector<std::vector<std::size_t>> found;
        std::size_t solves = 0;
        bool cut = false;
        std::vector<std::size_t> chosen;
        std::vector<char> freed(n, 0);
        auto hits_all = [&]() {
            for (const auto& c : conflicts) {
                bool hit = false;
                for (std::size_t x : chosen) {
                    hit = hit || std::binary_search(c.begin(), c.end(), x);
                }
                if (!hit) {
                    return false;
                }
            }
            return true;
        };
        // Whether every conflict not yet hit can still be hit from `start` on.
        auto reachable = [&](std::size_t start) {
            for (const auto& c : conflicts) {
                bool hit = false;
                for (std::size_t x : chosen) {
                    hit = hit || std::binary_search(c.begin(), c.end(), x);
                }
                if (!hit && (c.empty() || c.back() < start)) {
                    return false;
                }
            }
            return true;
        };
        std::function<void(std::size_t, unsigned, unsigned)> search =
            [&](std::size_t start, unsigned sum, unsigned level) {
                if (cut) {
                    return;
                }
                if (sum == level) {
                    if (!hits_all()) {
                        return;
                    }
                    if (solves >= options.max_solves) {
                        cut = true;
                        return;
                    }
                    for (std::size_t x : chosen) {
                        freed[x] = 1;
                    }
                    lp.free(freed);
                    ++solves;
                    if (lp.feasible()) {
                        found.push_back(chosen);
                        if (found.size() >= 4 * std::max<std::size_t>(options.max_suspects, 1)) {
                            cut = true; // enough to rank; the rest of the level is not tried
                        }
                    } else {
                        add_conflict(lp.hitting_set());
                    }
                    for (std::size_t x : chosen) {
                        freed[x] = 0;
                    }
                    return;
                }
                if (chosen.size() >= options.max_size || !reachable(start)) {
                    return;
                }
                for (std::size_t j = start; j < n; ++j) {
                    if (w[j] == 0 || sum + w[j] > level) {
                        continue;
                    }
                    chosen.push_back(j);
                    search(j + 1, sum + w[j], level);
                    chosen.pop_back();
                }
            };
        const bool fixable = conflicts.empty() || !conflicts.front().empty();
        const auto top = static_cast<unsigned>(options.max_size) * max_w;
        for (unsigned level = 1; fixable && level <= top && found.empty() && !cut; ++level) {
            search(0, 0, level);
        }
        out.solves += solves;
        if (cut) {
            out.localised = false;
        }

        // Describe each set: ranges, displays, typos; then order them.
        struct ranked {
            suspect s;
            std::size_t doubtful = 0;
            bool typo = false;
            rational steps{0};
            std::vector<std::size_t> vars;
        };
        std::vector<ranked> list;
        for (const auto& set : found) {
            ranked rk;
            rk.vars = set;
            rk.s.group = group;
            rk.s.at_tie = at_tie;
            std::vector<char> fr(n, 0);
            for (std::size_t x : set) {
                fr[x] = 1;
                rk.s.weight += w[x];
            }
            lp.free(fr);
            ++out.solves;
            const bool ok = lp.feasible();
            std::vector<std::string> hints;
            for (std::size_t x : set) {
                const figure& f = figs[comp.vars[x].figure];
                suspect_figure d;
                d.id = f.id;
                d.range = ok ? lp.range(x) : interval::everything();
                d.steps = detail::steps_off(comp.vars[x], f, d.range);
                auto advice = detail::advise(f, d.range, r.rounding(), tie, options.max_displays,
                                             options.typo_steps);
                d.displays = std::move(advice.displays);
                d.suggested = std::move(advice.suggested);
                d.typo = std::move(advice.typo);
                d.typo_kind = std::move(advice.typo_kind);
                if (!d.typo.empty()) {
                    rk.typo = true;
                    hints.push_back(f.id + ": " + f.signed_display().str() + " may be a typo for " +
                                    d.typo + " (" + d.typo_kind + ")");
                }
                rk.steps += d.steps;
                rk.s.figures.push_back(d.id);
                rk.s.consistent_displays.emplace_back(d.id, d.displays);
                rk.s.details.push_back(std::move(d));
            }
            for (std::size_t i = 0; i < hints.size(); ++i) {
                rk.s.hint += (i == 0 ? "" : "; ") + hints[i];
            }
            for (std::size_t ri : comp.relations) {
                const verdict v = findings.at(ri).verdict;
                if (v != verdict::within_rounding && v != verdict::inconsistent) {
                    continue;
                }
                const auto& ids = rels[ri].figures;
                bool touches = false;
                for (const auto& id : rk.s.figures) {
                    touches = touches || std::find(ids.begin(), ids.end(), id) != ids.end();
                }
                rk.doubtful += touches ? 1 : 0;
            }
            list.push_back(std::move(rk));
        }
        // Ordered through their indices (the same stable order; the sets are not moved about).
        auto before = [](const ranked& a, const ranked& b) {
            if (a.s.weight != b.s.weight) {
                return a.s.weight < b.s.weight;
            }
            if (a.doubtful != b.doubtful) {
                return a.doubtful > b.doubtful;
            }
            if (a.typo != b.typo) {
                return a.typo;
            }
            if (a.steps != b.steps) {
                return a.steps < b.steps;
            }
            return a.vars < b.vars;
        };
        std::vector<std::size_t> order(list.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return before(list[a], list[b]); });
        if (order.size() > options.max_suspects) {
            order.resize(options.max_suspects);
        }
        for (std::size_t i : order) {
            out.suspects.push_back(std::move(list[i].s));
        }
    }

    out.tie_only = out.feasible && any_tie;

    // One line for people.
    if (out.feasible && !out.tie_only) {
        out.message = "the figures can all hold at once";
    } else {
        out.message = out.feasible ? "the figures hold together only at an exact rounding tie"
                                   : "the figures cannot all hold at once";
        if (!out.suspects.empty()) {
            const suspect& s = out.suspects.front();
            out.message += "; most likely ";
            for (std::size_t i = 0; i < s.details.size(); ++i) {
                const figure* f = r.find(s.details[i].id);
                out.message +=
                    (i == 0 ? "" : ", ") + s.details[i].id + " (" + detail::shown(*f) + ")";
                if (!s.details[i].suggested.empty()) {
                    out.message += " would be consistent as " + s.details[i].suggested;
                }
            }
        }
    }
    return out;
}

/// The same, checking each relation first (`audit` passes its findings).
///
///     reckon::check_jointly(r).feasible;   // true for the Xining report
[[nodiscard]] inline joint_result check_jointly(const report& r,
                                                const joint_options& options = {}) {
    const checker c(r.figures(), r.rounding());
    std::vector<finding> findings;
    findings.reserve(r.relations().size());
    for (const auto& rel : r.relations()) {
        findings.push_back(c.check(rel));
    }
    return check_jointly(r, findings, options);
}

} // namespace reckon
