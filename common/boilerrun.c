/* boilerrun.c - one dedupe-boilerplate run: count, decide, spool, save */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boiler.h"
#include "boilerrun.h"
#include "counts.h"
#include "diag.h"
#include "docid.h"
#include "ndshard.h"
#include "neardup.h"
#include "spool.h"
#include "statedb.h"

struct boilerrun {
	struct br_settings set;
	struct br_sink sink;
	int streaming;		/* br_decide as articles come */
	struct normaliser *nm;
	struct rules rules;
	struct lineshape *ls;
	struct ls_model model;
	struct counts *counts;
	struct statedb *db;
	struct docids *ids;
	struct neardup nd;
	struct spool *spool;	/* the input between the two passes */
	struct forms forms;
	int counted, saved;	/* pass 1 is over; the state is saved */
	int warned_site;
	int fetch;		/* streaming: look up each article's lines */
	struct spool *batch;	/* fetch: the articles read, not decided */
	struct count_kv *want;	/* their keys to look up (some twice) */
	size_t nwant, capwant;
	struct bc_verdict *out;	/* scratch for one article */
	uint64_t *keys, *gkeys;
	struct { uint64_t key, gkey; } *fresh;	/* see count_forms() */
	size_t nfresh, capfresh;
	size_t cap;
	struct bc_stats st;
	struct ndsh_dups *dups;	/* the list of duplicates */
	uint64_t articles;	/* read so far (the order without a field) */
	struct buf sigline;	/* emit_sigs */
};

_Noreturn static void
spool_failed(void)
{
	die(EXIT_TROUBLE, "cannot buffer the input in %s: %s", spool_dir(),
	    strerror(errno ? errno : EIO));
}

struct boilerrun *
br_begin(const struct br_settings *s, const struct br_sink *sink)
{
	struct boilerrun *r = xcalloc(1, sizeof *r);
	size_t i;

	r->set = *s;
	r->sink = *sink;
	r->streaming = s->apply || s->ncounts;
	r->nm = norm_new();
	r->counts = counts_new();
	r->ids = docids_new();
	r->ls = ls_new();
	ls_model_builtin(&r->model);
	if (rules_load(&r->rules, NULL) < 0)
		die(EXIT_TROUBLE, "built-in rules are broken");
	for (i = 0; i < s->nrules; i++)
		if (rules_load(&r->rules, s->rules[i]) < 0)
			die(EXIT_TROUBLE, "%s: cannot use these rules", s->rules[i]);
	if (!s->emit) {
		r->db = sdb_open(s->state, !r->streaming, (int)s->wait_s);
		/* counts files sum with the whole state; else each run reads
		 * the stored counts of its own lines only */
		if (s->state && r->streaming && s->ncounts)
			sdb_load_counts(r->db, r->counts);
		r->fetch = s->state && r->streaming && !s->ncounts;
		r->nd.db = r->db;
		r->nd.similarity = s->similarity;
		r->nd.store = !r->streaming;
	}
	for (i = 0; i < s->ncounts; i++)
		if (counts_read_path(r->counts, s->counts[i]) < 0)
			die(EXIT_TROUBLE, "%s: cannot use these counts", s->counts[i]);
	if (s->dups)
		r->dups = ndsh_dups_read(s->dups);
	if (!r->streaming && !s->learn && !s->emit &&
	    (r->spool = spool_new()) == NULL)
		die(EXIT_TROUBLE, "cannot make a temporary file in %s: %s",
		    spool_dir(), strerror(errno));
	return r;
}

int
br_streaming(const struct boilerrun *r)
{
	return r->streaming;
}

static void
room(struct boilerrun *r, size_t n)
{
	if (n <= r->cap)
		return;
	r->cap = n;
	r->out = xrealloc(r->out, n * sizeof *r->out);
	r->keys = xrealloc(r->keys, n * sizeof *r->keys);
	r->gkeys = xrealloc(r->gkeys, n * sizeof *r->gkeys);
}

