// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
//
// libFuzzer target: the tool's report-file parser (tools/reckon/report_file.hpp: TOML read by
// toml++, equations by equation.hpp) on arbitrary bytes. Any input either reads or fails with
// an input_error whose offset lies inside the input (or at its end) and whose line and column
// agree with that offset. What reads is audited and rendered without an exception; every
// figure's place lies inside the input; and the report written back as a report file
// (report_writer.hpp, what `reckon extract` does) reads again with the same figures and
// relations and the same verdicts. toml++ 3.3.0 has undefined behaviour on some characters
// outside quotes (see toml_outside_ascii in report_file.hpp, which refuses them first): nothing is
// skipped here, so the fuzzer keeps that guard honest.
//
//     ./build/fuzz/fuzz/fuzz_report_file fuzz/corpus/report_file -max_total_time=600 -timeout=10

#include "../tools/reckon/report_file.hpp"
#include "../tools/reckon/report_writer.hpp"

#include <reckon/audit.hpp>
#include <reckon/json.hpp>
#include <reckon/output.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail = {}) {
    std::fprintf(stderr, "fuzz_report_file: %s %s\n", what, detail.c_str());
    std::abort();
}

// The 1-based line of a byte offset.
std::size_t line_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        line += text[i] == '\n' ? 1 : 0;
    }
    return line;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    reckon::report r;
    try {
        r = reckon::tool::parse_report_file(text, "fuzz.toml");
    } catch (const reckon::input_error& e) {
        if (e.offset() > text.size() || e.reason().empty() || e.source() != "fuzz.toml") {
            fail("bad input_error:", e.what());
        }
        if (e.line() != line_of(text, e.offset()) || e.column() == 0) {
            fail("line and column disagree with the offset:",
                 std::string(e.what()) + " (offset " + std::to_string(e.offset()) + ")");
        }
        return 0;
    } catch (const std::exception& e) {
        fail("exception other than input_error:", e.what());
    }
    for (const auto& f : r.figures()) {
        if (f.place &&
            (f.place->offset > text.size() || f.place->length > text.size() - f.place->offset)) {
            fail("a figure's place lies outside the input", f.id);
        }
    }
    for (const auto& k : r.skipped()) {
        if (k.place.offset > text.size() || k.place.length > text.size() - k.place.offset) {
            fail("a skipped number's place lies outside the input", k.text);
        }
    }
    reckon::audit_result a;
    try {
        a = reckon::audit(r);
        (void)reckon::render_text(r, a);
        (void)reckon::render_markdown(r, a, reckon::output_options{reckon::language::zh});
        (void)reckon::to_jsonl(r, a);
    } catch (const std::exception& e) {
        fail("the audit of a report file that read threw:", e.what());
    }

    // Written back (reckon extract) and read again: the same report.
    const std::string draft = reckon::tool::write_report_file(r, "fuzz.toml");
    reckon::report back;
    try {
        back = reckon::tool::parse_report_file(draft, "draft.toml");
    } catch (const std::exception& e) {
        fail("the report written back does not read:", std::string(e.what()) + "\n" + draft);
    }
    if (back.figures().size() != r.figures().size() ||
        back.relations().size() != r.relations().size()) {
        fail("the report written back differs in figures or relations:", draft);
    }
    try {
        const reckon::audit_result b = reckon::audit(back);
        for (std::size_t i = 0; i < a.findings.size(); ++i) {
            if (a.findings[i].verdict != b.findings[i].verdict) {
                fail("a verdict changed when written back:", a.findings[i].id + "\n" + draft);
            }
        }
    } catch (const std::exception& e) {
        fail("the audit of the report written back threw:", e.what());
    }
    return 0;
}
