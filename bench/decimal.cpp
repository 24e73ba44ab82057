// SPDX-License-Identifier: MIT
//
// How fast reckon reads and exactly sums printed numbers, against two baselines:
//
//   reckon     reckon::decimal::parse + operator+ (exact, any size, validates grouping,
//              full-width forms, UTF-8 and the digit limit)
//   int64      a hand-written loop into an int64 scaled to 4 decimal places: skips `,`,
//              reads the sign and the point, and nothing else (the tightest fair baseline)
//   dec50      boost::multiprecision::cpp_dec_float_50 from its string constructor, after
//              removing the thousands separators (the removal is counted in its time)
//
// over 1,000,000 strings of mixed precision ("148.2", "-0.09", "12,345.6789", "84",
// "-1,234", ...), generated deterministically before any timing. After the benchmarks it
// prints the time ratios, the heap allocations per figure of the reckon loop (global operator
// new is replaced by a counting one below), and the three sums, which must agree exactly.
//
//   cmake --preset bench && cmake --build --preset bench && ./build/bench/bench/bench_decimal
//
// The program exits non-zero if the sums disagree; the speed targets are reported, not enforced
// (timings on a shared machine are noisy).
#include <reckon/decimal.hpp>

#include <benchmark/benchmark.h>
#include <boost/multiprecision/cpp_dec_float.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <new>
#include <random>
#include <string>
#include <string_view>
#include <vector>

// --- counting global allocation ------------------------------------------------------------------

namespace {
std::atomic<std::size_t> allocation_count{0};
} // namespace

// Out of line on purpose: once inlined, GCC pairs the malloc inside `new` with the free inside
// `delete` and warns of a mismatch (-Wmismatched-new-delete).
#if defined(__GNUC__)
#define RECKON_BENCH_NOINLINE __attribute__((noinline))
#else
#define RECKON_BENCH_NOINLINE
#endif

RECKON_BENCH_NOINLINE void* operator new(std::size_t size) {
    allocation_count.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) {
        return p;
    }
    throw std::bad_alloc();
}
RECKON_BENCH_NOINLINE void* operator new[](std::size_t size) { return ::operator new(size); }
RECKON_BENCH_NOINLINE void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    allocation_count.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
RECKON_BENCH_NOINLINE void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
    return ::operator new(size, tag);
}
RECKON_BENCH_NOINLINE void operator delete(void* p) noexcept { std::free(p); }
RECKON_BENCH_NOINLINE void operator delete[](void* p) noexcept { std::free(p); }
RECKON_BENCH_NOINLINE void operator delete(void* p, std::size_t) noexcept { std::free(p); }
RECKON_BENCH_NOINLINE void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
RECKON_BENCH_NOINLINE void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
RECKON_BENCH_NOINLINE void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}

