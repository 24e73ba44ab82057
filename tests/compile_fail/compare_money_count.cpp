// expect: reckon: cannot compare money and a count
// SPDX-License-Identifier: MIT
// Comparisons follow the same rules as sums.
#include <reckon/quantity.hpp>

int main() {
    const reckon::yuan funds("148.2", reckon::scale::yi);
    const reckon::count projects(84);
    return funds < projects ? 1 : 0;
}
