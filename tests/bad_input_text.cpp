// SPDX-License-Identifier: MIT
// The bad-input catalogue, part 1 (issue 8): what the text reader (read_text) and the audit of
// what it reads make of empty, binary, malformed and hostile text. Each case asserts the exact
// error (message, byte offset, line, column) or exactly what is read and the verdict. Every
// sentence is written for these tests.

#include "bad_input_support.hpp"
#include "support/generators.hpp"

#include <reckon/audit.hpp>
#include <reckon/output.hpp>
#include <reckon/text.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace {

using reckon_bad_input::check_input_error;
using reckon_bad_input::expected_error;

void read_fails(const std::string& text, const expected_error& want) {
    check_input_error([&] { (void)reckon::read_text(text, "bad.txt"); }, want);
}

// The figures as "text@offset", the skipped numbers as "text@offset:reason".
std::vector<std::string> figures_of(const reckon::report& r) {
    std::vector<std::string> out;
    for (const auto& f : r.figures()) {
        out.push_back(f.text + "@" + std::to_string(f.place ? f.place->offset : 999999));
    }
    return out;
}

std::vector<std::string> skipped_of(const reckon::report& r) {
    std::vector<std::string> out;
    for (const auto& s : r.skipped()) {
        out.push_back(s.text + "@" + std::to_string(s.place.offset) + ":" + s.reason);
    }
    return out;
}

using reckon_test::repeat;

} // namespace

