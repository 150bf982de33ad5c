/* regex.c - PCRE2 wrapper: compile once, JIT, reuse match data */
#include "regex.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

int
rx_compile(struct regex *rx, const char *pattern, unsigned flags, char *err,
    size_t errlen)
{
	int code;
	PCRE2_SIZE off;

	rx->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | flags, &code,
	    &off, NULL);
	if (rx->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, "offset %zu: %s", (size_t)off,
		    (char *)msg);
		return -1;
	}
	rx->jit = -1;		/* at the first rx_find */
	rx->warned = rx->gaveup = 0;
	rx->limit = 0;
	rx->md = pcre2_match_data_create_from_pattern(rx->code, NULL);
	if (rx->md == NULL)
		die(EXIT_TROUBLE, "out of memory (pcre2 match data)");
	return 0;
}

void
rx_builtin(struct regex *rx, const char *pattern, unsigned flags)
{
	char err[300];

	if (rx_compile(rx, pattern, flags, err, sizeof err) < 0)
		die(EXIT_TROUBLE, "internal pattern error: %s", err);
}

void
rx_limit(struct regex *rx, unsigned long base)
{
	rx->limit = base;
}

/* Each thread matches with a match context and a JIT stack of its own,
 * growing to 8 MB on demand (the default 32 KB is too little for
 * repeated groups on long lines), made at its first match and freed when
 * it ends; the limits last set in the context are kept beside it. */
struct matcher {
	pcre2_match_context *mc;
	pcre2_jit_stack *js;
	unsigned long lastbase;
	size_t lastn;
};

static _Thread_local struct matcher *this_thread;
static pthread_key_t matcher_key;
static pthread_once_t matcher_once = PTHREAD_ONCE_INIT;
static uint32_t match0, depth0;	/* PCRE2's own limits */

static void
matcher_free(void *arg)
{
	struct matcher *m = arg;

	pcre2_jit_stack_free(m->js);
	pcre2_match_context_free(m->mc);
	free(m);
}

static void
matcher_setup(void)
{
	pcre2_config(PCRE2_CONFIG_MATCHLIMIT, &match0);
	pcre2_config(PCRE2_CONFIG_DEPTHLIMIT, &depth0);
	if (pthread_key_create(&matcher_key, matcher_free) != 0)
		die(EXIT_TROUBLE, "out of memory (pcre2 match context)");
}

static struct matcher *
matcher(void)
{
	struct matcher *m = this_thread;

	if (m != NULL)
		return m;
	pthread_once(&matcher_once, matcher_setup);
	m = xcalloc(1, sizeof *m);
	m->mc = pcre2_match_context_create(NULL);
	m->js = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, NULL);
	if (m->mc == NULL || m->js == NULL)
		die(EXIT_TROUBLE, "out of memory (pcre2 match context)");
	pcre2_jit_stack_assign(m->mc, NULL, m->js);
	m->lastn = (size_t)-1;
	/* the key frees it when the thread ends (the first thread's stays
	 * to the end of the process) */
	if (pthread_setspecific(matcher_key, m) != 0)
		die(EXIT_TROUBLE, "out of memory (pcre2 match context)");
	return this_thread = m;
}

/* The limits of rx_limit() for a subject of n bytes, or PCRE2's own,
 * in this thread's match context. */
static pcre2_match_context *
set_limits(unsigned long base, size_t n)
{
	struct matcher *t = matcher();
	double m = (double)base + 10.0 * (double)n,
	    d = (double)base / 10 + 1.0 * (double)n;

	if (base == t->lastbase && n == t->lastn)
		return t->mc;		/* set already */
	t->lastbase = base;
	t->lastn = n;
	pcre2_set_match_limit(t->mc, base == 0 ? match0 : m > UINT32_MAX ?
	    UINT32_MAX : (uint32_t)m);
	pcre2_set_depth_limit(t->mc, base == 0 ? depth0 : d > UINT32_MAX ?
	    UINT32_MAX : (uint32_t)d);
	return t->mc;
}

