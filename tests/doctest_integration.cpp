// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// <reckon/doctest.hpp>: an audit written as a unit test, and proof that a wrong figure fails it
// with a message that names the figure and the miss.

#include <reckon/doctest.hpp>

#include <reckon/audit.hpp>
#include <reckon/report.hpp>

#include "support/xining.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string str(const doctest::String& s) { return std::string(s.c_str()); }

// How doctest itself prints a value in an assertion (an unqualified call, so that the
// argument-dependent `toString` overloads of reckon are found as they are inside doctest).
template <class T>
std::string printed(const T& value) {
    using doctest::toString;
    return str(toString(value));
}

// Records the failed assertions, with their INFO/_MESSAGE text, while `capturing` is set: lets
// a test look at the message a failing check printed.
struct failure_capture {
    static bool& capturing() {
        static bool on = false;
        return on;
    }
    static std::vector<std::string>& failures() {
        static std::vector<std::string> seen;
        return seen;
    }
};

struct capture_listener : doctest::IReporter {
    explicit capture_listener(const doctest::ContextOptions& /*options*/) {}

    void log_assert(const doctest::AssertData& data) override {
        if (!failure_capture::capturing() || !data.m_failed) {
            return;
        }
        std::ostringstream out;
        out << data.m_expr << " | " << data.m_decomp.c_str();
        const int n = doctest::IReporter::get_num_active_contexts();
        const doctest::IContextScope* const* contexts = doctest::IReporter::get_active_contexts();
        for (int i = 0; i < n; ++i) {
            out << " | ";
            contexts[i]->stringify(&out);
        }
        failure_capture::failures().push_back(out.str());
    }

    void report_query(const doctest::QueryData& /*data*/) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& /*stats*/) override {}
    void test_case_start(const doctest::TestCaseData& /*data*/) override {}
    void test_case_reenter(const doctest::TestCaseData& /*data*/) override {}
    void test_case_end(const doctest::CurrentTestCaseStats& /*stats*/) override {}
    void test_case_exception(const doctest::TestCaseException& /*e*/) override {}
    void subcase_start(const doctest::SubcaseSignature& /*signature*/) override {}
    void subcase_end() override {}
    void log_message(const doctest::MessageData& /*data*/) override {}
    void test_case_skipped(const doctest::TestCaseData& /*data*/) override {}
};

} // namespace

DOCTEST_REGISTER_LISTENER("reckon_failure_capture", 1, capture_listener);

