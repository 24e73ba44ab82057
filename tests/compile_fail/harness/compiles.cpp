// expect: this program compiles, so the harness must report it
// SPDX-License-Identifier: MIT
// Not a compile-fail case: the harness must refuse it (compile_fail.harness.compiles).
#include <reckon/version.hpp>

int main() { return RECKON_VERSION_MAJOR; }
