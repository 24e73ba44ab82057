// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace reckon {

/// The one exception type for bad input: a number that does not parse, an
/// unknown unit, a broken report file. Its message names the input and the
/// position of the problem, so that an editor can find it:
///
///     try { auto d = reckon::decimal::parse("1,23"); }
///     catch (const reckon::input_error& e) { e.what(); }
///     // input "1,23": byte 1: a thousands separator must be followed by three digits
///
/// Findings (an inconsistent report) are data, never exceptions.
class input_error : public std::runtime_error {
public:
    /// `source` names the input (a file name, or the quoted text itself);
    /// `offset` is the byte offset of the problem in it. `line` and `column`
    /// (1-based, column counted in characters) are 0 when not known.
    input_error(std::string source, std::size_t offset, std::string reason, std::size_t line = 0,
                std::size_t column = 0)
        : std::runtime_error(compose(source, offset, reason, line, column)),
          source_(std::move(source)), reason_(std::move(reason)), offset_(offset), line_(line),
          column_(column) {}

    [[nodiscard]] const std::string& source() const noexcept { return source_; }
    [[nodiscard]] const std::string& reason() const noexcept { return reason_; }
    [[nodiscard]] std::size_t offset() const noexcept { return offset_; }
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    [[nodiscard]] std::size_t column() const noexcept { return column_; }

    /// The same error placed inside a larger input: `offset` is where the
    /// failing piece starts in it.
    [[nodiscard]] input_error relocated(std::string source, std::size_t base_offset,
                                        std::size_t line = 0, std::size_t column = 0) const {
        return input_error(std::move(source), base_offset + offset_, reason_, line,
                           column == 0 ? 0 : column);
    }

private:
    static std::string compose(const std::string& source, std::size_t offset,
                               const std::string& reason, std::size_t line, std::size_t column) {
        std::string out = source;
        if (line != 0) {
            out += ':' + std::to_string(line) + ':' + std::to_string(column);
        } else {
            out += ": byte " + std::to_string(offset);
        }
        out += ": ";
        out += reason;
        return out;
    }

    std::string source_;
    std::string reason_;
    std::size_t offset_;
    std::size_t line_;
    std::size_t column_;
};

/// A misuse of the run-time API that types could not catch (adding figures
/// of different kinds read from a file, dividing by an exact zero).
class kind_error : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

} // namespace reckon
