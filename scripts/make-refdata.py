#!/usr/bin/env python3
"""Build ontology/data/cities.tsv from the third-party reference data.

Usage: scripts/make-refdata.py [DATA_DIR]

DATA_DIR defaults to ../shared/data relative to the repository root and must
hold world-cities.csv and country-codes.csv (see its README.md for sources
and licences).  Country names in world-cities.csv are mapped to ISO 3166-1
alpha-2 codes via country-codes.csv (`CLDR display name`, `official_name_en`,
`UNTERM English Short`) plus the FIXUPS dict below; the codes are checked
against ontology/data/countries.tsv, whose capitals and seats of government
must all resolve to a row of the output (rows with an empty geonameid are
added for those missing from world-cities).  Python 3, stdlib only.
"""
import csv
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Country names in world-cities.csv that match none of the name columns.
FIXUPS = {
    "Bolivia, Plurinational State of": "BO",
    "Congo, The Democratic Republic of the": "CD",
    "Côte d'Ivoire": "CI",
    "Falkland Islands (Malvinas)": "FK",
    "Holy See (Vatican City State)": "VA",
    "Iran, Islamic Republic of": "IR",
    "Korea, Democratic People's Republic of": "KP",
    "Korea, Republic of": "KR",
    "Micronesia, Federated States of": "FM",
    "Moldova, Republic of": "MD",
    "Palestine, State of": "PS",
    "Saint Helena, Ascension and Tristan da Cunha": "SH",
    "Saint Martin (French part)": "MF",
    "Svalbard and Jan Mayen": "SJ",
    "Taiwan, Province of China": "TW",
    "Tanzania, United Republic of": "TZ",
    "United Kingdom": "GB",
    "United States": "US",
    "Venezuela, Bolivarian Republic of": "VE",
    "Virgin Islands, British": "VG",
    "Virgin Islands, U.S.": "VI",
    "Wallis and Futuna": "WF",
    # Common short names, in case a later world-cities release uses them.
    "Türkiye": "TR",
    "Turkey": "TR",
    "Russia": "RU",
    "South Korea": "KR",
    "North Korea": "KP",
    "Kosovo": "XK",
    "Vietnam": "VN",
    "Laos": "LA",
    "Syria": "SY",
    "Czech Republic": "CZ",
}
# world-cities writes rows whose code the upstream tool could not name as
# "No country found for alpha-2 code: XK".
NO_COUNTRY_RE = re.compile(r"alpha-2 code:\s*([A-Z]{2})\s*$")

# Curated alternative spellings used by readouts, keyed by GeoNames id.
ALTNAMES = {
    703448: ["Kiev"],                                    # Kyiv UA
    104515: ["Mecca"],                                   # Makkah SA
    5128581: ["New York"],                               # New York City US
    4140963: ["Washington, D.C.", "Washington D.C.", "Washington DC",
              "Washington, DC"],                         # Washington US
    1526273: ["Nur-Sultan"],                             # Astana KZ
    4032402: ["Nuku'alofa", "Nuku’alofa", "Nukuʻalofa", "Nukualofa"],
    2657896: ["Zurich"],                                 # Zürich CH
    146268: ["Lefkoşa", "Lefkosa", "Lefkosia"],          # Nicosia CY
    1581130: ["Ha Noi"],                                 # Hanoi VN
    1566083: ["Saigon"],                                 # Ho Chi Minh City VN
    1275004: ["Calcutta"],
    1275339: ["Bombay"],
    1264527: ["Madras"],
    1298824: ["Rangoon"],
    1277333: ["Bangalore"],
    1816670: ["Peking"],
    1526384: ["Alma-Ata"],
    792680: ["Beograd"],                                 # Belgrade RS
    618426: ["Chişinău", "Chișinău", "Kishinev"],        # Chisinau MD
    162183: ["Ashkhabad", "Ashgabad"],
    2028462: ["Ulaanbaatar", "Ulaan Baatar"],            # Ulan Bator MN
    6611854: ["Naypyidaw", "Naypyitaw", "Nay Pyi Daw"],  # Nay Pyi Taw MM
    2800866: ["Bruxelles", "Brussel"],
    2747373: ["Den Haag", "'s-Gravenhage", "’s-Gravenhage"],
    2660646: ["Genève", "Geneve"],                       # Geneva CH
    105343: ["Jiddah", "Jedda"],                         # Jeddah SA
    112931: ["Teheran"],
    964137: ["Tshwane"],                                 # Pretoria ZA
    3469058: ["Brasilia"],
    3688689: ["Bogota"],
    3439389: ["Asuncion"],
    3530597: ["Ciudad de México", "Ciudad de Mexico", "CDMX"],
    3553478: ["La Habana"],
    3413829: ["Reykjavik"],
    1282027: ["Malé"],                                   # Male MV
    2661552: ["Berne"],
    786714: ["Prishtina", "Priština", "Prishtinë"],      # Pristina XK
    2135171: ["Port Vila"],                              # Port-Vila VU
    3871336: ["Santiago de Chile"],
    3685533: ["Cucuta"],
    3628473: ["San Cristobal"],                          # San Cristóbal VE
    3405870: ["Belem"],                                  # Belém, Pará BR
    2960316: ["Luxembourg City"],
    2110257: ["South Tarawa"],                           # Tarawa KI
}

