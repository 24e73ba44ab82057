// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The second pass of reading a text (text.hpp): one walk over the clean text that finds every
// digit run and decides what it is — a figure with its unit, qualifier, sign word, role and
// label, or a number that is not a figure of the report (a date, an ordinal, a phone number, a
// code), kept as skipped. It also records the cue words (其中, 占, 完成…的, of which …) where
// they stand, and where sentences, clauses and paragraphs begin, for the relation pass.
// Linear in the text: each character is looked at a bounded number of times.

#include <reckon/decimal.hpp>
#include <reckon/detail/text_normalize.hpp>
#include <reckon/figure.hpp>
#include <reckon/interval.hpp>
#include <reckon/units.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

// The word tests below fail at their first byte nearly always: that byte is compared where
// they are called (forced inline), the rest of a word out of line.
#if defined(__GNUC__) || defined(__clang__)
#define RECKON_DETAIL_QUICK inline __attribute__((always_inline))
#else
#define RECKON_DETAIL_QUICK inline
#endif

namespace reckon::detail {

inline constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

// --- small helpers on UTF-8 text
// ------------------------------------------------------------------

[[nodiscard]] inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] inline bool is_alpha(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
[[nodiscard]] inline bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
[[nodiscard]] inline char lower(char c) noexcept {
    return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] inline bool is_cont(char c) noexcept {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

/// `decode_utf8`, with the three-byte form of a Han character decoded where it is called.
[[nodiscard]] RECKON_DETAIL_QUICK code_point decode_cp(std::string_view s, std::size_t i) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        return {b0, 1};
    }
    if ((b0 & 0xF0U) == 0xE0U && s.size() - i >= 3) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if ((b1 & 0xC0U) == 0x80U && (b2 & 0xC0U) == 0x80U) {
            const char32_t cp = (static_cast<char32_t>(b0 & 0x0FU) << 12U) |
                                (static_cast<char32_t>(b1 & 0x3FU) << 6U) |
                                static_cast<char32_t>(b2 & 0x3FU);
            if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
                return {cp, 3};
            }
        }
    }
    return decode_utf8(s, i);
}

/// Whether `w` stands at s[i], past its first byte (`at` has compared that one).
[[nodiscard]] inline bool at_rest(std::string_view s, std::size_t i, std::string_view w) noexcept {
    if (s.size() - i < w.size()) {
        return false;
    }
    // A byte at a time: words are short, and most calls fail within the first character (a
    // memcmp call would cost more than the loop).
    for (std::size_t j = 1; j < w.size(); ++j) {
        if (s[i + j] != w[j]) {
            return false;
        }
    }
    return true;
}
/// Whether `w` stands at s[i]. (The first byte is compared where it is called: most calls
/// fail there, and the word's length is then known at compile time.)
[[nodiscard]] RECKON_DETAIL_QUICK bool at(std::string_view s, std::size_t i,
                                          std::string_view w) noexcept {
    if (i >= s.size() || w.empty() || s[i] != w[0]) {
        return false;
    }
    return at_rest(s, i, w);
}
/// Whether `w` ends at s[end], past its last byte (`ends` has compared that one).
[[nodiscard]] inline bool ends_rest(std::string_view s, std::size_t end,
                                    std::string_view w) noexcept {
    if (end < w.size()) {
        return false;
    }
    for (std::size_t j = 2; j <= w.size(); ++j) {
        if (s[end - j] != w[w.size() - j]) {
            return false;
        }
    }
    return true;
}
/// Whether `w` ends at s[end].
[[nodiscard]] RECKON_DETAIL_QUICK bool ends(std::string_view s, std::size_t end,
                                            std::string_view w) noexcept {
    if (end == 0 || end > s.size() || w.empty() || s[end - 1] != w.back()) {
        return false;
    }
    return ends_rest(s, end, w);
}
/// `s.find(w, from)`, for a word of a few bytes in a long text: the first byte found by memchr,
/// the next ones compared in place (the lead byte of a Han character is shared by thousands of
/// characters: a memcmp at each would cost more than the search).
[[nodiscard]] inline std::size_t find_word(std::string_view s, std::string_view w,
                                           std::size_t from = 0) noexcept {
    if (w.size() < 2 || from >= s.size() || s.size() - from < w.size()) {
        return s.find(w, from);
    }
    const std::size_t last = s.size() - w.size(); // the last place a match may start
    std::size_t k = from;
    while (k <= last) {
        const void* hit = std::memchr(s.data() + k, w[0], last - k + 1);
        if (hit == nullptr) {
            return std::string_view::npos;
        }
        k = static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
        if (at_rest(s, k, w)) {
            return k;
        }
        ++k;
    }
    return std::string_view::npos;
}

/// Case-insensitive, for English words (w in lower case), past the first letter.
[[nodiscard]] inline bool at_ci_rest(std::string_view s, std::size_t i,
                                     std::string_view w) noexcept {
    if (s.size() - i < w.size()) {
        return false;
    }
    for (std::size_t k = 1; k < w.size(); ++k) {
        if (lower(s[i + k]) != w[k]) {
            return false;
        }
    }
    return true;
}
/// Case-insensitive, for English words (w in lower case).
[[nodiscard]] RECKON_DETAIL_QUICK bool at_ci(std::string_view s, std::size_t i,
                                             std::string_view w) noexcept {
    if (i > s.size() || s.size() - i < w.size()) {
        return false;
    }
    if (w.empty()) {
        return true;
    }
    if (lower(s[i]) != w[0]) {
        return false; // most calls fail at the first letter
    }
    return at_ci_rest(s, i, w);
}
/// An English word at s[i] whose first letter is known to be there.
[[nodiscard]] inline bool word_at_rest(std::string_view s, std::size_t i,
                                       std::string_view w) noexcept {
    if (!at_ci(s, i, w)) {
        return false;
    }
    if (i > 0 && is_alpha(s[i - 1])) {
        return false;
    }
    const std::size_t e = i + w.size();
    return e >= s.size() || !is_alpha(s[e]);
}
/// An English word at s[i], bounded by non-letters on both sides.
[[nodiscard]] RECKON_DETAIL_QUICK bool word_at(std::string_view s, std::size_t i,
                                               std::string_view w) noexcept {
    if (i < s.size() && !w.empty() && lower(s[i]) != w[0]) {
        return false; // (at_ci says so too)
    }
    return word_at_rest(s, i, w);
}
/// An English word ending at s[end], bounded on both sides.
[[nodiscard]] inline bool word_ends(std::string_view s, std::size_t end,
                                    std::string_view w) noexcept {
    return end >= w.size() && word_at(s, end - w.size(), w);
}

/// The start of the code point before s[i].
[[nodiscard]] inline std::size_t prev_cp(std::string_view s, std::size_t i) noexcept {
    if (i == 0) {
        return 0;
    }
    --i;
    while (i > 0 && is_cont(s[i])) {
        --i;
    }
    return i;
}
[[nodiscard]] inline char32_t cp_at(std::string_view s, std::size_t i) noexcept {
    return i < s.size() ? decode_cp(s, i).value : 0;
}
[[nodiscard]] inline char32_t cp_before(std::string_view s, std::size_t i) noexcept {
    return i == 0 ? 0 : cp_at(s, prev_cp(s, i));
}
[[nodiscard]] inline std::size_t cp_len(std::string_view s, std::size_t i) noexcept {
    const std::size_t n = decode_cp(s, i).length;
    return n == 0 ? 1 : n;
}

/// Punctuation that ends a clause (and a label).
[[nodiscard]] inline bool is_clause_mark(char32_t c) noexcept {
    switch (c) {
    case U',':
    case U'\uFF0C':
    case U';':
    case U':':
    case U'\u3001':
    case U'|':
    case U'\u3002':
    case U'!':
    case U'?':
    case U'\n': return true;
    default: return false;
    }
}
/// Punctuation that cuts a label short: clause marks, brackets and quotes.
[[nodiscard]] inline bool is_label_stop(char32_t c) noexcept {
    if (is_clause_mark(c)) {
        return true;
    }
    switch (c) {
    case U'(':
    case U')':
    case U'[':
    case U']':
    case U'\u3010':
    case U'\u3011':
    case U'\u201C':
    case U'\u201D':
    case U'"':
    case U'\u300A':
    case U'\u300B':
    case U'\u2018':
    case U'\u2019': return true;
    default: return false;
    }
}

/// A list of words indexed by their first and last characters, for the scanner's hot loops:
/// which word of the list starts (or ends) at a place, longest first, in one table lookup.
class word_index {
public:
    explicit word_index(const std::vector<std::string_view>& words) {
        std::map<char32_t, std::vector<std::string_view>> first;
        std::map<char32_t, std::vector<std::string_view>> last;
        for (std::string_view w : words) {
            if (w.empty()) {
                continue;
            }
            const char32_t f = decode_cp(w, 0).value;
            const char32_t l = decode_cp(w, prev_cp(w, w.size())).value;
            first[f].push_back(w);
            last[l].push_back(w);
            first_bits_[f & 0xFFFFU] = true;
            last_bits_[l & 0xFFFFU] = true;
        }
        first_ = by_char(first);
        last_ = by_char(last);
    }

    /// Whether a word of the list may start with `c` (false: none does).
    [[nodiscard]] bool may_start(char32_t c) const noexcept { return first_bits_[c & 0xFFFFU]; }

    /// The longest word that starts at s[i], or an empty view.
    [[nodiscard]] RECKON_DETAIL_QUICK std::string_view starting(std::string_view s,
                                                                std::size_t i) const {
        if (i >= s.size()) {
            return {};
        }
        const char32_t c = decode_cp(s, i).value;
        if (!first_bits_[c & 0xFFFFU]) {
            return {}; // most characters start no word: no lookup
        }
        return starting_rest(s, i, c);
    }

    /// The longest word that ends at s[end], or an empty view.
    [[nodiscard]] RECKON_DETAIL_QUICK std::string_view ending(std::string_view s,
                                                              std::size_t end) const {
        if (end == 0 || end > s.size()) {
            return {};
        }
        const char32_t c = decode_cp(s, prev_cp(s, end)).value;
        if (!last_bits_[c & 0xFFFFU]) {
            return {};
        }
        return ending_rest(s, end, c);
    }

private:
    [[nodiscard]] std::string_view starting_rest(std::string_view s, std::size_t i,
                                                 char32_t c) const {
        for (std::string_view w : first_.words(c)) {
            if (at(s, i, w)) {
                return w;
            }
        }
        return {};
    }

    [[nodiscard]] std::string_view ending_rest(std::string_view s, std::size_t end,
                                               char32_t c) const {
        for (std::string_view w : last_.words(c)) {
            if (ends(s, end, w)) {
                return w;
            }
        }
        return {};
    }

    // The words of each character, longest first, in an open-addressing table by character.
    struct char_table {
        struct slot {
            char32_t c = 0; // 0: empty (no word starts or ends with U+0000)
            std::uint32_t begin = 0;
            std::uint32_t end = 0;
        };
        std::vector<slot> slots;
        std::vector<std::string_view> all;
        std::size_t mask = 0;

        [[nodiscard]] static std::size_t hash(char32_t c) noexcept {
            return static_cast<std::size_t>((static_cast<std::uint32_t>(c) * 2654435761U) >> 8U);
        }
        struct range {
            const std::string_view* b;
            const std::string_view* e;
            [[nodiscard]] const std::string_view* begin() const noexcept { return b; }
            [[nodiscard]] const std::string_view* end() const noexcept { return e; }
        };
        [[nodiscard]] range words(char32_t c) const noexcept {
            for (std::size_t k = hash(c) & mask;; k = (k + 1) & mask) {
                const slot& sl = slots[k];
                if (sl.c == c) {
                    return {all.data() + sl.begin, all.data() + sl.end};
                }
                if (sl.c == 0) {
                    return {all.data(), all.data()};
                }
            }
        }
    };

