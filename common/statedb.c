/* statedb.c - dedupe-boilerplate's state in SQLite
 *
 * Schema (application_id 'zhpb', user_version 2):
 *   lines(key INTEGER PRIMARY KEY, docs)   per-site line document counts
 *   seen(key INTEGER PRIMARY KEY)          documents already counted, by
 *                                          identity (key and content)
 *   docs(id, name, sig, doc)               MinHash signatures, and the
 *                                          identity of their document
 *   bands(key, doc)                        their LSH bands (the primary
 *                                          key; older files: an index)
 * Version 1 had no docs.doc, and its seen keys were of the key alone: a
 * run that writes such a file adds the column (NULL: no identity) and
 * sets version 2; read-only, the column is taken as NULL.
 * Besides, lines.run is the last run (numbered in meta: 'runs') in which
 * a new document had the line, indexed, so that lines that stayed below
 * --min-docs can be pruned a few runs at a time ('pruned': through which
 * run); a file without them gets them from its first run that writes
 * (run 0 for the lines it had).
 * A run reads only the lines of its input (one look-up each, in key
 * order), never the whole table, so its time and memory follow the
 * input, not the history.
 * A run holds the write lock from start to end (BEGIN IMMEDIATE), so a
 * second run waits, then fails clearly; SQLite's journal makes the one
 * COMMIT atomic, so a killed run leaves the state as it was. */
#include "statedb.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"

#define APP_ID 0x7A687062	/* "zhpb" */
#define SCHEMA_VERSION 2

struct statedb {
	sqlite3 *db;
	const char *path;
	sqlite3_stmt *seen_get, *seen_put, *band_get, *sig_get, *doc_put,
	    *band_put, *line_put, *line_get;
	int64_t run;		/* this run's number (writing runs) */
	int64_t pruned;		/* lines of runs up to this one are pruned */
};

/* ---- the database ---- */

/* Close what is open, then the fatal message (the tools exit; a caller
 * that survives die() leaks nothing). */
_Noreturn static void __attribute__((format(printf, 2, 3)))
fail_msg(struct statedb *s, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	sdb_close(s);
	die(EXIT_TROUBLE, "%s", msg);
}

_Noreturn static void
fail(struct statedb *s, const char *what)
{
	char msg[512];
	int code = s->db ? sqlite3_errcode(s->db) : SQLITE_NOMEM;

	snprintf(msg, sizeof msg, "%s", s->db ? sqlite3_errmsg(s->db) :
	    "out of memory");
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		fail_msg(s, "%s: the state is in use by another run; "
		    "try again later (or raise --wait)", s->path);
	if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
		fail_msg(s, "%s: not a usable state file (%s); "
		    "nothing was changed", s->path, msg);
	fail_msg(s, "%s: %s: %s; nothing was changed", s->path, what, msg);
}

static void
exec(struct statedb *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail(s, "state");
}

static sqlite3_stmt *
prep(struct statedb *s, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		fail(s, "state");
	return st;
}

static int
pragma_int(struct statedb *s, const char *sql)
{
	sqlite3_stmt *st = prep(s, sql);
	int v = 0;

	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		fail(s, "reading the state");
	}
	v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int64_t
meta_get(struct statedb *s, const char *name)
{
	sqlite3_stmt *st = prep(s, "SELECT value FROM meta WHERE name = ?");
	int64_t v = 0;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
meta_put(struct statedb *s, const char *name, int64_t v)
{
	sqlite3_stmt *st = prep(s, "INSERT OR REPLACE INTO meta VALUES (?, ?)");

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, v);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		fail(s, "state");
	}
	sqlite3_finalize(st);
}

/* A writing run: the run column and the meta table where a file has
 * none yet, and this run's number. */
static void
runs_begin(struct statedb *s)
{
	if (pragma_int(s, "SELECT count(*) FROM pragma_table_info('lines') "
	    "WHERE name = 'run'") == 0)
		exec(s, "ALTER TABLE lines ADD COLUMN run INTEGER NOT NULL DEFAULT 0;"
		    "CREATE INDEX lines_run ON lines (run);");
	exec(s, "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY,"
	    " value INTEGER NOT NULL);");
	s->run = meta_get(s, "runs") + 1;
	s->pruned = meta_get(s, "pruned");
	meta_put(s, "runs", s->run);
}

