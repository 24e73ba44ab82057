// SPDX-License-Identifier: MIT
// reckon::decimal: parsing printed numbers, exact arithmetic, rounding under every mode.
#include <reckon/decimal.hpp>
#include <reckon/interval.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using reckon::big_int;
using reckon::decimal;
using reckon::input_error;
using reckon::rational;
using reckon::rounding_mode;

constexpr std::array<rounding_mode, 7> all_modes = {
    rounding_mode::half_up,     rounding_mode::half_even,      rounding_mode::half_down,
    rounding_mode::toward_zero, rounding_mode::away_from_zero, rounding_mode::floor,
    rounding_mode::ceiling,
};

// A big integer from its decimal digits, built digit by digit (a cpp_int built from a string
// reads a leading 0 as octal).
big_int big_from_digits(const std::string& digits) {
    big_int v = 0;
    for (const char c : digits) {
        v = v * 10 + (c - '0');
    }
    return v;
}

// Checks that `text` fails to parse with exactly this message and byte offset, through parse,
// try_parse and parse_into alike.
void check_parse_error(const std::string& text, std::size_t offset, const std::string& message) {
    CAPTURE(text);
    bool threw = false;
    try {
        (void)decimal::parse(text);
    } catch (const input_error& e) {
        threw = true;
        CHECK(std::string(e.what()) == message);
        CHECK(e.offset() == offset);
        CHECK(e.line() == 0);
    }
    CHECK(threw);
    CHECK_FALSE(decimal::try_parse(text).has_value());
    decimal out;
    const auto failure = decimal::parse_into(text, out);
    REQUIRE(failure.has_value());
    CHECK(failure->offset == offset);
}

// 10^e as an exact rational.
rational pow10_q(int e) {
    return e >= 0 ? rational(reckon::detail::big_pow10(static_cast<unsigned>(e)))
                  : rational(big_int(1), reckon::detail::big_pow10(static_cast<unsigned>(-e)));
}

std::string random_digits(std::mt19937_64& rng, int count, bool nonzero_first) {
    std::uniform_int_distribution<int> digit(0, 9);
    std::uniform_int_distribution<int> first(1, 9);
    std::string s;
    for (int k = 0; k < count; ++k) {
        s += static_cast<char>('0' + (k == 0 && nonzero_first ? first(rng) : digit(rng)));
    }
    return s;
}

// The same digits in full-width form (U+FF10 … U+FF19, three UTF-8 bytes each).
std::string full_width(const std::string& ascii) {
    std::string out;
    for (const char c : ascii) {
        if (c >= '0' && c <= '9') {
            out += "\xEF\xBC";
            out += static_cast<char>(0x90 + (c - '0'));
        } else if (c == '.') {
            out += "．";
        } else if (c == ',') {
            out += "，";
        } else if (c == '-') {
            out += "－";
        } else {
            out += c;
        }
    }
    return out;
}

// Inserts a thousands separator every three digits of the integer part.
std::string grouped(const std::string& int_digits, const std::string& sep) {
    std::string out;
    const std::size_t n = int_digits.size();
    for (std::size_t k = 0; k < n; ++k) {
        if (k != 0 && (n - k) % 3 == 0) {
            out += sep;
        }
        out += int_digits[k];
    }
    return out;
}

} // namespace

