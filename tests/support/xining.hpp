// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The figures and relations of the worked example (DESIGN.md, corpus xining-investment), built
// with report::add, for the tests of the output formats and the doctest integration.

#include <reckon/report.hpp>

#include <string>
#include <string_view>

namespace reckon_test {

/// The Xining report; `new_funds` is the printed funds of the new projects (28.8 亿元 in the
/// article; 28.9 makes the share 19.4 % inconsistent while the sum stays within rounding).
inline reckon::report xining_report(std::string_view new_funds = "28.8") {
    reckon::report r{"xining-investment.txt"};
    r.add("F1", "84", "项", "招商引资项目");
    r.add("F2", "148.2", "亿元", "省外到位资金");
    r.add("F3", "105.8", "%", "完成年度目标");
    r.add("F5", "75", "项", "续建项目");
    r.add("F6", "119.4", "亿元", "续建项目到位资金");
    r.add("F7", "80.6", "%", "续建项目资金占比");
    r.add("F8", "9", "项", "新建项目");
    r.add("F9", new_funds, "亿元", "新建项目到位资金");
    r.add("F10", "19.4", "%", "新建项目资金占比");
    r.sum("F1", {"F5", "F8"});
    r.sum("F2", {"F6", "F9"});
    r.share("F7", "F6", "F2");
    r.share("F10", "F9", "F2");
    r.shares_total({"F7", "F10"});
    r.percent_of_target("F3", "F2");
    return r;
}

} // namespace reckon_test
