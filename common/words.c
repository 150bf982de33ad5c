/* words.c - dictionary-based word segmentation
 *
 * Han runs are cut by the maximum-probability path through the word
 * lattice (unigram model: each word's log relative frequency, unknown
 * single characters frequency 1), the method of jieba's cut(HMM=False).
 * The dictionary is a trie (trie.c), so a lattice walk is one probe a
 * character; the prebuilt list, unchanged, is walked on its copy as a
 * double array (trie_da), which reads less memory a step: the lattice
 * walk and the look-ups of words (ws_tag, ws_freq, ws_prefixes) alike,
 * each cell's word packed beside it (tag and frequency, WORD_*), so
 * that a tool on the built-in list never reads the hash trie.
 *
 * Everything else is cut by one PCRE2 pattern, tried anchored where
 * each token starts: URLs, e-mail addresses, numbers with their
 * separators (1,234.5  99.06%  2022-05-26  22:58:46 0931-8159799) and
 * Latin/digit mixes (PM2.5, 5G, iPhone) stay whole. No alternative may
 * read far past the token it finds, or a line of many tokens is read
 * again at each (quadratic): the local part of an e-mail address is at
 * most 64 characters, as RFC 5321 has it ("a%a%a%..." is not one).
 * A number directly followed by 年, 月 or 日 is one token ("2022年").
 */
#include "words.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "buf.h"
#include "bytes.h"
#include "diag.h"
#include "input.h"
#include "prebuilt.h"
#include "regex.h"
#include "rows.h"
#include "simplify.h"
#include "trie.h"
#include "utf8.h"

extern const char zh_words_data[];
extern const unsigned long zh_words_size;

const char *const toktype_name[] = { "word", "num", "latin", "punct" };

#define NOWORD (-1e30f)

/* A word in the dense trie's aux[]: its tag's index above WORD_TAGSHIFT,
 * its frequency below, a whole number from 1 to WORD_FREQMAX; 0 for a
 * cell that is no word. A list with any other frequency gets no aux[]
 * (its look-ups walk the hash trie). */
#define WORD_TAGSHIFT 26
#define WORD_FREQMAX ((1u << WORD_TAGSHIFT) - 1)

struct wordseg {
	struct trie *trie;
	const struct trie_da *da;	/* the same trie with logp, and each
					 * word in aux, dense (prebuilt and
					 * unchanged only, else NULL) */
	double *freq;		/* per node; 0 = not a word */
	uint8_t *tag;		/* per node: index into tags[], 0 = none */
	char tags[64][8];	/* part-of-speech tags seen, tags[0] = "" */
	uint8_t tagn[64];	/* their lengths */
	int ntags;
	float *logp;		/* per node, after finish() */
	double lt;		/* log of the total frequency, after finish() */
	uint32_t nnodes, capnodes;
	size_t nwords;
	double total;
	int finished;
	struct regex tok;
	size_t maxlen;		/* the longest word, in code points */
	/* scratch, reused for every run: 8 bytes a code point */
	uint32_t *cp;
	uint32_t *next;
	size_t scap;
	double *route;		/* a ring: the words ahead of a position */
	uint32_t *code;		/* a ring beside it: their code points'
				 * codes in da */
	size_t rmask;
	size_t rfor;		/* the maxlen the ring was sized for */
	struct simplify *simp;	/* user words in Traditional characters */
	int rodata;		/* trie, freq, tag and logp are prebuilt
				 * read-only data (thaw() before a change) */
	int stop;		/* ws_stop() during a cut */
	int regex_only;		/* ws_plain_latin(ws, 0): no byte scan */
	int hash_only;		/* ws_dense(ws, 0): da not walked */
	int da_words;		/* look-ups walk da: it has aux and
				 * !hash_only */
};

static const char TOKEN_PATTERN[] =
	/* URLs and e-mail addresses */
	"(?:https?|ftp)://[^\\s\\p{Han}\\x{3000}-\\x{303F}\\x{FF01}-\\x{FF5E}"
	"\"<>]+(?<![.,;:!?)])"
	"|www\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+(?:/[A-Za-z0-9/?=&%#._~+-]*"
	"[A-Za-z0-9/=&%#_~+-])?"
	"|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"
	/* numbers with thousands separators */
	"|[0-9\\x{FF10}-\\x{FF19}]{1,3}(?:[,\\x{FF0C}][0-9\\x{FF10}-\\x{FF19}]{3})+"
	"(?![0-9\\x{FF10}-\\x{FF19}])(?:[.\\x{FF0E}][0-9\\x{FF10}-\\x{FF19}]+)?"
	"[%\\x{FF05}\\x{2030}]?"
	/* Latin letters and digits, joined by . : - _ / & ' + */
	"|[A-Za-z0-9\\x{FF10}-\\x{FF19}\\x{FF21}-\\x{FF3A}\\x{FF41}-\\x{FF5A}]+"
	"(?:[.\\x{FF0E}:\\x{FF1A}\\-\\x{FF0D}_/&'+]"
	"[A-Za-z0-9\\x{FF10}-\\x{FF19}\\x{FF21}-\\x{FF3A}\\x{FF41}-\\x{FF5A}]+)*"
	"[%\\x{FF05}\\x{2030}+#]*"
	/* letters of other scripts */
	"|(?:(?!\\p{Han})[\\p{L}\\p{M}\\p{N}])+";