    static char_table by_char(std::map<char32_t, std::vector<std::string_view>>& words) {
        char_table t;
        std::size_t size = 4;
        while (size < 2 * words.size() + 1) {
            size *= 2;
        }
        t.slots.resize(size);
        t.mask = size - 1;
        for (auto& [c, v] : words) {
            std::stable_sort(v.begin(), v.end(), [](std::string_view a, std::string_view b) {
                return a.size() > b.size();
            });
            std::size_t k = char_table::hash(c) & t.mask;
            while (t.slots[k].c != 0) {
                k = (k + 1) & t.mask;
            }
            t.slots[k] = {c, static_cast<std::uint32_t>(t.all.size()),
                          static_cast<std::uint32_t>(t.all.size() + v.size())};
            t.all.insert(t.all.end(), v.begin(), v.end());
        }
        return t;
    }

    char_table first_;
    char_table last_;
    std::bitset<0x10000> first_bits_; // by the low 16 bits of the code point: a quick no
    std::bitset<0x10000> last_bits_;
};

/// A few short lists of words, to find in a text at once (`word_spots`): per pair of first
/// bytes, the lists that have a word starting with them.
class word_groups {
public:
    explicit word_groups(std::initializer_list<std::initializer_list<std::string_view>> groups)
        : first_two_(0x10000, 0) {
        for (const auto& g : groups) {
            const auto bit = static_cast<std::uint8_t>(1U << groups_.size());
            groups_.emplace_back(g);
            std::size_t shortest = std::numeric_limits<std::size_t>::max();
            for (std::string_view w : g) {
                shortest = std::min(shortest, w.size());
                if (w.empty()) {
                    continue;
                }
                const std::size_t b0 = static_cast<unsigned char>(w[0]);
                if (w.size() == 1) {
                    // A word of one byte: any second byte (0 at the end of the text).
                    for (std::size_t b1 = 0; b1 < 0x100; ++b1) {
                        first_two_[b0 << 8U | b1] |= bit;
                    }
                } else {
                    first_two_[b0 << 8U | static_cast<unsigned char>(w[1])] |= bit;
                }
            }
            shortest_.push_back(shortest);
        }
        if (groups_.size() > 8) {
            throw std::logic_error("reckon: word_groups holds at most 8 lists");
        }
    }

    /// Whether a word of list `group` lies inside s[b, e), by a look at each byte of it: for a
    /// short range (a long one, asked again and again, is `word_spots`'s).
    [[nodiscard]] bool any_within(std::string_view s, std::size_t group, std::size_t b,
                                  std::size_t e) const {
        e = std::min(e, s.size());
        const auto bit = static_cast<std::uint8_t>(1U << group);
        for (std::size_t p = b; p < e; ++p) {
            const std::size_t b1 = p + 1 < s.size() ? static_cast<unsigned char>(s[p + 1]) : 0U;
            if ((first_two_[static_cast<std::size_t>(static_cast<unsigned char>(s[p])) << 8U | b1] &
                 bit) == 0) {
                continue;
            }
            for (std::string_view w : groups_[group]) {
                if (w.size() <= e - p && at(s, p, w)) {
                    return true;
                }
            }
        }
        return false;
    }

private:
    friend class word_spots;
    std::vector<std::vector<std::string_view>> groups_;
    std::vector<std::size_t> shortest_;
    std::vector<std::uint8_t> first_two_; // by (first byte << 8 | second byte): a bit per list
};

/// Where the words of a few short lists stand in a text, found once: whether one of a list lies
/// wholly inside a range is then a binary search (a figure asks it of its clause, however long
/// the clause).
class word_spots {
public:
    word_spots(std::string_view s, const word_groups& words)
        : words_(&words), spots_(words.groups_.size()) {
        // One pass over the text, a byte at a time: a word is tried only where its first two
        // bytes stand (the lead byte of a Han character is shared by thousands), looked up in
        // one table.
        const std::size_t n = s.size();
        for (std::size_t p = 0; p < n; ++p) {
            const std::size_t b1 = p + 1 < n ? static_cast<unsigned char>(s[p + 1]) : 0U;
            const std::uint8_t lists =
                words.first_two_[static_cast<std::size_t>(static_cast<unsigned char>(s[p])) << 8U |
                                 b1];
            if (lists == 0) {
                continue;
            }
            for (std::size_t g = 0; g < spots_.size(); ++g) {
                if ((lists >> g & 1U) == 0) {
                    continue;
                }
                for (std::string_view w : words.groups_[g]) {
                    if (at(s, p, w)) {
                        spots_[g].emplace_back(p, p + w.size());
                    }
                }
            }
        }
    }

    /// Whether one of the words of list `group` lies inside [b, e).
    [[nodiscard]] bool any_within(std::size_t group, std::size_t b, std::size_t e) const {
        const auto& spots = spots_[group];
        const std::size_t shortest = words_->shortest_[group];
        auto it = std::lower_bound(spots.begin(), spots.end(), std::make_pair(b, std::size_t{0}));
        // Only words that start within the last few bytes may end after e: a bounded look.
        for (; it != spots.end() && it->first + shortest <= e; ++it) {
            if (it->second <= e) {
                return true;
            }
        }
        return false;
    }

private:
    const word_groups* words_;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> spots_; // per list
};

/// Whether s[from, to) holds only spaces, asked again and again with the same `from` and a
/// growing `to`: each space is looked at once (a line of spaces before many numbers, or spaces
/// after a figure before many brackets, would otherwise be walked once per question).
class space_run {
public:
    [[nodiscard]] bool only_spaces(std::string_view s, std::size_t from, std::size_t to) {
        if (from != from_) {
            from_ = from;
            upto_ = from;
            hit_ = false;
        }
        if (hit_) {
            return upto_ >= to; // upto_ is the first non-space
        }
        while (upto_ < to && upto_ < s.size()) {
            if (s[upto_] != ' ') {
                hit_ = true;
                return false;
            }
            ++upto_;
        }
        return true;
    }

private:
    std::size_t from_ = std::numeric_limits<std::size_t>::max();
    std::size_t upto_ = 0; // [from_, upto_) are spaces
    bool hit_ = false;
};

/// Thrown by the scanner at the figure beyond its limit (text.hpp turns it into an input_error).
struct too_many_figures {
    std::size_t offset = 0; ///< clean offset of the figure
};

// --- what the scan produces
// ------------------------------------------------------------------------

/// What a figure is, for the relation pass.
enum class role : unsigned char {
    level,          ///< a level or stock: 148.2 亿元
    increment,      ///< a change in a level: 比上年增加 8630 人, rose by 308,000
    rate,           ///< a growth rate: 增长 12.5 %, up 2.7 %
    points,         ///< a change in a rate: 提高 1.5 个百分点
    share,          ///< a share of a whole: 占 … 的 80.6 %
    target_percent, ///< a percent of a target: 完成年度目标的 105.8 %
    structure,      ///< a term of a:b:c shares (三次产业结构 7.7:57.5:34.8)
    plain_percent,  ///< any other percentage
};

/// A period a figure belongs to: year and month range, each −1 when not said.
struct period {
    int year = -1;
    int first_month = -1;
    int last_month = -1;

    [[nodiscard]] bool known() const noexcept { return year >= 0 || first_month >= 0; }
    /// Whether two figures can be of the same period: what both say agrees.
    [[nodiscard]] friend bool compatible(const period& a, const period& b) noexcept {
        if (a.year >= 0 && b.year >= 0 && a.year != b.year) {
            return false;
        }
        if (a.first_month >= 0 && b.first_month >= 0 &&
            (a.first_month != b.first_month || a.last_month != b.last_month)) {
            return false;
        }
        return true;
    }
};

/// A clean-text offset as scanned figures keep it: 32 bits (the scanner reads at most
/// `max_source_bytes`, and a clean text is never longer than the text it cleans).
[[nodiscard]] inline std::uint32_t offset32(std::size_t v) noexcept {
    return static_cast<std::uint32_t>(v);
}

/// A figure found in the text, with what the relation pass needs. Offsets are 32-bit and the
/// members ordered for size (a long text has a million figures): 152 bytes, its label
/// included; its key lives in the scanner's `keys` (see `scanner::key`).
struct scanned_figure {
    std::uint32_t begin = 0; ///< clean span of its text (sign, currency, number, unit)
    std::uint32_t end = 0;
    std::uint32_t number_begin = 0; ///< where the digits (or the sign) start
    std::uint32_t number_end = 0;
    std::uint32_t prefix_begin = 0; ///< where qualifier, sign words and currency start
    std::uint32_t gap_begin = 0;    ///< where the text since the previous figure starts
    std::uint32_t after_end = 0;    ///< end of a suffix qualifier (以上, 左右), or `end`
    std::uint32_t sentence_begin = 0;
    std::uint32_t clause_begin = 0;
    std::uint32_t paragraph = 0;
    std::uint32_t sentence = 0;
    std::uint32_t clause = 0;
    std::uint32_t segment = 0; ///< ；-separated part of a sentence
    std::uint32_t unit = 0;    ///< index into the unit cache
    std::uint32_t key_at = 0;  ///< its key: `scanner::keys`, from key_at, key_size bytes
    std::uint32_t key_size = 0;
    period when;
    qualifier qual = qualifier::none;
    reckon::kind kind = reckon::kind::number;
    role what = role::level;
    bool negated = false;
    bool printed_sign = false;
    bool up = false;         ///< an increase word governs it (增长, rose)
    bool down = false;       ///< a decrease word governs it (下降, fell)
    bool to_level = false;   ///< 增加到 x, rose to x: a new level
    bool from_level = false; ///< down from x: an old level
    bool threshold = false;  ///< defines a group (3000 万元以上项目): never checked
    bool in_paren = false;   ///< inside parentheses
    bool in_table = false;
    decimal display;
    std::size_t paren_of = npos; ///< the figure right before the parenthesis that holds it
    std::string label;           ///< for people
};

/// A row of a table flattened to `| a | b |` lines: its cells (clean spans) and figures.
struct table_row {
    std::size_t table = 0;                                  ///< rows of one table share it
    std::vector<std::pair<std::size_t, std::size_t>> cells; ///< clean spans, trimmed
    std::vector<std::size_t> figures;                       ///< figure indices, in order
    std::vector<std::size_t> figure_cells;                  ///< the cell of each
};

/// A number that is not a figure.
struct scanned_skip {
    std::size_t begin = 0;
    std::size_t end = 0;
    const char* reason = ""; ///< a string literal
    int first_month = -1;    ///< for a list of months (1、2、3月): the months it covers
    int last_month = -1;
};

/// Cue words, where they stand.
enum class cue : unsigned char {
    of_which,        ///< 其中, of which
    among,           ///< X 中, (“among X”)
    including,       ///< 包括, including, comprising
    respectively,    ///< 分别, respectively
    rest,            ///< 其余, the rest
    total,           ///< 合计, 总计, 共计, 总和, in total
    share_of,        ///< 占, accounting for
    proportion,      ///< 比重, 占比, 所占比例
    complete,        ///< 完成
    completion_rate, ///< 完成率
    compared,        ///< 相比
    with,            ///< 与, 同 (… 相比)
    than,            ///< 比, 较
    by_breakdown,    ///< 按 (… 分)
    constant_prices, ///< 按可比价格, 可比价, 扣除价格因素, 实际增长, constant prices, chained
    pull,         ///< 拉动
    contribution, ///< 贡献率
    per_capita,   ///< 人均, per capita
    convert,      ///< 折算, 折合, equivalent to
    structure,    ///< 结构, 之比
    from,         ///< 从, 由, from
    adds_to_100,  ///< add up to 100, 加起来
    excluding,    ///< 除 … 以外, excluding
    prices,       ///< 价格 (for constant-price cues split by a number)
};

struct cue_event {
    std::size_t begin = 0;
    std::size_t end = 0;
    cue what = cue::of_which;
};

