// expect: reckon: this unit conversion is not a finite decimal
// SPDX-License-Identifier: MIT
// 1 亩 is 1/15 公顷: no decimal holds it, so the exact cast is refused and a rounding is needed.
#include <reckon/quantity.hpp>

int main() {
    const auto area = reckon::unit_cast<reckon::units::hectare>(reckon::mu("1"));
    (void)area;
}
