/* boilerclass.c - labelling the records of one article */
#include "boilerclass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"

struct keyat {
	uint64_t key;
	size_t at;
};

static int
cmp_keyat(const void *a, const void *b)
{
	const struct keyat *x = a, *y = b;

	if (x->key != y->key)
		return (x->key > y->key) - (x->key < y->key);
	return (x->at > y->at) - (x->at < y->at);
}

/* A bucket longer than this is sorted by qsort (keys that share their
 * leading bits far more than hashes do). */
#define BUCKET_SORT_MAX 32

/* Sort v[0..m) by key, and records of one key by place, as cmp_keyat
 * does. The keys are hashes, spread evenly: each goes to the bucket of
 * its leading bits (about one a bucket, in the order of v, so places
 * stay in order), and each bucket is sorted by insertion, in time linear
 * in m on the average. */
static void
sort_keyat(struct keyat *v, size_t m)
{
	struct keyat *tmp;
	size_t *start, nb, i, b;
	int bits = 1;

	if (m < 2)
		return;
	while (bits < 63 && ((size_t)1 << bits) < m)
		bits++;
	nb = (size_t)1 << bits;
	tmp = xmalloc(m * sizeof *tmp);
	start = xcalloc(nb + 1, sizeof *start);
	for (i = 0; i < m; i++)
		start[(v[i].key >> (64 - bits)) + 1]++;
	for (b = 0; b < nb; b++)
		start[b + 1] += start[b];
	for (i = 0; i < m; i++)
		tmp[start[v[i].key >> (64 - bits)]++] = v[i];
	/* start[b] is now the end of bucket b */
	for (b = 0, i = 0; b < nb; i = start[b++]) {
		size_t e = start[b], j, k;

		if (e - i > BUCKET_SORT_MAX) {
			qsort(tmp + i, e - i, sizeof *tmp, cmp_keyat);
			continue;
		}
		for (j = i + 1; j < e; j++) {
			struct keyat x = tmp[j];

			for (k = j; k > i && tmp[k - 1].key > x.key; k--)
				tmp[k] = tmp[k - 1];
			tmp[k] = x;
		}
	}
	memcpy(v, tmp, m * sizeof *v);
	free(start);
	free(tmp);
}

size_t
bc_distinct_keys(const uint64_t *keys, const uint64_t *gkeys, size_t n,
    uint64_t *out, uint64_t *gout)
{
	struct keyat *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t i, m = 0, k = 0;

	for (i = 0; i < n; i++)
		if (keys[i]) {
			v[m].key = keys[i];
			v[m++].at = i;
		}
	sort_keyat(v, m);
	for (i = 0; i < m; i++)
		if (i == 0 || v[i].key != v[i - 1].key) {
			if (gout)
				gout[k] = gkeys ? gkeys[v[i].at] : 0;
			out[k++] = v[i].key;
		}
	free(v);
	return k;
}

/* Body records whose key an earlier record had become repeats: sorted,
 * not compared in pairs, so an article of 100,000 records costs no more
 * than its sort. */
static void
mark_repeats(const uint64_t *keys, size_t n, struct bc_verdict *out)
{
	struct keyat *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (keys[i]) {
			v[m].key = keys[i];
			v[m++].at = i;
		}
	sort_keyat(v, m);
	for (i = 1; i < m; i++)
		if (v[i].key == v[i - 1].key && out[v[i].at].label == BC_BODY)
			out[v[i].at].label = BC_REPEAT;
	free(v);
}

static int
reads_as_sentence(const struct article *a, size_t i)
{
	size_t n;
	const char *t = art_text(a, i, &n);

	return ends_sentence(t, n) || utf8_count(t, n) > BC_TAIL_MAX;
}

static int
ends_as_sentence(const struct article *a, size_t i)
{
	size_t n;
	const char *t = art_text(a, i, &n);

	return ends_sentence(t, n);
}

static size_t
length(const struct article *a, size_t i)
{
	size_t n;
	const char *t = art_text(a, i, &n);

	return utf8_count(t, n);
}

/* The closing block of short lines without sentence ends after the last
 * body sentence (footers, menus, headline lists); 0 when the article has
 * no body sentence. */
