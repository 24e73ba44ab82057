// SPDX-License-Identifier: MIT
// The one main() of reckon_tests; the test cases live in the other files of tests/.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
