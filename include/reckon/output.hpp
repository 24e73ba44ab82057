// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// What a person reads: an audit rendered as plain text (a terminal, a log) or as Markdown (a
// pull-request comment, a newsroom wiki), in English or Chinese. The end of the data path:
// nothing in reckon includes this header but the optional integrations (json, doctest).

#include <reckon/audit.hpp>
#include <reckon/detail/format.hpp>
#include <reckon/report.hpp>
#include <reckon/text_audit.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon {

/// The language of the fixed words of a rendering. Figures, labels and the
/// reasons a caller gave stay as they are; `zh` builds each line from the
/// finding's fields (not by translating its English `message`).
enum class language { en, zh };

/// How an audit is rendered. `color` adds ANSI colour codes to the verdicts;
/// the caller decides (the tool: standard output is a terminal and NO_COLOR is
/// not set). `only_problems` keeps the inconsistent and cannot-check findings
/// and drops the rest (the joint result, the skipped count and the summary
/// always show).
///
///     reckon::output_options o;
///     o.lang = reckon::language::zh;
///     std::cout << reckon::render_text(r, reckon::audit(r), o);
struct output_options {
    language lang = language::en;
    bool only_problems = false;
    bool color = false;
};

/// A verdict in words: "within rounding" / "在舍入误差内".
///
///     reckon::verdict_name(reckon::verdict::rounds, reckon::language::zh); // "四舍五入后一致"
[[nodiscard]] constexpr std::string_view verdict_name(verdict v, language lang) noexcept {
    const bool zh = lang == language::zh;
    switch (v) {
    case verdict::exact: return zh ? "一致" : "exact";
    case verdict::rounds: return zh ? "四舍五入后一致" : "rounds";
    case verdict::within_rounding: return zh ? "在舍入误差内" : "within rounding";
    case verdict::inconsistent: return zh ? "不一致" : "inconsistent";
    case verdict::cannot_check: return zh ? "无法核对" : "cannot check";
    }
    return zh ? "无法核对" : "cannot check";
}

/// A relation kind in words: "percent of target" / "完成目标".
[[nodiscard]] constexpr std::string_view relation_name(relation_kind k, language lang) noexcept {
    const bool zh = lang == language::zh;
    switch (k) {
    case relation_kind::sum: return zh ? "求和" : "sum";
    case relation_kind::share: return zh ? "占比" : "share";
    case relation_kind::shares_total: return zh ? "占比合计" : "shares total";
    case relation_kind::growth: return zh ? "增长" : "growth";
    case relation_kind::points: return zh ? "百分点" : "points";
    case relation_kind::percent_of_target: return zh ? "完成目标" : "percent of target";
    case relation_kind::average: return zh ? "平均" : "average";
    case relation_kind::ratio: return zh ? "比率" : "ratio";
    case relation_kind::product: return zh ? "乘积" : "product";
    case relation_kind::conversion: return zh ? "换算" : "conversion";
    case relation_kind::difference: return zh ? "差额" : "difference";
    case relation_kind::order: return zh ? "大小" : "order";
    case relation_kind::cagr: return zh ? "年均增长" : "compound annual growth";
    case relation_kind::contribution: return zh ? "贡献率" : "contribution";
    case relation_kind::pull: return zh ? "拉动" : "pull";
    case relation_kind::index: return zh ? "指数" : "index";
    }
    return zh ? "求和" : "sum";
}

