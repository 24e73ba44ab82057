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
#include <deque>
#include <exception>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
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
    std::size_t section_bytes = 128 * 1024;
    /// Sections read and audited at once, each on a thread of its own (0: as many as the
    /// machine has cores). The sink is still called on the calling thread, in the order of the
    /// text, with the same sections, reports and audits: only the time changes, and memory
    /// holds that many sections.
    unsigned threads = 1;
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

/// Figures and relations in the sections before one: where its numbering starts.
struct section_counts {
    std::size_t figures = 0;
    std::size_t relations = 0;
};

/// A section read, placed and audited.
struct section_work {
    text_section section;
    report r;
    audit_result a;
};

/// Reads, places and audits one section. Its numbering needs the counts of the sections
/// before it (`before`), which it learns once the section before is read, and tells the next
/// one through `after`, failure included, so that no section waits forever.
inline section_work do_section(std::string_view text, const std::string& source,
                               const text_section& sec, const text_audit_options& options,
                               const std::shared_future<section_counts>& before,
                               std::promise<section_counts>& after) {
    section_work w;
    w.section = sec;
    section_counts counts;
    try {
        try {
            w.r = read_text(text.substr(sec.begin, sec.end - sec.begin), source, options.text);
        } catch (const input_error& e) {
            // Placed in the whole text: the section starts a line, or continues one only when
            // the text has lines longer than a section (then the column is the section's).
            throw e.relocated(source, sec.begin, e.line() == 0 ? 0 : sec.line + e.line() - 1,
                              e.column());
        }
        counts = before.get();
    } catch (...) {
        after.set_exception(std::current_exception());
        throw;
    }
    after.set_value(
        {counts.figures + w.r.figures().size(), counts.relations + w.r.relations().size()});
    place_section(w.r, sec.begin, counts.figures, counts.relations);
    w.a = audit(w.r, options.audit);
    return w;
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
/// With `text_audit_options::threads` above 1, sections are read and audited on that many
/// threads at once; the sink gets the same calls, in the same order, on the calling thread.
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
    const unsigned threads =
        options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
    // One thread: each section is done when the sink is ready for it, on the calling thread.
    const std::launch policy = threads == 1 ? std::launch::deferred : std::launch::async;
    std::deque<std::future<detail::section_work>> in_flight;
    text_section next; // the next section to start
    bool planned_all = false;
    std::shared_future<detail::section_counts> before = [] {
        std::promise<detail::section_counts> none;
        none.set_value({});
        return none.get_future().share();
    }();
    while (!planned_all || !in_flight.empty()) {
        while (!planned_all && in_flight.size() < threads) {
            next.end = detail::section_end(text, next.begin, options.section_bytes);
            auto after = std::make_shared<std::promise<detail::section_counts>>();
            std::shared_future<detail::section_counts> counted = after->get_future().share();
            in_flight.push_back(
                std::async(policy, [text, &source, &options, sec = next, before, after] {
                    return detail::do_section(text, source, sec, options, before, *after);
                }));
            before = std::move(counted);
            const std::string_view piece = text.substr(next.begin, next.end - next.begin);
            next.line += static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '\n'));
            next.begin = next.end;
            ++next.index;
            planned_all = next.begin >= text.size();
        }
        // In the order of the text; an error is thrown once the sections before it are handed
        // over (the sections still in flight finish first: their futures wait).
        detail::section_work w = in_flight.front().get();
        in_flight.pop_front();
        for (suspect& sus : w.a.joint.suspects) {
            sus.group += out.infeasible_parts;
        }
        detail::add_summary(out.summary, w.a.summary);
        out.skipped += w.r.skipped().size();
        if (w.a.joint.checked) {
            out.joint_checked = true;
            out.joint_feasible = out.joint_feasible && w.a.joint.feasible;
            out.joint_tie_only = out.joint_tie_only || w.a.joint.tie_only;
            out.joint_parts += w.a.joint.parts;
            out.infeasible_parts += w.a.joint.conflicts.size();
        }
        ++out.sections;
        sink(static_cast<const text_section&>(w.section), static_cast<const report&>(w.r),
             static_cast<const audit_result&>(w.a));
    }
    return out;
}

} // namespace reckon