/* The normal forms of an article as read, and its identity. */
static uint64_t
read_article(struct boilerrun *r, const struct article *a)
{
	forms_make(&r->forms, r->nm, article_site(a, r->set.site_field,
	    &r->warned_site), a);
	docids_key_again(r->ids, a);
	return docid_of(a);
}

static void
fresh_add(struct boilerrun *r, uint64_t key, uint64_t gkey)
{
	if (r->nfresh == r->capfresh) {
		r->capfresh = r->capfresh ? 2 * r->capfresh : 1024;
		r->fresh = xrealloc(r->fresh, r->capfresh * sizeof *r->fresh);
	}
	r->fresh[r->nfresh].key = key;
	r->fresh[r->nfresh++].gkey = gkey;
}

/* After the state's counts are read: the lines this run counted first
 * that the state did not have count their sites for their forms. */
static void
count_forms(struct boilerrun *r)
{
	size_t i;

	for (i = 0; i < r->nfresh; i++)
		if (counts_loaded(r->counts, r->fresh[i].key) == 0)
			counts_add(r->counts, r->fresh[i].gkey, 1);
	free(r->fresh);
	r->fresh = NULL;
	r->nfresh = r->capfresh = 0;
}

/* An article's distinct lines each count once, unless the state or this
 * run counted the same document already; a line new to its site counts
 * its site for the form. */
static void
count_article(struct boilerrun *r, const struct article *a, uint64_t id)
{
	const struct br_settings *s = &r->set;
	size_t i, n;

	/* every line's stored count is read after this pass, once */
	if (s->state && !s->emit)
		for (i = 0; i < a->n; i++) {
			counts_touch(r->counts, r->forms.key[i]);
			counts_touch(r->counts, r->forms.gkey[i]);
		}
	if (!docids_first(r->ids, id, DOC_COUNTED))
		return;		/* counted in this run */
	if (!s->emit && sdb_doc_seen(r->db, id))
		return;		/* and in an earlier one */
	room(r, a->n);
	n = bc_distinct_keys(r->forms.key, r->forms.gkey, a->n, r->keys,
	    r->gkeys);
	for (i = 0; i < n && !s->emit; i++)
		counts_prefetch(r->counts, r->keys[i]);
	for (i = 0; i < n; i++) {
		if (s->emit) {
			char row[40];
			int l = snprintf(row, sizeof row, "%016" PRIx64 "%016"
			    PRIx64 "\t1", r->keys[i], r->gkeys[i]);

			r->sink.line(r->sink.arg, row, (size_t)l);
			continue;
		}
		/* a line new to its site counts the site for its form; with
		 * a state, whether it is new is known once the state's counts
		 * are read (count_forms()) */
		if (counts_get(r->counts, r->keys[i]) == 0) {
			if (s->state)
				fresh_add(r, r->keys[i], r->gkeys[i]);
			else
				counts_add(r->counts, r->gkeys[i], 1);
		}
		counts_add(r->counts, r->keys[i], 1);
	}
	if (!s->emit)
		sdb_doc_add(r->db, id);
}

void
br_count(struct boilerrun *r, const struct article *a)
{
	uint64_t id = read_article(r, a);

	count_article(r, a, id);
	if (r->spool && (art_spool(a, r->spool) < 0 ||
	    forms_spool(&r->forms, r->spool) < 0 ||
	    spool_write(r->spool, &id, sizeof id) < 0))
		spool_failed();
}

int
br_counted(struct boilerrun *r)
{
	if (r->set.state && !r->set.emit) {
		sdb_load_counts_of(r->db, r->counts);
		count_forms(r);
	}
	r->counted = 1;
	if (r->spool && spool_rewind(r->spool) < 0)
		spool_failed();
	return r->spool != NULL;
}

/* The article's order: field order_field of its first record (a key
 * field holding a number), or its position in the input. */