namespace detail {

/// A qualifier as the JSON contract names it ("more_than"); "" for none.
[[nodiscard]] constexpr std::string_view qualifier_name(qualifier q) noexcept {
    switch (q) {
    case qualifier::none: return "";
    case qualifier::about: return "about";
    case qualifier::more_than: return "more_than";
    case qualifier::at_least: return "at_least";
    case qualifier::under: return "under";
    case qualifier::at_most: return "at_most";
    case qualifier::nearly: return "nearly";
    case qualifier::a_little_over: return "a_little_over";
    }
    return "";
}

/// Whether a rational is a terminating decimal (its denominator has no
/// prime factors but 2 and 5).
[[nodiscard]] inline bool terminates(const rational& v) { return terminating_digits(v) >= 0; }

/// The exact value as a string: a decimal when it terminates
/// ("14820000000", "0.806", "-0.0005"), the fraction "a/b" otherwise
/// (亩 in square metres: "2000/3").
[[nodiscard]] inline std::string exact_str(const rational& v) {
    const int t = terminating_digits(v);
    if (t < 0) {
        return v.str();
    }
    return decimal::round(v, -t, rounding_mode::half_even).str();
}

/// A decimal string: exact when the value terminates, else rounded half
/// even to `places` digits after the point ("0.805668016194").
[[nodiscard]] inline std::string decimal_str(const rational& v, int places = 12) {
    const int t = terminating_digits(v);
    if (t >= 0) {
        return decimal::round(v, -t, rounding_mode::half_even).str();
    }
    return decimal::round(v, -places, rounding_mode::half_even).str();
}

/// A figure as printed, with its qualifier in the words of `lang`:
/// "more than 50 亿元" / "超过 50 亿元".
[[nodiscard]] inline std::string shown(const figure& f, language lang) {
    if (lang == language::en) {
        return shown(f);
    }
    const std::string number = f.signed_display().str();
    const std::string unit = f.unit->symbol.empty() ? std::string() : " " + f.unit->symbol;
    switch (f.qualifier) {
    case qualifier::more_than: return "超过 " + number + unit;
    case qualifier::at_least: return number + unit + "以上";
    case qualifier::under: return "不足 " + number + unit;
    case qualifier::at_most: return number + unit + "以下";
    case qualifier::nearly: return "近 " + number + unit;
    case qualifier::a_little_over: return number + "余" + unit;
    case qualifier::about: return "约 " + number + unit;
    case qualifier::none: break;
    }
    return number + unit;
}

/// A finding's expression ("F2 = F6 + F9") with each figure id replaced by
/// the figure as printed ("148.2 亿元 = 119.4 亿元 + 28.8 亿元").
[[nodiscard]] inline std::string shown_expression(const finding& f, const report& r,
                                                  language lang) {
    std::string out;
    std::size_t i = 0;
    const std::string& e = f.expression;
    while (i <= e.size()) {
        std::size_t j = e.find(' ', i);
        if (j == std::string::npos) {
            j = e.size();
        }
        const std::string token = e.substr(i, j - i);
        const figure* fig = token.empty() ? nullptr : r.find(token);
        out += fig != nullptr ? shown(*fig, lang) : token;
        if (j < e.size()) {
            out += ' ';
        }
        i = j + 1;
    }
    return out;
}

/// A value in base units shown in the finding's printed unit: exact when it
/// terminates, else six digits and "…" ("19.500674… %").
[[nodiscard]] inline std::string in_finding_unit(const rational& base_value, const finding& f) {
    const rational v = f.unit_factor != 0 ? base_value / f.unit_factor : base_value;
    std::string s = rational_str(v, 6);
    if (!f.unit_symbol.empty()) {
        s += " " + f.unit_symbol;
    }
    return s;
}

/// The relation a finding came from, when the report has it.
[[nodiscard]] inline const relation* relation_of(const finding& f, const report& r) {
    for (const auto& rel : r.relations()) {
        if (rel.id == f.id) {
            return &rel;
        }
    }
    return nullptr;
}

/// Whether a finding compares two sides (an order, or a sum of a partial
/// list of parts) rather than an equation with a computed value.
[[nodiscard]] inline bool is_order(const finding& f, const relation* rel) {
    return f.kind == relation_kind::order ||
           (f.kind == relation_kind::sum && rel != nullptr && !rel->complete);
}

/// An interval with decimal ends, exact when they terminate, else six
/// digits and "…": "[75.054, 75.138]" (the whole numbers of a GRIM test).
[[nodiscard]] inline std::string interval_str(const interval& i) {
    std::string s(1, i.lower().open ? '(' : '[');
    s += i.lower().infinite ? std::string("-∞") : rational_str(i.lower().value, 6);
    s += ", ";
    s += i.upper().infinite ? std::string("+∞") : rational_str(i.upper().value, 6);
    s += i.upper().open ? ')' : ']';
    return s;
}

/// For a finding with a missing figure, in Chinese: what the other figures
/// imply for it ("在 139.96 … 140.19 亿元 之间"), from the range the checker
/// worked out and put in its reason; the reason itself when it has another
/// shape.
[[nodiscard]] inline std::string implied_zh(const finding& f) {
    static constexpr std::string_view lead = "the others imply it ";
    const std::size_t at = f.reason.find(lead);
    if (at == std::string::npos) {
        return f.reason;
    }
    const std::string rest = f.reason.substr(at + lead.size());
    struct phrase {
        std::string_view en;
        std::string_view before;
        std::string_view after;
    };
    static constexpr phrase phrases[] = {
        {"lies in ", "在 ", " 之间"},    {"is more than ", "超过 ", ""},
        {"is at least ", "不少于 ", ""}, {"is under ", "不足 ", ""},
        {"is at most ", "不超过 ", ""},
    };
    std::string where;
    if (rest == "may be anything") {
        where = "可以是任何值";
    } else {
        for (const auto& p : phrases) {
            if (rest.compare(0, p.en.size(), p.en) == 0) {
                where = std::string(p.before) + rest.substr(p.en.size()) + std::string(p.after);
                break;
            }
        }
    }
    if (where.empty()) {
        return f.reason;
    }
    return "未给出一个数字；其余数字表明它" + where;
}

/// " (2 steps of 0.1 %)", " (1 step of 1 项)": a miss in last-digit steps, in English.
[[nodiscard]] inline std::string steps_in_words(const std::string& steps,
                                                const std::string& unit_step) {
    return " (" + steps + (steps == "1" ? " step of " : " steps of ") + unit_step + ")";
}

/// The size of one last-digit step of an inconsistent finding, in base units.
[[nodiscard]] inline std::optional<rational> step_of(const finding& f) {
    if (f.miss_steps && *f.miss_steps != 0 && f.miss != 0) {
        return f.miss / *f.miss_steps;
    }
    return std::nullopt;
}

// ANSI colours, used only when the caller asks for them.
inline constexpr std::string_view ansi_reset = "\x1b[0m";

[[nodiscard]] constexpr std::string_view ansi_colour(verdict v) noexcept {
    switch (v) {
    case verdict::exact:
    case verdict::rounds: return "\x1b[32m";
    case verdict::within_rounding: return "\x1b[36m";
    case verdict::inconsistent: return "\x1b[1;31m";
    case verdict::cannot_check: return "\x1b[33m";
    }
    return "";
}

[[nodiscard]] inline std::string paint(std::string_view text, std::string_view colour, bool on) {
    if (!on || colour.empty()) {
        return std::string(text);
    }
    return std::string(colour) + std::string(text) + std::string(ansi_reset);
}

/// A verdict as a tag in text output: "INCONSISTENT", "CANNOT CHECK", "不一致".
[[nodiscard]] inline std::string verdict_tag(verdict v, language lang) {
    std::string s(verdict_name(v, lang));
    if (lang == language::en) {
        for (char& c : s) {
            if (c >= 'a' && c <= 'z') {
                c = static_cast<char>(c - 'a' + 'A');
            }
        }
    }
    return s;
}

/// The order in which findings are shown: problems first.
[[nodiscard]] constexpr int verdict_rank(verdict v) noexcept {
    switch (v) {
    case verdict::inconsistent: return 0;
    case verdict::cannot_check: return 1;
    case verdict::within_rounding: return 2;
    case verdict::rounds: return 3;
    case verdict::exact: return 4;
    }
    return 5;
}

[[nodiscard]] constexpr bool is_problem(verdict v) noexcept {
    return v == verdict::inconsistent || v == verdict::cannot_check;
}

/// The findings to show, in the order they are shown: inconsistent, cannot
/// check, within rounding, rounds, exact; the report's order within each.
[[nodiscard]] inline std::vector<const finding*> ordered_findings(const audit_result& result,
                                                                  bool only_problems) {
    std::vector<const finding*> out;
    for (int rank = 0; rank < 5; ++rank) {
        for (const auto& f : result.findings) {
            if (verdict_rank(f.verdict) == rank && (!only_problems || is_problem(f.verdict))) {
                out.push_back(&f);
            }
        }
    }
    return out;
}

/// What follows the expression on a finding's first line: the computed
/// value, the tolerance, the miss, the reason — built from the fields.
[[nodiscard]] inline std::string finding_detail(const finding& f, const report& r, language lang) {
    const bool zh = lang == language::zh;
    const relation* rel = relation_of(f, r);
    const bool order = is_order(f, rel);
    const std::string colon = zh ? "：" : ": ";
    const std::string comma = zh ? "，" : ", ";
    std::string s;
    const std::string computed =
        f.computed && !order ? (zh ? "计算值 " : "computed ") + in_finding_unit(*f.computed, f)
                             : std::string();
    switch (f.verdict) {
    case verdict::exact: break;
    case verdict::rounds: {
        const figure* derived =
            f.figures.empty() || f.figures[0].empty() ? nullptr : r.find(f.figures[0]);
        s = colon + computed;
        if (derived != nullptr) {
            s += (computed.empty() ? "" : comma) +
                 (zh ? "四舍五入为 " : std::string("rounds to ")) + shown(*derived, lang);
        }
        break;
    }
    case verdict::within_rounding:
        s = colon;
        if (!computed.empty()) {
            s += computed + comma;
        }
        s += zh ? "在舍入误差内" : "within the rounding of the figures";
        if (!computed.empty() && f.tolerance != 0) {
            s += zh ? "（容差 ±" + in_finding_unit(f.tolerance, f) + "）"
                    : " (tolerance ±" + in_finding_unit(f.tolerance, f) + ")";
        }
        if (!f.computed && f.implied) {
            // The GRIM test: some whole count fits.
            s += zh ? "，整数个数可在 " + interval_str(*f.implied) + " 内（GRIM 检验）"
                    : ", a whole count fits in " + interval_str(*f.implied) + " (GRIM test)";
        }
        break;
    case verdict::inconsistent: {
        s = colon;
        if (!computed.empty()) {
            s += computed + comma;
        }
        if (f.implied) {
            // The GRIM test: no whole count in the range the others imply.
            s += zh ? "没有整数落在 " + interval_str(*f.implied) + " 内（GRIM 检验）；"
                    : "no whole number lies in " + interval_str(*f.implied) + " (GRIM test); ";
        }
        s += zh ? "超出舍入范围，相差 " + in_finding_unit(f.miss, f)
                : "off by " + in_finding_unit(f.miss, f) + " beyond rounding";
        if (auto step = step_of(f)) {
            const std::string steps = rational_str(*f.miss_steps, 4);
            const std::string unit_step = in_finding_unit(*step, f);
            s += zh ? "（" + steps + " 个末位单位，末位单位为 " + unit_step + "）"
                    : steps_in_words(steps, unit_step);
        }
        break;
    }
    case verdict::cannot_check:
        s = colon;
        s += zh && f.implied ? implied_zh(f) : f.reason;
        break;
    }
    if (f.tie_only) {
        s += zh ? "（仅在恰为舍入临界值时成立）" : " (only at an exact rounding tie)";
    }
    return s;
}

/// The second line of a finding: the relation's label and every figure
/// with its label and place in the source.
[[nodiscard]] inline std::string finding_figures(const finding& f, const report& r, language lang) {
    const bool zh = lang == language::zh;
    std::string s;
    bool any_label = !f.label.empty();
    for (const auto& id : f.figures) {
        if (id.empty()) {
            continue;
        }
        std::string one = id;
        if (const figure* fig = r.find(id)) {
            if (!fig->label.empty()) {
                one += " " + fig->label;
                any_label = true;
            }
            if (fig->place) {
                const std::string at = std::to_string(fig->place->offset);
                one += zh ? "（字节 " + at + "）" : " at byte " + at;
                any_label = true;
            }
        }
        if (!s.empty()) {
            s += zh ? "；" : "; ";
        }
        s += one;
    }
    if (!any_label) {
        return {};
    }
    if (!f.label.empty()) {
        s = f.label + (zh ? "：" : ": ") + s;
    }
    return s;
}

} // namespace detail