/// The units the text uses, each looked up once.
class unit_cache {
public:
    [[nodiscard]] std::size_t index(const std::string& symbol) {
        // A text uses a few units, most of them again and again: the first few are compared
        // in turn (no hashing), the rest found by hash.
        const std::size_t few = std::min(symbols_.size(), few_);
        for (std::size_t k = 0; k < few; ++k) {
            if (same_symbol(symbols_[k], symbol)) {
                return k;
            }
        }
        if (symbols_.size() > few_) {
            auto it = index_.find(symbol);
            if (it != index_.end()) {
                return it->second;
            }
        }
        auto u = find_unit(symbol);
        if (!u) {
            u = find_unit("");
        }
        units_.push_back(std::move(*u));
        symbols_.push_back(symbol);
        index_.emplace(symbol, units_.size() - 1);
        return units_.size() - 1;
    }
    [[nodiscard]] const unit& at(std::size_t i) const { return units_.at(i); }
    /// How many units the text uses.
    [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }

    /// Whether find_unit knows a symbol (asked once per symbol).
    [[nodiscard]] bool known(const std::string& symbol) const {
        const std::size_t few = std::min(known_few_.size(), few_);
        for (std::size_t k = 0; k < few; ++k) {
            if (same_symbol(known_few_[k].first, symbol)) {
                return known_few_[k].second;
            }
        }
        if (known_few_.size() > few_) {
            auto it = known_.find(symbol);
            if (it != known_.end()) {
                return it->second;
            }
        }
        const bool k = find_unit(symbol).has_value();
        known_few_.emplace_back(symbol, k);
        known_.emplace(symbol, k);
        return k;
    }

private:
    static constexpr std::size_t few_ = 16;

    // a == b, the length and first byte compared in place (most symbols differ there).
    [[nodiscard]] static bool same_symbol(std::string_view a, std::string_view b) noexcept {
        return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
    }
    mutable std::unordered_map<std::string, bool> known_;
    mutable std::vector<std::pair<std::string, bool>> known_few_; // in the order first asked
    std::vector<unit> units_;
    std::vector<std::string> symbols_; // of units_
    std::unordered_map<std::string, std::size_t> index_;
};

// --- word lists
// -----------------------------------------------------------------------------------

struct cue_word {
    std::string_view word;
    cue what;
};

inline const std::vector<cue_word>& chinese_cues() {
    static const std::vector<cue_word> words = {
        {"其中", cue::of_which},
        {"包括", cue::including},
        {"分别", cue::respectively},
        {"其余", cue::rest},
        {"其他", cue::rest},
        {"合计", cue::total},
        {"总计", cue::total},
        {"共计", cue::total},
        {"总和", cue::total},
        {"之和", cue::total},
        {"所占比重", cue::proportion},
        {"所占比例", cue::proportion},
        {"占比", cue::proportion},
        {"比重", cue::proportion},
        {"占", cue::share_of},
        {"完成率", cue::completion_rate},
        {"完成", cue::complete},
        {"相比", cue::compared},
        {"与", cue::with},
        {"同上年", cue::with},
        {"比", cue::than},
        {"较", cue::than},
        {"按可比价格", cue::constant_prices},
        {"按可比价", cue::constant_prices},
        {"可比价格", cue::constant_prices},
        {"可比口径", cue::constant_prices},
        {"扣除价格因素", cue::constant_prices},
        {"实际增长", cue::constant_prices},
        {"不变价", cue::constant_prices},
        {"按", cue::by_breakdown},
        {"拉动", cue::pull},
        {"贡献率", cue::contribution},
        {"人均", cue::per_capita},
        {"折算", cue::convert},
        {"折合", cue::convert},
        {"结构", cue::structure},
        {"之比", cue::structure},
        {"从", cue::from},
        {"由", cue::from},
        {"加起来", cue::adds_to_100},
        {"除", cue::excluding},
    };
    return words;
}

inline const std::vector<cue_word>& english_cues() {
    static const std::vector<cue_word> words = {
        {"of which", cue::of_which},
        {"including", cue::including},
        {"comprising", cue::including},
        {"respectively", cue::respectively},
        {"in total", cue::total},
        {"accounting for", cue::share_of},
        {"accounted for", cue::share_of},
        {"share of", cue::proportion},
        {"constant prices", cue::constant_prices},
        {"chained", cue::constant_prices},
        {"in real terms", cue::constant_prices},
        {"per capita", cue::per_capita},
        {"per head", cue::per_capita},
        {"equivalent to", cue::convert},
        {"add up to", cue::adds_to_100},
        {"adds up to", cue::adds_to_100},
        {"sum to", cue::adds_to_100},
        {"excluding", cue::excluding},
        {"compared with", cue::compared},
        {"compared to", cue::compared},
    };
    return words;
}

struct qualifier_word {
    std::string_view word;
    qualifier what;
};

// Before the number, longest first where one is a suffix of another.
inline const std::vector<qualifier_word>& prefix_qualifiers() {
    static const std::vector<qualifier_word> words = {
        {"超过", qualifier::more_than},
        {"超出", qualifier::more_than},
        {"逾", qualifier::more_than},
        {"多于", qualifier::more_than},
        {"高于", qualifier::more_than},
        {"大于", qualifier::more_than},
        {"不足", qualifier::under},
        {"不到", qualifier::under},
        {"低于", qualifier::under},
        {"少于", qualifier::under},
        {"小于", qualifier::under},
        {"不超过", qualifier::at_most},
        {"最多", qualifier::at_most},
        {"至少", qualifier::at_least},
        {"将近", qualifier::nearly},
        {"接近", qualifier::nearly},
        {"近", qualifier::nearly},
        {"大约", qualifier::about},
        {"约", qualifier::about},
        {"大概", qualifier::about},
        {"more than", qualifier::more_than},
        {"over", qualifier::more_than},
        {"above", qualifier::more_than},
        {"in excess of", qualifier::more_than},
        {"less than", qualifier::under},
        {"fewer than", qualifier::under},
        {"under", qualifier::under},
        {"below", qualifier::under},
        {"at least", qualifier::at_least},
        {"at most", qualifier::at_most},
        {"up to", qualifier::at_most},
        {"nearly", qualifier::nearly},
        {"almost", qualifier::nearly},
        {"about", qualifier::about},
        {"around", qualifier::about},
        {"some", qualifier::about},
        {"roughly", qualifier::about},
        {"approximately", qualifier::about},
    };
    return words;
}

// After the number and unit.
inline const std::vector<qualifier_word>& suffix_qualifiers() {
    static const std::vector<qualifier_word> words = {
        {"以上", qualifier::at_least},    {"以下", qualifier::at_most},
        {"以内", qualifier::at_most},     {"左右", qualifier::about},
        {"上下", qualifier::about},       {" or more", qualifier::at_least},
        {" or less", qualifier::at_most},
    };
    return words;
}

// Words that give a figure's direction, right before it (after its qualifier and currency).
inline const std::vector<std::string_view>& up_words() {
    static const std::vector<std::string_view> words = {
        "增长", "增加", "上升", "提高", "提升", "增收", "增产", "增支", "上涨",
        "回升", "扩大", "净增", "增幅", "增速", "增",   "涨",   "升",
    };
    return words;
}
inline const std::vector<std::string_view>& down_words() {
    static const std::vector<std::string_view> words = {
        "下降", "减少", "回落", "下滑", "降低", "减收", "减支",
        "减产", "下跌", "缩小", "降幅", "减",   "降",   "跌",
    };
    return words;
}
inline const std::vector<std::string_view>& english_up_words() {
    static const std::vector<std::string_view> words = {
        "rose",  "rise", "risen",  "rising", "increased", "increase", "increasing", "grew",
        "grown", "up",   "gained", "gain",   "climbed",   "added",    "jumped",     "higher",
    };
    return words;
}
inline const std::vector<std::string_view>& english_down_words() {
    static const std::vector<std::string_view> words = {
        "fell",       "fall",     "fallen",  "falling",   "decreased",  "decrease",
        "decreasing", "declined", "decline", "declining", "down",       "dropped",
        "drop",       "lost",     "shed",    "lower",     "contracted", "shrank",
    };
    return words;
}

// Chinese units after a number: scales, then base units (symbols find_unit knows).
inline const std::vector<std::string_view>& chinese_scales() {
    static const std::vector<std::string_view> words = {"万亿", "千万", "百万", "十万",
                                                        "亿",   "万",   "千",   "百"};
    return words;
}
inline const std::vector<std::string_view>& chinese_bases() {
    static const std::vector<std::string_view> words = {
        "平方公里", "千瓦时", "平方米", "立方米", "人民币", "美元", "欧元", "英镑", "日元",
        "港元",     "公斤",   "千克",   "公里",   "千米",   "公顷", "人次", "元",   "吨",
        "斤",       "米",     "亩",     "项",     "个",     "家",   "户",   "人",   "辆",
        "套",       "座",     "所",     "件",     "名",     "位",   "次",   "倍",   "台",
        "艘",       "架",     "头",     "只",     "条",     "张",   "间",   "部",
    };
    return words;
}
// Durations after a number: periods, not figures.
inline const std::vector<std::string_view>& chinese_durations() {
    static const std::vector<std::string_view> words = {
        "个月", "个季度", "个工作日", "个小时", "小时", "分钟", "周年",
        "周岁", "天",     "周",       "秒",     "岁",   "季度",
    };
    return words;
}

struct english_unit {
    std::string_view word;
    std::string_view symbol;
};
inline const std::vector<english_unit>& english_units() {
    static const std::vector<english_unit> words = {
        {"percentage points", "percentage points"},
        {"percentage point", "percentage points"},
        {"per cent", "%"},
        {"percent", "%"},
        {"pp", "percentage points"},
        {"tonnes", "tonnes"},
        {"people", "people"},
        {"persons", "people"},
        {"jobs", "jobs"},
        {"firms", "firms"},
        {"projects", "projects"},
        {"dollars", "USD"},
        {"euros", "EUR"},
        {"pounds", "GBP"},
        {"yuan", "CNY"},
        {"USD", "USD"},
        {"EUR", "EUR"},
        {"GBP", "GBP"},
        {"CNY", "CNY"},
        {"RMB", "CNY"},
    };
    return words;
}
inline const std::vector<english_unit>& english_scale_words() {
    static const std::vector<english_unit> words = {
        {"trillion", "trillion"}, {"billion", "billion"}, {"million", "million"},
        {"thousand", "thousand"}, {"bn", "billion"},      {"mn", "million"},
        {"tn", "trillion"},       {"m", "million"},       {"k", "thousand"},
    };
    return words;
}

// Words stripped from the ends of a label.
inline const std::vector<std::string_view>& label_leading_noise() {
    static const std::vector<std::string_view> words = {
        "其中",     "并且", "同时", "此外", "另外", "截至目前", "截止目前", "截至", "截止", "目前",
        "今年以来", "今年", "全年", "实现", "达到", "共有",     "共",       "而",   "和",   "及",
        "并",       "且",   "另",   "其",   "为",   "是",       "有",       "在",   "的",   "了",
        "底",       "末",   "份",   "来",   "以来", "份",       "中",
    };
    return words;
}
inline const std::vector<std::string_view>& label_trailing_noise() {
    static const std::vector<std::string_view> words = {
        "累计完成", "累计实现", "实现", "完成", "达到", "达",   "为",     "是",
        "共",       "有",       "了",   "的",   "计",   "合计", "共计",   "总计",
        "累计",     "约",       "大约", "近",   "超过", "逾",   "比上年", "同比",
        "分别",     "分别为",   "全年", "今年", "当年", "年",   "共实施", "实施",
    };
    return words;
}
inline const std::vector<std::string_view>& english_label_noise() {
    static const std::vector<std::string_view> words = {
        "the",  "a",   "an",     "and",   "while",   "with",   "of",  "by",
        "to",   "was", "were",   "is",    "are",     "at",     "in",  "on",
        "from", "for", "whilst", "reach", "reached", "record", "its",
    };
    return words;
}
// Words removed from a label before labels are compared.
inline const std::vector<std::string_view>& key_noise() {
    static const std::vector<std::string_view> words = {
        "全部", "全市", "全县", "全省", "全区", "全国", "本市",
        "实现", "完成", "实际", "其中", "总的", "的",   "招商引资",
    };
    return words;
}

