// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

// The `reckon` command line: `reckon audit FILE...` and `reckon extract FILE`.
// Everything but the process itself (environment, terminal, exit) is here, so
// that tests can run the tool in memory:
//
//     std::ostringstream out, err;
//     std::istringstream in;
//     int status = reckon::tool::run({"audit", "examples/xining.toml"}, in, out, err, {});

#include "report_file.hpp"
#include "report_writer.hpp"
#include "stats_commands.hpp"

#include <reckon/audit.hpp>
#include <reckon/error.hpp>
#include <reckon/json.hpp>
#include <reckon/output.hpp>
#include <reckon/report.hpp>
#include <reckon/text.hpp>
#include <reckon/text_audit.hpp>
#include <reckon/version.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <iterator>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace reckon::tool {

/// What the tool takes from its process: the locale variables that choose
/// the language, NO_COLOR, and whether standard output is a terminal.
struct environment {
    std::optional<std::string> lc_all;
    std::optional<std::string> lc_messages;
    std::optional<std::string> lang;
    std::optional<std::string> no_color;
    bool stdout_is_terminal = false;
};

/// The exit statuses (DESIGN.md): nothing inconsistent, something
/// inconsistent, bad input or a bad command line.
enum class exit_status : int { consistent = 0, inconsistent = 1, bad_input = 2 };

namespace detail {

/// The language the locale asks for: the first of LC_ALL, LC_MESSAGES and
/// LANG that is set and not empty decides (POSIX order); "zh…" is Chinese.
[[nodiscard]] inline language language_from(const environment& env) {
    for (const auto* v : {&env.lc_all, &env.lc_messages, &env.lang}) {
        if (*v && !(*v)->empty()) {
            return (*v)->rfind("zh", 0) == 0 ? language::zh : language::en;
        }
    }
    return language::en;
}

/// An input read whole: its name as given and its bytes.
struct input {
    std::string name;
    std::string content;
};

/// A bad input: the message for standard error, and where it is.
struct input_failure {
    std::string message; ///< "file:line:column: reason"
    std::string reason;
    std::size_t line = 0;
    std::size_t column = 0;
    std::optional<std::size_t> offset;
};

[[nodiscard]] inline input_failure failure_of(const input& in, const input_error& e) {
    input_failure f;
    f.reason = e.reason();
    if (e.source() == in.name) {
        f.offset = e.offset();
        f.line = e.line();
        f.column = e.column();
        if (f.line == 0) {
            const auto lc = text_map(in.content).line_column(e.offset());
            f.line = lc.first;
            f.column = lc.second;
        }
        f.message = in.name + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
                    f.reason;
    } else {
        // An error inside a piece of the input (a number, a unit) without its place.
        f.message = in.name + ": " + e.what();
    }
    return f;
}

[[nodiscard]] inline bool ends_with_toml(std::string_view name) {
    if (name.size() < 5) {
        return false;
    }
    std::string ext(name.substr(name.size() - 5));
    for (char& c : ext) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return ext == ".toml";
}

/// The options of `reckon audit`.
struct audit_settings {
    std::vector<std::string> files;
    std::string format = "text";
    std::optional<std::string> rounding;
    bool only_problems = false;
    std::optional<std::string> lang;
    std::string input = "auto";
    std::string color = "auto";
};

[[nodiscard]] inline convention convention_of(const std::string& name) {
    if (name == "half-up") {
        return convention::half_up;
    }
    if (name == "half-even") {
        return convention::half_even;
    }
    if (name == "truncate") {
        return convention::truncated;
    }
    return convention::unknown_tie;
}

class runner {
public:
    runner(std::istream& in, std::ostream& out, std::ostream& err, const environment& env)
        : in_(in), out_(out), err_(err), env_(env) {}