TEST_SUITE("decimal") {
    TEST_CASE("well-formed numbers parse to their exact value and resolution") {
        struct row {
            const char* text;
            const char* printed; // str(): the value at its own resolution
            int exponent;
            int sign;
        };
        const row rows[] = {
            {"148.2", "148.2", -1, 1},
            {"148.20", "148.20", -2, 1},
            {"-0.09", "-0.09", -2, -1},
            {"0", "0", 0, 0},
            {"0.000", "0.000", -3, 0},
            {"-0.0", "0.0", -1, 0},
            {"+5", "5", 0, 1},
            {"007", "7", 0, 1},
            {"0.5", "0.5", -1, 1},
            {"−3.5", "-3.5", -1, -1},          // U+2212 MINUS SIGN
            {"－2", "-2", 0, -1},              // U+FF0D full-width hyphen-minus
            {"＋7", "7", 0, 1},                // U+FF0B full-width plus
            {"１２３．４５", "123.45", -2, 1}, // full-width digits and point
            {"1.5", "1.5", -1, 1},
            {"1．5", "1.5", -1, 1}, // full-width point, ASCII digits
            {"1,234", "1234", 0, 1},
            {"12,345.6789", "12345.6789", -4, 1},
            {"123,456", "123456", 0, 1},
            {"-1,234,567.89", "-1234567.89", -2, -1},
            {"1，234", "1234", 0, 1},            // U+FF0C full-width comma
            {"１，２３４．５", "1234.5", -1, 1}, // all full-width
            {"−1,000", "-1000", 0, -1},
            {"9223372036854775807", "9223372036854775807", 0, 1},
            {"9223372036854775808", "9223372036854775808", 0, 1},
            {"-9223372036854775808", "-9223372036854775808", 0, -1},
            {"-9223372036854775809", "-9223372036854775809", 0, -1},
            {"1234567890123456789012345678901234567890", "1234567890123456789012345678901234567890",
             0, 1},
            {"-0.1234567890123456789012345678901234567890",
             "-0.1234567890123456789012345678901234567890", -40, -1},
            {"1,234,567,890,123,456,789,012,345,678,901,234,567,890.25",
             "1234567890123456789012345678901234567890.25", -2, 1},
        };
        for (const auto& r : rows) {
            CAPTURE(r.text);
            const decimal d = decimal::parse(r.text);
            CHECK(d.str() == r.printed);
            CHECK(d.exponent() == r.exponent);
            CHECK(d.sign() == r.sign);
            CHECK(decimal::try_parse(r.text).has_value());
        }
    }

    TEST_CASE("int64 and big coefficients: the fast path ends exactly at int64") {
        CHECK(decimal::parse("9223372036854775807").coefficient().is_small());
        CHECK_FALSE(decimal::parse("9223372036854775808").coefficient().is_small());
        CHECK(decimal::parse("-9223372036854775808").coefficient().is_small());
        CHECK(decimal::parse("-9223372036854775808").coefficient().small() ==
              std::numeric_limits<std::int64_t>::min());
        CHECK_FALSE(decimal::parse("-9223372036854775809").coefficient().is_small());
    }

    TEST_CASE("-0.0 is zero") {
        const decimal z = decimal::parse("-0.0");
        CHECK(z.is_zero());
        CHECK(z.sign() == 0);
        CHECK(z == decimal(0));
        CHECK(z == decimal::parse("0.00"));
        CHECK(z.str() == "0.0");
        CHECK(z.resolution().str() == "0.1");
        CHECK(z.normalized().str() == "0");
        CHECK(decimal::parse("−0").str() == "0");
        CHECK((-decimal::parse("0.0")).str() == "0.0");
        CHECK(z.to_rational() == 0);
    }

    TEST_CASE("148.2 and 148.20: equal value, different resolution") {
        const decimal a = decimal::parse("148.2");
        const decimal b = decimal::parse("148.20");
        CHECK(a == b);
        CHECK(compare(a, b) == 0);
        CHECK_FALSE(same_display(a, b));
        CHECK(same_display(a, decimal::parse("148.2")));
        CHECK(a.resolution().str() == "0.1");
        CHECK(b.resolution().str() == "0.01");
        CHECK(b.normalized().str() == "148.2");
        CHECK(same_display(b.normalized(), a));
        CHECK(a.with_exponent(-2).str() == "148.20");
        CHECK_THROWS_AS((void)b.with_exponent(-1), std::invalid_argument);
        CHECK(decimal::parse("1,234.50").resolution().str() == "0.01");
        CHECK(decimal::parse("100").normalized().exponent() == 2);
        CHECK(decimal::parse("100").normalized().str() == "100");
        CHECK(decimal::parse("0.000").normalized().exponent() == 0);
    }

    TEST_CASE("malformed numbers: the exact message and byte offset") {
        struct row {
            const char* text;
            std::size_t offset;
            const char* message;
        };
        const row rows[] = {
            {"", 0, "input \"\": byte 0: empty number"},
            {"-", 1, "input \"-\": byte 1: no digits"},
            {"−", 3, "input \"−\": byte 3: no digits"},
            {"1.", 2, "input \"1.\": byte 2: a decimal point with no digit after it"},
            {".5", 0, "input \".5\": byte 0: a decimal point with no digit before it"},
            {"-.5", 1, "input \"-.5\": byte 1: a decimal point with no digit before it"},
            {"1.2.3", 3, "input \"1.2.3\": byte 3: unexpected character in a number"},
            {"1e5", 1, "input \"1e5\": byte 1: unexpected character in a number"},
            {"12 3", 2, "input \"12 3\": byte 2: unexpected character in a number"},
            {"--1", 1, "input \"--1\": byte 1: unexpected character in a number"},
            {"1-", 1, "input \"1-\": byte 1: unexpected character in a number"},
            {" 1", 0, "input \" 1\": byte 0: unexpected character in a number"},
            {"1%", 1, "input \"1%\": byte 1: unexpected character in a number"},
            // thousands groups
            {"1,23", 1,
             "input \"1,23\": byte 1: a thousands separator must be followed by three "
             "digits"},
            {"1,234,5", 5,
             "input \"1,234,5\": byte 5: a thousands separator must be followed by "
             "three digits"},
            {"1,2,345", 1,
             "input \"1,2,345\": byte 1: a thousands separator must be followed by "
             "three digits"},
            {"12,34.5", 2,
             "input \"12,34.5\": byte 2: a thousands separator must be followed by "
             "three digits"},
            {"1,.5", 1,
             "input \"1,.5\": byte 1: a thousands separator must be followed by three "
             "digits"},
            {"1,", 1,
             "input \"1,\": byte 1: a thousands separator must be followed by three "
             "digits"},
            {"1,2345", 5,
             "input \"1,2345\": byte 5: a digit group after a thousands separator "
             "has more than three digits"},
            {"1234,567", 4,
             "input \"1234,567\": byte 4: a thousands separator after more than "
             "three digits"},
            {",123", 0, "input \",123\": byte 0: a thousands separator before any digit"},
            {"-,123", 1, "input \"-,123\": byte 1: a thousands separator before any digit"},
            {"1,234，567", 5, "input \"1,234，567\": byte 5: mixed thousands separators"},
            {"1.234,5", 5, "input \"1.234,5\": byte 5: unexpected character in a number"},
            {"1,234.567,8", 9, "input \"1,234.567,8\": byte 9: unexpected character in a number"},
            // A decimal comma ("0,125" is 0.125 in much of Europe) is never read as 125.
            {"0,125", 1, "input \"0,125\": byte 1: a thousands separator after a leading zero"},
            {"-0,125", 2, "input \"-0,125\": byte 2: a thousands separator after a leading zero"},
            {"00,125", 2, "input \"00,125\": byte 2: a thousands separator after a leading zero"},
            // full-width: offsets count bytes (three per character)
            {"１，２３", 3,
             "input \"１，２３\": byte 3: a thousands separator must be followed by "
             "three digits"},
            {"１２x", 6, "input \"１２x\": byte 6: unexpected character in a number"},
        };
        for (const auto& r : rows) {
            check_parse_error(r.text, r.offset, r.message);
        }
    }

    TEST_CASE("invalid UTF-8: a clear error, and the message itself stays valid UTF-8") {
        check_parse_error("\xFF", 0, "input \"\\xFF\": byte 0: invalid UTF-8");
        check_parse_error("1\xC0\x80", 1,
                          "input \"1\\xC0\\x80\": byte 1: invalid UTF-8"); // overlong
        check_parse_error(std::string("12\xE4\xB8"), 2,
                          "input \"12\\xE4\\xB8\": byte 2: invalid UTF-8"); // cut short
        check_parse_error("\xED\xA0\x80", 0,
                          "input \"\\xED\\xA0\\x80\": byte 0: invalid UTF-8"); // a surrogate
        check_parse_error("1\xF4\x90\x80\x80", 1,
                          "input \"1\\xF4\\x90\\x80\\x80\": byte 1: invalid UTF-8"); // > U+10FFFF
        check_parse_error("\x80"
                          "1",
                          0, "input \"\\x801\": byte 0: invalid UTF-8"); // a lone continuation
        check_parse_error("-\xEF\xBC", 1, "input \"-\\xEF\\xBC\": byte 1: invalid UTF-8");
    }

    TEST_CASE("long inputs are quoted in 40 bytes at most, cut at a character boundary") {
        // 14 full-width digits are 42 bytes: the quote keeps 13 whole ones (39 bytes).
        std::string text;
        for (int k = 0; k < 14; ++k) {
            text += "１";
        }
        text += "x";
        std::string shown;
        for (int k = 0; k < 13; ++k) {
            shown += "１";
        }
        check_parse_error(text, 42,
                          "input \"" + shown + "…\": byte 42: unexpected character in a number");
        const std::string ascii = std::string(45, '1') + "x";
        check_parse_error(ascii, 45,
                          "input \"" + std::string(40, '1') +
                              "…\": byte 45: unexpected character in a number");
    }

    TEST_CASE("the digit limit: 1000 digits parse, more is a clear error, and fast") {
        const std::string thousand = "1" + std::string(999, '0');
        const decimal d = decimal::parse(thousand);
        CHECK(d.str() == thousand);
        CHECK(decimal::parse("0." + std::string(999, '7')).exponent() == -999);

        check_parse_error(std::string(1001, '7'), 1000,
                          "input \"" + std::string(40, '7') +
                              "…\": byte 1000: more than 1000 digits in one number");

        // A 1,000,001-digit string fails at its 1001st digit, without reading the rest.
        const std::string huge(1000001, '9');
        bool threw = false;
        try {
            (void)decimal::parse(huge);
        } catch (const input_error& e) {
            threw = true;
            CHECK(e.offset() == 1000);
            CHECK(e.reason() == "more than 1000 digits in one number");
            CHECK(std::string(e.what()).size() < 200);
        }
        CHECK(threw);

        // Grouped and full-width, the digits still count, not the bytes.
        std::string grouped_huge = "1";
        for (int k = 0; k < 400; ++k) {
            grouped_huge += ",000";
        }
        decimal out;
        const auto failure = decimal::parse_into(grouped_huge, out);
        REQUIRE(failure.has_value());
        CHECK(failure->reason == "more than 1000 digits in one number");
        CHECK(failure->offset == 1 + 333 * 4 + 1); // the 1001st digit
    }

    TEST_CASE("exact arithmetic: sums, differences, products, quotients") {
        const auto p = [](const char* s) { return decimal::parse(s); };
        CHECK((p("119.4") + p("28.8")).str() == "148.2");
        CHECK((p("148.2") - p("119.4")).str() == "28.8");
        CHECK((p("148.2") + p("0.05")).str() == "148.25"); // the finer resolution
        CHECK((p("0.1") + p("0.2")).str() == "0.3");
        CHECK((p("0.1") * p("0.01")).str() == "0.001");
        CHECK((p("-1.5") * p("2.0")).str() == "-3.00");
        CHECK((p("80.6") + p("19.4")).str() == "100.0");
        CHECK((p("1") - p("1.00")).str() == "0.00");
        decimal acc;
        acc += p("1.5");
        acc -= p("0.25");
        acc *= p("4");
        CHECK(acc.str() == "5.00");

        // Across the int64 boundary, both ways.
        const decimal max = decimal(std::numeric_limits<std::int64_t>::max());
        const decimal min = decimal(std::numeric_limits<std::int64_t>::min());
        CHECK((max + decimal(1)).str() == "9223372036854775808");
        CHECK((min - decimal(1)).str() == "-9223372036854775809");
        CHECK((-min).str() == "9223372036854775808");
        CHECK((max + decimal(1) - decimal(1)).coefficient().is_small());
        CHECK((max * max).str() == "85070591730234615847396907784232501249");
        CHECK((max + p("0.1")).str() == "9223372036854775807.1");
        CHECK((p("99999999999999999999999999999999999999999999") + p("1")).str() ==
              "100000000000000000000000000000000000000000000");
        CHECK((p("1234567890123456789012345678901234567890.5") -
               p("1234567890123456789012345678901234567890"))
                  .str() == "0.5");

        CHECK(divide(p("119.4"), p("148.2")) == rational(199, 247));
        CHECK(divide(p("119.4"), p("148.2"), -3, rounding_mode::half_up).str() == "0.806");
        CHECK(divide(p("1"), p("3"), -4, rounding_mode::half_even).str() == "0.3333");
        CHECK_THROWS_AS((void)divide(p("1"), p("-0.0")), reckon::kind_error);
        CHECK(p("-0.09").to_rational() == rational(-9, 100));
        CHECK(p("148.2").scaled(8).str() == "14820000000");
        CHECK(p("148.2").scaled(8).resolution().str() == "10000000");
    }

    TEST_CASE("comparison ignores resolution") {
        const auto p = [](const char* s) { return decimal::parse(s); };
        CHECK(p("148.2") < p("148.21"));
        CHECK(p("-148.2") < p("-148.19"));
        CHECK(p("1") == p("1.000"));
        CHECK(p("0.0") == p("-0"));
        CHECK(p("12345678901234567890123") > p("9223372036854775807"));
        CHECK(p("-12345678901234567890123") < p("-9223372036854775808"));
        CHECK(p("2") >= p("2.00"));
        CHECK(p("2") <= p("2.00"));
        CHECK(p("2") != p("2.01"));
    }

    TEST_CASE("rounding: ties and non-ties under every mode") {
        // Columns in the order of all_modes: half_up, half_even, half_down, toward_zero,
        // away_from_zero, floor, ceiling.
        struct row {
            const char* value;
            int exponent;
            std::array<const char*, 7> expected;
        };
        const row rows[] = {
            {"2.5", 0, {"3", "2", "2", "2", "3", "2", "3"}},
            {"3.5", 0, {"4", "4", "3", "3", "4", "3", "4"}},
            {"-2.5", 0, {"-3", "-2", "-2", "-2", "-3", "-3", "-2"}},
            {"-3.5", 0, {"-4", "-4", "-3", "-3", "-4", "-4", "-3"}},
            {"2.51", 0, {"3", "3", "3", "2", "3", "2", "3"}},
            {"2.49", 0, {"2", "2", "2", "2", "3", "2", "3"}},
            {"-2.51", 0, {"-3", "-3", "-3", "-2", "-3", "-3", "-2"}},
            {"-2.49", 0, {"-2", "-2", "-2", "-2", "-3", "-3", "-2"}},
            {"0.05", -1, {"0.1", "0.0", "0.0", "0.0", "0.1", "0.0", "0.1"}},
            {"-0.05", -1, {"-0.1", "0.0", "0.0", "0.0", "-0.1", "-0.1", "0.0"}},
            {"0.15", -1, {"0.2", "0.2", "0.1", "0.1", "0.2", "0.1", "0.2"}},
            {"148.25", -1, {"148.3", "148.2", "148.2", "148.2", "148.3", "148.2", "148.3"}},
            {"148.35", -1, {"148.4", "148.4", "148.3", "148.3", "148.4", "148.3", "148.4"}},
            {"-148.25", -1, {"-148.3", "-148.2", "-148.2", "-148.2", "-148.3", "-148.3", "-148.2"}},
            {"80.5668", -1, {"80.6", "80.6", "80.6", "80.5", "80.6", "80.5", "80.6"}},
            {"2", 0, {"2", "2", "2", "2", "2", "2", "2"}},
            {"2.000", 0, {"2", "2", "2", "2", "2", "2", "2"}},
            {"-0.0", 0, {"0", "0", "0", "0", "0", "0", "0"}},
            {"1", -2, {"1.00", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00"}},
            {"1450", 2, {"1500", "1400", "1400", "1400", "1500", "1400", "1500"}},
            {"1550", 2, {"1600", "1600", "1500", "1500", "1600", "1500", "1600"}},
            {"0.4", 1, {"0", "0", "0", "0", "10", "0", "10"}},
            // A step of 10^20 on an int64 coefficient (past the int64 power table).
            {"0.00000000000000000005", 0, {"0", "0", "0", "0", "1", "0", "1"}},
            {"0.00000000000000000005",
             -19,
             {"0.0000000000000000001", "0.0000000000000000000", "0.0000000000000000000",
              "0.0000000000000000000", "0.0000000000000000001", "0.0000000000000000000",
              "0.0000000000000000001"}},
            {"-0.00000000000000000015",
             -19,
             {"-0.0000000000000000002", "-0.0000000000000000002", "-0.0000000000000000001",
              "-0.0000000000000000001", "-0.0000000000000000002", "-0.0000000000000000002",
              "-0.0000000000000000001"}},
            // Big coefficients: the cpp_int path.
            {"1234567890123456789012345678901234567892.5",
             0,
             {"1234567890123456789012345678901234567893",
              "1234567890123456789012345678901234567892",
              "1234567890123456789012345678901234567892",
              "1234567890123456789012345678901234567892",
              "1234567890123456789012345678901234567893",
              "1234567890123456789012345678901234567892",
              "1234567890123456789012345678901234567893"}},
            {"-1234567890123456789012345678901234567893.5",
             0,
             {"-1234567890123456789012345678901234567894",
              "-1234567890123456789012345678901234567894",
              "-1234567890123456789012345678901234567893",
              "-1234567890123456789012345678901234567893",
              "-1234567890123456789012345678901234567894",
              "-1234567890123456789012345678901234567894",
              "-1234567890123456789012345678901234567893"}},
            {"-9223372036854775808",
             1,
             {"-9223372036854775810", "-9223372036854775810", "-9223372036854775810",
              "-9223372036854775800", "-9223372036854775810", "-9223372036854775810",
              "-9223372036854775800"}},
        };
        for (const auto& r : rows) {
            const decimal v = decimal::parse(r.value);
            for (std::size_t m = 0; m < all_modes.size(); ++m) {
                CAPTURE(r.value);
                CAPTURE(r.exponent);
                CAPTURE(m);
                const decimal got = v.round(r.exponent, all_modes[m]);
                CHECK(got.str() == r.expected[m]);
                CHECK(got.exponent() == r.exponent);
                // The rational overload agrees (it always takes the cpp_int path).
                const decimal via_rational =
                    decimal::round(v.to_rational(), r.exponent, all_modes[m]);
                CHECK(via_rational.to_rational() == got.to_rational());
            }
        }
    }

    TEST_CASE("rounding an exact rational") {
        using reckon::rounding_mode;
        CHECK(decimal::round(rational(1194, 1482) * 100, -1, rounding_mode::half_up).str() ==
              "80.6");
        CHECK(decimal::round(rational(288, 1482) * 100, -1, rounding_mode::half_up).str() ==
              "19.4");
        CHECK(decimal::round(rational(1, 3), -3, rounding_mode::half_up).str() == "0.333");
        CHECK(decimal::round(rational(-2, 3), -2, rounding_mode::half_up).str() == "-0.67");
        CHECK(decimal::round(rational(-2, 3), -2, rounding_mode::toward_zero).str() == "-0.66");
        CHECK(decimal::round(rational(-2, 3), -2, rounding_mode::floor).str() == "-0.67");
        CHECK(decimal::round(rational(5, 2), 0, rounding_mode::half_even).str() == "2");
        CHECK(decimal::round(rational(7, 2), 0, rounding_mode::half_even).str() == "4");
        CHECK(decimal::round(rational(1482, 1), 1, rounding_mode::half_up).str() == "1480");
        CHECK(decimal::round(rational(1485, 1), 1, rounding_mode::half_even).str() == "1480");
        CHECK(decimal::round(rational(0), -2, rounding_mode::ceiling).str() == "0.00");
    }

    TEST_CASE("property: str and parse round-trip, in every printed form") {
        constexpr std::uint64_t seed = 0x5EC0DEC1AA1ULL;
        MESSAGE("decimal round-trip seed = " << seed);
        std::mt19937_64 rng(seed);
        std::uniform_int_distribution<int> int_len(0, 30);
        std::uniform_int_distribution<int> frac_len(0, 15);
        std::uniform_int_distribution<int> coin(0, 2);
        for (int iter = 0; iter < 3000; ++iter) {
            const int n_int = int_len(rng);
            const std::string int_digits = n_int == 0 ? "0" : random_digits(rng, n_int, true);
            const int n_frac = frac_len(rng);
            const std::string frac_digits = random_digits(rng, n_frac, false);
            const bool is_zero =
                int_digits == "0" && frac_digits.find_first_not_of('0') == std::string::npos;
            const bool negative = coin(rng) == 0 && !is_zero;
            std::string canonical = negative ? "-" : "";
            canonical += int_digits;
            if (n_frac > 0) {
                canonical += "." + frac_digits;
            }
            CAPTURE(canonical);
            const decimal d = decimal::parse(canonical);
            REQUIRE(d.str() == canonical);
            CHECK(d.exponent() == -n_frac);
            CHECK(same_display(decimal::parse(d.str()), d));
            CHECK(d.is_zero() == is_zero);

            // The same number printed with separators, full-width forms and other minus signs.
            std::string fancy =
                negative ? (coin(rng) == 0 ? "−" : "-") : (coin(rng) == 0 ? "+" : "");
            fancy += grouped(int_digits, coin(rng) == 0 ? "，" : ",");
            if (n_frac > 0) {
                fancy += "." + frac_digits;
            }
            CAPTURE(fancy);
            CHECK(same_display(decimal::parse(fancy), d));
            CHECK(same_display(decimal::parse(full_width(fancy)), d));

            // The value survives its rational, and a sign change.
            CHECK(decimal::round(d.to_rational(), d.exponent(), rounding_mode::half_even).str() ==
                  canonical);
            CHECK(same_display(-(-d), d));
        }
    }

    TEST_CASE("property: the ASCII fast path and the general parser agree") {
        // The same string in full-width form always takes the general parser; the ASCII one
        // takes the fast path when it can. They must accept the same strings, with one value.
        constexpr std::uint64_t seed = 0xFA57FA57ULL;
        MESSAGE("fast-path agreement seed = " << seed);
        std::mt19937_64 rng(seed);
        const std::string alphabet = "0123456789000,,..-+";
        std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
        std::uniform_int_distribution<int> length(0, 26);
        std::uniform_int_distribution<int> coin(0, 3);
        int accepted = 0;
        for (int iter = 0; iter < 200000; ++iter) {
            std::string s;
            const int n = length(rng);
            for (int k = 0; k < n; ++k) {
                // Mostly digits, so that well-formed numbers are common.
                s += coin(rng) != 0 ? static_cast<char>('0' + pick(rng) % 10) : alphabet[pick(rng)];
            }
            if (coin(rng) == 0) {
                s = grouped(s.substr(0, s.find('.')), ",") +
                    (s.find('.') == std::string::npos ? "" : s.substr(s.find('.')));
            }
            CAPTURE(s);
            const auto fast = decimal::try_parse(s);
            const auto general = decimal::try_parse(full_width(s));
            REQUIRE(fast.has_value() == general.has_value());
            if (fast) {
                ++accepted;
                CHECK(same_display(*fast, *general));
            }
        }
        MESSAGE("well-formed among them: " << accepted);
        CHECK(accepted > 20000);
    }

    TEST_CASE("in-place sums cross the int64 boundary exactly") {
        const decimal max(std::numeric_limits<std::int64_t>::max());
        const decimal min(std::numeric_limits<std::int64_t>::min());
        decimal a = max;
        a += decimal(1);
        CHECK(a.str() == "9223372036854775808");
        a -= decimal(1);
        CHECK(a.str() == "9223372036854775807");
        CHECK(a.coefficient().is_small());
        decimal b = min;
        b -= decimal(1);
        CHECK(b.str() == "-9223372036854775809");
        decimal c = decimal::parse("922337203685477580.7");
        c += decimal::parse("0.01"); // the rescaling overflows int64
        CHECK(c.str() == "922337203685477580.71");
        decimal d(1);
        d += decimal(1, -19); // a step past the int64 power table
        CHECK(d.str() == "1.0000000000000000001");
        decimal e(5, 3);
        e += decimal(7, -2);
        CHECK(e.str() == "5000.07");
        decimal f = decimal::parse("0.5");
        f -= decimal::parse("1,000");
        CHECK(f.str() == "-999.5");
        decimal g(1);
        const decimal& alias = g; // the operand is the target itself
        g += alias;
        CHECK(g.str() == "2");
        g -= alias;
        CHECK(g.str() == "0");
    }

    TEST_CASE("property: exact sums of random 40-digit decimals match a cpp_int reference") {
        constexpr std::uint64_t seed = 20240611ULL;
        MESSAGE("decimal exact-sum seed = " << seed);
        std::mt19937_64 rng(seed);
        constexpr int scale = 10; // every term has at most 10 decimals
        constexpr auto uscale = static_cast<std::size_t>(scale);
        std::uniform_int_distribution<int> frac_len(0, scale);
        std::uniform_int_distribution<int> total_len(1, 40);
        std::uniform_int_distribution<int> coin(0, 3);
        for (int series = 0; series < 20; ++series) {
            decimal sum;
            big_int reference = 0; // the sum × 10^scale
            int finest = 0;
            for (int k = 0; k < 250; ++k) {
                const int n_frac = frac_len(rng);
                // Mostly 40 digits; one term in four short, so that the int64 path and the
                // changes between the two representations are exercised too.
                const int n_total = coin(rng) == 0 ? std::max(n_frac + 1, total_len(rng) / 2)
                                                   : std::max(n_frac + 1, 40);
                const std::string digits = random_digits(rng, n_total, false);
                const bool negative = coin(rng) == 0;
                std::string text = negative ? "-" : "";
                text += digits.substr(0, digits.size() - static_cast<std::size_t>(n_frac));
                if (n_frac > 0) {
                    text += "." + digits.substr(digits.size() - static_cast<std::size_t>(n_frac));
                }
                CAPTURE(text);
                const decimal term = decimal::parse(text);
                big_int scaled = big_from_digits(digits) *
                                 reckon::detail::big_pow10(static_cast<unsigned>(scale - n_frac));
                if (negative) {
                    scaled = -scaled;
                }
                if (coin(rng) == 1) {
                    sum -= term;
                    reference -= scaled;
                } else {
                    sum += term;
                    reference += scaled;
                }
                finest = std::min(finest, -n_frac);
            }
            CHECK(sum.exponent() == finest);
            CHECK(sum.with_exponent(-scale).coefficient().to_big() == reference);
            // And the printed sum is the reference's digits with the point put back.
            big_int magnitude = reference < 0 ? big_int(-reference) : reference;
            std::string ref_digits = magnitude.str();
            if (ref_digits.size() <= uscale) {
                ref_digits.insert(0, uscale + 1 - ref_digits.size(), '0');
            }
            std::string ref_text = reference < 0 ? "-" : "";
            ref_text += ref_digits.substr(0, ref_digits.size() - uscale) + "." +
                        ref_digits.substr(ref_digits.size() - uscale);
            CHECK(sum.with_exponent(-scale).str() == ref_text);
        }
    }

    TEST_CASE("property: a rounded value's display interval holds the true value") {
        using reckon::convention;
        using reckon::display_interval;
        constexpr std::uint64_t seed = 0xD15C0A11ULL;
        MESSAGE("display-interval property seed = " << seed);
        std::mt19937_64 rng(seed);

        struct pairing {
            convention conv;
            rounding_mode mode;
        };
        const pairing pairings[] = {
            {convention::half_up, rounding_mode::half_up},
            {convention::half_even, rounding_mode::half_even},
            {convention::half_down, rounding_mode::half_down},
            {convention::truncated, rounding_mode::toward_zero},
            {convention::unknown_tie, rounding_mode::half_up},
            {convention::unknown_tie, rounding_mode::half_even},
        };

        std::uniform_int_distribution<int> kind(0, 3);
        std::uniform_int_distribution<int> exp_dist(-4, 3);
        std::uniform_int_distribution<int> extra(1, 3);
        std::uniform_int_distribution<std::int64_t> coeff(-2000000000000LL, 2000000000000LL);
        std::uniform_int_distribution<std::int64_t> small_coeff(-300, 300);
        std::uniform_int_distribution<std::int64_t> denom(1, 1000000);
        std::uniform_int_distribution<int> coin(0, 1);

        int ties_seen = 0;
        for (int iter = 0; iter < 4000; ++iter) {
            const int e = exp_dist(rng);
            // The true value: a decimal finer than 10^e (a tie one time in ten, or forced), a
            // value near zero, or a rational with an arbitrary denominator, or 40 digits.
            std::optional<decimal> as_decimal;
            rational v;
            switch (kind(rng)) {
            case 0: {
                const int k = extra(rng);
                std::int64_t c = coeff(rng);
                if (coin(rng) == 0) { // force a tie: …5 followed by zeros
                    c = (c / 10) * 10 + (c < 0 ? -5 : 5);
                    c *= reckon::detail::pow10_table[static_cast<std::size_t>(k - 1)];
                }
                as_decimal = decimal(c, e - k);
                break;
            }
            case 1: as_decimal = decimal(small_coeff(rng), e - 1); break;
            case 2: {
                const rational q(big_int(coeff(rng)), big_int(denom(rng)));
                v = q * pow10_q(e);
                break;
            }
            default: {
                std::string digits = random_digits(rng, 40, true);
                if (coin(rng) == 0) {
                    digits.back() = '5';
                }
                big_int c = big_from_digits(digits);
                if (coin(rng) == 0) {
                    c = -c;
                }
                as_decimal = decimal(c, e - 1);
                break;
            }
            }
            if (as_decimal) {
                v = as_decimal->to_rational();
            }
            // Whether v lies exactly half-way between two multiples of 10^e.
            const decimal down = decimal::round(v, e, rounding_mode::floor);
            const bool tie = v - down.to_rational() == pow10_q(e) / 2;
            ties_seen += tie ? 1 : 0;

            for (const auto& p : pairings) {
                CAPTURE(v);
                CAPTURE(e);
                CAPTURE(static_cast<int>(p.conv));
                CAPTURE(static_cast<int>(p.mode));
                const decimal x = decimal::round(v, e, p.mode);
                CHECK(x.exponent() == e);
                CHECK(display_interval(x, p.conv).contains(v));
                if (as_decimal) {
                    // The member round (int64 fast path where it fits) agrees exactly.
                    CHECK(same_display(as_decimal->round(e, p.mode), x));
                }
                if (p.conv == convention::unknown_tie) {
                    // With the tie ends open, only a tie falls outside.
                    CHECK(display_interval(x, p.conv, reckon::qualifier::none, reckon::ties::open)
                              .contains(v) == !tie);
                }
            }
        }
        MESSAGE("exact ties among the true values: " << ties_seen);
        CHECK(ties_seen > 400);
    }
}