static inline uint32_t
child(const struct wordseg *ws, uint32_t node, uint32_t c)
{
	return trie_child(ws->trie, node, c);
}

/* The prebuilt tables copied to the heap, before the first change: the
 * same numbers, so a word added later is cut as if the list had been
 * built at start. */
static void
thaw(struct wordseg *ws)
{
	double *freq;
	uint8_t *tag;

	if (!ws->rodata)
		return;
	freq = xbigalloc(ws->capnodes * sizeof *freq);
	memcpy(freq, ws->freq, ws->nnodes * sizeof *freq);
	tag = xbigalloc(ws->capnodes * sizeof *tag);
	memcpy(tag, ws->tag, ws->nnodes * sizeof *tag);
	ws->trie = trie_copy(ws->trie);
	ws->freq = freq;
	ws->tag = tag;
	ws->logp = NULL;	/* finish() makes it again */
	ws->da = NULL;
	ws->da_words = 0;
	ws->finished = 0;
	ws->rodata = 0;
}

/* Make the per-node arrays cover every node of the trie. */
static void
cover_nodes(struct wordseg *ws)
{
	uint32_t n = trie_nodes(ws->trie);

	if (n > ws->capnodes) {
		uint32_t old = ws->capnodes;

		while (ws->capnodes < n)
			ws->capnodes *= 2;
		ws->freq = xbigrealloc(ws->freq, old * sizeof *ws->freq,
		    ws->capnodes * sizeof *ws->freq);
		ws->tag = xbigrealloc(ws->tag, old * sizeof *ws->tag,
		    ws->capnodes * sizeof *ws->tag);
	}
	ws->nnodes = n;
}

static uint8_t
tag_index(struct wordseg *ws, const char *t, size_t n)
{
	int i;

	if (n == 0 || n >= sizeof ws->tags[0])
		return 0;
	for (i = 1; i < ws->ntags; i++)
		if (ws->tagn[i] == n && memcmp(ws->tags[i], t, n) == 0)
			return (uint8_t)i;
	if (ws->ntags == 64)
		return 0;
	memcpy(ws->tags[ws->ntags], t, n);
	ws->tags[ws->ntags][n] = '\0';
	ws->tagn[ws->ntags] = (uint8_t)n;
	return (uint8_t)ws->ntags++;
}

/* Give the word ending at node its frequency (0: no longer a word). */
static uint32_t
set_word(struct wordseg *ws, uint32_t node, double freq)
{
	if (node == 0)
		return 0;
	thaw(ws);
	cover_nodes(ws);
	ws->nwords += (freq > 0) - (ws->freq[node] > 0);
	ws->total -= ws->freq[node];
	ws->freq[node] = freq;
	ws->total += freq;
	ws->finished = 0;
	return node;
}

/* Insert a word (well-formed UTF-8) and return its node. */
static uint32_t
add_word(struct wordseg *ws, const char *w, size_t n, double freq)
{
	uint32_t node = 0;
	size_t i = 0, len = 0;

	thaw(ws);
	while (i < n) {
		node = trie_add(ws->trie, node, utf8_next(w, n, &i));
		len++;
	}
	if (len > ws->maxlen)
		ws->maxlen = len;
	return set_word(ws, node, freq);
}

/* The log of the total frequency, which each word's is taken from. */
static double
log_total(const struct wordseg *ws)
{
	return log(ws->total > 1 ? ws->total : 1);
}

static void
finish(struct wordseg *ws)
{
	double lt = log_total(ws);
	uint32_t i;

	ws->lt = lt;
	free(ws->logp);
	ws->logp = xmalloc(ws->nnodes * sizeof *ws->logp);
	for (i = 0; i < ws->nnodes; i++)
		ws->logp[i] = ws->freq[i] > 0 ?
		    (float)(log(ws->freq[i]) - lt) : NOWORD;
	ws->finished = 1;
}

static void
scratch(struct wordseg *ws, size_t m)
{
	size_t r = 2;

	if (ws->route == NULL || ws->rfor != ws->maxlen) {
		while (r < ws->maxlen + 2)
			r *= 2;
		if (r - 1 > ws->rmask) {
			ws->rmask = r - 1;
			ws->route = xrealloc(ws->route, r * sizeof *ws->route);
			ws->code = xrealloc(ws->code, r * sizeof *ws->code);
		}
		ws->rfor = ws->maxlen;
	}
	if (m + 1 <= ws->scap)
		return;
	ws->scap = (m + 1) * 2;
	ws->cp = xrealloc(ws->cp, ws->scap * sizeof *ws->cp);
	ws->next = xrealloc(ws->next, ws->scap * sizeof *ws->next);
}

/* The log probability of the word ending at node: from the table
 * finish() made, or (live, while words are being added) from the
 * frequencies as they are now. */
static inline __attribute__((always_inline)) float
node_logp(const struct wordseg *ws, uint32_t node, int live, double lt)
{
	if (!live)
		return ws->logp[node];
	return ws->freq[node] > 0 ? (float)(log(ws->freq[node]) - lt) : NOWORD;
}

/* Best path over cp[0..m): fills next[i] = end of the word starting at i.
 * Ties go to the longer word, as in jieba. The best score from each
 * position on is kept only as far ahead as a word reaches (a ring). */
