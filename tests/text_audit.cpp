// SPDX-License-Identifier: MIT
// Auditing a long text section by section (include/reckon/text_audit.hpp): the sections cover
// the text, each is read and audited as read_text and audit would, figures keep their places
// in the whole text and ids run on. Every sentence here is written for these tests.

#include <reckon/text_audit.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace {

using reckon::verdict;

// What a test keeps of a finding: enough to compare a streamed audit with a whole one.
struct seen_finding {
    std::string relation;
    std::vector<std::string> figures;
    verdict v;

    bool operator==(const seen_finding& o) const {
        return relation == o.relation && figures == o.figures && v == o.v;
    }
};

struct seen_figure {
    std::string id;
    std::string text;
    std::size_t offset;

    bool operator==(const seen_figure& o) const {
        return id == o.id && text == o.text && offset == o.offset;
    }
};

struct seen {
    std::vector<reckon::text_section> sections;
    std::vector<seen_finding> findings;
    std::vector<seen_figure> figures;
    std::vector<std::size_t> skipped_offsets;
    std::vector<std::size_t> groups; // suspect groups, in order

    void take(const reckon::report& r, const reckon::audit_result& a) {
        for (const auto& f : a.findings) {
            findings.push_back({f.id, {f.figures.begin(), f.figures.end()}, f.verdict});
        }
        for (const auto& f : r.figures()) {
            figures.push_back({f.id, f.text, f.place ? f.place->offset : 0});
        }
        for (const auto& k : r.skipped()) {
            skipped_offsets.push_back(k.place.offset);
        }
        for (const auto& s : a.joint.suspects) {
            groups.push_back(s.group);
        }
    }
};

seen whole(std::string_view text) {
    const reckon::report r = reckon::read_text(text, "t");
    seen out;
    out.take(r, reckon::audit(r));
    return out;
}

seen streamed(std::string_view text, std::size_t section_bytes,
              reckon::text_audit_summary* summary = nullptr, unsigned threads = 1) {
    seen out;
    reckon::text_audit_options o;
    o.section_bytes = section_bytes;
    o.threads = threads;
    const reckon::text_audit_summary s = reckon::audit_text(
        text, "t",
        [&](const reckon::text_section& sec, const reckon::report& r,
            const reckon::audit_result& a) {
            out.sections.push_back(sec);
            out.take(r, a);
        },
        o);
    if (summary != nullptr) {
        *summary = s;
    }
    return out;
}

// Paragraphs that each stand alone, separated by blank lines: the parts of 80 亿元 exceed it.
const std::string paragraphs[] = {
    "2023年全年到位资金148.2亿元，其中续建项目119.4亿元，新建项目28.8亿元。\n\n",
    "全市共有医院75家，卫生院9家，合计84家。\n\n",
    "本季度出口总额80亿元，其中机电产品50亿元，农产品40亿元。\n\n",
    "全年粮食产量120万吨，比上年增长20%，上年为100万吨。\n\n",
};

std::string article(std::size_t copies) {
    std::string t;
    for (std::size_t i = 0; i < copies; ++i) {
        for (const auto& p : paragraphs) {
            t += p;
        }
    }
    return t;
}

} // namespace

