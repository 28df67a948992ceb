#!/usr/bin/env bash
# hostile.sh - the hostile-input table: each row is an input attache must
# survive, with its defined outcome:
#   - the exit status (1 only where something failed),
#   - the messages on standard error (naming the file),
#   - the summary line (documents read, written, failed),
#   - every output parses with rapper (raptor2) and rdflib, and holds one
#     schema:Article per document written (nothing silently lost),
#   - the writer's own text equals raptor2's (--writer raptor): N-Triples and
#     N-Quads byte for byte, Turtle as a graph.
#
#   tests/e2e/hostile.sh path/to/attache
#
# ATTACHE_RUNNER prefixes every run (e.g. "valgrind -q --error-exitcode=99"):
# an error it reports changes the exit status, so the row fails.
# ATTACHE_HUGE_MB sets the size of the "huge line" rows (default 50; 1 when a
# runner is set: valgrind is ~50x slower). Needs rapper and /usr/bin/python3 with rdflib.
set -uo pipefail

ATTACHE=${1:?usage: hostile.sh path/to/attache}
ATTACHE=$(cd "$(dirname "$ATTACHE")" && pwd)/$(basename "$ATTACHE")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export ATTACHE_DATA=${ATTACHE_DATA:-$ROOT/ontology/data}
read -r -a RUNNER <<<"${ATTACHE_RUNNER:-}"
HUGE_MB=${ATTACHE_HUGE_MB:-$([ -n "${ATTACHE_RUNNER:-}" ] && echo 1 || echo 50)}
PY=/usr/bin/python3
GOOD=$ROOT/tests/fuzz/corpus/seed.txt

T=$(mktemp -d)
trap 'chmod -R u+rwX "$T" 2>/dev/null; rm -rf "$T"' EXIT
chmod 755 "$T"

pass=0
fail=0
failed_rows=()

# ---------------------------------------------------------------- checks

# Count schema:Article nodes in FILE of SYNTAX with rdflib (prints the count,
# fails when the file does not parse).
rdflib_articles() {
    "$PY" - "$1" "$2" <<'EOF'
import sys
import rdflib
path, syntax = sys.argv[1], sys.argv[2]
fmt = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "rdfxml": "xml"}[syntax]
g = rdflib.ConjunctiveGraph() if fmt == "nquads" else rdflib.Graph()
with open(path, "rb") as fh:
    data = fh.read()
if data.strip():
    g.parse(data=data, format=fmt)
art = rdflib.URIRef("http://schema.org/Article")
print(len(set(g.subjects(rdflib.RDF.type, art))))
EOF
}

# check_rdf FILE SYNTAX WRITTEN: both parsers accept FILE and it holds
# WRITTEN documents.
check_rdf() {
    local file=$1 syntax=$2 want=$3 n m
    if ! rapper -q -c -i "$syntax" "$file" >/dev/null 2>"$T/rapper.err"; then
        echo "    rapper rejects the $syntax output:"
        head -5 "$T/rapper.err" | sed 's/^/      /'
        return 1
    fi
    if ! n=$(rdflib_articles "$file" "$syntax" 2>"$T/rdflib.err"); then
        echo "    rdflib rejects the $syntax output:"
        tail -3 "$T/rdflib.err" | sed 's/^/      /'
        return 1
    fi
    m=$(rapper -q -i "$syntax" -o ntriples "$file" 2>/dev/null |
        grep -c '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Article>')
    if [ "$n" != "$want" ] || [ "$m" != "$want" ]; then
        echo "    $want documents written, but the output has $n (rdflib) / $m (rapper) schema:Article nodes"
        return 1
    fi
}

# run_attache OUT ERR ARGS...: run attache (under the runner, killed after
# TIME_LIMIT seconds: a hang is a failure, not a stuck test), leaving the
# exit status in $rc (124: timed out).
run_attache() {
    local out=$1 err=$2
    shift 2
    timeout -k 5 "$TIME_LIMIT" "${RUNNER[@]}" "$ATTACHE" "$@" >"$out" 2>"$err"
    rc=$?
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        echo "    timed out after $TIME_LIMIT s"
    fi
}

