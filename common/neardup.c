/* neardup.c - near-duplicate articles by MinHash and their numbers
 *
 * The articles a run keeps are held in memory: their signatures (about
 * 700 bytes each, and the name) and hash tables of the buckets they are
 * in (16 to 32 bytes a bucket; 32 more for one that holds more than one
 * article), written to the state at the end (nd_save). The state's own
 * buckets are read from it as they are needed. */
#include "neardup.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "minhash.h"
#include "simplify.h"
#include "utf8.h"

struct nd_kept {
	struct docsig sig;
	uint64_t doc;		/* identity */
	size_t name, n;		/* the name, in names */
};

/* A bucket holds the first SDB_BUCKET kept articles that fell in it:
 * most hold one, kept in the slot; more are in a chunk of ids. */
struct nd_bucket {
	uint64_t key;		/* 0: an empty slot */
	uint32_t n;
	uint32_t v;		/* the id when n is 1, else the chunk */
};

/* Band keys have the top bit clear; 0 marks an empty slot. */
#define SLOT_KEY(k) ((k) | 0x8000000000000000ULL)

static struct nd_bucket *
bucket(struct neardup *nd, uint64_t key, int add)
{
	struct nd_table *t;
	size_t i, mask;

	key = SLOT_KEY(key);
	t = &nd->tabs[(key >> 59) & (ND_SHARDS - 1)];
	if (add && 10 * (t->used + 1) > 7 * t->size) {
		struct nd_bucket *old = t->tab;
		size_t j, oldsize = t->size;

		t->size = oldsize ? 2 * oldsize : 256;
		t->tab = xcalloc(t->size, sizeof *t->tab);
		mask = t->size - 1;
		for (j = 0; j < oldsize; j++)
			if (old[j].key) {
				for (i = old[j].key & mask; t->tab[i].key;
				    i = (i + 1) & mask)
					;
				t->tab[i] = old[j];
			}
		free(old);
	}
	if (t->size == 0)
		return NULL;
	mask = t->size - 1;
	for (i = key & mask; t->tab[i].key; i = (i + 1) & mask)
		if (t->tab[i].key == key)
			return &t->tab[i];
	if (!add)
		return NULL;
	t->tab[i].key = key;
	t->tab[i].n = 0;
	t->used++;
	return &t->tab[i];
}

/* The ids of a bucket. */
static const uint32_t *
bucket_ids(const struct neardup *nd, const struct nd_bucket *bk)
{
	return bk->n == 1 ? &bk->v : nd->chunks + (size_t)bk->v * SDB_BUCKET;
}

static void
bucket_add(struct neardup *nd, struct nd_bucket *bk, uint32_t id)
{
	uint32_t *c;

	if (bk->n == 0) {
		bk->v = id;
		bk->n = 1;
		return;
	}
	if (bk->n == 1) {
		if (nd->nchunks == nd->capchunks) {
			nd->capchunks = nd->capchunks ? 2 * nd->capchunks : 64;
			nd->chunks = xrealloc(nd->chunks, nd->capchunks *
			    SDB_BUCKET * sizeof *nd->chunks);
		}
		c = nd->chunks + nd->nchunks * SDB_BUCKET;
		c[0] = bk->v;
		bk->v = (uint32_t)nd->nchunks++;
	}
	nd->chunks[(size_t)bk->v * SDB_BUCKET + bk->n++] = id;
}

static void
keys_of(const struct docsig *sig, uint64_t *keys)
{
	int b;

	for (b = 0; b < MH_BANDS; b++)
		keys[b] = ds_band(sig, b);
	keys[MH_BANDS] = ds_key(sig);
}

/* Was candidate id compared already in this decision? If not, it is
 * now. Ids of the state and of the run are told apart by the caller. */
static int
tried(struct neardup *nd, int64_t id)
{
	size_t i;

	for (i = 0; i < nd->ntried; i++)
		if (nd->tried[i] == id)
			return 1;
	nd->tried[nd->ntried++] = id;
	return 0;
}

/* Is the stored row document skip's? By its identity, or, for a row of
 * format 1 (no identity), by its name. */
