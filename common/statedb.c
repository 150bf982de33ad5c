/* statedb.c - dedupe-boilerplate's state in SQLite
 *
 * Schema (application_id 'zhpb', user_version 3):
 *   lines(key INTEGER PRIMARY KEY, docs)   per-site line document counts
 *   seen(key INTEGER PRIMARY KEY)          documents already counted, by
 *                                          identity (key and content)
 *   docs(id, name, sig, doc, form, nums)   signatures (docsig.h), the
 *                                          identity of their document
 *                                          (indexed), their form and
 *                                          numbers
 *   bands(key, doc)                        their LSH bands (the primary
 *                                          key; older files: an index)
 * Version 1 had no docs.doc, and its seen keys were of the key alone;
 * versions 1 and 2 had no form and nums: their signatures are of form 1
 * (DS_FORM_FOLDED). A run that writes such a file adds the columns
 * (NULL: no identity, form 1) and the index, and sets version 3;
 * read-only, the columns are taken as NULL. Old rows come first (their
 * ids are the lowest), so whether there are any is one look at the
 * first row.
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
#define SCHEMA_VERSION 3

struct statedb {
	sqlite3 *db;
	const char *path;
	sqlite3_stmt *seen_get, *seen_put, *band_get, *sig_get, *doc_put,
	    *band_put, *line_put, *line_some, *doc_get, *band_some;
	/* the keys the next step of line_some looks up (want_at()) */
	const void *want;
	size_t nwant, wstride, wstart;
	struct count_kv *scratch;	/* sdb_fetch_counts() */
	size_t capscratch;
	int64_t run;		/* this run's number (writing runs) */
	int64_t pruned;		/* lines of runs up to this one are pruned */
	int folded;		/* form-1 signatures are stored */
	int sigs;		/* signatures are stored */
	int memory;		/* no file; the database is made at its first
				 * use (ready()) */
	struct buf name;	/* of the last sdb_row */
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

static struct statedb *setup(struct statedb *s, int write);

/* ---- the keys of a look-up, as a table ----
 *
 * The line counts of many keys are looked up by one statement, a join
 * of the keys at hand (the eponymous virtual table zh_want, one column
 * k: the keys of want_at() in order) with lines, stepped through once:
 * one row a key found. A statement of its own for each key cost a bind,
 * a cursor opened and a reset for each; the join opens its cursor on
 * lines once and seeks it key after key. */

struct want_vtab {
	sqlite3_vtab base;
	struct statedb *s;
};

struct want_cur {
	sqlite3_vtab_cursor base;
	const struct statedb *s;
	size_t i;
};

/* The i-th key wanted: the keys are nwant of wstride bytes from want,
 * taken from wstart on, round to the start. */
static uint64_t
want_at(const struct statedb *s, size_t i)
{
	size_t j = s->wstart + i;
	uint64_t k;

	if (j >= s->nwant)
		j -= s->nwant;
	memcpy(&k, (const char *)s->want + j * s->wstride, sizeof k);
	return k;
}

static int
want_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
    sqlite3_vtab **out, char **err)
{
	struct want_vtab *t;
	int rc;

	(void)argc;
	(void)argv;
	(void)err;
	if ((rc = sqlite3_declare_vtab(db, "CREATE TABLE x(k INTEGER)")) !=
	    SQLITE_OK)
		return rc;
	if ((t = sqlite3_malloc(sizeof *t)) == NULL)
		return SQLITE_NOMEM;
	memset(t, 0, sizeof *t);
	t->s = aux;
	*out = &t->base;
	return SQLITE_OK;
}

static int
want_disconnect(sqlite3_vtab *t)
{
	sqlite3_free(t);
	return SQLITE_OK;
}

/* Read through in order; no constraint is used (the statement makes
 * zh_want the outer loop). */
static int
want_best(sqlite3_vtab *t, sqlite3_index_info *ii)
{
	(void)t;
	ii->estimatedCost = 1000;
	ii->estimatedRows = 1000;
	return SQLITE_OK;
}

