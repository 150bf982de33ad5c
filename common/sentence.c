/* sentence.c - sentence boundaries in Chinese news text
 *
 * Full-width terminators (。！？), their half-width twins (! ?) and the
 * ellipsis (…… ⋯) end a sentence, together with any terminators and
 * closing quotes or brackets that follow them (。” ！） ……”). They are
 * unambiguous in Chinese text, so a table (punct.h, shared with anything
 * else that must agree on where a sentence ends) decides them at
 * scanning speed.
 * A full stop (. ．) is ambiguous: decimals, dates, abbreviations (U.S.,
 * Dr.), initials, domain names. There a list of abbreviations that
 * ICU's own suppressions miss (Dr. U.S. Prof. and single initials) is
 * checked, and then ICU's sentence break iterator, with the English
 * suppressions (en@ss=standard), decides on the whole line. No boundary
 * is made:
 *   - inside a URL (http://..., www....), whose ? ! . are not terminators;
 *   - before ，、：；, which continue the sentence ("……，");
 *   - after a period directly followed by a Han character or a digit;
 *   - after a piece with no letter in it ("1." "(2)"): it joins the next.
 * A line without terminators (a headline, a byline) is one sentence.
 */
#include "sentence.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "diag.h"
#include "punct.h"
#include "regex.h"
#include "utf8.h"

enum term { T_NONE, T_STRONG, T_ELLIPSIS, T_PERIOD, T_SEMI };

struct sentsplit {
	int semicolon;
	UBreakIterator *bi;	/* opened on first need */
	UText ut;
	int ut_line;		/* ut set for the current line */
	struct regex url;
	size_t *urls;		/* [b, e) pairs for the current line */
	size_t nurls, capurls;
	int urls_found;		/* urls computed for the current line */
};

static const char URL_PATTERN[] =
	"(?:https?|ftp)://[^\\s\\p{Han}\\x{3000}-\\x{303F}\\x{FF01}-\\x{FF5E}"
	"\"<>]+|www\\.[A-Za-z0-9-]+\\.[A-Za-z0-9./?=&%#_~+-]+";

struct sentsplit *
ss_new(int semicolon)
{
	struct sentsplit *ss = xcalloc(1, sizeof *ss);

	ss->semicolon = semicolon;
	rx_builtin(&ss->url, URL_PATTERN, 0);
	return ss;
}

void
ss_free(struct sentsplit *ss)
{
	if (ss == NULL)
		return;
	if (ss->bi != NULL) {
		ubrk_close(ss->bi);
		utext_close(&ss->ut);
	}
	rx_free(&ss->url);
	free(ss->urls);
	free(ss);
}

/* What the punctuation table says of c, for this splitter. */
static enum term
term_kind(uint32_t c, int semicolon)
{
	unsigned k = punct_class(c);

	if (k & PUNCT_STOP)
		return T_STRONG;
	if (k & PUNCT_ELLIPSIS)
		return T_ELLIPSIS;
	if (k & PUNCT_PERIOD)
		return T_PERIOD;
	if (k & PUNCT_SEMI)
		return semicolon ? T_SEMI : T_NONE;
	return T_NONE;
}

static int
is_closer(uint32_t c)
{
	return (punct_class(c) & PUNCT_CLOSE) != 0;
}

/* Clause breaks and semicolons: after a terminator they continue the
 * sentence ("……，"). */
static int
continues(uint32_t c)
{
	return (punct_class(c) & (PUNCT_CLAUSE | PUNCT_SEMI)) != 0;
}

/* Does [b, e) hold a letter or ideograph? Pieces without one ("1.",
 * "(2)", "……") are not sentences of their own. */
static int
has_letter(const char *s, size_t b, size_t e)
{
	while (b < e) {
		uint32_t c = utf8_next(s, e, &b);

		if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') :
		    (uc_is_han(c) || u_isalpha((UChar32)c)))
			return 1;
	}
	return 0;
}

static void
find_urls(struct sentsplit *ss, const char *s, size_t n)
{
	size_t from = 0, b, e;

	ss->nurls = 0;
	if (!memmem(s, n, "://", 3) && !memmem(s, n, "www.", 4))
		return;
	while (from < n && rx_find(&ss->url, s, n, from, 0, &b, &e)) {
		if (ss->nurls + 2 > ss->capurls) {
			ss->capurls = ss->capurls ? ss->capurls * 2 : 16;
			ss->urls = xrealloc(ss->urls, ss->capurls * sizeof *ss->urls);
		}
		/* a URL does not end in sentence punctuation */
		while (e > b && strchr(".!?,;:)", s[e - 1]))
			e--;
		ss->urls[ss->nurls++] = b;
		ss->urls[ss->nurls++] = e;
		from = e > b ? e : b + 1;
	}
}

/* Titles and abbreviations that rarely end an English sentence. */
static const char *const abbrevs[] = {
	"Adm", "Apr", "Aug", "Capt", "Co", "Col", "Corp", "Dec", "Dept", "Dr",
	"E.U", "Feb", "Fig", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul",
	"Jun", "Lt", "Ltd", "Maj", "Mar", "Mr", "Mrs", "Ms", "Mt", "No", "Nos",
	"Nov", "Oct", "Pres", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt",
	"Sr", "St", "U.K", "U.N", "U.S", "U.S.A", "Vol", "a.m", "e.g", "i.e",
	"p.m", "vs"
};

#define ABBREV_MAX 5	/* the longest of them, U.S.A */

