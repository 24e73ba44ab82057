// SPDX-License-Identifier: MIT
// The compile-time typed layer: kinds as class templates (include/reckon/quantity.hpp).
// Misuse that must not compile is proven by tests/compile_fail/*.cpp.
#include <reckon/quantity.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

using reckon::decimal;
using reckon::rational;
namespace scale = reckon::scale;

// A currency of the caller's own: only its code.
struct xau {
    static constexpr std::string_view code = "XAU";
};

// A unit of the caller's own: 担 (dan), 50 公斤.
struct dan {
    using dimension = reckon::dim::mass;
    using ratio = std::ratio<50>;
    static constexpr std::string_view symbol = "担";
};

rational q(long n, long d = 1) { return rational(reckon::big_int(n), reckon::big_int(d)); }

// The unit find_unit gives for a symbol, compared field by field with a figure's unit.
void check_same_unit(const reckon::figure& f, std::string_view symbol) {
    const auto u = reckon::find_unit(symbol);
    REQUIRE(u.has_value());
    CHECK(f.unit->symbol == u->symbol);
    CHECK(f.unit->kind == u->kind);
    CHECK(f.unit->dimension == u->dimension);
    CHECK(f.unit->factor == u->factor);
    CHECK(f.unit->base == u->base);
}

} // namespace

