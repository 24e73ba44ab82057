// SPDX-License-Identifier: MIT
// The compact parts of the report model (a report may hold a million figures): figure_id,
// optional_text, source_span, exact_int on the heap past int64, and the report's id index —
// found in O(1), kept through add(), rebuilt after edits in place, first-found with duplicates.
#include <reckon/audit.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using reckon::figure_id;

TEST_CASE("figure_id: short ids inline, long ones on the heap, both read as strings") {
    static_assert(sizeof(figure_id) == 16);
    const figure_id empty;
    CHECK(empty.empty());
    CHECK(empty.view() == "");

    figure_id s = "F2";
    CHECK(s.size() == 2);
    CHECK(s == "F2");
    CHECK(s == std::string("F2"));
    CHECK(s != "F3");
    CHECK("figure " + s == "figure F2");
    CHECK(s + " of 9" == "F2 of 9");

    const std::string fifteen = "T123456789012P3"; // 15 bytes: the most held inline
    const std::string sixteen = "T1234567890123P3";
    const std::string chinese = "全市招商引资项目到位资金"; // 36 bytes
    for (const std::string& text : {fifteen, sixteen, chinese}) {
        CAPTURE(text);
        figure_id id = text;
        CHECK(id.view() == text);
        CHECK(id.str() == text);
        figure_id copy = id;
        CHECK(copy == id);
        figure_id moved = std::move(copy);
        CHECK(moved.view() == text);
        CHECK(copy.empty()); // NOLINT(bugprone-use-after-move): a moved-from id is empty
        copy = moved;
        CHECK(copy.view() == text);
        moved = figure_id("x");
        CHECK(moved == "x");
        copy.clear();
        CHECK(copy.empty());
        std::ostringstream os;
        os << id;
        CHECK(os.str() == text);
    }
    figure_id a = sixteen;
    figure_id b = "short";
    a.swap(b);
    CHECK(a == "short");
    CHECK(b.view() == sixteen);
    CHECK(figure_id("A") < figure_id("B"));

    reckon::relation r{"R1", reckon::relation_kind::sum, {"F1", "F2", sixteen}};
    CHECK(r.figures == std::vector<std::string>{"F1", "F2", sixteen});
    CHECK(r.figures != std::vector<std::string>{"F1", "F2"});
}

TEST_CASE("optional_text: reads like std::optional<std::string>, in one pointer") {
    static_assert(sizeof(reckon::optional_text) == sizeof(void*));
    reckon::optional_text why;
    CHECK_FALSE(why.has_value());
    CHECK_FALSE(why);
    CHECK(why.value_or("none") == "none");
    CHECK_THROWS_AS((void)why.value(), std::bad_optional_access);
    why = "chained volumes are not additive";
    REQUIRE(why);
    CHECK(*why == "chained volumes are not additive");
    CHECK(why->size() == 32);
    const reckon::optional_text copy = why;
    CHECK(copy == why);
    CHECK(copy.to_optional() == std::optional<std::string>("chained volumes are not additive"));
    why.reset();
    CHECK(why != copy);
    why = std::optional<std::string>("按可比价格计算");
    CHECK(why.value() == "按可比价格计算");
    why = std::nullopt;
    CHECK_FALSE(why);
}

TEST_CASE("source_span: 32-bit places, refused past 4 GiB") {
    const auto s = reckon::source_span::at(120, 8);
    CHECK(s.offset == 120);
    CHECK(s.length == 8);
    CHECK(reckon::source_span::at(reckon::max_source_bytes - 3, 3).offset == 0xfffffffcU);
    CHECK_THROWS_AS((void)reckon::source_span::at(reckon::max_source_bytes, 1), std::length_error);
    CHECK_THROWS_AS((void)reckon::source_span::at(std::size_t{1} << 33U, 0), std::length_error);
}

TEST_CASE("decimal: a coefficient past int64 lives on the heap and copies exactly") {
    static_assert(sizeof(reckon::decimal) <= 24);
    const reckon::decimal big = reckon::decimal::parse("123456789012345678901234567890.5");
    reckon::decimal copy = big;
    CHECK(copy.str() == "123456789012345678901234567890.5");
    reckon::decimal moved = std::move(copy);
    CHECK(moved.str() == "123456789012345678901234567890.5");
    moved = reckon::decimal::parse("1.5");
    CHECK(moved.str() == "1.5");
    moved = big;
    CHECK((moved + reckon::decimal::parse("0.5")).str() == "123456789012345678901234567891.0");
    CHECK((big - big).str() == "0.0");
}

