// expect: reckon: cannot add money of different currencies \(convert at a stated rate first\)
// SPDX-License-Identifier: MIT
// Yuan and dollars add only after a conversion at a stated rate.
#include <reckon/quantity.hpp>

int main() {
    const reckon::yuan funds("148.2", reckon::scale::yi);
    const reckon::us_dollars loan("3.1", reckon::scale::billion);
    const auto nonsense = funds + loan;
    (void)nonsense;
}
