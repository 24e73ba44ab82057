// reckon — exact consistency checks for the figures of economic reports.
// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

/// reckon's version, as three macros for the preprocessor and one number for comparisons:
///
///     #if RECKON_VERSION >= 100 // 0.1.0 or later
///
/// Semantic versioning: before 1.0.0 a minor release may break the API. CMakeLists.txt checks
/// that project(VERSION) agrees with these macros.
#define RECKON_VERSION_MAJOR 0
#define RECKON_VERSION_MINOR 1
#define RECKON_VERSION_PATCH 0
#define RECKON_VERSION                                                                             \
    (RECKON_VERSION_MAJOR * 10000 + RECKON_VERSION_MINOR * 100 + RECKON_VERSION_PATCH)

/// The version as a string literal, "MAJOR.MINOR.PATCH", built from the macros above.
#define RECKON_VERSION_STRING                                                                      \
    RECKON_DETAIL_VERSION_STRING(RECKON_VERSION_MAJOR, RECKON_VERSION_MINOR, RECKON_VERSION_PATCH)
// Two levels, so that the arguments are expanded before they are turned into text.
#define RECKON_DETAIL_VERSION_STRING(major, minor, patch)                                          \
    RECKON_DETAIL_VERSION_STRING_IMPL(major, minor, patch)
#define RECKON_DETAIL_VERSION_STRING_IMPL(major, minor, patch) #major "." #minor "." #patch

namespace reckon {

/// The version as text, "MAJOR.MINOR.PATCH":
///
///     std::cout << "reckon " << reckon::version_string << '\n'; // reckon 0.1.0
inline constexpr std::string_view version_string = RECKON_VERSION_STRING;

} // namespace reckon
