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
 * that are not numeral + measure (统一, 一线, 进一步) are not numbers. */
#include "numex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "regex.h"
#include "utf8.h"

const char *const nkind_name[NK_NKINDS] = {
	"count", "money", "percent", "measure", "age", "ordinal", "date",
	"time", "year", "phone", "range", "fraction", "code", "name"
};

struct unit {
	const char *s;		/* as written */
	const char *norm;	/* as reported */
	enum nkind kind;
};

/* read_unit() takes the longest that matches (人次 over 人). */
static const struct unit units[] = {
	{ "个百分点", "百分点", NK_PERCENT }, { "百分点", "百分点", NK_PERCENT },
	{ "%", "%", NK_PERCENT }, { "％", "%", NK_PERCENT }, { "‰", "‰", NK_PERCENT },
	{ "元人民币", "元", NK_MONEY }, { "美元", "美元", NK_MONEY },
	{ "欧元", "欧元", NK_MONEY }, { "英镑", "英镑", NK_MONEY },
	{ "日元", "日元", NK_MONEY }, { "港元", "港元", NK_MONEY },
	{ "港币", "港元", NK_MONEY }, { "块钱", "元", NK_MONEY },
	{ "元", "元", NK_MONEY }, { "圆", "元", NK_MONEY },
	{ "角", "元", NK_MONEY },	/* a tenth: see unit_scale() */
	{ "分", "元", NK_MONEY },	/* a hundredth, capitals only */
	{ "周岁", "岁", NK_AGE }, { "岁", "岁", NK_AGE },
	{ "平方公里", "平方公里", NK_MEASURE }, { "平方千米", "平方公里", NK_MEASURE },
	{ "平方米", "平方米", NK_MEASURE }, { "平米", "平方米", NK_MEASURE },
	{ "立方米", "立方米", NK_MEASURE }, { "公顷", "公顷", NK_MEASURE },
	{ "亩", "亩", NK_MEASURE }, { "公里", "公里", NK_MEASURE },
	{ "千米", "公里", NK_MEASURE }, { "厘米", "厘米", NK_MEASURE },
	{ "毫米", "毫米", NK_MEASURE }, { "米", "米", NK_MEASURE },
	{ "千克", "千克", NK_MEASURE }, { "公斤", "千克", NK_MEASURE },
	{ "克", "克", NK_MEASURE }, { "吨", "吨", NK_MEASURE },
	{ "斤", "斤", NK_MEASURE }, { "毫升", "毫升", NK_MEASURE },
	{ "升", "升", NK_MEASURE }, { "千瓦时", "千瓦时", NK_MEASURE },
	{ "千瓦", "千瓦", NK_MEASURE }, { "兆瓦", "兆瓦", NK_MEASURE },
	{ "摄氏度", "℃", NK_MEASURE }, { "℃", "℃", NK_MEASURE },
	{ "小时", "小时", NK_MEASURE }, { "分钟", "分钟", NK_MEASURE },
	{ "个月", "月", NK_MEASURE }, { "倍", "倍", NK_MEASURE },
	{ "天", "天", NK_MEASURE }, { "周", "周", NK_MEASURE },
	{ "秒", "秒", NK_MEASURE },
	{ "公升", "升", NK_MEASURE }, { "公尺", "米", NK_MEASURE },
	{ "公分", "厘米", NK_MEASURE }, { "公裏", "公里", NK_MEASURE },
	{ "毫克", "毫克", NK_MEASURE }, { "小時", "小时", NK_MEASURE },
	{ "分鐘", "分钟", NK_MEASURE }, { "秒钟", "秒", NK_MEASURE },
	{ "秒鐘", "秒", NK_MEASURE }, { "個月", "月", NK_MEASURE },
	{ "人次", "人次", NK_COUNT }, { "個", "个", NK_COUNT }, { "场次", "场次", NK_COUNT },
	{ "架次", "架次", NK_COUNT }, { "车次", "车次", NK_COUNT },
	{ "人", "人", NK_COUNT }, { "名", "名", NK_COUNT }, { "个", "个", NK_COUNT },
	{ "户", "户", NK_COUNT }, { "家", "家", NK_COUNT }, { "座", "座", NK_COUNT },
	{ "所", "所", NK_COUNT }, { "项", "项", NK_COUNT }, { "件", "件", NK_COUNT },
	{ "次", "次", NK_COUNT }, { "场", "场", NK_COUNT }, { "台", "台", NK_COUNT },
	{ "辆", "辆", NK_COUNT }, { "套", "套", NK_COUNT }, { "处", "处", NK_COUNT },
	{ "条", "条", NK_COUNT }, { "批", "批", NK_COUNT }, { "起", "起", NK_COUNT },
	{ "例", "例", NK_COUNT }, { "位", "位", NK_COUNT }, { "只", "只", NK_COUNT },
	{ "头", "头", NK_COUNT }, { "株", "株", NK_COUNT }, { "棵", "棵", NK_COUNT },
	{ "篇", "篇", NK_COUNT }, { "部", "部", NK_COUNT }, { "本", "本", NK_COUNT },
	{ "张", "张", NK_COUNT }, { "份", "份", NK_COUNT }, { "期", "期", NK_COUNT },
	{ "种", "种", NK_COUNT }, { "类", "类", NK_COUNT }, { "支", "支", NK_COUNT },
	{ "艘", "艘", NK_COUNT }, { "架", "架", NK_COUNT }, { "栋", "栋", NK_COUNT },
	{ "间", "间", NK_COUNT }, { "层", "层", NK_COUNT }, { "级", "级", NK_COUNT },
	{ "笔", "笔", NK_COUNT }, { "宗", "宗", NK_COUNT }, { "幅", "幅", NK_COUNT },
	{ "首", "首", NK_COUNT }, { "轮", "轮", NK_COUNT }, { "班", "班", NK_COUNT },
	{ "节", "节", NK_COUNT }, { "门", "门", NK_COUNT }, { "组", "组", NK_COUNT },
	{ "队", "队", NK_COUNT }, { "枚", "枚", NK_COUNT }, { "颗", "颗", NK_COUNT },
	{ "箱", "箱", NK_COUNT }, { "袋", "袋", NK_COUNT }, { "块", "块", NK_COUNT },
	{ "半", "半", NK_COUNT },
	{ "届", "届", NK_ORDINAL },
};