# Rows world-cities lacks: (name, alpha2, altnames).  Places readouts use
# as meeting locations; capitals and seats are added automatically below.
EXTRA_ROWS = [
    ("Bali", "ID", []),          # island, used like a city in readouts
    ("Nusa Dua", "ID", []),
    ("Davos", "CH", ["Davos Klosters"]),
]

# Places that must resolve (by name or altname) in the output.
CHECK = [
    ("Kyiv", "UA"), ("Kiev", "UA"), ("Mecca", "SA"), ("New York", "US"),
    ("Washington, D.C.", "US"), ("Nur-Sultan", "KZ"), ("Nuku'alofa", "TO"),
    ("Zurich", "CH"), ("Lefkoşa", "CY"), ("Ha Noi", "VN"), ("Saigon", "VN"),
    ("Calcutta", "IN"), ("Bombay", "IN"), ("Madras", "IN"), ("Rangoon", "MM"),
    ("Bangalore", "IN"), ("Peking", "CN"), ("Alma-Ata", "KZ"),
    ("Beograd", "RS"), ("Bucharest", "RO"), ("Chişinău", "MD"),
    ("Tbilisi", "GE"), ("Yerevan", "AM"), ("Baku", "AZ"), ("Ashkhabad", "TM"),
    ("Bishkek", "KG"), ("Tashkent", "UZ"), ("Dushanbe", "TJ"),
    ("Ulan Bator", "MN"), ("Ulaanbaatar", "MN"), ("Nay Pyi Taw", "MM"),
    ("Naypyitaw", "MM"), ("Naypyidaw", "MM"), ("Phnom Penh", "KH"),
    ("Vientiane", "LA"), ("Bandar Seri Begawan", "BN"), ("Dili", "TL"),
    ("Port Moresby", "PG"), ("Suva", "FJ"), ("Apia", "WS"),
    ("Nukualofa", "TO"), ("Honiara", "SB"), ("Port Vila", "VU"),
    ("Tarawa", "KI"), ("Majuro", "MH"), ("Palikir", "FM"), ("Funafuti", "TV"),
    ("Yaren", "NR"), ("Ngerulmud", "PW"), ("Avarua", "CK"),
    ("Bruxelles", "BE"), ("Den Haag", "NL"), ("Genève", "CH"),
    ("Antalya", "TR"), ("Bali", "ID"), ("Nusa Dua", "ID"), ("Davos", "CH"),
    ("Sochi", "RU"), ("Gandhinagar", "IN"), ("Wuxi", "CN"), ("Lugano", "CH"),
    ("San Cristóbal", "VE"), ("Cúcuta", "CO"), ("Jeddah", "SA"),
    ("Jiddah", "SA"), ("Riyadh", "SA"), ("Doha", "QA"), ("Manama", "BH"),
    ("Muscat", "OM"), ("Kuwait City", "KW"), ("Abu Dhabi", "AE"),
    ("Dubai", "AE"), ("Amman", "JO"), ("Beirut", "LB"), ("Damascus", "SY"),
    ("Baghdad", "IQ"), ("Tehran", "IR"), ("Teheran", "IR"), ("Ankara", "TR"),
    ("Istanbul", "TR"), ("Cairo", "EG"), ("Khartoum", "SD"),
    ("Addis Ababa", "ET"), ("Nairobi", "KE"), ("Kampala", "UG"),
    ("Kigali", "RW"), ("Dar es Salaam", "TZ"), ("Dodoma", "TZ"),
    ("Lusaka", "ZM"), ("Harare", "ZW"), ("Pretoria", "ZA"), ("Tshwane", "ZA"),
    ("Cape Town", "ZA"), ("Luanda", "AO"), ("Kinshasa", "CD"),
    ("Brazzaville", "CG"), ("Abuja", "NG"), ("Lagos", "NG"), ("Accra", "GH"),
    ("Dakar", "SN"), ("Abidjan", "CI"), ("Yamoussoukro", "CI"),
    ("Bamako", "ML"), ("Niamey", "NE"), ("Ouagadougou", "BF"),
    ("N'Djamena", "TD"), ("Nouakchott", "MR"), ("Rabat", "MA"),
    ("Algiers", "DZ"), ("Tunis", "TN"), ("Tripoli", "LY"), ("Moroni", "KM"),
    ("Antananarivo", "MG"), ("Port Louis", "MU"), ("Victoria", "SC"),
    ("Windhoek", "NA"), ("Gaborone", "BW"), ("Maputo", "MZ"),
    ("Lilongwe", "MW"), ("Mbabane", "SZ"), ("Maseru", "LS"), ("Belém", "BR"),
    ("Rio de Janeiro", "BR"), ("Brasília", "BR"), ("Brasilia", "BR"),
    ("Buenos Aires", "AR"), ("Santiago", "CL"), ("Lima", "PE"),
    ("Bogotá", "CO"), ("Bogota", "CO"), ("Caracas", "VE"), ("Quito", "EC"),
    ("La Paz", "BO"), ("Asunción", "PY"), ("Asuncion", "PY"),
    ("Montevideo", "UY"), ("Mexico City", "MX"), ("Ciudad de México", "MX"),
    ("Havana", "CU"), ("La Habana", "CU"), ("Ottawa", "CA"),
    ("Canberra", "AU"), ("Wellington", "NZ"), ("Tokyo", "JP"),
    ("Seoul", "KR"), ("Pyongyang", "KP"), ("Taipei", "TW"), ("Manila", "PH"),
    ("Jakarta", "ID"), ("Kuala Lumpur", "MY"), ("Singapore", "SG"),
    ("Bangkok", "TH"), ("New Delhi", "IN"), ("Islamabad", "PK"),
    ("Kabul", "AF"), ("Dhaka", "BD"), ("Colombo", "LK"), ("Kathmandu", "NP"),
    ("Thimphu", "BT"), ("Malé", "MV"), ("Male", "MV"), ("Moscow", "RU"),
    ("Minsk", "BY"), ("Warsaw", "PL"), ("Vilnius", "LT"), ("Riga", "LV"),
    ("Tallinn", "EE"), ("Helsinki", "FI"), ("Stockholm", "SE"),
    ("Oslo", "NO"), ("Copenhagen", "DK"), ("Reykjavik", "IS"),
    ("Reykjavík", "IS"), ("London", "GB"), ("Dublin", "IE"), ("Paris", "FR"),
    ("Berlin", "DE"), ("Rome", "IT"), ("Madrid", "ES"), ("Lisbon", "PT"),
    ("Vienna", "AT"), ("Prague", "CZ"), ("Bratislava", "SK"),
    ("Budapest", "HU"), ("Ljubljana", "SI"), ("Zagreb", "HR"),
    ("Sarajevo", "BA"), ("Podgorica", "ME"), ("Pristina", "XK"),
    ("Prishtina", "XK"), ("Skopje", "MK"), ("Tirana", "AL"), ("Athens", "GR"),
    ("Sofia", "BG"), ("Valletta", "MT"), ("Luxembourg", "LU"), ("Bern", "CH"),
    ("Berne", "CH"), ("Vaduz", "LI"), ("Monaco", "MC"),
    ("San Marino", "SM"), ("Vatican City", "VA"), ("Milton Keynes", "GB"),
    ("Bogor", "ID"), ("Rio de Janeiro", "BR"),
]

