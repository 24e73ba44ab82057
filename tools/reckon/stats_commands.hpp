// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The statistics commands of the `reckon` tool:
//
//   reckon round PART... | --file FILE   parts → displays that add up to a total
//   reckon benford FILE...               Benford's law over the figures of files
//
// with the output formats (--format text|json|markdown) and exit statuses of `reckon audit`:
// 0 nothing wrong, 1 something is (a total the parts cannot reach; nonconformity with
// Benford's law), 2 bad input or a bad command line. The command line (cli.hpp) registers them
// with `add_stats_commands` and, once it has parsed, runs whichever was chosen:
//
//     reckon::tool::stats_commands stats;
//     reckon::tool::add_stats_commands(app, stats);
//     app.parse(argc, argv);
//     if (auto status = reckon::tool::run_stats_commands(stats, std::cin, std::cout, std::cerr)) {
//         return *status;
//     }

#include "report_file.hpp"

#include <reckon/error.hpp>
#include <reckon/json.hpp>
#include <reckon/output.hpp>
#include <reckon/stats.hpp>
#include <reckon/text.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <istream>
#include <iterator>
#include <locale>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace reckon::tool {

namespace detail {

/// The options of `reckon round`.
struct round_settings {
    std::vector<std::string> parts;
    std::optional<std::string> file;
    std::optional<std::string> resolution;
    std::optional<int> digits;
    std::optional<std::string> total;
    bool plain = false;
    std::string format = "text";
};

/// The options of `reckon benford`.
struct benford_settings {
    std::vector<std::string> files;
    std::string format = "text";
    std::string input = "auto";
    std::string test = "all";
};

/// An input of a statistics command, read whole.
struct stats_input {
    std::string name;
    std::string content;
};

/// A bad input or command line: the message for standard error.
struct stats_failure {
    std::string message;
};

// Reads a file, or standard input for "-" (once).
[[nodiscard]] inline stats_input stats_load(const std::string& name, std::istream& in,
                                            bool& stdin_used) {
    stats_input out;
    if (name == "-") {
        if (stdin_used) {
            throw stats_failure{"reckon: standard input can be read only once"};
        }
        stdin_used = true;
        out.name = "<stdin>";
        out.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        return out;
    }
    out.name = name;
    std::error_code ec;
    if (std::filesystem::is_directory(name, ec)) {
        throw stats_failure{name + ": is a directory"};
    }
    std::ifstream file(name, std::ios::binary);
    if (!file) {
        throw stats_failure{name + ": cannot open: " + std::strerror(errno)};
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    if (file.bad()) {
        throw stats_failure{name + ": cannot read: " + std::strerror(errno)};
    }
    out.content = std::move(buffer).str();
    return out;
}

// "file:line:column: reason" for an error at a byte of an input, as `reckon audit` says it.
[[nodiscard]] inline std::string stats_place(const stats_input& in, std::size_t offset,
                                             const std::string& reason) {
    const auto lc = text_map(in.content).line_column(offset);
    return in.name + ":" + std::to_string(lc.first) + ":" + std::to_string(lc.second) + ": " +
           reason;
}

[[nodiscard]] inline std::string stats_place(const stats_input& in, const input_error& e) {
    if (e.source() == in.name) {
        if (e.line() != 0) {
            return in.name + ":" + std::to_string(e.line()) + ":" + std::to_string(e.column()) +
                   ": " + e.reason();
        }
        return stats_place(in, e.offset(), e.reason());
    }
    return in.name + ": " + e.what();
}

[[nodiscard]] inline bool stats_is_toml(std::string_view name) {
    if (name.size() < 5) {
        return false;
    }
    std::string ext(name.substr(name.size() - 5));
    for (char& c : ext) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return ext == ".toml";
}

// A double for people, to `places` decimals, never in the user's locale.
[[nodiscard]] inline std::string fixed(double x, int places) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << std::fixed << std::setprecision(places) << x;
    std::string out = s.str();
    if (out.size() > 1 && out[0] == '-' && out.find_first_not_of("0.", 1) == std::string::npos) {
        out.erase(0, 1); // "-0.000"
    }
    return out;
}

// A double for JSON: rounded to 6 significant digits, so that the output does not depend on
// the last bits of an approximation.
[[nodiscard]] inline double json_approx(double x) {
    if (x == 0 || !std::isfinite(x)) {
        return x;
    }
    const int e = static_cast<int>(std::floor(std::log10(std::fabs(x))));
    const int k = 5 - e;
    if (k >= 0) {
        const double scale = std::pow(10.0, k);
        return std::round(x * scale) / scale;
    }
    const double scale = std::pow(10.0, -k);
    return std::round(x / scale) * scale;
}

// The characters (code points) of UTF-8 text: the bytes that do not continue one.
[[nodiscard]] inline std::size_t char_count(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    }
    return n;
}

