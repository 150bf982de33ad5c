/* jsonl.c - one article per JSON object per line, parsed with jansson */
#include "jsonl.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

void
jsonl_doc_init(struct jsonl_doc *d, const struct jsonl_spec *sp)
{
	memset(d, 0, sizeof *d);
	if (sp->nkeep)
		d->keep = xcalloc(sp->nkeep, sizeof *d->keep);
}

void
jsonl_doc_free(struct jsonl_doc *d, const struct jsonl_spec *sp)
{
	size_t i;

	buf_free(&d->id);
	buf_free(&d->url);
	buf_free(&d->text);
	for (i = 0; i < sp->nkeep; i++)
		buf_free(&d->keep[i]);
	free(d->keep);
}

/* The value as text: strings as they are, scalars as JSON writes them. */
static void
value_text(json_t *v, struct buf *out)
{
	char *dump;

	out->len = 0;
	if (v == NULL || json_is_null(v))
		return;
	if (json_is_string(v)) {
		buf_add(out, json_string_value(v), json_string_length(v));
		return;
	}
	dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
	if (dump == NULL)
		die(EXIT_TROUBLE, "out of memory (JSON)");
	buf_add(out, dump, strlen(dump));
	free(dump);
}

static int
hex4(const char *s, size_t n, size_t at)
{
	int v = 0;
	size_t k;

	if (at + 4 > n)
		return -1;
	for (k = at; k < at + 4; k++) {
		int c = (unsigned char)s[k], h;

		if (c >= '0' && c <= '9')
			h = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			h = (c | 0x20) - 'a' + 10;
		else
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* JSON written from UTF-16 strings (JavaScript, Java) can hold a lone
 * surrogate escape (\ud800 without its pair), which jansson refuses:
 * the whole article would be lost for one character. Such escapes are
 * rewritten as \ufffd into out; returns 1 if any was. */
static int
fix_surrogates(const char *s, size_t n, struct buf *out)
{
	size_t i = 0, run = 0;
	int fixed = 0;

	if (memchr(s, '\\', n) == NULL)
		return 0;
	out->len = 0;
	while (i < n) {
		int v, w;

		if (s[i] != '\\') {
			i++;
			continue;
		}
		if (i + 1 < n && s[i + 1] == 'u' && (v = hex4(s, n, i + 2)) >= 0xD800 &&
		    v <= 0xDFFF) {
			if (v < 0xDC00 && i + 11 < n && s[i + 6] == '\\' &&
			    s[i + 7] == 'u' && (w = hex4(s, n, i + 8)) >= 0xDC00 &&
			    w <= 0xDFFF) {
				i += 12;	/* a proper pair */
				continue;
			}
			buf_add(out, s + run, i - run);
			buf_add(out, "\\ufffd", 6);
			i += 6;
			run = i;
			fixed = 1;
			continue;
		}
		i += 2;		/* any other escape, \\ included */
	}
	if (fixed)
		buf_add(out, s + run, n - run);
	return fixed;
}

int
jsonl_parse(const struct jsonl_spec *sp, const char *s, size_t n,
    unsigned long lineno, struct jsonl_doc *d, char *err, size_t errlen)
{
	static struct buf fixedline;
	json_error_t je;
	json_t *root, *t;
	size_t i;

	d->repaired = fix_surrogates(s, n, &fixedline);
	if (d->repaired) {
		s = fixedline.p;
		n = fixedline.len;
	}
	root = json_loadb(s, n, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
	if (root == NULL) {
		snprintf(err, errlen, "invalid JSON at column %d: %s",
		    je.column, je.text);
		return -1;
	}
	if (!json_is_object(root)) {
		snprintf(err, errlen, "not a JSON object");
		json_decref(root);
		return -1;
	}
	if (sp->text_field)
		t = json_object_get(root, sp->text_field);
	else if ((t = json_object_get(root, "text")) == NULL)
		t = json_object_get(root, "content");
	if (t == NULL && sp->text_field == NULL) {
		snprintf(err, errlen, "no 'text' or 'content' field");
		json_decref(root);
		return -1;
	}
	if (t == NULL || !json_is_string(t)) {
		snprintf(err, errlen, "field '%s' %s",
		    sp->text_field ? sp->text_field : "text",
		    t == NULL ? "missing" : "is not a string");
		json_decref(root);
		return -1;
	}
	value_text(t, &d->text);
	value_text(json_object_get(root, sp->id_field ? sp->id_field : "id"),
	    &d->id);
	if (d->id.len == 0) {
		char num[32];

		snprintf(num, sizeof num, "%lu", lineno);
		buf_add(&d->id, num, strlen(num));
	}
	value_text(json_object_get(root, "url"), &d->url);
	for (i = 0; i < sp->nkeep; i++)
		value_text(json_object_get(root, sp->keep[i]), &d->keep[i]);
	json_decref(root);
	return 0;
}