    // Reads one input, or says why it cannot.
    std::optional<input> load(const std::string& name) {
        input in;
        in.name = name == "-" ? std::string("<stdin>") : name;
        if (name == "-") {
            if (stdin_used_) {
                load_error_ = "reckon: standard input can be read only once";
                err_ << load_error_ << "\n";
                return std::nullopt;
            }
            stdin_used_ = true;
            in.content.assign(std::istreambuf_iterator<char>(in_),
                              std::istreambuf_iterator<char>());
            return in;
        }
        std::error_code ec;
        if (std::filesystem::is_directory(name, ec)) {
            load_error_ = name + ": is a directory";
            err_ << load_error_ << "\n";
            return std::nullopt;
        }
        std::ifstream file(name, std::ios::binary);
        if (!file) {
            load_error_ = name + ": cannot open: " + std::strerror(errno);
            err_ << load_error_ << "\n";
            return std::nullopt;
        }
        std::ostringstream buffer;
        buffer << file.rdbuf();
        if (file.bad()) {
            load_error_ = name + ": cannot read: " + std::strerror(errno);
            err_ << load_error_ << "\n";
            return std::nullopt;
        }
        in.content = std::move(buffer).str();
        return in;
    }

    // Reads a report from an input: a report file or an article.
    [[nodiscard]] static report read_report(const input& in, bool as_report_file,
                                            std::optional<convention> rounding) {
        report r = [&] {
            if (as_report_file) {
                return parse_report_file(in.content, in.name);
            }
            if (in.content.find_first_not_of(" \t\r\n") == std::string::npos) {
                // Nothing to check is not a pass: say so.
                throw input_error(in.name, 0, "the text is empty", 1, 1);
            }
            text_options o;
            if (rounding) {
                o.rounding = *rounding;
            }
            return read_text(in.content, in.name, o);
        }();
        if (rounding) {
            r.set_rounding(*rounding);
        }
        return r;
    }

    int audit(const audit_settings& s) {
        output_options o;
        o.lang = s.lang ? (*s.lang == "zh" ? language::zh : language::en) : language_from(env_);
        o.only_problems = s.only_problems;
        const bool no_color = env_.no_color && !env_.no_color->empty();
        o.color = !no_color && s.format == "text" &&
                  (s.color == "always" || (s.color == "auto" && env_.stdout_is_terminal));

        exit_status status = exit_status::consistent;
        auto worsen = [&](exit_status e) {
            if (static_cast<int>(e) > static_cast<int>(status)) {
                status = e;
            }
        };
        nlohmann::ordered_json many = nlohmann::ordered_json::array();
        bool first = true;
        for (const auto& name : s.files) {
            auto in = load(name);
            if (!in) {
                worsen(exit_status::bad_input);
                if (s.format == "jsonl") {
                    write_jsonl_error(name == "-" ? "<stdin>" : name, load_error_, std::nullopt);
                }
                continue;
            }
            const bool as_report_file =
                s.input == "report" || (s.input == "auto" && name != "-" && ends_with_toml(name));
            if (!as_report_file && s.format == "text" &&
                in->content.size() > text_audit_options{}.section_bytes &&
                in->content.find_first_not_of(" \t\r\n") != std::string::npos) {
                // A long text: read and printed a section at a time, in little memory.
                if (!first) {
                    out_ << "\n";
                }
                first = false;
                worsen(audit_long_text(*in, s, o));
                continue;
            }
            std::optional<report> r;
            try {
                r = read_report(*in, as_report_file,
                                s.rounding ? std::optional<convention>(convention_of(*s.rounding))
                                           : std::nullopt);
                const audit_result a = reckon::audit(*r);
                worsen(a.consistent() ? exit_status::consistent : exit_status::inconsistent);
                if (s.format == "text" || s.format == "markdown") {
                    if (!first) {
                        out_ << "\n";
                    }
                    out_ << (s.format == "text" ? render_text(*r, a, o)
                                                : render_markdown(*r, a, o));
                    out_.flush();
                } else {
                    nlohmann::ordered_json j = to_json(*r, a);
                    if (s.only_problems) {
                        drop_consistent_findings(j);
                    }
                    if (s.format == "jsonl") {
                        out_ << dump(j, -1) << "\n";
                        out_.flush();
                    } else {
                        many.push_back(std::move(j));
                    }
                }
                first = false;
            } catch (const input_error& e) {
                worsen(exit_status::bad_input);
                const input_failure f = failure_of(*in, e);
                err_ << f.message << "\n";
                if (s.format == "jsonl") {
                    write_jsonl_error(in->name, f.message, f);
                }
            } catch (const kind_error& e) {
                worsen(exit_status::bad_input);
                err_ << in->name << ": " << e.what() << "\n";
                if (s.format == "jsonl") {
                    write_jsonl_error(in->name, in->name + ": " + e.what(), std::nullopt);
                }
            }
        }
        if (s.format == "json" && !many.empty()) {
            out_ << dump(many.size() == 1 ? many[0] : many, 2) << "\n";
        }
        return static_cast<int>(status);
    }

