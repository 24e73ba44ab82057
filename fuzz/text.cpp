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

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz_text: %s %s\n", what, detail.c_str());
    std::abort();
}

// An ASCII or full-width digit among the bytes.
bool has_digit(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') {
            return true;
        }
        // U+FF10 … U+FF19: EF BC 90 … EF BC 99
        if (i + 2 < s.size() && s[i] == '\xEF' && s[i + 1] == '\xBC' &&
            static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
            static_cast<unsigned char>(s[i + 2]) <= 0x99) {
            return true;
        }
    }
    return false;
}

void check_place(std::string_view input, std::size_t offset, std::size_t length,
                 const std::string& text, const char* what, bool digits) {
    if (offset > input.size() || length > input.size() - offset) {
        fail(what, "place outside the input: " + std::to_string(offset) + "+" +
                       std::to_string(length) + " of " + std::to_string(input.size()));
    }
    if (input.substr(offset, length) != text) {
        fail(what, "text differs from the input at its place: \"" + text + "\"");
    }
    if (digits && !has_digit(text)) {
        fail(what, "no digit in \"" + text + "\"");
    }
}

reckon::text_options options_of(std::uint8_t b) {
    static constexpr reckon::convention conventions[] = {
        reckon::convention::unknown_tie, reckon::convention::half_up,
        reckon::convention::half_even,   reckon::convention::half_down,
        reckon::convention::truncated,   reckon::convention::exact,
    };
    reckon::text_options o;
    o.relations = (b & 1U) == 0;
    o.trailing_zero_groups_rounded = (b & 2U) == 0;
    o.rounding = conventions[(b >> 2U) % 6U];
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const reckon::text_options options = options_of(data[0]);
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
    for (const auto& f : r.figures()) {
        if (f.id.empty() || !ids.insert(f.id).second) {
            fail("empty or duplicate figure id", f.id);
        }
        if (!f.place) {
            fail("a figure read from text has no place", f.id);
        }
        check_place(text, f.place->offset, f.place->length, f.text, "figure", true);
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
        check_place(text, s.place.offset, s.place.length, s.text, "skipped number", false);
        if (s.reason.empty()) {
            fail("skipped number without a reason", s.text);
        }
    }
    // Nothing lost: every digit of the text lies inside a figure or a skipped number.
    std::vector<char> covered(text.size(), 0);
    for (const auto& f : r.figures()) {
        std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(f.place->offset), f.place->length,
                    1);
    }
    for (const auto& s : r.skipped()) {
        std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(s.place.offset), s.place.length,
                    1);
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A digit starts here: an ASCII one, or the EF BC 9x of a full-width one.
        const bool digit = (text[i] >= '0' && text[i] <= '9') ||
                           (text[i] == '\xEF' && has_digit(text.substr(i, 3)));
        if (digit && covered[i] == 0) {
            fail("a digit in no figure and no skipped number at byte", std::to_string(i));
        }
    }
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
