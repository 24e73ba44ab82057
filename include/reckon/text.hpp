// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// Reading a report from its text: the figures an article prints, the numbers that are not
// figures (dates, ordinals, phone numbers …), and the relations between figures that its cue
// words state (GLOSSARY.md). The result is an ordinary `report`, ready for `audit`.

#include <reckon/detail/text_normalize.hpp>
#include <reckon/detail/text_relations.hpp>
#include <reckon/detail/text_scan.hpp>
#include <reckon/error.hpp>
#include <reckon/report.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace reckon {

/// How `read_text` reads a text.
///
///     reckon::text_options o;
///     o.rounding = reckon::convention::half_up;      // the figures follow 四舍五入
///     auto r = reckon::read_text(article, "article.txt", o);
struct text_options {
    /// The rounding convention of the report's figures (DESIGN.md): the tie rule is rarely
    /// stated, so the default allows either end of a rounding interval.
    convention rounding = convention::unknown_tie;
    /// Infer relations from cue words; false reads figures and skipped numbers only.
    bool relations = true;
    /// Integers printed with thousands separators and trailing zero groups ("35,000") are
    /// taken as rounded to the last non-zero group, as survey estimates are; false reads them
    /// as exact to the unit.
    bool trailing_zero_groups_rounded = true;
};