/* Take the lock, check or make the schema, prepare the statements. */
static struct statedb *
setup(struct statedb *s, int write)
{
	int tables, version;

	exec(s, write ? "BEGIN IMMEDIATE" : "BEGIN");
	tables = pragma_int(s, "SELECT count(*) FROM sqlite_master");
	if (tables == 0 && write)
		exec(s, "PRAGMA application_id = 2053664866;"	/* APP_ID */
		    "PRAGMA user_version = 2;"
		    "CREATE TABLE lines (key INTEGER PRIMARY KEY, docs INTEGER NOT NULL,"
		    " run INTEGER NOT NULL DEFAULT 0);"
		    "CREATE INDEX lines_run ON lines (run);"
		    "CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
		    "CREATE TABLE seen (key INTEGER PRIMARY KEY);"
		    "CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
		    " sig BLOB NOT NULL, doc INTEGER);"
		    "CREATE TABLE bands (key INTEGER NOT NULL, doc INTEGER NOT NULL,"
		    " PRIMARY KEY (key, doc)) WITHOUT ROWID;");
	else if (pragma_int(s, "PRAGMA application_id") != APP_ID)
		fail_msg(s, "%s: not a dedupe-boilerplate state file "
		    "(another program's database?); nothing was changed",
		    s->path);
	version = pragma_int(s, "PRAGMA user_version");
	if (version == 1 && write)
		exec(s, "ALTER TABLE docs ADD COLUMN doc INTEGER;"
		    "PRAGMA user_version = 2;");
	else if (version != 1 && version != SCHEMA_VERSION)
		fail_msg(s, "%s: state file of an unknown version %d", s->path,
		    version);
	if (write)
		runs_begin(s);
	s->line_get = prep(s, "SELECT docs FROM lines WHERE key = ?");
	s->seen_get = prep(s, "SELECT 1 FROM seen WHERE key = ?");
	s->band_get = prep(s, "SELECT doc FROM bands WHERE key = ? ORDER BY doc");
	s->sig_get = prep(s, version == 1 && !write ?
	    "SELECT name, sig, NULL FROM docs WHERE id = ?" :
	    "SELECT name, sig, doc FROM docs WHERE id = ?");
	if (write) {
		s->seen_put = prep(s, "INSERT OR IGNORE INTO seen VALUES (?)");
		s->doc_put = prep(s, "INSERT INTO docs (name, sig, doc) "
		    "VALUES (?, ?, ?)");
		s->band_put = prep(s, "INSERT INTO bands VALUES (?, ?)");
		s->line_put = prep(s, "INSERT OR REPLACE INTO lines (key, docs, run) "
		    "VALUES (?, ?, ?)");
	}
	return s;
}

struct statedb *
sdb_open(const char *path, int write, int wait_s)
{
	struct statedb *s = xcalloc(1, sizeof *s);
	int flags;

	if (path == NULL)
		write = 1;	/* a state in memory is made for the run */
	flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE :
	    SQLITE_OPEN_READONLY;

	s->path = path ? path : "(memory)";
	if (path && !write) {
		struct stat sb;

		if (stat(path, &sb) < 0) {
			free(s);
			die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
		}
	}
	if (sqlite3_open_v2(path ? path : ":memory:", &s->db, flags, NULL) !=
	    SQLITE_OK)
		fail(s, "cannot open the state");
	sqlite3_busy_timeout(s->db, wait_s * 1000);
	return setup(s, write);
}

