// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// Auditing a long text section by section: a yearbook or a year of bulletins in one file is
// read, audited and handed to the caller a section at a time, so that memory stays a few times
// one section, whatever the length of the text.

#include <reckon/audit.hpp>
#include <reckon/error.hpp>
#include <reckon/text.hpp>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace reckon {

/// One piece of a text read and audited on its own by `audit_text`.
struct text_section {
    std::size_t index = 0; ///< from 0, in the order of the text
    std::size_t begin = 0; ///< byte offset of its first byte in the whole text
    std::size_t end = 0;   ///< byte offset one past its last byte
    std::size_t line = 1;  ///< the line of the whole text it starts on, from 1
};

/// How `audit_text` reads and audits a text.
///
///     reckon::text_audit_options o;
///     o.section_bytes = 1 << 20;        // sections of about 1 MiB
///     o.audit.only_problems = true;     // hand over the problems only
struct text_audit_options {
    text_options text{};   ///< how each section is read (`read_text`)
    audit_options audit{}; ///< how each section is audited (`audit`)
    /// A section ends at the first blank line after this many bytes; without a blank line
    /// soon after, at a line break; in a text without line breaks, after a sentence's full
    /// stop or a space. A text no longer than this is one section, read exactly as
    /// `read_text` reads it.
    std::size_t section_bytes = 256 * 1024;
};

/// What `audit_text` found in all the sections of a text. The findings themselves go to the
/// caller's sink, section by section, and are not kept.
struct text_audit_summary {
    std::string source;
    audit_summary summary;    ///< the counts of every section's audit, added up
    std::size_t sections = 0; ///< sections read
    std::size_t skipped = 0;  ///< numbers that are not figures (dates, ordinals …)
    bool joint_checked = false;
    bool joint_feasible = true;       ///< every section's figures can hold at once
    bool joint_tie_only = false;      ///< some section holds only at a rounding tie
    std::size_t joint_parts = 0;      ///< independent parts checked jointly, in all
    std::size_t infeasible_parts = 0; ///< parts that cannot hold (`suspect::group` counts them)

    /// Whether nothing is inconsistent, in any relation or any section as a whole.
    [[nodiscard]] bool consistent() const noexcept {
        return summary.inconsistent == 0 && joint_feasible;
    }
};

namespace detail {

/// Where the section that starts at `begin` ends: at the first blank line after `target`
/// bytes, else at the first line break within `target` bytes more, else (a text of very long
/// lines) after the first full stop (。．！？) or ASCII space within `2 * target`, else at the
/// first character boundary not inside a run of ASCII letters and digits. Always at a character
/// boundary; the scanner never reads a figure across a line break, a full stop or a space,
/// and the last fallback is past any number it could make of such a run.
[[nodiscard]] inline std::size_t section_end(std::string_view text, std::size_t begin,
                                             std::size_t target) {
    target = std::max<std::size_t>(target, 1);
    if (text.size() - begin <= target) {
        return text.size();
    }
    const std::size_t from = begin + target;
    const std::size_t window = std::min(text.size(), from + target);
    // A blank line: a line break, blanks, a line break.
    for (std::size_t i = from; i < window; ++i) {
        if (text[i] != '\n') {
            continue;
        }
        std::size_t j = i + 1;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
            ++j;
        }
        if (j < text.size() && text[j] == '\n') {
            return j + 1;
        }
    }
    if (const void* nl = std::memchr(text.data() + from, '\n', window - from)) {
        return static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) + 1;
    }
    const std::size_t far = std::min(text.size(), from + 2 * target);
    constexpr std::string_view stops[] = {"\xE3\x80\x82", "\xEF\xBC\x8E", "\xEF\xBC\x81",
                                          "\xEF\xBC\x9F", " "}; // 。．！？ and a space
    std::size_t best = text.size();
    for (std::string_view stop : stops) {
        const std::size_t at = text.substr(0, far).find(stop, from);
        if (at != std::string_view::npos) {
            best = std::min(best, at + stop.size());
        }
    }
    if (best < text.size()) {
        return best;
    }
    auto word = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    };
    for (std::size_t i = std::max(far, begin + 1); i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool boundary = (byte & 0xC0U) != 0x80U;
        if (boundary && !word(text[i]) && !word(text[i - 1]) && text[i - 1] != '.' &&
            text[i - 1] != ',') {
            return i;
        }
    }
    return text.size();
}

/// "F12" with `add` = 100 is "F112"; an id not of that form is left as it is.
inline void shift_numbered_id(std::string& id, char letter, std::size_t add) {
    if (add == 0 || id.size() < 2 || id[0] != letter) {
        return;
    }
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), n);
    if (ec != std::errc() || end != id.data() + id.size()) {
        return;
    }
    id.resize(1);
    id += std::to_string(n + add);
}

