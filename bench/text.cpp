// SPDX-License-Identifier: MIT
// Reading and auditing a large text (issue 6, item 6): read_text + audit on a Chinese text of
// 1, 4 and 16 MB, printing MB/s (target ≥ 20 MB/s, flat across sizes: linear time) and the peak
// resident memory against the input size (target: a few times the input). The time is split:
// reading alone (read_text), then each relation checked alone (audit without the joint check),
// then the joint check of the report as a whole; MB/s for each phase and cumulated. Then the
// same work streamed (`audit_text`: read and audited a section at a time, the findings handed
// over and dropped), with its own peak memory: the way to audit a text of any length.
//
//     ./build/bench/bench_text                      # synthetic text, generated here
//     ./build/bench/bench_text ../shared/corpus     # real passages (every *.txt), repeated
//     RECKON_CORPUS_DIR=../shared/corpus ./build/bench/bench_text
//
// The passages are read at run time and never copied into the repository. The synthetic text
// is written here from templates with a fixed seed (printed), in the style of a statistical
// communiqué: parts and totals, shares, growth with increments, dates and noise.

#include <reckon/audit.hpp>
#include <reckon/joint.hpp>
#include <reckon/text.hpp>
#include <reckon/text_audit.hpp>

#include "peak_memory.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The passages of a directory (every *.txt), or one file, concatenated.
std::string corpus_text(const fs::path& where) {
    if (fs::is_regular_file(where)) {
        return read_file(where);
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(where)) {
        if (e.path().extension() == ".txt") {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::string out;
    for (const auto& f : files) {
        out += read_file(f);
        out += "\n\n";
    }
    return out;
}

// A synthetic communiqué paragraph: a total and its parts with shares, growth with increments,
// dates, an ordinal and a phone number.
std::string synthetic_paragraph(std::mt19937_64& rng) {
    auto pick = [&](std::uint64_t lo, std::uint64_t hi) { return lo + rng() % (hi - lo + 1); };
    const std::uint64_t a = pick(100, 9000);
    const std::uint64_t b = pick(100, 9000);
    const std::uint64_t total = a + b;
    const std::uint64_t up = pick(10, 99);
    const std::uint64_t year = pick(2001, 2024);
    auto tenth = [](std::uint64_t v) {
        return std::to_string(v / 10) + "." + std::to_string(v % 10);
    };
    auto share = [&](std::uint64_t part) { return tenth((part * 1000 + total / 2) / total); };
    std::string p;
    p += std::to_string(year) + "年1-" + std::to_string(pick(2, 12)) + "月,全市完成固定资产投资" +
         tenth(total) + "亿元,比上年增加" + tenth(up) + "亿元,增长" +
         tenth((up * 1000 + (total - up) / 2) / (total - up)) + "%。其中,续建项目完成投资" +
         tenth(a) + "亿元,占全部投资的" + share(a) + "%;新建项目完成投资" + tenth(b) +
         "亿元,占全部投资的" + share(b) + "%。第十八届交易会签约项目" +
         std::to_string(pick(5, 90)) + "项,咨询电话010-65363056。\n";
    return p;
}

struct run_result {
    double read = 0;  // read_text
    double check = 0; // each relation
    double joint = 0; // the report as a whole
    std::size_t figures = 0;
    std::size_t relations = 0;
    std::size_t inconsistent = 0;
    long peak_kib = 0; // above the resident size before, the input not included
};

struct stream_result {
    double seconds = 0;      // processor time
    double wall_seconds = 0; // elapsed time
    std::size_t sections = 0;
    std::size_t relations = 0;
    std::size_t inconsistent = 0;
    long peak_kib = 0; // above the resident size before, the input not included
};

// Processor time of this process: on a machine shared with other work, wall time measures the
// neighbours as much as the program.
double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec) / 1e6 +
           static_cast<double>(u.ru_stime.tv_sec) + static_cast<double>(u.ru_stime.tv_usec) / 1e6;
}

double since(double t0) { return cpu_seconds() - t0; }

run_result run(const std::string& text) {
    run_result out;
    const long before = bench::start_peak();
    double t0 = cpu_seconds();
    const reckon::report r = reckon::read_text(text, "bench");
    out.read = since(t0);
    t0 = cpu_seconds();
    reckon::audit_options no_joint;
    no_joint.joint = false;
    const reckon::audit_result a = reckon::audit(r, no_joint);
    out.check = since(t0);
    t0 = cpu_seconds();
    const reckon::joint_result j = reckon::check_jointly(r, a.findings);
    out.joint = since(t0);
    out.figures = r.figures().size();
    out.relations = a.findings.size();
    out.inconsistent = a.summary.inconsistent + (j.checked && !j.feasible ? 1 : 0);
    out.peak_kib = bench::peak_since() - before;
    return out;
}

