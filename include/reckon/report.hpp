// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <reckon/detail/id_index.hpp>
#include <reckon/error.hpp>
#include <reckon/relation.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon {

/// Limits on one report, so that hostile input gets a clear `input_error`
/// instead of exhausting memory: at most `max_figures` figures and
/// `max_relations` relations (README.md, "Limits").
///
///     r.figures().size() < reckon::max_figures;   // always, for a report built by add()
inline constexpr std::size_t max_figures = 1000000;
inline constexpr std::size_t max_relations = 1000000;

/// A number read from a text that is not a figure of the report (a date, an
/// ordinal, a rank, a phone number, a code): kept and reported, never lost.
struct skipped_number {
    std::string text; ///< as it stands in the source
    source_span place;
    std::string reason; ///< "date", "ordinal", "rank", "phone number", "code" …
};

/// A report: its figures, the relations between them, and the rounding
/// convention its figures follow (overridable per figure).
///
///     reckon::report r{"xining"};
///     r.add("F1", "84", "项", "investment projects");
///     r.add("F5", "75", "项", "continued projects");
///     r.add("F8", "9", "项", "new projects");
///     r.sum("F1", {"F5", "F8"});                 // R1: 84 = 75 + 9
///     reckon::audit(r).findings[0].verdict;      // verdict::exact
class report {
public:
    explicit report(std::string source = {}, convention rounding = convention::unknown_tie)
        : source_(std::move(source)), rounding_(rounding) {}

    /// The name of the input (a file name), shown in findings and errors.
    [[nodiscard]] const std::string& source() const noexcept { return source_; }
    void set_source(std::string s) { source_ = std::move(s); }

    /// The rounding convention of the report's figures.
    [[nodiscard]] convention rounding() const noexcept { return rounding_; }
    void set_rounding(convention c) noexcept { rounding_ = c; }

    /// Adds a figure. An empty id is assigned the next "F<n>". Throws
    /// `kind_error` on a duplicate id, `input_error` (at the figure's place)
    /// beyond `max_figures`.
    figure& add(figure f) {
        if (figures_.size() >= max_figures) {
            throw input_error(source_, f.place ? f.place->offset : 0,
                              "more than " + std::to_string(max_figures) +
                                  " figures in one report");
        }
        fresh_figure_index();
        if (f.id.empty()) {
            // The next free "F<n>": a caller's own "F2" must not make this throw.
            for (std::size_t n = figures_.size() + 1; f.id.empty() || find(f.id) != nullptr; ++n) {
                f.id = "F" + std::to_string(n);
            }
        }
        if (find(f.id) != nullptr) {
            throw kind_error("reckon: duplicate figure id \"" + f.id + "\"");
        }
        figures_.push_back(std::move(f));
        (void)figure_index_.insert(figures_, figures_.size() - 1);
        return figures_.back();
    }

    /// Adds a figure from its printed number and unit ("148.2", "亿元");
    /// throws `input_error` for a number that does not parse or an unknown unit.
    figure& add(std::string id, std::string_view number, std::string_view unit_symbol,
                std::string label = {}) {
        return add(figure::parse(std::move(id), number, unit_symbol, std::move(label)));
    }

    /// Adds a relation. An empty id is assigned the next "R<n>"; every figure
    /// it names must exist (an empty name is a figure not given). Throws
    /// `kind_error` otherwise, `input_error` beyond `max_relations`.
    relation& add(relation r) {
        if (relations_.size() >= max_relations) {
            throw input_error(source_, 0,
                              "more than " + std::to_string(max_relations) +
                                  " relations in one report");
        }
        fresh_figure_index();
        if (!relation_index_fresh_) {
            relation_index_.rebuild(relations_);
            relation_index_fresh_ = true;
        }
        auto taken = [&](const std::string& id) {
            return relation_index_.find(relations_, id) != detail::id_index::none;
        };
        if (r.id.empty()) {
            for (std::size_t n = relations_.size() + 1; r.id.empty() || taken(r.id); ++n) {
                r.id = "R" + std::to_string(n);
            }
        }
        if (taken(r.id)) {
            throw kind_error("reckon: duplicate relation id \"" + r.id + "\"");
        }
        for (const auto& id : r.figures) {
            if (!id.empty() && find(id) == nullptr) {
                throw kind_error("reckon: relation " + r.id + " names an unknown figure \"" + id +
                                 "\"");
            }
        }
        relations_.push_back(std::move(r));
        (void)relation_index_.insert(relations_, relations_.size() - 1);
        return relations_.back();
    }

