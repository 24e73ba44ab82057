// SPDX-License-Identifier: MIT
// reckon::audit over a whole report: DESIGN.md's worked example (Xining), verdict counts,
// consistent(), finding order and ids, keys, and the report model around it.
#include <reckon/audit.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {

using reckon::audit;
using reckon::rational;
using reckon::report;
using reckon::verdict;

// DESIGN.md's worked example: the figures of the Xining news item and their relations.
report xining() {
    report r{"xining-investment.txt"};
    r.add("F1", "84", "项", "projects");
    r.add("F4", "75", "项", "continued projects");
    r.add("F7", "9", "项", "new projects");
    r.add("F2", "148.2", "亿元", "funds");
    r.add("F5", "119.4", "亿元", "continued funds");
    r.add("F8", "28.8", "亿元", "new funds");
    r.add("F6", "80.6", "%", "share of continued");
    r.add("F9", "19.4", "%", "share of new");
    r.add("F3", "105.8", "%", "percent of the year's target");
    r.sum("F1", {"F4", "F7"}, "projects = continued + new");
    r.sum("F2", {"F5", "F8"}, "funds = continued + new");
    r.share("F6", "F5", "F2", "share of continued");
    r.share("F9", "F8", "F2", "share of new");
    r.shares_total({"F6", "F9"}, {}, "shares add up");
    r.percent_of_target("F3", "F2", {}, "percent of target");
    return r;
}

} // namespace

TEST_CASE("audit: the Xining worked example") {
    const auto result = audit(xining());
    CHECK(result.source == "xining-investment.txt");
    REQUIRE(result.findings.size() == 6);
    const auto& f = result.findings;

    CHECK(f[0].id == "R1");
    CHECK(f[0].expression == "F1 = F4 + F7");
    CHECK(f[0].verdict == verdict::exact);
    CHECK(f[0].message == "84 项 = 75 项 + 9 项");

    CHECK(f[1].id == "R2");
    CHECK(f[1].expression == "F2 = F5 + F8");
    CHECK(f[1].verdict == verdict::exact);
    CHECK(f[1].computed == rational(14820000000LL)); // 148.2 亿元 in yuan
    CHECK(f[1].tolerance == 0);
    CHECK(f[1].miss == 0);
    CHECK(f[1].unit_symbol == "亿元");
    CHECK(f[1].unit_factor == rational(100000000));
    CHECK(f[1].label == "funds = continued + new");
    CHECK(f[1].figures == std::vector<std::string>{"F2", "F5", "F8"});

    // 119.4 / 148.2 = 199/247 = 80.5668… % → 80.6 %.
    CHECK(f[2].expression == "F6 = F5 / F2");
    CHECK(f[2].verdict == verdict::rounds);
    CHECK(f[2].computed == rational(199, 247));
    CHECK(f[2].tolerance == rational(1, 2000));
    CHECK(f[2].message ==
          "80.6 % = 119.4 亿元 / 148.2 亿元: computed 80.566801… % rounds to 80.6 %");
    // 28.8 / 148.2 = 48/247 = 19.4332… % → 19.4 %.
    CHECK(f[3].verdict == verdict::rounds);
    CHECK(f[3].computed == rational(48, 247));

    CHECK(f[4].expression == "F6 + F9 = 100 %");
    CHECK(f[4].verdict == verdict::exact);
    CHECK(f[4].computed == rational(1));
    CHECK(f[4].unit_symbol == "%");

    // The target is not stated: 148.2 / 105.8 % lies in 139.96 … 140.19 亿元.
    CHECK(f[5].expression == "F3 = F2 / ?");
    CHECK(f[5].verdict == verdict::cannot_check);
    CHECK(f[5].reason == "a figure is not given; the others imply it lies in 139.96 … 140.19 亿元");
    REQUIRE(f[5].implied.has_value());
    CHECK(f[5].implied->lower().value == rational(29630000000000LL, 2117)); // 148.15 亿 / 1.0585
    CHECK(f[5].implied->upper().value == rational(5930000000000LL, 423));   // 148.25 亿 / 1.0575

    CHECK(result.summary.figures == 9);
    CHECK(result.summary.relations == 6);
    CHECK(result.summary.exact == 3);
    CHECK(result.summary.rounds == 2);
    CHECK(result.summary.within_rounding == 0);
    CHECK(result.summary.inconsistent == 0);
    CHECK(result.summary.cannot_check == 1);
    CHECK(result.consistent());
}

