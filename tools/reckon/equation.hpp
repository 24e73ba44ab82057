// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The equations of a report file ("funds = continued + new_projects",
// "share(part, whole) = 80.6 %"): a small recursive-descent parser that turns
// one equation into a syntax tree with byte positions, for report_file.hpp to
// map onto a relation. No knowledge of figures or kinds here.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon::tool {

/// A syntax error in an equation: `offset` is the byte offset of the problem
/// in the equation's text.
///
///     try { (void)reckon::tool::parse_equation("a = (b"); }
///     catch (const reckon::tool::equation_error& e) { e.offset(); } // 6
class equation_error : public std::runtime_error {
public:
    equation_error(std::size_t offset, const std::string& reason)
        : std::runtime_error(reason), offset_(offset) {}
    [[nodiscard]] std::size_t offset() const noexcept { return offset_; }

private:
    std::size_t offset_;
};

/// One node of an equation's syntax tree. Positions are byte offsets into
/// the equation's text.
///
///     auto e = reckon::tool::parse_equation("x = 75 项 + y");
///     e.right.items[0].text;   // "75"
///     e.right.items[0].unit;   // "项"
struct eq_node {
    enum class type {
        name,    ///< a figure's name: `funds`
        number,  ///< a printed number with an optional unit: `80.6 %`
        unknown, ///< `?`, a figure the report does not state
        call,    ///< `share(part, whole)`: `text` is the function, `items` the arguments
        sum,     ///< `a + b - c`: `items` with `ops` '+' or '-' before each (the first '+')
        product, ///< `a * b / c`: `items` with `ops` '*' or '/' before each (the first '*')
    };
    type kind = type::name;
    std::string text;       ///< the name, the number (with its sign), the function
    std::string unit;       ///< for a number: its unit as written (may be empty)
    std::size_t offset = 0; ///< where the node starts
    std::size_t length = 0; ///< its length in bytes (a number: with its unit)
    std::size_t unit_offset = 0;
    bool parenthesized = false; ///< written inside ( )
    std::vector<eq_node> items;
    std::vector<char> ops;

    [[nodiscard]] bool is_operand() const noexcept {
        return kind == type::name || kind == type::number || kind == type::unknown;
    }
};

/// An equation or comparison: `left op right`, `op` one of "=", ">", ">=",
/// "<", "<=".
struct equation {
    eq_node left;
    std::string op;
    std::size_t op_offset = 0;
    eq_node right;
};

/// How deep parentheses and function calls may nest in one equation.
inline constexpr int max_equation_depth = 32;

namespace detail {

struct eq_char {
    char32_t value = 0;
    std::size_t length = 0; // 0: invalid UTF-8 or the end
};

[[nodiscard]] inline eq_char eq_decode(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) {
        return {};
    }
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80U) {
        return {b0, 1};
    }
    std::size_t n = 0;
    char32_t v = 0;
    if ((b0 & 0xE0U) == 0xC0U) {
        n = 2;
        v = b0 & 0x1FU;
    } else if ((b0 & 0xF0U) == 0xE0U) {
        n = 3;
        v = b0 & 0x0FU;
    } else if ((b0 & 0xF8U) == 0xF0U) {
        n = 4;
        v = b0 & 0x07U;
    } else {
        return {};
    }
    if (i + n > s.size()) {
        return {};
    }
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0U) != 0x80U) {
            return {};
        }
        v = (v << 6U) | (b & 0x3FU);
    }
    return {v, n};
}

[[nodiscard]] constexpr bool eq_space(char32_t c) noexcept {
    return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0';
}

[[nodiscard]] constexpr bool eq_digit(char32_t c) noexcept {
    return (c >= U'0' && c <= U'9') || (c >= U'\uFF10' && c <= U'\uFF19');
}

[[nodiscard]] constexpr bool eq_point(char32_t c) noexcept { return c == U'.' || c == U'\uFF0E'; }