/// One finding as text: a first line with the id, the verdict, the relation
/// with the printed figures and the numbers (computed value at full
/// precision, tolerance, miss and its size in last-digit steps, or why it
/// cannot be checked); a second line naming the figures by label and place
/// when they have them; a third with a note when the checker made one.
///
///     R4 INCONSISTENT  19.4 % = 28.9 亿元 / 148.2 亿元: computed 19.500674… %, off by 0.01037… %
///         beyond rounding (0.1037… steps of 0.1 %)                 (one line in fact)
///         F10 新建项目资金占比; F9 新建项目到位资金; F2 省外到位资金
[[nodiscard]] inline std::string render_finding(const report& r, const finding& f,
                                                const output_options& o = {}) {
    const bool zh = o.lang == language::zh;
    std::string out = f.id + " " +
                      detail::paint(detail::verdict_tag(f.verdict, o.lang),
                                    detail::ansi_colour(f.verdict), o.color) +
                      "  " + detail::shown_expression(f, r, o.lang) +
                      detail::finding_detail(f, r, o.lang) + "\n";
    const std::string figures = detail::finding_figures(f, r, o.lang);
    if (!figures.empty()) {
        out += "    " + figures + "\n";
    }
    if (f.verdict != verdict::cannot_check && !f.reason.empty()) {
        out += (zh ? "    说明：" : "    note: ") + f.reason + "\n";
    }
    return out;
}

