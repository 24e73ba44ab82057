// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// The equation parser of report files (tools/reckon/equation.hpp).

#include "equation.hpp"

#include <doctest/doctest.h>

#include <string>

using reckon::tool::eq_node;
using reckon::tool::equation_error;
using reckon::tool::parse_equation;

namespace {

// The byte offset and reason of the error an equation gives.
std::string error_of(const std::string& text) {
    try {
        (void)parse_equation(text);
    } catch (const equation_error& e) {
        return std::to_string(e.offset()) + ": " + e.what();
    }
    return "no error";
}

} // namespace

TEST_SUITE("tool") {

    TEST_CASE("equation: a sum with its positions") {
        const auto e = parse_equation("projects = continued + new_projects");
        CHECK(e.op == "=");
        CHECK(e.op_offset == 9);
        CHECK(e.left.kind == eq_node::type::name);
        CHECK(e.left.text == "projects");
        REQUIRE(e.right.kind == eq_node::type::sum);
        REQUIRE(e.right.items.size() == 2);
        CHECK(e.right.items[0].text == "continued");
        CHECK(e.right.items[0].offset == 11);
        CHECK(e.right.items[1].text == "new_projects");
        CHECK(e.right.items[1].offset == 23);
        CHECK(e.right.ops == std::vector<char>{'+', '+'});
    }

    TEST_CASE("equation: numbers with units and signs and Chinese names") {
        const auto e = parse_equation("share(续建资金, funds) = 80.6 %");
        REQUIRE(e.left.kind == eq_node::type::call);
        CHECK(e.left.text == "share");
        REQUIRE(e.left.items.size() == 2);
        CHECK(e.left.items[0].text == "续建资金");
        CHECK(e.right.kind == eq_node::type::number);
        CHECK(e.right.text == "80.6");
        CHECK(e.right.unit == "%");
        CHECK(e.right.unit_offset == std::string("share(续建资金, funds) = 80.6 ").size());

        const auto money = parse_equation("funds > 50 亿元");
        CHECK(money.op == ">");
        CHECK(money.right.text == "50");
        CHECK(money.right.unit == "亿元");

        const auto english = parse_equation("x = 3.2 billion USD + y");
        CHECK(english.right.items[0].unit == "billion USD");
        CHECK(english.right.items[1].text == "y");

        const auto negative = parse_equation("change = -0.5 个百分点");
        CHECK(negative.right.text == "-0.5");
        CHECK(negative.right.unit == "个百分点");
        CHECK(negative.right.offset == 9);

        const auto fullwidth = parse_equation("ａ = ８４ 项");
        CHECK(fullwidth.left.text == "ａ");
        CHECK(fullwidth.right.text == "８４");
    }

    TEST_CASE("equation: comparison operators") {
        CHECK(parse_equation("a >= b").op == ">=");
        CHECK(parse_equation("a ≥ b").op == ">=");
        CHECK(parse_equation("a <= b").op == "<=");
        CHECK(parse_equation("a ≤ b").op == "<=");
        CHECK(parse_equation("a < b").op == "<");
        CHECK(parse_equation("a == b").op == "=");
        CHECK(parse_equation("whole >= a + b + c").right.items.size() == 3);
    }

    TEST_CASE("equation: products and quotients and parentheses and unknowns") {
        const auto p = parse_equation("output = area × yield");
        REQUIRE(p.right.kind == eq_node::type::product);
        CHECK(p.right.ops == std::vector<char>{'*', '*'});
        const auto q = parse_equation("avg = total / count");
        CHECK(q.right.ops == std::vector<char>{'*', '/'});
        const auto g = parse_equation("a = (b + c)");
        CHECK(g.right.kind == eq_node::type::sum);
        CHECK(g.right.parenthesized);
        const auto u = parse_equation("t = percent_of_target(funds, ?)");
        REQUIRE(u.right.items.size() == 2);
        CHECK(u.right.items[1].kind == eq_node::type::unknown);
        const auto rate = parse_equation("usd = convert(cny, 1 / rate)");
        REQUIRE(rate.right.items.size() == 2);
        CHECK(rate.right.items[1].kind == eq_node::type::product);
    }

    TEST_CASE("equation: errors name the byte where they are") {
        CHECK(error_of("") == "0: empty equation");
        CHECK(error_of("   ") == "0: empty equation");
        CHECK(error_of("a + b") == "5: an equation needs '=', '>', '>=', '<' or '<='");
        CHECK(error_of("a = b +") ==
              "7: the equation ends where a figure's name, a number or '(' should follow");
        CHECK(error_of("a = (b + c") == "4: unbalanced parenthesis: '(' is never closed");
        CHECK(error_of("a = b + c)") == "9: expected the end of the equation, found ')'");
        CHECK(error_of("a = b = c") == "6: only one '=' or comparison per equation");
        CHECK(error_of("a = -b") == "4: a minus sign here must stand before a number");
        CHECK(error_of("a = .5") == "4: a number must start with a digit");
        CHECK(error_of("a = 1.2.3") == "7: unexpected '.' in a number");
        CHECK(error_of("a = share(b c)") == "12: expected ')', found 'c'");
        CHECK(error_of("a =") == "3: nothing after '='");
    }

    TEST_CASE("equation: nesting is limited and never overflows the stack") {
        const std::string ok = "a = " + std::string(32, '(') + "b" + std::string(32, ')');
        CHECK(parse_equation(ok).right.text == "b");
        const std::string deep = "a = " + std::string(33, '(') + "b" + std::string(33, ')');
        CHECK(error_of(deep) == "36: nested too deeply (more than 32 levels of parentheses)");
        const std::string huge = "a = " + std::string(100000, '(');
        CHECK(error_of(huge) == "36: nested too deeply (more than 32 levels of parentheses)");
        std::string calls = "a = ";
        for (int i = 0; i < 40; ++i) {
            calls += "f(";
        }
        CHECK(error_of(calls).find("nested too deeply") != std::string::npos);
    }

} // TEST_SUITE
