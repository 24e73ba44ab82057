// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// `reckon round` and `reckon benford` (tools/reckon/stats_commands.hpp), run in memory on their
// own CLI::App: exit statuses, parts from standard input, and the JSON they print.

#include "stats_commands.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct result {
    std::optional<int> status;
    std::string out;
    std::string err;
};

result run(std::vector<std::string> args, const std::string& input = {}) {
    CLI::App app{"test", "reckon"};
    reckon::tool::stats_commands stats;
    reckon::tool::add_stats_commands(app, stats);
    app.add_subcommand("other", "another command");
    args.insert(args.begin(), "reckon");
    std::vector<const char*> argv;
    for (const auto& a : args) {
        argv.push_back(a.c_str());
    }
    app.parse(static_cast<int>(argv.size()), argv.data());
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    result r;
    r.status = reckon::tool::run_stats_commands(stats, in, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

} // namespace

TEST_CASE("reckon round: exit statuses") {
    CHECK(run({"round", "--digits", "1", "1/3", "1/3", "1/3"}).status == 0);
    // 1.3 is out of reach (0.9 … 1.2): status 1, and the reason on standard output.
    const auto far = run({"round", "--digits", "1", "--total", "1.3", "1/3", "1/3", "1/3"});
    CHECK(far.status == 1);
    CHECK(far.out.find("gives totals from 0.9 to 1.2") != std::string::npos);
    CHECK(far.err.empty());
    // The plain rounding is what was asked for, adding up or not.
    CHECK(run({"round", "--digits", "1", "--plain", "1/3", "1/3", "1/3"}).status == 0);
    // Bad command lines and inputs: 2, the reason on standard error, nothing on standard output.
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"round", "1", "2"},
             {"round", "--digits", "1", "--resolution", "0.1", "1"},
             {"round", "--resolution", "0.2", "1"},
             {"round", "--resolution", "x", "1"},
             {"round", "--digits", "1"},
             {"round", "--digits", "1", "1/0"},
             {"round", "--digits", "1", "--total", "1.05", "1"},
             {"round", "--digits", "1", "--file", "-", "1"},
         }) {
        const auto r = run(args);
        CAPTURE(r.err);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK_FALSE(r.err.empty());
    }
    // Another command: not ours.
    CHECK_FALSE(run({"other"}).status.has_value());
}

TEST_CASE("reckon round: parts from standard input, as JSON") {
    // Labels, a comment, a blank line, CRLF line ends, a thousands separator.
    const std::string parts = "# items\r\nA 1,012.46\r\n\r\nB 8.37\r\nC and D 20.51\r\n"
                              "6.45\r\n";
    const auto r = run({"round", "--resolution", "1", "--format", "json", "--file", "-"}, parts);
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    // 1012.46 + 8.37 + 20.51 + 6.45 = 1047.79 → 1048. Floors 1012 + 8 + 20 + 6 = 1046: two steps
    // go to the largest remainders, 0.51 (C and D) and 0.46 (A).
    CHECK(j["total"] == "1048");
    CHECK(j["exact_total"] == "1047.79");
    CHECK(j["plain_total"] == "1047");
    CHECK(j["parts_moved"] == 1);
    REQUIRE(j["parts"].size() == 4);
    CHECK(j["parts"][0]["part"] == "A");
    CHECK(j["parts"][0]["display"] == "1013");
    CHECK(j["parts"][0]["moved_steps"] == 1);
    CHECK(j["parts"][2]["part"] == "C and D");
    CHECK(j["parts"][2]["display"] == "21");
    CHECK(j["parts"][3]["part"] == "4");
    CHECK(j["parts"][3]["exact"] == "6.45");
    // A bad line names its place.
    const auto bad = run({"round", "--digits", "0", "--file", "-"}, "A 1\nB 2x\n");
    CHECK(bad.status == 2);
    CHECK(bad.err == "<stdin>:2:4: not a number: unexpected character in a number\n");
}

TEST_CASE("reckon benford: exit statuses and JSON") {
    // 100 evenly spread numbers: nonconformity, status 1.
    std::string even;
    for (int x = 100; x < 1000; x += 9) {
        even += std::to_string(x) + "\n";
    }
    const auto r = run({"benford", "--input", "numbers", "--format", "json", "-"}, even);
    CHECK(r.status == 1);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["tests"].size() == 3);
    CHECK(j["tests"][0]["digits"] == "first");
    CHECK(j["tests"][0]["conformity"] == "nonconformity");
    CHECK(j["tests"][0]["counts"]["1"] == 12);
    // The first-two-digit test has too little data: no conformity is given.
    CHECK(j["tests"][2]["enough_data"] == false);
    CHECK(j["tests"][2]["conformity"].is_null());
    // Too little data says nothing: status 0.
    CHECK(run({"benford", "--input", "numbers", "-"}, "1\n2\n3\n").status == 0);
    // A line that is not a number, a file that is not there: status 2.
    const auto bad = run({"benford", "--input", "numbers", "-"}, "1\nabc\n");
    CHECK(bad.status == 2);
    CHECK(bad.err == "<stdin>:2:1: not a number: unexpected character in a number\n");
    CHECK(run({"benford", "no-such-file.txt"}).status == 2);
    const auto dir = run({"benford", RECKON_TOOL_TEST_DIR "/stats"});
    CHECK(dir.status == 2);
    CHECK(dir.err == RECKON_TOOL_TEST_DIR "/stats: is a directory\n");
}
