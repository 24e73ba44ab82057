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
struct audit_options {
    bool joint = true;              ///< check the report as a whole and localise errors
    joint_options joint_settings{}; ///< how the joint check localises errors
};

/// Checks every relation of a report, then the report as a whole, and
/// counts the verdicts.
[[nodiscard]] inline audit_result audit(const report& r, const audit_options& options = {}) {
    audit_result out;
    out.source = r.source();
    const checker c(r.figures(), r.rounding());
    out.findings.reserve(r.relations().size());
    for (const auto& rel : r.relations()) {
        out.findings.push_back(c.check(rel));
    }
    if (options.joint) {
        out.joint = check_jointly(r, out.findings, options.joint_settings);
    }
    out.summary.figures = r.figures().size();
    out.summary.relations = out.findings.size();
    for (const auto& f : out.findings) {
        switch (f.verdict) {
        case verdict::exact: ++out.summary.exact; break;
        case verdict::rounds: ++out.summary.rounds; break;
        case verdict::within_rounding: ++out.summary.within_rounding; break;
        case verdict::inconsistent: ++out.summary.inconsistent; break;
        case verdict::cannot_check: ++out.summary.cannot_check; break;
        }
    }
    return out;
}

} // namespace reckon
