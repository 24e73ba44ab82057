// expect: reckon: cannot add a quantity and a plain number
// SPDX-License-Identifier: MIT
// A plain number has no currency: 148.2 亿元 + 5 is not money.
#include <reckon/quantity.hpp>

int main() {
    const reckon::yuan funds("148.2", reckon::scale::yi);
    const auto nonsense = funds + 5;
    (void)nonsense;
}
