// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
//
// The worked example of DESIGN.md: a city's news item on its investment drive (西宁市招商引资),
// its figures built through the typed API, audited, and printed.
//
//     ./build/examples/xining                     # text, English
//     ./build/examples/xining --lang zh           # text, Chinese
//     ./build/examples/xining --format markdown
//     ./build/examples/xining --format json       # the JSON contract of DESIGN.md
//
// Every relation holds: the two sums exactly, the two shares once rounded (119.4 / 148.2 is
// 80.5668… %, printed 80.6 %), the shares add to 100 % exactly; the year's target is not stated,
// so "148.2 亿元 is 105.8 % of the target" cannot be checked, and reckon says what the target
// must be (139.96 … 140.19 亿元). Exit status 0 when nothing is inconsistent, 1 otherwise,
// 2 on a bad command line.

#include <reckon/audit.hpp>
#include <reckon/output.hpp>
#include <reckon/quantity.hpp>
#include <reckon/report.hpp>

#if __has_include(<nlohmann/json.hpp>)
#include <reckon/json.hpp>
#define RECKON_EXAMPLE_HAS_JSON 1
#else
#define RECKON_EXAMPLE_HAS_JSON 0
#endif

#include <cstddef>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>

namespace {

// A figure where the article prints it: the text as it stands there (traditional characters,
// pinyin annotations left in by a converter) and its byte offset in the UTF-8 file. The
// article itself is not part of reckon.
reckon::figure at(reckon::figure f, std::string text, std::size_t offset) {
    f.place = reckon::source_span::at(offset, text.size());
    f.text = std::move(text);
    return f;
}

reckon::report xining_report() {
    using reckon::to_figure;
    using reckon::scale::wan;
    using reckon::scale::yi;

    reckon::report r{"xining-investment.txt"};

    // The year so far: projects under way, funds arrived from outside the province, and how
    // much of the year's target that is.
    r.add(at(to_figure("F1", "招商引资项目", reckon::count(84), "项"), "84項", 267));
    r.add(at(to_figure("F2", "省外到位资金", reckon::yuan("148.2", yi)), "148.2億元", 311));
    r.add(at(to_figure("F3", "完成年度目标", reckon::percentage("105.8")), "105.8%", 351));

    // The same 84 projects, split into continued and new ones, with their funds and shares.
    r.add(at(to_figure("F4", "招商引资项目", reckon::count(84), "项"), "84項", 370));
    r.add(at(to_figure("F5", "续建项目", reckon::count(75), "项"), "75項", 444));
    r.add(at(to_figure("F6", "续建项目到位资金", reckon::yuan("119.4", yi)), "119.4億元", 489));
    r.add(at(to_figure("F7", "续建项目资金占比", reckon::percentage("80.6")), "80.6%", 525));
    r.add(at(to_figure("F8", "新建项目", reckon::count(9), "项"), "9項", 551));
    r.add(at(to_figure("F9", "新建项目到位资金", reckon::yuan("28.8", yi)), "28.8億元", 595));
    r.add(at(to_figure("F10", "新建项目资金占比", reckon::percentage("19.4")), "19.4%", 630));

    // Figures no relation ties: a trade fair's signings, planned major projects and their size
    // threshold (超过 50 亿元: more than 50), plants' yearly capacities.
    r.add(at(to_figure("F11", "青洽会签约项目", reckon::count(35), "项"), "35項", 722));
    r.add(at(to_figure("F12", "青洽会签约金额", reckon::yuan("180", yi)), "180億元", 748));
    r.add(at(to_figure("F13", "重大招商引资项目", reckon::count(50), "个"), "50個", 1254));
    reckon::figure threshold = to_figure("F14", "投资额或销售收入", reckon::yuan("50", yi));
    threshold.qualifier = reckon::qualifier::more_than;
    r.add(at(std::move(threshold), "50億元", 1300));
    r.add(at(to_figure("F15", "民用铝型材年产", reckon::tonnes("5", wan)), "5萬(wàn)噸", 1431));
    r.add(at(to_figure("F16", "电线电缆年产", reckon::metres("1500", wan)), "1500萬(wàn)米", 1509));
    r.add(at(to_figure("F17", "铸造铝合金年产", reckon::tonnes("10", wan)), "10萬(wàn)噸", 1671));

    // Numbers in the text that are not figures of the report.
    r.add_skipped({"第十八", {674, 9}, "ordinal"});
    r.add_skipped({"500", {2476, 3}, "rank"});
    r.add_skipped({"010-65363056", {4116, 12}, "phone number"});

    r.sum("F4", {"F5", "F8"}, "项目数 = 续建 + 新建");
    r.sum("F2", {"F6", "F9"}, "到位资金 = 续建 + 新建");
    r.share("F7", "F6", "F2", "续建项目资金占全部到位资金");
    r.share("F10", "F9", "F2", "新建项目资金占全部到位资金");
    r.shares_total({"F7", "F10"}, {}, "两项占比合计为 100%");
    r.percent_of_target("F3", "F2", {}, "到位资金占年度目标"); // the target is not stated
    return r;
}

int usage(std::string_view why) {
    std::cerr << "xining: " << why << "\n"
              << "usage: xining [--format text|markdown|json] [--lang en|zh]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::string format = "text";
    reckon::output_options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--format" || arg == "--lang") && i + 1 >= argc) {
            return usage(std::string(arg) + " needs a value");
        }
        if (arg == "--format") {
            format = argv[++i];
            if (format != "text" && format != "markdown" && format != "json") {
                return usage("unknown format \"" + format + "\"");
            }
        } else if (arg == "--lang") {
            const std::string_view lang = argv[++i];
            if (lang == "en") {
                options.lang = reckon::language::en;
            } else if (lang == "zh") {
                options.lang = reckon::language::zh;
            } else {
                return usage("unknown language \"" + std::string(lang) + "\"");
            }
        } else {
            return usage("unknown argument \"" + std::string(arg) + "\"");
        }
    }

    const reckon::report r = xining_report();
    const reckon::audit_result result = reckon::audit(r);

    if (format == "json") {
#if RECKON_EXAMPLE_HAS_JSON
        std::cout << reckon::to_json(r, result).dump(2) << "\n";
#else
        return usage("built without nlohmann_json: no JSON output");
#endif
    } else if (format == "markdown") {
        std::cout << reckon::render_markdown(r, result, options);
    } else {
        std::cout << reckon::render_text(r, result, options);
    }
    return result.consistent() ? 0 : 1;
}
