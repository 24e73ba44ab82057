// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// The text and Markdown renderings of an audit, in English and Chinese.

#include <reckon/output.hpp>

#include <reckon/audit.hpp>
#include <reckon/report.hpp>

#include "support/xining.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = text.find('\n', i);
        if (j == std::string::npos) {
            j = text.size();
        }
        out.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Each relation on its own: the joint check has its own tests, and the rendering of its
// results is tested here with results made by hand.
reckon::audit_result audit_alone(const reckon::report& r) {
    reckon::audit_options o;
    o.joint = false;
    return reckon::audit(r, o);
}

} // namespace

TEST_SUITE("output") {

    TEST_CASE("render_text: the Xining report in English, problems first") {
        const reckon::report r = reckon_test::xining_report();
        const std::string text = reckon::render_text(r, audit_alone(r));
        CHECK(
            text ==
            "reckon: xining-investment.txt — 9 figures, 6 relations\n"
            "R6 CANNOT CHECK  105.8 % = 148.2 亿元 / ?: a figure is not given; the others imply "
            "it lies in 139.96 … 140.19 亿元\n"
            "    F3 完成年度目标; F2 省外到位资金\n"
            "R3 ROUNDS  80.6 % = 119.4 亿元 / 148.2 亿元: computed 80.566801… %, rounds to 80.6 %\n"
            "    F7 续建项目资金占比; F6 续建项目到位资金; F2 省外到位资金\n"
            "R4 ROUNDS  19.4 % = 28.8 亿元 / 148.2 亿元: computed 19.433198… %, rounds to 19.4 %\n"
            "    F10 新建项目资金占比; F9 新建项目到位资金; F2 省外到位资金\n"
            "R1 EXACT  84 项 = 75 项 + 9 项\n"
            "    F1 招商引资项目; F5 续建项目; F8 新建项目\n"
            "R2 EXACT  148.2 亿元 = 119.4 亿元 + 28.8 亿元\n"
            "    F2 省外到位资金; F6 续建项目到位资金; F9 新建项目到位资金\n"
            "R5 EXACT  80.6 % + 19.4 % = 100 %\n"
            "    F7 续建项目资金占比; F10 新建项目资金占比\n"
            "whole report: not checked jointly\n"
            "skipped 0 numbers that are not figures\n"
            "summary: 9 figures, 6 relations: 3 exact, 2 rounds, 0 within rounding, 0 "
            "inconsistent, 1 cannot check — no inconsistency found\n");
    }

    TEST_CASE("render_text: a wrong figure (28.9 for 28.8 亿元) comes first, with its miss") {
        const reckon::report r = reckon_test::xining_report("28.9");
        const reckon::audit_result a = audit_alone(r);
        const auto lines = lines_of(reckon::render_text(r, a));
        REQUIRE(lines.size() == 16);
        CHECK(lines[1] ==
              "R4 INCONSISTENT  19.4 % = 28.9 亿元 / 148.2 亿元: computed 19.500674… %, "
              "off by 0.01037… % beyond rounding (0.1037… steps of 0.1 %)");
        CHECK(lines[2] == "    F10 新建项目资金占比; F9 新建项目到位资金; F2 省外到位资金");
        CHECK(lines[3].rfind("R6 CANNOT CHECK", 0) == 0);
        // The sum still holds within the rounding: each part may be off by 0.05 亿元.
        CHECK(lines[5] == "R2 WITHIN ROUNDING  148.2 亿元 = 119.4 亿元 + 28.9 亿元: computed 148.3 "
                          "亿元, within the rounding of the figures (tolerance ±0.15 亿元)");
        CHECK(lines.back() == "summary: 9 figures, 6 relations: 2 exact, 1 rounds, 1 within "
                              "rounding, 1 inconsistent, 1 cannot check — INCONSISTENT");
    }

    TEST_CASE("render_text: only_problems keeps the inconsistent and cannot-check findings") {
        const reckon::report r = reckon_test::xining_report("28.9");
        reckon::output_options o;
        o.only_problems = true;
        const auto lines = lines_of(reckon::render_text(r, audit_alone(r), o));
        REQUIRE(lines.size() == 8);
        CHECK(lines[1].rfind("R4 INCONSISTENT", 0) == 0);
        CHECK(lines[3].rfind("R6 CANNOT CHECK", 0) == 0);
        CHECK(lines[5] == "whole report: not checked jointly");
    }

    TEST_CASE("render_text: Chinese builds each line from the finding's fields") {
        const reckon::report r = reckon_test::xining_report("28.9");
        reckon::output_options o;
        o.lang = reckon::language::zh;
        const std::string text = reckon::render_text(r, audit_alone(r), o);
        const auto lines = lines_of(text);
        REQUIRE(lines.size() == 16);
        CHECK(lines[0] == "reckon 核对 xining-investment.txt：9 个数字，6 个关系");
        CHECK(lines[1] == "R4 不一致  19.4 % = 28.9 亿元 / 148.2 亿元：计算值 19.500674… %，"
                          "超出舍入范围，相差 0.01037… %（0.1037… 个末位单位，末位单位为 0.1 %）");
        CHECK(lines[2] == "    F10 新建项目资金占比；F9 新建项目到位资金；F2 省外到位资金");
        CHECK(lines[3] == "R6 无法核对  105.8 % = 148.2 亿元 / ?：未给出一个数字；"
                          "其余数字表明它在 139.96 … 140.19 亿元 之间");
        CHECK(lines[5] ==
              "R2 在舍入误差内  148.2 亿元 = 119.4 亿元 + 28.9 亿元：计算值 148.3 亿元，"
              "在舍入误差内（容差 ±0.15 亿元）");
        CHECK(lines[7] ==
              "R3 四舍五入后一致  80.6 % = 119.4 亿元 / 148.2 亿元：计算值 80.566801… %，"
              "四舍五入为 80.6 %");
        CHECK(lines[9] == "R1 一致  84 项 = 75 项 + 9 项");
        CHECK(lines[13] == "整体：未做整体核对");
        CHECK(lines[14] == "跳过 0 个非统计数字");
        CHECK(lines[15] == "小结：9 个数字，6 个关系：一致 2，四舍五入后一致 1，在舍入误差内 1，"
                           "不一致 1，无法核对 1 —— 存在不一致");
        // None of the English messages leaks into the Chinese rendering.
        CHECK_FALSE(contains(text, "computed"));
        CHECK_FALSE(contains(text, "off by"));
        CHECK_FALSE(contains(text, "not given"));
    }

    TEST_CASE("render_text: colour only when asked") {
        const reckon::report r = reckon_test::xining_report("28.9");
        const reckon::audit_result a = audit_alone(r);
        CHECK_FALSE(contains(reckon::render_text(r, a), "\x1b["));
        reckon::output_options o;
        o.color = true;
        const std::string coloured = reckon::render_text(r, a, o);
        CHECK(contains(coloured, "R4 \x1b[1;31mINCONSISTENT\x1b[0m  19.4 %"));
        CHECK(contains(coloured, "R6 \x1b[33mCANNOT CHECK\x1b[0m  "));
        CHECK(contains(coloured, "R1 \x1b[32mEXACT\x1b[0m  "));
        CHECK(contains(coloured, "— \x1b[1;31mINCONSISTENT\x1b[0m\n"));
    }

    TEST_CASE("render_text: the same audit gives the same bytes") {
        const reckon::report r = reckon_test::xining_report("28.9");
        CHECK(reckon::render_text(r, audit_alone(r)) == reckon::render_text(r, audit_alone(r)));
    }

    TEST_CASE("render_text: qualifiers, places, skipped numbers, an order") {
        reckon::report r{"orders"};
        reckon::figure big = reckon::figure::parse("F1", "40", "亿元", "投资额");
        big.qualifier = reckon::qualifier::more_than;
        big.place = reckon::source_span{120, 8};
        r.add(big);
        r.add("F2", "50", "亿元", "门槛");
        r.order("F2", reckon::order_op::greater, "F1", "threshold above");
        r.order("F1", reckon::order_op::greater, "F2");
        r.add_skipped({"第十八", {10, 9}, "ordinal"});
        const reckon::audit_result a = audit_alone(r);
        const auto lines = lines_of(reckon::render_text(r, a));
        // "more than 40" can exceed 50: within rounding; 50 > more than 40 can hold as well.
        CHECK(lines[1] == "R1 WITHIN ROUNDING  50 亿元 > more than 40 亿元: within the rounding of "
                          "the figures");
        CHECK(lines[2] == "    threshold above: F2 门槛; F1 投资额 at byte 120");
        CHECK(lines[3] == "R2 WITHIN ROUNDING  more than 40 亿元 > 50 亿元: within the rounding of "
                          "the figures");
        CHECK(lines[6] == "skipped 1 number that is not a figure: 第十八 (ordinal)");

        reckon::output_options zh;
        zh.lang = reckon::language::zh;
        const auto zh_lines = lines_of(reckon::render_text(r, a, zh));
        CHECK(zh_lines[1] == "R1 在舍入误差内  50 亿元 > 超过 40 亿元：在舍入误差内");
        CHECK(zh_lines[2] == "    threshold above：F2 门槛；F1 投资额（字节 120）");
        CHECK(zh_lines[6] == "跳过 1 个非统计数字：第十八（ordinal）");
    }

    TEST_CASE("render_text: an order that cannot hold says by how much") {
        reckon::report r{"order"};
        r.add("F1", "40", "亿元");
        r.add("F2", "50.0", "亿元");
        r.order("F1", reckon::order_op::greater, "F2");
        const auto lines = lines_of(reckon::render_text(r, audit_alone(r)));
        // 40 stands for at most 40.5; 50.0 for at least 49.95: 9.45 亿元 apart, 9.45 steps of 1.
        CHECK(lines[1] == "R1 INCONSISTENT  40 亿元 > 50.0 亿元: off by 9.45 亿元 beyond rounding "
                          "(9.45 steps of 1 亿元)");
    }

    TEST_CASE("render_text: the GRIM test, in both languages") {
        reckon::report r{"grim"};
        r.add("F1", "84", "项", "项目");
        r.add("F2", "89.4", "%", "占比");
        reckon::relation rel;
        rel.kind = reckon::relation_kind::share;
        rel.figures = {"F2", "", "F1"};
        rel.whole_numbers = true;
        r.add(rel);
        const reckon::audit_result a = audit_alone(r);
        REQUIRE(a.findings.at(0).verdict == reckon::verdict::inconsistent);
        const auto en = lines_of(reckon::render_text(r, a));
        // 75 of 84 is 89.2857… %, 76 of 84 is 90.476… %: 75 misses 89.35 % by 0.064285… %.
        CHECK(en[1] == "R1 INCONSISTENT  89.4 % = ? / 84 项: no whole number lies in [75.054, "
                       "75.138] (GRIM test); off by 0.064285… % beyond rounding (0.6428… steps of "
                       "0.1 %)");
        CHECK(en[3] == "    note: the unstated count must be a whole number");
        reckon::output_options zh;
        zh.lang = reckon::language::zh;
        const auto cn = lines_of(reckon::render_text(r, a, zh));
        CHECK(cn[1] ==
              "R1 不一致  89.4 % = ? / 84 项：没有整数落在 [75.054, 75.138] 内（GRIM "
              "检验）；超出舍入范围，相差 0.064285… %（0.6428… 个末位单位，末位单位为 0.1 %）");

        // 89.3 % of 84 is possible: 75 projects.
        r.find("F2")->display = reckon::decimal::parse("89.3");
        const reckon::audit_result ok = audit_alone(r);
        REQUIRE(ok.findings.at(0).verdict == reckon::verdict::within_rounding);
        CHECK(lines_of(reckon::render_text(r, ok))[1] ==
              "R1 WITHIN ROUNDING  89.3 % = ? / 84 项: within the rounding of the figures, a whole "
              "count fits in [74.97, 75.054] (GRIM test)");
        CHECK(lines_of(reckon::render_text(r, ok, zh))[1] ==
              "R1 在舍入误差内  89.3 % = ? / 84 项：在舍入误差内，整数个数可在 [74.97, 75.054] "
              "内（GRIM 检验）");
    }

    TEST_CASE("render_text: cannot check, in Chinese, with what the others imply") {
        reckon::report r{"one-sided"};
        r.add("F1", "50", "亿元", "门槛");
        r.order("", reckon::order_op::greater, "F1");
        const reckon::audit_result a = audit_alone(r);
        REQUIRE(a.findings.at(0).verdict == reckon::verdict::cannot_check);
        const std::string& reason = a.findings[0].reason;
        reckon::output_options zh;
        zh.lang = reckon::language::zh;
        const std::string line = lines_of(reckon::render_text(r, a, zh))[1];
        CHECK(line.rfind("R1 无法核对  ? > 50 亿元：", 0) == 0);
        // The range is the checker's own; only the words around it are Chinese.
        const std::string lead = "the others imply it ";
        REQUIRE(reason.find(lead) != std::string::npos);
        const std::string rest = reason.substr(reason.find(lead) + lead.size());
        CHECK(rest == "is more than 49.5 亿元");
        CHECK(line == "R1 无法核对  ? > 50 亿元：未给出一个数字；其余数字表明它超过 49.5 亿元");
    }

    TEST_CASE("render_text: a report infeasible as a whole names its suspects") {
        const reckon::report r = reckon_test::xining_report("28.9");
        reckon::audit_result a = audit_alone(r);
        a.joint.checked = true;
        a.joint.feasible = false;
        reckon::suspect s;
        s.figures = {"F9"};
        s.consistent_displays = {{"F9", {"28.7", "28.8"}}};
        s.hint = "one digit off";
        a.joint.suspects.push_back(s);
        a.joint.left_out = {"R6"};
        const std::string text = reckon::render_text(r, a);
        CHECK(contains(text, "whole report: INCONSISTENT, no true values satisfy every relation at "
                             "once\n"
                             "    most likely wrong: F9 (新建项目到位资金, printed 28.9 亿元), "
                             "consistent as 28.7 or 28.8 (one digit off)\n"
                             "    not in the joint check: R6\n"));
        reckon::output_options zh;
        zh.lang = reckon::language::zh;
        CHECK(contains(reckon::render_text(r, a, zh),
                       "整体：不一致，没有一组真实值能同时满足所有关系\n"
                       "    最可能有误：F9（新建项目到位资金，印为 28.9 亿元），若为 28.7 或 28.8 "
                       "则一致（one digit off）\n"
                       "    未纳入整体核对：R6\n"));

        a.joint.feasible = true;
        a.joint.suspects.clear();
        a.joint.left_out.clear();
        CHECK(contains(reckon::render_text(r, a), "whole report: consistent, all figures can hold "
                                                  "at once\n"));
    }

    TEST_CASE("render_text: the joint check of the Xining report, as the audit runs it") {
        const reckon::report r = reckon_test::xining_report();
        const reckon::audit_result a = reckon::audit(r);
        REQUIRE(a.joint.checked);
        REQUIRE(a.joint.feasible);
        CHECK(contains(reckon::render_text(r, a),
                       "\nwhole report: consistent, all figures can hold at once\n"));
    }

    TEST_CASE("render_text: a report that holds only at a tie names what would lift the tie") {
        // 80.6 % + 19.5 % = 100 % holds only as 80.55 + 19.45, both at a rounding tie.
        reckon::report r{"tie"};
        r.add("F1", "80.6", "%", "续建项目资金占比");
        r.add("F2", "19.5", "%", "新建项目资金占比");
        r.shares_total({"F1", "F2"});
        const reckon::audit_result a = reckon::audit(r);
        REQUIRE(a.joint.feasible);
        REQUIRE(a.joint.tie_only);
        const std::string text = reckon::render_text(r, a);
        CHECK(contains(text, "whole report: consistent, all figures can hold at once (only at an "
                             "exact rounding tie)\n"
                             "    would hold without a tie: F1 (续建项目资金占比, printed 80.6 %), "
                             "consistent as 80.5\n"
                             "    would hold without a tie: F2 (新建项目资金占比, printed 19.5 %), "
                             "consistent as 19.4\n"));
        reckon::output_options zh;
        zh.lang = reckon::language::zh;
        CHECK(contains(reckon::render_text(r, a, zh),
                       "    若修改则无需临界值：F2（新建项目资金占比，印为 19.5 %），若为 19.4 "
                       "则一致\n"));
    }

    TEST_CASE("render_text: a miss of one step says step") {
        reckon::report r{"one step"};
        r.add("F1", "84", "项");
        r.add("F2", "75", "项");
        r.add("F3", "10", "项");
        r.sum("F1", {"F2", "F3"});
        const std::string text = reckon::render_text(r, audit_alone(r));
        CHECK(contains(text, "off by 1 项 beyond rounding (1 step of 1 项)"));
        CHECK(contains(reckon::render_markdown(r, audit_alone(r)), "| 1 项 (1 step of 1 项) |"));
    }

    TEST_CASE("render_markdown: findings table, figures table, summary") {
        const reckon::report r = reckon_test::xining_report("28.9");
        const reckon::audit_result a = audit_alone(r);
        const std::string md = reckon::render_markdown(r, a);
        const auto lines = lines_of(md);
        REQUIRE(lines.size() > 10);
        CHECK(lines[0] == "## reckon: xining-investment.txt");
        CHECK(lines[2] == "| id | verdict | relation | figures | computed | miss | note |");
        CHECK(lines[3] == "| --- | --- | --- | --- | --- | --- | --- |");
        CHECK(lines[4] == "| R4 | **inconsistent** | share | 19.4 % = 28.9 亿元 / 148.2 亿元 | "
                          "19.500674… % | 0.01037… % (0.1037… steps of 0.1 %) |  |");
        CHECK(lines[5] == "| R6 | **cannot check** | percent of target | 105.8 % = 148.2 亿元 / ? "
                          "|  |  | a figure is not given; the others imply it lies in 139.96 … "
                          "140.19 亿元 |");
        CHECK(lines[9] == "| R5 | exact | shares total | 80.6 % + 19.4 % = 100 % | 100 % |  |  |");
        CHECK(contains(md,
                       "### Figures\n\n| id | label | printed | unit | value (base units) | "
                       "resolution | place |\n| --- | --- | --- | --- | --- | --- | --- |\n"
                       "| F1 | 招商引资项目 | 84项 | 项 | 84 | 1 |  |\n"
                       "| F2 | 省外到位资金 | 148.2亿元 | 亿元 | 14820000000 | 10000000 |  |\n"));
        CHECK(contains(md, "| F10 | 新建项目资金占比 | 19.4% | % | 0.194 | 0.001 |  |\n"));
        CHECK(contains(md, "### Whole report\n\nwhole report: not checked jointly\n"));
        CHECK(contains(md, "summary: 9 figures, 6 relations: 2 exact, 1 rounds, 1 within rounding, "
                           "1 inconsistent, 1 cannot check — INCONSISTENT\n"));
    }

    TEST_CASE("render_markdown: Chinese, only problems, pipes escaped") {
        reckon::report r = reckon_test::xining_report("28.9");
        r.find("F9")->label = "新建|项目";
        reckon::output_options o;
        o.lang = reckon::language::zh;
        o.only_problems = true;
        o.color = true; // Markdown never carries ANSI codes
        const std::string md = reckon::render_markdown(r, audit_alone(r), o);
        const auto lines = lines_of(md);
        CHECK(lines[2] == "| 编号 | 结论 | 关系 | 数字 | 计算值 | 相差 | 说明 |");
        CHECK(lines[4] == "| R4 | **不一致** | 占比 | 19.4 % = 28.9 亿元 / 148.2 亿元 | "
                          "19.500674… % | 0.01037… %（0.1037… 个末位单位 0.1 %） |  |");
        CHECK(lines[5] == "| R6 | **无法核对** | 完成目标 | 105.8 % = 148.2 亿元 / ? |  |  | "
                          "未给出一个数字；其余数字表明它在 139.96 … 140.19 亿元 之间 |");
        CHECK(lines[6].empty()); // only the two problems
        CHECK(contains(md, "| F9 | 新建\\|项目 | 28.9亿元 |"));
        CHECK_FALSE(contains(md, "| F1 |")); // F1 is in no problem finding
        CHECK_FALSE(contains(md, "\x1b["));
        CHECK(contains(md, "小结：9 个数字，6 个关系"));
    }

    TEST_CASE("verdict and relation names") {
        using reckon::language;
        CHECK(reckon::verdict_name(reckon::verdict::within_rounding, language::en) ==
              "within rounding");
        CHECK(reckon::verdict_name(reckon::verdict::exact, language::zh) == "一致");
        CHECK(reckon::verdict_name(reckon::verdict::rounds, language::zh) == "四舍五入后一致");
        CHECK(reckon::verdict_name(reckon::verdict::within_rounding, language::zh) ==
              "在舍入误差内");
        CHECK(reckon::verdict_name(reckon::verdict::inconsistent, language::zh) == "不一致");
        CHECK(reckon::verdict_name(reckon::verdict::cannot_check, language::zh) == "无法核对");
        CHECK(reckon::relation_name(reckon::relation_kind::percent_of_target, language::en) ==
              "percent of target");
        CHECK(reckon::relation_name(reckon::relation_kind::share, language::zh) == "占比");
        CHECK(reckon::relation_name(reckon::relation_kind::cagr, language::zh) == "年均增长");
    }

    TEST_CASE("exact strings of values") {
        using reckon::rational;
        CHECK(reckon::detail::exact_str(rational(14820000000LL)) == "14820000000");
        CHECK(reckon::detail::exact_str(rational(403, 500)) == "0.806");
        CHECK(reckon::detail::exact_str(rational(-1, 2000)) == "-0.0005");
        CHECK(reckon::detail::exact_str(rational(2000, 3)) == "2000/3");
        CHECK(reckon::detail::decimal_str(rational(199, 247)) == "0.805668016194");
        CHECK(reckon::detail::decimal_str(rational(2, 3), 4) == "0.6667");
        CHECK(reckon::detail::decimal_str(rational(1, 8)) == "0.125");
    }

} // TEST_SUITE("output")