/* Words in which a numeral is no quantity, beyond what the dictionary
 * already says (it has 统一, 进一步, 一系列 …). */
static const char *const lexicalised[] = {
	"一线", "一体化", "一往无前", "千家万户", "征程万里", "一盘棋",
	"一竿子", "一条线", "一肩挑", "一张蓝图", "一把手", "之一", "一是",
	"二是", "三是", "四是", "五是", "一方面", "万众一心", "一带一路",
	"千方百计", "一以贯之", "一心一意", "百年大计", "重任千钧", "千钧",
	"万里", "一手抓", "两手抓", "一揽子", "一站式", "一次性", "一窗",
	"一网", "一门", "一码", "这一", "那一", "同一", "每一", "唯一", "万一",
	"万万", "亿万",
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

/* A literal as code points, for matching against the decoded line. */
struct lit {
	uint32_t c[12];
	int n;
};

#define NUNITS (sizeof units / sizeof units[0])
#define NLEX (sizeof lexicalised / sizeof lexicalised[0])
#define NQB (sizeof qual_before / sizeof qual_before[0])
#define NQA (sizeof qual_after / sizeof qual_after[0])
#define NSET (sizeof set_phrases / sizeof set_phrases[0])

static struct lit unit_lit[NUNITS], lex_lit[NLEX], qb_lit[NQB], qa_lit[NQA],
    set_lit[NSET];
static int lits_ready;

static void
make_lit(struct lit *l, const char *s, size_t len)
{
	size_t i = 0;

	l->n = 0;
	while (i < len && l->n < 12)
		l->c[l->n++] = utf8_next(s, len, &i);
}

static void
init_lits(void)
{
	size_t k;

	for (k = 0; k < NUNITS; k++)
		make_lit(&unit_lit[k], units[k].s, strlen(units[k].s));
	for (k = 0; k < NLEX; k++)
		make_lit(&lex_lit[k], lexicalised[k], strlen(lexicalised[k]));
	for (k = 0; k < NSET; k++)
		make_lit(&set_lit[k], set_phrases[k], strlen(set_phrases[k]));
	for (k = 0; k < NQB; k++)
		make_lit(&qb_lit[k], qual_before[k],
		    (size_t)(strchr(qual_before[k], '>') - qual_before[k]));
	for (k = 0; k < NQA; k++)
		make_lit(&qa_lit[k], qual_after[k],
		    (size_t)(strchr(qual_after[k], '>') - qual_after[k]));
	lits_ready = 1;
}

struct numex {
	struct wordseg *ws;
	int subjects;
	struct regex url;
	uint32_t *cp;
	uint32_t *off;		/* byte offset of each code point */
	uint8_t *mark;		/* per code point: M_URL, M_QUOTE */
	size_t cap;
	const char *s;
	size_t n, m;
};

enum { M_URL = 1, M_QUOTE = 2 };

struct numex *
nx_new(struct wordseg *ws, int subjects)
{
	struct numex *nx = xcalloc(1, sizeof *nx);

	nx->ws = ws;
	nx->subjects = subjects;
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
	free(nx);
}

/* ---- small helpers over the decoded line ---- */

/* Code points that the literal lit takes if the text at i starts with
 * it, else 0. */
static size_t
at(const struct numex *x, size_t i, const char *lit)
{
	size_t l = strlen(lit);

	if (i >= x->m || x->n - x->off[i] < l || memcmp(x->s + x->off[i], lit, l))
		return 0;
	return utf8_count(lit, l);
}

/* is c one of the characters of the UTF-8 string set? */
static int
strchr_cp(const char *set, uint32_t c)
{
	size_t i = 0, n = strlen(set);

	while (i < n)
		if (utf8_next(set, n, &i) == c)
			return 1;
	return 0;
}

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

/* The longest numeral at i. */
static int
read_number(const struct numex *x, size_t i, struct numtok *t)
{
	size_t j = i;

	memset(t, 0, sizeof *t);
	t->b = i;
	if (ar_digit(cpat(x, i)) >= 0) {
		size_t good = 0;

		/* digits, thousands separators and one decimal point */
		while (j < x->m) {
			uint32_t c = x->cp[j];

			if (ar_digit(c) >= 0)
				j++;
			else if ((c == ',' || c == '.' || c == 0xFF0E ||
			    (c == 0xFF0C && x->cp[j - 1] >= 0xFF10)) &&
			    ar_digit(cpat(x, j + 1)) >= 0)
				j++;	/* ， separates thousands in full-width only */
			else
				break;
		}
		if (j - i > NUM_MAXDIGITS) {
			t->e = j;	/* a digit run no quantity has: a code */
			t->toolong = 1;
			return 0;
		}
		/* the longest prefix that parses, cut at a separator (1,23
		 * gives 1): one try per separator */
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
		for (j = i; j < good; j++)
			if (x->cp[j] == '.' || x->cp[j] == 0xFF0E)
				t->hasfrac = 1;
		return 0;
	}
	{
		uint32_t buf[72];
		size_t k = 0;

		while (j < x->m && k < 70) {
			uint32_t c = x->cp[j];

			if (cn_numeral(c) >= 0)
				buf[k++] = c;
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
					static const uint32_t cn[] = { 0x96F6, 0x4E00,
					    0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
					    0x4E03, 0x516B, 0x4E5D };

					buf[k++] = cn[ar_digit(x->cp[++j])];
				}
			} else
				break;
			j++;
		}
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
		if (cn_parse(buf, k, &t->v) < 0) {
			/* 三四十万: two neighbouring digits before a unit read
			 * as a range; here the value is the upper end */
			if (k < 3 || !cn_is_digit(buf[0]) || !cn_is_digit(buf[1]) ||
			    cn_numeral(buf[1]) != cn_numeral(buf[0]) + 1 ||
			    cn_parse(buf + 1, k - 1, &t->v) < 0)
				return -1;
		}
		t->e = j;
		t->chinese = 1;
		{
			size_t q;

			t->direct = k > 1;
			for (q = 0; q < k; q++)
				if (!cn_is_digit(buf[q]))
					t->direct = 0;
		}
		return 0;
	}
}

