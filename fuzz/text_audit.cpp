// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
//
// libFuzzer target: the streamed audit (audit_text) on arbitrary bytes, in sections of 1 to 256
// bytes, against read_text on the whole. Both fail, with an input_error at the same byte and
// line, or neither does. What reads loses nothing at a cut: each figure and skipped number has
// its place in the whole input, every digit of the input lies inside one of them, figures are
// numbered F1 … Fn and relations R1 … Rm in the order of the text, every figure a relation names
// is in its section; a text of one section gives read_text's figures. The first byte picks the
// reading options (as fuzz_text), the second the section size, the rest is the text.
//
//     ./build/fuzz/fuzz/fuzz_text_audit fuzz/corpus/text_audit -max_total_time=600 -timeout=10

#include "text_support.hpp"

#include <reckon/text.hpp>
#include <reckon/text_audit.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char* target = "fuzz_text_audit";

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
    fuzz_support::fail(target, what, detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) {
        return 0;
    }
    reckon::text_audit_options options;
    options.text = fuzz_support::options_of(data[0]);
    options.section_bytes = std::size_t{data[1]} + 1;
    const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

    std::optional<reckon::report> whole;
    std::optional<reckon::input_error> whole_error;
    try {
        whole = reckon::read_text(text, "fuzz.txt", options.text);
    } catch (const reckon::input_error& e) {
        whole_error = e;
    }

    std::vector<char> covered(text.size(), 0);
    std::size_t figures = 0;
    std::size_t relations = 0;
    std::size_t sections = 0;
    std::size_t next = 0; // where the next section must start
    std::vector<reckon::figure> first_section;
    try {
        (void)reckon::audit_text(
            text, "fuzz.txt",
            [&](const reckon::text_section& sec, const reckon::report& r,
                const reckon::audit_result& a) {
                if (sec.index != sections || sec.begin != next || sec.end < sec.begin ||
                    sec.end > text.size() || (sec.end == sec.begin && !text.empty())) {
                    fail("sections do not cover the text in order at byte", std::to_string(next));
                }
                next = sec.end;
                ++sections;
                std::set<std::string> ids;
                for (const auto& f : r.figures()) {
                    if (f.id != "F" + std::to_string(++figures) || !ids.insert(f.id).second) {
                        fail("figure ids do not run on:", f.id);
                    }
                    if (!f.place || f.place->offset < sec.begin ||
                        f.place->offset + f.place->length > sec.end) {
                        fail("a figure outside its section:", f.id);
                    }
                    fuzz_support::check_place(target, text, f.place->offset, f.place->length,
                                              f.text, "figure", true, covered);
                }
                for (const auto& s : r.skipped()) {
                    fuzz_support::check_place(target, text, s.place.offset, s.place.length, s.text,
                                              "skipped number", false, covered);
                }
                for (const auto& rel : r.relations()) {
                    if (rel.id != "R" + std::to_string(++relations)) {
                        fail("relation ids do not run on:", rel.id);
                    }
                    for (const auto& id : rel.figures) {
                        if (!id.empty() && ids.count(id.str()) == 0) {
                            fail("a relation names a figure outside its section:",
                                 rel.id + " " + id);
                        }
                    }
                }
                if (a.summary.figures != r.figures().size() ||
                    a.summary.relations != r.relations().size()) {
                    fail("a section's audit does not count its report");
                }
                if (sec.index == 0) {
                    first_section = r.figures();
                }
            },
            options);
    } catch (const reckon::input_error& e) {
        if (!whole_error) {
            fail("audit_text fails where read_text reads:", e.what());
        }
        if (e.offset() != whole_error->offset() || e.line() != whole_error->line()) {
            fail("audit_text and read_text place an error apart:",
                 std::string(e.what()) + " | " + whole_error->what());
        }
        return 0;
    } catch (const std::exception& e) {
        fail("exception other than input_error:", e.what());
    }
    if (whole_error) {
        fail("read_text fails where audit_text reads:", whole_error->what());
    }
    if (next != text.size()) {
        fail("the sections end before the text, at byte", std::to_string(next));
    }
    fuzz_support::check_covered(target, text, covered);
    if (sections == 1) {
        const auto& w = whole->figures();
        if (w.size() != first_section.size()) {
            fail("one section reads other figures than read_text");
        }
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (w[i].id != first_section[i].id || w[i].text != first_section[i].text ||
                !w[i].place || w[i].place->offset != first_section[i].place->offset ||
                w[i].place->length != first_section[i].place->length ||
                w[i].display.str() != first_section[i].display.str()) {
                fail("one section reads other figures than read_text at", w[i].id);
            }
        }
    }
    return 0;
}
