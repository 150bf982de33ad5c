/* statedb.h - the state of dedupe-boilerplate in SQLite: per-site line
 * counts, the documents counted, and near-duplicate signatures */
#ifndef ZH_STATEDB_H
#define ZH_STATEDB_H

#include <stddef.h>
#include <stdint.h>

#include "counts.h"
#include "minhash.h"

struct statedb;

/* Open (or create) the state at path; NULL keeps it in memory for the
 * run. write: take the write lock now, waiting up to wait_s seconds for
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
/* Documents are known by their identity: a hash of their key and their
 * content, so that a reused key never hides a new document. */
int sdb_doc_seen(struct statedb *db, uint64_t doc);
void sdb_doc_add(struct statedb *db, uint64_t doc);
/* A document: its identity, and its name (key) name[0..n). */
struct doc_ref {
	uint64_t id;
	const char *name;
	size_t n;
	int met;		/* sdb_similar met its own signature */
};

/* The earliest stored document, other than the document skip (NULL:
 * none; a signature stored by format 1 is skip's when it has skip's
 * name), whose signature is at least `threshold` similar; its name goes
 * to name (cap bytes). Returns 1 if found; when not, skip->met says
 * whether skip's own signature is stored (as alike as this one). */
int sdb_similar(struct statedb *db, const struct minhash *m, double threshold,
    struct doc_ref *skip, char *name, size_t cap);
/* Store the signature of document doc (its identity), named name[0..n). */
void sdb_add_signature(struct statedb *db, uint64_t doc, const char *name,
    size_t n, const struct minhash *m);
void sdb_save_counts(struct statedb *db, const struct counts *c);
/* Delete the lines with fewer than min_docs documents that no new
 * document had for `after` runs (after > 0; a writing run only), those
 * not looked at by an earlier prune; how many. */
int64_t sdb_prune(struct statedb *db, int64_t after, uint32_t min_docs);
void sdb_commit(struct statedb *db);
void sdb_close(struct statedb *db);

#endif
