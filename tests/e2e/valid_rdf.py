#!/usr/bin/python3
"""valid_rdf.py - property test: whatever the text, the output is valid RDF
and no document is lost.

Random readouts (made from a small grammar of readout sentences, with names,
titles and places full of quotes, backslashes, <, >, {, }, \"\"\", control
characters and invalid UTF-8) and mutated copies of the seed corpus (bytes
flipped, inserted, deleted, lines duplicated, CRLF, BOM, NULs, truncation)
are written to a directory under hostile file names and run through
`attache extract` in every output syntax. For each syntax:

  - the exit status is 0, or 1 with at least one document failed;
  - the summary line counts every file: read = files, written + failed = read;
  - rapper (raptor2) and rdflib both parse the output (dot: one digraph per
    document, valid UTF-8);
  - accounting: every file's document IRI is in the output, or the file is
    named in an error message on standard error, never both, never neither.

On a failure the offending documents are found one by one and kept under
$ATTACHE_PROPERTY_KEEP (default: a printed temporary directory).

  /usr/bin/python3 tests/e2e/valid_rdf.py path/to/attache

Environment: ATTACHE_PROPERTY_SEED (default 8), ATTACHE_PROPERTY_N (number
of documents, default 80), ATTACHE_DATA (default: the source tree's data).
Needs /usr/bin/python3 with rdflib (Debian python3-rdflib) and rapper.
"""

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import quote

import rdflib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
BASE = "https://w3id.org/attache/id/"
ARTICLE = rdflib.URIRef("http://schema.org/Article")
SYNTAXES = ["turtle", "ntriples", "nquads", "rdfxml", "dot"]
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "rdfxml": "xml"}

NASTY = ['"', "'", "\\", "<", ">", "{", "}", '"""', "'''", "\\u0000", "\\n", "%20", "#",
         "^^", "@en", "&amp;", "]]>", "<!--", "\u00a0", "\u200b", "\ufeff", "\u2028",
         "\U0001F600", "é", "Ç", "ğ", "ş", "\x00", "\x01", "\x1b[31m", "\x7f", "\r",
         "\t", "(", ")", ".", ". ", "...", "--", "/", "|", "$", "`"]
FIRST = ["Wang", "Antony", "Mevlüt", "Imran", "Sergey", "Olaf", "Narendra", "Li",
         "Jean-Yves", "Nguyen", "O'Brien", "Ursula", "Emmanuel", "Xi", "Recep Tayyip"]
LAST = ["Yi", "Blinken", "Çavuşoğlu", "Khan", "Lavrov", "Scholz", "Modi", "Qiang",
        "Le Drian", "Phu Trong", "von der Leyen", "Macron", "Jinping", "Erdoğan"]
TITLES = ["Foreign Minister", "State Councilor and Foreign Minister", "President",
          "Prime Minister", "Secretary of State", "Chancellor", "Vice President",
          "Minister of Foreign Affairs", "Special Envoy", "Ambassador"]
DEMONYMS = ["Chinese", "Turkish", "Pakistani", "Russian", "German", "Indian", "French",
            "Vietnamese", "American", "Atlantean"]
PLACES = ["Beijing", "Wuxi", "Dushanbe", "Ankara", "Moscow", "New Delhi", "Hanoi",
          "the Great Hall of the People", "Geneva", "Xanadu"]
WHEN = ["on Tuesday", "on January 12, 2022", "next month", "in late September",
        "in October", "on 3 March", "yesterday", "in 2023", "on 2021-13-45"]
VERBS = ["met", "held talks with", "spoke by phone with", "received", "had a video call with"]
LATER = ["agreed to hold the next round of talks", "will visit", "confirmed that the 10th "
         "meeting of the Joint Committee will be held", "agreed to meet again"]


def nasty(rng, s):
    """Sprinkle hostile snippets into s."""
    out = []
    for ch in s:
        if rng.random() < 0.04:
            out.append(rng.choice(NASTY))
        out.append(ch)
    return "".join(out)


def person(rng):
    name = rng.choice(FIRST) + " " + rng.choice(LAST)
    return nasty(rng, name) if rng.random() < 0.5 else name