int
rx_find(struct regex *rx, const char *s, size_t n, size_t from, int anchored,
    size_t *ms, size_t *me)
{
	pcre2_match_context *mc;
	PCRE2_SIZE *ov;
	int rc;
	uint32_t opts = 0;

	/* pcre2_match runs the JIT code only when no start option is given
	 * at match time: PCRE2_ANCHORED there sends every call to the
	 * interpreter, whose start-up work grows with the rest of the
	 * subject (quadratic over a line of many tokens). A pattern used
	 * anchored is compiled with PCRE2_ANCHORED, and then is anchored
	 * already; only one that is not needs the option here. */
	if (anchored) {
		uint32_t co = 0;

		(void)pcre2_pattern_info(rx->code, PCRE2_INFO_ARGOPTIONS, &co);
		if (!(co & PCRE2_ANCHORED))
			opts = PCRE2_ANCHORED;
	}
	/* JIT memory can be refused (SELinux, W^X): fall back quietly. */
	if (rx->jit < 0)
		rx->jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0;
	rx->gaveup = 0;
	mc = set_limits(rx->limit, n - from);
	/* the JIT's own entry skips the checks of pcre2_match, which then
	 * calls it with the same arguments */
	if (rx->jit == 1 && opts == 0)
		rc = pcre2_jit_match(rx->code, (PCRE2_SPTR)s, n, from, 0,
		    rx->md, mc);
	else
		rc = pcre2_match(rx->code, (PCRE2_SPTR)s, n, from, opts,
		    rx->md, mc);
	if (rc < 0) {
		PCRE2_UCHAR msg[256];

		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc != PCRE2_ERROR_MATCHLIMIT && rc != PCRE2_ERROR_DEPTHLIMIT &&
		    rc != PCRE2_ERROR_HEAPLIMIT && rc != PCRE2_ERROR_JIT_STACKLIMIT &&
		    rc != PCRE2_ERROR_NOMEMORY)
			die(EXIT_TROUBLE, "pattern match failed (pcre2 error %d)", rc);
		if (!rx->warned) {
			pcre2_get_error_message(rc, msg, sizeof msg);
			warnx("a pattern gave up on a line of %zu bytes (%s); "
			    "taken as no match there", n, (char *)msg);
			rx->warned = 1;
		}
		rx->gaveup = 1;
		return 0;
	}
	ov = pcre2_get_ovector_pointer(rx->md);
	*ms = ov[0];
	*me = ov[1];
	return 1;
}

void
rx_free(struct regex *rx)
{
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->code);
	rx->md = NULL;
	rx->code = NULL;
}

/* rx_needs: a reader of the pattern syntax that stops where unsure */

struct needs {
	const char *p, *end;	/* what is left of the pattern */
	int stop;		/* met syntax it does not read */
	int caseless;		/* inside (?i:...) */
};

static uint32_t
pat_char(struct needs *ps)
{
	const unsigned char *u = (const unsigned char *)ps->p;
	size_t w = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4, k;
	uint32_t c;

	if (u[0] >= 0x80 && (u[0] < 0xC2 || u[0] > 0xF4))
		w = 0;
	if (w == 0 || (size_t)(ps->end - ps->p) < w) {
		ps->stop = 1;
		return 0;
	}
	c = w == 1 ? u[0] : u[0] & (0x7F >> w);
	for (k = 1; k < w; k++) {
		if ((u[k] & 0xC0) != 0x80) {
			ps->stop = 1;
			return 0;
		}
		c = c << 6 | (u[k] & 0x3F);
	}
	ps->p += w;
	return c;
}

/* What \s may match with PCRE2_UCP: its horizontal and vertical space
 * and the Unicode category Z (Zs, Zl, Zp). A unit test asks PCRE2 of
 * every code point that none outside it is \s. */
static const uint32_t space[] = {
	0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x180E,
	0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
	0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
};

static int
is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Add v to the set c[0..*n) of room max; 0 when it is full. */
static int
cp_add(uint32_t *c, unsigned *n, unsigned max, uint32_t v)
{
	unsigned k;

	for (k = 0; k < *n; k++)
		if (c[k] == v)
			return 1;
	if (*n == max)
		return 0;
	c[(*n)++] = v;
	return 1;
}

