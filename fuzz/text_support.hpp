// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
//
// What the text fuzz targets (text.cpp, text_audit.cpp) check of what a reading gives: every
// figure and skipped number has a place inside the input whose bytes are its text, and every
// digit of the input lies inside one of them.
#pragma once

#include <reckon/text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz_support {

[[noreturn]] inline void fail(const char* target, const char* what,
                              const std::string& detail = {}) {
    std::fprintf(stderr, "%s: %s %s\n", target, what, detail.c_str());
    std::abort();
}

// An ASCII or full-width digit among the bytes.
inline bool has_digit(std::string_view s) {
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

// Checks that `text` stands at offset+length in the input (with a digit, when `digits`) and
// marks those bytes covered.
inline void check_place(const char* target, std::string_view input, std::size_t offset,
                        std::size_t length, const std::string& text, const char* what, bool digits,
                        std::vector<char>& covered) {
    if (offset > input.size() || length > input.size() - offset) {
        fail(target, what,
             "place outside the input: " + std::to_string(offset) + "+" + std::to_string(length) +
                 " of " + std::to_string(input.size()));
    }
    if (input.substr(offset, length) != text) {
        fail(target, what, "text differs from the input at its place: \"" + text + "\"");
    }
    if (digits && !has_digit(text)) {
        fail(target, what, "no digit in \"" + text + "\"");
    }
    std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(offset), length, 1);
}

// Nothing lost: every digit of the text lies inside a figure or a skipped number.
inline void check_covered(const char* target, std::string_view text,
                          const std::vector<char>& covered) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        // A digit starts here: an ASCII one, or the EF BC 9x of a full-width one.
        const bool digit = (text[i] >= '0' && text[i] <= '9') ||
                           (text[i] == '\xEF' && has_digit(text.substr(i, 3)));
        if (digit && covered[i] == 0) {
            fail(target, "a digit in no figure and no skipped number at byte", std::to_string(i));
        }
    }
}

inline reckon::text_options options_of(std::uint8_t b) {
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

} // namespace fuzz_support