// Characters with a meaning of their own in an equation: they end a name or a unit.
[[nodiscard]] constexpr bool eq_special(char32_t c) noexcept {
    switch (c) {
    case U'+':
    case U'-':
    case U'*':
    case U'/':
    case U'=':
    case U'<':
    case U'>':
    case U'(':
    case U')':
    case U',':
    case U'?':
    case U'!':
    case U'\u00D7': // ×
    case U'\u00F7': // ÷
    case U'\u2212': // −
    case U'\u2265': // ≥
    case U'\u2264': // ≤
    case U'\uFF08': // （
    case U'\uFF09': // ）
    case U'\uFF0C': // ，
    case U'\uFF1F': // ？
    case U'\uFF0B': // ＋
    case U'\uFF1D': // ＝
        return true;
    default: return false;
    }
}

[[nodiscard]] constexpr bool eq_name_start(char32_t c) noexcept {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'_' ||
           (c >= 0x80 && !eq_special(c) && !eq_space(c) && !eq_digit(c) && !eq_point(c));
}

[[nodiscard]] constexpr bool eq_name_char(char32_t c) noexcept {
    return eq_name_start(c) || (c >= U'0' && c <= U'9');
}

class eq_parser {
public:
    explicit eq_parser(std::string_view text) : s_(text) {}

    equation parse() {
        skip_space();
        if (at_end()) {
            throw equation_error(0, "empty equation");
        }
        equation e;
        e.left = parse_sum(0);
        skip_space();
        if (at_end()) {
            throw equation_error(pos_, "an equation needs '=', '>', '>=', '<' or '<='");
        }
        e.op_offset = pos_;
        e.op = relation_operator();
        if (e.op.empty()) {
            throw unexpected("'=', '>', '>=', '<' or '<='");
        }
        skip_space();
        if (at_end()) {
            throw equation_error(pos_, "nothing after '" + e.op + "'");
        }
        e.right = parse_sum(0);
        skip_space();
        if (!at_end()) {
            const std::size_t here = pos_;
            if (!relation_operator().empty()) {
                throw equation_error(here, "only one '=' or comparison per equation");
            }
            pos_ = here;
            throw unexpected("the end of the equation");
        }
        return e;
    }

private:
    [[nodiscard]] bool at_end() const noexcept { return pos_ >= s_.size(); }
    [[nodiscard]] eq_char peek() const noexcept { return eq_decode(s_, pos_); }

    void skip_space() {
        for (;;) {
            const eq_char c = peek();
            if (c.length == 0 || !eq_space(c.value)) {
                return;
            }
            pos_ += c.length;
        }
    }

    // A relation operator at pos_: consumed and returned, or "" (nothing consumed).
    std::string relation_operator() {
        const eq_char c = peek();
        const eq_char next = eq_decode(s_, pos_ + c.length);
        auto take = [&](std::size_t n, std::string op) {
            pos_ += n;
            return op;
        };
        switch (c.value) {
        case U'=':
        case U'\uFF1D': return take(c.length + (next.value == U'=' ? next.length : 0), "=");
        case U'>': return next.value == U'=' ? take(2, ">=") : take(1, ">");
        case U'<': return next.value == U'=' ? take(2, "<=") : take(1, "<");
        case U'\u2265': return take(c.length, ">=");
        case U'\u2264': return take(c.length, "<=");
        default: return {};
        }
    }

    [[nodiscard]] equation_error unexpected(std::string_view expected) const {
        if (at_end()) {
            return equation_error(pos_, "the equation ends where " + std::string(expected) +
                                            " should follow");
        }
        const eq_char c = peek();
        const std::string seen(s_.substr(pos_, c.length == 0 ? 1 : c.length));
        if (c.length == 0) {
            return equation_error(pos_, "invalid UTF-8");
        }
        return equation_error(pos_, "expected " + std::string(expected) + ", found '" + seen + "'");
    }