// The same work streamed: each section's findings reach the sink and are dropped.
stream_result stream(const std::string& text, unsigned threads) {
    stream_result out;
    const long before = bench::start_peak();
    const double t0 = cpu_seconds();
    const auto w0 = std::chrono::steady_clock::now();
    std::size_t findings = 0;
    reckon::text_audit_options o;
    o.threads = threads;
    const reckon::text_audit_summary s = reckon::audit_text(
        text, "bench",
        [&](const reckon::text_section&, const reckon::report&, const reckon::audit_result& a) {
            findings += a.findings.size();
        },
        o);
    out.seconds = since(t0);
    out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    out.peak_kib = bench::peak_since() - before;
    out.sections = s.sections;
    out.relations = findings;
    out.inconsistent = s.summary.inconsistent + s.infeasible_parts;
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::string unit;
    std::string source;
    const char* env = std::getenv("RECKON_CORPUS_DIR");
    if (argc > 1) {
        unit = corpus_text(argv[1]);
        source = argv[1];
    } else if (env != nullptr && *env != '\0') {
        unit = corpus_text(env);
        source = env;
    }
    const std::uint64_t seed = 20240501;
    if (unit.empty()) {
        std::mt19937_64 rng(seed);
        while (unit.size() < 64 * 1024) {
            unit += synthetic_paragraph(rng);
        }
        source = "synthetic (seed " + std::to_string(seed) + ")";
    }
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) != 3) {
        load[0] = -1;
    }
    std::printf("reckon text benchmark: read_text + audit\ninput: %s, %zu bytes repeated; "
                "load average %.2f at start\n",
                source.c_str(), unit.size(), load[0]);
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    std::printf("%6s %8s %9s | %6s %6s %6s | %8s %6s %6s | %6s %6s || %6s %6s %6s || %6s %6s "
                "%6s\n",
                "MB", "figures", "relations", "read", "check", "joint", "read+chk", "all", "all s",
                "peak", "/in", "stream", "peak", "/in", "wall", "peak", "/in");
    std::printf("%6s %8s %9s | %6s %6s %6s | %8s %6s %6s | %6s %6s || %6s %6s %6s || %6s %6s "
                "%6s\n",
                "", "", "", "MB/s", "MB/s", "MB/s", "MB/s", "MB/s", "", "MB", "", "MB/s", "MB", "",
                "MB/s", "MB", "");
    std::size_t cut = 0; // relations not made in the streamed reading, all sizes
    for (const std::size_t mb : {1U, 4U, 16U}) {
        std::string text;
        text.reserve(mb * 1024 * 1024 + unit.size());
        while (text.size() < mb * 1024 * 1024) {
            text += unit;
        }
        const stream_result st = stream(text, 1);
        const stream_result par = stream(text, cores);
        const run_result r = run(text);
        cut += r.relations - st.relations;
        const double in_mb = static_cast<double>(text.size()) / (1024.0 * 1024.0);
        const double peak_mb = static_cast<double>(r.peak_kib) / 1024.0 + in_mb;
        const double stream_mb = static_cast<double>(st.peak_kib) / 1024.0 + in_mb;
        const double par_mb = static_cast<double>(par.peak_kib) / 1024.0 + in_mb;
        const double all = r.read + r.check + r.joint;
        auto rate = [&](double seconds) { return seconds > 0 ? in_mb / seconds : 0.0; };
        std::printf("%6.1f %8zu %9zu | %6.1f %6.1f %6.1f | %8.1f %6.2f %6.2f | %6.0f %6.1f || "
                    "%6.2f %6.0f %6.1f || %6.2f %6.0f %6.1f\n",
                    in_mb, r.figures, r.relations, rate(r.read), rate(r.check), rate(r.joint),
                    rate(r.read + r.check), rate(all), all, peak_mb, peak_mb / in_mb,
                    rate(st.seconds), stream_mb, stream_mb / in_mb, rate(par.wall_seconds), par_mb,
                    par_mb / in_mb);
    }
    if (getloadavg(load, 3) == 3) {
        std::printf("load average %.2f at the end\n", load[0]);
    }
    std::printf("(MB/s of input per second of processor time; read = read_text, check = each "
                "relation alone (audit without the joint check), joint = the report as a whole "
                "(check_jointly); read+chk and all cumulate; all s = processor seconds; stream = "
                "audit_text, the same work a section (%zu KiB) at a time, findings dropped; wall = "
                "audit_text on %u threads (one per core), MB/s of elapsed time; peak = peak "
                "resident memory of the run, the input included; %zu relations across section "
                "cuts not made by the streamed reading, all sizes)\n",
                reckon::text_audit_options{}.section_bytes / 1024, cores, cut);
    return 0;
}
