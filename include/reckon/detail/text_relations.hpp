// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The third pass of reading a text (text.hpp): relations between the figures, inferred from
// cue words (GLOSSARY.md) — parts of a whole (其中, X 中, 按…分, of which, a parenthetical
// breakdown, parts complementary by nature), shares (占…的), shares that make 100 % (a:b:c,
// add up to 100 %), percent of target (完成…的, 完成率), growth from two levels or a level and
// its increment, differences, points, conversions in parentheses, pull = growth × contribution,
// and per-capita averages (as candidates). Conservative: a relation is made only when cue,
// role, kind and period agree; a doubtful one is a candidate, never checked. Every lookback is
// bounded, so the pass is linear in the number of figures.

#include <reckon/detail/text_scan.hpp>
#include <reckon/relation.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon::detail {

/// Sets of parts complementary by nature (GLOSSARY.md, 其中): when every member is listed,
/// the list is complete. Within a member, the more specific word comes first (非税 before 税收).
struct complementary_set {
    std::vector<std::vector<std::string_view>> members;
    std::vector<std::string_view> whole_words; ///< what the whole of such parts is called
};

inline const std::vector<complementary_set>& complementary_sets() {
    static const std::vector<complementary_set> sets = {
        {{{"新建"}, {"续建"}}, {"项目"}},
        {{{"城镇"}, {"乡村", "农村"}}, {}},
        {{{"男"}, {"女"}}, {"人口", "人数"}},
        {{{"第一产业", "一产"}, {"第二产业", "二产"}, {"第三产业", "三产"}},
         {"生产总值", "gdp", "增加值", "经济总量"}},
        {{{"非税"}, {"税收"}}, {"收入"}},
        {{{"非国有"}, {"国有"}}, {}},
        {{{"full-time", "full time"}, {"part-time", "part time"}},
         {"employment", "employed", "jobs", "workers"}},
        {{{"female", "women"}, {"male", "men"}}, {"population", "people"}},
        {{{"urban"}, {"rural"}}, {}},
    };
    return sets;
}

/// Which member of a set a label names: (set, member), or nothing.
[[nodiscard]] inline std::optional<std::pair<std::size_t, std::size_t>>
member_of(std::string_view label) {
    std::string lowered;
    bool ascii = false;
    for (char c : label) {
        ascii = ascii || is_alpha(c);
    }
    if (ascii) {
        lowered.reserve(label.size());
        for (char c : label) {
            lowered += lower(c);
        }
    }
    const std::string_view text = ascii ? std::string_view(lowered) : label;
    const auto& sets = complementary_sets();
    // Most labels hold no word of any set: one pass over the label says so, trying the words
    // only where their first two bytes stand.
    struct first_bytes {
        std::vector<bool> two = std::vector<bool>(0x10000, false);
        std::vector<std::string_view> words;
    };
    static const first_bytes firsts = [&sets] {
        first_bytes t;
        for (const auto& set : sets) {
            for (const auto& member : set.members) {
                for (std::string_view w : member) {
                    // (Every word has two bytes at least.)
                    t.two[(static_cast<std::size_t>(static_cast<unsigned char>(w[0])) << 8U) |
                          static_cast<unsigned char>(w[1])] = true;
                    t.words.push_back(w);
                }
            }
        }
        return t;
    }();
    bool any = false;
    for (std::size_t p = 0; p + 1 < text.size() && !any; ++p) {
        if (!firsts.two[(static_cast<std::size_t>(static_cast<unsigned char>(text[p])) << 8U) |
                        static_cast<unsigned char>(text[p + 1])]) {
            continue;
        }
        for (std::string_view w : firsts.words) {
            if (at(text, p, w)) {
                any = true;
                break;
            }
        }
    }
    if (!any) {
        return std::nullopt;
    }
    for (std::size_t s = 0; s < sets.size(); ++s) {
        // Check members whose words contain another member's word first (非税 before 税收).
        std::optional<std::size_t> found;
        std::size_t found_len = 0;
        for (std::size_t m = 0; m < sets[s].members.size(); ++m) {
            for (std::string_view w : sets[s].members[m]) {
                if (is_alpha(w[0]) != ascii && is_alpha(w[0])) {
                    continue;
                }
                const std::size_t pos = find_word(text, w);
                if (pos == std::string::npos) {
                    continue;
                }
                // English words must stand alone ("male" inside "female" does not count).
                if (is_alpha(w[0]) && pos > 0 && is_alpha(text[pos - 1])) {
                    continue;
                }
                if (w.size() > found_len) {
                    found = m;
                    found_len = w.size();
                }
            }
        }
        if (found) {
            return std::make_pair(s, *found);
        }
    }
    return std::nullopt;
}

/// The last place of `w` (two bytes or more) in `s`, or npos: `rfind`, comparing in place
/// (string_view::rfind calls memcmp at every place).
[[nodiscard]] inline std::size_t rfind_word(std::string_view s, std::string_view w) noexcept {
    if (w.size() < 2 || s.size() < w.size()) {
        return s.rfind(w);
    }
    for (std::size_t k = s.size() - w.size() + 1; k-- > 0;) {
        if (s[k] == w[0] && at_rest(s, k, w)) {
            return k;
        }
    }
    return npos;
}

/// Whether two label keys name the same thing: one contains the other.
[[nodiscard]] inline bool keys_match(std::string_view a, std::string_view b) {
    if (a.size() < 2 || b.size() < 2) {
        return false;
    }
    return a.find(b) != std::string_view::npos || b.find(a) != std::string_view::npos;
}

/// Whether two keys share a run of two characters (six bytes of Han, or four letters).
[[nodiscard]] inline bool keys_overlap(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    while (i < a.size()) {
        const std::size_t l1 = cp_len(a, i);
        if (i + l1 >= a.size()) {
            break;
        }
        const std::size_t l2 = cp_len(a, i + l1);
        std::size_t width = l1 + l2;
        if (is_alpha(a[i])) {
            width = 4;
        }
        if (i + width <= a.size() && b.find(a.substr(i, width)) != std::string_view::npos) {
            return true;
        }
        i += l1;
    }
    return false;
}

/// Texts that a few figures of many have (better labels, better units), by figure index: a
/// list sorted by index, so that a text with a million figures and none of these costs nothing.
///
///     figure_texts t;
///     t.set(4, "万户");
///     t.find(4);   // -> "万户"; t.find(3) -> nullptr
class figure_texts {
public:
    /// Sets figure i's text (set in increasing order of i, as the relation pass does: then
    /// each is an append).
    void set(std::size_t i, std::string text) {
        if (entries_.empty() || entries_.back().first < i) {
            entries_.emplace_back(i, std::move(text));
            return;
        }
        auto it = lower(entries_, i);
        if (it != entries_.end() && it->first == i) {
            it->second = std::move(text);
        } else {
            entries_.emplace(it, i, std::move(text));
        }
    }
    /// Figure i's text, or nullptr.
    [[nodiscard]] std::string* find(std::size_t i) {
        auto it = lower(entries_, i);
        return it != entries_.end() && it->first == i ? &it->second : nullptr;
    }
    [[nodiscard]] const std::string* find(std::size_t i) const {
        auto it = lower(entries_, i);
        return it != entries_.end() && it->first == i ? &it->second : nullptr;
    }
    /// Figure i's text, or an empty one.
    [[nodiscard]] const std::string& get(std::size_t i) const {
        static const std::string none;
        const std::string* t = find(i);
        return t != nullptr ? *t : none;
    }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

private:
    // The first entry of index i or more, in `entries` (const or not).
    template <typename Entries>
    [[nodiscard]] static auto lower(Entries& entries, std::size_t i) -> decltype(entries.begin()) {
        return std::lower_bound(entries.begin(), entries.end(), i,
                                [](const std::pair<std::size_t, std::string>& e, std::size_t v) {
                                    return e.first < v;
                                });
    }

    std::vector<std::pair<std::size_t, std::string>> entries_;
};

/// `letter` followed by the decimal digits of `n`: "F12" (made in place: no string is
/// concatenated).
[[nodiscard]] inline std::string numbered_id(char letter, std::size_t n) {
    std::array<char, 24> buffer{};
    buffer[0] = letter;
    const auto result = std::to_chars(buffer.data() + 1, buffer.data() + buffer.size(), n);
    return std::string(buffer.data(), result.ptr);
}

/// Infers the relations among scanned figures.
class relation_builder {
public:
    relation_builder(const scanner& sc, std::string_view clean)
        : sc_(sc), f_(sc.figures), s_(clean), list_of_(f_.size(), npos), nested_(f_.size(), false),
          equivalent_(f_.size(), false), subject_of_rate_(f_.size(), npos),
          is_target_(f_.size(), false), whole_of_(f_.size(), npos), share_whole_(f_.size(), npos) {
        find_cues_before();
        summarize();
        additive_.reserve(f_.size());
        for (const auto& f : f_) {
            additive_.push_back(additive_label(f.label));
        }
    }

    std::vector<relation> relations;
    figure_texts labels; ///< better labels found for some figures (tables)
    figure_texts units;  ///< a unit symbol that context gives a bare scale (2万 → 万户)

    void run() {
        tables();
        conversions();
        targets();
        lists();
        shares();
        structures();
        adds_to_100();
        growth();
        points();
        pulls();
        per_capita();
        trade_balances();
        identities();
        sub_period_totals();
        discrepancies();
    }

    [[nodiscard]] static std::string id(std::size_t i) { return numbered_id('F', i + 1); }

private:
    static constexpr std::size_t window = 48; // figures looked back at, at most

public:
    /// The figures of one list of parts (parts and their attributes), at most: a longer list
    /// ends there (its sum then covers only these parts, and is partial), so that building it
    /// stays linear in the text. Real lists have a few dozen.
    static constexpr std::size_t max_list = 256;

private:
    struct part_list {
        std::size_t anchor = npos;                    // the whole of the primaries
        std::vector<std::vector<std::size_t>> groups; // each: primary first, then attributes
        bool complete = false;
        bool complementary = false; // X and non-X: complete by nature
        bool capped = false;        // cut at `max_list` figures: the rest is not in it
        std::size_t first = 0;      // first figure index of the list region
        std::size_t size = 0;       // figures in the groups
    };