/// English words (in lower case) by their first letter, or by their last: each list in the
/// order of `words`, so that the first word of a list that stands somewhere is the first of
/// `words` that does.
[[nodiscard]] inline std::array<std::vector<std::string_view>, 26>
by_letter(const std::vector<std::string_view>& words, bool last) {
    std::array<std::vector<std::string_view>, 26> t{};
    for (std::string_view w : words) {
        const char c = last ? w.back() : w.front();
        if (c >= 'a' && c <= 'z') {
            t[static_cast<std::size_t>(c - 'a')].push_back(w);
        }
    }
    return t;
}

/// Appends the form of a label used to compare labels to `out`: noise words out, spaces out.
inline void append_label_key(std::string& out, std::string_view label) {
    static const word_index noise(key_noise());
    const std::size_t out_begin = out.size();
    std::size_t i = 0;
    std::size_t kept = 0; // label[kept, i) goes to `out` as it is, in one piece
    while (i < label.size()) {
        const code_point cp = decode_cp(label, i);
        if (noise.may_start(cp.value)) {
            if (const std::string_view w = noise.starting(label, i); !w.empty()) {
                out.append(label, kept, i - kept);
                i += w.size();
                kept = i;
                continue;
            }
        }
        if (label[i] == ' ') {
            out.append(label, kept, i - kept);
            ++i;
            kept = i;
            continue;
        }
        if (static_cast<unsigned char>(label[i]) >= 0x80) {
            // A whole character: no noise word starts inside one.
            i += std::min<std::size_t>(cp.length == 0 ? 1 : cp.length, label.size() - i);
            continue;
        }
        ++i;
    }
    out.append(label, kept, i - kept);
    // ASCII letters in lower case (no byte of a longer character is one).
    for (std::size_t k = out_begin; k < out.size(); ++k) {
        out[k] = lower(out[k]);
    }
}

/// The form of a label used to compare labels: noise words out, spaces out.
[[nodiscard]] inline std::string label_key(std::string_view label) {
    std::string out;
    out.reserve(label.size());
    append_label_key(out, label);
    return out;
}

// --- the scanner
// -----------------------------------------------------------------------------------

/// One pass over the clean text; see the top of this file.
class scanner {
public:
    /// Reads `s`, of at most `max_source_bytes` (its places are 32-bit; read_text says so
    /// with an input_error before); at most `max_figures` figures (then `run` throws
    /// `too_many_figures`).
    explicit scanner(std::string_view s, std::size_t max_figures = npos)
        : s_(checked_size(s)), max_figures_(max_figures) {}

    std::vector<scanned_figure> figures;
    std::vector<scanned_skip> skips;
    std::vector<cue_event> cues;
    unit_cache units;
    std::vector<std::size_t> sentence_starts;  // clean offset of each sentence
    std::vector<std::size_t> paragraph_starts; // clean offset of each paragraph (line)
    std::vector<table_row> rows;               // rows of tables
    std::string keys; // the figures' keys (label_key of their labels), one after another

    /// A figure's key: its label without noise words, for matching labels.
    [[nodiscard]] std::string_view key(const scanned_figure& f) const noexcept {
        return std::string_view(keys).substr(f.key_at, f.key_size);
    }

    void run() {
        // Every figure starts a run of digits of its own: room for that many, at most the limit,
        // reserved once. No figure is then moved as the vector grows, and the pages never used
        // are never touched (reserved address space is not resident memory).
        std::size_t runs = 0;
        for (std::size_t k = 0; k < s_.size(); ++k) {
            runs += is_digit(s_[k]) && (k == 0 || !is_digit(s_[k - 1])) ? 1U : 0U;
        }
        figures.reserve(std::min(runs, max_figures_ == npos ? runs : max_figures_ + 1));
        sentence_starts.push_back(0);
        paragraph_starts.push_back(0);
        line_start_ = 0;
        in_table_ = false;
        if (at(s_, 0, "|")) {
            start_row(0);
        }
        std::size_t i = 0;
        const std::size_t n = s_.size();
        const std::vector<bool>& may_act = acting_chars();
        while (i < n) {
            const char ch = s_[i];
            if (is_digit(ch) || ((ch == '-' || ch == '+') && i + 1 < n && is_digit(s_[i + 1]) &&
                                 sign_may_start(i))) {
                i = number(i);
                continue;
            }
            const code_point cp = decode_cp(s_, i);
            const std::size_t len = cp.length == 0 ? 1 : cp.length;
            if (cp.value >= 0x80 && cp.value < 0x10000 && !may_act[cp.value]) {
                i += len; // most characters: no boundary, numeral word or cue starts at them
                continue;
            }
            if (boundary(cp.value, i, len)) {
                i += len;
                continue;
            }
            if (cp.value < 0x80 && !is_alpha(ch)) {
                ++i; // spaces and ASCII punctuation that is no boundary
                continue;
            }
            if (const std::size_t m = chinese_numeral_word(i, cp.value); m != 0) {
                i += m;
                continue;
            }
            if (const std::size_t m = cue_word_at(i, cp.value); m != 0) {
                i += m;
                continue;
            }
            i += len;
        }
        if (in_table_) {
            end_row(n);
        }
        name_restatements();
    }

private:
    [[nodiscard]] static std::string_view checked_size(std::string_view s) {
        if (s.size() > max_source_bytes) {
            throw std::length_error("reckon: a text beyond 4 GiB (places are 32-bit)");
        }
        return s;
    }

    // A figure named only by a demonstrative (这84项项目中, 该 …) restates an earlier one: it
    // takes the label of the nearest earlier figure with the same display and unit (among the
    // 64 before it), for people to read; its key, which relations match on, stays.
    void name_restatements() {
        static const word_index demonstratives(
            {"这些", "這些", "上述", "前述", "以上", "这", "這", "该", "該", "此", "其"});
        constexpr std::size_t look_back = 64;
        for (std::size_t k = 1; k < figures.size(); ++k) {
            scanned_figure& f = figures[k];
            if (f.label.empty() || demonstratives.starting(f.label, 0).size() != f.label.size()) {
                continue;
            }
            for (std::size_t j = k; j-- > 0 && k - j <= look_back;) {
                const scanned_figure& e = figures[j];
                if (e.unit == f.unit && same_display(e.display, f.display) && !e.label.empty() &&
                    demonstratives.starting(e.label, 0).size() != e.label.size()) {
                    f.label = e.label;
                    break;
                }
            }
        }
    }

    // --- boundaries ---

    // Updates sentence/clause/paragraph counters at a punctuation mark; true if it was one.
    bool boundary(char32_t c, std::size_t i, std::size_t len) {
        switch (c) {
        case U'\n':
            // A blank line does not start another paragraph.
            if (!only_spaces(line_start_, i)) {
                ++paragraph_;
                paragraph_starts.push_back(i + len);
            } else if (!paragraph_starts.empty()) {
                paragraph_starts.back() = i + len;
            }
            new_sentence(i + len);
            line_start_ = i + len;
            paren_depth_ = 0;
            paren_owner_ = npos;
            if (in_table_) {
                end_row(i);
            }
            if (at(s_, i + len, "|")) {
                start_row(i + len);
            } else {
                in_table_ = false;
                last_row_line_ = false;
            }
            return true;
        case U'\u3002':
        case U'!':
        case U'?':
        case U'\uFF01':
        case U'\uFF1F': new_sentence(i + len); return true;
        case U'.':
            // An English full stop: followed by a space or the end, after a letter or bracket.
            if (i + 1 >= s_.size() || s_[i + 1] == ' ' || s_[i + 1] == '\n') {
                if (i > 0 && (is_alpha(s_[i - 1]) || s_[i - 1] == ')' || s_[i - 1] == '%')) {
                    new_sentence(i + len);
                }
            }
            return true;
        case U';':
            ++segment_;
            new_clause(i + len);
            return true;
        case U',':
        case U'\uFF0C':
        case U':':
        case U'\u3001': new_clause(i + len); return true;
        case U'|':
            new_clause(i + len);
            if (in_table_ && i != rows.back().cells.back().first - 1) {
                rows.back().cells.back().second = i;
                rows.back().cells.emplace_back(i + 1, i + 1);
            }
            return true;
        case U'(':
        case U'[':
        case U'\u3010':
            if (paren_depth_ == 0) {
                paren_owner_ = npos;
                if (!figures.empty() && figures.back().sentence == sentence_ &&
                    after_figure_.only_spaces(s_, figures.back().after_end, i)) {
                    paren_owner_ = figures.size() - 1;
                }
            }
            ++paren_depth_;
            return true;
        case U')':
        case U']':
        case U'\u3011':
            if (paren_depth_ > 0) {
                --paren_depth_;
            }
            if (paren_depth_ == 0) {
                paren_owner_ = npos;
            }
            return true;
        default: return false;
        }
    }

    void new_sentence(std::size_t at_offset) {
        ++sentence_;
        ++clause_;
        ++segment_;
        sentence_begin_ = at_offset;
        clause_begin_ = at_offset;
        sentence_starts.push_back(at_offset);
    }
    void new_clause(std::size_t at_offset) {
        ++clause_;
        clause_begin_ = at_offset;
    }
    void start_row(std::size_t at_offset) {
        if (!last_row_line_) {
            ++table_count_;
        }
        in_table_ = true;
        last_row_line_ = true;
        table_row r;
        r.table = table_count_;
        r.cells.emplace_back(at_offset + 1, at_offset + 1);
        rows.push_back(std::move(r));
    }
    void end_row(std::size_t at_offset) {
        auto& cells = rows.back().cells;
        cells.back().second = at_offset;
        for (auto& [b, e] : cells) {
            while (b < e && s_[b] == ' ') {
                ++b;
            }
            while (e > b && s_[e - 1] == ' ') {
                --e;
            }
        }
        if (!cells.empty() && cells.back().first == cells.back().second) {
            cells.pop_back(); // after the closing bar
        }
    }

    [[nodiscard]] bool only_spaces(std::size_t from, std::size_t to) const {
        for (std::size_t k = from; k < to && k < s_.size(); ++k) {
            if (s_[k] != ' ') {
                return false;
            }
        }
        return true;
    }

    // --- cue words ---

