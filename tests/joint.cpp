// SPDX-License-Identifier: MIT
// reckon::check_jointly: the report as a whole (DESIGN.md, "The whole report at once"): exact
// joint feasibility, ties, error localisation with consistent displays and typo hints; and the
// exact simplex under it, against Fourier–Motzkin elimination.
#include "support/generators.hpp"

#include <reckon/audit.hpp>
#include <reckon/detail/simplex.hpp>
#include <reckon/joint.hpp>
#include <reckon/json.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using reckon::check_jointly;
using reckon::convention;
using reckon::rational;
using reckon::report;
using reckon::verdict;
using reckon::detail::lp_num;
using reckon::detail::simplex;

// The Xining report (corpus/xining-investment.*), with some displays replaced.
report xining(const std::map<std::string, std::string>& planted = {}) {
    report r{"xining-investment.txt"};
    auto d = [&](const std::string& id, const char* printed) {
        auto it = planted.find(id);
        return it == planted.end() ? std::string(printed) : it->second;
    };
    r.add("F1", d("F1", "84"), "项", "investment projects");
    r.add("F2", d("F2", "148.2"), "亿元", "funds arrived");
    r.add("F3", d("F3", "105.8"), "%", "of the year's target");
    r.add("F4", d("F4", "84"), "项", "investment projects, restated");
    r.add("F5", d("F5", "75"), "项", "continued projects");
    r.add("F6", d("F6", "119.4"), "亿元", "funds for continued projects");
    r.add("F7", d("F7", "80.6"), "%", "share of continued projects");
    r.add("F8", d("F8", "9"), "项", "new projects");
    r.add("F9", d("F9", "28.8"), "亿元", "funds for new projects");
    r.add("F10", d("F10", "19.4"), "%", "share of new projects");
    r.sum("F4", {"F5", "F8"}, "projects = continued + new");
    r.sum("F2", {"F6", "F9"}, "funds = continued + new");
    r.share("F7", "F6", "F2");
    r.share("F10", "F9", "F2");
    r.shares_total({"F7", "F10"});
    r.percent_of_target("F3", "F2");
    return r;
}

const reckon::suspect* find_suspect(const reckon::joint_result& j, const std::string& id) {
    for (const auto& s : j.suspects) {
        if (s.figures == std::vector<std::string>{id}) {
            return &s;
        }
    }
    return nullptr;
}

using reckon_test::lcg;

} // namespace

