// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The report file: a TOML document (parsed by toml++) that lists a report's
// figures with their printed values, units and labels, and its relations as
// equations (parsed by equation.hpp). docs/report-format.md describes it.
//
//     # Xining, investment drive, year to date
//     rounding = "half-up"
//     [figures]
//     projects = { value = "84", unit = "项", label = "招商引资项目" }
//     continued = "75 项"
//     new_projects = "9 项"
//     [relations]
//     check = ["projects = continued + new_projects"]
//
// Every error is a reckon::input_error naming the file, line and column
// (columns count characters, as toml++ does).

#include "equation.hpp"

#include <reckon/error.hpp>
#include <reckon/report.hpp>

#include <toml++/toml.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon::tool {

namespace detail {

/// Byte offsets to 1-based line and column (columns in characters) and back.
class text_map {
public:
    explicit text_map(std::string_view text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') {
                starts_.push_back(i + 1);
            }
        }
    }

    [[nodiscard]] std::pair<std::size_t, std::size_t> line_column(std::size_t offset) const {
        offset = std::min(offset, text_.size());
        const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
        const auto line = static_cast<std::size_t>(it - starts_.begin());
        std::size_t column = 1;
        for (std::size_t i = starts_[line - 1]; i < offset;) {
            const auto c = eq_decode(text_, i);
            i += c.length == 0 ? 1 : c.length;
            ++column;
        }
        return {line, column};
    }

    [[nodiscard]] std::size_t offset(std::size_t line, std::size_t column) const {
        if (line == 0 || line > starts_.size()) {
            return line == 0 ? 0 : text_.size();
        }
        std::size_t i = starts_[line - 1];
        for (std::size_t c = 1; c < column && i < text_.size() && text_[i] != '\n'; ++c) {
            const auto ch = eq_decode(text_, i);
            i += ch.length == 0 ? 1 : ch.length;
        }
        return i;
    }

    [[nodiscard]] std::size_t offset(const toml::source_position& p) const {
        return offset(p.line, p.column);
    }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

/// The byte offset of the first byte that is not valid UTF-8 (overlong
/// forms, surrogates and code points above U+10FFFF included), if any.
[[nodiscard]] inline std::optional<std::size_t> invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (b0 < 0x80U) {
            ++i;
            continue;
        }
        const auto c = eq_decode(s, i);
        if (c.length == 0) {
            return i;
        }
        const bool overlong = (c.length == 2 && c.value < 0x80) ||
                              (c.length == 3 && c.value < 0x800) ||
                              (c.length == 4 && c.value < 0x10000);
        if (overlong || (c.value >= 0xD800 && c.value <= 0xDFFF) || c.value > 0x10FFFF) {
            return i;
        }
        i += c.length;
    }
    return std::nullopt;
}

/// A character that toml++ 3.3.0 (Debian 12's) cannot be asked about: when it asks whether a
/// code point in U+00A1–U+0499, U+2D0E–U+3107 (but U+3000) or U+FB06–U+FEFE is white space,
/// it reaches __builtin_unreachable() (upstream issues 190 and 295, fixed by pull request 305).
[[nodiscard]] constexpr bool toml_whitespace_hazard(char32_t v) noexcept {
    return (v >= 0xA1 && v <= 0x499) || (v >= 0x2D0E && v <= 0x3107 && v != 0x3000) ||
           (v >= 0xFB06 && v <= 0xFEFE);
}

/// Unicode white space that a TOML reader may meet outside strings (toml++ says itself what is
/// wrong with it).
[[nodiscard]] constexpr bool unicode_space(char32_t v) noexcept {
    return v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 ||
           v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF;
}

/// A character that makes the TOML syntax of a report file wrong before toml++ reads it, with
/// its offset and the reason: a letter or a punctuation mark other than ASCII outside quoted
/// strings and comments (`é = "84"`, or `a = "84 项"。`), or a character right after a
/// backslash in a multi-line string that toml++ cannot read there. TOML allows only ASCII
/// outside strings and comments, so such a file is wrong anyway; this check says so at the
/// character, and keeps toml++ from the undefined behaviour it has on some of them. `s` is
/// valid UTF-8.
[[nodiscard]] inline std::optional<std::pair<std::size_t, std::string>>
toml_outside_ascii(std::string_view s) {
    enum class in { plain, comment, basic, literal, multi_basic, multi_literal };
    in state = in::plain;
    bool string_may_start = true;
    // Where a dot may be followed by a quoted part of a dotted key: on the key side of a line or
    // of an inline table, not after its `=` (`148.3."x"` is a bad number, not a key). The
    // brackets opened on the value side, to know which side a comma or a line break leads to.
    bool value_side = false;
    std::string open;
    auto at = [&](std::size_t i, std::string_view w) { return s.substr(i, w.size()) == w; };
    auto shown = [&](std::size_t i, std::size_t length, char32_t v) {
        static constexpr char hex[] = "0123456789ABCDEF";
        std::string u = "U+";
        for (int shift = v > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) {
            u += hex[(v >> static_cast<unsigned>(shift)) & 0xFU];
        }
        return "'" + std::string(s.substr(i, length)) + "' (" + u + ")";
    };
    for (std::size_t i = 0; i < s.size();) {
        const auto c = eq_decode(s, i);
        const std::size_t len = c.length == 0 ? 1 : c.length;
        const char b = s[i];
        switch (state) {
        case in::plain:
            if (static_cast<unsigned char>(b) >= 0x80U && !unicode_space(c.value)) {
                return std::pair{i, shown(i, len, c.value) +
                                        " outside quotes: outside its quoted strings and "
                                        "comments a report file is written in ASCII"};
            }
            if (b == '#') {
                state = in::comment;
            } else if ((b == '"' || b == '\'') && !string_may_start) {
                // Not where TOML has a string: toml++ reads on as a bare value (and may scan to
                // the end of the token for its error message), so the quote opens nothing.
            } else if (at(i, R"(""")")) {
                state = in::multi_basic;
                i += 3;
                continue;
            } else if (at(i, "'''")) {
                state = in::multi_literal;
                i += 3;
                continue;
            } else if (b == '"') {
                state = in::basic;
            } else if (b == '\'') {
                state = in::literal;
            }
            if (b == '=') {
                value_side = true;
            } else if (b == '{' || (b == '[' && value_side)) {
                open += b;
                value_side = b == '['; // an inline table's keys come first
            } else if ((b == '}' || b == ']') && !open.empty()) {
                open.pop_back();
                value_side = true;
            } else if (b == ',' && !open.empty()) {
                value_side = open.back() == '[';
            } else if (b == '\n' && open.empty()) {
                value_side = false;
            }
            if (b != ' ' && b != '\t' && b != '\r') {
                // A string starts a line (a quoted key), or follows =, [, {, a comma or the dot
                // of a dotted key.
                string_may_start = b == '\n' || b == '=' || b == '[' || b == '{' || b == ',' ||
                                   (b == '.' && !value_side);
            }
            break;
        case in::comment:
            if (b == '\n') {
                state = in::plain;
                string_may_start = true;
                value_side = value_side && !open.empty();
            }
            break;
        case in::basic:
            if (b == '\\') {
                i += 2;
                continue;
            }
            if (b == '"' || b == '\n') {
                state = in::plain;
                string_may_start = b == '\n';
                value_side = value_side && (b != '\n' || !open.empty());
            }
            break;
        case in::literal:
            if (b == '\'' || b == '\n') {
                state = in::plain;
                string_may_start = b == '\n';
                value_side = value_side && (b != '\n' || !open.empty());
            }
            break;
        case in::multi_basic:
            if (at(i, R"(""")")) {
                state = in::plain;
                string_may_start = false;
                i += 3;
                continue;
            }
            if (b == '\\') {
                // After a backslash toml++ skips white space, asking of each character whether
                // it is white space.
                for (std::size_t j = i + 1; j < s.size();) {
                    const auto d = eq_decode(s, j);
                    if (d.length != 0 && toml_whitespace_hazard(d.value)) {
                        return std::pair{j, shown(j, d.length, d.value) +
                                                " right after a backslash in a multi-line "
                                                "string cannot be read; join the lines or drop "
                                                "the backslash"};
                    }
                    if (s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') {
                        break;
                    }
                    ++j;
                }
                i += 2;
                continue;
            }
            break;
        case in::multi_literal:
            if (at(i, "'''")) {
                state = in::plain;
                string_may_start = false;
                i += 3;
                continue;
            }
            break;
        }
        i += len;
    }
    return std::nullopt;
}

