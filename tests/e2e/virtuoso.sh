#!/usr/bin/env bash
# virtuoso.sh ATTACHE SRCDIR - serve the graph from Virtuoso Open Source and
# check it against the embedded store.
#
# Starts a private Virtuoso (Debian's virtuoso-opensource 7) with its
# database in a temporary folder, listening on free loopback ports only, in
# its own process session; bulk-loads `attache extract -f nquads` of the
# samples (and the two-sided merge readouts) with ld_dir/rdf_loader_run;
# runs the three contract queries over Virtuoso's SPARQL endpoint (HTTP on
# 127.0.0.1) and compares their rows with `attache query --db` over a store
# loaded from the same readouts. Virtuoso is stopped on any exit (trap).
#
# Exit 0 when the rows agree, 1 when not, 77 (skip) only when Virtuoso is
# not installed and can not be installed here.
set -euo pipefail
attache=${1:?attache binary}
src=${2:?source directory}
py=/usr/bin/python3

if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && [ -f "$src/scripts/deps.sh" ]; then
        # shellcheck source=../../scripts/deps.sh
        (. "$src/scripts/deps.sh" && need_packages virtuoso-opensource curl) || true
    fi
fi
if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    echo "SKIP: Virtuoso Open Source is not installed (apt-get install virtuoso-opensource)"
    exit 77
fi
ini_src=/etc/virtuoso-opensource-7/virtuoso.ini
if [ ! -r "$ini_src" ]; then
    echo "SKIP: $ini_src not found: virtuoso-opensource-7 is incomplete"
    exit 77
fi

