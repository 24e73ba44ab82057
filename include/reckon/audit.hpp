// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/joint.hpp>
#include <reckon/report.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon {

/// Counts of verdicts.
struct audit_summary {
    std::size_t figures = 0;
    std::size_t relations = 0;
    std::size_t exact = 0;
    std::size_t rounds = 0;
    std::size_t within_rounding = 0;
    std::size_t inconsistent = 0;
    std::size_t cannot_check = 0;
};

/// What an audit finds: one finding per relation, in the report's order,
/// the joint result, and the counts.
struct audit_result {
    std::string source;
    std::vector<finding> findings;
    joint_result joint;
    audit_summary summary;

    /// Whether nothing is inconsistent (relations or the report as a whole).
    [[nodiscard]] bool consistent() const noexcept {
        return summary.inconsistent == 0 && (!joint.checked || joint.feasible);
    }
};

/// Checks one relation of a report.
[[nodiscard]] inline finding check(const report& r, const relation& rel) {
    return checker(r.figures(), r.rounding()).check(rel);
}

/// What an audit does beyond checking each relation.
///
///     reckon::audit_options o;
///     o.joint = false;            // each relation alone
///     o.only_problems = true;     // keep inconsistent and cannot-check findings only
///     reckon::audit(r, o).summary.rounds;   // still counts every relation
struct audit_options {
    bool joint = true;              ///< check the report as a whole and localise errors
    joint_options joint_settings{}; ///< how the joint check localises errors
    /// Keep only the findings that are inconsistent or cannot be checked (the
    /// summary still counts every relation). Without the joint check, the
    /// consistent relations are then decided on the fast path
    /// (`checker::decide`, same verdicts) and no finding is built for them:
    /// the way to audit a yearbook of a million figures in little memory.
    bool only_problems = false;
};

namespace detail {

inline void count_verdict(audit_summary& s, verdict v) noexcept {
    switch (v) {
    case verdict::exact: ++s.exact; break;
    case verdict::rounds: ++s.rounds; break;
    case verdict::within_rounding: ++s.within_rounding; break;
    case verdict::inconsistent: ++s.inconsistent; break;
    case verdict::cannot_check: ++s.cannot_check; break;
    }
}

[[nodiscard]] constexpr bool problem_verdict(verdict v) noexcept {
    return v == verdict::inconsistent || v == verdict::cannot_check;
}

} // namespace detail

/// Checks every relation of a report, then the report as a whole, and
/// counts the verdicts.
[[nodiscard]] inline audit_result audit(const report& r, const audit_options& options = {}) {
    audit_result out;
    out.source = r.source();
    const checker c(r.figures(), r.rounding(), r.figure_index());
    out.summary.figures = r.figures().size();
    out.summary.relations = r.relations().size();
    if (options.only_problems && !options.joint) {
        for (const auto& rel : r.relations()) {
            const prepared_relation p = c.prepare(rel);
            if (!p.integer_path()) {
                finding f = c.check(rel);
                detail::count_verdict(out.summary, f.verdict);
                if (detail::problem_verdict(f.verdict)) {
                    out.findings.push_back(std::move(f));
                }
                continue;
            }
            const verdict v = c.decide(p).verdict;
            detail::count_verdict(out.summary, v);
            if (detail::problem_verdict(v)) {
                out.findings.push_back(c.check(rel));
            }
        }
        return out;
    }
    const std::vector<relation>& relations = r.relations();
    out.findings.reserve(relations.size());
    for (std::size_t k = 0; k < relations.size(); ++k) {
        // The figures two relations ahead, the labels of the next one's (their figures are
        // then at hand): fetched from memory while this one is checked.
        if (k + 2 < relations.size()) {
            detail::prefetch_figures(r.figures(), relations[k + 2], false);
        }
        if (k + 1 < relations.size()) {
            detail::prefetch_figures(r.figures(), relations[k + 1], true);
        }
        out.findings.push_back(c.check(relations[k]));
    }
    if (options.joint) {
        out.joint = check_jointly(r, out.findings, options.joint_settings);
    }
    for (const auto& f : out.findings) {
        detail::count_verdict(out.summary, f.verdict);
    }
    if (options.only_problems) {
        out.findings.erase(
            std::remove_if(out.findings.begin(), out.findings.end(),
                           [](const finding& f) { return !detail::problem_verdict(f.verdict); }),
            out.findings.end());
    }
    return out;
}

} // namespace reckon