namespace detail {

[[nodiscard]] inline std::string joined_ids(const std::vector<std::string>& ids,
                                            std::string_view sep) {
    std::string s;
    for (const auto& id : ids) {
        if (!s.empty()) {
            s += sep;
        }
        s += id;
    }
    return s;
}

/// The joint result as lines of text (each ends with a newline).
[[nodiscard]] inline std::string joint_text(const report& r, const joint_result& j,
                                            const output_options& o) {
    const bool zh = o.lang == language::zh;
    std::string s;
    if (!j.checked) {
        return zh ? "整体：未做整体核对\n" : "whole report: not checked jointly\n";
    }
    if (j.feasible) {
        s = zh ? "整体：" + paint("一致", ansi_colour(verdict::exact), o.color) +
                     "，所有数字可以同时成立"
               : "whole report: " + paint("consistent", ansi_colour(verdict::exact), o.color) +
                     ", all figures can hold at once";
        if (j.tie_only) {
            s += zh ? "（仅在恰为舍入临界值时成立）" : " (only at an exact rounding tie)";
        }
        s += "\n";
    } else {
        s = zh ? "整体：" + paint("不一致", ansi_colour(verdict::inconsistent), o.color) +
                     "，没有一组真实值能同时满足所有关系\n"
               : "whole report: " +
                     paint("INCONSISTENT", ansi_colour(verdict::inconsistent), o.color) +
                     ", no true values satisfy every relation at once\n";
    }
    // The suspects: of an infeasible report, or of one that holds only at a tie (the figures
    // that, changed, let it hold without one).
    if (!j.feasible || j.tie_only) {
        for (const auto& sus : j.suspects) {
            std::string line =
                !j.feasible ? (zh ? "    最可能有误：" : "    most likely wrong: ")
                            : (zh ? "    若修改则无需临界值：" : "    would hold without a tie: ");
            bool first = true;
            for (const auto& id : sus.figures) {
                line += first ? "" : (zh ? "；" : "; ");
                first = false;
                line += id;
                if (const figure* fig = r.find(id)) {
                    line += zh ? "（" + (fig->label.empty() ? "" : fig->label + "，") + "印为 " +
                                     shown(*fig, o.lang) + "）"
                               : " (" + (fig->label.empty() ? "" : fig->label + ", ") + "printed " +
                                     shown(*fig, o.lang) + ")";
                }
                for (const auto& cd : sus.consistent_displays) {
                    if (cd.first != id || cd.second.empty()) {
                        continue;
                    }
                    line += zh ? "，若为 " + joined_ids(cd.second, " 或 ") + " 则一致"
                               : ", consistent as " + joined_ids(cd.second, " or ");
                }
            }
            if (!sus.hint.empty()) {
                line += zh ? "（" + sus.hint + "）" : " (" + sus.hint + ")";
            }
            s += line + "\n";
        }
    }
    if (!j.left_out.empty()) {
        s += zh ? "    未纳入整体核对：" + joined_ids(j.left_out, "，") + "\n"
                : "    not in the joint check: " + joined_ids(j.left_out, ", ") + "\n";
    }
    return s;
}

[[nodiscard]] inline std::string skipped_text(const report& r, const output_options& o) {
    const bool zh = o.lang == language::zh;
    const auto& sk = r.skipped();
    std::string s = zh ? "跳过 " + std::to_string(sk.size()) + " 个非统计数字"
                       : "skipped " + std::to_string(sk.size()) +
                             (sk.size() == 1 ? " number that is not a figure"
                                             : " numbers that are not figures");
    if (!sk.empty() && !o.only_problems) {
        s += zh ? "：" : ": ";
        for (std::size_t i = 0; i < sk.size(); ++i) {
            if (i > 0) {
                s += zh ? "，" : ", ";
            }
            s += sk[i].text;
            if (!sk[i].reason.empty()) {
                s += zh ? "（" + sk[i].reason + "）" : " (" + sk[i].reason + ")";
            }
        }
    }
    return s + "\n";
}

[[nodiscard]] inline std::string summary_text(const audit_result& a, const output_options& o) {
    const bool zh = o.lang == language::zh;
    const auto& m = a.summary;
    auto n = [](std::size_t v) { return std::to_string(v); };
    std::string s;
    if (zh) {
        s = "小结：" + n(m.figures) + " 个数字，" + n(m.relations) + " 个关系：一致 " + n(m.exact) +
            "，四舍五入后一致 " + n(m.rounds) + "，在舍入误差内 " + n(m.within_rounding) +
            "，不一致 " + n(m.inconsistent) + "，无法核对 " + n(m.cannot_check) + " —— ";
        s += a.consistent() ? paint("未发现不一致", ansi_colour(verdict::exact), o.color)
                            : paint("存在不一致", ansi_colour(verdict::inconsistent), o.color);
    } else {
        s = "summary: " + n(m.figures) + " figures, " + n(m.relations) +
            " relations: " + n(m.exact) + " exact, " + n(m.rounds) + " rounds, " +
            n(m.within_rounding) + " within rounding, " + n(m.inconsistent) + " inconsistent, " +
            n(m.cannot_check) + " cannot check — ";
        s += a.consistent() ? paint("no inconsistency found", ansi_colour(verdict::exact), o.color)
                            : paint("INCONSISTENT", ansi_colour(verdict::inconsistent), o.color);
    }
    return s + "\n";
}

[[nodiscard]] inline std::string source_name(const report& r, const audit_result& a,
                                             language lang) {
    if (!a.source.empty()) {
        return a.source;
    }
    if (!r.source().empty()) {
        return r.source();
    }
    return lang == language::zh ? "（未命名）" : "(unnamed)";
}

/// A Markdown table cell: pipes escaped, line breaks flattened.
[[nodiscard]] inline std::string md_cell(std::string_view text) {
    std::string s;
    for (char c : text) {
        if (c == '|') {
            s += "\\|";
        } else if (c == '\n' || c == '\r') {
            s += ' ';
        } else {
            s += c;
        }
    }
    return s;
}

} // namespace detail

