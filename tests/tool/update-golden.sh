#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Rewrites the expected outputs of the tool's tests (tests/tool/golden, bad, cli) from the
# current build: run it after an intended change of the output, then review `git diff` line by
# line before committing. Usage: tests/tool/update-golden.sh [path/to/reckon]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
reckon=$(realpath "${1:-build/reckon}")
g=tests/tool/golden

run() { # run <expected file> <args>...: stdout into the file, any exit status accepted
    local out=$1
    shift
    "${reckon}" "$@" >"${out}" 2>/dev/null || true
}
run "${g}/xining-article.expected.txt" audit --lang en examples/xining-article.txt
run "${g}/xining-article-zh.expected.txt" audit --lang zh examples/xining-article.txt
run "${g}/xining-article.expected.md" audit --lang en --format markdown examples/xining-article.txt
run "${g}/xining-article.expected.json" audit --format json examples/xining-article.txt
run "${g}/xining-article-draft.expected.toml" extract examples/xining-article.txt
run "${g}/xining.expected.txt" audit --lang en examples/xining.toml
run "${g}/xining-zh.expected.txt" audit --lang zh examples/xining.toml
run "${g}/xining.expected.md" audit --lang en --format markdown examples/xining.toml
run "${g}/xining-zh.expected.md" audit --lang zh --format markdown examples/xining.toml
run "${g}/xining.expected.json" audit --format json examples/xining.toml
"${reckon}" audit --lang en --input report - <examples/xining.toml >"${g}/xining-stdin.expected.txt" || true
run "${g}/typo.expected.txt" audit --lang en tests/tool/typo.toml
run "${g}/typo-only-problems.expected.txt" audit --lang en --only-problems tests/tool/typo.toml
run "${g}/typo.expected.json" audit --format json tests/tool/typo.toml
run "${g}/batch.expected.jsonl" audit --format jsonl examples/xining.toml tests/tool/typo.toml \
    tests/tool/bad/undefined-name.toml
run "${g}/typo-color.expected.txt" audit --lang en --color always --only-problems tests/tool/typo.toml
run "${g}/version.expected.txt" --version

err() { # err <expected file> <args>...: stderr into the file
    local out=$1
    shift
    "${reckon}" "$@" >/dev/null 2>"${out}" || true
}
err tests/tool/cli/bad-format.expected.txt audit --format xml examples/xining.toml
err tests/tool/cli/no-file.expected.txt audit
err tests/tool/cli/no-command.expected.txt
err tests/tool/cli/missing-file.expected.txt audit tests/tool/no-such-file.toml
err tests/tool/cli/directory.expected.txt audit examples
(cd tests/tool/cli && "${reckon}" audit invalid-utf8.txt >/dev/null 2>invalid-utf8.expected.txt) || true
(
    cd tests/tool/bad
    for f in *.toml; do
        "${reckon}" audit "${f}" >/dev/null 2>"${f%.toml}.expected.txt" || true
    done
)
echo "rewritten; review with: git diff tests/tool"
