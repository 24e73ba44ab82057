// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
//
// The `reckon` command-line tool. All the work is in cli.hpp; this file only
// hands it the process: arguments, standard streams, environment, terminal.

#include "cli.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

std::optional<std::string> variable(const char* name) {
    const char* v = std::getenv(name);
    if (v == nullptr) {
        return std::nullopt;
    }
    return std::string(v);
}

} // namespace

int main(int argc, char** argv) {
    try {
        std::ios::sync_with_stdio(false);
        reckon::tool::environment env;
        env.lc_all = variable("LC_ALL");
        env.lc_messages = variable("LC_MESSAGES");
        env.lang = variable("LANG");
        env.no_color = variable("NO_COLOR");
        env.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
        std::vector<std::string> args;
        for (int i = 1; i < argc; ++i) {
            args.emplace_back(argv[i]);
        }
        const int status = reckon::tool::run(args, std::cin, std::cout, std::cerr, env);
        std::cout.flush();
        return status;
    } catch (const std::exception& e) {
        // Never a crash, and never a status that looks like a pass.
        std::cerr << "reckon: internal error: " << e.what() << "\n";
        return 2;
    }
}
