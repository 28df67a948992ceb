#!/usr/bin/env python3
"""make-regions.py - build ontology/data/regions.tsv: first-level
administrative divisions and their state, from the `subcountry` column of
world-cities.csv (GeoNames via datasets/world-cities, CC BY 4.0). A name that
belongs to more than one state is left out; "Norte de Santander Department"
also gets "Norte de Santander". Run from the repository root after
scripts/make-refdata.py (it reads cities.tsv for the country codes):

    python3 scripts/make-regions.py [SHARED_DATA_DIR]
"""
import collections
import csv
import re
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
gid2a2 = {}
with open("ontology/data/cities.tsv", encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or line.startswith("name\t"):
            continue
        p = line.rstrip("\n").split("\t")
        if len(p) >= 3 and p[2]:
            gid2a2[p[2]] = p[1]
regions = collections.defaultdict(set)
with open(shared + "/world-cities.csv", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        a2 = gid2a2.get(r["geonameid"])
        sub = r["subcountry"].strip()
        if a2 and sub:
            regions[sub].add(a2)
suffix = re.compile(r"\s+(Department|Province|Region|Governorate|Oblast|State|County|Prefecture|"
                    r"District|Municipality|Territory|Voivodeship|Krai|Republic)$")
out = {}
for name, states in regions.items():
    if len(states) != 1:
        continue
    m = suffix.search(name)
    out[name] = (next(iter(states)), {name[:m.start()]} if m else set())
base = collections.Counter(a for _, alts in out.values() for a in alts)
with open("ontology/data/regions.tsv", "w", encoding="utf-8") as w:
    w.write("# regions.tsv - first-level administrative divisions (states, provinces,\n"
            "# regions) and the state they belong to, from the `subcountry` column of\n"
            "# GeoNames via datasets/world-cities (CC BY 4.0; see README.md). Names that\n"
            "# belong to more than one state are left out. Made by\n"
            "# scripts/make-regions.py.\n")
    w.write("name\talpha2\taltnames\n")
    for name in sorted(out):
        a2, alts = out[name]
        alts = sorted(a for a in alts if base[a] == 1 and len(a) > 2)
        w.write("%s\t%s\t%s\n" % (name, a2, "|".join(alts)))
print("regions.tsv: %d regions" % len(out))
