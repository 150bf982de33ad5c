/* article.c - grouping records into articles */
#include "article.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "spool.h"

size_t art_max_bytes = ART_MAX_BYTES;

struct grouper {
	struct article a;
	int open;
	unsigned keys;
	int warned_keys;	/* "fewer key fields than -k" said once */
	int warned_cut;		/* the open article was cut (said once) */
	struct buf k;		/* scratch: the key of the record at hand */
	void (*on_header)(void *, const struct record *);
	void (*on_article)(void *, const struct article *);
	void *arg;
};

void
art_keys(const struct article *a, size_t i, struct buf *out)
{
	const struct art_rec *r = &a->r[i];
	const char *s = a->data.p + r->off;
	size_t before = r->toff - r->off, after = r->off + r->len -
	    (r->toff + r->tlen);

	/* the fields before the text end with their TAB already; those
	 * after it start with one */
	buf_add(out, s, before);
	if (after > 0) {
		buf_add(out, s + before + r->tlen + 1, after - 1);
		buf_addc(out, '\t');
	}
}

static void
deliver(struct grouper *g, int cut)
{
	g->a.cut = cut;
	g->on_article(g->arg, &g->a);
	g->a.n = 0;
	g->a.data.len = 0;
	if (cut)
		g->a.part++;
	else {
		g->open = 0;
		g->a.part = 0;
		g->warned_cut = 0;
	}
}

/* The record's article key, *len bytes: where the key fields stand
 * together in the record (the text is not among the first of them), the
 * record's own bytes, else joined in g->k. Returns its number of key
 * fields. */
static size_t
record_key(struct grouper *g, const struct record *rec, const char **key,
    size_t *len)
{
	size_t i, have = rec->f->n - 1, taken = 0;
	size_t m = have < g->keys ? have : g->keys;

	if (m == 0) {
		*key = "";
		*len = 0;
		return have;
	}
	if ((size_t)rec->text >= m) {
		*key = rec->s + rec->f->b[0];
		*len = rec->f->e[m - 1] - rec->f->b[0];
		return have;
	}
	g->k.len = 0;
	for (i = 0; i < rec->f->n && taken < g->keys; i++) {
		if ((long)i == rec->text)
			continue;
		if (taken++)
			buf_addc(&g->k, '\t');
		buf_add(&g->k, rec->s + rec->f->b[i], rec->f->e[i] - rec->f->b[i]);
	}
	*key = g->k.p;
	*len = g->k.len;
	return have;
}

static void
on_record(void *arg, const struct record *rec)
{
	struct grouper *g = arg;
	struct article *a = &g->a;
	struct art_rec *r;
	size_t have, klen;
	const char *key;

	if (rec->header) {
		if (g->on_header)
			g->on_header(g->arg, rec);
		return;
	}
	have = record_key(g, rec, &key, &klen);
	if (have > 0 && have < g->keys && !g->warned_keys) {
		input_warning(rec->r->name, rec->r->lineno, "the record has %zu "
		    "key field%s, fewer than -k %u: the article is keyed by %s",
		    have, have == 1 ? "" : "s", g->keys, have == 1 ? "it" :
		    "them all");
		g->warned_keys = 1;
	}
	if (g->open && (have == 0 || klen != a->key.len ||
	    memcmp(key, a->key.p, klen) != 0))
		deliver(g, 0);
	if (g->open && a->data.len + rec->n + (a->n + 1) * ART_REC_COST >
	    art_max_bytes && a->n > 0) {
		if (!g->warned_cut)
			input_warning(rec->r->name, rec->r->lineno, "article "
			    "'%.*s' is over %zu bytes (--max-article): it is "
			    "handled in parts from here", (int)(a->key.len > 64 ?
			    64 : a->key.len), a->key.p, art_max_bytes);
		g->warned_cut = 1;
		deliver(g, 1);
	}
	if (!g->open) {
		a->key.len = 0;
		buf_add(&a->key, key, klen);
		g->open = 1;
	}
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->r = xrealloc(a->r, a->cap * sizeof *a->r);
	}
	r = &a->r[a->n++];
	r->off = a->data.len;
	r->len = rec->n;
	r->toff = a->data.len + rec->f->b[rec->text];
	r->tlen = rec->f->e[rec->text] - rec->f->b[rec->text];
	r->file = rec->r->name;
	r->lineno = rec->r->lineno;
	buf_add(&a->data, rec->s, rec->n);
	/* a record without keys is an article of its own */
	if (have == 0)
		deliver(g, 0);
}