    // Records a cue word at s[i]; returns its length, or 0.
    std::size_t cue_word_at(std::size_t i, char32_t c) {
        const char ch = s_[i];
        if (is_alpha(ch)) {
            if (i > 0 && is_alpha(s_[i - 1])) {
                return 0;
            }
            // Only the cues that start with this letter, in the list's order.
            static const std::array<std::vector<cue_word>, 26> by_first = [] {
                std::array<std::vector<cue_word>, 26> t{};
                for (const auto& w : english_cues()) {
                    t[static_cast<std::size_t>(w.word[0] - 'a')].push_back(w);
                }
                return t;
            }();
            for (const auto& w : by_first[static_cast<std::size_t>(lower(ch) - 'a')]) {
                if (word_at(s_, i, w.word)) {
                    cues.push_back({i, i + w.word.size(), w.what});
                    return w.word.size();
                }
            }
            // Skip the rest of the word.
            std::size_t e = i;
            while (e < s_.size() && is_alpha(s_[e])) {
                ++e;
            }
            return e - i;
        }
        if (static_cast<unsigned char>(ch) < 0x80) {
            return 0;
        }
        const auto& first = cue_first_chars();
        if (c >= 0x10000 || !first[c]) {
            return 0;
        }
        // Only the words that start with this character, in the list's order: a slot per
        // character of the basic plane (0: none), no hashing.
        struct by_first_char {
            std::vector<std::uint16_t> slot = std::vector<std::uint16_t>(0x10000, 0);
            std::vector<std::vector<cue_word>> words{std::vector<cue_word>{}};
        };
        static const by_first_char by_first = [] {
            by_first_char m;
            for (const auto& w : chinese_cues()) {
                const char32_t f = decode_cp(w.word, 0).value;
                if (f >= 0x10000) {
                    continue; // (cue_first_chars lets no such character through)
                }
                if (m.slot[f] == 0) {
                    m.slot[f] = static_cast<std::uint16_t>(m.words.size());
                    m.words.emplace_back();
                }
                m.words[m.slot[f]].push_back(w);
            }
            return m;
        }();
        for (const auto& w : by_first.words[by_first.slot[c]]) {
            if (at(s_, i, w.word)) {
                cue what = w.what;
                // 中 after a noun and before a comma: "among".
                cues.push_back({i, i + w.word.size(), what});
                return w.word.size();
            }
        }
        if (at(s_, i, "中")) {
            const std::size_t e = i + 3;
            const char32_t next = cp_at(s_, e);
            if (next == U',' || next == U'\uFF0C' || next == U':') {
                cues.push_back({i, e, cue::among});
                return 3;
            }
        }
        return 0;
    }

    // Chinese numerals that are periods, ordinals or names (一季度, 上半年, 第十八届, 十三五):
    // kept as skipped numbers, and periods set the period of the figures after them.
    static bool chinese_numeral(char32_t c) noexcept {
        switch (c) {
        case U'〇':
        case U'零':
        case U'一':
        case U'二':
        case U'三':
        case U'四':
        case U'五':
        case U'六':
        case U'七':
        case U'八':
        case U'九':
        case U'十':
        case U'两':
        case U'百':
        case U'千': return true;
        default: return false;
        }
    }

    std::size_t chinese_numeral_word(std::size_t i, char32_t first) {
        if (first != U'上' && first != U'下' && first != U'第' && first != U'前' &&
            !chinese_numeral(first)) {
            return 0;
        }
        auto numeral = [&](std::size_t k) { return chinese_numeral(cp_at(s_, k)); };
        auto value = [&](std::size_t b, std::size_t e) {
            int v = 0;
            int last = 0;
            for (std::size_t k = b; k < e; k += 3) {
                const char32_t c = cp_at(s_, k);
                const std::size_t d = std::u32string_view(U"〇一二三四五六七八九").find(c);
                if (d != npos) {
                    last = static_cast<int>(d);
                } else if (c == U'零') {
                    last = 0;
                } else if (c == U'两') {
                    last = 2;
                } else if (c == U'十') {
                    v += (last == 0 ? 1 : last) * 10;
                    last = 0;
                }
            }
            return v + last;
        };
        static constexpr std::string_view halves[] = {"上半年", "下半年"};
        for (std::string_view w : halves) {
            if (at(s_, i, w)) {
                if (!base_before(i)) {
                    period_.first_month = w == "上半年" ? 1 : 7;
                    period_.last_month = w == "上半年" ? 6 : 12;
                }
                skip(i, i + w.size(), "period");
                return w.size();
            }
        }
        std::size_t b = i;
        const bool ordinal = at(s_, i, "第");
        const bool first_n = at(s_, i, "前");
        if (ordinal || first_n) {
            b += 3;
        }
        if (!numeral(b)) {
            return 0;
        }
        std::size_t e = b;
        while (e < s_.size() && numeral(e) && e - b < 18) {
            e += 3;
        }
        if (at(s_, e, "季度")) {
            const int q = value(b, e);
            if (q >= 1 && q <= 4 && !base_before(i)) {
                period_.first_month = first_n ? 1 : 3 * q - 2;
                period_.last_month = 3 * q;
            }
            skip(i, e + 6, "period");
            return e + 6 - i;
        }
        if (ordinal) {
            for (std::string_view w :
                 {"届", "次", "批", "期", "轮", "名", "位", "号", "条", "章", "款", "个五年"}) {
                if (at(s_, e, w)) {
                    skip(i, e + w.size(), "ordinal");
                    return e + w.size() - i;
                }
            }
            return 0;
        }
        if (!first_n && e - b == 9 && at(s_, b, "十") && at(s_, e - 3, "五")) {
            skip(i, e, "name"); // 十三五: a five-year plan
            return e - i;
        }
        return 0;
    }

    [[nodiscard]] bool base_before(std::size_t i) const {
        const char32_t p = cp_before(s_, i);
        return p == U'比' || p == U'较' || p == U'与' || p == U'同' || p == U'从' || p == U'由';
    }

    // Per character of the basic plane beyond ASCII: whether `run` may do anything at it — a
    // boundary, the start of a Chinese numeral word or of a cue word. The rest are stepped over.
    static const std::vector<bool>& acting_chars() {
        static const std::vector<bool> table = [] {
            std::vector<bool> t = cue_first_chars();
            for (char32_t c = 0x80; c < 0x10000; ++c) {
                if (chinese_numeral(c) || c == U'上' || c == U'下' || c == U'第' || c == U'前') {
                    t[c] = true;
                }
            }
            // The boundaries beyond ASCII (see `boundary`).
            for (char32_t c :
                 {U'\u3002', U'\uFF01', U'\uFF1F', U'\uFF0C', U'\u3001', U'\u3010', U'\u3011'}) {
                t[c] = true;
            }
            return t;
        }();
        return table;
    }

    static const std::vector<bool>& cue_first_chars() {
        static const std::vector<bool> table = [] {
            std::vector<bool> t(0x10000, false);
            for (const auto& w : chinese_cues()) {
                const char32_t c = decode_cp(w.word, 0).value;
                if (c < 0x10000) {
                    t[c] = true;
                }
            }
            t[U'中'] = true;
            return t;
        }();
        return table;
    }

    // --- numbers ---

    // A sign starts a number when it does not follow a digit or a letter ("1-5", "GB/T-").
    [[nodiscard]] bool sign_may_start(std::size_t i) const {
        if (i == 0) {
            return true;
        }
        const char p = s_[i - 1];
        return !(is_digit(p) || is_alpha(p) || p == '.' || p == '/');
    }

    // Reads the digits of a number at s[i] (after its sign): digits, thousands groups, point.
    [[nodiscard]] std::size_t digits_end(std::size_t i) const {
        const std::size_t n = s_.size();
        std::size_t j = i;
        while (j < n && is_digit(s_[j])) {
            ++j;
        }
        const std::size_t first_group = j - i;
        // Thousands groups: ",ddd" not followed by another digit, after 1-3 leading digits.
        if (first_group >= 1 && first_group <= 3) {
            while (j + 3 < n + 0 && s_[j] == ',' && is_digit(s_[j + 1]) && is_digit(s_[j + 2]) &&
                   is_digit(s_[j + 3]) && (j + 4 >= n || !is_digit(s_[j + 4]))) {
                j += 4;
            }
            if (j + 3 == n && s_[j] == ',' && is_digit(s_[j + 1]) && is_digit(s_[j + 2])) {
                // fewer than three digits after a comma at the end: not a group
            }
        }
        if (j + 1 < n && s_[j] == '.' && is_digit(s_[j + 1])) {
            ++j;
            while (j < n && is_digit(s_[j])) {
                ++j;
            }
        }
        return j;
    }

    [[nodiscard]] static bool integer_text(std::string_view t) {
        for (char c : t) {
            if (!is_digit(c)) {
                return false;
            }
        }
        return !t.empty();
    }
    [[nodiscard]] static int small_value(std::string_view t) {
        if (!integer_text(t) || t.size() > 6) {
            return -1;
        }
        int v = 0;
        for (char c : t) {
            v = v * 10 + (c - '0');
        }
        return v;
    }

    void skip(std::size_t b, std::size_t e, const char* reason) {
        skips.push_back({b, e, reason, -1, -1});
    }

    // Handles the number at s[i]; returns where the scan continues.
    std::size_t number(std::size_t i) {
        const std::size_t start = i;
        const bool has_sign = s_[i] == '-' || s_[i] == '+';
        const std::size_t digits_begin = has_sign ? i + 1 : i;
        const std::size_t e = digits_end(digits_begin);
        const std::string_view core = s_.substr(digits_begin, e - digits_begin);
        const std::size_t n = s_.size();

        // Letters glued before: Q1, FY2014, G20, H1 — periods and names.
        if (!has_sign && start > 0 && is_alpha(s_[start - 1])) {
            std::size_t b = start;
            while (b > 0 && is_alpha(s_[b - 1])) {
                --b;
            }
            const std::string_view letters = s_.substr(b, start - b);
            const bool per = letters == "Q" || letters == "H" || letters == "FY" ||
                             letters == "CY" || letters == "q" || letters == "h";
            skip(start, after_alnum(e), per ? "period" : "code");
            return after_alnum(e);
        }
        // A standard's number: GB/T 8170-2008, ISO 9001.
        if (!has_sign && code_prefix(start)) {
            std::size_t j = e;
            while (j + 1 < n && (s_[j] == '-' || s_[j] == '.' || s_[j] == '/') &&
                   is_digit(s_[j + 1])) {
                j = digits_end(j + 1);
            }
            skip(start, j, "standard or code number");
            return j;
        }

        // Compound forms joined by a dash: phone numbers, dates, ranges.
        if (!has_sign && e < n &&
            (s_[e] == '-' || at(s_, e, "—") || at(s_, e, "~") || at(s_, e, "～"))) {
            const std::size_t dash_len = s_[e] == '-' || s_[e] == '~' ? 1 : 3;
            if (e + dash_len < n && is_digit(s_[e + dash_len])) {
                return compound(start, e, e + dash_len);
            }
        }
        if (!has_sign && e + 1 < n && s_[e] == '/' && is_digit(s_[e + 1])) {
            // 2014/07/17, 3/4: a date or a fraction written with a slash.
            std::size_t j = digits_end(e + 1);
            if (j + 1 < n && s_[j] == '/' && is_digit(s_[j + 1])) {
                j = digits_end(j + 1);
            }
            skip(start, j, "date");
            return j;
        }
        // A time 12:55, or the terms of a:b:c shares.
        if (!has_sign && e + 1 < n && (s_[e] == ':') && is_digit(s_[e + 1])) {
            if (structure_cue_in_clause()) {
                return structure_terms(start);
            }
            std::size_t j = digits_end(e + 1);
            while (j < n && is_alpha(s_[j])) {
                ++j; // 12:55AM
            }
            skip(start, j, "time");
            return j;
        }
        // A list of months or days: 1、2、3月.
        if (!has_sign && at(s_, e, "、") && e + 3 < n && is_digit(s_[e + 3])) {
            std::size_t j = e;
            bool all_small = small_value(core) >= 0 && small_value(core) <= 31;
            int lo = small_value(core);
            int hi = lo;
            while (at(s_, j, "、") && j + 3 < n && is_digit(s_[j + 3])) {
                const std::size_t b2 = j + 3;
                const std::size_t e2 = digits_end(b2);
                const int v = small_value(s_.substr(b2, e2 - b2));
                all_small = all_small && v >= 0 && v <= 31;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                j = e2;
            }
            if (all_small && (at(s_, j, "月") || at(s_, j, "日") || at(s_, j, "号"))) {
                const std::size_t end = j + 3 + (at(s_, j + 3, "份") ? 3 : 0);
                skip(start, end, "date");
                if (at(s_, j, "月") && lo >= 1 && hi <= 12) {
                    skips.back().first_month = lo;
                    skips.back().last_month = hi;
                }
                return end;
            }
        }

        // A single number.
        if (const char* why = not_a_figure(start, digits_begin, e, has_sign)) {
            std::size_t end = e;
            std::size_t begin = start;
            const std::string_view reason(why);
            if (reason == "date" || reason == "period") {
                end = date_suffix_end(e);
                note_period(start, e, end);
            } else if (reason == "ordinal" || reason == "code") {
                end = after_alnum(e);
                // 第3次, 第18届: the whole ordinal, with its measure word.
                static constexpr std::string_view ordinal_words[] = {"第", "第 "};
                for (std::string_view w : ordinal_words) {
                    if (ends(s_, start, w)) {
                        begin = start - w.size();
                        if (is_han(cp_at(s_, end))) {
                            end += cp_len(s_, end);
                        }
                        break;
                    }
                }
            } else if (reason == "rank") {
                if (ends(s_, start, "前") || ends(s_, start, "后")) {
                    begin = start - 3;
                }
                end = e + cp_len(s_, e); // 500强, 前10名
            }
            skip(begin, end, why);
            return end;
        }
        if (e - digits_begin > max_digits) {
            static const std::string too_long =
                "a number of more than " + std::to_string(max_digits) + " digits";
            skip(start, e, too_long.c_str());
            return e;
        }
        return figure(start, digits_begin, e, has_sign);
    }

