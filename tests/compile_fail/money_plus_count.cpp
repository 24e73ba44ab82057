// expect: reckon: cannot add money and a count
// SPDX-License-Identifier: MIT
// Money and counts are different kinds: 148.2 亿元 + 84 项 means nothing.
#include <reckon/quantity.hpp>

int main() {
    const reckon::yuan funds("148.2", reckon::scale::yi);
    const reckon::count projects(84);
    const auto nonsense = funds + projects;
    (void)nonsense;
}
