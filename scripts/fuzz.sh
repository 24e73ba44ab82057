#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (the `fuzz` preset: Clang, ASan + UBSan, build/fuzz) and runs
# each of them for N seconds (default 60), one after the other, from its seeds in
# fuzz/corpus/<target>/. What libFuzzer learns goes into build/fuzz/grown/<target>/ and is kept
# for the next run; the seeds in the source tree are never written to. Crashing inputs are
# written to build/fuzz/artifacts/; each one belongs in a regression test in tests/bad_input*.cpp.
#
#     scripts/fuzz.sh              # every target, 60 s each
#     scripts/fuzz.sh 1800         # every target, 30 minutes each
#     scripts/fuzz.sh 600 text     # one target
#     FUZZ_CORPUS_DIR=../shared/corpus scripts/fuzz.sh 600
#
# FUZZ_CORPUS_DIR (default: ../shared/corpus beside the clone, when it exists) adds the real
# passages as seeds of the text and audit targets, at run time only: they are never copied into
# the repository. Prints the executions, the coverage and the crashes of each target, and exits
# non-zero if any target crashed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)

seconds=${1:-60}
only=${2:-}
if ! [[ "${seconds}" =~ ^[0-9]+$ ]] || ((seconds == 0)); then
    echo "usage: scripts/fuzz.sh [seconds per target] [target]" >&2
    exit 2
fi

corpus_dir=${FUZZ_CORPUS_DIR:-}
if [[ -z "${corpus_dir}" && -d "${repo_root}/../shared/corpus" ]]; then
    corpus_dir=$(realpath "${repo_root}/../shared/corpus")
fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

bin=build/fuzz/fuzz
artifacts=build/fuzz/artifacts
mkdir -p "${artifacts}"

# The real passages as seeds: the text target takes one options byte first, so each passage is
# written with a 0 byte before it, into a scratch directory of the build tree.
passage_seeds=""
if [[ -n "${corpus_dir}" ]] && compgen -G "${corpus_dir}/*.txt" >/dev/null; then
    passage_seeds=build/fuzz/passages
    rm -rf "${passage_seeds}"
    mkdir -p "${passage_seeds}"
    for p in "${corpus_dir}"/*.txt; do
        { printf '\0'; cat "${p}"; } >"${passage_seeds}/$(basename "${p}")"
    done
fi

failed=()
summary=()
for exe in "${bin}"/fuzz_*; do
    target=${exe##*/fuzz_}
    if [[ -n "${only}" && "${target}" != "${only}" ]]; then
        continue
    fi
    grown=build/fuzz/grown/${target}
    mkdir -p "${grown}"
    dirs=("${grown}")
    [[ -d fuzz/corpus/${target} ]] && dirs+=("fuzz/corpus/${target}")
    if [[ -n "${passage_seeds}" && ("${target}" == text || "${target}" == audit) ]]; then
        dirs+=("${passage_seeds}")
    fi
    log=build/fuzz/${target}.log
    echo "=== fuzz_${target}: ${seconds} s from ${dirs[*]}"
    rc=0
    "${exe}" -max_total_time="${seconds}" -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="${artifacts}/${target}-" "${dirs[@]}" >"${log}" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "${log}" | tail -n 1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "${log}" | tail -n 1)
    if ((rc == 0)); then
        summary+=("fuzz_${target}: ${runs:-?} executions, ${cov:-?}, no crash")
    else
        crash=$(grep -oE "Test unit written to [^ ]+" "${log}" | tail -n 1)
        summary+=("fuzz_${target}: FAILED (exit ${rc}) after ${runs:-?} executions: ${crash}")
        failed+=("${target}")
        grep -E "^fuzz_|runtime error|ERROR: |SUMMARY" "${log}" | head -n 5 || true
    fi
done

echo
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
    echo "crashed: ${failed[*]} (logs in build/fuzz/<target>.log)"
    exit 1
fi