/// An audit as plain text, for a terminal or a log:
///
///     reckon: xining — 17 figures, 6 relations
///     R6 CANNOT CHECK  105.8 % = 148.2 亿元 / ?: a figure is not given; …
///     R3 ROUNDS  80.6 % = 119.4 亿元 / 148.2 亿元: computed 80.566801… %, rounds to 80.6 %
///     …
///     whole report: …
///     skipped 3 numbers that are not figures: …
///     summary: 17 figures, 6 relations: 2 exact, 2 rounds, … — no inconsistency found
///
/// Findings come inconsistent first, then cannot check, within rounding,
/// rounds and exact, each group in the report's order. Deterministic: the
/// same audit gives the same bytes (golden-tested).
[[nodiscard]] inline std::string render_text(const report& r, const audit_result& result,
                                             const output_options& o = {}) {
    const bool zh = o.lang == language::zh;
    const std::string name = detail::source_name(r, result, o.lang);
    std::string out = zh ? "reckon 核对 " + name + "：" + std::to_string(result.summary.figures) +
                               " 个数字，" + std::to_string(result.summary.relations) + " 个关系\n"
                         : "reckon: " + name + " — " + std::to_string(result.summary.figures) +
                               " figures, " + std::to_string(result.summary.relations) +
                               " relations\n";
    for (const finding* f : detail::ordered_findings(result, o.only_problems)) {
        out += render_finding(r, *f, o);
    }
    out += detail::joint_text(r, result.joint, o);
    out += detail::skipped_text(r, o);
    out += detail::summary_text(result, o);
    return out;
}