namespace {

#ifndef RECKON_BENCH_FIGURES
#define RECKON_BENCH_FIGURES 1000000
#endif
constexpr std::size_t figure_count = RECKON_BENCH_FIGURES;
constexpr std::uint64_t seed = 0xDEC1A1ULL;

// --- the inputs ----------------------------------------------------------------------------------

struct inputs {
    std::string storage; // all the strings, back to back
    std::vector<std::string_view> numbers;
};

void append_digits(std::string& out, std::mt19937_64& rng, int count, bool nonzero_first) {
    std::uniform_int_distribution<int> digit(0, 9);
    std::uniform_int_distribution<int> first(1, 9);
    for (int k = 0; k < count; ++k) {
        out += static_cast<char>('0' + (k == 0 && nonzero_first ? first(rng) : digit(rng)));
    }
}

// An integer part of 1 to 6 digits, grouped by thousands or not.
void append_integer(std::string& out, std::mt19937_64& rng, bool grouped) {
    std::uniform_int_distribution<int> length(1, 6);
    std::string digits;
    append_digits(digits, rng, length(rng), true);
    const std::size_t n = digits.size();
    for (std::size_t k = 0; k < n; ++k) {
        if (grouped && k != 0 && (n - k) % 3 == 0) {
            out += ',';
        }
        out += digits[k];
    }
}

const inputs& the_inputs() {
    static const inputs in = [] {
        inputs r;
        std::mt19937_64 rng(seed);
        std::uniform_int_distribution<int> form(0, 5);
        std::uniform_int_distribution<int> quarter(0, 3);
        std::vector<std::size_t> ends;
        ends.reserve(figure_count);
        r.storage.reserve(figure_count * 10);
        for (std::size_t i = 0; i < figure_count; ++i) {
            std::string s = quarter(rng) == 0 ? "-" : "";
            switch (form(rng)) {
            case 0: // "148.2"
                append_integer(s, rng, false);
                s += '.';
                append_digits(s, rng, 1, false);
                break;
            case 1: // "-0.09"
                s += "0.";
                append_digits(s, rng, 2, false);
                break;
            case 2: // "12,345.6789"
                append_integer(s, rng, true);
                s += '.';
                append_digits(s, rng, 4, false);
                break;
            case 3: // "84", "1,234"
                append_integer(s, rng, quarter(rng) != 0);
                break;
            case 4: // "3.142"
                append_integer(s, rng, false);
                s += '.';
                append_digits(s, rng, 3, false);
                break;
            default: // "+1,234.56"
                if (s.empty()) {
                    s = "+";
                }
                append_integer(s, rng, true);
                s += '.';
                append_digits(s, rng, 2, false);
                break;
            }
            r.storage += s;
            ends.push_back(r.storage.size());
        }
        std::size_t begin = 0;
        r.numbers.reserve(figure_count);
        for (const std::size_t end : ends) {
            r.numbers.emplace_back(r.storage.data() + begin, end - begin);
            begin = end;
        }
        return r;
    }();
    return in;
}

// --- the three loops -----------------------------------------------------------------------------

reckon::decimal sum_reckon(const std::vector<std::string_view>& numbers) {
    reckon::decimal sum;
    for (const std::string_view s : numbers) {
        sum += reckon::decimal::parse(s);
    }
    return sum;
}

constexpr std::int64_t scale4[5] = {10000, 1000, 100, 10, 1};

// Digits into an int64 scaled to 10^-4: skips `,`, reads `+`, `-` and `.`; anything else
// aborts (the generated inputs never have it).
std::int64_t parse_scaled4(std::string_view s) {
    std::size_t i = 0;
    bool negative = false;
    if (s[0] == '-' || s[0] == '+') {
        negative = s[0] == '-';
        i = 1;
    }
    std::int64_t v = 0;
    int frac = -1;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            frac += frac >= 0 ? 1 : 0;
        } else if (c == '.') {
            frac = 0;
        } else if (c != ',') {
            std::abort();
        }
    }
    v *= scale4[frac < 0 ? 0 : frac];
    return negative ? -v : v;
}

std::int64_t sum_int64(const std::vector<std::string_view>& numbers) {
    std::int64_t sum = 0;
    for (const std::string_view s : numbers) {
        sum += parse_scaled4(s);
    }
    return sum;
}

using dec50 = boost::multiprecision::cpp_dec_float_50;

dec50 sum_dec50(const std::vector<std::string_view>& numbers) {
    dec50 sum = 0;
    std::string plain;
    plain.reserve(32);
    for (const std::string_view s : numbers) {
        plain.clear();
        for (const char c : s) {
            if (c != ',') {
                plain += c;
            }
        }
        sum += dec50(plain.c_str());
    }
    return sum;
}

// --- the benchmarks ------------------------------------------------------------------------------

void bm_reckon(benchmark::State& state) {
    const auto& numbers = the_inputs().numbers;
    for (auto _ : state) {
        reckon::decimal sum = sum_reckon(numbers);
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(numbers.size()));
}

void bm_int64(benchmark::State& state) {
    const auto& numbers = the_inputs().numbers;
    for (auto _ : state) {
        std::int64_t sum = sum_int64(numbers);
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(numbers.size()));
}

void bm_dec50(benchmark::State& state) {
    const auto& numbers = the_inputs().numbers;
    for (auto _ : state) {
        dec50 sum = sum_dec50(numbers);
        benchmark::DoNotOptimize(sum);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(numbers.size()));
}

BENCHMARK(bm_int64)->Unit(benchmark::kMillisecond)->Repetitions(5);
BENCHMARK(bm_reckon)->Unit(benchmark::kMillisecond)->Repetitions(5);
BENCHMARK(bm_dec50)->Unit(benchmark::kMillisecond)->Repetitions(5);

