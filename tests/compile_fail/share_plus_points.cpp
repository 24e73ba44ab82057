// expect: reckon: cannot add a share to percentage points \(a change of a share is in points\)
// SPDX-License-Identifier: MIT
// 80.6 % and 1.5 个百分点 are different kinds: a change of a share is in points.
#include <reckon/quantity.hpp>

int main() {
    const reckon::percentage share("80.6");
    const reckon::percentage_points change("1.5");
    const auto nonsense = share + change;
    (void)nonsense;
}
