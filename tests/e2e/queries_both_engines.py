#!/usr/bin/python3
"""queries_both_engines.py ATTACHE DATA.nq QUERY.rq... - run each query under
librdf/rasqal (`attache query`, and `attache query --db` over a store made
from the same data when --db DIR is given first) and under rdflib, and
compare: SELECT rows as multisets of lexical values, CONSTRUCT results as
sets of triples. Exit 0 when every query agrees, 1 otherwise, 77 when
rdflib is missing (run with Debian's /usr/bin/python3 and python3-rdflib).
"""
import collections
import json
import subprocess
import sys

try:
    import rdflib
except ImportError:
    print("SKIP: rdflib is not installed (apt-get install python3-rdflib)")
    sys.exit(77)


def librdf_rows(attache, query, data=None, db=None):
    """Rows (tuples of lexical values, '' when unbound) or a triple set."""
    args = [attache, "query", "-q", query]
    args += ["--db", db] if db else [data]
    text = open(query, encoding="utf-8").read()
    if "CONSTRUCT" in text.upper().split("WHERE")[0]:
        out = subprocess.run(args, check=True, capture_output=True).stdout
        g = rdflib.Graph()
        g.parse(data=out.decode("utf-8"), format="turtle")
        return set(g)
    out = subprocess.run(args + ["-f", "json"], check=True, capture_output=True).stdout
    res = json.loads(out.decode("utf-8"))
    names = res["head"]["vars"]
    rows = []
    for b in res["results"]["bindings"]:
        rows.append(tuple(b[n]["value"] if n in b else "" for n in names))
    return collections.Counter(rows)


def rdflib_rows(graph, query):
    res = graph.query(open(query, encoding="utf-8").read())
    if res.type == "CONSTRUCT":
        return set(res.graph)
    rows = []
    for r in res:
        rows.append(tuple("" if v is None else str(v) for v in r))
    return collections.Counter(rows)


def show(diff):
    for r in sorted(diff, key=str)[:10]:
        print("     ", r)


def main(argv):
    db = None
    if len(argv) > 2 and argv[1] == "--db":
        db = argv[2]
        argv = argv[:1] + argv[3:]
    attache, data, queries = argv[1], argv[2], argv[3:]
    graph = rdflib.ConjunctiveGraph()
    graph.parse(data, format="nquads")
    # SPARQL's default graph: the union of the document graphs, as a set
    merged = rdflib.Graph()
    for t in graph.triples((None, None, None)):
        merged.add(t)
    failed = 0
    for q in queries:
        want = rdflib_rows(merged, q)
        runs = [("attache query", librdf_rows(attache, q, data=data))]
        if db:
            runs.append(("attache query --db", librdf_rows(attache, q, db=db)))
        for name, got in runs:
            n = sum(want.values()) if isinstance(want, collections.Counter) else len(want)
            if got == want:
                print(f"ok   {q.rsplit('/', 1)[-1]}: {name} = rdflib ({n} rows/triples)")
                continue
            failed += 1
            print(f"FAIL {q.rsplit('/', 1)[-1]}: {name} != rdflib")
            if isinstance(want, collections.Counter):
                print("   only librdf:")
                show(list((got - want).elements()))
                print("   only rdflib:")
                show(list((want - got).elements()))
            else:
                print("   only librdf:")
                show(got - want)
                print("   only rdflib:")
                show(want - got)
    print(f"{failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