// Prints as the console reporter does, and keeps each repetition's times per iteration (in
// milliseconds) of each benchmark, so that main() can print the ratios of their medians. CPU
// time, not wall time, decides: on a shared machine the wall time mostly measures the load.
class capturing_reporter : public benchmark::ConsoleReporter {
public:
    struct times {
        std::vector<double> cpu;
        std::vector<double> real;
    };

    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs) {
            if (run.run_type != Run::RT_Iteration || run.error_occurred) {
                continue;
            }
            times& t = times_[run.run_name.function_name];
            t.cpu.push_back(run.GetAdjustedCPUTime());
            t.real.push_back(run.GetAdjustedRealTime());
        }
        ConsoleReporter::ReportRuns(runs);
    }

    [[nodiscard]] double median_cpu(const std::string& name) const { return median(name, true); }
    [[nodiscard]] double median_real(const std::string& name) const { return median(name, false); }

private:
    [[nodiscard]] double median(const std::string& name, bool cpu) const {
        const auto it = times_.find(name);
        if (it == times_.end()) {
            return 0.0;
        }
        std::vector<double> v = cpu ? it->second.cpu : it->second.real;
        if (v.empty()) {
            return 0.0;
        }
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    }

    std::map<std::string, times> times_;
};

std::string int64_scaled4_str(std::int64_t v) {
    const bool negative = v < 0;
    const std::uint64_t mag =
        negative ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    std::string digits = std::to_string(mag);
    if (digits.size() < 5) {
        digits.insert(0, 5 - digits.size(), '0');
    }
    return (negative ? "-" : "") + digits.substr(0, digits.size() - 4) + "." +
           digits.substr(digits.size() - 4);
}

} // namespace

int main(int argc, char** argv) {
    const auto& numbers = the_inputs().numbers;
    std::cout << "inputs: " << numbers.size() << " strings, seed " << seed << ", e.g.";
    for (std::size_t i = 0; i < 8; ++i) {
        std::cout << ' ' << numbers[i];
    }
    std::cout << "\n";

    // The sums, and the heap allocations of one reckon pass.
    const std::size_t before = allocation_count.load();
    const reckon::decimal reckon_sum = sum_reckon(numbers);
    const std::size_t reckon_allocations = allocation_count.load() - before;
    const std::int64_t int64_sum = sum_int64(numbers);
    const dec50 dec50_sum = sum_dec50(numbers);

    const std::string reckon_text = reckon_sum.with_exponent(std::min(reckon_sum.exponent(), -4))
                                        .round(-4, reckon::rounding_mode::toward_zero)
                                        .str();
    const std::string int64_text = int64_scaled4_str(int64_sum);
    const std::string dec50_text = dec50_sum.str(4, std::ios_base::fixed);
    std::cout << "sum reckon = " << reckon_sum.str() << "\n";
    std::cout << "sum int64  = " << int64_text << "\n";
    std::cout << "sum dec50  = " << dec50_text << "\n";
    const bool agree = reckon_text == int64_text && reckon_text == dec50_text &&
                       reckon_sum.exponent() == -4 &&
                       reckon_sum == reckon::decimal::parse(dec50_text);
    std::cout << (agree ? "the three sums agree exactly" : "THE SUMS DISAGREE") << "\n";
    std::cout << "heap allocations per figure: "
              << static_cast<double>(reckon_allocations) / static_cast<double>(numbers.size())
              << " (" << reckon_allocations << " in " << numbers.size() << " parses and sums)\n"
              << std::endl;

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    capturing_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const double t_reckon = reporter.median_cpu("bm_reckon");
    const double t_int64 = reporter.median_cpu("bm_int64");
    const double t_dec50 = reporter.median_cpu("bm_dec50");
    if (t_reckon > 0 && t_int64 > 0 && t_dec50 > 0) {
        std::printf("\nmedian of 5 repetitions, ms per 1,000,000 figures, CPU time (wall time):\n"
                    "  reckon %.2f (%.2f), int64 %.2f (%.2f), cpp_dec_float_50 %.2f (%.2f)\n",
                    t_reckon, reporter.median_real("bm_reckon"), t_int64,
                    reporter.median_real("bm_int64"), t_dec50, reporter.median_real("bm_dec50"));
        std::printf("ratio reckon/int64 = %.2f (target <= 1.3)\n", t_reckon / t_int64);
        std::printf("speedup over cpp_dec_float_50 = %.1f (target >= 5)\n", t_dec50 / t_reckon);
    }
    std::printf("heap allocations per figure: %zu\n",
                (reckon_allocations + numbers.size() - 1) / numbers.size());
    return agree ? 0 : 1;
}
