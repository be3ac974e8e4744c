#!/usr/bin/env bash
# run.sh [SECONDS [TARGET...]] -- builds every libFuzzer target in tests/fuzz/
# with clang -fsanitize=fuzzer,address,undefined into build-fuzz/ and runs
# each for SECONDS (default 30) on its seed corpus in tests/fuzz/corpus/TARGET
# (read-only: new inputs go to build-fuzz/corpus/TARGET). Exits non-zero if
# a target fails to build or finds a crash, leak, timeout or assertion; the
# input that did it is in build-fuzz/crashes/ -- fix the bug, then copy the
# input into tests/fuzz/corpus/TARGET/ as a regression seed.
#
# Environment: FUZZ_CC (default clang), FUZZ_JOBS (targets run at once,
# default 1), FUZZ_ARGS (extra libFuzzer flags).
set -u
cd "$(dirname "$0")/../.."
secs=${1:-30}
shift || true
CC=${FUZZ_CC:-clang}
out=build-fuzz
jobs=${FUZZ_JOBS:-1}

if ! command -v "$CC" >/dev/null; then
    echo "fuzz: $CC not found (tests/lib/deps.sh fuzz installs clang)" >&2
    exit 69
fi

# Each target and the pure sources it links (no server, no client library).
declare -A srcs=(
    [sqlsplit]="src/sqlsplit.c src/error.c"
    [url]="src/config.c src/trust.c src/log.c src/error.c"
    [migration]="src/migration.c src/sqlsplit.c src/checksum.c src/config.c src/trust.c src/log.c src/error.c"
)
declare -A libs=([migration]="$(pkg-config --libs nettle 2>/dev/null || echo -lnettle)")

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in tests/fuzz/fuzz_*.c; do
        t=${f#tests/fuzz/fuzz_}
        targets+=("${t%.c}")
    done
fi

cflags=(-std=c11 -D_GNU_SOURCE -Iinclude -g -O1 -fno-omit-frame-pointer
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
        -Wall -Wextra -Werror -Wno-unused-command-line-argument)
mkdir -p "$out/crashes"
failed=()

build() { # target
    local t=$1
    if [ -z "${srcs[$t]:-}" ]; then
        echo "fuzz: no source list for target $t in tests/fuzz/run.sh" >&2
        return 1
    fi
    echo "=== build fuzz_$t"
    # shellcheck disable=SC2086
    "$CC" "${cflags[@]}" -o "$out/fuzz_$t" "tests/fuzz/fuzz_$t.c" ${srcs[$t]} ${libs[$t]:-}
}

run() { # target
    local t=$1 log=$out/fuzz_$t.log dict=()
    mkdir -p "$out/corpus/$t" "tests/fuzz/corpus/$t"
    [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
    echo "=== run fuzz_$t for ${secs}s"
    # The work corpus comes first: libFuzzer writes new inputs there only.
    # shellcheck disable=SC2086
    "$out/fuzz_$t" "${dict[@]}" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=1 -artifact_prefix="$out/crashes/$t-" \
        ${FUZZ_ARGS:-} "$out/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
    local rc=$?
    # The stats a reviewer wants: executions, coverage, corpus, crashes.
    local execs cov
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1 |
          grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[^ ]+')
    echo "fuzz_$t: ${execs:-?} execs, ${cov:-no coverage line}, peak RSS $(sed -n 's/^stat::peak_rss_mb: *//p' "$log") MB"
    if [ $rc -ne 0 ]; then
        echo "fuzz_$t: FAILED (exit $rc); the last lines of $log:"
        grep -v '^#' "$log" | tail -n 40
        ls -1 "$out/crashes/$t-"* 2>/dev/null | sed 's/^/  input: /'
        return 1
    fi
    return 0
}

for t in "${targets[@]}"; do
    build "$t" || failed+=("build:$t")
done
[ ${#failed[@]} -eq 0 ] || { echo "fuzz: build failed: ${failed[*]}"; exit 1; }

pids=() names=()
for t in "${targets[@]}"; do
    if [ "$jobs" -gt 1 ]; then
        run "$t" >"$out/fuzz_$t.summary" 2>&1 &
        pids+=($!)
        names+=("$t")
        if [ ${#pids[@]} -ge "$jobs" ]; then
            wait "${pids[0]}" || failed+=("${names[0]}")
            cat "$out/fuzz_${names[0]}.summary"
            pids=("${pids[@]:1}")
            names=("${names[@]:1}")
        fi
    else
        run "$t" || failed+=("$t")
    fi
done
for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || failed+=("${names[$i]}")
    cat "$out/fuzz_${names[$i]}.summary"
done

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#targets[@]} targets, failed: ${failed[*]}"
    exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${secs}s each, no crash"
