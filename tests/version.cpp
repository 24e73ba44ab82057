// SPDX-License-Identifier: MIT
#include <reckon/version.hpp>

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("version") {
    TEST_CASE("version_string spells the version macros") {
        const std::string expected = std::to_string(RECKON_VERSION_MAJOR) + "." +
                                     std::to_string(RECKON_VERSION_MINOR) + "." +
                                     std::to_string(RECKON_VERSION_PATCH);
        CHECK(reckon::version_string == expected);
        CHECK(reckon::version_string == "0.1.0");
    }

    TEST_CASE("RECKON_VERSION orders releases") {
        static_assert(RECKON_VERSION == 100, "0.1.0 is 0 * 10000 + 1 * 100 + 0");
        CHECK(RECKON_VERSION ==
              RECKON_VERSION_MAJOR * 10000 + RECKON_VERSION_MINOR * 100 + RECKON_VERSION_PATCH);
    }
}