# row NAME EXIT "READ WRITTEN FAILED" STDERR-PATTERN -- ARGS...
# Runs `attache extract ARGS` (turtle unless ARGS say -f), then checks the
# exit status, the summary, that every line of STDERR-PATTERN ('|'-separated
# grep -E patterns; "" for none) matches standard error, and the output.
row() {
    local name=$1 want_rc=$2 counts=$3 patterns=$4
    shift 5
    local out=$T/$name.out err=$T/$name.err syntax=turtle ok=1 a prev=
    for a in "$@"; do
        case $prev in -f) syntax=$a ;; esac
        prev=$a
    done
    local t0=$SECONDS
    run_attache "$out" "$err" extract -o - "$@"
    local secs=$((SECONDS - t0))
    if [ "$secs" -gt "$TIME_LIMIT" ]; then
        echo "    took $secs s (limit $TIME_LIMIT s)"
        ok=0
    fi
    if [ "$rc" != "$want_rc" ]; then
        echo "    exit status $rc, expected $want_rc"
        ok=0
    fi
    read -r nr nw nf <<<"$counts"
    if ! grep -q "attache: $nr documents read, $nw written, $nf failed;" "$err"; then
        echo "    summary is not '$nr read, $nw written, $nf failed':"
        grep 'documents read' "$err" | sed 's/^/      /'
        ok=0
    fi
    if [ -n "$patterns" ]; then
        local IFS='|'
        for p in $patterns; do
            if ! grep -Eq -- "$p" "$err"; then
                echo "    no message matching: $p"
                ok=0
            fi
        done
        unset IFS
    fi
    check_rdf "$out" "$syntax" "$nw" || ok=0
    report "$name" "$ok" "$secs s"
}

report() {
    local name=$1 ok=$2 note=${3:-}
    if [ "$ok" = 1 ]; then
        printf 'ok    %-28s %s\n' "$name" "$note"
        pass=$((pass + 1))
    else
        printf 'FAIL  %-28s %s\n' "$name" "$note"
        sed 's/^/    stderr: /' "$T/$name.err" 2>/dev/null | head -8
        fail=$((fail + 1))
        failed_rows+=("$name")
    fi
}

# every row must finish within this many seconds (the huge lines are the
# slow ones: a few seconds for 50 MB in a Release build, 3x that with ASan)
TIME_LIMIT=${ATTACHE_TIME_LIMIT:-120}

# ---------------------------------------------------------------- inputs
D=$T/in
mkdir -p "$D"
: >"$D/empty.txt"
printf ' date 2022-01-13\n' >"$D/dateonly.txt"
printf ' date 2021-13-45\n\nForeign Minister Wang Yi met Secretary Blinken.\n' >"$D/baddate.txt"
tail -n +2 "$GOOD" >"$D/nodate.txt"
cp "$GOOD" "$D/plain.txt"
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$GOOD"; } >"$D/crlf-bom.txt"
printf ' date 2022-01-13\n\nForeign Minister Wang\xff\xfe Yi met\x00 Secretary \xc3(Antony Blinken\x00\x00 in Beijing.\n' \
    >"$D/badutf8-nul.txt"
printf ' date 2022-01-13\n\nForeign\x01 Minister\x1b[31m Wang Yi\x07 met\x7f Secretary\xc2\x85 Blinken\x0b\x0c in\x08 Beijing.\n' \
    >"$D/controls.txt"
{
    printf ' date 2022-01-13\n\n'
    yes 'Foreign Minister Wang Yi met Secretary of State Antony Blinken in Beijing. ' |
        tr -d '\n' | head -c $((HUGE_MB * 1000000))
    printf 'The end.\n'
} >"$D/huge-line.txt"
{
    printf ' date 2022-01-13\n\n'
    yes 'Foreign Minister Wang Yi met Secretary of State Antony Blinken in Beijing and ' |
        tr -d '\n' | head -c $((HUGE_MB * 1000000))
    printf '\n'
} >"$D/huge-line-no-stop.txt"
{
    printf ' date 2022-01-13\n\nForeign Minister Wang Yi said '
    head -c 100000 /dev/zero | tr '\0' '('
    printf ' and '
    head -c 100000 /dev/zero | tr '\0' ')'
    printf '.\n'
} >"$D/parens.txt"
head -c 200000 /dev/urandom >"$D/random.bin"
{
    printf ' date 2022-01-13\n\nThe """title""" <b>{Wang}</b> \\ "quoted" '"'''"' \\u0000 ${x} @en ^^xsd\n\n'
    printf 'Foreign Minister Wang "Yi" \\ <Li> {Qiang} """ met Secretary Antony "Tony" Blinken\\ in <Beijing>.\n'
} >"$D/quotes.txt"
# the file name too becomes the document's IRI
cp "$D/quotes.txt" "$D/we\"ird \\ <name> {x} \"\"\" %41 #frag.txt"