/* power of ten from a unit as written to the unit reported */
static int
unit_scale(const struct unit *u)
{
	return strcmp(u->s, "角") == 0 ? -1 : strcmp(u->s, "分") == 0 ? -2 : 0;
}

static const struct unit *
read_unit(const struct numex *x, size_t i, size_t *len)
{
	const struct unit *best = NULL;
	size_t u, l;

	*len = 0;
	if (i >= x->m)
		return NULL;
	for (u = 0; u < NUNITS; u++)	/* the longest: 分钟 over 分 */
		if ((l = at_lit(x, i, &unit_lit[u])) > *len) {
			*len = l;
			best = &units[u];
		}
	return best;
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
	size_t ext;		/* how far the numeral may extend */
	int lexical;
};

static int
numeralish(uint32_t c)
{
	return cn_numeral(c) >= 0 || c == 0x51E0 || c == 0x591A || c == 0x4F59;
}

static void
on_prefix(void *arg, size_t len, const char *tag)
{
	struct overlap *o = arg;
	size_t e = o->s + len, k;

	(void)tag;
	if (e <= o->nb || len < 2)
		return;
	if (o->s == o->nb && e <= o->ne)
		return;			/* inside the numeral itself */
	/* what the word adds on the left must be a prefix we know */
	for (k = o->s; k < o->nb; k++)
		if (!numeralish(o->x->cp[k]) && !strchr_cp("第前约近逾超负負", o->x->cp[k]))
			break;
	if (k < o->nb) {
		o->lexical = 1;
		return;
	}
	/* and on the right it may run into what follows the numeral in
	 * the text: units, measure words, parts of dates (一个 万元 三季度) */
	if (e > o->ext)
		o->lexical = 1;
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
		if (read_unit(x, k, &ul) || (ul = at(x, k, "季度")) ||
		    (ul = at(x, k, "年")) || (ul = at(x, k, "月")) ||
		    (ul = at(x, k, "日")) || (ul = at(x, k, "号")) ||
		    (ul = at(x, k, "大")))
			k += ul;
		else
			return k;
	}
}

/* Does one of lits[0..n) cover code point nb? Returns its end, or 0. */
static size_t
covered_by(const struct numex *x, size_t nb, const struct lit *lits, size_t n,
    size_t *start)
{
	size_t k, s;

	for (k = 0; k < n; k++) {
		size_t l = (size_t)lits[k].n;

		for (s = nb >= l ? nb - l + 1 : 0; s <= nb; s++)
			if (s + l > nb && at_lit(x, s, &lits[k])) {
				*start = s;
				return s + l;
			}
	}
	return 0;
}

static int
lexicalised_at(const struct numex *x, size_t nb, size_t ne)
{
	struct overlap o = { x, 0, nb, ne, extension(x, ne), 0 };
	size_t s;

	if (covered_by(x, nb, lex_lit, NLEX, &s))
		return 1;
	if (x->ws == NULL)
		return 0;
	for (s = nb >= 3 ? nb - 3 : 0; s <= nb && !o.lexical; s++) {
		o.s = s;
		ws_prefixes(x->ws, x->cp + s, x->m - s, on_prefix, &o);
	}
	return o.lexical;
}

/* ---- subjects ---- */

static int
clause_break(uint32_t c)
{
	switch (c) {
	case 0x3002: case 0xFF0C: case 0xFF1B: case 0xFF1A: case 0xFF01:
	case 0xFF1F: case 0x3001: case ',': case ';': case ':': case '!':
	case '?': case 0x201C: case 0x201D: case 0xFF08: case 0xFF09:
	case '(': case ')': case ' ': case 0x3000: case 0x2014: case 0x2026:
	case '"': case 0x300A: case 0x300B:
		return 1;
	}
	return ar_digit(c) >= 0 || c == '.' || c == '%';
}

static int
nounish(const char *tag)
{
	return tag != NULL && (tag[0] == 'n' || strcmp(tag, "vn") == 0 ||
	    strcmp(tag, "j") == 0 || strcmp(tag, "l") == 0 ||
	    strcmp(tag, "an") == 0 || strcmp(tag, "zg") == 0 ||
	    strcmp(tag, "?") == 0);
}

/* Words that end a subject though the word list calls them nouns
 * (全部, 全体), and verbs that name things (组织, 服务). */
static int
word_is(const struct numex *x, size_t bb, size_t be, const char *const *list,
    size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (strlen(list[k]) == be - bb && memcmp(x->s + bb, list[k], be - bb) == 0)
			return 1;
	return 0;
}

static const char *const subject_stop[] = {
	"全部", "全体", "所有", "各类", "其中", "左右", "以上", "以下", "同比",
	"累计", "总数", "总计", "合计",
};
static const char *const nominal_verbs[] = {
	"组织", "服务", "建设", "工程", "管理", "监测", "保障",
};

struct wordspan {
	size_t b[64], e[64];
	const char *tag[64];
	int n;
	const struct numex *x;
	size_t base;		/* byte offset of the cut text in the line */
};