static inline __attribute__((always_inline)) void
best_path_in(struct wordseg *ws, size_t m, int live)
{
	double lt = live ? log_total(ws) : ws->lt;
	float unknown = (float)-lt;
	double *route = ws->route;
	size_t i, mask = ws->rmask;

	route[m & mask] = 0;
	for (i = m; i-- > 0;) {
		uint32_t node = child(ws, 0, ws->cp[i]);
		float lp = node ? node_logp(ws, node, live, lt) : NOWORD;
		double best = (lp != NOWORD ? lp : unknown) + route[(i + 1) & mask];
		size_t j, bestj = i;

		for (j = i + 1; node && j < m; j++) {
			if ((node = child(ws, node, ws->cp[j])) == 0)
				break;
			if ((lp = node_logp(ws, node, live, lt)) != NOWORD &&
			    lp + route[(j + 1) & mask] >= best) {
				best = lp + route[(j + 1) & mask];
				bestj = j;
			}
		}
		route[i & mask] = best;
		ws->next[i] = (uint32_t)(bestj + 1);
	}
}

/* best_path_in on the dense trie: the same walk and the same sums, a
 * label read a step and a cell for each edge found. The codes of the
 * characters are kept only as far ahead as a word reaches, as the
 * scores are, so the scratch stays at 8 bytes a character. The code
 * after the last character is 0, which no label has: a walk stops
 * there without a test of j. A cell that is no word (NOWORD) is not
 * told apart either: NOWORD plus a score can never reach the best
 * score of a run (the scores of a run are above NOWORD / 2, as its
 * length is below 2^64 characters and each one scores above -2^45). */
static void
best_path_da(struct wordseg *ws, size_t m)
{
	const struct trie_da *da = ws->da;
	const struct da_cell *cell = da->cell;
	const uint16_t *label = da->label;
	const uint32_t *cp = ws->cp;
	uint32_t *next = ws->next;
	float unknown = (float)-ws->lt;
	double *route = ws->route;
	uint32_t *code = ws->code;
	size_t i, mask = ws->rmask;

	route[m & mask] = 0;
	code[m & mask] = 0;
	for (i = m; i-- > 0;) {
		uint32_t k = trie_da_code(da, cp[i]);
		double best = unknown + route[(i + 1) & mask];
		size_t j, bestj = i;

		code[i & mask] = k;
		if (label[k] == k) {
			uint32_t s = k;
			float lp = cell[s].val;

			if (lp != NOWORD)
				best = lp + route[(i + 1) & mask];
			for (j = i + 1;; j++) {
				uint32_t t = cell[s].base + code[j & mask];
				double sum;

				if (label[t] != code[j & mask])
					break;
				s = t;
				sum = cell[s].val + route[(j + 1) & mask];
				if (sum >= best) {
					best = sum;
					bestj = j;
				}
			}
		}
		route[i & mask] = best;
		next[i] = (uint32_t)(bestj + 1);
	}
}

static void
best_path(struct wordseg *ws, size_t m)
{
	if (ws->da && !ws->hash_only)
		best_path_da(ws, m);
	else
		best_path_in(ws, m, 0);
}

static void
best_path_live(struct wordseg *ws, size_t m)
{
	best_path_in(ws, m, 1);
}

static int
is_numeral(uint32_t c)
{
#define NB(c) (1ULL << ((c) & 63))
	/* the low 6 bits of the numerals below: most characters are told
	 * apart by them alone */
	static const uint64_t low6 = NB(0x3007) | NB(0x96F6) | NB(0x4E00) |
	    NB(0x4E8C) | NB(0x4E09) | NB(0x56DB) | NB(0x4E94) | NB(0x516D) |
	    NB(0x4E03) | NB(0x516B) | NB(0x4E5D) | NB(0x5341) | NB(0x767E) |
	    NB(0x5343) | NB(0x4E07) | NB(0x4EBF) | NB(0x4E24);
#undef NB

	if (!(low6 >> (c & 63) & 1))
		return 0;
	switch (c) {
	case 0x3007: case 0x96F6: case 0x4E00: case 0x4E8C: case 0x4E09:
	case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03: case 0x516B:
	case 0x4E5D: case 0x5341: case 0x767E: case 0x5343: case 0x4E07:
	case 0x4EBF: case 0x4E24:	/* 〇零一二三四五六七八九十百千万亿两 */
		return 1;
	}
	return 0;
}

static int
is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* num when the token holds only digits and number punctuation */
static enum toktype
classify(const char *s, size_t b, size_t e)
{
	int digits = 0;

	while (b < e) {
		uint32_t c = utf8_next(s, e, &b);

		if (is_digit(c))
			digits = 1;
		else if (c > 0x7F || c == 0 || !strchr(".,:/%-", (int)c)) {
			if (c != 0xFF0E && c != 0xFF0C && c != 0xFF1A &&
			    c != 0xFF0D && c != 0xFF0F && c != 0xFF05 &&
			    c != 0x2030)
				return TOK_LATIN;
		}
	}
	return digits ? TOK_NUM : TOK_LATIN;
}

/* The run of Han characters that starts at s[b] (its first character
 * c ends at j): its code points into cp[], the bytes it takes returned. */