/// The first line of a text audited section by section (`audit_text`), before its sections:
///
///     reckon: yearbook.txt — 16777216 bytes, audited a section at a time
[[nodiscard]] inline std::string render_text_start(std::string_view source, std::size_t bytes,
                                                   const output_options& o = {}) {
    const std::string name(source);
    return o.lang == language::zh
               ? "reckon 核对 " + name + "：" + std::to_string(bytes) + " 字节，逐段核对\n"
               : "reckon: " + name + " — " + std::to_string(bytes) +
                     " bytes, audited a section at a time\n";
}

/// One section of a text audited section by section, as `render_text` shows a report: a line
/// naming the section (its bytes and first line in the text, its figures and relations), its
/// findings, the section as a whole, its skipped numbers.
///
///     section 2: bytes 262211–524390 from line 3107, 5481 figures, 1807 relations
///     R1903 INCONSISTENT  100 亿元 = 50 亿元 + 40 亿元: …
///     whole report: consistent, all figures can hold at once
///     skipped 210 numbers that are not figures
[[nodiscard]] inline std::string render_text_section(const text_section& s, const report& r,
                                                     const audit_result& a,
                                                     const output_options& o = {}) {
    const bool zh = o.lang == language::zh;
    auto n = [](std::size_t v) { return std::to_string(v); };
    std::string out = zh ? "第 " + n(s.index + 1) + " 段：字节 " + n(s.begin) + "–" + n(s.end) +
                               "，自第 " + n(s.line) + " 行，" + n(a.summary.figures) +
                               " 个数字，" + n(a.summary.relations) + " 个关系\n"
                         : "section " + n(s.index + 1) + ": bytes " + n(s.begin) + "–" + n(s.end) +
                               " from line " + n(s.line) + ", " + n(a.summary.figures) +
                               " figures, " + n(a.summary.relations) + " relations\n";
    for (const finding* f : detail::ordered_findings(a, o.only_problems)) {
        out += render_finding(r, *f, o);
    }
    out += detail::joint_text(r, a.joint, o);
    out += detail::skipped_text(r, o);
    return out;
}

