// SPDX-License-Identifier: MIT
// Reading and auditing adversarial text (issue 8, item 3): read_text + audit on 1, 10 and 100 MB
// of text written to be hard — tiny figures back to back in one clause, one endless grouped
// number, deep parentheses, runs of percent signs and of 其中, a total with a huge list of parts
// — printing for each the time to read, the time to audit and the peak resident memory
// (ru_maxrss). Plain timing, not Google Benchmark: each case runs once, in a child process of
// its own, so that its peak memory is its own and a case that blows up (time or memory) is
// stopped and reported without ending the others. Larger sizes of a case are not run once a
// smaller one hit a limit.
//
//     ./build/bench/bench_hostile                 # 1, 10 and 100 MB, 300 s and 8 GiB per case
//     ./build/bench/bench_hostile 10 60 4096      # up to 10 MB, 60 s and 4 GiB per case
//     ./build/bench/bench_hostile 1 60 4096 digits,parts   # only these cases

#include <reckon/audit.hpp>
#include <reckon/text.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <string>
#include <vector>

namespace {

struct pattern {
    const char* name;
    const char* what;
    std::function<std::string(std::size_t)> make; // about n bytes of text
};

std::string repeat_to(const std::string& unit, std::size_t n) {
    std::string out;
    out.reserve(n + unit.size());
    while (out.size() < n) {
        out += unit;
    }
    return out;
}

const std::vector<pattern>& patterns() {
    static const std::vector<pattern> all = {
        {"digits", "\"1 \" repeated: a figure every two bytes, one clause",
         [](std::size_t n) { return repeat_to("1 ", n); }},
        {"grouped", "one number \"123,456,789,…\" of n bytes (digits and separators)",
         [](std::size_t n) { return repeat_to("123,", n) + "1"; }},
        {"figures", "\"增长5%，\" repeated: a figure per clause, one line",
         [](std::size_t n) { return repeat_to("增长5%，", n); }},
        {"parens", "n/2 '(' , a figure, n/2 ')'",
         [](std::size_t n) {
             return std::string(n / 2, '(') + "收入5亿元" + std::string(n / 2, ')');
         }},
        {"percent", "'%' repeated, one figure at the end",
         [](std::size_t n) { return std::string(n, '%') + "5%"; }},
        {"qizhong", "a total, then 其中 repeated, then two parts",
         [](std::size_t n) {
             return "总额100亿元，" + repeat_to("其中", n) + "甲60亿元，乙40亿元。";
         }},
        {"spaces", "a line of n/2 spaces, then \"1 \" repeated: each number asks if a list starts",
         [](std::size_t n) { return std::string(n / 2, ' ') + repeat_to("1 ", n / 2); }},
        {"brackets", "a figure, n/2 spaces, then \"()\" repeated: each asks if it holds the figure",
         [](std::size_t n) {
             return "收入5亿元" + std::string(n / 2, ' ') + repeat_to("()", n / 2);
         }},
        {"ratewords", "增速 and a figure repeated in one clause: each figure's clause is searched",
         [](std::size_t n) { return repeat_to("增速5% ", n); }},
        {"structure", "结构 then \"1:\" repeated: one a:b:c… of n/2 terms",
         [](std::size_t n) { return "三次产业结构" + repeat_to("1:", n) + "1。"; }},
        {"add100",
         "\"加起来100%\" repeated in one sentence: each cue looks at the figures after it",
         [](std::size_t n) { return repeat_to("加起来100% 5% ", n); }},
        {"parts", "a total and 其中 with parts of 1亿元 to n bytes: one huge sum",
         [](std::size_t n) {
             std::string parts = repeat_to("甲1亿元，", n);
             const std::size_t count = parts.size() / std::string("甲1亿元，").size();
             return "总额" + std::to_string(count) + "亿元，其中" + parts + "。";
         }},
    };
    return all;
}

struct outcome {
    double read_s = -1;
    double audit_s = -1;
    std::size_t figures = 0;
    std::size_t relations = 0;
    char error[160] = {};
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The child: build the text, read it, audit it, write the outcome to the pipe.
[[noreturn]] void child(const pattern& p, std::size_t bytes, int fd) {
    outcome o;
    try {
        const std::string text = p.make(bytes);
        auto t0 = std::chrono::steady_clock::now();
        const reckon::report r = reckon::read_text(text, p.name);
        o.read_s = seconds_since(t0);
        o.figures = r.figures().size();
        o.relations = r.relations().size();
        // Report the reading even if the audit never ends.
        if (write(fd, &o, sizeof o) != static_cast<ssize_t>(sizeof o)) {
            _exit(3);
        }
        t0 = std::chrono::steady_clock::now();
        const reckon::audit_result a = reckon::audit(r);
        o.audit_s = seconds_since(t0);
        (void)a;
    } catch (const std::exception& e) {
        std::snprintf(o.error, sizeof o.error, "%s", e.what());
    }
    if (write(fd, &o, sizeof o) != static_cast<ssize_t>(sizeof o)) {
        _exit(3);
    }
    _exit(0);
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t max_mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
    const unsigned limit_s =
        argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 300;
    const std::size_t limit_mib = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 8192;
    const std::string only = argc > 4 ? argv[4] : "";

    std::printf("read_text + audit on adversarial text; each case in its own process, at most "
                "%u s and %zu MiB\n",
                limit_s, limit_mib);
    std::printf("%-8s %7s %10s %10s %10s %9s %9s  %s\n", "case", "MB", "read s", "audit s", "MB/s",
                "figures", "peak MiB", "note");
    for (const auto& p : patterns()) {
        if (!only.empty() &&
            ("," + only + ",").find("," + std::string(p.name) + ",") == std::string::npos) {
            continue;
        }
        bool stop = false;
        for (std::size_t mb = 1; mb <= max_mb && !stop; mb *= 10) {
            int fds[2];
            if (pipe(fds) != 0) {
                std::perror("pipe");
                return 1;
            }
            const pid_t pid = fork();
            if (pid == 0) {
                close(fds[0]);
                rlimit as{};
                as.rlim_cur = as.rlim_max = static_cast<rlim_t>(limit_mib) << 20U;
                setrlimit(RLIMIT_AS, &as);
                alarm(limit_s);
                child(p, mb << 20U, fds[1]);
            }
            close(fds[1]);
            outcome o;
            outcome got;
            ssize_t n = 0;
            while ((n = read(fds[0], &got, sizeof got)) == static_cast<ssize_t>(sizeof got)) {
                o = got; // the last complete record
            }
            close(fds[0]);
            int status = 0;
            rusage use{};
            wait4(pid, &status, 0, &use);
            std::string note = o.error;
            if (WIFSIGNALED(status)) {
                note = WTERMSIG(status) == SIGALRM
                           ? "stopped: over the time limit"
                           : std::string("killed by signal ") + std::to_string(WTERMSIG(status));
                stop = true;
            } else if (note.find("bad_alloc") != std::string::npos || note.find("std::") == 0) {
                note = "out of memory (" + note + ")";
                stop = true;
            }
            const double total = (o.read_s < 0 ? 0 : o.read_s) + (o.audit_s < 0 ? 0 : o.audit_s);
            char read_s[32] = "-";
            char audit_s[32] = "-";
            char rate[32] = "-";
            if (o.read_s >= 0) {
                std::snprintf(read_s, sizeof read_s, "%.3f", o.read_s);
            }
            if (o.audit_s >= 0) {
                std::snprintf(audit_s, sizeof audit_s, "%.3f", o.audit_s);
                std::snprintf(rate, sizeof rate, "%.2f",
                              static_cast<double>(mb) / (total > 0 ? total : 1e-9));
            }
            std::printf("%-8s %7zu %10s %10s %10s %9zu %9ld  %s\n", p.name, mb, read_s, audit_s,
                        rate, o.figures, use.ru_maxrss / 1024, note.c_str());
            std::fflush(stdout);
        }
    }
    return 0;
}
