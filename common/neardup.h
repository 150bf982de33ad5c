/* neardup.h - near-duplicate articles: the signature of an article's
 * body records (docsig.h), looked up among the signatures of the state
 * and of the articles this run kept, by LSH
 *
 * The rule: an article is a near duplicate of the earliest kept article
 * that shares an LSH bucket with it, is among the first SDB_BUCKET
 * kept articles of that bucket, and is alike at the threshold
 * (ds_alike). Buckets are the 16 bands of the signature and the key of
 * the whole signature (so an exact copy is always found). Articles in
 * the state are earlier than those of the run. An article that is no
 * near duplicate is kept: it is added to the buckets that are not full.
 * So an article is compared with at most 17 * SDB_BUCKET others, however
 * many share a template with it. */
#ifndef ZH_NEARDUP_H
#define ZH_NEARDUP_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "boiler.h"
#include "boilerclass.h"
#include "buf.h"
#include "docsig.h"
#include "statedb.h"

#define ND_KEYS (MH_BANDS + 1)	/* buckets of a signature */

/* A document: its identity, and its name (key) name[0..n). */
struct doc_ref {
	uint64_t id;
	const char *name;
	size_t n;
	int met;		/* its own stored signature was met */
};

struct nd_kept;
struct nd_bucket;

struct simplify;

/* The buckets are spread over this many hash tables, each growing on
 * its own, so that one that doubles adds a little to the peak memory. */
#define ND_SHARDS 16

struct neardup {
	struct statedb *db;
	double similarity;	/* threshold of ds_alike() */
	int store;		/* keep new articles, to save in the state */
	/* the articles this run kept, in order, and their buckets */
	struct nd_kept *kept;
	size_t nkept, capkept;
	struct buf names;
	struct nd_table {	/* ND_SHARDS tables, by bits of the key */
		struct nd_bucket *tab;
		size_t size, used;
	} tabs[ND_SHARDS];
	uint32_t *chunks;	/* SDB_BUCKET ids each */
	size_t nchunks, capchunks;
	/* scratch */
	struct ds_builder sb;
	struct simplify *simp;	/* Traditional text read as Simplified */
	struct buf folded;	/* the body as form 1 signs it */
	int64_t *tried;
	size_t ntried;
	uint64_t savekeys[ND_KEYS];
};

/* The signature of article a, whose records have normal forms f and
 * labels v: of its records labelled body. When the state holds form-1
 * signatures and the body's folded text is long enough, *old is its
 * form-1 signature and *has_old is set. Returns 1, or 0 when the body is
 * too short to compare (DS_MIN_CHARS). */
int nd_sign(struct neardup *nd, const struct article *a,
    const struct forms *f, const struct bc_verdict *v, struct docsig *sig,
    struct minhash *old, int *has_old);
/* Is the article signed sig (old: its form-1 signature, or NULL) a near
 * duplicate of a kept article? The original's name goes to dupof (cap
 * bytes). self is the article; with first set (the run decides it for
 * the first time), its own stored signature is not a candidate. An
 * article that is no duplicate is kept when nd->store and first are set
 * and its signature is not stored already. */
int nd_decide(struct neardup *nd, const struct docsig *sig,
    const struct minhash *old, struct doc_ref *self, int first,
    char *dupof, size_t cap);
/* Both: sign article a and decide. */
int nd_check(struct neardup *nd, const struct article *a,
    const struct forms *f, const struct bc_verdict *v, struct doc_ref *self,
    int first, char *dupof, size_t cap);
/* Write the articles kept so far to the state (before its commit; once;
 * nothing for a state in memory). */
void nd_save(struct neardup *nd);
void nd_free(struct neardup *nd);

#endif
