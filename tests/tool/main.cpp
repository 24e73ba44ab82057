// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
// The main of reckon_tool_tests: the unit tests of the `reckon` tool (tests/tool/*.cpp).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