/* Is the period at s[at] the end of an abbreviation or an initial? The
 * letters and dots before it are looked at no further back than the
 * longest abbreviation: a longer run is none (and a line of "a.a.a."
 * is not read again at each of its periods). */
static int
abbreviation(const char *s, size_t at)
{
	size_t b = at, k, len;

	while (b > 0 && at - b <= ABBREV_MAX && (((s[b - 1] | 0x20) >= 'a' &&
	    (s[b - 1] | 0x20) <= 'z') || s[b - 1] == '.'))
		b--;
	len = at - b;
	if (len == 0 || len > ABBREV_MAX)
		return 0;
	if (b > 0 && (unsigned char)s[b - 1] < 0x80 &&
	    ((s[b - 1] >= '0' && s[b - 1] <= '9') || s[b - 1] == '_' ||
	    s[b - 1] == '-' || s[b - 1] == '@' || s[b - 1] == '/'))
		return 0;	/* part of a longer token */
	if (len == 1 && s[b] >= 'A' && s[b] <= 'Z')
		return 1;	/* an initial: J. K. Rowling */
	for (k = 0; k < sizeof abbrevs / sizeof abbrevs[0]; k++)
		if (strlen(abbrevs[k]) == len &&
		    memcmp(abbrevs[k], s + b, len) == 0)
			return 1;
	return 0;
}

static int
icu_boundary(struct sentsplit *ss, const char *s, size_t n, size_t at)
{
	UErrorCode st = U_ZERO_ERROR;

	if (n > INT32_MAX)
		return 1;
	if (ss->bi == NULL) {
		UText init = UTEXT_INITIALIZER;

		ss->ut = init;
		ss->bi = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &st);
		if (U_FAILURE(st))
			die(EXIT_TROUBLE, "cannot open ICU sentence iterator: %s",
			    u_errorName(st));
	}
	if (!ss->ut_line) {
		st = U_ZERO_ERROR;
		utext_openUTF8(&ss->ut, s, (int64_t)n, &st);
		ubrk_setUText(ss->bi, &ss->ut, &st);
		if (U_FAILURE(st))
			die(EXIT_TROUBLE, "ICU sentence iterator: %s",
			    u_errorName(st));
		ss->ut_line = 1;
	}
	return ubrk_isBoundary(ss->bi, (int32_t)at);
}

static void
emit(const char *s, size_t b, size_t e,
    void (*fn)(void *, size_t, size_t), void *arg)
{
	size_t i;

	while (b < e) {
		i = b;
		if (!uc_is_space(utf8_next(s, e, &i)))
			break;
		b = i;
	}
	while (e > b) {
		i = e - 1;
		while (i > b && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		{
			size_t j = i;

			if (!uc_is_space(utf8_next(s, e, &j)))
				break;
		}
		e = i;
	}
	if (e > b)
		fn(arg, b, e);
}

void
ss_split(struct sentsplit *ss, const char *s, size_t n,
    void (*fn)(void *, size_t, size_t), void *arg)
{
	size_t i = 0, start = 0, u = 0, lscan = 0;
	int lseen = 0;

	ss->ut_line = 0;
	ss->urls_found = 0;
	ss->nurls = 0;
	while (i < n) {
		size_t j = i, e, k, at;
		uint32_t c, d;
		enum term kind;

		if ((unsigned char)s[i] < 0x80 && !(punct_latin[(unsigned char)s[i]] &
		    (PUNCT_END | PUNCT_PERIOD | PUNCT_SEMI))) {
			i++;
			continue;
		}
		if (utf8_lead_plain((unsigned char)s[i]) && n - i >= 3) {
			do		/* no punctuation there */
				i += 3;
			while (n - i >= 3 && utf8_lead_plain((unsigned char)s[i]));
			continue;
		}
		c = utf8_next(s, n, &j);
		if ((kind = term_kind(c, ss->semicolon)) == T_NONE) {
			i = j;
			continue;
		}
		/* only ASCII . ? ! can stand inside a URL */
		if (c < 0x80 && !ss->urls_found) {
			find_urls(ss, s, n);
			ss->urls_found = 1;
		}
		while (u < ss->nurls && ss->urls[u + 1] <= i)
			u += 2;
		if (u < ss->nurls && ss->urls[u] <= i) {
			i = ss->urls[u + 1];
			continue;
		}
		/* absorb further terminators and closers: 。”  ？！  ……” */
		for (e = j; e < n;) {
			size_t t = e;

			d = utf8_next(s, n, &t);
			if (!is_closer(d) && term_kind(d, ss->semicolon) == T_NONE)
				break;
			e = t;
		}
		for (k = e; k < n;) {
			size_t t = k;

			if (!uc_is_space(utf8_next(s, n, &t)))
				break;
			k = t;
		}
		if (k >= n)
			break;
		{
			size_t t = k;

			d = utf8_next(s, n, &t);
		}
		at = i;
		i = k;
		if (continues(d) && kind != T_SEMI)
			continue;
		if (kind == T_PERIOD) {
			if ((k == e && (uc_is_han(d) || (d >= '0' && d <= '9') ||
			    (d >= 0xFF10 && d <= 0xFF19))) ||
			    (c == '.' && abbreviation(s, at)) ||
			    !icu_boundary(ss, s, n, k))
				continue;
		}
		/* a letter since start? (what was read stays read) */
		if (!lseen) {
			lseen = has_letter(s, lscan, e);
			lscan = e;
		}
		if (!lseen)
			continue;
		emit(s, start, e, fn, arg);
		start = lscan = k;
		lseen = 0;
	}
	emit(s, start, n, fn, arg);
}
