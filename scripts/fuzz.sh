#!/usr/bin/env bash
# Usage: scripts/fuzz.sh [--time SECONDS_PER_TARGET] [--no-build] [delivery|row ...]
#   Fuzzes the decoders that bytes from outside reach (Tests/Fuzz): `delivery` (AMQP
#   properties and body → envelope → contract) and `row` (column texts → Swift values, outbox
#   rows). Builds the libFuzzer binary with -sanitize=fuzzer,address into .build-fuzz, replays
#   the committed corpus Tests/Fuzz/Corpus/<target> first, then fuzzes each target for
#   SECONDS (default 30) on a scratch copy of the corpus in .run/fuzz. Exits non-zero on any
#   crash; the crashing input is kept in .run/fuzz/crashes: add it to the corpus once fixed.
set -euo pipefail

case "${1:-}" in -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
seconds=30
build=1
targets=()
while (( $# )); do
    case "$1" in
        --time) seconds="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        delivery|row) targets+=("$1"); shift ;;
        *) echo "fuzz: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
(( ${#targets[@]} )) || targets=(delivery row)

SCRATCH="$ROOT/.build-fuzz"
if (( build )); then
    # lld: gold fails on the fuzzer runtime's debug info. FUZZING selects libFuzzer's driver.
    swift build --product wmo-fuzz --scratch-path "$SCRATCH" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
fi
binary="$SCRATCH/debug/wmo-fuzz"
[[ -x "$binary" ]] || { echo "fuzz: $binary missing (run without --no-build)" >&2; exit 1; }

WORK="$ROOT/.run/fuzz"
mkdir -p "$WORK/crashes"
# The runtime's backtracer would keep a crashed run busy for minutes; ASan reports instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"
status=0
for target in "${targets[@]}"; do
    corpus="$ROOT/Tests/Fuzz/Corpus/$target"
    scratch="$WORK/corpus-$target"
    rm -rf "$scratch"
    mkdir -p "$scratch"
    cp "$corpus"/* "$scratch"/
    echo "==> fuzz $target: ${seconds} s from $(ls "$corpus" | wc -l) seed(s)"
    set +e
    WMO_FUZZ_TARGET="$target" "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$WORK/crashes/$target-" "$scratch" \
        >"$WORK/$target.log" 2>&1
    rc=$?
    set -e
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+.*DONE' "$WORK/$target.log" || true
    if (( rc != 0 )); then
        echo "fuzz $target: CRASH (exit $rc); input and report:" >&2
        ls -1 "$WORK/crashes/$target-"* 2>/dev/null >&2 || true
        grep -E 'ERROR|Fatal|error:|SUMMARY' "$WORK/$target.log" | head -20 >&2 || true
        status=1
    fi
done
exit "$status"