/* Add t[0..tn) to the set c[0..*n) of room max; 0 when it is full. */
static int
cp_union(uint32_t *c, unsigned *n, unsigned max, const uint32_t *t,
    unsigned tn)
{
	unsigned k;

	for (k = 0; k < tn; k++)
		if (!cp_add(c, n, max, t[k]))
			return 0;
	return 1;
}

static int
set_add(struct rx_set *s, uint32_t c)
{
	return cp_add(s->c, &s->n, RX_SET_MAX, c);
}

static int
set_union(struct rx_set *s, const struct rx_set *t)
{
	return cp_union(s->c, &s->n, RX_SET_MAX, t->c, t->n);
}

/* The set of the literal character c: c, or with (?i:...) what PCRE2
 * may match for it, where that is plain (ASCII). A unit test asks PCRE2
 * of every code point. */
static int
literal_set(const struct needs *ps, uint32_t c, struct rx_set *s)
{
	s->n = 0;
	if (!ps->caseless || (c < 0x80 && !((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z'))) {
		set_add(s, c);
		return 1;
	}
	if (c >= 0x80)
		return 0;	/* the case of the rest: not here */
	set_add(s, c | 0x20);
	set_add(s, c & ~0x20u);
	if ((c | 0x20) == 'k')
		set_add(s, 0x212A);	/* KELVIN SIGN */
	if ((c | 0x20) == 's')
		set_add(s, 0x017F);	/* LATIN SMALL LETTER LONG S */
	return 1;
}

/* The code point at ps->p (the pattern is UTF-8, as it compiled). */
/* Step over {...} after \x, \o, \p, \P or \N. */
static void
skip_braces(struct needs *ps)
{
	const char *q = memchr(ps->p, '}', (size_t)(ps->end - ps->p));

	if (q == NULL)
		ps->stop = 1;
	else
		ps->p = q + 1;
}

/* The class after its '[': 1 with its members in s when they are all
 * literal characters, else 0. */
static int
needs_class(struct needs *ps, struct rx_set *s)
{
	int lit = 1, first = 1;

	s->n = 0;
	if (ps->p < ps->end && *ps->p == '^') {
		lit = 0;
		ps->p++;
	}
	for (;;) {
		uint32_t lo, hi;

		if (ps->p >= ps->end) {
			ps->stop = 1;
			return 0;
		}
		if (*ps->p == ']' && !first) {
			ps->p++;
			return lit && s->n > 0;
		}
		first = 0;
		if (*ps->p == '[' && ps->p + 1 < ps->end &&
		    strchr(":.=", ps->p[1])) {
			ps->stop = 1;	/* POSIX classes */
			return 0;
		}
		if (*ps->p == '\\') {
			unsigned char d;

			if (ps->p + 1 >= ps->end) {
				ps->stop = 1;
				return 0;
			}
			d = (unsigned char)ps->p[1];
			if (is_alnum(d)) {	/* \d, \s, \x..: not literal */
				if (strchr("QEc", d)) {
					ps->stop = 1;
					return 0;
				}
				lit = 0;
				ps->p += 2;
				if (strchr("xopPN", d) && ps->p < ps->end &&
				    *ps->p == '{')
					skip_braces(ps);
				if (ps->stop)
					return 0;
				continue;
			}
			ps->p++;
		}
		lo = pat_char(ps);
		if (ps->stop)
			return 0;
		hi = lo;
		if (ps->end - ps->p >= 2 && ps->p[0] == '-' && ps->p[1] != ']') {
			ps->p++;
			if (*ps->p == '[' || (*ps->p == '\\' &&
			    (ps->p + 1 >= ps->end ||
			    is_alnum((unsigned char)ps->p[1])))) {
				ps->stop = 1;
				return 0;
			}
			if (*ps->p == '\\')
				ps->p++;
			hi = pat_char(ps);
			if (ps->stop || hi < lo) {
				ps->stop = 1;
				return 0;
			}
		}
		if (hi - lo >= RX_SET_MAX)
			lit = 0;
		for (; lit && lo <= hi; lo++)
			if (!set_add(s, lo))
				lit = 0;
	}
}

/* The least count of the quantifier at ps->p (1 when there is none), or
 * -1 (and stop) when unsure. */
static long
needs_quantifier(struct needs *ps)
{
	long min = 1;

	if (ps->p >= ps->end)
		return 1;
	switch (*ps->p) {
	case '?':
	case '*':
		min = 0;
		ps->p++;
		break;
	case '+':
		ps->p++;
		break;
	case '{': {
		const char *q = ps->p + 1;

		if (q >= ps->end || *q < '0' || *q > '9') {
			ps->stop = 1;	/* a literal {, or a newer syntax */
			return -1;
		}
		for (min = 0; q < ps->end && *q >= '0' && *q <= '9'; q++)
			min = min < 100000 ? min * 10 + (*q - '0') : min;
		if (q < ps->end && *q == ',')
			for (q++; q < ps->end && *q >= '0' && *q <= '9'; q++)
				;
		if (q >= ps->end || *q != '}') {
			ps->stop = 1;
			return -1;
		}
		ps->p = q + 1;
		break;
	}
	default:
		return 1;
	}
	if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '+'))
		ps->p++;	/* lazy or possessive: the same least count */
	if (ps->p < ps->end && strchr("?*+{", *ps->p)) {
		ps->stop = 1;
		return -1;
	}
	return min;
}

static size_t needs_alts(struct needs *ps, struct rx_set *out, size_t max);

/* Step over the opening of the group at ps->p ('('): 1, with *look set
 * for a look-around (and (?i: making it caseless); 0 for a comment,
 * stepped over whole; -1, not moving, for syntax not read (options,
 * conditions, calls, verbs). */
static int
group_open(struct needs *ps, int *look)
{
	const char *q = ps->p + 1;

	*look = 0;
	if (q < ps->end && *q == '?') {
		q++;
		if (q < ps->end && strchr(":>|", *q))
			q++;
		else if (ps->end - q >= 2 && q[0] == 'i' && q[1] == ':')
			q += 2, ps->caseless = 1;
		else if (q < ps->end && (*q == '=' || *q == '!'))
			q++, *look = 1;
		else if (ps->end - q >= 2 && *q == '<' &&
		    (q[1] == '=' || q[1] == '!'))
			q += 2, *look = 1;
		else if (q < ps->end && *q == '#') {
			q = memchr(q, ')', (size_t)(ps->end - q));
			if (q == NULL)
				return -1;
			ps->p = q + 1;
			return 0;
		} else if (q < ps->end && (*q == '<' || *q == '\'' ||
		    *q == 'P')) {	/* named group */
			char close = *q == '\'' ? '\'' : '>';

			if (*q == 'P' && (ps->end - q < 2 || q[1] != '<'))
				return -1;
			q = memchr(q + 1, close, (size_t)(ps->end - q - 1));
			if (q == NULL)
				return -1;
			q++;
		} else
			return -1;
	} else if (q < ps->end && *q == '*')
		return -1;
	ps->p = q;
	return 1;
}

/* Add s to out[0..*n) when there is room. */
static void
needs_put(struct rx_set *out, size_t *n, size_t max, const struct rx_set *s)
{
	if (*n < max && s->n > 0)
		out[(*n)++] = *s;
}

/* One alternative: the items up to '|', ')' or the end. */
static size_t
needs_seq(struct needs *ps, struct rx_set *out, size_t max)
{
	size_t n = 0;

	while (ps->p < ps->end && !ps->stop && *ps->p != '|' && *ps->p != ')') {
		struct rx_set atom[2];
		size_t na = 0, k;
		unsigned char c = (unsigned char)*ps->p;

		if (c == '^' || c == '$' || c == '.') {
			ps->p++;
		} else if (c == '[') {
			ps->p++;
			na = needs_class(ps, &atom[0]);
			if (ps->caseless)
				na = 0;
		} else if (c == '(') {
			int look, was = ps->caseless, g = group_open(ps, &look);

			if (g < 0)
				break;
			if (g == 0)
				continue;	/* a comment */
			na = needs_alts(ps, atom, 2);
			ps->caseless = was;
			if (ps->stop)
				break;
			if (ps->p >= ps->end || *ps->p != ')')
				break;
			ps->p++;
			if (look)
				na = 0;
		} else if (c == '\\') {
			unsigned char d;

			if (ps->p + 1 >= ps->end)
				break;
			d = (unsigned char)ps->p[1];
			if (is_alnum(d)) {
				if (!strchr("dDsSwWhHvVRXNbBAzZGKntrfea", d) &&
				    !strchr("xopP", d))
					break;	/* \Q, \c, numbers, names... */
				ps->p += 2;
				if (d == 's') {
					size_t k;

					atom[0].n = 0;
					for (k = 0; k < sizeof space / sizeof *space; k++)
						set_add(&atom[0], space[k]);
					na = 1;
				}
				if (d == 'N' && ps->p < ps->end && *ps->p == '{')
					break;
				if (strchr("xopP", d)) {
					if (ps->p < ps->end && *ps->p == '{')
						skip_braces(ps);
					else if (d == 'x' || d == 'o' ||
					    ps->p >= ps->end)
						break;	/* \xhh: not worth it */
					else
						ps->p++;	/* \pL */
				}
			} else {
				ps->p++;
				na = (size_t)literal_set(ps, pat_char(ps), &atom[0]);
			}
		} else if (strchr("*+?{", c)) {
			break;
		} else
			na = (size_t)literal_set(ps, pat_char(ps), &atom[0]);
		if (ps->stop)
			break;
		if (needs_quantifier(ps) < 1)
			na = 0;
		if (ps->stop)
			break;
		for (k = 0; k < na; k++)
			needs_put(out, &n, max, &atom[k]);
	}
	if (ps->p < ps->end && *ps->p != '|' && *ps->p != ')')
		ps->stop = 1;
	return n;
}

/* The alternatives up to ')' or the end: all the sets of one, or when
 * there are more, a set of the first of each and one of the last of each
 * (a match holds one of the alternatives, so one of its sets). */
static size_t
needs_alts(struct needs *ps, struct rx_set *out, size_t max)
{
	struct rx_set one[8], first = { { 0 }, 0 }, last = { { 0 }, 0 };
	size_t n, k, nalt = 0;
	int okf = 1, okl = 1;

	for (;;) {
		n = needs_seq(ps, one, 8);
		if (ps->stop)
			return 0;
		if (nalt++ == 0)
			for (k = 0; k < n && k < max; k++)
				out[k] = one[k];
		if (n == 0)
			okf = okl = 0;
		else {
			okf = okf && set_union(&first, &one[0]);
			okl = okl && set_union(&last, &one[n - 1]);
		}
		if (ps->p >= ps->end || *ps->p != '|')
			break;
		ps->p++;
	}
	if (nalt == 1)
		return n < max ? n : max;
	n = 0;
	if (okf)
		needs_put(out, &n, max, &first);
	if (okl && (!okf || first.n != last.n ||
	    memcmp(first.c, last.c, first.n * sizeof *first.c) != 0))
		needs_put(out, &n, max, &last);
	return n;
}

size_t
rx_needs(const char *pattern, size_t len, struct rx_set *set, size_t max)
{
	struct needs ps = { pattern, pattern + len, 0, 0 };
	struct rx_set tmp[16];
	size_t n = needs_alts(&ps, tmp, max < 16 ? max : 16);

	if (ps.stop || ps.p != ps.end)
		n = 0;	/* unsure of it all */
	memcpy(set, tmp, n * sizeof *set);
	return n;
}

/* rx_first: the same reader, for the first character of a match */

static int
first_union(struct rx_first *f, const uint32_t *c, unsigned n)
{
	return cp_union(f->c, &f->n, RX_FIRST_MAX, c, n);
}

static int first_alts(struct needs *ps, struct rx_first *f, int *any,
    int *empty);

/* One alternative up to '|', ')' or the end: the characters its match
 * may begin with join f, *any when they are not plain (any character,
 * too many), *empty when the whole of it may match nothing. 0 for
 * syntax it does not read. */
static int
first_seq(struct needs *ps, struct rx_first *f, int *any, int *empty)
{
	int open = 1;	/* all the items so far may match nothing */

	while (ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
		struct rx_set atom;
		struct rx_first sub;
		/* 0 a set (atom), 1 zero width, 2 a group (sub), 3 \d,
		 * -1 not plain */
		int kind = 0, subany = 0, skip = 0;
		unsigned char c = (unsigned char)*ps->p;

		atom.n = 0;
		if (c == '^' || c == '$') {
			ps->p++;
			kind = 1;
		} else if (c == '.') {
			ps->p++;
			kind = -1;
		} else if (c == '[') {
			ps->p++;
			if (!needs_class(ps, &atom) || ps->caseless)
				kind = -1;
		} else if (c == '(') {
			int look, was = ps->caseless, g = group_open(ps, &look);

			if (g < 0 || look)
				return 0;	/* look-arounds, options... */
			if (g == 0)
				continue;	/* a comment */
			memset(&sub, 0, sizeof sub);
			if (!first_alts(ps, &sub, &subany, &skip))
				return 0;
			ps->caseless = was;
			if (ps->p >= ps->end || *ps->p != ')')
				return 0;
			ps->p++;
			kind = subany ? -1 : 2;
		} else if (c == '\\') {
			unsigned char d;

			if (ps->p + 1 >= ps->end)
				return 0;
			d = (unsigned char)ps->p[1];
			if (is_alnum(d)) {
				size_t k;

				ps->p += 2;
				if (d == 's') {
					for (k = 0; k < sizeof space / sizeof *space; k++)
						set_add(&atom, space[k]);
				} else if (d == 'd')
					kind = 3;
				else if (d == 'b' || d == 'B')
					kind = 1;
				else if (strchr("DSwWhHvVRX", d))
					kind = -1;
				else
					return 0;	/* \x, \p, \Q, \N, \A, \K... */
			} else {
				ps->p++;
				if (!literal_set(ps, pat_char(ps), &atom))
					kind = -1;
			}
		} else if (strchr("*+?{", c)) {
			return 0;
		} else if (!literal_set(ps, pat_char(ps), &atom))
			kind = -1;
		if (ps->stop)
			return 0;
		if (needs_quantifier(ps) == 0)
			skip = 1;	/* the item may be left out */
		if (ps->stop)
			return 0;
		if (!open)
			continue;	/* read on, to find the end */
		if (kind == -1 ||
		    (kind == 0 && !first_union(f, atom.c, atom.n)) ||
		    (kind == 2 && !first_union(f, sub.c, sub.n)))
			*any = 1;
		if (kind == 2)
			f->digit |= sub.digit;
		if (kind == 3)
			f->digit = 1;
		open = kind == 1 || skip;
	}
	*empty = open;
	return 1;
}

/* The alternatives up to ')' or the end. */
static int
first_alts(struct needs *ps, struct rx_first *f, int *any, int *empty)
{
	*empty = 0;
	for (;;) {
		int e;

		if (!first_seq(ps, f, any, &e))
			return 0;
		*empty |= e;
		if (ps->p >= ps->end || *ps->p != '|')
			return 1;
		ps->p++;
	}
}

int
rx_first(const char *pattern, size_t len, struct rx_first *f)
{
	struct needs ps = { pattern, pattern + len, 0, 0 };
	int any = 0, empty = 0;

	memset(f, 0, sizeof *f);
	if (!first_alts(&ps, f, &any, &empty) || ps.stop || ps.p != ps.end ||
	    any || empty) {
		memset(f, 0, sizeof *f);
		return 0;
	}
	return 1;
}

int
rx_first_may(const struct rx_first *f, uint32_t c)
{
	unsigned k;

	for (k = 0; k < f->n; k++)
		if (f->c[k] == c)
			return 1;
	/* \d with PCRE2_UCP is \p{Nd}: past ASCII, the digits of Unicode
	 * (up to 16.0) are in U+0660..1C59 (Arabic to Ol Chiki), U+A620..ABF9
	 * (Vai to Meetei Mayek), U+FF10..FF19 (full width) and from U+104A0
	 * on (a unit test asks PCRE2 of every code point) */
	return f->digit && ((c >= '0' && c <= '9') ||
	    (c >= 0x660 && c <= 0x1C59) || (c >= 0xA620 && c <= 0xABF9) ||
	    (c >= 0xFF10 && c <= 0xFF19) || c >= 0x104A0);
}