static int
mark_tail(const struct article *a, struct bc_verdict *out)
{
	size_t i, k;

	for (k = a->n; k > 0; k--)
		if (out[k - 1].label == BC_BODY && reads_as_sentence(a, k - 1))
			break;
	if (k == 0)
		return 0;
	for (i = k; i < a->n; i++)
		if (out[i].label == BC_BODY)
			out[i].label = BC_TAIL;
	return 1;
}

/* The opening block before the first line that ends a sentence: its
 * labels (节目官网, 内容简介) are short lines without a sentence end,
 * shorter than the longest line there, which is the title. */
static void
mark_head(const struct article *a, struct bc_verdict *out)
{
	size_t i, first, longest = 0;

	for (first = 0; first < a->n; first++)
		if (out[first].label == BC_BODY && ends_as_sentence(a, first))
			break;
	if (first == a->n)
		return;		/* no sentence end at all: no opening block */
	for (i = 0; i < first; i++)
		if (out[i].label == BC_BODY && length(a, i) > longest)
			longest = length(a, i);
	for (i = 0; i < first; i++)
		if (out[i].label == BC_BODY) {
			size_t l = length(a, i);

			if (l <= BC_HEAD_MAX && l < longest)
				out[i].label = BC_HEAD;
		}
}

/* Are s[0..n) all ASCII digits? */
static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* How much of a record's key fields names its line: all of them, but
 * the last when the last two are numbers (segment's line and sentence
 * numbers). k[0..n) are the key fields, each followed by a TAB. */
static size_t
line_keys(const char *k, size_t n)
{
	size_t b1, b2;

	if (n == 0 || k[n - 1] != '\t')
		return n;
	for (b1 = n - 1; b1 > 0 && k[b1 - 1] != '\t'; b1--)
		;
	if (b1 == 0 || b1 == n - 1)
		return n;
	for (b2 = b1 - 1; b2 > 0 && k[b2 - 1] != '\t'; b2--)
		;
	if (b2 == b1 - 1 || !digits(k + b1, n - 1 - b1) ||
	    !digits(k + b2, b1 - 1 - b2))
		return n;
	return b1;
}

/* The line model: body records of lines it scores as boilerplate become
 * BC_SHAPE; the records of lines it keeps that the closing and opening
 * blocks named become body again, and in a block of code the repeats
 * too. */
static void
mark_shape(const struct bc_config *c, const struct article *a,
    const uint64_t *keys, const uint64_t *gkeys, struct bc_verdict *out)
{
	static const int ev[] = { LS_EV_BODY, LS_EV_RULE, LS_EV_DF,
		LS_EV_TAIL, LS_EV_HEAD, LS_EV_REPEAT, LS_EV_BODY, LS_EV_BODY };
	struct ls_rec *in = ls_recs(c->ls, a->n);
	struct ls_result res;
	size_t i, j, lp = 0;
	const char *p = NULL;

	for (i = 0; i < a->n; i++) {
		/* a record starts a line of its own unless the keys that name
		 * its line are those of the record before */
		const char *q = a->data.p + a->r[i].off;
		size_t lq = line_keys(q, a->r[i].toff - a->r[i].off);

		in[i].text = art_text(a, i, &in[i].len);
		in[i].newline = i == 0 || lp != lq || memcmp(p, q, lq) != 0;
		p = q;
		lp = lq;
		in[i].ev = ev[out[i].label];
		in[i].rule = out[i].rule;
		in[i].sdf = in[i].xsites = 0;
		if (keys[i]) {
			uint32_t df = out[i].df;

			in[i].sdf = df > c->self ? df - c->self : 0;
			if (gkeys && gkeys[i]) {
				uint32_t xs = c->xs ? c->xs[i] :
				    counts_get(c->counts, gkeys[i]);

				/* the site has it when a document of it had it */
				in[i].xsites = xs > (df > 0) ? xs - (df > 0) : 0;
			}
		}
	}
	ls_article(c->ls, c->model, in, a->n, &res);
	if (c->lines)
		*c->lines = res;
	if (c->model == NULL)
		return;
	for (j = 0; j < res.nline; j++) {
		int named = 1;	/* every record of the line was named */

		for (i = res.first[j]; i < res.first[j + 1]; i++)
			named &= out[i].label != BC_BODY;
		for (i = res.first[j]; i < res.first[j + 1]; i++) {
			enum bc_label *l = &out[i].label;

			if (res.boiler[j] && *l == BC_BODY)
				*l = BC_SHAPE;
			else if (!res.boiler[j] && named && (*l == BC_TAIL ||
			    *l == BC_HEAD))
				*l = BC_BODY;	/* the model overruled the block */
			else if (res.code[j] && *l == BC_REPEAT)
				*l = BC_BODY;	/* a program repeats its lines */
		}
	}
}