static uint64_t
article_order(struct boilerrun *r, const struct article *a)
{
	const struct art_rec *rec = &a->r[0];
	const char *s = a->data.p + rec->off, *end = a->data.p + rec->toff;
	long want = r->set.order_field, f;
	uint64_t v = 0;
	int digits = 0;

	if (a->part == 0)
		r->articles++;
	if (want == 0)
		return r->articles;
	for (f = 1; f < want && s < end; s++)
		if (*s == '\t')
			f++;
	for (; s < end && *s != '\t'; s++, digits++)
		if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9) / 10)
			break;
		else
			v = v * 10 + (uint64_t)(*s - '0');
	if (f < want || (s < end && *s != '\t') || digits == 0)
		die(EXIT_TROUBLE, "%s:%lu: field %ld (--order-field) is no key "
		    "field holding a number: articles cannot be put in order",
		    rec->file, rec->lineno, want);
	return v;
}

/* Is the article a near duplicate (the original's name to dupof)? With
 * a list of duplicates, when the list says so; with emit_sigs, its
 * signature line goes to the sink instead, and it is none. */
static int
near_dup(struct boilerrun *r, const struct article *a, uint64_t id,
    char *dupof, size_t cap)
{
	struct doc_ref self = { id, a->key.p, a->key.len, 0 };
	struct docsig sig;
	struct minhash old;
	const char *orig;
	int has_old;

	if (r->dups) {
		if ((orig = ndsh_dup_of(r->dups, article_order(r, a), a->part)))
			snprintf(dupof, cap, "%s", orig);
		return orig != NULL;
	}
	if (r->set.emit_sigs) {
		uint64_t order = article_order(r, a);

		if (nd_sign(&r->nd, a, &r->forms, r->out, &sig, &old,
		    &has_old)) {
			r->sigline.len = 0;
			ndsh_sig_line(&r->sigline, order, a->part, id, &sig,
			    a->key.p, a->key.len);
			r->sink.line(r->sink.arg, r->sigline.p,
			    r->sigline.len);
		}
		return 0;
	}
	return nd_check(&r->nd, a, &r->forms, r->out, &self,
	    docids_first(r->ids, id, DOC_DECIDED), dupof, cap);
}

/* Label the records, then hand them to the sink. */
static void
decide_article(struct boilerrun *r, const struct article *a, uint64_t id)
{
	const struct br_settings *s = &r->set;
	struct ls_result lines;
	/* the counts hold this document unless apply reads a state that
	 * never counted it */
	struct bc_config c = { &r->rules, r->counts, (uint32_t)s->min_docs,
	    !(s->apply && !s->ncounts && !sdb_doc_seen(r->db, id)), r->ls,
	    s->features ? NULL : &r->model, s->features ? &lines : NULL };
	char dupof[512] = "", label[600];
	size_t i;

	room(r, a->n);
	bc_classify(&c, a, r->forms.key, r->forms.gkey, r->out);
	if (s->features) {
		r->sink.features(r->sink.arg, a, &lines);
		return;
	}
	if (near_dup(r, a, id, dupof, sizeof dupof))
		for (i = 0; i < a->n; i++)
			r->out[i].label = BC_DUP;
	bc_stats_add(&r->st, r->out, a->n);
	if (s->emit_sigs)
		return;
	for (i = 0; i < a->n; i++)
		if (s->mark)
			r->sink.record(r->sink.arg, a, i, label,
			    bc_label_text(&r->out[i], dupof, label,
			    sizeof label));
		else if (r->out[i].label == BC_BODY)
			r->sink.record(r->sink.arg, a, i, NULL, 0);
}

/* Label the articles of spool sp, in order. */
static void
decide_spool(struct boilerrun *r, struct spool *sp)
{
	struct article a;
	uint64_t id;
	int rc;

	memset(&a, 0, sizeof a);
	while ((rc = art_unspool(&a, sp)) > 0) {
		if (forms_unspool(&r->forms, a.n, sp) < 0 ||
		    spool_read(sp, &id, sizeof id) != 1)
			spool_failed();
		decide_article(r, &a, id);
	}
	if (rc < 0)
		spool_failed();
	art_release(&a);
}