    // Audits a text longer than one section (`audit_text`), printing each section as it is
    // done. An error in a later section comes after the sections before it.
    exit_status audit_long_text(const input& in, const audit_settings& s, const output_options& o) {
        text_audit_options t;
        t.threads = 0; // a section per core; printed in order all the same
        if (s.rounding) {
            t.text.rounding = convention_of(*s.rounding);
        }
        out_ << render_text_start(in.name, in.content.size(), o);
        try {
            const text_audit_summary sum = audit_text(
                in.content, in.name,
                [&](const text_section& sec, const report& r, const audit_result& a) {
                    out_ << render_text_section(sec, r, a, o);
                    out_.flush();
                },
                t);
            out_ << render_text_end(sum, o);
            out_.flush();
            return sum.consistent() ? exit_status::consistent : exit_status::inconsistent;
        } catch (const input_error& e) {
            out_.flush();
            err_ << failure_of(in, e).message << "\n";
            return exit_status::bad_input;
        } catch (const kind_error& e) {
            out_.flush();
            err_ << in.name << ": " << e.what() << "\n";
            return exit_status::bad_input;
        }
    }

    int extract(const std::string& name, const std::optional<std::string>& output) {
        auto in = load(name);
        if (!in) {
            return static_cast<int>(exit_status::bad_input);
        }
        try {
            const report r = read_report(*in, false, std::nullopt);
            const std::string draft = write_report_file(r, in->name);
            if (output && *output != "-") {
                std::ofstream file(*output, std::ios::binary);
                file << draft;
                file.close();
                if (!file) {
                    err_ << *output << ": cannot write: " << std::strerror(errno) << "\n";
                    return static_cast<int>(exit_status::bad_input);
                }
            } else {
                out_ << draft;
            }
            return static_cast<int>(exit_status::consistent);
        } catch (const input_error& e) {
            err_ << failure_of(*in, e).message << "\n";
        } catch (const kind_error& e) {
            err_ << in->name << ": " << e.what() << "\n";
        }
        return static_cast<int>(exit_status::bad_input);
    }

private:
    [[nodiscard]] static std::string dump(const nlohmann::ordered_json& j, int indent) {
        return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }

    // --only-problems in JSON: the findings that are not problems are left out
    // (the summary still counts them).
    static void drop_consistent_findings(nlohmann::ordered_json& j) {
        nlohmann::ordered_json kept = nlohmann::ordered_json::array();
        for (auto& f : j["findings"]) {
            const auto& v = f["verdict"];
            if (v == "inconsistent" || v == "cannot_check") {
                kept.push_back(std::move(f));
            }
        }
        j["findings"] = std::move(kept);
    }

    // A JSON Lines record for an input that could not be audited, so that a
    // batch keeps one line per input.
    void write_jsonl_error(const std::string& name, const std::string& message,
                           const std::optional<input_failure>& f) {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        j["source"] = name;
        nlohmann::ordered_json e = nlohmann::ordered_json::object();
        e["message"] = message;
        if (f && f->line != 0) {
            e["reason"] = f->reason;
            e["line"] = f->line;
            e["column"] = f->column;
            e["offset"] = f->offset ? nlohmann::ordered_json(*f->offset) : nullptr;
        }
        j["error"] = std::move(e);
        out_ << dump(j, -1) << "\n";
        out_.flush();
    }

