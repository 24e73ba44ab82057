// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace reckon::detail {

/// An index of the ids of a vector's elements (figures or relations, anything with an `id`
/// string) by position: open addressing with linear probing over 32-bit positions, at most
/// three quarters full, no allocation per entry — 4 to 11 bytes per element, found in O(1).
/// The index holds positions, never pointers, so the vector may reallocate; a lookup compares
/// the element's id, so a stale index never finds a wrong element (it may miss a renamed one:
/// its owner rebuilds it after edits it cannot see).
///
/// Ids numbered in order ("F1", "F2" … or "F101", "F102" … as the text reader and `add` give
/// them: one letter, then the position plus a constant, without leading zeros) need no table:
/// the index only remembers the letter and the constant, and a lookup reads the number.
///
///     detail::id_index ix;
///     ix.rebuild(figures);
///     const std::size_t at = ix.find(figures, "F2");   // detail::id_index::none if absent
class id_index {
public:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    /// Vectors longer than this are not indexed (positions are 32-bit).
    static constexpr std::size_t max_elements = 0x3fffffffU;

    /// Indexes every element; with duplicate ids, the first one is found (as by a linear
    /// search) and `duplicates()` is true.
    template <class T>
    void rebuild(const std::vector<T>& items) {
        if (numbered_run(items)) {
            slots_.clear();
            slots_.shrink_to_fit();
            count_ = items.size();
            duplicates_ = false;
            return;
        }
        numbered_ = false;
        build_table(items, items.size());
    }

    /// Indexes the element at `pos` (the vector's last, mostly); false, and nothing indexed,
    /// when its id is already there.
    template <class T>
    bool insert(const std::vector<T>& items, std::size_t pos) {
        if (numbered_) {
            const std::size_t n = pos == count_ ? number_of(items[pos].id) : none;
            if (n != none && (count_ == 0 || (n == pos + base_ && items[pos].id[0] == letter_))) {
                if (count_ == 0) { // the first element sets the letter and the numbering
                    letter_ = items[pos].id[0];
                    base_ = n;
                }
                ++count_; // still numbered in order
                return true;
            }
            // Another id: a table of every element before it, then this one.
            numbered_ = false;
            build_table(items, pos);
        }
        if ((count_ + 1) * 4 > slots_.size() * 3) {
            // Grow: every element up to `pos` again (the vector holds them all).
            std::vector<std::uint32_t> old;
            old.swap(slots_);
            const std::size_t n = std::max<std::size_t>(64, old.size() * 2);
            slots_.assign(n, 0);
            count_ = 0;
            for (const std::uint32_t at : old) {
                if (at != 0) {
                    (void)place(items, at - 1, hash(items[at - 1].id) & (n - 1));
                }
            }
        }
        return place(items, pos, hash(items[pos].id) & (slots_.size() - 1));
    }

    /// The position of the first element with this id, or `none`.
    template <class T>
    [[nodiscard]] std::size_t find(const std::vector<T>& items, std::string_view id) const {
        if (numbered_) {
            const std::size_t n = number_of(id);
            if (n == none || n < base_ || id[0] != letter_) {
                return none;
            }
            const std::size_t pos = n - base_;
            return pos < count_ && pos < items.size() && items[pos].id == id ? pos : none;
        }
        if (slots_.empty()) {
            return none;
        }
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t h = hash(id) & mask;; h = (h + 1) & mask) {
            const std::uint32_t at = slots_[h];
            if (at == 0) {
                return none;
            }
            if (at - 1 < items.size() && items[at - 1].id == id) {
                return at - 1;
            }
        }
    }

    /// A hint only: fetches the memory that `find(items, id)` will read first (the element
    /// itself in numbered mode, else its slot), so that a loop can ask for it ahead.
    template <class T>
    void prefetch(const std::vector<T>& items, std::string_view id) const noexcept {
        if (numbered_) {
            const std::size_t n = number_of(id);
            if (n != none && n >= base_ && n - base_ < items.size()) {
                __builtin_prefetch(&items[n - base_]);
            }
            return;
        }
        if (!slots_.empty()) {
            __builtin_prefetch(&slots_[hash(id) & (slots_.size() - 1)]);
        }
    }

    /// Whether two elements had one id when the index was built.
    [[nodiscard]] bool duplicates() const noexcept { return duplicates_; }
    /// How many elements are indexed.
    [[nodiscard]] std::size_t size() const noexcept { return count_; }
    /// Whether the ids are numbered in order and no table is kept.
    [[nodiscard]] bool numbered() const noexcept { return numbered_; }

