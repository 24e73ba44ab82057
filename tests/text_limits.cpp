// SPDX-License-Identifier: MIT
// The text reader and the joint check on long and hostile input (issue 8): the figure limit, the
// cap on one list of parts, the cap on the terms of one relation in the joint check, and the
// joint check's shortcut for a part that is one linear row (the same answer as the simplex).
// Every sentence here is written for these tests; none is taken from the corpus.

#include "support/generators.hpp"

#include <reckon/audit.hpp>
#include <reckon/joint.hpp>
#include <reckon/text.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using reckon_test::lcg;
using reckon_test::repeat;

} // namespace

TEST_SUITE("text limits") {

    TEST_CASE("text: reading stops at max_figures with the input and the byte offset") {
        // "1 " is a figure every two bytes: the figure past the limit starts at byte 2000000.
        const std::string text = repeat("1 ", reckon::max_figures + 1);
        try {
            (void)reckon::read_text(text, "ones.txt");
            FAIL("no input_error");
        } catch (const reckon::input_error& e) {
            CHECK(std::string(e.what()) ==
                  "ones.txt: byte 2000000: more than 1000000 figures in one report");
            CHECK(e.offset() == 2000000);
            CHECK(e.source() == "ones.txt");
        }
        // At the limit itself, every figure is read.
        const reckon::report r = reckon::read_text(repeat("1 ", 1000), "ones.txt");
        CHECK(r.figures().size() == 1000);
    }

    TEST_CASE("text: one list of parts ends at max_list figures, partial, nothing lost") {
        const std::size_t parts = 300;
        const std::string text = "总额" + std::to_string(parts) + "亿元，其中" +
                                 repeat("甲1亿元，", parts) + "乙0亿元。";
        const reckon::report r = reckon::read_text(text, "parts.txt");
        REQUIRE(r.figures().size() == parts + 2); // the total, the parts, 乙: all figures
        const reckon::relation* sum = nullptr;
        for (const auto& rel : r.relations()) {
            if (rel.kind == reckon::relation_kind::sum && rel.figures.front() == "F1") {
                sum = &rel;
            }
        }
        REQUIRE(sum != nullptr);
        CHECK(sum->figures.size() == 1 + reckon::detail::relation_builder::max_list);
        CHECK_FALSE(sum->complete); // the rest of the list is not in it: Σ parts ≤ whole
        CHECK(sum->figures[1] == "F2");
        CHECK(sum->figures.back() == "F257");
        const reckon::audit_result a = reckon::audit(r);
        CHECK(a.summary.inconsistent == 0);
        CHECK(a.joint.feasible);
    }

    TEST_CASE("text: a rate word far back in a long clause still makes a rate") {
        // 增速 then 3000 spaces and 5 %: the clause is searched once for the whole text.
        const std::string text =
            "全市工业增加值1000亿元，增速" + std::string(3000, ' ') + "为5%，比上年增加50亿元。";
        const std::string near = "全市工业增加值1000亿元，增速为5%，比上年增加50亿元。";
        const reckon::report far_r = reckon::read_text(text, "far.txt");
        const reckon::report near_r = reckon::read_text(near, "near.txt");
        REQUIRE(far_r.figures().size() == near_r.figures().size());
        REQUIRE(far_r.relations().size() == near_r.relations().size());
        for (std::size_t i = 0; i < far_r.relations().size(); ++i) {
            CHECK(far_r.relations()[i].kind == near_r.relations()[i].kind);
            CHECK(far_r.relations()[i].figures == near_r.relations()[i].figures);
        }
    }

    TEST_CASE("joint: a relation of more than max_terms figures is left out, with the reason") {
        reckon::report r{"terms"};
        r.add("T", "10", "亿元", "total");
        std::vector<std::string> parts;
        for (int i = 0; i < 5; ++i) {
            parts.push_back("P" + std::to_string(i));
            r.add(parts.back(), "2", "亿元", "part");
        }
        r.sum("T", parts);
        reckon::joint_options o;
        o.max_terms = 5;
        const reckon::joint_result j = reckon::check_jointly(r, o);
        REQUIRE(j.left_out_reasons.size() == 1);
        CHECK(j.left_out_reasons[0].id == "R1");
        CHECK(j.left_out_reasons[0].reason ==
              "more than 5 figures in one relation (joint_options::max_terms); checked alone only");
        CHECK(j.parts == 0);
        o.max_terms = 6;
        CHECK(reckon::check_jointly(r, o).left_out.empty());
    }

    TEST_CASE("joint: one linear row is decided as the simplex decides it") {
        // Random sums and differences of rounded figures, some at a rounding tie, some half up,
        // some with a qualifier: the interval shortcut and the simplex agree on every one.
        constexpr std::uint64_t seed = 20261128;
        MESSAGE("seed " << seed);
        lcg g(seed);
        const reckon::convention conventions[] = {
            reckon::convention::unknown_tie, reckon::convention::half_up,
            reckon::convention::half_even, reckon::convention::truncated,
            reckon::convention::exact};
        const reckon::qualifier qualifiers[] = {reckon::qualifier::none, reckon::qualifier::about,
                                                reckon::qualifier::more_than,
                                                reckon::qualifier::at_most};
        std::size_t decided = 0;
        std::size_t holds = 0;
        for (int t = 0; t < 400; ++t) {
            reckon::report r{"row", conventions[g.next(0, 4)]};
            const std::int64_t k = g.next(2, 4);
            std::int64_t total = 0;
            std::vector<std::string> parts;
            for (std::int64_t i = 0; i < k; ++i) {
                const std::int64_t v = g.next(-20, 60);
                total += v;
                parts.push_back("P" + std::to_string(i));
                reckon::figure f =
                    reckon::figure::parse(parts.back(), std::to_string(v) + ".5", "亿元", "part");
                if (g.next(0, 3) == 0) {
                    f.display = reckon::decimal(v);
                }
                if (g.next(0, 5) == 0) {
                    f.qualifier = qualifiers[g.next(0, 3)];
                }
                r.add(std::move(f));
            }
            // The total: right, at a tie of the parts' rounding, or off by a little.
            const std::int64_t off = g.next(-3, 3);
            reckon::figure whole = reckon::figure::parse(
                "T", std::to_string(total + k / 2 + off) + (g.next(0, 1) == 0 ? "" : ".0"), "亿元",
                "total");
            r.add(std::move(whole));
            reckon::relation& rel = r.sum("T", parts);
            rel.complete = g.next(0, 3) != 0;
            reckon::audit_options no_joint;
            no_joint.joint = false;
            const auto findings = reckon::audit(r, no_joint).findings;
            const auto model = reckon::detail::build_joint_model(r, findings);
            for (const auto& comp : model.components) {
                reckon::detail::joint_lp lp(comp, reckon::detail::joint_mode::open);
                const bool simplex = lp.feasible();
                const bool shortcut = reckon::detail::one_row_holds(comp);
                // The shortcut says "holds" only when the simplex does, and for a row of distinct
                // figures it says so whenever the simplex does.
                CHECK(shortcut == simplex);
                // The same on the figures' witness values, before any variable is made.
                std::vector<reckon::detail::witness_var> w;
                for (const auto& v : comp.vars) {
                    w.push_back(reckon::detail::make_witness_var(r, v.figure));
                }
                CHECK(reckon::detail::one_row_holds(comp, w) == simplex);
                ++decided;
                holds += simplex ? 1U : 0U;
            }
        }
        MESSAGE(decided << " rows decided, " << holds << " hold");
        CHECK(decided == 400);
        CHECK(holds > 40);
        CHECK(holds < 360);
    }

} // TEST_SUITE("text limits")
