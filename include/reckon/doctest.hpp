// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// doctest integration: reckon's values print readably in doctest's messages, and a unit test
// can assert that a report (or one finding) is consistent, with a failure message that names
// the figures, the computed value and the miss. Optional: needs doctest (2.4.9 or later); link
// doctest::doctest when you include it.
//
// What prints how: verdicts, relation kinds and kinds of quantity as words ("rounds", not
// "1"); figures, findings and audit results in full (StringMaker specialisations); decimals
// and intervals through their own operator<< ("148.20", "[2963/20, 593/4)"), the same in
// every translation unit. doctest picks how a type prints when a test is compiled: include
// this header in every test file that checks reckon's values (or in a header they share), so
// that one program does not print a verdict two ways (which would also break the
// one-definition rule).
//
//     #include <reckon/doctest.hpp>
//
//     TEST_CASE("the investment report adds up") {
//         reckon::report r = build_report();
//         RECKON_CHECK_CONSISTENT(r);
//         RECKON_CHECK_VERDICT(reckon::check(r, r.relations()[2]), reckon::verdict::rounds);
//     }

#include <reckon/audit.hpp>
#include <reckon/decimal.hpp>
#include <reckon/interval.hpp>
#include <reckon/output.hpp>
#include <reckon/relation.hpp>
#include <reckon/report.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>

namespace reckon {

namespace testing {

/// A finding in full, for a test's failure message: the verdict, the
/// relation with its printed figures, and every number behind the verdict
/// (computed value, the values the other figures allow, tolerance, miss and
/// its size in last-digit steps), in the derived figure's unit and exactly.
///
///     reckon::testing::describe(f);
///     // R4 inconsistent (share F10 = F9 / F2): 19.4 % = 28.9 亿元 / 148.2 亿元: computed …;
///     // computed 19.500674… % (exactly 14450/741 %); the other figures allow
///     // [19.46037…, 19.541005…] %; tolerance …; miss 0.01037… % (exactly 123/11860 %)
///     // = 0.1037… last-digit steps
[[nodiscard]] inline std::string describe(const finding& f) {
    std::string s = f.id + " " + std::string(to_string(f.verdict)) + " (" +
                    std::string(to_string(f.kind)) + " " + f.expression + "): " + f.message;
    const std::string unit = f.unit_symbol.empty() ? std::string() : " " + f.unit_symbol;
    const rational factor = f.unit_factor != 0 ? f.unit_factor : rational(1);
    // A value in the finding's unit, and the exact fraction when the digits do not end.
    auto value = [&](const rational& v) {
        const rational in_unit = v / factor;
        std::string t = detail::rational_str(in_unit, 6) + unit;
        if (!detail::terminates(in_unit)) {
            t += " (exactly " + in_unit.str() + unit + ")";
        }
        return t;
    };
    auto range = [&](const interval& i) {
        return detail::interval_str(i * interval::point(1 / factor)) + unit;
    };
    if (f.computed) {
        s += "; computed " + value(*f.computed);
    }
    if (f.allowed) {
        s += "; the other figures allow " + range(*f.allowed);
    }
    if (f.implied) {
        s += "; the others imply " + detail::interval_str(*f.implied) + " in base units";
    }
    s += "; tolerance " + value(f.tolerance);
    if (f.verdict == verdict::inconsistent) {
        s += "; miss " + value(f.miss);
        if (f.miss_steps) {
            s += " = " + detail::rational_str(*f.miss_steps, 4) + " last-digit steps";
        }
    }
    if (f.tie_only) {
        s += "; only at an exact rounding tie";
    }
    if (!f.reason.empty() && f.verdict != verdict::cannot_check) {
        s += "; note: " + f.reason;
    }
    return s;
}

/// Whether something is consistent, and if not, what says so.
struct consistency {
    bool consistent = true;
    std::string message; ///< every inconsistent finding in full, and the joint result
};

/// A finding is consistent unless its verdict is `inconsistent` (a relation
/// that cannot be checked does not fail a test; check its verdict for that).
///
///     reckon::testing::consistency_of(f).consistent;   // false for 19.4 % of 28.9 / 148.2
[[nodiscard]] inline consistency consistency_of(const finding& f) {
    consistency c;
    c.consistent = f.verdict != verdict::inconsistent;
    c.message = describe(f);
    return c;
}

/// An audit is consistent when no finding is inconsistent and the report as
/// a whole is feasible (when that was checked). The message lists each
/// inconsistent finding in full, then the joint result and the summary.
[[nodiscard]] inline consistency consistency_of(const report& r, const audit_result& a) {
    consistency c;
    c.consistent = a.consistent();
    const std::string name = a.source.empty() ? std::string("the report") : a.source;
    if (c.consistent) {
        c.message = name + " is consistent";
    } else {
        c.message = name + " is inconsistent:";
        for (const auto& f : a.findings) {
            if (f.verdict == verdict::inconsistent) {
                c.message += "\n  " + describe(f);
            }
        }
    }
    output_options o;
    c.message += "\n  " + detail::joint_text(r, a.joint, o);
    c.message += "  " + detail::summary_text(a, o);
    return c;
}

/// A report: audits it, then as above.
[[nodiscard]] inline consistency consistency_of(const report& r) {
    return consistency_of(r, audit(r));
}

/// The verdict check behind RECKON_CHECK_VERDICT: whether a finding has the
/// verdict expected, and a message with the whole finding.
[[nodiscard]] inline consistency verdict_check(const finding& f, verdict expected) {
    consistency c;
    c.consistent = f.verdict == expected;
    c.message = "expected " + f.id + " to be " + std::string(to_string(expected)) + ", got " +
                std::string(to_string(f.verdict)) + ": " + describe(f);
    return c;
}

} // namespace testing

// doctest prints an enum through a `toString` overload found by argument-dependent lookup
// (its StringMaker is bypassed for enums in 2.4.x): these make verdicts and kinds print as
// words, "inconsistent" rather than "3".

/// doctest's stringification hook for a verdict: "rounds".
// NOLINTNEXTLINE(readability-identifier-naming): doctest's name for the hook
[[nodiscard]] inline doctest::String toString(verdict v) {
    return doctest::String(std::string(to_string(v)).c_str());
}
/// doctest's stringification hook for a relation kind: "share".
// NOLINTNEXTLINE(readability-identifier-naming): doctest's name for the hook
[[nodiscard]] inline doctest::String toString(relation_kind k) {
    return doctest::String(std::string(to_string(k)).c_str());
}
/// doctest's stringification hook for a kind of quantity: "money".
// NOLINTNEXTLINE(readability-identifier-naming): doctest's name for the hook
[[nodiscard]] inline doctest::String toString(kind k) {
    return doctest::String(std::string(to_string(k)).c_str());
}

} // namespace reckon