/// The end of a text audited section by section: the text as a whole (the parts that cannot
/// hold, in all sections), the skipped numbers and the summary of every section.
///
///     whole text: consistent in all 64 sections
///     skipped 13440 numbers that are not figures
///     summary: 344000 figures, 113000 relations: … — no inconsistency found
[[nodiscard]] inline std::string render_text_end(const text_audit_summary& s,
                                                 const output_options& o = {}) {
    const bool zh = o.lang == language::zh;
    auto n = [](std::size_t v) { return std::to_string(v); };
    std::string out;
    if (!s.joint_checked) {
        out = zh ? "全文：未做整体核对\n" : "whole text: not checked jointly\n";
    } else if (s.joint_feasible) {
        out = zh ? "全文：" + n(s.sections) + " 段均" +
                       detail::paint("一致", detail::ansi_colour(verdict::exact), o.color) + "\n"
                 : "whole text: " +
                       detail::paint("consistent", detail::ansi_colour(verdict::exact), o.color) +
                       " in all " + n(s.sections) +
                       (s.sections == 1 ? " section\n" : " sections\n");
    } else {
        out =
            zh ? "全文：" +
                     detail::paint("不一致", detail::ansi_colour(verdict::inconsistent), o.color) +
                     "，" + n(s.infeasible_parts) + " 处无法同时成立\n"
               : "whole text: " +
                     detail::paint("INCONSISTENT", detail::ansi_colour(verdict::inconsistent),
                                   o.color) +
                     ", " + n(s.infeasible_parts) +
                     (s.infeasible_parts == 1 ? " part cannot hold\n" : " parts cannot hold\n");
    }
    out += zh ? "跳过 " + n(s.skipped) + " 个非统计数字\n"
              : "skipped " + n(s.skipped) +
                    (s.skipped == 1 ? " number that is not a figure\n"
                                    : " numbers that are not figures\n");
    audit_result whole;
    whole.source = s.source;
    whole.summary = s.summary;
    whole.joint.checked = s.joint_checked;
    whole.joint.feasible = s.joint_feasible;
    out += detail::summary_text(whole, o);
    return out;
}

