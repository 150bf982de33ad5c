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

int
jsonl_parse(const struct jsonl_spec *sp, const char *s, size_t n,
    unsigned long lineno, struct jsonl_doc *d, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root, *t;
	size_t i;

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
