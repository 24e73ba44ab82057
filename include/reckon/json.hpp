// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The machine-readable output (DESIGN.md, "The tool's machine-readable output"): one JSON
// object per audit, a stable contract for scripts. Optional: needs nlohmann_json (3.9 or later,
// for ordered_json); link nlohmann_json::nlohmann_json when you include it.

#include <reckon/audit.hpp>
#include <reckon/output.hpp>
#include <reckon/report.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace reckon {

namespace detail {

/// An exact value member of a finding: `name` is a decimal string (exact
/// when the value terminates, else rounded half even to 12 places) and, when
/// it does not terminate, `name_exact` holds the fraction "num/den".
inline void put_exact(nlohmann::ordered_json& j, const std::string& name, const rational& v) {
    j[name] = decimal_str(v, 12);
    if (!terminates(v)) {
        j[name + "_exact"] = v.str();
    }
}

/// An interval as {"lower", "lower_open", "upper", "upper_open"}, each end a
/// decimal string as in `put_exact` (null when infinite).
[[nodiscard]] inline nlohmann::ordered_json interval_json(const interval& i) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    auto end = [&](const char* name, const bound& b) {
        if (b.infinite) {
            j[name] = nullptr;
        } else {
            put_exact(j, name, b.value);
        }
        j[std::string(name) + "_open"] = b.open;
    };
    end("lower", i.lower());
    end("upper", i.upper());
    return j;
}

[[nodiscard]] inline nlohmann::ordered_json figure_json(const figure& f) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["id"] = f.id;
    j["text"] = f.text;
    j["display"] = f.display.str();
    j["value"] = exact_str(f.value());
    j["kind"] = std::string(to_string(f.unit->kind));
    j["unit"] = f.unit->symbol;
    if (f.unit->kind == kind::money && !f.unit->dimension.empty()) {
        j["currency"] = f.unit->dimension;
    } else {
        j["currency"] = nullptr;
    }
    j["resolution"] = exact_str(f.resolution());
    if (f.qualifier == qualifier::none) {
        j["qualifier"] = nullptr;
    } else {
        j["qualifier"] = std::string(qualifier_name(f.qualifier));
    }
    j["label"] = f.label;
    if (f.place && !f.implied) {
        j["offset"] = f.place->offset;
        j["length"] = f.place->length;
    } else {
        j["offset"] = nullptr;
        j["length"] = nullptr;
    }
    j["implied"] = f.implied;
    return j;
}

[[nodiscard]] inline nlohmann::ordered_json finding_json(const finding& f) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["id"] = f.id;
    j["key"] = f.key;
    j["relation"] = std::string(to_string(f.kind));
    j["expression"] = f.expression;
    nlohmann::ordered_json ids = nlohmann::ordered_json::array();
    for (const auto& id : f.figures) {
        if (id.empty()) {
            ids.push_back(nullptr); // a figure the text does not give
        } else {
            ids.push_back(id);
        }
    }
    j["figures"] = std::move(ids);
    j["verdict"] = std::string(to_string(f.verdict));
    if (f.computed) {
        put_exact(j, "computed", *f.computed);
    } else {
        j["computed"] = nullptr;
    }
    put_exact(j, "tolerance", f.tolerance);
    put_exact(j, "miss", f.miss);
    if (f.miss_steps) {
        put_exact(j, "miss_steps", *f.miss_steps);
    } else {
        j["miss_steps"] = nullptr;
    }
    j["tie_only"] = f.tie_only;
    j["message"] = f.message;
    if (!f.reason.empty()) {
        j["reason"] = f.reason;
    }
    if (f.implied) {
        j["implied"] = interval_json(*f.implied);
    }
    return j;
}

