/* numex.c - numeric expressions in Chinese news text
 *
 * A line is decoded to code points once; a scan then looks at each place
 * a numeral can start (Arabic or full-width digits, Chinese numerals,
 * 第/前/之, 百分之, currency signs) and reads the longest expression
 * there: the number, a multiplier (万 亿), qualifiers before and after
 * (约 近 超过 … 多 余 几 左右 以上), a unit or measure word, a second
 * number for ranges. Context decides the kind: dates, times and years are
 * never counts; phone numbers, codes (PM2.5, 5G, G20) and list markers
 * are recognised and set aside; numerals inside words of the dictionary
 * that are not numeral + measure (统一, 一线, 进一步) are not numbers.
 * A line in Traditional characters is read as Simplified (simplify.h)
 * and what is found there is reported at its place in the line. */
#include "numex.h"
#include "numunit.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "punct.h"
#include "regex.h"
#include "simplify.h"
#include "utf8.h"

const char *const nkind_name[NK_NKINDS] = {
	"count", "money", "percent", "measure", "age", "ordinal", "date",
	"time", "year", "phone", "range", "fraction", "code", "name"
};

/* Words in which a numeral is no quantity, beyond what the dictionary
 * already says (it has 统一, 进一步, 一系列 …). */
static const char *const lexicalised[] = {
	"一线", "一体化", "一往无前", "千家万户", "征程万里", "一盘棋",
	"一竿子", "一条线", "一肩挑", "一张蓝图", "一把手", "之一", "一是",
	"二是", "三是", "四是", "五是", "一方面", "万众一心", "一带一路",
	"千方百计", "一以贯之", "一心一意", "百年大计", "重任千钧", "千钧",
	"一手抓", "两手抓", "一揽子", "一站式", "一次性", "一窗",
	"一网", "一门", "一码", "这一", "那一", "同一", "每一", "唯一", "万一",
	"万万", "亿万", "万岁", "千万别", "千万不",
};

/* Set phrases and programme names made of numerals: kind name. */
static const char *const set_phrases[] = {
	"十百千", "十四五", "十三五", "十二五", "三个代表", "一带一路",
	"两学一做", "三会一课", "四个意识", "四个自信", "两个维护",
	"两个确立", "三严三实", "四风",
};

/* After 第N: titles, not ranks. */
static const char *const ordinal_titles[] = {
	"书记", "时间", "方", "线", "责任人", "生产力", "动力", "要务",
	"资源", "梯队", "课堂", "议题",
};

static const char *const qual_before[] = {	/* with their qualifier */
	"大约>~", "约为>~", "约>~", "将近><", "接近><", "不到><", "不足><",
	"不超过><", "低于><", "少于><", "近><", "超过>>", "逾>>", "高于>>",
	"多于>>", "至少>>", "超>>", "最多><",
};

static const char *const qual_after[] = {
	"左右>~", "上下>~", "以上>>", "以下><", "以内><", "之多>>", "有余>>",
};

/* A numeral and measure word that are also a word of another kind: a
 * quantity when a noun (or a place word: 四周后) follows, or unless a
 * verb follows, or never. */
enum { Q_NOUN, Q_NOT_VERB, Q_NEVER };
static const struct { const char *s; int rule; } ambivalent[] = {
	{ "十分", Q_NEVER },	/* very */
	{ "零件", Q_NEVER },
	{ "一起", Q_NOUN },	/* together; 一起事故 */
	{ "一道", Q_NOUN }, { "一度", Q_NOUN }, { "一块", Q_NOUN },
	{ "一头", Q_NOUN }, { "一面", Q_NOUN }, { "一口", Q_NOUN },
	{ "四周", Q_NOUN }, { "四处", Q_NOUN }, { "一把", Q_NOUN },
	{ "一代", Q_NEVER },	/* 新一代, 一代人: a generation */
	{ "八成", Q_NOT_VERB },	/* probably */
	/* everywhere, both hands, the two sides of the Taiwan Strait */
	{ "四方", Q_NEVER }, { "四海", Q_NEVER }, { "四面", Q_NEVER },
	{ "八方", Q_NEVER }, { "两手", Q_NEVER }, { "两岸", Q_NEVER },
	{ "十字", Q_NEVER }, { "十足", Q_NEVER }, { "万分", Q_NEVER },
	{ "一点", Q_NEVER },	/* a little */
};

/* A literal as code points, for matching against the decoded line. */
struct lit {
	uint32_t c[12];
	int n;
};

#define NLEX (sizeof lexicalised / sizeof lexicalised[0])
#define NQB (sizeof qual_before / sizeof qual_before[0])
#define NQA (sizeof qual_after / sizeof qual_after[0])
#define NSET (sizeof set_phrases / sizeof set_phrases[0])
#define NAMB (sizeof ambivalent / sizeof ambivalent[0])

static struct lit lex_lit[NLEX], qb_lit[NQB], qa_lit[NQA],
    set_lit[NSET], amb_lit[NAMB];
static int lits_ready;

/* Which literals hold a character, so that a place is tried only
 * against those: a slot for each character of the lists (0: none), and
 * per slot a bit for each literal of a list that holds it, and whether
 * it ends a qualifier before or starts one after. */
#define NSLOTS 256
static uint8_t lit_slot[0x10000];
static uint8_t slot_flags[NSLOTS];

/* Per slot, the places of its character in a list's literals: literal
 * k, position p; by k, then from the last p to the first. And a bit for
 * each two slots whose characters stand side by side in a literal: the
 * literals are two characters or more, so one over a place of the line
 * holds the character there beside the one before or the one after it,
 * and a place with neither pair is covered by none (most are not: 一 is
 * in many literals, and its neighbours in few). */
struct litplaces {
	struct { uint8_t k, p; } at[(NLEX > NSET ? NLEX : NSET) * 12];
	uint16_t from[NSLOTS + 1];	/* slot's places: at[from[s]..from[s+1]) */
	uint64_t pair[NSLOTS * NSLOTS / 64];	/* bit a * NSLOTS + b */
};
static struct litplaces lex_places, set_places;
enum { S_QB_LAST = 1, S_QA_FIRST = 2, S_AMB_FIRST = 4, S_AMB_SECOND = 8 };

_Static_assert(NLEX <= 256 && NSET <= 256, "a byte per literal");

static unsigned
slot_of(uint32_t c)
{
	static unsigned nslots = 1;

	if (c >= 0x10000)
		die(EXIT_TROUBLE, "numex: U+%04X in a literal", (unsigned)c);
	if (lit_slot[c] == 0) {
		if (nslots == NSLOTS)
			die(EXIT_TROUBLE, "numex: more than %d characters in "
			    "the literals", NSLOTS - 1);
		lit_slot[c] = (uint8_t)nslots++;
	}
	return lit_slot[c];
}

static void
make_lit(struct lit *l, const char *s, size_t len)
{
	size_t i = 0;

	l->n = 0;
	while (i < len && l->n < 12)
		l->c[l->n++] = utf8_next(s, len, &i);
}

static void
index_places(struct litplaces *pl, const struct lit *lits, size_t n)
{
	size_t k, np = 0;
	unsigned sl;
	int p;

	for (sl = 0; sl < NSLOTS; sl++) {
		pl->from[sl] = (uint16_t)np;
		for (k = 0; sl > 0 && k < n; k++)
			for (p = lits[k].n - 1; p >= 0; p--)
				if (lit_slot[lits[k].c[p]] == sl) {
					pl->at[np].k = (uint8_t)k;
					pl->at[np++].p = (uint8_t)p;
				}
	}
	pl->from[NSLOTS] = (uint16_t)np;
	for (k = 0; k < n; k++) {
		if (lits[k].n < 2)
			die(EXIT_TROUBLE, "numex: a literal of one character");
		for (p = 1; p < lits[k].n; p++) {
			unsigned ab = lit_slot[lits[k].c[p - 1]] * NSLOTS +
			    lit_slot[lits[k].c[p]];

			pl->pair[ab / 64] |= 1ULL << (ab % 64);
		}
	}
}

/* Do the characters of slots a and b stand side by side in a literal? */
static inline int
lit_pair(const struct litplaces *pl, unsigned a, unsigned b)
{
	unsigned ab = a * NSLOTS + b;

	return (pl->pair[ab / 64] >> (ab % 64)) & 1;
}

static void
init_lits(void)
{
	size_t k;
	int j;

	for (k = 0; k < NLEX; k++) {
		make_lit(&lex_lit[k], lexicalised[k], strlen(lexicalised[k]));
		for (j = 0; j < lex_lit[k].n; j++)
			slot_of(lex_lit[k].c[j]);
	}
	for (k = 0; k < NSET; k++) {
		make_lit(&set_lit[k], set_phrases[k], strlen(set_phrases[k]));
		for (j = 0; j < set_lit[k].n; j++)
			slot_of(set_lit[k].c[j]);
	}
	index_places(&lex_places, lex_lit, NLEX);
	index_places(&set_places, set_lit, NSET);
	for (k = 0; k < NQB; k++) {
		make_lit(&qb_lit[k], qual_before[k],
		    (size_t)(strchr(qual_before[k], '>') - qual_before[k]));
		slot_flags[slot_of(qb_lit[k].c[qb_lit[k].n - 1])] |= S_QB_LAST;
	}
	for (k = 0; k < NQA; k++) {
		make_lit(&qa_lit[k], qual_after[k],
		    (size_t)(strchr(qual_after[k], '>') - qual_after[k]));
		slot_flags[slot_of(qa_lit[k].c[0])] |= S_QA_FIRST;
	}
	for (k = 0; k < NAMB; k++) {
		make_lit(&amb_lit[k], ambivalent[k].s, strlen(ambivalent[k].s));
		if (amb_lit[k].n != 2)
			die(EXIT_TROUBLE, "numex: '%s' is not two characters",
			    ambivalent[k].s);
		slot_flags[slot_of(amb_lit[k].c[0])] |= S_AMB_FIRST;
		slot_flags[slot_of(amb_lit[k].c[1])] |= S_AMB_SECOND;
	}
	lits_ready = 1;
}

/* the slot of c, 0 when no literal holds it */
static inline unsigned
slot_at(uint32_t c)
{
	return c < 0x10000 ? lit_slot[c] : 0;
}

/* The places of a line where an expression may start, as decode_line
 * finds them: a line with NSTARTS or more is scanned character by
 * character. */
#define NSTARTS 256

struct numex {
	struct wordseg *ws;
	int subjects;
	struct regex url;
	uint32_t *cp;
	uint32_t *off;		/* byte offset of each code point */
	uint8_t *mark;		/* per code point: M_URL, M_QUOTE */
	size_t cap;
	uint32_t starts[NSTARTS];	/* where an expression may start */
	size_t nstarts;		/* ... how many (NSTARTS or more: not all kept) */
	const char *s;		/* the line, as Simplified */
	size_t n, m;
	struct simplify *simp;
	int converted;		/* simp_line was asked about the line */
	struct qwords *qw;	/* measure words of the word list, as units */
};

/* The one-character words the word list tags q (盏 碗 枝), met after a
 * number: measure words of things counted. */
struct qword {
	struct unit u;
	char s[4];
};

struct qwords {
	uint16_t idx[0xA000 - 0x4E00];	/* 0 not asked, 0xFFFF no, else w[i-1] */
	uint8_t noun[0xA000 - 0x4E00];	/* noun_char: 0 not asked, 1 no, 2 yes */
	struct qword *w;
	size_t n, cap;
};

enum { M_URL = 1, M_QUOTE = 2 };

/* For each BMP character: 0 no expression starts with it, 1 one may
 * (digits, numerals, 第 前 之 几 负 半), 2 it depends on its neighbours.
 * Made once. */
static uint8_t start_class[0x10000];

/* What a line holds, as decode_line sees it; per BMP character, with
 * L_FOLD for those nu_fold changes (full-width letters). Made once. */
enum {
	L_START = 1,	/* a character that can start an expression */
	L_TRAD = 2,	/* one that simplify converts (as simp_needed) */
	L_QUOTE = 4,	/* an opening quote: a slogan may be there */
	L_LINK = 8,	/* a '/', '@' or '.': a URL may be there */
	L_FOLD = 16
};
static uint8_t char_flags[0x10000];
/* For the first two bytes of a character of three (a lead byte
 * 1110xxxx and a continuation byte), as one uint16_t is read from
 * them: the bits of the code point that they give; 1 for any other two
 * bytes. Made once. */
static uint16_t lead3[0x10000];
static int classes_ready;
static void init_classes(void);

struct numex *
nx_new(struct wordseg *ws, int subjects)
{
	struct numex *nx = xcalloc(1, sizeof *nx);

	nx->ws = ws;
	nx->subjects = subjects;
	nx->qw = xcalloc(1, sizeof *nx->qw);
	nx->simp = simp_new();
	if (!classes_ready)
		init_classes();
	if (!lits_ready)
		init_lits();
	rx_builtin(&nx->url,
	    "(?:https?|ftp)://[!-~]+|www\\.[A-Za-z0-9-]+\\.[!-~]+|"
	    "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+", 0);
	return nx;
}

void
nx_free(struct numex *nx)
{
	if (nx == NULL)
		return;
	rx_free(&nx->url);
	free(nx->cp);
	free(nx->off);
	free(nx->mark);
	simp_free(nx->simp);
	if (nx->qw)
		free(nx->qw->w);
	free(nx->qw);
	free(nx);
}

/* ---- small helpers over the decoded line ---- */

/* Code points that the literal lit takes if the text at i starts with
 * it, else 0. */
static inline size_t
at(const struct numex *x, size_t i, const char *lit)
{
	size_t l, k, n = 0;

	/* the first bytes first: most literals are tried where they are
	 * not (the line holds the second byte when it holds a lead byte) */
	if (i >= x->m || x->s[x->off[i]] != lit[0] ||
	    ((unsigned char)lit[0] >= 0xC0 && x->s[x->off[i] + 1] != lit[1]))
		return 0;
	l = strlen(lit);
	if (x->n - x->off[i] < l || memcmp(x->s + x->off[i], lit, l))
		return 0;
	for (k = 0; k < l; k++)
		n += ((unsigned char)lit[k] & 0xC0) != 0x80;
	return n;
}

/* The low six bits of the code points of the set (a bit for each),
 * kept for the last sets asked about, by their address: the sets are
 * string literals (strchr_cp below sees to it), and most characters
 * asked about have a bit the set has not, so they are ruled out with no
 * look at its bytes. */
#define SET_MEMO 64
static _Thread_local struct { const char *set; uint64_t low6; } set_memo[SET_MEMO];

static uint64_t
set_low6(const char *set)
{
	unsigned h = (unsigned)((uintptr_t)set >> 2) % SET_MEMO;
	size_t i, n;

	if (set_memo[h].set != set) {
		uint64_t low6 = 0;

		for (i = 0, n = strlen(set); i < n;)
			low6 |= 1ULL << (utf8_next(set, n, &i) & 63);
		set_memo[h].set = set;
		set_memo[h].low6 = low6;
	}
	return set_memo[h].low6;
}

/* is c one of the characters of the UTF-8 string set? */
static int
strchr_cp(const char *set, uint32_t c)
{
	const unsigned char *p = (const unsigned char *)set;
	unsigned char b0, b1, b2;
	size_t i, n;

	if (!(set_low6(set) >> (c & 63) & 1))
		return 0;
	if (c < 0x80)
		return c != 0 && strchr(set, (int)c) != NULL;
	if (c >= 0x800 && c < 0x10000) {	/* three bytes: step by character */
		b0 = (unsigned char)(0xE0 | c >> 12);
		b1 = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		b2 = (unsigned char)(0x80 | (c & 0x3F));
		for (; *p; p += utf8_seqlen(*p))
			if (p[0] == b0 && p[1] == b1 && p[2] == b2)
				return 1;
		return 0;
	}
	for (i = 0, n = strlen(set); i < n;)
		if (utf8_next(set, n, &i) == c)
			return 1;
	return 0;
}

/* The memo knows a set by its address, which is sound for string
 * literals alone: anything else asked about fails to compile. */
#define strchr_cp(set, c) strchr_cp("" set, (c))

static size_t
at_lit(const struct numex *x, size_t i, const struct lit *l)
{
	int k;

	if (i + (size_t)l->n > x->m || x->cp[i] != l->c[0])
		return 0;
	for (k = 1; k < l->n; k++)
		if (x->cp[i + k] != l->c[k])
			return 0;
	return (size_t)l->n;
}

static size_t
ends_lit(const struct numex *x, size_t i, const struct lit *l)
{
	int k;

	if ((size_t)l->n > i)
		return 0;
	for (k = 0; k < l->n; k++)
		if (x->cp[i - (size_t)l->n + (size_t)k] != l->c[k])
			return 0;
	return (size_t)l->n;
}

static uint32_t
cpat(const struct numex *x, size_t i)
{
	return i < x->m ? x->cp[i] : 0;
}