[[nodiscard]] inline int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/// For a TOML string whose token starts at byte `begin` of `text`: the file
/// offset of each byte of its decoded content (one more entry for the end),
/// so that a position inside the string (an equation's column) maps back to
/// the file through escapes.
[[nodiscard]] inline std::vector<std::size_t>
string_offsets(std::string_view text, std::size_t begin, std::size_t content_size) {
    std::vector<std::size_t> out;
    out.reserve(content_size + 1);
    const std::string_view raw = text.substr(std::min(begin, text.size()));
    const bool multi = raw.substr(0, 3) == "\"\"\"" || raw.substr(0, 3) == "'''";
    const bool quoted = !raw.empty() && (raw.front() == '"' || raw.front() == '\'');
    if (!quoted) {
        out.assign(content_size + 1, begin);
        return out;
    }
    const bool literal = raw.front() == '\'';
    std::size_t q = begin + (multi ? 3 : 1);
    if (multi && q < text.size() && text[q] == '\n') {
        ++q;
    } else if (multi && q + 1 < text.size() && text[q] == '\r' && text[q + 1] == '\n') {
        q += 2;
    }
    while (out.size() < content_size && q < text.size()) {
        if (literal || text[q] != '\\') {
            out.push_back(q++);
            continue;
        }
        const char e = q + 1 < text.size() ? text[q + 1] : '\0';
        if (e == 'u' || e == 'U') {
            const std::size_t digits = e == 'u' ? 4 : 8;
            unsigned long cp = 0;
            for (std::size_t k = 0; k < digits && q + 2 + k < text.size(); ++k) {
                const int h = hex_value(text[q + 2 + k]);
                cp = cp * 16 + static_cast<unsigned long>(h < 0 ? 0 : h);
            }
            const std::size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            for (std::size_t k = 0; k < n && out.size() < content_size; ++k) {
                out.push_back(q);
            }
            q += 2 + digits;
        } else if (e == '\n' || e == '\r' || e == ' ' || e == '\t') {
            // A line-ending backslash: it and the whitespace after it vanish.
            q += 1;
            while (q < text.size() &&
                   (text[q] == ' ' || text[q] == '\t' || text[q] == '\n' || text[q] == '\r')) {
                ++q;
            }
        } else {
            out.push_back(q);
            q += 2;
        }
    }
    while (out.size() <= content_size) {
        out.push_back(q);
    }
    return out;
}

/// A figure's name must be usable in an equation: letters (any script),
/// digits and `_`, not starting with a digit.
[[nodiscard]] inline bool valid_name(std::string_view name) {
    if (name.empty()) {
        return false;
    }
    std::size_t i = 0;
    bool first = true;
    while (i < name.size()) {
        const auto c = eq_decode(name, i);
        if (c.length == 0 || (first ? !eq_name_start(c.value) : !eq_name_char(c.value))) {
            return false;
        }
        first = false;
        i += c.length;
    }
    return true;
}

struct rounding_name {
    std::string_view name;
    convention value;
};

inline constexpr rounding_name rounding_names[] = {
    {"half-up", convention::half_up},     {"half-even", convention::half_even},
    {"half-down", convention::half_down}, {"unknown", convention::unknown_tie},
    {"truncate", convention::truncated},  {"exact", convention::exact},
};

struct qualifier_word {
    std::string_view name;
    qualifier value;
};

inline constexpr qualifier_word qualifier_words[] = {
    {"more-than", qualifier::more_than}, {"at-least", qualifier::at_least},
    {"under", qualifier::under},         {"at-most", qualifier::at_most},
    {"nearly", qualifier::nearly},       {"a-little-over", qualifier::a_little_over},
    {"about", qualifier::about},         {"none", qualifier::none},
};

/// The name of a rounding convention in a report file ("half-up").
[[nodiscard]] constexpr std::string_view rounding_file_name(convention c) noexcept {
    for (const auto& r : rounding_names) {
        if (r.value == c) {
            return r.name;
        }
    }
    return "unknown";
}

/// The name of a qualifier in a report file ("more-than").
[[nodiscard]] constexpr std::string_view qualifier_file_name(qualifier q) noexcept {
    for (const auto& w : qualifier_words) {
        if (w.value == q) {
            return w.name;
        }
    }
    return "none";
}