static size_t
read_han(struct wordseg *ws, const char *s, size_t n, size_t b, size_t j,
    uint32_t c, size_t *m)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t e = j, k = 0;
	uint32_t *cp;

	if ((n - b) / 3 + 2 > ws->scap || ws->rfor != ws->maxlen ||
	    ws->route == NULL)
		scratch(ws, (n - b) / 3 + 1);	/* Han takes 3 or 4 bytes */
	cp = ws->cp;
	cp[k++] = c;
	for (;;) {
		size_t t;

		/* U+4E00..U+9FFF, all Han: decoded in place */
		while (utf8_at_han3(p, e, n)) {
			cp[k++] = utf8_decode3(p + e);
			e += 3;
		}
		if (e >= n)
			break;
		t = e;
		if (!uc_is_han(c = utf8_next(s, n, &t)))
			break;
		cp[k++] = c;
		e = t;
	}
	*m = k;
	return e;
}

/* Cut the Han run s[b..e) of m code points (in cp[]). */
static inline __attribute__((always_inline)) void
cut_han(struct wordseg *ws, size_t b, size_t e, size_t m,
    void (*fn)(void *, size_t, size_t, enum toktype), void *arg)
{
	const uint32_t *cp = ws->cp, *next = ws->next;
	int wide = e - b != 3 * m;	/* a character beyond the BMP (4 bytes) */
	size_t i = b, k;

	best_path(ws, m);
	for (k = 0; k < m; k = next[k]) {
		size_t j, nk = next[k], at = i;
		enum toktype t = TOK_WORD;

		if (is_numeral(cp[k])) {
			t = TOK_NUM;
			for (j = k + 1; j < nk; j++)
				if (!is_numeral(cp[j])) {
					t = TOK_WORD;
					break;
				}
		}
		i += 3 * (nk - k);
		if (wide)
			for (j = k; j < nk; j++)
				i += cp[j] > 0xFFFF;
		fn(arg, at, i, t);
		if (ws->stop)
			return;
	}
}

/* Can c begin a match of TOKEN_PATTERN? Saves a regex call on each
 * punctuation mark. */
static int
may_start_token(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
		    (c | 0x20) <= 'z');
	if ((c >= 0x2000 && c < 0x3040) || (c >= 0xFF00 && c < 0xFF10) ||
	    (c >= 0xFE30 && c < 0xFE70))
		return 0;	/* general and CJK punctuation */
	return u_isalnum((UChar32)c) || u_getCombiningClass((UChar32)c) > 0 ||
	    u_charType((UChar32)c) == U_NON_SPACING_MARK;
}

