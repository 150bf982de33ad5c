/* jsonl.c - one article per JSON object per line
 *
 * A scanner checks the whole line against the JSON grammar (RFC 8259)
 * and notes where the values of the fields read stand; only those are
 * decoded. A JSON library that builds every value refuses lines for
 * what fields nobody reads hold (an integer over 2^63, 1e400, a key
 * twice, "\u0000" in a key, nesting deeper than its limit), and the
 * article was lost with them. Strings are decoded here; other values of
 * fields read are written back as compact JSON through jansson, as
 * written when jansson cannot hold them. The messages for invalid lines
 * are jansson's where it finds the same fault. */
#include "jsonl.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"

/* Where the value of a field read stands in the line. */
struct jsonl_span {
	size_t b, e;		/* the value, quotes included */
	int seen;
};

/* The fields read, in slots: text (or --text-field), content, the doc
 * key, url, then each --keep field. */
enum { W_TEXT, W_CONTENT, W_ID, W_URL, W_KEEP };

struct scan {
	const char *s;
	size_t n, i;
	const char *why;	/* the first fault, at byte `at` */
	size_t at;
	struct buf *stack;	/* the closers of the open containers */
};

void
jsonl_doc_init(struct jsonl_doc *d, const struct jsonl_spec *sp)
{
	memset(d, 0, sizeof *d);
	if (sp->nkeep)
		d->keep = xcalloc(sp->nkeep, sizeof *d->keep);
	d->span = xcalloc(W_KEEP + sp->nkeep, sizeof *d->span);
}

void
jsonl_doc_free(struct jsonl_doc *d, const struct jsonl_spec *sp)
{
	size_t i;

	buf_free(&d->id);
	buf_free(&d->url);
	buf_free(&d->text);
	buf_free(&d->stack);
	buf_free(&d->key);
	for (i = 0; i < sp->nkeep; i++)
		buf_free(&d->keep[i]);
	free(d->keep);
	free(d->span);
}

static int
fail(struct scan *sc, const char *why)
{
	if (sc->why == NULL) {
		sc->why = why;
		sc->at = sc->i;
	}
	return -1;
}

