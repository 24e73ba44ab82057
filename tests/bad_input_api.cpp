// SPDX-License-Identifier: MIT
// The bad-input catalogue, part 2 (issue 8): the library API given bad numbers, units and names,
// impossible divisors, mixed kinds, circular relations and the limits of decimal.hpp and
// report.hpp. Each case asserts the exact error (message, offset) or the exact verdict and
// reason.

#include "bad_input_support.hpp"

#include <reckon/audit.hpp>
#include <reckon/decimal.hpp>
#include <reckon/report.hpp>
#include <reckon/units.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using reckon_bad_input::check_input_error;
using reckon_bad_input::expected_error;

void parse_fails(const std::string& text, const expected_error& want) {
    check_input_error([&] { (void)reckon::decimal::parse(text); }, want);
}

// Audits a report of one relation and returns its finding.
reckon::finding only_finding(const reckon::report& r) {
    const auto a = reckon::audit(r);
    REQUIRE(a.findings.size() == 1);
    return a.findings[0];
}

} // namespace

TEST_SUITE("bad_input") {

    // --- decimal::parse: digits, exponents, malformed numbers
    // -------------------------------------

    TEST_CASE("api: a million-digit number is refused at its 1001st digit") {
        parse_fails(std::string(1000000, '9'),
                    {"input \"9999999999999999999999999999999999999999…\": byte 1000: more than "
                     "1000 digits in one number",
                     1000});
    }

    TEST_CASE("api: 1000 digits parse exactly; the limit counts digits after the point too") {
        const std::string digits(reckon::max_digits, '9');
        CHECK(reckon::decimal::parse(digits).str() == digits);
        const std::string fraction = "0." + std::string(998, '0') + "1"; // 1000 digits
        const auto d = reckon::decimal::parse(fraction);
        CHECK(d.exponent() == -999);
        CHECK(d.str() == fraction);
        parse_fails("0." + std::string(999, '0') + "1",
                    {"input \"0.00000000000000000000000000000000000000…\": byte 1001: more than "
                     "1000 digits in one number",
                     1001});
    }

    TEST_CASE("api: no exponent notation: 1e4000 is refused at the e") {
        parse_fails("1e4000", {"input \"1e4000\": byte 1: unexpected character in a number", 1});
    }

    TEST_CASE("api: empty, blank and sign-only numbers") {
        parse_fails("", {"input \"\": byte 0: empty number", 0});
        parse_fails(" ", {"input \" \": byte 0: unexpected character in a number", 0});
        parse_fails("+", {"input \"+\": byte 1: no digits", 1});
        parse_fails("--5", {"input \"--5\": byte 1: unexpected character in a number", 1});
    }

    TEST_CASE("api: malformed points and separators, each at its byte") {
        parse_fails("1.", {"input \"1.\": byte 2: a decimal point with no digit after it", 2});
        parse_fails(".5", {"input \".5\": byte 0: a decimal point with no digit before it", 0});
        parse_fails("1..2", {"input \"1..2\": byte 2: unexpected character in a number", 2});
        parse_fails("1,2345", {"input \"1,2345\": byte 5: a digit group after a thousands "
                               "separator has more than three digits",
                               5});
        parse_fails("0,125",
                    {"input \"0,125\": byte 1: a thousands separator after a leading zero", 1});
        parse_fails("1,234,56", {"input \"1,234,56\": byte 5: a thousands separator must be "
                                 "followed by three digits",
                                 5});
        parse_fails("1\xEF\xBC\x8C"
                    "234,567",
                    {"input \"1，234,567\": byte 7: mixed thousands separators", 7});
    }

    TEST_CASE("api: invalid UTF-8 in a number is shown escaped in the message") {
        parse_fails("\xC0\xAF", {"input \"\\xC0\\xAF\": byte 0: invalid UTF-8", 0});
        parse_fails("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC",
                    {"input \"１２\\xEF\\xBC\": byte 6: invalid UTF-8", 6});
    }

    TEST_CASE("api: divide by an exact zero is a kind_error, not a crash") {
        CHECK_THROWS_WITH_AS((void)divide(reckon::decimal(1), reckon::decimal(0)),
                             "reckon::divide: division by zero", reckon::kind_error);
    }

    // --- units and scales
    // -------------------------------------------------------------------------

    TEST_CASE("api: an unknown unit is an input_error naming it") {
        reckon::report r("units");
        check_input_error([&] { r.add("F1", "5", "furlongs"); },
                          {"input \"furlongs\": byte 0: unknown unit", 0});
        CHECK(r.figures().empty());
    }

    TEST_CASE("api: stacked scales (亿亿元) are no unit: the largest scale is 10^12") {
        CHECK_FALSE(reckon::find_unit("亿亿元").has_value());
        CHECK_FALSE(reckon::find_unit("万万亿元").has_value());
        CHECK(reckon::find_unit("万亿元")->factor == reckon::rational(1000000000000LL));
        check_input_error([&] { (void)reckon::figure::parse("F1", "1", "亿亿元"); },
                          {"input \"亿亿元\": byte 0: unknown unit", 0});
    }

    // --- names
    // ------------------------------------------------------------------------------------

    TEST_CASE("api: a duplicate figure id is a kind_error") {
        reckon::report r("dup");
        r.add("F1", "5", "亿元");
        CHECK_THROWS_WITH_AS(r.add("F1", "6", "亿元"), "reckon: duplicate figure id \"F1\"",
                             reckon::kind_error);
        CHECK(r.figures().size() == 1);
    }

    TEST_CASE("api: a relation naming an undefined figure is a kind_error") {
        reckon::report r("undef");
        r.add("F1", "5", "亿元");
        CHECK_THROWS_WITH_AS(r.sum("F1", {"F9"}),
                             "reckon: relation R1 names an unknown figure \"F9\"",
                             reckon::kind_error);
        CHECK(r.relations().empty());
    }

    TEST_CASE("api: a figure removed after its relation was added: the audit says which") {
        reckon::report r("removed");
        r.add("F1", "5", "亿元");
        r.add("F2", "5", "亿元");
        r.sum("F1", {"F2"});
        r.figures().pop_back();
        CHECK_THROWS_WITH_AS((void)reckon::audit(r),
                             "reckon: relation R1 names an unknown figure \"F2\"",
                             reckon::kind_error);
    }

    TEST_CASE("api: a sum of one figure is refused by the audit") {
        reckon::report r("short");
        r.add("F1", "5", "亿元");
        reckon::relation rel;
        rel.kind = reckon::relation_kind::sum;
        rel.figures = {"F1"};
        r.add(rel);
        CHECK_THROWS_WITH_AS((void)reckon::audit(r),
                             "reckon: relation R1 (sum) needs at least 2 figures",
                             reckon::kind_error);
    }

    // --- circular and self-referring relations: relations, not definitions
    // --------------------------

    TEST_CASE("api: a = b + c and b = a − c are two relations; nothing recurses") {
        reckon::report r("circle");
        r.add("a", "10", "亿元");
        r.add("b", "6", "亿元");
        r.add("c", "4", "亿元");
        r.sum("a", {"b", "c"});
        r.difference("b", "a", "c");
        const auto a = reckon::audit(r);
        REQUIRE(a.findings.size() == 2);
        CHECK(a.findings[0].expression == "a = b + c");
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
        CHECK(a.findings[1].expression == "b = a − c");
        CHECK(a.findings[1].verdict == reckon::verdict::exact);
        CHECK(a.joint.feasible);
    }

    TEST_CASE("api: a = a + b: each side within rounding, the report as a whole impossible") {
        // The relation alone reads each occurrence of a within its own rounding interval
        // (10 = 10 + 1 within half a 亿 each way); the joint check, with a as one unknown,
        // finds that b would have to be 0.
        reckon::report r("self");
        r.add("a", "10", "亿元");
        r.add("b", "1", "亿元");
        r.sum("a", {"a", "b"});
        const auto a = reckon::audit(r);
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].expression == "a = a + b");
        CHECK(a.findings[0].verdict == reckon::verdict::within_rounding);
        CHECK_FALSE(a.joint.feasible);
        CHECK(a.joint.message == "the figures cannot all hold at once; most likely b (1 亿元) "
                                 "would be consistent as 0");
    }

    // --- mixed kinds, zero and negative divisors, negative totals
    // -----------------------------------

    TEST_CASE("api: yuan and dollars in one sum cannot be checked: the reason names both") {
        reckon::report r("fx");
        r.add("F1", "10", "亿元");
        r.add("F2", "3", "亿美元");
        r.add("F3", "7", "亿元");
        r.sum("F1", {"F2", "F3"});
        const auto f = only_finding(r);
        CHECK(f.verdict == reckon::verdict::cannot_check);
        CHECK(f.reason == "kinds do not fit: F1 is money (CNY), F2 is money (USD)");
    }

    TEST_CASE("api: money and a count in one sum cannot be checked") {
        reckon::report r("kinds");
        r.add("F1", "10", "亿元");
        r.add("F2", "3", "项");
        r.add("F3", "7", "亿元");
        r.sum("F1", {"F2", "F3"});
        const auto f = only_finding(r);
        CHECK(f.verdict == reckon::verdict::cannot_check);
        CHECK(f.reason == "kinds do not fit: F1 is money (CNY), F2 is count");
    }

    TEST_CASE("api: a share of a total of exactly zero cannot be checked") {
        reckon::report r("zero");
        r.add("F1", "0", "项");
        r.add("F2", "0", "项");
        r.add("F3", "50", "%");
        r.share("F3", "F2", "F1");
        const auto f = only_finding(r);
        CHECK(f.verdict == reckon::verdict::cannot_check);
        CHECK(f.reason == "the divisor 0 项 may be zero");
    }

    TEST_CASE("api: an average over a count of zero cannot be checked") {
        reckon::report r("avg");
        r.add("F1", "5", "万元");
        r.add("F2", "100", "万元");
        r.add("F3", "0", "人");
        r.average("F1", "F2", "F3");
        const auto f = only_finding(r);
        CHECK(f.verdict == reckon::verdict::cannot_check);
        CHECK(f.reason == "the divisor 0 人 may be zero");
    }

    TEST_CASE("api: a divisor printed 0.0, whose interval holds zero, cannot be checked") {
        reckon::report r("ratio");
        r.add("F1", "2.0", "");
        r.add("F2", "1.0", "");
        r.add("F3", "0.0", "");
        r.ratio("F1", "F2", "F3");
        const auto f = only_finding(r);
        CHECK(f.verdict == reckon::verdict::cannot_check);
        CHECK(f.reason == "the divisor 0.0 may be zero");
    }

    TEST_CASE("api: growth from a base of zero cannot be checked") {
        reckon::report r("growth");
        r.add("F1", "5", "%");
        r.add("F2", "10", "项");
        r.add("F3", "0", "项");
        r.growth("F1", "F2", "F3");
        const auto f = only_finding(r);
        CHECK(f.verdict == reckon::verdict::cannot_check);
        CHECK(f.reason == "the base 0 项 may be zero");
    }

    TEST_CASE("api: negative totals add up like any others, rounding included") {
        reckon::report r("neg");
        r.add("F1", "-10.0", "亿元");
        r.add("F2", "-4.0", "亿元");
        r.add("F3", "-6.1", "亿元");
        r.sum("F1", {"F2", "F3"});
        const auto f = only_finding(r);
        CHECK(f.verdict == reckon::verdict::within_rounding);
        CHECK(*f.computed == reckon::rational(-1010000000));
    }

    TEST_CASE("api: a share of a negative total is the quotient of two negatives") {
        reckon::report r("neg");
        r.add("F1", "-10.0", "亿元");
        r.add("F2", "-4.0", "亿元");
        r.add("F3", "40.0", "%");
        r.share("F3", "F2", "F1");
        CHECK(only_finding(r).verdict == reckon::verdict::exact);
    }

    TEST_CASE("api: figures of 1000 digits in 亿元 add up exactly") {
        reckon::report r("big");
        const std::string n(reckon::max_digits, '9');
        r.add("F1", n, "亿元");
        r.add("F2", n, "亿元");
        r.add("F3", "0", "亿元");
        r.sum("F1", {"F2", "F3"});
        CHECK(only_finding(r).verdict == reckon::verdict::exact);
    }

} // TEST_SUITE("bad_input")

TEST_SUITE("bad_input_large") {

    TEST_CASE("api: the figure and relation limits of a report are clear input errors") {
        reckon::report r("limits.toml");
        r.figures().resize(reckon::max_figures);
        reckon::figure f = reckon::figure::parse("", "1", "项");
        f.place = reckon::source_span{1234, 3};
        check_input_error(
            [&] { r.add(f); },
            {"limits.toml: byte 1234: more than 1000000 figures in one report", 1234});
        r.figures().clear();
        r.relations().resize(reckon::max_relations);
        check_input_error([&] { r.add(reckon::relation{}); },
                          {"limits.toml: byte 0: more than 1000000 relations in one report", 0});
    }

} // TEST_SUITE("bad_input_large")