namespace doctest {

/// A figure: id, label, the number as printed with its unit, and its exact
/// value in base units: "F2 省外到位资金 148.2 亿元 = 14820000000".
template <>
struct StringMaker<reckon::figure> {
    static String convert(const reckon::figure& f) {
        std::string s = f.id;
        if (!f.label.empty()) {
            s += " " + f.label;
        }
        s += " " + reckon::detail::shown(f) + " = " + reckon::detail::exact_str(f.value());
        if (f.place) {
            s += " at byte " + std::to_string(f.place->offset);
        }
        return String(s.c_str());
    }
};

/// A finding in full (see reckon::testing::describe).
template <>
struct StringMaker<reckon::finding> {
    static String convert(const reckon::finding& f) {
        return String(reckon::testing::describe(f).c_str());
    }
};

/// An audit: its summary line, and each inconsistent finding in full.
template <>
struct StringMaker<reckon::audit_result> {
    static String convert(const reckon::audit_result& a) {
        std::string s = reckon::detail::summary_text(a, reckon::output_options{});
        s.pop_back(); // the newline
        for (const auto& f : a.findings) {
            if (f.verdict == reckon::verdict::inconsistent) {
                s += "\n  " + reckon::testing::describe(f);
            }
        }
        return String(s.c_str());
    }
};

} // namespace doctest

/// Checks that a report, an audit (report and result: `RECKON_CHECK_CONSISTENT(r, result)`)
/// or a finding has nothing inconsistent; on failure the message carries every inconsistent
/// finding in full (the figures as printed, the computed value, the tolerance, the miss).
///
///     RECKON_CHECK_CONSISTENT(report);
///     RECKON_CHECK_CONSISTENT(reckon::check(report, report.relations()[3]));
#define RECKON_CHECK_CONSISTENT(...)                                                               \
    do {                                                                                           \
        const ::reckon::testing::consistency reckon_consistency_ =                                 \
            ::reckon::testing::consistency_of(__VA_ARGS__);                                        \
        DOCTEST_CHECK_MESSAGE(                                                                     \
            reckon_consistency_.consistent,                                                        \
            "RECKON_CHECK_CONSISTENT(" #__VA_ARGS__ "): ", reckon_consistency_.message);           \
        static_cast<void>(reckon_consistency_);                                                    \
    } while (false)

/// As RECKON_CHECK_CONSISTENT, but ends the test case on failure.
#define RECKON_REQUIRE_CONSISTENT(...)                                                             \
    do {                                                                                           \
        const ::reckon::testing::consistency reckon_consistency_ =                                 \
            ::reckon::testing::consistency_of(__VA_ARGS__);                                        \
        DOCTEST_REQUIRE_MESSAGE(                                                                   \
            reckon_consistency_.consistent,                                                        \
            "RECKON_REQUIRE_CONSISTENT(" #__VA_ARGS__ "): ", reckon_consistency_.message);         \
        static_cast<void>(reckon_consistency_);                                                    \
    } while (false)

/// Checks a finding's verdict; on failure the message carries what was
/// expected and the whole finding: what was computed, the tolerance, the miss.
///
///     RECKON_CHECK_VERDICT(reckon::check(r, r.relations()[2]), reckon::verdict::rounds);
#define RECKON_CHECK_VERDICT(finding_expr, verdict_expr)                                           \
    do {                                                                                           \
        const ::reckon::testing::consistency reckon_verdict_ =                                     \
            ::reckon::testing::verdict_check((finding_expr), (verdict_expr));                      \
        DOCTEST_CHECK_MESSAGE(reckon_verdict_.consistent,                                          \
                              "RECKON_CHECK_VERDICT(" #finding_expr ", " #verdict_expr "): ",      \
                              reckon_verdict_.message);                                            \
        static_cast<void>(reckon_verdict_);                                                        \
    } while (false)