    /// whole = Σ parts.
    relation& sum(std::string whole, std::vector<std::string> parts, std::string label = {}) {
        std::vector<std::string> f{std::move(whole)};
        f.insert(f.end(), parts.begin(), parts.end());
        return add(make(relation_kind::sum, std::move(f), std::move(label)));
    }
    /// share = part / whole (a share in % or ‰).
    relation& share(std::string share_id, std::string part, std::string whole,
                    std::string label = {}) {
        return add(make(relation_kind::share,
                        {std::move(share_id), std::move(part), std::move(whole)},
                        std::move(label)));
    }
    /// Σ shares = 100 % (no total printed) or = total.
    relation& shares_total(std::vector<std::string> shares, std::string total = {},
                           std::string label = {}) {
        std::vector<std::string> f{std::move(total)};
        f.insert(f.end(), shares.begin(), shares.end());
        return add(make(relation_kind::shares_total, std::move(f), std::move(label)));
    }
    /// rate = current / previous − 1.
    relation& growth(std::string rate, std::string current, std::string previous,
                     std::string label = {}) {
        return add(make(relation_kind::growth,
                        {std::move(rate), std::move(current), std::move(previous)},
                        std::move(label)));
    }
    /// change (points) = current − previous (shares).
    relation& points(std::string change, std::string current, std::string previous,
                     std::string label = {}) {
        return add(make(relation_kind::points,
                        {std::move(change), std::move(current), std::move(previous)},
                        std::move(label)));
    }
    /// percent = actual / target; an empty target is one the text does not state.
    relation& percent_of_target(std::string percent, std::string actual, std::string target = {},
                                std::string label = {}) {
        return add(make(relation_kind::percent_of_target,
                        {std::move(percent), std::move(actual), std::move(target)},
                        std::move(label)));
    }
    /// average = total / count.
    relation& average(std::string avg, std::string total, std::string count,
                      std::string label = {}) {
        return add(make(relation_kind::average,
                        {std::move(avg), std::move(total), std::move(count)}, std::move(label)));
    }
    /// ratio = numerator / denominator.
    relation& ratio(std::string r, std::string num, std::string den, std::string label = {}) {
        return add(make(relation_kind::ratio, {std::move(r), std::move(num), std::move(den)},
                        std::move(label)));
    }
    /// product = Π factors.
    relation& product(std::string prod, std::vector<std::string> factors, std::string label = {}) {
        std::vector<std::string> f{std::move(prod)};
        f.insert(f.end(), factors.begin(), factors.end());
        return add(make(relation_kind::product, std::move(f), std::move(label)));
    }
    /// a = b, converted by their units' exact factors (万吨 ↔ 亿斤), or
    /// a = b × rate with a stated rate figure.
    relation& conversion(std::string a, std::string b, std::string rate = {},
                         std::string label = {}) {
        std::vector<std::string> f{std::move(a), std::move(b)};
        if (!rate.empty()) {
            f.push_back(std::move(rate));
        }
        return add(make(relation_kind::conversion, std::move(f), std::move(label)));
    }
    /// difference = minuend − subtrahend.
    relation& difference(std::string diff, std::string minuend, std::string subtrahend,
                         std::string label = {}) {
        return add(make(relation_kind::difference,
                        {std::move(diff), std::move(minuend), std::move(subtrahend)},
                        std::move(label)));
    }
    /// left op right.
    relation& order(std::string left, order_op op, std::string right, std::string label = {}) {
        relation r =
            make(relation_kind::order, {std::move(left), std::move(right)}, std::move(label));
        r.op = op;
        return add(std::move(r));
    }
    /// (1 + rate)^years = last / first: compound annual growth (年均增长).
    ///
    ///     r.cagr("F5", "F1", "F2", 10);   // 0.53 % a year from 133972 to 141178 万人
    relation& cagr(std::string rate, std::string last, std::string first, unsigned years,
                   std::string label = {}) {
        relation r = make(relation_kind::cagr, {std::move(rate), std::move(last), std::move(first)},
                          std::move(label));
        r.years = years;
        return add(std::move(r));
    }
    /// rate = Δcomponent / Δtotal: contribution to growth (贡献率).
    ///
    ///     r.contribution("F18", "F30", "F31");   // 33.5 % = 34.17 / 102 (亿元)
    relation& contribution(std::string rate, std::string component_change, std::string total_change,
                           std::string label = {}) {
        return add(make(relation_kind::contribution,
                        {std::move(rate), std::move(component_change), std::move(total_change)},
                        std::move(label)));
    }
    /// points = Δcomponent / previous total: pull on growth (拉动 … 个百分点).
    ///
    ///     r.pull("F20", "F30", "F32");   // 3.4 个百分点 ≈ 34.17 / 1000 (亿元)
    relation& pull(std::string points_id, std::string component_change, std::string previous_total,
                   std::string label = {}) {
        return add(
            make(relation_kind::pull,
                 {std::move(points_id), std::move(component_change), std::move(previous_total)},
                 std::move(label)));
    }
    /// index = current / previous × 100: an index number (上年 = 100).
    ///
    ///     r.index("F7", "F1", "F2");   // 105.5 = 211 / 200 × 100
    relation& index(std::string index_id, std::string current, std::string previous,
                    std::string label = {}) {
        return add(make(relation_kind::index,
                        {std::move(index_id), std::move(current), std::move(previous)},
                        std::move(label)));
    }

