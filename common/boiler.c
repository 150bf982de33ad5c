/* boiler.c - normal forms of lines, boilerplate rules, sentence ends */
#include "boiler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "diag.h"
#include "hash.h"
#include "input.h"
#include "textnorm.h"
#include "utf8.h"

extern const char zh_boilerplate_data[];
extern const unsigned long zh_boilerplate_size;

struct normaliser {
	struct textnorm *tn;
	struct buf nf, folded;
};

struct normaliser *
norm_new(void)
{
	struct normaliser *nm = xcalloc(1, sizeof *nm);

	nm->tn = tn_new(TN_NFKC);
	return nm;
}

void
norm_free(struct normaliser *nm)
{
	if (nm == NULL)
		return;
	tn_free(nm->tn);
	buf_free(&nm->nf);
	buf_free(&nm->folded);
	free(nm);
}

uint64_t
norm_hash(struct normaliser *nm, const char *s, size_t n)
{
	size_t i = 0, j;
	uint64_t h;

	tn_apply(nm->tn, s, n, &nm->nf);
	nm->folded.len = 0;
	while (i < nm->nf.len) {
		uint32_t c;

		j = i;
		c = utf8_next(nm->nf.p, nm->nf.len, &i);
		if (c < 0x80) {
			if (c >= '0' && c <= '9')
				buf_addc(&nm->folded, '0');
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				buf_addc(&nm->folded, (char)(c | 0x20));
			continue;
		}
		if (u_isdigit((UChar32)c))
			buf_addc(&nm->folded, '0');
		else if (uc_is_han(c) || u_isalpha((UChar32)c))
			buf_add(&nm->folded, nm->nf.p + j, i - j);
	}
	if (nm->folded.len == 0)
		return 0;
	h = hash64(nm->folded.p, nm->folded.len, 0);
	return h ? h : 1;
}

const char *
norm_folded(const struct normaliser *nm, size_t *len)
{
	*len = nm->folded.len;
	return nm->folded.p;
}

/* Can the pattern be one branch of an alternation and mean the same?
 * Not with numbered back references or subroutine calls (the numbers
 * shift) or control verbs; when unsure, say no. */
static int
combinable(const char *pat)
{
	const char *p;

	for (p = pat; *p; p++) {
		if (p[0] == '\\' && p[1]) {
			if ((p[1] >= '1' && p[1] <= '9') || p[1] == 'g' ||
			    p[1] == 'k')
				return 0;
			p++;
			continue;
		}
		if (p[0] == '(' && (p[1] == '*' || (p[1] == '?' &&
		    p[2] && strchr("P&R+-0123456789", p[2]))))
			return 0;
	}
	return 1;
}

static void
add_to_any(struct rules *r, const char *pat)
{
	if (r->stale < 0)
		return;		/* a rule could not join: no prefilter */
	if (!combinable(pat)) {
		r->stale = -1;
		return;
	}
	if (r->all.len)
		buf_addc(&r->all, '|');
	buf_add(&r->all, "(?:", 3);
	buf_add(&r->all, pat, strlen(pat));
	buf_addc(&r->all, ')');
	r->stale = 1;
}

int
rules_load(struct rules *r, const char *path)
{
	struct buf text = { 0 };
	const char *label = path ? path : "built-in rules";
	char *p, *end;
	unsigned long line = 0;
	int bad = 0;

	if (path) {
		struct reader rd;
		const char *s;
		size_t n;

		if (rd_open(&rd, path, RD_STRICT) < 0)
			return -1;
		while (rd_line(&rd, &s, &n)) {
			buf_add(&text, s, n);
			buf_addc(&text, '\n');
		}
		bad = rd.failed;
		rd_close(&rd);
	} else
		buf_add(&text, zh_boilerplate_data, zh_boilerplate_size);
	buf_cstr(&text);
	for (p = text.p, end = p + text.len; p < end && !bad;) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *tab, err[300];

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		line++;
		if (*p == '#' || *p == '\0') {
			p = nl + 1;
			continue;
		}
		if ((tab = strchr(p, '\t')) == NULL || tab == p || tab[1] == '\0') {
			input_error(label, line, "expected name<TAB>pattern");
			bad = 1;
			break;
		}
		*tab = '\0';
		r->rx = xrealloc(r->rx, (r->n + 1) * sizeof *r->rx);
		r->name = xrealloc(r->name, (r->n + 1) * sizeof *r->name);
		if (rx_compile(&r->rx[r->n], tab + 1, 0, err, sizeof err) < 0) {
			input_error(label, line, "rule '%s': %s", p, err);
			bad = 1;
			break;
		}
		r->name[r->n++] = xstrdup(p);
		add_to_any(r, tab + 1);
		p = nl + 1;
	}
	buf_free(&text);
	return bad ? -1 : 0;
}

const char *
rules_match(struct rules *r, const char *s, size_t n)
{
	size_t k, b, e;

	if (r->stale == 1) {
		char err[300];

		if (r->have_any)
			rx_free(&r->any);
		r->have_any = rx_compile(&r->any, buf_cstr(&r->all), 0, err,
		    sizeof err) == 0;
		r->any.warned = 1;	/* the rule itself will say it gave up */
		r->stale = 0;
	}
	if (r->have_any && !rx_find(&r->any, s, n, 0, 0, &b, &e) &&
	    !r->any.gaveup)
		return NULL;
	for (k = 0; k < r->n; k++)
		if (rx_find(&r->rx[k], s, n, 0, 0, &b, &e))
			return r->name[k];
	return NULL;
}

void
rules_free(struct rules *r)
{
	size_t k;

	for (k = 0; k < r->n; k++) {
		rx_free(&r->rx[k]);
		free(r->name[k]);
	}
	free(r->rx);
	free(r->name);
	r->rx = NULL;
	r->name = NULL;
	r->n = 0;
	if (r->have_any)
		rx_free(&r->any);
	buf_free(&r->all);
	r->have_any = r->stale = 0;
}

int
ends_sentence(const char *s, size_t n)
{
	while (n > 0) {
		size_t i = n - 1;
		uint32_t c;

		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		{
			size_t k = i;

			c = utf8_next(s, n, &k);
		}
		switch (c) {
		case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09:
		case ')': case '"': case ' ': case 0x3000:
			n = i;		/* closers and spaces: look before them */
			continue;
		case 0x3002: case 0xFF01: case 0xFF1F: case '!': case '?':
		case 0x2026: case 0xFF1B: case ';': case '.':
			return 1;
		}
		return 0;
	}
	return 0;
}
