# SPDX-License-Identifier: MIT
#
# Test helpers for reckon's own build (included only when reckon is the top-level project).
#
#   reckon_add_golden_test(NAME <name> COMMAND <command> [<arg>...] EXPECTED <file>
#                          [EXIT_CODE <n>] [WORKING_DIRECTORY <dir>] [INPUT <file>]
#                          [LABELS <label>...])
#       A CTest test that runs <command> (a target name becomes its executable, as in add_test),
#       compares its standard output byte for byte with <file> and its exit code with <n>
#       (default 0), and prints a unified diff on a mismatch. <file> and <dir> are relative to
#       the current source directory; <dir> defaults to the project's source directory, so that
#       a command reads `examples/x.txt` as the README does. INPUT feeds a file on standard
#       input. Labels default to `golden`. The actual output is kept in
#       <build>/…/golden/<name>.actual for inspection.
#
#   reckon_add_compile_fail_test(NAME <name> SOURCE <file> [LABELS <label>...])
#       A CTest test that passes only if <file> fails to compile (-std=c++17 -fsyntax-only, with
#       reckon's and Boost's include directories, no source lines echoed, C locale) with a
#       diagnostic matching the CMake regular expression on its first line,
#       `// expect: <regex>`. See cmake/compile_fail.cmake.
#
#   reckon_add_header_check(<target> HEADERS <header>... LIBRARIES <lib>...)
#       An object library that compiles each header alone in its own translation unit (twice
#       included, to prove the include guard), with strict warnings, linking <lib>....
include_guard(GLOBAL)
include("${CMAKE_CURRENT_LIST_DIR}/ReckonWarnings.cmake")

set(_RECKON_TESTING_DIR "${CMAKE_CURRENT_LIST_DIR}")

function(reckon_add_golden_test)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;EXPECTED;EXIT_CODE;WORKING_DIRECTORY;INPUT"
                        "COMMAND;LABELS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "reckon_add_golden_test: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  foreach(_required IN ITEMS NAME COMMAND EXPECTED)
    if(NOT arg_${_required})
      message(FATAL_ERROR "reckon_add_golden_test: ${_required} is required")
    endif()
  endforeach()
  if(NOT DEFINED arg_EXIT_CODE)
    set(arg_EXIT_CODE 0)
  endif()
  if(NOT arg_EXIT_CODE MATCHES "^[0-9]+$")
    message(FATAL_ERROR "reckon_add_golden_test(${arg_NAME}): EXIT_CODE must be a number")
  endif()
  if(NOT arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}")
  endif()
  if(NOT arg_LABELS)
    set(arg_LABELS golden)
  endif()
  get_filename_component(_expected "${arg_EXPECTED}" ABSOLUTE BASE_DIR
                         "${CMAKE_CURRENT_SOURCE_DIR}")
  get_filename_component(_workdir "${arg_WORKING_DIRECTORY}" ABSOLUTE BASE_DIR
                         "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${_expected}")
    message(FATAL_ERROR "reckon_add_golden_test(${arg_NAME}): no expected file ${_expected}")
  endif()
  set(_input_arg "")
  if(arg_INPUT)
    get_filename_component(_input "${arg_INPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    set(_input_arg "-DINPUT=${_input}")
  endif()

  # A target name as the command becomes the path of its executable, as add_test does it.
  set(_args "${arg_COMMAND}")
  list(POP_FRONT _args _program)
  if(TARGET "${_program}")
    set(_program "$<TARGET_FILE:${_program}>")
  endif()

  # The command goes after `--`, one argument each: no list quoting to get wrong.
  add_test(
    NAME "${arg_NAME}"
    COMMAND
      "${CMAKE_COMMAND}" "-DEXPECTED=${_expected}"
      "-DACTUAL=${CMAKE_CURRENT_BINARY_DIR}/golden/${arg_NAME}.actual"
      "-DEXIT_CODE=${arg_EXIT_CODE}" "-DWORKING_DIRECTORY=${_workdir}" ${_input_arg} -P
      "${_RECKON_TESTING_DIR}/golden.cmake" -- "${_program}" ${_args})
  set_tests_properties("${arg_NAME}" PROPERTIES LABELS "${arg_LABELS}")
endfunction()

# The compiler flags of a compile-fail check: the standard, syntax only, reckon's headers from
# the source tree, Boost's as system headers (unless they are among the compiler's implicit
# directories: `-isystem /usr/include` breaks libstdc++'s #include_next).
function(_reckon_compile_fail_flags out_var)
  set(_flags -std=c++17 -fsyntax-only -fdiagnostics-color=never "-I${PROJECT_SOURCE_DIR}/include")
  # Diagnostics without the echoed source lines, so that the regex must match what the compiler
  # says, not the text of the offending line.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    list(APPEND _flags -fno-diagnostics-show-caret)
  elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    list(APPEND _flags -fno-caret-diagnostics)
  endif()
  get_target_property(_boost_dirs Boost::headers INTERFACE_INCLUDE_DIRECTORIES)
  foreach(_dir IN LISTS _boost_dirs)
    if(_dir AND NOT _dir IN_LIST CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES)
      list(APPEND _flags -isystem "${_dir}")
    endif()
  endforeach()
  set(${out_var} "${_flags}" PARENT_SCOPE)
endfunction()

function(reckon_add_compile_fail_test)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;SOURCE" "LABELS")
  if(NOT arg_NAME OR NOT arg_SOURCE)
    message(FATAL_ERROR "reckon_add_compile_fail_test: NAME and SOURCE are required")
  endif()
  if(NOT arg_LABELS)
    set(arg_LABELS compile_fail)
  endif()
  get_filename_component(_source "${arg_SOURCE}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  _reckon_compile_fail_flags(_flags)
  add_test(NAME "${arg_NAME}"
           COMMAND "${CMAKE_COMMAND}" "-DCXX=${CMAKE_CXX_COMPILER}" "-DSOURCE=${_source}" -P
                   "${_RECKON_TESTING_DIR}/compile_fail.cmake" -- ${_flags})
  set_tests_properties("${arg_NAME}" PROPERTIES LABELS "${arg_LABELS}")
endfunction()

function(reckon_add_header_check target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "HEADERS;LIBRARIES")
  set(_sources "")
  foreach(_header IN LISTS arg_HEADERS)
    file(RELATIVE_PATH _rel "${PROJECT_SOURCE_DIR}/include" "${_header}")
    string(MAKE_C_IDENTIFIER "${_rel}" _id)
    set(_tu "${CMAKE_CURRENT_BINARY_DIR}/${target}/${_id}.cpp")
    # file(CONFIGURE) rewrites only on change, so a reconfigure rebuilds nothing needlessly.
    file(CONFIGURE OUTPUT "${_tu}" CONTENT "#include <${_rel}>\n#include <${_rel}>\n" @ONLY)
    list(APPEND _sources "${_tu}")
  endforeach()
  if(NOT _sources)
    return()
  endif()
  add_library(${target} OBJECT ${_sources})
  target_link_libraries(${target} PRIVATE ${arg_LIBRARIES})
  reckon_strict_warnings(${target})
endfunction()
