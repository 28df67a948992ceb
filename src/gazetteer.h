/* gazetteer.h - reference data (countries, offices, organisations, cities,
 * venues, closed word classes) loaded once from ontology/data TSV files, and
 * longest-match lookup of phrases over a token array. */
#ifndef ATTACHE_GAZETTEER_H
#define ATTACHE_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "attache/attache.h"

typedef struct {
    char a2[3], a3[4];
    char *qid;     /* "Q148" or NULL */
    char *name;    /* "China" */
    char *capital; /* "Beijing" or NULL */
} att_country;

typedef struct {
    char *key;   /* "foreign-minister" */
    char *label; /* "Foreign Minister" */
    int country; /* scope: index of the one state, -1 otherwise */
    int org;     /* scope: index of the organisation, -1 otherwise */
} att_office;

typedef struct {
    char *key, *name, *qid;
} att_org;

typedef struct {
    char *name;      /* as in the data */
    int country;     /* index, -1 unknown */
    char *geonameid; /* or NULL */
    int next;        /* next city with the same folded name, -1 */
    int capital;     /* 1 when it is a country's capital or seat */
} att_city;

typedef struct {
    char *name;
    int city;    /* index into cities, -1 */
    int country; /* index, -1 */
} att_venue;

/* Kinds of phrase hits (bit flags). */
enum {
    GZ_COUNTRY = 1 << 0, /* a name of a country: "China", "Russian Federation", "U.S." */
    GZ_DEMONYM = 1 << 1, /* "Chinese", "South Korean" */
    GZ_OFFICE = 1 << 2,  /* "foreign minister", "Minister of Foreign Affairs and Trade" */
    GZ_CITY = 1 << 3,
    GZ_VENUE = 1 << 4,
    GZ_ORG = 1 << 5,
    GZ_LEX = 1 << 6,     /* closed word classes, see lexicon classes */
    GZ_TITLEWORD = 1 << 7, /* a single word that occurs in office or organisation names */
    GZ_REGION = 1 << 8     /* a state's first-level division: "Jiangsu", "Táchira" */
};

/* Lexicon classes (bit flags in att_phrase.lex). */
enum {
    LX_HONORIFIC = 1 << 0,
    LX_PARTICLE = 1 << 1,
    LX_SUFFIX = 1 << 2,
    LX_NOTNOW = 1 << 3, /* former, late, ex-, outgoing */
    LX_FUTURE = 1 << 4, /* designate, elect, incoming */
    LX_MONTH = 1 << 5,
    LX_WEEKDAY = 1 << 6,
    LX_ORDINAL = 1 << 7,
    LX_FUNCTION = 1 << 8, /* capitalised function words that never start a name: The, During */
    LX_REGION = 1 << 9,   /* regions and topics in titles: Middle East, Affairs */
    LX_THING = 1 << 10    /* nouns that make a capitalised run a thing: Summit, Palace */
};

typedef struct {
    const char *key; /* folded phrase, tokens joined by ' ' */
    uint16_t kinds;  /* GZ_* of complete phrases with this key */
    uint8_t prefix;  /* 1 when some longer phrase starts with this key */
    uint8_t exact;   /* 1 when the surface form must match case exactly (US, WHO) */
    uint32_t hash32; /* low bits of the key's hash: most probes end on it */
    const char *surface; /* the exact-case surface when exact */
    int country;     /* GZ_COUNTRY / GZ_DEMONYM; GZ_REGION: the region's state */
    int office;      /* GZ_OFFICE */
    int city;        /* GZ_CITY: first city of that name */
    int venue;       /* GZ_VENUE */
    int org;         /* GZ_ORG */
    uint16_t lex;    /* LX_* */
    int lex_value;   /* month/weekday/ordinal number */
} att_phrase;

typedef struct att_gaz att_gaz;

/* Load every table from dir. Returns ATTACHE_ERR_DATA with a message in
 * err (size errlen) naming the file and line on a malformed file.
 * The caller owns *out (gaz_free). */
attache_status gaz_load(const char *dir, att_gaz **out, char *err, size_t errlen);
void gaz_free(att_gaz *g);

/* Look up a folded phrase; NULL when absent. Borrowed. */
const att_phrase *gaz_get(const att_gaz *g, const char *folded, size_t n);
/* gaz_get with the key's hash already known: att_hash64(folded, n,
 * ATT_HASH_SEED), which FNV-1a lets callers build token by token. */
const att_phrase *gaz_get_hashed(const att_gaz *g, const char *folded, size_t n, uint64_t hash);

size_t gaz_country_count(const att_gaz *g);
const att_country *gaz_country(const att_gaz *g, int i);
/* Index of the country with alpha-2 code a2, -1 when none. */
int gaz_country_by_code(const att_gaz *g, const char *a2);
size_t gaz_office_count(const att_gaz *g);
const att_office *gaz_office(const att_gaz *g, int i);
/* Index of the office with that key, -1 when none. */
int gaz_office_by_key(const att_gaz *g, const char *key);
const att_org *gaz_org(const att_gaz *g, int i);
size_t gaz_city_count(const att_gaz *g);
const att_city *gaz_city(const att_gaz *g, int i);
const att_venue *gaz_venue(const att_gaz *g, int i);

#endif
