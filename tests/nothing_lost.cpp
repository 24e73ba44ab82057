// SPDX-License-Identifier: MIT
// Nothing lost (issue 8, item 4): for every passage of the corpus, every digit the text prints
// (ASCII or full-width) lies inside a figure's place or a skipped number's place; each figure's
// and skipped number's text is the input's bytes at its place; and the JSON output holds every
// figure with its offset, whose text, read back, equals the input byte for byte. Built only when
// CMake is given -DRECKON_CORPUS_DIR (the suite label makes these CTest's `corpus` tests); the
// passages are read at run time and nothing of them is copied here.

#ifdef RECKON_CORPUS_DIR

#include <reckon/audit.hpp>
#include <reckon/json.hpp>
#include <reckon/text.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> passages() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(RECKON_CORPUS_DIR)) {
        if (e.path().extension() == ".txt" && e.path().filename() != "README.txt") {
            out.push_back(e.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The byte length of a digit at text[i] (1 for ASCII, 3 for U+FF10 … U+FF19), 0 otherwise.
std::size_t digit_at(std::string_view text, std::size_t i) {
    if (text[i] >= '0' && text[i] <= '9') {
        return 1;
    }
    if (i + 2 < text.size() && text[i] == '\xEF' && text[i + 1] == '\xBC' &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x99) {
        return 3;
    }
    return 0;
}

// "line L, column C: …context…" for a byte offset, for a failure message.
std::string where(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    const std::size_t from = offset >= line_start + 24 ? offset - 24 : line_start;
    std::size_t to = std::min(text.size(), offset + 24);
    while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0U) == 0x80U) {
        ++to; // whole characters only
    }
    std::size_t f = from;
    while (f < offset && (static_cast<unsigned char>(text[f]) & 0xC0U) == 0x80U) {
        ++f;
    }
    return "line " + std::to_string(line) + ", byte " + std::to_string(offset) + ": …" +
           std::string(text.substr(f, to - f)) + "…";
}

} // namespace

TEST_SUITE("corpus") {

    TEST_CASE("nothing lost: every digit of every passage is in a figure or a skipped number") {
        const auto files = passages();
        REQUIRE_FALSE(files.empty());
        for (const auto& p : files) {
            CAPTURE(p.filename().string());
            const std::string text = slurp(p);
            const auto r = reckon::read_text(text, p.filename().string());
            std::vector<char> covered(text.size(), 0);
            auto cover = [&](std::size_t offset, std::size_t length) {
                REQUIRE(offset <= text.size());
                REQUIRE(length <= text.size() - offset);
                std::fill(covered.begin() + static_cast<std::ptrdiff_t>(offset),
                          covered.begin() + static_cast<std::ptrdiff_t>(offset + length), 1);
            };
            for (const auto& f : r.figures()) {
                REQUIRE(f.place.has_value());
                cover(f.place->offset, f.place->length);
            }
            for (const auto& s : r.skipped()) {
                cover(s.place.offset, s.place.length);
            }
            std::size_t digits = 0;
            for (std::size_t i = 0; i < text.size();) {
                const std::size_t n = digit_at(text, i);
                if (n == 0) {
                    ++i;
                    continue;
                }
                ++digits;
                if (covered[i] == 0) {
                    FAIL_CHECK("a digit in no figure and no skipped number: " << where(text, i));
                }
                i += n;
            }
            MESSAGE(p.filename().string() << ": " << digits << " digits, " << r.figures().size()
                                          << " figures, " << r.skipped().size() << " skipped");
        }
    }

    TEST_CASE("nothing lost: each figure's and skipped number's text is the input at its place") {
        for (const auto& p : passages()) {
            CAPTURE(p.filename().string());
            const std::string text = slurp(p);
            const auto r = reckon::read_text(text, p.filename().string());
            for (const auto& f : r.figures()) {
                CAPTURE(f.id);
                REQUIRE(f.place.has_value());
                REQUIRE(f.place->offset + f.place->length <= text.size());
                CHECK(text.substr(f.place->offset, f.place->length) == f.text);
            }
            for (const auto& s : r.skipped()) {
                REQUIRE(s.place.offset + s.place.length <= text.size());
                CHECK(text.substr(s.place.offset, s.place.length) == s.text);
            }
        }
    }

    TEST_CASE("nothing lost: the JSON output's figures, read back, are the input byte for byte") {
        for (const auto& p : passages()) {
            CAPTURE(p.filename().string());
            const std::string text = slurp(p);
            const auto r = reckon::read_text(text, p.filename().string());
            const std::string dumped = reckon::to_json(r, reckon::audit(r)).dump();
            const auto back = nlohmann::json::parse(dumped);
            const auto& figures = back.at("figures");
            REQUIRE(figures.size() == r.figures().size());
            for (std::size_t i = 0; i < figures.size(); ++i) {
                const auto& j = figures[i];
                const auto& f = r.figures()[i];
                CAPTURE(f.id);
                CHECK(j.at("id").get<std::string>() == f.id);
                REQUIRE(j.at("offset").is_number_unsigned());
                const auto offset = j.at("offset").get<std::size_t>();
                const auto length = j.at("length").get<std::size_t>();
                CHECK(offset == f.place->offset);
                CHECK(length == f.place->length);
                REQUIRE(offset + length <= text.size());
                CHECK(j.at("text").get<std::string>() == text.substr(offset, length));
            }
            const auto& skipped = back.at("skipped");
            REQUIRE(skipped.size() == r.skipped().size());
            for (const auto& j : skipped) {
                const auto offset = j.at("offset").get<std::size_t>();
                const auto length = j.at("length").get<std::size_t>();
                REQUIRE(offset + length <= text.size());
                CHECK(j.at("text").get<std::string>() == text.substr(offset, length));
            }
        }
    }

} // TEST_SUITE("corpus")

#endif // RECKON_CORPUS_DIR