    [[nodiscard]] std::size_t after_alnum(std::size_t j) const {
        while (j < s_.size() && (is_alpha(s_[j]) || is_digit(s_[j]))) {
            ++j;
        }
        return j;
    }

    // Letters and a slash right before a number, as in a standard's name.
    [[nodiscard]] bool code_prefix(std::size_t start) const {
        std::size_t b = start;
        if (b > 0 && s_[b - 1] == ' ') {
            --b;
        }
        std::size_t a = b;
        bool slash = false;
        while (a > 0 && (is_upper(s_[a - 1]) || s_[a - 1] == '/')) {
            slash = slash || s_[a - 1] == '/';
            --a;
        }
        if (a == b || (a > 0 && is_alpha(s_[a - 1]))) {
            return false;
        }
        const std::string_view w = s_.substr(a, b - a);
        return slash || w == "GB" || w == "ISO" || w == "DB" || w == "No" || w == "NO" ||
               w == "HJ" || w == "JB" || w == "GB/T";
    }

    // Two numbers joined by a dash at s[start..e1) and s[b2..).
    std::size_t compound(std::size_t start, std::size_t e1, std::size_t b2) {
        const std::size_t e2 = digits_end(b2);
        const std::string_view a = s_.substr(start, e1 - start);
        const std::string_view b = s_.substr(b2, e2 - b2);
        const std::size_t n = s_.size();
        // Phone: 0xx(x)-xxxxxxx(x).
        if (integer_text(a) && integer_text(b) && a.size() >= 3 && a.size() <= 4 && a[0] == '0' &&
            b.size() >= 7 && b.size() <= 8) {
            skip(start, e2, "phone number");
            return e2;
        }
        // Date: yyyy-mm-dd.
        if (integer_text(a) && a.size() == 4 && integer_text(b) && b.size() <= 2 && e2 + 1 < n &&
            s_[e2] == '-' && is_digit(s_[e2 + 1])) {
            const std::size_t e3 = digits_end(e2 + 1);
            skip(start, e3, "date");
            return e3;
        }
        const std::size_t end = date_suffix_end(e2);
        if (end != e2) {
            note_period(start, e2, end, small_value(a), small_value(b));
            skip(start, end, "date");
            return end;
        }
        if (integer_text(a) && a.size() == 4 && integer_text(b) && b.size() == 4) {
            skip(start, e2, "period");
            return e2;
        }
        skip(start, e2, "range");
        return e2;
    }

    // The end of a date or period word after a number ending at s[e] (年, 月份, 日 …), or e.
    [[nodiscard]] std::size_t date_suffix_end(std::size_t e) const {
        static constexpr std::string_view date_words[] = {"年度", "年", "月份", "月",
                                                          "日",   "号", "时",   "季度"};
        for (std::string_view w : date_words) {
            if (at(s_, e, w)) {
                return e + w.size();
            }
        }
        for (std::string_view w : chinese_durations()) {
            if (at(s_, e, w)) {
                return e + w.size();
            }
        }
        return e;
    }

    // Notes the period a date sets for the figures after it.
    void note_period(std::size_t start, std::size_t e, std::size_t end, int first = -2,
                     int second = -1) {
        if (first == -2) {
            first = small_value(s_.substr(start, e - start));
        }
        // A comparison base (比2013年, 与2010年…相比, 从 … 到) does not set the period.
        const std::size_t before = prev_cp(s_, start);
        const char32_t p = cp_at(s_, before);
        const bool base = p == U'比' || p == U'较' || p == U'与' || p == U'同' || p == U'从' ||
                          p == U'由' || p == U'到' || p == U'至' || p == U'自';
        const std::string_view suffix = s_.substr(e, end - e);
        period next = period_;
        if (suffix.substr(0, 3) == "年") {
            if (first < 1000) {
                return; // a duration: 10年来
            }
            next.year = first;
            next.first_month = 1;
            next.last_month = 12;
            if (second >= 1000) {
                return; // 2000-2010年: a span of years
            }
            // yyyy年m月: the month follows as its own number.
        } else if (suffix.substr(0, 3) == "月") {
            if (first < 1 || first > 12) {
                return;
            }
            next.first_month = first;
            next.last_month = second >= 1 && second <= 12 ? second : first;
        } else if (suffix == "季度") {
            if (first < 1 || first > 4) {
                return;
            }
            next.first_month = 3 * first - 2;
            next.last_month = 3 * first;
        } else {
            return;
        }
        if (base) {
            return;
        }
        // yyyy年 followed directly by m月: keep the year, take the months.
        if (suffix.substr(0, 3) == "月" && last_year_end_ == start) {
            next.year = period_.year;
        }
        if (at(s_, end, "的")) {
            one_off_ = next; // 2010年的133972万人: this figure's period only
            one_off_at_ = end + 3;
            return;
        }
        period_ = next;
        if (suffix.substr(0, 3) == "年") {
            last_year_end_ = end;
        }
    }

    // Why the number at s[start..e) is not a figure, or nullptr.
    [[nodiscard]] const char* not_a_figure(std::size_t start, std::size_t digits_begin,
                                           std::size_t e, bool has_sign) const {
        const std::string_view core = s_.substr(digits_begin, e - digits_begin);
        const int v = small_value(core);
        const std::size_t n = s_.size();
        // Ordinals: 第3位, 第十八届 (Chinese numerals are not digit runs), 1st, 12th.
        if (ends(s_, start, "第") || ends(s_, start, "第 ")) {
            return "ordinal";
        }
        if (e + 1 < n &&
            (at_ci(s_, e, "st") || at_ci(s_, e, "nd") || at_ci(s_, e, "rd") ||
             at_ci(s_, e, "th")) &&
            (e + 2 >= n || !is_alpha(s_[e + 2])) && v >= 0) {
            return "ordinal";
        }
        // Ranks and names: 500强, 前10名.
        if (at(s_, e, "强")) {
            return "rank";
        }
        if ((ends(s_, start, "前") || ends(s_, start, "后")) &&
            (at(s_, e, "名") || at(s_, e, "位"))) {
            return "rank";
        }
        if (has_sign) {
            return nullptr;
        }
        // Dates and periods.
        if (at(s_, e, "年") && !at(s_, e, "年均") && !at(s_, e, "年产")) {
            return v >= 1000 ? "date" : "period";
        }
        if (at(s_, e, "年")) {
            return "date";
        }
        if ((at(s_, e, "月") || at(s_, e, "季度")) && v >= 1 && v <= 12) {
            return "date";
        }
        if ((at(s_, e, "日") || at(s_, e, "号")) && v >= 1 && v <= 31) {
            return "date";
        }
        if ((at(s_, e, "时") || at(s_, e, "点")) && v >= 0 && v <= 24 &&
            !at(s_, e, "点")) { // 10时 (点 is taken by 百分点 below)
            return "date";
        }
        if (at(s_, e, "时") && v >= 0 && v <= 24) {
            return "date";
        }
        if (e < n && static_cast<unsigned char>(s_[e]) >= 0x80) { // (each starts with a Han)
            for (std::string_view w : chinese_durations()) {
                if (at(s_, e, w)) {
                    return "period";
                }
            }
        }
        static constexpr std::string_view period_words[] = {
            " months", " month",    " years", " year",  " weeks", " week",
            " days",   " quarters", " hours", "-month", "-year"};
        if (e < n && (s_[e] == ' ' || s_[e] == '-')) {
            for (std::string_view w : period_words) {
                if (at_ci(s_, e, w) && (e + w.size() >= n || !is_alpha(s_[e + w.size()]))) {
                    return "period";
                }
            }
        }
        // Letters glued after that are not a unit: 5G, 3D, 12:55AM.
        if (e < n && is_alpha(s_[e])) {
            bool unit = false;
            for (const auto& w : english_scale_words()) {
                if (at_ci(s_, e, w.word) &&
                    (e + w.word.size() >= n || !is_alpha(s_[e + w.word.size()]))) {
                    unit = true;
                }
            }
            if (at_ci(s_, e, "pp") && (e + 2 >= n || !is_alpha(s_[e + 2]))) {
                unit = true;
            }
            if (!unit) {
                return "code";
            }
        }
        // A bare year in English text or a table: 1900-2100 with no unit or currency.
        if (core.size() == 4 && v >= 1900 && v <= 2100 && !currency_before(start) &&
            !unit_follows(e)) {
            return "date";
        }
        // A list marker at the start of a line: "1. ", "2、", "3)".
        if (line_head_.only_spaces(s_, line_start_, start) &&
            (at(s_, e, ". ") || at(s_, e, "、") || at(s_, e, ")")) && v >= 0 && v < 100) {
            return "list number";
        }
        // Mobile phone numbers: 11 digits starting with 1.
        if (core.size() == 11 && core[0] == '1' && integer_text(core)) {
            return "phone number";
        }
        return nullptr;
    }

    [[nodiscard]] bool unit_follows(std::size_t e) const {
        std::size_t p = e;
        if (p < s_.size() && s_[p] == ' ') {
            ++p;
        }
        if (at(s_, p, "%")) {
            return true;
        }
        for (const auto& w : english_units()) {
            if (word_at(s_, p, w.word)) {
                return true;
            }
        }
        for (const auto& w : english_scale_words()) {
            if (w.word.size() > 2 && word_at(s_, p, w.word)) {
                return true;
            }
        }
        for (std::string_view w : chinese_scales()) {
            if (at(s_, e, w)) {
                return true;
            }
        }
        for (std::string_view w : chinese_bases()) {
            if (at(s_, e, w)) {
                return true;
            }
        }
        return false;
    }

    // A currency sign or code right before s[start] (after an optional space).
    [[nodiscard]] std::optional<std::pair<std::size_t, std::string_view>>
    currency_before(std::size_t start) const {
        std::size_t b = start;
        if (b > 0 && s_[b - 1] == ' ') {
            --b;
        }
        static const std::array<std::pair<std::string_view, std::string_view>, 12> signs = {{
            {"US$", "USD"},
            {"HK$", "HKD"},
            {"C$", "CAD"},
            {"$", "USD"},
            {"£", "GBP"},
            {"€", "EUR"},
            {"¥", "CNY"},
            {"￥", "CNY"},
            {"RMB", "CNY"},
            {"USD", "USD"},
            {"EUR", "EUR"},
            {"GBP", "GBP"},
        }};
        for (const auto& [sign, code] : signs) {
            if (ends(s_, b, sign)) {
                const std::size_t a = b - sign.size();
                if (is_alpha(sign[0]) && a > 0 && is_alpha(s_[a - 1])) {
                    continue;
                }
                if (is_alpha(sign[0]) && b == start) {
                    continue; // RMB100 glued: a code
                }
                if (!is_alpha(sign[0]) && b != start && sign != "US$") {
                    // "$ 5" is rare; accept it
                }
                return std::make_pair(a, code);
            }
        }
        return std::nullopt;
    }

