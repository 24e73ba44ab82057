// expect: reckon: no conversion from double
// SPDX-License-Identifier: MIT
// A double cannot hold 148.2 exactly, so it never becomes money, not even implicitly.
#include <reckon/quantity.hpp>

int main() {
    const reckon::yuan funds = 148.2;
    (void)funds;
}