    static void check_depth(int depth, std::size_t at) {
        if (depth > max_equation_depth) {
            throw equation_error(at, "nested too deeply (more than " +
                                         std::to_string(max_equation_depth) +
                                         " levels of parentheses)");
        }
    }

    eq_node parse_sum(int depth) {
        skip_space();
        const std::size_t start = pos_;
        eq_node first = parse_product(depth);
        skip_space();
        char op = additive_operator();
        if (op == 0) {
            return first;
        }
        eq_node sum;
        sum.kind = eq_node::type::sum;
        sum.offset = start;
        sum.items.push_back(std::move(first));
        sum.ops.push_back('+');
        while (op != 0) {
            skip_space();
            sum.items.push_back(parse_product(depth));
            sum.ops.push_back(op);
            skip_space();
            op = additive_operator();
        }
        sum.length = end_of(sum.items.back()) - start;
        return sum;
    }

    char additive_operator() {
        const eq_char c = peek();
        if (c.value == U'+' || c.value == U'\uFF0B') {
            pos_ += c.length;
            return '+';
        }
        if (c.value == U'-' || c.value == U'\u2212') {
            pos_ += c.length;
            return '-';
        }
        return 0;
    }

    char multiplicative_operator() {
        const eq_char c = peek();
        if (c.value == U'*' || c.value == U'\u00D7') {
            pos_ += c.length;
            return '*';
        }
        if (c.value == U'/' || c.value == U'\u00F7') {
            pos_ += c.length;
            return '/';
        }
        return 0;
    }

    static std::size_t end_of(const eq_node& n) noexcept { return n.offset + n.length; }

    eq_node parse_product(int depth) {
        const std::size_t start = pos_;
        eq_node first = parse_unary(depth);
        skip_space();
        char op = multiplicative_operator();
        if (op == 0) {
            return first;
        }
        eq_node product;
        product.kind = eq_node::type::product;
        product.offset = start;
        product.items.push_back(std::move(first));
        product.ops.push_back('*');
        while (op != 0) {
            skip_space();
            product.items.push_back(parse_unary(depth));
            product.ops.push_back(op);
            skip_space();
            op = multiplicative_operator();
        }
        product.length = end_of(product.items.back()) - start;
        return product;
    }

    eq_node parse_unary(int depth) {
        const eq_char c = peek();
        if (c.value == U'-' || c.value == U'\u2212') {
            const std::size_t start = pos_;
            pos_ += c.length;
            skip_space();
            if (!eq_digit(peek().value)) {
                throw equation_error(start, "a minus sign here must stand before a number");
            }
            eq_node n = parse_number();
            n.text.insert(0, "-");
            n.length += n.offset - start;
            n.offset = start;
            return n;
        }
        return parse_primary(depth);
    }

    eq_node parse_primary(int depth) {
        skip_space();
        const eq_char c = peek();
        if (at_end()) {
            throw unexpected("a figure's name, a number or '('");
        }
        if (c.length == 0) {
            throw equation_error(pos_, "invalid UTF-8");
        }
        if (eq_digit(c.value)) {
            return parse_number();
        }
        if (c.value == U'?' || c.value == U'\uFF1F') {
            eq_node n;
            n.kind = eq_node::type::unknown;
            n.text = "?";
            n.offset = pos_;
            n.length = c.length;
            pos_ += c.length;
            return n;
        }
        if (c.value == U'(' || c.value == U'\uFF08') {
            const std::size_t open = pos_;
            check_depth(depth + 1, open);
            pos_ += c.length;
            eq_node inner = parse_sum(depth + 1);
            skip_space();
            close_parenthesis(open);
            inner.parenthesized = true;
            return inner;
        }
        if (eq_name_start(c.value)) {
            eq_node n = parse_name();
            skip_space();
            const eq_char after = peek();
            if (after.value == U'(' || after.value == U'\uFF08') {
                return parse_call(std::move(n), depth);
            }
            return n;
        }
        if (eq_point(c.value)) {
            throw equation_error(pos_, "a number must start with a digit");
        }
        throw unexpected("a figure's name, a number or '('");
    }