    [[nodiscard]] bool structure_cue_in_clause() const {
        for (std::size_t k = cues.size(); k > 0 && cues.size() - k < 32; --k) {
            const cue_event& c = cues[k - 1];
            if (c.begin < sentence_begin_) {
                break;
            }
            if (c.what == cue::structure) {
                return true;
            }
        }
        return false;
    }

    // The terms of a:b:c shares, each a figure in percent.
    std::size_t structure_terms(std::size_t start) {
        std::size_t i = start;
        const std::size_t n = s_.size();
        while (true) {
            const std::size_t e = digits_end(i);
            scanned_figure f = base_figure(i, i, e);
            f.what = role::structure;
            f.unit = offset32(units.index("%"));
            f.kind = reckon::kind::share;
            f.end = offset32(e);
            f.after_end = offset32(e);
            f.label = "结构";
            set_key(f, "结构");
            push(std::move(f));
            if (e + 1 < n && s_[e] == ':' && is_digit(s_[e + 1])) {
                i = e + 1;
                continue;
            }
            return e;
        }
    }

    scanned_figure base_figure(std::size_t start, std::size_t digits_begin, std::size_t e) {
        scanned_figure f;
        f.begin = offset32(start);
        f.number_begin = offset32(start);
        f.number_end = offset32(e);
        f.prefix_begin = offset32(start);
        f.gap_begin = figures.empty() ? 0 : figures.back().after_end;
        if (f.gap_begin > start) {
            f.gap_begin = offset32(start);
        }
        digits_.clear();
        for (std::size_t k = start; k < e; ++k) {
            if (s_[k] != ',') {
                digits_ += s_[k];
            }
        }
        (void)digits_begin;
        auto d = decimal::try_parse(digits_);
        f.display = d ? *d : decimal();
        f.paragraph = paragraph_;
        f.sentence = sentence_;
        f.clause = clause_;
        f.segment = segment_;
        f.sentence_begin = offset32(sentence_begin_);
        f.clause_begin = offset32(clause_begin_);
        f.in_paren = paren_depth_ > 0;
        f.paren_of = paren_depth_ > 0 ? paren_owner_ : npos;
        f.in_table = in_table_;
        f.when = period_;
        if (one_off_ && one_off_at_ == start) {
            f.when = *one_off_;
        }
        one_off_.reset();
        return f;
    }

    void push(scanned_figure f) {
        if (figures.size() >= max_figures_) {
            throw too_many_figures{f.begin};
        }
        if (in_table_ && !rows.empty()) {
            rows.back().figures.push_back(figures.size());
            rows.back().figure_cells.push_back(rows.back().cells.size() - 1);
        }
        figures.push_back(std::move(f));
    }

    // A figure at s[start..e): unit, qualifiers, sign words, role, label.
    std::size_t figure(std::size_t start, std::size_t digits_begin, std::size_t e, bool has_sign) {
        scanned_figure f = base_figure(start, digits_begin, e);
        f.printed_sign = has_sign;
        const std::size_t n = s_.size();

        // Currency before the number.
        std::string currency;
        if (auto c = currency_before(start)) {
            f.begin = offset32(c->first);
            currency = std::string(c->second);
        }
        f.prefix_begin = f.begin;

        // 余 / 多 between the number and its unit: a little over.
        std::size_t p = e;
        if (at(s_, p, "余") || (at(s_, p, "多") && !at(s_, p, "多于"))) {
            f.qual = qualifier::a_little_over;
            p += 3;
        }
        // The unit.
        std::string symbol;
        std::size_t unit_end = p;
        if (auto u = chinese_unit(p)) {
            symbol = u->second;
            unit_end = u->first;
        } else if (auto eu = english_unit_at(p, !currency.empty())) {
            symbol = eu->second;
            unit_end = eu->first;
        }
        if (!currency.empty()) {
            // "£1.6 billion": the scale, then the currency.
            if (symbol.empty()) {
                symbol = currency;
            } else if (symbol == "billion" || symbol == "million" || symbol == "thousand" ||
                       symbol == "trillion") {
                symbol += " " + currency;
            }
        }
        if (f.qual == qualifier::a_little_over && unit_end == p && p == e + 3) {
            // 多 not followed by a unit: "30多" still a little over.
        }
        f.end = offset32(unit_end);
        f.unit = offset32(units.index(symbol));
        f.kind = units.at(f.unit).kind;

        // Suffix qualifiers: 以上, 左右, or more.
        std::size_t after = unit_end;
        if (f.qual == qualifier::none) {
            for (const auto& w : suffix_qualifiers()) {
                if (at_ci(s_, after, w.word)) {
                    f.qual = w.what;
                    after += w.word.size();
                    break;
                }
            }
        } else if (at(s_, after, "以上")) {
            after += 6;
        }
        f.after_end = offset32(after);

        // Words before: qualifier, sign words.
        std::size_t q = f.begin;
        auto skip_spaces = [&] {
            while (q > f.gap_begin && s_[q - 1] == ' ') {
                --q;
            }
        };
        skip_spaces();
        if ((f.qual == qualifier::none || f.qual == qualifier::a_little_over) && q > 0) {
            // Only the words that end with the byte before q (in lower case: English words
            // match in any case), in the list's order: the first that stands there wins.
            static const std::array<std::vector<qualifier_word>, 256> by_last = [] {
                std::array<std::vector<qualifier_word>, 256> t{};
                for (const auto& w : prefix_qualifiers()) {
                    t[static_cast<unsigned char>(w.word.back())].push_back(w);
                }
                return t;
            }();
            for (const auto& w : by_last[static_cast<unsigned char>(lower(s_[q - 1]))]) {
                const bool english = is_alpha(w.word[0]);
                if (english ? word_ends(s_, q, w.word) : ends(s_, q, w.word)) {
                    if (f.qual == qualifier::none) {
                        f.qual = w.what;
                    }
                    q -= w.word.size();
                    skip_spaces();
                    break;
                }
            }
        }
        f.prefix_begin = offset32(q);
        direction(f, q);

        // A threshold that defines a group: 5000万元以上项目, 超过50亿元的重大项目.
        if (f.qual == qualifier::at_least || f.qual == qualifier::more_than ||
            f.qual == qualifier::at_most || f.qual == qualifier::under) {
            const char32_t next = cp_at(s_, after);
            if (next == U'的' || (is_han(next) && !at(s_, after, "个百分点"))) {
                f.threshold = true;
            }
        }
        // Role.
        assign_role(f);
        label(f);
        (void)n;
        push(std::move(f));
        return after;
    }

    // A Chinese unit at s[p]: (end, symbol for find_unit).
    [[nodiscard]] std::optional<std::pair<std::size_t, std::string>>
    chinese_unit(std::size_t p) const {
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> special = {{
            {"个百分点", "个百分点"},
            {"个千分点", "千分点"},
            {"百分点", "百分点"},
            {"千分点", "千分点"},
            {"%", "%"},
            {"‰", "‰"},
            {"个月", ""},
        }};
        for (const auto& [w, sym] : special) {
            if (at(s_, p, w)) {
                if (sym.empty()) {
                    return std::nullopt;
                }
                return std::make_pair(p + w.size(), std::string(sym));
            }
        }
        // Longest scale + base, or base, or scale.
        std::size_t best_end = p;
        std::string best;
        static const word_index bases(chinese_bases());
        static const word_index scales(chinese_scales());
        auto base_at = [&](std::size_t b) -> std::size_t { return bases.starting(s_, b).size(); };
        if (const std::size_t m = base_at(p); m != 0) {
            best_end = p + m;
            best = std::string(s_.substr(p, m));
        }
        if (const std::string_view sc = scales.starting(s_, p); !sc.empty()) {
            const std::size_t m = base_at(p + sc.size());
            const std::size_t end = p + sc.size() + m;
            if (end > best_end) {
                best_end = end;
                best = std::string(s_.substr(p, end - p));
            }
        }
        if (best.empty()) {
            return std::nullopt;
        }
        if (!units.known(best)) {
            // A scale on a base find_unit does not take (万倍): the scale alone keeps the value.
            const std::string_view sc = scales.starting(s_, p);
            if (sc.empty()) {
                return std::nullopt;
            }
            best = std::string(sc);
            best_end = p + sc.size();
        }
        // 百 or 千 alone is rarely a scale (百分之…); 个 before 月 or 百分点 handled above.
        if (best == "百" || best == "千") {
            return std::nullopt;
        }
        return std::make_pair(best_end, best);
    }

    // An English unit at s[p] (after an optional space): (end, symbol).
    [[nodiscard]] std::optional<std::pair<std::size_t, std::string>>
    english_unit_at(std::size_t p, bool after_currency) const {
        const std::size_t n = s_.size();
        if (at(s_, p, "%")) {
            return std::make_pair(p + 1, std::string("%"));
        }
        std::size_t q = p;
        const bool spaced = q < n && s_[q] == ' ';
        if (spaced) {
            ++q;
        }
        if (q < n && s_[q] == '%') {
            return std::make_pair(q + 1, std::string("%"));
        }
        std::string scale;
        std::size_t end = p;
        for (const auto& w : english_scale_words()) {
            const bool short_word = w.word.size() <= 2;
            if (short_word && spaced && w.word != "bn" && w.word != "mn" && w.word != "tn") {
                continue; // "5 m" may be metres; "£5m" is five million
            }
            if (short_word && !after_currency && (w.word == "m" || w.word == "k")) {
                continue;
            }
            if (word_at(s_, q, w.word) ||
                (!spaced && at_ci(s_, q, w.word) &&
                 (q + w.word.size() >= n || !is_alpha(s_[q + w.word.size()])))) {
                scale = std::string(w.symbol);
                end = q + w.word.size();
                break;
            }
        }
        std::size_t r = scale.empty() ? q : end;
        if (!scale.empty() && r < n && s_[r] == ' ') {
            ++r;
        }
        if (scale.empty() && !spaced && q != p) {
            return std::nullopt;
        }
        for (const auto& w : english_units()) {
            const bool upper_code = is_upper(w.word[0]);
            const bool hit = upper_code ? (at(s_, r, w.word) && (r + w.word.size() >= n ||
                                                                 !is_alpha(s_[r + w.word.size()])))
                                        : word_at(s_, r, w.word);
            if (hit && (r > p || !spaced)) {
                if (!scale.empty() && (w.symbol == "%" || w.symbol == "percentage points")) {
                    break;
                }
                std::string sym =
                    scale.empty() ? std::string(w.symbol) : scale + " " + std::string(w.symbol);
                return std::make_pair(r + w.word.size(), sym);
            }
        }
        if (!scale.empty()) {
            return std::make_pair(end, scale);
        }
        return std::nullopt;
    }