TEST_SUITE("text audit") {
    TEST_CASE("audit_text: a text of one section is read and audited as read_text and audit do") {
        const std::string t = article(1);
        reckon::text_audit_summary s;
        const seen a = streamed(t, t.size(), &s);
        const seen b = whole(t);
        REQUIRE(a.sections.size() == 1);
        CHECK(a.sections[0].begin == 0);
        CHECK(a.sections[0].end == t.size());
        CHECK(a.figures == b.figures);
        CHECK(a.findings == b.findings);
        CHECK(a.skipped_offsets == b.skipped_offsets);
        CHECK(s.sections == 1);
        CHECK(s.summary.relations == b.findings.size());
        CHECK(s.summary.inconsistent == 1); // 80 < 50 + 40
        CHECK_FALSE(s.consistent());
        CHECK(s.joint_checked);
        CHECK_FALSE(s.joint_feasible);
    }

    TEST_CASE("audit_text: sections cut at blank lines give the whole text's findings") {
        const std::string t = article(6);
        const seen b = whole(t);
        reckon::text_audit_summary s;
        const seen a = streamed(t, 300, &s);
        CHECK(a.sections.size() > 4);
        // The sections cover the text in order, each cut just after a blank line.
        std::size_t at = 0;
        std::size_t line = 1;
        for (std::size_t i = 0; i < a.sections.size(); ++i) {
            const auto& sec = a.sections[i];
            CHECK(sec.index == i);
            CHECK(sec.begin == at);
            CHECK(sec.line == line);
            CHECK(sec.end > sec.begin);
            if (sec.end < t.size()) {
                CHECK(t.compare(sec.end - 2, 2, "\n\n") == 0);
            }
            for (std::size_t k = sec.begin; k < sec.end; ++k) {
                line += t[k] == '\n' ? 1U : 0U;
            }
            at = sec.end;
        }
        CHECK(at == t.size());
        // Figures keep their places in the whole text and ids run on: F1 … Fn, R1 … Rm.
        CHECK(a.figures == b.figures);
        for (const auto& f : a.figures) {
            CHECK(t.compare(f.offset, f.text.size(), f.text) == 0);
        }
        CHECK(a.findings == b.findings);
        REQUIRE(a.findings.size() == b.findings.size());
        CHECK(a.findings.back().relation == "R" + std::to_string(a.findings.size()));
        CHECK(a.skipped_offsets == b.skipped_offsets);
        CHECK(s.summary.figures == b.figures.size());
        CHECK(s.summary.relations == b.findings.size());
        CHECK(s.summary.inconsistent == 6);
        CHECK(s.skipped == b.skipped_offsets.size());
        // One part cannot hold in each copy; suspects are grouped 1 … 6 across sections as the
        // whole audit groups them.
        CHECK(s.infeasible_parts == 6);
        CHECK(a.groups == b.groups);
        REQUIRE_FALSE(a.groups.empty());
        CHECK(a.groups.back() == 6);
    }

    TEST_CASE("audit_text: on several threads, the same calls in the same order") {
        const std::string t = article(9);
        reckon::text_audit_summary one;
        const seen a = streamed(t, 200, &one);
        for (const unsigned threads : {2U, 3U, 8U}) {
            CAPTURE(threads);
            reckon::text_audit_summary many;
            const seen b = streamed(t, 200, &many, threads);
            REQUIRE(b.sections.size() == a.sections.size());
            for (std::size_t i = 0; i < a.sections.size(); ++i) {
                CHECK(b.sections[i].index == i);
                CHECK(b.sections[i].begin == a.sections[i].begin);
                CHECK(b.sections[i].end == a.sections[i].end);
                CHECK(b.sections[i].line == a.sections[i].line);
            }
            CHECK(b.figures == a.figures);
            CHECK(b.findings == a.findings);
            CHECK(b.skipped_offsets == a.skipped_offsets);
            CHECK(b.groups == a.groups);
            CHECK(many.summary.relations == one.summary.relations);
            CHECK(many.summary.inconsistent == 9);
            CHECK(many.infeasible_parts == 9);
        }
    }

    TEST_CASE("audit_text: an empty text is one empty section") {
        std::size_t calls = 0;
        const auto s =
            reckon::audit_text("", "empty",
                               [&](const reckon::text_section& sec, const reckon::report& r,
                                   const reckon::audit_result&) {
                                   ++calls;
                                   CHECK(sec.end == 0);
                                   CHECK(r.figures().empty());
                               });
        CHECK(calls == 1);
        CHECK(s.sections == 1);
        CHECK(s.summary.figures == 0);
        CHECK(s.consistent());
        CHECK(s.source == "empty");
    }

    TEST_CASE("audit_text: bad UTF-8 in a later section is placed in the whole text") {
        std::string t = article(3);
        const std::size_t bad = t.rfind("全市"); // a character boundary in the last copy
        t.insert(bad, "\xFF");
        std::size_t line = 1;
        for (std::size_t i = 0; i < bad; ++i) {
            line += t[i] == '\n' ? 1U : 0U;
        }
        for (const unsigned threads : {1U, 4U}) {
            CAPTURE(threads);
            std::size_t sections = 0;
            reckon::text_audit_options o;
            o.section_bytes = 200;
            o.threads = threads;
            try {
                (void)reckon::audit_text(
                    t, "long.txt",
                    [&](const reckon::text_section&, const reckon::report&,
                        const reckon::audit_result&) { ++sections; },
                    o);
                FAIL("no error");
            } catch (const reckon::input_error& e) {
                CHECK(e.source() == "long.txt");
                CHECK(e.offset() == bad);
                CHECK(e.line() == line);
                CHECK(e.column() == 1); // the copy starts a line
            }
            CHECK(sections > 1); // those before it were handed over
        }
    }

    TEST_CASE("section_end: lines, full stops and spaces, never inside a number") {
        using reckon::detail::section_end;
        // A blank line soon after the target wins over an earlier line break.
        const std::string lines = "aaaa\nbbbb\ncccc\n\ndddd";
        CHECK(section_end(lines, 0, 8) == 16);
        CHECK(section_end(lines, 0, 100) == lines.size());
        // Without a blank line in reach: the next line break.
        CHECK(section_end("aaaa\nbbbb\ncccc\ndddd", 0, 6) == 10);
        // One long line: after a full stop (。 is three bytes) or a space.
        const std::string zh = "一二三四五。六七八九十。";
        CHECK(section_end(zh, 0, 6) == 18);
        CHECK(section_end("12345 678 9", 0, 2) == 6);
        // No stop at all: past the run of digits, at a character boundary.
        const std::string run = "一123456789二三";
        const std::size_t cut = section_end(run, 0, 1);
        CHECK(cut == 15); // after 一123456789二: the digits stay together
        CHECK(section_end(run, 15, 1) == run.size());
    }

    TEST_CASE("audit_text: a long line cut after a full stop loses no figure") {
        std::string t;
        for (int i = 0; i < 40; ++i) {
            t += "全年到位资金148.2亿元，其中续建项目119.4亿元，新建项目28.8亿元。";
        }
        reckon::text_audit_summary s;
        const seen a = streamed(t, 100, &s);
        CHECK(a.sections.size() >= 10);
        CHECK(a.figures.size() == 120);
        CHECK(s.summary.relations == 40);
        CHECK(s.summary.exact == 40);
        for (std::size_t i = 0; i < a.figures.size(); ++i) {
            CHECK(a.figures[i].id == "F" + std::to_string(i + 1));
            CHECK(t.compare(a.figures[i].offset, a.figures[i].text.size(), a.figures[i].text) == 0);
        }
    }
}