[[nodiscard]] inline std::string hyphenated(std::string_view s) {
    std::string out(s);
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

[[nodiscard]] inline std::optional<convention> find_rounding(std::string_view s) {
    const std::string h = hyphenated(s);
    for (const auto& r : rounding_names) {
        if (r.name == h) {
            return r.value;
        }
    }
    if (h == "truncated") {
        return convention::truncated;
    }
    return std::nullopt;
}

[[nodiscard]] inline std::optional<qualifier> find_qualifier(std::string_view s) {
    const std::string h = hyphenated(s);
    for (const auto& w : qualifier_words) {
        if (w.name == h) {
            return w.value;
        }
    }
    return std::nullopt;
}

/// A kind in words, with its unit: "money in 亿元", "a count in 项".
[[nodiscard]] inline std::string describe_unit(const unit& u) {
    std::string s;
    switch (u.kind) {
    case kind::money: s = "money"; break;
    case kind::count: s = "a count"; break;
    case kind::amount: s = "an amount"; break;
    case kind::share: s = "a share"; break;
    case kind::points: s = "percentage points"; break;
    case kind::number: s = "a plain number"; break;
    }
    if (!u.symbol.empty()) {
        s += " in " + u.symbol;
    }
    return s;
}

/// Whether a figure that the report does not state (`?`) is a count judged
/// over whole numbers (the GRIM test): it is when a figure it adds to or
/// divides with, in its own role, is a plain count.
[[nodiscard]] inline bool infer_whole_numbers(const relation& r, const report& rep) {
    std::size_t missing = r.figures.size();
    for (std::size_t i = 0; i < r.figures.size(); ++i) {
        if (r.figures[i].empty() && !(r.kind == relation_kind::shares_total && i == 0)) {
            if (missing != r.figures.size()) {
                return false; // more than one missing: nothing to judge
            }
            missing = i;
        }
    }
    if (missing == r.figures.size()) {
        return false;
    }
    auto plain_count = [&](std::size_t i) {
        if (i >= r.figures.size() || r.figures[i].empty()) {
            return false;
        }
        const figure* f = rep.find(r.figures[i]);
        return f != nullptr && f->unit->kind == kind::count && f->unit->factor == 1;
    };
    std::vector<std::size_t> partners;
    switch (r.kind) {
    case relation_kind::sum:
    case relation_kind::difference:
        for (std::size_t i = 0; i < r.figures.size(); ++i) {
            if (i != missing) {
                partners.push_back(i);
            }
        }
        break;
    case relation_kind::share:
    case relation_kind::percent_of_target:
    case relation_kind::growth:
        if (missing == 1) {
            partners.push_back(2);
        } else if (missing == 2) {
            partners.push_back(1);
        }
        break;
    default: break;
    }
    return std::any_of(partners.begin(), partners.end(), plain_count);
}

/// A figure whose kind does not fit its relation: its role and why.
struct kind_misfit {
    std::size_t role = 0;
    std::string reason;
};

/// Whether the kinds of a relation's figures fit it (`units[i]` is the unit of role i, null for
/// a figure not given; `names[i]` how it is written). Money added to a count, a share that is
/// not in %, points of money … give the role at fault and the reason.
[[nodiscard]] inline std::optional<kind_misfit>
find_kind_misfit(const relation& r, const std::vector<const unit*>& units,
                 const std::vector<std::string>& names) {
    std::optional<kind_misfit> out;
    auto fail = [&](std::size_t role, std::string reason) {
        if (!out) {
            out = kind_misfit{role, std::move(reason)};
        }
    };
    auto u = [&](std::size_t i) -> const unit* { return i < units.size() ? units[i] : nullptr; };
    auto describe = [&](std::size_t i) {
        return "'" + (i < names.size() ? names[i] : std::string("?")) + "' (" +
               describe_unit(*units[i]) + ")";
    };
    auto same = [&](std::size_t a, std::size_t b, std::string_view verb, std::string_view joiner) {
        if (u(a) != nullptr && u(b) != nullptr && !compatible(*u(a), *u(b))) {
            fail(b, "cannot " + std::string(verb) + " " + describe(b) + " " + std::string(joiner) +
                        " " + describe(a));
        }
    };
    auto want = [&](std::size_t i, std::initializer_list<kind> kinds, const std::string& why) {
        if (u(i) == nullptr) {
            return;
        }
        for (kind k : kinds) {
            if (u(i)->kind == k) {
                return;
            }
        }
        fail(i, describe(i) + " " + why);
    };
    const std::size_t n = units.size();
    auto first_present = [&]() {
        for (std::size_t i = 0; i < n; ++i) {
            if (u(i) != nullptr) {
                return i;
            }
        }
        return n;
    };
    switch (r.kind) {
    case relation_kind::sum:
    case relation_kind::order:
    case relation_kind::difference: {
        const std::string_view verb = r.kind == relation_kind::sum     ? "add"
                                      : r.kind == relation_kind::order ? "compare"
                                                                       : "subtract";
        const std::string_view joiner = r.kind == relation_kind::sum     ? "to"
                                        : r.kind == relation_kind::order ? "with"
                                                                         : "from";
        const std::size_t f = first_present();
        for (std::size_t i = f + 1; i < n; ++i) {
            same(f, i, verb, joiner);
        }
        break;
    }
    case relation_kind::shares_total:
        for (std::size_t i = 0; i < n; ++i) {
            want(i, {kind::share}, "is not a share: only shares make 100 %");
        }
        break;
    case relation_kind::share:
    case relation_kind::percent_of_target:
        want(0, {kind::share},
             std::string("is not a share: ") +
                 (r.kind == relation_kind::share ? "share(part, whole)"
                                                 : "percent_of_target(actual, target)") +
                 " is in % or ‰");
        same(2, 1, "divide", "by");
        break;
    case relation_kind::growth:
        want(0, {kind::share, kind::number},
             "is not a rate: growth(current, previous) is in % or 倍");
        same(2, 1, "compare", "with");
        same(1, 3, "subtract", "from");
        break;
    case relation_kind::points:
        want(0, {kind::points},
             "is not percentage points: points(current, previous) is in 个百分点");
        want(1, {kind::share}, "is not a share: points(current, previous) takes shares");
        want(2, {kind::share}, "is not a share: points(current, previous) takes shares");
        break;
    case relation_kind::average:
        want(2, {kind::count, kind::amount, kind::number},
             "is not a count: average(total, count) divides by a count");
        if (u(0) != nullptr && u(1) != nullptr && !compatible(*u(0), *u(1))) {
            fail(0, "the average " + describe(0) + " and the total " + describe(1) +
                        " are of different kinds");
        }
        break;
    case relation_kind::ratio:
        want(0, {kind::number, kind::share},
             "is not a ratio: ratio(a, b) is a plain number or a share");
        break;
    case relation_kind::conversion:
        if (n < 3 && u(0) != nullptr && u(1) != nullptr && u(0)->kind != u(1)->kind) {
            fail(1, "cannot convert " + describe(1) + " into " + describe(0));
        }
        break;
    case relation_kind::cagr:
        want(0, {kind::share}, "is not a rate: cagr(last, first, years) is a rate in %");
        same(2, 1, "compare", "with");
        break;
    case relation_kind::contribution:
        want(0, {kind::share},
             "is not a share: contribution(change of part, change of whole) is in %");
        same(2, 1, "divide", "by");
        break;
    case relation_kind::pull:
        want(0, {kind::points, kind::share},
             "is not percentage points: pull(change of part, previous whole) is in "
             "个百分点");
        same(2, 1, "divide", "by");
        break;
    case relation_kind::index:
        want(0, {kind::number},
             "is not an index number: index(current, previous) has the previous period "
             "as 100");
        same(2, 1, "compare", "with");
        break;
    case relation_kind::product: break;
    }
    return out;
}

// --- reading the file ---------------------------------------------------------------------------

class report_reader {
public:
    report_reader(std::string_view content, std::string source)
        : text_(content), map_(content), source_(std::move(source)), out_(source_) {}

    report read() {
        if (text_.size() > max_source_bytes) {
            fail(max_source_bytes, "a report file longer than 4 GiB");
        }
        if (auto bad = invalid_utf8(text_)) {
            const auto b = static_cast<unsigned char>(text_[*bad]);
            static constexpr char hex[] = "0123456789ABCDEF";
            std::string shown = "0x";
            shown += hex[b >> 4U];
            shown += hex[b & 0xFU];
            fail(*bad, "invalid UTF-8 (byte " + shown + ")");
        }
        if (auto wrong = toml_outside_ascii(text_)) {
            fail(wrong->first, wrong->second);
        }
        toml::table root;
        try {
            root = toml::parse(text_, std::string_view(source_));
        } catch (const toml::parse_error& e) {
            std::string reason(e.description());
            std::size_t at = map_.offset(e.source().begin);
            // toml++ says "… cannot redefine existing string 'a'" at the value; an editor
            // reads "duplicate name" at the key better.
            if (reason.find("cannot redefine existing") != std::string::npos) {
                const std::size_t close = reason.rfind('\'');
                const std::size_t open = close == std::string::npos || close == 0
                                             ? close
                                             : reason.rfind('\'', close - 1);
                if (open != std::string::npos && open < close) {
                    reason = "duplicate name '" + reason.substr(open + 1, close - open - 1) + "'";
                    at = map_.offset(e.source().begin.line, 1);
                    while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t')) {
                        ++at;
                    }
                }
            }
            fail(at, reason);
        }
        if (root.empty()) {
            fail(0, "empty report file: no [figures] and no [relations]");
        }
        for (const auto& [key, node] : sorted(root)) {
            const std::string k(key->str());
            if (k == "figures" || k == "relations") {
                if (!node->is_table()) {
                    fail_at(*node, "'" + k + "' must be a table: write [" + k + "]");
                }
            } else if (k == "rounding") {
                const auto* s = node->as_string();
                if (s == nullptr) {
                    fail_at(*node, "'rounding' must be a string such as \"half-up\"");
                }
                const auto c = find_rounding(s->get());
                if (!c) {
                    fail_in_string(*s, 0,
                                   "unknown rounding '" + s->get() +
                                       "'; expected half-up, half-even, half-down, unknown, "
                                       "truncate or exact");
                }
                out_.set_rounding(*c);
            } else if (k == "title" || k == "source") {
                if (!node->is_string()) {
                    fail_at(*node, "'" + k + "' must be a string");
                }
            } else if (k == "skipped") {
                read_skipped(*node);
            } else {
                fail(map_.offset(key->source().begin),
                     "unknown key '" + k +
                         "'; a report file has title, source, rounding, skipped, [figures] and "
                         "[relations]");
            }
        }
        const auto* figures = root["figures"].as_table();
        if (figures == nullptr) {
            fail(0, "no [figures] table: a report file lists its figures under [figures]");
        }
        if (figures->empty()) {
            fail_at(*figures, "no figures under [figures]");
        }
        for (const auto& [key, node] : sorted(*figures)) {
            read_figure(*key, *node);
        }
        named_ = out_.figures().size();
        if (const auto* relations = root["relations"].as_table()) {
            read_relations(*relations);
        }
        return std::move(out_);
    }

private:
    using entry = std::pair<const toml::key*, const toml::node*>;

    // A table's entries in the order of the file (toml++ keeps them sorted by key).
    static std::vector<entry> sorted(const toml::table& t) {
        std::vector<entry> v;
        for (const auto& [k, n] : t) {
            v.emplace_back(&k, &n);
        }
        std::stable_sort(v.begin(), v.end(), [](const entry& a, const entry& b) {
            const auto& pa = a.first->source().begin;
            const auto& pb = b.first->source().begin;
            return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
        });
        return v;
    }

    [[noreturn]] void fail(std::size_t offset, const std::string& reason) const {
        const auto [line, column] = map_.line_column(offset);
        throw input_error(source_, offset, reason, line, column);
    }

    [[noreturn]] void fail_at(const toml::node& n, const std::string& reason) const {
        fail(map_.offset(n.source().begin), reason);
    }

    // The file offset of byte `at` of a string value's content.
    [[nodiscard]] std::size_t string_offset(const toml::value<std::string>& s,
                                            std::size_t at) const {
        const auto offsets = string_offsets(text_, map_.offset(s.source().begin), s.get().size());
        return offsets[std::min(at, offsets.size() - 1)];
    }

    [[noreturn]] void fail_in_string(const toml::value<std::string>& s, std::size_t at,
                                     const std::string& reason) const {
        fail(string_offset(s, at), reason);
    }

    // --- figures --------------------------------------------------------------------------------

    // A printed value as written in a report file: an optional comparison
    // (> >= < <= ~), the number, the unit: ">50 亿元", "148.2 亿元", "84 项".
    struct printed {
        std::optional<qualifier> qual;
        std::string number;
        std::size_t number_at = 0;
        std::string unit;
        std::size_t unit_at = 0;
    };

    static printed split_printed(std::string_view s) {
        printed p;
        std::size_t i = 0;
        auto skip_space = [&] {
            while (i < s.size()) {
                const auto c = eq_decode(s, i);
                if (c.length == 0 || !eq_space(c.value)) {
                    return;
                }
                i += c.length;
            }
        };
        skip_space();
        const auto c0 = eq_decode(s, i);
        const auto c1 = eq_decode(s, i + c0.length);
        if (c0.value == U'>' || c0.value == U'<') {
            const bool eq = c1.value == U'=';
            p.qual = c0.value == U'>' ? (eq ? qualifier::at_least : qualifier::more_than)
                                      : (eq ? qualifier::at_most : qualifier::under);
            i += eq ? 2 : 1;
        } else if (c0.value == U'\u2265' || c0.value == U'\u2264') {
            p.qual = c0.value == U'\u2265' ? qualifier::at_least : qualifier::at_most;
            i += c0.length;
        } else if (c0.value == U'~' || c0.value == U'\u2248') {
            p.qual = qualifier::about;
            i += c0.length;
        }
        skip_space();
        p.number_at = i;
        // The number: digits, points, separators and signs (decimal::parse judges them).
        while (i < s.size()) {
            const auto c = eq_decode(s, i);
            const bool numeric = eq_digit(c.value) || eq_point(c.value) || c.value == U',' ||
                                 c.value == U'\uFF0C' || c.value == U'+' || c.value == U'-' ||
                                 c.value == U'\u2212' || c.value == U'\uFF0B' ||
                                 c.value == U'\uFF0D';
            if (c.length == 0 || !numeric) {
                break;
            }
            i += c.length;
        }
        p.number = std::string(s.substr(p.number_at, i - p.number_at));
        skip_space();
        p.unit_at = i;
        std::size_t end = s.size();
        while (end > i) {
            // Trim trailing spaces (ASCII and ideographic).
            if (s[end - 1] == ' ' || s[end - 1] == '\t') {
                --end;
            } else if (end - i >= 3 && s.substr(end - 3, 3) == "\u3000") {
                end -= 3;
            } else {
                break;
            }
        }
        p.unit = std::string(s.substr(i, end - i));
        return p;
    }

    void parse_number_into(figure& f, const toml::value<std::string>& s, const printed& p) {
        if (p.number.empty()) {
            fail_in_string(s, p.number_at,
                           "no number in \"" + s.get() + "\": write the number as printed");
        }
        decimal d;
        if (auto err = decimal::parse_into(p.number, d)) {
            fail_in_string(s, p.number_at + err->offset,
                           "bad number \"" + reckon::detail::excerpt(p.number) +
                               "\": " + err->reason);
        }
        f.display = d;
    }

    void set_unit(figure& f, const std::string& symbol, std::size_t offset) {
        auto u = find_unit(symbol);
        if (!u) {
            fail(offset, "unknown unit '" + symbol + "'");
        }
        f.unit = std::move(*u);
    }

    void read_figure(const toml::key& key, const toml::node& node) {
        const std::string name(key.str());
        const std::size_t key_at = map_.offset(key.source().begin);
        if (!valid_name(name)) {
            fail(key_at, "the name '" + name +
                             "' cannot be used in equations: use letters, digits and _, "
                             "starting with a letter");
        }
        figure f;
        f.id = name;
        if (const auto* s = node.as_string()) {
            const printed p = split_printed(s->get());
            parse_number_into(f, *s, p);
            set_unit(f, p.unit, string_offset(*s, p.unit_at));
            f.qualifier = p.qual.value_or(qualifier::none);
            f.text = trimmed(s->get());
            f.place = content_span(*s);
        } else if (const auto* n = node.as_integer()) {
            f.display = decimal(n->get());
            set_unit(f, "", key_at);
            f.text = f.display.str();
            f.place = node_span(node);
        } else if (node.is_floating_point()) {
            fail_at(node, "write the number of '" + name +
                              "' as a string (\"148.20\"): a TOML float loses its printed "
                              "digits");
        } else if (const auto* t = node.as_table()) {
            read_figure_table(f, *t, key_at);
        } else {
            fail_at(node, "figure '" + name +
                              "' must be a string such as \"148.2 亿元\" or a table such as "
                              "{ value = \"148.2\", unit = \"亿元\" }");
        }
        out_.add(std::move(f));
    }

    static std::string trimmed(std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
            s.remove_prefix(1);
        }
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
            s.remove_suffix(1);
        }
        return std::string(s);
    }

    [[nodiscard]] source_span content_span(const toml::value<std::string>& s) const {
        const auto offsets = string_offsets(text_, map_.offset(s.source().begin), s.get().size());
        return source_span::at(offsets.front(), offsets.back() - offsets.front());
    }

    [[nodiscard]] source_span node_span(const toml::node& n) const {
        const std::size_t b = map_.offset(n.source().begin);
        const std::size_t e = map_.offset(n.source().end);
        return source_span::at(b, e > b ? e - b : 0);
    }

    const toml::value<std::string>& string_field(const toml::node& n, std::string_view field,
                                                 const std::string& name) const {
        const auto* s = n.as_string();
        if (s == nullptr) {
            fail_at(n, "'" + std::string(field) + "' of figure '" + name + "' must be a string");
        }
        return *s;
    }

    void read_figure_table(figure& f, const toml::table& t, std::size_t key_at) {
        const std::string& name = f.id;
        std::optional<printed> value;
        const toml::value<std::string>* value_string = nullptr;
        std::optional<std::string> unit_symbol;
        std::size_t unit_at = key_at;
        const toml::value<std::string>* resolution = nullptr;
        for (const auto& [k, n] : sorted(t)) {
            const std::string field(k->str());
            if (field == "value") {
                if (const auto* s = n->as_string()) {
                    value = split_printed(s->get());
                    value_string = s;
                    parse_number_into(f, *s, *value);
                    f.place = content_span(*s);
                } else if (const auto* i = n->as_integer()) {
                    value = printed{};
                    f.display = decimal(i->get());
                    f.place = node_span(*n);
                } else if (n->is_floating_point()) {
                    fail_at(*n, "write the value of '" + name +
                                    "' as a string (\"148.20\"): a TOML float loses its "
                                    "printed digits");
                } else {
                    fail_at(*n, "the value of '" + name + "' must be a string such as \"148.2\"");
                }
            } else if (field == "unit") {
                const auto& s = string_field(*n, field, name);
                unit_symbol = trimmed(s.get());
                unit_at = string_offset(s, 0);
            } else if (field == "resolution") {
                resolution = &string_field(*n, field, name);
            } else if (field == "label") {
                f.label = string_field(*n, field, name).get();
            } else if (field == "text") {
                f.text = string_field(*n, field, name).get();
            } else if (field == "qualifier") {
                const auto& s = string_field(*n, field, name);
                const auto q = find_qualifier(s.get());
                if (!q) {
                    fail_in_string(s, 0,
                                   "unknown qualifier '" + s.get() +
                                       "'; expected more-than, at-least, under, at-most, "
                                       "nearly, a-little-over, about or none");
                }
                f.qualifier = *q;
            } else if (field == "rounding") {
                const auto& s = string_field(*n, field, name);
                const auto c = find_rounding(s.get());
                if (!c) {
                    fail_in_string(s, 0,
                                   "unknown rounding '" + s.get() +
                                       "'; expected half-up, half-even, half-down, unknown, "
                                       "truncate or exact");
                }
                f.rounding = *c;
            } else if (field == "negated" || field == "implied") {
                const auto* b = n->as_boolean();
                if (b == nullptr) {
                    fail_at(*n, "'" + field + "' of figure '" + name + "' must be true or false");
                }
                if (field == "negated") {
                    f.negated = b->get();
                } else {
                    f.implied = b->get();
                }
            } else {
                fail(map_.offset(k->source().begin),
                     "unknown key '" + field + "' in figure '" + name +
                         "'; expected value, unit, label, text, qualifier, rounding, resolution, "
                         "negated or implied");
            }
        }
        if (!value) {
            fail(key_at, "figure '" + name + "' has no value");
        }
        if (value_string != nullptr && !value->unit.empty()) {
            if (unit_symbol) {
                fail_in_string(*value_string, value->unit_at,
                               "the unit of '" + name + "' is given twice (in value and in unit)");
            }
            unit_symbol = value->unit;
            unit_at = string_offset(*value_string, value->unit_at);
        }
        if (value->qual) {
            if (f.qualifier != qualifier::none) {
                fail_in_string(*value_string, 0,
                               "the qualifier of '" + name +
                                   "' is given twice (in value and in qualifier)");
            }
            f.qualifier = *value->qual;
        }
        set_unit(f, unit_symbol.value_or(""), unit_at);
        if (resolution != nullptr) {
            set_resolution(f, *resolution);
        }
        if (f.text.empty()) {
            f.text = value_string != nullptr ? trimmed(value_string->get()) : f.display.str();
            if (value_string != nullptr && value->unit.empty()) {
                f.text += f.unit->symbol;
            }
        }
        if (f.implied) {
            f.place.reset();
        }
    }

    // `resolution = "1000"`: the step of the last significant digit, in the printed unit,
    // when the printed digits do not show it ("35,000" rounded to thousands).
    void set_resolution(figure& f, const toml::value<std::string>& s) {
        decimal step;
        if (auto err = decimal::parse_into(s.get(), step)) {
            fail_in_string(s, err->offset, "bad resolution \"" + s.get() + "\": " + err->reason);
        }
        const decimal power = step.normalized();
        if (power != decimal(1, power.exponent()) || step.sign() <= 0) {
            fail_in_string(
                s, 0, "the resolution must be a power of ten (0.1, 1, 1000 …), not " + s.get());
        }
        const int e = power.exponent();
        if (f.display.round(e, rounding_mode::toward_zero) != f.display) {
            fail_in_string(s, 0,
                           "the value " + f.display.str() +
                               " is not a multiple of its "
                               "resolution " +
                               s.get());
        }
        f.display = f.display.round(e, rounding_mode::half_even);
    }

    void read_skipped(const toml::node& node) {
        const auto* a = node.as_array();
        if (a == nullptr) {
            fail_at(node, "'skipped' must be an array of { text = \"…\", reason = \"…\" }");
        }
        for (const auto& item : *a) {
            const auto* t = item.as_table();
            if (t == nullptr) {
                fail_at(item, "an entry of 'skipped' must be { text = \"…\", reason = \"…\" }");
            }
            skipped_number s;
            s.place = node_span(item);
            bool has_text = false;
            for (const auto& [k, n] : sorted(*t)) {
                const std::string field(k->str());
                const auto* str = n->as_string();
                if ((field != "text" && field != "reason")) {
                    fail(map_.offset(k->source().begin),
                         "unknown key '" + field + "' in 'skipped'; expected text or reason");
                }
                if (str == nullptr) {
                    fail_at(*n, "'" + field + "' in 'skipped' must be a string");
                }
                if (field == "text") {
                    s.text = str->get();
                    has_text = true;
                    s.place = content_span(*str);
                } else {
                    s.reason = str->get();
                }
            }
            if (!has_text) {
                fail_at(item, "an entry of 'skipped' has no text");
            }
            out_.add_skipped(std::move(s));
        }
    }

    // --- relations ------------------------------------------------------------------------------

    void read_relations(const toml::table& t) {
        for (const auto& [k, n] : sorted(t)) {
            const std::string field(k->str());
            if (field != "check") {
                fail(map_.offset(k->source().begin),
                     "unknown key '" + field +
                         "' in [relations]; the relations are listed in check = [ … ]");
            }
            const auto* a = n->as_array();
            if (a == nullptr) {
                fail_at(*n, "'check' must be an array of equations: check = [\"a = b + c\"]");
            }
            for (const auto& item : *a) {
                read_relation(item);
            }
        }
    }

    // What a relation entry says besides its equation.
    struct relation_options {
        std::optional<std::string> label;
        bool as_written = false;
        bool mixed_kinds = false;
        std::optional<bool> whole_numbers;
        std::optional<std::string> not_checkable;
        std::optional<std::string> candidate;
    };

    void read_relation(const toml::node& item) {
        relation_options opts;
        const toml::value<std::string>* eq = nullptr;
        if (const auto* s = item.as_string()) {
            eq = s;
        } else if (const auto* t = item.as_table()) {
            for (const auto& kv : sorted(*t)) {
                const toml::key* k = kv.first;
                const toml::node* n = kv.second; // not a structured binding: lambdas use it
                const std::string field(k->str());
                const std::string h = hyphenated(field);
                auto text = [&]() -> std::string {
                    const auto* str = n->as_string();
                    if (str == nullptr) {
                        fail_at(*n, "'" + field + "' of a relation must be a string");
                    }
                    return str->get();
                };
                auto flag = [&]() -> bool {
                    const auto* b = n->as_boolean();
                    if (b == nullptr) {
                        fail_at(*n, "'" + field + "' of a relation must be true or false");
                    }
                    return b->get();
                };
                if (h == "equation") {
                    eq = n->as_string();
                    if (eq == nullptr) {
                        fail_at(*n, "'equation' must be a string such as \"a = b + c\"");
                    }
                } else if (h == "label") {
                    opts.label = text();
                } else if (h == "as-written") {
                    opts.as_written = flag();
                } else if (h == "mixed-kinds") {
                    opts.mixed_kinds = flag();
                } else if (h == "whole-numbers") {
                    opts.whole_numbers = flag();
                } else if (h == "not-checkable") {
                    opts.not_checkable = text();
                } else if (h == "candidate") {
                    opts.candidate = text();
                } else {
                    fail(map_.offset(k->source().begin),
                         "unknown key '" + field +
                             "' in a relation; expected equation, label, as-written, "
                             "whole-numbers, mixed-kinds, not-checkable or candidate");
                }
            }
            if (eq == nullptr) {
                fail_at(item, "a relation written as a table needs equation = \"…\"");
            }
        } else {
            fail_at(item, "a relation must be a string such as \"a = b + c\" or a table such as "
                          "{ equation = \"a = b + c\", label = \"…\" }");
        }
        relation_builder b(*this, *eq);
        relation r = b.build();
        r.label = opts.label.value_or(eq->get());
        r.as_written = opts.as_written;
        r.not_checkable = opts.not_checkable;
        r.candidate = opts.candidate;
        b.check_kinds(r, opts.mixed_kinds || opts.candidate.has_value() ||
                             opts.not_checkable.has_value());
        b.commit(r);
        r.whole_numbers = opts.whole_numbers.value_or(infer_whole_numbers(r, out_));
        out_.add(std::move(r));
    }

    // Maps one equation onto a relation of the report.
    class relation_builder {
    public:
        relation_builder(report_reader& reader, const toml::value<std::string>& eq)
            : reader_(reader), eq_(eq),
              offsets_(string_offsets(reader.text_, reader.map_.offset(eq.source().begin),
                                      eq.get().size())) {}

        relation build() {
            equation e;
            try {
                e = parse_equation(eq_.get());
            } catch (const equation_error& err) {
                fail(err.offset(), err.what());
            }
            relation r;
            if (e.op == "=") {
                build_equation(e, r);
            } else {
                build_comparison(e, r);
            }
            return r;
        }

        // Kinds checked against the relation, naming the figure at fault.
        void check_kinds(const relation& r, bool lenient) const {
            if (lenient) {
                return;
            }
            std::vector<const unit*> units;
            std::vector<std::string> names;
            for (const auto& op : operands_) {
                units.push_back(op.u());
                names.push_back(op.shown);
            }
            if (auto m = find_kind_misfit(r, units, names)) {
                fail(operands_[m->role].offset, m->reason);
            }
        }

        // Adds the numbers written in the equation to the report as figures.
        void commit(relation& r) {
            for (std::size_t i = 0; i < operands_.size(); ++i) {
                auto& op = operands_[i];
                if (!op.literal) {
                    continue;
                }
                figure f = std::move(*op.literal);
                f.id = reader_.literal_id(f);
                r.figures[i] = f.id;
                reader_.out_.add(std::move(f));
            }
        }

    private:
        struct operand {
            std::string id;                   // "" for ? (or a literal until committed)
            std::string shown;                // as written, for messages
            const unit* named_unit = nullptr; // the unit of a named figure
            // The unit of the operand: of its figure, or of the number written in place.
            [[nodiscard]] const unit* u() const { return literal ? &*literal->unit : named_unit; }
            std::size_t offset = 0;
            std::optional<figure> literal;
        };

        [[noreturn]] void fail(std::size_t at, const std::string& reason) const {
            reader_.fail(offsets_[std::min(at, offsets_.size() - 1)], reason);
        }

        operand resolve(const eq_node& n) {
            operand op;
            op.offset = n.offset;
            op.shown = eq_.get().substr(n.offset, n.length);
            switch (n.kind) {
            case eq_node::type::unknown: return op;
            case eq_node::type::name: {
                const figure* f = nullptr;
                for (std::size_t i = 0; i < reader_.named_; ++i) {
                    if (reader_.out_.figures()[i].id == n.text) {
                        f = &reader_.out_.figures()[i];
                    }
                }
                if (f == nullptr) {
                    fail(n.offset, "undefined name '" + n.text + "'");
                }
                op.id = f->id;
                op.named_unit = &*f->unit;
                return op;
            }
            case eq_node::type::number: {
                figure f;
                decimal d;
                if (auto err = decimal::parse_into(n.text, d)) {
                    fail(n.offset + err->offset,
                         "bad number \"" + reckon::detail::excerpt(n.text) + "\": " + err->reason);
                }
                f.display = d;
                auto u = find_unit(n.unit);
                if (!u) {
                    fail(n.unit_offset, "unknown unit '" + n.unit + "'");
                }
                f.unit = std::move(*u);
                f.text = eq_.get().substr(n.offset, n.length);
                const std::size_t b = offsets_[std::min(n.offset, offsets_.size() - 1)];
                const std::size_t e = offsets_[std::min(n.offset + n.length, offsets_.size() - 1)];
                f.place = source_span::at(b, e - b);
                op.literal = std::move(f);
                return op;
            }
            case eq_node::type::call:
                fail(n.offset, "a function call cannot stand here: write one relation per "
                               "equation, such as share(a, b) = c");
            case eq_node::type::sum:
            case eq_node::type::product: break;
            }
            fail(n.offset, "write the relation flat: one sum, difference, product, ratio or "
                           "function per equation");
        }

        void push(const eq_node& n) { operands_.push_back(resolve(n)); }

        [[nodiscard]] static bool complex(const eq_node& n) { return !n.is_operand(); }

        [[nodiscard]] const unit* unit_of(std::size_t i) const { return operands_[i].u(); }

        [[nodiscard]] bool is_kind(std::size_t i, kind k) const {
            return unit_of(i) != nullptr && unit_of(i)->kind == k;
        }

        [[nodiscard]] static bool is_literal_100_percent(const eq_node& n) {
            return n.kind == eq_node::type::number && n.text == "100" &&
                   (n.unit == "%" || n.unit == "\uFF05");
        }

        void build_equation(const equation& e, relation& r) {
            const bool lc = complex(e.left);
            const bool rc = complex(e.right);
            if (lc && rc) {
                fail(e.right.offset, "one side of '=' must be a single figure");
            }
            if (!lc && !rc) {
                // a = b: the same quantity in two units.
                r.kind = relation_kind::conversion;
                push(e.left);
                push(e.right);
                set_ids(r);
                return;
            }
            const eq_node& single = lc ? e.right : e.left;
            const eq_node& expr = lc ? e.left : e.right;
            if (expr.kind == eq_node::type::call &&
                (expr.text == "sum" || expr.text == "product")) {
                // sum(a, b, …) is a + b + …, product(a, b, …) is a × b × …: the way to write a
                // list of one part or factor (whole = sum(part)).
                const eq_node list = as_list(expr);
                if (expr.text == "sum") {
                    build_sum(single, list, r);
                } else {
                    build_product(single, list, r);
                }
                return;
            }
            switch (expr.kind) {
            case eq_node::type::sum: build_sum(single, expr, r); return;
            case eq_node::type::product: build_product(single, expr, r); return;
            case eq_node::type::call: build_call(single, expr, r); return;
            default: break;
            }
            fail(expr.offset, "cannot read this equation");
        }

        // The arguments of sum(…) or product(…) as a sum or product node.
        [[nodiscard]] eq_node as_list(const eq_node& call) const {
            if (call.items.empty()) {
                fail(call.offset, call.text + "() takes at least one argument");
            }
            eq_node list;
            list.kind = call.text == "sum" ? eq_node::type::sum : eq_node::type::product;
            list.offset = call.offset;
            list.length = call.length;
            list.items = call.items;
            list.ops.assign(call.items.size(), call.text == "sum" ? '+' : '*');
            return list;
        }

        void require_operands(const eq_node& expr) const {
            for (const auto& item : expr.items) {
                if (complex(item)) {
                    fail(item.offset, "write the relation flat: one sum, difference, product, "
                                      "ratio or function per equation");
                }
            }
        }

        void build_sum(const eq_node& single, const eq_node& expr, relation& r) {
            require_operands(expr);
            const bool has_minus =
                std::find(expr.ops.begin() + 1, expr.ops.end(), '-') != expr.ops.end();
            if (has_minus) {
                if (expr.items.size() != 2) {
                    fail(expr.items[2].offset, "a difference has two terms (a = b - c); a sum "
                                               "has only '+' (a = b + c + d)");
                }
                push(single);
                push(expr.items[0]);
                push(expr.items[1]);
                r.kind =
                    is_kind(0, kind::points) && is_kind(1, kind::share) && is_kind(2, kind::share)
                        ? relation_kind::points
                        : relation_kind::difference;
                set_ids(r);
                return;
            }
            // Shares that make 100 %: no printed total, an exact 100.
            bool all_shares = true;
            std::vector<operand> parts;
            for (const auto& item : expr.items) {
                push(item);
                all_shares = all_shares && is_kind(operands_.size() - 1, kind::share);
            }
            parts.swap(operands_);
            if (all_shares && is_literal_100_percent(single)) {
                r.kind = relation_kind::shares_total;
                operand total;
                total.offset = single.offset;
                total.shown = "100 %";
                operands_.push_back(std::move(total));
            } else {
                if (single.kind == eq_node::type::unknown && all_shares) {
                    fail(single.offset, "shares with an unknown total: write '= 100 %' for "
                                        "shares that make the whole");
                }
                operands_.push_back(resolve(single));
                r.kind = all_shares && is_kind(0, kind::share) ? relation_kind::shares_total
                                                               : relation_kind::sum;
            }
            for (auto& p : parts) {
                operands_.push_back(std::move(p));
            }
            set_ids(r);
        }

        void build_product(const eq_node& single, const eq_node& expr, relation& r) {
            require_operands(expr);
            const bool has_divide =
                std::find(expr.ops.begin() + 1, expr.ops.end(), '/') != expr.ops.end();
            if (has_divide) {
                if (expr.items.size() != 2) {
                    fail(expr.items[2].offset,
                         "a quotient has two terms (a = b / c); a product has only '*'");
                }
                push(single);
                push(expr.items[0]);
                push(expr.items[1]);
                const unit* d = unit_of(0);
                const unit* num = unit_of(1);
                const unit* den = unit_of(2);
                if (d != nullptr && d->kind == kind::share) {
                    r.kind = relation_kind::share;
                } else if (d != nullptr && num != nullptr && den != nullptr &&
                           compatible(*d, *num) && d->kind != kind::number &&
                           (den->kind == kind::count || den->kind == kind::amount)) {
                    r.kind = relation_kind::average;
                } else {
                    r.kind = relation_kind::ratio;
                }
                set_ids(r);
                return;
            }
            r.kind = relation_kind::product;
            push(single);
            for (const auto& item : expr.items) {
                push(item);
            }
            set_ids(r);
        }

        void build_call(const eq_node& single, const eq_node& call, relation& r) {
            struct function {
                std::string_view name;
                relation_kind kind;
                std::string_view args;
            };
            static constexpr function functions[] = {
                {"share", relation_kind::share, "part, whole"},
                {"percent_of_target", relation_kind::percent_of_target, "actual, target"},
                {"growth", relation_kind::growth, "current, previous"},
                {"times", relation_kind::growth, "current, previous"},
                {"points", relation_kind::points, "current, previous"},
                {"average", relation_kind::average, "total, count"},
                {"ratio", relation_kind::ratio, "numerator, denominator"},
                {"convert", relation_kind::conversion, "value[, rate]"},
                {"cagr", relation_kind::cagr, "last, first, years"},
                {"contribution", relation_kind::contribution, "change of part, change of whole"},
                {"pull", relation_kind::pull, "change of part, previous whole"},
                {"index", relation_kind::index, "current, previous"},
            };
            const function* fn = nullptr;
            for (const auto& f : functions) {
                if (f.name == call.text) {
                    fn = &f;
                }
            }
            if (fn == nullptr) {
                fail(call.offset, "unknown function '" + call.text +
                                      "'; expected sum, product, share, percent_of_target, "
                                      "growth, times, points, average, ratio, convert, cagr, "
                                      "contribution, pull or index");
            }
            r.kind = fn->kind;
            const std::size_t n = call.items.size();
            if (fn->kind == relation_kind::conversion) {
                if (n < 1 || n > 2) {
                    fail(call.offset, "convert() takes 1 or 2 arguments (value[, rate]), got " +
                                          std::to_string(n));
                }
                push(single);
                if (complex(call.items[0])) {
                    fail(call.items[0].offset, "an argument of convert() is a figure's name, a "
                                               "number or ?");
                }
                push(call.items[0]);
                if (n == 2) {
                    const eq_node& rate = call.items[1];
                    if (rate.kind == eq_node::type::product && rate.items.size() == 2 &&
                        rate.ops[1] == '/' && rate.items[0].kind == eq_node::type::number &&
                        rate.items[0].text == "1" && rate.items[0].unit.empty() &&
                        !complex(rate.items[1])) {
                        r.rate_divides = true;
                        push(rate.items[1]);
                    } else if (complex(rate)) {
                        fail(rate.offset, "the rate of convert() is a figure's name, a number, "
                                          "? or 1 / rate");
                    } else {
                        push(rate);
                    }
                }
                set_ids(r);
                return;
            }
            if (fn->kind == relation_kind::cagr) {
                build_cagr(single, call, r);
                return;
            }
            if (n != 2) {
                fail(call.offset, std::string(fn->name) + "() takes 2 arguments (" +
                                      std::string(fn->args) + "), got " + std::to_string(n));
            }
            if (call.text == "times") {
                r.reading = times_reading::times;
            }
            push(single);
            if (r.kind == relation_kind::growth && increment_form(call)) {
                // growth(current, current - increment): the previous level is not printed.
                push(call.items[0]);
                operand previous;
                previous.offset = call.items[1].offset;
                previous.shown = "?";
                operands_.push_back(std::move(previous));
                push(call.items[1].items[1]);
                set_ids(r);
                return;
            }
            for (const auto& arg : call.items) {
                if (complex(arg)) {
                    fail(arg.offset,
                         "an argument of " + call.text + "() is a figure's name, a number or ?");
                }
                push(arg);
            }
            set_ids(r);
        }

        // rate = cagr(last, first, years): compound annual growth over a whole number of
        // years, or ? when the text does not say how many.
        void build_cagr(const eq_node& single, const eq_node& call, relation& r) {
            if (call.items.size() != 3) {
                fail(call.offset, "cagr() takes 3 arguments (last, first, years), got " +
                                      std::to_string(call.items.size()));
            }
            push(single);
            for (std::size_t i = 0; i < 2; ++i) {
                if (complex(call.items[i])) {
                    fail(call.items[i].offset,
                         "an argument of cagr() is a figure's name, a number or ?");
                }
                push(call.items[i]);
            }
            const eq_node& years = call.items[2];
            if (years.kind == eq_node::type::unknown) {
                r.years = 0;
            } else {
                const bool digits_only = years.kind == eq_node::type::number &&
                                         years.unit.empty() && !years.text.empty() &&
                                         std::all_of(years.text.begin(), years.text.end(),
                                                     [](char c) { return c >= '0' && c <= '9'; });
                if (!digits_only || years.text.size() > 4 || years.text == "0" ||
                    years.text.front() == '0') {
                    fail(years.offset, "the years of cagr() are a whole number such as 5, or ?");
                }
                r.years = static_cast<unsigned>(std::stoul(years.text));
            }
            set_ids(r);
        }

        [[nodiscard]] static bool increment_form(const eq_node& call) {
            if (call.items.size() != 2) {
                return false;
            }
            const eq_node& current = call.items[0];
            const eq_node& previous = call.items[1];
            return current.kind == eq_node::type::name && previous.kind == eq_node::type::sum &&
                   previous.items.size() == 2 && previous.ops[1] == '-' &&
                   previous.items[0].kind == eq_node::type::name &&
                   previous.items[0].text == current.text && !complex(previous.items[1]);
        }

        void build_comparison(const equation& e, relation& r) {
            const std::string& op = e.op;
            const bool lc = complex(e.left);
            const bool rc = complex(e.right);
            if (!lc && !rc) {
                r.kind = relation_kind::order;
                r.op = op == ">"    ? order_op::greater
                       : op == ">=" ? order_op::greater_equal
                       : op == "<"  ? order_op::less
                                    : order_op::less_equal;
                push(e.left);
                push(e.right);
                set_ids(r);
                return;
            }
            // A partial list of parts (其中 …): whole >= part + part, or whole >= sum(part).
            auto is_list = [](const eq_node& n) {
                return n.kind == eq_node::type::sum ||
                       (n.kind == eq_node::type::call && n.text == "sum");
            };
            const bool whole_left = !lc && is_list(e.right) && op == ">=";
            const bool whole_right = !rc && is_list(e.left) && op == "<=";
            if (!whole_left && !whole_right) {
                fail(e.op_offset, "'" + op +
                                      "' compares two figures, or a whole with a partial list "
                                      "of its parts: whole >= part + part");
            }
            const eq_node& whole = whole_left ? e.left : e.right;
            const eq_node& written = whole_left ? e.right : e.left;
            const eq_node parts = written.kind == eq_node::type::call ? as_list(written) : written;
            require_operands(parts);
            for (std::size_t i = 1; i < parts.ops.size(); ++i) {
                if (parts.ops[i] == '-') {
                    fail(parts.items[i].offset, "a partial list of parts is a sum: whole >= "
                                                "part + part");
                }
            }
            r.kind = relation_kind::sum;
            r.complete = false;
            push(whole);
            for (const auto& item : parts.items) {
                push(item);
            }
            set_ids(r);
        }

        void set_ids(relation& r) {
            r.figures.clear();
            for (const auto& op : operands_) {
                r.figures.push_back(op.id);
            }
        }

        report_reader& reader_;
        const toml::value<std::string>& eq_;
        std::vector<std::size_t> offsets_;
        std::vector<operand> operands_;
    };

    // A literal's id: its text without spaces ("80.6%"), made unique with "#2", "#3" ….
    std::string literal_id(const figure& f) const {
        std::string base = f.signed_display().str() + f.unit->symbol;
        base.erase(std::remove(base.begin(), base.end(), ' '), base.end());
        std::string id = base;
        // A bare "1" or "100" would read as part of an expression ("F3 = F1 / F2 − 1").
        const bool reserved = base == "1" || base == "100";
        for (int n = 2; reserved || out_.find(id) != nullptr; ++n) {
            id = base + "#" + std::to_string(n);
            if (out_.find(id) == nullptr) {
                break;
            }
        }
        return id;
    }

    std::string_view text_;
    text_map map_;
    std::string source_;
    report out_;
    std::size_t named_ = 0;
};

} // namespace detail

/// Reads a report file (TOML with equations; docs/report-format.md) into a
/// report. `source_name` names the input in errors and in the report. Throws
/// `reckon::input_error` naming the line and column of the first problem.
///
///     auto r = reckon::tool::parse_report_file(
///         "[figures]\na = \"84 项\"\nb = \"75 项\"\nc = \"9 项\"\n"
///         "[relations]\ncheck = [\"a = b + c\"]\n", "x.toml");
///     reckon::audit(r).findings[0].verdict;   // reckon::verdict::exact
[[nodiscard]] inline report parse_report_file(std::string_view content, std::string source_name) {
    return detail::report_reader(content, std::move(source_name)).read();
}

} // namespace reckon::tool