static int
want_open(sqlite3_vtab *t, sqlite3_vtab_cursor **out)
{
	struct want_cur *c = sqlite3_malloc(sizeof *c);

	if (c == NULL)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof *c);
	c->s = ((struct want_vtab *)t)->s;
	*out = &c->base;
	return SQLITE_OK;
}

static int
want_close(sqlite3_vtab_cursor *c)
{
	sqlite3_free(c);
	return SQLITE_OK;
}

static int
want_filter(sqlite3_vtab_cursor *c, int idx, const char *idxs, int argc,
    sqlite3_value **argv)
{
	(void)idx;
	(void)idxs;
	(void)argc;
	(void)argv;
	((struct want_cur *)c)->i = 0;
	return SQLITE_OK;
}

static int
want_next(sqlite3_vtab_cursor *c)
{
	((struct want_cur *)c)->i++;
	return SQLITE_OK;
}

static int
want_eof(sqlite3_vtab_cursor *c)
{
	const struct want_cur *w = (const struct want_cur *)c;

	return w->i >= w->s->nwant;
}

static int
want_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int col)
{
	const struct want_cur *w = (const struct want_cur *)c;

	(void)col;
	sqlite3_result_int64(ctx, (sqlite3_int64)want_at(w->s, w->i));
	return SQLITE_OK;
}

static int
want_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *id)
{
	*id = (sqlite3_int64)((const struct want_cur *)c)->i;
	return SQLITE_OK;
}

static const sqlite3_module want_module = {
	.xConnect = want_connect,	/* no xCreate: eponymous only */
	.xBestIndex = want_best,
	.xDisconnect = want_disconnect,
	.xDestroy = want_disconnect,
	.xOpen = want_open,
	.xClose = want_close,
	.xFilter = want_filter,
	.xNext = want_next,
	.xEof = want_eof,
	.xColumn = want_column,
	.xRowid = want_rowid,
};

/* The state in memory, made when it is first needed. Until then it is
 * what it would be made: empty, of no signatures (folded and sigs 0),
 * nothing to prune or commit. */