/* code point index of a byte offset (binary search in off[]) */
static size_t
cp_of(const struct numex *x, size_t byte)
{
	size_t lo = 0, hi = x->m;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (x->off[mid] < byte)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
is_ascii_alpha(uint32_t c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int
is_fw_alpha(uint32_t c)
{
	return (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

static int
is_dash(uint32_t c)
{
	return c == '-' || c == 0x2014 || c == 0x2013 || c == 0xFF0D ||
	    c == 0x2015 || c == 0x2212;
}

static int
is_range_sep(uint32_t c)
{
	return is_dash(c) || c == '~' || c == 0xFF5E || c == 0x301C ||
	    c == 0x81F3 || c == 0x5230;		/* 至 到 */
}

/* digits of an Arabic run [b, e) without separators, as a number */
static long
small_int(const struct numex *x, size_t b, size_t e)
{
	long v = 0;

	if (e - b > 9)
		return -1;
	for (; b < e; b++) {
		int d = ar_digit(x->cp[b]);

		if (d < 0)
			return -1;
		v = v * 10 + d;
	}
	return v;
}

static size_t
digits_end(const struct numex *x, size_t i)
{
	while (i < x->m && ar_digit(x->cp[i]) >= 0)
		i++;
	return i;
}

/* ---- the parts of an expression ---- */

struct numtok {
	size_t b, e;
	struct num v;
	int chinese;
	int approx;		/* 几 inside: more than */
	int direct;		/* Chinese read digit by digit (二〇二二) */
	int hasfrac;
	int toolong;		/* more digits than a value can hold: a code */
};

/* Arabic digits at i, with thousands separators and one decimal point:
 * the longest prefix that parses. */
static int
read_arabic(const struct numex *x, size_t i, struct numtok *t)
{
	size_t j = i, good = 0, dot = 0;	/* dot: a point, and after it */

	while (j < x->m) {
		uint32_t c = x->cp[j];

		if (ar_digit(c) >= 0)
			j++;
		else if ((c == ',' || c == '.' || c == 0xFF0E ||
		    (c == 0xFF0C && x->cp[j - 1] >= 0xFF10)) &&
		    ar_digit(cpat(x, j + 1)) >= 0) {
			if (!dot && c != ',' && c != 0xFF0C)
				dot = j + 1;
			j++;	/* ， separates thousands in full-width only */
		} else
			break;
	}
	if (j - i > NUM_MAXDIGITS) {
		t->e = j;	/* a digit run no quantity has: a code */
		t->toolong = 1;
		return 0;
	}
	/* the longest prefix that parses, cut at a separator (1,23 gives
	 * 1): one try per separator */
	while (j > i) {
		if (ar_parse(x->cp + i, j - i, &t->v) == 0) {
			good = j;
			break;
		}
		do
			j--;
		while (j > i && ar_digit(x->cp[j]) >= 0);
	}
	if (!good)
		return -1;
	t->e = good;
	t->hasfrac = dot && dot <= good;	/* the first point is inside */
	return 0;
}

static const struct unit *read_unit(const struct numex *x, size_t i,
    size_t *len);

/* Some capital numerals are numerals only among others or before a
 * unit (伍仟元, 陆元): alone they are 参 (参加), 拾 (拾遗), 肆 (肆意), 陆
 * (陆续), 伍 (队伍) */
static int
lone_capital(const struct numex *x, size_t j)
{
	uint32_t c = x->cp[j];
	const struct unit *u;
	size_t l;

	if (!strchr_cp("參参肆伍陆陸拾", c))
		return 0;
	return uc_is_han(cpat(x, j + 1)) && cn_numeral(x->cp[j + 1]) < 0 &&
	    !((u = nu_find(x->cp + j + 1, x->m - j - 1, &l)) != NULL &&
	    u->kind == NK_MONEY) && (j == 0 || cn_numeral(x->cp[j - 1]) < 0);
}

/* The characters of a Chinese numeral at i into buf (at most 70) and
 * where each lies in pos, with 几 noted, Arabic digits after 点 turned
 * Chinese, ○ read as 〇 between digits (二○○一) and one space skipped
 * next to a unit character (四千 七百 二十一 萬); returns how many, *end
 * the end in the text. */
static size_t
gather_chinese(const struct numex *x, size_t i, struct numtok *t,
    uint32_t *buf, size_t *pos, size_t *end)
{
	static const uint32_t cn[] = { 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
	    0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };
	size_t j = i, k = 0;

	while (j < x->m && k < 70) {
		uint32_t c = x->cp[j];

		pos[k] = j;
		if (cn_numeral(c) >= 0 && (k > 0 || !lone_capital(x, j)))
			buf[k++] = c;
		else if (cn_numeral(c) >= 0)
			break;
		else if (c == 0x25CB && k > 0 && cn_is_digit(buf[k - 1]))
			buf[k++] = 0x3007;	/* 二○○一 */
		else if ((c == ' ' || c == 0x3000) && k > 0 &&
		    cn_numeral(cpat(x, j + 1)) >= 0 &&
		    (cn_is_unit(buf[k - 1]) || cn_is_unit(cpat(x, j + 1))))
			;			/* 四千 七百 */
		else if (c == 0x6570 && j == i && cn_is_unit(cpat(x, j + 1)))
			t->approx = 1;		/* 数十 数万: several */
		else if (c == 0x51E0 && j + 1 < x->m &&
		    (cn_is_unit(x->cp[j + 1]) || (j > i &&
		    cn_is_unit(x->cp[j - 1]))))
			t->approx = 1;		/* 十几 几十 */
		else if ((c == 0x70B9 || c == 0x9EDE) && k > 0 &&
		    cn_is_digit(cpat(x, j + 1))) {
			buf[k++] = c;
			t->hasfrac = 1;
		} else if ((c == 0x70B9 || c == 0x9EDE) && k > 0 &&
		    ar_digit(cpat(x, j + 1)) >= 0) {
			/* 一百点123: Arabic digits after the point */
			buf[k++] = c;
			t->hasfrac = 1;
			while (ar_digit(cpat(x, j + 1)) >= 0 && k < 70) {
				pos[k] = j + 1;
				buf[k++] = cn[ar_digit(x->cp[++j])];
			}
		} else
			break;
		j++;
	}
	*end = j;
	return k;
}

/* Where a Chinese numeral ends before a unit that begins with one of
 * its characters: 二百千瓦 (200 千瓦), 百万千瓦, 四十两 (40 两: 四十二 is
 * how 42 is said). Returns the new count of characters, or k. */
static size_t
cut_before_unit(const struct numex *x, const uint32_t *buf, const size_t *pos,
    size_t k)
{
	size_t q, l;
	struct num v;

	if (k >= 2 && (buf[k - 1] == 0x4E24 || buf[k - 1] == 0x5169) &&
	    cn_is_unit(buf[k - 2]))
		return k - 1;
	for (q = 1; q < k; q++) {
		int u = cn_numeral(buf[q]);

		if (u < 11 || u > 13 || read_unit(x, pos[q], &l) == NULL || l < 2)
			continue;
		/* cut when the whole does not parse, or right after 万 亿 */
		if ((cn_parse(buf, k, &v) < 0 || cn_numeral(buf[q - 1]) >= 14) &&
		    cn_parse(buf, q, &v) == 0)
			return q;
	}
	return k;
}

/* A Chinese numeral at i: 一千三百四十六, 十几, 三四十万 (read as its
 * upper end here), 二〇二二 (read digit by digit). */
static int
read_chinese(const struct numex *x, size_t i, struct numtok *t)
{
	uint32_t buf[72];
	size_t pos[72];
	size_t j, k = gather_chinese(x, i, t, buf, pos, &j), q, c;

	if (k == 0)
		return -1;
	if (k >= 70) {
		/* a numeral longer than any quantity: a code */
		while (j < x->m && (cn_numeral(x->cp[j]) >= 0 ||
		    x->cp[j] == 0x70B9 || x->cp[j] == 0x51E0))
			j++;
		t->e = j;
		t->chinese = 1;
		t->toolong = 1;
		return 0;
	}
	if (!t->hasfrac && (c = cut_before_unit(x, buf, pos, k)) < k) {
		k = c;
		j = pos[k];
	}
	if (k == 1 && cn_is_unit(buf[0]) && read_unit(x, i, &c) && c >= 2)
		return -1;		/* 每千瓦时, 每千克: a unit, no number */
	while (j > i && (x->cp[j - 1] == ' ' || x->cp[j - 1] == 0x3000))
		j--;
	if (cn_parse(buf, k, &t->v) < 0) {
		/* 三四十万: two neighbouring digits before a unit read as a
		 * range; here the value is the upper end. 万人 亿元: one.
		 * 四点五亿: a decimal times 万 or 亿. */
		int p = 0;

		while (t->hasfrac && k > 2 && (cn_numeral(buf[k - 1]) == 14 ||
		    cn_numeral(buf[k - 1]) == 18))
			p += cn_numeral(buf[--k]) - 10;
		if (p && cn_parse(buf, k, &t->v) == 0 && num_shift(&t->v, p) == 0)
			;
		else if (cn_numeral(buf[0]) == 14 || cn_numeral(buf[0]) == 18) {
			memmove(buf + 1, buf, k * sizeof *buf);
			buf[0] = 0x4E00;
			if (cn_parse(buf, k + 1, &t->v) < 0)
				return -1;
		} else if (k < 3 || !cn_is_digit(buf[0]) || !cn_is_digit(buf[1]) ||
		    cn_numeral(buf[1]) != cn_numeral(buf[0]) + 1 ||
		    cn_parse(buf + 1, k - 1, &t->v) < 0)
			return -1;
	}
	t->e = j;
	t->chinese = 1;
	t->direct = k > 1;
	for (q = 0; q < k; q++)
		if (!cn_is_digit(buf[q]))
			t->direct = 0;
	return 0;
}

/* The longest numeral at i. */
static int
read_number(const struct numex *x, size_t i, struct numtok *t)
{
	/* all zero but the digits, read only as far as len says */
	memset(t, 0, offsetof(struct numtok, v.d));
	memset(&t->v.len, 0, sizeof *t - offsetof(struct numtok, v.len));
	t->b = i;
	if (ar_digit(cpat(x, i)) >= 0)
		return read_arabic(x, i, t);
	return read_chinese(x, i, t);
}

/* Is c a measure word of the word list? Asked once per character and
 * remembered. Some are not of things counted: 些 (一些, some), 番 (一番,
 * a bout of). */
static const struct unit *
qword(const struct numex *x, uint32_t c)
{
	struct qwords *q = x->qw;
	struct qword *w;
	const char *tag;
	char s[4];
	uint32_t k = c - 0x4E00;

	if (x->ws == NULL || c < 0x4E00 || c >= 0xA000 || strchr_cp("些番", c))
		return NULL;
	if (q->idx[k])
		return q->idx[k] == 0xFFFF ? NULL : &q->w[q->idx[k] - 1].u;
	s[0] = (char)(0xE0 | c >> 12);
	s[1] = (char)(0x80 | (c >> 6 & 0x3F));
	s[2] = (char)(0x80 | (c & 0x3F));
	s[3] = '\0';
	tag = ws_tag(x->ws, s, 3);
	if (tag == NULL || strcmp(tag, "q") != 0 || q->n >= 0xFFFE) {
		q->idx[k] = 0xFFFF;
		return NULL;
	}
	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 128;
		q->w = xrealloc(q->w, q->cap * sizeof *q->w);
		for (k = 0; k < q->n; k++)	/* the strings moved */
			q->w[k].u.s = q->w[k].u.norm = q->w[k].s;
		k = c - 0x4E00;
	}
	w = &q->w[q->n++];
	memcpy(w->s, s, 4);
	w->u.s = w->u.norm = w->s;
	w->u.kind = NK_COUNT;
	w->u.scale = 0;
	w->u.flags = U_WORD;
	q->idx[k] = (uint16_t)q->n;
	return &w->u;
}

/* The unit at i (see numunit.c, then the measure words of the word
 * list); a Latin one may follow a space. */
static const struct unit *
read_unit(const struct numex *x, size_t i, size_t *len)
{
	const struct unit *u;

	if (i >= x->m)
		return *len = 0, NULL;
	if ((u = nu_find(x->cp + i, x->m - i, len)) != NULL)
		return u;
	if (x->cp[i] >= 0x4E00 && (u = qword(x, x->cp[i])) != NULL)
		return *len = 1, u;
	if ((x->cp[i] == ' ' || x->cp[i] == 0x3000 || x->cp[i] == 0xA0) &&
	    (u = nu_find(x->cp + i + 1, x->m - i - 1, len)) != NULL &&
	    (u->flags & U_LATIN)) {
		*len += 1;
		return u;
	}
	return *len = 0, NULL;
}

/* Arabic multipliers: 万 亿 万亿 千万 百万; returns the power of ten */
static int
read_multiplier(const struct numex *x, size_t i, size_t *len)
{
	static const struct { const char *s; int p; } mult[] = {
		{ "万亿", 12 }, { "千亿", 11 }, { "百亿", 10 }, { "亿", 8 },
		{ "千万", 7 }, { "百万", 6 }, { "万", 4 }, { "萬億", 12 },
		{ "億", 8 }, { "千萬", 7 }, { "百萬", 6 }, { "萬", 4 },
		{ "千", 3 }, { "百", 2 }, { "仟", 3 }, { "佰", 2 },
	};
	size_t k, ul;

	if (cn_numeral(cpat(x, i)) < 12) {
		*len = 0;	/* each begins with 百 千 万 亿 or theirs */
		return 0;
	}
	if (read_unit(x, i, &ul) && ul > 1) {
		*len = 0;	/* 千米 千克 百分点 are units, not multipliers */
		return 0;
	}
	for (k = 0; k < sizeof mult / sizeof mult[0]; k++)
		if ((*len = at(x, i, mult[k].s)) != 0)
			return mult[k].p;
	*len = 0;
	return 0;
}

static char
qual_of(const char *entry)
{
	return strchr(entry, '>')[1];
}

static size_t
match_qual(const struct numex *x, size_t i, int before, char *q)
{
	const char *const *list = before ? qual_before : qual_after;
	const struct lit *lits = before ? qb_lit : qa_lit;
	size_t n = before ? NQB : NQA, k, got;

	/* none ends where the character before does not end one (or starts
	 * where the character does not start one) */
	if (before ? i == 0 || i > x->m ||
	    !(slot_flags[slot_at(x->cp[i - 1])] & S_QB_LAST) :
	    i >= x->m || !(slot_flags[slot_at(x->cp[i])] & S_QA_FIRST))
		return 0;
	for (k = 0; k < n; k++) {
		got = before ? ends_lit(x, i, &lits[k]) : at_lit(x, i, &lits[k]);
		if (!got)
			continue;
		/* 最近 附近 are not 近 */
		if (before && lits[k].n == 1 && lits[k].c[0] == 0x8FD1 && i >= 2 &&
		    strchr_cp("最附邻接将", x->cp[i - 2]))
			continue;
		*q = qual_of(list[k]);
		return got;
	}
	return 0;
}

/* ---- lexicalised words ---- */

struct overlap {
	const struct numex *x;
	size_t s, nb, ne;	/* word start; numeral span */
	size_t ext;		/* how far the numeral may extend (ext_of) */
	int lexical;
};

#define EXT_UNKNOWN ((size_t)-1)

static size_t extension(const struct numex *x, size_t ne);

/* o->ext, found when first asked */
static size_t
ext_of(struct overlap *o)
{
	if (o->ext == EXT_UNKNOWN)
		o->ext = extension(o->x, o->ne);
	return o->ext;
}

static int
numeralish(uint32_t c)
{
	return cn_numeral(c) >= 0 || c == 0x51E0 || c == 0x591A || c == 0x4F59;
}

/* The frequency the word list gives the word at [b, b + len). */
static double
word_freq(const struct numex *x, size_t b, size_t len)
{
	if (x->ws == NULL)
		return 0;
	return ws_freq(x->ws, x->s + x->off[b], x->off[b + len] - x->off[b]);
}

/* The frequency of the word at [b, b + len) that ws_prefixes found on
 * cp[] with freq: word_freq's, unless a character of it may have been
 * folded by decode_line (a full-width letter, µ), whose bytes are not
 * the word's. Folds give ASCII letters and μ only, so a word of code
 * points from U+3000 on is its bytes. */
static double
prefix_freq(const struct numex *x, size_t b, size_t len, double freq)
{
	size_t k;

	for (k = b; k < b + len; k++)
		if (x->cp[k] < 0x3000)
			return word_freq(x, b, len);
	return freq;
}

/* idioms and set phrases (一年一度 一干二净) and names (八国集团 三峡) */
static int
fixed_tag(const char *tag)
{
	return tag != NULL && (strcmp(tag, "i") == 0 || strcmp(tag, "l") == 0 ||
	    strcmp(tag, "nz") == 0 || strcmp(tag, "nt") == 0 ||
	    strcmp(tag, "nr") == 0 || strcmp(tag, "ns") == 0);
}

static int noun_char(const struct numex *x, size_t k);

/* Is [b, e) numbers and their measure words only? */
static int
numbers_only(const struct numex *x, size_t b, size_t e)
{
	size_t k = b;

	while (k < e && numeralish(x->cp[k]))
		k++;
	return k > b && extension(x, k) >= e;
}

/* A word of the list over the numeral [nb, ne) (see lexicalised_at):
 * is the numeral part of it? The list's rarest entries (frequency under
 * 10) that join a number, its measure word and what follows (一盏灯,
 * 近两年来) are not words here, unless what follows the numeral is a
 * common word (零首付: 首付). */
static void
on_prefix(void *arg, size_t len, const char *tag, double freq)
{
	struct overlap *o = arg;
	const struct numex *x = o->x;
	size_t e = o->s + len, k;
	int rare;

	if (e <= o->nb || len < 2)
		return;
	if (o->s == o->nb && e <= o->ne)
		return;			/* inside the numeral itself */
	rare = prefix_freq(x, o->s, len, freq) < 10;
	/* names and idioms, unless made of numbers and their measure words
	 * (十一届三中全会), begun by them (九届全国人大) or a number and a
	 * noun (三国: three countries) */
	if (fixed_tag(tag) && !rare && e > o->ne) {
		if ((strcmp(tag, "nz") == 0 || strcmp(tag, "nt") == 0) &&
		    (numbers_only(x, o->s, e) || (o->s == o->nb &&
		    ext_of(o) > o->ne)))
			return;
		if (!(strcmp(tag, "ns") == 0 && o->s == o->nb && e == ext_of(o) &&
		    noun_char(x, o->ne))) {
			o->lexical = 1;
			return;
		}
	}
	/* what the word adds on the left must be a prefix we know, or a
	 * number with its measure word (十一届 of 十一届三中全会); the
	 * rarest entries do not count (进万家) */
	if (rare && o->s < o->nb)
		return;
	for (k = o->s; k < o->nb; k++)
		if (!numeralish(x->cp[k]) && !strchr_cp("第前约近逾超负負", x->cp[k]))
			break;
	if (k < o->nb && k > o->s && extension(x, k) >= o->nb)
		k = o->nb;
	if (k < o->nb) {
		o->lexical = 1;
		return;
	}
	/* and on the right it may run into what follows the numeral in
	 * the text: units, measure words, parts of dates (一个 万元 三季度) */
	if (e > ext_of(o) && !(o->ext > o->ne && rare &&
	    word_freq(x, o->ne, e - o->ne) < 50))
		o->lexical = 1;
}

/* Is the character at k a word of its own that the word list tags n
 * (国 省 岸 方)? */
static int
noun_char(const struct numex *x, size_t k)
{
	const char *tag;
	uint32_t c;
	int yes;

	if (x->ws == NULL || k >= x->m || !uc_is_han(c = x->cp[k]) ||
	    x->off[k + 1] - x->off[k] != 3)
		return 0;
	/* the answer for a unified ideograph is kept (the word list
	 * does not change), as for the measure words */
	if (c >= 0x4E00 && c < 0xA000 && x->qw->noun[c - 0x4E00])
		return x->qw->noun[c - 0x4E00] - 1;
	tag = ws_tag(x->ws, x->s + x->off[k], 3);
	yes = tag != NULL && strcmp(tag, "n") == 0;
	if (c >= 0x4E00 && c < 0xA000)
		x->qw->noun[c - 0x4E00] = (uint8_t)(yes + 1);
	return yes;
}

/* Does c begin one of the words extension() steps over after a unit? */
static int
time_word_start(uint32_t c)
{
	switch (c) {
	case 0x5B63: case 0x5E74: case 0x5468: case 0x6708: case 0x65E5:
	case 0x53F7: case 0x5927: case 0x94B1: case 0x70B9: case 0x65F6:
		return 1;	/* 季 年 周 月 日 号 大 钱 点 时 */
	}
	return 0;
}

/* where the numeral at [nb, ne) may extend: 多 余, units, measure
 * words, parts of dates and 大 of a congress */
static size_t
extension(const struct numex *x, size_t ne)
{
	size_t k = ne, ul;

	for (;;) {
		while (k < x->m && numeralish(x->cp[k]))
			k++;
		if (k > 0 && k < x->m && cn_is_unit(x->cp[k - 1]) &&
		    (x->cp[k] == 0x6765 || x->cp[k] == 0x628A))
			k++;			/* 十来 千把 */
		if (read_unit(x, k, &ul) || (time_word_start(cpat(x, k)) &&
		    ((ul = at(x, k, "季度")) ||
		    (ul = at(x, k, "年代")) || (ul = at(x, k, "周年")) ||
		    (ul = at(x, k, "年")) || (ul = at(x, k, "月")) ||
		    (ul = at(x, k, "日")) || (ul = at(x, k, "号")) ||
		    (ul = at(x, k, "大")) || (ul = at(x, k, "钱")) ||
		    (ul = at(x, k, "点钟")) || (ul = at(x, k, "点")) ||
		    (ul = at(x, k, "时")))))
			k += ul;
		else if (k == ne && noun_char(x, k))
			return k + 1;		/* 两国 中美两国 */
		else
			return k;
	}
}

/* Does one of lits cover code point nb? Returns its end, or 0. The
 * places of the character at nb in the literals are tried in the order
 * of the literals, each from the start that is furthest left. */
static size_t
covered_by(const struct numex *x, size_t nb, const struct lit *lits,
    const struct litplaces *pl, size_t *start)
{
	unsigned sl = slot_at(x->cp[nb]);
	size_t q;

	/* cp[m] is 0, in no literal */
	if (sl == 0 || (!(nb > 0 && lit_pair(pl, slot_at(x->cp[nb - 1]), sl)) &&
	    !lit_pair(pl, sl, slot_at(x->cp[nb + 1]))))
		return 0;
	for (q = pl->from[sl]; q < pl->from[sl + 1]; q++) {
		size_t k = pl->at[q].k, p = pl->at[q].p;

		if (p <= nb && at_lit(x, nb - p, &lits[k])) {
			*start = nb - p;
			return nb - p + (size_t)lits[k].n;
		}
	}
	return 0;
}

struct covering {
	const struct numex *x;
	size_t base, nb;	/* bytes */
	size_t b, e;		/* the word over nb, bytes */
};

static void
on_covering(void *arg, size_t b, size_t e, enum toktype t)
{
	struct covering *c = arg;

	(void)t;
	if (c->base + b <= c->nb && c->nb < c->base + e) {
		c->b = c->base + b;
		c->e = c->base + e;
	}
	/* the tokens are in order: none after this one covers nb, and
	 * the runs of text after it are not cut */
	if (c->base + e > c->nb)
		ws_stop(c->x->ws);
}

/* Some word of the list holds the numeral: is it a word of the most
 * probable cut of the text around it too? The word list has rare
 * entries across words (国三 in 中国三个, 近两年, 破百) that the cut does
 * not take. */
static int
lexical_in_cut(const struct numex *x, struct overlap *o)
{
	struct covering c = { x, 0, x->off[o->nb], 0, 0 };
	size_t b = o->nb >= 6 ? o->nb - 6 : 0;
	size_t e = ext_of(o) + 6 < x->m ? o->ext + 6 : x->m;
	size_t len;
	const char *tag;
	double freq;

	c.base = x->off[b];
	ws_cut(x->ws, x->s + c.base, x->off[e] - c.base, on_covering, &c);
	if (c.e <= c.b)
		return 0;
	b = cp_of(x, c.b);
	e = cp_of(x, c.e);
	len = e - b;
	if (len < 2 || (b == o->nb && e <= o->ne))
		return 0;
	o->lexical = 0;
	o->s = b;
	tag = ws_word(x->ws, x->s + c.b, c.e - c.b, &freq);
	on_prefix(o, len, tag, freq);
	return o->lexical;
}

static int
lexicalised_at(const struct numex *x, size_t nb, size_t ne)
{
	struct overlap o = { x, 0, nb, ne, EXT_UNKNOWN, 0 };
	size_t s;

	if (covered_by(x, nb, lex_lit, &lex_places, &s))
		return 1;
	if (x->ws == NULL)
		return 0;
	/* a word that starts with the numeral first (一起 一些), then those
	 * that start before it (统一): whichever finds one decides. The
	 * words that on_prefix passes over at once are not reported: those
	 * that end where the numeral starts or before, and those inside
	 * the numeral. */
	for (s = nb; !o.lexical; s--) {
		o.s = s;
		ws_prefixes_past(x->ws, x->cp + s, x->m - s,
		    s == nb ? ne - nb : nb - s, on_prefix, &o);
		if (s == 0 || nb - s == 3)
			break;
	}
	return o.lexical && lexical_in_cut(x, &o);
}

/* ---- subjects ---- */

/* Where a subject stops: punctuation of the shared table (sentence
 * ends, clause breaks, quotes and brackets, dashes), white space, or a
 * digit, '.' or '%' (another number). */
static int
clause_break(uint32_t c)
{
	return (punct_class(c) & (PUNCT_END | PUNCT_SEMI | PUNCT_CLAUSE |
	    PUNCT_OPEN | PUNCT_CLOSE | PUNCT_DASH)) || uc_is_space(c) ||
	    ar_digit(c) >= 0 || c == '.' || c == '%';
}

static int
nounish(const char *tag)
{
	return tag != NULL && (tag[0] == 'n' || strcmp(tag, "vn") == 0 ||
	    strcmp(tag, "j") == 0 || strcmp(tag, "l") == 0 ||
	    strcmp(tag, "an") == 0 || strcmp(tag, "zg") == 0 ||
	    strcmp(tag, "?") == 0);
}

/* A word of a list below, with its length in bytes (none is empty). */
struct listword {
	const char *s;
	size_t n;
};
#define LW(w) { w, sizeof w - 1 }

/* Words that end a subject though the word list calls them nouns
 * (全部, 全体), and verbs that name things (组织, 服务). The last
 * bytes are compared first: most words of a cut have the length of
 * the list's (two characters), and few their last byte. */
static int
word_is(const struct numex *x, size_t bb, size_t be,
    const struct listword *list, size_t n)
{
	size_t k, len = be - bb;

	if (be <= bb)
		return 0;
	for (k = 0; k < n; k++)
		if (list[k].n == len && list[k].s[len - 1] == x->s[be - 1] &&
		    memcmp(x->s + bb, list[k].s, len) == 0)
			return 1;
	return 0;
}

static const struct listword subject_stop[] = {
	LW("全部"), LW("全体"), LW("所有"), LW("各类"), LW("其中"),
	LW("左右"), LW("以上"), LW("以下"), LW("同比"), LW("累计"),
	LW("总数"), LW("总计"), LW("合计"),
};
static const struct listword nominal_verbs[] = {
	LW("组织"), LW("服务"), LW("建设"), LW("工程"), LW("管理"),
	LW("监测"), LW("保障"),
};

struct wordspan {
	size_t b[64], e[64];
	const char *tag[64];	/* NULL: no word; else see tag_of() */
	int n;
	int want;		/* the cut stops at so many words (<= 64) */
	const struct numex *x;
	size_t base;		/* byte offset of the cut text in the line */
};

static const char tag_pending[] = "";

static void
on_word(void *arg, size_t b, size_t e, enum toktype t)
{
	struct wordspan *w = arg;

	w->b[w->n] = w->base + b;
	w->e[w->n] = w->base + e;
	w->tag[w->n] = t == TOK_WORD ? tag_pending : NULL;
	if (++w->n == w->want)
		ws_stop(w->x->ws);
}

/* The part of speech of word k, looked up when first asked (most of
 * the words of a cut are never looked at) */
static const char *
tag_of(struct wordspan *w, int k)
{
	if (w->tag[k] == tag_pending) {
		w->tag[k] = ws_tag(w->x->ws, w->x->s + w->b[k],
		    w->e[k] - w->b[k]);
		if (w->tag[k] == NULL)
			w->tag[k] = "?";	/* unknown Han word: a name */
	}
	return w->tag[k];
}

/* A word of the noun phrase after a measure word (k < 4: the cut
 * reads five words). A distinguishing word (the list's b: 大型, 女,
 * 巾帼) is one when a noun of the phrase follows it: 100家大型企业,
 * 200名女职工. */
static int
subject_word(const struct numex *x, struct wordspan *w, int k)
{
	const char *t;

	if (k >= w->n || k >= 4 || (t = tag_of(w, k)) == NULL ||
	    word_is(x, w->b[k], w->e[k], subject_stop,
	    sizeof subject_stop / sizeof *subject_stop))
		return 0;
	if (strcmp(t, "b") == 0)
		return subject_word(x, w, k + 1);
	return nounish(t) && strcmp(t, "vn") != 0;
}

static void
find_subject(const struct numex *x, struct nx_hit *h, size_t nb, int counted)
{
	struct wordspan w;
	size_t e, b;
	int k, first;

	h->sb = h->se = 0;
	if (x->ws == NULL || !x->subjects)
		return;
	w.x = x;
	/* (a) after a measure word: 选派1334名党建指导员 */
	if (counted) {
		for (e = h->e; e < x->m && !clause_break(x->cp[e]); e++)
			;
		if (e > h->e && uc_is_han(x->cp[h->e])) {
			w.n = 0;
			w.want = 5;	/* the loop below reads words 0 to 4 */
			w.base = x->off[h->e];
			ws_cut(x->ws, x->s + w.base, x->off[e] - w.base, on_word, &w);
			for (k = 0; subject_word(x, &w, k); k++)
				;
			if (k > 0 && (k == w.n || tag_of(&w, k) == NULL ||
			    strcmp(tag_of(&w, k), "uj") != 0)) {
				h->sb = h->e;
				h->se = cp_of(x, w.e[k - 1]);
				return;
			}
		}
	}
	/* (b) a noun phrase that ends where the number starts, with the
	 * number closing the clause: 村党组织领办集体经济组织1043个 */
	if (h->e < x->m && (!clause_break(x->cp[h->e]) ||
	    ar_digit(x->cp[h->e]) >= 0))
		return;
	for (b = nb; b > 0 && !clause_break(x->cp[b - 1]); b--)
		;
	if (b == nb || nb - b > 40)
		return;
	w.n = 0;
	w.want = 64;		/* 40 characters hold fewer words */
	w.base = x->off[b];
	ws_cut(x->ws, x->s + w.base, x->off[nb] - w.base, on_word, &w);
	if (w.n == 0 || (!nounish(tag_of(&w, w.n - 1)) &&
	    !word_is(x, w.b[w.n - 1], w.e[w.n - 1], nominal_verbs,
	    sizeof nominal_verbs / sizeof *nominal_verbs)))
		return;
	/* 培训1.3万人: a verbal noun before a count is the verb */
	if (counted && tag_of(&w, w.n - 1) &&
	    strcmp(tag_of(&w, w.n - 1), "vn") == 0)
		return;
	/* back over the nouns to the clause start or the first verb */
	for (first = w.n - 1; first > 0 && nounish(tag_of(&w, first - 1)) &&
	    !word_is(x, w.b[first - 1], w.e[first - 1], subject_stop,
	    sizeof subject_stop / sizeof *subject_stop); first--)
		;
	h->sb = cp_of(x, w.b[first]);
	h->se = nb;
}

/* ---- the scanner ---- */

struct emit {
	struct numex *x;
	void (*fn)(void *, const struct nx_hit *);
	void *arg;
};

static void
emit_hit(struct emit *em, struct nx_hit *h)
{
	const struct numex *x = em->x;

	if (h->unit == NULL)
		h->unit = "";
	if (h->qual == 0)
		h->qual = '=';
	h->bb = x->off[h->b];
	h->be = x->off[h->e];
	if (h->se > h->sb) {
		h->sbb = x->off[h->sb];
		h->sbe = x->off[h->se];
	} else
		h->sbb = h->sbe = 0;
	/* where it stands in the line */
	if (x->converted && simp_changed(x->simp)) {
		struct nx_hit o = *h;

		simp_back_cp(x->simp, &o.b, &o.e);
		simp_back(x->simp, &o.bb, &o.be);
		if (o.se > o.sb) {
			simp_back_cp(x->simp, &o.sb, &o.se);
			simp_back(x->simp, &o.sbb, &o.sbe);
		}
		em->fn(em->arg, &o);
		return;
	}
	em->fn(em->arg, h);
}

static void
fmt(const struct num *v, char *out, size_t cap)
{
	if (num_format(v, out, cap) < 0)
		out[0] = '\0';
}

/* v in decimal at out, in at least width digits (zeros before, as
 * printf's "%0*lu"), NUL-terminated; returns the end (the NUL). The
 * values of dates and times are never negative; a value holds a few of
 * them: out has room. */
static char *
put_ulong(char *out, unsigned long v, int width)
{
	char d[24];
	int k = 0;

	do
		d[k++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	for (; width > k; width--)
		*out++ = '0';
	while (k > 0)
		*out++ = d[--k];
	*out = '\0';
	return out;
}

/* the value of a time: HHMMSS, the hour without a leading zero */
static void
put_hms(char *out, unsigned long hh, unsigned long mm, unsigned long ss)
{
	put_ulong(put_ulong(put_ulong(out, hh, 0), mm, 2), ss, 2);
}

static void
set_value(struct nx_hit *h, const struct num *v)
{
	fmt(v, h->value, sizeof h->value);
}

/* A day (8日, 二十二号) at j after a month: returns the end, *d = the
 * day; or j with *d = -1. */
static size_t
read_day(const struct numex *x, size_t j, long *d)
{
	struct numtok u;
	size_t l;

	if (read_number(x, j, &u) == 0 && !u.hasfrac && u.e - u.b <= 3 &&
	    ((l = at(x, u.e, "日")) || (l = at(x, u.e, "号"))) &&
	    (*d = num_small(&u.v)) >= 1 && *d <= 99)
		return u.e + l;
	*d = -1;
	return j;
}

/* Is day d of month mo (of year y, when y > 0) on the calendar? A date
 * after 农历 or 阴历 is lunar: months of 29 or 30 days. */
static int
on_calendar(const struct numex *x, size_t b, long y, long mo, long d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (mo < 1 || mo > 12 || d < 1)
		return mo <= 12 && d != 0;
	if (b >= 2 && (x->cp[b - 1] == 0x5386 || x->cp[b - 1] == 0x66C6) &&
	    strchr_cp("农農阴陰", x->cp[b - 2]))
		return d <= 30;
	if (mo == 2 && d == 29 && y > 0)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[mo - 1];
}

/* An impossible date (2月30日, 2023年2月29日) is reported as a code:
 * no date, no value. */
static size_t
date_or_code(const struct numex *x, size_t b, size_t e, long y, long mo,
    long d, struct nx_hit *h)
{
	if (!on_calendar(x, b, y, mo, d)) {
		h->kind = NK_CODE;
		h->value[0] = '\0';
		return e;
	}
	h->kind = NK_DATE;
	put_ulong(h->value,
	    (y > 0 ? y : 0) * 10000 + (mo > 0 ? mo : 0) * 100 + (d > 0 ? d : 0), 0);
	return e;
}

/* Try dates at i: returns the end, or 0. Arabic or Chinese numerals. */
static size_t
try_date(struct numex *x, size_t i, const struct numtok *t, struct nx_hit *h)
{
	long y = -1, mo = -1, d = -1;
	size_t j = t->e, l;
	struct numtok u;
	long v = num_small(&t->v);

	if (t->hasfrac || v < 0)
		return 0;
	/* 2022-05-26  2022/05/26  2022.05.26 */
	if (!t->chinese && t->e - i == 4 && v >= 1000 && v <= 2999 &&
	    (is_dash(cpat(x, j)) || cpat(x, j) == '/' || cpat(x, j) == '.')) {
		uint32_t sep = x->cp[j];
		size_t m1 = digits_end(x, j + 1), m2;

		if (m1 > j + 1 && m1 - j - 1 <= 2 && cpat(x, m1) == sep) {
			m2 = digits_end(x, m1 + 1);
			if (m2 > m1 + 1 && m2 - m1 - 1 <= 2 &&
			    ar_digit(cpat(x, m2)) < 0) {
				mo = small_int(x, j + 1, m1);
				d = small_int(x, m1 + 1, m2);
				if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
					return date_or_code(x, i, m2, v, mo, d, h);
			}
		}
	}
	/* 九十年代 90年代 1990年代: a decade, as its first year (two digits
	 * are of the 1900s) */
	if ((l = at(x, j, "年代")) != 0 && (v % 10 == 0) &&
	    ((v >= 10 && v <= 90) || (v >= 1000 && v <= 2990))) {
		h->kind = NK_YEAR;
		h->unit = "年代";
		put_ulong(h->value, v < 100 ? 1900 + v : v, 0);
		return j + l;
	}
	/* 九七年 〇八年: a year of the 1900s (from 40) or the 2000s; not
	 * two neighbouring digits (三四年: three or four years) */
	if (t->chinese && t->direct && t->e - i == 2 && at(x, j, "年") &&
	    !at(x, j, "年代") && cn_numeral(x->cp[i + 1]) !=
	    cn_numeral(x->cp[i]) + 1) {
		h->kind = NK_YEAR;
		put_ulong(h->value, v >= 40 ? 1900 + v : 2000 + v, 0);
		return j + 1;
	}
	/* 2022年12月8日, 二〇二二年, 2022年度, 12月8日, 3月, 8日 */
	if ((l = at(x, j, "年")) != 0 && ((t->chinese && t->direct &&
	    t->e - i == 4) || (!t->chinese && t->e - i == 4)) &&
	    v >= 1000 && v <= 2999) {
		y = v;
		j += l;
		if ((l = at(x, j, "度")) != 0)
			j += l;
		else if (read_number(x, j, &u) == 0 && (l = at(x, u.e, "月")) &&
		    (mo = num_small(&u.v)) >= 1 && mo <= 99 && !u.hasfrac) {
			j = read_day(x, u.e + l, &d);
		} else
			mo = -1;
	} else if ((l = at(x, j, "月")) != 0 && v >= 1 &&
	    (v <= 12 || (v <= 99 && !t->direct))) {
		mo = v;
		j = read_day(x, j + (at(x, j, "月份") ? 2 : l), &d);
	} else if (((l = at(x, j, "日")) != 0 || ((l = at(x, j, "号")) != 0 &&
	    !t->chinese && !noun_char(x, j + 1))) && v >= 1 && v <= 31 &&
	    !at(x, j, "日报") && !at(x, j, "日电")) {
		d = v;
		j += l;
	} else if ((l = at(x, j, "季度")) != 0 && v >= 1 && v <= 4) {
		h->kind = NK_DATE;
		h->unit = "季度";
		put_ulong(h->value, v, 0);
		return j + l;
	} else
		return 0;
	if (y >= 0 && mo < 0 && d < 0) {
		h->kind = NK_YEAR;
		put_ulong(h->value, y, 0);
		return j;
	}
	return date_or_code(x, i, j, y, mo, d, h);
}

/* 22:58:46, 8:30, 8时30分 */
static size_t
try_time(struct numex *x, size_t i, const struct numtok *t, struct nx_hit *h)
{
	size_t j = t->e, m1, m2;
	long hh, mm, ss = 0;

	if (t->chinese || t->hasfrac || t->e - i > 2 ||
	    (hh = num_small(&t->v)) < 0 || hh > 24)
		return 0;
	if (cpat(x, j) == ':' || cpat(x, j) == 0xFF1A) {
		m1 = digits_end(x, j + 1);
		if (m1 - j - 1 != 2 || (mm = small_int(x, j + 1, m1)) > 59)
			return 0;
		j = m1;
		if ((cpat(x, j) == ':' || cpat(x, j) == 0xFF1A) &&
		    (m2 = digits_end(x, j + 1)) - j - 1 == 2 &&
		    (ss = small_int(x, j + 1, m2)) <= 59)
			j = m2;
		else
			ss = 0;
		if (ar_digit(cpat(x, j)) >= 0)
			return 0;
		h->kind = NK_TIME;
		put_hms(h->value, hh, mm, ss);
		return j;
	}
	return 0;
}

/* Does a part of the day end at i (下午三点, 凌晨3点)? 1 for the
 * morning, 2 for the afternoon and evening (the hours after noon), 3 for
 * 中午; 0 when none. */
static int
daypart_before(const struct numex *x, size_t i)
{
	static const struct { const char *s; int part; } parts[] = {
		{ "上午", 1 }, { "凌晨", 1 }, { "早上", 1 }, { "早晨", 1 },
		{ "清晨", 1 }, { "午夜", 1 }, { "早", 1 }, { "中午", 3 },
		{ "下午", 2 }, { "晚上", 2 }, { "傍晚", 2 }, { "夜里", 2 },
		{ "夜间", 2 }, { "深夜", 2 }, { "晚", 2 },
	};
	size_t k, l;

	for (k = 0; k < sizeof parts / sizeof *parts; k++) {
		l = utf8_count(parts[k].s, strlen(parts[k].s));
		if (i >= l && at(x, i - l, parts[k].s) == l)
			return parts[k].part;
	}
	return 0;
}

/* 20时30分 二十时 8时30分15秒 下午三点半 凌晨3点15分 九点整: the hour
 * with 时, or with 点 after a part of the day or before 半 分 钟 整; on
 * a 24-hour clock (下午三点半 is 153000) */
static size_t
clock_time(struct numex *x, size_t i, const struct numtok *t, struct nx_hit *h)
{
	size_t j = t->e;
	long hh, mm = 0, ss = 0;
	struct numtok u;
	int dot, k;

	/* 时 or 点 after it, first: most numbers have neither */
	if (t->hasfrac || t->direct || (!t->chinese && t->e - i > 2) ||
	    (cpat(x, j) != 0x65F6 && cpat(x, j) != 0x70B9) ||
	    (hh = num_small(&t->v)) < 0 || hh > 24)
		return 0;
	if (at(x, j, "时") && !at(x, j, "时间") && !at(x, j, "时候") &&
	    !at(x, j, "时期") && !at(x, j, "时代") && !at(x, j, "时许") &&
	    !(hh == 1 && t->chinese))	/* 一时: for a while */
		dot = 0;
	else if (at(x, j, "点") && !at(x, j, "点儿"))
		dot = 1;
	else
		return 0;
	j++;
	if (dot && at(x, j, "钟"))
		j++;
	if (at(x, j, "半")) {
		mm = 30;
		j++;
	} else if (read_number(x, j, &u) == 0 && !u.hasfrac && at(x, u.e, "分") &&
	    !at(x, u.e, "分钟") && !at(x, u.e, "分之") &&
	    (mm = num_small(&u.v)) >= 0 && mm <= 59) {
		j = u.e + 1;
		if (read_number(x, j, &u) == 0 && !u.hasfrac && at(x, u.e, "秒") &&
		    (ss = num_small(&u.v)) >= 0 && ss <= 59)
			j = u.e + 1;
		else
			ss = 0;
	} else if (at(x, j, "整"))
		j++;
	else if (dot && !at(x, j - 1, "钟") && !daypart_before(x, i))
		return 0;
	else
		mm = 0;
	/* 下午三点半 is 15:30, 中午一点 13:00 */
	if (((k = daypart_before(x, i)) == 2 && hh >= 1 && hh <= 11) ||
	    (k == 3 && hh >= 1 && hh <= 2))
		hh += 12;
	h->kind = NK_TIME;
	put_hms(h->value, hh, mm, ss);
	return j;
}

/* 0931-8159799, 400-800-8888, 13912345678, (0931)8159799 */
static size_t
try_phone(struct numex *x, size_t i, const struct numtok *t, struct nx_hit *h)
{
	size_t j = i, k = 0, groups = 0;
	char digits[32];

	if (t->chinese || t->hasfrac)
		return 0;
	/* no phone number has fewer than 10 digits in one group, and no
	 * dash after it */
	if ((k = digits_end(x, j)) - j < 10 && !is_dash(cpat(x, k)))
		return 0;
	k = 0;
	while (j < x->m && k < 20) {
		size_t e = digits_end(x, j);

		if (e == j)
			break;
		for (; j < e && k < 20; j++)
			digits[k++] = (char)('0' + ar_digit(x->cp[j]));
		groups++;
		if (is_dash(cpat(x, j)) && ar_digit(cpat(x, j + 1)) >= 0 &&
		    groups < 3)
			j++;
		else
			break;
	}
	digits[k] = '\0';
	if (ar_digit(cpat(x, j)) >= 0 || is_ascii_alpha(cpat(x, j)))
		return 0;
	if ((groups == 2 && digits[0] == '0' && j - i >= 11 &&
	    (t->e - i == 3 || t->e - i == 4)) ||
	    (groups == 3 && strncmp(digits, "400", 3) == 0 && k == 10) ||
	    (groups == 3 && strncmp(digits, "800", 3) == 0 && k == 10) ||
	    (groups == 1 && k == 11 && digits[0] == '1' && digits[1] >= '3')) {
		h->kind = NK_PHONE;
		snprintf(h->value, sizeof h->value, "%s", digits);
		return j;
	}
	return 0;
}

/* The places below a multiplier p filled by what follows it: 1万600 =
 * 10600, 100万三千 = 1003000, 5万1千 = 51000, 3亿845万 = 308450000,
 * 200亿零四千230; a single bare digit is the next place down: 3万2 =
 * 32000. Adds to v and returns the new end. */
static size_t
continuation(const struct numex *x, size_t j, int p, struct num *v)
{
	struct numtok t3, t4;
	struct num lim;
	size_t l;
	int p3 = 0, cu, pu, zero = at(x, j, "零") && ar_digit(cpat(x, j + 1)) >= 0;

	if (read_number(x, j + zero, &t3) < 0 || t3.hasfrac || t3.toolong ||
	    (t3.chinese && t3.e - t3.b == 1 && cn_is_digit(x->cp[t3.b])))
		return j;		/* 10万一年: not 101000 */
	if (!t3.chinese && (p3 = read_multiplier(x, t3.e, &l)) != 0) {
		if (p3 >= p)
			return j;	/* 1万2万: two numbers */
		num_shift(&t3.v, p3);
		t3.e += l;
	} else if ((cu = t3.chinese ? -1 : cn_numeral(cpat(x, t3.e))) >= 11 &&
	    cu <= 13) {
		num_shift(&t3.v, cu - 10);	/* 5万1千 */
		t3.e++;
	} else if (t3.e - t3.b == 1 && !zero && !at(x, j, "零"))
		num_shift(&t3.v, p - 1);	/* 3万2 */
	num_digit(&lim, 1, p);
	if (num_cmp(&t3.v, &lim) >= 0)
		return j;
	num_add(v, &t3.v);
	j = t3.e;
	/* 200亿零四千230: Arabic digits after a Chinese unit fill the
	 * places below it */
	pu = t3.chinese ? cn_numeral(x->cp[t3.e - 1]) - 10 : 0;
	if (pu >= 1 && pu <= 3 && read_number(x, j, &t4) == 0 && !t4.chinese &&
	    !t4.hasfrac && (int)(t4.e - t4.b) <= pu) {
		num_add(v, &t4.v);
		j = t4.e;
	}
	return j;
}

/* Is there an "ICP" just before b (京ICP备, ICP证)? */
static int
icp_before(const struct numex *x, size_t b)
{
	size_t k;

	for (k = b; k > 0 && b - k < 6; k--)
		if (k >= 3 && (x->cp[k - 3] | 0x20) == 'i' &&
		    (x->cp[k - 2] | 0x20) == 'c' && (x->cp[k - 1] | 0x20) == 'p')
			return 1;
	return 0;
}

/* 2023.05.26: a date before it can be read as the decimal 2023.05 */
static size_t
dotted_date(const struct numex *x, size_t i, struct nx_hit *h)
{
	size_t y, m, d;
	long mo, dd;

	/* the point after four digits first: most numbers have none */
	if (cpat(x, i + 4) != '.' && cpat(x, i + 4) != 0xFF0E)
		return 0;
	y = digits_end(x, i);
	if (y - i != 4 || (cpat(x, y) != '.' && cpat(x, y) != 0xFF0E) ||
	    (i > 0 && (ar_digit(x->cp[i - 1]) >= 0 || x->cp[i - 1] == '.')))
		return 0;
	m = digits_end(x, y + 1);
	if (m - y - 1 < 1 || m - y - 1 > 2 || cpat(x, m) != x->cp[y])
		return 0;
	d = digits_end(x, m + 1);
	if (d - m - 1 < 1 || d - m - 1 > 2 || ar_digit(cpat(x, d)) >= 0 ||
	    cpat(x, d) == '.')
		return 0;
	mo = small_int(x, y + 1, m);
	dd = small_int(x, m + 1, d);
	if (mo < 1 || mo > 12 || dd < 1 || dd > 31)
		return 0;
	return date_or_code(x, i, d, small_int(x, i, y), mo, dd, h);
}

/* ---- the recognisers ----
 *
 * scan_from() tries the recognisers of the tables at the end, in order, at
 * one position. The first group looks at the text before a number is
 * read (百分之, 第, 负, 半, dates with dots); one of them reads the number.
 * The second group looks at the number and what surrounds it. Each
 * recogniser passes (NEXT), says the number is read (NUMBER), gives the
 * position up (SKIP: the scan goes on at sc->next) or completes a hit
 * (EMIT). scan_from() alone reports hits and moves the scan on. */

enum verdict { NEXT, NUMBER, SKIP, EMIT };
struct scan;

static int starts_word(const struct numex *x, size_t j);
static int is_quantity_here(const struct scan *sc, size_t e);
static int lunar_month(const struct numex *x, size_t i, size_t *len);
static void add_half(struct num *v);

struct scan {
	struct numex *x;
	size_t i;		/* where the number starts (after 第 负 …) */
	size_t j;		/* end of what has been read */
	size_t next;		/* where the scan goes on (EMIT: at least) */
	struct numtok t;	/* the number */
	struct nx_hit h;	/* h.b is where the expression starts */
	const struct unit *u;	/* its unit, once read */
	char q;			/* its qualifier so far, 0 when none */
	int ordinal;		/* 1 after 第 之, 2 after 前 */
	int counted;		/* the unit is a measure word */
	int subject;		/* look for the subject before reporting */
};

static enum verdict
skip_to(struct scan *sc, size_t next)
{
	sc->next = next;
	return SKIP;
}

/* The hit is a fraction num/den ending at e; a zero denominator gives
 * no hit. */
static enum verdict
fraction(struct scan *sc, const struct num *num, const struct num *den,
    size_t e)
{
	sc->h.kind = NK_FRACTION;
	if (num_divide(num, den, sc->h.value, sizeof sc->h.value) < 0)
		return skip_to(sc, e);
	sc->h.e = e;
	return EMIT;
}

/* The hit is a code ending at e: no value, no quantity. */
static enum verdict
code(struct scan *sc, size_t e)
{
	sc->h.e = e;
	sc->h.kind = NK_CODE;
	return EMIT;
}

/* The hit is the range lo..hi, unit u (or none), ending at e with any
 * qualifier after it when qual_after is set. */
static enum verdict
range(struct scan *sc, const struct num *lo, const struct num *hi,
    const char *unit, size_t e, int qual_after, int counted)
{
	char a[NUM_MAXDIGITS + 48], b[NUM_MAXDIGITS + 48];
	size_t l;

	fmt(lo, a, sizeof a);
	fmt(hi, b, sizeof b);
	snprintf(sc->h.value, sizeof sc->h.value, "%s..%s", a, b);
	sc->h.kind = NK_RANGE;
	if (unit)
		sc->h.unit = unit;
	if (qual_after && (l = match_qual(sc->x, e, 0, &sc->q)) != 0)
		e += l;
	sc->h.e = e;
	sc->h.qual = sc->q;
	sc->subject = 1;
	sc->counted = counted;
	return EMIT;
}

/* .77 = 0.77: the digits after a point, scaled */
static enum verdict
rec_point(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t i = sc->i, e;

	if (x->cp[i] != '.' && x->cp[i] != 0xFF0E)
		return NEXT;
	e = digits_end(x, i + 1);
	if (e - i - 1 > 30 || read_number(x, i + 1, &sc->t) < 0 ||
	    sc->t.e != e || sc->t.hasfrac || is_ascii_alpha(cpat(x, e)))
		return skip_to(sc, i + 1);
	num_shift(&sc->t.v, -(int)(e - i - 1));
	sc->h.e = e;
	sc->h.kind = NK_COUNT;
	set_value(&sc->h, &sc->t.v);
	return EMIT;
}

/* 百分之 千分之 万分之, 百分之负三点八 */
static enum verdict
rec_per(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t i = sc->i, l;
	int pct, neg = 0;

	if (x->cp[i] != 0x767E && x->cp[i] != 0x5343 && x->cp[i] != 0x4E07)
		return NEXT;
	if (!(l = at(x, i, "百分之")) && !(l = at(x, i, "千分之")) &&
	    !(l = at(x, i, "万分之")))
		return NEXT;
	pct = x->cp[i] == 0x767E ? 0 : x->cp[i] == 0x5343 ? -1 : -2;
	if (cpat(x, i + l) == 0x8D1F || cpat(x, i + l) == 0x8CA0) {
		neg = 1;
		l++;
	}
	if (read_number(x, i + l, &sc->t) < 0)
		return skip_to(sc, i + 1);
	sc->t.v.neg = neg && !num_is_zero(&sc->t.v);
	sc->h.e = sc->t.e;
	sc->h.kind = NK_PERCENT;
	sc->h.unit = "%";
	num_shift(&sc->t.v, pct);
	set_value(&sc->h, &sc->t.v);
	return EMIT;
}

/* 第N, 前N, 之N */
static enum verdict
rec_prefix(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t i = sc->i;
	uint32_t c = x->cp[i];

	if (c != 0x7B2C && c != 0x524D && c != 0x4E4B)
		return NEXT;
	if (read_number(x, i + 1, &sc->t) < 0 || sc->t.hasfrac)
		return skip_to(sc, i + 1);
	/* 前6位 前10名 前三季度 rank or period; else 前 is a word of its
	 * own (目前 此前) and the number is read alone */
	if (c == 0x524D && !at(x, sc->t.e, "位") && !at(x, sc->t.e, "名") &&
	    !at(x, sc->t.e, "强") && !at(x, sc->t.e, "季度"))
		return skip_to(sc, i + 1);
	sc->ordinal = c == 0x524D ? 2 : 1;
	sc->i = i + 1;
	return NUMBER;
}

/* 零下四摄氏度 负一百 -3.8% －３: negative; +5% ＋３: a sign only */
static enum verdict
rec_negative(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t i = sc->i, l;
	uint32_t c = x->cp[i];
	int plus = c == '+' || c == 0xFF0B;

	if (c != 0x96F6 && c != 0x8D1F && c != 0x8CA0 && c != '-' &&
	    c != 0xFF0D && c != 0x2212 && !plus)
		return NEXT;	/* none of 零下 负 負 or a sign */
	if (!(l = at(x, i, "零下")) && !(l = at(x, i, "负")) &&
	    !(l = at(x, i, "負")) && !((c == '-' || c == 0xFF0D ||
	    c == 0x2212 || plus) && (l = 1)))
		return NEXT;
	if (cpat(x, i + l) == ' ' && ar_digit(cpat(x, i + l + 1)) >= 0 &&
	    (c != '-' || i == 0))
		l++;
	if (read_number(x, i + l, &sc->t) < 0 ||
	    ((c == '-' || plus) && sc->t.chinese))
		return skip_to(sc, i + 1);
	sc->t.v.neg = !plus && !num_is_zero(&sc->t.v);
	sc->i = i + l;
	return NUMBER;
}

/* 对折: half the price */
static enum verdict
rec_half_price(struct scan *sc)
{
	if (sc->x->cp[sc->i] != 0x5BF9 || at(sc->x, sc->i, "对折") == 0)
		return NEXT;
	sc->h.e = sc->i + 2;
	sc->h.kind = NK_PERCENT;
	sc->h.unit = "折";
	snprintf(sc->h.value, sizeof sc->h.value, "50");
	return EMIT;
}

/* 一半: a half */
static enum verdict
rec_half_of(struct scan *sc)
{
	size_t l;

	if (sc->x->cp[sc->i] != 0x4E00 || (l = at(sc->x, sc->i, "一半")) == 0)
		return NEXT;
	sc->h.e = sc->i + l;
	sc->h.kind = NK_FRACTION;
	snprintf(sc->h.value, sizeof sc->h.value, "0.5");
	if ((l = match_qual(sc->x, sc->h.e, 0, &sc->h.qual)) != 0)
		sc->h.e += l;
	return EMIT;
}

/* 半 and a unit: 半小时 半年; 大半个月 (more than half); 半数, 过半
 * (half of the whole, a fraction) */
static enum verdict
rec_half(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t i = sc->i, l;
	const struct unit *u;
	static const struct unit year = { "年", "年", NK_MEASURE, 0, 0 };

	if (x->cp[i] != 0x534A)
		return NEXT;
	snprintf(sc->h.value, sizeof sc->h.value, "0.5");
	if (i > 0 && (x->cp[i - 1] == 0x5927 || x->cp[i - 1] == 0x8FC7)) {
		sc->h.b = i - 1;	/* 大半 过半 */
		sc->h.qual = '>';
	} else if (i > 0 && strchr_cp("上下前后多一两", x->cp[i - 1]))
		return skip_to(sc, i + 1);
	if (at(x, i + 1, "数") || (x->cp[sc->h.b] == 0x8FC7 &&
	    !uc_is_han(cpat(x, i + 1)))) {
		sc->h.kind = NK_FRACTION;	/* 半数 过半 */
		sc->h.e = i + 1 + (at(x, i + 1, "数") != 0);
		if ((l = match_qual(x, sc->h.e, 0, &sc->h.qual)) != 0)
			sc->h.e += l;
		return EMIT;
	}
	if ((u = read_unit(x, i + 1, &l)) == NULL && at(x, i + 1, "年") &&
	    !starts_word(x, i + 1)) {
		u = &year;
		l = 1;
	}
	if (u == NULL || u->kind == NK_PERCENT || u->kind == NK_MONEY)
		return skip_to(sc, i + 1);
	sc->h.e = i + 1 + l;
	sc->h.kind = u->kind;
	sc->h.unit = u->norm;
	return EMIT;
}

/* 2023.05.26, before 2023.05 is read as a decimal */
static enum verdict
rec_dotted_date(struct scan *sc)
{
	size_t e = dotted_date(sc->x, sc->i, &sc->h);

	if (e == 0)
		return NEXT;
	sc->h.e = e;
	return EMIT;
}

/* The lunar month named at i (大年 and 正月: 1, 冬月 11, 腊月 12), its
 * length in *len; 0 when none. */
static int
lunar_month(const struct numex *x, size_t i, size_t *len)
{
	static const struct { const char *s; int month; } names[] = {
		{ "大年初", 1 }, { "正月", 1 }, { "冬月", 11 }, { "腊月", 12 },
	};
	size_t k, l;
	uint32_t c = cpat(x, i);

	if (c != 0x5927 && c != 0x6B63 && c != 0x51AC && c != 0x814A)
		return 0;		/* 大 正 冬 腊 begin them */
	for (k = 0; k < sizeof names / sizeof *names; k++)
		if ((l = at(x, i, names[k].s)) != 0) {
			if (len)
				*len = l;
			return names[k].month;
		}
	return 0;
}

/* 大年初一 正月十五 腊月二十三: a day of the lunar calendar, as month and
 * day (0101 0115 1223) */
static enum verdict
rec_lunar(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t l, j;
	int month = lunar_month(x, sc->i, &l);
	long d;

	if (month == 0)
		return NEXT;
	j = sc->i + l;
	if (x->cp[j - 1] != 0x521D && at(x, j, "初"))
		j++;
	if (read_number(x, j, &sc->t) < 0 || !sc->t.chinese ||
	    (d = num_small(&sc->t.v)) < 1 || d > 30)
		return skip_to(sc, sc->i + 1);
	sc->h.e = sc->t.e + (at(x, sc->t.e, "日") != 0);
	sc->h.kind = NK_DATE;
	put_ulong(put_ulong(sc->h.value, month, 0), d, 2);
	return EMIT;
}

static enum verdict
rec_number(struct scan *sc)
{
	if (read_number(sc->x, sc->i, &sc->t) < 0)
		return skip_to(sc, sc->i + 1);
	return NUMBER;
}

/* digit runs too long to count */
static enum verdict
rec_too_long(struct scan *sc)
{
	if (!sc->t.toolong)
		return NEXT;
	return code(sc, sc->t.e);
}

/* The exponent of 3e4 4.7E-2 3×10^8 3×10⁸ at j: its end, *p the power
 * of ten; or j. */
static size_t
exponent(const struct numex *x, size_t j, int *p)
{
	static const char sup[] = "⁰¹²³⁴⁵⁶⁷⁸⁹";
	size_t k = j, d;
	int neg = 0, v = 0, n = 0;

	if (cpat(x, k) == 'e' || cpat(x, k) == 'E')
		k++;
	else if ((cpat(x, k) == 0xD7 || cpat(x, k) == 'x' || cpat(x, k) == '*') &&
	    cpat(x, k + 1) == '1' && cpat(x, k + 2) == '0') {
		k += 3;
		if (cpat(x, k) == '^')
			k++;
		else if (cpat(x, k) == 0x207B || (cpat(x, k) >= 0x2070 &&
		    cpat(x, k) <= 0x2079) || cpat(x, k) == 0xB9 ||
		    cpat(x, k) == 0xB2 || cpat(x, k) == 0xB3) {
			/* superscripts: ⁻⁸ ⁸ ¹² */
			if (cpat(x, k) == 0x207B) {
				neg = 1;
				k++;
			}
			for (; k < x->m && n < 3; k++, n++) {
				size_t i = 0;
				uint32_t c = x->cp[k];

				for (d = 0; d < 10; d++) {
					uint32_t s2 = utf8_next(sup, sizeof sup - 1, &i);

					if (s2 == c)
						break;
				}
				if (d == 10)
					break;
				v = v * 10 + (int)d;
			}
			if (n == 0 || ar_digit(cpat(x, k)) >= 0)
				return j;
			*p = neg ? -v : v;
			return k;
		} else
			return j;
	} else
		return j;
	if (cpat(x, k) == '-' || cpat(x, k) == 0x2212 || cpat(x, k) == '+') {
		neg = cpat(x, k) != '+';
		k++;
	}
	for (; k < x->m && ar_digit(x->cp[k]) >= 0 && n < 4; k++, n++)
		v = v * 10 + ar_digit(x->cp[k]);
	if (n == 0 || n > 3 || is_ascii_alpha(cpat(x, k)) ||
	    ar_digit(cpat(x, k)) >= 0)
		return j;
	*p = neg ? -v : v;
	return k;
}

/* Arabic numbers with an exponent (3e4 4.7E-2 3×10^8) or a magnitude
 * letter (30k 4.5K 1.2M); a single digit with K is a code (4K 8K). */
static enum verdict
rec_suffix(struct scan *sc)
{
	struct numex *x = sc->x;
	struct numtok *t = &sc->t;
	size_t i = t->b, e;
	int p = 0;
	uint32_t c = cpat(x, t->e);

	if (t->chinese || t->toolong || (i > 0 && (is_ascii_alpha(x->cp[i - 1]) ||
	    (is_dash(x->cp[i - 1]) && sc->h.b == i) || x->cp[i - 1] == '.' ||
	    x->cp[i - 1] == '_')))
		return NEXT;
	if ((e = exponent(x, t->e, &p)) != t->e) {
		if (num_shift(&t->v, p) < 0)
			return NEXT;
	} else if ((c == 'k' || c == 'K' || c == 'M') &&
	    !is_ascii_alpha(cpat(x, t->e + 1)) && ar_digit(cpat(x, t->e + 1)) < 0 &&
	    (t->hasfrac || t->e - t->b >= 2) && cpat(x, t->e + 1) != '-') {
		num_shift(&t->v, c == 'M' ? 6 : 3);
		e = t->e + 1;
	} else
		return NEXT;
	t->e = sc->j = e;
	t->hasfrac = 0;
	return NEXT;
}

/* codes: PM2.5 H5 5G G20 ISO 9001 (no value: a code is no quantity) */
static enum verdict
rec_latin_code(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t i = sc->i, j = sc->j;

	size_t l;
	const struct unit *u;

	if (sc->t.chinese || sc->ordinal || !((i > 0 &&
	    (is_ascii_alpha(x->cp[i - 1]) || is_fw_alpha(x->cp[i - 1]) ||
	    x->cp[i - 1] == '_' || ((x->cp[i - 1] == ' ' ||
	    is_dash(x->cp[i - 1])) && i > 1 && is_ascii_alpha(x->cp[i - 2])))) ||
	    is_ascii_alpha(cpat(x, j)) || is_fw_alpha(cpat(x, j)) ||
	    (sc->t.e - sc->t.b > 20 && !sc->t.hasfrac)))
		return NEXT;
	/* 175cm 30kg: a Latin unit, when no letter comes before the number */
	if (!(i > 0 && (is_ascii_alpha(x->cp[i - 1]) || x->cp[i - 1] == '_' ||
	    (is_dash(x->cp[i - 1]) && i > 1 && is_ascii_alpha(x->cp[i - 2])))) &&
	    (u = read_unit(x, j, &l)) != NULL && (u->flags & U_LATIN))
		return NEXT;
	/* PM2.5: the code begins with its letters */
	while (sc->h.b > 0 && (is_ascii_alpha(x->cp[sc->h.b - 1]) ||
	    is_fw_alpha(x->cp[sc->h.b - 1])))
		sc->h.b--;
	while (j < x->m && (is_ascii_alpha(x->cp[j]) ||
	    ar_digit(x->cp[j]) >= 0 || x->cp[j] == '.' || x->cp[j] == '-'))
		j++;
	while (j > sc->t.e && (x->cp[j - 1] == '.' || x->cp[j - 1] == '-'))
		j--;
	return code(sc, j);
}

/* model numbers: 6110型 ＰＴＸ－３型 米24式 (the Mi-24) */
static enum verdict
rec_model(struct scan *sc)
{
	struct numex *x = sc->x;

	if (sc->t.chinese || sc->ordinal || (!at(x, sc->j, "型") &&
	    !at(x, sc->j, "式")) || starts_word(x, sc->j))
		return NEXT;
	return code(sc, sc->j);
}

/* list markers: a number of one or two characters alone in brackets
 * (（二） (3)), or at the start of a line or clause before 、 ． . ）
 * (一、 3． 2）) */
static enum verdict
rec_list_marker(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t s = sc->h.b, j = sc->j;
	uint32_t before, after = cpat(x, j);

	if (sc->ordinal || j - s > 2 || sc->t.hasfrac)
		return NEXT;
	while (s > 0 && uc_is_space(x->cp[s - 1]))
		s--;
	before = s > 0 ? x->cp[s - 1] : 0;
	if ((before == '(' || before == 0xFF08) && (after == ')' || after == 0xFF09))
		return skip_to(sc, j + 1);
	if (before == '(' || before == 0xFF08)
		before = s > 1 ? x->cp[s - 2] : 0;
	if ((before == 0 || (punct_class(before) & (PUNCT_END | PUNCT_SEMI)) ||
	    before == 0xFF1A || before == ':') &&
	    (after == 0x3001 || after == ')' || after == 0xFF09 ||
	    after == 0xFF1A || after == ':' ||
	    ((after == '.' || after == 0xFF0E) && ar_digit(cpat(x, j + 1)) < 0)))
		return skip_to(sc, j + 1);
	return NEXT;
}

/* n × d (d a small integer), exactly */
static int
num_times(struct num *n, long d)
{
	struct num sum, part;
	int neg = n->neg, p = 0;

	num_zero(&sum);
	n->neg = 0;
	for (; d > 0; d /= 10, p++) {
		long k;

		for (k = d % 10; k > 0; k--) {
			part = *n;
			if (num_shift(&part, p) < 0 || num_add(&sum, &part) < 0)
				return -1;
		}
	}
	*n = sum;
	n->neg = neg && !num_is_zero(&sum);
	return 0;
}

/* 二又三分之二 负二又四分之一: a whole number and a fraction, after 又
 * at j; the hit is ready when it returns 1. */
static int
mixed_fraction(struct scan *sc, size_t j)
{
	struct numex *x = sc->x;
	struct numtok den, nume;
	struct num whole = sc->t.v;
	long d;
	size_t l;

	if (read_number(x, j, &den) < 0 || den.hasfrac ||
	    (l = at(x, den.e, "分之")) == 0 || read_number(x, den.e + l, &nume) < 0 ||
	    nume.hasfrac || (d = num_small(&den.v)) <= 0 || sc->t.hasfrac)
		return 0;
	/* (whole × d + n) / d */
	whole.neg = 0;
	if (num_times(&whole, d) < 0 || num_add(&whole, &nume.v) < 0)
		return 0;
	whole.neg = sc->t.v.neg;
	sc->h.kind = NK_FRACTION;
	if (num_divide(&whole, &den.v, sc->h.value, sizeof sc->h.value) < 0)
		return 0;
	sc->h.e = nume.e;
	return 1;
}

/* 三分之二 (the dictionary has 二分之一 as a word), 1/2 */
static enum verdict
rec_fraction(struct scan *sc)
{
	struct numex *x = sc->x;
	struct numtok *t = &sc->t, t2;
	size_t l;

	if ((l = at(x, t->e, "分之")) != 0 && read_number(x, t->e + l, &t2) == 0) {
		t2.v.neg = t->v.neg;	/* 负三分之二 */
		t->v.neg = 0;
		return fraction(sc, &t2.v, &t->v, t2.e);
	}
	if ((l = at(x, t->e, "又")) != 0 && mixed_fraction(sc, t->e + l))
		return EMIT;
	if (!t->chinese && (cpat(x, t->e) == '/' || cpat(x, t->e) == 0xFF0F) &&
	    read_number(x, t->e + 1, &t2) == 0 && !t2.chinese &&
	    !t->hasfrac && !t2.hasfrac && t2.e - t->e <= 4 &&
	    num_cmp(&t->v, &t2.v) < 0 && cpat(x, t2.e) != '/' &&
	    ar_digit(cpat(x, t2.e)) < 0)
		return fraction(sc, &t->v, &t2.v, t2.e);
	return NEXT;
}

/* set phrases: 十百千 十四五 */
static enum verdict
rec_set_phrase(struct scan *sc)
{
	size_t ps, pe;

	if (!sc->t.chinese ||
	    (pe = covered_by(sc->x, sc->t.b, set_lit, &set_places, &ps)) == 0)
		return NEXT;
	sc->h.b = ps < sc->h.b ? ps : sc->h.b;
	sc->h.e = pe;
	sc->h.kind = NK_NAME;
	set_value(&sc->h, &sc->t.v);
	sc->next = sc->t.e;
	return EMIT;
}

/* a digit of the slogans (两学一做 三严三实): not 参, a capital 3 that
 * is mostly the 参 of 参加 */
static int
slogan_digit(uint32_t c)
{
	return cn_is_digit(c) && c != 0x53C2 && c != 0x53C3;
}

/* numerals inside short quotes, and 两学一做-shaped phrases: names */
static enum verdict
rec_quoted_name(struct scan *sc)
{
	struct numex *x = sc->x;
	const struct numtok *t = &sc->t;
	size_t e = t->e, l;

	/* the shape (a digit one or two characters on) first: most
	 * numbers have none, and the sets of characters cost more */
	if (x->mark[t->b] != M_QUOTE && !(t->chinese && !sc->ordinal &&
	    t->e + 2 < x->m && uc_is_han(x->cp[t->e]) &&
	    ((slogan_digit(x->cp[t->e + 1]) &&
	    uc_is_han(cpat(x, t->e + 2))) || (uc_is_han(x->cp[t->e + 1]) &&
	    slogan_digit(cpat(x, t->e + 2)) && uc_is_han(cpat(x, t->e + 3)) &&
	    !strchr_cp("和与及或同跟", x->cp[t->e + 1]))) &&
	    !strchr_cp("年月日号时分秒点之至到", x->cp[t->e]) &&
	    x->cp[t->e + 1] != 0x70B9 && cpat(x, t->e + 2) != 0x70B9 &&
	    read_unit(x, t->e, &l) == NULL))	/* 点 */
		return NEXT;
	while (e < x->m && uc_is_han(x->cp[e]) && e - t->b < 12 &&
	    x->mark[e] == x->mark[t->b])
		e++;
	if (x->mark[t->b] == M_QUOTE)
		while (e < x->m && x->mark[e] == M_QUOTE)
			e++;
	sc->h.e = e;
	sc->h.kind = NK_NAME;
	set_value(&sc->h, &t->v);
	return EMIT;
}

/* numerals inside words: 统一 一线 进一步; 一 after a determiner (哪一个
 * 另一种 这样一个): this, each, another, not the count one; 前一天
 * 上一年: the one before */
static enum verdict
rec_lexicalised(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t b = sc->t.b;

	if (sc->t.chinese && lexicalised_at(x, b, sc->t.e))
		return skip_to(sc, sc->t.e);
	if (sc->t.chinese && sc->t.e == b + 1 && x->cp[b] == 0x4E00 && b > 0 &&
	    !sc->ordinal && (strchr_cp("这那哪每另同某此其唯样么", x->cp[b - 1]) ||
	    at(x, b >= 2 ? b - 2 : b, "任何") == 2 ||
	    (strchr_cp("前后上下", x->cp[b - 1]) &&
	    strchr_cp("天年日夜晚周", cpat(x, b + 1)))))
		return skip_to(sc, sc->t.e);	/* 前一天: the day before */
	return NEXT;
}

/* The hit ends at e, what try_phone, try_time and try_date found, or
 * there is none when e is 0. */
static enum verdict
ends_at(struct scan *sc, size_t e)
{
	if (e == 0)
		return NEXT;
	sc->h.e = e;
	return EMIT;
}

static enum verdict
rec_phone(struct scan *sc)
{
	if (sc->ordinal)
		return NEXT;
	return ends_at(sc, try_phone(sc->x, sc->t.b, &sc->t, &sc->h));
}

static enum verdict
rec_time(struct scan *sc)
{
	size_t e;

	if (sc->ordinal)
		return NEXT;
	if ((e = try_time(sc->x, sc->t.b, &sc->t, &sc->h)) == 0)
		e = clock_time(sc->x, sc->t.b, &sc->t, &sc->h);
	return ends_at(sc, e);
}

/* dates, and 前三季度: a period, not a rank */
static enum verdict
rec_date(struct scan *sc)
{
	if (sc->ordinal == 1)
		return NEXT;
	return ends_at(sc, try_date(sc->x, sc->t.b, &sc->t, &sc->h));
}

/* identifiers: 京ICP备10003349号-1, 许可证号 0102004 */
static enum verdict
rec_identifier(struct scan *sc)
{
	struct numex *x = sc->x;
	const struct numtok *t = &sc->t;
	size_t j = t->e;

	if (sc->ordinal || t->chinese || t->hasfrac ||
	    !((x->cp[t->b] == '0' && t->e - t->b >= 5) || icp_before(x, t->b)))
		return NEXT;
	while (j < x->m && (ar_digit(x->cp[j]) >= 0 || x->cp[j] == 0x53F7 ||
	    (is_dash(x->cp[j]) && ar_digit(cpat(x, j + 1)) >= 0)))
		j++;		/* 号-1 */
	return code(sc, j);
}

/* the qualifier before the number, or a currency sign */
static enum verdict
rec_before(struct scan *sc)
{
	struct numex *x = sc->x;
	struct nx_hit *h = &sc->h;
	size_t k;

	if (sc->ordinal)
		return NEXT;
	if ((k = match_qual(x, h->b, 1, &sc->q)) != 0)
		h->b -= k;
	else if (h->b > 0 && (x->cp[h->b - 1] == 0xA5 ||
	    x->cp[h->b - 1] == 0xFFE5 || x->cp[h->b - 1] == '$')) {
		h->b--;
		h->unit = x->cp[h->b] == '$' ? "美元" : "元";
		h->kind = NK_MONEY;
	} else if (h->b > 0 && x->cp[h->b - 1] == 0x4E0A && sc->t.chinese &&
	    cn_numeral(x->cp[sc->t.b]) >= 11) {
		h->b--;			/* 上千 上万元: as many as */
		sc->q = '>';
	}
	return NEXT;
}

/* Append v (0 < v < 10000) in Chinese numerals: 50 五十, 1005 一千零五 */
static size_t
to_chinese(long v, uint32_t *buf, size_t k)
{
	static const uint32_t digit[] = { 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
	    0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };
	static const uint32_t unit[] = { 0x5343, 0x767E, 0x5341, 0 };
	long p = 1000;
	int q, started = 0, zero = 0;

	for (q = 0; q < 4; q++, p /= 10) {
		int d = (int)(v / p % 10);

		if (d == 0) {
			zero = started;
			continue;
		}
		if (zero)
			buf[k++] = digit[0];
		buf[k++] = digit[d];
		if (unit[q])
			buf[k++] = unit[q];
		started = 1;
		zero = 0;
	}
	return k;
}

/* Arabic digits with Chinese units, read as one Chinese numeral, each
 * group of digits written out: 8万2千3百, 3千零50万, 3萬2千5百, 6 萬 3
 * 千 2 百. Taken when it reads further than a multiplier and what
 * follows it (1万600, 3亿845万 read the same either way). */
static enum verdict
rec_mixed(struct scan *sc)
{
	struct numex *x = sc->x;
	struct numtok *t = &sc->t;
	uint32_t buf[72];
	size_t j = t->b, k = 0, units = 0, end = t->e, l;
	struct num v, w;
	int p;

	if (t->chinese || t->hasfrac || sc->ordinal)
		return NEXT;
	/* most numbers have no Chinese unit after their digits, nor digits
	 * after a space: the loop below would stop after them */
	if ((l = digits_end(x, j)) > j) {
		uint32_t c = cpat(x, l), c1 = cpat(x, l + 1);

		if (l - j > 4 || small_int(x, j, l) <= 0)
			return NEXT;
		if (!((c == ' ' || c == 0x3000) && (ar_digit(c1) >= 0 ||
		    cn_is_unit(c1))) && !(cn_is_unit(c) || c == 0x96F6 ||
		    c == 0x3007))
			return NEXT;
	}
	while (j < x->m && k < 60) {
		size_t e = digits_end(x, j);

		if (e > j) {
			long d = small_int(x, j, e);

			if (e - j > 4 || d <= 0)
				break;
			k = to_chinese(d, buf, k);
			j = e;
		} else if (cn_numeral(x->cp[j]) >= 0 && (cn_is_unit(x->cp[j]) ||
		    x->cp[j] == 0x96F6 || x->cp[j] == 0x3007)) {
			if (cn_is_unit(x->cp[j]) && read_unit(x, j, &l) && l >= 2)
				break;		/* 3千米 */
			buf[k++] = x->cp[j++];
			if (cn_is_unit(buf[k - 1])) {
				units++;
				end = j;
			}
		} else
			break;
		if (j < x->m && (x->cp[j] == ' ' || x->cp[j] == 0x3000) &&
		    (ar_digit(cpat(x, j + 1)) >= 0 || cn_is_unit(cpat(x, j + 1))))
			j++;
	}
	if (units == 0 || end <= t->e)
		return NEXT;
	/* the numeral ends with its last unit or the digits after it */
	if (digits_end(x, end) > end && digits_end(x, end) <= j)
		end = digits_end(x, end);
	while (k > 0 && !cn_is_unit(buf[k - 1]) && !cn_is_digit(buf[k - 1]))
		k--;
	if (cn_parse(buf, k, &v) < 0)
		return NEXT;
	/* what the multiplier would read */
	w = t->v;
	if ((p = read_multiplier(x, t->e, &l)) != 0) {
		num_shift(&w, p);
		if (continuation(x, t->e + l, p, &w) >= end)
			return NEXT;
	}
	t->v = v;
	t->e = sc->j = end;
	return NEXT;
}

/* 多 余, and the multipliers after Arabic digits: 1.3万多 3亿845万 */
static enum verdict
rec_multiplier(struct scan *sc)
{
	struct numex *x = sc->x;
	struct numtok *t = &sc->t;
	size_t l;
	int p;

	if (at(x, sc->j, "多") || at(x, sc->j, "余")) {
		sc->q = '>';
		sc->j++;
	}
	if (t->approx)
		sc->q = '>';
	if (!t->chinese) {
		if ((p = read_multiplier(x, sc->j, &l)) != 0) {
			num_shift(&t->v, p);
			sc->j += l;
			if (at(x, sc->j, "多") || at(x, sc->j, "余")) {
				sc->q = '>';
				sc->j++;
			} else if (!t->hasfrac)
				sc->j = continuation(x, sc->j, p, &t->v);
		}
	} else if ((at(x, sc->j, "多") || at(x, sc->j, "余")) &&
	    !at(x, sc->j, "多万")) {
		sc->q = '>';
		sc->j++;
	} else if ((at(x, sc->j, "来") || at(x, sc->j, "把")) &&
	    cn_is_unit(x->cp[sc->j - 1]) && (read_unit(x, sc->j + 1, &l) ||
	    at(x, sc->j + 1, "年"))) {
		sc->q = '~';		/* 十来年 千把块钱: about */
		sc->j++;
	}
	if (t->chinese && (at(x, sc->j, "万") || at(x, sc->j, "亿")) &&
	    sc->q == '>' && at(x, sc->j - 1, "多")) {
		/* 八百多万: the multiplier after 多 */
		num_shift(&t->v, at(x, sc->j, "万") ? 4 : 8);
		sc->j++;
		if (at(x, sc->j, "亿")) {
			num_shift(&t->v, 8);
			sc->j++;
		}
	}
	return NEXT;
}

/* ranges: 80—180元 1至2个 3到5年 3-5万 */
static enum verdict
rec_range(struct scan *sc)
{
	struct numex *x = sc->x;
	struct numtok *t = &sc->t, t2;
	const struct unit *u;
	size_t j = sc->j, j2, l;
	int p = 0;

	if (sc->ordinal || !is_range_sep(cpat(x, j)) ||
	    read_number(x, j + 1, &t2) < 0 || t2.chinese != t->chinese ||
	    (t->chinese && x->cp[j] == '-'))
		return NEXT;
	j2 = t2.e;
	if (!t2.chinese && (p = read_multiplier(x, j2, &l)) != 0) {
		num_shift(&t2.v, p);
		j2 += l;
		if (j == t->e)	/* 3-5万: the multiplier is for both */
			num_shift(&t->v, p);
	}
	u = read_unit(x, j2, &l);
	if (!u && !p && num_cmp(&t->v, &t2.v) >= 0)
		return NEXT;
	if (u && (u->kind == NK_PERCENT || u->kind == NK_MONEY ||
	    u->kind == NK_MEASURE || u->kind == NK_COUNT || u->kind == NK_AGE))
		j2 += l;
	else
		u = NULL;
	if (at(x, j2, "年") && !u) {
		j2 += 1;
		sc->h.unit = "年";
	}
	return range(sc, &t->v, &t2.v, u ? u->norm : NULL, j2, 1,
	    u && u->kind == NK_COUNT);
}

/* two neighbouring digits: 两三个 一两个 五六个 三四十万 */
static enum verdict
rec_neighbours(struct scan *sc)
{
	struct numex *x = sc->x;
	const struct numtok *t = &sc->t;
	const struct unit *u;
	uint32_t buf[72];
	size_t k = 0, r, l;
	struct num lo, hi;

	if (!t->chinese || t->e - t->b < 2 || !cn_is_digit(x->cp[t->b]) ||
	    !cn_is_digit(x->cp[t->b + 1]) || sc->ordinal ||
	    cn_numeral(x->cp[t->b]) <= 0 ||
	    cn_numeral(x->cp[t->b + 1]) != cn_numeral(x->cp[t->b]) + 1 ||
	    (t->e - t->b != 2 && !cn_is_unit(x->cp[t->b + 2])))
		return NEXT;
	buf[k++] = x->cp[t->b];
	for (r = t->b + 2; r < t->e && k < 70; r++)
		buf[k++] = x->cp[r];
	if (cn_parse(buf, k, &lo) < 0)
		return NEXT;
	buf[0] = x->cp[t->b + 1];
	if (cn_parse(buf, k, &hi) < 0)
		return NEXT;
	if ((u = read_unit(x, sc->j, &l)) != NULL)
		sc->j += l;
	else if (at(x, sc->j, "年") && !at(x, sc->j, "年代")) {
		sc->j++;
		sc->h.unit = "年";	/* 三四年: three or four years */
	}
	return range(sc, &lo, &hi, u ? u->norm : NULL, sc->j, 0,
	    u && u->kind == NK_COUNT);
}

/* 3:2 */
static enum verdict
rec_ratio(struct scan *sc)
{
	struct numex *x = sc->x;
	struct numtok t2;

	if (sc->t.chinese || (cpat(x, sc->j) != ':' && cpat(x, sc->j) != 0xFF1A) ||
	    read_number(x, sc->j + 1, &t2) < 0 || t2.chinese)
		return NEXT;
	return fraction(sc, &sc->t.v, &t2.v, t2.e);
}

static void
add_half(struct num *v)
{
	struct num half;

	num_digit(&half, 5, -1);
	num_add(v, &half);
}

/* 一个半小时 两个半月 = 1.5 hours, 2.5 months: the unit after 个半, or
 * NULL */
static const struct unit *
unit_after_half(struct scan *sc, size_t *l)
{
	static const struct unit month = { "月", "月", NK_MEASURE, 0, 0 };
	const struct unit *u;

	if ((u = read_unit(sc->x, sc->j + 2, l)) == NULL) {
		if (!at(sc->x, sc->j + 2, "月"))
			return NULL;
		u = &month;
		*l = 1;
	}
	add_half(&sc->t.v);
	sc->j += 2;
	return u;
}

/* A sub-unit of money unit u at j and its value: 五角 八毛 零五分 五美分
 * (又 or 零 before it); returns its end, or j. */
static size_t
sub_unit_at(const struct numex *x, size_t j, const struct unit *u,
    struct num *v)
{
	struct numtok t3;
	const struct unit *s;
	size_t k, l;

	if ((k = at(x, j, "又")) == 0 && (k = at(x, j, "零")) != 0 &&
	    !cn_is_digit(cpat(x, j + 1)) && ar_digit(cpat(x, j + 1)) < 0)
		k = 0;
	if (read_number(x, j + k, &t3) < 0 || t3.hasfrac || t3.toolong ||
	    (s = read_unit(x, t3.e, &l)) == NULL || !(s->flags & U_SUB) ||
	    strcmp(s->norm, u->norm) != 0)
		return j;
	num_shift(&t3.v, s->scale);
	num_add(v, &t3.v);
	return t3.e + l;
}

/* 壹拾壹元壹角壹分, 七元八毛, 三美元又五美分, 伍仟元整: the sub-units
 * after a unit of money, summed; 三块五 (a bare digit after 块 is 角).
 * Returns nonzero when some were read. */
static int
money_subunits(struct scan *sc, const struct unit *u)
{
	static const struct unit yuan = { "元", "元", NK_MONEY, 0, 0 };
	struct numex *x = sc->x;
	size_t j = sc->j, e;
	int piece = (u->flags & U_PIECE) != 0;

	if (piece)
		u = &yuan;
	while ((e = sub_unit_at(x, j, u, &sc->t.v)) != j)
		j = e;
	if (j == sc->j && piece &&
	    cn_is_digit(cpat(x, j)) && cn_numeral(x->cp[j]) > 0 &&
	    cn_numeral(cpat(x, j + 1)) < 0 && !read_unit(x, j + 1, &e)) {
		struct num d;

		num_digit(&d, cn_numeral(x->cp[j]), -1);
		num_add(&sc->t.v, &d);
		j++;
	}
	if (j != sc->j && at(x, j, "钱"))
		j++;
	if (at(x, j, "整"))
		j++;
	e = j != sc->j;
	sc->j = j;
	return (int)e;
}

struct first_word {
	struct wordseg *ws;
	size_t e;		/* bytes */
	int done;
};

static void
on_first(void *arg, size_t b, size_t e, enum toktype t)
{
	struct first_word *w = arg;

	(void)b;
	(void)t;
	w->e = e;
	w->done = 1;
	ws_stop(w->ws);		/* the first token only: the rest is not cut */
}

struct common {
	const struct numex *x;
	size_t j;
	int found;
};

static void
on_common(void *arg, size_t len, const char *tag, double freq)
{
	struct common *c = arg;

	(void)tag;
	if (len >= 2 && prefix_freq(c->x, c->j, len, freq) >= 50)
		c->found = 1;
}

/* Does some common word of two or more characters start at j? */
static int
common_word_at(const struct numex *x, size_t j)
{
	struct common c = { x, j, 0 };

	ws_prefixes(x->ws, x->cp + j, x->m - j, on_common, &c);
	return c.found;
}

/* Does the character at j begin a common word in the most probable cut
 * of the text from j on (八成功: 成功; 两会; not 七成群众: 成 群众)? */
static int
starts_word(const struct numex *x, size_t j)
{
	struct first_word w = { x->ws, 0, 0 };
	size_t e = j + 6 < x->m ? j + 6 : x->m, k;

	if (x->ws == NULL || j >= x->m || !common_word_at(x, j))
		return 0;
	ws_cut(x->ws, x->s + x->off[j], x->off[e] - x->off[j], on_first, &w);
	if (!w.done)
		return 0;
	k = cp_of(x, x->off[j] + w.e);
	return k > j + 1 && word_freq(x, j, k - j) >= 50;
}

static void
on_longest(void *arg, size_t len, const char *tag, double freq)
{
	(void)len;
	(void)freq;
	*(const char **)arg = tag;
}

/* The part of speech of the longest word at j, NULL when none. */
static const char *
tag_at(const struct numex *x, size_t j)
{
	const char *tag = NULL;

	if (x->ws != NULL && j < x->m)
		ws_prefixes(x->ws, x->cp + j, x->m - j, on_longest, &tag);
	return tag;
}

/* Does a noun of the word list follow at j? */
static int
noun_follows(const struct numex *x, size_t j)
{
	const char *tag = tag_at(x, j);

	return tag != NULL && tag[0] == 'n' && strcmp(tag, "nr") != 0;
}


static int
is_quantity_here(const struct scan *sc, size_t e)
{
	const struct numex *x = sc->x;
	const char *tag;
	size_t k, l = e - sc->t.b;

	if (l != 2 || sc->h.b != sc->t.b ||
	    !(slot_flags[slot_at(x->cp[sc->t.b])] & S_AMB_FIRST) ||
	    !(slot_flags[slot_at(x->cp[sc->t.b + 1])] & S_AMB_SECOND))
		return 1;		/* every entry is two characters */
	for (k = 0; k < NAMB; k++)
		if (at_lit(x, sc->t.b, &amb_lit[k]) == l)
			break;
	if (k == NAMB)
		return 1;
	if (ambivalent[k].rule == Q_NEVER)
		return 0;
	tag = tag_at(x, e);
	if (ambivalent[k].rule == Q_NOUN)
		return tag && ((tag[0] == 'n' && strcmp(tag, "nr") != 0) ||
		    strcmp(tag, "f") == 0 || strcmp(tag, "zg") == 0 ||
		    strcmp(tag, "j") == 0 || strcmp(tag, "s") == 0);
	return !tag || (tag[0] != 'v' && tag[0] != 'd');
}

/* A money sub-unit with no unit before it: 3角 叁角 壹分 五毛钱 5美分
 * are money; 三角 is a triangle, 5分 a score, 三毛 a name. */
static int
sub_unit_alone(const struct scan *sc, const struct unit *u, size_t *l)
{
	const struct numex *x = sc->x;
	int capital = strchr_cp("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", x->cp[sc->t.e - 1]);

	if (strcmp(u->s, "毛") == 0) {
		if (!at(x, sc->j + 1, "钱"))
			return 0;
		*l += 1;
		return 1;
	}
	if (strcmp(u->s, "角") == 0)
		return !sc->t.chinese || capital;
	if (strcmp(u->s, "分") == 0)
		return capital;
	return 1;
}

/* 三分远投, 得了9分: 分 without money is points */
static const struct unit points = { "分", "分", NK_COUNT, 0, 0 };

/* A half after the unit (两吨半 三天半 七成半), a tenth after 成 (九成九),
 * and 九五折 (95 of a hundred): the value in the unit as written. */
static void
after_unit(struct scan *sc, const struct unit *u)
{
	struct numex *x = sc->x;

	if (at(x, sc->j, "半") && (u->kind == NK_MEASURE ||
	    u->kind == NK_COUNT || u->kind == NK_PERCENT) &&
	    !starts_word(x, sc->j)) {
		add_half(&sc->t.v);
		sc->j++;
	} else if (strcmp(u->s, "成") == 0 && cn_is_digit(cpat(x, sc->j)) &&
	    cn_numeral(x->cp[sc->j]) > 0 && cn_numeral(cpat(x, sc->j + 1)) < 0 &&
	    !read_unit(x, sc->j + 1, &(size_t){ 0 })) {
		struct num d;

		num_digit(&d, cn_numeral(x->cp[sc->j]), -1);
		num_add(&sc->t.v, &d);
		sc->j++;
	}
	if (strcmp(u->s, "折") == 0 && sc->t.direct && sc->t.e - sc->t.b == 2)
		num_shift(&sc->t.v, -1);
}

/* the unit or measure word */
static enum verdict
rec_unit(struct scan *sc)
{
	struct numex *x = sc->x;
	struct nx_hit *h = &sc->h;
	const struct unit *u;
	size_t l;

	u = read_unit(x, sc->j, &l);
	if (u && l == 1 && u->kind == NK_COUNT &&
	    cpat(x, sc->j + 1) == x->cp[sc->j] && sc->t.chinese)
		return skip_to(sc, sc->j + 2);	/* 一场场 一次次: no count */
	if (u && !is_quantity_here(sc, sc->j + l))
		return skip_to(sc, sc->j + l);
	if (u && (u->flags & U_SUB) && !sub_unit_alone(sc, u, &l))
		u = strcmp(u->s, "分") == 0 ? &points : NULL;
	if (u && (u->flags & U_WORD) && starts_word(x, sc->j))
		u = NULL;
	if (u && strcmp(u->s, "点") == 0 && !noun_follows(x, sc->j + l) &&
	    cpat(x, sc->j + l) != 0xFF1A && cpat(x, sc->j + l) != ':')
		u = NULL;	/* 三点意见 三点：, not 九点 (a time?) */
	if (u && strcmp(u->s, "个") == 0 && at(x, sc->j + 1, "半")) {
		size_t l2;
		const struct unit *u2 = unit_after_half(sc, &l2);

		if (u2) {
			u = u2;
			l = l2;
		}
	}
	if ((sc->u = u) == NULL)
		return NEXT;
	if (sc->t.chinese && sc->t.direct && sc->t.e - sc->t.b == 2 &&
	    !sc->ordinal && u->kind == NK_COUNT &&
	    x->cp[sc->t.b] != x->cp[sc->t.b + 1]) {
		sc->h.kind = NK_NAME;	/* 八一队 五四路: named by a date */
		sc->h.e = sc->j + l;
		set_value(&sc->h, &sc->t.v);
		return EMIT;
	}
	sc->j += l;
	after_unit(sc, u);
	if ((u->kind == NK_MONEY && u->scale == 0) || (u->flags & U_PIECE)) {
		if (money_subunits(sc, u) && (u->flags & U_PIECE)) {
			static const struct unit yuan = { "元", "元", NK_MONEY, 0, 0 };

			sc->u = u = &yuan;
		}
	}
	if (u->scale)
		num_shift(&sc->t.v, u->scale);
	/* 人大一次会议 政协三次全会: the session of a body, an ordinal */
	if (strcmp(u->s, "次") == 0 && h->b > 0 &&
	    strchr_cp("大协会委届", x->cp[h->b - 1]) && (at(x, sc->j, "会议") ||
	    at(x, sc->j, "全会") || at(x, sc->j, "全体会议")))
		sc->ordinal = 1;
	if (h->kind != NK_MONEY || !*h->unit)
		h->unit = u->norm;
	if (h->kind != NK_MONEY)
		h->kind = u->kind;
	sc->counted = u->kind == NK_COUNT;
	return NEXT;
}

struct name_end {
	size_t len;
};

static void
on_name(void *arg, size_t len, const char *tag, double freq)
{
	(void)freq;
	if (tag != NULL && (strcmp(tag, "nt") == 0 || strcmp(tag, "nz") == 0))
		((struct name_end *)arg)->len = len;
}

/* The end of the longest organisation or other proper name of the word
 * list that starts at b (八国集团), or 0. */
static size_t
name_from(const struct numex *x, size_t b)
{
	struct name_end n = { 0 };

	if (x->ws != NULL)
		ws_prefixes(x->ws, x->cp + b, x->m - b, on_name, &n);
	return n.len ? b + n.len : 0;
}

/* 两国 中美两国 三省 两岸: a number and a one-character noun of the
 * word list, the things counted; the noun is the subject. Not when the
 * noun begins a common word (两国家 is 两 + 国家) or the two make an
 * abbreviation, a name or an idiom of their own (三军 五星 四化). */
static int
collective(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t j = sc->j, l;
	const char *tag;

	if (x->ws == NULL || j >= x->m || cn_numeral(x->cp[j]) >= 0 ||
	    sc->q != 0)
		return 0;
	if (!noun_char(x, j) || starts_word(x, j) || !is_quantity_here(sc, j + 1))
		return 0;
	if ((l = name_from(x, sc->t.b)) > j + 1) {
		sc->h.kind = NK_NAME;	/* 八国集团 */
		sc->j = l;
		return 1;
	}
	if (num_small(&sc->t.v) == 1 || (sc->t.e - sc->t.b == 1 &&
	    j - sc->t.b == 1 && (tag = ws_tag(x->ws, x->s + x->off[sc->t.b], 6))
	    != NULL && ((fixed_tag(tag) || strcmp(tag, "j") == 0 ||
	    strcmp(tag, "m") != 0) && strcmp(tag, "ns") != 0 &&
	    word_freq(x, sc->t.b, 2) >= (tag[0] == 'n' ? 50 : 10))))
		return 0;
	sc->h.kind = NK_COUNT;
	sc->h.sb = j;
	sc->h.se = j + 1;
	sc->j = j + 1;
	return 1;
}

/* Is [b, e) only 百 千 万 亿 with no digit (百 万千 千百)? Without a
 * measure word after it, such a numeral is part of a word (百姓 万博). */
static int
units_only(const struct numex *x, size_t b, size_t e)
{
	for (; b < e; b++)
		if (cn_numeral(x->cp[b]) < 12 || cn_numeral(x->cp[b]) > 18)
			return 0;
	return 1;
}

/* no unit: years of duration, years named by four digits, counts */
static enum verdict
rec_no_unit(struct scan *sc)
{
	struct numex *x = sc->x;
	struct nx_hit *h = &sc->h;
	const struct numtok *t = &sc->t;
	long v = num_small(&t->v);

	if (sc->u)
		return NEXT;
	if (!is_quantity_here(sc, sc->j + 1))
		return skip_to(sc, sc->j + 1);	/* 十足 四海 */
	if (at(x, sc->j, "年") && !t->hasfrac) {
		sc->j += 1;
		h->unit = "年";
		h->kind = NK_MEASURE;
		if (at(x, sc->j, "半") && !starts_word(x, sc->j)) {
			add_half(&sc->t.v);	/* 一年半 */
			sc->j++;
		}
	} else if (h->kind != NK_MONEY && !t->chinese && !t->hasfrac &&
	    t->e - t->b == 4 && v >= 1900 && v <= 2100 &&
	    uc_is_han(cpat(x, sc->j)) && sc->q == 0 && !sc->ordinal) {
		h->kind = NK_YEAR;	/* 2024科创大会 2026世界人形机器人运动会 */
	} else if (h->kind != NK_MONEY) {
		h->kind = NK_COUNT;
		if (t->chinese && at(x, sc->j, "大") && v >= 11 && v <= 30) {
			/* 二十大 十九大: the ordinal of a party congress */
			h->kind = NK_ORDINAL;
			h->unit = "大";
			sc->j += 1;
		} else if (t->chinese && at(x, sc->j, "大") && v >= 2 && v <= 10 &&
		    !starts_word(x, sc->j)) {
			/* 四大直辖市: a count, 大 is "big" */
		} else if (t->chinese && t->direct && t->e - t->b == 2 &&
		    !sc->ordinal) {
			/* 九七 八五 五一 五四路: a year, a plan, a holiday, a
			 * street named by digits; 一一: one by one */
			if (x->cp[t->b] == x->cp[t->b + 1] && uc_is_han(cpat(x, t->e)))
				return skip_to(sc, t->e);
			h->kind = NK_NAME;
			if (noun_char(x, sc->j))
				sc->j++;
		} else if (t->chinese && units_only(x, t->b, t->e) && !t->approx &&
		    sc->q == 0)
			return skip_to(sc, t->e);	/* 百姓 万博 千万别: no number */
		else if (!sc->ordinal && collective(sc)) {
		} else if (t->chinese && !sc->ordinal && t->e - t->b == 1 &&
		    cn_is_digit(x->cp[t->b]) && cn_numeral(x->cp[t->b]) > 0 &&
		    sc->q == 0 && ((h->b > 0 && uc_is_han(x->cp[h->b - 1])) ||
		    uc_is_han(cpat(x, t->e))))
			return skip_to(sc, t->e);	/* a lone 一 二 三 */

	}
	return NEXT;
}

/* after 第 前 之: a rank, or a title (第一书记) */
static enum verdict
rec_ordinal(struct scan *sc)
{
	struct numex *x = sc->x;
	size_t k, l;

	if (!sc->ordinal)
		return NEXT;
	sc->h.kind = NK_ORDINAL;
	if (sc->ordinal == 1 && x->cp[sc->h.b] == 0x7B2C)
		for (k = 0; k < sizeof ordinal_titles / sizeof *ordinal_titles; k++)
			if ((l = at(x, sc->t.e, ordinal_titles[k])) != 0) {
				sc->h.kind = NK_NAME;
				sc->j = sc->t.e + l;
				break;
			}
	sc->counted = 0;
	return NEXT;
}

/* 5%—10%, 3万元至5万元: a range whose ends both carry the unit */
static enum verdict
rec_unit_range(struct scan *sc)
{
	struct numex *x = sc->x;
	struct numtok t2;
	const struct unit *u2;
	size_t j2, l2;
	int p;

	if (!sc->u || sc->ordinal || sc->h.kind == NK_ORDINAL ||
	    !is_range_sep(cpat(x, sc->j)) ||
	    read_number(x, sc->j + 1, &t2) < 0 || t2.chinese != sc->t.chinese)
		return NEXT;
	j2 = t2.e;
	if ((p = t2.chinese ? 0 : read_multiplier(x, j2, &l2)) != 0) {
		num_shift(&t2.v, p);
		j2 += l2;
	}
	if ((u2 = read_unit(x, j2, &l2)) == NULL || u2 != sc->u)
		return NEXT;
	return range(sc, &sc->t.v, &t2.v, NULL, j2 + l2, 1, sc->counted);
}

/* the qualifier after it (左右 以上), and the value */
static enum verdict
rec_finish(struct scan *sc)
{
	size_t l;

	if ((l = match_qual(sc->x, sc->j, 0, &sc->q)) != 0)
		sc->j += l;
	sc->h.e = sc->j;
	sc->h.qual = sc->q;
	set_value(&sc->h, &sc->t.v);
	sc->subject = sc->h.kind != NK_NAME && sc->h.kind != NK_ORDINAL &&
	    sc->h.se == sc->h.sb;
	return EMIT;
}

/* In order: the first that does not pass decides; the second group
 * once one of the first has read the number (NUMBER). Where a recogniser
 * passes at once, with nothing done, unless the expression starts with
 * one of some characters, or one of some characters follows the number,
 * or for one kind of number, the tables say so, and scan_from() does not
 * call it elsewhere. */
typedef enum verdict (*recogniser)(struct scan *);

static const struct {
	recogniser fn;
	const char *first;	/* the characters it may act at; NULL: any */
} before_number[] = {
	{ rec_point, ".．" }, { rec_per, "百千万" }, { rec_prefix, "第前之" },
	{ rec_negative, "零负負-－−+＋" }, { rec_half_price, "对" },
	{ rec_half_of, "一" }, { rec_half, "半" },
	{ rec_dotted_date, "0123456789０１２３４５６７８９" },
	{ rec_lunar, "大正冬腊" }, { rec_number, NULL },
};

enum { N_ARABIC = 1, N_CHINESE = 2, N_ANY = 3 };
enum { AT_J = 1, AT_E = 2 };	/* the character at sc->j, at sc->t.e */

static const struct {
	recogniser fn;
	int numbers;		/* the numbers it may act on */
	const char *next;	/* the characters after it it may act at */
	int at;			/* ... at AT_J or AT_E; 0: any */
} after_number[] = {
	{ rec_too_long, N_ANY, NULL, 0 },
	{ rec_suffix, N_ARABIC, "eE×x*kKM", AT_E },
	{ rec_latin_code, N_ARABIC, NULL, 0 },
	{ rec_model, N_ARABIC, "型式", AT_J },
	{ rec_list_marker, N_ANY, "、)）：:.．", AT_J },
	{ rec_fraction, N_ANY, "分又/／", AT_E },
	{ rec_set_phrase, N_CHINESE, NULL, 0 },
	{ rec_quoted_name, N_ANY, NULL, 0 },
	{ rec_lexicalised, N_CHINESE, NULL, 0 },
	{ rec_phone, N_ARABIC, NULL, 0 },
	{ rec_time, N_ANY, ":：时点", AT_E },		/* try_time, clock_time */
	{ rec_date, N_ANY, "-—–－―−/.年月日号季", AT_E },	/* try_date */
	{ rec_identifier, N_ARABIC, NULL, 0 },
	{ rec_before, N_ANY, NULL, 0 }, { rec_mixed, N_ARABIC, NULL, 0 },
	{ rec_multiplier, N_ANY, NULL, 0 },
	{ rec_range, N_ANY, "-—–－―−~～〜至到", AT_J },	/* is_range_sep */
	{ rec_neighbours, N_CHINESE, NULL, 0 },
	{ rec_ratio, N_ARABIC, ":：", AT_J },
	{ rec_unit, N_ANY, NULL, 0 }, { rec_no_unit, N_ANY, NULL, 0 },
	{ rec_ordinal, N_ANY, NULL, 0 }, { rec_unit_range, N_ANY, NULL, 0 },
	{ rec_finish, N_ANY, NULL, 0 },
};

#define NBEFORE (sizeof before_number / sizeof *before_number)
#define NAFTER (sizeof after_number / sizeof *after_number)

/* bit k: before_number[k] may act where the expression starts with the
 * character; the recognisers after the number of each kind, in order,
 * each with the bit of next_may that lets it act (0: always) */
static uint16_t before_may[0x10000];
static struct after {
	recogniser fn;
	uint16_t bit;
	uint8_t at;
} after_arabic[NAFTER + 1], after_chinese[NAFTER + 1];
static uint16_t next_may[0x10000];

_Static_assert(NBEFORE <= 16, "a bit per recogniser");

static void
init_recognisers(void)
{
	size_t k, i, n, na = 0, nc = 0;
	unsigned any = 0, nbits = 0;
	uint32_t c;

	for (k = 0; k < NBEFORE; k++)
		if (before_number[k].first == NULL)
			any |= 1u << k;
	for (c = 0; c < 0x10000; c++)
		before_may[c] = (uint16_t)any;
	for (k = 0; k < NBEFORE; k++) {
		const char *f = before_number[k].first;

		for (i = 0, n = f ? strlen(f) : 0; i < n;)
			before_may[utf8_next(f, n, &i)] |= (uint16_t)(1u << k);
	}
	for (k = 0; k < NAFTER; k++) {
		const char *f = after_number[k].next;
		struct after a = { after_number[k].fn, 0, 0 };

		if (f) {
			if (nbits == 16)
				die(EXIT_TROUBLE, "numex: more than 16 gates");
			a.bit = (uint16_t)(1u << nbits++);
			a.at = (uint8_t)after_number[k].at;
			for (i = 0, n = strlen(f); i < n;)
				next_may[utf8_next(f, n, &i)] |= a.bit;
		}
		if (after_number[k].numbers & N_ARABIC)
			after_arabic[na++] = a;
		if (after_number[k].numbers & N_CHINESE)
			after_chinese[nc++] = a;
	}
}

/* Read the expression at *ip, report it and move *ip past it. */
static void
scan_from(struct emit *em, size_t *ip)
{
	struct scan sc;
	enum verdict v = NEXT;
	unsigned may;

	/* all zero but the digits of the number and the text of the value,
	 * which are read only as far as they are written (len, the NUL) */
	memset(&sc, 0, offsetof(struct scan, t.v.d));
	memset(&sc.t.v.len, 0,
	    offsetof(struct scan, h.value) - offsetof(struct scan, t.v.len));
	sc.h.value[0] = '\0';
	memset(&sc.h.qual, 0, sizeof sc - offsetof(struct scan, h.qual));
	sc.x = em->x;
	sc.i = sc.h.b = *ip;
	sc.next = *ip + 1;
	may = before_may[sc.x->cp[sc.i]];	/* < 0x10000 (may_start) */
	while (may && v == NEXT) {
		v = before_number[__builtin_ctz(may)].fn(&sc);
		may &= may - 1;
	}
	if (v == NUMBER) {
		const struct after *r = sc.t.chinese ? after_chinese : after_arabic;

		sc.j = sc.t.e;
		for (; r->fn; r++) {
			if (r->bit) {	/* not where it passes at once */
				uint32_t c = cpat(sc.x, r->at == AT_J ? sc.j : sc.t.e);

				if (c >= 0x10000 || !(next_may[c] & r->bit))
					continue;
			}
			if ((v = r->fn(&sc)) == NUMBER)
				sc.j = sc.t.e;
			else if (v != NEXT)
				break;
		}
		if (v == NUMBER)
			v = NEXT;
	}
	if (v == EMIT) {
		if (sc.subject)
			find_subject(sc.x, &sc.h, sc.h.b, sc.counted);
		emit_hit(em, &sc.h);
		if (sc.h.e > sc.next)
			sc.next = sc.h.e;
	}
	*ip = sc.next;
}

static void
init_classes(void)
{
	static const char ones[] = "第前之几负負半";
	static const char twos[] = "数大正腊冬对-－−+＋.．";
	uint32_t c;
	size_t i, n;

	for (c = 0; c < 0x10000; c++)
		if (ar_digit(c) >= 0 || cn_numeral(c) >= 0)
			start_class[c] = 1;
	for (i = 0, n = strlen(ones); i < n;)
		start_class[utf8_next(ones, n, &i)] = 1;
	for (i = 0, n = strlen(twos); i < n;)
		start_class[utf8_next(twos, n, &i)] = 2;
	for (c = 0; c < 0x10000; c++) {
		uint32_t f = c >= 0xB5 ? nu_fold(c) : c;

		/* the class of the character as decoded, folded */
		char_flags[c] = (uint8_t)((start_class[f] ? L_START : 0) |
		    (f != c ? L_FOLD : 0) |
		    (c >= 0x2000 && simp_changes(c) ? L_TRAD : 0) |
		    (c == 0x201C || c == 0x300C ? L_QUOTE : 0) |
		    (c == '/' || c == '@' || c == '.' ? L_LINK : 0));
	}
	for (c = 0; c < 0x10000; c++)
		lead3[c] = 1;
	for (c = 0; c < 0x400; c++) {
		unsigned char two[2] = { (unsigned char)(0xE0 | c >> 6),
		    (unsigned char)(0x80 | (c & 0x3F)) };
		uint16_t at;

		memcpy(&at, two, 2);
		lead3[at] = (uint16_t)(c << 6);
	}
	init_recognisers();
	classes_ready = 1;
}

/* Can an expression start at i? */
static int
may_start_where(const struct numex *x, size_t i)
{
	uint32_t c = x->cp[i];

	if (c >= 0x10000 || start_class[c] == 0 || x->mark[i] == M_URL)
		return 0;
	if (start_class[c] == 1)
		return 1;
	if (c == 0x6570)			/* 数十, not 人数十 */
		return cn_is_unit(x->cp[i + 1]) &&
		    !(i > 0 && uc_is_han(x->cp[i - 1]) && word_freq(x, i - 1, 2) >= 50);
	if (c == 0x5927)			/* 大年初 */
		return x->cp[i + 1] == 0x5E74 && cpat(x, i + 2) == 0x521D;
	if (c == 0x6B63 || c == 0x814A || c == 0x51AC)	/* 正月 腊月 冬月 */
		return x->cp[i + 1] == 0x6708;
	if (c == 0x5BF9)			/* 对折 */
		return x->cp[i + 1] == 0x6298;
	/* a sign starts a number unless a minus joins two (80-180) */
	if (c == '-' || c == 0xFF0D || c == 0x2212 || c == '+' || c == 0xFF0B)
		return (ar_digit(x->cp[i + 1]) >= 0 || (i == 0 &&
		    x->cp[1] == ' ' && ar_digit(x->cp[2]) >= 0)) &&
		    (i == 0 || (ar_digit(x->cp[i - 1]) < 0 &&
		    !is_ascii_alpha(x->cp[i - 1]) && !is_fw_alpha(x->cp[i - 1])));
	/* .77 */
	return ar_digit(x->cp[i + 1]) >= 0 && (i == 0 ||
	    uc_is_space(x->cp[i - 1]) || uc_is_han(x->cp[i - 1]));
}

/* may_start_where, with no call for the characters that start one
 * wherever they stand (most) */
static inline int
may_start(const struct numex *x, size_t i)
{
	uint32_t c = x->cp[i];

	if (c < 0x10000 && start_class[c] == 1)
		return x->mark[i] != M_URL;
	return may_start_where(x, i);
}

/* The line as code points, in one pass over its bytes; the places of
 * the characters that may start an expression are listed as it goes
 * (nx->nstarts of them; all kept when fewer than NSTARTS, in a ring
 * that the later ones overwrite). A run of
 * three-byte characters (most of Chinese text) takes one look-up of its
 * first two bytes (lead3) and no test of its own for a folding
 * character: those are folded after, in the few lines that have one. */
static unsigned
decode_line(struct numex *nx, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, m, ns = 0, run_end = n >= 3 ? n - 2 : 0;
	unsigned seen = 0;
	uint32_t *cp, *off, *starts = nx->starts;

	if (n >= UINT32_MAX)
		die(EXIT_TROUBLE, "a line of %zu bytes is longer than 4 GB", n);
	/* 9 bytes per code point of the longest line, and no more; a line
	 * of fewer bytes than that has room without counting */
	if (n + 1 > nx->cap && (m = utf8_count(s, n)) + 1 > nx->cap) {
		nx->cap = m + 1 + m / 4;
		nx->cp = xrealloc(nx->cp, nx->cap * sizeof *nx->cp);
		nx->off = xrealloc(nx->off, nx->cap * sizeof *nx->off);
		nx->mark = xrealloc(nx->mark, nx->cap);
	}
	nx->s = s;
	nx->n = n;
	cp = nx->cp;
	off = nx->off;
	m = 0;
	while (i < n) {
		uint32_t c;
		unsigned f;

		while (i < run_end) {
			uint16_t two;
			size_t c3;

			memcpy(&two, p + i, 2);
			if ((c3 = lead3[two]) == 1)
				break;
			c3 |= p[i + 2] & 0x3F;
			f = char_flags[c3];
			seen |= f;
			if (f & L_START)	/* few are */
				starts[ns++ % NSTARTS] = (uint32_t)m;
			off[m] = (uint32_t)i;
			cp[m++] = (uint32_t)c3;
			i += 3;
		}
		if (i >= n)
			break;
		off[m] = (uint32_t)i;
		if ((c = p[i]) < 0x80)
			i++;
		else
			c = utf8_next(s, n, &i);
		f = c < 0x10000 ? char_flags[c] : simp_changes(c) ? L_TRAD : 0;
		seen |= f;
		if (f & L_START)
			starts[ns++ % NSTARTS] = (uint32_t)m;
		cp[m++] = c;
	}
	off[m] = (uint32_t)n;
	cp[m] = 0;
	nx->m = m;
	nx->nstarts = ns;
	if (seen & L_FOLD)
		for (i = 0; i < m; i++)
			if (cp[i] < 0x10000 && (char_flags[cp[i]] & L_FOLD))
				cp[i] = nu_fold(cp[i]);
	return seen & ~(unsigned)L_FOLD;
}

/* Does s[0..n) hold "www."? Looked for at its full stops: the few of
 * a line are mostly decimal points. */
static int
has_www(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '.', (size_t)(end - p))) != NULL) {
		if (p - s >= 3 && memcmp(p - 3, "www", 3) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* Mark the URLs and short quotations of the decoded line. */
static void
mark_line(struct numex *nx, unsigned seen)
{
	const char *s = nx->s;
	size_t n = nx->n, m = nx->m, i, from, b, e;

	memset(nx->mark, 0, m + 1);
	/* URLs and e-mail addresses hold no quantities */
	if ((seen & L_LINK) && (memchr(s, '/', n) || memchr(s, '@', n) ||
	    has_www(s, n)))
		for (from = 0; from < n &&
		    rx_find(&nx->url, s, n, from, 0, &b, &e) && e > b; from = e)
			memset(nx->mark + cp_of(nx, b), M_URL,
			    cp_of(nx, e) - cp_of(nx, b));
	/* short quotations: slogans (“两学一做” “3820”) */
	for (i = 0; (seen & L_QUOTE) && i < m; i++) {
		size_t k;

		if (nx->cp[i] != 0x201C && nx->cp[i] != 0x300C)
			continue;
		for (k = i + 1; k < m && k - i <= 12 && nx->cp[k] != 0x201D &&
		    nx->cp[k] != 0x300D; k++)
			;
		if (k < m && k - i <= 12 && k > i + 1)
			memset(nx->mark + i + 1, M_QUOTE, k - i - 1);
	}
}

void
nx_scan(struct numex *nx, const char *s, size_t n,
    void (*fn)(void *, const struct nx_hit *), void *arg)
{
	struct emit em = { nx, fn, arg };
	size_t i = 0;
	unsigned seen = decode_line(nx, s, n);

	/* a line in Traditional characters is read as Simplified */
	nx->converted = 0;
	if (seen & L_TRAD) {
		size_t n2;
		const char *s2 = simp_line(nx->simp, s, n, &n2);

		nx->converted = 1;
		if (s2 != s || n2 != n)
			seen = decode_line(nx, s2, n2);
	}
	/* most lines without a numeral end here */
	if (!(seen & L_START))
		return;
	mark_line(nx, seen);
	if (nx->nstarts < NSTARTS) {
		/* only where the line's characters may start one */
		size_t k;

		for (k = 0; k < nx->nstarts; k++)
			if (nx->starts[k] >= i && may_start(nx, nx->starts[k])) {
				i = nx->starts[k];
				scan_from(&em, &i);
			}
		return;
	}
	while (i < nx->m)
		if (may_start(nx, i))
			scan_from(&em, &i);
		else
			i++;
}