// Pads `s` with spaces to `width` characters (code points) on the right, or on the left.
[[nodiscard]] inline std::string pad(const std::string& s, std::size_t width, bool right = false) {
    const std::size_t chars = char_count(s);
    if (chars >= width) {
        return s;
    }
    const std::string fill(width - chars, ' ');
    return right ? fill + s : s + fill;
}

// Lays out rows as columns separated by two spaces; `right[i]` aligns column i to the right.
[[nodiscard]] inline std::string columns(const std::vector<std::vector<std::string>>& rows,
                                         const std::vector<bool>& right,
                                         const std::string& indent = "") {
    std::vector<std::size_t> width;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::size_t chars = char_count(row[i]);
            if (i >= width.size()) {
                width.push_back(0);
            }
            width[i] = std::max(width[i], chars);
        }
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line = indent;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const bool r = i < right.size() && right[i];
            const bool last = i + 1 == row.size();
            line += last && !r ? row[i] : pad(row[i], width[i], r);
            if (!last) {
                line += "  ";
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line + "\n";
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// reckon round

/// A part to round: its label (may be empty) and exact value.
struct round_part {
    std::string label;
    rational value;
};

// A part as written: a decimal ("14.43", "1,234.5", "-0.3") or a fraction of two ("101/7").
// Returns the parse failure's byte offset and reason, or the value.
[[nodiscard]] inline std::optional<decimal::parse_failure> parse_part(std::string_view text,
                                                                      rational& out) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        decimal d;
        if (auto err = decimal::parse_into(text, d)) {
            return err;
        }
        out = d.to_rational();
        return std::nullopt;
    }
    decimal num;
    decimal den;
    if (auto err = decimal::parse_into(text.substr(0, slash), num)) {
        return err;
    }
    if (auto err = decimal::parse_into(text.substr(slash + 1), den)) {
        err->offset += slash + 1;
        return err;
    }
    if (den.is_zero()) {
        return decimal::parse_failure{slash + 1, "a fraction with a zero denominator"};
    }
    out = divide(num, den);
    return std::nullopt;
}