static void
ready(struct statedb *s)
{
	if (s->db != NULL || !s->memory)
		return;
	if (sqlite3_open_v2(":memory:", &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		fail(s, "cannot open the state");
	setup(s, 1);
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
		    "PRAGMA user_version = 3;"
		    "CREATE TABLE lines (key INTEGER PRIMARY KEY, docs INTEGER NOT NULL,"
		    " run INTEGER NOT NULL DEFAULT 0);"
		    "CREATE INDEX lines_run ON lines (run);"
		    "CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
		    "CREATE TABLE seen (key INTEGER PRIMARY KEY);"
		    "CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
		    " sig BLOB NOT NULL, doc INTEGER, form INTEGER, nums BLOB);"
		    "CREATE INDEX docs_doc ON docs (doc);"
		    "CREATE TABLE bands (key INTEGER NOT NULL, doc INTEGER NOT NULL,"
		    " PRIMARY KEY (key, doc)) WITHOUT ROWID;");
	else if (pragma_int(s, "PRAGMA application_id") != APP_ID)
		fail_msg(s, "%s: not a dedupe-boilerplate state file "
		    "(another program's database?); nothing was changed",
		    s->path);
	version = pragma_int(s, "PRAGMA user_version");
	if (version < 1 || version > SCHEMA_VERSION)
		fail_msg(s, "%s: state file of an unknown version %d", s->path,
		    version);
	if (version < SCHEMA_VERSION && write) {
		if (version == 1)
			exec(s, "ALTER TABLE docs ADD COLUMN doc INTEGER;");
		exec(s, "ALTER TABLE docs ADD COLUMN form INTEGER;"
		    "ALTER TABLE docs ADD COLUMN nums BLOB;"
		    "CREATE INDEX IF NOT EXISTS docs_doc ON docs (doc);"
		    "PRAGMA user_version = 3;");
		version = SCHEMA_VERSION;
	}
	if (write)
		runs_begin(s);
	if (sqlite3_create_module_v2(s->db, "zh_want", &want_module, s, NULL) !=
	    SQLITE_OK)
		fail(s, "state");
	/* CROSS JOIN: the keys are the outer loop, in their order */
	s->line_some = prep(s, "SELECT w.k, l.docs FROM zh_want AS w "
	    "CROSS JOIN lines AS l ON l.key = w.k");
	s->seen_get = prep(s, "SELECT 1 FROM seen WHERE key = ?");
	s->band_get = prep(s, "SELECT doc FROM bands WHERE key = ? ORDER BY doc");
	s->band_some = prep(s, "SELECT w.k, b.doc FROM zh_want AS w "
	    "CROSS JOIN bands AS b ON b.key = w.k");
	s->sig_get = prep(s, version == 1 ?
	    "SELECT name, sig, NULL, NULL, NULL FROM docs WHERE id = ?" :
	    version == 2 ?
	    "SELECT name, sig, doc, NULL, NULL FROM docs WHERE id = ?" :
	    "SELECT name, sig, doc, form, nums FROM docs WHERE id = ?");
	s->folded = pragma_int(s, version < 3 ?
	    "SELECT EXISTS (SELECT 1 FROM docs)" :
	    "SELECT coalesce((SELECT form IS NULL FROM docs ORDER BY id "
	    "LIMIT 1), 0)");
	s->sigs = pragma_int(s, "SELECT EXISTS (SELECT 1 FROM docs)");
	if (write) {
		s->doc_get = prep(s, "SELECT 1 FROM docs WHERE doc = ?");
		s->seen_put = prep(s, "INSERT OR IGNORE INTO seen VALUES (?)");
		s->doc_put = prep(s, "INSERT INTO docs (name, sig, doc, form, nums) "
		    "VALUES (?, ?, ?, 2, ?)");
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

	s->path = path ? path : "(memory)";
	s->memory = path == NULL;
	if (s->memory)
		return s;	/* made by ready() */
	/* one thread at a time uses a state (the labelling threads never
	 * do): no lock of SQLite's around each call */
	flags = (write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE :
	    SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
	if (!write) {
		struct stat sb;

		if (stat(path, &sb) < 0) {
			free(s);
			die(EXIT_TROUBLE, "%s: %s", path, strerror(errno));
		}
	}
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK)
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

/* A stored count as a count (a foreign file may hold any integer). */
static uint32_t
docs_of(sqlite3_stmt *st, int col)
{
	sqlite3_int64 d = sqlite3_column_int64(st, col);

	return d < 0 ? 0 : d > COUNTS_MAX ? COUNTS_MAX : (uint32_t)d;
}

/* Every stored count into c, or (present) those of the keys c has. The
 * rows are taken some at a time, their slots asked for first (they are
 * all over c), so that their misses overlap. */
static void
scan_lines(struct statedb *s, struct counts *c, int present)
{
	enum { ROWS = 32 };
	sqlite3_stmt *st = prep(s, "SELECT key, docs FROM lines");
	uint64_t key[ROWS];
	uint32_t docs[ROWS];
	size_t i, n;
	int rc;

	do {
		for (n = 0; n < ROWS && (rc = sqlite3_step(st)) == SQLITE_ROW;
		    n++) {
			key[n] = (uint64_t)sqlite3_column_int64(st, 0);
			docs[n] = docs_of(st, 1);
			counts_prefetch(c, key[n]);
		}
		for (i = 0; i < n; i++)
			if (present)
				counts_load_present(c, key[i], docs[i]);
			else
				counts_load(c, key[i], docs[i]);
	} while (n == ROWS);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		fail(s, "reading the state");
}

/* The count of want_at(i), asking the memory meanwhile for the slot of
 * a key some places on (the keys are all over c). */
static void
load_at(struct statedb *s, struct counts *c, size_t i, size_t n,
    uint32_t docs)
{
	enum { AHEAD = 8 };

	if (i + AHEAD < n)
		counts_prefetch(c, want_at(s, i + AHEAD));
	counts_load(c, want_at(s, i), docs);
}

/* The stored counts of the keys of want_at(0..n) (distinct), into c
 * (a slot even when 0), by one pass of line_some: its rows come in the
 * order of the keys, those not stored left out. */
static void
load_some(struct statedb *s, struct counts *c, const void *keys, size_t n,
    size_t stride, size_t start)
{
	sqlite3_stmt *st = s->line_some;
	size_t i = 0;

	if (n == 0)
		return;
	s->want = keys;
	s->nwant = n;
	s->wstride = stride;
	s->wstart = start;
	while (step(s, st) == SQLITE_ROW) {
		uint64_t key = (uint64_t)sqlite3_column_int64(st, 0);

		for (; i < n && want_at(s, i) != key; i++)
			load_at(s, c, i, n, 0);
		if (i < n)
			load_at(s, c, i++, n, docs_of(st, 1));
	}
	for (; i < n; i++)
		load_at(s, c, i, n, 0);
	sqlite3_reset(st);
	s->nwant = 0;
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
	size_t n, neg;
	struct count_kv *v = counts_all(c, &n);

	ready(s);
	/* A state small beside the input (a first day) is cheaper read
	 * through once, taking the keys at hand, than looked up key by key
	 * (a pair of ints a row; 4 KiB pages hold about a hundred) */
	if ((uint64_t)pragma_int(s, "PRAGMA page_count") * 100 < (uint64_t)n * 10) {
		free(v);
		scan_lines(s, c, 1);
		return;
	}
	/* in the order of the B-tree: from the first negative key round */
	neg = first_negative(v, n);
	load_some(s, c, v, n, sizeof *v, n ? neg % n : 0);
	free(v);
}

/* Keys v[0..n) of no slot in c, looked up in the order of the B-tree
 * (signed keys: from the first negative one round), each once. */
static void
fetch_new(struct statedb *s, struct counts *c, struct count_kv *v, size_t n,
    int sorted)
{
	size_t i, m;

	if (!sorted)
		counts_sort(v, n);
	for (i = m = 0; i < n; i++)
		if (m == 0 || v[i].key != v[m - 1].key)
			v[m++] = v[i];
	load_some(s, c, v, m, sizeof *v, m ? first_negative(v, m) % m : 0);
}

void
sdb_fetch_new(struct statedb *s, struct counts *c, struct count_kv *v,
    size_t n)
{
	ready(s);
	fetch_new(s, c, v, n, 0);
}

void
sdb_fetch_counts(struct statedb *s, struct counts *c, const uint64_t *keys,
    size_t n)
{
	size_t i, j, m = 0;

	ready(s);
	for (i = 0; i < n; i++)	/* their misses at once */
		counts_prefetch(c, keys[i]);
	if (n > s->capscratch) {
		s->capscratch = 2 * n;
		s->scratch = xrealloc(s->scratch, s->capscratch *
		    sizeof *s->scratch);
	}
	for (i = 0; i < n; i++)
		if (keys[i] && !counts_has(c, keys[i]))
			s->scratch[m++].key = keys[i];
	if (m <= 16)	/* a few: in place */
		for (i = 1; i < m; i++) {
			struct count_kv k = s->scratch[i];

			for (j = i; j > 0 && s->scratch[j - 1].key > k.key; j--)
				s->scratch[j] = s->scratch[j - 1];
			s->scratch[j] = k;
		}
	fetch_new(s, c, s->scratch, m, m <= 16);
}

void
sdb_load_counts(struct statedb *s, struct counts *c)
{
	ready(s);
	scan_lines(s, c, 0);
}

int
sdb_doc_seen(struct statedb *s, uint64_t dockey)
{
	int rc;

	ready(s);
	sqlite3_bind_int64(s->seen_get, 1, (sqlite3_int64)dockey);
	rc = step(s, s->seen_get);
	sqlite3_reset(s->seen_get);
	return rc == SQLITE_ROW;
}

void
sdb_doc_add(struct statedb *s, uint64_t dockey)
{
	ready(s);
	sqlite3_bind_int64(s->seen_put, 1, (sqlite3_int64)dockey);
	step(s, s->seen_put);
	sqlite3_reset(s->seen_put);
}

int
sdb_folded(struct statedb *s)
{
	return s->folded;
}

int
sdb_memory(struct statedb *s)
{
	return s->memory;
}

int
sdb_signatures(struct statedb *s)
{
	return s->sigs;
}

int
sdb_stored(struct statedb *s, uint64_t doc)
{
	int rc;

	if (s->doc_get == NULL || !s->sigs)
		return 0;
	sqlite3_bind_int64(s->doc_get, 1, (sqlite3_int64)doc);
	rc = step(s, s->doc_get);
	sqlite3_reset(s->doc_get);
	return rc == SQLITE_ROW;
}

size_t
sdb_bucket(struct statedb *s, uint64_t key, int64_t *ids)
{
	size_t n = 0;

	if (!s->sigs)
		return 0;
	sqlite3_bind_int64(s->band_get, 1, (sqlite3_int64)key);
	while (n < SDB_BUCKET && step(s, s->band_get) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(s->band_get, 0);
	sqlite3_reset(s->band_get);
	return n;
}

void
sdb_buckets(struct statedb *s, const uint64_t *keys, size_t n,
    int64_t (*ids)[SDB_BUCKET], size_t *nids)
{
	uint64_t want[SDB_KEYS];
	size_t i, j, m = 0, at[SDB_KEYS];

	if (n > SDB_KEYS)
		die(EXIT_TROUBLE, "sdb_buckets: %zu keys, more than %d", n,
		    SDB_KEYS);
	memset(nids, 0, n * sizeof *nids);
	if (!s->sigs || n == 0)
		return;
	/* the distinct keys in increasing order; at[i]: key i's place */
	for (i = 0; i < n; i++) {
		for (j = m; j > 0 && want[j - 1] > keys[i]; j--)
			;
		if (j > 0 && want[j - 1] == keys[i])
			continue;
		memmove(want + j + 1, want + j, (m - j) * sizeof *want);
		want[j] = keys[i];
		m++;
	}
	for (i = 0; i < n; i++)
		for (at[i] = 0; want[at[i]] != keys[i]; at[i]++)
			;
	/* one pass over the B-tree in the order of its signed keys, each
	 * key's rows in any order: the SDB_BUCKET first of them kept */
	{
		int64_t got[SDB_KEYS][SDB_BUCKET];
		size_t ngot[SDB_KEYS] = { 0 }, neg, k;
		sqlite3_stmt *st = s->band_some;

		for (neg = 0; neg < m && (int64_t)want[neg] >= 0; neg++)
			;
		s->want = want;
		s->nwant = m;
		s->wstride = sizeof *want;
		s->wstart = neg % m;
		for (k = 0; step(s, st) == SQLITE_ROW; ) {
			uint64_t key = (uint64_t)sqlite3_column_int64(st, 0);
			int64_t doc = sqlite3_column_int64(st, 1);
			size_t w, q;

			while (k < m && want_at(s, k) != key)
				k++;
			if (k == m)
				fail_msg(s, "%s: a look-up of buckets came back "
				    "out of order", s->path);
			w = (s->wstart + k) % m;
			if (ngot[w] == SDB_BUCKET && doc >= got[w][SDB_BUCKET - 1])
				continue;
			q = ngot[w] < SDB_BUCKET ? ngot[w]++ : SDB_BUCKET - 1;
			for (; q > 0 && got[w][q - 1] > doc; q--)
				got[w][q] = got[w][q - 1];
			got[w][q] = doc;
		}
		sqlite3_reset(st);
		s->nwant = 0;
		for (i = 0; i < n; i++) {
			nids[i] = ngot[at[i]];
			memcpy(ids[i], got[at[i]], nids[i] * sizeof **ids);
		}
	}
}

int
sdb_row(struct statedb *s, int64_t id, struct sdb_row *row)
{
	sqlite3_stmt *st;
	int rc = 0;

	ready(s);
	st = s->sig_get;
	sqlite3_bind_int64(st, 1, id);
	if (step(s, st) != SQLITE_ROW ||
	    sqlite3_column_bytes(st, 1) != sizeof row->sig.m)
		goto out;
	row->form = sqlite3_column_type(st, 3) == SQLITE_NULL ?
	    DS_FORM_FOLDED : sqlite3_column_int(st, 3);
	memcpy(&row->sig.m, sqlite3_column_blob(st, 1), sizeof row->sig.m);
	row->sig.nnum = 0;
	row->sig.more = 0;
	if (row->form == DS_FORM_DIGITS ? ds_nums_unblob(&row->sig,
	    sqlite3_column_blob(st, 4), (size_t)sqlite3_column_bytes(st, 4)) < 0 :
	    row->form != DS_FORM_FOLDED)
		goto out;	/* a form of a later version: not compared */
	row->has_doc = sqlite3_column_type(st, 2) != SQLITE_NULL;
	row->doc = (uint64_t)sqlite3_column_int64(st, 2);
	s->name.len = 0;
	buf_add(&s->name, sqlite3_column_text(st, 0),
	    (size_t)sqlite3_column_bytes(st, 0));
	row->name = buf_cstr(&s->name);
	row->n = s->name.len;
	rc = 1;
out:
	sqlite3_reset(st);
	return rc;
}

/* Band rows to write, in key order. */
static int
cmp_band(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

void
sdb_add_signatures(struct statedb *s, size_t n,
    void (*get)(void *arg, size_t i, struct sdb_new *out), void *arg)
{
	unsigned char nums[DS_NUMS * 4 + 1];
	int64_t (*band)[2] = NULL;
	size_t i, k, nband = 0, cap = 0;
	struct sdb_new d;

	if (n)
		ready(s);
	for (i = 0; i < n; i++) {
		get(arg, i, &d);
		sqlite3_bind_text(s->doc_put, 1, d.name, (int)d.n,
		    SQLITE_TRANSIENT);
		sqlite3_bind_blob(s->doc_put, 2, &d.sig->m, sizeof d.sig->m,
		    SQLITE_TRANSIENT);
		sqlite3_bind_int64(s->doc_put, 3, (sqlite3_int64)d.doc);
		sqlite3_bind_blob(s->doc_put, 4, nums,
		    (int)ds_nums_blob(d.sig, nums), SQLITE_TRANSIENT);
		step(s, s->doc_put);
		sqlite3_reset(s->doc_put);
		if (nband + d.nkeys > cap) {
			cap = 2 * (nband + d.nkeys);
			band = xrealloc(band, cap * sizeof *band);
		}
		for (k = 0; k < d.nkeys; k++) {
			band[nband][0] = (int64_t)d.keys[k];
			band[nband++][1] = sqlite3_last_insert_rowid(s->db);
		}
	}
	/* the B-tree of the bands is then written from left to right */
	if (nband)
		qsort(band, nband, sizeof *band, cmp_band);
	for (i = 0; i < nband; i++) {
		sqlite3_bind_int64(s->band_put, 1, band[i][0]);
		sqlite3_bind_int64(s->band_put, 2, band[i][1]);
		step(s, s->band_put);
		sqlite3_reset(s->band_put);
	}
	free(band);
	s->sigs |= n > 0;
}

/* The changed counts in the order of the table's B-tree (signed keys),
 * which is then written from left to right instead of a random page for
 * each line. */
void
sdb_save_counts(struct statedb *s, const struct counts *c)
{
	size_t i, k, n, neg;
	struct count_kv *v = counts_changed(c, &n);

	if (n)
		ready(s);
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
	ready(s);
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
	if (s->memory && s->db == NULL)
		return;		/* never made: nothing to commit */
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
	sqlite3_finalize(s->line_some);
	sqlite3_finalize(s->band_some);
	sqlite3_finalize(s->doc_get);
	sqlite3_close_v2(s->db);
	buf_free(&s->name);
	free(s->scratch);
	free(s);
}
