// expect: reckon: cannot add a count and a physical amount
// SPDX-License-Identifier: MIT
// 84 项 + 3.5 万吨 means nothing.
#include <reckon/quantity.hpp>

int main() {
    const reckon::count projects(84);
    const reckon::tonnes grain("3.5", reckon::scale::wan);
    const auto nonsense = projects + grain;
    (void)nonsense;
}