    // Sign words before the figure (ending at s[q]): 增长 / 下降, rose / fell; and "to"/"from".
    void direction(scanned_figure& f, std::size_t q) {
        // Chinese: skip 了, 为, 达 between the word and the number.
        std::size_t r = q;
        for (int k = 0; k < 2; ++k) {
            static constexpr std::string_view link_words[] = {"了", "为",     "达到",
                                                              "达", "幅度为", "幅度"};
            for (std::string_view w : link_words) {
                if (ends(s_, r, w) && r - w.size() >= f.gap_begin) {
                    r -= w.size();
                    break;
                }
            }
        }
        static const word_index ups(up_words());
        static const word_index downs(down_words());
        static constexpr std::string_view to_words[] = {"到", "至"};
        for (std::string_view w : to_words) {
            if (ends(s_, r, w)) {
                const std::size_t b = r - w.size();
                if (!ups.ending(s_, b).empty() || !downs.ending(s_, b).empty()) {
                    f.to_level = true;
                    return;
                }
            }
        }
        if (const std::string_view w = downs.ending(s_, r);
            !w.empty() && r - w.size() >= f.gap_begin) {
            f.down = true;
            if (!f.printed_sign) {
                f.negated = true;
            }
            return;
        }
        if (const std::string_view w = ups.ending(s_, r);
            !w.empty() && r - w.size() >= f.gap_begin) {
            f.up = true;
            return;
        }
        if (q == 0 || static_cast<unsigned char>(s_[q - 1]) >= 0x80) {
            return; // no English word before
        }
        // English: skip "by", "of", "a further", spaces.
        r = q;
        auto skip_sp = [&] {
            while (r > f.gap_begin && s_[r - 1] == ' ') {
                --r;
            }
        };
        skip_sp();
        static constexpr std::string_view filler_words[] = {"by", "of", "further", "a"};
        for (std::string_view w : filler_words) {
            if (word_ends(s_, r, w)) {
                r -= w.size();
                skip_sp();
            }
        }
        if (word_ends(s_, r, "to") || word_ends(s_, r, "reach") || word_ends(s_, r, "at")) {
            f.to_level = true;
            return;
        }
        if (word_ends(s_, r, "from")) {
            f.from_level = true;
            return;
        }
        // Only the words that end with the letter before r, in the lists' order.
        static const auto downs_by_last = by_letter(english_down_words(), true);
        static const auto ups_by_last = by_letter(english_up_words(), true);
        const char last = r > 0 ? lower(s_[r - 1]) : '\0';
        if (last < 'a' || last > 'z') {
            return; // every word ends with a letter
        }
        for (std::string_view w : downs_by_last[static_cast<std::size_t>(last - 'a')]) {
            if (word_ends(s_, r, w)) {
                f.down = true;
                if (!f.printed_sign) {
                    f.negated = true;
                }
                return;
            }
        }
        for (std::string_view w : ups_by_last[static_cast<std::size_t>(last - 'a')]) {
            if (word_ends(s_, r, w)) {
                f.up = true;
                return;
            }
        }
    }

    // The cues since the sentence began, latest first, up to the figure.
    template <typename F>
    void each_cue_back(std::size_t from, std::size_t to, F&& fn) const {
        for (std::size_t k = cues.size(); k > 0 && cues.size() - k < 32; --k) {
            const cue_event& c = cues[k - 1];
            if (c.begin < from) {
                break;
            }
            if (c.end <= to) {
                if (!fn(c)) {
                    return;
                }
            }
        }
    }

    // The lists of `rate_word_within`.
    static constexpr std::size_t rate_words = 0; // 增速, 增幅, 增长率, 降幅: names a rate
    static constexpr std::size_t done_rate_words = 1; // 完成率

    // Whether a word of list `group` lies within [b, e): words anywhere in the clause before a
    // figure. A short clause is looked at; in a long one (a look at it per figure would be
    // quadratic) the words are found once for the whole text, when first asked.
    [[nodiscard]] bool rate_word_within(std::size_t group, std::size_t b, std::size_t e) {
        static const word_groups words({{"增速", "增幅", "增长率", "降幅"}, {"完成率"}});
        if (e <= b) {
            return false;
        }
        if (e - b <= 256) {
            return words.any_within(s_, group, b, e);
        }
        if (!rate_words_) {
            rate_words_.emplace(s_, words);
        }
        return rate_words_->any_within(group, b, e);
    }

    void assign_role(scanned_figure& f) {
        const reckon::kind k = f.kind;
        bool share_cue = false;
        bool complete_cue = false;
        each_cue_back(f.clause_begin, f.prefix_begin, [&](const cue_event& c) {
            if (c.what == cue::share_of || c.what == cue::proportion) {
                share_cue = true;
            }
            if (c.what == cue::complete || c.what == cue::completion_rate) {
                complete_cue = true;
            }
            return true;
        });
        if (k == reckon::kind::points) {
            f.what = role::points;
        } else if (k == reckon::kind::share) {
            if (share_cue) {
                f.what = role::share;
            } else if (complete_cue &&
                       (ends(s_, f.prefix_begin, "的") ||
                        rate_word_within(done_rate_words, f.clause_begin, f.prefix_begin))) {
                f.what = role::target_percent;
            } else if (f.up || f.down ||
                       rate_word_within(rate_words, f.clause_begin, f.prefix_begin)) {
                f.what = role::rate;
            } else if (f.in_paren && f.printed_sign) {
                f.what = role::rate; // (+1.7%) after a change
            } else {
                f.what = role::plain_percent;
            }
        } else if (f.to_level || f.from_level) {
            f.what = role::level;
        } else if ((f.up || f.down) && units.at(f.unit).symbol == "倍") {
            f.what = role::rate; // 增长 1.5 倍
        } else if (f.up || f.down) {
            f.what = role::increment;
        } else if (f.in_paren && f.printed_sign && !f.in_table) {
            f.what = role::increment; // (+89,000)
        } else {
            f.what = role::level;
        }
    }

    // The words that name the figure: back from its prefix to a stop.
    void label(scanned_figure& f) {
        std::size_t b = f.prefix_begin;
        // For a figure whose words are only its sign word, keep them.
        std::size_t stop = std::max(f.gap_begin, f.clause_begin);
        if (f.in_paren && f.paren_of == npos) {
            // "(+89,000)" after its words: look before the parenthesis.
            std::size_t k = f.begin;
            while (k > f.clause_begin && s_[k - 1] != '(' && f.begin - k < 200) {
                --k;
            }
            if (k > 0 && s_[k - 1] == '(' && only_spaces(k, f.begin)) {
                b = k - 1;
                stop = std::max<std::size_t>(f.gap_begin, line_or_sentence_begin(b));
            }
        }
        // Words in parentheses right before the number name it too: 生产总值(GDP)1077.9亿元.
        if (b > stop && s_[b - 1] == ')') {
            std::size_t k = b - 1;
            while (k > stop && s_[k] != '(' && b - k < 16) {
                --k;
            }
            if (s_[k] == '(') {
                b = k;
            }
        }
        std::size_t a = b;
        std::size_t count = 0;
        std::size_t letters = 0;
        while (a > stop && count < 24 && letters < 40) {
            std::size_t p = 0;
            char32_t c = 0;
            if (a >= 3 && (static_cast<unsigned char>(s_[a - 3]) & 0xF0U) == 0xE0U &&
                is_cont(s_[a - 2]) && is_cont(s_[a - 1])) {
                // A three-byte character (a Han character, mostly), decoded in place.
                p = a - 3;
                c = (static_cast<char32_t>(static_cast<unsigned char>(s_[p]) & 0x0FU) << 12U) |
                    (static_cast<char32_t>(static_cast<unsigned char>(s_[p + 1]) & 0x3FU) << 6U) |
                    static_cast<char32_t>(static_cast<unsigned char>(s_[p + 2]) & 0x3FU);
                if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) {
                    c = cp_at(s_, p); // not valid: as decode_cp has it
                }
            } else {
                p = prev_cp(s_, a);
                c = cp_at(s_, p);
            }
            if (is_label_stop(c) || is_digit(s_[p])) {
                break;
            }
            a = p;
            if (c < 0x80) {
                ++letters; // English words: about six of them
            } else {
                ++count;
            }
        }
        // Never start inside an English word.
        if (a > stop && a < b && is_alpha(s_[a]) && is_alpha(s_[a - 1])) {
            while (a < b && is_alpha(s_[a])) {
                ++a;
            }
        }
        // After a date's digits: drop its suffix (2021年城镇… → 城镇…).
        if (a > 0 && is_digit(s_[a - 1])) {
            static constexpr std::string_view date_words[] = {"年度", "年", "月份", "月",
                                                              "日",   "号", "季度"};
            for (std::string_view w : date_words) {
                if (at(s_, a, w) && a + w.size() <= b) {
                    a += w.size();
                    break;
                }
            }
        }
        std::string_view raw = s_.substr(a, b - a);
        // Cut at the last cue that starts a new phrase inside the words: 比上年, 其中 …
        static const word_index cuts({"其中", "比上年", "比去年", "同比", "较上年", "较去年",
                                      "与上年同期相比", "与上年相比", "相比", "占"});
        std::size_t cut_end = 0;
        for (std::size_t k = 0; k < raw.size();) {
            const code_point cp = decode_cp(raw, k);
            if (cuts.may_start(cp.value)) {
                const std::string_view w = cuts.starting(raw, k);
                if (!w.empty() && k + w.size() < raw.size() &&
                    !(w == "占" && f.what == role::share)) {
                    cut_end = k + w.size();
                }
            }
            k += cp.length == 0 ? 1 : cp.length;
        }
        raw.remove_prefix(cut_end);
        f.label = clean_label(raw);
        if (f.label.empty()) {
            f.label = std::string(trim_spaces(raw));
        }
        set_key(f, f.label);
    }

    // Stores the key of `label` as `f`'s, in `keys`: one buffer for all, no string per figure.
    void set_key(scanned_figure& f, std::string_view label) {
        const std::size_t at_offset = keys.size();
        append_label_key(keys, label);
        if (keys.size() > max_source_bytes) {
            throw std::length_error("reckon: the keys of a text's figures beyond 4 GiB");
        }
        f.key_at = offset32(at_offset);
        f.key_size = offset32(keys.size() - at_offset);
    }

    [[nodiscard]] std::size_t line_or_sentence_begin(std::size_t b) const {
        return std::max(sentence_begin_, line_start_) <= b ? std::max(sentence_begin_, line_start_)
                                                           : 0;
    }

    static std::string_view trim_spaces(std::string_view v) {
        while (!v.empty() && v.front() == ' ') {
            v.remove_prefix(1);
        }
        while (!v.empty() && v.back() == ' ') {
            v.remove_suffix(1);
        }
        return v;
    }

    static std::string clean_label(std::string_view v) {
        v = trim_spaces(v);
        bool changed = true;
        while (changed && !v.empty()) {
            changed = false;
            static const word_index leading(label_leading_noise());
            static const word_index trailing(label_trailing_noise());
            if (const std::string_view w = leading.starting(v, 0);
                !w.empty() && v.size() > w.size()) {
                v.remove_prefix(w.size());
                changed = true;
            }
            if (const std::string_view w = trailing.ending(v, v.size());
                !w.empty() && v.size() > w.size()) {
                v.remove_suffix(w.size());
                changed = true;
            }
            if (v.empty() || (!is_alpha(v.front()) && !is_alpha(v.back()))) {
                continue;
            }
            // English function words at either end.
            for (std::string_view w : english_label_noise()) {
                if (v.size() > w.size() + 1 && at_ci(v, 0, w) && v[w.size()] == ' ') {
                    v.remove_prefix(w.size() + 1);
                    changed = true;
                }
                if (v.size() > w.size() + 1 && word_ends(v, v.size(), w) &&
                    v[v.size() - w.size() - 1] == ' ') {
                    v.remove_suffix(w.size() + 1);
                    changed = true;
                }
            }
            v = trim_spaces(v);
        }
        return std::string(v);
    }

    std::string_view s_;
    std::size_t max_figures_ = npos;
    std::optional<word_spots> rate_words_; // see `rate_word_within`
    mutable space_run line_head_;          // spaces at the start of the current line
    mutable space_run after_figure_;       // spaces after the latest figure
    std::string digits_; // the digits of the figure being read, without separators
    std::uint32_t paragraph_ = 0;
    std::uint32_t sentence_ = 0;
    std::uint32_t clause_ = 0;
    std::uint32_t segment_ = 0;
    std::size_t sentence_begin_ = 0;
    std::size_t clause_begin_ = 0;
    std::size_t line_start_ = 0;
    std::size_t paren_depth_ = 0;
    std::size_t paren_owner_ = npos;
    bool in_table_ = false;
    bool last_row_line_ = false;
    std::size_t table_count_ = 0;
    period period_;
    std::optional<period> one_off_;
    std::size_t one_off_at_ = 0;
    std::size_t last_year_end_ = npos;
};

} // namespace reckon::detail

#undef RECKON_DETAIL_QUICK
