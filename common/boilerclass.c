/* boilerclass.c - labelling the records of one article */
#include "boilerclass.h"

#include <stdlib.h>

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

static int
cmp_key(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

size_t
bc_distinct_keys(const uint64_t *keys, size_t n, uint64_t *out)
{
	size_t i, m = 0, k = 0;

	for (i = 0; i < n; i++)
		if (keys[i])
			out[m++] = keys[i];
	qsort(out, m, sizeof *out, cmp_key);
	for (i = 0; i < m; i++)
		if (i == 0 || out[i] != out[i - 1])
			out[k++] = out[i];
	return k;
}

/* Body records whose key an earlier record had become repeats: sorted,
 * not compared in pairs, so an article of 100,000 records costs no more
 * than its sort. */
static void
mark_repeats(const struct bc_line *in, size_t n, struct bc_verdict *out)
{
	struct keyat *v = xmalloc((n ? n : 1) * sizeof *v);
	size_t i, m = 0;

	for (i = 0; i < n; i++)
		if (in[i].key) {
			v[m].key = in[i].key;
			v[m++].at = i;
		}
	qsort(v, m, sizeof *v, cmp_keyat);
	for (i = 1; i < m; i++)
		if (v[i].key == v[i - 1].key && out[v[i].at].label == BC_BODY)
			out[v[i].at].label = BC_REPEAT;
	free(v);
}

static int
reads_as_sentence(const struct bc_line *l)
{
	return ends_sentence(l->text, l->len) ||
	    utf8_count(l->text, l->len) > BC_TAIL_MAX;
}

/* The closing block of short lines without sentence ends after the last
 * body sentence (footers, menus, headline lists); 0 when the article has
 * no body sentence. */
static int
mark_tail(const struct bc_line *in, size_t n, struct bc_verdict *out)
{
	size_t i, k;

	for (k = n; k > 0; k--)
		if (out[k - 1].label == BC_BODY && reads_as_sentence(&in[k - 1]))
			break;
	if (k == 0)
		return 0;
	for (i = k; i < n; i++)
		if (out[i].label == BC_BODY)
			out[i].label = BC_TAIL;
	return 1;
}

/* The opening block before the first line that ends a sentence: its
 * labels (节目官网, 内容简介) are short lines without a sentence end,
 * shorter than the longest line there, which is the title. */
static void
mark_head(const struct bc_line *in, size_t n, struct bc_verdict *out)
{
	size_t i, first, longest = 0;

	for (first = 0; first < n; first++)
		if (out[first].label == BC_BODY && ends_sentence(in[first].text,
		    in[first].len))
			break;
	if (first == n)
		return;		/* no sentence end at all: no opening block */
	for (i = 0; i < first; i++)
		if (out[i].label == BC_BODY) {
			size_t l = utf8_count(in[i].text, in[i].len);

			if (l > longest)
				longest = l;
		}
	for (i = 0; i < first; i++)
		if (out[i].label == BC_BODY) {
			size_t l = utf8_count(in[i].text, in[i].len);

			if (l <= BC_HEAD_MAX && l < longest)
				out[i].label = BC_HEAD;
		}
}

void
bc_classify(const struct bc_config *c, const struct bc_line *in, size_t n,
    struct bc_verdict *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct bc_verdict *v = &out[i];

		v->label = BC_BODY;
		v->df = 0;
		if ((v->rule = rules_match(c->rules, in[i].text, in[i].len,
		    &v->gaveup)))
			v->label = BC_RULE;
		else if (in[i].key && (v->df = counts_get(c->counts,
		    in[i].key)) >= c->min_docs)
			v->label = BC_DF;
	}
	mark_repeats(in, n, out);
	if (mark_tail(in, n, out))
		mark_head(in, n, out);
}
