// SPDX-License-Identifier: MIT
// The joint check of a whole report, with error localisation (joint.hpp), on a synthetic report
// like a statistical bulletin: tables of a total and its parts with their shares, and tables of
// this year's and last year's values with their growth rates. One figure carries a planted typo
// (two digits swapped). The target is under 100 ms for 200 figures and 100 relations.
//
//   cmake -S . -B build-bench -DRECKON_BUILD_BENCHMARKS=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench --target bench_joint && ./build-bench/bench/bench_joint
#include <reckon/joint.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

// A fixed linear congruential generator: the same report on every platform.
class lcg {
public:
    explicit lcg(std::uint64_t seed) : state_(seed) {}
    std::int64_t next(std::int64_t lo, std::int64_t hi) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1U;
        return lo + static_cast<std::int64_t>((state_ >> 33U) % span);
    }

private:
    std::uint64_t state_;
};

// A true value rounded half-even to a resolution of 10^(-decimals) of `unit_factor`.
std::string shown(const reckon::rational& value, const reckon::rational& unit_factor,
                  int decimals) {
    return reckon::decimal::round(value / unit_factor, -decimals, reckon::rounding_mode::half_even)
        .str();
}

struct synthetic {
    reckon::report report;
    std::string planted; // the id of the figure with the typo
};

// About `figures` figures; one table in the middle gets the planted error.
synthetic make_report(std::size_t figures, std::uint64_t seed) {
    synthetic out;
    reckon::report& r = out.report;
    lcg rng(seed);
    const reckon::rational yi(100000000);   // 亿元
    const reckon::rational percent(1, 100); // %
    std::size_t table = 0;
    std::size_t planted_table = figures / 30; // roughly the middle table
    auto id = [&]() { return "F" + std::to_string(r.figures().size() + 1); };
    while (r.figures().size() < figures) {
        const auto k = static_cast<std::size_t>(rng.next(3, 5));
        const std::string t = "T" + std::to_string(table);
        std::vector<reckon::rational> parts;
        reckon::rational total(0);
        for (std::size_t i = 0; i < k; ++i) {
            parts.emplace_back(rng.next(100000000, 9000000000)); // 1 … 90 亿元, in yuan
            total += parts.back();
        }
        if (table % 4 == 0) {
            // A total, its parts, their shares, and the shares' 100 %.
            const std::string whole = id();
            r.add(whole, shown(total, yi, 1), "亿元", t + " total");
            std::vector<std::string> part_ids;
            std::vector<std::string> share_ids;
            for (std::size_t i = 0; i < k; ++i) {
                part_ids.push_back(id());
                r.add(part_ids.back(), shown(parts[i], yi, 1), "亿元",
                      t + " part " + std::to_string(i));
                share_ids.push_back(id());
                r.add(share_ids.back(), shown(parts[i] / total, percent, 1), "%",
                      t + " share " + std::to_string(i));
                r.share(share_ids.back(), part_ids.back(), whole);
            }
            r.sum(whole, part_ids);
            r.shares_total(share_ids);
            if (table == planted_table) {
                out.planted = part_ids[1];
            }
        } else {
            // This year and last, totals and parts, and the growth of each.
            std::vector<reckon::rational> before;
            reckon::rational total0(0);
            for (std::size_t i = 0; i < k; ++i) {
                before.push_back(parts[i] * reckon::rational(rng.next(850, 1250), 1000));
                total0 += before.back();
            }
            const std::string whole = id();
            r.add(whole, shown(total, yi, 1), "亿元", t + " total");
            const std::string whole0 = id();
            r.add(whole0, shown(total0, yi, 1), "亿元", t + " total last year");
            const std::string g = id();
            r.add(g, shown(total / total0 - 1, percent, 1), "%", t + " growth");
            r.growth(g, whole, whole0);
            std::vector<std::string> now_ids;
            std::vector<std::string> before_ids;
            for (std::size_t i = 0; i < k; ++i) {
                now_ids.push_back(id());
                r.add(now_ids.back(), shown(parts[i], yi, 1), "亿元",
                      t + " part " + std::to_string(i));
                before_ids.push_back(id());
                r.add(before_ids.back(), shown(before[i], yi, 1), "亿元",
                      t + " part " + std::to_string(i) + " last year");
                const std::string gi = id();
                r.add(gi, shown(parts[i] / before[i] - 1, percent, 1), "%",
                      t + " part " + std::to_string(i) + " growth");
                r.growth(gi, now_ids.back(), before_ids.back());
            }
            r.sum(whole, now_ids);
            r.sum(whole0, before_ids);
            if (table == planted_table) {
                out.planted = now_ids[1];
            }
        }
        ++table;
    }
    // The planted typo: the first two different adjacent digits swapped (across the point too).
    reckon::figure* f = r.find(out.planted);
    std::string digits = f->display.coefficient().abs_digits();
    for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
        if (digits[i] != digits[i + 1]) {
            std::swap(digits[i], digits[i + 1]);
            break;
        }
    }
    reckon::big_int k = 0;
    for (char c : digits) {
        k = k * 10 + (c - '0');
    }
    f->display = reckon::decimal(k, f->display.exponent());
    return out;
}

void joint_check(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const synthetic s = make_report(n, 20240601);
    reckon::joint_result last;
    for (auto _ : state) {
        last = reckon::check_jointly(s.report);
        benchmark::DoNotOptimize(last);
    }
    if (last.feasible || last.suspects.empty() ||
        last.suspects.front().figures.front() != s.planted) {
        throw std::runtime_error("bench_joint: the planted error " + s.planted +
                                 " was not found first: " + last.message);
    }
    state.counters["figures"] = static_cast<double>(s.report.figures().size());
    state.counters["relations"] = static_cast<double>(s.report.relations().size());
    state.counters["parts"] = static_cast<double>(last.parts);
    state.counters["solves"] = static_cast<double>(last.solves);
    state.counters["suspects"] = static_cast<double>(last.suspects.size());
    state.SetLabel(last.message);
}

// The joint check alone, given each relation's finding (as `audit` calls it).
void joint_check_given_findings(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const synthetic s = make_report(n, 20240601);
    const reckon::checker c(s.report.figures(), s.report.rounding());
    std::vector<reckon::finding> findings;
    for (const auto& rel : s.report.relations()) {
        findings.push_back(c.check(rel));
    }
    for (auto _ : state) {
        auto j = reckon::check_jointly(s.report, findings);
        benchmark::DoNotOptimize(j);
    }
}

} // namespace

BENCHMARK(joint_check)->Arg(200)->Arg(400)->Arg(800)->Unit(benchmark::kMillisecond);
BENCHMARK(joint_check_given_findings)->Arg(200)->Arg(400)->Arg(800)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