static void
on_word(void *arg, size_t b, size_t e, enum toktype t)
{
	struct wordspan *w = arg;

	if (w->n == 64)
		return;
	w->b[w->n] = w->base + b;
	w->e[w->n] = w->base + e;
	w->tag[w->n] = t == TOK_WORD ? ws_tag(w->x->ws, w->x->s + w->base + b,
	    e - b) : NULL;
	if (t == TOK_WORD && w->tag[w->n] == NULL)
		w->tag[w->n] = "?";		/* unknown Han word: a name */
	w->n++;
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
			w.base = x->off[h->e];
			ws_cut(x->ws, x->s + w.base, x->off[e] - w.base, on_word, &w);
			for (k = 0; k < w.n && k < 4 && nounish(w.tag[k]) &&
			    strcmp(w.tag[k], "vn") != 0 &&
			    !word_is(x, w.b[k], w.e[k], subject_stop,
			    sizeof subject_stop / sizeof *subject_stop); k++)
				;
			if (k > 0 && (k == w.n || w.tag[k] == NULL ||
			    strcmp(w.tag[k], "uj") != 0)) {
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
	w.base = x->off[b];
	ws_cut(x->ws, x->s + w.base, x->off[nb] - w.base, on_word, &w);
	if (w.n == 0 || (!nounish(w.tag[w.n - 1]) && !word_is(x, w.b[w.n - 1],
	    w.e[w.n - 1], nominal_verbs, sizeof nominal_verbs / sizeof *nominal_verbs)))
		return;
	/* 培训1.3万人: a verbal noun before a count is the verb */
	if (counted && w.tag[w.n - 1] && strcmp(w.tag[w.n - 1], "vn") == 0)
		return;
	/* back over the nouns to the clause start or the first verb */
	for (first = w.n - 1; first > 0 && nounish(w.tag[first - 1]) &&
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
	em->fn(em->arg, h);
}

static void
fmt(const struct num *v, char *out, size_t cap)
{
	if (num_format(v, out, cap) < 0)
		out[0] = '\0';
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

	if (read_number(x, j, &u) == 0 && !u.hasfrac &&
	    ((l = at(x, u.e, "日")) || (l = at(x, u.e, "号"))) &&
	    (*d = num_small(&u.v)) >= 1 && *d <= 31)
		return u.e + l;
	*d = -1;
	return j;
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
				if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
					h->kind = NK_DATE;
					snprintf(h->value, sizeof h->value, "%ld%02ld%02ld",
					    v, mo, d);
					return m2;
				}
			}
		}
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
		    (mo = num_small(&u.v)) >= 1 && mo <= 12 && !u.hasfrac) {
			j = read_day(x, u.e + l, &d);
		} else
			mo = -1;
	} else if ((l = at(x, j, "月")) != 0 && v >= 1 && v <= 12) {
		mo = v;
		j = read_day(x, j + (at(x, j, "月份") ? 2 : l), &d);
	} else if (((l = at(x, j, "日")) != 0 || ((l = at(x, j, "号")) != 0 &&
	    !t->chinese)) && v >= 1 && v <= 31 && !at(x, j, "日报") &&
	    !at(x, j, "日电")) {
		d = v;
		j += l;
	} else if ((l = at(x, j, "季度")) != 0 && v >= 1 && v <= 4) {
		h->kind = NK_DATE;
		h->unit = "季度";
		snprintf(h->value, sizeof h->value, "%ld", v);
		return j + l;
	} else
		return 0;
	if (y >= 0 && mo < 0 && d < 0) {
		h->kind = NK_YEAR;
		snprintf(h->value, sizeof h->value, "%ld", y);
		return j;
	}
	h->kind = NK_DATE;
	snprintf(h->value, sizeof h->value, "%ld",
	    (y > 0 ? y : 0) * 10000 + (mo > 0 ? mo : 0) * 100 + (d > 0 ? d : 0));
	return j;
}

/* 22:58:46, 8:30, 8时30分 */
static size_t
try_time(struct numex *x, size_t i, const struct numtok *t, struct nx_hit *h)
{
	size_t j = t->e, m1, m2;
	long hh = num_small(&t->v), mm, ss = 0;

	if (t->chinese || t->hasfrac || hh < 0 || hh > 24 || t->e - i > 2)
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
		snprintf(h->value, sizeof h->value, "%ld%02ld%02ld", hh, mm, ss);
		return j;
	}
	return 0;
}

