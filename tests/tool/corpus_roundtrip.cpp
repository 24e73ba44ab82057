// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// `reckon extract` on the real reports: each draft, read back, gives the same findings, joint
// result, figures and skipped numbers as the text itself. Runs only when CMake is given
// -DRECKON_CORPUS_DIR (label `corpus`); nothing of the corpus is copied into the repository.

#ifdef RECKON_CORPUS_DIR

#include "report_file.hpp"
#include "report_writer.hpp"

#include <reckon/audit.hpp>
#include <reckon/text.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

TEST_SUITE("corpus") {

    TEST_CASE("extract: every corpus text round-trips through its draft report file") {
        namespace fs = std::filesystem;
        std::vector<fs::path> texts;
        for (const auto& e : fs::directory_iterator(RECKON_CORPUS_DIR)) {
            if (e.path().extension() == ".txt") {
                texts.push_back(e.path());
            }
        }
        std::sort(texts.begin(), texts.end());
        REQUIRE_FALSE(texts.empty());
        for (const auto& p : texts) {
            CAPTURE(p.filename().string());
            std::ifstream in(p, std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            const auto text = reckon::read_text(s.str(), p.filename().string());
            const std::string draft = reckon::tool::write_report_file(text, p.filename().string());
            reckon::report back;
            try {
                back = reckon::tool::parse_report_file(draft, "draft.toml");
            } catch (const reckon::input_error& e) {
                FAIL_CHECK("the draft does not read back: " << e.what() << "\n" << draft);
                continue;
            }
            const auto a = reckon::audit(text);
            const auto b = reckon::audit(back);
            REQUIRE(a.findings.size() == b.findings.size());
            for (std::size_t i = 0; i < a.findings.size(); ++i) {
                CAPTURE(a.findings[i].id);
                CHECK(a.findings[i].kind == b.findings[i].kind);
                CHECK(a.findings[i].figures == b.findings[i].figures);
                CHECK(a.findings[i].verdict == b.findings[i].verdict);
                CHECK(a.findings[i].expression == b.findings[i].expression);
                CHECK(a.findings[i].message == b.findings[i].message);
                CHECK(a.findings[i].reason == b.findings[i].reason);
                CHECK(a.findings[i].key == b.findings[i].key);
                CHECK(a.findings[i].label == b.findings[i].label);
            }
            CHECK(a.joint.feasible == b.joint.feasible);
            CHECK(a.joint.suspects.size() == b.joint.suspects.size());
            REQUIRE(text.figures().size() == back.figures().size());
            for (std::size_t i = 0; i < text.figures().size(); ++i) {
                const auto& f = text.figures()[i];
                const auto& g = back.figures()[i];
                CAPTURE(f.id);
                CHECK(f.id == g.id);
                CHECK(f.text == g.text);
                CHECK(f.label == g.label);
                CHECK(same_display(f.display, g.display)); // found by ADL
                CHECK(f.negated == g.negated);
                CHECK(f.unit->symbol == g.unit->symbol);
                CHECK(f.qualifier == g.qualifier);
            }
            CHECK(text.skipped().size() == back.skipped().size());
        }
    }

} // TEST_SUITE

#endif