def sentence(rng):
    kind = rng.randrange(5)
    a = f"{rng.choice(DEMONYMS)} {rng.choice(TITLES)} {person(rng)}"
    b = f"{rng.choice(DEMONYMS)} {rng.choice(TITLES)} {person(rng)}"
    if kind == 0:
        s = f"{a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)} {rng.choice(WHEN)}."
    elif kind == 1:
        s = f"{rng.choice(WHEN).capitalize()}, {a} {rng.choice(VERBS)} {b}."
    elif kind == 2:
        s = f"The two sides {rng.choice(LATER)} {rng.choice(WHEN)} in {rng.choice(PLACES)}."
    elif kind == 3:
        s = f'{a} said: "{nasty(rng, "we value the partnership")}".'
    else:
        s = f"{a}, who is visiting {rng.choice(PLACES)}, thanked {b} ({rng.choice(NASTY)})."
    return nasty(rng, s) if rng.random() < 0.3 else s


def random_readout(rng):
    parts = []
    r = rng.random()
    if r < 0.6:
        parts.append(f" date 20{rng.randrange(10, 30)}-{rng.randrange(1, 13):02d}-"
                     f"{rng.randrange(1, 29):02d}\n\n")
    elif r < 0.7:
        parts.append(" date 2021-13-45\n\n")
    if rng.random() < 0.7:
        title = f"{rng.choice(TITLES)} {person(rng)} {rng.choice(VERBS)} {person(rng)}"
        parts.append(nasty(rng, title) + rng.choice(NASTY) + "\n\n")
    if rng.random() < 0.3:
        parts.append(f"{rng.choice(PLACES).upper()}, Jan. 12 (Xinhua) -- ")
    for _ in range(rng.randrange(0, 8)):
        parts.append(" ".join(sentence(rng) for _ in range(rng.randrange(1, 4))))
        parts.append(rng.choice(["\n\n", "\n", "\r\n", " "]))
    data = "".join(parts).encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:  # invalid UTF-8 and raw bytes
        data = mutate(rng, data, 3)
    return data


def mutate(rng, data, rounds):
    b = bytearray(data)
    for _ in range(rounds):
        op = rng.randrange(9)
        pos = rng.randrange(len(b) + 1)
        if op == 0 and b:
            b[min(pos, len(b) - 1)] = rng.randrange(256)
        elif op == 1:
            b[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        elif op == 2 and b:
            del b[pos:pos + rng.randrange(1, 64)]
        elif op == 3:
            b[pos:pos] = rng.choice(NASTY).encode("utf-8", "surrogatepass")
        elif op == 4:
            b = bytearray(bytes(b).replace(b"\n", b"\r\n"))
        elif op == 5:
            b[0:0] = b"\xef\xbb\xbf"
        elif op == 6:
            b[pos:pos] = rng.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80",
                                     b"\xf4\x90\x80\x80", b"\xc0\xaf"])
        elif op == 7 and b:
            line_end = b.find(b"\n", pos)
            line_end = len(b) if line_end < 0 else line_end
            b[pos:pos] = b[pos:line_end] * rng.randrange(1, 4)
        else:
            del b[pos:]
    return bytes(b)


def file_name(rng, i):
    stem = f"doc{i:03d}"
    if rng.random() < 0.3:
        stem += rng.choice(['-"q"', " sp ace", "-<x>", "-{y}", "-%41", "-é", "-back\\slash",
                            "-'''", "-#frag", "-?q=1&b", "-\u00a0nb"])
    return stem + rng.choice([".txt", ".txt", ".md", ""])


def doc_iri(path):
    name = os.path.basename(path)
    dot = name.rfind(".")
    if dot > 0:
        name = name[:dot]
    return BASE + "doc/" + quote(name.encode("utf-8", "surrogateescape"), safe="-._~")


def summary(err):
    m = re.search(r"attache: (\d+) documents read, (\d+) written, (\d+) failed", err)
    return tuple(int(x) for x in m.groups()) if m else None


