// SPDX-License-Identifier: MIT
// Reading real texts (issue 6, item 5): every passage of the corpus directory is read with
// read_text and audited, and the relations found are compared with the hand-worked
// expectations in <passage>.expected.json. Built only when CMake is given -DRECKON_CORPUS_DIR;
// the suite label makes these the CTest tests labelled `corpus`. Nothing of the passages is
// copied here: they are read at run time.
//
// Matching (relations are matched by the numbers they involve, as printed):
// - a figure's number is its printed value, sign as printed (a sign carried by a word such as
//   下降 is not printed), separators and a leading '+' ignored: "+89,000" is 89000;
// - a found relation matches an expected one when its kind fits the expected type (sum:
//   sum; order: order or a partial sum; share: share; growth: growth; points: points,
//   difference or sum; …; other: conversion, product, ratio, difference), it shares at
//   least two numbers with it, and either one's numbers are all among the other's, or all
//   but one of the expected numbers are shared;
// - the best match is the one sharing most numbers (then the one with fewest numbers not
//   shared); an expected relation is found with the right verdict when a best match has it:
//   EXACT ↔ exact or rounds, WITHIN_ROUNDING ↔ within_rounding, INCONSISTENT ↔ inconsistent,
//   N/A ↔ cannot_check or no match at all;
// - a false alarm is an inconsistent finding whose best expected match is not INCONSISTENT.

#ifdef RECKON_CORPUS_DIR

#include <reckon/audit.hpp>
#include <reckon/text.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A printed number as a canonical exact value: "+89,000" and "89000" are one key.
std::string number_key(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    if (!s.empty() && s.front() == '+') {
        s.erase(0, 1);
    }
    auto d = reckon::decimal::try_parse(s);
    if (!d) {
        return "?" + s;
    }
    return reckon::detail::rational_str(d->to_rational(), 12);
}

struct expected_relation {
    std::string name;
    std::string type;
    std::multiset<std::string> numbers;
    std::string verdict; // EXACT, WITHIN_ROUNDING, INCONSISTENT, NA
};

struct found_relation {
    const reckon::finding* finding = nullptr;
    std::multiset<std::string> numbers;
};

bool kind_fits(const std::string& type, reckon::relation_kind k) {
    using rk = reckon::relation_kind;
    if (type == "sum") {
        return k == rk::sum;
    }
    if (type == "order") {
        return k == rk::order || k == rk::sum;
    }
    if (type == "share") {
        return k == rk::share;
    }
    if (type == "shares_total") {
        return k == rk::shares_total;
    }
    if (type == "growth") {
        return k == rk::growth;
    }
    if (type == "points") {
        return k == rk::points || k == rk::difference || k == rk::sum;
    }
    if (type == "difference") {
        return k == rk::difference || k == rk::points || k == rk::sum;
    }
    if (type == "percent_of_target") {
        return k == rk::percent_of_target;
    }
    if (type == "average") {
        return k == rk::average;
    }
    if (type == "ratio") {
        return k == rk::ratio || k == rk::share;
    }
    return k == rk::conversion || k == rk::product || k == rk::ratio || k == rk::difference;
}

std::size_t shared(const std::multiset<std::string>& a, const std::multiset<std::string>& b) {
    std::vector<std::string> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out.size();
}

bool matches(const expected_relation& e, const found_relation& f) {
    if (!kind_fits(e.type, f.finding->kind)) {
        return false;
    }
    const std::size_t s = shared(e.numbers, f.numbers);
    if (s < 2) {
        return false;
    }
    return s == f.numbers.size() || s == e.numbers.size() ||
           (e.numbers.size() >= 3 && s + 1 >= e.numbers.size());
}

bool verdict_fits(const std::string& expected, reckon::verdict v) {
    using reckon::verdict;
    if (expected == "EXACT") {
        return v == verdict::exact || v == verdict::rounds;
    }
    if (expected == "WITHIN_ROUNDING") {
        return v == verdict::within_rounding;
    }
    if (expected == "INCONSISTENT") {
        return v == verdict::inconsistent;
    }
    return v == verdict::cannot_check;
}

// The best matches of `e` among `found`: most numbers shared, then fewest left over.
std::vector<const found_relation*> best_matches(const expected_relation& e,
                                                const std::vector<found_relation>& found) {
    std::vector<const found_relation*> best;
    std::size_t best_shared = 0;
    std::size_t best_extra = 0;
    for (const auto& f : found) {
        if (!matches(e, f)) {
            continue;
        }
        const std::size_t s = shared(e.numbers, f.numbers);
        const std::size_t extra = f.numbers.size() + e.numbers.size() - 2 * s;
        if (best.empty() || s > best_shared || (s == best_shared && extra < best_extra)) {
            best = {&f};
            best_shared = s;
            best_extra = extra;
        } else if (s == best_shared && extra == best_extra) {
            best.push_back(&f);
        }
    }
    return best;
}

struct passage_result {
    std::string name;
    bool expected_flag = false;
    bool flagged = false;
    std::size_t relations = 0;
    std::size_t right = 0;
    std::size_t false_alarms = 0;
    bool inconsistency_found = false; // an expected INCONSISTENT relation found as such
    std::vector<std::string> misses;
    std::map<std::string, bool> right_by_name;
};

