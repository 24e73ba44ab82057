// SPDX-License-Identifier: MIT
// Helpers of the bad-input catalogue (tests/bad_input*.cpp, issue 8): assert the exact error
// an input gets — message, byte offset, line and column.
#pragma once

#include <reckon/error.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>

namespace reckon_bad_input {

/// Where and why an input is refused: the whole message (what()), the byte offset, and the line
/// and column (0 when the thrower does not know them).
struct expected_error {
    std::string message;
    std::size_t offset = 0;
    std::size_t line = 0;
    std::size_t column = 0;
};

/// Runs `f`, which must throw reckon::input_error, and checks the error field by field.
template <class F>
void check_input_error(F&& f, const expected_error& want) {
    bool thrown = false;
    try {
        f();
    } catch (const reckon::input_error& e) {
        thrown = true;
        CHECK(std::string(e.what()) == want.message);
        CHECK(e.offset() == want.offset);
        CHECK(e.line() == want.line);
        CHECK(e.column() == want.column);
    }
    CHECK_MESSAGE(thrown, "no input_error; expected: " << want.message);
}

} // namespace reckon_bad_input