static int
ascii_alnum(unsigned b)
{
	return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/* The match of TOKEN_PATTERN at an ASCII letter or digit s[i] when it
 * is plain ASCII letters and digits joined by . : - _ / & ' + (the
 * Latin alternative, e.g. 00:01:30, 2022-05-26, PM2.5), found without
 * the regex; 0 when it may be anything else. The alternatives before
 * the Latin one are ruled out first: URLs start with h, f or w, an
 * e-mail address has '@' after a run of at most 64 [A-Za-z0-9._%+-], and
 * a number with thousands separators has ',' or a full-width
 * character after its first digits. The Latin alternative always
 * matches, greedily, with no backtracking; where it could go on with a
 * character outside ASCII (full-width letters, digits, joiners and %,
 * lead byte EF; U+2030, lead byte E2) the regex decides. */
static size_t
plain_latin_end(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k;

	switch (p[i] | 0x20) {
	case 'h': case 'f': case 'w':
		return 0;
	}
	/* the local part is 1 to 64 characters: no further look */
	for (k = i; k < n && k - i <= 64 && (ascii_alnum(p[k]) ||
	    (strchr("._%+-", p[k]) && p[k] != 0)); k++)
		;
	if (k < n && p[k] == '@')
		return 0;
	if (p[i] >= '0' && p[i] <= '9') {
		for (k = i; k < n && p[k] >= '0' && p[k] <= '9'; k++)
			;
		if (k < n && (p[k] == ',' || p[k] == 0xEF))
			return 0;
	}
	for (;;) {
		while (i < n && ascii_alnum(p[i]))
			i++;
		if (i + 1 < n && p[i] != 0 && strchr(".:-_/&'+", p[i]) &&
		    ascii_alnum(p[i + 1])) {
			i++;
			continue;
		}
		break;
	}
	while (i < n && p[i] != 0 && strchr("%+#", p[i]))
		i++;
	if (i < n && (p[i] == 0xEF || p[i] == 0xE2))
		return 0;
	/* a joiner then a full-width letter or digit */
	if (i + 1 < n && p[i] != 0 && strchr(".:-_/&'+", p[i]) &&
	    p[i + 1] == 0xEF)
		return 0;
	return i;
}

static int
is_date_unit(const char *s, size_t n, size_t at)
{
	return at + 3 <= n && (memcmp(s + at, "年", 3) == 0 ||
	    memcmp(s + at, "月", 3) == 0 || memcmp(s + at, "日", 3) == 0);
}

/* ws_cut and ws_join: each makes its own copy of this, with its fn
 * called in place. */
static inline __attribute__((always_inline)) void
cut_in(struct wordseg *ws, const char *s, size_t n,
    void (*fn)(void *, size_t, size_t, enum toktype), void *arg)
{
	size_t i = 0;

	if (!ws->finished)
		finish(ws);
	ws->stop = 0;
	while (i < n) {
		size_t j = i, ms, me;
		uint32_t c = utf8_next(s, n, &j);

		if (uc_is_space(c)) {
			i = j;
			continue;
		}
		if (uc_is_han(c)) {
			size_t m, e = read_han(ws, s, n, i, j, c, &m);

			cut_han(ws, i, e, m, fn, arg);
			if (ws->stop)
				break;
			i = e;
			continue;
		}
		if (may_start_token(c) && ((c < 0x80 && !ws->regex_only &&
		    (me = plain_latin_end(s, n, i)) > i) ||
		    (rx_find(&ws->tok, s, n, i, 1, &ms, &me) && me > i))) {
			enum toktype t = classify(s, i, me);

			if (t == TOK_NUM && is_date_unit(s, n, me))
				me += 3;
			fn(arg, i, me, t);
			if (ws->stop)
				break;
			i = me;
			continue;
		}
		/* punctuation and symbols: a run of one character is one token */
		{
			size_t e = j;

			while (e < n) {
				size_t t = e;

				if (utf8_next(s, n, &t) != c)
					break;
				e = t;
			}
			fn(arg, i, e, TOK_PUNCT);
			if (ws->stop)
				break;
			i = e;
		}
	}
}

void
ws_cut(struct wordseg *ws, const char *s, size_t n,
    void (*fn)(void *, size_t, size_t, enum toktype), void *arg)
{
	cut_in(ws, s, n, fn, arg);
}

/* One word more in j->out, as ws_join adds it. */
static inline __attribute__((always_inline)) void
join_add(struct ws_joiner *j, size_t b, size_t e)
{
	struct buf *out = j->out;
	char *d;

	if (out->cap - out->len < e - b + 2)
		buf_reserve(out, e - b + 2);
	d = out->p + out->len;
	*d = ' ';
	d += out->len > j->start;
	copy_bytes(d, j->s + b, e - b);
	out->len = (size_t)(d - out->p) + (e - b);
	if (out->len >= j->most) {
		j->full(j->arg, out);
		out->len = j->start = 0;
	}
}

void
ws_join_add(struct ws_joiner *j, size_t b, size_t e)
{
	join_add(j, b, e);
}

static inline __attribute__((always_inline)) void
join_token(void *arg, size_t b, size_t e, enum toktype t)
{
	(void)t;
	join_add(arg, b, e);
}

void
ws_join(struct wordseg *ws, const char *s, size_t n, struct buf *out,
    size_t most, void (*full)(void *arg, struct buf *out), void *arg)
{
	struct ws_joiner j = { s, out, out->len, most, full, arg };

	cut_in(ws, s, n, join_token, &j);
}

/* The frequency in a data row: digits, or a number strtod reads. */
static double
parse_freq(const char *p, size_t n)
{
	char num[64], *end;
	double f = 0;
	size_t i;

	for (i = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		f = f * 10 + (p[i] - '0');
	if (i == n || n >= sizeof num)
		return f;
	memcpy(num, p, n);
	num[n] = '\0';
	return strtod(num, &end);
}

/* The word list is in byte order (make dict sorts it), so the trie is
 * built by trie_insert without a lookup for each character. Rows are
 * word TAB frequency [TAB tag]; a row without a frequency is no entry.
 * Returns -1 after reporting a bad row. */
static int
load_builtin(struct wordseg *ws)
{
	struct trie_cursor cur = { 0 };
	struct rows r;
	const char *lasttag = "";
	size_t lasttagn = 0;
	uint8_t lastidx = 0;

	rows_buf(&r, "built-in word list", zh_words_data, zh_words_size, 0);
	while (rows_next(&r)) {
		const char *w, *f, *tag;
		size_t wn, fn, tn, len;
		uint32_t node;

		w = rows_field(&r, 0, &wn);
		if ((f = rows_field(&r, 1, &fn)) == NULL)
			continue;
		if ((tag = rows_field(&r, 2, &tn)) == NULL)
			tag = "";
		node = set_word(ws, trie_insert(ws->trie, &cur, w, wn),
		    parse_freq(f, fn));
		if (node == 0)
			continue;
		len = cur.depth < TRIE_PATH ? cur.depth : utf8_count(w, wn);
		if (len > ws->maxlen)
			ws->maxlen = len;
		if (tn != lasttagn || (tn > 0 && (lasttag[0] != tag[0] ||
		    memcmp(lasttag, tag, tn) != 0))) {
			lastidx = tag_index(ws, tag, tn);
			lasttag = tag;
			lasttagn = tn;
		}
		ws->tag[node] = lastidx;
	}
	trie_insert_end(ws->trie, &cur);
	rows_close(&r);
	return r.failed ? -1 : 0;
}

struct wordseg *
ws_build(void)
{
	struct wordseg *ws = xcalloc(1, sizeof *ws);

	ws->capnodes = 1u << 19;
	ws->freq = xbigalloc(ws->capnodes * sizeof *ws->freq);
	ws->tag = xbigalloc(ws->capnodes * sizeof *ws->tag);
	ws->ntags = 1;
	ws->trie = trie_new(1u << 19);
	ws->nnodes = 1;
	rx_builtin(&ws->tok, TOKEN_PATTERN, PCRE2_ANCHORED);
	if (load_builtin(ws) < 0)
		die(EXIT_TROUBLE, "cannot use the built-in word list");
	return ws;
}

/* jieba's suggest_freq: the lowest frequency at which the word beats the
 * best path through its own characters, with the frequencies as they
 * are now (read live: no table of every word is rebuilt for it). */
static double
suggest(struct wordseg *ws, const char *w, size_t n)
{
	size_t m = 0, i = 0, k;
	double p = 1;

	scratch(ws, utf8_count(w, n));
	while (i < n)
		ws->cp[m++] = utf8_next(w, n, &i);
	best_path_live(ws, m);
	for (k = 0; k < m; k = ws->next[k]) {
		uint32_t node = 0;
		size_t j;

		for (j = k; j < ws->next[k] && (j == k || node); j++)
			node = child(ws, node, ws->cp[j]);
		p *= (node && ws->freq[node] > 0 ? ws->freq[node] : 1) /
		    ws->total;
	}
	p = p * ws->total + 1;
	return p < 1 ? 1 : floor(p);
}

/* The end of the run of white space (or, with !space, of other
 * characters) that starts at i. */
static size_t
skip_run(const char *s, size_t n, size_t i, int space)
{
	while (i < n) {
		size_t j = i;

		if (uc_is_space(utf8_next(s, n, &j)) != space)
			break;
		i = j;
	}
	return i;
}

static int
all_han(const char *w, size_t n)
{
	size_t i = 0;

	while (i < n)
		if (!uc_is_han(utf8_next(w, n, &i)))
			return 0;
	return 1;
}

struct user_load {
	unsigned long mixed;	/* words that are not all Han */
	unsigned long mixed_line;
	char mixed_word[64];
};

/* One row of a user dictionary: word [white space frequency [...]]. */
static void
user_row(struct wordseg *ws, struct rows *r, struct user_load *ul)
{
	size_t wb = skip_run(r->s, r->n, 0, 1), we = skip_run(r->s, r->n, wb, 0);
	size_t fb = skip_run(r->s, r->n, we, 1), fe = skip_run(r->s, r->n, fb, 0);
	const char *w = r->s + wb, *fs = r->s + fb;
	double f = -1;
	size_t wn = we - wb;

	if (wb == we || *w == '#')
		return;
	/* text is cut as Simplified: so are the words */
	if (simp_needed(w, wn)) {
		if (ws->simp == NULL)
			ws->simp = simp_new();
		w = simp_line(ws->simp, w, wn, &wn);
	}
	if (fe > fb) {
		char num[64], *end;

		if (fe - fb >= sizeof num) {
			rows_error(r, "bad frequency");
			return;
		}
		memcpy(num, fs, fe - fb);
		num[fe - fb] = '\0';
		errno = 0;
		f = strtod(num, &end);
		if (*end != '\0' || errno || !(f >= 0) || f > 1e15) {
			rows_error(r, "bad frequency '%s'", num);
			return;
		}
		if (f == 0 && ws_freq(ws, w, wn) <= 0) {
			rows_error(r, "frequency 0 removes a word, and '%.*s' is "
			    "not in the dictionary", (int)(we - wb), r->s + wb);
			return;
		}
	}
	if (!all_han(w, wn) && ul->mixed++ == 0) {
		ul->mixed_line = r->lineno;
		snprintf(ul->mixed_word, sizeof ul->mixed_word, "%.*s",
		    (int)(we - wb), r->s + wb);
	}
	add_word(ws, w, wn, f < 0 ? suggest(ws, w, wn) : f);
}

int
ws_load_user_rows(struct wordseg *ws, struct rows *r)
{
	struct user_load ul = { 0 };
	int bad = 0;

	while (rows_next(r)) {
		user_row(ws, r, &ul);
		bad |= r->failed;
		r->failed = 0;	/* a bad row: report, go on to the next */
	}
	bad |= r->failed;	/* invalid UTF-8 ends the reading */
	if (ul.mixed)
		input_warning(r->name, ul.mixed_line, "%lu word%s with characters "
		    "other than Han ideographs, never cut whole (the dictionary "
		    "cuts runs of Han only; first: '%s')", ul.mixed,
		    ul.mixed == 1 ? "" : "s", ul.mixed_word);
	return bad ? -1 : 0;
}

int
ws_load_user_buf(struct wordseg *ws, const char *name, const char *p,
    size_t n)
{
	struct rows r;
	int rc;

	rows_buf(&r, name, p, n, ROWS_BLANKS);
	rc = ws_load_user_rows(ws, &r);
	rows_close(&r);
	return rc;
}

/* The file is read through the input reader, so a dictionary may be
 * gzip-compressed (or "-" for standard input) as any input may. */
int
ws_load_user(struct wordseg *ws, const char *path)
{
	struct reader r;
	struct buf b = { 0 };
	const char *s;
	size_t k;
	int rc = -1;

	if (rd_open(&r, path, 0) < 0)
		return -1;
	while ((k = rd_bytes(&r, (size_t)-1, -1, &s)) > 0)
		buf_add(&b, s, k);
	if (!r.failed)
		rc = ws_load_user_buf(ws, path, b.p ? b.p : "", b.len);
	rd_close(&r);
	buf_free(&b);
	return rc;
}

/* The word w[0..n) packed as in aux[] (0: none), walked on the dense
 * trie. */
static uint32_t
da_word(const struct trie_da *da, const char *w, size_t n)
{
	uint32_t s = 0;
	size_t i = 0;

	if (n == 0)
		return 0;
	while (i < n) {
		uint32_t k = trie_da_code(da, utf8_next(w, n, &i));
		uint32_t t = da->cell[s].base + k;

		/* no label is 0: code 0 (a character on no edge) stops */
		if (da->label[t] != k)
			return 0;
		s = t;
	}
	return da->aux[s];
}

const char *
ws_tag(const struct wordseg *ws, const char *w, size_t n)
{
	uint32_t node = 0;
	size_t i = 0;

	if (ws->da_words) {
		uint32_t a = da_word(ws->da, w, n);

		return a ? ws->tags[a >> WORD_TAGSHIFT] : NULL;
	}
	while (i < n && (node = child(ws, node, utf8_next(w, n, &i))) != 0)
		;
	if (node == 0 || ws->freq[node] <= 0)
		return NULL;
	return ws->tags[ws->tag[node]];
}

double
ws_freq(const struct wordseg *ws, const char *w, size_t n)
{
	uint32_t node = 0;
	size_t i = 0;

	if (ws->da_words)
		return (double)(da_word(ws->da, w, n) & WORD_FREQMAX);
	while (i < n && (node = child(ws, node, utf8_next(w, n, &i))) != 0)
		;
	return node ? ws->freq[node] : 0;
}

const char *
ws_word(const struct wordseg *ws, const char *w, size_t n, double *freq)
{
	const char *tag;

	if (ws->da_words) {
		uint32_t a = da_word(ws->da, w, n);

		*freq = (double)(a & WORD_FREQMAX);
		return a ? ws->tags[a >> WORD_TAGSHIFT] : NULL;
	}
	tag = ws_tag(ws, w, n);
	*freq = tag ? ws_freq(ws, w, n) : 0;
	return tag;
}

void
ws_prefixes_past(const struct wordseg *ws, const uint32_t *cp, size_t n,
    size_t skip, void (*fn)(void *arg, size_t len, const char *tag,
    double freq), void *arg)
{
	uint32_t node = 0;
	size_t i;

	if (ws->da_words) {
		const struct trie_da *da = ws->da;

		for (i = 0; i < n; i++) {
			uint32_t k = trie_da_code(da, cp[i]);
			uint32_t t = da->cell[node].base + k, a;

			if (da->label[t] != k)
				return;
			node = t;
			if (i >= skip && (a = da->aux[node]) != 0)
				fn(arg, i + 1, ws->tags[a >> WORD_TAGSHIFT],
				    (double)(a & WORD_FREQMAX));
		}
		return;
	}
	for (i = 0; i < n; i++) {
		if ((node = child(ws, node, cp[i])) == 0)
			return;
		if (i >= skip && ws->freq[node] > 0)
			fn(arg, i + 1, ws->tags[ws->tag[node]], ws->freq[node]);
	}
}

void
ws_prefixes(const struct wordseg *ws, const uint32_t *cp, size_t n,
    void (*fn)(void *arg, size_t len, const char *tag, double freq),
    void *arg)
{
	ws_prefixes_past(ws, cp, n, 0, fn, arg);
}

size_t
ws_size(const struct wordseg *ws, size_t *nodes)
{
	if (nodes)
		*nodes = ws->nnodes;
	return ws->nwords;
}

void
ws_free(struct wordseg *ws)
{
	if (ws == NULL)
		return;
	if (!ws->rodata) {
		trie_free(ws->trie);
		xbigfree(ws->freq, ws->capnodes * sizeof *ws->freq);
		xbigfree(ws->tag, ws->capnodes * sizeof *ws->tag);
		free(ws->logp);
	}
	free(ws->cp);
	free(ws->code);
	free(ws->route);
	free(ws->next);
	rx_free(&ws->tok);
	simp_free(ws->simp);
	free(ws);
}

/* Prebuilt at build time (prebuilt.h). The tables are const data;
 * the pointers of struct wordseg are not, but nothing is written through
 * them while rodata is set. */
struct wordseg *
ws_open(const struct ws_prebuilt *p)
{
	struct wordseg *ws = xcalloc(1, sizeof *ws);

	ws->trie = (struct trie *)p->trie;
	ws->freq = (double *)p->freq;
	ws->tag = (uint8_t *)p->tag;
	ws->logp = (float *)p->logp;
	ws->da = p->da;
	ws->da_words = p->da != NULL && p->da->aux != NULL;
	memcpy(ws->tags, p->tags, sizeof ws->tags);
	memcpy(ws->tagn, p->tagn, sizeof ws->tagn);
	ws->ntags = p->ntags;
	ws->nnodes = p->nnodes;
	ws->capnodes = p->capnodes;
	ws->nwords = p->nwords;
	ws->total = p->total;
	ws->lt = log_total(ws);
	ws->maxlen = p->maxlen;
	ws->finished = 1;
	ws->rodata = 1;
	rx_builtin(&ws->tok, TOKEN_PATTERN, PCRE2_ANCHORED);
	return ws;
}

int
ws_builtin(const struct wordseg *ws)
{
	return ws != NULL && ws->rodata;
}

/* Each node's word as aux[] packs it; NULL when a frequency does not
 * fit. */
static uint32_t *
word_aux(const struct wordseg *ws)
{
	uint32_t *aux = xcalloc(ws->nnodes, sizeof *aux), i;

	for (i = 0; i < ws->nnodes; i++) {
		double f = ws->freq[i];

		if (f == 0)
			continue;
		if (!(f >= 1 && f <= WORD_FREQMAX && f == floor(f))) {
			free(aux);
			return NULL;
		}
		aux[i] = (uint32_t)ws->tag[i] << WORD_TAGSHIFT | (uint32_t)f;
	}
	return aux;
}

struct trie_da *
ws_da_build(struct wordseg *ws)
{
	struct trie_da *da;
	uint32_t *aux;

	if (!ws->finished)
		finish(ws);
	aux = word_aux(ws);
	da = trie_da_build(ws->trie, ws->logp, ws->freq, aux);
	free(aux);
	return da;
}

/* A double exactly: an integer as one, else in hexadecimal. */
static void
emit_double(FILE *f, double v, const char *end)
{
	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		fprintf(f, "%.0f%s", v, end);
	else
		fprintf(f, "%a%s", v, end);
}

void
ws_emit(struct wordseg *ws, FILE *f, const char *name)
{
	char tn[64], dn[64];
	struct trie_da *da;
	uint32_t i;
	int k;

	if (!ws->finished)
		finish(ws);
	snprintf(tn, sizeof tn, "%s_trie", name);
	trie_emit(ws->trie, f, tn);
	if ((da = ws_da_build(ws)) != NULL) {
		snprintf(dn, sizeof dn, "%s_da", name);
		trie_da_emit(da, f, dn);
		trie_da_free(da);
	}
	fprintf(f, "static const double %s_freq[%lu] = {\n", name,
	    (unsigned long)ws->nnodes);
	for (i = 0; i < ws->nnodes; i++)
		emit_double(f, ws->freq[i], i % 8 == 7 ? ",\n" : ",");
	fprintf(f, "};\nstatic const uint8_t %s_tag[%lu] = {\n", name,
	    (unsigned long)ws->nnodes);
	for (i = 0; i < ws->nnodes; i++)
		fprintf(f, "%u,%s", ws->tag[i], i % 16 == 15 ? "\n" : "");
	fprintf(f, "};\nstatic const float %s_logp[%lu] = {\n", name,
	    (unsigned long)ws->nnodes);
	for (i = 0; i < ws->nnodes; i++)
		fprintf(f, "%af,%s", (double)ws->logp[i], i % 8 == 7 ? "\n" : "");
	fprintf(f, "};\nconst struct ws_prebuilt %s_prebuilt = {\n"
	    "\t.trie = &%s,\n\t.freq = %s_freq,\n\t.tag = %s_tag,\n"
	    "\t.logp = %s_logp,\n", name, tn, name, name, name);
	if (da != NULL)
		fprintf(f, "\t.da = &%s,\n", dn);
	fputs("\t.tags = {", f);
	for (k = 0; k < ws->ntags; k++) {
		fputc(' ', f);
		emit_cstring(f, ws->tags[k], ws->tagn[k]);
		fputc(',', f);
	}
	fprintf(f, " },\n\t.tagn = {");
	for (k = 0; k < ws->ntags; k++)
		fprintf(f, " %u,", ws->tagn[k]);
	fprintf(f, " },\n\t.ntags = %d,\n\t.nnodes = %lu,\n\t.capnodes = %lu,\n"
	    "\t.nwords = %zu,\n\t.total = ", ws->ntags,
	    (unsigned long)ws->nnodes, (unsigned long)ws->capnodes, ws->nwords);
	emit_double(f, ws->total, ",\n");
	fprintf(f, "\t.maxlen = %zu,\n};\n", ws->maxlen);
}

int
ws_same(struct wordseg *a, struct wordseg *b)
{
	if (!a->finished)
		finish(a);
	if (!b->finished)
		finish(b);
	return trie_same(a->trie, b->trie) && a->nnodes == b->nnodes &&
	    a->nwords == b->nwords && a->total == b->total &&
	    a->maxlen == b->maxlen && a->ntags == b->ntags &&
	    memcmp(a->tags, b->tags, sizeof a->tags) == 0 &&
	    memcmp(a->tagn, b->tagn, sizeof a->tagn) == 0 &&
	    memcmp(a->freq, b->freq, a->nnodes * sizeof *a->freq) == 0 &&
	    memcmp(a->tag, b->tag, a->nnodes * sizeof *a->tag) == 0 &&
	    memcmp(a->logp, b->logp, a->nnodes * sizeof *a->logp) == 0;
}

void
ws_stop(struct wordseg *ws)
{
	ws->stop = 1;
}

void
ws_plain_latin(struct wordseg *ws, int on)
{
	ws->regex_only = !on;
}

void
ws_dense(struct wordseg *ws, int on)
{
	ws->hash_only = !on;
	ws->da_words = on && ws->da != NULL && ws->da->aux != NULL;
}