static int
is_self(const struct sdb_row *row, struct doc_ref *skip)
{
	int self;

	if (skip == NULL)
		return 0;
	if (row->has_doc)
		self = row->doc == skip->id;
	else
		self = row->n == skip->n &&
		    (skip->n == 0 || memcmp(row->name, skip->name, skip->n) == 0);
	skip->met |= self;
	return self;
}

int
nd_sign(struct neardup *nd, const struct article *a, const struct forms *f,
    const struct bc_verdict *v, struct docsig *sig, struct minhash *old,
    int *has_old)
{
	size_t i, off = 0, tlen;
	const char *t;

	*has_old = 0;
	ds_begin(&nd->sb);
	for (i = 0; i < a->n; i++)
		if (v[i].label == BC_BODY) {
			t = art_text(a, i, &tlen);
			if (nd->simp == NULL)
				nd->simp = simp_new();
			/* the key's one pass found nothing to convert */
			if (!f->plain[i])
				t = simp_line(nd->simp, t, tlen, &tlen);
			ds_add(&nd->sb, t, tlen);
		}
	if (!ds_end(&nd->sb, sig))
		return 0;
	if (nd->db && sdb_folded(nd->db)) {
		nd->folded.len = 0;
		for (i = 0; i < a->n; off += f->flen[i++])
			if (v[i].label == BC_BODY)
				buf_add(&nd->folded, f->folded.p + off, f->flen[i]);
		*has_old = utf8_count(nd->folded.p, nd->folded.len) >=
		    DS_MIN_CHARS && mh_sign(nd->folded.p, nd->folded.len, old);
	}
	return 1;
}

/* The earliest alike article of the state: its name to dupof, 1; or 0.
 * nstate[k] is set to the number of the state's articles in bucket k. */
static int
in_state(struct neardup *nd, const struct docsig *sig,
    const struct minhash *old, const uint64_t *keys, struct doc_ref *skip,
    size_t *nstate, char *dupof, size_t cap)
{
	int64_t ids[ND_KEYS + MH_BANDS][SDB_BUCKET], best = INT64_MAX;
	uint64_t bk[ND_KEYS + MH_BANDS];
	size_t nids[ND_KEYS + MH_BANDS];
	struct sdb_row row;
	int k, nk = old ? ND_KEYS + MH_BANDS : ND_KEYS;
	size_t j, n;

	_Static_assert(ND_KEYS + MH_BANDS <= SDB_KEYS, "SDB_KEYS is short");
	for (k = 0; k < nk; k++)
		bk[k] = k < ND_KEYS ? keys[k] : mh_band(old, k - ND_KEYS);
	sdb_buckets(nd->db, bk, (size_t)nk, ids, nids);
	for (k = 0; k < nk; k++) {
		n = nids[k];
		if (k < ND_KEYS)
			nstate[k] = n;
		for (j = 0; j < n && ids[k][j] < best; j++) {
			int alike;

			if (tried(nd, ids[k][j]) ||
			    !sdb_row(nd->db, ids[k][j], &row) ||
			    is_self(&row, skip))
				continue;
			alike = row.form == DS_FORM_DIGITS ?
			    ds_alike(sig, &row.sig, nd->similarity) :
			    old && mh_similarity(old, &row.sig.m) >= nd->similarity;
			if (alike) {
				best = ids[k][j];
				snprintf(dupof, cap, "%s", row.name);
			}
		}
	}
	return best != INT64_MAX;
}

/* The earliest alike article the run kept: its name to dupof, 1; or 0. */
static int
in_run(struct neardup *nd, const struct docsig *sig, const uint64_t *keys,
    struct doc_ref *skip, char *dupof, size_t cap)
{
	uint32_t best = UINT32_MAX;
	const struct nd_bucket *bk;
	const struct nd_kept *o;
	const uint32_t *id;
	int k;
	uint32_t j;

	nd->ntried = 0;
	for (k = 0; k < ND_KEYS; k++) {
		if ((bk = bucket(nd, keys[k], 0)) == NULL)
			continue;
		id = bucket_ids(nd, bk);
		for (j = 0; j < bk->n && id[j] < best; j++) {
			if (tried(nd, id[j]))
				continue;
			if (skip && nd->kept[id[j]].doc == skip->id) {
				skip->met = 1;
				continue;
			}
			if (ds_alike(sig, &nd->kept[id[j]].sig, nd->similarity))
				best = id[j];
		}
	}
	if (best == UINT32_MAX)
		return 0;
	o = &nd->kept[best];
	snprintf(dupof, cap, "%.*s", (int)o->n, nd->names.p + o->name);
	return 1;
}