tmp=$(mktemp -d)
vpid=
isql_port=
stop_virtuoso() {
    if [ -n "$vpid" ] && kill -0 "$vpid" 2>/dev/null; then
        isql-vt "127.0.0.1:$isql_port" dba dba exec="shutdown;" >/dev/null 2>&1 || true
        for _ in $(seq 1 30); do
            kill -0 "$vpid" 2>/dev/null || break
            sleep 0.5
        done
        # its own session: the group is Virtuoso and nothing else
        kill -TERM -- "-$vpid" 2>/dev/null || true
        sleep 1
        kill -KILL -- "-$vpid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap stop_virtuoso EXIT
trap 'exit 1' INT TERM

# two free loopback ports
read -r isql_port http_port < <("$py" - <<'EOF'
import socket
socks = []
for _ in range(2):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(*(s.getsockname()[1] for s in socks))
EOF
)

# the readouts, as N-Quads (one graph per document) and as a store
mkdir "$tmp/db" "$tmp/load"
inputs=("$src/tests/data/merge")
if compgen -G "$src/samples/*.txt" >/dev/null; then
    inputs+=("$src/samples")
fi
"$attache" extract -q -f nquads -o "$tmp/load/all.nq" "${inputs[@]}"
"$attache" load -q --db "$tmp/kg" "${inputs[@]}"
echo "data: $(wc -l <"$tmp/load/all.nq") quads from ${inputs[*]}"

# the ini: every file into $tmp/db, loopback ports, the load folder allowed
awk -v db="$tmp/db" -v load="$tmp/load" -v ip="$isql_port" -v hp="$http_port" '
/^\[/ { sect = $0 }
sect == "[Database]" && /^DatabaseFile/       { print "DatabaseFile = " db "/virtuoso.db"; next }
sect == "[Database]" && /^ErrorLogFile/       { print "ErrorLogFile = " db "/virtuoso.log"; next }
sect == "[Database]" && /^LockFile/           { print "LockFile = " db "/virtuoso.lck"; next }
sect == "[Database]" && /^TransactionFile/    { print "TransactionFile = " db "/virtuoso.trx"; next }
sect == "[Database]" && /^xa_persistent_file/ { print "xa_persistent_file = " db "/virtuoso.pxa"; next }
sect == "[TempDatabase]" && /^DatabaseFile/    { print "DatabaseFile = " db "/virtuoso-temp.db"; next }
sect == "[TempDatabase]" && /^TransactionFile/ { print "TransactionFile = " db "/virtuoso-temp.trx"; next }
sect == "[Parameters]" && /^ServerPort/  { print "ServerPort = 127.0.0.1:" ip; next }
sect == "[Parameters]" && /^DirsAllowed/ { print "DirsAllowed = ., " load; next }
sect == "[HTTPServer]" && /^ServerPort/  { print "ServerPort = 127.0.0.1:" hp; next }
{ print }
' "$ini_src" >"$tmp/virtuoso.ini"

echo "starting Virtuoso on 127.0.0.1:$isql_port (isql) and 127.0.0.1:$http_port (HTTP)"
(cd "$tmp/db" && exec setsid virtuoso-t -f -c "$tmp/virtuoso.ini" >"$tmp/virtuoso.out" 2>&1) &
vpid=$!
isql() { isql-vt "127.0.0.1:$isql_port" dba dba "$@"; }
for i in $(seq 1 120); do
    if isql exec="select 1;" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$vpid" 2>/dev/null; then
        echo "SKIP: Virtuoso did not start:"
        tail -20 "$tmp/virtuoso.out" "$tmp/db/virtuoso.log" 2>/dev/null || true
        exit 77
    fi
    [ "$i" -lt 120 ] || {
        echo "FAIL: Virtuoso did not answer within 60 s"
        exit 1
    }
    sleep 0.5
done

# bulk load (N-Quads keep their own graphs; the third argument is only the
# graph of triples without one)
isql exec="ld_dir('$tmp/load', '*.nq', 'urn:attache:default'); rdf_loader_run(); checkpoint;" \
    >"$tmp/load.out" 2>&1 || {
    cat "$tmp/load.out"
    exit 1
}
errors=$(isql exec="select count(*) from DB.DBA.LOAD_LIST where ll_error is not null;" |
    awk '/^[0-9]+ *$/ {print $1; exit}')
if [ "${errors:-0}" != 0 ]; then
    echo "FAIL: the bulk loader reported errors:"
    isql exec="select ll_file, ll_error from DB.DBA.LOAD_LIST;"
    exit 1
fi

# the contract queries, both ways
status=0
for q in roles meetings scheduled; do
    rq=$src/ontology/queries/$q.rq
    "$attache" query -q --db "$tmp/kg" -f csv "$rq" >"$tmp/$q.embedded.csv"
    "$py" - "$http_port" "$rq" "$tmp/$q.virtuoso.csv" <<'EOF'
import sys, urllib.parse, urllib.request
port, rq, out = sys.argv[1], sys.argv[2], sys.argv[3]
params = urllib.parse.urlencode({"query": open(rq, encoding="utf-8").read(),
                                 "format": "text/csv"})
url = f"http://127.0.0.1:{port}/sparql?{params}"
with urllib.request.urlopen(url, timeout=120) as r:
    open(out, "wb").write(r.read())
EOF
    if ! "$py" - "$q" "$tmp/$q.embedded.csv" "$tmp/$q.virtuoso.csv" <<'EOF'; then
import collections, csv, sys
name, a, b = sys.argv[1:4]
def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        r = list(csv.reader(f))
    return r[0], collections.Counter(tuple(x) for x in r[1:])
ha, ra = rows(a)
hb, rb = rows(b)
if ha != hb:
    print(f"FAIL {name}: columns differ: embedded {ha}, Virtuoso {hb}")
    sys.exit(1)
# SPARQL's default graph is a set; Virtuoso's union of all graphs repeats a
# row once per graph stating it, so rows are compared as sets, and the
# multiplicities are reported
if set(ra) != set(rb):
    print(f"FAIL {name}: rows differ")
    for r in sorted(set(ra) - set(rb))[:10]:
        print("   only embedded:", r)
    for r in sorted(set(rb) - set(ra))[:10]:
        print("   only Virtuoso:", r)
    sys.exit(1)
extra = sum(rb.values()) - len(rb)
note = f" (Virtuoso repeats {extra} rows stated in several graphs)" if extra else ""
print(f"ok   {name}.rq: Virtuoso = attache query --db, {len(ra)} rows{note}")
EOF
        status=1
    fi
done
exit $status