    std::istream& in_;
    std::ostream& out_;
    std::ostream& err_;
    const environment& env_;
    bool stdin_used_ = false;
    std::string load_error_;
};

} // namespace detail

/// Runs the tool on `args` (without the program name) and returns the exit
/// status: 0 nothing inconsistent, 1 something inconsistent, 2 bad input or
/// a bad command line (the reason on `err`).
///
///     reckon::tool::run({"audit", "--format", "json", "examples/xining.toml"},
///                       std::cin, std::cout, std::cerr, env);
[[nodiscard]] inline int run(const std::vector<std::string>& args, std::istream& in,
                             std::ostream& out, std::ostream& err, const environment& env) {
    CLI::App app{"reckon checks whether the figures of a report agree with each other, "
                 "exactly, knowing that published figures are rounded.",
                 "reckon"};
    app.set_version_flag("--version", "reckon " + std::string(version_string),
                         "Print the version and exit");
    app.require_subcommand(1);
    app.footer("Exit status: 0 nothing inconsistent, 1 something inconsistent, 2 bad input or "
               "command line.\nRun `reckon audit --help`, `reckon extract --help`, `reckon round "
               "--help` or `reckon benford --help` for the "
               "options of each command.");

    detail::audit_settings s;
    CLI::App* audit = app.add_subcommand(
        "audit", "Audit articles (text) and report files (.toml); `-` reads standard input");
    audit->add_option("FILE", s.files, "Articles or report files to audit, each on its own")
        ->required();
    audit
        ->add_option("--format", s.format,
                     "Output: text (default), markdown, json (one object; an array for several "
                     "inputs) or jsonl (one object per input and line)")
        ->check(CLI::IsMember({"text", "json", "jsonl", "markdown"}));
    audit
        ->add_option("--rounding", s.rounding,
                     "How the figures were rounded, overriding the input: half-up, half-even, "
                     "unknown (the default: either way at a tie) or truncate")
        ->check(CLI::IsMember({"half-up", "half-even", "unknown", "truncate"}));
    audit->add_flag("--only-problems", s.only_problems,
                    "Show only inconsistent and cannot-check findings");
    audit
        ->add_option("--lang", s.lang,
                     "Language of the findings: en or zh (default: from LC_ALL, LC_MESSAGES, "
                     "LANG)")
        ->check(CLI::IsMember({"en", "zh"}));
    audit
        ->add_option("--input", s.input,
                     "How to read the inputs: auto (default: .toml is a report file, anything "
                     "else an article), text or report")
        ->check(CLI::IsMember({"auto", "text", "report"}));
    audit
        ->add_option("--color", s.color,
                     "Colour: auto (default: on a terminal), always or never; NO_COLOR turns it "
                     "off")
        ->check(CLI::IsMember({"auto", "always", "never"}));

    std::string extract_file;
    std::optional<std::string> extract_output;
    CLI::App* extract = app.add_subcommand(
        "extract", "Write a draft report file (TOML) from an article, to check and keep");
    extract->add_option("FILE", extract_file, "The article (`-` reads standard input)")->required();
    extract->add_option("-o,--output", extract_output,
                        "Write the draft to this file instead of standard output");

    stats_commands stats;
    add_stats_commands(app, stats);

    std::vector<std::string> argv_storage;
    argv_storage.reserve(args.size() + 1);
    argv_storage.emplace_back("reckon");
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    argv.reserve(argv_storage.size());
    for (const auto& a : argv_storage) {
        argv.push_back(a.c_str());
    }
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) {
            // --help, --version
            (void)app.exit(e, out, err);
            return static_cast<int>(exit_status::consistent);
        }
        err << "reckon: " << e.what() << "\nRun `reckon --help` for the commands and options.\n";
        return static_cast<int>(exit_status::bad_input);
    }

    if (auto status = run_stats_commands(stats, in, out, err)) {
        return *status;
    }
    detail::runner runner(in, out, err, env);
    if (audit->parsed()) {
        return runner.audit(s);
    }
    return runner.extract(extract_file, extract_output);
}

} // namespace reckon::tool