    // --- helpers ---

    [[nodiscard]] const unit& u(std::size_t i) const { return sc_.units.at(f_[i].unit); }
    /// Figure i's key (its label without noise words).
    [[nodiscard]] std::string_view key_of(std::size_t i) const noexcept { return sc_.key(f_[i]); }
    [[nodiscard]] bool same_kind(std::size_t a, std::size_t b) const {
        return brief_[a].compatible == brief_[b].compatible; // compatible(u(a), u(b))
    }
    [[nodiscard]] bool usable(std::size_t i) const {
        return !brief_[i].threshold && !equivalent_[i];
    }
    [[nodiscard]] bool is_level(std::size_t i) const {
        return brief_[i].what == role::level && brief_[i].kind != reckon::kind::share &&
               brief_[i].kind != reckon::kind::points;
    }

    void add(relation r) { relations.push_back(std::move(r)); }

    // `member_of` a figure's label, asked once per figure (the lists ask it of the same figures
    // again and again; the labels do not change while relations are inferred).
    [[nodiscard]] std::optional<std::pair<std::size_t, std::size_t>> member(std::size_t i) const {
        if (member_.empty()) {
            member_.assign(f_.size(), member_unknown);
        }
        auto& m = member_[i];
        if (m.first == member_unknown.first) {
            const auto found = member_of(f_[i].label);
            m = found ? std::make_pair(static_cast<std::uint32_t>(found->first),
                                       static_cast<std::uint32_t>(found->second))
                      : member_none;
        }
        if (m == member_none) {
            return std::nullopt;
        }
        return std::make_pair(std::size_t{m.first}, std::size_t{m.second});
    }

    relation make(relation_kind k, std::vector<figure_id> ids, std::string label) {
        relation r;
        r.kind = k;
        r.figures = std::move(ids);
        r.label = std::move(label);
        return r;
    }

    // The cue events within [from, to).
    template <typename F>
    void cues_in(std::size_t from, std::size_t to, F&& fn) const {
        // Cues are local: never look further back than a long sentence (linear time on any
        // input, however long its sentences).
        if (to > from + 600) {
            from = to - 600;
        }
        auto it = std::lower_bound(sc_.cues.begin(), sc_.cues.end(), from,
                                   [](const cue_event& c, std::size_t v) { return c.begin < v; });
        for (; it != sc_.cues.end() && it->begin < to; ++it) {
            fn(*it);
        }
    }
    [[nodiscard]] bool has_cue(std::size_t from, std::size_t to, cue c) const {
        bool found = false;
        cues_in(from, to, [&](const cue_event& e) { found = found || e.what == c; });
        return found;
    }
    [[nodiscard]] std::optional<cue_event> last_cue(std::size_t from, std::size_t to, cue c) const {
        std::optional<cue_event> out;
        cues_in(from, to, [&](const cue_event& e) {
            if (e.what == c) {
                out = e;
            }
        });
        return out;
    }

    // --- what the passes ask of every figure, in a few bytes each ---

    // The passes go over all figures again and again, most of them to skip one after a glance
    // at its role: the fields they glance at, packed (a scanned figure is 152 bytes).
    struct brief {
        std::uint32_t compatible = 0; // units of one (kind, dimension) share it: `same_kind`
        role what = role::level;
        reckon::kind kind = reckon::kind::number;
        bool threshold = false;
    };

    void summarize() {
        // Units compatible with each other (one kind and dimension) share a number.
        std::vector<std::uint32_t> class_of(sc_.units.size());
        std::vector<const unit*> classes;
        for (std::size_t k = 0; k < class_of.size(); ++k) {
            const unit& x = sc_.units.at(k);
            std::size_t c = 0;
            while (c < classes.size() && !compatible(*classes[c], x)) {
                ++c;
            }
            if (c == classes.size()) {
                classes.push_back(&x);
            }
            class_of[k] = static_cast<std::uint32_t>(c);
        }
        brief_.reserve(f_.size());
        for (const scanned_figure& f : f_) {
            brief_.push_back({class_of[f.unit], f.what, f.kind, f.threshold});
        }
    }

    // --- the cues before each figure, found once ---

    // Where the words before a figure start, for the cues among them: the end of the previous
    // figure (gap), its clause, its sentence. The words run up to the figure's prefix.
    enum class words_from : unsigned char { gap, clause, sentence };

    // Per figure, a bit per kind of cue (1 << cue) among its words, from each start: what
    // has_cue(f.gap_begin / clause_begin / sentence_begin, f.prefix_begin, c) says, asked of
    // a figure by several passes, answered by one look at the cues.
    struct cues_before {
        std::uint32_t gap = 0;
        std::uint32_t clause = 0;
        std::uint32_t sentence = 0;
    };
    static_assert(static_cast<unsigned>(cue::prices) < 32, "a bit per cue");

    void find_cues_before() {
        const auto& cues = sc_.cues;
        cues_before_.resize(f_.size());
        std::size_t next = 0; // the first cue at or after the lowest start of the last figure
        for (std::size_t i = 0; i < f_.size(); ++i) {
            const scanned_figure& f = f_[i];
            const std::size_t to = f.prefix_begin;
            // As cues_in caps them: never more than 600 bytes back.
            auto capped = [to](std::size_t from) { return to > from + 600 ? to - 600 : from; };
            const std::size_t gap = capped(f.gap_begin);
            const std::size_t clause = capped(f.clause_begin);
            const std::size_t sentence = capped(f.sentence_begin);
            const std::size_t lowest = std::min(gap, std::min(clause, sentence));
            // Figures come in text order, so the first cue moves forward nearly always.
            if (next > 0 && cues[next - 1].begin >= lowest) {
                next = static_cast<std::size_t>(
                    std::lower_bound(
                        cues.begin(), cues.end(), lowest,
                        [](const cue_event& c, std::size_t v) { return c.begin < v; }) -
                    cues.begin());
            }
            while (next < cues.size() && cues[next].begin < lowest) {
                ++next;
            }
            cues_before& m = cues_before_[i];
            for (std::size_t k = next; k < cues.size() && cues[k].begin < to; ++k) {
                const std::uint32_t bit = 1U << static_cast<unsigned>(cues[k].what);
                m.gap |= cues[k].begin >= gap ? bit : 0U;
                m.clause |= cues[k].begin >= clause ? bit : 0U;
                m.sentence |= cues[k].begin >= sentence ? bit : 0U;
            }
        }
    }

    // Whether a cue `c` stands among figure i's words from `from` (has_cue, looked up).
    [[nodiscard]] bool cue_before(std::size_t i, words_from from, cue c) const {
        const cues_before& m = cues_before_[i];
        const std::uint32_t bits = from == words_from::gap      ? m.gap
                                   : from == words_from::clause ? m.clause
                                                                : m.sentence;
        return (bits >> static_cast<unsigned>(c) & 1U) != 0;
    }

    // The last cue `c` among figure i's words from `from` (last_cue, skipped when there is none).
    [[nodiscard]] std::optional<cue_event> last_cue_before(std::size_t i, words_from from,
                                                           cue c) const {
        if (!cue_before(i, from, c)) {
            return std::nullopt;
        }
        const std::size_t b = from == words_from::gap      ? f_[i].gap_begin
                              : from == words_from::clause ? f_[i].clause_begin
                                                           : f_[i].sentence_begin;
        return last_cue(b, f_[i].prefix_begin, c);
    }

    // The text of the sentence from its start up to clean offset `to`, at most 600 bytes.
    [[nodiscard]] std::string_view sentence_before(std::size_t i, std::size_t to) const {
        std::size_t b = f_[i].sentence_begin;
        if (to > b + 600) {
            b = to - 600;
        }
        return s_.substr(b, to - b);
    }

    // --- tables flattened to | rows: column labels, totals of columns ---

    // A cell's text, at most 120 bytes (cut at a character): a header names the figures of
    // every row below it, so a long one copied into each label would be quadratic.
    [[nodiscard]] std::string cell(std::size_t row, std::size_t c) const {
        const auto& [b, e] = sc_.rows[row].cells[c];
        std::size_t end = e;
        if (end - b > 120) {
            end = b + 120;
            while (end > b && is_cont(s_[end])) {
                --end;
            }
        }
        return std::string(s_.substr(b, end - b));
    }

    [[nodiscard]] static bool total_word(std::string_view label, bool prefix) {
        std::string l;
        for (char c : label) {
            l += lower(c);
        }
        static constexpr std::string_view total_words[] = {"total", "world", "all",  "合计",
                                                           "总计",  "总额",  "全部", "总"};
        for (std::string_view w : total_words) {
            if (l == w || (prefix && l.size() > w.size() && l.compare(0, w.size(), w) == 0 &&
                           (!is_alpha(w[0]) || l[w.size()] == ' '))) {
                return true;
            }
        }
        return false;
    }

    // Two labels that split a whole between them: EU / Non-EU, 城镇 / 乡村.
    [[nodiscard]] static bool complementary_pair(std::string_view a, std::string_view b) {
        auto lowered = [](std::string_view v) {
            std::string out;
            for (char c : v) {
                out += lower(c);
            }
            return out;
        };
        const std::string x = lowered(a);
        const std::string y = lowered(b);
        static constexpr std::string_view negations[] = {"non-", "non ", "非"};
        for (std::string_view neg : negations) {
            if (y == std::string(neg) + x || x == std::string(neg) + y) {
                return true;
            }
        }
        auto ma = member_of(a);
        auto mb = member_of(b);
        return ma && mb && ma->first == mb->first && ma->second != mb->second &&
               complementary_sets()[ma->first].members.size() == 2;
    }

    // Whether every data row has its figures in the same cells, under non-empty header cells.
    [[nodiscard]] bool aligned(const std::vector<std::string>& header,
                               const std::vector<std::size_t>& data) const {
        const auto& cells = sc_.rows[data.front()].figure_cells;
        for (std::size_t k : data) {
            if (sc_.rows[k].figure_cells != cells || sc_.rows[k].cells.size() != header.size()) {
                return false;
            }
        }
        for (std::size_t c : cells) {
            if (c >= header.size() || header[c].empty()) {
                return false;
            }
        }
        return true;
    }

