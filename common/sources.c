/* sources.c - text, TSV, JSON Lines and WET input as lines of articles */
#include "sources.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "input.h"
#include "records.h"
#include "warc.h"

struct src {
	const struct src_spec *spec;
	void (*fn)(void *, const struct src_line *);
	void *arg;
	struct buf keys;	/* of the article at hand */
	struct src_line l;
};

/* Append one key column; TAB, CR, LF and NUL become spaces so a key can
 * never break the record. */
static void
key_add(struct buf *keys, const char *key, size_t n)
{
	size_t i, at = keys->len;

	buf_add(keys, key, n);
	for (i = at; i < keys->len; i++)
		if (keys->p[i] == '\t' || keys->p[i] == '\r' ||
		    keys->p[i] == '\n' || keys->p[i] == '\0')
			keys->p[i] = ' ';
	buf_addc(keys, '\t');
}

static void
emit(struct src *sc, unsigned long line, const char *s, size_t n)
{
	sc->l.keys = sc->keys.p;
	sc->l.nkeys = sc->keys.len;
	sc->l.line = line;
	sc->l.s = s;
	sc->l.n = n;
	sc->fn(sc->arg, &sc->l);
}

/* An article held whole (jsonl, wet): its lines, split at LF. */
static void
text_lines(struct src *sc, const char *s, size_t n)
{
	unsigned long line = 0;

	if (n == 0)
		s = "";		/* an empty text may have no buffer at all */
	while (n > 0 || line == 0) {
		const char *nl = n ? memchr(s, '\n', n) : NULL;
		size_t k = nl ? (size_t)(nl - s) : n;

		emit(sc, ++line, s, k > 0 && s[k - 1] == '\r' ? k - 1 : k);
		if (nl == NULL)
			break;
		s += k + 1;
		n -= k + 1;
	}
}

/* The doc key of a text file: its path, with :N under --doc-sep/-0. */
static void
text_key(struct src *sc, const char *name, unsigned long doc)
{
	char num[32];

	sc->keys.len = 0;
	key_add(&sc->keys, name, strlen(name));
	if (sc->spec->docsep) {
		sc->keys.len--;		/* reopen the column for ":N" */
		snprintf(num, sizeof num, ":%lu", doc);
		buf_add(&sc->keys, num, strlen(num));
		buf_addc(&sc->keys, '\t');
	}
}

static void
read_text(struct src *sc, struct reader *r)
{
	const char *s;
	size_t n;
	unsigned long doc = 1, line = 0;

	text_key(sc, r->name, doc);
	while (rd_line(r, &s, &n)) {
		int newdoc = 0;

		if (sc->spec->docsep == '\f' && n == 1 && s[0] == '\f')
			newdoc = 1;
		else {
			emit(sc, ++line, s, n);
			newdoc = sc->spec->docsep == -1 && r->term == '\0';
		}
		if (newdoc) {
			line = 0;
			text_key(sc, r->name, ++doc);
		}
	}
}

static void
read_jsonl(struct src *sc, struct reader *r)
{
	const struct jsonl_spec *js = &sc->spec->jsonl;
	struct jsonl_doc d;
	const char *s;
	size_t n, i;
	char err[300];

	jsonl_doc_init(&d, js);
	while (rd_line(r, &s, &n)) {
		size_t k = 0;

		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k == n)
			continue;	/* blank lines between objects are fine */
		if (jsonl_parse(js, s, n, &d, err, sizeof err) < 0) {
			input_error(r->name, r->lineno, "%s", err);
			continue;
		}
		if (d.repaired && !r->warned) {
			input_warning(r->name, r->lineno, "lone UTF-16 surrogate "
			    "escape replaced with U+FFFD (first in this file)");
			r->warned = 1;
		}
		sc->keys.len = 0;
		key_add(&sc->keys, d.id.p, d.id.len);
		key_add(&sc->keys, d.url.p, d.url.len);
		for (i = 0; i < js->nkeep; i++)
			key_add(&sc->keys, d.keep[i].p, d.keep[i].len);
		text_lines(sc, d.text.p, d.text.len);
	}
	jsonl_doc_free(&d, js);
}

static void
read_wet(struct src *sc, struct reader *r)
{
	struct buf uri = { 0 }, body = { 0 };
	unsigned long hdr;

	while (warc_next(r, &uri, &body, &hdr)) {
		sc->keys.len = 0;
		key_add(&sc->keys, uri.p, uri.len);
		text_lines(sc, body.p, body.len);
	}
	buf_free(&uri);
	buf_free(&body);
}

static void
on_record(void *arg, const struct record *rec)
{
	struct src *sc = arg;

	sc->keys.len = 0;
	record_keys(rec, &sc->keys);
	sc->l.header = rec->header;
	emit(sc, 0, rec->s + rec->f->b[rec->text],
	    rec->f->e[rec->text] - rec->f->b[rec->text]);
	sc->l.header = 0;
}

void
src_each(char **files, const struct src_spec *spec,
    void (*fn)(void *, const struct src_line *), void *arg)
{
	struct src sc;
	int flags = spec->rdflags | (spec->docsep == -1 ? RD_NULSEP : 0);

	memset(&sc, 0, sizeof sc);
	sc.spec = spec;
	sc.fn = fn;
	sc.arg = arg;
	if (spec->format == SRC_TSV)
		records_each(files, flags, spec->field, spec->header, on_record,
		    &sc);
	else
		for (; *files; files++) {
			struct reader r;

			if (rd_open(&r, *files, flags) < 0)
				continue;
			if (spec->format == SRC_TEXT)
				read_text(&sc, &r);
			else if (spec->format == SRC_JSONL)
				read_jsonl(&sc, &r);
			else
				read_wet(&sc, &r);
			rd_close(&r);
		}
	buf_free(&sc.keys);
}