def check_output(syntax, out, nwritten):
    """Return (problems, document IRIs found)."""
    if syntax == "dot":
        try:
            text = out.decode("utf-8")
        except UnicodeDecodeError as e:
            return [f"dot output is not UTF-8: {e}"], None
        n = len(re.findall(r"^digraph ", text, re.M))
        return ([] if n == nwritten else [f"dot: {n} graphs for {nwritten} documents"]), None
    problems = []
    with tempfile.NamedTemporaryFile(suffix="." + syntax) as fh:
        fh.write(out)
        fh.flush()
        r = subprocess.run(["rapper", "-q", "-c", "-i", syntax, fh.name],
                           capture_output=True, text=True, errors="replace")
        if r.returncode != 0:
            problems.append("rapper: " + r.stderr.strip()[:500])
    g = rdflib.ConjunctiveGraph() if syntax == "nquads" else rdflib.Graph()
    try:
        if out.strip():
            g.parse(data=out, format=RDFLIB_FORMAT[syntax])
    except Exception as e:  # noqa: BLE001 - any parse error is the finding
        problems.append(f"rdflib: {type(e).__name__}: {str(e)[:500]}")
        return problems, None
    return problems, {str(s) for s in g.subjects(rdflib.RDF.type, ARTICLE)}


def run(attache, syntax, paths):
    r = subprocess.run([attache, "extract", "-f", syntax, "-o", "-"] + paths,
                       capture_output=True, timeout=600)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def check_run(attache, syntax, paths):
    rc, out, err = run(attache, syntax, paths)
    problems = []
    s = summary(err)
    if s is None:
        return [f"no summary line (exit {rc}): {err[-500:]}"]
    nread, nwritten, nfailed = s
    if nread != len(paths) or nwritten + nfailed != nread:
        problems.append(f"summary {s} for {len(paths)} files")
    if rc not in (0, 1) or (rc == 1) != (nfailed > 0):
        problems.append(f"exit status {rc} with {nfailed} failed")
    found_problems, iris = check_output(syntax, out, nwritten)
    problems += found_problems
    if iris is not None:
        for p in paths:
            named = f"attache: {p}: error:" in err
            present = doc_iri(p) in iris
            if named == present:
                problems.append(f"{os.path.basename(p)!r}: "
                                f"{'both in the output and failed' if named else 'lost'}")
        if len(iris) != nwritten:
            problems.append(f"{len(iris)} documents in the output, {nwritten} written")
    return problems


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: valid_rdf.py path/to/attache")
    attache = os.path.abspath(sys.argv[1])
    os.environ.setdefault("ATTACHE_DATA", os.path.join(ROOT, "ontology", "data"))
    seed = int(os.environ.get("ATTACHE_PROPERTY_SEED", "8"))
    n = int(os.environ.get("ATTACHE_PROPERTY_N", "80"))
    rng = random.Random(seed)
    seeds = [open(os.path.join(CORPUS, f), "rb").read() for f in sorted(os.listdir(CORPUS))]

    tmp = tempfile.mkdtemp(prefix="attache-valid-rdf-")
    paths = []
    for i in range(n):
        if i % 2 == 0:
            data = random_readout(rng)
        else:
            data = mutate(rng, rng.choice(seeds), rng.randrange(1, 12))
        p = os.path.join(tmp, file_name(rng, i))
        with open(p, "wb") as fh:
            fh.write(data)
        paths.append(p)
    paths.sort()

    failed = 0
    for syntax in SYNTAXES:
        problems = check_run(attache, syntax, paths)
        if not problems:
            print(f"ok    {syntax:9} {n} documents (seed {seed})")
            continue
        failed += 1
        print(f"FAIL  {syntax:9} {n} documents (seed {seed})")
        for p in problems[:10]:
            print("    " + p)
        # find the documents that break it on their own
        keep = os.environ.get("ATTACHE_PROPERTY_KEEP") or tempfile.mkdtemp(
            prefix="attache-valid-rdf-fail-")
        os.makedirs(keep, exist_ok=True)
        for p in paths:
            if check_run(attache, syntax, [p]):
                shutil.copy(p, keep)
                print(f"    on its own: {os.path.basename(p)!r} (kept in {keep})")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"valid RDF: {len(SYNTAXES) - failed} syntaxes passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
