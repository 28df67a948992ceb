#!/bin/bash
# e2e.sh - end-to-end test of attache (issue 2).
#
#   e2e.sh ATTACHE samples   the repo's samples/*.txt, each against the facts a
#                            reader expects (tests/data/expected/NAME.json):
#                            Turtle parsed by rapper and rdflib, the three
#                            queries under rdflib and `attache query`; then
#                            `attache extract samples/ -f nquads` loaded into a
#                            fresh librdf store (rdfproc) and queried there.
#   e2e.sh ATTACHE seed      the same for ../shared/eval/dev/seed.txt against
#                            GUIDELINE.md's annotation; exit 77 (skipped) when
#                            ../shared is not there.
#
# Needs rapper and rdfproc (raptor2-utils, redland-utils) and rdflib for
# /usr/bin/python3 (python3-rdflib).
set -euo pipefail

attache=${1:?usage: e2e.sh ATTACHE samples|seed}
what=${2:?usage: e2e.sh ATTACHE samples|seed}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
expected=$repo/tests/data/expected
export ATTACHE_DATA=${ATTACHE_DATA:-$repo/ontology/data}

for tool in rapper rdfproc; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool not found (raptor2-utils / redland-utils)"; exit 1; }
done
/usr/bin/python3 -c 'import rdflib' 2>/dev/null ||
  { echo "e2e: rdflib missing for /usr/bin/python3 (apt-get install python3-rdflib)"; exit 1; }

check=(/usr/bin/python3 "$here/e2e_check.py" "$attache" "$repo")
case $what in
  samples)
    files=()
    for txt in "$repo"/samples/*.txt; do
      exp=$expected/$(basename "$txt" .txt).json
      [ -f "$exp" ] || { echo "e2e: no expected facts for $txt ($exp)"; exit 1; }
      files+=("$exp")
    done
    "${check[@]}" docs "${files[@]}"
    "${check[@]}" nquads "$repo/samples" "${files[@]}"
    ;;
  seed)
    if [ ! -f "$repo/../shared/eval/dev/seed.txt" ]; then
      echo "e2e: ../shared/eval/dev/seed.txt not present: skipped"
      exit 77
    fi
    "${check[@]}" docs "$expected/seed.json"
    ;;
  *)
    echo "usage: e2e.sh ATTACHE samples|seed"; exit 2 ;;
esac
