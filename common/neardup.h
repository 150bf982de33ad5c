/* neardup.h - near-duplicate articles: MinHash over the folded text of
 * an article's body records, looked up in the state's LSH index, and
 * added to it when new */
#ifndef ZH_NEARDUP_H
#define ZH_NEARDUP_H

#include <stddef.h>

#include "boiler.h"
#include "boilerclass.h"
#include "buf.h"
#include "statedb.h"

#define ND_MIN_CHARS 50		/* a shorter body is never compared */

struct neardup {
	struct statedb *db;
	double similarity;	/* Jaccard threshold */
	int store;		/* add new signatures to the state */
	struct buf body;	/* scratch */
};

/* Is the article whose records have normal forms f and labels v (n of
 * them) a near duplicate of a stored article? Its name goes to dupof
 * (cap bytes). self is the article; with first set (the run decides it
 * for the first time), its own stored signature is not a candidate. A
 * new article that is no duplicate is stored when nd->store is set and
 * its signature is not stored already. */
int nd_check(struct neardup *nd, const struct forms *f,
    const struct bc_verdict *v, size_t n, struct doc_ref *self, int first,
    char *dupof, size_t cap);
void nd_free(struct neardup *nd);

#endif