TEST_SUITE("joint") {

    TEST_CASE("the Xining report holds as a whole") {
        const report r = xining();
        const auto j = check_jointly(r);
        CHECK(j.checked);
        CHECK(j.feasible);
        CHECK_FALSE(j.tie_only);
        CHECK(j.suspects.empty());
        // The unstated target leaves R6 out, with the reason.
        REQUIRE(j.left_out == std::vector<std::string>{"R6"});
        CHECK(j.left_out_reasons.front().reason.find("not given") != std::string::npos);
        CHECK(j.relaxed == std::vector<std::string>{"R3", "R4"});
        CHECK(j.parts == 2); // the projects, and the funds with their shares
        CHECK(j.message == "the figures can all hold at once");

        const auto a = reckon::audit(r);
        CHECK(a.joint.checked);
        CHECK(a.joint.feasible);
        CHECK(a.consistent());
    }

    TEST_CASE("planted: 28.9 for 28.8 points at the new projects' funds, consistent as 28.8") {
        const auto j = check_jointly(xining({{"F9", "28.9"}}));
        CHECK_FALSE(j.feasible);
        REQUIRE(j.suspects.size() == 1);
        const auto& s = j.suspects.front();
        CHECK(s.figures == std::vector<std::string>{"F9"});
        CHECK(s.consistent_displays ==
              std::vector<std::pair<std::string, std::vector<std::string>>>{
                  {"F9", {"28.7", "28.8"}}});
        CHECK(s.details.front().suggested == "28.8");
        CHECK(s.details.front().typo.empty());
        CHECK(s.weight == 2);
        CHECK(s.group == 1);
        // 28.7 … 28.834625 亿元: 0.1935 × T at the least, 0.1945 × 148.25 at the most.
        CHECK(s.details.front().range ==
              reckon::interval::closed(rational(2870000000), rational(2883462500)));
        CHECK(j.message == "the figures cannot all hold at once; most likely F9 (28.9 亿元) would "
                           "be consistent as 28.8");
        CHECK(j.conflicts.size() == 1);
    }

    TEST_CASE("planted: 10 new projects for 9") {
        const auto j = check_jointly(xining({{"F8", "10"}}));
        CHECK_FALSE(j.feasible);
        // 84 is printed twice, so it weighs more than 75 and 10 (exact counts, both weight 3):
        // the report alone cannot tell 75 + 10 from 74 + 10's other reading; both are listed.
        REQUIRE(j.suspects.size() == 2);
        const auto* s = find_suspect(j, "F8");
        REQUIRE(s != nullptr);
        CHECK(s->weight == 3);
        CHECK(s->consistent_displays.front().second == std::vector<std::string>{"9"});
        CHECK(s->details.front().suggested == "9");
        CHECK(s->details.front().steps == 1);
        const auto* other = find_suspect(j, "F5");
        REQUIRE(other != nullptr);
        CHECK(other->details.front().suggested == "74");
        CHECK(find_suspect(j, "F4") == nullptr); // restated: weight 4, not the least
    }

    TEST_CASE("planted: 19.5 % for 19.4 % holds only at a tie, and points at 19.5") {
        const auto j = check_jointly(xining({{"F10", "19.5"}}));
        // 80.6 + 19.5 = 100.1: the shares make 100 % only as 80.55 + 19.45, at both ties.
        CHECK(j.feasible);
        CHECK(j.tie_only);
        REQUIRE(j.suspects.size() == 2);
        const auto& first = j.suspects.front();
        CHECK(first.at_tie);
        CHECK(first.figures ==
              std::vector<std::string>{"F10"}); // its own share only within rounding
        CHECK(first.consistent_displays.front().second == std::vector<std::string>{"19.4"});
        CHECK(first.details.front().suggested == "19.4");
        CHECK(j.suspects[1].figures == std::vector<std::string>{"F7"});
        CHECK(j.suspects[1].details.front().suggested == "80.5");
        CHECK(j.message.rfind("the figures hold together only at an exact rounding tie", 0) == 0);

        // With half-up rounding 19.45 rounds to 19.5 and 80.55 to 80.6: ties that count.
        report r = xining({{"F10", "19.5"}});
        r.set_rounding(convention::half_up);
        const auto h = check_jointly(r);
        CHECK(h.feasible);
        CHECK(h.tie_only);
    }

    TEST_CASE("planted: 184.2 for 148.2 is two digits swapped") {
        const auto j = check_jointly(xining({{"F2", "184.2"}}));
        CHECK_FALSE(j.feasible);
        REQUIRE(j.suspects.size() == 1);
        const auto& s = j.suspects.front();
        CHECK(s.figures == std::vector<std::string>{"F2"});
        CHECK(s.consistent_displays.front().second ==
              std::vector<std::string>{"148.1", "148.2", "148.3"});
        CHECK(s.details.front().typo == "148.2");
        CHECK(s.details.front().typo_kind == "adjacent digits swapped");
        CHECK(s.details.front().suggested == "148.2");
        CHECK(s.hint == "F2: 184.2 may be a typo for 148.2 (adjacent digits swapped)");
        CHECK(j.left_out == std::vector<std::string>{"R6"});
    }

    TEST_CASE("every relation holds alone, the report does not") {
        // Two parts grow 4 % each (at most 4.5 %), yet their total grows 6 % (at least 5.5 %):
        // a total cannot grow faster than all of its parts.
        report r{"constructed"};
        r.add("A", "10.5", "亿元", "part A");
        r.add("A0", "10.0", "亿元", "part A last year");
        r.add("B", "21.0", "亿元", "part B");
        r.add("B0", "20.0", "亿元", "part B last year");
        r.add("T", "31.6", "亿元", "total");
        r.add("T0", "30.0", "亿元", "total last year");
        r.add("gA", "4", "%", "growth of A");
        r.add("gB", "4", "%", "growth of B");
        r.add("gT", "6", "%", "growth of the total");
        r.sum("T", {"A", "B"});
        r.sum("T0", {"A0", "B0"});
        r.growth("gA", "A", "A0");
        r.growth("gB", "B", "B0");
        r.growth("gT", "T", "T0");
        const auto a = reckon::audit(r);
        for (const auto& f : a.findings) {
            INFO(f.message);
            CHECK(reckon::consistent(f.verdict));
        }
        CHECK(a.summary.inconsistent == 0);
        CHECK(a.joint.checked);
        CHECK_FALSE(a.joint.feasible);
        CHECK_FALSE(a.consistent());
        CHECK(a.joint.left_out.empty());
        CHECK(a.joint.localised);
        // Freeing one figure is not enough; the cheapest fixes free two.
        REQUIRE_FALSE(a.joint.suspects.empty());
        for (const auto& s : a.joint.suspects) {
            CHECK(s.figures.size() == 2);
            CHECK(s.weight == 4);
        }
    }

    TEST_CASE("shares that make 100 % tie their parts to the whole (McCormick coupling)") {
        // 60 % and 40 % of 100.0 make 100 %, so the parts must add up to the whole; 60.4 and 40.4
        // cannot (at least 100.7 > 100.05), though each share rounds and no sum is printed.
        report r{"coupled"};
        r.add("T", "100.0", "亿元", "total");
        r.add("A", "60.4", "亿元", "part A");
        r.add("B", "40.4", "亿元", "part B");
        r.add("SA", "60", "%", "share of A");
        r.add("SB", "40", "%", "share of B");
        r.share("SA", "A", "T");
        r.share("SB", "B", "T");
        r.shares_total({"SA", "SB"});
        const auto a = reckon::audit(r);
        for (const auto& f : a.findings) {
            INFO(f.message);
            CHECK(reckon::consistent(f.verdict));
        }
        CHECK_FALSE(a.joint.feasible);
        // The whole as the parts' sum (100.7 … 100.9), or a part as the share's rest of the whole.
        REQUIRE(a.joint.suspects.size() == 3);
        const auto* t = find_suspect(a.joint, "T");
        REQUIRE(t != nullptr);
        CHECK(t->consistent_displays.front().second ==
              std::vector<std::string>{"100.7", "100.8", "100.9"});
        CHECK(t->details.front().suggested == "100.7");
        const auto* pa = find_suspect(a.joint, "A");
        REQUIRE(pa != nullptr);
        CHECK(pa->consistent_displays.front().second ==
              std::vector<std::string>{"59.5", "59.6", "59.7"});

        // Printed as 60.0 and 40.0 they add up: feasible.
        r.find("A")->display = reckon::decimal::parse("60.0");
        r.find("B")->display = reckon::decimal::parse("40.0");
        CHECK(check_jointly(r).feasible);
    }

    TEST_CASE("a sign word turns a one-sided qualifier around: 下降 more than 201.86") {
        // A fall of more than 201.86 亿元 is a change below −201.86, as `figure::bounds` says:
        // 1000.00 = 1100.00 + change needs a change of −100, which that rules out.
        report r{"fall"};
        r.add("F1", "1000.00", "亿元", "this year");
        r.add("F2", "1100.00", "亿元", "last year");
        auto& g = r.add("F3", "201.86", "亿元", "change");
        g.negated = true; // 下降
        g.qualifier = reckon::qualifier::more_than;
        CHECK(g.bounds(reckon::convention::half_up).upper().value ==
              reckon::rational(-20186000000LL));
        r.sum("F1", {"F2", "F3"});
        const auto j = check_jointly(r);
        CHECK_FALSE(j.feasible);
        REQUIRE(j.conflicts.size() == 1U);
        CHECK(j.conflicts.front() == std::vector<std::string>{"F1", "F2", "F3"});

        // A fall of 300 fits it.
        r.find("F2")->display = reckon::decimal::parse("1300.00");
        CHECK(check_jointly(r).feasible);
    }

    TEST_CASE("a sign carried by a word: 下降 for 增长") {
        report r{"sign"};
        r.add("F1", "105.0", "亿元", "this year");
        r.add("F2", "100.0", "亿元", "last year");
        auto& g = r.add("F3", "5.0", "%", "growth");
        g.negated = true; // 下降 5.0 %
        r.growth("F3", "F1", "F2");
        const auto j = check_jointly(r);
        CHECK_FALSE(j.feasible);
        REQUIRE_FALSE(j.suspects.empty());
        const auto& s = j.suspects.front();
        CHECK(s.figures == std::vector<std::string>{"F3"}); // a typo explains it: first
        CHECK(s.details.front().typo == "5.0");
        CHECK(s.details.front().typo_kind == "sign flipped (下降 ↔ 增长)");
        CHECK(s.consistent_displays.front().second ==
              std::vector<std::string>{"4.9", "5.0", "5.1"});
        // Freeing this year's value also works (about 95 亿元), but no typo explains it.
        const auto* other = find_suspect(j, "F1");
        REQUIRE(other != nullptr);
        CHECK(other->consistent_displays.front().second ==
              std::vector<std::string>{"94.9", "95.0", "95.1"});
        CHECK(other->details.front().typo.empty());
    }

    TEST_CASE("a dropped and a doubled digit") {
        report r{"digits"};
        r.add("T", "148.2", "亿元", "total");
        r.add("A", "19.4", "亿元", "part A");
        r.add("B", "28.8", "亿元", "part B");
        r.add("C", "1000.0", "亿元", "part C"); // 100.0 with a doubled 0
        r.sum("T", {"A", "B", "C"});
        auto w = [](const reckon::figure& f, const report&) { return f.id == "C" ? 2U : 3U; };
        reckon::joint_options o;
        o.weight = w;
        auto j = check_jointly(r, o);
        REQUIRE_FALSE(j.suspects.empty());
        CHECK(j.suspects.front().figures == std::vector<std::string>{"C"});
        CHECK(j.suspects.front().details.front().typo == "100.0");
        CHECK(j.suspects.front().details.front().typo_kind == "a digit doubled");

        report d{"dropped"};
        d.add("T", "148.2", "亿元", "total");
        d.add("A", "19.4", "亿元", "part A");
        d.add("B", "28.8", "亿元", "part B");
        d.add("C", "10.0", "亿元", "part C"); // 100.0 with a 0 dropped
        d.sum("T", {"A", "B", "C"});
        o.weight = [](const reckon::figure& f, const report&) { return f.id == "C" ? 2U : 3U; };
        j = check_jointly(d, o);
        REQUIRE_FALSE(j.suspects.empty());
        CHECK(j.suspects.front().details.front().typo == "100.0");
        CHECK(j.suspects.front().details.front().typo_kind == "a digit dropped");
    }

    TEST_CASE("weights are overridable; 0 means never a suspect") {
        reckon::joint_options o;
        o.weight = [](const reckon::figure& f, const report&) { return f.id == "F5" ? 0U : 1U; };
        const auto j = check_jointly(xining({{"F8", "10"}}), o);
        CHECK_FALSE(j.feasible);
        // Weight 1 each now: F4 (84) and F8 (10), not F5.
        REQUIRE(j.suspects.size() == 2);
        CHECK(find_suspect(j, "F5") == nullptr);
        REQUIRE(find_suspect(j, "F8") != nullptr);
        CHECK(find_suspect(j, "F4")->details.front().suggested == "85");

        // The default weights.
        const report r = xining();
        CHECK(reckon::default_weight(*r.find("F2"), r) == 2); // rounded
        CHECK(reckon::default_weight(*r.find("F5"), r) == 3); // an exact count
        CHECK(reckon::default_weight(*r.find("F4"), r) == 4); // an exact count, printed twice

        // No localisation at all.
        o.localise = false;
        const auto quiet = check_jointly(xining({{"F8", "10"}}), o);
        CHECK_FALSE(quiet.feasible);
        CHECK(quiet.suspects.empty());
    }

    TEST_CASE("relations left out, with reasons") {
        report r{"left out"};
        r.add("P", "0.0", "亿元", "payroll");
        r.add("A", "0.0", "万人", "people");
        r.add("Y", "0", "元", "pay per person");
        r.add("X", "5.0", "亿元", "x");
        r.product("P", {"A", "Y"}); // both factors may be zero: no linear form
        reckon::relation cand;
        cand.kind = reckon::relation_kind::order;
        cand.figures = {"X", "P"};
        cand.candidate = "read from a loose phrase";
        r.add(cand);
        const auto j = check_jointly(r);
        CHECK(j.feasible);
        REQUIRE(j.left_out == std::vector<std::string>{"R1", "R2"});
        CHECK(j.left_out_reasons[0].reason ==
              "non-linear: a product of figures none of whose signs is known");
        CHECK(j.left_out_reasons[1].reason.find("candidate") != std::string::npos);
        CHECK(j.parts == 0);
    }

    TEST_CASE("a product with a factor of known sign is taken in") {
        report r{"product"};
        r.add("P", "3.6", "亿元", "payroll");
        r.add("A", "12.0", "万人", "people");
        r.add("Y", "3000", "元", "pay per person");
        r.product("P", {"A", "Y"});
        auto j = check_jointly(r);
        CHECK(j.feasible);
        CHECK(j.relaxed == std::vector<std::string>{"R1"});
        CHECK(j.left_out.empty());
        r.find("P")->display = reckon::decimal::parse("3.7"); // 3.65 亿元 > 12.05 万 × 3000.5
        j = check_jointly(r);
        CHECK_FALSE(j.feasible);
        REQUIRE(find_suspect(j, "P") != nullptr);
        CHECK(find_suspect(j, "P")->details.front().suggested == "3.6");
    }

    TEST_CASE("a strict order decided exactly, with its ties") {
        report r{"order"};
        r.add("A", "50", "亿元", "more than 50");
        r.find("A")->qualifier = reckon::qualifier::more_than;
        r.add("B", "49.9", "亿元", "sum of parts");
        r.add("C", "30.0", "亿元", "part");
        r.add("D", "20.0", "亿元", "part");
        r.sum("B", {"C", "D"});
        r.order("B", reckon::order_op::greater, "A"); // B > A > 50, but B ≤ 49.95
        const auto j = check_jointly(r);
        CHECK_FALSE(j.feasible);
        REQUIRE_FALSE(j.suspects.empty());

        // B = 50.0: B > A > 50 holds for B in (50, 50.05]: feasible, and not only at a tie.
        r.find("B")->display = reckon::decimal::parse("50.0");
        const auto k = check_jointly(r);
        CHECK(k.feasible);
        CHECK_FALSE(k.tie_only);
        // B = 49.95, at most 49.955: not more than 50.
        r.find("B")->display = reckon::decimal::parse("49.95");
        r.find("C")->display = reckon::decimal::parse("30.00");
        r.find("D")->display = reckon::decimal::parse("19.95");
        CHECK_FALSE(check_jointly(r).feasible);
    }

    // An index (上年 = 100), compound growth over two years, growth from the increment (previous
    // level not printed) and a contribution (贡献率), each printed as `printed` says.
    report newer_kinds(const std::map<std::string, std::string>& printed = {}) {
        report r{"newer kinds"};
        auto d = [&](const std::string& id, const char* value) {
            auto it = printed.find(id);
            return it == printed.end() ? std::string(value) : it->second;
        };
        auto add = [&](reckon::relation_kind k, std::vector<std::string> figs, unsigned years = 0) {
            reckon::relation rel;
            rel.kind = k;
            rel.figures.assign(figs.begin(), figs.end());
            rel.years = years;
            r.add(rel);
        };
        r.add("I", d("I", "105.0"), "", "index");
        r.add("C", "210.0", "亿元");
        r.add("P", "200.0", "亿元");
        add(reckon::relation_kind::index, {"I", "C", "P"});
        r.add("G", d("G", "10.0"), "%", "average growth");
        r.add("L", "121.0", "亿元");
        r.add("F", "100.0", "亿元");
        add(reckon::relation_kind::cagr, {"G", "L", "F"}, 2);
        r.add("R", d("R", "10"), "%", "growth");
        r.add("N", "110", "亿元");
        r.add("D", "10", "亿元", "increment");
        add(reckon::relation_kind::growth, {"R", "N", "", "D"});
        r.add("K", d("K", "40.0"), "%", "contribution");
        r.add("DC", "4.0", "亿元");
        r.add("DT", "10.0", "亿元");
        add(reckon::relation_kind::contribution, {"K", "DC", "DT"});
        return r;
    }

    TEST_CASE("index, compound growth, growth from an increment, contribution") {
        const auto j = check_jointly(newer_kinds());
        CHECK(j.feasible);
        CHECK(j.left_out.empty());
        CHECK(j.relaxed == std::vector<std::string>{"R1", "R2", "R3", "R4"});
        CHECK(j.parts == 4);

        // An index of 150.0 for 105.0: two digits swapped.
        auto k = check_jointly(newer_kinds({{"I", "150.0"}}));
        CHECK_FALSE(k.feasible);
        REQUIRE_FALSE(k.suspects.empty());
        CHECK(k.suspects.front().figures == std::vector<std::string>{"I"});
        CHECK(k.suspects.front().details.front().typo == "105.0");
        // Compound growth printed 12.0 %: (121.0 / 100.0)^(1/2) − 1 is 10 %, ±0.05 % or so.
        k = check_jointly(newer_kinds({{"G", "12.0"}}));
        REQUIRE(find_suspect(k, "G") != nullptr);
        CHECK(find_suspect(k, "G")->consistent_displays.front().second ==
              std::vector<std::string>{"9.9", "10.0", "10.1"});
        // Growth from the increment printed 12 %: 10 / (110 − 10) lies in [19/202, 7/66].
        k = check_jointly(newer_kinds({{"R", "12"}}));
        REQUIRE(find_suspect(k, "R") != nullptr);
        CHECK(find_suspect(k, "R")->details.front().range ==
              reckon::interval::closed(rational(19, 202), rational(7, 66)));
        // A contribution of 4.0 % for 40.0 %: a digit dropped.
        k = check_jointly(newer_kinds({{"K", "4.0"}}));
        REQUIRE_FALSE(k.suspects.empty());
        CHECK(k.suspects.front().figures == std::vector<std::string>{"K"});
        CHECK(k.suspects.front().details.front().typo == "40.0");
        CHECK(k.suspects.front().details.front().typo_kind == "a digit dropped");
    }

    TEST_CASE("a range open on one side lists the displays nearest the printed one") {
        report r{"one-sided"};
        r.add("X", "10.0", "亿元", "x");
        r.add("Y", "20.0", "亿元", "y");
        r.order("X", reckon::order_op::greater, "Y");
        reckon::joint_options o;
        o.max_displays = 4;
        const auto j = check_jointly(r, o);
        CHECK_FALSE(j.feasible);
        REQUIRE(j.suspects.size() == 2);
        const auto* x = find_suspect(j, "X");
        REQUIRE(x != nullptr);
        // X > Y ≥ 19.95: X in (19.95, +inf), shown from the first display that meets it.
        CHECK(x->details.front().range.lower().value == rational(1995000000));
        CHECK(x->details.front().range.lower().open);
        CHECK(x->details.front().range.upper().infinite);
        CHECK(x->consistent_displays.front().second ==
              std::vector<std::string>{"20.0", "20.1", "20.2", "20.3"});
        CHECK(x->details.front().suggested == "20.0");
        const auto* y = find_suspect(j, "Y");
        REQUIRE(y != nullptr);
        CHECK(y->consistent_displays.front().second ==
              std::vector<std::string>{"9.7", "9.8", "9.9", "10.0"});
        CHECK(y->details.front().suggested == "10.0");
        CHECK(y->details.front().steps == rational(199, 2)); // 20.0 down to 10.05: 99.5 steps
    }

    TEST_CASE("independent parts: each infeasible part has its own group") {
        report r{"two parts"};
        r.add("T1", "10.0", "亿元");
        r.add("A1", "4.0", "亿元");
        r.add("B1", "5.0", "亿元");
        r.add("T2", "20.0", "亿元");
        r.add("A2", "12.0", "亿元");
        r.add("B2", "9.0", "亿元");
        r.sum("T1", {"A1", "B1"});
        r.sum("T2", {"A2", "B2"});
        const auto j = check_jointly(r);
        CHECK_FALSE(j.feasible);
        CHECK(j.parts == 2);
        REQUIRE(j.conflicts.size() == 2);
        std::vector<std::size_t> groups;
        for (const auto& s : j.suspects) {
            groups.push_back(s.group);
        }
        CHECK(std::count(groups.begin(), groups.end(), 1U) == 3);
        CHECK(std::count(groups.begin(), groups.end(), 2U) == 3);
    }

    TEST_CASE("audit passes its findings and options to the joint check") {
        reckon::audit_options o;
        o.joint_settings.max_suspects = 1;
        const auto a = reckon::audit(xining({{"F8", "10"}}), o);
        CHECK(a.joint.checked);
        CHECK_FALSE(a.joint.feasible);
        CHECK(a.joint.suspects.size() == 1);
        CHECK_FALSE(a.consistent());
        o.joint = false;
        CHECK_FALSE(reckon::audit(xining(), o).joint.checked);
    }

    TEST_CASE("the joint result through the JSON contract") {
        using json = nlohmann::ordered_json;
        const report planted = xining({{"F9", "28.9"}});
        const json j = reckon::to_json(planted, reckon::audit(planted));
        const json& joint = j.at("joint");
        CHECK(joint.at("feasible") == false);
        CHECK(joint.at("checked") == true);
        REQUIRE(joint.at("suspects").size() == 1);
        const json& s = joint.at("suspects").at(0);
        CHECK(s.at("figures") == json{"F9"});
        CHECK(s.at("consistent_displays") == json{{"F9", {"28.7", "28.8"}}});
        CHECK(s.at("hint") == nullptr);
        CHECK(s.at("weight") == 2);
        CHECK(s.at("group") == 1);
        CHECK(s.at("at_tie") == false);
        // 28.7 … 28.834625 亿元, as in the planted test above.
        CHECK(s.at("details") == json::array({json{{"id", "F9"},
                                                   {"suggested", "28.8"},
                                                   {"typo", nullptr},
                                                   {"typo_kind", nullptr},
                                                   {"steps", "0.65375"},
                                                   {"range",
                                                    {{"lower", "2870000000"},
                                                     {"lower_open", false},
                                                     {"upper", "2883462500"},
                                                     {"upper_open", false}}}}}));
        CHECK(joint.at("left_out") == json{"R6"});
        CHECK(joint.at("tie_only") == false);
        REQUIRE(joint.at("left_out_reasons").size() == 1);
        CHECK(joint.at("left_out_reasons").at(0).at("id") == "R6");

        const report swapped = xining({{"F2", "184.2"}});
        const json k = reckon::to_json(swapped, reckon::audit(swapped));
        CHECK(k.at("joint").at("suspects").at(0).at("figures") == json{"F2"});
        CHECK(k.at("joint").at("suspects").at(0).at("consistent_displays") ==
              json{{"F2", {"148.1", "148.2", "148.3"}}});
        CHECK(k.at("joint").at("suspects").at(0).at("hint") ==
              "F2: 184.2 may be a typo for 148.2 (adjacent digits swapped)");

        const report clean = xining();
        const json c = reckon::to_json(clean, reckon::audit(clean));
        CHECK(c.at("joint").at("feasible") == true);
        CHECK(c.at("joint").at("suspects") == json::array());
    }

    // --- one relation alone: the joint check must agree with the relation's own verdict ---------

    TEST_CASE("one relation alone: joint verdict = the relation's verdict (randomised)") {
        const std::uint64_t seed = 20240611;
        MESSAGE("seed " << seed);
        lcg rng(seed);
        const convention conventions[] = {convention::unknown_tie, convention::half_up,
                                          convention::half_even, convention::truncated};
        auto tenths = [](std::int64_t v) { return reckon::decimal(v, -1).str(); };
        std::size_t consistent_count = 0;
        std::size_t ties = 0;
        for (int round = 0; round < 900; ++round) {
            report r{"random", conventions[rng.next(0, 3)]};
            const auto kind = rng.next(0, 8);
            auto jitter = [&]() { return rng.next(0, 2) == 0 ? rng.next(-2, 2) : 0; };
            if (kind == 0) { // sum
                const auto k = rng.next(2, 3);
                std::int64_t total = 0;
                std::vector<std::string> parts;
                for (std::int64_t i = 0; i < k; ++i) {
                    const auto v = rng.next(10, 999);
                    total += v;
                    parts.push_back("P" + std::to_string(i));
                    r.add(parts.back(), tenths(v), "亿元");
                }
                if (rng.next(0, 1) == 0) {
                    r.add("T", tenths(total + jitter()), "亿元");
                } else { // a coarser total
                    r.add("T", std::to_string((total + 5) / 10 + jitter()), "亿元");
                }
                r.sum("T", parts);
            } else if (kind == 1 || kind == 2) { // share or growth
                const auto a = rng.next(10, 999);
                const auto b = rng.next(10, 999) + (kind == 1 ? a : 0);
                const rational q = kind == 1 ? rational(a, b) : rational(a, b) - 1;
                r.add("N", tenths(a), "亿元");
                r.add("D", tenths(b), "亿元");
                const auto shown =
                    reckon::decimal::round(q * 1000, 0, reckon::rounding_mode::half_even);
                const auto k = shown.coefficient().to_big().convert_to<std::int64_t>() + jitter();
                r.add("Q", tenths(k), "%");
                if (kind == 1) {
                    r.share("Q", "N", "D");
                } else {
                    r.growth("Q", "N", "D");
                }
            } else if (kind == 3) { // difference
                const auto a = rng.next(10, 999);
                const auto b = rng.next(10, 999);
                r.add("A", tenths(a), "亿元");
                r.add("B", tenths(b), "亿元");
                r.add("D", tenths(a - b + jitter()), "亿元");
                r.difference("D", "A", "B");
            } else if (kind == 4) { // order
                const auto a = rng.next(100, 110);
                r.add("A", tenths(a), "亿元");
                r.add("B", tenths(a + rng.next(-2, 2)), "亿元");
                r.order("A", static_cast<reckon::order_op>(rng.next(0, 3)), "B");
            } else if (kind == 6) { // an index, 上年 = 100
                const auto a = rng.next(100, 999);
                const auto b = rng.next(100, 999);
                r.add("C", tenths(a), "亿元");
                r.add("P", tenths(b), "亿元");
                const auto shown = reckon::decimal::round(rational(a * 1000, b), 0,
                                                          reckon::rounding_mode::half_even);
                r.add("I", tenths(shown.coefficient().small() + jitter()), "");
                reckon::relation rel;
                rel.kind = reckon::relation_kind::index;
                rel.figures = {"I", "C", "P"};
                r.add(rel);
            } else if (kind == 7) { // compound growth over 2 … 4 years
                const auto a = rng.next(100, 999);
                const auto b = rng.next(100, 999);
                const auto years = static_cast<unsigned>(rng.next(2, 4));
                r.add("L", tenths(a), "亿元");
                r.add("F", tenths(b), "亿元");
                const auto shown = reckon::stats::cagr_percent(rational(b), rational(a), years, -1,
                                                               reckon::rounding_mode::half_even);
                r.add("G", tenths(shown.with_exponent(-1).coefficient().small() + jitter()), "%");
                reckon::relation rel;
                rel.kind = reckon::relation_kind::cagr;
                rel.figures = {"G", "L", "F"};
                rel.years = years;
                r.add(rel);
            } else if (kind == 8) { // growth from the increment, the previous level not printed
                const auto c = rng.next(500, 999);
                const auto inc = rng.next(10, 200);
                r.add("C", tenths(c), "亿元");
                r.add("D", tenths(inc), "亿元");
                const auto shown = reckon::decimal::round(rational(inc * 1000, c - inc), 0,
                                                          reckon::rounding_mode::half_even);
                r.add("R", tenths(shown.coefficient().small() + jitter()), "%");
                reckon::relation rel;
                rel.kind = reckon::relation_kind::growth;
                rel.figures = {"R", "C", "", "D"};
                r.add(rel);
            } else { // shares that make 100 %
                const auto a = rng.next(1, 998);
                const auto b = rng.next(1, 999 - a);
                r.add("S1", tenths(a), "%");
                r.add("S2", tenths(b), "%");
                r.add("S3", tenths(1000 - a - b + jitter()), "%");
                r.shares_total({"S1", "S2", "S3"});
            }
            const auto f = reckon::check(r, r.relations().front());
            const auto j = check_jointly(r);
            INFO("round " << round << ": " << f.message);
            CHECK(j.feasible == reckon::consistent(f.verdict));
            if (f.verdict == verdict::within_rounding) {
                CHECK(j.tie_only == f.tie_only);
            }
            if (f.verdict == verdict::exact) {
                CHECK_FALSE(j.tie_only);
            }
            consistent_count += reckon::consistent(f.verdict) ? 1U : 0U;
            ties += j.tie_only ? 1U : 0U;
        }
        MESSAGE(consistent_count << " of 900 consistent, " << ties << " only at a tie");
        CHECK(consistent_count > 250);
        CHECK(consistent_count < 850);
    }

    // --- localisation against brute force -------------------------------------------------------

    TEST_CASE("localisation finds every least-weight set (randomised, against brute force)") {
        const std::uint64_t seed = 77;
        MESSAGE("seed " << seed);
        lcg rng(seed);
        for (int round = 0; round < 60; ++round) {
            // A small table: a total, three parts, their shares; one or two displays disturbed.
            report r{"random"};
            std::int64_t parts[3];
            std::int64_t total = 0;
            for (auto& p : parts) {
                p = rng.next(50, 500);
                total += p;
            }
            auto tenths = [](std::int64_t v) { return reckon::decimal(v, -1).str(); };
            std::vector<std::string> printed;
            printed.push_back(tenths(total));
            for (auto p : parts) {
                printed.push_back(tenths(p));
            }
            for (auto p : parts) {
                const auto s = reckon::decimal::round(rational(p, total) * 1000, 0,
                                                      reckon::rounding_mode::half_even);
                printed.push_back(tenths(s.coefficient().to_big().convert_to<std::int64_t>()));
            }
            const auto disturbed = rng.next(1, 2);
            for (std::int64_t i = 0; i < disturbed; ++i) {
                auto& p = printed[static_cast<std::size_t>(rng.next(0, 6))];
                p = tenths(reckon::decimal::parse(p).coefficient().small() + rng.next(-6, 6));
            }
            const char* ids[] = {"T", "A", "B", "C", "SA", "SB", "SC"};
            for (std::size_t i = 0; i < 7; ++i) {
                r.add(ids[i], printed[i], i < 4 ? "亿元" : "%");
            }
            r.sum("T", {"A", "B", "C"});
            r.share("SA", "A", "T");
            r.share("SB", "B", "T");
            r.share("SC", "C", "T");
            r.shares_total({"SA", "SB", "SC"});
            reckon::joint_options o;
            o.max_suspects = 100;
            const auto j = check_jointly(r, o);
            if (j.feasible && !j.tie_only) {
                continue;
            }
            // Brute force: every set of up to three figures, through the same linear programs.
            std::vector<reckon::finding> findings;
            for (const auto& rel : r.relations()) {
                findings.push_back(reckon::check(r, rel));
            }
            const auto model = reckon::detail::build_joint_model(r, findings);
            REQUIRE(model.components.size() == 1);
            const auto& comp = model.components.front();
            const auto mode =
                j.feasible ? reckon::detail::joint_mode::open : reckon::detail::joint_mode::flags;
            unsigned best = 100;
            std::vector<std::vector<std::string>> best_sets;
            const std::size_t n = comp.vars.size();
            for (std::uint32_t mask = 1; mask < (1U << n); ++mask) {
                if (__builtin_popcount(mask) > 3) {
                    continue;
                }
                std::vector<char> freed(n, 0);
                std::vector<std::string> set;
                unsigned w = 0;
                for (std::size_t x = 0; x < n; ++x) {
                    if ((mask >> x) & 1U) {
                        freed[x] = 1;
                        set.push_back(r.figures()[comp.vars[x].figure].id);
                        w += reckon::default_weight(r.figures()[comp.vars[x].figure], r);
                    }
                }
                reckon::detail::joint_lp lp(comp, freed, mode);
                if (!lp.feasible() || w > best) {
                    continue;
                }
                if (w < best) {
                    best = w;
                    best_sets.clear();
                }
                best_sets.push_back(set);
            }
            std::vector<std::vector<std::string>> got;
            for (const auto& s : j.suspects) {
                got.push_back(s.figures);
                CHECK(s.weight == best);
            }
            std::sort(got.begin(), got.end());
            std::sort(best_sets.begin(), best_sets.end());
            INFO("round " << round);
            CHECK(got == best_sets);
        }
    }

    // --- the shortcuts of the joint check, against the simplex and the rational path -----------

    TEST_CASE("a part the witness point holds is one the simplex finds feasible (randomised)") {
        // Tables of parts, totals and shares, and of this year, last year and growth, some
        // displays disturbed: every part `witness_holds` decides without a simplex must be one
        // the simplex finds feasible (with every tie open); most feasible parts are.
        const std::uint64_t seed = 20261128;
        MESSAGE("seed " << seed);
        lcg rng(seed);
        const convention conventions[] = {convention::unknown_tie, convention::half_up,
                                          convention::half_even, convention::truncated};
        auto tenths = [](std::int64_t v) { return reckon::decimal(v, -1).str(); };
        auto shown = [](const rational& q) {
            return reckon::decimal::round(q * 1000, 0, reckon::rounding_mode::half_even)
                .coefficient()
                .to_big()
                .convert_to<std::int64_t>();
        };
        std::size_t witnessed = 0;
        std::size_t feasible = 0;
        std::size_t parts = 0;
        for (int round = 0; round < 400; ++round) {
            report r{"random", conventions[rng.next(0, 3)]};
            auto jitter = [&]() { return rng.next(0, 3) == 0 ? rng.next(-3, 3) : 0; };
            for (int table = 0; table < 3; ++table) {
                const std::string t = "T" + std::to_string(table);
                const auto k = rng.next(2, 4);
                std::vector<std::int64_t> v;
                std::int64_t total = 0;
                for (std::int64_t i = 0; i < k; ++i) {
                    v.push_back(rng.next(10, 9999));
                    total += v.back();
                }
                std::vector<std::string> ids;
                r.add(t, tenths(total + jitter()), "亿元");
                if (rng.next(0, 1) == 0) { // parts and their shares, which make 100 %
                    std::vector<std::string> shares;
                    for (std::int64_t i = 0; i < k; ++i) {
                        ids.push_back(t + "P" + std::to_string(i));
                        r.add(ids.back(), tenths(v[static_cast<std::size_t>(i)] + jitter()),
                              "亿元");
                        shares.push_back(t + "S" + std::to_string(i));
                        r.add(shares.back(),
                              tenths(shown(rational(v[static_cast<std::size_t>(i)], total)) +
                                     jitter()),
                              "%");
                        r.share(shares.back(), ids.back(), t);
                    }
                    r.shares_total(shares);
                } else { // this year, last year and the growth of each part
                    for (std::int64_t i = 0; i < k; ++i) {
                        const auto now = v[static_cast<std::size_t>(i)];
                        const auto before = now * rng.next(800, 1250) / 1000 + 1;
                        ids.push_back(t + "P" + std::to_string(i));
                        r.add(ids.back(), tenths(now + jitter()), "亿元");
                        const std::string b = t + "B" + std::to_string(i);
                        r.add(b, tenths(before), "亿元");
                        const std::string g = t + "G" + std::to_string(i);
                        r.add(g, tenths(shown(rational(now, before) - 1) + jitter()), "%");
                        r.growth(g, ids.back(), b);
                    }
                }
                r.sum(t, ids);
            }
            std::vector<reckon::finding> findings;
            for (const auto& rel : r.relations()) {
                findings.push_back(reckon::check(r, rel));
            }
            const auto model = reckon::detail::build_joint_model(r, findings);
            for (const auto& comp : model.components) {
                std::vector<reckon::detail::witness_var> w;
                for (const auto& v : comp.vars) {
                    w.push_back(reckon::detail::make_witness_var(r, v.figure));
                    // The scaled integers' values are the rational ones.
                    const auto ref = reckon::detail::make_witness_var(v);
                    CHECK(w.back().center == ref.center);
                    CHECK(w.back().lo == ref.lo);
                    CHECK(w.back().hi == ref.hi);
                    CHECK(w.back().lo_open == ref.lo_open);
                    CHECK(w.back().hi_open == ref.hi_open);
                }
                const bool shown_feasible = reckon::detail::witness_holds(comp, w);
                reckon::detail::joint_lp lp(comp, reckon::detail::joint_mode::open);
                const bool simplex_feasible = lp.feasible();
                INFO("round " << round);
                CHECK((!shown_feasible || simplex_feasible));
                ++parts;
                witnessed += shown_feasible ? 1U : 0U;
                feasible += simplex_feasible ? 1U : 0U;
            }
        }
        MESSAGE(parts << " parts: " << feasible << " feasible, " << witnessed
                      << " of them shown so without a simplex");
        CHECK(witnessed > feasible / 2);
        CHECK(feasible < parts);
    }

    TEST_CASE("a figure's variable from scaled integers is the rational one (randomised)") {
        const std::uint64_t seed = 20261129;
        MESSAGE("seed " << seed);
        lcg rng(seed);
        // 斤 and 亿斤: a factor (1/2 kg) that is not a power of ten.
        const char* units[] = {"", "%", "亿元", "万吨", "项", "‰", "斤", "亿斤"};
        const convention conventions[] = {convention::half_up,   convention::half_even,
                                          convention::half_down, convention::unknown_tie,
                                          convention::truncated, convention::exact};
        const reckon::qualifier qualifiers[] = {reckon::qualifier::none, reckon::qualifier::about,
                                                reckon::qualifier::more_than};
        for (int round = 0; round < 3000; ++round) {
            report r{"random", conventions[rng.next(0, 3)]};
            const auto c = rng.next(0, 3) == 0 ? rng.next(-10, 10) : rng.next(-999999, 999999);
            const auto e = static_cast<int>(rng.next(-5, 3));
            r.add("F1", reckon::decimal(c, e).str(), units[rng.next(0, 7)]);
            reckon::figure& f = *r.find("F1");
            if (rng.next(0, 2) == 0) {
                f.rounding = conventions[rng.next(0, 5)];
            }
            f.qualifier = qualifiers[rng.next(0, 2)];
            f.negated = rng.next(0, 6) == 0;
            const auto v = reckon::detail::make_joint_var(r, 0);
            INFO("round " << round << ": " << f.signed_display().str() << " " << f.unit->symbol);
            CHECK(v.center == f.value());
            CHECK(v.scale == f.resolution());
            // The reference: the joint check's own intervals (`figure_bounds`, on the signed
            // display), through display_interval and the unit's factor.
            const auto flags = reckon::detail::figure_bounds(f, r.rounding(), reckon::ties::closed);
            const auto open = reckon::detail::figure_bounds(f, r.rounding(), reckon::ties::open);
            CHECK(v.flags.str() == flags.str());
            CHECK(v.open.str() == open.str());
            // Given its interval, a variable is made through the rational path.
            const auto ref = reckon::detail::make_joint_var(r, 0, flags);
            CHECK(v.center == ref.center);
            CHECK(v.scale == ref.scale);
            CHECK(v.open.str() == ref.open.str());
            CHECK(v.center_n.to_rational() == v.center);
            CHECK(v.scale_n.to_rational() == v.scale);
            // Without its rationals (a part without ratio relations), the simplex's numbers are
            // the same.
            reckon::detail::joint_var light;
            if (reckon::detail::make_lp_joint_var(r, 0, light)) {
                CHECK(!light.exact);
                CHECK(light.center_n == v.center_n);
                CHECK(light.scale_n == v.scale_n);
                for (std::size_t k = 0; k < 2; ++k) {
                    for (const auto* ends : {&light.y_lo, &light.y_hi}) {
                        const auto& a = (*ends)[k];
                        const auto& b = (ends == &light.y_lo ? v.y_lo : v.y_hi)[k];
                        CHECK(a.infinite == b.infinite);
                        CHECK(a.open == b.open);
                        CHECK(a.value == b.value);
                    }
                }
            } else {
                CHECK(f.qualifier == reckon::qualifier::more_than);
            }
            // The witness's values from the scaled integers are the rational path's.
            const auto w = reckon::detail::make_witness_var(r, 0);
            const auto wref = reckon::detail::make_witness_var(ref);
            CHECK(w.center == wref.center);
            CHECK(w.empty == wref.empty);
            if (!w.empty) {
                CHECK(w.lo_infinite == wref.lo_infinite);
                CHECK(w.hi_infinite == wref.hi_infinite);
                if (!w.lo_infinite) {
                    CHECK(w.lo == wref.lo);
                    CHECK(w.lo_open == wref.lo_open);
                }
                if (!w.hi_infinite) {
                    CHECK(w.hi == wref.hi);
                    CHECK(w.hi_open == wref.hi_open);
                }
            }
        }
    }

    TEST_CASE("advise: the int128 path and the rational one agree (randomised)") {
        // The same figure and range in a unit 10^30 times larger: the range's ends and the step
        // no longer fit an int64, and the rationals decide; the displays are the same digits.
        const std::uint64_t seed = 20261130;
        MESSAGE("seed " << seed);
        lcg rng(seed);
        const char* units[] = {"", "%", "亿元", "万吨", "项"};
        const convention conventions[] = {convention::half_up,   convention::half_even,
                                          convention::half_down, convention::unknown_tie,
                                          convention::truncated, convention::exact};
        const reckon::qualifier qualifiers[] = {reckon::qualifier::none, reckon::qualifier::about,
                                                reckon::qualifier::more_than,
                                                reckon::qualifier::at_most};
        const rational big(reckon::detail::big_pow10(30));
        std::size_t typos = 0;
        std::size_t listed = 0;
        for (int round = 0; round < 4000; ++round) {
            report r{"random", conventions[rng.next(0, 3)]};
            const auto c = rng.next(0, 3) == 0 ? rng.next(-30, 30) : rng.next(-99999, 99999);
            const auto e = static_cast<int>(rng.next(-4, 2));
            r.add("F1", reckon::decimal(c, e).str(), units[rng.next(0, 4)]);
            reckon::figure f = *r.find("F1");
            if (rng.next(0, 2) == 0) {
                f.rounding = conventions[rng.next(0, 5)];
            }
            f.qualifier = qualifiers[rng.next(0, 3)];
            f.negated = rng.next(0, 6) == 0;
            // A range near the printed value, in eighths, sevenths or thirds of a step, or a
            // planted digit slip's value.
            const rational step = f.resolution();
            const rational at =
                rng.next(0, 3) == 0
                    ? reckon::decimal(rng.next(-99999, 99999), e).to_rational() * f.unit->factor
                    : f.value();
            const std::int64_t dens[] = {8, 7, 3, 1};
            const std::int64_t den = dens[rng.next(0, 3)];
            const auto a = rng.next(-40, 10);
            const auto w = rng.next(0, 300);
            reckon::bound lo{at + step * rational(a, den), false, rng.next(0, 1) == 0};
            reckon::bound hi{at + step * rational(a + w, den), false, rng.next(0, 1) == 0};
            if (rng.next(0, 9) == 0) {
                lo = reckon::bound{rational(0), true, true};
            }
            if (rng.next(0, 9) == 0) {
                hi = reckon::bound{rational(0), true, true};
            }
            const reckon::interval range(lo, hi);
            // Its convention fixed: a count of factor 1 is exact, of a factor 10^30 not.
            f.rounding = f.effective_rounding(r.rounding());
            reckon::unit u = *f.unit;
            u.symbol += " × 10^30";
            u.factor *= big;
            reckon::figure g = f;
            g.unit = u;
            auto scaled = [&big](const reckon::bound& b) {
                return b.infinite ? b : reckon::bound{b.value * big, false, b.open};
            };
            const reckon::interval range_g(scaled(range.lower()), scaled(range.upper()));
            const auto tie = rng.next(0, 1) == 0 ? reckon::ties::closed : reckon::ties::open;
            INFO("round " << round << ": " << f.signed_display().str() << " " << f.unit->symbol
                          << " in " << range.str());
            reckon::detail::step_ends se;
            CHECK(reckon::detail::small_step_ends(f, range, 20, se));
            CHECK_FALSE(reckon::detail::small_step_ends(g, range_g, 20, se));
            const auto x = reckon::detail::advise(f, range, r.rounding(), tie, 12, 20);
            const auto y = reckon::detail::advise(g, range_g, r.rounding(), tie, 12, 20);
            CHECK(x.displays == y.displays);
            CHECK(x.suggested == y.suggested);
            CHECK(x.typo == y.typo);
            CHECK(x.typo_kind == y.typo_kind);
            if (!x.typo.empty()) {
                ++typos;
            }
            if (!x.displays.empty()) {
                ++listed;
            }
        }
        MESSAGE(typos << " typos, " << listed << " ranges with displays");
        CHECK(typos > 100);
        CHECK(listed > 1000);
    }

    // --- the simplex, against Fourier–Motzkin elimination ----------------------------------------

    namespace {

    struct fm_row {
        std::vector<rational> a; // a·x < b (strict) or ≤ b
        rational b;
        bool strict = false;
    };

    // Eliminates every variable but `keep`; returns the constraints left on x_keep (and constants).
    std::vector<fm_row> fm_eliminate(std::vector<fm_row> rows, std::size_t vars, std::size_t keep) {
        for (std::size_t v = 0; v < vars; ++v) {
            if (v == keep) {
                continue;
            }
            std::vector<fm_row> pos;
            std::vector<fm_row> neg;
            std::vector<fm_row> rest;
            for (auto& r : rows) {
                (r.a[v] > 0 ? pos : r.a[v] < 0 ? neg : rest).push_back(r);
            }
            for (const auto& p : pos) {
                for (const auto& q : neg) {
                    fm_row c;
                    const rational kp = -q.a[v];
                    const rational kq = p.a[v];
                    c.a.resize(vars);
                    for (std::size_t i = 0; i < vars; ++i) {
                        c.a[i] = kp * p.a[i] + kq * q.a[i];
                    }
                    c.b = kp * p.b + kq * q.b;
                    c.strict = p.strict || q.strict;
                    rest.push_back(std::move(c));
                }
            }
            rows = std::move(rest);
        }
        return rows;
    }

    } // namespace

    TEST_CASE("advise: a run of displays beyond int64 is the same run shifted (randomised)") {
        // The same figure and range moved up by 10^20 steps: the displays' coefficients no
        // longer fit the int64 run, and the big_int one lists the same displays, shifted.
        const std::uint64_t seed = 20261201;
        MESSAGE("seed " << seed);
        lcg rng(seed);
        const char* units[] = {"", "%", "亿元", "斤"};
        const convention conventions[] = {convention::half_up,   convention::half_even,
                                          convention::half_down, convention::unknown_tie,
                                          convention::truncated, convention::exact};
        const reckon::big_int shift = reckon::detail::big_pow10(20);
        std::size_t listed = 0;
        for (int round = 0; round < 3000; ++round) {
            report r{"random", conventions[rng.next(0, 3)]};
            const auto c = rng.next(1000, 99999);
            const auto e = static_cast<int>(rng.next(-4, 0)); // the displays parse back at e
            const char* unit = units[rng.next(0, 3)];
            r.add("F1", reckon::decimal(c, e).str(), unit);
            r.add("F2", reckon::decimal(reckon::big_int(c) + shift, e).str(), unit);
            reckon::figure f = *r.find("F1");
            reckon::figure g = *r.find("F2");
            const auto rounding = conventions[rng.next(0, 5)];
            f.rounding = rounding;
            g.rounding = rounding;
            if (rng.next(0, 3) == 0) {
                f.qualifier = reckon::qualifier::about;
                g.qualifier = reckon::qualifier::about;
            }
            const rational step = f.resolution();
            const rational moved = rational(shift) * step;
            const std::int64_t dens[] = {8, 7, 3, 1};
            const std::int64_t den = dens[rng.next(0, 3)];
            const auto a = rng.next(-40, 10);
            const auto w = rng.next(0, 300);
            reckon::bound lo{f.value() + step * rational(a, den), false, rng.next(0, 1) == 0};
            reckon::bound hi{f.value() + step * rational(a + w, den), false, rng.next(0, 1) == 0};
            if (rng.next(0, 9) == 0) {
                lo = reckon::bound{rational(0), true, true};
            }
            if (rng.next(0, 9) == 0) {
                hi = reckon::bound{rational(0), true, true};
            }
            auto up = [&moved](const reckon::bound& b) {
                return b.infinite ? b : reckon::bound{b.value + moved, false, b.open};
            };
            const reckon::interval range(lo, hi);
            const reckon::interval range_g(up(lo), up(hi));
            const auto tie = rng.next(0, 1) == 0 ? reckon::ties::closed : reckon::ties::open;
            INFO("round " << round << ": " << f.signed_display().str() << " " << f.unit->symbol
                          << " in " << range.str());
            const auto x = reckon::detail::advise(f, range, r.rounding(), tie, 12, 0);
            const auto y = reckon::detail::advise(g, range_g, r.rounding(), tie, 12, 0);
            std::vector<std::string> shifted;
            for (const auto& d : x.displays) {
                const auto v = reckon::decimal::parse(d);
                shifted.push_back(
                    reckon::decimal(v.coefficient().to_big() + shift, v.exponent()).str());
            }
            CHECK(shifted == y.displays);
            listed += x.displays.empty() ? 0U : 1U;
        }
        MESSAGE(listed << " ranges with displays");
        CHECK(listed > 1000);
    }

    TEST_CASE("the exact simplex agrees with Fourier–Motzkin (randomised)") {
        const std::uint64_t seed = 4242;
        MESSAGE("seed " << seed);
        lcg rng(seed);
        std::size_t feasible = 0;
        for (int round = 0; round < 400; ++round) {
            const std::size_t vars = 3;
            simplex lp(vars);
            std::vector<fm_row> rows;
            auto bound_row = [&](const std::vector<rational>& a, const rational& b, bool strict) {
                rows.push_back({a, b, strict});
            };
            // Bounds on the variables.
            for (std::size_t v = 0; v < vars; ++v) {
                std::vector<rational> e(vars);
                e[v] = 1;
                if (rng.next(0, 3) != 0) {
                    const auto lo = rng.next(-5, 5);
                    const bool strict = rng.next(0, 3) == 0;
                    lp.set_lower(v, {lp_num(lo), lp_num(strict ? 1 : 0)});
                    std::vector<rational> m(vars);
                    m[v] = -1;
                    bound_row(m, rational(-lo), strict);
                }
                if (rng.next(0, 3) != 0) {
                    const auto hi = rng.next(-5, 5);
                    const bool strict = rng.next(0, 3) == 0;
                    lp.set_upper(v, {lp_num(hi), lp_num(strict ? -1 : 0)});
                    bound_row(e, rational(hi), strict);
                }
            }
            // Rows with bounds.
            const auto m = rng.next(1, 4);
            for (std::int64_t i = 0; i < m; ++i) {
                std::vector<std::pair<std::size_t, lp_num>> terms;
                std::vector<rational> a(vars);
                for (std::size_t v = 0; v < vars; ++v) {
                    const auto c = rng.next(-3, 3);
                    a[v] = rational(c, rng.next(1, 2));
                    terms.emplace_back(v, lp_num(a[v]));
                }
                const std::size_t s = lp.add_row(terms);
                std::vector<rational> neg(vars);
                for (std::size_t v = 0; v < vars; ++v) {
                    neg[v] = -a[v];
                }
                if (rng.next(0, 2) != 0) {
                    const auto lo = rng.next(-6, 6);
                    const bool strict = rng.next(0, 3) == 0;
                    lp.set_lower(s, {lp_num(lo), lp_num(strict ? 1 : 0)});
                    bound_row(neg, rational(-lo), strict);
                }
                if (rng.next(0, 2) != 0) {
                    const auto hi = rng.next(-6, 6);
                    const bool strict = rng.next(0, 3) == 0;
                    lp.set_upper(s, {lp_num(hi), lp_num(strict ? -1 : 0)});
                    bound_row(a, rational(hi), strict);
                }
            }
            // Feasibility: Fourier–Motzkin down to constants.
            const auto left = fm_eliminate(rows, vars, vars);
            bool fm_feasible = true;
            for (const auto& r : left) {
                fm_feasible = fm_feasible && (r.strict ? rational(0) < r.b : rational(0) <= r.b);
            }
            INFO("round " << round);
            const bool ok = lp.check();
            REQUIRE(ok == fm_feasible);
            if (!ok) {
                continue;
            }
            ++feasible;
            // The range of x0.
            const auto on_x0 = fm_eliminate(rows, vars, 0);
            std::optional<std::pair<rational, bool>> lo; // value, open
            std::optional<std::pair<rational, bool>> hi;
            for (const auto& r : on_x0) {
                if (r.a[0] == 0) {
                    continue;
                }
                const rational v = r.b / r.a[0];
                if (r.a[0] > 0) {
                    if (!hi || v < hi->first || (v == hi->first && r.strict)) {
                        hi = std::make_pair(v, r.strict);
                    }
                } else if (!lo || v > lo->first || (v == lo->first && r.strict)) {
                    lo = std::make_pair(v, r.strict);
                }
            }
            const auto got_hi = lp.optimize(0, true);
            const auto got_lo = lp.optimize(0, false);
            REQUIRE(got_hi.has_value() == hi.has_value());
            REQUIRE(got_lo.has_value() == lo.has_value());
            if (hi) {
                CHECK(got_hi->a.to_rational() == hi->first);
                CHECK(!got_hi->b.is_zero() == hi->second);
            }
            if (lo) {
                CHECK(got_lo->a.to_rational() == lo->first);
                CHECK(!got_lo->b.is_zero() == lo->second);
            }
            CHECK(lp.check()); // still feasible after optimising
        }
        MESSAGE(feasible << " of 400 feasible");
        CHECK(feasible > 40);
    }

    TEST_CASE("lp_num: the int64 fast path and the fallback agree") {
        const lp_num big(std::int64_t{1} << 62);
        const lp_num third(1, 3);
        const lp_num sum = big + big + third; // beyond int64: exact through cpp_rational
        CHECK_FALSE(sum.is_small());
        CHECK(sum.to_rational() == rational(reckon::big_int(1) << 63) + rational(1, 3));
        const lp_num back = sum - big - big; // and back to the fast path
        CHECK(back.is_small());
        CHECK(back == third);
        CHECK(lp_num(-7, 14) * lp_num(2) == lp_num(-1));
        CHECK(lp_num(2, 3) < lp_num(3, 4));
        CHECK((lp_num(1, 2) / lp_num(-1, 4)) == lp_num(-2));
    }

    TEST_CASE("lp_num: sums and products are the rationals' (randomised)") {
        // Whole numbers, fractions of coprime and of shared denominators, near the int64 limit
        // too: every result is the exact one, and small when its reduced parts are.
        const std::uint64_t seed = 20261130;
        MESSAGE("seed " << seed);
        lcg rng(seed);
        const std::int64_t dens[] = {1, 1, 2, 3, 10, 20, 200, 2000, 7, 49, 1000003};
        auto make = [&]() {
            const std::int64_t d = dens[rng.next(0, 10)];
            const std::int64_t n = rng.next(0, 9) == 0
                                       ? rng.next(-(std::int64_t{1} << 62), std::int64_t{1} << 62)
                                       : rng.next(-100000, 100000);
            return std::make_pair(lp_num::fraction(n, d), rational(n, d));
        };
        auto fits = [](const rational& q) {
            const auto lim = reckon::big_int(std::numeric_limits<std::int64_t>::max());
            return abs(numerator(q)) <= lim && denominator(q) <= lim;
        };
        for (int round = 0; round < 20000; ++round) {
            const auto a = make();
            const auto b = make();
            INFO("round " << round << ": " << a.second.str() << ", " << b.second.str());
            const lp_num sum = a.first + b.first;
            const lp_num product = a.first * b.first;
            CHECK(sum.to_rational() == a.second + b.second);
            CHECK(product.to_rational() == a.second * b.second);
            CHECK((a.first - b.first).to_rational() == a.second - b.second);
            CHECK(sum.is_small() == fits(a.second + b.second));
            CHECK(product.is_small() == fits(a.second * b.second));
            CHECK(compare(a.first, b.first) ==
                  (a.second < b.second ? -1 : (b.second < a.second ? 1 : 0)));
        }
    }

} // TEST_SUITE
