#!/usr/bin/env bash
# run.sh - the speed and scale figures of the README, in one go:
#   1. attache_bench in-process for 10,000 and for 100,000 documents (each
#      syntax; separate processes, so each peak RSS is its own);
#   2. the command line over 10,000 generated files:
#      `attache extract DIR -f turtle > /dev/null`, then -f ntriples, nquads;
#   3. start-up: `attache extract` of one small file, best of 10.
# Usage: tests/bench/run.sh [BUILD_DIR] [DOCS_SMALL] [DOCS_LARGE]
# (defaults: build, 10000, 100000). Not run by ctest: it takes minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build}
small=${2:-10000}
large=${3:-100000}
bench=$build/tests/attache_bench
attache=$build/attache
export ATTACHE_DATA=${ATTACHE_DATA:-$PWD/ontology/data}
for f in "$bench" "$attache"; do
    [ -x "$f" ] || { echo "run.sh: $f not built (cmake --build $build)" >&2; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== machine: $(nproc) cores, $(uname -srm); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== in-process, $small documents (none = read and extract, no writing)"
"$bench" --docs "$small" --syntax none --syntax turtle --syntax ntriples --syntax nquads
echo
echo "== in-process, $large documents"
"$bench" --docs "$large"

echo
echo "== command line over $small files (one core)"
"$bench" --docs "$small" --write-corpus "$tmp/corpus"
du -sh "$tmp/corpus" | sed 's/^/corpus: /'
for syntax in turtle ntriples nquads; do
    # GNU time: elapsed, user+system CPU, peak RSS
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" \
        "$attache" extract -q -f "$syntax" "$tmp/corpus" >/dev/null
    read -r wall user sys rss <"$tmp/time"
    awk -v s="$syntax" -v n="$small" -v w="$wall" -v u="$user" -v k="$sys" -v r="$rss" \
        'BEGIN { c = u + k; printf "%-9s %6d files  %6.2f s wall  %6.2f s CPU  %7.0f docs/s (wall)  %7.0f docs/s (CPU)  peak RSS %.1f MiB\n", s, n, w, c, n / w, n / c, r / 1024 }'
done

echo
echo "== start-up: attache extract of one small file, best of 10"
printf ' date 2024-03-01\nThe two foreign ministers met in Geneva on Friday.\n' >"$tmp/one.txt"
best=
for _ in 1 2 3 4 5 6 7 8 9 10; do
    s=$(date +%s%N)
    "$attache" extract -q "$tmp/one.txt" >/dev/null
    e=$(date +%s%N)
    t=$(((e - s) / 1000))
    if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
done
awk -v t="$best" 'BEGIN { printf "start-up + one document: %.1f ms (wall, best of 10)\n", t / 1000 }'