/// An audit as Markdown (a pull-request comment, a wiki page): a heading
/// naming the source, a table of findings (id, verdict, relation, figures as
/// printed, computed value, miss, note) in the order of `render_text`, a
/// table of the figures (printed, unit, exact value and resolution in base
/// units, place), the joint result, the skipped numbers and the summary.
///
///     std::cout << reckon::render_markdown(r, reckon::audit(r));
///     // ## reckon: xining
///     // | id | verdict | relation | figures | computed | miss | note |
[[nodiscard]] inline std::string render_markdown(const report& r, const audit_result& result,
                                                 const output_options& o = {}) {
    const bool zh = o.lang == language::zh;
    using detail::md_cell;
    output_options plain = o;
    plain.color = false;
    std::string out = "## reckon: " + md_cell(detail::source_name(r, result, o.lang)) + "\n\n";

    const auto listed = detail::ordered_findings(result, o.only_problems);
    out += zh ? "| 编号 | 结论 | 关系 | 数字 | 计算值 | 相差 | 说明 |\n"
              : "| id | verdict | relation | figures | computed | miss | note |\n";
    out += "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (const finding* f : listed) {
        const relation* rel = detail::relation_of(*f, r);
        std::string verdict_cell(verdict_name(f->verdict, o.lang));
        if (detail::is_problem(f->verdict)) {
            verdict_cell = "**" + verdict_cell + "**";
        }
        std::string relation_cell(relation_name(f->kind, o.lang));
        if (!f->label.empty()) {
            relation_cell += zh ? "（" + f->label + "）" : " (" + f->label + ")";
        }
        const std::string computed = f->computed && !detail::is_order(*f, rel)
                                         ? detail::in_finding_unit(*f->computed, *f)
                                         : std::string();
        std::string miss;
        if (f->verdict == verdict::inconsistent && f->miss != 0) {
            miss = detail::in_finding_unit(f->miss, *f);
            if (auto step = detail::step_of(*f)) {
                const std::string steps = detail::rational_str(*f->miss_steps, 4);
                miss +=
                    zh ? "（" + steps + " 个末位单位 " + detail::in_finding_unit(*step, *f) + "）"
                       : detail::steps_in_words(steps, detail::in_finding_unit(*step, *f));
            }
        }
        std::string note;
        if (f->verdict == verdict::cannot_check) {
            note = zh && f->implied ? detail::implied_zh(*f) : f->reason;
        } else if (f->implied) {
            const std::string range = detail::interval_str(*f->implied);
            note = f->verdict == verdict::inconsistent
                       ? (zh ? "没有整数落在 " + range + " 内（GRIM 检验）"
                             : "no whole number lies in " + range + " (GRIM test)")
                       : (zh ? "整数个数可在 " + range + " 内（GRIM 检验）"
                             : "a whole count fits in " + range + " (GRIM test)");
        } else {
            note = f->reason;
        }
        if (f->tie_only) {
            note += std::string(note.empty() ? "" : (zh ? "；" : "; ")) +
                    (zh ? "仅在恰为舍入临界值时成立" : "only at an exact rounding tie");
        }
        out += "| " + md_cell(f->id) + " | " + md_cell(verdict_cell) + " | " +
               md_cell(relation_cell) + " | " + md_cell(detail::shown_expression(*f, r, o.lang)) +
               " | " + md_cell(computed) + " | " + md_cell(miss) + " | " + md_cell(note) + " |\n";
    }

    // The figures: all of them, or with only_problems those the shown findings name.
    out += zh ? "\n### 数字\n\n| 编号 | 名称 | 印出 | 单位 | 值（基本单位） | 分辨率 | 位置 |\n"
              : "\n### Figures\n\n| id | label | printed | unit | value (base units) | "
                "resolution | place |\n";
    out += "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (const auto& fig : r.figures()) {
        if (o.only_problems) {
            bool named = false;
            for (const finding* f : listed) {
                for (const auto& id : f->figures) {
                    named = named || id == fig.id;
                }
            }
            if (!named) {
                continue;
            }
        }
        std::string place;
        if (fig.place) {
            place = std::to_string(fig.place->offset) + "+" + std::to_string(fig.place->length);
        } else if (fig.implied) {
            place = zh ? "（隐含）" : "(implied)";
        }
        out += "| " + md_cell(fig.id) + " | " + md_cell(fig.label) + " | " +
               md_cell(fig.text.empty() ? detail::shown(fig, o.lang) : fig.text) + " | " +
               md_cell(fig.unit->symbol) + " | " + detail::exact_str(fig.value()) + " | " +
               detail::exact_str(fig.resolution()) + " | " + place + " |\n";
    }

    out += zh ? "\n### 整体\n\n" : "\n### Whole report\n\n";
    out += detail::joint_text(r, result.joint, plain);
    out += zh ? "\n### 小结\n\n" : "\n### Summary\n\n";
    out += detail::skipped_text(r, plain) + "\n";
    out += detail::summary_text(result, plain);
    return out;
}

} // namespace reckon