/* 0931-8159799, 400-800-8888, 13912345678, (0931)8159799 */
static size_t
try_phone(struct numex *x, size_t i, const struct numtok *t, struct nx_hit *h)
{
	size_t j = i, k = 0, groups = 0;
	char digits[32];

	if (t->chinese || t->hasfrac)
		return 0;
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

	if (read_number(x, j + zero, &t3) < 0 || t3.hasfrac || t3.toolong)
		return j;
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

/* A fraction num/den ending at e; a zero denominator gives no line. */
static void
emit_fraction(struct emit *em, struct nx_hit *h, const struct num *num,
    const struct num *den, size_t e, size_t *ip)
{
	*ip = e;
	h->kind = NK_FRACTION;
	if (num_divide(num, den, h->value, sizeof h->value) < 0)
		return;
	h->e = e;
	emit_hit(em, h);
}

/* 2023.05.26: a date before it can be read as the decimal 2023.05 */
static size_t
dotted_date(const struct numex *x, size_t i, struct nx_hit *h)
{
	size_t y = digits_end(x, i), m, d;
	long mo, dd;

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
	h->kind = NK_DATE;
	snprintf(h->value, sizeof h->value, "%ld%02ld%02ld", small_int(x, i, y),
	    mo, dd);
	return d;
}

static void
scan_from(struct emit *em, size_t *ip)
{
	struct numex *x = em->x;
	size_t i = *ip, j, l, prefix_b = i;
	struct numtok t, t2;
	struct nx_hit h;
	const struct unit *u;
	char q = 0;
	int ordinal = 0, pct = 0, counted = 0;

	memset(&h, 0, sizeof h);

	/* 百分之 千分之 万分之 */
	if ((l = at(x, i, "百分之")) || (l = at(x, i, "千分之")) ||
	    (l = at(x, i, "万分之"))) {
		int neg = 0;

		pct = x->cp[i] == 0x767E ? 0 : x->cp[i] == 0x5343 ? -1 : -2;
		if (cpat(x, i + l) == 0x8D1F || cpat(x, i + l) == 0x8CA0) {
			neg = 1;	/* 百分之负三点八 */
			l++;
		}
		if (read_number(x, i + l, &t) == 0) {
			t.v.neg = neg && !num_is_zero(&t.v);
			h.b = i;
			h.e = t.e;
			h.kind = NK_PERCENT;
			h.unit = "%";
			num_shift(&t.v, pct);
			set_value(&h, &t.v);
			emit_hit(em, &h);
			*ip = t.e;
			return;
		}
		*ip = i + 1;
		return;
	}
	/* 第N, 前N, 之N */
	if (x->cp[i] == 0x7B2C || x->cp[i] == 0x524D || x->cp[i] == 0x4E4B) {
		if (read_number(x, i + 1, &t) < 0 || t.hasfrac) {
			*ip = i + 1;
			return;
		}
		/* 前6位 前10名 前三季度 rank or period; else 前 is a word
		 * of its own (目前 此前) and the number is read alone */
		if (x->cp[i] == 0x524D && !at(x, t.e, "位") &&
		    !at(x, t.e, "名") && !at(x, t.e, "强") &&
		    !at(x, t.e, "季度")) {
			*ip = i + 1;
			return;
		}
		ordinal = x->cp[i] == 0x524D ? 2 : 1;
		prefix_b = i;
		i++;
	} else if ((l = at(x, i, "零下")) || (l = at(x, i, "负")) ||
	    (l = at(x, i, "負")) || ((x->cp[i] == '-' || x->cp[i] == 0xFF0D ||
	    x->cp[i] == 0x2212) && (l = 1))) {
		/* 零下四摄氏度 负一百 -3.8%: negative */
		if (cpat(x, i + l) == ' ' && ar_digit(cpat(x, i + l + 1)) >= 0 &&
		    (x->cp[i] != '-' || i == 0))
			l++;
		if (read_number(x, i + l, &t) < 0 || (x->cp[i] == '-' && t.chinese)) {
			*ip = i + 1;
			return;
		}
		t.v.neg = !num_is_zero(&t.v);
		prefix_b = i;
		i += l;
	} else if ((l = at(x, i, "一半")) != 0) {
		/* 一半: a half */
		h.b = i;
		h.e = i + l;
		h.kind = NK_FRACTION;
		snprintf(h.value, sizeof h.value, "0.5");
		if ((l = match_qual(x, h.e, 0, &q)) != 0) {
			h.e += l;
			h.qual = q;
		}
		emit_hit(em, &h);
		*ip = h.e;
		return;
	} else if (x->cp[i] == 0x534A) {	/* 半 */
		*ip = i + 1;
		if ((i > 0 && strchr_cp("上下前后过大多一两", x->cp[i - 1])) ||
		    (u = read_unit(x, i + 1, &l)) == NULL || u->kind == NK_PERCENT ||
		    u->kind == NK_MONEY)
			return;
		h.b = i;
		h.e = i + 1 + l;
		h.kind = u->kind;
		h.unit = u->norm;
		snprintf(h.value, sizeof h.value, "0.5");
		emit_hit(em, &h);
		*ip = h.e;
		return;
	} else if ((j = dotted_date(x, i, &h)) != 0) {
		h.b = i;
		h.e = j;
		emit_hit(em, &h);
		*ip = j;
		return;
	} else if (read_number(x, i, &t) < 0) {
		*ip = i + 1;
		return;
	}
	h.b = prefix_b;
	j = t.e;

	/* codes: PM2.5 H5 5G G20 ISO 9001, and digit runs too long to count */
	if (t.toolong) {
		h.e = t.e;
		h.kind = NK_CODE;
		emit_hit(em, &h);
		*ip = t.e;
		return;
	}
	if (!t.chinese && !ordinal && ((i > 0 && (is_ascii_alpha(x->cp[i - 1]) ||
	    is_fw_alpha(x->cp[i - 1]) || x->cp[i - 1] == '_' ||
	    ((x->cp[i - 1] == ' ' || x->cp[i - 1] == '-') && i > 1 &&
	    is_ascii_alpha(x->cp[i - 2])))) || is_ascii_alpha(cpat(x, j)) ||
	    is_fw_alpha(cpat(x, j)) || (t.e - t.b > 20 && !t.hasfrac))) {
		/* PM2.5: the code begins with its letters */
		while (h.b > 0 && (is_ascii_alpha(x->cp[h.b - 1]) ||
		    is_fw_alpha(x->cp[h.b - 1])))
			h.b--;
		while (j < x->m && (is_ascii_alpha(x->cp[j]) ||
		    ar_digit(x->cp[j]) >= 0 || x->cp[j] == '.' || x->cp[j] == '-'))
			j++;
		while (j > t.e && (x->cp[j - 1] == '.' || x->cp[j - 1] == '-'))
			j--;
		h.e = j;
		h.kind = NK_CODE;	/* no value: a code is no quantity */
		emit_hit(em, &h);
		*ip = j;
		return;
	}
	/* list markers: "1、" "(2)" "3. " at the start of a line */
	{
		size_t s = h.b;

		while (s > 0 && uc_is_space(x->cp[s - 1]))
			s--;
		if (!ordinal && (s == 0 || (s == 1 && (x->cp[0] == '(' ||
		    x->cp[0] == 0xFF08))) && (cpat(x, j) == 0x3001 ||
		    cpat(x, j) == ')' || cpat(x, j) == 0xFF09 ||
		    ((cpat(x, j) == '.' || cpat(x, j) == 0xFF0E) &&
		    !t.hasfrac && ar_digit(cpat(x, j + 1)) < 0))) {
			*ip = j + 1;
			return;
		}
	}
	/* 三分之二 (the dictionary has 二分之一 as a word), 1/2 */
	if ((l = at(x, t.e, "分之")) != 0 && read_number(x, t.e + l, &t2) == 0) {
		t2.v.neg = t.v.neg;	/* 负三分之二 */
		t.v.neg = 0;
		emit_fraction(em, &h, &t2.v, &t.v, t2.e, ip);
		return;
	}
	if (!t.chinese && cpat(x, t.e) == '/' && read_number(x, t.e + 1, &t2) == 0 &&
	    !t2.chinese && !t.hasfrac && !t2.hasfrac && t2.e - t.e <= 4 &&
	    num_cmp(&t.v, &t2.v) < 0 && cpat(x, t2.e) != '/' &&
	    ar_digit(cpat(x, t2.e)) < 0) {
		emit_fraction(em, &h, &t.v, &t2.v, t2.e, ip);
		return;
	}
	/* set phrases (十百千 十四五), numerals inside short quotes, and
	 * 两学一做-shaped phrases: names, not quantities */
	{
		size_t ps, pe = t.chinese ? covered_by(x, t.b, set_lit, NSET, &ps) : 0;

		if (pe) {
			h.b = ps < h.b ? ps : h.b;
			h.e = pe;
			h.kind = NK_NAME;
			set_value(&h, &t.v);
			emit_hit(em, &h);
			*ip = pe > t.e ? pe : t.e;
			return;
		}
	}
	if (x->mark[t.b] == M_QUOTE || (t.chinese && !ordinal &&
	    t.e + 2 < x->m && uc_is_han(x->cp[t.e]) &&
	    !strchr_cp("年月日号时分秒点之", x->cp[t.e]) &&
	    ((cn_is_digit(x->cp[t.e + 1]) &&
	    uc_is_han(cpat(x, t.e + 2))) || (uc_is_han(x->cp[t.e + 1]) &&
	    cn_is_digit(cpat(x, t.e + 2)) && uc_is_han(cpat(x, t.e + 3)))) &&
	    read_unit(x, t.e, &l) == NULL)) {
		size_t e = t.e;

		while (e < x->m && uc_is_han(x->cp[e]) && e - t.b < 12 &&
		    x->mark[e] == x->mark[t.b])
			e++;
		if (x->mark[t.b] == M_QUOTE)
			while (e < x->m && x->mark[e] == M_QUOTE)
				e++;
		h.e = e;
		h.kind = NK_NAME;
		set_value(&h, &t.v);
		emit_hit(em, &h);
		*ip = e;
		return;
	}
	if (t.chinese && lexicalised_at(x, t.b, t.e)) {
		*ip = t.e;
		return;
	}
	if (!ordinal) {
		if ((j = try_phone(x, i, &t, &h)) || (j = try_time(x, i, &t, &h)) ||
		    (j = try_date(x, i, &t, &h))) {
			h.e = j;
			emit_hit(em, &h);
			*ip = j;
			return;
		}
		j = t.e;
		/* identifiers: 京ICP备10003349号-1, 许可证号 0102004 */
		if (!t.chinese && !t.hasfrac && ((x->cp[t.b] == '0' &&
		    t.e - t.b >= 5) || icp_before(x, t.b))) {
			while (j < x->m && (ar_digit(x->cp[j]) >= 0 ||
			    x->cp[j] == 0x53F7 || (is_dash(x->cp[j]) &&
			    ar_digit(cpat(x, j + 1)) >= 0)))
				j++;		/* 号-1 */
			h.e = j;
			h.kind = NK_CODE;
			emit_hit(em, &h);
			*ip = j;
			return;
		}
	} else if (ordinal == 2 && try_date(x, i, &t, &h)) {
		/* 前三季度: a period, not a rank */
		h.e = try_date(x, i, &t, &h);
		emit_hit(em, &h);
		*ip = h.e;
		return;
	}
	/* the qualifier before the number */
	if (!ordinal) {
		size_t k = match_qual(x, h.b, 1, &q);

		if (k)
			h.b -= k;
		else if (h.b > 0 && (x->cp[h.b - 1] == 0xA5 ||
		    x->cp[h.b - 1] == 0xFFE5 || x->cp[h.b - 1] == '$')) {
			h.b--;
			h.unit = x->cp[h.b] == '$' ? "美元" : "元";
			h.kind = NK_MONEY;
		}
	}
	/* 多 余 before a multiplier or unit */
	if (at(x, j, "多") || at(x, j, "余")) {
		q = '>';
		j++;
	}
	if (t.approx)
		q = '>';
	if (!t.chinese) {
		int p = read_multiplier(x, j, &l);

		if (p) {
			num_shift(&t.v, p);
			j += l;
			if (at(x, j, "多") || at(x, j, "余")) {
				q = '>';
				j++;
			} else if (!t.hasfrac)
				j = continuation(x, j, p, &t.v);
		}
	} else if ((at(x, j, "多") || at(x, j, "余")) && !at(x, j, "多万")) {
		q = '>';
		j++;
	}
	/* ranges: 80—180元 1至2个 3到5年 */
	if (!ordinal && is_range_sep(cpat(x, j)) && read_number(x, j + 1, &t2) == 0 &&
	    t2.chinese == t.chinese && !(t.chinese && (x->cp[j] == '-'))) {
		size_t j2 = t2.e;
		int p = 0;

		if (!t2.chinese && (p = read_multiplier(x, j2, &l)) != 0) {
			num_shift(&t2.v, p);
			j2 += l;
			if (j == t.e)	/* 3-5万: the multiplier is for both */
				num_shift(&t.v, p);
		}
		u = read_unit(x, j2, &l);
		if (u || p || num_cmp(&t.v, &t2.v) < 0) {
			char lo[NUM_MAXDIGITS + 48], hi[NUM_MAXDIGITS + 48];

			if (u && (u->kind == NK_PERCENT || u->kind == NK_MONEY ||
			    u->kind == NK_MEASURE || u->kind == NK_COUNT ||
			    u->kind == NK_AGE))
				j2 += l;
			else
				u = NULL;
			if (at(x, j2, "年") && !u) {
				j2 += 1;
				h.unit = "年";
			}
			fmt(&t.v, lo, sizeof lo);
			fmt(&t2.v, hi, sizeof hi);
			snprintf(h.value, sizeof h.value, "%s..%s", lo, hi);
			h.kind = NK_RANGE;
			if (u)
				h.unit = u->norm;
			h.e = j2;
			if ((l = match_qual(x, j2, 0, &q)) != 0)
				h.e += l;
			h.qual = q;
			find_subject(x, &h, h.b, u && u->kind == NK_COUNT);
			emit_hit(em, &h);
			*ip = h.e;
			return;
		}
	}
	/* two neighbouring digits: 两三个 一两个 五六个 三四十万 */
	if (t.chinese && t.e - t.b >= 2 && cn_is_digit(x->cp[t.b]) &&
	    cn_is_digit(x->cp[t.b + 1]) && !ordinal &&
	    cn_numeral(x->cp[t.b]) > 0 &&
	    cn_numeral(x->cp[t.b + 1]) == cn_numeral(x->cp[t.b]) + 1 &&
	    (t.e - t.b == 2 || cn_is_unit(x->cp[t.b + 2]))) {
		uint32_t buf[72];
		size_t k = 0, r;
		struct num lo, hi;
		char a[NUM_MAXDIGITS + 48], b[NUM_MAXDIGITS + 48];

		buf[k++] = x->cp[t.b];
		for (r = t.b + 2; r < t.e && k < 70; r++)
			buf[k++] = x->cp[r];
		if (cn_parse(buf, k, &lo) == 0) {
			buf[0] = x->cp[t.b + 1];
			if (cn_parse(buf, k, &hi) == 0) {
				u = read_unit(x, j, &l);
				if (u) {
					j += l;
					h.unit = u->norm;
				}
				fmt(&lo, a, sizeof a);
				fmt(&hi, b, sizeof b);
				snprintf(h.value, sizeof h.value, "%s..%s", a, b);
				h.kind = NK_RANGE;
				h.e = j;
				h.qual = q;
				find_subject(x, &h, h.b, u && u->kind == NK_COUNT);
				emit_hit(em, &h);
				*ip = j;
				return;
			}
		}
	}
	/* 3:2 */
	if (!t.chinese && (cpat(x, j) == ':' || cpat(x, j) == 0xFF1A) &&
	    read_number(x, j + 1, &t2) == 0 && !t2.chinese) {
		emit_fraction(em, &h, &t.v, &t2.v, t2.e, ip);
		return;
	}
	/* the unit */
	u = read_unit(x, j, &l);
	if (u && l == 1 && u->kind == NK_COUNT && cpat(x, j + 1) == x->cp[j] &&
	    t.chinese) {
		*ip = j + 2;	/* 一场场 一次次: no count */
		return;
	}
	if (u && unit_scale(u) < 0 && (unit_scale(u) == -2 || t.chinese) &&
	    !strchr_cp("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", x->cp[t.e - 1]))
		u = NULL;	/* 三角 is a triangle, 5分 a score; 叁角 3角 壹分 money */
	if (u && strcmp(u->s, "个") == 0 && at(x, j + 1, "半")) {
		const struct unit *u2;
		size_t l2;

		/* 一个半小时 两个半月 = 1.5 hours, 2.5 months */
		if ((u2 = read_unit(x, j + 2, &l2)) != NULL || at(x, j + 2, "月")) {
			struct num half;

			num_digit(&half, 5, -1);
			num_add(&t.v, &half);
			if (u2 == NULL) {
				static const struct unit month = { "月", "月", NK_MEASURE };

				u2 = &month;
				l2 = 1;
			}
			u = u2;
			j += 2;
			l = l2;
		}
	}
	if (u) {
		j += l;
		if (unit_scale(u))
			num_shift(&t.v, unit_scale(u));
		if (u->kind == NK_MONEY && unit_scale(u) == 0 &&
		    strcmp(u->norm, "元") == 0) {
			/* 壹拾壹元壹角壹分, 壹元零壹分, 伍仟元整 */
			struct numtok t3;
			size_t k;

			if (read_number(x, j, &t3) == 0 && (k = at(x, t3.e, "角"))) {
				num_shift(&t3.v, -1);
				num_add(&t.v, &t3.v);
				j = t3.e + k;
			}
			if (read_number(x, j, &t3) == 0 && (k = at(x, t3.e, "分"))) {
				num_shift(&t3.v, -2);
				num_add(&t.v, &t3.v);
				j = t3.e + k;
			}
			if (at(x, j, "整"))
				j++;
		}
		if (h.kind != NK_MONEY || !*h.unit)
			h.unit = u->norm;
		if (h.kind != NK_MONEY)
			h.kind = u->kind;
		counted = u->kind == NK_COUNT;
	} else if (at(x, j, "年") && !t.hasfrac) {
		j += 1;
		h.unit = "年";
		h.kind = NK_MEASURE;
	} else if (h.kind != NK_MONEY && !t.chinese && !t.hasfrac &&
	    t.e - t.b == 4 && num_small(&t.v) >= 1900 && num_small(&t.v) <= 2100 &&
	    uc_is_han(cpat(x, j)) && q == 0 && !ordinal) {
		h.kind = NK_YEAR;	/* 2024科创大会 2026世界人形机器人运动会 */
	} else if (h.kind != NK_MONEY) {
		h.kind = NK_COUNT;
		/* 二十大 十九大: the ordinal of a party congress */
		if (t.chinese && at(x, j, "大") && num_small(&t.v) >= 11 &&
		    num_small(&t.v) <= 30) {
			h.kind = NK_ORDINAL;
			h.unit = "大";
			j += 1;
		} else if (t.chinese && !ordinal && t.e - t.b == 1 &&
		    cn_is_digit(x->cp[t.b]) && q == 0 && ((h.b > 0 &&
		    uc_is_han(x->cp[h.b - 1])) || uc_is_han(cpat(x, t.e)))) {
			*ip = t.e;	/* a lone 一 二 三 with no unit */
			return;
		}
	}
	if (ordinal) {
		size_t k;

		h.kind = NK_ORDINAL;
		if (ordinal == 1 && x->cp[h.b] == 0x7B2C)
			for (k = 0; k < sizeof ordinal_titles / sizeof *ordinal_titles; k++)
				if (at(x, t.e, ordinal_titles[k])) {
					h.kind = NK_NAME;
					j = t.e + at(x, t.e, ordinal_titles[k]);
					break;
				}
		counted = 0;
	}
	/* 5%—10%, 3万元至5万元: a range whose ends both carry the unit */
	if (u && !ordinal && h.kind != NK_ORDINAL && is_range_sep(cpat(x, j)) &&
	    read_number(x, j + 1, &t2) == 0 && t2.chinese == t.chinese) {
		size_t j2 = t2.e, l2;
		int p = t2.chinese ? 0 : read_multiplier(x, j2, &l2);
		const struct unit *u2;

		if (p) {
			num_shift(&t2.v, p);
			j2 += l2;
		}
		if ((u2 = read_unit(x, j2, &l2)) != NULL && u2 == u) {
			char lo[NUM_MAXDIGITS + 48], hi[NUM_MAXDIGITS + 48];

			fmt(&t.v, lo, sizeof lo);
			fmt(&t2.v, hi, sizeof hi);
			snprintf(h.value, sizeof h.value, "%s..%s", lo, hi);
			h.kind = NK_RANGE;
			h.e = j2 + l2;
			if ((l = match_qual(x, h.e, 0, &q)) != 0)
				h.e += l;
			h.qual = q;
			find_subject(x, &h, h.b, counted);
			emit_hit(em, &h);
			*ip = h.e;
			return;
		}
	}
	if ((l = match_qual(x, j, 0, &q)) != 0)
		j += l;
	h.e = j;
	h.qual = q;
	set_value(&h, &t.v);
	if (h.kind != NK_NAME && h.kind != NK_ORDINAL)
		find_subject(x, &h, h.b, counted);
	emit_hit(em, &h);
	*ip = j > *ip ? j : *ip + 1;
}

static int
may_start(uint32_t c)
{
	return ar_digit(c) >= 0 || cn_numeral(c) >= 0 || c == 0x7B2C ||
	    c == 0x524D || c == 0x4E4B || c == 0x51E0 || c == 0x8D1F ||
	    c == 0x8CA0 || c == 0x534A;		/* 第前之几负負半 */
}

void
nx_scan(struct numex *nx, const char *s, size_t n,
    void (*fn)(void *, const struct nx_hit *), void *arg)
{
	struct emit em = { nx, fn, arg };
	size_t i = 0, m = utf8_count(s, n), from, b, e;

	if (n >= UINT32_MAX)
		die(EXIT_TROUBLE, "a line of %zu bytes is longer than 4 GB", n);
	/* 9 bytes per code point of the longest line, and no more */
	if (m + 1 > nx->cap) {
		nx->cap = m + 1 + m / 4;
		nx->cp = xrealloc(nx->cp, nx->cap * sizeof *nx->cp);
		nx->off = xrealloc(nx->off, nx->cap * sizeof *nx->off);
		nx->mark = xrealloc(nx->mark, nx->cap);
	}
	nx->s = s;
	nx->n = n;
	m = 0;
	while (i < n) {
		nx->off[m] = (uint32_t)i;
		nx->cp[m++] = utf8_next(s, n, &i);
	}
	nx->off[m] = (uint32_t)n;
	nx->cp[m] = 0;
	nx->m = m;
	memset(nx->mark, 0, m + 1);
	/* URLs and e-mail addresses hold no quantities */
	if (memchr(s, '/', n) || memchr(s, '@', n) || memmem(s, n, "www.", 4))
		for (from = 0; from < n &&
		    rx_find(&nx->url, s, n, from, 0, &b, &e) && e > b; from = e)
			memset(nx->mark + cp_of(nx, b), M_URL,
			    cp_of(nx, e) - cp_of(nx, b));
	/* short quotations: slogans (“两学一做” “3820”) */
	for (i = 0; i < m; i++) {
		size_t k;

		if (nx->cp[i] != 0x201C && nx->cp[i] != 0x300C)
			continue;
		for (k = i + 1; k < m && k - i <= 12 && nx->cp[k] != 0x201D &&
		    nx->cp[k] != 0x300D; k++)
			;
		if (k < m && k - i <= 12 && k > i + 1)
			memset(nx->mark + i + 1, M_QUOTE, k - i - 1);
	}
	for (i = 0; i < m;) {
		/* a minus sign starts a number unless it joins two (80-180) */
		int minus = (nx->cp[i] == '-' || nx->cp[i] == 0xFF0D ||
		    nx->cp[i] == 0x2212) && (ar_digit(nx->cp[i + 1]) >= 0 ||
		    (i == 0 && nx->cp[1] == ' ' && ar_digit(nx->cp[2]) >= 0)) &&
		    (i == 0 || (ar_digit(nx->cp[i - 1]) < 0 &&
		    !is_ascii_alpha(nx->cp[i - 1]) && !is_fw_alpha(nx->cp[i - 1])));

		int dot = (nx->cp[i] == '.' || nx->cp[i] == 0xFF0E) &&
		    ar_digit(nx->cp[i + 1]) >= 0 && (i == 0 ||
		    uc_is_space(nx->cp[i - 1]) || uc_is_han(nx->cp[i - 1]));

		if (dot && nx->mark[i] != M_URL) {
			struct numtok t;
			struct nx_hit h;
			size_t e = digits_end(nx, i + 1);

			/* .77 = 0.77: the digits after the point, scaled */
			memset(&h, 0, sizeof h);
			if (e - i - 1 <= 30 && read_number(nx, i + 1, &t) == 0 &&
			    t.e == e && !t.hasfrac && !is_ascii_alpha(cpat(nx, e))) {
				num_shift(&t.v, -(int)(e - i - 1));
				h.b = i;
				h.e = e;
				h.kind = NK_COUNT;
				set_value(&h, &t.v);
				emit_hit(&em, &h);
				i = e;
				continue;
			}
		}
		if (nx->mark[i] == M_URL || (!minus && !may_start(nx->cp[i]))) {
			i++;
			continue;
		}
		scan_from(&em, &i);
	}
}