// The parts of a file: one a line, "number" or "label number" (the number is the last field);
// blank lines and lines beginning with # are skipped.
[[nodiscard]] inline std::vector<round_part> parts_of_file(const stats_input& in) {
    std::vector<round_part> out;
    std::size_t start = 0;
    while (start <= in.content.size()) {
        std::size_t end = in.content.find('\n', start);
        if (end == std::string::npos) {
            end = in.content.size();
        }
        std::string_view line(in.content.data() + start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        auto is_space = [](char c) { return c == ' ' || c == '\t'; };
        std::size_t b = 0;
        while (b < line.size() && is_space(line[b])) {
            ++b;
        }
        std::size_t e = line.size();
        while (e > b && is_space(line[e - 1])) {
            --e;
        }
        if (b < e && line[b] != '#') {
            std::size_t f = e;
            while (f > b && !is_space(line[f - 1])) {
                --f;
            }
            round_part p;
            if (f > b) {
                std::size_t l = f;
                while (l > b && is_space(line[l - 1])) {
                    --l;
                }
                p.label = std::string(line.substr(b, l - b));
            }
            if (auto err = parse_part(line.substr(f, e - f), p.value)) {
                throw stats_failure{
                    stats_place(in, start + f + err->offset, "not a number: " + err->reason)};
            }
            out.push_back(std::move(p));
        }
        if (end == in.content.size()) {
            break;
        }
        start = end + 1;
    }
    return out;
}

// "+0.1" / "-0.1" / "" for a move of `steps` steps at the resolution 10^exponent.
[[nodiscard]] inline std::string moved_str(int steps, int exponent) {
    if (steps == 0) {
        return {};
    }
    const decimal d(static_cast<std::int64_t>(steps), exponent);
    return (steps > 0 ? "+" : "") + d.str();
}

[[nodiscard]] inline std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

inline int run_round(const round_settings& s, std::istream& in, std::ostream& out,
                     std::ostream& err) {
    bool stdin_used = false;
    std::vector<round_part> parts;
    int exponent = 0;
    std::optional<decimal> total;
    try {
        if (s.file && !s.parts.empty()) {
            throw stats_failure{"reckon round: give the parts as arguments or with --file, "
                                "not both"};
        }
        if (!s.file && s.parts.empty()) {
            throw stats_failure{"reckon round: no parts: give them as arguments or with --file"};
        }
        if (s.resolution && s.digits) {
            throw stats_failure{"reckon round: give --resolution or --digits, not both"};
        }
        if (!s.resolution && !s.digits) {
            throw stats_failure{"reckon round: give the resolution to round to: --resolution 0.1 "
                                "or --digits 1"};
        }
        if (s.resolution) {
            decimal r;
            const auto bad = decimal::parse_into(*s.resolution, r);
            const decimal n = bad ? decimal() : r.normalized();
            if (bad || n.sign() <= 0 || n.coefficient().to_big() != 1) {
                throw stats_failure{"reckon round: --resolution " + *s.resolution +
                                    ": not a power of ten (1, 0.1, 0.01, 10 …)"};
            }
            exponent = n.exponent();
        } else {
            if (*s.digits < -18 || *s.digits > 18) {
                throw stats_failure{"reckon round: --digits " + std::to_string(*s.digits) +
                                    ": between -18 and 18"};
            }
            exponent = -*s.digits;
        }
        if (s.total) {
            decimal t;
            if (auto bad = decimal::parse_into(*s.total, t)) {
                throw stats_failure{"reckon round: --total " + *s.total +
                                    ": not a number: " + bad->reason};
            }
            if (t.round(exponent, rounding_mode::half_up) != t) {
                throw stats_failure{"reckon round: --total " + *s.total +
                                    " is not a display at the resolution " +
                                    decimal(1, exponent).str()};
            }
            total = t.round(exponent, rounding_mode::half_up);
        }
        if (s.file) {
            parts = parts_of_file(stats_load(*s.file, in, stdin_used));
            if (parts.empty()) {
                throw stats_failure{(*s.file == "-" ? std::string("<stdin>") : *s.file) +
                                    ": no parts"};
            }
        } else {
            for (std::size_t i = 0; i < s.parts.size(); ++i) {
                round_part p;
                if (auto bad = parse_part(s.parts[i], p.value)) {
                    throw stats_failure{"reckon round: part " + std::to_string(i + 1) + " (" +
                                        reckon::detail::quote_input(s.parts[i]) +
                                        "): not a number: " + bad->reason};
                }
                parts.push_back(std::move(p));
            }
        }
    } catch (const stats_failure& f) {
        err << f.message << "\n";
        return 2;
    }

    std::vector<rational> values;
    rational exact_sum = 0;
    for (const auto& p : parts) {
        values.push_back(p.value);
        exact_sum += p.value;
    }
    const decimal step(1, exponent);
    const auto reach = stats::reachable_totals(values, exponent);
    const decimal wanted =
        total ? *total : decimal::round(exact_sum, exponent, rounding_mode::half_up);
    const bool reachable = wanted >= reach.first && wanted <= reach.second;
    // The plain roundings (and, when reachable, the displays).
    stats::rounded_table table;
    if (reachable) {
        table = stats::round_to_total(values, exponent, total);
    } else {
        table = stats::round_to_total(values, exponent); // for the plain roundings only
    }
    const bool plain_adds_up = table.plain_sum == wanted;
    auto name_of = [&](std::size_t i) {
        return parts[i].label.empty() ? std::to_string(i + 1) : parts[i].label;
    };
    auto exact_of = [](const rational& v) { return reckon::detail::rational_str(v, 6); };
    const std::string how = s.plain ? "plain rounding (half up)" : "largest remainder";
    const std::string head = plural(parts.size(), "part", "parts") + " to " + step.str();

    // What is said under the table.
    std::string note;
    if (!reachable && !s.plain) {
        note = "the parts cannot be rounded to add up to " + wanted.str() +
               ": rounding each to a neighbouring step of " + step.str() + " gives totals from " +
               reach.first.str() + " to " + reach.second.str();
    } else if (s.plain) {
        note = plain_adds_up ? "the plain roundings add up to the total " + wanted.str()
                             : "the plain roundings add up to " + table.plain_sum.str() + ", not " +
                                   wanted.str() +
                                   ": the parts will not add up to the total as printed; run "
                                   "without --plain for displays that do";
    } else if (table.moved == 0) {
        note = "no part moved: the plain roundings add up to the total";
    } else {
        note = plural(table.moved, "part", "parts") + " moved off " +
               (table.moved == 1 ? "its" : "their") + " plain rounding; the plain roundings " +
               "add up to " + table.plain_sum.str() + ", not " + wanted.str();
    }
    const bool show_display = reachable && !s.plain;

    if (s.format == "json") {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        j["command"] = "round";
        j["method"] = s.plain ? "plain" : "largest_remainder";
        j["resolution"] = step.str();
        j["total"] = wanted.str();
        reckon::detail::put_exact(j, "exact_total", exact_sum);
        j["plain_total"] = table.plain_sum.str();
        j["reachable"] = reachable;
        j["reachable_totals"] =
            nlohmann::ordered_json::array({reach.first.str(), reach.second.str()});
        j["adds_up"] = s.plain ? plain_adds_up : reachable;
        if (show_display) {
            j["parts_moved"] = table.moved;
        }
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < parts.size(); ++i) {
            nlohmann::ordered_json p = nlohmann::ordered_json::object();
            p["part"] = name_of(i);
            reckon::detail::put_exact(p, "exact", parts[i].value);
            p["plain"] = table.parts[i].plain.str();
            if (show_display) {
                p["display"] = table.parts[i].display.str();
                p["moved_steps"] = table.parts[i].moved;
            }
            list.push_back(std::move(p));
        }
        j["parts"] = std::move(list);
        j["note"] = note;
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else if (s.format == "markdown") {
        using reckon::detail::md_cell;
        out << "## reckon round: " << md_cell(head) << ", " << how << "\n\n";
        out << (show_display ? "| part | exact | plain | display | moved |\n"
                               "| --- | --- | --- | --- | --- |\n"
                             : "| part | exact | plain |\n| --- | --- | --- |\n");
        for (std::size_t i = 0; i < parts.size(); ++i) {
            out << "| " << md_cell(name_of(i)) << " | " << exact_of(parts[i].value) << " | "
                << table.parts[i].plain.str();
            if (show_display) {
                out << " | " << table.parts[i].display.str() << " | "
                    << moved_str(table.parts[i].moved, exponent);
            }
            out << " |\n";
        }
        out << "| **total** | " << exact_of(exact_sum) << " | " << table.plain_sum.str();
        if (show_display) {
            out << " | " << table.total.str() << " | ";
        }
        out << " |\n\n" << note << ".\n";
    } else {
        out << "reckon round: " << head << ", " << how << "\n";
        std::vector<std::vector<std::string>> rows;
        rows.push_back(show_display
                           ? std::vector<std::string>{"part", "exact", "plain", "display", "moved"}
                           : std::vector<std::string>{"part", "exact", "plain"});
        for (std::size_t i = 0; i < parts.size(); ++i) {
            std::vector<std::string> row{name_of(i), exact_of(parts[i].value),
                                         table.parts[i].plain.str()};
            if (show_display) {
                row.push_back(table.parts[i].display.str());
                row.push_back(moved_str(table.parts[i].moved, exponent));
            }
            rows.push_back(std::move(row));
        }
        std::vector<std::string> last{"total", exact_of(exact_sum), table.plain_sum.str()};
        if (show_display) {
            last.push_back(table.total.str());
        }
        rows.push_back(std::move(last));
        out << columns(rows, {false, true, true, true, true}) << note << "\n";
    }
    return reachable || s.plain ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// reckon benford

[[nodiscard]] inline std::string_view conformity_key(stats::conformity c) noexcept {
    switch (c) {
    case stats::conformity::close: return "close";
    case stats::conformity::acceptable: return "acceptable";
    case stats::conformity::marginal: return "marginal";
    case stats::conformity::nonconformity: return "nonconformity";
    }
    return "nonconformity";
}

[[nodiscard]] inline std::string_view digits_key(stats::benford_digits d) noexcept {
    switch (d) {
    case stats::benford_digits::first: return "first";
    case stats::benford_digits::second: return "second";
    case stats::benford_digits::first_two: return "first_two";
    }
    return "first";
}

// Nigrini's ranges for a test, for the text: "close ≤ 0.006, acceptable ≤ 0.012, …".
[[nodiscard]] inline std::string ranges_of(stats::benford_digits d) {
    switch (d) {
    case stats::benford_digits::first: return "close ≤ 0.006, acceptable ≤ 0.012, marginal ≤ 0.015";
    case stats::benford_digits::second:
        return "close ≤ 0.008, acceptable ≤ 0.010, marginal ≤ 0.012";
    case stats::benford_digits::first_two:
        return "close ≤ 0.0012, acceptable ≤ 0.0018, marginal ≤ 0.0022";
    }
    return {};
}

// The figures of one file: a report file (.toml), an article, or decimals one a line.
[[nodiscard]] inline std::vector<decimal> figures_of(const stats_input& in,
                                                     const std::string& how) {
    std::vector<decimal> out;
    const bool as_report = how == "report" || (how == "auto" && stats_is_toml(in.name));
    if (how == "numbers") {
        std::size_t start = 0;
        while (start <= in.content.size()) {
            std::size_t end = in.content.find('\n', start);
            if (end == std::string::npos) {
                end = in.content.size();
            }
            std::string_view line(in.content.data() + start, end - start);
            std::size_t b = 0;
            while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) {
                ++b;
            }
            std::size_t e = line.size();
            while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r')) {
                --e;
            }
            if (b < e && line[b] != '#') {
                decimal d;
                if (auto bad = decimal::parse_into(line.substr(b, e - b), d)) {
                    throw stats_failure{
                        stats_place(in, start + b + bad->offset, "not a number: " + bad->reason)};
                }
                out.push_back(d);
            }
            if (end == in.content.size()) {
                break;
            }
            start = end + 1;
        }
        return out;
    }
    try {
        const report r =
            as_report ? parse_report_file(in.content, in.name) : read_text(in.content, in.name);
        for (const auto& f : r.figures()) {
            if (!f.implied) {
                out.push_back(f.display);
            }
        }
    } catch (const input_error& e) {
        throw stats_failure{stats_place(in, e)};
    } catch (const kind_error& e) {
        throw stats_failure{in.name + ": " + e.what()};
    }
    return out;
}

