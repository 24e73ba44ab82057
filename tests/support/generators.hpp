// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// Test data made by code: a fixed random generator (so every randomised test is the same
// everywhere; each prints its seed) and long inputs made of a repeated piece.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace reckon_test {

/// A linear congruential generator (Knuth's MMIX constants) with a fixed seed.
class lcg {
public:
    explicit lcg(std::uint64_t seed) : state_(seed) {}
    /// A number in [lo, hi], any two int64s with lo ≤ hi (the span is taken in unsigned
    /// arithmetic: hi - lo may not fit an int64). Spans above 2^31 draw 64 bits.
    std::int64_t next(std::int64_t lo, std::int64_t hi) {
        step();
        // 0 when [lo, hi] is every int64.
        const std::uint64_t span =
            static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1U;
        std::uint64_t draw = state_ >> 33U;
        if (span == 0 || span > (std::uint64_t{1} << 31U)) {
            const std::uint64_t high = state_ >> 32U;
            step();
            draw = (high << 32U) | (state_ >> 32U);
        }
        const std::uint64_t offset = span == 0 ? draw : draw % span;
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
    }
    /// The same: a number in [lo, hi].
    std::int64_t in(std::int64_t lo, std::int64_t hi) { return next(lo, hi); }
    /// True `percent` times in a hundred.
    bool chance(int percent) { return next(1, 100) <= percent; }
    /// One element of an array.
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& a) {
        return a[static_cast<std::size_t>(next(0, static_cast<std::int64_t>(N) - 1))];
    }

private:
    void step() { state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL; }
    std::uint64_t state_;
};

/// `piece` repeated `times` times.
inline std::string repeat(const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}

} // namespace reckon_test
