/* statedb.h - the state of dedupe-boilerplate in SQLite: per-site line
 * counts, the documents counted, and near-duplicate signatures */
#ifndef ZH_STATEDB_H
#define ZH_STATEDB_H

#include <stddef.h>
#include <stdint.h>

#include "counts.h"
#include "docsig.h"
#include "minhash.h"

struct statedb;

/* Open (or create) the state at path; NULL keeps it in memory for the
 * run, made when it is first used (a run that stores nothing, on empty
 * input, makes none). write: take the write lock now, waiting up to
 * wait_s seconds for
 * another run; all changes are committed by sdb_commit() at once, and
 * nothing if the program dies first. A foreign, corrupt or busy file is
 * a fatal error with a clear message (status 2). */
struct statedb *sdb_open(const char *path, int write, int wait_s);
/* A state file's bytes p[0..n), read-only (name is for messages): the
 * same checks, for tests and fuzzing. */
struct statedb *sdb_open_mem(const char *name, const void *p, size_t n);
/* Every stored line count, into c (for tests and small states). */
void sdb_load_counts(struct statedb *db, struct counts *c);
/* The stored counts of the keys c has (counted or touched this run),
 * added to them, in the order of the table: a run reads what its input
 * needs, not the whole history. */
void sdb_load_counts_of(struct statedb *db, struct counts *c);
/* The same for the keys of keys[0..n) that c has no slot for yet. */
void sdb_fetch_counts(struct statedb *db, struct counts *c,
    const uint64_t *keys, size_t n);
/* The same for the keys of v[0..n), none of which c has a slot for
 * (they may repeat; v is put in order, its docs left alone): many keys
 * at once, so that the look-ups walk the state in order. */
void sdb_fetch_new(struct statedb *db, struct counts *c, struct count_kv *v,
    size_t n);
/* Documents are known by their identity: a hash of their key and their
 * content, so that a reused key never hides a new document. */
int sdb_doc_seen(struct statedb *db, uint64_t doc);
void sdb_doc_add(struct statedb *db, uint64_t doc);
/* Documents compared in each LSH bucket: the first (earliest) stored
 * there. A bucket that many kept documents share (a template) so costs
 * no more than this, and a later document is not stored in a full
 * bucket, as it would never be compared there. */
#define SDB_BUCKET 8

/* Is the state in memory, for the run only (no file)? */
int sdb_memory(struct statedb *db);
/* Are signatures stored at all; are some of form 1 (versions 1, 2)? */
int sdb_signatures(struct statedb *db);
int sdb_folded(struct statedb *db);
/* The first SDB_BUCKET signature rows (at most) of LSH bucket key, in
 * the order they were stored, into ids; how many. */
size_t sdb_bucket(struct statedb *db, uint64_t key, int64_t *ids);
/* The buckets of keys[0..n) (n <= SDB_KEYS, the keys of an article's
 * signatures), as sdb_bucket() would give each: nids[i] rows into
 * ids[i]; looked up at once, in the order of the state's B-tree. */
#define SDB_KEYS 40
void sdb_buckets(struct statedb *db, const uint64_t *keys, size_t n,
    int64_t (*ids)[SDB_BUCKET], size_t *nids);
/* A stored signature: its form (a row of a form this version does not
 * know is not returned), identity (has_doc: a row of format 1 has none)
 * and name, valid until the next call. */
struct sdb_row {
	int form;
	struct docsig sig;	/* form 1: only sig.m */
	uint64_t doc;
	int has_doc;
	const char *name;
	size_t n;
};
/* Row id into row: 1, or 0 when there is none (or one of unknown form). */
int sdb_row(struct statedb *db, int64_t id, struct sdb_row *row);
/* Is a signature of the document stored (by its identity)? Only on a
 * state opened for writing; 0 otherwise. */
int sdb_stored(struct statedb *db, uint64_t doc);
/* Store n signatures (of form 2), in order: get(arg, i, out) describes
 * the i-th, with the keys of the buckets it is to be found in. */
struct sdb_new {
	uint64_t doc;		/* identity */
	const char *name;
	size_t n;
	const struct docsig *sig;
	const uint64_t *keys;
	size_t nkeys;
};
void sdb_add_signatures(struct statedb *db, size_t n,
    void (*get)(void *arg, size_t i, struct sdb_new *out), void *arg);
void sdb_save_counts(struct statedb *db, const struct counts *c);
/* Delete the lines with fewer than min_docs documents that no new
 * document had for `after` runs (after > 0; a writing run only), those
 * not looked at by an earlier prune; how many. */
int64_t sdb_prune(struct statedb *db, int64_t after, uint32_t min_docs);
void sdb_commit(struct statedb *db);
void sdb_close(struct statedb *db);

#endif