/// Reads the figures of a UTF-8 text into a report (its source is `source`):
///
/// - every number printed with digits (ASCII or full-width) becomes a figure with its unit
///   (亿元, 万吨, %, 个百分点, billion GBP …), its qualifier (超过, 约, 以上, more than …), the
///   sign of a direction word (下降 3 % is −3 %), a label (the words that name it, in
///   simplified characters) and its place (byte offset and length in `text` as given);
/// - or, when it is not a figure of the report, a skipped number with the reason: a date or
///   period (2014年, 1-5月, Q1), an ordinal (第3位), a rank (500强), a phone number, a code;
/// - relations come from cue words: 其中 / X中 / 按…分 / of which (parts of a whole), 占…的
///   (share), a:b:c (shares that make 100 %), 完成…的 / 完成率 (percent of target), a growth
///   rate with two levels or a level and its increment, 比…提高 x 个百分点 (points), a
///   parenthetical equivalent in another unit (conversion), 拉动 … 贡献率 (pull), 人均 (a
///   candidate average). Inference is conservative: when cue, role, kind or period disagree,
///   no relation is made; a doubtful one is a candidate, reported and never inconsistent.
///
/// Noise is expected: traditional characters, pinyin annotations inside words (`項(xiàng)`),
/// lost punctuation (`12.1%12月份`), tables flattened to `|` rows. Throws `input_error`
/// (source, byte offset, line, column) for invalid UTF-8, for a text longer than
/// `max_source_bytes` (4 GiB), and (source, byte offset of the
/// figure) at the figure beyond `reckon::max_figures`, as `report::add` does. Linear in the
/// length of the text, in time and memory, on any input: every look back is bounded or done
/// once for the whole text, and one list of parts holds at most
/// `detail::relation_builder::max_list` (256) figures — a longer list makes a partial sum of its
/// first parts, the rest staying figures of their own. For a text of any length in memory of a
/// few sections, read and audit it a section at a time: `audit_text` (<reckon/text_audit.hpp>).
///
///     auto r = reckon::read_text("全年到位资金148.2亿元,其中续建项目119.4亿元,新建项目28.8亿元。",
///                                "example");
///     r.figures()[0].text;                 // "148.2亿元"
///     reckon::audit(r).findings[0].verdict; // verdict::exact (148.2 = 119.4 + 28.8)
[[nodiscard]] inline report read_text(std::string_view text, std::string source,
                                      const text_options& options = {}) {
    if (text.size() > max_source_bytes) {
        throw input_error(std::move(source), max_source_bytes,
                          "a text longer than 4 GiB (places are 32-bit byte offsets)");
    }
    const detail::clean_text clean = detail::clean_text::make(text, source);
    detail::scanner sc(clean.str(), max_figures);
    try {
        sc.run();
    } catch (const detail::too_many_figures& e) {
        // Stop before memory grows with the figures: the same limit as `report::add`.
        // The same message as `report::add`'s: the input and the figure's byte offset.
        throw input_error(std::move(source), clean.begin_offset(e.offset),
                          "more than " + std::to_string(max_figures) + " figures in one report");
    }

    // Relations first: they read the scan's words; the figures then take its labels over.
    std::vector<relation> relations;
    detail::figure_texts better_labels; // for a few figures (tables): sparse
    detail::figure_texts better_units;
    if (options.relations) {
        detail::relation_builder rb(sc, clean.str());
        rb.run();
        relations = std::move(rb.relations);
        better_labels = std::move(rb.labels);
        better_units = std::move(rb.units);
    }

    report out(std::move(source), options.rounding);
    auto& figures = out.figures();
    figures.reserve(sc.figures.size());
    std::vector<std::size_t> unit_first; // per unit of the scan: the first figure in it
    std::unordered_map<std::string, std::optional<unit_ref>> better_found; // by symbol
    for (std::size_t i = 0; i < sc.figures.size(); ++i) {
        detail::scanned_figure& s = sc.figures[i];
        figure& f = figures.emplace_back(); // filled in place: a figure is not small
        f.id = detail::relation_builder::id(i);
        std::string* better_label = better_labels.find(i);
        f.label = better_label != nullptr && !better_label->empty() ? std::move(*better_label)
                                                                    : std::move(s.label);
        const std::size_t b = clean.begin_offset(s.begin);
        const std::size_t e = clean.end_offset(s.end);
        f.place = source_span::at(b, e - b);
        f.text.assign(text.data() + b, e - b);
        f.display = s.display;
        if (options.trailing_zero_groups_rounded) {
            // "35,000": the zero groups after a separator are not significant.
            const std::string_view printed =
                std::string_view(clean.str()).substr(s.number_begin, s.number_end - s.number_begin);
            if (printed.find(',') != std::string_view::npos &&
                printed.find('.') == std::string_view::npos) {
                int zeros = 0;
                std::size_t k = printed.size();
                while (k >= 5 && printed.compare(k - 4, 4, ",000") == 0) {
                    zeros += 3;
                    k -= 4;
                }
                if (zeros > 0) {
                    // Also for counts ("35,000 jobs"): a survey estimate, not an exact count.
                    f.display = s.display.round(zeros, rounding_mode::half_even);
                    f.rounding = options.rounding;
                }
            }
        }
        f.negated = s.negated;
        const unit_ref* better = nullptr;
        if (const std::string* symbol = better_units.find(i);
            symbol != nullptr && !symbol->empty()) {
            // 2万 beside 万户: 2万户. Each symbol looked up once.
            auto found = better_found.find(*symbol);
            if (found == better_found.end()) {
                std::optional<unit> u = find_unit(*symbol);
                found =
                    better_found
                        .emplace(*symbol, u ? std::optional<unit_ref>(std::move(*u)) : std::nullopt)
                        .first;
            }
            if (found->second) {
                better = &*found->second;
            }
        }
        if (better != nullptr) {
            f.unit = *better;
        } else if (s.unit < unit_first.size() && unit_first[s.unit] != detail::npos) {
            // A text uses a few units: each is made once, then copied from the first figure in
            // it.
            f.unit = figures[unit_first[s.unit]].unit;
        } else {
            f.unit = sc.units.at(s.unit);
            if (s.unit >= unit_first.size()) {
                unit_first.resize(s.unit + 1, detail::npos);
            }
            unit_first[s.unit] = figures.size() - 1;
        }
        f.qualifier = s.qual;
    }
    for (const auto& k : sc.skips) {
        const std::size_t b = clean.begin_offset(k.begin);
        const std::size_t e = clean.end_offset(k.end);
        out.add_skipped(skipped_number{std::string(text.substr(b, e - b)),
                                       source_span::at(b, e - b), k.reason});
    }
    // Ids are unique by construction: the report's checked add (a linear search for duplicates
    // per relation) is not needed, and would make a long text quadratic.
    auto& report_relations = out.relations();
    report_relations.reserve(relations.size());
    for (std::size_t i = 0; i < relations.size(); ++i) {
        relations[i].id = detail::numbered_id('R', i + 1);
        report_relations.push_back(std::move(relations[i]));
    }
    out.reindex(); // filled in place: index the ids once, for find() and the audit
    return out;
}

} // namespace reckon
