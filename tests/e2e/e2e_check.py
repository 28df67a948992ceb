#!/usr/bin/python3
"""End-to-end check of attache (issue 2), run by tests/e2e/e2e.sh.

  e2e_check.py ATTACHE REPO docs EXPECTED.json...
      for each expected file: `attache extract` its input to Turtle; parse it
      with raptor2 (rapper) and rdflib and compare the triple counts; run
      ontology/queries/{roles,meetings,scheduled}.rq with rdflib and with
      `attache query`, require the same rows from both, and compare the rows
      with the expected facts (written by hand from the text).
  e2e_check.py ATTACHE REPO nquads DIR EXPECTED.json...
      `attache extract DIR -f nquads`; parse with rapper; load into a fresh
      librdf store (rdfproc, Berkeley DB hashes in a temporary directory)
      and answer the three queries there and with `attache query` over the
      .nq file; both must hold the expected facts of every file.

Facts are compared as GUIDELINE.md's scorer does: names with case, accents,
periods and one-letter initials ignored; roles with case and "acting"
ignored (alternatives allowed); places from a list of alternatives;
scheduled labels by content-word overlap (Jaccard >= 0.5) and equal times.
Exit 0 when every check passes, 1 otherwise (each failure printed).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

import rdflib

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("\u2019", "'")


HONORIFICS = {"mr", "mrs", "ms", "dr", "he", "shri", "sheikh"}


def name_key(s):
    words = [w.strip(".,") for w in fold(s).split()]
    return " ".join(sorted(w for w in words if len(w) > 1 and w not in HONORIFICS))


def role_key(s):
    s = fold(s).strip()
    if s.startswith("acting "):
        s = s[7:]
    return " ".join(s.split())


STOP = {"the", "of", "a", "an", "to", "in", "on", "for", "and", "with", "at", "by", "s"}


def content_words(s):
    return {w for w in re.split(r"[^0-9a-z]+", fold(s)) if w and w not in STOP}


def jaccard(a, b):
    x, y = content_words(a), content_words(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def rapper_count(path, syntax):
    r = run(["rapper", "-i", syntax, "-c", path])
    m = re.search(r"returned (\d+) triples", r.stderr)
    if r.returncode != 0 or not m:
        fail("rapper -i %s -c %s failed (%d): %s" % (syntax, path, r.returncode, r.stderr.strip()))
        return -1
    return int(m.group(1))


def rows_from_json(text, variables):
    data = json.loads(text)
    out = set()
    for b in data["results"]["bindings"]:
        # unbound: absent (attache query) or a null binding (rdfproc)
        out.add(tuple(b[v].get("value") or "" if isinstance(b.get(v), dict) else ""
                      for v in variables))
    return out


QVARS = {
    "roles": ("person", "role", "country"),
    "meetings": ("meeting", "participant", "place", "date"),
    "scheduled": ("event", "label", "when"),
}


def attache_query(attache, qfile, rdf_file, q):
    r = run([attache, "query", "--format", "json", qfile, rdf_file])
    if r.returncode != 0:
        fail("attache query %s %s: exit %d: %s" % (qfile, rdf_file, r.returncode, r.stderr))
        return set()
    return rows_from_json(r.stdout, QVARS[q])


def rdflib_query(graph, qfile, q):
    with open(qfile, encoding="utf-8") as f:
        text = f.read()
    out = set()
    for row in graph.query(text):
        out.add(tuple("" if row[v] is None else str(row[v]) for v in QVARS[q]))
    return out


def check_roles(where, rows, exp, exact_people=True):
    for f in exp["roles"]:
        want_roles = {role_key(r) for r in f["role"]}
        ok = any(
            name_key(p) == name_key(f["person"]) and role_key(r) in want_roles
            and (c or None) == f["country"]
            for p, r, c in rows
        )
        if not ok:
            fail("%s: role fact %s not found in %s" % (where, f, sorted(rows)))
    if exact_people:
        people = {name_key(p) for p in exp["people"]}
        for p, r, c in rows:
            if name_key(p) not in people:
                fail("%s: role row for someone the text does not name: %s" % (where, (p, r, c)))


def meetings_of(rows):
    """{meeting IRI: (participants, place, date)} from meetings.rq rows."""
    by = {}
    for m, p, place, date in rows:
        e = by.setdefault(m, [set(), set(), set()])
        e[0].add(name_key(p))
        if place:
            e[1].add(place)
        if date:
            e[2].add(date)
    return by


def check_meetings(where, rows, exp, exact=True):
    got = meetings_of(rows)
    used = set()
    for f in exp["meetings"]:
        want_people = {name_key(p) for p in f["participants"]}
        match = None
        for m, (people, places, dates) in got.items():
            if m in used or people != want_people:
                continue
            if f["place"] is None:
                if places:
                    continue
            elif len(places) != 1 or fold(next(iter(places))) not in {fold(p) for p in f["place"]}:
                continue
            if dates != ({f["date"]} if f["date"] else set()):
                continue
            match = m
            break
        if match is None:
            fail("%s: meeting %s not found in %s" % (where, f, got))
        else:
            used.add(match)
    if exact and len(got) != len(exp["meetings"]):
        fail("%s: %d meetings expected, got %d: %s" % (where, len(exp["meetings"]), len(got), got))


def check_scheduled(where, rows, exp, exact=True):
    for f in exp["scheduled"]:
        if not any(w == f["when"] and jaccard(label, f["label"]) >= 0.5 for _, label, w in rows):
            fail("%s: scheduled event %s not found in %s" % (where, f, sorted(rows)))
    if exact and len(rows) != len(exp["scheduled"]):
        fail("%s: %d scheduled events expected, got %d" % (where, len(exp["scheduled"]), len(rows)))


def check_all(where, answers, exp, exact=True):
    check_roles(where, {r[:3] for r in answers["roles"]}, exp, exact)
    check_meetings(where, answers["meetings"], exp, exact)
    check_scheduled(where, answers["scheduled"], exp, exact)


def docs(attache, repo, expected_files):
    qdir = os.path.join(repo, "ontology", "queries")
    with tempfile.TemporaryDirectory() as tmp:
        for ef in expected_files:
            with open(ef, encoding="utf-8") as f:
                exp = json.load(f)
            src = os.path.normpath(os.path.join(repo, exp["input"]))
            where = os.path.basename(src)
            ttl = os.path.join(tmp, where + ".ttl")
            r = run([attache, "extract", "-q", "-o", ttl, src])
            if r.returncode != 0:
                fail("%s: attache extract exit %d: %s" % (where, r.returncode, r.stderr))
                continue
            n_rapper = rapper_count(ttl, "turtle")
            g = rdflib.Graph()
            g.parse(ttl, format="turtle")
            if n_rapper != len(g):
                fail("%s: rapper read %d triples, rdflib %d" % (where, n_rapper, len(g)))
            if len(g) == 0:
                fail("%s: empty graph" % where)
            answers = {}
            before = len(failures)
            for q in QVARS:
                qfile = os.path.join(qdir, q + ".rq")
                a = rdflib_query(g, qfile, q)
                b = attache_query(attache, qfile, ttl, q)
                if a != b:
                    fail("%s: %s.rq: rdflib and librdf differ:\n  rdflib %s\n  librdf %s"
                         % (where, q, sorted(a), sorted(b)))
                answers[q] = a
            check_all(where, answers, exp)
            if len(failures) == before:
                    print("ok %s: %d triples; %d roles, %d meetings, %d scheduled expected and found"
                      % (where, len(g), len(exp["roles"]), len(exp["meetings"]),
                         len(exp["scheduled"])))


def rdfproc_query(store_dir, qfile, q):
    opts = "hash-type='bdb',dir='%s',contexts='yes'" % store_dir
    with open(qfile, encoding="utf-8") as f:
        text = f.read()
    r = run(["rdfproc", "-q", "-r", "json", "-s", "hashes", "-t", opts, "kg", "query", "sparql",
             "-", text])
    if r.returncode != 0:
        fail("rdfproc query %s: exit %d: %s" % (qfile, r.returncode, r.stderr))
        return set()
    return rows_from_json(r.stdout, QVARS[q])


def nquads(attache, repo, indir, expected_files):
    qdir = os.path.join(repo, "ontology", "queries")
    exps = []
    for ef in expected_files:
        with open(ef, encoding="utf-8") as f:
            exps.append(json.load(f))
    with tempfile.TemporaryDirectory() as tmp:
        nq = os.path.join(tmp, "all.nq")
        r = run([attache, "extract", "-q", "-f", "nquads", "-o", nq, indir])
        if r.returncode != 0:
            fail("attache extract -f nquads %s: exit %d: %s" % (indir, r.returncode, r.stderr))
            return
        n = rapper_count(nq, "nquads")
        graphs = set()
        with open(nq, encoding="utf-8") as f:
            for line in f:
                m = re.search(r"<([^>]*)> \.\s*$", line)
                if m:
                    graphs.add(m.group(1))
        if len(graphs) != len(exps):
            fail("nquads: %d named graphs, expected one per document (%d)" % (len(graphs), len(exps)))
        store = os.path.join(tmp, "store")
        os.mkdir(store)
        opts = "hash-type='bdb',dir='%s',contexts='yes'" % store
        r = run(["rdfproc", "-q", "-n", "-s", "hashes", "-t", opts, "kg", "parse",
                 "file://" + nq, "nquads"])
        if r.returncode != 0:
            fail("rdfproc parse: exit %d: %s" % (r.returncode, r.stderr))
            return
        from_store, from_cli = {}, {}
        for q in QVARS:
            qfile = os.path.join(qdir, q + ".rq")
            from_store[q] = rdfproc_query(store, qfile, q)
            from_cli[q] = attache_query(attache, qfile, nq, q)
            if from_store[q] != from_cli[q]:
                fail("nquads: %s.rq: the librdf store and attache query differ:\n  %s\n  %s"
                     % (q, sorted(from_store[q]), sorted(from_cli[q])))
        for exp in exps:
            where = "nquads/" + os.path.basename(exp["input"])
            check_all(where + " (store)", from_store, exp, exact=False)
            check_all(where + " (attache query)", from_cli, exp, exact=False)
        total = {k: sum(len(e[k]) for e in exps) for k in ("meetings", "scheduled")}
        if len(meetings_of(from_store["meetings"])) != total["meetings"]:
            fail("nquads: %d meetings in the store, expected %d"
                 % (len(meetings_of(from_store["meetings"])), total["meetings"]))
        if len(from_store["scheduled"]) != total["scheduled"]:
            fail("nquads: %d scheduled events in the store, expected %d"
                 % (len(from_store["scheduled"]), total["scheduled"]))
        if not failures:
            print("ok nquads: %d quads in %d graphs; the store and attache query answer all three "
                  "queries" % (n, len(graphs)))


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 2
    attache, repo, mode = argv[1], argv[2], argv[3]
    if mode == "docs":
        docs(attache, repo, argv[4:])
    elif mode == "nquads":
        nquads(attache, repo, argv[4], argv[5:])
    else:
        print(__doc__)
        return 2
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
