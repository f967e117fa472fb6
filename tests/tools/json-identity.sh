#!/usr/bin/env bash
# Behaviour identity check for refactorings: the CLI's output (stdout,
# stderr and exit code) of the current tree against a baseline revision's,
# on every file under tests/fixtures/ and on the 1.5 MB benchmark text,
# as JSON and as text (Chinese and English), on one thread and on two.
#
#   tests/tools/json-identity.sh [BASE_REV]
#
# BASE_REV defaults to the merge-base of HEAD with main. The baseline is
# built in a temporary worktree with its own target directory
# ($DC_IDENTITY_BASE_TARGET, default /tmp/dc-identity-base-target, kept
# between runs; the binary of each baseline commit is kept there too). The
# current tree (with uncommitted changes) is built with the usual target
# directory ($CARGO_TARGET_DIR if set). Both binaries read the same input
# files, so only the programs differ.
#
# DC_IDENTITY_KEEP=1 keeps the outputs (the path is printed).
#
# Prints "identical: N files (M runs)" and exits 0, or prints the first
# differences and exits 1.
set -euo pipefail

ROOT=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$ROOT"

BASE_ARG=${1:-$(git merge-base HEAD main)}
BASE=$(git rev-parse --verify "${BASE_ARG}^{commit}")
BASE_TARGET=${DC_IDENTITY_BASE_TARGET:-/tmp/dc-identity-base-target}
mkdir -p "$BASE_TARGET/bin"

WORK=$(mktemp -d /tmp/dc-identity.XXXXXX)
BASE_TREE=""
cleanup() {
    if [ -n "$BASE_TREE" ] && [ -d "$BASE_TREE" ]; then
        git worktree remove --force "$BASE_TREE" >/dev/null 2>&1 || true
    fi
    if [ -n "${DC_IDENTITY_KEEP:-}" ]; then
        echo "outputs kept in $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

# The baseline binary, built once per commit.
BASE_BIN="$BASE_TARGET/bin/draftcheck-$BASE"
if [ ! -x "$BASE_BIN" ]; then
    echo "building the baseline ${BASE:0:12} (target dir $BASE_TARGET)" >&2
    BASE_TREE="$WORK/base-tree"
    git worktree add --quiet --detach "$BASE_TREE" "$BASE"
    (cd "$BASE_TREE" && CARGO_TARGET_DIR="$BASE_TARGET" \
        cargo build --quiet --release --locked --bin draftcheck)
    cp "$BASE_TARGET/release/draftcheck" "$BASE_BIN.tmp"
    mv "$BASE_BIN.tmp" "$BASE_BIN"
    git worktree remove --force "$BASE_TREE"
    BASE_TREE=""
fi

echo "building the current tree" >&2
cargo build --quiet --release --locked --bin draftcheck
CUR_TARGET=$(cargo metadata --format-version 1 --no-deps |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
CUR_BIN="$WORK/draftcheck-current"
cp "$CUR_TARGET/release/draftcheck" "$CUR_BIN"

# The 1.5 MB benchmark text, as tests/bench/analyze.rs and
# www/tools/bench.mjs build it: 20 copies of the six corpus reports, each
# followed by a newline.
BENCH="$WORK/bench-1.5mb.txt"
REPORTS="000-1_bureau_self_check.txt 000-2_county_evaluation.txt 000-3_town_analysis.txt
000-4_county_commission.txt 001_office_report.txt 002_district_2020_evaluation.txt"
for _ in $(seq 20); do
    for r in $REPORTS; do
        cat "tests/fixtures/corpus/$r"
        printf '\n'
    done
done >"$BENCH"

mapfile -t FILES < <(find tests/fixtures -type f | LC_ALL=C sort)
FILES+=("$BENCH")

# Each run: a name and the arguments (after the binary). Run from $ROOT.
RUNS=()
add() { RUNS+=("$*"); }
for f in "${FILES[@]}"; do
    for t in 1 2; do
        add check --format json --threads "$t" "$f"
        add check --format text --threads "$t" "$f"
        add check --format text --lang en --threads "$t" "$f"
    done
done
# All fixtures in one call (good and bad files mixed: exit code 2).
ALL_FIXTURES="${FILES[*]:0:${#FILES[@]}-1}"
add check --format json $ALL_FIXTURES
add check --format text $ALL_FIXTURES
add rules
add profiles
add --help
add check

run_all() { # binary, output dir
    local bin=$1 out=$2 i=0 args
    mkdir -p "$out"
    for args in "${RUNS[@]}"; do
        # shellcheck disable=SC2086 # the runs are word lists
        set +e
        "$bin" $args >"$out/$i.out" 2>"$out/$i.err" </dev/null
        echo $? >"$out/$i.rc"
        set -e
        i=$((i + 1))
    done
}

run_all "$BASE_BIN" "$WORK/base"
run_all "$CUR_BIN" "$WORK/current"

differ=0
shown=0
for i in "${!RUNS[@]}"; do
    for s in rc err out; do
        if ! cmp -s "$WORK/base/$i.$s" "$WORK/current/$i.$s"; then
            differ=$((differ + 1))
            if [ "$shown" -lt 5 ]; then
                shown=$((shown + 1))
                echo "DIFFERS ($s): draftcheck ${RUNS[$i]}" | sed "s#$WORK/##g"
                diff "$WORK/base/$i.$s" "$WORK/current/$i.$s" | head -20 | cut -c1-300 || true
            fi
            break
        fi
    done
done

if [ "$differ" -ne 0 ]; then
    echo "different: $differ of ${#RUNS[@]} runs (baseline ${BASE:0:12})"
    exit 1
fi
echo "identical: ${#FILES[@]} files (${#RUNS[@]} runs, baseline ${BASE:0:12})"
