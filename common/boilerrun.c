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
#include "parmap.h"
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
	/* labelling on threads (threads > 0; not for features) */
	struct parmap *pm;
	struct labeller *w;
	struct batch *batches;
	size_t nbatches, used;	/* of them, used so far */
	struct batch **free;	/* handed on, to fill again */
	size_t nfree;
	struct batch *filling;	/* the next to hand to a thread */
	size_t inflight;	/* bytes of the articles in flight */
	unsigned char *warned;	/* the rules whose giving up was said */
};

/* Labelling on threads: an article on its way, and what was found of
 * it; a batch of them, which a thread labels at once */
struct slot {
	struct article a;
	struct forms forms;
	uint64_t id, order, site;
	uint32_t self;		/* the counts hold the article (0, 1) */
	struct bc_verdict *out;
	uint32_t *df, *xs;	/* its keys' counts, looked up (fixed) */
	int fixed;
	size_t cap;
	struct gave { size_t rule, len; } *gave;	/* rules that gave up */
	size_t ngave, capgave;
};

struct batch {
	struct slot *s;
	size_t n, cap;
	int forms;		/* to make the forms of (pass 1), not label */
	size_t bytes;		/* of its articles, as art_max_bytes counts */
};

/* A thread's own rules (they record which gave up) and scratch */
struct labeller {
	struct boilerrun *r;
	struct rules rules;
	struct lineshape *ls;
	struct normaliser *nm;
	struct slot *slot;	/* the article labelled now */
};

static int threaded(const struct boilerrun *r);
static struct slot *pool_slot(struct boilerrun *r, int forms);
static void pool_filled(struct boilerrun *r, struct slot *s, size_t n,
    int looked_up);