/* Streaming with a state, the stored counts of many articles' lines are
 * looked up at once, sorted: the look-ups then walk the state's B-tree
 * in order and read each page of it once a batch, where an article's
 * look-ups alone land on a page of their own each (read again and
 * again from the file once the state outgrows SQLite's page cache). The
 * articles wait in a spool meanwhile; those of about BATCH_KEYS keys
 * not yet counted make a batch. */
#define BATCH_KEYS 32768

static void
want_add(struct boilerrun *r, const uint64_t *keys, size_t n)
{
	size_t i;

	if (r->nwant + n > r->capwant) {	/* BATCH_KEYS and an article */
		r->capwant = r->nwant + n + (r->nwant + n) / 4 + 1024;
		r->want = xrealloc(r->want, r->capwant * sizeof *r->want);
	}
	for (i = 0; i < n; i++)	/* their misses at once */
		counts_prefetch(r->counts, keys[i]);
	for (i = 0; i < n; i++)
		if (keys[i] && !counts_has(r->counts, keys[i]))
			r->want[r->nwant++].key = keys[i];
}

/* The articles of the batch, their counts looked up, decided. */
static void
batch_decide(struct boilerrun *r)
{
	if (r->batch == NULL)
		return;
	sdb_fetch_new(r->db, r->counts, r->want, r->nwant);
	r->nwant = 0;
	if (spool_rewind(r->batch) < 0)
		spool_failed();
	decide_spool(r, r->batch);
	spool_free(r->batch);
	r->batch = NULL;
}

void
br_decide(struct boilerrun *r, const struct article *a)
{
	uint64_t id = read_article(r, a);

	if (r->fetch && !r->set.prompt && r->batch == NULL &&
	    (r->batch = spool_new()) == NULL)
		r->set.prompt = 1;	/* no spool: article by article */
	if (r->batch) {
		want_add(r, r->forms.key, a->n);
		want_add(r, r->forms.gkey, a->n);
		if (art_spool(a, r->batch) < 0 ||
		    forms_spool(&r->forms, r->batch) < 0 ||
		    spool_write(r->batch, &id, sizeof id) < 0)
			spool_failed();
		if (r->nwant >= BATCH_KEYS)
			batch_decide(r);
		return;
	}
	if (r->fetch) {
		sdb_fetch_counts(r->db, r->counts, r->forms.key, a->n);
		sdb_fetch_counts(r->db, r->counts, r->forms.gkey, a->n);
	}
	decide_article(r, a, id);
}

void
br_decided(struct boilerrun *r)
{
	batch_decide(r);
}

void
br_decide_spooled(struct boilerrun *r)
{
	if (r->spool)
		decide_spool(r, r->spool);
}

void
br_save(struct boilerrun *r)
{
	if (!r->nd.store || !r->counted || r->saved)
		return;
	r->saved = 1;
	if (r->set.state == NULL)	/* nothing outlives the run */
		return;
	nd_save(&r->nd);
	sdb_save_counts(r->db, r->counts);
	sdb_prune(r->db, r->set.prune_after, (uint32_t)r->set.min_docs);
	sdb_commit(r->db);
}

const struct bc_stats *
br_stats(const struct boilerrun *r)
{
	return &r->st;
}

void
br_end(struct boilerrun *r)
{
	if (r == NULL)
		return;
	sdb_close(r->db);
	spool_free(r->spool);
	norm_free(r->nm);
	rules_free(&r->rules);
	ls_free(r->ls);
	ls_model_free(&r->model);
	counts_free(r->counts);
	docids_free(r->ids);
	nd_free(&r->nd);
	forms_free(&r->forms);
	buf_free(&r->sigline);
	ndsh_dups_free(r->dups);
	free(r->out);
	free(r->keys);
	free(r->gkeys);
	free(r->fresh);
	spool_free(r->batch);
	free(r->want);
	free(r);
}
