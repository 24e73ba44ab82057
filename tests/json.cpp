// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// The JSON contract of DESIGN.md ("The tool's machine-readable output").

#include <reckon/json.hpp>

#include <reckon/audit.hpp>
#include <reckon/report.hpp>

#include "support/xining.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

using json = nlohmann::ordered_json;

std::vector<std::string> keys_of(const json& j) {
    std::vector<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) {
        out.push_back(it.key());
    }
    return out;
}

// Each relation on its own: the joint check has its own tests, and the rendering of its
// results is tested here with results made by hand.
reckon::audit_result audit_alone(const reckon::report& r) {
    reckon::audit_options o;
    o.joint = false;
    return reckon::audit(r, o);
}

const json& by_id(const json& array, const std::string& id) {
    for (const auto& e : array) {
        if (e.at("id") == id) {
            return e;
        }
    }
    FAIL("no element with id " << id);
    return array;
}

} // namespace

TEST_SUITE("json") {

    TEST_CASE("to_json: every key of the contract, in order") {
        reckon::report r = reckon_test::xining_report();
        r.add_skipped({"第十八", {674, 9}, "ordinal"});
        const json j = reckon::to_json(r, audit_alone(r));

        CHECK(keys_of(j) == std::vector<std::string>{"source", "figures", "findings", "joint",
                                                     "summary", "skipped"});
        CHECK(j.at("source") == "xining-investment.txt");

        REQUIRE(j.at("figures").size() == 9);
        for (const auto& f : j.at("figures")) {
            CHECK(keys_of(f) == std::vector<std::string>{"id", "text", "display", "value", "kind",
                                                         "unit", "currency", "resolution",
                                                         "qualifier", "label", "offset", "length",
                                                         "implied"});
            CHECK(f.at("value").is_string());
            CHECK(f.at("resolution").is_string());
            CHECK(f.at("display").is_string());
        }

        REQUIRE(j.at("findings").size() == 6);
        const std::vector<std::string> finding_keys{
            "id",       "key",       "relation", "expression", "figures",  "verdict",
            "computed", "tolerance", "miss",     "miss_steps", "tie_only", "message"};
        for (const auto& f : j.at("findings")) {
            std::vector<std::string> keys = keys_of(f);
            // Exact siblings and the optional members come in their own places.
            std::vector<std::string> required;
            for (const auto& k : keys) {
                if (k.size() < 6 || k.compare(k.size() - 6, 6, "_exact") != 0) {
                    if (k != "reason" && k != "implied") {
                        required.push_back(k);
                    }
                }
            }
            CHECK(required == finding_keys);
            CHECK(f.at("tolerance").is_string());
            CHECK(f.at("miss").is_string());
            CHECK(f.at("key").get<std::string>().size() == 16);
        }

        CHECK(keys_of(j.at("joint")) == std::vector<std::string>{"feasible", "suspects", "checked",
                                                                 "left_out", "tie_only",
                                                                 "left_out_reasons"});
        CHECK(keys_of(j.at("summary")) == std::vector<std::string>{"figures", "relations", "exact",
                                                                   "rounds", "within_rounding",
                                                                   "inconsistent", "cannot_check"});
        REQUIRE(j.at("skipped").size() == 1);
        CHECK(j.at("skipped")[0] ==
              json{{"text", "第十八"}, {"offset", 674}, {"length", 9}, {"reason", "ordinal"}});
    }

    TEST_CASE("to_json: the values of the DESIGN.md example") {
        const reckon::report r = reckon_test::xining_report();
        const json j = reckon::to_json(r, audit_alone(r));

        const json& f2 = by_id(j.at("figures"), "F2");
        CHECK(f2.at("text") == "148.2亿元");
        CHECK(f2.at("display") == "148.2");
        CHECK(f2.at("value") == "14820000000");
        CHECK(f2.at("kind") == "money");
        CHECK(f2.at("unit") == "亿元");
        CHECK(f2.at("currency") == "CNY");
        CHECK(f2.at("resolution") == "10000000");
        CHECK(f2.at("qualifier").is_null());
        CHECK(f2.at("label") == "省外到位资金");
        CHECK(f2.at("offset").is_null()); // built in code: no place in a source
        CHECK(f2.at("length").is_null());
        CHECK(f2.at("implied") == false);

        const json& f7 = by_id(j.at("figures"), "F7");
        CHECK(f7.at("value") == "0.806");
        CHECK(f7.at("resolution") == "0.001");
        CHECK(f7.at("kind") == "share");
        CHECK(f7.at("currency").is_null());
        CHECK(by_id(j.at("figures"), "F1").at("currency").is_null());

        const json& r2 = by_id(j.at("findings"), "R2");
        CHECK(r2.at("relation") == "sum");
        CHECK(r2.at("expression") == "F2 = F6 + F9");
        CHECK(r2.at("figures") == json{"F2", "F6", "F9"});
        CHECK(r2.at("verdict") == "exact");
        CHECK(r2.at("computed") == "14820000000");
        CHECK(r2.at("tolerance") == "0");
        CHECK(r2.at("miss") == "0");
        CHECK(r2.at("miss_steps").is_null());
        CHECK(r2.at("tie_only") == false);
        CHECK(r2.at("message") == "148.2 亿元 = 119.4 亿元 + 28.8 亿元");
        CHECK_FALSE(r2.contains("computed_exact"));
        CHECK_FALSE(r2.contains("reason"));
        CHECK_FALSE(r2.contains("implied"));

        // A share that does not terminate: 12 places, and the exact fraction beside it.
        const json& r3 = by_id(j.at("findings"), "R3");
        CHECK(r3.at("verdict") == "rounds");
        CHECK(r3.at("computed") == "0.805668016194");
        CHECK(r3.at("computed_exact") == "199/247");
        CHECK(r3.at("tolerance") == "0.0005");
        CHECK_FALSE(r3.contains("tolerance_exact"));

        // Shares that make 100 % with no printed total: the first figure is not given.
        const json& r5 = by_id(j.at("findings"), "R5");
        CHECK(r5.at("figures") == json{nullptr, "F7", "F10"});
        CHECK(r5.at("computed") == "1");

        // The target is not stated: cannot check, with the interval the others imply.
        const json& r6 = by_id(j.at("findings"), "R6");
        CHECK(r6.at("verdict") == "cannot_check");
        CHECK(r6.at("computed").is_null());
        CHECK(r6.at("figures") == json{"F3", "F2", nullptr});
        CHECK(r6.at("reason").get<std::string>().find("139.96 … 140.19 亿元") != std::string::npos);
        const json& implied = r6.at("implied");
        CHECK(keys_of(implied) == std::vector<std::string>{"lower", "lower_exact", "lower_open",
                                                           "upper", "upper_exact", "upper_open"});
        // 148.2 ± 0.05 亿元 over 105.8 ± 0.05 %: [148.15 / 1.0585, 148.25 / 1.0575] 亿元.
        CHECK(implied.at("lower_exact") == "29630000000000/2117");
        CHECK(implied.at("lower") == "13996221067.548417572036");
        CHECK(implied.at("upper_exact") == "5930000000000/423");
        CHECK(implied.at("lower_open") == false);

        CHECK(j.at("joint") == json{{"feasible", true},
                                    {"suspects", json::array()},
                                    {"checked", false},
                                    {"left_out", json::array()},
                                    {"tie_only", false},
                                    {"left_out_reasons", json::array()}});
        CHECK(j.at("summary") == json{{"figures", 9},
                                      {"relations", 6},
                                      {"exact", 3},
                                      {"rounds", 2},
                                      {"within_rounding", 0},
                                      {"inconsistent", 0},
                                      {"cannot_check", 1}});
        CHECK(j.at("skipped") == json::array());
    }

    TEST_CASE("to_json: an inconsistent finding carries its miss, exactly") {
        const reckon::report r = reckon_test::xining_report("28.9");
        const json j = reckon::to_json(r, audit_alone(r));
        const json& r4 = by_id(j.at("findings"), "R4");
        CHECK(r4.at("verdict") == "inconsistent");
        // 28.9 / 148.2 = 1445/7410 = 19.500674… %; the share allows at most 28.95 / 148.15.
        CHECK(r4.at("computed") == "0.195006747638");
        CHECK(r4.at("computed_exact") == "289/1482");
        CHECK(r4.at("miss") == "0.000103709949");
        CHECK(r4.at("miss_exact") == "123/1186000");
        CHECK(r4.at("miss_steps") == "0.103709949410");
        CHECK(r4.at("miss_steps_exact") == "123/1186");
        CHECK(r4.at("tolerance").is_string());
        CHECK(by_id(j.at("findings"), "R2").at("verdict") == "within_rounding");
        CHECK(j.at("summary").at("inconsistent") == 1);
    }

    TEST_CASE("to_json: places, qualifiers, implied figures, values that do not terminate") {
        reckon::report r{"misc"};
        reckon::figure over = reckon::figure::parse("F1", "50", "亿元", "门槛");
        over.qualifier = reckon::qualifier::more_than;
        over.place = reckon::source_span{1300, 8};
        over.text = "50億元";
        r.add(over);
        reckon::figure hundred = reckon::figure::parse("F2", "100", "%", "合计");
        hundred.implied = true;
        hundred.rounding = reckon::convention::exact;
        r.add(hundred);
        r.add("F3", "1", "亩", "耕地");
        r.add("F4", "3.1", "billion USD", "exports");
        const json j = reckon::to_json(r, audit_alone(r));

        const json& f1 = by_id(j.at("figures"), "F1");
        CHECK(f1.at("qualifier") == "more_than");
        CHECK(f1.at("offset") == 1300);
        CHECK(f1.at("length") == 8);
        CHECK(f1.at("text") == "50億元");

        const json& f2 = by_id(j.at("figures"), "F2");
        CHECK(f2.at("offset").is_null());
        CHECK(f2.at("implied") == true);
        CHECK(f2.at("value") == "1");

        // 1 亩 is 2000/3 m²: not a terminating decimal, so the exact fraction.
        const json& f3 = by_id(j.at("figures"), "F3");
        CHECK(f3.at("kind") == "amount");
        CHECK(f3.at("value") == "2000/3");
        CHECK(f3.at("resolution") == "2000/3");
        CHECK(f3.at("currency").is_null());

        const json& f4 = by_id(j.at("figures"), "F4");
        CHECK(f4.at("currency") == "USD");
        CHECK(f4.at("value") == "3100000000");
    }

    TEST_CASE("to_json: a report infeasible as a whole") {
        const reckon::report r = reckon_test::xining_report("28.9");
        reckon::audit_result a = audit_alone(r);
        a.joint.checked = true;
        a.joint.feasible = false;
        reckon::suspect s;
        s.figures = {"F9"};
        s.consistent_displays = {{"F9", {"28.7", "28.8"}}};
        a.joint.suspects.push_back(s);
        a.joint.left_out = {"R6"};
        const json j = reckon::to_json(r, a);
        CHECK(j.at("joint").at("feasible") == false);
        CHECK(j.at("joint").at("checked") == true);
        CHECK(j.at("joint").at("suspects") ==
              json::array({json{{"figures", {"F9"}},
                                {"consistent_displays", {{"F9", {"28.7", "28.8"}}}},
                                {"hint", nullptr},
                                {"weight", 0},
                                {"group", 0},
                                {"at_tie", false},
                                {"details", json::array()}}}));
        CHECK(j.at("joint").at("left_out") == json{"R6"});
    }

    TEST_CASE("to_jsonl: one line, UTF-8 as is, bad bytes replaced") {
        reckon::report r = reckon_test::xining_report();
        const std::string line = reckon::to_jsonl(r, audit_alone(r));
        CHECK(line.find('\n') == std::string::npos);
        CHECK(line.rfind("{\"source\":\"xining-investment.txt\",\"figures\":[", 0) == 0);
        CHECK(line.find("\"label\":\"省外到位资金\"") != std::string::npos);
        CHECK(json::parse(line) == reckon::to_json(r, audit_alone(r)));

        r.find("F2")->label = std::string("bad \xff byte");
        const std::string replaced = reckon::to_jsonl(r, audit_alone(r));
        CHECK(replaced.find("bad \xef\xbf\xbd byte") != std::string::npos);
    }

} // TEST_SUITE("json")