static void
skip_ws(struct scan *sc)
{
	while (sc->i < sc->n && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
	    sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
		sc->i++;
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

/* The bytes a string scan stops at: the quote, the backslash and the
 * control characters JSON forbids in strings. */
static const unsigned char str_stop[256] = {
	[0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
};

/* A string at s[i] == '"'. */
static int
scan_string(struct scan *sc)
{
	const char *s = sc->s;

	sc->i++;
	for (;;) {
		unsigned char c;

		while (sc->i < sc->n && !str_stop[(unsigned char)s[sc->i]])
			sc->i++;
		if (sc->i >= sc->n)
			return fail(sc, "premature end of input");
		c = (unsigned char)s[sc->i];
		if (c == '"') {
			sc->i++;
			return 0;
		}
		if (c != '\\')
			return fail(sc, "control character in a string");
		if (sc->i + 1 >= sc->n)
			return fail(sc, "premature end of input");
		c = (unsigned char)s[sc->i + 1];
		if (c == 'u') {
			if (hex4(s, sc->n, sc->i + 2) < 0)
				return fail(sc, "invalid \\u escape");
			sc->i += 6;
		} else if (c != 0 && strchr("\"\\/bfnrt", c))
			sc->i += 2;
		else
			return fail(sc, "invalid escape");
	}
}

static int
digits(struct scan *sc)
{
	size_t from = sc->i;

	while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')
		sc->i++;
	return sc->i > from ? 0 : fail(sc, "invalid number");
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, of any size */
static int
scan_number(struct scan *sc)
{
	if (sc->s[sc->i] == '-')
		sc->i++;
	if (sc->i < sc->n && sc->s[sc->i] == '0')
		sc->i++;
	else if (digits(sc) < 0)
		return -1;
	if (sc->i < sc->n && sc->s[sc->i] == '.') {
		sc->i++;
		if (digits(sc) < 0)
			return -1;
	}
	if (sc->i < sc->n && (sc->s[sc->i] | 0x20) == 'e') {
		sc->i++;
		if (sc->i < sc->n && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
			sc->i++;
		if (digits(sc) < 0)
			return -1;
	}
	return 0;
}

static int
scan_literal(struct scan *sc)
{
	static const char *const lit[] = { "true", "false", "null" };
	size_t k;

	for (k = 0; k < 3; k++) {
		size_t l = strlen(lit[k]);

		if (sc->n - sc->i >= l && memcmp(sc->s + sc->i, lit[k], l) == 0) {
			sc->i += l;
			return 0;
		}
	}
	return fail(sc, "invalid token");
}

/* A key and its colon, after white space; *ke is the end of the key. */
static int
scan_key(struct scan *sc, size_t *ke)
{
	skip_ws(sc);
	if (sc->i >= sc->n || sc->s[sc->i] != '"')
		return fail(sc, sc->i >= sc->n ? "premature end of input" :
		    "string or '}' expected");
	if (scan_string(sc) < 0)
		return -1;
	*ke = sc->i;
	skip_ws(sc);
	if (sc->i >= sc->n || sc->s[sc->i] != ':')
		return fail(sc, "':' expected");
	sc->i++;
	return 0;
}

/* After a value inside the containers opened since depth0: close what
 * ends here. 1 when a further value follows, 0 when all are closed. */
static int
after_value(struct scan *sc, size_t depth0)
{
	size_t ke;

	while (sc->stack->len > depth0) {
		char top = sc->stack->p[sc->stack->len - 1];

		skip_ws(sc);
		if (sc->i >= sc->n)
			return fail(sc, "premature end of input");
		if (sc->s[sc->i] == top) {
			sc->i++;
			sc->stack->len--;
			continue;
		}
		if (sc->s[sc->i] != ',')
			return fail(sc, top == '}' ? "',' or '}' expected" :
			    "',' or ']' expected");
		sc->i++;
		if (top == '}' && scan_key(sc, &ke) < 0)
			return -1;
		return 1;
	}
	return 0;
}

/* One value of any depth, without recursion. */
static int
scan_value(struct scan *sc)
{
	size_t depth0 = sc->stack->len, ke;
	int more;

	do {
		char c;

		skip_ws(sc);
		if (sc->i >= sc->n)
			return fail(sc, "premature end of input");
		c = sc->s[sc->i];
		if (c == '{' || c == '[') {
			sc->i++;
			buf_addc(sc->stack, c == '{' ? '}' : ']');
			skip_ws(sc);
			if (sc->i < sc->n && sc->s[sc->i] == sc->stack->p[sc->stack->len - 1]) {
				sc->i++;
				sc->stack->len--;
			} else {
				if (c == '{' && scan_key(sc, &ke) < 0)
					return -1;
				more = 1;
				continue;
			}
		} else if (c == '"') {
			if (scan_string(sc) < 0)
				return -1;
		} else if (c == '-' || (c >= '0' && c <= '9')) {
			if (scan_number(sc) < 0)
				return -1;
		} else if (scan_literal(sc) < 0)
			return -1;
		if ((more = after_value(sc, depth0)) < 0)
			return -1;
	} while (more);
	return 0;
}

/* Decode the string s[0..n) (between its quotes, already scanned) into
 * out; returns 1 when a lone surrogate escape became U+FFFD. */
static int
decode_string(const char *s, size_t n, struct buf *out)
{
	size_t i = 0, run = 0;
	int repaired = 0;
	const char *bs;

	out->len = 0;
	while ((bs = memchr(s + i, '\\', n - i)) != NULL) {
		size_t k = (size_t)(bs - s);
		int v, w;

		buf_add(out, s + run, k - run);
		i = k + 2;
		switch (s[k + 1]) {
		case 'b': buf_addc(out, '\b'); break;
		case 'f': buf_addc(out, '\f'); break;
		case 'n': buf_addc(out, '\n'); break;
		case 'r': buf_addc(out, '\r'); break;
		case 't': buf_addc(out, '\t'); break;
		case 'u':
			v = hex4(s, n, k + 2);
			i = k + 6;
			if (v >= 0xD800 && v < 0xDC00 && i + 6 <= n && s[i] == '\\' &&
			    s[i + 1] == 'u' && (w = hex4(s, n, i + 2)) >= 0xDC00 &&
			    w <= 0xDFFF) {
				v = 0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00);
				i += 6;
			} else if (v >= 0xD800 && v <= 0xDFFF) {
				v = 0xFFFD;	/* a lone surrogate */
				repaired = 1;
			}
			utf8_put(out, (uint32_t)v);
			break;
		default:	/* " \ / */
			buf_addc(out, s[k + 1]);
		}
		run = i;
	}
	buf_add(out, s + run, n - run);
	return repaired;
}

/* The value at span as text: strings decoded, null and missing empty,
 * anything else as compact JSON (as written when jansson cannot hold
 * it: a number beyond a double). */
static int
value_text(const char *s, const struct jsonl_span *sp, struct buf *out)
{
	json_t *v;
	char *dump;

	out->len = 0;
	if (!sp->seen || s[sp->b] == 'n')
		return 0;
	if (s[sp->b] == '"')
		return decode_string(s + sp->b + 1, sp->e - sp->b - 2, out);
	v = json_loadb(s + sp->b, sp->e - sp->b, JSON_DECODE_ANY | JSON_ALLOW_NUL,
	    NULL);
	if (v == NULL) {
		buf_add(out, s + sp->b, sp->e - sp->b);
		return 0;
	}
	dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
	json_decref(v);
	if (dump == NULL)
		die(EXIT_TROUBLE, "out of memory (JSON)");
	buf_add(out, dump, strlen(dump));
	free(dump);
	return 0;
}

/* The names of the slots (NULL: not read). */
static const char *
slot_name(const struct jsonl_spec *sp, size_t k)
{
	switch (k) {
	case W_TEXT:
		return sp->text_field ? sp->text_field : "text";
	case W_CONTENT:
		return sp->text_field ? NULL : "content";
	case W_ID:
		return sp->id_field ? sp->id_field : "id";
	case W_URL:
		return "url";
	}
	return sp->keep[k - W_KEEP];
}

/* Note where the value [vb, ve) of the key at kb (its opening quote)
 * stands if it is a field read; -1 when such a field is there twice. */
static int
note_field(const struct jsonl_spec *sp, struct jsonl_doc *d, const char *s,
    size_t kb, size_t ke, size_t vb, size_t ve, const char **dup)
{
	const char *key = s + kb + 1;
	size_t kn = ke - kb - 2, k;

	if (memchr(key, '\\', kn)) {
		decode_string(key, kn, &d->key);
		key = d->key.p ? d->key.p : "";
		kn = d->key.len;
	}
	for (k = 0; k < W_KEEP + sp->nkeep; k++) {
		const char *name = slot_name(sp, k);

		if (name == NULL || strlen(name) != kn || memcmp(name, key, kn) != 0)
			continue;
		if (d->span[k].seen) {
			*dup = name;
			return -1;
		}
		d->span[k].b = vb;
		d->span[k].e = ve;
		d->span[k].seen = 1;
	}
	return 0;
}

/* The members of the object at s[i] == '{', the spans of the fields
 * read noted. */
static int
scan_object(struct scan *sc, const struct jsonl_spec *sp, struct jsonl_doc *d,
    const char **dup)
{
	sc->i++;
	skip_ws(sc);
	if (sc->i < sc->n && sc->s[sc->i] == '}') {
		sc->i++;
		return 0;
	}
	for (;;) {
		size_t kb, ke, vb;

		skip_ws(sc);
		kb = sc->i;
		if (scan_key(sc, &ke) < 0)
			return -1;
		skip_ws(sc);
		vb = sc->i;
		if (scan_value(sc) < 0)
			return -1;
		if (note_field(sp, d, sc->s, kb, ke, vb, sc->i, dup) < 0)
			return -1;
		skip_ws(sc);
		if (sc->i < sc->n && sc->s[sc->i] == ',') {
			sc->i++;
			continue;
		}
		if (sc->i < sc->n && sc->s[sc->i] == '}') {
			sc->i++;
			return 0;
		}
		return fail(sc, sc->i >= sc->n ? "premature end of input" :
		    "',' or '}' expected");
	}
}

/* The message for a line that is not valid JSON: jansson's, where it
 * finds a fault that is one; else the scanner's. */
static void
invalid(const struct scan *sc, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root;
	enum json_error_code code;

	root = json_loadb(sc->s, sc->n, JSON_ALLOW_NUL, &je);
	if (root != NULL)
		json_decref(root);
	code = json_error_code(&je);
	if (root == NULL && code != json_error_numeric_overflow &&
	    code != json_error_null_byte_in_key) {
		snprintf(err, errlen, "invalid JSON at column %d: %s", je.column,
		    je.text);
		return;
	}
	snprintf(err, errlen, "invalid JSON at column %zu: %s",
	    utf8_count(sc->s, sc->at) + 1, sc->why);
}

/* A hash of the object's bytes, for the key of an object without one. */
static void
content_key(const char *s, size_t n, struct buf *out)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	char key[JSONL_KEY_LEN + 1];
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001B3ULL;
		h ^= h >> 31;
	}
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	snprintf(key, sizeof key, "#%016llx", (unsigned long long)h);
	buf_add(out, key, JSONL_KEY_LEN);
}

/* The text field: a string, from text (else content) or --text-field. */
static int
text_field(const struct jsonl_spec *sp, struct jsonl_doc *d, const char *s,
    char *err, size_t errlen)
{
	const struct jsonl_span *t = &d->span[W_TEXT];

	if (!t->seen && sp->text_field == NULL) {
		t = &d->span[W_CONTENT];
		if (!t->seen) {
			snprintf(err, errlen, "no 'text' or 'content' field");
			return -1;
		}
	}
	if (!t->seen || s[t->b] != '"') {
		snprintf(err, errlen, "field '%s' %s",
		    sp->text_field ? sp->text_field : "text",
		    !t->seen ? "missing" : "is not a string");
		return -1;
	}
	d->repaired |= value_text(s, t, &d->text);
	return 0;
}

int
jsonl_parse(const struct jsonl_spec *sp, const char *s, size_t n,
    struct jsonl_doc *d, char *err, size_t errlen)
{
	struct scan sc = { s, n, 0, NULL, 0, &d->stack };
	const char *dup = NULL;
	size_t i, ob, oe;
	int bad;

	memset(d->span, 0, (W_KEEP + sp->nkeep) * sizeof *d->span);
	d->stack.len = 0;
	d->repaired = 0;
	skip_ws(&sc);
	ob = sc.i;
	if (sc.i < n && s[sc.i] == '{')
		bad = scan_object(&sc, sp, d, &dup);
	else if (sc.i < n && s[sc.i] == '[')
		bad = scan_value(&sc);
	else
		bad = fail(&sc, "'[' or '{' expected");
	oe = sc.i;
	if (!bad) {
		skip_ws(&sc);
		if (sc.i < n)
			bad = fail(&sc, "end of input expected");
	}
	if (dup != NULL) {
		snprintf(err, errlen, "field '%s' appears twice", dup);
		return -1;
	}
	if (bad) {
		invalid(&sc, err, errlen);
		return -1;
	}
	if (s[ob] != '{') {
		snprintf(err, errlen, "not a JSON object");
		return -1;
	}
	if (text_field(sp, d, s, err, errlen) < 0)
		return -1;
	d->repaired |= value_text(s, &d->span[W_ID], &d->id);
	if (d->id.len == 0)
		content_key(s + ob, oe - ob, &d->id);
	d->repaired |= value_text(s, &d->span[W_URL], &d->url);
	for (i = 0; i < sp->nkeep; i++)
		d->repaired |= value_text(s, &d->span[W_KEEP + i], &d->keep[i]);
	return 0;
}
