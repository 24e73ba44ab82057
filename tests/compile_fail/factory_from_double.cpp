// expect: reckon: no conversion from double
// SPDX-License-Identifier: MIT
// Nor through a constructor with a scale: the printed digits are a string.
#include <reckon/quantity.hpp>

int main() {
    const reckon::tonnes grain(3.5, reckon::scale::wan);
    (void)grain;
}
