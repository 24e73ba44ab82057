# SPDX-License-Identifier: MIT
#
# Consumer-project steps, run by CTest (see tests/CMakeLists.txt):
#
#   cmake -DACTION=install -DBINARY_DIR=<reckon build> -DPREFIX=<dir> [-DCONFIG=<cfg>]
#         -P consumer.cmake
#       installs reckon's build into a fresh PREFIX.
#
#   cmake -DACTION=build -DSOURCE_DIR=<consumer> -DBINARY_DIR=<dir> [-DCONFIG=<cfg>]
#         -P consumer.cmake -- <configure arguments>...
#       configures the consumer in a fresh BINARY_DIR, builds it, and runs reckon_consumer.
cmake_minimum_required(VERSION 3.23)

function(run)
  string(REPLACE ";" " " _shown "${ARGN}")
  message(STATUS "consumer.cmake: ${_shown}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE _result)
  if(NOT _result EQUAL 0)
    message(FATAL_ERROR "failed (${_result}): ${_shown}")
  endif()
endfunction()

set(_config_args "")
if(CONFIG)
  set(_config_args --config "${CONFIG}")
endif()

if(ACTION STREQUAL "install")
  file(REMOVE_RECURSE "${PREFIX}")
  run("${CMAKE_COMMAND}" --install "${BINARY_DIR}" --prefix "${PREFIX}" ${_config_args})
elseif(ACTION STREQUAL "build")
  set(_configure_args "")
  set(_seen_separator FALSE)
  math(EXPR _last "${CMAKE_ARGC} - 1")
  foreach(_i RANGE 1 ${_last})
    if(_seen_separator)
      list(APPEND _configure_args "${CMAKE_ARGV${_i}}")
    elseif(CMAKE_ARGV${_i} STREQUAL "--")
      set(_seen_separator TRUE)
    endif()
  endforeach()
  file(REMOVE_RECURSE "${BINARY_DIR}")
  run("${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" ${_configure_args})
  run("${CMAKE_COMMAND}" --build "${BINARY_DIR}" ${_config_args})
  foreach(_candidate IN ITEMS "${BINARY_DIR}/reckon_consumer"
                              "${BINARY_DIR}/${CONFIG}/reckon_consumer"
                              "${BINARY_DIR}/reckon_consumer.exe"
                              "${BINARY_DIR}/${CONFIG}/reckon_consumer.exe")
    if(EXISTS "${_candidate}" AND NOT IS_DIRECTORY "${_candidate}")
      run("${_candidate}")
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "the consumer built, but no reckon_consumer executable is in ${BINARY_DIR}")
else()
  message(FATAL_ERROR "consumer.cmake: -DACTION=install|build is required")
endif()
