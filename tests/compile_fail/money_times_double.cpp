// expect: reckon: no arithmetic with double
// SPDX-License-Identifier: MIT
// Scaling money by a double would bring binary rounding into an exact value.
#include <reckon/quantity.hpp>

int main() {
    const reckon::yuan funds("148.2", reckon::scale::yi);
    const auto nonsense = funds * 1.058;
    (void)nonsense;
}
