// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// The command line (tools/reckon/cli.hpp), run in memory: exit statuses, formats, the JSON
// contract of DESIGN.md, languages, colour, standard input.

#include "cli.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct result {
    int status = -1;
    std::string out;
    std::string err;
};

result run(const std::vector<std::string>& args, const reckon::tool::environment& env = {},
           const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    result r;
    r.status = reckon::tool::run(args, in, out, err, env);
    r.out = out.str();
    r.err = err.str();
    return r;
}

const std::string xining = RECKON_SOURCE_DIR "/examples/xining.toml";
const std::string typo = RECKON_TOOL_TEST_DIR "/typo.toml";
const std::string bad = RECKON_TOOL_TEST_DIR "/bad/undefined-name.toml";

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// A decimal string: what the contract uses for exact values.
bool is_decimal_string(const nlohmann::json& v) {
    static const std::regex decimal(R"(-?[0-9]+(\.[0-9]+)?)");
    return v.is_string() && std::regex_match(v.get<std::string>(), decimal);
}

void check_keys(const nlohmann::json& j, const std::vector<std::string>& keys) {
    for (const auto& k : keys) {
        CAPTURE(k);
        CHECK(j.contains(k));
    }
}

} // namespace

TEST_SUITE("tool") {

    TEST_CASE("cli: help and version exit 0 a bad command line 2") {
        auto r = run({"--help"});
        CHECK(r.status == 0);
        CHECK(r.out.find("audit") != std::string::npos);
        CHECK(r.out.find("extract") != std::string::npos);
        r = run({"audit", "--help"});
        CHECK(r.status == 0);
        CHECK(r.out.find("--only-problems") != std::string::npos);
        r = run({"--version"});
        CHECK(r.status == 0);
        CHECK(r.out == "reckon " + std::string(reckon::version_string) + "\n");

        r = run({"audit", "--format", "xml", xining});
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "reckon: --format: xml not in {text,json,jsonl,markdown}\n"
                       "Run `reckon --help` for the commands and options.\n");
        CHECK(run({"audit"}).status == 2);
        CHECK(run({}).status == 2);
        CHECK(run({"audit", "--rounding", "nearest", xining}).status == 2);
        CHECK(run({"frobnicate"}).status == 2);
    }

    TEST_CASE("cli: exit statuses for consistent inconsistent and bad inputs") {
        auto r = run({"audit", xining});
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        r = run({"audit", typo});
        CHECK(r.status == 1);
        r = run({"audit", bad});
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == bad + ":5:34: undefined name 'new_projects'\n");
        r = run({"audit", RECKON_TOOL_TEST_DIR "/no-such-file.toml"});
        CHECK(r.status == 2);
        CHECK(r.err == std::string(RECKON_TOOL_TEST_DIR) +
                           "/no-such-file.toml: cannot open: No such file or directory\n");
        // Nothing to read is never a pass.
        r = run({"audit", RECKON_SOURCE_DIR "/examples"});
        CHECK(r.status == 2);
        CHECK(r.err == std::string(RECKON_SOURCE_DIR) + "/examples: is a directory\n");
        r = run({"audit", "-"}, {}, " \n\n");
        CHECK(r.status == 2);
        CHECK(r.err == "<stdin>:1:1: the text is empty\n");
        // Several inputs: each audited on its own; the worst status wins.
        r = run({"audit", xining, typo});
        CHECK(r.status == 1);
        r = run({"audit", typo, bad, xining});
        CHECK(r.status == 2);
        CHECK(r.out.find("examples/xining.toml") != std::string::npos);
    }

    TEST_CASE("cli: --rounding overrides the file's convention") {
        // 10.9 truncated stands for [10.9, 11); 10 truncated for [10, 11): 10 >= 10.9 can hold.
        // Rounded either way at a tie, 10 is at most 10.5: it cannot.
        const std::string file = RECKON_TOOL_TEST_DIR "/rounding.toml";
        CHECK(run({"audit", file}).status == 1);
        CHECK(run({"audit", "--rounding", "truncate", file}).status == 0);
        CHECK(run({"audit", "--rounding", "half-up", file}).status == 1);
    }

    TEST_CASE("cli: the JSON contract of DESIGN.md") {
        const auto r = run({"audit", "--format", "json", xining});
        REQUIRE(r.status == 0);
        const auto j = nlohmann::json::parse(r.out);
        check_keys(j, {"source", "figures", "findings", "joint", "summary"});
        CHECK(j["source"] == xining);
        REQUIRE(j["figures"].size() == 16);
        for (const auto& f : j["figures"]) {
            CAPTURE(f.dump());
            check_keys(f, {"id", "text", "display", "value", "kind", "unit", "currency",
                           "resolution", "qualifier", "label", "offset", "length"});
            CHECK(is_decimal_string(f["display"]));
            CHECK(is_decimal_string(f["value"]));
            CHECK(is_decimal_string(f["resolution"]));
            CHECK(f["offset"].is_number_unsigned());
            CHECK(f["length"].is_number_unsigned());
        }
        const auto& funds = j["figures"][1];
        CHECK(funds["id"] == "funds");
        CHECK(funds["display"] == "148.2");
        CHECK(funds["value"] == "14820000000");
        CHECK(funds["kind"] == "money");
        CHECK(funds["unit"] == "亿元");
        CHECK(funds["currency"] == "CNY");
        CHECK(funds["resolution"] == "10000000");
        CHECK(funds["qualifier"].is_null());
        CHECK(funds["label"] == "省外到位资金");
        CHECK(j["figures"][12]["qualifier"] == "more_than");

        REQUIRE(j["findings"].size() == 6);
        for (const auto& f : j["findings"]) {
            CAPTURE(f.dump());
            check_keys(f, {"id", "key", "relation", "expression", "figures", "verdict", "computed",
                           "tolerance", "miss", "tie_only", "message"});
            CHECK((f["computed"].is_null() || is_decimal_string(f["computed"])));
            CHECK(is_decimal_string(f["tolerance"]));
            CHECK(is_decimal_string(f["miss"]));
            CHECK(f["tie_only"].is_boolean());
            CHECK(f["key"].is_string());
        }
        const auto& sum = j["findings"][1];
        CHECK(sum["id"] == "R2");
        CHECK(sum["relation"] == "sum");
        CHECK(sum["expression"] == "funds = continued_funds + new_funds");
        CHECK(sum["figures"] == nlohmann::json::array({"funds", "continued_funds", "new_funds"}));
        CHECK(sum["verdict"] == "exact");
        CHECK(sum["computed"] == "14820000000");
        CHECK(sum["tolerance"] == "0");
        CHECK(sum["miss"] == "0");
        CHECK(sum["message"] == "148.2 亿元 = 119.4 亿元 + 28.8 亿元");
        CHECK(j["findings"][2]["verdict"] == "rounds");
        CHECK(j["findings"][5]["verdict"] == "cannot_check");

        check_keys(j["joint"], {"feasible", "suspects"});
        CHECK(j["joint"]["feasible"] == true);
        CHECK(j["joint"]["suspects"].empty());
        const auto& s = j["summary"];
        check_keys(s, {"figures", "relations", "exact", "rounds", "within_rounding", "inconsistent",
                       "cannot_check"});
        CHECK(s["figures"] == 16);
        CHECK(s["relations"] == 6);
        CHECK(s["exact"] == 3);
        CHECK(s["rounds"] == 2);
        CHECK(s["cannot_check"] == 1);
    }

    TEST_CASE("cli: JSON of an inconsistent report names the suspects") {
        const auto r = run({"audit", "--format", "json", typo});
        CHECK(r.status == 1);
        const auto j = nlohmann::json::parse(r.out);
        CHECK(j["joint"]["feasible"] == false);
        REQUIRE_FALSE(j["joint"]["suspects"].empty());
        const auto& suspect = j["joint"]["suspects"][0];
        CHECK(suspect["figures"] == nlohmann::json::array({"new_funds"}));
        CHECK(suspect["consistent_displays"]["new_funds"] ==
              nlohmann::json::array({"28.7", "28.8"}));
        bool found = false;
        for (const auto& f : j["findings"]) {
            if (f["verdict"] == "inconsistent") {
                found = true;
                CHECK(is_decimal_string(f["miss"]));
                CHECK(f["miss"] != "0");
            }
        }
        CHECK(found);
        // --only-problems keeps the problems only; the summary still counts everything.
        const auto only =
            nlohmann::json::parse(run({"audit", "--format", "json", "--only-problems", typo}).out);
        CHECK(only["findings"].size() == 2);
        CHECK(only["summary"]["relations"] == 7);
    }

    TEST_CASE("cli: planted errors in the Xining report, localised through the JSON") {
        // examples/xining.toml with one figure replaced, audited from standard input: the joint
        // check of the JSON output names the planted figure and the display it should have.
        std::ifstream in(xining, std::ios::binary);
        const std::string original{std::istreambuf_iterator<char>(in),
                                   std::istreambuf_iterator<char>()};
        auto planted = [&](const std::string& from, const std::string& to) {
            std::string text = original;
            const std::size_t at = text.find(from);
            REQUIRE(at != std::string::npos);
            text.replace(at, from.size(), to);
            const auto r = run({"audit", "--input", "report", "--format", "json", "-"}, {}, text);
            return std::pair{r.status, nlohmann::json::parse(r.out)};
        };
        // The suspect set made of `id` alone, or null.
        auto alone = [](const nlohmann::json& j, const std::string& id) {
            for (const auto& s : j["joint"]["suspects"]) {
                if (s["figures"] == nlohmann::json::array({id})) {
                    return s;
                }
            }
            return nlohmann::json();
        };

        const auto [s1, funds] = planted(R"(value = "28.8")", R"(value = "28.9")");
        CHECK(s1 == 1);
        CHECK(funds["joint"]["feasible"] == false);
        REQUIRE(funds["joint"]["suspects"].size() == 1);
        CHECK(funds["joint"]["suspects"][0]["figures"] == nlohmann::json::array({"new_funds"}));
        CHECK(funds["joint"]["suspects"][0]["details"][0]["suggested"] == "28.8");

        // 84 = 75 + 10: the report alone cannot tell a wrong 10 from a wrong 75 (both exact
        // counts of the same weight); both are named, the 10 with 9.
        const auto [s2, projects] = planted(R"(value = "9")", R"(value = "10")");
        CHECK(s2 == 1);
        CHECK(projects["joint"]["feasible"] == false);
        const auto ten = alone(projects, "new_projects");
        REQUIRE(ten.is_object());
        CHECK(ten["consistent_displays"]["new_projects"] == nlohmann::json::array({"9"}));
        CHECK(ten["details"][0]["suggested"] == "9");
        CHECK(ten["details"][0]["steps"] == "1");
        const auto seventy_five = alone(projects, "continued");
        REQUIRE(seventy_five.is_object());
        CHECK(seventy_five["details"][0]["suggested"] == "74");
        CHECK(ten["weight"] == seventy_five["weight"]);

        // 80.6 + 19.5 = 100.1 holds only at both ties: feasible, tie only, 19.5 named first.
        const auto [s3, share] = planted(R"(value = "19.4")", R"(value = "19.5")");
        CHECK(share["joint"]["feasible"] == true);
        CHECK(share["joint"]["tie_only"] == true);
        REQUIRE_FALSE(share["joint"]["suspects"].empty());
        CHECK(share["joint"]["suspects"][0]["figures"] == nlohmann::json::array({"new_share"}));
        CHECK(share["joint"]["suspects"][0]["at_tie"] == true);
        CHECK(share["joint"]["suspects"][0]["details"][0]["suggested"] == "19.4");
        CHECK(s3 == 0); // within rounding is not inconsistent

        const auto [s4, swapped] = planted(R"(value = "148.2")", R"(value = "184.2")");
        CHECK(s4 == 1);
        REQUIRE(swapped["joint"]["suspects"].size() == 1);
        const auto& d = swapped["joint"]["suspects"][0]["details"][0];
        CHECK(d["id"] == "funds");
        CHECK(d["typo"] == "148.2");
        CHECK(d["typo_kind"] == "adjacent digits swapped");
        CHECK(swapped["joint"]["suspects"][0]["hint"] ==
              "funds: 184.2 may be a typo for 148.2 (adjacent digits swapped)");
    }

    TEST_CASE("cli: JSON Lines give one object per input and line") {
        const auto r = run({"audit", "--format", "jsonl", xining, bad, typo});
        CHECK(r.status == 2);
        const auto lines = lines_of(r.out);
        REQUIRE(lines.size() == 3);
        const auto first = nlohmann::json::parse(lines[0]);
        CHECK(first["source"] == xining);
        CHECK(first["summary"]["relations"] == 6);
        const auto second = nlohmann::json::parse(lines[1]);
        CHECK(second["source"] == bad);
        CHECK(second["error"]["line"] == 5);
        CHECK(second["error"]["column"] == 34);
        CHECK(second["error"]["reason"] == "undefined name 'new_projects'");
        const auto third = nlohmann::json::parse(lines[2]);
        CHECK(third["joint"]["feasible"] == false);
        // Several inputs with --format json: one array.
        const auto many =
            nlohmann::json::parse(run({"audit", "--format", "json", xining, typo}).out);
        REQUIRE(many.is_array());
        CHECK(many.size() == 2);
    }

    TEST_CASE("cli: standard input") {
        const std::string content = "[figures]\na = \"84 项\"\nb = \"75 项\"\nc = \"9 项\"\n"
                                    "[relations]\ncheck = [\"a = b + c\"]\n";
        auto r = run({"audit", "--input", "report", "--lang", "en", "-"}, {}, content);
        CHECK(r.status == 0);
        CHECK(r.out.rfind("reckon: <stdin> — 3 figures, 1 relations\n", 0) == 0);
        r = run({"audit", "--input", "report", "-", "-"}, {}, content);
        CHECK(r.status == 2);
        CHECK(r.err == "reckon: standard input can be read only once\n");
        r = run({"audit", "--input", "report", "-"}, {},
                "[figures]\na = \"84 项\"\nb = \"84 亿圆\"\n");
        CHECK(r.status == 2);
        CHECK(r.err == "<stdin>:3:9: unknown unit '亿圆'\n");
    }

    TEST_CASE("cli: the language follows --lang or else the locale") {
        using reckon::language;
        using reckon::tool::detail::language_from;
        reckon::tool::environment env;
        CHECK(language_from(env) == language::en);
        env.lang = "zh_CN.UTF-8";
        CHECK(language_from(env) == language::zh);
        env.lc_all = "";
        CHECK(language_from(env) == language::zh);
        env.lc_messages = "en_GB.UTF-8";
        CHECK(language_from(env) == language::en);
        env.lc_all = "zh_TW.UTF-8";
        CHECK(language_from(env) == language::zh);
        env.lc_all = "C";
        CHECK(language_from(env) == language::en);

        reckon::tool::environment zh;
        zh.lang = "zh_CN.UTF-8";
        CHECK(run({"audit", xining}, zh).out.find("小结") != std::string::npos);
        CHECK(run({"audit", "--lang", "en", xining}, zh).out.find("summary:") != std::string::npos);
    }

    TEST_CASE("cli: colour on a terminal only and never with NO_COLOR") {
        reckon::tool::environment env;
        CHECK(run({"audit", typo}, env).out.find('\x1b') == std::string::npos);
        env.stdout_is_terminal = true;
        CHECK(run({"audit", typo}, env).out.find("\x1b[1;31m") != std::string::npos);
        CHECK(run({"audit", "--color", "never", typo}, env).out.find('\x1b') == std::string::npos);
        CHECK(run({"audit", "--format", "json", typo}, env).out.find('\x1b') == std::string::npos);
        CHECK(run({"audit", "--format", "markdown", typo}, env).out.find('\x1b') ==
              std::string::npos);
        env.no_color = "1";
        CHECK(run({"audit", typo}, env).out.find('\x1b') == std::string::npos);
        CHECK(run({"audit", "--color", "always", typo}, env).out.find('\x1b') == std::string::npos);
        env.no_color = "";
        CHECK(run({"audit", typo}, env).out.find('\x1b') != std::string::npos);
        env.stdout_is_terminal = false;
        CHECK(run({"audit", "--color", "always", typo}, env).out.find('\x1b') != std::string::npos);
    }

    TEST_CASE("cli: a long text is audited and printed a section at a time") {
        // Over two sections (128 KiB) of paragraphs that each stand alone; every 500th says its
        // parts exceed its whole.
        std::string text;
        std::size_t copies = 0;
        while (text.size() <= 300 * 1024) {
            text += copies % 500 == 7 ? "全县企业200家，其中工业企业150家，建筑企业60家。\n\n"
                                      : "全县企业320家，其中工业企业150家，建筑企业60家。\n\n";
            ++copies;
        }
        auto r = run({"audit", "--input", "text", "--lang", "en", "-"}, {}, text);
        CHECK(r.status == 1);
        CHECK(r.err.empty());
        const auto lines = lines_of(r.out);
        REQUIRE(lines.size() > 4);
        CHECK(lines.front() == "reckon: <stdin> — " + std::to_string(text.size()) +
                                   " bytes, audited a section at a time");
        CHECK(lines[1].rfind("section 1: bytes 0–", 0) == 0);
        std::size_t sections = 0;
        std::size_t inconsistent = 0;
        for (const auto& line : lines) {
            sections += line.rfind("section ", 0) == 0 ? 1U : 0U;
            inconsistent += line.find(" INCONSISTENT  200 家") != std::string::npos ? 1U : 0U;
        }
        CHECK(sections == 3);
        const std::size_t bad = (copies + 492) / 500;
        CHECK(inconsistent == bad);
        CHECK(lines[lines.size() - 3] ==
              "whole text: INCONSISTENT, " + std::to_string(bad) + " parts cannot hold");
        CHECK(lines[lines.size() - 2] == "skipped 0 numbers that are not figures");
        CHECK(lines.back() ==
              "summary: " + std::to_string(3 * copies) + " figures, " + std::to_string(copies) +
                  " relations: " + std::to_string(copies - bad) +
                  " exact, 0 rounds, 0 within "
                  "rounding, " +
                  std::to_string(bad) + " inconsistent, 0 cannot check — INCONSISTENT");
    }

} // TEST_SUITE