passage_result run_passage(const fs::path& expected_path) {
    const nlohmann::json j = nlohmann::json::parse(slurp(expected_path));
    passage_result out;
    const std::string text_name = j.at("text").get<std::string>();
    out.name = text_name;
    out.expected_flag = j.at("has_inconsistency").get<bool>();
    const std::string text = slurp(expected_path.parent_path() / text_name);

    const reckon::report r = reckon::read_text(text, text_name);
    const reckon::audit_result a = reckon::audit(r);
    out.flagged = !a.consistent();

    std::vector<expected_relation> expected;
    for (const auto& rel : j.at("relations")) {
        expected_relation e;
        e.name = rel.at("name").get<std::string>();
        e.type = rel.at("type").get<std::string>();
        e.verdict = rel.at("verdict").get<std::string>();
        for (const auto& n : rel.at("figures")) {
            e.numbers.insert(number_key(n.get<std::string>()));
        }
        expected.push_back(std::move(e));
    }
    std::vector<found_relation> found;
    for (const auto& f : a.findings) {
        found_relation fr;
        fr.finding = &f;
        for (const auto& id : f.figures) {
            if (const reckon::figure* fig = r.find(id)) {
                fr.numbers.insert(number_key(fig->display.str()));
            }
        }
        found.push_back(std::move(fr));
    }

    out.relations = expected.size();
    for (const auto& e : expected) {
        const auto best = best_matches(e, found);
        bool ok = false;
        if (best.empty()) {
            ok = e.verdict == "NA";
        }
        for (const found_relation* f : best) {
            ok = ok || verdict_fits(e.verdict, f->finding->verdict);
            if (e.verdict == "INCONSISTENT" &&
                f->finding->verdict == reckon::verdict::inconsistent) {
                out.inconsistency_found = true;
            }
        }
        out.right += ok ? 1 : 0;
        out.right_by_name[e.name] = ok;
        if (!ok) {
            std::string why =
                best.empty()
                    ? std::string("not found")
                    : "found " + std::string(reckon::to_string(best.front()->finding->verdict)) +
                          ": " + best.front()->finding->message;
            out.misses.push_back(e.name + " [" + e.verdict + "] — " + why);
        }
    }
    // False alarms: inconsistent findings that no INCONSISTENT expectation explains.
    for (const auto& f : found) {
        if (f.finding->verdict != reckon::verdict::inconsistent) {
            continue;
        }
        bool explained = false;
        for (const auto& e : expected) {
            if (e.verdict != "INCONSISTENT") {
                continue;
            }
            const auto best = best_matches(e, found);
            explained = explained || std::find(best.begin(), best.end(), &f) != best.end();
        }
        if (!explained) {
            ++out.false_alarms;
            out.misses.push_back("false alarm: " + f.finding->message);
        }
    }
    return out;
}

std::vector<fs::path> expected_files() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(RECKON_CORPUS_DIR)) {
        const std::string name = entry.path().filename().string();
        const std::string suffix = ".expected.json";
        if (name.size() > suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_SUITE("corpus") {

    TEST_CASE("corpus: every passage is read and audited against its hand check") {
        const auto files = expected_files();
        REQUIRE_FALSE(files.empty());
        std::size_t relations = 0;
        std::size_t right = 0;
        std::size_t false_alarms = 0;
        std::size_t passages_right = 0;
        std::size_t with_inconsistency = 0;
        std::size_t inconsistency_found = 0;
        for (const auto& file : files) {
            const passage_result p = run_passage(file);
            relations += p.relations;
            right += p.right;
            false_alarms += p.false_alarms;
            passages_right += p.flagged == p.expected_flag ? 1 : 0;
            if (p.expected_flag) {
                ++with_inconsistency;
                inconsistency_found += p.inconsistency_found ? 1 : 0;
            }
            std::ostringstream m;
            m << p.name << ": " << (p.flagged ? "flagged" : "not flagged")
              << " (hand check: " << (p.expected_flag ? "inconsistent" : "consistent")
              << "); relations right " << p.right << "/" << p.relations << "; false alarms "
              << p.false_alarms;
            for (const auto& miss : p.misses) {
                m << "\n    " << miss;
            }
            MESSAGE(m.str());
            // A false alarm costs an editor's trust more than a miss.
            if (!p.expected_flag) {
                CHECK_MESSAGE(!p.flagged, p.name << " is consistent by the hand check but flagged");
            }
        }
        std::ostringstream total;
        total << "corpus total: " << files.size()
              << " passages, flagged as the hand check says: " << passages_right << "/"
              << files.size() << "; passages with an inconsistency flagged for the right relation: "
              << inconsistency_found << "/" << with_inconsistency << "; relations right: " << right
              << "/" << relations << " (" << (relations == 0 ? 0 : 100 * right / relations)
              << " %, aim 85 %); false alarms: " << false_alarms;
        MESSAGE(total.str());
    }

    TEST_CASE("corpus: the founding example's five relations are found with their verdicts") {
        const fs::path file = fs::path(RECKON_CORPUS_DIR) / "xining-investment.expected.json";
        REQUIRE(fs::exists(file));
        const passage_result p = run_passage(file);
        CHECK_FALSE(p.flagged);
        std::size_t checked = 0;
        for (const auto& entry : p.right_by_name) {
            const std::string& name = entry.first;
            const bool ok = entry.second;
            const bool founding = name.find("84 = 75 + 9") != std::string::npos ||
                                  name.find("148.2 = 119.4 + 28.8") != std::string::npos ||
                                  name.find("80.6 %") != std::string::npos ||
                                  name.find("19.4 %") != std::string::npos ||
                                  name.find("80.6 + 19.4 = 100") != std::string::npos;
            if (founding) {
                ++checked;
                CHECK_MESSAGE(ok, name);
            }
        }
        CHECK(checked == 5);
    }

} // TEST_SUITE("corpus")

#endif // RECKON_CORPUS_DIR