    void close_parenthesis(std::size_t open) {
        const eq_char c = peek();
        if (c.value == U')' || c.value == U'\uFF09') {
            pos_ += c.length;
            return;
        }
        if (at_end()) {
            throw equation_error(open, "unbalanced parenthesis: '(' is never closed");
        }
        throw unexpected("')'");
    }

    eq_node parse_call(eq_node name, int depth) {
        const std::size_t open = pos_;
        check_depth(depth + 1, open);
        pos_ += peek().length;
        eq_node call;
        call.kind = eq_node::type::call;
        call.text = std::move(name.text);
        call.offset = name.offset;
        skip_space();
        const eq_char c = peek();
        if (c.value != U')' && c.value != U'\uFF09') {
            for (;;) {
                call.items.push_back(parse_sum(depth + 1));
                skip_space();
                const eq_char sep = peek();
                if (sep.value == U',' || sep.value == U'\uFF0C') {
                    pos_ += sep.length;
                    continue;
                }
                break;
            }
        }
        close_parenthesis(open);
        call.length = pos_ - call.offset;
        return call;
    }

    eq_node parse_name() {
        eq_node n;
        n.kind = eq_node::type::name;
        n.offset = pos_;
        for (;;) {
            const eq_char c = peek();
            if (c.length == 0 || !eq_name_char(c.value)) {
                break;
            }
            pos_ += c.length;
        }
        n.length = pos_ - n.offset;
        n.text = std::string(s_.substr(n.offset, n.length));
        return n;
    }

    eq_node parse_number() {
        eq_node n;
        n.kind = eq_node::type::number;
        n.offset = pos_;
        bool seen_point = false;
        for (;;) {
            const eq_char c = peek();
            if (c.length != 0 && eq_digit(c.value)) {
                pos_ += c.length;
            } else if (c.length != 0 && eq_point(c.value) && !seen_point &&
                       eq_digit(eq_decode(s_, pos_ + c.length).value)) {
                seen_point = true;
                pos_ += c.length;
            } else {
                break;
            }
        }
        n.text = std::string(s_.substr(n.offset, pos_ - n.offset));
        std::size_t end = pos_;
        // The unit: everything up to the next operator, parenthesis or comma, without the
        // spaces around it ("亿元", "%", "billion USD").
        skip_space();
        n.unit_offset = pos_;
        std::size_t unit_end = pos_;
        for (;;) {
            const eq_char c = peek();
            if (c.length == 0 || eq_special(c.value)) {
                break;
            }
            pos_ += c.length;
            if (!eq_space(c.value)) {
                unit_end = pos_;
            }
        }
        pos_ = unit_end;
        if (unit_end > n.unit_offset) {
            n.unit = std::string(s_.substr(n.unit_offset, unit_end - n.unit_offset));
            end = unit_end;
            const eq_char c = eq_decode(n.unit, 0);
            if (eq_point(c.value) || eq_digit(c.value)) {
                throw equation_error(n.unit_offset,
                                     "unexpected '" + n.unit.substr(0, c.length) + "' in a number");
            }
        } else {
            n.unit_offset = end;
        }
        n.length = end - n.offset;
        return n;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

} // namespace detail

/// Parses one equation of a report file. Throws `equation_error` with the
/// byte offset of the problem.
///
///     auto e = reckon::tool::parse_equation("share(continued_funds, funds) = 80.6 %");
///     e.left.text;    // "share"
///     e.right.unit;   // "%"
[[nodiscard]] inline equation parse_equation(std::string_view text) {
    return detail::eq_parser(text).parse();
}

} // namespace reckon::tool