struct statedb *
sdb_open_mem(const char *name, const void *p, size_t n)
{
	struct statedb *s = xcalloc(1, sizeof *s);
	unsigned char *copy;

	s->path = name;
	if (sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK)
		fail(s, "cannot open the state");
	if ((copy = sqlite3_malloc64(n ? n : 1)) == NULL)
		fail(s, "cannot open the state");
	if (n)
		memcpy(copy, p, n);
	if (sqlite3_deserialize(s->db, "main", copy, (sqlite3_int64)n,
	    (sqlite3_int64)n, SQLITE_DESERIALIZE_FREEONCLOSE |
	    SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
		fail(s, "cannot open the state");
	return setup(s, 0);
}

static int
step(struct statedb *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		fail(s, "state");
	return rc;
}

/* The stored count of one line key, into c (a slot even when 0). */
static void
load_one(struct statedb *s, struct counts *c, uint64_t key)
{
	uint32_t n = 0;

	sqlite3_bind_int64(s->line_get, 1, (sqlite3_int64)key);
	if (step(s, s->line_get) == SQLITE_ROW) {
		sqlite3_int64 d = sqlite3_column_int64(s->line_get, 0);

		n = d < 0 ? 0 : d > COUNTS_MAX ? COUNTS_MAX : (uint32_t)d;
	}
	sqlite3_reset(s->line_get);
	counts_load(c, key, n);
}

/* The index of the first key of v[0..n) (in increasing order) that is
 * negative as SQLite's signed integers: the B-tree starts there. */
static size_t
first_negative(const struct count_kv *v, size_t n)
{
	size_t neg;

	for (neg = 0; neg < n && (int64_t)v[neg].key >= 0; neg++)
		;
	return neg;
}

void
sdb_load_counts_of(struct statedb *s, struct counts *c)
{
	size_t i, k, n, neg;
	struct count_kv *v = counts_all(c, &n);

	/* A state small beside the input (a first day) is cheaper read
	 * through once, taking the keys at hand, than looked up key by key
	 * (a pair of ints a row; 4 KiB pages hold about a hundred) */
	if ((uint64_t)pragma_int(s, "PRAGMA page_count") * 100 < (uint64_t)n * 10) {
		sqlite3_stmt *st = prep(s, "SELECT key, docs FROM lines");
		int rc;

		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			uint64_t key = (uint64_t)sqlite3_column_int64(st, 0);
			sqlite3_int64 d = sqlite3_column_int64(st, 1);

			if (counts_has(c, key))
				counts_load(c, key, d < 0 ? 0 : d > COUNTS_MAX ?
				    COUNTS_MAX : (uint32_t)d);
		}
		sqlite3_finalize(st);
		free(v);
		if (rc != SQLITE_DONE)
			fail(s, "reading the state");
		return;
	}
	neg = first_negative(v, n);
	for (k = 0; k < n; k++) {
		i = (neg + k) % n;
		load_one(s, c, v[i].key);
	}
	free(v);
}

void
sdb_fetch_counts(struct statedb *s, struct counts *c, const uint64_t *keys,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (keys[i] && !counts_has(c, keys[i]))
			load_one(s, c, keys[i]);
}

void
sdb_load_counts(struct statedb *s, struct counts *c)
{
	sqlite3_stmt *st = prep(s, "SELECT key, docs FROM lines");
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 d = sqlite3_column_int64(st, 1);

		counts_load(c, (uint64_t)sqlite3_column_int64(st, 0),
		    d < 0 ? 0 : d > COUNTS_MAX ? COUNTS_MAX : (uint32_t)d);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		fail(s, "reading the state");
}

int
sdb_doc_seen(struct statedb *s, uint64_t dockey)
{
	int rc;

	sqlite3_bind_int64(s->seen_get, 1, (sqlite3_int64)dockey);
	rc = step(s, s->seen_get);
	sqlite3_reset(s->seen_get);
	return rc == SQLITE_ROW;
}

void
sdb_doc_add(struct statedb *s, uint64_t dockey)
{
	sqlite3_bind_int64(s->seen_put, 1, (sqlite3_int64)dockey);
	step(s, s->seen_put);
	sqlite3_reset(s->seen_put);
}

/* Is the signature row at hand document skip's? By its identity, or,
 * for a row of format 1 (no identity), by its name. */
static int
is_self(struct statedb *s, struct doc_ref *skip)
{
	sqlite3_stmt *st = s->sig_get;
	const unsigned char *name;
	int self;

	if (skip == NULL)
		return 0;
	if (sqlite3_column_type(st, 2) != SQLITE_NULL)
		self = (uint64_t)sqlite3_column_int64(st, 2) == skip->id;
	else {
		name = sqlite3_column_text(st, 0);
		self = (size_t)sqlite3_column_bytes(st, 0) == skip->n &&
		    (skip->n == 0 || memcmp(name, skip->name, skip->n) == 0);
	}
	skip->met |= self;
	return self;
}

int
sdb_similar(struct statedb *s, const struct minhash *m, double threshold,
    struct doc_ref *skip, char *name, size_t cap)
{
	int b, found = 0;
	sqlite3_int64 best = -1;

	for (b = 0; b < MH_BANDS; b++) {
		sqlite3_bind_int64(s->band_get, 1, (sqlite3_int64)mh_band(m, b));
		while (step(s, s->band_get) == SQLITE_ROW) {
			sqlite3_int64 id = sqlite3_column_int64(s->band_get, 0);

			if (found && id >= best)
				break;
			sqlite3_bind_int64(s->sig_get, 1, id);
			if (step(s, s->sig_get) == SQLITE_ROW &&
			    sqlite3_column_bytes(s->sig_get, 1) == sizeof *m &&
			    !is_self(s, skip)) {
				struct minhash other;

				memcpy(&other, sqlite3_column_blob(s->sig_get, 1),
				    sizeof other);
				if (mh_similarity(m, &other) >= threshold) {
					best = id;
					found = 1;
					snprintf(name, cap, "%s",
					    (const char *)sqlite3_column_text(s->sig_get, 0));
				}
			}
			sqlite3_reset(s->sig_get);
		}
		sqlite3_reset(s->band_get);
	}
	return found;
}

void
sdb_add_signature(struct statedb *s, uint64_t doc, const char *name,
    size_t n, const struct minhash *m)
{
	sqlite3_int64 id;
	int b;

	sqlite3_bind_text(s->doc_put, 1, name, (int)n, SQLITE_TRANSIENT);
	sqlite3_bind_blob(s->doc_put, 2, m, sizeof *m, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s->doc_put, 3, (sqlite3_int64)doc);
	step(s, s->doc_put);
	sqlite3_reset(s->doc_put);
	id = sqlite3_last_insert_rowid(s->db);
	for (b = 0; b < MH_BANDS; b++) {
		sqlite3_bind_int64(s->band_put, 1, (sqlite3_int64)mh_band(m, b));
		sqlite3_bind_int64(s->band_put, 2, id);
		step(s, s->band_put);
		sqlite3_reset(s->band_put);
	}
}

/* The changed counts in the order of the table's B-tree (signed keys),
 * which is then written from left to right instead of a random page for
 * each line. */
void
sdb_save_counts(struct statedb *s, const struct counts *c)
{
	size_t i, k, n, neg;
	struct count_kv *v = counts_changed(c, &n);

	neg = first_negative(v, n);
	for (k = 0; k < n; k++) {
		i = (neg + k) % n;
		sqlite3_bind_int64(s->line_put, 1, (sqlite3_int64)v[i].key);
		sqlite3_bind_int64(s->line_put, 2, v[i].docs);
		sqlite3_bind_int64(s->line_put, 3, s->run);
		step(s, s->line_put);
		sqlite3_reset(s->line_put);
	}
	free(v);
}

int64_t
sdb_prune(struct statedb *s, int64_t after, uint32_t min_docs)
{
	sqlite3_stmt *st;
	int64_t upto = s->run - after, gone;

	if (after <= 0 || upto <= s->pruned)
		return 0;
	st = prep(s, "DELETE FROM lines WHERE run > ? AND run <= ? AND docs < ?");
	sqlite3_bind_int64(st, 1, s->pruned);
	sqlite3_bind_int64(st, 2, upto);
	sqlite3_bind_int64(st, 3, min_docs);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		fail(s, "pruning the state");
	}
	sqlite3_finalize(st);
	gone = sqlite3_changes64(s->db);
	s->pruned = upto;
	meta_put(s, "pruned", upto);
	return gone;
}

void
sdb_commit(struct statedb *s)
{
	exec(s, "COMMIT");
}

void
sdb_close(struct statedb *s)
{
	if (s == NULL)
		return;
	sqlite3_finalize(s->seen_get);
	sqlite3_finalize(s->seen_put);
	sqlite3_finalize(s->band_get);
	sqlite3_finalize(s->sig_get);
	sqlite3_finalize(s->doc_put);
	sqlite3_finalize(s->band_put);
	sqlite3_finalize(s->line_put);
	sqlite3_finalize(s->line_get);
	sqlite3_close_v2(s->db);
	free(s);
}
