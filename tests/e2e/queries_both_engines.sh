#!/usr/bin/env bash
# queries_both_engines.sh ATTACHE SRCDIR - every query in ontology/queries/
# over the samples and the two-sided merge readouts, under librdf (attache
# query on the N-Quads, and attache query --db on a store loaded from the
# same readouts) and under rdflib: the rows must be the same. 77 (skip) when
# Debian's python3 with rdflib is not there.
set -euo pipefail
attache=${1:?attache binary}
src=${2:?source directory}
py=/usr/bin/python3 # Debian's, with python3-rdflib (a pyenv python3 lacks it)
if ! "$py" -c 'import rdflib' 2>/dev/null; then
    echo "SKIP: $py has no rdflib (apt-get install python3-rdflib)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=("$src/tests/data/merge")
if compgen -G "$src/samples/*.txt" >/dev/null; then
    inputs+=("$src/samples")
fi
"$attache" extract -q -f nquads -o "$tmp/all.nq" "${inputs[@]}"
"$attache" load -q --db "$tmp/kg" "${inputs[@]}"
echo "data: $(wc -l <"$tmp/all.nq") quads from ${inputs[*]}"
exec "$py" "$src/tests/e2e/queries_both_engines.py" --db "$tmp/kg" "$attache" "$tmp/all.nq" \
    "$src"/ontology/queries/*.rq
