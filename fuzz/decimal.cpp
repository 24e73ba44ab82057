// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
//
// libFuzzer target: the decimal parser and the arithmetic on what it accepts. Any input either
// parses or fails with a reason and an offset inside it (or at its end); parse, try_parse and
// parse_into agree; what parses prints and parses back to the same display; rounding stays
// within half a step; and the general parser agrees with the ASCII fast path: the same text
// with its ASCII digits written full-width (which the fast path never takes) gives the same
// display, or the same error at the same character.
//
//     ./build/fuzz/fuzz/fuzz_decimal fuzz/corpus/decimal -max_total_time=600

#include <reckon/decimal.hpp>
#include <reckon/interval.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz_decimal: %s %s\n", what, detail.c_str());
    std::abort();
}

// The text with each ASCII digit written full-width (U+FF10 …), and for each byte of the
// original the offset of the same byte in the widened text (one more for the end).
std::string widen(std::string_view text, std::vector<std::size_t>& where) {
    std::string out;
    where.clear();
    for (char c : text) {
        where.push_back(out.size());
        if (c >= '0' && c <= '9') {
            out += "\xEF\xBC";
            out += static_cast<char>(0x90 + (c - '0'));
        } else {
            out += c;
        }
    }
    where.push_back(out.size());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    reckon::decimal d;
    const auto failure = reckon::decimal::parse_into(text, d);

    // parse and try_parse say the same as parse_into.
    if (failure) {
        if (failure->offset > size || failure->reason.empty()) {
            fail("bad failure:", failure->reason);
        }
        if (reckon::decimal::try_parse(text)) {
            fail("try_parse accepts what parse_into rejects");
        }
        try {
            (void)reckon::decimal::parse(text);
            fail("parse accepts what parse_into rejects");
        } catch (const reckon::input_error& e) {
            if (e.offset() != failure->offset || e.reason() != failure->reason) {
                fail("parse and parse_into disagree:", e.what());
            }
        }
    } else {
        const auto t = reckon::decimal::try_parse(text);
        if (!t || !same_display(*t, d) || !same_display(reckon::decimal::parse(text), d)) {
            fail("parse, try_parse and parse_into disagree");
        }
    }

    // The general parser against the fast path.
    std::vector<std::size_t> where;
    const std::string wide = widen(text, where);
    reckon::decimal w;
    const auto wide_failure = reckon::decimal::parse_into(wide, w);
    if (failure.has_value() != wide_failure.has_value()) {
        fail("full-width digits change whether it parses:", failure ? failure->reason : "");
    }
    if (failure) {
        if (wide_failure->reason != failure->reason ||
            wide_failure->offset != where[failure->offset]) {
            fail("full-width digits change the error:",
                 failure->reason + " / " + wide_failure->reason);
        }
        return 0;
    }
    if (!same_display(w, d)) {
        fail("full-width digits change the value:", d.str() + " / " + w.str());
    }

    const auto back = reckon::decimal::parse(d.str());
    if (!same_display(back, d)) {
        fail("str() does not parse back:", d.str());
    }
    // Rounding to a coarser resolution stays within half a step, and the interval
    // of the rounded display holds the value.
    const int e = d.exponent() + 2;
    const auto r = d.round(e, reckon::rounding_mode::half_even);
    const auto diff = (r - d).to_rational();
    const reckon::rational step = reckon::decimal(1, e).to_rational();
    if (abs(diff) * 2 > step) {
        fail("rounding moved more than half a step:", d.str() + " -> " + r.str());
    }
    if (!reckon::display_interval(r, reckon::convention::half_even).contains(d.to_rational())) {
        fail("the rounded display's interval misses the value:", d.str());
    }
    if (d + d != d * reckon::decimal(2) || d - d != reckon::decimal(0)) {
        fail("arithmetic:", d.str());
    }
    if (d.normalized() != d || d.normalized().exponent() < d.exponent()) {
        fail("normalized() changed the value:", d.str());
    }
    return 0;
}
