// expect: reckon: cannot add amounts of different dimensions
// SPDX-License-Identifier: MIT
// Tonnes and kilometres are amounts of different dimensions (mass, length).
#include <reckon/quantity.hpp>

int main() {
    const reckon::tonnes grain("3.5", reckon::scale::wan);
    const reckon::kilometres road("12");
    const auto nonsense = grain + road;
    (void)nonsense;
}