# a directory mixing good, bad and unopenable entries (tests run as root,
# for whom chmod 000 changes nothing: a dangling symbolic link and a FIFO
# stand for files that cannot be read; a chmod 000 file is added in a row
# of its own, run as nobody through setpriv)
M=$T/mixed
mkdir -p "$M/sub"
cp "$GOOD" "$M/a-good.txt"
cp "$D/nodate.txt" "$M/sub/b-good.txt"
: >"$M/c-empty.txt"
cp "$D/random.bin" "$M/d-random.bin"
cp "$D/baddate.txt" "$M/e-baddate.txt"
ln -s "$T/does-not-exist.txt" "$M/f-dangling.txt"
mkfifo "$M/g-fifo.txt"
ln -s .. "$M/sub/h-loop"
cp "$D/controls.txt" "$M/i-controls.txt"
printf 'not a readout\n' >"$M/.hidden.txt"

# ---------------------------------------------------------------- table
echo "hostile inputs ($HUGE_MB MB huge lines${ATTACHE_RUNNER:+, under $ATTACHE_RUNNER}):"
row empty 1 "1 0 1" 'empty\.txt: error: empty document \(no text\)' -- "$D/empty.txt"
row date-line-only 1 "1 0 1" 'dateonly\.txt: error: empty document \(no text after the date line\)' \
    -- "$D/dateonly.txt"
row malformed-date 1 "1 0 1" 'baddate\.txt: error: malformed date line' -- "$D/baddate.txt"
row no-date-line 0 "1 1 0" 'nodate\.txt: warning: no date line' -- "$D/nodate.txt"
row crlf-bom 0 "1 1 0" '' -- "$D/crlf-bom.txt"
row invalid-utf8-nul 0 "1 1 0" \
    'badutf8-nul\.txt: warning: [0-9]+ invalid UTF-8 sequences or control characters replaced' \
    -- "$D/badutf8-nul.txt"
row control-chars 0 "1 1 0" \
    'controls\.txt: warning: [0-9]+ invalid UTF-8 sequences or control characters replaced' \
    -- "$D/controls.txt"
row huge-line 0 "1 1 0" '' -- -f ntriples "$D/huge-line.txt"
row huge-line-no-stop 0 "1 1 0" '' -- -f ntriples "$D/huge-line-no-stop.txt"
row parentheses-100k 0 "1 1 0" '' -- "$D/parens.txt"
row random-bytes 1 "1 0 1" 'random\.bin: error: not a text document' -- "$D/random.bin"
row quotes-escapes 0 "2 2 0" '' -- "$D/quotes.txt" "$D/we\"ird \\ <name> {x} \"\"\" %41 #frag.txt"
mixed_err='c-empty\.txt: error: empty document|d-random\.bin: error: not a text document|e-baddate\.txt: error: malformed date line|f-dangling\.txt: error: cannot open|g-fifo\.txt: error: not a regular file|h-loop: warning: symbolic link to a directory not followed'
row mixed-directory 1 "8 3 5" "$mixed_err" -- "$M"
for syntax in ntriples nquads rdfxml; do
    row "mixed-directory-$syntax" 1 "8 3 5" "$mixed_err" -- -f "$syntax" "$M"
done
row missing-path 1 "2 1 1" 'nope\.txt: error: cannot open: No such file' \
    -- "$T/nope.txt" "$GOOD"

# the crlf/BOM copy gives the same facts as the plain file
a=$(grep 'documents read' "$T/crlf-bom.err" | sed 's/.*failed; //')
run_attache "$T/plain.out" "$T/plain.err" extract -o - "$D/plain.txt"
b=$(grep 'documents read' "$T/plain.err" | sed 's/.*failed; //')
if [ -n "$a" ] && [ "$a" = "$b" ] && ! grep -q $'\r' "$T/crlf-bom.out"; then
    report crlf-bom-same-facts 1 "$a"
else
    echo "    CRLF+BOM: '$a', plain: '$b'"
    report crlf-bom-same-facts 0
fi

# the title with quotes, backslashes and """ comes back intact
want=$(sed -n 3p "$D/quotes.txt")
got=$("$PY" - "$T/quotes-escapes.out" <<'EOF'
import sys, rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="turtle")
art = rdflib.URIRef("http://schema.org/Article")
name = rdflib.URIRef("http://schema.org/name")
for s in sorted(g.subjects(rdflib.RDF.type, art)):
    print(g.value(s, name))
    break
EOF
)
if [ "$got" = "$want" ]; then
    report title-round-trip 1
else
    printf '    title written:  %s\n    title expected: %s\n' "$got" "$want"
    report title-round-trip 0
fi