TEST_SUITE("bad_input") {

    // --- empty, blank, binary -------------------------------------------------------------------

    TEST_CASE("text: an empty text reads as a report with nothing in it, audited as such") {
        const auto r = reckon::read_text("", "empty.txt");
        CHECK(r.figures().empty());
        CHECK(r.skipped().empty());
        CHECK(r.relations().empty());
        const auto a = reckon::audit(r);
        CHECK(a.findings.empty());
        CHECK(a.consistent());
        CHECK(reckon::render_text(r, a) ==
              "reckon: empty.txt — 0 figures, 0 relations\n"
              "whole report: consistent, all figures can hold at once\n"
              "skipped 0 numbers that are not figures\n"
              "summary: 0 figures, 0 relations: 0 exact, 0 rounds, 0 within rounding, "
              "0 inconsistent, 0 cannot check — no inconsistency found\n");
    }

    TEST_CASE("text: whitespace only (spaces, tabs, CR LF, an ideographic space) reads empty") {
        const auto r = reckon::read_text(" \n\t\u3000\r\n ", "blank.txt");
        CHECK(r.figures().empty());
        CHECK(r.skipped().empty());
        CHECK(r.relations().empty());
        CHECK(reckon::audit(r).summary.figures == 0);
    }

    TEST_CASE("text: binary junk is refused at its first byte that is not UTF-8") {
        read_fails(std::string("\xFF\xFE\x00\x31\x32", 5), {"bad.txt:1:1: invalid UTF-8", 0, 1, 1});
    }

    TEST_CASE("text: NUL and control bytes are valid UTF-8; the number between them is read") {
        const auto r = reckon::read_text(std::string("\x00\x01 12 \x7F", 7), "ctl.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"12@3"});
        CHECK(r.relations().empty());
    }

    TEST_CASE("text: a byte-order mark is kept in the offsets") {
        const auto r = reckon::read_text("\xEF\xBB\xBF收入5亿元。", "bom.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"5亿元@9"});
    }

    // --- invalid and overlong UTF-8: offset, line and column of the first bad byte ---------------

    TEST_CASE("text: an overlong two-byte form (C0 AF for '/') is invalid") {
        read_fails("增长5%\xC0\xAF", {"bad.txt:1:5: invalid UTF-8", 8, 1, 5});
    }

    TEST_CASE("text: an overlong three-byte form on line 2 is invalid, column in characters") {
        read_fails("ab\n增长5%，\xE0\x80\xAF", {"bad.txt:2:6: invalid UTF-8", 14, 2, 6});
    }

    TEST_CASE("text: a UTF-16 surrogate written as UTF-8 (ED A0 80) is invalid") {
        read_fails("1\xED\xA0\x80", {"bad.txt:1:2: invalid UTF-8", 1, 1, 2});
    }

    TEST_CASE("text: a code point beyond U+10FFFF (F4 90 80 80) is invalid") {
        read_fails("12\xF4\x90\x80\x80", {"bad.txt:1:3: invalid UTF-8", 2, 1, 3});
    }

    TEST_CASE("text: a character cut short at the end of the text is invalid") {
        read_fails("增长5%\xE4\xB8", {"bad.txt:1:5: invalid UTF-8", 8, 1, 5});
    }

    TEST_CASE("text: a lone continuation byte is invalid") {
        read_fails("\x80", {"bad.txt:1:1: invalid UTF-8", 0, 1, 1});
    }

    TEST_CASE("text: after CR LF line ends the line and column still point at the bad byte") {
        read_fails("第一行\r\n第二行\r\n\xC3", {"bad.txt:3:1: invalid UTF-8", 22, 3, 1});
    }

    // --- huge numbers, absurd scales ------------------------------------------------------------

    TEST_CASE("text: a number of exactly 1000 digits is a figure, exactly") {
        const std::string digits(reckon::max_digits, '7');
        const auto r = reckon::read_text(digits + "亿元", "big.txt");
        REQUIRE(r.figures().size() == 1);
        CHECK(r.figures()[0].display.str() == digits);
        CHECK(r.figures()[0].place->length == 1006);
        CHECK(r.figures()[0].value() ==
              reckon::decimal::parse(digits).to_rational() * reckon::rational(100000000));
    }

    TEST_CASE("text: a number of a million digits is skipped with its reason, never read as 0") {
        const std::string text = "收入" + std::string(1000000, '7') + "亿元，其中甲3亿元。";
        const auto r = reckon::read_text(text, "million.txt");
        REQUIRE(r.skipped().size() == 1);
        CHECK(r.skipped()[0].reason == "a number of more than 1000 digits");
        CHECK(r.skipped()[0].place.offset == 6);
        CHECK(r.skipped()[0].place.length == 1000000);
        CHECK(figures_of(r) == std::vector<std::string>{"3亿元@1000024"});
        for (const auto& f : r.figures()) {
            CHECK_FALSE(f.display.is_zero());
        }
        CHECK(reckon::audit(r).summary.inconsistent == 0);
    }

    TEST_CASE("text: 10^4000 亿元 is two figures, 10 and 4000 亿元, never a power of ten") {
        const auto r = reckon::read_text("总额10^4000亿元。", "scale.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"10@6", "4000亿元@9"});
        REQUIRE(r.figures().size() == 2);
        CHECK(r.figures()[1].value() == reckon::rational(400000000000LL));
        CHECK(r.relations().empty());
    }

    TEST_CASE("text: a stacked scale 3亿亿元 reads 3亿 and no more") {
        const auto r = reckon::read_text("3亿亿元", "scale.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"3亿@0"});
        REQUIRE(r.figures().size() == 1);
        CHECK(r.figures()[0].unit->symbol == "亿");
        CHECK(r.figures()[0].value() == reckon::rational(300000000));
    }

    TEST_CASE("text: an unknown unit after a scale leaves a plain number of that scale") {
        const auto r = reckon::read_text("产量12.5万furlongs，增长3%。", "unit.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"12.5万@6", "3%@30"});
        REQUIRE(r.figures().size() == 2);
        CHECK(r.figures()[0].unit->kind == reckon::kind::number);
        CHECK(r.relations().empty());
    }

    // --- zero, negative, mixed: the verdicts
    // ------------------------------------------------------

    TEST_CASE("text: a total of zero with parts of zero adds up exactly") {
        const auto r = reckon::read_text("全县企业0家，其中工业企业0家，建筑企业0家。", "zero.txt");
        const auto a = reckon::audit(r);
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].expression == "F1 ≥ F2 + F3");
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
    }

    TEST_CASE("text: a share of a total of zero cannot be checked: the divisor may be zero") {
        const auto r = reckon::read_text(
            "到位资金0.0亿元，其中续建项目0.0亿元，占到位资金的50.0%。", "zero.txt");
        const auto a = reckon::audit(r);
        REQUIRE(a.findings.size() == 2);
        CHECK(a.findings[1].kind == reckon::relation_kind::share);
        CHECK(a.findings[1].verdict == reckon::verdict::cannot_check);
        CHECK(a.findings[1].reason == "the divisor 0.0 亿元 may be zero");
    }

    TEST_CASE("text: growth on a negative base cannot be checked, with the reason") {
        const auto r = reckon::read_text("利润-5.0亿元，比上年的-4.0亿元增长10.0%。", "neg.txt");
        const auto a = reckon::audit(r);
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].kind == reckon::relation_kind::growth);
        CHECK(a.findings[0].verdict == reckon::verdict::cannot_check);
        CHECK(a.findings[0].reason == "growth on a negative base (-4.0 亿元) has no agreed "
                                      "meaning; ask for the formula as written");
    }

    TEST_CASE("text: parts in other currencies are never added to a total in yuan") {
        const auto r =
            reckon::read_text("出口总额100亿元，其中对美出口3亿美元，对欧出口2亿欧元。", "fx.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"100亿元@12", "3亿美元@42", "2亿欧元@67"});
        CHECK(r.relations().empty());
        CHECK(reckon::audit(r).consistent());
    }

    // --- runs of cue words and signs
    // --------------------------------------------------------------

    TEST_CASE("text: a run of percent signs is read around, not into, the one figure") {
        const auto r = reckon::read_text(std::string(50, '%') + "5%%%", "pct.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"5%@50"});
    }

    TEST_CASE("text: thirty 其中 in a row make one partial sum, not thirty") {
        const auto r = reckon::read_text(
            "总额100亿元，" + repeat("其中", 30) + "甲60亿元，乙40亿元。", "qz.txt");
        const auto a = reckon::audit(r);
        REQUIRE(a.findings.size() == 1);
        CHECK(a.findings[0].expression == "F1 ≥ F2 + F3");
        CHECK(a.findings[0].verdict == reckon::verdict::exact);
    }

    TEST_CASE("text: 10,000 levels of parentheses around a figure: no recursion, one figure") {
        const std::string text = std::string(10000, '(') + "收入5亿元" + std::string(10000, ')');
        const auto r = reckon::read_text(text, "paren.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"5亿元@10006"});
        CHECK(reckon::audit(r).findings.empty());
    }

    TEST_CASE("text: numbers written in words only (一季度) are skipped periods, not figures") {
        const auto r = reckon::read_text("一季度签约项目8个。", "words.txt");
        CHECK(figures_of(r) == std::vector<std::string>{"8个@21"});
        CHECK(skipped_of(r) == std::vector<std::string>{"一季度@0:period"});
    }

} // TEST_SUITE("bad_input")

TEST_SUITE("bad_input_large") {

    // Large inputs: kept out of the valgrind run (scripts: .ci/run). No time is asserted; they
    // only have to finish, with the right result.

    TEST_CASE("text: a 10 MB single line reads every figure, in order, at its offset") {
        // One clause per block (the comma ends it), about 900 bytes each, no line break at all.
        const std::string block = "甲产值" + repeat("的", 300) + "5亿元，";
        const std::size_t blocks = (10U << 20U) / block.size() + 1;
        const std::string text = repeat(block, blocks);
        REQUIRE(text.size() >= (10U << 20U));
        const auto r = reckon::read_text(text, "long.txt");
        REQUIRE(r.figures().size() == blocks);
        const std::size_t first = block.find('5');
        CHECK(r.figures().front().place->offset == first);
        CHECK(r.figures().back().place->offset == first + (blocks - 1) * block.size());
        CHECK(r.figures().back().text == "5亿元");
        CHECK(reckon::audit(r).summary.figures == blocks);
    }

    TEST_CASE("text: invalid UTF-8 at the end of a 10 MB line: its column in characters") {
        const std::string text = repeat("收入", 2U << 20U) + "\xFF"; // 12 MB, 4194304 characters
        read_fails(text, {"bad.txt:1:4194305: invalid UTF-8", 12582912, 1, 4194305});
    }

} // TEST_SUITE("bad_input_large")
