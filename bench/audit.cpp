// SPDX-License-Identifier: MIT
// Relation checks through the public API (issue 3's benchmarks):
//  - one share check (checker::decide on 80.6 % = 119.4 亿元 / 148.2 亿元) against an int128
//    cross-multiplication loop deciding the same question on scaled integers, in the same run;
//  - a synthetic statistical yearbook (tables of a total, its parts and their shares) audited
//    per relation (no joint check, only the problem findings kept: audit_options::only_problems)
//    at 10k and 100k figures (1M with --yearbook-max=1000000), printing the time per figure
//    and the peak memory (getrusage) per figure, the report itself included.
//
//   cmake --preset bench && cmake --build --preset bench && ./build/bench/bench/bench_audit
#include <reckon/audit.hpp>

#include "peak_memory.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

__extension__ typedef __int128 int128; // NOLINT: GCC and Clang's 128-bit integer

reckon::report xining_share() {
    reckon::report r{"share"};
    r.add("F2", "148.2", "亿元");
    r.add("F6", "119.4", "亿元");
    r.add("F7", "80.6", "%");
    r.share("F7", "F6", "F2");
    return r;
}

// The verdict through the public API: the relation prepared once (figures looked up, their
// intervals as scaled integers), then decided (checker::decide: verdict, tie flag, miss).
void BM_share_check_reckon(benchmark::State& state) {
    const reckon::report r = xining_share();
    const reckon::checker c(r.figures(), r.rounding());
    const reckon::prepared_relation p = c.prepare(r.relations().front());
    if (!p.integer_path() || c.decide(p).verdict != c.check(p.source()).verdict) {
        state.SkipWithError("the share check left the integer path or disagrees with check()");
    }
    for (auto _ : state) {
        auto d = c.decide(p);
        benchmark::DoNotOptimize(d.verdict);
        benchmark::DoNotOptimize(d.tie_only);
    }
}
BENCHMARK(BM_share_check_reckon);

// The full finding (numbers, message, fingerprint) on the rational path, for reference.
void BM_share_check_reckon_finding(benchmark::State& state) {
    const reckon::report r = xining_share();
    const reckon::checker c(r.figures(), r.rounding());
    for (auto _ : state) {
        auto f = c.check(r.relations().front());
        benchmark::DoNotOptimize(f.verdict);
    }
}
BENCHMARK(BM_share_check_reckon_finding);

// The same decision on scaled integers: is part/whole inside the share's interval, with part,
// whole and share each free within half a step? p ∈ [1193.5, 1194.5] (tenths of 亿),
// w ∈ [1481.5, 1482.5], s ∈ [805.5, 806.5] (tenths of a percent, over 1000): the share interval
// meets [p_lo/w_hi, p_hi/w_lo] iff p_lo·1000 ≤ s_hi·w_hi and s_lo·w_lo ≤ p_hi·1000, all
// doubled to stay integral; and the rounds check p·1000 vs s ± ½ times w.
void BM_share_check_int128(benchmark::State& state) {
    volatile std::int64_t part = 1194;
    volatile std::int64_t whole = 1482;
    volatile std::int64_t share = 806;
    for (auto _ : state) {
        const int128 p = part;
        const int128 w = whole;
        const int128 s = share;
        // rounds: (s − ½)·w ≤ 1000·p ≤ (s + ½)·w, doubled
        const bool rounds = (2 * s - 1) * w <= 2000 * p && 2000 * p <= (2 * s + 1) * w;
        // within rounding: [2p−1, 2p+1]/[2w+1, 2w−1] meets [2s−1, 2s+1]/2000
        const bool within = (2 * p - 1) * 2000 <= (2 * s + 1) * (2 * w + 1) &&
                            (2 * s - 1) * (2 * w - 1) <= (2 * p + 1) * 2000;
        benchmark::DoNotOptimize(rounds);
        benchmark::DoNotOptimize(within);
    }
}
BENCHMARK(BM_share_check_int128);

