// SPDX-License-Identifier: MIT
// reckon::find_unit: units as printed, with Chinese scale prefixes (simplified and traditional)
// and English scale words, to exact factors.
#include <reckon/units.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace {

using reckon::find_unit;
using reckon::kind;
using reckon::rational;

rational q(const std::string& text) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) {
        return reckon::decimal::parse(text).to_rational();
    }
    return reckon::decimal::parse(text.substr(0, slash)).to_rational() /
           reckon::decimal::parse(text.substr(slash + 1)).to_rational();
}

} // namespace

TEST_SUITE("units") {
    TEST_CASE("find_unit: kind, dimension, exact factor, base, power of ten") {
        struct row {
            const char* symbol;
            kind k;
            const char* dimension;
            const char* factor;
            const char* base;
            std::optional<int> exponent;
        };
        const row rows[] = {
            {"亿元", kind::money, "CNY", "100000000", "元", 8},
            {"億元", kind::money, "CNY", "100000000", "元", 8},
            {"万元", kind::money, "CNY", "10000", "元", 4},
            {"萬元", kind::money, "CNY", "10000", "元", 4},
            {"万亿元", kind::money, "CNY", "1000000000000", "元", 12},
            {"千万元", kind::money, "CNY", "10000000", "元", 7},
            {"元", kind::money, "CNY", "1", "元", 0},
            {"亿美元", kind::money, "USD", "100000000", "USD", 8},
            {"billion USD", kind::money, "USD", "1000000000", "USD", 9},
            {"million euros", kind::money, "EUR", "1000000", "EUR", 6},
            {"bn GBP", kind::money, "GBP", "1000000000", "GBP", 9},
            {"萬噸", kind::amount, "mass", "10000000", "kg", 7},
            {"万吨", kind::amount, "mass", "10000000", "kg", 7},
            {"吨", kind::amount, "mass", "1000", "kg", 3},
            {"斤", kind::amount, "mass", "1/2", "kg", std::nullopt},
            {"亿斤", kind::amount, "mass", "50000000", "kg", std::nullopt},
            {"million tonnes", kind::amount, "mass", "1000000000", "kg", 9},
            {"亩", kind::amount, "area", "2000/3", "m2", std::nullopt},
            {"万亩", kind::amount, "area", "20000000/3", "m2", std::nullopt},
            {"万千瓦时", kind::amount, "energy", "10000", "kWh", 4},
            {"万人", kind::count, "", "10000", "item", 4},
            {"萬人", kind::count, "", "10000", "item", 4},
            {"项", kind::count, "", "1", "item", 0},
            {"項", kind::count, "", "1", "item", 0},
            {"家", kind::count, "", "1", "item", 0},
            {"%", kind::share, "", "1/100", "1", -2},
            {"％", kind::share, "", "1/100", "1", -2},
            {"percent", kind::share, "", "1/100", "1", -2},
            {"‰", kind::share, "", "1/1000", "1", -3},
            {"个百分点", kind::points, "", "1/100", "1", -2},
            {"個百分點", kind::points, "", "1/100", "1", -2},
            {"百分点", kind::points, "", "1/100", "1", -2},
            {"percentage points", kind::points, "", "1/100", "1", -2},
            {"千分点", kind::points, "", "1/1000", "1", -3},
            {"万", kind::number, "", "10000", "1", 4},
            {"亿", kind::number, "", "100000000", "1", 8},
            {"million", kind::number, "", "1000000", "1", 6},
            {"倍", kind::number, "", "1", "1", 0},
        };
        for (const auto& r : rows) {
            CAPTURE(r.symbol);
            const auto u = find_unit(r.symbol);
            REQUIRE(u.has_value());
            CHECK(u->symbol == r.symbol);
            CHECK(u->kind == r.k);
            CHECK(u->dimension == r.dimension);
            CHECK(u->factor == q(r.factor));
            CHECK(u->base == r.base);
            CHECK(u->decimal_exponent() == r.exponent);
        }
    }

    TEST_CASE("unknown units give nothing") {
        for (const char* symbol :
             {"furlongs", "亿%", "万%", "万个百分点", "billion%", "billion %", "billionUSD", "亿瓦",
              "元元", "USD billion", "千千", "Yuan", " 元", "元 "}) {
            CAPTURE(symbol);
            CHECK_FALSE(find_unit(symbol).has_value());
        }
    }

    TEST_CASE("decimal_exponent only for exact powers of ten") {
        struct row {
            const char* factor;
            std::optional<int> expected;
        };
        const row rows[] = {
            {"1", 0},
            {"10", 1},
            {"1000000000000", 12},
            {"1/10", -1},
            {"1/1000", -3},
            {"25", std::nullopt},
            {"1/20", std::nullopt},
            {"1/2", std::nullopt},
            {"3/10", std::nullopt},
            {"110", std::nullopt},
            {"0", std::nullopt},
            {"-10", std::nullopt},
        };
        reckon::unit u;
        for (const auto& r : rows) {
            CAPTURE(r.factor);
            u.factor = q(r.factor);
            CHECK(u.decimal_exponent() == r.expected);
        }
    }

    TEST_CASE("compatible: same kind and dimension, whatever the scale") {
        const auto u = [](const char* s) { return *find_unit(s); };
        CHECK(compatible(u("亿元"), u("万元")));
        CHECK(compatible(u("亿元"), u("元")));
        CHECK(compatible(u("億元"), u("亿元")));
        CHECK(compatible(u("billion USD"), u("美元")));
        CHECK(compatible(u("万吨"), u("斤")));
        CHECK(compatible(u("%"), u("‰")));
        CHECK_FALSE(compatible(u("亿元"), u("亿美元")));
        CHECK_FALSE(compatible(u("亿元"), u("万人")));
        CHECK_FALSE(compatible(u("%"), u("个百分点")));
        CHECK_FALSE(compatible(u("万吨"), u("万亩")));
        // 148.2 亿元 + 5 000 万元 = 148.7 亿元, exactly.
        const rational sum = q("148.2") * u("亿元").factor + q("5000") * u("万元").factor;
        CHECK(sum == q("148.7") * u("亿元").factor);
    }

    TEST_CASE("kind names") {
        CHECK(reckon::to_string(kind::money) == "money");
        CHECK(reckon::to_string(kind::count) == "count");
        CHECK(reckon::to_string(kind::amount) == "amount");
        CHECK(reckon::to_string(kind::share) == "share");
        CHECK(reckon::to_string(kind::points) == "points");
        CHECK(reckon::to_string(kind::number) == "number");
    }
}
