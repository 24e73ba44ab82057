# SPDX-License-Identifier: MIT
#
# An error check for the `reckon` tool, run by CTest (tests/tool/CMakeLists.txt):
#
#   cmake -DEXPECTED_STDERR=<file> [-DEXIT_CODE=<n>] [-DWORKING_DIRECTORY=<dir>]
#         -P expect_error.cmake -- <command> [<arg>...]
#
# Runs <command> and passes only if its exit code is EXIT_CODE (default 2), its standard output
# is empty, and its standard error equals the contents of EXPECTED_STDERR exactly.
cmake_minimum_required(VERSION 3.23)

if(NOT DEFINED EXPECTED_STDERR)
  message(FATAL_ERROR "expect_error.cmake: -DEXPECTED_STDERR=... is required")
endif()
if(NOT DEFINED EXIT_CODE)
  set(EXIT_CODE 2)
endif()
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
endif()

set(_command "")
set(_seen_separator FALSE)
math(EXPR _last "${CMAKE_ARGC} - 1")
foreach(_i RANGE 1 ${_last})
  if(_seen_separator)
    list(APPEND _command "${CMAKE_ARGV${_i}}")
  elseif(CMAKE_ARGV${_i} STREQUAL "--")
    set(_seen_separator TRUE)
  endif()
endforeach()
if(NOT _command)
  message(FATAL_ERROR "expect_error.cmake: no command after `--`")
endif()

execute_process(
  COMMAND ${_command}
  WORKING_DIRECTORY "${WORKING_DIRECTORY}"
  OUTPUT_VARIABLE _stdout
  ERROR_VARIABLE _stderr
  RESULT_VARIABLE _result)
file(READ "${EXPECTED_STDERR}" _expected)

string(REPLACE ";" " " _shown "${_command}")
set(_failures "")
if(NOT _result STREQUAL "${EXIT_CODE}")
  string(APPEND _failures "exit code: expected ${EXIT_CODE}, got ${_result}\n")
endif()
if(NOT _stdout STREQUAL "")
  string(APPEND _failures "standard output should be empty, but is:\n${_stdout}\n")
endif()
if(NOT _stderr STREQUAL _expected)
  string(APPEND _failures "standard error differs\n--- expected\n${_expected}+++ actual\n${_stderr}")
endif()
if(_failures)
  message(NOTICE "error check failed: ${_shown}\n  in ${WORKING_DIRECTORY}\n${_failures}")
  message(FATAL_ERROR "error check failed")
endif()
message(STATUS "error message matches: ${_shown}")