// A yearbook: tables of a total (亿元, one decimal), 3–5 parts and their shares (%, one
// decimal), with a sum, a share per part and a shares_total per table.
reckon::report yearbook(std::size_t figures) {
    reckon::report r{"yearbook"};
    r.figures().reserve(figures + 16);
    r.relations().reserve(figures * 5 / 7 + 16); // 2k + 1 figures, k + 2 relations, k ≥ 3
    std::uint64_t state = 20261128;
    auto next = [&](std::uint64_t lo, std::uint64_t hi) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return lo + (state >> 33U) % (hi - lo + 1);
    };
    std::size_t t = 0;
    const reckon::report& view = r; // reading through the non-const figures() would mark the
                                    // report's id index stale (see report::figures)
    while (view.figures().size() < figures) {
        const std::size_t k = next(3, 5);
        if (view.figures().size() + 2 * k + 1 > figures) {
            break; // at most `figures`: a million is the report's limit (reckon::max_figures)
        }
        std::vector<std::uint64_t> parts(k);
        std::uint64_t total = 0;
        for (auto& p : parts) {
            p = next(100, 99999); // tenths of 亿元
            total += p;
        }
        const std::string T = "T" + std::to_string(t++);
        auto tenths = [](std::uint64_t v) {
            return std::to_string(v / 10) + "." + std::to_string(v % 10);
        };
        r.add(reckon::figure::parse(T, tenths(total), "亿元"));
        std::vector<std::string> part_ids;
        std::vector<std::string> share_ids;
        for (std::size_t i = 0; i < k; ++i) {
            const std::string P = T + "P" + std::to_string(i);
            const std::string S = T + "S" + std::to_string(i);
            r.add(reckon::figure::parse(P, tenths(parts[i]), "亿元"));
            // share in tenths of a percent, rounded half up
            const std::uint64_t s = (parts[i] * 2000 + total) / (2 * total);
            r.add(reckon::figure::parse(S, tenths(s), "%"));
            part_ids.push_back(P);
            share_ids.push_back(S);
        }
        reckon::relation sum;
        sum.id = T + "R";
        sum.kind = reckon::relation_kind::sum;
        sum.figures.push_back(T);
        sum.figures.insert(sum.figures.end(), part_ids.begin(), part_ids.end());
        r.add(std::move(sum));
        for (std::size_t i = 0; i < k; ++i) {
            reckon::relation sh;
            sh.id = T + "R" + std::to_string(i);
            sh.kind = reckon::relation_kind::share;
            sh.figures = {share_ids[i], part_ids[i], T};
            r.add(std::move(sh));
        }
        reckon::relation tot;
        tot.id = T + "RS";
        tot.kind = reckon::relation_kind::shares_total;
        tot.figures.emplace_back();
        tot.figures.insert(tot.figures.end(), share_ids.begin(), share_ids.end());
        r.add(std::move(tot));
    }
    return r;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t yearbook_max = 100000;
    std::vector<char*> rest;
    for (int i = 0; i < argc; ++i) {
        if (std::strncmp(argv[i], "--yearbook-max=", 15) == 0) {
            yearbook_max = std::strtoull(argv[i] + 15, nullptr, 10);
        } else {
            rest.push_back(argv[i]);
        }
    }
    int rest_argc = static_cast<int>(rest.size());
    benchmark::Initialize(&rest_argc, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();

    std::printf("\nyearbook audit (per-relation checks, no joint check, only problem findings "
                "kept), processor time,\nmedian of `runs` audits of the same report (the first "
                "one gives the peak memory):\n");
    std::printf("%10s %10s %5s %12s %14s %18s %14s\n", "figures", "relations", "runs", "seconds",
                "us/figure", "peak bytes/figure", "of which audit");
    reckon::audit_options per_relation;
    per_relation.joint = false;
    per_relation.only_problems = true; // decide each relation; findings for problems only
    {
        // Warm-up: first-use costs (the unit store, the allocator's arenas) are not per figure.
        const reckon::report warm = yearbook(1000);
        benchmark::DoNotOptimize(reckon::audit(warm, per_relation).summary.relations);
    }
    for (std::size_t n = 10000; n <= yearbook_max; n *= 10) {
        const long rss_before = bench::start_peak();
        const reckon::report r = yearbook(n);
        const long rss_report = bench::peak_since();
        // Enough runs for about 300k figures in all: a 10k audit alone lasts a few ms.
        const std::size_t runs = std::max<std::size_t>(5, std::min<std::size_t>(31, 300000 / n));
        std::vector<double> times;
        long rss_after = 0;
        std::size_t inconsistent = 0;
        for (std::size_t i = 0; i < runs; ++i) {
            const auto start = std::clock();
            const reckon::audit_result a = reckon::audit(r, per_relation);
            const auto stop = std::clock();
            times.push_back(static_cast<double>(stop - start) / CLOCKS_PER_SEC);
            if (i == 0) {
                rss_after = bench::peak_since();
                inconsistent = a.summary.inconsistent;
            }
        }
        std::sort(times.begin(), times.end());
        const double seconds = times[times.size() / 2];
        const auto figs = static_cast<double>(r.figures().size());
        std::printf("%10zu %10zu %5zu %12.3f %14.2f %18.0f %14.0f   (%zu inconsistent)\n",
                    r.figures().size(), r.relations().size(), runs, seconds, seconds * 1e6 / figs,
                    static_cast<double>(rss_after - rss_before) * 1024.0 / figs,
                    static_cast<double>(rss_after - rss_report) * 1024.0 / figs, inconsistent);
    }
    std::printf("targets: share check <= 3x the int128 loop; 1M figures < 2 s; time per figure "
                "flat within 20 %%; peak memory < 300 bytes per figure\n");
    return 0;
}