[[nodiscard]] inline nlohmann::ordered_json joint_json(const joint_result& r) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["feasible"] = r.feasible;
    nlohmann::ordered_json suspects = nlohmann::ordered_json::array();
    for (const auto& s : r.suspects) {
        nlohmann::ordered_json one = nlohmann::ordered_json::object();
        one["figures"] = s.figures;
        nlohmann::ordered_json displays = nlohmann::ordered_json::object();
        for (const auto& d : s.consistent_displays) {
            displays[d.first] = d.second;
        }
        one["consistent_displays"] = std::move(displays);
        if (s.hint.empty()) {
            one["hint"] = nullptr;
        } else {
            one["hint"] = s.hint;
        }
        one["weight"] = s.weight;
        one["group"] = s.group;
        one["at_tie"] = s.at_tie;
        nlohmann::ordered_json details = nlohmann::ordered_json::array();
        for (const auto& d : s.details) {
            nlohmann::ordered_json each = nlohmann::ordered_json::object();
            each["id"] = d.id;
            each["suggested"] = d.suggested;
            if (d.typo.empty()) {
                each["typo"] = nullptr;
                each["typo_kind"] = nullptr;
            } else {
                each["typo"] = d.typo;
                each["typo_kind"] = d.typo_kind;
            }
            put_exact(each, "steps", d.steps);
            each["range"] = interval_json(d.range);
            details.push_back(std::move(each));
        }
        one["details"] = std::move(details);
        suspects.push_back(std::move(one));
    }
    j["suspects"] = std::move(suspects);
    j["checked"] = r.checked;
    j["left_out"] = r.left_out;
    j["tie_only"] = r.tie_only;
    nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
    for (const auto& l : r.left_out_reasons) {
        reasons.push_back(nlohmann::ordered_json{{"id", l.id}, {"reason", l.reason}});
    }
    j["left_out_reasons"] = std::move(reasons);
    return j;
}

} // namespace detail

/// The audit of a report as the JSON contract of DESIGN.md: `source`,
/// `figures`, `findings`, `joint`, `summary` and `skipped`, keys in that
/// order. Exact values are strings, never JSON numbers: a figure's `value`
/// and `resolution` in base units ("14820000000"; the fraction "2000/3" when
/// the value is not a terminating decimal, as for 亩); a finding's
/// `computed`, `tolerance`, `miss`, `miss_steps` as decimal strings, rounded
/// to 12 places when they do not terminate, with the exact fraction beside
/// them in `computed_exact` (and `tolerance_exact` …). A finding's `figures`
/// holds null for a figure the text does not give; `reason` and `implied`
/// (the interval the other figures imply for it) appear when present.
/// `joint` has DESIGN.md's `feasible` and `suspects` (each with `figures`,
/// `consistent_displays` and a typo `hint` or null) and, beyond them,
/// `checked`, `left_out` (relation ids), `tie_only`, `left_out_reasons`
/// ([{"id", "reason"}]) and per suspect its `weight`, `group`, `at_tie` and
/// `details`: per figure the `suggested` display, the `typo` and `typo_kind`
/// that explain it (or null), its distance in last-digit `steps` and the
/// `range` of true values that would make the report consistent.
///
///     auto j = reckon::to_json(r, reckon::audit(r));
///     j["figures"][1]["value"];          // "14820000000"
///     j["findings"][1]["verdict"];       // "exact"
///     std::cout << j.dump() << '\n';     // one line: JSON Lines
[[nodiscard]] inline nlohmann::ordered_json to_json(const report& r, const audit_result& result) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["source"] = result.source.empty() ? r.source() : result.source;
    nlohmann::ordered_json figures = nlohmann::ordered_json::array();
    for (const auto& f : r.figures()) {
        figures.push_back(detail::figure_json(f));
    }
    j["figures"] = std::move(figures);
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const auto& f : result.findings) {
        findings.push_back(detail::finding_json(f));
    }
    j["findings"] = std::move(findings);
    j["joint"] = detail::joint_json(result.joint);
    const audit_summary& s = result.summary;
    j["summary"] = {{"figures", s.figures},
                    {"relations", s.relations},
                    {"exact", s.exact},
                    {"rounds", s.rounds},
                    {"within_rounding", s.within_rounding},
                    {"inconsistent", s.inconsistent},
                    {"cannot_check", s.cannot_check}};
    nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
    for (const auto& k : r.skipped()) {
        skipped.push_back({{"text", k.text},
                           {"offset", k.place.offset},
                           {"length", k.place.length},
                           {"reason", k.reason}});
    }
    j["skipped"] = std::move(skipped);
    return j;
}

/// The same object on one line, for JSON Lines (one audit per line). Bytes
/// that are not valid UTF-8 in a label or text become U+FFFD rather than
/// an exception.
///
///     std::cout << reckon::to_jsonl(r, reckon::audit(r)) << '\n';
[[nodiscard]] inline std::string to_jsonl(const report& r, const audit_result& result) {
    return to_json(r, result).dump(-1, ' ', false,
                                   nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace reckon
