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
    /// A number in [lo, hi].
    std::int64_t next(std::int64_t lo, std::int64_t hi) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1U;
        return lo + static_cast<std::int64_t>((state_ >> 33U) % span);
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