    void tables() {
        const auto& rows = sc_.rows;
        std::size_t r = 0;
        while (r < rows.size()) {
            std::size_t e = r;
            while (e < rows.size() && rows[e].table == rows[r].table) {
                ++e;
            }
            table(r, e);
            r = e;
        }
    }

    void table(std::size_t b, std::size_t e) {
        const auto& rows = sc_.rows;
        std::vector<std::vector<std::string>> headers;
        std::vector<std::vector<std::string>> header_cells; // with the empty ones
        std::vector<std::size_t> data;
        for (std::size_t k = b; k < e; ++k) {
            if (!rows[k].figures.empty()) {
                data.push_back(k);
                continue;
            }
            if (!data.empty()) {
                continue; // a text row among the data: no header
            }
            std::vector<std::string> texts;
            bool rule = true;
            for (std::size_t c = 0; c < rows[k].cells.size(); ++c) {
                std::string t = cell(k, c);
                if (t.find_first_not_of("-: ") != std::string::npos) {
                    rule = false;
                }
                if (!t.empty()) {
                    texts.push_back(std::move(t));
                }
            }
            if (!rule && !texts.empty()) {
                headers.push_back(std::move(texts));
                header_cells.emplace_back();
                for (std::size_t c = 0; c < rows[k].cells.size(); ++c) {
                    header_cells.back().push_back(cell(k, c));
                }
            }
        }
        if (data.empty() || headers.empty()) {
            return;
        }
        const std::size_t n = rows[data.front()].figures.size();
        for (std::size_t k : data) {
            if (rows[k].figures.size() != n) {
                return;
            }
        }
        if (n < 2) {
            return;
        }
        // Column groups: a top header over sub-headers when the counts say so.
        struct group {
            std::string label;
            std::vector<std::size_t> columns;
            std::vector<std::string> sub;
        };
        std::vector<group> groups;
        const auto& top = headers.front();
        if (headers.size() >= 2 && top.size() >= 1 && top.size() - 1 + headers[1].size() == n &&
            headers[1].size() >= 2) {
            const auto& sub = headers[1];
            groups.push_back({top[0], {}, sub});
            for (std::size_t c = 0; c < sub.size(); ++c) {
                groups.back().columns.push_back(c);
            }
            for (std::size_t g = 1; g < top.size(); ++g) {
                groups.push_back({top[g], {sub.size() + g - 1}, {}});
            }
        } else if (headers.size() == 1 && aligned(header_cells.front(), data)) {
            // One header row in line with the data: a figure's cell names its column.
            const auto& cells = rows[data.front()].figure_cells;
            for (std::size_t c = 0; c < n; ++c) {
                groups.push_back({header_cells.front()[cells[c]], {c}, {}});
            }
        } else if (top.size() == n) {
            for (std::size_t c = 0; c < n; ++c) {
                groups.push_back({top[c], {c}, {}});
            }
        } else {
            return;
        }
        // Labels: column, then the row's words (2011 Oct).
        for (std::size_t k : data) {
            std::string row_label;
            std::vector<bool> holds_figure(rows[k].cells.size(), false);
            for (std::size_t c : rows[k].figure_cells) {
                holds_figure[c] = true;
            }
            for (std::size_t c = 0; c < rows[k].cells.size(); ++c) {
                if (holds_figure[c]) {
                    continue;
                }
                const std::string t = cell(k, c);
                if (!t.empty() && row_label.size() < 120) { // each figure's label holds a copy
                    row_label += (row_label.empty() ? "" : " ") + t;
                }
            }
            for (const group& g : groups) {
                for (std::size_t c = 0; c < g.columns.size(); ++c) {
                    const std::size_t fi = rows[k].figures[g.columns[c]];
                    labels.set(fi, g.label + (g.sub.empty() ? "" : ": " + g.sub[c]) +
                                       (row_label.empty() ? "" : " (" + row_label + ")"));
                }
            }
        }
        // Totals: a sub-column named total over its complementary siblings; a top column named
        // total over the other groups' totals. Levels only (rates do not add).
        std::vector<std::size_t> group_total(groups.size(), npos);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].sub.empty()) {
                group_total[g] = groups[g].columns.front();
                continue;
            }
            std::size_t total = npos;
            std::vector<std::size_t> parts;
            for (std::size_t c = 0; c < groups[g].sub.size(); ++c) {
                if (total == npos && total_word(groups[g].sub[c], false)) {
                    total = c;
                } else {
                    parts.push_back(c);
                }
            }
            if (total == npos || parts.size() != 2 ||
                !complementary_pair(groups[g].sub[parts[0]], groups[g].sub[parts[1]]) ||
                !additive_label(groups[g].label)) {
                continue;
            }
            group_total[g] = groups[g].columns[total];
            for (std::size_t k : data) {
                const auto& fs = rows[k].figures;
                if (!is_level(fs[groups[g].columns[total]])) {
                    continue;
                }
                add(make(relation_kind::sum,
                         {id(fs[groups[g].columns[total]]), id(fs[groups[g].columns[parts[0]]]),
                          id(fs[groups[g].columns[parts[1]]])},
                         labels.get(fs[groups[g].columns[total]]) + " = Σ parts (table)"));
            }
        }
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (!groups[g].sub.empty() || !total_word(groups[g].label, true) ||
                g + 1 != groups.size()) {
                continue;
            }
            std::vector<std::size_t> parts;
            for (std::size_t h = 0; h < g; ++h) {
                if (group_total[h] == npos || !additive_label(groups[h].label)) {
                    parts.clear();
                    break;
                }
                parts.push_back(group_total[h]);
            }
            if (!additive_label(groups[g].label)) {
                continue;
            }
            if (parts.size() < 2 || parts.size() > max_list) {
                continue;
            }
            for (std::size_t k : data) {
                const auto& fs = rows[k].figures;
                if (!is_level(fs[group_total[g]])) {
                    continue;
                }
                std::vector<figure_id> ids{id(fs[group_total[g]])};
                for (std::size_t c : parts) {
                    ids.push_back(id(fs[c]));
                }
                add(make(relation_kind::sum, std::move(ids),
                         labels.get(fs[group_total[g]]) + " = Σ parts (table)"));
            }
        }
    }

    // --- conversions: 13659.6万吨(2731.9亿斤); 折算为 6908 美元 ---

    void conversions() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            const std::size_t o = f_[i].paren_of;
            if (o != npos && (i == o + 1) && brief_[o].what != role::rate &&
                brief_[i].kind == brief_[o].kind && brief_[i].kind != reckon::kind::share &&
                brief_[i].kind != reckon::kind::points && u(i).symbol != u(o).symbol &&
                (u(i).kind != reckon::kind::number)) {
                equivalent_[i] = true;
                add(make(relation_kind::conversion, {id(i), id(o)},
                         f_[o].label.empty() ? "the same figure in another unit"
                                             : f_[o].label + ", in another unit"));
                continue;
            }
            // 折算为 / 折合: a conversion of the level just before.
            if (is_level(i) && cue_before(i, words_from::gap, cue::convert)) {
                for (std::size_t k = i; k > 0 && i - k < 6; --k) {
                    const std::size_t j = k - 1;
                    if (f_[j].sentence != f_[i].sentence) {
                        break;
                    }
                    if (is_level(j) && brief_[j].kind == brief_[i].kind && usable(j)) {
                        equivalent_[i] = true;
                        relation r = make(relation_kind::conversion, {id(i), id(j)},
                                          f_[j].label + ", converted");
                        add(std::move(r));
                        break;
                    }
                }
            }
        }
    }

    // --- percent of target: 完成年度目标的 105.8 %, 完成年初预算数 60999 万元的 40.4 % ---

    void targets() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (brief_[i].what != role::target_percent) {
                continue;
            }
            const auto done = last_cue_before(i, words_from::clause, cue::complete);
            const auto rate = last_cue_before(i, words_from::clause, cue::completion_rate);
            std::size_t target = npos;
            std::size_t actual = npos;
            if (done && !rate) {
                // A target printed between 完成 and 的.
                for (std::size_t k = i; k > 0; --k) {
                    const std::size_t j = k - 1;
                    if (f_[j].begin < done->end) {
                        break;
                    }
                    if (is_level(j)) {
                        target = j;
                        is_target_[j] = true;
                        break;
                    }
                }
                // The actual: the level before 完成 in the same sentence.
                for (std::size_t k = target == npos ? i : target; k > 0; --k) {
                    const std::size_t j = k - 1;
                    if (f_[j].sentence != f_[i].sentence || i - j > 8) {
                        break;
                    }
                    if (f_[j].begin < done->begin && is_level(j) && usable(j) && !is_target_[j] &&
                        (target == npos || same_kind(j, target))) {
                        actual = j;
                        break;
                    }
                }
            } else {
                // 完成率: the completed amount, and a plan or target stated before it.
                for (std::size_t k = i; k > 0 && i - k < 8; --k) {
                    const std::size_t j = k - 1;
                    if (f_[j].paragraph != f_[i].paragraph) {
                        break;
                    }
                    if (is_level(j) && usable(j) && f_[j].label.find("完成") != std::string::npos) {
                        actual = j;
                        break;
                    }
                }
                if (actual == npos) {
                    continue;
                }
                for (std::size_t k = actual; k > 0 && actual - k < window; --k) {
                    const std::size_t j = k - 1;
                    if (f_[i].paragraph - f_[j].paragraph > 1) {
                        break;
                    }
                    const std::string& l = f_[j].label;
                    if (is_level(j) && usable(j) && same_kind(j, actual) &&
                        compatible(f_[j].when, f_[actual].when) &&
                        (l.find("计划") != std::string::npos ||
                         l.find("目标") != std::string::npos ||
                         l.find("预算") != std::string::npos ||
                         l.find("任务") != std::string::npos)) {
                        target = j;
                        break;
                    }
                }
            }
            if (actual == npos) {
                continue;
            }
            add(make(relation_kind::percent_of_target,
                     {id(i), id(actual), target == npos ? std::string() : id(target)},
                     f_[actual].label + ": percent of target"));
        }
    }

    // --- parts of a whole ---

    [[nodiscard]] bool same_role(std::size_t a, std::size_t b) const {
        const auto r = [&](std::size_t i) {
            return brief_[i].what == role::increment ? role::increment : role::level;
        };
        return r(a) == r(b) && brief_[a].kind != reckon::kind::share &&
               brief_[b].kind != reckon::kind::share && brief_[a].kind != reckon::kind::points &&
               brief_[b].kind != reckon::kind::points && additive_[a] && additive_[b];
    }

    // Averages, per-capita values, prices and indices do not add up over parts.
    [[nodiscard]] static bool additive_label(std::string_view label) {
        static const std::vector<std::string_view> words = {
            "人均", "平均", "均价", "价格", "单价", "指数", "中位数", "率",
        };
        // One pass over the label, trying the words only where one's first two bytes stand
        // (every Han character starts with one of a few bytes: the first alone says little).
        static const std::vector<bool> first_two = [] {
            std::vector<bool> t(0x10000, false);
            for (std::string_view w : words) {
                t[(static_cast<std::size_t>(static_cast<unsigned char>(w[0])) << 8U) |
                  static_cast<unsigned char>(w[1])] = true;
            }
            return t;
        }();
        for (std::size_t p = 0; p + 1 < label.size(); ++p) {
            if (!first_two[(static_cast<std::size_t>(static_cast<unsigned char>(label[p])) << 8U) |
                           static_cast<unsigned char>(label[p + 1])]) {
                continue;
            }
            for (std::string_view w : words) {
                if (at(label, p, w)) {
                    return false;
                }
            }
        }
        if (std::none_of(label.begin(), label.end(), [](char c) { return is_alpha(c); })) {
            return true; // no English word in it
        }
        std::string l;
        l.reserve(label.size());
        for (char c : label) {
            l += lower(c);
        }
        static constexpr std::string_view english_words[] = {"per capita", "per head", "average",
                                                             "price",      "prices",   "index",
                                                             "median",     "rate",     "rates"};
        for (std::string_view w : english_words) {
            for (std::size_t p = l.find(w); p != std::string::npos; p = l.find(w, p + 1)) {
                if (word_at(l, p, w)) {
                    return false;
                }
            }
        }
        return true;
    }

    // The figure before a cue that is the whole of a list starting with `first`.
    [[nodiscard]] std::size_t anchor_before(std::size_t cue_at, std::size_t first) const {
        for (std::size_t k = first; k > 0 && first - k < 12; --k) {
            const std::size_t j = k - 1;
            if (f_[j].begin >= cue_at) {
                continue;
            }
            if (f_[first].sentence - f_[j].sentence > 1 || f_[first].paragraph != f_[j].paragraph) {
                return npos;
            }
            if (!usable(j) || is_target_[j] || f_[j].paren_of != npos) {
                continue;
            }
            if (same_role(j, first) && same_kind(j, first) &&
                compatible(f_[j].when, f_[first].when)) {
                return j;
            }
        }
        return npos;
    }

    // A recent figure whose label matches `key`, compatible with `like`, before `before`.
    // The name of a whole is the name of its parts' common attribute or more specific
    // (省外到位资金 for 到位资金): the same key first, else one that contains it.
    [[nodiscard]] std::size_t by_label(std::string_view key, std::size_t like, std::size_t before,
                                       std::size_t exclude_list = npos) const {
        if (key.size() < 4) {
            return npos;
        }
        std::size_t containing = npos;
        for (std::size_t k = before; k > 0 && before - k < window; --k) {
            const std::size_t j = k - 1;
            if (f_[like].paragraph > f_[j].paragraph + 6) {
                break;
            }
            if (!usable(j) || is_target_[j] ||
                (exclude_list != npos && list_of_[j] == exclude_list)) {
                continue;
            }
            if (!same_role(j, like) || !same_kind(j, like) ||
                !compatible(f_[j].when, f_[like].when)) {
                continue;
            }
            if (key_of(j) == key) {
                return j;
            }
            if (containing == npos && key_of(j).find(key) != std::string::npos) {
                containing = j;
            }
        }
        return containing;
    }

    // Whether the primaries of a list are every member of one complementary set.
    [[nodiscard]] std::optional<std::size_t> complete_set(const part_list& l) const {
        std::optional<std::size_t> set;
        std::vector<bool> seen;
        for (const auto& g : l.groups) {
            auto m = member(g.front());
            if (!m || (set && *set != m->first)) {
                return std::nullopt;
            }
            if (!set) {
                set = m->first;
                seen.assign(complementary_sets()[m->first].members.size(), false);
            }
            if (seen[m->second]) {
                return std::nullopt;
            }
            seen[m->second] = true;
        }
        if (!set) {
            return std::nullopt;
        }
        for (bool b : seen) {
            if (!b) {
                return std::nullopt;
            }
        }
        return set;
    }

    // Collects the groups of a list from figure `first` on, while they fit.
    void collect(part_list& l, std::size_t first, std::size_t stop_at, bool by_paragraph) {
        const std::size_t primary_like = l.anchor != npos ? l.anchor : first;
        std::size_t i = first;
        std::uint32_t segment = f_[first].segment;
        bool attributes_seen = false;
        for (; i < f_.size() && i < stop_at; ++i) {
            const scanned_figure& f = f_[i];
            if (!by_paragraph && f.sentence != f_[first].sentence) {
                break;
            }
            if (l.size >= max_list) {
                l.capped = true;
                break;
            }
            if (by_paragraph && f.paragraph > f_[first].paragraph + 8) {
                break;
            }
            if (list_of_[i] != npos || nested_[i] || equivalent_[i] || f.threshold) {
                if (nested_[i] || equivalent_[i]) {
                    continue;
                }
                break;
            }
            const bool primary = usable(i) && same_role(i, primary_like) &&
                                 same_kind(i, primary_like) && f.paren_of == npos;
            if (primary && !l.groups.empty()) {
                // "谷物中冬小麦": a part of a part starts a list of its own.
                const std::string x = among_prefix(i);
                bool nested_list = false;
                for (std::size_t g = 0; g < l.groups.size() && !x.empty() && !nested_list; ++g) {
                    nested_list = key_of(l.groups[g].front()).find(x) != std::string::npos;
                }
                if (nested_list) {
                    break;
                }
            }
            if (primary && !l.groups.empty() &&
                !compatible(f.when, f_[l.groups.front().front()].when)) {
                break; // another period: another list
            }
            const bool new_segment =
                by_paragraph
                    ? (!l.groups.empty() && f.paragraph != f_[l.groups.back().front()].paragraph)
                    : f.segment != segment;
            if (new_segment && !primary) {
                break; // a new segment that does not start a group ends the list
            }
            if (by_paragraph && new_segment && primary) {
                // Only the first figure of a paragraph starts a group.
            }
            if (primary && (!by_paragraph || l.groups.empty() || new_segment)) {
                l.groups.push_back({i});
                ++l.size;
                segment = f.segment;
                continue;
            }
            if (l.groups.empty()) {
                break;
            }
            if (by_paragraph && primary && !new_segment) {
                l.groups.back().push_back(i);
                ++l.size;
                attributes_seen = true;
                continue;
            }
            l.groups.back().push_back(i);
            ++l.size;
            attributes_seen = true;
            segment = f.segment;
        }
        (void)attributes_seen;
    }

    void emit_list(part_list& l, std::string_view why) {
        if (l.groups.empty()) {
            return;
        }
        const std::size_t list_id = lists_.size();
        for (const auto& g : l.groups) {
            for (std::size_t m : g) {
                list_of_[m] = list_id;
            }
        }
        const bool nature = complete_set(l).has_value();
        const bool closed = has_cue(f_[l.groups.front().front()].gap_begin,
                                    f_[l.groups.back().back()].end, cue::rest) ||
                            has_cue(f_[l.groups.front().front()].gap_begin,
                                    f_[l.groups.back().back()].end, cue::respectively);
        l.complete = (nature || closed || l.complementary) && !l.capped;
        // The primaries against the anchor.
        if (l.anchor != npos) {
            std::vector<figure_id> ids{id(l.anchor)};
            for (const auto& g : l.groups) {
                ids.push_back(id(g.front()));
            }
            relation r = make(relation_kind::sum, std::move(ids),
                              f_[l.anchor].label + " = Σ parts (" + std::string(why) + ")");
            r.complete = l.complete;
            add(std::move(r));
        }
        // Attributes with the same label in the groups, against a whole of that label.
        std::vector<bool> done(l.groups.size() > 0 ? l.groups.front().size() : 0, false);
        for (std::size_t a = 1; a < l.groups.front().size(); ++a) {
            const std::size_t first_attr = l.groups.front()[a];
            if (!is_level(first_attr) && brief_[first_attr].what != role::increment) {
                continue;
            }
            std::vector<std::size_t> attrs{first_attr};
            bool every_group = true;
            for (std::size_t g = 1; g < l.groups.size(); ++g) {
                std::size_t hit = npos;
                for (std::size_t k = 1; k < l.groups[g].size(); ++k) {
                    const std::size_t m = l.groups[g][k];
                    if (same_role(m, first_attr) && same_kind(m, first_attr) &&
                        (key_of(m) == key_of(first_attr) ||
                         (brief_[first_attr].what == role::increment &&
                          brief_[m].what == role::increment))) {
                        hit = m;
                        break;
                    }
                }
                if (hit == npos) {
                    every_group = false;
                } else {
                    attrs.push_back(hit);
                }
            }
            std::size_t whole = npos;
            if (brief_[first_attr].what == role::increment) {
                // The change of the parts against the change of the whole: only for a
                // complete list (a partial list of changes bounds nothing).
                if (!l.complete || !every_group || l.anchor == npos) {
                    continue;
                }
                for (std::size_t j = l.anchor + 1; j < l.groups.front().front(); ++j) {
                    if (brief_[j].what == role::increment && same_kind(j, first_attr) &&
                        f_[j].sentence == f_[l.anchor].sentence) {
                        whole = j;
                        break;
                    }
                }
            } else {
                whole = by_label(key_of(first_attr), first_attr, l.first, list_id);
            }
            if (whole == npos || attrs.size() < 2) {
                continue;
            }
            std::vector<figure_id> ids{id(whole)};
            for (std::size_t m : attrs) {
                ids.push_back(id(m));
                whole_of_[m] = whole;
            }
            relation r = make(relation_kind::sum, std::move(ids),
                              f_[whole].label + " = Σ parts (" + std::string(why) + ")");
            r.complete = l.complete && every_group;
            add(std::move(r));
        }
        lists_.push_back(std::move(l)); // no caller reads the list after it is emitted
    }

    // A parenthetical breakdown: 建设项目27项(省级6项、市级5项、县级16项).
    void paren_breakdowns() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (f_[i].paren_of == npos || f_[i].paren_of + 1 != i || equivalent_[i]) {
                continue;
            }
            const std::size_t o = f_[i].paren_of;
            std::vector<std::size_t> parts;
            std::size_t j = i;
            for (; j < f_.size() && f_[j].paren_of == o; ++j) {
                if (same_role(j, o) && same_kind(j, o) && usable(j)) {
                    parts.push_back(j);
                }
            }
            if (parts.size() < 2 || !usable(o)) {
                continue;
            }
            part_list l;
            l.anchor = o;
            l.first = i;
            for (std::size_t p : parts) {
                l.groups.push_back({p});
                nested_[p] = true;
            }
            emit_list(l, "in parentheses");
            i = j - 1;
        }
    }

    void lists() {
        paren_breakdowns();
        // Cue-led lists: 其中, X 中, 在 X 中, 包括, of which, including, 按…分.
        const auto& cues = sc_.cues;
        std::size_t next_figure = 0;
        for (std::size_t c = 0; c < cues.size(); ++c) {
            const cue_event& e = cues[c];
            if (e.what != cue::of_which && e.what != cue::among && e.what != cue::including &&
                e.what != cue::by_breakdown) {
                continue;
            }
            if (e.what == cue::by_breakdown && !breakdown_at(e)) {
                continue;
            }
            while (next_figure < f_.size() && f_[next_figure].number_begin < e.end) {
                ++next_figure;
            }
            if (next_figure >= f_.size()) {
                break;
            }
            const std::size_t first = next_figure;
            if (list_of_[first] != npos) {
                continue; // already taken (其中 right after X 中)
            }
            // The list must start in this sentence, or right after 其中: at a line's end.
            const bool by_paragraph =
                f_[first].paragraph != paragraph_at(e.begin) && e.what == cue::of_which;
            if (f_[first].sentence != sentence_at(e.begin) && !by_paragraph) {
                continue;
            }
            part_list l;
            l.first = first;
            if (e.what == cue::among) {
                l.anchor = among_anchor(e, first);
            } else if (e.what == cue::by_breakdown) {
                l.anchor = npos;
            } else if (!by_paragraph) {
                l.anchor = anchor_before(e.begin, first);
            }
            // A later 其中 in the same sentence ends this list.
            std::size_t stop = f_.size();
            for (std::size_t d = c + 1; d < cues.size(); ++d) {
                if (cues[d].what == cue::of_which || cues[d].what == cue::among) {
                    stop = first_figure_after(cues[d].begin);
                    break;
                }
                if (cues[d].begin > f_[first].end + 2000) {
                    break;
                }
            }
            collect(l, first, stop, by_paragraph);
            if (e.what == cue::by_breakdown) {
                // 按…分 may cover several periods in turn: 2021年 …, 12月份 ….
                while (true) {
                    implicit_anchor(l, e.begin, true);
                    const std::size_t after =
                        l.groups.empty() ? f_.size() : l.groups.back().back() + 1;
                    emit_list(l, "按…分");
                    if (after >= f_.size() || f_[after].sentence != f_[first].sentence ||
                        list_of_[after] != npos) {
                        break;
                    }
                    l = part_list{};
                    l.first = after;
                    collect(l, after, stop, false);
                    if (l.groups.empty()) {
                        break;
                    }
                }
                continue;
            }
            emit_list(l, e.what == cue::of_which ? "其中"
                         : e.what == cue::among  ? "中"
                                                 : "including");
        }
        inner_among();
        implicit_sets();
    }

    [[nodiscard]] bool breakdown_at(const cue_event& e) const {
        // 按 … 分, within a few characters.
        const std::string_view rest =
            s_.substr(e.end, std::min<std::size_t>(30, s_.size() - e.end));
        const std::size_t pos = rest.find("分");
        if (pos == std::string_view::npos) {
            return false;
        }
        const std::size_t after = e.end + pos + 3;
        const char32_t next = cp_at(s_, after);
        return next == U',' || next == U'\uFF0C' || next == U':';
    }

    [[nodiscard]] std::uint32_t sentence_at(std::size_t offset) const {
        auto it = std::upper_bound(sc_.sentence_starts.begin(), sc_.sentence_starts.end(), offset);
        return static_cast<std::uint32_t>(it - sc_.sentence_starts.begin() - 1);
    }
    [[nodiscard]] std::uint32_t paragraph_at(std::size_t offset) const {
        auto it =
            std::upper_bound(sc_.paragraph_starts.begin(), sc_.paragraph_starts.end(), offset);
        return static_cast<std::uint32_t>(it - sc_.paragraph_starts.begin() - 1);
    }
    [[nodiscard]] std::size_t last_figure_before(std::size_t offset) const {
        auto it =
            std::lower_bound(f_.begin(), f_.end(), offset,
                             [](const scanned_figure& f, std::size_t v) { return f.begin < v; });
        return it == f_.begin() ? npos : static_cast<std::size_t>(it - f_.begin()) - 1;
    }
    [[nodiscard]] std::size_t first_figure_after(std::size_t offset) const {
        auto it =
            std::lower_bound(f_.begin(), f_.end(), offset,
                             [](const scanned_figure& f, std::size_t v) { return f.begin < v; });
        return static_cast<std::size_t>(it - f_.begin());
    }

    // The whole of "X 中,": a figure in X's clause, or a recent figure named X.
    [[nodiscard]] std::size_t among_anchor(const cue_event& e, std::size_t first) const {
        // The words X: back from 中 to a clause mark.
        std::size_t a = e.begin;
        std::size_t count = 0;
        while (a > 0 && count < 16) {
            const std::size_t p = prev_cp(s_, a);
            if (is_clause_mark(cp_at(s_, p)) || is_digit(s_[p])) {
                break;
            }
            a = p;
            ++count;
        }
        // A figure right there: 84项招商引资项目中.
        const std::size_t before = last_figure_before(e.begin);
        if (before != npos && f_[before].end >= a && same_kind(before, first) &&
            same_role(before, first) && f_[before].sentence == f_[first].sentence) {
            return before;
        }
        std::string_view words = s_.substr(a, e.begin - a);
        if (at(words, 0, "在")) {
            words.remove_prefix(3);
        }
        const std::string key = label_key(words);
        if (key.size() < 4) {
            return npos;
        }
        const std::size_t j = by_label(key, first, first);
        if (j != npos) {
            return j;
        }
        // 在已实施的项目中: a recent whole with the same head noun (two Han characters).
        if (key.size() < 6 || is_cont(key[key.size() - 6])) {
            return npos;
        }
        const std::string_view head = std::string_view(key).substr(key.size() - 6);
        for (std::size_t k = first; k > 0 && first - k < 16; --k) {
            const std::size_t m = k - 1;
            if (f_[first].sentence - f_[m].sentence > 2) {
                break;
            }
            if (list_of_[m] != npos || nested_[m] || !usable(m)) {
                continue;
            }
            if (same_role(m, first) && same_kind(m, first) &&
                ends(key_of(m), key_of(m).size(), head)) {
                return m;
            }
        }
        return npos;
    }

    // The key of X when a label reads "X中…" (谷物中冬小麦产量), else empty.
    [[nodiscard]] std::string among_prefix(std::size_t i) const {
        const std::string& l = f_[i].label;
        const std::size_t pos = l.find("中");
        if (pos == std::string::npos || pos < 6 || pos > 24) {
            return {};
        }
        return label_key(std::string_view(l).substr(0, pos));
    }

    // "谷物中冬小麦产量": a label that starts with the name of a recent figure and 中.
    void inner_among() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (list_of_[i] != npos || !is_level(i) || !usable(i)) {
                continue;
            }
            const std::string key = among_prefix(i);
            if (key.empty()) {
                continue;
            }
            const std::size_t anchor = by_label(key, i, i);
            if (anchor == npos || anchor + 12 < i) {
                continue;
            }
            part_list lst;
            lst.anchor = anchor;
            lst.first = i;
            collect(lst, i, f_.size(), false);
            emit_list(lst, "中");
        }
    }

    // Parts complementary by nature with no cue: 第一产业 …, 第二产业 …, 第三产业 ….
    void implicit_sets() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (list_of_[i] != npos || !usable(i) || f_[i].paren_of != npos ||
                !(is_level(i) || brief_[i].what == role::increment)) {
                continue;
            }
            auto m = member(i);
            if (!m) {
                non_x_pair(i);
                continue;
            }
            const auto& set = complementary_sets()[m->first];
            // The next figures of the same kind and role in this or the next sentences.
            part_list l;
            l.first = i;
            std::vector<bool> seen(set.members.size(), false);
            std::size_t last = i;
            for (std::size_t j = i; j < f_.size() && j < i + 16; ++j) {
                if (f_[j].paragraph != f_[i].paragraph) {
                    break;
                }
                if (list_of_[j] != npos || !usable(j) || f_[j].paren_of != npos ||
                    !same_role(j, i) || !same_kind(j, i) || !compatible(f_[j].when, f_[i].when)) {
                    if (!l.groups.empty()) {
                        l.groups.back().push_back(j);
                    }
                    continue;
                }
                auto mj = member(j);
                if (!mj || mj->first != m->first || seen[mj->second]) {
                    break;
                }
                seen[mj->second] = true;
                l.groups.push_back({j});
                last = j;
            }
            if (std::find(seen.begin(), seen.end(), false) != seen.end()) {
                continue;
            }
            // Attributes after the last part stay in its sentence.
            auto& tail = l.groups.back();
            tail.erase(
                std::remove_if(tail.begin() + 1, tail.end(),
                               [&](std::size_t k) { return f_[k].sentence != f_[last].sentence; }),
                tail.end());
            implicit_anchor(l, f_[i].begin);
            if (l.anchor == npos) {
                continue;
            }
            emit_list(l, "parts complementary by nature");
            i = last;
        }
    }

    // X and non-X, next to each other in a sentence: 13.9 to EU countries, 12.6 to non-EU.
    void non_x_pair(std::size_t i) {
        for (std::size_t j = i + 1; j < f_.size() && j <= i + 4; ++j) {
            if (f_[j].sentence != f_[i].sentence) {
                return;
            }
            if (list_of_[j] != npos || !usable(j) || f_[j].paren_of != npos || !same_role(j, i) ||
                !same_kind(j, i)) {
                continue;
            }
            if (!non_pair(f_[i].label, f_[j].label)) {
                return;
            }
            part_list l;
            l.first = i;
            l.complementary = true;
            l.groups.push_back({i});
            l.groups.push_back({j});
            implicit_anchor(l, f_[i].begin);
            if (l.anchor != npos) {
                emit_list(l, "X and non-X");
            }
            return;
        }
    }

    // The whole of parts listed with no cue naming it: the latest level of the same kind in the
    // three sentences before, of the same period, named like the parts' whole.
    void implicit_anchor(part_list& l, std::size_t before_offset, bool cued = false) {
        if (l.groups.empty()) {
            return;
        }
        const std::size_t first = l.groups.front().front();
        auto m = member(first);
        for (std::size_t k = first; k > 0 && first - k < (cued ? window : 24); --k) {
            const std::size_t j = k - 1;
            if (f_[j].begin >= before_offset) {
                continue;
            }
            if (!cued && (f_[first].sentence - f_[j].sentence > 3 ||
                          f_[first].paragraph - f_[j].paragraph > 1)) {
                return;
            }
            if (cued && f_[first].paragraph - f_[j].paragraph > 3) {
                return;
            }
            if (list_of_[j] != npos || nested_[j] || !usable(j) || is_target_[j] ||
                f_[j].paren_of != npos || f_[j].from_level) {
                continue;
            }
            if (!same_role(j, first) || !same_kind(j, first) ||
                !compatible(f_[j].when, f_[first].when)) {
                continue;
            }
            // Named like a whole of such parts.
            bool named = false;
            if (m) {
                for (std::string_view w : complementary_sets()[m->first].whole_words) {
                    std::string lowered;
                    for (char c : f_[j].label) {
                        lowered += lower(c);
                    }
                    named = named || lowered.find(w) != std::string::npos;
                }
            }
            std::string part_key(key_of(first));
            if (m) {
                for (std::string_view w : complementary_sets()[m->first].members[m->second]) {
                    const std::size_t p = part_key.find(w);
                    if (p != std::string::npos) {
                        part_key.erase(p, w.size());
                    }
                }
            }
            named = named || names_overlap(part_key, f_[first].label, key_of(j), f_[j].label);
            if (named) {
                l.anchor = j;
                return;
            }
        }
    }

    // Whether two names share a word: two Han characters in a row, or an English word of four
    // letters or more that is not a function or direction word.
    [[nodiscard]] static bool names_overlap(std::string_view key_a, std::string_view label_a,
                                            std::string_view key_b, std::string_view label_b) {
        auto english = [](std::string_view l) {
            for (char c : l) {
                if (is_alpha(c)) {
                    return true;
                }
            }
            return false;
        };
        if (!english(label_a) && !english(label_b)) {
            return keys_overlap(key_a, key_b);
        }
        auto words = [](std::string_view l) {
            std::vector<std::string> out;
            std::string w;
            for (std::size_t k = 0; k <= l.size(); ++k) {
                if (k < l.size() && (is_alpha(l[k]) || l[k] == '-')) {
                    w += lower(l[k]);
                    continue;
                }
                if (w.size() >= 4) {
                    out.push_back(w);
                }
                w.clear();
            }
            return out;
        };
        static const std::vector<std::string_view> stop = {
            "from",     "with",     "that",     "this",  "were",  "have",      "been",
            "than",     "over",     "into",     "rose",  "fell",  "increased", "decreased",
            "record",   "while",    "whilst",   "total", "level", "month",     "year",
            "previous", "increase", "decrease", "down",
        };
        const auto a = words(label_a);
        const auto b = words(label_b);
        for (const auto& x : a) {
            if (std::find(stop.begin(), stop.end(), x) != stop.end()) {
                continue;
            }
            if (std::find(b.begin(), b.end(), x) != b.end()) {
                return true;
            }
        }
        return false;
    }

    // Two labels that name X and non-X (EU / non-EU): the English word after "non-" in one
    // stands alone in the other.
    [[nodiscard]] static bool non_pair(std::string_view a, std::string_view b) {
        // Most labels hold no "non-" at all: say so without lowering copies of them.
        auto has_non = [](std::string_view v) {
            for (std::size_t p = 0; p + 4 <= v.size(); ++p) {
                if (lower(v[p]) == 'n' && lower(v[p + 1]) == 'o' && lower(v[p + 2]) == 'n' &&
                    v[p + 3] == '-') {
                    return true;
                }
            }
            return false;
        };
        if (!has_non(a) && !has_non(b)) {
            return false;
        }
        for (int pass = 0; pass < 2; ++pass) {
            const std::string_view x = pass == 0 ? a : b;
            const std::string_view y = pass == 0 ? b : a;
            std::string ly;
            for (char c : y) {
                ly += lower(c);
            }
            const std::size_t p = ly.find("non-");
            if (p == std::string::npos) {
                continue;
            }
            std::size_t e = p + 4;
            while (e < ly.size() && is_alpha(ly[e])) {
                ++e;
            }
            const std::string word = ly.substr(p + 4, e - p - 4);
            if (word.size() < 2) {
                continue;
            }
            std::string lx;
            for (char c : x) {
                lx += lower(c);
            }
            // The rest of the two labels must agree: they name the same thing for X and non-X.
            if (lx.find("non-") != std::string::npos) {
                continue;
            }
            std::string ly_rest = ly;
            ly_rest.erase(p, 4);
            if (ly_rest == lx) {
                return true;
            }
        }
        return false;
    }

    // --- shares: 占全部到位资金的 80.6 %, 占社会消费品零售总额的比重为 24.5 % ---

    [[nodiscard]] const part_list* list_at(std::size_t i) const {
        return list_of_[i] == npos ? nullptr : &lists_[list_of_[i]];
    }

    // The whole of a list member: the anchor for a primary, the matched whole for an attribute.
    [[nodiscard]] std::size_t list_whole(std::size_t i) const {
        const part_list* l = list_at(i);
        if (l == nullptr) {
            return npos;
        }
        for (const auto& g : l->groups) {
            if (g.front() == i) {
                return l->anchor;
            }
        }
        // An attribute: the whole of the sum made for its label.
        return whole_of_[i];
    }

    void shares() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (brief_[i].what != role::share) {
                continue;
            }
            // The words naming the whole: after 占, up to 的 / 比重 / the number.
            std::string whole_words;
            if (auto c = last_cue_before(i, words_from::clause, cue::share_of)) {
                std::string_view w = s_.substr(c->end, f_[i].prefix_begin - c->end);
                static constexpr std::string_view share_words[] = {"的比重", "比重", "的比例",
                                                                   "比例",   "的",   "为"};
                for (std::string_view cut : share_words) {
                    const std::size_t p = w.find(cut);
                    if (p != std::string_view::npos) {
                        w = w.substr(0, p);
                    }
                }
                whole_words = label_key(w);
            } else {
                continue; // 比重为 x% with no 占: whose share is not said
            }
            // The part: the nearest level before, in the same sentence.
            std::size_t part = npos;
            for (std::size_t k = i; k > 0 && i - k < 8; --k) {
                const std::size_t j = k - 1;
                if (f_[j].sentence != f_[i].sentence) {
                    break;
                }
                if (brief_[j].what == role::share) {
                    break; // the previous share's part is not ours
                }
                if (is_level(j) && usable(j) && !is_target_[j]) {
                    part = j;
                    break;
                }
            }
            if (part == npos) {
                continue;
            }
            // The whole: the list's, when the words fit it; else by name.
            std::size_t whole = npos;
            const std::size_t lw = list_whole(part);
            const bool generic =
                whole_words.empty() || whole_words == "部" || whole_words.size() < 4;
            if (lw != npos && (generic || key_of(lw).find(whole_words) != std::string::npos)) {
                whole = lw;
            } else if (!generic) {
                whole = by_label(whole_words, part, part, list_of_[part]);
            }
            if (whole == npos || whole == part) {
                continue;
            }
            add(make(relation_kind::share, {id(i), id(part), id(whole)},
                     f_[part].label + " as a share of " + f_[whole].label));
            share_whole_[i] = whole;
        }
        // Shares of every part of a complete list, of one whole: they make 100 %.
        for (const part_list& l : lists_) {
            if (!l.complete || l.groups.size() < 2) {
                continue;
            }
            std::vector<figure_id> ids{std::string()};
            std::size_t whole = npos;
            bool ok = true;
            for (const auto& g : l.groups) {
                std::size_t found = npos;
                for (std::size_t m : g) {
                    const std::size_t w = share_whole_[m];
                    if (w != npos) {
                        if (found != npos || (whole != npos && w != whole)) {
                            ok = false;
                        }
                        found = m;
                        whole = w;
                    }
                }
                if (found == npos) {
                    ok = false;
                    break;
                }
                ids.push_back(id(found));
            }
            if (ok) {
                relation r = make(relation_kind::shares_total, std::move(ids),
                                  "shares of " + f_[whole].label + " make 100 %");
                add(std::move(r));
            }
        }
    }

    // --- a:b:c structure: shares that make 100 %, each the share of a listed part ---

    void structures() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (brief_[i].what != role::structure) {
                continue;
            }
            std::size_t j = i;
            while (j < f_.size() && brief_[j].what == role::structure &&
                   f_[j].clause == f_[i].clause) {
                ++j;
            }
            std::vector<figure_id> ids{std::string()};
            for (std::size_t k = i; k < j; ++k) {
                ids.push_back(id(k));
            }
            const std::size_t terms = j - i;
            if (terms > max_list) {
                i = j - 1; // no structure has so many terms: not a relation
                continue;
            }
            add(make(relation_kind::shares_total, std::move(ids), "structure a:b:… makes 100 %"));
            // The latest complete list with as many parts, in order: term k is part k's share.
            for (std::size_t k = i; k > 0 && i - k < window; --k) {
                const std::size_t li = list_of_[k - 1];
                if (li == npos) {
                    continue;
                }
                const part_list& l = lists_[li];
                if (l.complete && l.anchor != npos && l.groups.size() == terms && complete_set(l)) {
                    for (std::size_t t = 0; t < terms; ++t) {
                        const std::size_t part = l.groups[t].front();
                        add(make(relation_kind::share, {id(i + t), id(part), id(l.anchor)},
                                 f_[part].label + " as a share of " + f_[l.anchor].label));
                    }
                    break;
                }
            }
            i = j - 1;
        }
    }

    // --- "add up to 100 %": the next list of three or more percentages ---

    void adds_to_100() {
        std::size_t listed_until = 0;
        for (const cue_event& e : sc_.cues) {
            if (e.what != cue::adds_to_100) {
                continue;
            }
            const std::string_view rest =
                s_.substr(e.end, std::min<std::size_t>(12, s_.size() - e.end));
            if (rest.find("100") == std::string_view::npos) {
                continue;
            }
            const std::uint32_t cue_sentence = sentence_at(e.begin);
            // Percentages in one sentence, at least three, within the next six sentences.
            std::size_t i = first_figure_after(e.end);
            const std::size_t looked_at_most = i + 6 * 64; // linear however many cues
            while (i < f_.size() && i < looked_at_most && f_[i].sentence <= cue_sentence + 6) {
                std::size_t j = i;
                std::vector<figure_id> ids{std::string()};
                while (j < f_.size() && f_[j].sentence == f_[i].sentence && j < i + 64) {
                    if (brief_[j].what == role::plain_percent && f_[j].display != decimal(100)) {
                        ids.push_back(id(j));
                    }
                    ++j;
                }
                if (ids.size() >= 4) {
                    if (i >= listed_until) {
                        add(make(relation_kind::shares_total, std::move(ids),
                                 "percentages said to add up to 100 %"));
                        listed_until = j;
                    }
                    break;
                }
                i = j;
            }
        }
    }

    // --- growth: from two levels, or a level and its increment ---

    [[nodiscard]] bool constant_prices(std::size_t i) const {
        return cue_before(i, words_from::sentence, cue::constant_prices);
    }

    void growth() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (brief_[i].what != role::rate) {
                continue;
            }
            const std::string& lab = f_[i].label;
            if (lab.find("平均") != std::string::npos || lab.find("年均") != std::string::npos ||
                lab.find("两年") != std::string::npos) {
                continue; // an average growth over years: compound, not this relation
            }
            // The level it is the growth of, the increment, the previous level.
            std::size_t current = npos;
            std::size_t increment = npos;
            std::size_t previous = npos;
            if (f_[i].paren_of != npos) {
                continue; // (+1.7%) after a change whose level is not printed
            }
            for (std::size_t k = i; k > 0 && i - k < 8; --k) {
                const std::size_t j = k - 1;
                if (f_[j].sentence != f_[i].sentence || f_[j].segment != f_[i].segment) {
                    break;
                }
                if (brief_[j].what == role::rate) {
                    break;
                }
                if (equivalent_[j] || brief_[j].threshold || brief_[j].what == role::share ||
                    brief_[j].what == role::target_percent ||
                    brief_[j].what == role::plain_percent) {
                    continue;
                }
                if (brief_[j].what == role::increment && increment == npos) {
                    increment = j;
                    continue;
                }
                if (is_level(j) && !is_target_[j]) {
                    if (f_[j].from_level || cue_before(j, words_from::gap, cue::with) ||
                        cue_before(j, words_from::gap, cue::than)) {
                        if (previous == npos) {
                            previous = j;
                        }
                        continue;
                    }
                    current = j;
                    break;
                }
            }
            if (current == npos) {
                continue;
            }
            subject_of_rate_[i] = current;
            if (increment != npos && !same_kind(increment, current)) {
                increment = npos;
            }
            if (previous != npos && !same_kind(previous, current)) {
                previous = npos;
            }
            if (increment == npos && previous == npos) {
                continue;
            }
            const std::string label = f_[current].label + ": growth";
            if (previous != npos) {
                relation r = make(relation_kind::growth, {id(i), id(current), id(previous)}, label);
                if (constant_prices(i)) {
                    r.not_checkable = "growth at constant prices (按可比价格计算) cannot be "
                                      "recomputed from the printed current-price levels";
                }
                add(std::move(r));
                if (increment != npos) {
                    add(make(relation_kind::difference, {id(increment), id(current), id(previous)},
                             f_[current].label + ": change"));
                }
                continue;
            }
            // A level and its increment: the previous level is current − increment.
            relation r =
                make(relation_kind::growth, {id(i), id(current), std::string(), id(increment)},
                     label + " (previous level = current − increment)");
            if (constant_prices(i)) {
                r.not_checkable = "growth at constant prices (按可比价格计算) cannot be "
                                  "recomputed from the printed current-price levels";
            }
            add(std::move(r));
        }
        // An increment against a level compared with another: 与 … 相比, 增加 …, with no rate.
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (brief_[i].what != role::increment || f_[i].paren_of != npos) {
                continue;
            }
            bool has_rate_after = i + 1 < f_.size() && brief_[i + 1].what == role::rate &&
                                  f_[i + 1].sentence == f_[i].sentence;
            if (has_rate_after) {
                continue; // done above
            }
            std::size_t previous = npos;
            std::size_t current = npos;
            for (std::size_t k = i; k > 0 && i - k < 4; --k) {
                const std::size_t j = k - 1;
                if (f_[j].sentence != f_[i].sentence) {
                    break;
                }
                if (!is_level(j) || !same_kind(j, i) || !usable(j)) {
                    break;
                }
                if (previous == npos && cue_before(j, words_from::gap, cue::with) &&
                    has_cue(f_[j].end, f_[i].prefix_begin, cue::compared)) {
                    previous = j;
                    continue;
                }
                if (previous != npos) {
                    current = j;
                }
                break;
            }
            if (current != npos && previous != npos) {
                add(make(relation_kind::difference, {id(i), id(current), id(previous)},
                         f_[current].label + ": change"));
            }
        }
    }

    // --- points: 比 … 0.57 % 下降 0.04 个百分点; 由 A % 提高到 B % ---

    void points() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (brief_[i].what != role::points) {
                continue;
            }
            std::size_t previous = npos;
            std::size_t current = npos;
            for (std::size_t k = i; k > 0 && i - k < 4; --k) {
                const std::size_t j = k - 1;
                if (f_[j].sentence != f_[i].sentence || brief_[j].kind != reckon::kind::share) {
                    break;
                }
                if (previous == npos && cue_before(j, words_from::clause, cue::than)) {
                    previous = j;
                    continue;
                }
                if (previous != npos) {
                    current = j;
                }
                break;
            }
            if (current == npos || previous == npos) {
                continue;
            }
            add(make(relation_kind::points, {id(i), id(current), id(previous)},
                     f_[current].label + ": change in points"));
        }
    }

    // --- pull = growth × contribution: 贡献率 33.5 %, 拉动 GDP 增长 3.4 个百分点 ---

    void pulls() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (brief_[i].what != role::points) {
                continue;
            }
            const auto p = last_cue_before(i, words_from::gap, cue::pull);
            if (!p) {
                continue;
            }
            // What it pulls: the words between 拉动 and 增长.
            std::string_view what = s_.substr(p->end, f_[i].prefix_begin - p->end);
            const std::size_t g = what.find("增长");
            if (g == std::string_view::npos) {
                continue;
            }
            std::string target = label_key(what.substr(0, g));
            if (target.empty()) {
                continue;
            }
            // The contribution: a share after 贡献率, earlier in the paragraph.
            std::size_t contribution = npos;
            for (std::size_t k = i; k > 0 && i - k < 8; --k) {
                const std::size_t j = k - 1;
                if (f_[j].paragraph != f_[i].paragraph) {
                    break;
                }
                if (brief_[j].kind == reckon::kind::share &&
                    cue_before(j, words_from::clause, cue::contribution)) {
                    contribution = j;
                    break;
                }
            }
            // The growth of what it pulls.
            std::size_t growth_rate = npos;
            for (std::size_t k = i; k > 0 && i - k < window; --k) {
                const std::size_t j = k - 1;
                if (brief_[j].what != role::rate || subject_of_rate_[j] == npos) {
                    continue;
                }
                const std::string_view subject = key_of(subject_of_rate_[j]);
                if (keys_match(subject, target) ||
                    (target == "gdp" && subject.find("生产总值") != std::string::npos)) {
                    growth_rate = j;
                    break;
                }
            }
            if (contribution == npos || growth_rate == npos) {
                continue;
            }
            add(make(relation_kind::product, {id(i), id(growth_rate), id(contribution)},
                     "pull = growth × contribution"));
        }
    }

    // --- a trade balance: surplus = exports − imports, deficit = imports − exports ---

    // The nearest trade word before a figure in its sentence: 'X' exports, 'M' imports,
    // 'S' surplus, 'D' deficit, or 0.
    [[nodiscard]] char trade_topic(std::size_t i) const {
        static const std::vector<std::pair<std::string_view, char>> words = {
            {"进出口", 'T'},  {"出口", 'X'},    {"进口", 'M'},    {"顺差", 'S'},    {"逆差", 'D'},
            {"exports", 'X'}, {"imports", 'M'}, {"surplus", 'S'}, {"deficit", 'D'},
        };
        std::size_t b = f_[i].sentence_begin;
        const std::size_t e = f_[i].prefix_begin;
        if (e > b + 240) {
            b = e - 240;
        }
        std::size_t best_at = npos;
        char best = 0;
        for (const auto& [w, t] : words) {
            const std::string_view seg = s_.substr(b, e - b);
            std::size_t pos = npos;
            if (is_alpha(w[0])) {
                for (std::size_t k = seg.size(); k >= w.size(); --k) {
                    if (word_at(seg, k - w.size(), w)) {
                        pos = k - w.size();
                        break;
                    }
                }
            } else {
                pos = rfind_word(seg, w);
            }
            if (pos != npos &&
                (best_at == npos || pos > best_at || (pos + w.size() > best_at && t == 'T'))) {
                // 进出口 contains 出口: the longer word at the same place wins.
                if (best == 'T' && pos + w.size() <= best_at + 9 && pos >= best_at) {
                    continue;
                }
                best_at = pos;
                best = t;
            }
        }
        return best == 'T' ? 0 : best;
    }

    void trade_balances() {
        std::size_t i = 0;
        while (i < f_.size()) {
            std::size_t e = i;
            while (e < f_.size() && f_[e].paragraph == f_[i].paragraph) {
                ++e;
            }
            // Most paragraphs speak of no trade at all: one look for the words first.
            const std::size_t last = std::min(e, i + window) - 1;
            const std::string_view text =
                s_.substr(f_[i].sentence_begin, f_[last].end - f_[i].sentence_begin);
            bool trade = false;
            static constexpr std::string_view trade_words[] = {"出口", "进口", "xports", "mports"};
            for (std::string_view w : trade_words) {
                trade = trade || find_word(text, w) != std::string_view::npos;
            }
            if (!trade) {
                i = e;
                continue;
            }
            std::size_t balance = npos;
            std::size_t exports = npos;
            std::size_t imports = npos;
            char kind_of_balance = 0;
            for (std::size_t k = i; k < e && k < i + window; ++k) {
                if (!is_level(k) || !usable(k) || f_[k].paren_of != npos || f_[k].from_level ||
                    f_[k].in_table) {
                    continue;
                }
                const char t = trade_topic(k);
                if ((t == 'S' || t == 'D') && balance == npos) {
                    balance = k;
                    kind_of_balance = t;
                } else if (t == 'X') {
                    exports = k;
                } else if (t == 'M') {
                    imports = k;
                }
            }
            if (balance != npos && exports != npos && imports != npos &&
                same_kind(balance, exports) && same_kind(balance, imports) &&
                compatible(f_[exports].when, f_[imports].when) &&
                compatible(f_[balance].when, f_[exports].when) &&
                compatible(f_[balance].when, f_[imports].when)) {
                const bool surplus = kind_of_balance == 'S';
                add(make(
                    relation_kind::difference,
                    {id(balance), id(surplus ? exports : imports), id(surplus ? imports : exports)},
                    surplus ? "trade surplus = exports − imports"
                            : "trade deficit = imports − exports"));
            }
            i = e;
        }
    }

    // --- statistical identities: 自然增长率 = 出生率 − 死亡率, and so their changes ---

    void identities() {
        std::size_t i = 0;
        while (i < f_.size()) {
            std::size_t e = i;
            while (e < f_.size() && f_[e].paragraph == f_[i].paragraph) {
                ++e;
            }
            std::size_t rate[3] = {npos, npos, npos}; // natural increase, births, deaths
            std::size_t change[3] = {npos, npos, npos};
            std::size_t current = npos;
            for (std::size_t k = i; k < e && k < i + window; ++k) {
                if (brief_[k].kind == reckon::kind::share) {
                    const std::string& l = f_[k].label;
                    current = l.find("自然增长率") != std::string::npos ? 0
                              : l.find("出生率") != std::string::npos   ? 1
                              : l.find("死亡率") != std::string::npos   ? 2
                                                                        : npos;
                    if (current != npos && rate[current] == npos) {
                        rate[current] = k;
                    }
                    continue;
                }
                if (brief_[k].kind == reckon::kind::points && current != npos &&
                    change[current] == npos && f_[k].sentence == f_[rate[current]].sentence) {
                    change[current] = k;
                }
            }
            auto emit = [&](const std::size_t(&v)[3], const char* what) {
                if (v[0] != npos && v[1] != npos && v[2] != npos && same_kind(v[0], v[1]) &&
                    same_kind(v[0], v[2])) {
                    add(make(relation_kind::difference, {id(v[0]), id(v[1]), id(v[2])}, what));
                }
            };
            emit(rate, "natural increase = births − deaths (per mille)");
            emit(change, "change in natural increase = change in births − change in deaths");
            i = e;
        }
    }

    // --- a total of sub-periods that must equal the period's total ---
    // 一季度 … 106.3万户 …, 1、2、3月 … 三者总和为 104.3万户: the months make the quarter.

    void sub_period_totals() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (!is_level(i) || !usable(i) || !cue_before(i, words_from::clause, cue::total)) {
                continue;
            }
            // A list of months in the sentence, after the previous figure: the parts, unprinted.
            const std::size_t from = f_[i].gap_begin;
            const scanned_skip* months = nullptr;
            auto it =
                std::lower_bound(sc_.skips.begin(), sc_.skips.end(), from,
                                 [](const scanned_skip& k, std::size_t v) { return k.begin < v; });
            for (; it != sc_.skips.end() && it->begin < f_[i].begin; ++it) {
                if (it->first_month >= 1 && it->begin >= f_[i].sentence_begin) {
                    months = &*it;
                }
            }
            if (months == nullptr) {
                continue;
            }
            // The period's own total, printed before.
            for (std::size_t k = i; k > 0 && i - k < 8; --k) {
                const std::size_t j = k - 1;
                if (f_[j].paragraph != f_[i].paragraph) {
                    break;
                }
                if (is_level(j) && usable(j) && u(j).symbol == u(i).symbol &&
                    f_[j].when.first_month == months->first_month &&
                    f_[j].when.last_month == months->last_month) {
                    relation r = make(relation_kind::sum, {id(j), id(i)},
                                      f_[j].label + " = the total of its months");
                    add(std::move(r));
                    break;
                }
            }
        }
    }

    // --- a discrepancy stated in words: 与 … 有 2 万出入, a difference of … ---

    void discrepancies() {
        static const std::vector<std::string_view> words = {"出入", "相差", "差距", "差额", "误差"};
        for (std::size_t i = 0; i < f_.size(); ++i) {
            bool cued = false;
            for (std::string_view w : words) {
                cued = cued || at(s_, f_[i].end, w) || ends(s_, f_[i].prefix_begin, w);
            }
            if (!cued || brief_[i].kind == reckon::kind::share) {
                continue;
            }
            // The two figures it separates: the latest two before it in the paragraph.
            std::size_t a = npos;
            std::size_t b = npos;
            for (std::size_t k = i; k > 0 && i - k < 6; --k) {
                const std::size_t j = k - 1;
                if (f_[j].paragraph != f_[i].paragraph) {
                    break;
                }
                if (!is_level(j) || !usable(j)) {
                    continue;
                }
                if (b == npos) {
                    b = j;
                } else if (same_kind(j, b)) {
                    a = j;
                    break;
                }
            }
            if (a == npos || b == npos) {
                continue;
            }
            // A bare scale (2万) takes the unit of the figures it compares (万户).
            std::string unit_symbol;
            const unit& d = u(i);
            if (d.kind == reckon::kind::number && !d.symbol.empty() &&
                u(b).symbol.size() > d.symbol.size() &&
                u(b).symbol.compare(0, d.symbol.size(), d.symbol) == 0) {
                unit_symbol = u(b).symbol;
            } else if (!same_kind(i, b)) {
                continue;
            }
            if (!unit_symbol.empty()) {
                units.set(i, std::move(unit_symbol));
            }
            const bool a_larger = f_[a].display >= f_[b].display;
            add(make(relation_kind::difference, {id(i), id(a_larger ? a : b), id(a_larger ? b : a)},
                     "the stated discrepancy"));
        }
    }

    // --- per capita: a candidate, since the average population is rarely printed ---

    void per_capita() {
        for (std::size_t i = 0; i < f_.size(); ++i) {
            if (!is_level(i) || !cue_before(i, words_from::clause, cue::per_capita)) {
                continue;
            }
            std::string key(key_of(i));
            const std::size_t pos = key.find("人均");
            if (pos == std::string::npos) {
                continue;
            }
            key.erase(0, pos + 6);
            std::size_t total = npos;
            std::size_t count = npos;
            for (std::size_t k = i; k > 0 && i - k < window; --k) {
                const std::size_t j = k - 1;
                if (total == npos && is_level(j) && brief_[j].kind == brief_[i].kind &&
                    keys_match(key_of(j), key)) {
                    total = j;
                }
                if (count == npos && is_level(j) && brief_[j].kind == reckon::kind::count &&
                    f_[j].label.find("人口") != std::string::npos) {
                    count = j;
                }
            }
            if (total == npos || count == npos) {
                continue;
            }
            relation r = make(relation_kind::average, {id(i), id(total), id(count)}, f_[i].label);
            r.candidate = "a per-capita figure divides by the average population of the period, "
                          "which the text does not print";
            add(std::move(r));
        }
    }

    const scanner& sc_;
    const std::vector<scanned_figure>& f_;
    std::string_view s_;
    std::vector<std::size_t> list_of_;
    std::vector<bool> nested_;
    std::vector<bool> equivalent_;
    std::vector<std::size_t> subject_of_rate_;
    std::vector<bool> is_target_;
    std::vector<std::size_t> whole_of_;
    std::vector<part_list> lists_;
    std::vector<std::size_t> share_whole_;
    std::vector<bool> additive_;
    std::vector<cues_before> cues_before_; // by figure
    std::vector<brief> brief_;             // by figure
    static constexpr std::pair<std::uint32_t, std::uint32_t> member_unknown{0xFFFFFFFFU, 0};
    static constexpr std::pair<std::uint32_t, std::uint32_t> member_none{0xFFFFFFFEU, 0};
    mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> member_; // by figure, lazily
};

} // namespace reckon::detail
