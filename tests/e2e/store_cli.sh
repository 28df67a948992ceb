#!/usr/bin/env bash
# store_cli.sh ATTACHE SRCDIR - the store commands end to end: load (with a
# bad file in the middle), load again (idempotent), export (= extract's
# N-Quads), query --db, remove, usage errors and exit codes, and a load
# killed in the middle leaving a usable store.
set -uo pipefail
attache=${1:?attache binary}
src=${2:?source directory}
merge=$src/tests/data/merge
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then
        echo "ok   $what"
    else
        echo "FAIL $what"
        fails=$((fails + 1))
    fi
}
status_is() { # status_is WANT COMMAND...: run COMMAND, compare its exit status
    local want=$1 got
    shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ] || {
        echo "  exit $got, want $want: $*" >&2
        cat "$tmp/err" >&2
        return 1
    }
}
graphs() { awk '{print $(NF-1)}' "$1" | sort -u | wc -l; }

# inputs: the two sides' readouts with an unusable file between them
mkdir "$tmp/in"
cp "$merge/merge-cn.txt" "$tmp/in/a-cn.txt"
: >"$tmp/in/b-empty.txt"
cp "$merge/merge-pk.txt" "$tmp/in/c-pk.txt"
db=$tmp/kg

check "load with a bad file in the middle exits 1" status_is 1 "$attache" load --db "$db" "$tmp/in"
check "the bad file is named" grep -q "b-empty.txt" "$tmp/err"
check "the good ones are reported loaded" grep -q "a-cn: loaded" "$tmp/err"
check "... both of them" grep -q "c-pk: loaded" "$tmp/err"
check "export works after it" status_is 0 "$attache" export -q --db "$db" -o "$tmp/one.nq"
check "the store holds the two good documents" test "$(graphs "$tmp/one.nq")" -eq 2

rm "$tmp/in/b-empty.txt"
check "load again" status_is 0 "$attache" load -q --db "$db" "$tmp/in"
"$attache" export -q --db "$db" | sort >"$tmp/two.nq"
check "loading again changes nothing" cmp -s <(sort "$tmp/one.nq") "$tmp/two.nq"
"$attache" extract -q -f nquads "$tmp/in" | sort >"$tmp/extract.nq"
check "export equals extract -f nquads" cmp -s "$tmp/extract.nq" "$tmp/two.nq"

check "query --db" status_is 0 "$attache" query --db "$db" -f csv "$src/ontology/queries/meetings.rq"
check "one meeting, two participants, from two readouts" \
    test "$(tail -n +2 "$tmp/out" | cut -d, -f1 | sort -u | wc -l)" -eq 1 -a \
    "$(tail -n +2 "$tmp/out" | wc -l)" -eq 2

check "export -f turtle" status_is 0 "$attache" export --db "$db" -f turtle -o "$tmp/kg.ttl"
if command -v rapper >/dev/null; then
    check "the Turtle parses" rapper -q -i turtle -c "$tmp/kg.ttl"
fi

check "remove by name" status_is 0 "$attache" remove --db "$db" a-cn
check "remove by IRI" status_is 0 "$attache" remove --db "$db" https://w3id.org/attache/id/doc/c-pk
check "remove an unknown document exits 1" status_is 1 "$attache" remove --db "$db" a-cn
check "the store is empty" status_is 0 "$attache" export --db "$db"
check "... no quads" test ! -s "$tmp/out"

# usage and failures
check "load without --db: 2" status_is 2 "$attache" load "$tmp/in"
check "export -f rdfxml: 2" status_is 2 "$attache" export --db "$db" -f rdfxml
check "remove without a document: 2" status_is 2 "$attache" remove --db "$db"
check "query --db with no store: 1" status_is 1 "$attache" query --db "$tmp/none" -e 'ASK {}'
check "export --db with no store: 1" status_is 1 "$attache" export --db "$tmp/none"
check "no store made by export" test ! -e "$tmp/none"
if [ -w /dev/full ]; then
    "$attache" load -q --db "$db" "$tmp/in"
    check "export to /dev/full: 1" status_is 1 "$attache" export --db "$db" -o /dev/full
fi

# a load killed in the middle: the store opens, and loading again completes it
mkdir "$tmp/many"
for i in $(seq -w 1 150); do
    cp "$merge/merge-cn.txt" "$tmp/many/cn-$i.txt"
    cp "$merge/merge-pk.txt" "$tmp/many/pk-$i.txt"
done
"$attache" load -q --db "$tmp/killed" "$tmp/many" &
pid=$!
sleep 1
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "a store whose load was killed opens" status_is 0 "$attache" export -q --db "$tmp/killed"
echo "  (the killed load left $(graphs "$tmp/out") of 300 documents)"
check "loading again after the kill" status_is 0 "$attache" load -q --db "$tmp/killed" "$tmp/many"
"$attache" load -q --db "$tmp/fresh" "$tmp/many"
check "... gives the store a clean load gives" \
    cmp -s <("$attache" export -q --db "$tmp/killed" | sort) \
    <("$attache" export -q --db "$tmp/fresh" | sort)

echo "$fails failed"
[ "$fails" -eq 0 ]