TEST_CASE("audit: an inconsistent report, counted and not consistent") {
    report r = xining();
    // A misprint: 38.9 for 28.8 makes 119.4 + 38.9 = 158.3 against 148.2.
    r.find("F8")->display = reckon::decimal::parse("38.9");
    const auto result = audit(r);
    CHECK(result.findings[1].verdict == verdict::inconsistent);
    // allowed [119.35 + 38.85, 119.45 + 38.95] = [158.2, 158.4] 亿; the total 148.25 at most:
    // miss 9.95 亿 = 99.5 steps of 0.1 亿.
    CHECK(result.findings[1].miss == rational(995000000));
    CHECK(result.findings[1].miss_steps == rational(199, 2));
    CHECK(result.summary.inconsistent >= 1);
    CHECK(result.summary.exact + result.summary.rounds + result.summary.within_rounding +
              result.summary.inconsistent + result.summary.cannot_check ==
          result.summary.relations);
    CHECK_FALSE(result.consistent());
}

TEST_CASE("audit: check() of one relation agrees with audit()") {
    const report r = xining();
    const auto all = audit(r);
    for (std::size_t i = 0; i < r.relations().size(); ++i) {
        const auto one = reckon::check(r, r.relations()[i]);
        CHECK(one.id == all.findings[i].id);
        CHECK(one.verdict == all.findings[i].verdict);
        CHECK(one.computed == all.findings[i].computed);
        CHECK(one.key == all.findings[i].key);
        CHECK(one.message == all.findings[i].message);
    }
}

TEST_CASE("audit: the joint check can be left out") {
    reckon::audit_options options;
    options.joint = false;
    const auto result = audit(xining(), options);
    CHECK_FALSE(result.joint.checked);
    CHECK(result.consistent());
    CHECK(result.summary.relations == 6);
}

TEST_CASE("audit: an empty report") {
    const auto result = audit(report{"empty"});
    CHECK(result.findings.empty());
    CHECK(result.summary.figures == 0);
    CHECK(result.summary.relations == 0);
    CHECK(result.consistent());
}

TEST_CASE("audit: keys survive unrelated changes and follow the figures") {
    const report a = xining();
    report b{"moved.txt"};
    b.add("X1", "2016", "", "a year, unrelated");
    for (const auto& fig : a.figures()) {
        b.add(fig);
    }
    b.sum("F2", {"F5", "F8"}, "another label");
    const auto ka = audit(a).findings[1].key;
    const auto kb = audit(b).findings[0].key; // a different id (R1) and position
    CHECK(ka.size() == 16);
    CHECK(ka == kb);
    // A changed display changes the key.
    b.find("F8")->display = reckon::decimal::parse("28.9");
    CHECK(audit(b).findings[0].key != ka);
    // So does a different kind of relation over the same figures.
    report c = xining();
    c.difference("F8", "F2", "F5");
    CHECK(audit(c).findings.back().key != ka);
}

TEST_CASE("report: ids, duplicates and unknown figures") {
    report r{"ids"};
    CHECK(r.add("", "1", "项").id == "F1");
    CHECK(r.add("", "2", "项").id == "F2");
    CHECK_THROWS_AS(r.add("F1", "3", "项"), reckon::kind_error);
    CHECK_THROWS_AS(r.add("F9", "3", "parsecs"), reckon::input_error);
    CHECK_THROWS_AS(r.add("F9", "3..0", "项"), reckon::input_error);
    // Regression: an automatic id skips ids the caller chose ("F4" after three figures used to
    // throw a duplicate-id error).
    report s{"ids"};
    s.add("F4", "1", "项");
    s.add("F2", "1", "项");
    s.add("F3", "1", "项");
    CHECK(s.add("", "1", "项").id == "F5");
    CHECK(s.add("", "1", "项").id == "F6");
    CHECK(s.sum("F4", {"F2", "F3"}).id == "R1");
    reckon::relation named;
    named.id = "R3";
    named.figures = {"F4", "F2", "F3"};
    s.add(named);
    // The next id counts on from the number of relations and skips the caller's "R3".
    CHECK(s.sum("F4", {"F2", "F3"}).id == "R4");
    CHECK(s.sum("F4", {"F2", "F3"}).id == "R5");
    CHECK_THROWS_AS(s.add(named), reckon::kind_error);
    CHECK_THROWS_AS(s.sum("F4", {"F2", "nope"}), reckon::kind_error);
    CHECK(s.relations().size() == 4);
}

TEST_CASE("checker: misuse is a programming error, not a finding") {
    const std::vector<reckon::figure> figs = {reckon::figure::parse("A", "1", "项"),
                                              reckon::figure::parse("B", "1", "项")};
    const reckon::checker c(figs, reckon::convention::unknown_tie);
    reckon::relation unknown;
    unknown.id = "R1";
    unknown.figures = {"A", "Z"};
    CHECK_THROWS_AS((void)c.check(unknown), reckon::kind_error);
    reckon::relation short_share;
    short_share.id = "R2";
    short_share.kind = reckon::relation_kind::share;
    short_share.figures = {"A", "B"};
    CHECK_THROWS_AS((void)c.check(short_share), reckon::kind_error);
}