void
bc_classify(const struct bc_config *c, const struct article *a,
    const uint64_t *keys, const uint64_t *gkeys, struct bc_verdict *out)
{
	size_t i, n;

	for (i = 0; i < a->n && c->df == NULL; i++) {
		counts_prefetch(c->counts, keys[i]);
		if (gkeys && c->ls)
			counts_prefetch(c->counts, gkeys[i]);
	}
	for (i = 0; i < a->n; i++) {
		struct bc_verdict *v = &out[i];
		const char *t = art_text(a, i, &n);

		v->label = BC_BODY;
		v->df = 0;
		if ((v->rule = rules_match(c->rules, t, n, &v->gaveup))) {
			v->label = BC_RULE;
			if (keys[i])
				v->df = c->df ? c->df[i] :
				    counts_get(c->counts, keys[i]);
		}
		else if (keys[i] && (v->df = c->df ? c->df[i] :
		    counts_get(c->counts, keys[i])) >= c->min_docs)
			v->label = BC_DF;
	}
	mark_repeats(keys, a->n, out);
	if (mark_tail(a, out))
		mark_head(a, out);
	if (c->ls && a->n)
		mark_shape(c, a, keys, gkeys, out);
}

size_t
bc_label_text(const struct bc_verdict *v, const char *dupof, char *buf,
    size_t cap)
{
	int l = 0;

	switch (v->label) {
	case BC_BODY:
		l = snprintf(buf, cap, "body");
		break;
	case BC_RULE:
		l = snprintf(buf, cap, "boiler:rule=%s", v->rule);
		break;
	case BC_DF:
		l = snprintf(buf, cap, "boiler:df=%u", v->df);
		break;
	case BC_TAIL:
		l = snprintf(buf, cap, "boiler:tail");
		break;
	case BC_HEAD:
		l = snprintf(buf, cap, "boiler:head");
		break;
	case BC_REPEAT:
		l = snprintf(buf, cap, "boiler:repeat");
		break;
	case BC_SHAPE:
		l = snprintf(buf, cap, "boiler:shape");
		break;
	case BC_DUP:
		l = snprintf(buf, cap, "dup:%s", dupof);
		break;
	}
	return l < 0 ? 0 : (size_t)l >= cap ? strlen(buf) : (size_t)l;
}

void
bc_stats_add(struct bc_stats *st, const struct bc_verdict *v, size_t n)
{
	size_t i;

	st->docs++;
	st->dupdocs += n > 0 && v[0].label == BC_DUP;
	for (i = 0; i < n; i++) {
		st->recs++;
		st->n[v[i].label]++;
		st->gaveup += v[i].gaveup != 0;
	}
}

void
bc_stats_print(const struct bc_stats *st, const char *prog, FILE *f)
{
	const unsigned long *n = st->n;

	fprintf(f, "%s: %lu documents, %lu records: %lu body, %lu "
	    "boilerplate (%lu by rule, %lu by count, %lu in closing "
	    "blocks, %lu in opening blocks, %lu repeated, %lu by the line "
	    "model), %lu in %lu duplicate documents\n", prog, st->docs,
	    st->recs, n[BC_BODY], n[BC_RULE] + n[BC_DF] + n[BC_TAIL] +
	    n[BC_HEAD] + n[BC_REPEAT] + n[BC_SHAPE], n[BC_RULE], n[BC_DF],
	    n[BC_TAIL], n[BC_HEAD], n[BC_REPEAT], n[BC_SHAPE], n[BC_DUP],
	    st->dupdocs);
	if (st->gaveup)
		fprintf(f, "%s: %lu records on which a rule gave up (taken as "
		    "not matching)\n", prog, st->gaveup);
}
