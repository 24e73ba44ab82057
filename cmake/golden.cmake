# SPDX-License-Identifier: MIT
#
# Golden-output check, run by CTest through reckon_add_golden_test():
#
#   cmake -DEXPECTED=<file> -DACTUAL=<file> [-DEXIT_CODE=<n>] [-DWORKING_DIRECTORY=<dir>]
#         [-DINPUT=<file>] -P golden.cmake -- <command> [<arg>...]
#
# Runs <command>, writes its standard output to ACTUAL, and passes only if the exit code is
# EXIT_CODE (default 0) and ACTUAL equals EXPECTED byte for byte. On a mismatch it prints a
# unified diff (diff -u when available) and the command's standard error.
cmake_minimum_required(VERSION 3.23)

foreach(_var IN ITEMS EXPECTED ACTUAL)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "golden.cmake: -D${_var}=... is required")
  endif()
endforeach()
if(NOT DEFINED EXIT_CODE)
  set(EXIT_CODE 0)
endif()
if(NOT DEFINED WORKING_DIRECTORY)
  set(WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
endif()

# The command: every argument after `--`.
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
  message(FATAL_ERROR "golden.cmake: no command after `--`")
endif()

get_filename_component(_actual_dir "${ACTUAL}" DIRECTORY)
file(MAKE_DIRECTORY "${_actual_dir}")
set(_input_args "")
if(DEFINED INPUT)
  set(_input_args INPUT_FILE "${INPUT}")
endif()

# stdout goes straight to a file: a CMake variable would lose NUL bytes and could not be compared
# byte for byte.
execute_process(
  COMMAND ${_command}
  WORKING_DIRECTORY "${WORKING_DIRECTORY}"
  ${_input_args}
  OUTPUT_FILE "${ACTUAL}"
  ERROR_VARIABLE _stderr
  RESULT_VARIABLE _result)

string(REPLACE ";" " " _shown "${_command}")
set(_failures "")
if(NOT _result STREQUAL "${EXIT_CODE}")
  string(APPEND _failures "exit code: expected ${EXIT_CODE}, got ${_result}\n")
endif()

if(NOT EXISTS "${EXPECTED}")
  string(APPEND _failures "expected output ${EXPECTED} does not exist\n")
else()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${EXPECTED}" "${ACTUAL}"
                  RESULT_VARIABLE _differs OUTPUT_QUIET ERROR_QUIET)
  if(NOT _differs EQUAL 0)
    string(APPEND _failures "standard output differs from ${EXPECTED}\n")
    find_program(_diff NAMES diff)
    if(_diff)
      execute_process(COMMAND "${_diff}" -u --label expected --label actual "${EXPECTED}"
                              "${ACTUAL}" OUTPUT_VARIABLE _diff_out ERROR_VARIABLE _diff_out)
      string(APPEND _failures "${_diff_out}")
    else()
      file(READ "${EXPECTED}" _expected_text)
      file(READ "${ACTUAL}" _actual_text)
      string(APPEND _failures "--- expected\n${_expected_text}\n+++ actual\n${_actual_text}\n")
    endif()
  endif()
endif()

if(_failures)
  if(_stderr)
    string(APPEND _failures "standard error:\n${_stderr}")
  endif()
  # NOTICE prints verbatim (FATAL_ERROR would re-wrap the diff); the error ends the test.
  message(NOTICE "golden test failed: ${_shown}\n"
                 "  in ${WORKING_DIRECTORY}\n"
                 "  actual output kept in ${ACTUAL}\n${_failures}")
  message(FATAL_ERROR "golden test failed")
endif()
message(STATUS "golden output matches: ${_shown}")