/// A section's report placed in the whole text: byte offsets moved by `offset`, figure ids
/// F<n> and relation ids R<n> numbered on from the sections before.
inline void place_section(report& r, std::size_t offset, std::size_t figures_before,
                          std::size_t relations_before) {
    std::string buffer;
    for (figure& f : r.figures()) {
        if (f.place) {
            f.place = source_span::at(f.place->offset + offset, f.place->length);
        }
        shift_numbered_id(f.id, 'F', figures_before);
    }
    for (skipped_number& s : r.skipped()) {
        s.place = source_span::at(s.place.offset + offset, s.place.length);
    }
    for (relation& rel : r.relations()) {
        shift_numbered_id(rel.id, 'R', relations_before);
        if (figures_before == 0) {
            continue;
        }
        for (figure_id& id : rel.figures) {
            if (id.empty()) {
                continue;
            }
            buffer.assign(id.view());
            shift_numbered_id(buffer, 'F', figures_before);
            id = figure_id(std::string_view(buffer));
        }
    }
    r.reindex();
}

inline void add_summary(audit_summary& total, const audit_summary& s) noexcept {
    total.figures += s.figures;
    total.relations += s.relations;
    total.exact += s.exact;
    total.rounds += s.rounds;
    total.within_rounding += s.within_rounding;
    total.inconsistent += s.inconsistent;
    total.cannot_check += s.cannot_check;
}

} // namespace detail

/// Reads and audits a UTF-8 text section by section (`text_audit_options::section_bytes`),
/// handing each section's report and audit to `sink(const text_section&, const report&,
/// const audit_result&)` before the next is read. The findings are not kept: memory stays a
/// few times one section, the text itself aside, however long the text.
///
/// Each section is read by `read_text` and audited by `audit` on its own, then placed in the
/// whole text: figures keep their byte offsets in `text`, and figure and relation ids run on
/// across sections (F1 … F<n>, R1 … R<m>), as do the groups of suspects (`suspect::group`).
/// A text no longer than one section gets exactly what `read_text` and `audit` give; in a
/// longer one, a relation whose figures lie on both sides of a cut (a blank line where the
/// text allows) is not made, and each section is checked as a whole on its own.
///
/// Throws `input_error` as `read_text` does, placed in the whole text (byte offset, line and
/// column), when a section cannot be read; the sections before it have been handed over.
///
///     auto s = reckon::audit_text(yearbook, "yearbook.txt",
///         [](const reckon::text_section&, const reckon::report& r,
///            const reckon::audit_result& a) { std::cout << reckon::render_text(r, a); });
///     s.consistent();
template <class Sink>
text_audit_summary audit_text(std::string_view text, std::string source, Sink&& sink,
                              const text_audit_options& options = {}) {
    if (text.size() > max_source_bytes) {
        throw input_error(std::move(source), max_source_bytes,
                          "a text longer than 4 GiB (places are 32-bit byte offsets)");
    }
    text_audit_summary out;
    out.source = source;
    std::size_t figures_before = 0;
    std::size_t relations_before = 0;
    text_section section;
    while (section.begin < text.size() || section.index == 0) {
        section.end = detail::section_end(text, section.begin, options.section_bytes);
        const std::string_view piece = text.substr(section.begin, section.end - section.begin);
        report r;
        try {
            r = read_text(piece, source, options.text);
        } catch (const input_error& e) {
            // Placed in the whole text: the section starts a line, or continues one only when
            // the text has lines longer than a section (then the column is the section's).
            throw e.relocated(source, section.begin,
                              e.line() == 0 ? 0 : section.line + e.line() - 1, e.column());
        }
        detail::place_section(r, section.begin, figures_before, relations_before);
        audit_result a = audit(r, options.audit);
        for (suspect& s : a.joint.suspects) {
            s.group += out.infeasible_parts;
        }
        detail::add_summary(out.summary, a.summary);
        out.skipped += r.skipped().size();
        if (a.joint.checked) {
            out.joint_checked = true;
            out.joint_feasible = out.joint_feasible && a.joint.feasible;
            out.joint_tie_only = out.joint_tie_only || a.joint.tie_only;
            out.joint_parts += a.joint.parts;
            out.infeasible_parts += a.joint.conflicts.size();
        }
        figures_before += r.figures().size();
        relations_before += r.relations().size();
        ++out.sections;
        sink(static_cast<const text_section&>(section), static_cast<const report&>(r),
             static_cast<const audit_result&>(a));
        section.line += static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '\n'));
        section.begin = section.end;
        ++section.index;
    }
    return out;
}

} // namespace reckon
