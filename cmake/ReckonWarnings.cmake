# SPDX-License-Identifier: MIT
#
# reckon_strict_warnings(<target>)
#
# Turns on reckon's strict warnings, as errors unless RECKON_WARNINGS_AS_ERRORS is OFF, on one of
# reckon's own targets (tests, examples, the tool, benchmarks, fuzzers). PRIVATE, so they never
# reach a consumer; never call it on the INTERFACE target `reckon`. Third-party headers come from
# imported targets or the compiler's own directories and are therefore SYSTEM: their warnings do
# not count.
include_guard(GLOBAL)

function(reckon_strict_warnings target)
  if(NOT TARGET "${target}")
    message(FATAL_ERROR "reckon_strict_warnings: no target named `${target}`")
  endif()
  get_target_property(_type "${target}" TYPE)
  if(_type STREQUAL "INTERFACE_LIBRARY")
    message(FATAL_ERROR "reckon_strict_warnings: `${target}` is an INTERFACE library; "
                        "warnings belong on reckon's own programs, never on what consumers get")
  endif()
  if(MSVC)
    target_compile_options("${target}" PRIVATE /W4 /permissive- /utf-8
                                               $<$<BOOL:${RECKON_WARNINGS_AS_ERRORS}>:/WX>)
  else()
    target_compile_options(
      "${target}"
      PRIVATE -Wall
              -Wextra
              -Wpedantic
              -Wconversion
              -Wsign-conversion
              -Wshadow
              # GCC 12's flow-based -Wmaybe-uninitialized (part of -Wall) fires inside Boost
              # headers once they are inlined into our code at -O2 (boost::rational<cpp_int>::
              # normalize), where the system-header exemption no longer applies: a false
              # positive we cannot fix. -Wuninitialized, and Clang, still catch the real cases.
              $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>
              $<$<BOOL:${RECKON_WARNINGS_AS_ERRORS}>:-Werror>)
  endif()
endfunction()
