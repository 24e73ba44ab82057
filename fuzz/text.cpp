// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
//
// libFuzzer target: the text reader (read_text) on arbitrary bytes. Any input either reads or
// fails with an input_error for invalid UTF-8 whose offset lies inside it at a byte that does
// not start a valid character. What reads keeps every number it saw: each figure and each
// skipped number has a place inside the input whose bytes are its `text` (a figure's hold a
// digit), and every digit of the input (ASCII or full-width) lies inside one of them;
// figure ids are unique; every figure a relation names exists; every figure's value and
// interval can be computed. The first byte picks the options (relations, rounding convention,
// trailing zero groups), the rest is the text.
//
//     ./build/fuzz/fuzz/fuzz_text fuzz/corpus/text -max_total_time=600 -timeout=10

#include "text_support.hpp"

#include <reckon/text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr const char* target = "fuzz_text";

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
    fuzz_support::fail(target, what, detail);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const reckon::text_options options = fuzz_support::options_of(data[0]);
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    reckon::report r;
    try {
        r = reckon::read_text(text, "fuzz.txt", options);
    } catch (const reckon::input_error& e) {
        if (e.offset() >= text.size() || e.reason() != "invalid UTF-8" || e.line() == 0 ||
            e.column() == 0) {
            fail("bad input_error:", e.what());
        }
        if (reckon::detail::decode_utf8(text, e.offset()).length != 0) {
            fail("input_error at a valid character:", e.what());
        }
        return 0;
    } catch (const std::exception& e) {
        fail("exception other than input_error:", e.what());
    }

    std::set<std::string> ids;
    std::vector<char> covered(text.size(), 0);
    for (const auto& f : r.figures()) {
        if (f.id.empty() || !ids.insert(f.id).second) {
            fail("empty or duplicate figure id", f.id);
        }
        if (!f.place) {
            fail("a figure read from text has no place", f.id);
        }
        fuzz_support::check_place(target, text, f.place->offset, f.place->length, f.text, "figure",
                                  true, covered);
        try {
            (void)f.value();
            (void)f.bounds(r.rounding());
            (void)f.display.str();
        } catch (const std::exception& e) {
            fail("figure value:", e.what());
        }
    }
    for (const auto& s : r.skipped()) {
        // A skipped period may be written in words (一季度): no digit required.
        fuzz_support::check_place(target, text, s.place.offset, s.place.length, s.text,
                                  "skipped number", false, covered);
        if (s.reason.empty()) {
            fail("skipped number without a reason", s.text);
        }
    }
    fuzz_support::check_covered(target, text, covered);
    std::set<std::string> relation_ids;
    for (const auto& rel : r.relations()) {
        if (rel.id.empty() || !relation_ids.insert(rel.id).second) {
            fail("empty or duplicate relation id", rel.id);
        }
        for (const auto& id : rel.figures) {
            if (!id.empty() && ids.count(id.str()) == 0) {
                fail("a relation names an unknown figure", rel.id + " " + id);
            }
        }
    }
    return 0;
}