# an unreadable file (chmod 000), read as nobody: root reads anything
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && [ -z "${ATTACHE_RUNNER:-}" ] &&
    setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$ATTACHE" 2>/dev/null; then
    U=$T/unreadable
    mkdir -p "$U"
    cp "$GOOD" "$U/a-good.txt"
    cp "$GOOD" "$U/b-secret.txt"
    chmod 000 "$U/b-secret.txt"
    chmod -R a+rX "$T/in" "$U" 2>/dev/null
    chmod 000 "$U/b-secret.txt"
    setpriv --reuid=nobody --regid=nogroup --clear-groups \
        "$ATTACHE" extract -o - "$U" >"$T/unreadable.out" 2>"$T/unreadable.err"
    rc=$?
    ok=1
    [ "$rc" = 1 ] || { echo "    exit status $rc, expected 1"; ok=0; }
    grep -q 'b-secret\.txt: error: cannot open: Permission denied' "$T/unreadable.err" ||
        { echo "    no 'cannot open: Permission denied' for b-secret.txt"; ok=0; }
    grep -q 'attache: 2 documents read, 1 written, 1 failed;' "$T/unreadable.err" ||
        { echo "    summary is not 2 read, 1 written, 1 failed"; ok=0; }
    check_rdf "$T/unreadable.out" turtle 1 || ok=0
    report unreadable-chmod-000 "$ok" "(as nobody)"
else
    echo "skip  unreadable-chmod-000          (needs root, setpriv and no runner)"
fi

# output to a full disk: exit 1 and a message, both with -o and on stdout
for how in option stdout; do
    if [ "$how" = option ]; then
        "${RUNNER[@]}" "$ATTACHE" extract -o /dev/full "$GOOD" >/dev/null 2>"$T/full-$how.err"
    else
        "${RUNNER[@]}" "$ATTACHE" extract "$GOOD" >/dev/full 2>"$T/full-$how.err"
    fi
    rc=$?
    ok=1
    [ "$rc" = 1 ] || { echo "    exit status $rc, expected 1"; ok=0; }
    grep -Eq 'error: writing the output failed: No space left on device' "$T/full-$how.err" ||
        { echo "    no 'writing the output failed: No space left on device'"; ok=0; }
    cp "$T/full-$how.err" "$T/dev-full-$how.err"
    report "dev-full-$how" "$ok"
done

# output to a closed pipe: SIGPIPE is ignored, the write fails with EPIPE,
# attache says so and exits 1 (enough output to overflow the pipe buffer)
(
    "${RUNNER[@]}" "$ATTACHE" extract -f ntriples "$ROOT/tests/fuzz/corpus" 2>"$T/closed-pipe.err"
    echo $? >"$T/closed-pipe.rc"
) | head -c 1 >/dev/null
rc=$(cat "$T/closed-pipe.rc")
ok=1
[ "$rc" = 1 ] || { echo "    exit status $rc, expected 1 (141 = killed by SIGPIPE)"; ok=0; }
grep -Eq 'error: writing the output failed: Broken pipe' "$T/closed-pipe.err" ||
    { echo "    no 'writing the output failed: Broken pipe'"; ok=0; }
report closed-pipe "$ok"

# the writer's own text against raptor2's serializers on every hostile input
# but the huge lines (their size adds nothing here): N-Triples and N-Quads
# the same bytes, Turtle the same graph (as rapper reads it)
for f in "$D"/*; do
    case $f in *huge*) continue ;; esac
    name=writer-parity-$(printf %s "$(basename "$f")" | tr -c 'A-Za-z0-9.-' '_')
    ok=1
    for syntax in ntriples nquads turtle; do
        "${RUNNER[@]}" "$ATTACHE" extract -q -f "$syntax" "$f" >"$T/native.$syntax" 2>/dev/null
        "${RUNNER[@]}" "$ATTACHE" extract -q -f "$syntax" --writer raptor "$f" \
            >"$T/raptor.$syntax" 2>/dev/null
        if [ "$syntax" = turtle ]; then
            rapper -q -i turtle -o ntriples "$T/native.turtle" x: 2>/dev/null | sort >"$T/native.sorted"
            rapper -q -i turtle -o ntriples "$T/raptor.turtle" x: 2>/dev/null | sort >"$T/raptor.sorted"
            cmp -s "$T/native.sorted" "$T/raptor.sorted" ||
                { echo "    Turtle graphs differ (native vs --writer raptor)"; ok=0; }
        else
            cmp -s "$T/native.$syntax" "$T/raptor.$syntax" ||
                { echo "    $syntax bytes differ (native vs --writer raptor)"; ok=0; }
        fi
    done
    report "$name" "$ok"
done

echo
echo "hostile inputs: $pass passed, $fail failed${failed_rows[*]:+ (${failed_rows[*]})}"
[ "$fail" -eq 0 ]
