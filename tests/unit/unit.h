/* unit.h - what the Check programs share: one world made per test group (an
 * unchecked fixture: world_up / world_down), reading " date D\n\nTEXT" into
 * an extracted document, and running a suite. Include it in one .c file. */
#ifndef ATTACHE_UNIT_H
#define ATTACHE_UNIT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attache/attache.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* The world of the running test group; owned by the fixture. */
static attache_world *world;
/* Diagnostic sink the fixture gives the world (NULL: none); set it before
 * the suite runs to count messages. */
static attache_diag_fn unit_diag;

static inline void world_up(void)
{
    ck_assert_int_eq(attache_world_new(NULL, unit_diag, NULL, &world), ATTACHE_SUCCESS);
}

static inline void world_down(void)
{
    attache_world_free(world);
    world = NULL;
}

/* Read and extract " date DATE\n\nTEXT\n" (no date line when date is NULL)
 * as document `id`; the caller frees the result. */
static inline attache_doc *extract_as(const char *id, const char *date, const char *text)
{
    char buf[4096];
    if (date)
        snprintf(buf, sizeof buf, " date %s\n\n%s\n", date, text);
    else
        snprintf(buf, sizeof buf, "%s\n", text);
    attache_doc_options o;
    memset(&o, 0, sizeof o);
    o.id = id;
    attache_doc *d = NULL;
    ck_assert_int_eq(attache_doc_read_mem(world, id, buf, strlen(buf), &o, &d), ATTACHE_SUCCESS);
    ck_assert_int_eq(attache_extract(world, d), ATTACHE_SUCCESS);
    return d;
}

static inline attache_doc *extract(const char *date, const char *text)
{
    return extract_as("test", date, text);
}

/* A test group that gets its own world (made once for the group). */
static inline TCase *unit_group(const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_add_unchecked_fixture(tc, world_up, world_down);
    return tc;
}

/* Run the suite; the process's exit status. */
static inline int unit_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