TEST_SUITE("doctest_integration") {

    TEST_CASE("the Xining report as a unit test") {
        const reckon::report r = reckon_test::xining_report();
        RECKON_REQUIRE_CONSISTENT(r);
        const reckon::audit_result a = reckon::audit(r);
        RECKON_CHECK_CONSISTENT(r, a);
        REQUIRE(a.findings.size() == 6);
        for (const auto& f : a.findings) {
            RECKON_CHECK_CONSISTENT(f);
        }
        RECKON_CHECK_VERDICT(a.findings[0], reckon::verdict::exact);  // 84 = 75 + 9
        RECKON_CHECK_VERDICT(a.findings[1], reckon::verdict::exact);  // 148.2 = 119.4 + 28.8
        RECKON_CHECK_VERDICT(a.findings[2], reckon::verdict::rounds); // 80.5668… % → 80.6 %
        RECKON_CHECK_VERDICT(a.findings[3], reckon::verdict::rounds); // 19.4332… % → 19.4 %
        RECKON_CHECK_VERDICT(a.findings[4], reckon::verdict::exact);  // 80.6 + 19.4 = 100
        RECKON_CHECK_VERDICT(a.findings[5], reckon::verdict::cannot_check); // target not stated
        RECKON_CHECK_VERDICT(reckon::check(r, r.relations()[2]), reckon::verdict::rounds);
        // Verdicts compare and print as words in doctest's own assertions, too.
        CHECK(a.findings[2].verdict == reckon::verdict::rounds);
    }

    TEST_CASE("a wrong figure: the message names it and the miss") {
        // 28.9 for 28.8 亿元: the sum 119.4 + 28.9 = 148.3 is still within the rounding of 148.2
        // (each part may be off by 0.05), but 28.9 / 148.2 = 19.5007 % cannot print as 19.4 %.
        const reckon::report r = reckon_test::xining_report("28.9");
        const reckon::testing::consistency c = reckon::testing::consistency_of(r);
        CHECK_FALSE(c.consistent);
        INFO(c.message);
        CHECK(contains(c.message, "xining-investment.txt is inconsistent:"));
        CHECK(contains(c.message, "R4 inconsistent (share F10 = F9 / F2): 19.4 % = 28.9 亿元 / "
                                  "148.2 亿元: computed 19.500674… %"));
        CHECK(contains(c.message, "; computed 19.500674… % (exactly 14450/741 %)"));
        CHECK(contains(c.message, "; the other figures allow [19.46037…, 19.541005…] %"));
        CHECK(contains(c.message, "; miss 0.01037… % (exactly 123/11860 %) = 0.1037… last-digit "
                                  "steps"));
        CHECK_FALSE(contains(c.message, "R2 within_rounding")); // only the inconsistent findings
        CHECK(contains(c.message, "1 inconsistent"));

        const reckon::audit_result a = reckon::audit(r);
        CHECK(
            reckon::testing::consistency_of(a.findings[1]).consistent); // the sum, within rounding
        CHECK_FALSE(reckon::testing::consistency_of(a.findings[3]).consistent);

        const reckon::testing::consistency v =
            reckon::testing::verdict_check(a.findings[3], reckon::verdict::rounds);
        CHECK_FALSE(v.consistent);
        CHECK(v.message.rfind("expected R4 to be rounds, got inconsistent: R4 inconsistent", 0) ==
              0);
        CHECK(contains(v.message, "28.9 亿元"));
        CHECK(contains(v.message, "off by 0.01037… %"));
    }

    TEST_CASE("a wrong figure fails RECKON_CHECK_CONSISTENT" * doctest::should_fail()) {
        const reckon::report r = reckon_test::xining_report("28.9");
        RECKON_CHECK_CONSISTENT(r);
    }

    TEST_CASE("a wrong figure fails RECKON_CHECK_VERDICT" * doctest::should_fail()) {
        const reckon::report r = reckon_test::xining_report("28.9");
        RECKON_CHECK_VERDICT(reckon::check(r, r.relations()[3]), reckon::verdict::rounds);
    }

    // Exactly one assertion fails (the audit); the checks of what it printed must all pass.
    TEST_CASE("the failure doctest prints names 28.9 and the miss" *
              doctest::expected_failures(1)) {
        const reckon::report r = reckon_test::xining_report("28.9");
        failure_capture::failures().clear();
        failure_capture::capturing() = true;
        RECKON_CHECK_CONSISTENT(r);
        failure_capture::capturing() = false;
        REQUIRE(failure_capture::failures().size() == 1);
        const std::string& printed_failure = failure_capture::failures()[0];
        CHECK(contains(printed_failure, "RECKON_CHECK_CONSISTENT(r): xining-investment.txt is "
                                        "inconsistent:"));
        CHECK(contains(printed_failure, "19.4 % = 28.9 亿元 / 148.2 亿元"));
        CHECK(contains(printed_failure, "off by 0.01037… % beyond rounding"));
        CHECK(contains(printed_failure, "miss 0.01037… %"));
    }

    TEST_CASE("reckon values print readably in doctest") {
        CHECK(printed(reckon::verdict::within_rounding) == "within_rounding");
        CHECK(printed(reckon::relation_kind::percent_of_target) == "percent_of_target");
        CHECK(printed(reckon::kind::money) == "money");
        // Decimals and intervals print through their own operator<<, resolution and ends exact.
        CHECK(printed(reckon::decimal::parse("148.20")) == "148.20");
        CHECK(printed(reckon::display_interval(reckon::decimal::parse("148.2"),
                                               reckon::convention::half_up)) == "[2963/20, 593/4)");

        const reckon::report r = reckon_test::xining_report();
        CHECK(printed(*r.find("F2")) == "F2 省外到位资金 148.2 亿元 = 14820000000");
        const reckon::audit_result a = reckon::audit(r);
        CHECK(printed(a.findings[1]) ==
              "R2 exact (sum F2 = F6 + F9): 148.2 亿元 = 119.4 亿元 + 28.8 亿元; computed 148.2 "
              "亿元; "
              "the other figures allow [148.1, 148.3] 亿元; tolerance 0 亿元");
        CHECK(printed(a) ==
              "summary: 9 figures, 6 relations: 3 exact, 2 rounds, 0 within rounding, "
              "0 inconsistent, 1 cannot check — no inconsistency found");
    }

} // TEST_SUITE("doctest_integration")