// The label of bin i of a test: "1", "0", "10".
[[nodiscard]] inline std::string bin_label(const stats::benford_result& r, std::size_t i) {
    return std::to_string(r.first_digit + i);
}

inline int run_benford(const benford_settings& s, std::istream& in, std::ostream& out,
                       std::ostream& err) {
    bool stdin_used = false;
    std::vector<decimal> figures;
    std::vector<std::string> sources;
    int status = 0;
    for (const auto& name : s.files) {
        try {
            const stats_input input = stats_load(name, in, stdin_used);
            auto fs = figures_of(input, s.input);
            figures.insert(figures.end(), fs.begin(), fs.end());
            sources.push_back(input.name);
        } catch (const stats_failure& f) {
            err << f.message << "\n";
            status = 2;
        }
    }
    if (status == 2) {
        return 2; // nothing is said about a set of figures that could not all be read
    }
    std::vector<stats::benford_digits> tests;
    if (s.test == "all" || s.test == "first") {
        tests.push_back(stats::benford_digits::first);
    }
    if (s.test == "all" || s.test == "second") {
        tests.push_back(stats::benford_digits::second);
    }
    if (s.test == "all" || s.test == "first-two") {
        tests.push_back(stats::benford_digits::first_two);
    }
    std::vector<stats::benford_result> results;
    for (auto d : tests) {
        results.push_back(stats::benford(figures, d));
        const auto& r = results.back();
        if (r.enough_data() && r.conformity == stats::conformity::nonconformity) {
            status = 1;
        }
    }
    const std::string head = plural(sources.size(), "file", "files") + ", " +
                             plural(figures.size(), "figure", "figures");
    const std::string approx_note =
        "expected proportions, chi-square, p-value and MAD are approximate (floating point); "
        "counts are exact";
    auto verdict_of = [](const stats::benford_result& r) {
        if (!r.enough_data()) {
            return "too little data (" + std::to_string(r.n) + " figures, at least " +
                   std::to_string(r.minimum_n) + " needed)";
        }
        return std::string(stats::to_string(r.conformity));
    };
    auto percent = [](double x) { return fixed(100 * x, 3) + " %"; };
    auto observed = [](const stats::benford_result& r, std::size_t i) {
        return r.n == 0 ? 0.0 : static_cast<double>(r.counts[i]) / static_cast<double>(r.n);
    };
    auto p_str = [](double p) { return p < 0.0001 ? std::string("< 0.0001") : fixed(p, 4); };

    if (s.format == "json") {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        j["command"] = "benford";
        j["sources"] = sources;
        j["figures"] = figures.size();
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& r : results) {
            nlohmann::ordered_json t = nlohmann::ordered_json::object();
            t["digits"] = std::string(digits_key(r.digits));
            t["n"] = r.n;
            t["excluded"] = r.excluded;
            t["minimum_n"] = r.minimum_n;
            t["enough_data"] = r.enough_data();
            nlohmann::ordered_json counts = nlohmann::ordered_json::object();
            nlohmann::ordered_json expected = nlohmann::ordered_json::object();
            for (std::size_t i = 0; i < r.counts.size(); ++i) {
                counts[bin_label(r, i)] = r.counts[i];
                expected[bin_label(r, i)] = json_approx(r.expected[i]);
            }
            t["counts"] = std::move(counts);
            t["expected"] = std::move(expected);
            t["chi_square"] = json_approx(r.chi_square);
            t["degrees_of_freedom"] = r.degrees_of_freedom;
            t["p_value"] = json_approx(r.p_value);
            t["mad"] = json_approx(r.mad);
            t["conformity"] =
                r.enough_data() ? nlohmann::ordered_json(std::string(conformity_key(r.conformity)))
                                : nlohmann::ordered_json(nullptr);
            t["approximate"] =
                nlohmann::ordered_json::array({"expected", "chi_square", "p_value", "mad"});
            list.push_back(std::move(t));
        }
        j["tests"] = std::move(list);
        out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
        return status;
    }

    if (s.format == "markdown") {
        using reckon::detail::md_cell;
        out << "## reckon benford: " << md_cell(head) << "\n\n";
        for (const auto& r : results) {
            out << "### " << stats::to_string(r.digits) << ": " << md_cell(verdict_of(r)) << "\n\n";
            out << "| digit | count | observed | expected |\n| --- | ---: | ---: | ---: |\n";
            for (std::size_t i = 0; i < r.counts.size(); ++i) {
                out << "| " << bin_label(r, i) << " | " << r.counts[i] << " | "
                    << percent(observed(r, i)) << " | " << percent(r.expected[i]) << " |\n";
            }
            out << "\n"
                << r.n << " figures (" << r.excluded << " left out); chi-square "
                << fixed(r.chi_square, 3) << " with " << r.degrees_of_freedom
                << " degrees of freedom, p " << p_str(r.p_value) << " (approximate); MAD "
                << fixed(r.mad, 5) << " (Nigrini: " << ranges_of(r.digits) << ").\n\n";
        }
        out << "*" << approx_note << ".*\n";
        return status;
    }

    out << "reckon benford: " << head << "\n";
    for (const auto& r : results) {
        out << stats::to_string(r.digits) << ": " << verdict_of(r) << "\n";
        std::vector<std::vector<std::string>> rows;
        rows.push_back({"digit", "count", "observed", "expected"});
        for (std::size_t i = 0; i < r.counts.size(); ++i) {
            rows.push_back({bin_label(r, i), std::to_string(r.counts[i]), percent(observed(r, i)),
                            percent(r.expected[i])});
        }
        out << columns(rows, {true, true, true, true}, "    ");
        out << "    " << r.n << " figures (" << r.excluded << " left out); chi-square "
            << fixed(r.chi_square, 3) << " with " << r.degrees_of_freedom
            << " degrees of freedom, p " << p_str(r.p_value) << " (approximate)\n";
        out << "    MAD " << fixed(r.mad, 5) << " (Nigrini: " << ranges_of(r.digits) << ")\n";
    }
    out << "note: " << approx_note << "\n";
    return status;
}

} // namespace detail