    [[nodiscard]] const std::vector<figure>& figures() const noexcept { return figures_; }
    [[nodiscard]] const std::vector<relation>& relations() const noexcept { return relations_; }
    /// The figures, to edit in place (ids included). The report's id index is rebuilt on the
    /// next `add` or `find`, or by `reindex()`: edits through a reference kept from an earlier
    /// call are not seen until then.
    [[nodiscard]] std::vector<figure>& figures() noexcept {
        figure_index_fresh_ = false;
        return figures_;
    }
    /// The relations, to edit in place (see `figures()`).
    [[nodiscard]] std::vector<relation>& relations() noexcept {
        relation_index_fresh_ = false;
        return relations_;
    }

    /// Rebuilds the indexes of figure and relation ids after edits through `figures()` or
    /// `relations()`, so that a `const` report finds figures in O(1) and an audit shares the
    /// index. `add` and the non-const `find` do it themselves when needed.
    void reindex() {
        figure_index_.rebuild(figures_);
        figure_index_fresh_ = true;
        relation_index_.rebuild(relations_);
        relation_index_fresh_ = true;
    }

    /// The index of figure ids, when it is up to date (nullptr after edits through
    /// `figures()` until `reindex()`, `add` or the non-const `find`).
    [[nodiscard]] const detail::id_index* figure_index() const noexcept {
        return figure_index_fresh_ && figures_.size() < detail::id_index::max_elements
                   ? &figure_index_
                   : nullptr;
    }

    /// Numbers read from the source that are not figures (dates, ordinals …).
    [[nodiscard]] const std::vector<skipped_number>& skipped() const noexcept { return skipped_; }
    /// The skipped numbers, to edit in place.
    [[nodiscard]] std::vector<skipped_number>& skipped() noexcept { return skipped_; }
    void add_skipped(skipped_number s) { skipped_.push_back(std::move(s)); }

    /// The figure with this id (the first, with duplicates pushed through `figures()`), or
    /// nullptr: O(1) with a fresh index, else a linear search.
    [[nodiscard]] const figure* find(std::string_view id) const {
        if (const detail::id_index* ix = figure_index()) {
            const std::size_t at = ix->find(figures_, id);
            return at == detail::id_index::none ? nullptr : &figures_[at];
        }
        auto it = std::find_if(figures_.begin(), figures_.end(),
                               [&](const figure& f) { return f.id == id; });
        return it == figures_.end() ? nullptr : &*it;
    }
    [[nodiscard]] figure* find(std::string_view id) {
        fresh_figure_index();
        const report& self = *this;
        return const_cast<figure*>(self.find(id));
    }

private:
    static relation make(relation_kind k, std::vector<std::string> figs, std::string label) {
        relation r;
        r.kind = k;
        r.figures.assign(figs.begin(), figs.end());
        r.label = std::move(label);
        return r;
    }

    void fresh_figure_index() {
        if (!figure_index_fresh_) {
            figure_index_.rebuild(figures_);
            figure_index_fresh_ = true;
        }
    }

    std::string source_;
    convention rounding_;
    std::vector<figure> figures_;
    std::vector<relation> relations_;
    std::vector<skipped_number> skipped_;
    detail::id_index figure_index_;
    detail::id_index relation_index_;
    bool figure_index_fresh_ = true;
    bool relation_index_fresh_ = true;
};

} // namespace reckon
