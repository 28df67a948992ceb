#!/usr/bin/env bash
# fanout.sh - the README's GNU parallel recipes, run for real: the merged
# N-Quads of the workers, sorted, must equal one single run's, sorted, byte
# for byte (same IRIs, same triples, same graphs).
#
#   fanout.sh ATTACHE ATTACHE_BENCH [SAMPLES_DIR]
#
# Corpora: SAMPLES_DIR (skipped when empty) and 200 readouts written by
# `attache_bench --write-corpus`, plus the same 200 as JSON Lines. Recipes:
#   cores    parallel -j2 over files, each job writing a part with -o, parts cat'ed
#   hosts    parallel -S : (the local host standing in for -S host1,host2:
#            no network) with --transferfile/--cleanup, output returned on stdout
#   pipe     parallel --pipe over a JSON Lines stream (--jsonl -)
# Exit 77 (ctest: skipped) when GNU parallel is not installed.
set -euo pipefail

attache=${1:?usage: fanout.sh ATTACHE ATTACHE_BENCH [SAMPLES_DIR]}
bench=${2:?usage: fanout.sh ATTACHE ATTACHE_BENCH [SAMPLES_DIR]}
samples=${3:-}

if ! command -v parallel >/dev/null 2>&1 || ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
    echo "fanout.sh: GNU parallel not installed (apt-get install parallel): skipped" >&2
    exit 77
fi
attache=$(realpath "$attache")
bench=$(realpath "$bench")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C # sort order and byte comparison independent of the locale
failures=0
checks=0

fail() {
    echo "FAIL  $*" >&2
    failures=$((failures + 1))
}

# same SINGLE MERGED LABEL: sorted merged output equals the sorted single run
same() {
    local single=$1 merged=$2 label=$3
    checks=$((checks + 1))
    sort "$single" >"$single.sorted"
    sort "$merged" >"$merged.sorted"
    if [ ! -s "$single.sorted" ]; then
        fail "$label: the single run wrote nothing"
    elif cmp -s "$single.sorted" "$merged.sorted"; then
        echo "ok    $label: $(wc -l <"$merged.sorted") quads, identical after sorting"
    else
        fail "$label: merged output differs from the single run"
        diff "$single.sorted" "$merged.sorted" | head -20 >&2 || true
    fi
}

# jobs LOG: number of jobs in a --joblog that ran and exited 0
jobs_ok() {
    awk -F'\t' 'NR > 1 && $7 == 0 { n++ } END { print n + 0 }' "$1"
}

run_corpus() {
    local name=$1 dir=$2
    local w=$tmp/$name
    mkdir -p "$w/parts"
    # the list of inputs, as `attache extract DIR` walks it (sorted, no dot files)
    find "$dir" -type f ! -name '.*' | sort >"$w/files"
    local n
    n=$(wc -l <"$w/files")

    # one process over the whole corpus
    "$attache" extract -q -f nquads "$dir" >"$w/single.nq"

    # recipe 1: the cores of one machine; each job writes its own part
    parallel --will-cite -j2 -X --joblog "$w/cores.log" \
        "$attache" extract -q -f nquads -o "$w/parts/{#}.nq" {} <"$w/files"
    local parts
    parts=$(find "$w/parts" -name '*.nq' | wc -l)
    cat "$w/parts/"*.nq >"$w/cores.nq"
    if [ "$n" -gt 1 ] && [ "$parts" -lt 2 ]; then
        fail "$name cores: $parts part for $n files (expected a fan-out)"
    fi
    same "$w/single.nq" "$w/cores.nq" "$name, parallel -j2 ($n files, $parts parts)"

    # recipe 2: several machines; -S : is the local host through the same
    # machinery (no ssh). With real hosts the files travel with
    # --transferfile and the parts come back on stdout.
    (cd "$dir" && find . -type f ! -name '.*' | sort) |
        (cd "$dir" && parallel --will-cite -S 2/: -X -n 25 --transferfile {} --cleanup \
            --joblog "$w/hosts.log" "$attache" extract -q -f nquads {}) \
            >"$w/hosts.nq" 2>"$w/hosts.err" || fail "$name hosts: parallel failed"
    # (with only the local host, parallel says the transfer is skipped)
    grep -v 'transferfile ignored' "$w/hosts.err" >&2 || true
    local jobs
    jobs=$(jobs_ok "$w/hosts.log")
    if [ "$n" -gt 25 ] && [ "$jobs" -lt 2 ]; then
        fail "$name hosts: $jobs job(s) for $n files (expected a fan-out)"
    fi
    same "$w/single.nq" "$w/hosts.nq" "$name, parallel -S : ($jobs jobs)"
}

if [ -n "$samples" ] && [ -d "$samples" ] && [ -n "$(find "$samples" -type f ! -name '.*' -print -quit)" ]; then
    run_corpus samples "$samples"
else
    echo "note  no samples in '${samples:-}': that corpus skipped"
fi

"$bench" --docs 200 --write-corpus "$tmp/generated-in"
run_corpus generated "$tmp/generated-in"

# recipe 3: a JSON Lines stream (a crawl's output) cut into blocks of lines
"$bench" --docs 200 --write-jsonl "$tmp/corpus.jsonl"
"$attache" extract -q -f nquads --jsonl "$tmp/corpus.jsonl" >"$tmp/jsonl-single.nq"
parallel --will-cite --pipe -N 40 -j2 --joblog "$tmp/pipe.log" \
    "$attache" extract -q -f nquads --jsonl - <"$tmp/corpus.jsonl" >"$tmp/jsonl-pipe.nq"
same "$tmp/jsonl-single.nq" "$tmp/jsonl-pipe.nq" "jsonl, parallel --pipe ($(jobs_ok "$tmp/pipe.log") jobs)"

# the JSON Lines twin of a file names the same document and finds the same
# facts: every quad of the file run is in the JSON Lines run (which adds
# schema:url and att:source)
checks=$((checks + 1))
missing=$(comm -23 "$tmp/generated/single.nq.sorted" "$tmp/jsonl-single.nq.sorted" | wc -l)
if [ "$missing" -eq 0 ]; then
    echo "ok    jsonl: every quad of the file run is in the JSON Lines run"
else
    fail "jsonl: $missing quads of the file run are missing from the JSON Lines run"
    comm -23 "$tmp/generated/single.nq.sorted" "$tmp/jsonl-single.nq.sorted" | head -5 >&2
fi

echo "fanout.sh: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
