// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
//
// libFuzzer target: the whole audit of arbitrary text, as the tool runs it — read_text, audit
// (with the joint check), the text and Markdown renderings in both languages, and the JSON
// output. Nothing may throw once the text has read (an input_error for invalid UTF-8 is the
// one error allowed, at an offset inside the input); one finding per relation, in order, with
// counts that add up; a candidate or not-checkable relation is never inconsistent; the JSON
// is valid UTF-8 (the input was) and its figures, read back, are the input's bytes at their
// offsets. The first byte picks the options, the rest is the text.
//
//     ./build/fuzz/fuzz/fuzz_audit fuzz/corpus/audit -max_total_time=600 -timeout=10

#include <reckon/audit.hpp>
#include <reckon/json.hpp>
#include <reckon/output.hpp>
#include <reckon/text.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz_audit: %s %s\n", what, detail.c_str());
    std::abort();
}

void check_audit(std::string_view text, const reckon::report& r, const reckon::audit_result& a) {
    const auto& rels = r.relations();
    if (a.findings.size() != rels.size()) {
        fail("findings and relations differ in number");
    }
    const auto& s = a.summary;
    if (s.figures != r.figures().size() || s.relations != rels.size() ||
        s.exact + s.rounds + s.within_rounding + s.inconsistent + s.cannot_check != s.relations) {
        fail("the summary does not add up");
    }
    for (std::size_t i = 0; i < rels.size(); ++i) {
        const reckon::finding& f = a.findings[i];
        if (f.id != rels[i].id || f.kind != rels[i].kind) {
            fail("finding out of order", f.id);
        }
        if ((rels[i].candidate || rels[i].not_checkable) &&
            f.verdict != reckon::verdict::cannot_check) {
            fail("a candidate or not-checkable relation got a verdict", f.id);
        }
        if (f.verdict == reckon::verdict::cannot_check && f.reason.empty()) {
            fail("cannot check without a reason", f.id);
        }
        for (const auto& id : f.figures) {
            if (!id.empty() && r.find(id) == nullptr) {
                fail("a finding names an unknown figure", f.id + " " + id);
            }
        }
    }
    if (a.consistent() != (s.inconsistent == 0 && (!a.joint.checked || a.joint.feasible))) {
        fail("consistent() disagrees with the verdicts");
    }
    for (const auto& sus : a.joint.suspects) {
        for (const auto& id : sus.figures) {
            if (r.find(id) == nullptr) {
                fail("a suspect names an unknown figure", id);
            }
        }
    }

    // The JSON: valid UTF-8 (strict dump throws otherwise), and its figures read back.
    const nlohmann::ordered_json j = reckon::to_json(r, a);
    std::string dumped;
    try {
        dumped = j.dump();
    } catch (const nlohmann::json::exception& e) {
        fail("JSON output is not valid UTF-8:", e.what());
    }
    const auto back = nlohmann::json::parse(dumped);
    const auto& figs = back.at("figures");
    if (figs.size() != r.figures().size()) {
        fail("JSON figures differ in number");
    }
    for (const auto& f : figs) {
        const auto offset = f.at("offset").get<std::size_t>();
        const auto length = f.at("length").get<std::size_t>();
        const auto shown = f.at("text").get<std::string>();
        if (offset > text.size() || length > text.size() - offset ||
            text.substr(offset, length) != shown) {
            fail("a JSON figure is not the input's bytes at its offset", shown);
        }
    }
    for (const auto& k : back.at("skipped")) {
        const auto offset = k.at("offset").get<std::size_t>();
        const auto length = k.at("length").get<std::size_t>();
        if (offset > text.size() || length > text.size() - offset ||
            text.substr(offset, length) != k.at("text").get<std::string>()) {
            fail("a JSON skipped number is not the input's bytes at its offset");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::uint8_t b = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    reckon::text_options topt;
    topt.rounding = (b & 1U) != 0 ? reckon::convention::half_up : reckon::convention::unknown_tie;
    topt.trailing_zero_groups_rounded = (b & 2U) == 0;
    reckon::report r;
    try {
        r = reckon::read_text(text, "fuzz.txt", topt);
    } catch (const reckon::input_error& e) {
        if (e.offset() >= text.size()) {
            fail("input_error outside the input:", e.what());
        }
        return 0;
    } catch (const std::exception& e) {
        fail("exception other than input_error:", e.what());
    }
    try {
        reckon::audit_options aopt;
        aopt.joint = (b & 4U) == 0;
        const reckon::audit_result a = reckon::audit(r, aopt);
        check_audit(text, r, a);
        reckon::output_options o;
        o.lang = (b & 8U) != 0 ? reckon::language::zh : reckon::language::en;
        o.only_problems = (b & 16U) != 0;
        o.color = (b & 32U) != 0;
        if (reckon::render_text(r, a, o).empty() || reckon::render_markdown(r, a, o).empty()) {
            fail("empty rendering");
        }
        (void)reckon::to_jsonl(r, a);
    } catch (const std::exception& e) {
        fail("the audit of a text that read threw:", e.what());
    }
    return 0;
}