/// The subcommands `round` and `benford` and their options, registered on the tool's
/// CLI::App by `add_stats_commands`; `run_stats_commands` runs the one the command line chose.
struct stats_commands {
    CLI::App* round = nullptr;
    CLI::App* benford = nullptr;
    detail::round_settings round_options;
    detail::benford_settings benford_options;
};

/// Adds `reckon round` and `reckon benford` to the tool's command line. `s` must outlive the
/// parse (CLI11 writes the options into it).
///
///     reckon::tool::stats_commands stats;
///     reckon::tool::add_stats_commands(app, stats);
inline void add_stats_commands(CLI::App& app, stats_commands& s) {
    auto& r = s.round_options;
    s.round = app.add_subcommand(
        "round", "Round parts so that their displays add up exactly to the total (largest "
                 "remainder), saying which parts moved off their plain rounding");
    s.round->add_option("PART", r.parts,
                        "The parts, each a decimal or a fraction (101/7); or give --file");
    s.round->add_option("-f,--file", r.file,
                        "Read the parts from a file, one a line: a number, or a label and a "
                        "number; blank lines and # comments are skipped (`-` reads standard "
                        "input)");
    s.round->add_option("--resolution", r.resolution,
                        "The step to round to, a power of ten: 1, 0.1, 0.01, 10 …");
    s.round->add_option("--digits", r.digits,
                        "Digits after the point to round to (the same as --resolution 10^-N)");
    s.round->add_option("--total", r.total,
                        "The displayed total the parts must add up to (default: the exact sum, "
                        "rounded half up); exit status 1 when they cannot reach it");
    s.round->add_flag("--plain", r.plain,
                      "Show the plain rounding (half up) instead, with a note when it does not "
                      "add up to the total");
    s.round->add_option("--format", r.format, "Output: text (default), markdown or json")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    s.round->footer("Exit status: 0 the displays add up, 1 the parts cannot reach --total, 2 bad "
                    "input or command line.");

    auto& b = s.benford_options;
    s.benford = app.add_subcommand(
        "benford", "Test the figures of files against Benford's law (first, second and first "
                   "two digits; chi-square and Nigrini's MAD conformity)");
    s.benford
        ->add_option("FILE", b.files,
                     "Articles, report files (.toml) or, with --input numbers, files of numbers "
                     "one a line; their figures are tested together (`-` reads standard input)")
        ->required();
    s.benford
        ->add_option("--input", b.input,
                     "How to read the files: auto (default: .toml is a report file, anything "
                     "else an article), text, report or numbers")
        ->check(CLI::IsMember({"auto", "text", "report", "numbers"}));
    s.benford
        ->add_option("--test", b.test, "Which digits: all (default), first, second or first-two")
        ->check(CLI::IsMember({"all", "first", "second", "first-two"}));
    s.benford->add_option("--format", b.format, "Output: text (default), markdown or json")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    s.benford->footer(
        "The counts are exact; the expected proportions, chi-square, its p-value and the MAD are "
        "approximate (floating point) and never feed a consistency verdict. Below 100 figures "
        "(1000 for the first two digits) a test says it has too little data.\nExit status: 0 no "
        "nonconformity, 1 a test with enough data shows nonconformity, 2 bad input or command "
        "line.");
}

/// Runs `reckon round` or `reckon benford` if the command line chose one: its exit status;
/// nothing when another command was chosen.
///
///     if (auto status = reckon::tool::run_stats_commands(stats, in, out, err)) { return *status; }
[[nodiscard]] inline std::optional<int> run_stats_commands(const stats_commands& s,
                                                           std::istream& in, std::ostream& out,
                                                           std::ostream& err) {
    if (s.round != nullptr && s.round->parsed()) {
        return detail::run_round(s.round_options, in, out, err);
    }
    if (s.benford != nullptr && s.benford->parsed()) {
        return detail::run_benford(s.benford_options, in, out, err);
    }
    return std::nullopt;
}

} // namespace reckon::tool
