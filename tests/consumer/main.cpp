// SPDX-License-Identifier: MIT
// A consumer of reckon: it must find the headers and Boost through reckon::reckon alone.
#include <reckon/reckon.hpp>

static_assert(RECKON_VERSION_MAJOR == 0, "the consumer sees reckon's version macros");
static_assert(!reckon::version_string.empty(), "the consumer sees reckon's declarations");

int main() { return 0; }