# Seats of government in countries.tsv that are places in their own right
# (not spellings of the capital); if missing from world-cities they get a
# row of their own, every other unresolved seat becomes an altname of the
# country's capital row.
DISTINCT_SEATS = {
    "Bonn", "Sejong", "Entebbe", "Port Sudan", "Aden", "Putrajaya",
    "Cotonou", "Bujumbura", "La Paz", "Valparaíso", "Valparaiso", "Abidjan",
    "Dar es Salaam", "Cape Town", "Bloemfontein", "Ramallah", "Dzaoudzi",
    "Rarotonga", "Delhi", "The Hague", "Metro Manila", "Colombo",
    "Tifariti", "Bairiki", "Delap-Uliga-Djarrit", "Melekeok", "Koror",
    "Oyala", "Ciudad de la Paz", "Grytviken", "New Administrative Capital",
    "Nusantara", "Cetinje", "Lobamba",
}


def die(msg):
    sys.exit("make-refdata: " + msg)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def key(s):
    return " ".join(s.replace("’", "'").split()).casefold()


def fold(s):
    """key() without diacritics, to spot spellings of the same place."""
    d = unicodedata.normalize("NFKD", key(s))
    return "".join(ch for ch in d if not unicodedata.combining(ch))


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
    countries = read_tsv(os.path.join(ROOT, "ontology", "data", "countries.tsv"))
    known = {c["alpha2"] for c in countries}

    names = {}
    with open(os.path.join(data, "country-codes.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            a2 = r["ISO3166-1-Alpha-2"].strip()   # Namibia is the string "NA"
            if not a2:
                continue
            for col in ("CLDR display name", "official_name_en", "UNTERM English Short"):
                if r.get(col, "").strip():
                    names.setdefault(key(r[col]), a2)
    for n, a2 in FIXUPS.items():
        names[key(n)] = a2

    unmapped = {}
    rows = []            # [name, alpha2, geonameid, [altnames]]
    by_pair = {}
    replaced = []
    dropped = 0
    with open(os.path.join(data, "world-cities.csv"), encoding="utf-8", newline="") as f:
        total = 0
        for r in csv.DictReader(f):
            total += 1
            country = r["country"].strip()
            m = NO_COUNTRY_RE.search(country)
            a2 = m.group(1) if m else names.get(key(country))
            if a2 is None or a2 not in known:
                unmapped[country] = unmapped.get(country, 0) + 1
                continue
            name = " ".join(r["name"].split())
            if "\t" in name or "|" in name:
                die("bad character in city name %r" % name)
            gid = int(r["geonameid"])
            pair = (name, a2)
            if pair in by_pair:
                dropped += 1
                old = by_pair[pair]
                # Keep the first row, unless a later duplicate is the one
                # ALTNAMES curates (e.g. Belém, Pará rather than Paraíba).
                if gid in ALTNAMES and old[2] not in ALTNAMES:
                    replaced.append((name, a2, old[2], gid))
                    old[2] = gid
                continue
            row = [name, a2, gid, []]
            by_pair[pair] = row
            rows.append(row)

    by_gid = {r[2]: r for r in rows}
    for gid, alts in ALTNAMES.items():
        if gid not in by_gid:
            die("ALTNAMES geonameid %d not in world-cities" % gid)
        by_gid[gid][3].extend(alts)

    index = {}
    findex = {}

    def add_index(row):
        for n in [row[0]] + row[3]:
            index.setdefault((key(n), row[1]), row)
            findex.setdefault((fold(n), row[1]), row)

    def add_row(name, a2, alts):
        row = [name, a2, "", list(alts)]
        rows.append(row)
        add_index(row)
        return row

    for row in rows:
        add_index(row)
    added = []
    for name, a2, alts in EXTRA_ROWS:
        if (key(name), a2) in index:
            index[(key(name), a2)][3].extend(alts)
        else:
            added.append(add_row(name, a2, alts))

    # Every capital and seat of government in countries.tsv must resolve.
    seat_alts = []
    for c in countries:
        a2, cap = c["alpha2"], c.get("capital", "").strip()
        seats = [s.strip() for s in c.get("seats", "").split("|") if s.strip()]
        cap_row = index.get((key(cap), a2)) if cap else None
        if cap and cap_row is None:
            # Capital missing: maybe world-cities spells it like a seat.
            for s in seats:
                if s not in DISTINCT_SEATS and (key(s), a2) in index:
                    cap_row = index[(key(s), a2)]
                    cap_row[3].append(cap)
                    add_index(cap_row)
                    seat_alts.append((cap, a2, cap_row[0]))
                    break
            else:
                cap_row = add_row(cap, a2, [])
                added.append(cap_row)
        for s in seats:
            if (key(s), a2) in index:
                continue
            if (fold(s), a2) in findex:      # e.g. Valparaiso -> Valparaíso
                row = findex[(fold(s), a2)]
                row[3].append(s)
                add_index(row)
                seat_alts.append((s, a2, row[0]))
            elif s in DISTINCT_SEATS or cap_row is None:
                added.append(add_row(s, a2, []))
            else:
                cap_row[3].append(s)
                add_index(cap_row)
                seat_alts.append((s, a2, cap_row[0]))

    missing = [(n, a2) for n, a2 in CHECK if (key(n), a2) not in index]

    out = os.path.join(ROOT, "ontology", "data", "cities.tsv")
    rows.sort(key=lambda r: (r[1], r[0].casefold(), str(r[2])))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# cities.tsv - generated by scripts/make-refdata.py; do not edit by hand.\n")
        f.write("# Columns: name, alpha2, geonameid (empty: not in world-cities), altnames (|-separated).\n")
        f.write("# Source: world-cities (github.com/datasets/world-cities, CC BY 4.0), derived from\n")
        f.write("# GeoNames (https://www.geonames.org/, CC BY 4.0); thanks to Lexman and the Open\n")
        f.write("# Knowledge Foundation. Country codes via datasets/country-codes (ODC-PDDL-1.0).\n")
        f.write("name\talpha2\tgeonameid\taltnames\n")
        for name, a2, gid, alts in rows:
            seen, uniq = {key(name)}, []
            for a in alts:
                if key(a) not in seen:
                    seen.add(key(a))
                    uniq.append(a)
            f.write("%s\t%s\t%s\t%s\n" % (name, a2, gid, "|".join(uniq)))

    print("world-cities rows read:        %d" % total)
    print("duplicate (name, country) dropped: %d" % dropped)
    for name, a2, old, new in replaced:
        print("  kept geonameid %d for %s %s instead of %d" % (new, name, a2, old))
    print("rows written:                  %d" % len(rows))
    print("rows with altnames:            %d" % sum(1 for r in rows if r[3]))
    print("rows added (no geonameid):     %d" % len(added))
    for r in added:
        print("  + %s %s" % (r[0], r[1]))
    print("capital/seat spellings added as altnames: %d" % len(seat_alts))
    for s, a2, n in seat_alts:
        print("  %s %s -> %s" % (s, a2, n))
    print("unmapped country names:        %d" % len(unmapped))
    for n, k in sorted(unmapped.items()):
        print("  %r (%d rows)" % (n, k))
    print("CHECK places not resolving:    %d" % len(missing))
    for n, a2 in missing:
        print("  %s %s" % (n, a2))
    print("wrote", os.path.relpath(out, ROOT))
    return 1 if unmapped or missing else 0


if __name__ == "__main__":
    sys.exit(main())
