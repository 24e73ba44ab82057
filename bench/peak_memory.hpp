// SPDX-License-Identifier: MIT
// Peak resident memory of one piece of work, for the benchmarks (Linux): freed memory goes
// back to the system and the peak is reset to the present before the work, so that each
// measurement stands on its own, whatever ran before.
//
//     const long before = bench::start_peak();   // KiB resident now
//     work();
//     const long extra = bench::peak_since() - before;
#pragma once

#include <malloc.h>
#include <sys/resource.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace bench {

// The whole process's peak resident size, in KiB (getrusage: it never goes down).
inline long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// A line of /proc/self/status in KiB ("VmRSS", "VmHWM"), or -1.
inline long status_kib(const char* key) {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (f == nullptr) {
        return -1;
    }
    char line[256];
    long v = -1;
    const std::size_t n = std::strlen(key);
    while (std::fgets(line, sizeof line, f) != nullptr) {
        if (std::strncmp(line, key, n) == 0 && line[n] == ':') {
            v = std::strtol(line + n + 1, nullptr, 10);
            break;
        }
    }
    std::fclose(f);
    return v;
}

inline bool& peak_reset_works() {
    static bool works = false;
    return works;
}

// Starts a measurement: "5" to /proc/self/clear_refs resets the peak (VmHWM) to the present.
// Returns the resident size now, in KiB; `peak_since()` then gives the peak. Falls back to
// getrusage's whole-process peak where the reset is refused.
inline long start_peak() {
    malloc_trim(0);
    std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
    bool works = f != nullptr && std::fputs("5", f) >= 0;
    if (f != nullptr) {
        works = std::fclose(f) == 0 && works;
    }
    peak_reset_works() = works;
    return works ? status_kib("VmRSS") : peak_rss_kib();
}

inline long peak_since() { return peak_reset_works() ? status_kib("VmHWM") : peak_rss_kib(); }

} // namespace bench