static void
keep(struct neardup *nd, const struct docsig *sig, const struct doc_ref *self,
    const uint64_t *keys, const size_t *nstate)
{
	struct nd_kept *o;
	struct nd_bucket *bk;
	int k;

	if (nd->nkept == nd->capkept) {
		nd->capkept = nd->capkept ? 2 * nd->capkept : 256;
		nd->kept = xrealloc(nd->kept, nd->capkept * sizeof *nd->kept);
	}
	o = &nd->kept[nd->nkept];
	o->sig = *sig;
	o->doc = self->id;
	o->name = nd->names.len;
	o->n = self->n;
	buf_add(&nd->names, self->name, self->n);
	for (k = 0; k < ND_KEYS; k++) {
		bk = bucket(nd, keys[k], 1);
		if (nstate[k] + bk->n < SDB_BUCKET)
			bucket_add(nd, bk, (uint32_t)nd->nkept);
	}
	nd->nkept++;
}

int
nd_decide(struct neardup *nd, const struct docsig *sig,
    const struct minhash *old, struct doc_ref *self, int first, char *dupof,
    size_t cap)
{
	uint64_t keys[ND_KEYS];
	size_t nstate[ND_KEYS] = { 0 };

	if (nd->tried == NULL)
		nd->tried = xmalloc((ND_KEYS + MH_BANDS) * SDB_BUCKET *
		    sizeof *nd->tried);
	keys_of(sig, keys);
	nd->ntried = 0;
	if (sdb_signatures(nd->db) && in_state(nd, sig, old, keys,
	    first ? self : NULL, nstate, dupof, cap))
		return 1;
	if (in_run(nd, sig, keys, first ? self : NULL, dupof, cap))
		return 1;
	if (nd->store && first && !self->met && !sdb_stored(nd->db, self->id)) {
		if (nd->nkept >= UINT32_MAX)
			die(EXIT_TROUBLE, "more than %lu articles kept in one run",
			    (unsigned long)UINT32_MAX);
		keep(nd, sig, self, keys, nstate);
	}
	return 0;
}

int
nd_check(struct neardup *nd, const struct article *a, const struct forms *f,
    const struct bc_verdict *v, struct doc_ref *self, int first, char *dupof,
    size_t cap)
{
	struct docsig sig;
	struct minhash old;
	int has_old;

	if (!nd_sign(nd, a, f, v, &sig, &old, &has_old))
		return 0;
	return nd_decide(nd, &sig, has_old ? &old : NULL, self, first, dupof,
	    cap);
}

/* The i-th kept article, with the buckets it is in. */
static void
kept_row(void *arg, size_t i, struct sdb_new *out)
{
	struct neardup *nd = arg;
	uint64_t *in = nd->savekeys;
	const struct nd_kept *o = &nd->kept[i];
	uint64_t keys[ND_KEYS];
	const struct nd_bucket *bk;
	uint32_t j;
	int k;

	keys_of(&o->sig, keys);
	out->nkeys = 0;
	for (k = 0; k < ND_KEYS; k++)
		if ((bk = bucket(nd, keys[k], 0)) != NULL)
			for (j = 0; j < bk->n; j++)
				if (bucket_ids(nd, bk)[j] == i) {
					in[out->nkeys++] = keys[k];
					break;
				}
	out->doc = o->doc;
	out->name = nd->names.p + o->name;
	out->n = o->n;
	out->sig = &o->sig;
	out->keys = in;
}

void
nd_save(struct neardup *nd)
{
	if (nd->db == NULL || sdb_memory(nd->db) || !nd->store)
		return;
	sdb_add_signatures(nd->db, nd->nkept, kept_row, nd);
	nd->store = 0;		/* saved once: keep no more */
}

void
nd_free(struct neardup *nd)
{
	size_t k;

	ds_builder_free(&nd->sb);
	simp_free(nd->simp);
	buf_free(&nd->folded);
	buf_free(&nd->names);
	free(nd->kept);
	for (k = 0; k < ND_SHARDS; k++)
		free(nd->tabs[k].tab);
	free(nd->chunks);
	free(nd->tried);
}
