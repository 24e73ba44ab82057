#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what reckon's build, tests, tool, benchmarks, fuzzers and format check need on
# Debian 12 (bookworm) or a derivative. Idempotent: when everything is already installed it
# touches nothing, not even the package lists. Uses sudo only when not root.
set -euo pipefail

packages=(
    g++ make ninja-build cmake                  # compiler and build
    clang libclang-rt-14-dev libfuzzer-14-dev   # the clang presets, sanitizers, libFuzzer
    libboost-dev                                # Boost.Multiprecision, reckon's one dependency
    doctest-dev                                 # unit tests
    nlohmann-json3-dev libcli11-dev libtomlplusplus-dev  # <reckon/json.hpp> and the tool
    libbenchmark-dev                            # bench/
    valgrind clang-format git diffutils         # checks and golden-test diffs
)

missing=()
for package in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != installed ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "setup-debian: all ${#packages[@]} packages are installed"
    exit 0
fi

as_root=()
if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "setup-debian: not root and no sudo; install these as root: ${missing[*]}" >&2
        exit 1
    fi
fi

echo "setup-debian: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-debian: done"