static void pool_drain(struct boilerrun *r);
static void batch_add(struct boilerrun *r, const struct article *a,
    const struct forms *f, uint64_t id);

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
read_article(struct boilerrun *r, const struct article *a, struct forms *f)
{
	forms_make(f, r->nm, article_site(a, r->set.site_field,
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
count_article(struct boilerrun *r, const struct article *a,
    const struct forms *f, uint64_t id)
{
	const struct br_settings *s = &r->set;
	size_t i, n;
	int stored;

	/* every line's stored count is read after this pass, once */
	if (s->state && !s->emit)
		for (i = 0; i < a->n; i++) {
			counts_touch(r->counts, f->key[i]);
			counts_touch(r->counts, f->gkey[i]);
		}
	if (!docids_first(r->ids, id, DOC_COUNTED))
		return;		/* counted in this run */
	/* a state in memory holds only the documents counted in this run,
	 * which docids_first() knows: it is not asked, nor told */
	stored = !s->emit && !sdb_memory(r->db);
	if (stored && sdb_doc_seen(r->db, id))
		return;		/* and in an earlier one */
	room(r, a->n);
	n = bc_distinct_keys(f->key, f->gkey, a->n, r->keys,
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
	if (stored)
		sdb_doc_add(r->db, id);
}

/* Count article a of forms f and identity id, and keep it for pass 2. */
/* A slot for article a, whose forms a thread is to make: the article
 * copied, its site found and its key checked here, so that their
 * warnings come in input order. */
static struct slot *
forms_slot(struct boilerrun *r, const struct article *a)
{
	struct slot *t = pool_slot(r, 1);

	art_copy(&t->a, a);
	t->site = article_site(a, r->set.site_field, &r->warned_site);
	docids_key_again(r->ids, a);
	return t;
}

static void
count_made(struct boilerrun *r, const struct article *a,
    const struct forms *f, uint64_t id)
{
	count_article(r, a, f, id);
	if (r->spool && (art_spool(a, r->spool) < 0 ||
	    forms_spool(f, r->spool) < 0 ||
	    spool_write(r->spool, &id, sizeof id) < 0))
		spool_failed();
}

void
br_count(struct boilerrun *r, const struct article *a)
{
	uint64_t id;

	if (threaded(r)) {	/* the forms made on a thread: count_made() */
		pool_filled(r, forms_slot(r, a), a->n, 0);
		return;
	}
	id = read_article(r, a, &r->forms);
	count_made(r, a, &r->forms, id);
}

int
br_counted(struct boilerrun *r)
{
	pool_drain(r);
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
    uint64_t order, const struct forms *f, const struct bc_verdict *out,
    char *dupof, size_t cap)
{
	struct doc_ref self = { id, a->key.p, a->key.len, 0 };
	struct docsig sig;
	struct minhash old;
	const char *orig;
	int has_old;

	if (r->dups) {
		if ((orig = ndsh_dup_of(r->dups, order, a->part)))
			snprintf(dupof, cap, "%s", orig);
		return orig != NULL;
	}
	if (r->set.emit_sigs) {
		if (nd_sign(&r->nd, a, f, out, &sig, &old,
		    &has_old)) {
			r->sigline.len = 0;
			ndsh_sig_line(&r->sigline, order, a->part, id, &sig,
			    a->key.p, a->key.len);
			r->sink.line(r->sink.arg, r->sigline.p,
			    r->sigline.len);
		}
		return 0;
	}
	return nd_check(&r->nd, a, f, out, &self,
	    docids_first(r->ids, id, DOC_DECIDED), dupof, cap);
}

/* Label the records of a (the counts hold it self times) into out;
 * c->lines are the line model's numbers with features. */
static void
classify(struct boilerrun *r, struct rules *rules, struct lineshape *ls,
    const struct article *a, const struct forms *f, uint32_t self,
    struct ls_result *lines, struct bc_verdict *out)
{
	struct bc_config c = { rules, r->counts, (uint32_t)r->set.min_docs,
	    self, ls, lines ? NULL : &r->model, lines, NULL, NULL };

	bc_classify(&c, a, f->key, f->gkey, out);
}

/* Hand the labelled records of a to the sink, the near duplicates
 * found. */
static void
deliver(struct boilerrun *r, const struct article *a, uint64_t id,
    uint64_t order, const struct forms *f, struct bc_verdict *out)
{
	char dupof[512] = "", label[600];
	size_t i;

	if (near_dup(r, a, id, order, f, out, dupof, sizeof dupof))
		for (i = 0; i < a->n; i++)
			out[i].label = BC_DUP;
	bc_stats_add(&r->st, out, a->n);
	if (r->set.emit_sigs)
		return;
	for (i = 0; i < a->n; i++)
		if (r->set.mark)
			r->sink.record(r->sink.arg, a, i, label,
			    bc_label_text(&out[i], dupof, label, sizeof label));
		else if (out[i].label == BC_BODY)
			r->sink.record(r->sink.arg, a, i, NULL, 0);
}

/* Does the run's counts hold the document? Unless apply reads a state
 * that never counted it. */
static uint32_t
self_of(struct boilerrun *r, uint64_t id)
{
	return !(r->set.apply && !r->set.ncounts && !sdb_doc_seen(r->db, id));
}

/* Label the records, then hand them to the sink. */
static void
decide_article(struct boilerrun *r, const struct article *a, uint64_t id,
    uint64_t order)
{
	const struct br_settings *s = &r->set;
	struct ls_result lines;
	uint32_t self = self_of(r, id);

	room(r, a->n);
	classify(r, &r->rules, r->ls, a, &r->forms, self,
	    s->features ? &lines : NULL, r->out);
	if (s->features)
		r->sink.features(r->sink.arg, a, &lines);
	else
		deliver(r, a, id, order, &r->forms, r->out);
}

/* Rule k gave up on a line of n bytes of the labeller's article. */
static void
slot_gaveup(void *arg, size_t k, size_t n)
{
	struct slot *s = ((struct labeller *)arg)->slot;

	if (s->ngave == s->capgave) {
		s->capgave = s->capgave ? 2 * s->capgave : 4;
		s->gave = xrealloc(s->gave, s->capgave * sizeof *s->gave);
	}
	s->gave[s->ngave].rule = k;
	s->gave[s->ngave++].len = n;
}

/* A thread's work: make the forms of a batch's articles, or label
 * their records. */
static void
label_batch(void *ctx, void *item)
{
	struct labeller *w = ctx;
	struct batch *b = item;
	size_t i;

	for (i = 0; i < b->n && b->forms; i++) {
		forms_make(&b->s[i].forms, w->nm, b->s[i].site, &b->s[i].a);
		b->s[i].id = docid_of(&b->s[i].a);
	}
	for (i = 0; i < b->n && !b->forms; i++) {
		struct slot *s = &b->s[i];
		struct bc_config c = { &w->rules, w->r->counts,
		    (uint32_t)w->r->set.min_docs, s->self, w->ls, &w->r->model,
		    NULL, s->fixed ? s->df : NULL, s->fixed ? s->xs : NULL };

		w->slot = s;
		s->ngave = 0;
		bc_classify(&c, &s->a, s->forms.key, s->forms.gkey, s->out);
	}
}

/* Start the threads: each with rules and scratch of its own. */
static void
pool_start(struct boilerrun *r)
{
	size_t t, n = (size_t)r->set.threads;
	void **ctx = xcalloc(n, sizeof *ctx);

	r->nbatches = 4 * n;
	r->batches = xcalloc(r->nbatches, sizeof *r->batches);
	r->free = xcalloc(r->nbatches, sizeof *r->free);
	r->w = xcalloc(n, sizeof *r->w);
	r->warned = xcalloc(r->rules.n + 1, 1);
	for (t = 0; t < n; t++) {
		r->w[t].r = r;
		rules_copy(&r->w[t].rules, &r->rules);
		r->w[t].rules.on_gaveup = slot_gaveup;
		r->w[t].rules.gaveup_arg = &r->w[t];
		r->w[t].ls = ls_new();
		r->w[t].nm = norm_new();
		ctx[t] = &r->w[t];
	}
	r->pm = pm_new(n, r->nbatches, label_batch, ctx);
	free(ctx);
}

/* The bytes of articles in flight while more are read: beyond them,
 * the oldest batch is handed on first (one batch, even a longer one, is
 * always let through), so that memory stays within what --max-article
 * bounds; and the bytes and articles that close a batch. */
#define INFLIGHT_MAX (art_max_bytes / 2 < (16u << 20) ? art_max_bytes / 2 : 16u << 20)
#define BATCH_BYTES (64u << 10)
#define BATCH_ARTICLES 64

/* Hand on the oldest batch in flight, saying first of each rule that
 * gave up where it did so first (a thread's rules report a rule's
 * first giving up on the articles that thread had, which come in
 * order, so the first in the input is among those reported); the batch
 * is free again, without the room a long article took. */
static void
pool_done_one(struct boilerrun *r)
{
	struct batch *b = pm_get(r->pm);
	size_t i, g;

	r->inflight -= b->bytes;
	for (i = 0; i < b->n; i++) {
		struct slot *s = &b->s[i];

		if (b->forms) {
			if (r->streaming)
				batch_add(r, &s->a, &s->forms, s->id);
			else
				count_made(r, &s->a, &s->forms, s->id);
			goto release;
		}
		for (g = 0; g < s->ngave; g++)
			if (!r->warned[s->gave[g].rule]) {
				r->warned[s->gave[g].rule] = 1;
				rules_say_gaveup(&r->rules, s->gave[g].rule,
				    s->gave[g].len);
			}
		deliver(r, &s->a, s->id, s->order, &s->forms, s->out);
release:
		if (s->a.data.cap > BATCH_BYTES) {
			art_release(&s->a);
			forms_free(&s->forms);
			memset(&s->forms, 0, sizeof s->forms);
		}
	}
	b->n = b->bytes = 0;
	r->free[r->nfree++] = b;
}

/* Label the batch being filled on a thread; while the articles in
 * flight are over INFLIGHT_MAX bytes, hand on the oldest. */
static void
pool_put(struct boilerrun *r)
{
	struct batch *b = r->filling;

	r->filling = NULL;
	if (b == NULL || b->n == 0) {
		if (b)
			r->free[r->nfree++] = b;
		return;
	}
	r->inflight += b->bytes;
	pm_put(r->pm, b);
	while (r->inflight > INFLIGHT_MAX && r->inflight > b->bytes)
		pool_done_one(r);
}

/* An article's place in the batch being filled: a batch handed on, one
 * never used, or the oldest in flight once it is handed on. */
static struct slot *
pool_slot(struct boilerrun *r, int forms)
{
	struct batch *b = r->filling;

	if (r->pm == NULL)
		pool_start(r);
	if (b && b->forms != forms) {	/* from pass 1 to pass 2 */
		pool_put(r);
		b = NULL;
	}
	if (b == NULL) {
		if (r->nfree == 0 && r->used < r->nbatches)
			b = &r->batches[r->used++];
		else {
			if (r->nfree == 0)
				pool_done_one(r);
			b = r->free[--r->nfree];
		}
		r->filling = b;
		b->forms = forms;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 8;
		b->s = xrealloc(b->s, b->cap * sizeof *b->s);
		memset(b->s + b->n, 0, (b->cap - b->n) * sizeof *b->s);
	}
	return &b->s[b->n];
}

/* The slot pool_slot() gave holds an article (of n records): it joins
 * the batch, which is handed on once it is big enough. With looked_up,
 * its counts are looked up now, as the counts change while it waits. */
static void
pool_filled(struct boilerrun *r, struct slot *s, size_t n, int looked_up)
{
	struct batch *b = r->filling;
	size_t i;

	if (n > s->cap) {
		s->cap = n;
		s->out = xrealloc(s->out, n * sizeof *s->out);
		if (r->fetch) {
			s->df = xrealloc(s->df, n * sizeof *s->df);
			s->xs = xrealloc(s->xs, n * sizeof *s->xs);
		}
	}
	s->fixed = looked_up;
	for (i = 0; i < n && looked_up; i++) {
		uint64_t k = s->forms.key[i], g = s->forms.gkey[i];

		s->df[i] = k ? counts_get(r->counts, k) : 0;
		s->xs[i] = g ? counts_get(r->counts, g) : 0;
	}
	b->n++;
	b->bytes += s->a.data.len + n * ART_REC_COST;
	if (b->bytes >= BATCH_BYTES || b->n >= BATCH_ARTICLES)
		pool_put(r);
}

/* Hand on every article read, in order. */
static void
pool_drain(struct boilerrun *r)
{
	if (r->pm == NULL)
		return;
	pool_put(r);
	while (r->used > r->nfree)
		pool_done_one(r);
}

static void
pool_end(struct boilerrun *r)
{
	size_t t, i;

	if (r->pm == NULL)
		return;
	pm_free(r->pm);
	r->pm = NULL;
	for (t = 0; t < r->used; t++) {
		struct batch *b = &r->batches[t];

		for (i = 0; i < b->cap; i++) {
			art_release(&b->s[i].a);
			forms_free(&b->s[i].forms);
			free(b->s[i].out);
			free(b->s[i].df);
			free(b->s[i].xs);
			free(b->s[i].gave);
		}
		free(b->s);
	}
	for (t = 0; t < (size_t)r->set.threads; t++) {
		rules_free(&r->w[t].rules);
		ls_free(r->w[t].ls);
		norm_free(r->w[t].nm);
	}
	free(r->batches);
	free(r->free);
	free(r->w);
}

/* Is labelling done on threads? */
static int
threaded(const struct boilerrun *r)
{
	return r->set.threads > 0 && !r->set.features;
}

/* Label the articles of spool sp, in order, on threads or on this one;
 * the counts do not change meanwhile. With behind, each article's
 * counts are looked up as it is handed on, and the last articles may
 * still be on the threads when it returns (pool_drain()): the counts may
 * change then. */
static void
decide_spool(struct boilerrun *r, struct spool *sp, int behind)
{
	struct article a;
	uint64_t id;
	int rc;

	if (threaded(r)) {
		struct slot *t;

		for (;;) {
			t = pool_slot(r, 0);
			if ((rc = art_unspool(&t->a, sp)) <= 0)
				break;
			if (forms_unspool(&t->forms, t->a.n, sp) < 0 ||
			    spool_read(sp, &t->id, sizeof t->id) != 1)
				spool_failed();
			t->self = self_of(r, t->id);
			t->order = 0;
			pool_filled(r, t, t->a.n, behind);
		}
		if (rc < 0)
			spool_failed();
		if (!behind)
			pool_drain(r);
		return;
	}
	memset(&a, 0, sizeof a);
	while ((rc = art_unspool(&a, sp)) > 0) {
		if (forms_unspool(&r->forms, a.n, sp) < 0 ||
		    spool_read(sp, &id, sizeof id) != 1)
			spool_failed();
		decide_article(r, &a, id, 0);
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
/* The counts looked up are kept, so that the lines every page of a site
 * has are looked up once; past this many keys they are forgotten (after
 * a batch, or an article, is decided), so that memory stays bounded
 * however long the input: about 32 bytes a key. */
#define FETCHED_MAX (2 * BATCH_KEYS)

static void
fetched_bound(struct boilerrun *r)
{
	if (counts_size(r->counts) > FETCHED_MAX)
		counts_clear(r->counts);
}

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

/* Article a of forms f and identity id joins the batch, its keys to be
 * looked up with the batch's. */
static void
batch_add(struct boilerrun *r, const struct article *a,
    const struct forms *f, uint64_t id)
{
	want_add(r, f->key, a->n);
	want_add(r, f->gkey, a->n);
	if (art_spool(a, r->batch) < 0 || forms_spool(f, r->batch) < 0 ||
	    spool_write(r->batch, &id, sizeof id) < 0)
		spool_failed();
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
	/* the threads label the batch while the next is read, with the
	 * counts it looked up */
	decide_spool(r, r->batch, 1);
	spool_free(r->batch);
	r->batch = NULL;
	fetched_bound(r);
}

void
br_decide(struct boilerrun *r, const struct article *a)
{
	struct forms *f = &r->forms;
	struct slot *s = NULL;
	uint64_t id, order;

	if (r->fetch && !r->set.prompt && r->batch == NULL &&
	    (r->batch = spool_new()) == NULL)
		r->set.prompt = 1;	/* no spool: article by article */
	if (threaded(r) && r->batch) {
		/* the forms made on a thread: batch_add() as they come back,
		 * in order; the batch is decided once those in flight are
		 * back too */
		struct slot *t = forms_slot(r, a);

		if (r->dups || r->set.emit_sigs)
			(void)article_order(r, a);
		pool_filled(r, t, a->n, 0);
		if (r->nwant >= BATCH_KEYS) {
			pool_drain(r);
			batch_decide(r);
		}
		return;
	}
	if (threaded(r) && r->batch == NULL)
		f = &(s = pool_slot(r, 0))->forms;
	id = read_article(r, a, f);
	/* the order is known, or found missing, as the article is read */
	order = r->dups || r->set.emit_sigs ? article_order(r, a) : 0;
	if (r->batch) {
		batch_add(r, a, f, id);
		if (r->nwant >= BATCH_KEYS)
			batch_decide(r);
		return;
	}
	if (r->fetch) {
		sdb_fetch_counts(r->db, r->counts, f->key, a->n);
		sdb_fetch_counts(r->db, r->counts, f->gkey, a->n);
	}
	if (s == NULL)
		decide_article(r, a, id, order);
	else {
		art_copy(&s->a, a);
		s->id = id;
		s->order = order;
		s->self = self_of(r, id);
		pool_filled(r, s, a->n, r->fetch);	/* copies them */
	}
	if (r->fetch)
		fetched_bound(r);
}

void
br_decided(struct boilerrun *r)
{
	pool_drain(r);		/* the forms in flight join the batch */
	batch_decide(r);
	pool_drain(r);
}

void
br_decide_spooled(struct boilerrun *r)
{
	if (r->spool)
		decide_spool(r, r->spool, 0);
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
	pool_end(r);
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
	free(r->warned);
	spool_free(r->batch);
	free(r->want);
	free(r);
}
