// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// Writes a report as a report file (docs/report-format.md): the draft that
// `reckon extract` gives an editor to check, correct and keep beside the
// article. Read back by report_file.hpp, it gives the same relations, the same
// figures (values, units, labels, qualifiers) and so the same findings.

#include "report_file.hpp"

#include <reckon/report.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::tool {

namespace detail {

/// A TOML basic string: quotes, backslashes and control characters escaped.
[[nodiscard]] inline std::string toml_string(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "\"";
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (b < 0x20U || b == 0x7FU) {
                out += "\\u00";
                out += hex[b >> 4U];
                out += hex[b & 0xFU];
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

/// A TOML key: bare when it can be, quoted otherwise.
[[nodiscard]] inline std::string toml_key(std::string_view k) {
    bool bare = !k.empty();
    for (char c : k) {
        bare = bare && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-');
    }
    return bare ? std::string(k) : toml_string(k);
}

/// The equation that report_file.hpp reads back as `r`, with figures named
/// by `name` ("" for a figure not given).
[[nodiscard]] inline std::string equation_of(const relation& r,
                                             const std::map<std::string, std::string>& names) {
    auto n = [&](std::size_t i) -> std::string {
        if (i >= r.figures.size() || r.figures[i].empty()) {
            return "?";
        }
        const auto it = names.find(r.figures[i].str());
        return it == names.end() ? r.figures[i].str() : it->second;
    };
    auto join = [&](std::size_t from, std::string_view sep) {
        std::string s;
        for (std::size_t i = from; i < r.figures.size(); ++i) {
            s += (i > from ? std::string(sep) : std::string()) + n(i);
        }
        return s;
    };
    // Parts or factors: "a + b", or sum(a) for one alone (a = b would be a conversion).
    auto list = [&](std::string_view fn, std::string_view sep) {
        return r.figures.size() == 2 ? std::string(fn) + "(" + n(1) + ")" : join(1, sep);
    };
    auto call = [&](std::string_view fn) {
        return n(0) + " = " + std::string(fn) + "(" + n(1) + ", " + n(2) + ")";
    };
    switch (r.kind) {
    case relation_kind::sum: return n(0) + (r.complete ? " = " : " >= ") + list("sum", " + ");
    case relation_kind::shares_total:
        if (r.figures.empty() || r.figures[0].empty()) {
            return list("sum", " + ") + " = 100 %";
        }
        return n(0) + " = " + list("sum", " + ");
    case relation_kind::share: return call("share");
    case relation_kind::percent_of_target: return call("percent_of_target");
    case relation_kind::growth:
        if (reckon::detail::growth_from_increment(r)) {
            return n(0) + " = " + (r.reading == times_reading::times ? "times" : "growth") + "(" +
                   n(1) + ", " + n(1) + " - " + n(3) + ")";
        }
        return call(r.reading == times_reading::times ? "times" : "growth");
    case relation_kind::points: return call("points");
    case relation_kind::average: return call("average");
    case relation_kind::ratio: return call("ratio");
    case relation_kind::product: return n(0) + " = " + list("product", " * ");
    case relation_kind::difference: return n(0) + " = " + n(1) + " - " + n(2);
    case relation_kind::conversion:
        if (r.figures.size() > 2) {
            return n(0) + " = convert(" + n(1) + ", " + (r.rate_divides ? "1 / " : "") + n(2) + ")";
        }
        return n(0) + " = convert(" + n(1) + ")";
    case relation_kind::cagr:
        return n(0) + " = cagr(" + n(1) + ", " + n(2) + ", " +
               (r.years == 0 ? std::string("?") : std::to_string(r.years)) + ")";
    case relation_kind::contribution: return call("contribution");
    case relation_kind::pull: return call("pull");
    case relation_kind::index: return call("index");
    case relation_kind::order: {
        std::string_view op = ">";
        switch (r.op) {
        case order_op::greater: op = ">"; break;
        case order_op::greater_equal: op = ">="; break;
        case order_op::less: op = "<"; break;
        case order_op::less_equal: op = "<="; break;
        }
        return n(0) + " " + std::string(op) + " " + n(1);
    }
    }
    return {};
}

} // namespace detail

/// Writes a report as a report file. `origin` names what it was read from,
/// for the comment at the top. Figures keep their ids as names when they can
/// (F1, F2 …); labels, printed text, qualifiers and roundings are kept, so the
/// file read back gives the same findings.
///
///     std::string toml = reckon::tool::write_report_file(reckon::read_text(article, "a.txt"),
///                                                        "a.txt");
[[nodiscard]] inline std::string write_report_file(const report& r, std::string_view origin) {
    using detail::toml_key;
    using detail::toml_string;
    // A number written in an equation ("= 80.6 %") became a figure named by its text; it goes
    // back into its equation. Any other figure is listed under [figures] by a usable name.
    std::map<std::string, std::size_t> uses;
    for (const auto& rel : r.relations()) {
        for (const auto& id : rel.figures) {
            ++uses[id.str()];
        }
    }
    auto is_literal = [&](const figure& f) {
        std::string base = f.signed_display().str() + f.unit->symbol;
        base.erase(std::remove(base.begin(), base.end(), ' '), base.end());
        const bool named_by_text =
            f.id == base || (f.id.size() > base.size() + 1 &&
                             f.id.compare(0, base.size(), base) == 0 && f.id[base.size()] == '#');
        // Written "100 %", a printed 100 % ("0100 %" in the file) would come back as the exact
        // 100 % that shares make, no figure at all: it is listed under [figures] instead.
        const bool reads_as_whole =
            f.display.str() == "100" && (f.unit->symbol == "%" || f.unit->symbol == "\uFF05");
        return named_by_text && !detail::valid_name(f.id) && f.label.empty() &&
               f.qualifier == qualifier::none && !f.rounding && !f.negated && !f.implied &&
               !reads_as_whole && uses[f.id] == 1;
    };
    std::map<std::string, std::string> names;
    std::vector<const figure*> listed;
    for (std::size_t i = 0; i < r.figures().size(); ++i) {
        const figure& f = r.figures()[i];
        if (is_literal(f)) {
            names[f.id] = f.signed_display().str() +
                          (f.unit->symbol.empty() ? std::string() : " " + f.unit->symbol);
            continue;
        }
        std::string name = detail::valid_name(f.id) ? f.id : "f" + std::to_string(i + 1);
        while (r.find(name) != nullptr && name != f.id) {
            name += "_";
        }
        names[f.id] = name;
        listed.push_back(&f);
    }

    std::string out;
    out += "# A draft report file written by `reckon extract`";
    if (!origin.empty()) {
        out += " from " + std::string(origin);
    }
    out += ".\n# Check each figure and relation against the text, then run `reckon audit` on it.\n";
    out += "# The format is described in docs/report-format.md.\n";
    out += "rounding = " + toml_string(detail::rounding_file_name(r.rounding())) + "\n";
    if (!r.skipped().empty()) {
        out += "# Numbers in the text that are not figures of the report.\nskipped = [\n";
        for (const auto& s : r.skipped()) {
            out += "  { text = " + toml_string(s.text);
            if (!s.reason.empty()) {
                out += ", reason = " + toml_string(s.reason);
            }
            out += " },\n";
        }
        out += "]\n";
    }

    out += "\n[figures]\n";
    for (const figure* fp : listed) {
        const figure& f = *fp;
        std::string fields =
            "value = " + toml_string(f.display.str()) + ", unit = " + toml_string(f.unit->symbol);
        if (!f.label.empty()) {
            fields += ", label = " + toml_string(f.label);
        }
        if (!f.text.empty() && f.text != f.display.str() + f.unit->symbol) {
            fields += ", text = " + toml_string(f.text);
        }
        if (f.display.exponent() > 0) {
            // "35,000" rounded to thousands: the digits alone do not show it.
            fields += ", resolution = " + toml_string(f.display.resolution().str());
        }
        if (f.qualifier != qualifier::none) {
            fields += ", qualifier = " + toml_string(detail::qualifier_file_name(f.qualifier));
        }
        if (f.rounding) {
            fields += ", rounding = " + toml_string(detail::rounding_file_name(*f.rounding));
        }
        if (f.negated) {
            fields += ", negated = true";
        }
        if (f.implied) {
            fields += ", implied = true";
        }
        out += toml_key(names[f.id]) + " = { " + fields + " }\n";
    }

    if (!r.relations().empty()) {
        out += "\n[relations]\ncheck = [\n";
        // Read back, a relation's `?` count is judged over whole numbers when a
        // partner is a count; say so only where the report differs from that.
        report probe(r.source(), r.rounding());
        for (const auto& f : r.figures()) {
            probe.add(f);
        }
        auto misfit = [&](const relation& rel) {
            std::vector<const unit*> units;
            std::vector<std::string> shown;
            for (const auto& id : rel.figures) {
                const figure* f = id.empty() ? nullptr : r.find(id);
                units.push_back(f != nullptr ? &*f->unit : nullptr);
                shown.push_back(id.str());
            }
            return detail::find_kind_misfit(rel, units, shown).has_value();
        };
        for (const auto& rel : r.relations()) {
            const std::string eq = detail::equation_of(rel, names);
            std::string extra;
            if (!rel.label.empty() && rel.label != eq) {
                extra += ", label = " + toml_string(rel.label);
            }
            if (!rel.candidate && !rel.not_checkable && misfit(rel)) {
                // The text put figures of different kinds together: the audit says *cannot
                // check*, as it does for the text, instead of rejecting the file.
                extra += ", mixed-kinds = true";
            }
            if (rel.as_written) {
                extra += ", as-written = true";
            }
            if (rel.whole_numbers != detail::infer_whole_numbers(rel, probe)) {
                extra += rel.whole_numbers ? ", whole-numbers = true" : ", whole-numbers = false";
            }
            if (rel.not_checkable) {
                extra += ", not-checkable = " + toml_string(*rel.not_checkable);
            }
            if (rel.candidate) {
                extra += ", candidate = " + toml_string(*rel.candidate);
            }
            if (extra.empty()) {
                out += "  " + toml_string(eq) + ",\n";
            } else {
                out += "  { equation = " + toml_string(eq) + extra + " },\n";
            }
        }
        out += "]\n";
    }
    return out;
}

} // namespace reckon::tool