TEST_CASE("report: ids are found through the index, kept by add and rebuilt after edits") {
    reckon::report r{"index"};
    // Enough figures for the index to grow several times; add() stays O(1) each.
    for (int i = 0; i < 5000; ++i) {
        r.add("F" + std::to_string(i), std::to_string(i), "项");
    }
    const reckon::report& view = r;
    REQUIRE(view.figure_index() != nullptr);
    CHECK(view.find("F4321")->text == "4321项");
    CHECK(view.find("F5000") == nullptr);
    CHECK_THROWS_AS(r.add("F17", "1", "项"), reckon::kind_error);

    // An edit through figures(): the index is stale until the next add, find or reindex.
    r.figures()[17].id = "renamed";
    CHECK(view.figure_index() == nullptr);
    CHECK(view.find("renamed") == &view.figures()[17]); // a linear search meanwhile
    CHECK(r.find("renamed") == &view.figures()[17]);    // rebuilds the index
    REQUIRE(view.figure_index() != nullptr);
    CHECK(view.find("F17") == nullptr);
    r.add("F17", "17", "项"); // free again

    // Duplicates pushed in place: the first one is found, by find() and by the audit.
    r.figures().push_back(reckon::figure::parse("F3", "999", "项"));
    r.reindex();
    CHECK(view.find("F3")->text == "3项");
    r.sum("F7", {"F3", "F4"}); // 7 = 3 + 4 with the first F3; 999 would make it inconsistent
    const auto a = reckon::audit(r);
    REQUIRE(a.findings.size() == 1);
    CHECK(a.findings[0].verdict == reckon::verdict::exact);

    // Relation ids: found through their own index, duplicates refused.
    CHECK(r.relations().back().id == "R1");
    reckon::relation again{"R1", reckon::relation_kind::sum, {"F7", "F3", "F4"}};
    CHECK_THROWS_AS(r.add(again), reckon::kind_error);
    again.id.clear();
    CHECK(r.add(again).id == "R2");
}

namespace {
struct with_id {
    std::string id;
};
} // namespace

TEST_CASE("id_index: ids numbered in order need no table, others get one") {
    using reckon::detail::id_index;
    std::vector<with_id> v{{"F101"}, {"F102"}, {"F103"}};
    id_index ix;
    ix.rebuild(v);
    CHECK(ix.numbered());
    CHECK_FALSE(ix.duplicates());
    CHECK(ix.size() == 3);
    CHECK(ix.find(v, "F101") == 0);
    CHECK(ix.find(v, "F103") == 2);
    CHECK(ix.find(v, "F100") == id_index::none);
    CHECK(ix.find(v, "F104") == id_index::none);
    CHECK(ix.find(v, "F0102") == id_index::none); // a leading zero names no figure
    CHECK(ix.find(v, "G102") == id_index::none);
    CHECK(ix.find(v, "F") == id_index::none);
    CHECK(ix.find(v, "") == id_index::none);
    // The next number keeps it numbered; another id makes a table of all of them.
    v.push_back({"F104"});
    CHECK(ix.insert(v, 3));
    CHECK(ix.numbered());
    CHECK(ix.find(v, "F104") == 3);
    v.push_back({"total"});
    CHECK(ix.insert(v, 4));
    CHECK_FALSE(ix.numbered());
    CHECK(ix.size() == 5);
    CHECK(ix.find(v, "F102") == 1);
    CHECK(ix.find(v, "total") == 4);
    v.push_back({"F102"});
    CHECK_FALSE(ix.insert(v, 5)); // a duplicate: not indexed
    CHECK(ix.find(v, "F102") == 1);
    // A stale index never finds a wrong element: the id is compared.
    v[1].id = "renamed";
    CHECK(ix.find(v, "F102") == id_index::none);
    // Rebuilt, the first of two equal ids is found.
    ix.rebuild(v);
    CHECK_FALSE(ix.numbered());
    CHECK_FALSE(ix.duplicates());
    CHECK(ix.find(v, "F102") == 5);
    v.push_back({"total"});
    ix.rebuild(v);
    CHECK(ix.duplicates());
    CHECK(ix.find(v, "total") == 4);
    // An empty vector: the first insert sets the numbering.
    std::vector<with_id> w;
    ix.rebuild(w);
    w.push_back({"R7"});
    CHECK(ix.insert(w, 0));
    w.push_back({"R8"});
    CHECK(ix.insert(w, 1));
    CHECK(ix.numbered());
    CHECK(ix.find(w, "R8") == 1);
    CHECK(ix.find(w, "R6") == id_index::none);
}
