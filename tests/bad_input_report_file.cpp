// SPDX-License-Identifier: MIT
// The bad-input catalogue, part 3 (issue 8): the tool's report-file parser
// (tools/reckon/report_file.hpp) given empty, binary, malformed and hostile report files. Each
// case asserts the exact error (message, byte offset, line, column) or the exact verdicts. The
// malformed files of tests/tool/bad/ are the tool's own golden tests; these are the hostile ones.
//
// toml++ is compiled in header-only (no link needed); without toml++ these tests are left out.

#if __has_include(<toml++/toml.h>)

#include "bad_input_support.hpp"
#include "support/generators.hpp"

#include "../tools/reckon/report_file.hpp"

#include <reckon/audit.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace {

using reckon_bad_input::check_input_error;
using reckon_bad_input::expected_error;

void file_fails(const std::string& content, const expected_error& want) {
    check_input_error([&] { (void)reckon::tool::parse_report_file(content, "t.toml"); }, want);
}

reckon::audit_result audit_file(const std::string& content) {
    return reckon::audit(reckon::tool::parse_report_file(content, "t.toml"));
}

using reckon_test::repeat;

const std::string two_counts = "[figures]\na = \"1 项\"\nb = \"1 项\"\n[relations]\n";

} // namespace

TEST_SUITE("bad_input") {

    // --- empty, blank, binary, invalid UTF-8
    // ------------------------------------------------------

    TEST_CASE("report file: empty and whitespace-only files say what a report file needs") {
        const expected_error want{"t.toml:1:1: empty report file: no [figures] and no [relations]",
                                  0, 1, 1};
        file_fails("", want);
        file_fails(" \n\t\n  \r\n", want);
    }

    TEST_CASE("report file: binary junk is refused at its first byte that is not UTF-8") {
        std::string junk;
        for (int b = 0; b < 256; ++b) {
            junk += static_cast<char>(b);
        }
        file_fails(junk, {"t.toml:2:118: invalid UTF-8 (byte 0x80)", 128, 2, 118});
    }

    TEST_CASE("report file: a NUL byte is a TOML syntax error at its place") {
        file_fails(std::string("\x00[figures]\n", 11),
                   {"t.toml:1:1: Error while parsing root table: expected keys, tables, "
                    "whitespace or comments, saw '\\u0000'",
                    0, 1, 1});
    }

    TEST_CASE("report file: overlong UTF-8 and an encoded surrogate are invalid UTF-8") {
        file_fails("[figures]\na = \"84 \xC0\xAF\"\n",
                   {"t.toml:2:9: invalid UTF-8 (byte 0xC0)", 18, 2, 9});
        file_fails("[figures]\na = \"84 \xED\xA0\x80\"\n",
                   {"t.toml:2:9: invalid UTF-8 (byte 0xED)", 18, 2, 9});
    }

    TEST_CASE("report file: a byte-order mark is allowed") {
        const auto r =
            reckon::tool::parse_report_file("\xEF\xBB\xBF[figures]\na = \"5 项\"\n", "t.toml");
        REQUIRE(r.figures().size() == 1);
        CHECK(r.figures()[0].display.str() == "5");
    }

    TEST_CASE("report file: after CR LF line ends the line and column still point at the error") {
        file_fails("[figures]\r\na = \"5 项\"\r\nb = \"x 项\"\r\n",
                   {"t.toml:3:6: no number in \"x 项\": write the number as printed", 29, 3, 6});
    }

    // --- huge numbers, absurd scales
    // --------------------------------------------------------------

    TEST_CASE("report file: values of exactly 1000 digits are figures, exactly") {
        const std::string n(1000, '7');
        const auto a = audit_file("[figures]\na = \"" + n + " 亿元\"\nb = \"" + n +
                                  " 亿元\"\n[relations]\ncheck = [\"a = b\"]\n");
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
    }

    TEST_CASE("report file: a million-digit value is refused at its 1001st digit") {
        bool thrown = false;
        try {
            (void)reckon::tool::parse_report_file(
                "[figures]\na = \"" + std::string(1000000, '7') + " 亿元\"\n", "t.toml");
        } catch (const reckon::input_error& e) {
            thrown = true;
            CHECK(e.offset() == 1015);
            CHECK(e.line() == 2);
            CHECK(e.column() == 1006);
            const std::string reason = e.reason();
            CHECK(reason.rfind("bad number \"", 0) == 0);
            CHECK(reason.size() >= 35);
            CHECK(reason.substr(reason.size() - 35) == "more than 1000 digits in one number");
        }
        CHECK(thrown);
    }

    TEST_CASE("report file: the message for a million-digit value quotes a bounded excerpt") {
        file_fails("[figures]\na = \"" + std::string(1000000, '7') + " 亿元\"\n",
                   {"t.toml:2:1006: bad number \"" + std::string(40, '7') +
                        "…\": more than 1000 digits in one number",
                    1015, 2, 1006});
    }

    TEST_CASE("report file: 10^4000, 1e4000 and 亿亿 are unknown units, not powers of ten") {
        file_fails("[figures]\na = \"10^4000 亿元\"\n",
                   {"t.toml:2:8: unknown unit '^4000 亿元'", 17, 2, 8});
        file_fails("[figures]\na = \"1e4000 亿元\"\n",
                   {"t.toml:2:7: unknown unit 'e4000 亿元'", 16, 2, 7});
        file_fails("[figures]\na = \"1 亿亿元\"\n",
                   {"t.toml:2:8: unknown unit '亿亿元'", 17, 2, 8});
    }

    TEST_CASE("report file: an unknown unit of a number written in an equation") {
        file_fails(
            "[figures]\na = \"5 亿元\"\n[relations]\ncheck = [\"a = 3 furlongs + 2 亿元\"]\n",
            {"t.toml:4:17: unknown unit 'furlongs'", 53, 4, 17});
    }

    TEST_CASE("report file: years of compound growth beyond four digits are refused") {
        file_fails(
            "[figures]\na = \"5 %\"\nb = \"2 亿元\"\nc = \"1 亿元\"\n[relations]\n"
            "check = [\"a = cagr(b, c, 99999)\"]\n",
            {"t.toml:6:26: the years of cagr() are a whole number such as 5, or ?", 87, 6, 26});
    }

    // --- nesting: a limit, never a stack overflow
    // -------------------------------------------------

    TEST_CASE("report file: 32 levels of parentheses are read") {
        const auto a = audit_file(two_counts + "check = [\"a = " + std::string(32, '(') + "b" +
                                  std::string(32, ')') + "\"]\n");
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].expression == "a = b");
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
    }

    TEST_CASE("report file: 10,000 levels of parentheses stop at the 33rd") {
        file_fails(
            two_counts + "check = [\"a = " + std::string(10000, '(') + "b" +
                std::string(10000, ')') + "\"]\n",
            {"t.toml:5:47: nested too deeply (more than 32 levels of parentheses)", 92, 5, 47});
    }

    TEST_CASE("report file: 40 nested function calls stop at the 33rd") {
        file_fails(
            "[figures]\na = \"1 %\"\nb = \"1 项\"\n[relations]\ncheck = [\"a = " +
                repeat("share(", 40) + "b" + repeat(", b)", 40) + "\"]\n",
            {"t.toml:5:212: nested too deeply (more than 32 levels of parentheses)", 255, 5, 212});
    }

    TEST_CASE("report file: a flat sum of 10,000 terms is one relation, checked") {
        const auto a =
            audit_file("[figures]\na = \"10000 项\"\nb = \"1 项\"\n[relations]\ncheck = [\"a = b" +
                       repeat(" + b", 9999) + "\"]\n");
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].figures.size() == 10001);
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
    }

    // --- names
    // ------------------------------------------------------------------------------------

    TEST_CASE("report file: a key given twice in one inline table is a duplicate name") {
        file_fails("[figures]\na = { value = \"1\", value = \"2\" }\n",
                   {"t.toml:2:1: duplicate name 'value'", 10, 2, 1});
    }

    TEST_CASE("report file: names are case-sensitive: Projects does not define projects") {
        file_fails("[figures]\nProjects = \"84 项\"\nb = \"84 项\"\n[relations]\n"
                   "check = [\"projects = b\"]\n",
                   {"t.toml:5:11: undefined name 'projects'", 65, 5, 11});
    }

    TEST_CASE("report file: an empty quoted name cannot be used in equations") {
        file_fails("[figures]\n\"\" = \"84 项\"\n",
                   {"t.toml:2:1: the name '' cannot be used in equations: use letters, digits "
                    "and _, starting with a letter",
                    10, 2, 1});
    }

    TEST_CASE("report file: a chained equation a = b = b is refused at the second '='") {
        file_fails(two_counts + "check = [\"a = b = b\"]\n",
                   {"t.toml:5:17: only one '=' or comparison per equation", 62, 5, 17});
    }

    TEST_CASE("report file: the same number written in three equations gets three ids") {
        const auto r =
            reckon::tool::parse_report_file("[figures]\na = \"5 项\"\n[relations]\ncheck = [\"a = "
                                            "5 项\", \"a = 5 项\", \"a = 5 项\"]\n",
                                            "t.toml");
        std::vector<std::string> ids;
        for (const auto& f : r.figures()) {
            ids.push_back(f.id);
        }
        CHECK(ids == std::vector<std::string>{"a", "5项", "5项#2", "5项#3"});
    }

    // --- circular relations, zero, negative and mixed -------------------------------------------

    TEST_CASE("report file: a = b + c and b = a - c are two relations; nothing recurses") {
        const auto a = audit_file("[figures]\na = \"10 亿元\"\nb = \"6 亿元\"\nc = \"4 亿元\"\n"
                                  "[relations]\ncheck = [\"a = b + c\", \"b = a - c\"]\n");
        REQUIRE(a.findings.size() == 2);
        CHECK(a.findings[0].expression == "a = b + c");
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
        CHECK(a.findings[1].expression == "b = a − c");
        CHECK(a.findings[1].verdict == reckon::verdict::exact);
        CHECK(a.joint.feasible);
    }

    TEST_CASE("report file: a = a + b and a = a refer to a itself, and are checked") {
        const auto a = audit_file("[figures]\na = \"10 亿元\"\nb = \"0 亿元\"\n[relations]\n"
                                  "check = [\"a = a + b\", \"a = a\"]\n");
        REQUIRE(a.findings.size() == 2);
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
        CHECK(a.findings[1].kind == reckon::relation_kind::conversion);
        CHECK(a.findings[1].verdict == reckon::verdict::exact);
    }

    TEST_CASE("report file: a total of zero: the sum holds, its share cannot be checked") {
        const auto a =
            audit_file("[figures]\ntotal = \"0 亿元\"\npart = \"0 亿元\"\nshare_of = \"50.0 %\"\n"
                       "[relations]\ncheck = [\"share_of = share(part, total)\", "
                       "\"total = part + part\"]\n");
        REQUIRE(a.findings.size() == 2);
        CHECK(a.findings[0].verdict == reckon::verdict::cannot_check);
        CHECK(a.findings[0].reason == "the divisor 0 亿元 may be zero");
        CHECK(a.findings[1].verdict == reckon::verdict::exact);
    }

    TEST_CASE("report file: negative totals add up; growth on a negative base cannot be checked") {
        const auto a =
            audit_file("[figures]\ntotal = \"-5.0 亿元\"\na = \"-2.0 亿元\"\nb = \"-3.0 亿元\"\n"
                       "rate = \"10.0 %\"\nprev = \"-4.0 亿元\"\n[relations]\n"
                       "check = [\"total = a + b\", \"rate = growth(total, prev)\"]\n");
        REQUIRE(a.findings.size() == 2);
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
        CHECK(a.findings[1].verdict == reckon::verdict::cannot_check);
        CHECK(a.findings[1].reason == "growth on a negative base (-4.0 亿元) has no agreed "
                                      "meaning; ask for the formula as written");
    }

    TEST_CASE("report file: a base printed 0.0, whose interval holds zero, cannot be checked") {
        const auto a = audit_file("[figures]\nnow = \"1.0 亿元\"\nprev = \"0.0 亿元\"\n"
                                  "rate = \"5.0 %\"\n[relations]\n"
                                  "check = [\"rate = growth(now, prev)\"]\n");
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].verdict == reckon::verdict::cannot_check);
        CHECK(a.findings[0].reason == "the base 0.0 亿元 may be zero");
    }

    TEST_CASE("report file: comparing yuan with dollars is refused at the dollar figure") {
        file_fails(
            "[figures]\na = \"10 亿元\"\nb = \"3 亿美元\"\n[relations]\ncheck = [\"a > b\"]\n",
            {"t.toml:5:15: cannot compare 'b' (money in 亿美元) with 'a' (money in 亿元)", 70, 5,
             15});
    }

    // --- a toml++ 3.3.0 bug: undefined behaviour on some code points outside strings
    // ----------------

    TEST_CASE("report file: a character other than ASCII outside quotes is refused at its place") {
        // toml++ 3.3.0 reaches __builtin_unreachable() when it asks whether 。 (U+3002) or é is
        // white space (upstream issues 190 and 295; found by fuzz/report_file.cpp): the report
        // file's own check refuses such a character before toml++ sees it.
        file_fails("[figures]\na = \"84 项\"。\n",
                   {"t.toml:2:11: '。' (U+3002) outside quotes: outside its quoted strings and "
                    "comments a report file is written in ASCII",
                    22, 2, 11});
        file_fails("[figures]\n\xC3\xA9 = \"84\"\n",
                   {"t.toml:2:1: 'é' (U+00E9) outside quotes: outside its quoted strings and "
                    "comments a report file is written in ASCII",
                    10, 2, 1});
        file_fails("[figures]\n项目 = \"84 项\"\n",
                   {"t.toml:2:1: '项' (U+9879) outside quotes: outside its quoted strings and "
                    "comments a report file is written in ASCII",
                    10, 2, 1});
    }

    TEST_CASE("report file: quotes where TOML has no string open none") {
        // Found by fuzz/report_file.cpp: ''' in the middle of a bare value is no string, and
        // toml++ scans on to the end of the value for its message, reaching the ǡ (U+01E1).
        file_fails("[figures]\nfds = 148.3.39'''9\xC7\xA1"
                   "9\n",
                   {"t.toml:2:19: 'ǡ' (U+01E1) outside quotes: outside its quoted strings and "
                    "comments a report file is written in ASCII",
                    28, 2, 19});
        // Nor is a dot in a value the dot of a dotted key: 148.3."ha… is one bad number.
        file_fails("[figures]\nfds = 148.3.\"ha'''9\xC7\xA1"
                   "9\n",
                   {"t.toml:2:20: 'ǡ' (U+01E1) outside quotes: outside its quoted strings and "
                    "comments a report file is written in ASCII",
                    29, 2, 20});
        file_fails("[figures]\na = tru \"\xC3\xA9\"\n",
                   {"t.toml:2:10: 'é' (U+00E9) outside quotes: outside its quoted strings and "
                    "comments a report file is written in ASCII",
                    19, 2, 10});
        // Strings where TOML has them: after =, {, a comma, and first on a line.
        const auto r =
            reckon::tool::parse_report_file("[figures]\n\"甲\" = \"1 项\"\nb = { value = '2', unit "
                                            "= \"项\", label = \"《乙》\" }\n",
                                            "t.toml");
        CHECK(r.figures().size() == 2);
        // A quoted part of a dotted key, and a string after a line break inside an array.
        const auto d =
            reckon::tool::parse_report_file("[figures]\na = \"1 项\"\n\"乙\" = \"1 "
                                            "项\"\n[relations]\ncheck = [\n  \"a = 乙\",\n]\n",
                                            "t.toml");
        CHECK(d.relations().size() == 1);
    }

    TEST_CASE("report file: the same characters inside quotes and comments are read") {
        const auto r =
            reckon::tool::parse_report_file("# 项目。é\n[figures]\n\"项目\" = \"84 项\" # "
                                            "。\n\"é\" = '75 项'\nb = \"\"\"9 项\"\"\"\n"
                                            "[relations]\ncheck = [\"项目 = é + b\"]\n",
                                            "t.toml");
        const auto a = reckon::audit(r);
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
    }

    TEST_CASE("report file: a punctuation mark right after a backslash in a multi-line string") {
        file_fails("[figures]\na = \"\"\"84 \\\n  。项\"\"\"\n",
                   {"t.toml:3:3: '。' (U+3002) right after a backslash in a multi-line string "
                    "cannot be read; join the lines or drop the backslash",
                    24, 3, 3});
    }

} // TEST_SUITE("bad_input")

#endif // __has_include(<toml++/toml.h>)
