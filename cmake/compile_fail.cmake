# SPDX-License-Identifier: MIT
#
# Compile-fail check, run by CTest through reckon_add_compile_fail_test():
#
#   cmake -DCXX=<compiler> -DSOURCE=<file.cpp> -P compile_fail.cmake -- <compiler flags>...
#
# SOURCE's first line must be `// expect: <regex>` (a CMake regular expression). The check passes
# only if compiling SOURCE fails AND the compiler's output matches <regex>: a program that fails
# for another reason (a typo, a missing include) does not count as proof.
cmake_minimum_required(VERSION 3.23)

foreach(_var IN ITEMS CXX SOURCE)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "compile_fail.cmake: -D${_var}=... is required")
  endif()
endforeach()

set(_flags "")
set(_seen_separator FALSE)
math(EXPR _last "${CMAKE_ARGC} - 1")
foreach(_i RANGE 1 ${_last})
  if(_seen_separator)
    list(APPEND _flags "${CMAKE_ARGV${_i}}")
  elseif(CMAKE_ARGV${_i} STREQUAL "--")
    set(_seen_separator TRUE)
  endif()
endforeach()

file(READ "${SOURCE}" _head LIMIT 4096)
if(NOT _head MATCHES "^// expect: ([^\r\n]*)")
  message(FATAL_ERROR "${SOURCE}: the first line must be `// expect: <regex>`, "
                      "the diagnostic the program must produce")
endif()
string(STRIP "${CMAKE_MATCH_1}" _expect)
if(_expect STREQUAL "")
  message(FATAL_ERROR "${SOURCE}: the `// expect:` regex is empty")
endif()

# The C locale, so that diagnostics read the same everywhere (GCC quotes with ‘’ under UTF-8
# locales and with '' under C).
set(ENV{LC_ALL} C)
execute_process(
  COMMAND "${CXX}" ${_flags} "${SOURCE}"
  RESULT_VARIABLE _result
  OUTPUT_VARIABLE _output
  ERROR_VARIABLE _output)

string(REPLACE ";" " " _shown "${CXX};${_flags};${SOURCE}")
# Each refusal prints a one-line verdict first (the harness's own tests match it), then the
# details verbatim (FATAL_ERROR would re-wrap the compiler's output).
if(_result EQUAL 0)
  message(NOTICE "compile_fail verdict: compiled\n"
                 "${SOURCE} compiled, but must not.\n  ${_shown}\n${_output}")
  message(FATAL_ERROR "compile_fail: the program compiled")
endif()
if(NOT _output MATCHES "${_expect}")
  message(NOTICE "compile_fail verdict: wrong diagnostic\n"
                 "${SOURCE} failed to compile, but no diagnostic matches `${_expect}`.\n"
                 "  ${_shown}\n${_output}")
  message(FATAL_ERROR "compile_fail: the expected diagnostic is missing")
endif()
message(STATUS "${SOURCE} fails to compile as expected (`${_expect}` matched)")