void
articles_each(char **files, int rdflags, unsigned field, int header,
    unsigned keys, void (*on_header)(void *, const struct record *),
    void (*on_article)(void *, const struct article *), void *arg)
{
	struct grouper g;

	memset(&g, 0, sizeof g);
	g.keys = keys ? keys : 1;
	g.on_header = on_header;
	g.on_article = on_article;
	g.arg = arg;
	records_each(files, rdflags, field, header, on_record, &g);
	if (g.open)
		deliver(&g, 0);
	buf_free(&g.a.key);
	buf_free(&g.a.data);
	buf_free(&g.k);
	free(g.a.r);
}

/* In a spool: a head, the key, the records' places, their bytes. */
struct spooled_head {
	uint64_t n, keylen, datalen;
	uint32_t part, cut;
};

struct spooled_rec {
	uint64_t off, len, toff, tlen, lineno;
	uint32_t file, pad;
};

int
art_spool(const struct article *a, struct spool *sp)
{
	struct spooled_head h = { a->n, a->key.len, a->data.len, a->part,
	    (uint32_t)a->cut };
	size_t i;

	if (spool_write(sp, &h, sizeof h) < 0 ||
	    spool_write(sp, a->key.p, a->key.len) < 0)
		return -1;
	for (i = 0; i < a->n; i++) {
		const struct art_rec *r = &a->r[i];
		struct spooled_rec sr = { r->off, r->len, r->toff, r->tlen,
		    r->lineno, spool_name(sp, r->file ? r->file : "-"), 0 };

		if (spool_write(sp, &sr, sizeof sr) < 0)
			return -1;
	}
	return spool_write(sp, a->data.p, a->data.len);
}

int
art_unspool(struct article *a, struct spool *sp)
{
	struct spooled_head h;
	size_t i;
	int rc;

	if ((rc = spool_read(sp, &h, sizeof h)) <= 0)
		return rc;
	if (h.n > ((size_t)-1) / sizeof *a->r)
		return -1;
	a->key.len = a->data.len = 0;
	buf_reserve(&a->key, (size_t)h.keylen + 1);
	buf_reserve(&a->data, (size_t)h.datalen + 1);
	if (h.n > a->cap) {
		a->cap = (size_t)h.n;
		a->r = xrealloc(a->r, a->cap * sizeof *a->r);
	}
	if (h.keylen && spool_read(sp, a->key.p, (size_t)h.keylen) != 1)
		return -1;
	a->key.len = (size_t)h.keylen;
	for (i = 0; i < h.n; i++) {
		struct spooled_rec sr;
		struct art_rec *r = &a->r[i];

		if (spool_read(sp, &sr, sizeof sr) != 1 || sr.off + sr.len >
		    h.datalen || sr.toff < sr.off || sr.toff + sr.tlen >
		    sr.off + sr.len)
			return -1;
		r->off = (size_t)sr.off;
		r->len = (size_t)sr.len;
		r->toff = (size_t)sr.toff;
		r->tlen = (size_t)sr.tlen;
		r->lineno = (unsigned long)sr.lineno;
		r->file = spool_name_at(sp, sr.file);
	}
	if (h.datalen && spool_read(sp, a->data.p, (size_t)h.datalen) != 1)
		return -1;
	a->data.len = (size_t)h.datalen;
	a->n = (size_t)h.n;
	a->part = h.part;
	a->cut = (int)h.cut;
	return 1;
}

void
art_copy(struct article *dst, const struct article *src)
{
	dst->key.len = dst->data.len = 0;
	buf_add(&dst->key, src->key.p, src->key.len);
	buf_add(&dst->data, src->data.p, src->data.len);
	if (src->n > dst->cap) {
		dst->cap = src->n;
		dst->r = xrealloc(dst->r, dst->cap * sizeof *dst->r);
	}
	if (src->n)
		memcpy(dst->r, src->r, src->n * sizeof *dst->r);
	dst->n = src->n;
	dst->part = src->part;
	dst->cut = src->cut;
}

void
art_release(struct article *a)
{
	buf_free(&a->key);
	buf_free(&a->data);
	free(a->r);
	a->r = NULL;
	a->n = a->cap = 0;
}
