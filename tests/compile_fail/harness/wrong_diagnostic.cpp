// expect: reckon harness self-test
// SPDX-License-Identifier: MIT
// Not a compile-fail case: it fails, but not with the expected diagnostic, so the harness must
// refuse it (compile_fail.harness.wrong_diagnostic).
#include <reckon/no_such_header.hpp>

int main() { return 0; }