TEST_SUITE("quantity") {
    TEST_CASE("money of one currency adds at any scale, exactly") {
        const reckon::yuan funds("148.2", scale::yi);
        const reckon::yuan extra("5000", scale::wan);
        const auto sum = funds + extra;
        static_assert(std::is_same_v<std::decay_t<decltype(sum)>, reckon::yuan>);

        CHECK(sum == reckon::yuan("148.7", scale::yi));
        CHECK(sum.value() == decimal::parse("14870000000"));
        CHECK(sum.value().str() == "14870000000");
        // The sum is shown in the coarser scale, at the finer resolution (1 万 = 0.0001 亿).
        CHECK(sum.scale() == scale::yi);
        CHECK(sum.display().str() == "148.7000");
        CHECK(sum.str() == "148.7000亿元");
        CHECK(sum.normalized().str() == "148.7亿元");
        CHECK(same_display(sum.normalized(), reckon::yuan("148.7", scale::yi)));
        CHECK_FALSE(same_display(sum, reckon::yuan("148.7", scale::yi)));

        // The worked example: 148.2 = 119.4 + 28.8 (亿元), exactly.
        const auto parts = reckon::money<reckon::cny>::parse("119.4", scale::yi) +
                           reckon::money<reckon::cny>::parse("28.8", scale::yi);
        CHECK(parts == funds);
        CHECK(same_display(parts, funds));
        CHECK(parts.str() == "148.2亿元");

        CHECK((funds - extra).str() == "147.7000亿元");
        CHECK(funds - funds == reckon::yuan("0"));
        CHECK((-funds).str() == "-148.2亿元");
    }

    TEST_CASE("money remembers its printed display and scale") {
        const reckon::yuan a("148.20", scale::yi);
        CHECK(a.display().str() == "148.20");
        CHECK(a.value().resolution().str() == "1000000");
        CHECK(a == reckon::yuan("148.2", scale::yi));
        CHECK_FALSE(same_display(a, reckon::yuan("148.2", scale::yi)));
        CHECK(a.in(scale::wan).str() == "1482000万元");
        CHECK(a.in(scale::wan) == a);
        CHECK(a.in(scale::billion).str() == "14.820 billion CNY");
        CHECK(reckon::yuan("1,234.5").str() == "1234.5元");
        CHECK(reckon::yuan(decimal(1482, -1), scale::yi).str() == "148.2亿元");
        CHECK(reckon::yuan(5000, scale::wan).str() == "5000万元");
        CHECK(reckon::yuan("2.5", scale::wan_yi).value().str() == "2500000000000");
        CHECK(reckon::yuan("3", scale::qian).value().str() == "3000");
        CHECK(reckon::yuan().str() == "0元");

        std::ostringstream os;
        os << a;
        CHECK(os.str() == "148.20亿元");
    }

    TEST_CASE("money of other currencies, built in and user-defined") {
        CHECK(reckon::us_dollars("3.1", scale::billion).str() == "3.1 billion USD");
        CHECK(reckon::us_dollars("3.1", scale::yi).str() == "3.1亿美元");
        CHECK(reckon::euros("2", scale::million).str() == "2 million EUR");
        CHECK(reckon::pounds_sterling("7", scale::wan).str() == "7万英镑");
        CHECK(reckon::yen("120", scale::yi).str() == "120亿日元");
        CHECK(reckon::hk_dollars("45").str() == "45港元");

        using gold = reckon::money<xau>;
        CHECK(gold("12.5", scale::million).str() == "12.5 million XAU");
        CHECK(gold("1", scale::million) + gold("250", scale::thousand) ==
              gold("1.25", scale::million));
        CHECK((gold("1", scale::million) + gold("250", scale::thousand)).str() ==
              "1.250 million XAU");
    }

    TEST_CASE("money compares by value, whatever the scale") {
        const reckon::yuan big("148.2", scale::yi);
        const reckon::yuan small("140.19", scale::yi);
        CHECK(small < big);
        CHECK(big > small);
        CHECK(small <= big);
        CHECK(big >= reckon::yuan("14820000000"));
        CHECK(big == reckon::yuan("1482000", scale::wan));
        CHECK(big != small);
    }

    TEST_CASE("money times a number, and division to exact rationals") {
        const reckon::yuan funds("148.2", scale::yi);
        CHECK((funds * 2).str() == "296.4亿元");
        CHECK((3 * funds).str() == "444.6亿元");
        CHECK((funds * decimal::parse("1.5")).str() == "222.30亿元");
        CHECK((decimal::parse("0.5") * funds) == reckon::yuan("74.1", scale::yi));

        // money / money of one currency is a plain ratio: 119.4 / 148.2 = 199/247.
        const rational r = reckon::yuan("119.4", scale::yi) / funds;
        CHECK(r == q(199, 247));
        // money / number: the exact quotient, in yuan.
        CHECK(funds / 3 == q(4940000000));
        CHECK(funds / 7 == q(14820000000, 7));
        CHECK_THROWS_AS((void)(funds / 0), reckon::kind_error);
        CHECK_THROWS_AS((void)(funds / reckon::yuan("0")), reckon::kind_error);

        // Rounded to the last printed digit, with the rule given.
        CHECK(reckon::divide(funds, 3, reckon::rounding_mode::half_up).str() == "49.4亿元");
        CHECK(reckon::divide(funds, 7, reckon::rounding_mode::half_up).str() == "21.2亿元");
        CHECK(reckon::divide(funds, 7, reckon::rounding_mode::floor).str() == "21.1亿元");

        reckon::yuan acc("100", scale::wan);
        acc += reckon::yuan("1", scale::yi);
        CHECK(acc.str() == "1.0100亿元"); // a sum is shown in the coarser scale
        acc -= reckon::yuan("100", scale::wan);
        CHECK(acc == reckon::yuan("1", scale::yi));
    }

    TEST_CASE("amounts convert to their common unit exactly: 1 公顷 + 1 亩 = 16 亩") {
        const auto area = reckon::hectares("1") + reckon::mu("1");
        static_assert(std::is_same_v<std::decay_t<decltype(area)>, reckon::mu>);
        CHECK(area == reckon::mu("16"));
        CHECK(area.str() == "16亩");
        CHECK(reckon::hectares("1") == reckon::mu("15"));
        CHECK(reckon::hectares("1").base_value() == q(10000));
        CHECK(reckon::mu("1").base_value() == q(2000, 3));
        CHECK(reckon::mu("3").base_value() == q(2000));

        const auto mass = reckon::tonnes("1") + reckon::jin("1");
        static_assert(std::is_same_v<std::decay_t<decltype(mass)>, reckon::jin>);
        CHECK(mass == reckon::jin("2001"));
        CHECK(mass.str() == "2001斤");
        CHECK(reckon::tonnes("1") == reckon::jin("2000"));
        CHECK(reckon::jin("1999") < reckon::tonnes("1"));
        CHECK(reckon::tonnes("1") - reckon::jin("1") == reckon::jin("1999"));

        CHECK(reckon::kilometres("1.5") + reckon::metres("20") == reckon::metres("1520"));
        CHECK((reckon::kilometres("1.5") + reckon::metres("20")).str() == "1520.0米");
        CHECK(reckon::kilograms("1") == reckon::jin("2"));

        // A caller's own unit: 3 担 = 150 公斤 = 300 斤.
        CHECK(reckon::amount<dan>("3") == reckon::jin("300"));
        CHECK((reckon::amount<dan>("3") + reckon::tonnes("1")).str() == "23担");

        // Two units whose common unit has no name of its own: 1 m² + 1 亩 in thirds of a m².
        const auto odd = reckon::square_metres("1") + reckon::mu("1");
        CHECK(odd.base_value() == q(2003, 3));
        CHECK(odd.str() == "2003(1/3 m2)");
        CHECK(odd > reckon::square_metres("667"));
        CHECK(odd < reckon::square_metres("668"));
    }

    TEST_CASE("amounts in scales") {
        const reckon::tonnes grain("3.5", scale::wan);
        CHECK(grain.str() == "3.5万吨");
        CHECK(grain.value().str() == "35000");
        CHECK(grain.base_value() == q(35000000));
        CHECK(reckon::tonnes("2.1", scale::million).str() == "2.1 million tonnes");
        CHECK(reckon::kilowatt_hours("12.3", scale::yi).str() == "12.3亿千瓦时");
        CHECK(reckon::kilowatt_hours("4", scale::billion).str() == "4 billion kWh");
        CHECK(reckon::jin("1.2", scale::yi).str() == "1.2亿斤");
        // 3.5 万吨 = 7000 万斤, and the sum is shown in the coarser scale.
        CHECK(grain == reckon::jin("7000", scale::wan));
        CHECK((grain + reckon::jin("1")).str() == "7000.0001万斤");
        CHECK(grain / reckon::tonnes("7000") == q(5));
        CHECK((grain * 2).str() == "7.0万吨");
    }

    TEST_CASE("unit_cast: exact where the result is a finite decimal, else rounded") {
        CHECK(reckon::unit_cast<reckon::units::jin>(reckon::tonnes("1.5")).str() == "3000.0斤");
        CHECK(reckon::unit_cast<reckon::units::tonne>(reckon::jin("1")).str() == "0.0005吨");
        CHECK(reckon::unit_cast<reckon::units::tonne>(reckon::jin("1")) == reckon::jin("1"));
        CHECK(reckon::unit_cast<reckon::units::mu>(reckon::hectares("2")).str() == "30亩");
        CHECK(reckon::unit_cast<reckon::units::hectare>(reckon::mu("100"), -2,
                                                        reckon::rounding_mode::half_up)
                  .str() == "6.67公顷");
        CHECK(reckon::unit_cast<reckon::units::hectare>(
                  reckon::mu("15"), 0, reckon::rounding_mode::half_up) == reckon::hectares("1"));
        CHECK(reckon::unit_cast<reckon::per_mille>(reckon::percentage("1.5")).str() == "15.0‰");
        CHECK(reckon::unit_cast<reckon::percent>(reckon::per_mille_share("3")).str() == "0.3%");
    }

    TEST_CASE("counts are whole numbers") {
        const reckon::count projects("84");
        CHECK(reckon::count("75") + reckon::count("9") == projects);
        CHECK(reckon::count(75) + reckon::count(9) == reckon::count(84));
        CHECK(projects.str() == "84");
        CHECK(reckon::count("3.5", scale::wan).value().str() == "35000");
        CHECK(reckon::count("3.5", scale::wan).str() == "3.5万");
        CHECK((projects * 2).value() == decimal(168));
        CHECK(projects / reckon::count(4) == q(21));
        CHECK(reckon::count(75) / projects == q(25, 28));
        CHECK_THROWS_AS(reckon::count("0.5"), reckon::input_error);
        CHECK_THROWS_AS(reckon::count("1.23456", scale::wan), reckon::input_error);
        CHECK_THROWS_AS(reckon::count("8x4"), reckon::input_error);
        CHECK_NOTHROW((void)reckon::count("84.0"));
    }

    TEST_CASE("share − share is percentage points, exactly") {
        const reckon::percentage continued("80.6");
        const reckon::percentage fresh("19.4");
        CHECK(continued.str() == "80.6%");
        CHECK(continued.fraction() == q(403, 500));
        CHECK(continued + fresh == reckon::percentage("100"));
        CHECK((continued + fresh).str() == "100.0%");

        const auto gap = continued - fresh;
        static_assert(std::is_same_v<std::decay_t<decltype(gap)>, reckon::percentage_points>);
        CHECK(gap == reckon::percentage_points("61.2"));
        CHECK(gap.str() == "61.2个百分点");
        CHECK(gap.fraction() == q(153, 250));

        const auto change = reckon::percentage("20.1") - reckon::percentage("18.6");
        CHECK(change == reckon::percentage_points("1.5"));
        CHECK(change.value().str() == "1.5");
        CHECK((reckon::percentage("18.6") - reckon::percentage("20.1")).str() == "-1.5个百分点");
        CHECK(change + reckon::percentage_points("0.25") == reckon::percentage_points("1.75"));

        // Per mille: birth rates 12.95‰ and 11.3‰ differ by 1.65 千分点.
        const auto rates = reckon::per_mille_share("12.95") - reckon::per_mille_share("11.3");
        static_assert(std::is_same_v<std::decay_t<decltype(rates)>, reckon::per_mille_points>);
        CHECK(rates.str() == "1.65千分点");
        // Percent and per mille meet in per mille: 1.5 % − 3 ‰ = 12 千分点.
        const auto mixed = reckon::percentage("1.5") - reckon::per_mille_share("3");
        static_assert(std::is_same_v<std::decay_t<decltype(mixed)>, reckon::per_mille_points>);
        CHECK(mixed.str() == "12.0千分点");
        CHECK(reckon::percentage("1.5") == reckon::per_mille_share("15"));
        CHECK(reckon::percentage("80.6") > reckon::percentage("80.55"));
    }

    TEST_CASE("share_of: the share a part is of a whole, rounded by an explicit rule") {
        const reckon::yuan total("148.2", scale::yi);
        const reckon::yuan continued("119.4", scale::yi);
        const reckon::yuan fresh("28.8", scale::yi);
        CHECK(
            reckon::share_of<reckon::percent>(continued, total, -1, reckon::rounding_mode::half_up)
                .str() == "80.6%");
        CHECK(reckon::share_of<reckon::percent>(fresh, total, -1, reckon::rounding_mode::half_up)
                  .str() == "19.4%");
        CHECK(reckon::share_of<reckon::percent>(fresh, total, -4, reckon::rounding_mode::half_up)
                  .str() == "19.4332%");
        CHECK(reckon::share_of<reckon::percent>(reckon::count(75), reckon::count(84), -1,
                                                reckon::rounding_mode::half_up)
                  .str() == "89.3%");
        CHECK(continued / total * 100 == q(19900, 247));
    }

    TEST_CASE("to_figure: the unit find_unit gives, the exact value") {
        SUBCASE("money in 亿元") {
            const auto f =
                reckon::to_figure("F2", "省外到位资金", reckon::yuan("148.2", scale::yi));
            CHECK(f.id == "F2");
            CHECK(f.label == "省外到位资金");
            CHECK(f.display.str() == "148.2");
            CHECK(f.text == "148.2亿元");
            check_same_unit(f, "亿元");
            CHECK(f.unit->dimension == "CNY");
            CHECK(f.value() == q(14820000000));
            CHECK(f.resolution() == q(10000000));
        }
        SUBCASE("a sum keeps its resolution") {
            const auto f = reckon::to_figure(
                "S", "sum", reckon::yuan("148.2", scale::yi) + reckon::yuan("5000", scale::wan));
            CHECK(f.display.str() == "148.7000");
            check_same_unit(f, "亿元");
            CHECK(f.value() == q(14870000000));
            CHECK(f.resolution() == q(10000));
        }
        SUBCASE("money in other scales and currencies") {
            const auto f1 = reckon::to_figure("F", "", reckon::yuan("5000", scale::wan));
            check_same_unit(f1, "万元");
            CHECK(f1.value() == q(50000000));
            const auto f2 = reckon::to_figure("F", "", reckon::us_dollars("3.1", scale::billion));
            check_same_unit(f2, "billion USD");
            CHECK(f2.text == "3.1 billion USD");
            CHECK(f2.unit->dimension == "USD");
            CHECK(f2.value() == q(3100000000));
            const auto f3 = reckon::to_figure("F", "", reckon::us_dollars("2", scale::yi));
            check_same_unit(f3, "亿美元");
            const auto f4 = reckon::to_figure("F", "", reckon::yuan("12", scale::wan_yi));
            check_same_unit(f4, "万亿元");
            CHECK(f4.value() == q(12000000000000));
            const auto f5 = reckon::to_figure("F", "", reckon::yuan("7"));
            check_same_unit(f5, "元");
            const auto f6 = reckon::to_figure("F", "", reckon::euros("4", scale::million));
            check_same_unit(f6, "million EUR");
            const auto f7 = reckon::to_figure("F", "", reckon::hk_dollars("9", scale::yi));
            check_same_unit(f7, "亿港元");
            const auto f8 = reckon::to_figure("F", "", reckon::yen("9", scale::yi));
            check_same_unit(f8, "亿日元");
        }
        SUBCASE("a currency find_unit does not know still makes a consistent figure") {
            const auto f = reckon::to_figure("G", "", reckon::money<xau>("12.5", scale::million));
            CHECK(f.unit->symbol == "million XAU");
            CHECK(f.unit->kind == reckon::kind::money);
            CHECK(f.unit->dimension == "XAU");
            CHECK(f.value() == q(12500000));
        }
        SUBCASE("amounts") {
            const auto f = reckon::to_figure("F3", "粮食", reckon::tonnes("3.5", scale::wan));
            check_same_unit(f, "万吨");
            CHECK(f.value() == q(35000000)); // kg
            const auto g = reckon::to_figure("F", "", reckon::jin("1.2", scale::yi));
            check_same_unit(g, "亿斤");
            CHECK(g.value() == q(60000000));
            const auto h = reckon::to_figure("F", "", reckon::hectares("1") + reckon::mu("1"));
            check_same_unit(h, "亩");
            CHECK(h.value() == q(32000, 3)); // m²
            const auto k = reckon::to_figure("F", "", reckon::kilowatt_hours("12.3", scale::yi));
            check_same_unit(k, "亿千瓦时");
            const auto m = reckon::to_figure("F", "", reckon::tonnes("2.1", scale::million));
            check_same_unit(m, "million tonnes");
            CHECK(m.value() == q(2100000000));
            const auto n = reckon::to_figure("F", "", reckon::kilometres("12"));
            check_same_unit(n, "公里");
            const auto p = reckon::to_figure("F", "", reckon::mu("3", scale::wan));
            check_same_unit(p, "万亩");
            CHECK(p.value() == q(20000000));
        }
        SUBCASE("shares and points") {
            const auto s = reckon::to_figure("F4", "续建占比", reckon::percentage("80.6"));
            check_same_unit(s, "%");
            CHECK(s.value() == q(403, 500));
            const auto m = reckon::to_figure("F", "", reckon::per_mille_share("12.95"));
            check_same_unit(m, "‰");
            const auto p = reckon::to_figure(
                "F5", "", reckon::percentage("20.1") - reckon::percentage("18.6"));
            check_same_unit(p, "个百分点");
            CHECK(p.value() == q(3, 200));
            const auto r = reckon::to_figure("F", "", reckon::per_mille_points("1.65"));
            check_same_unit(r, "千分点");
        }
        SUBCASE("counts, with their noun") {
            const auto f = reckon::to_figure("F1", "项目", reckon::count(84), "项");
            check_same_unit(f, "项");
            CHECK(f.value() == q(84));
            CHECK(f.effective_rounding(reckon::convention::half_up) == reckon::convention::exact);
            const auto g = reckon::to_figure("F", "", reckon::count("3.5", scale::wan), "人");
            check_same_unit(g, "万人");
            CHECK(g.text == "3.5万人");
            CHECK(g.value() == q(35000));
            const auto h = reckon::to_figure("F", "", reckon::count("2", scale::million), "people");
            check_same_unit(h, "million people");
        }
    }

    TEST_CASE("printed digits are read as decimal::parse reads them") {
        CHECK(reckon::yuan("１４８．２", scale::yi) == reckon::yuan("148.2", scale::yi));
        CHECK_THROWS_AS(reckon::yuan("148,2", scale::yi), reckon::input_error);
        CHECK_THROWS_AS(reckon::percentage(""), reckon::input_error);
        CHECK_THROWS_AS(reckon::tonnes("1.2.3"), reckon::input_error);
    }

    TEST_CASE("the kinds are what the run-time layer calls them") {
        CHECK(reckon::yuan::quantity_kind == reckon::kind::money);
        CHECK(reckon::tonnes::quantity_kind == reckon::kind::amount);
        CHECK(reckon::count::quantity_kind == reckon::kind::count);
        CHECK(reckon::percentage::quantity_kind == reckon::kind::share);
        CHECK(reckon::percentage_points::quantity_kind == reckon::kind::points);
        // No implicit conversion to or from double, nor from text.
        static_assert(!std::is_convertible_v<reckon::yuan, double>);
        static_assert(!std::is_convertible_v<const char*, reckon::yuan>);
        static_assert(!std::is_convertible_v<reckon::yuan, decimal>);
        static_assert(!std::is_convertible_v<reckon::count, long>);
    }
}