private:
    /// The number after an id's first character ("F12": 12), or `none`: not digits only, a
    /// leading zero, or more than 18 digits.
    [[nodiscard]] static std::size_t number_of(std::string_view id) noexcept {
        if (id.size() < 2 || id.size() > 19 || id[1] == '0') {
            return none;
        }
        std::size_t n = 0;
        for (std::size_t k = 1; k < id.size(); ++k) {
            const char c = id[k];
            if (c < '0' || c > '9') {
                return none;
            }
            n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        return n;
    }

    // Whether the ids run letter + (position + a constant); if so, remembers them so.
    template <class T>
    bool numbered_run(const std::vector<T>& items) {
        if (items.empty()) {
            numbered_ = true; // the first insert sets the numbering
            return true;
        }
        const std::string_view first = items[0].id;
        const std::size_t n0 = number_of(first);
        if (n0 == none) {
            numbered_ = false;
            return false;
        }
        const char letter = first[0];
        for (std::size_t i = 1; i < items.size(); ++i) {
            const std::string_view id = items[i].id;
            if (id.empty() || id[0] != letter || number_of(id) != n0 + i) {
                numbered_ = false;
                return false;
            }
        }
        numbered_ = true;
        letter_ = letter;
        base_ = n0;
        return true;
    }

    // A table of the first `upto` elements.
    template <class T>
    void build_table(const std::vector<T>& items, std::size_t upto) {
        std::size_t size = 64;
        while (size * 3 < upto * 4 + 4) {
            size *= 2;
        }
        slots_.assign(size, 0);
        count_ = 0;
        duplicates_ = false;
        const std::size_t mask = size - 1;
        // In blocks: the slots of a block are hashed and fetched before they are filled, so
        // that a large vector waits for memory once per block rather than once per element.
        constexpr std::size_t block = 16;
        std::size_t home[block];
        for (std::size_t from = 0; from < upto; from += block) {
            const std::size_t to = std::min(upto, from + block);
            for (std::size_t i = from; i < to; ++i) {
                home[i - from] = hash(items[i].id) & mask;
                __builtin_prefetch(&slots_[home[i - from]]);
            }
            for (std::size_t i = from; i < to; ++i) {
                if (!place(items, i, home[i - from])) {
                    duplicates_ = true;
                }
            }
        }
    }

    [[nodiscard]] static std::size_t hash(std::string_view id) noexcept {
        return std::hash<std::string_view>{}(id);
    }

    // Puts position `pos` in the first free slot from `h`; false if its id is there already.
    template <class T>
    bool place(const std::vector<T>& items, std::size_t pos, std::size_t h) {
        const std::size_t mask = slots_.size() - 1;
        for (;; h = (h + 1) & mask) {
            const std::uint32_t at = slots_[h];
            if (at == 0) {
                slots_[h] = static_cast<std::uint32_t>(pos + 1);
                ++count_;
                return true;
            }
            if (items[at - 1].id == items[pos].id) {
                return false;
            }
        }
    }

    std::vector<std::uint32_t> slots_; // position + 1; 0: empty
    std::size_t count_ = 0;
    std::size_t base_ = 0; // numbered: the number of the first element
    char letter_ = 0;      // numbered: the letter before the numbers
    bool numbered_ = false;
    bool duplicates_ = false;
};

} // namespace reckon::detail
