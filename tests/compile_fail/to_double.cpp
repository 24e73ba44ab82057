// expect: (cannot convert|no viable conversion from) .*reckon::yuan.* to .*double
// SPDX-License-Identifier: MIT
// A quantity never turns into a double, not even implicitly.
#include <reckon/quantity.hpp>

int main() {
    const double d = reckon::yuan("148.2", reckon::scale::yi);
    (void)d;
}
