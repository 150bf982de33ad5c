/* lineshape.c - features of an article's lines, and the boosted trees
 * that score them (see lineshape.h) */
#include "lineshape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "prebuilt.h"
#include "regex.h"
#include "rows.h"
#include "trie.h"
#include "utf8.h"

/* the rows of the word list whose word is at most 4 bytes long (made at
 * build time from data/words.tsv) */
extern const char zh_charwords_data[];
extern const unsigned long zh_charwords_size;

#define LS_NAME(n) #n,
const char *const ls_feature_names[LS_NFEAT] = { LS_FEATURES(LS_NAME) };
#undef LS_NAME

const char *const ls_rule_names[] = {
	"copyright", "reprint", "dateline", "editor", "dateline-byline",
	"byline", "comments", "menu", "related", "dated-list", "channel", "icp",
	"contact", NULL
};

_Static_assert(sizeof ls_rule_names / sizeof *ls_rule_names ==
    LS_r_contact - LS_r_copyright + 2, "a feature for each rule bit");

int
ls_rule_bit(const char *name)
{
	int k;

	for (k = 0; ls_rule_names[k]; k++)
		if (strcmp(ls_rule_names[k], name) == 0)
			return k;
	return -1;
}

/* Function words: single characters of the word list whose part of
 * speech is a function class, among the frequent ones. */
#define FUNC_MIN_FREQ 30000
#define FUNC_POS "upcdr"

enum { RX_DATE, RX_TIME, RX_DATEONLY, RX_ENDDATE, RX_NUMITEM, RX_COUNT,
	RX_N };

/* over the shape of a line (see shape_of) */
static const char *const patterns[RX_N] = {
	"9{4}[-./Y]9{1,2}[-./M]9{1,2}|(?<!9)9{1,2}[-/]9{1,2}(?![-/]?9)|9{1,2}M9{1,2}D",
	"(?<!9)9{1,2}:9{2}",
	("^[ \\[\\]()]*(9{2,4}[-./Y])?9{1,2}[-./M]9{1,2}D?( *9{1,2}:9{2}(:9{2})?)?[ \\])]*$"
	    "|^ *9{1,2}:9{2}(:9{2})? *$"),
	"(9{4}[-./Y]9{1,2}[-./M]9{1,2}D?|9{1,2}[-/]9{1,2}|9{1,2}:9{2}(:9{2})?)[ \\])]*$",
	"^ *\\(?9{1,2}[~.)]",
	"\\(9+\\) *$",
};

#define HAN0 0x4E00
#define HAN1 0xA000

/* Words of a site's chrome, the same on most sites: sign-in, navigation,
 * sharing, lists of other pages, notices. Their density is a feature;
 * any one of them is common in prose too. Each begins with a Han
 * character. */
static const char *const chrome_words[] = {
	"登录", "登入", "注册", "退出", "首页", "返回", "顶部", "更多", "点击",
	"阅读全文", "全文", "展开", "收起", "分享", "收藏", "点赞", "评论",
	"跟帖", "回复", "举报", "打印", "关闭", "字号", "上一篇", "下一篇",
	"上一页", "下一页", "相关", "推荐", "热门", "热点", "排行", "最新",
	"猜你喜欢", "延伸阅读", "扫码", "扫一扫", "二维码", "关注", "微信",
	"微博", "客户端", "下载", "订阅", "广告", "版权", "声明", "免责",
	"隐私", "条款", "协议", "联系我们", "关于我们", "网站地图", "帮助",
	"反馈", "投稿", "招聘", "频道", "栏目", "专题", "标签", "搜索", "客服",
	"热线", "备案", "许可证", "手机版", "设为首页", "友情链接", "视频",
	"图片", "直播", "快讯", "滚动", "要闻", "导航", "会员", "账号", "密码",
	"验证码", "提交", "取消", "网友", "粉丝", "浏览", "阅读", "查看",
	"本站", "本网", "官方", "网站", "主页", "专栏", "话题", "留言",
	"公告", "通知", "问答", "社区", "论坛", "博客", "商城", "在线",
	"頁", "登錄", "註冊", "閱讀", "廣告", "熱門", "推薦", "相關", "更多",
	"評論", "分享", "私隱", "條款", "關於", "聯絡", "網站",
	NULL
};

_Static_assert(LS_HANBYTES == (HAN1 - HAN0) / 8, "prebuilt.h's bitmaps");

#define HF_FUNC 1
#define HF_CHROME 2
#define HF_SPECIAL 4

#define CWIX_BITS 9
#define CWIX_SIZE (1 << CWIX_BITS)

/* What scan_line reads of a character outside the runs of Han: its
 * shape (shape_of) and CP_ bits. */
struct cpinfo {
	char shape;
	unsigned char fl;
};
#define CP_CLAUSE 1		/* is_clause */
#define CP_SEP 2		/* is_sep */
#define CP_CODE 4		/* is_code */
#define CP_LASTEND 8		/* ends a sentence inside a line */
#define CP_HAN 16		/* a shape of a Han character */

struct lineshape {
	struct ls_words wd;	/* a copy: its arrays are the caller's */
	/* the cpinfo of U+0000..FFFF, 256 at a time, made when first met */
	struct cpinfo *cpb[256];
	/* U+4E00..9FFF: HF_FUNC, HF_CHROME (begins a chrome word), HF_SPECIAL
	 * (a shape of its own, or a relative time's) */
	unsigned char hanfl[HAN1 - HAN0];
	struct regex rx[RX_N];
	/* where each first character's chrome words begin in wd.cw: open
	 * addressing on the character (0: an empty slot) */
	struct cwslot {
		uint32_t c, lo;
	} cwix[CWIX_SIZE];
	struct buf shape;
	/* per line scratch */
	struct lsl {
		unsigned n, lb;
		int ends, sent, shortl, prose, dateonly, enddate, endclause;
		int key, code;
		uint64_t label;	/* a hash of the short label before a colon, or 0 */
		float han, func, loglen, boil;
		/* wfast: its words (line_words) are the nw in hw from w0 on */
		size_t w0, nw;
		int wfast;
	} *l;
	unsigned char *flag;
	size_t cap;
	uint64_t *hv;
	size_t hcap;
	size_t *ht;		/* exact_repeats' table */
	size_t htcap;
	/* the features the model reads (NULL: all are wanted) */
	const unsigned char *uses;
	/* ls_article's */
	struct ls_line *ln;
	size_t *first;
	float *fv;
	double *score;
	size_t *which;		/* the lines to score */
	unsigned char *boiler;
	unsigned char *code;	/* each line: in a block of code */
	unsigned char *need;	/* the lines the model scores */
	size_t acap;
	struct ls_rec *rec;	/* ls_recs() */
	size_t rcap;
	struct buf text;
	/* cohesion(): the bits of the sentence lines' words, each line's
	 * share */
	uint64_t *bits;
	size_t tcap;
	float *coh;
	size_t toffcap;
	/* the words of pairs of Han characters that scan_line() saw, hashed
	 * (word_mix()), for cohesion() */
	uint32_t *hw;
	size_t nhw, hwcap;
};

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* ---- writing tables as C (prebuilt.h) ---- */

/* A float or a double exactly: in hexadecimal, infinities and NaN by
 * the names of <math.h>. */
static void
emit_real(FILE *f, double v, const char *suffix)
{
	if (isnan(v))
		fprintf(f, "%sNAN", signbit(v) ? "-" : "");
	else if (isinf(v))
		fprintf(f, "%sINFINITY", v < 0 ? "-" : "");
	else
		fprintf(f, "%a%s", v, suffix);
}

/* The array name_what of n numbers; none when n is 0 (see emit_ref). */
static void
emit_i32s(FILE *f, const char *name, const char *what, const int32_t *v,
    size_t n)
{
	size_t i;

	if (n == 0)
		return;
	fprintf(f, "static const int32_t %s_%s[%zu] = {\n", name, what, n);
	for (i = 0; i < n; i++)
		fprintf(f, "%ld,%s", (long)v[i], i % 12 == 11 || i + 1 == n ?
		    "\n" : " ");
	fprintf(f, "};\n");
}

static void
emit_ref(FILE *f, const char *field, const char *name, const char *what,
    size_t n)
{
	if (n)
		fprintf(f, "\t.%s = %s_%s,\n", field, name, what);
	else
		fprintf(f, "\t.%s = NULL,\n", field);
}

static void
load_function_words(struct ls_words *wd)
{
	/* word<TAB>frequency<TAB>part of speech lines: only those whose word
	 * is one character are looked at (the others are skipped at a glance,
	 * the list being long) */
	const char *p = zh_charwords_data, *end = p + zh_charwords_size;
	size_t cap = 0, n = 0;
	uint32_t *func = NULL;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p)), *q, *pos;
		size_t i = 0, wl;
		uint32_t c;
		long fr;

		if (nl == NULL)
			nl = end;
		q = memchr(p, '\t', (size_t)(nl - p));
		wl = q ? (size_t)(q - p) : 0;
		if (q == NULL || wl == 0 || wl > 4 || *p == '#' ||
		    !utf8_clean(p, wl)) {
			p = nl + 1;
			continue;
		}
		c = utf8_next(p, wl, &i);
		fr = strtol(q + 1, (char **)&pos, 10);
		if (i != wl || fr < FUNC_MIN_FREQ || pos >= nl || *pos != '\t' ||
		    pos + 1 >= nl || !strchr(FUNC_POS, pos[1])) {
			p = nl + 1;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			func = xrealloc(func, cap * sizeof *func);
		}
		func[n++] = c;
		p = nl + 1;
	}
	qsort(func, n, sizeof *func, cmp_u32);
	for (cap = 0; cap < n; cap++)
		if (func[cap] >= HAN0 && func[cap] < HAN1)
			wd->funcbit[(func[cap] - HAN0) >> 3] |=
			    (unsigned char)(1 << ((func[cap] - HAN0) & 7));
	wd->func = func;
	wd->nfunc = n;
}

static int
cmp_cword(const void *a, const void *b)
{
	const struct ls_cword *x = a, *y = b;

	if (x->first != y->first)
		return (x->first > y->first) - (x->first < y->first);
	return (x->len < y->len) - (x->len > y->len);	/* longer first */
}

static void
load_chrome_words(struct ls_words *wd)
{
	size_t k, n, ncw = 0;
	struct ls_cword *cw;

	for (n = 0; chrome_words[n]; n++)
		;
	cw = xcalloc(n ? n : 1, sizeof *cw);
	for (k = 0; k < n; k++) {
		size_t i = 0;
		struct ls_cword *w = &cw[ncw];

		w->w = chrome_words[k];
		w->len = strlen(w->w);
		w->first = utf8_next(w->w, w->len, &i);
		w->chars = utf8_count(w->w, w->len);
		if (w->first < HAN0 || w->first >= HAN1)
			continue;	/* not a Han character first: never tried */
		wd->chromebit[(w->first - HAN0) >> 3] |=
		    (unsigned char)(1 << ((w->first - HAN0) & 7));
		ncw++;
	}
	qsort(cw, ncw, sizeof *cw, cmp_cword);
	wd->cw = cw;
	wd->ncw = ncw;
}

void
ls_words_build(struct ls_words *wd)
{
	memset(wd, 0, sizeof *wd);
	load_function_words(wd);
	load_chrome_words(wd);
}

void
ls_words_free(struct ls_words *wd)
{
	free((void *)wd->func);
	free((void *)wd->cw);
	memset(wd, 0, sizeof *wd);
}

/* .field = { the n bytes }, */
static void
emit_bytes(FILE *f, const char *field, const unsigned char *b, size_t n)
{
	size_t i;

	fprintf(f, "\t.%s = {", field);
	for (i = 0; i < n; i++)
		fprintf(f, "%s%u,", i % 20 == 0 ? "\n\t" : " ", b[i]);
	fprintf(f, "\n\t},\n");
}

void
ls_words_emit(const struct ls_words *wd, FILE *f, const char *name)
{
	size_t i;

	if (wd->nfunc) {
		fprintf(f, "static const uint32_t %s_func[%zu] = {\n", name,
		    wd->nfunc);
		for (i = 0; i < wd->nfunc; i++)
			fprintf(f, "0x%lx,%s", (unsigned long)wd->func[i],
			    i % 8 == 7 || i + 1 == wd->nfunc ? "\n" : " ");
		fprintf(f, "};\n");
	}
	if (wd->ncw) {
		fprintf(f, "static const struct ls_cword %s_cw[%zu] = {\n", name,
		    wd->ncw);
		for (i = 0; i < wd->ncw; i++) {
			fprintf(f, "{ 0x%lx, ", (unsigned long)wd->cw[i].first);
			emit_cstring(f, wd->cw[i].w, wd->cw[i].len);
			fprintf(f, ", %zu, %zu },\n", wd->cw[i].len, wd->cw[i].chars);
		}
		fprintf(f, "};\n");
	}
	fprintf(f, "const struct ls_words %s = {\n", name);
	emit_ref(f, "func", name, "func", wd->nfunc);
	fprintf(f, "\t.nfunc = %zu,\n", wd->nfunc);
	emit_bytes(f, "funcbit", wd->funcbit, sizeof wd->funcbit);
	emit_bytes(f, "chromebit", wd->chromebit, sizeof wd->chromebit);
	emit_ref(f, "cw", name, "cw", wd->ncw);
	fprintf(f, "\t.ncw = %zu,\n};\n", wd->ncw);
}

int
ls_words_same(const struct ls_words *a, const struct ls_words *b)
{
	size_t i;

	if (a->nfunc != b->nfunc || a->ncw != b->ncw ||
	    (a->nfunc && memcmp(a->func, b->func, a->nfunc * sizeof *a->func)) ||
	    memcmp(a->funcbit, b->funcbit, sizeof a->funcbit) != 0 ||
	    memcmp(a->chromebit, b->chromebit, sizeof a->chromebit) != 0)
		return 0;
	for (i = 0; i < a->ncw; i++)
		if (a->cw[i].first != b->cw[i].first ||
		    a->cw[i].len != b->cw[i].len ||
		    a->cw[i].chars != b->cw[i].chars ||
		    memcmp(a->cw[i].w, b->cw[i].w, a->cw[i].len) != 0)
			return 0;
	return 1;
}

static size_t
cwix_slot(uint32_t c)
{
	return (size_t)((c * 0x9E3779B1u) >> (32 - CWIX_BITS));
}

/* The index of the chrome words by their first character (ls->cwix);
 * the words are sorted by it. -1 if they do not fit. */
static int
cwix_build(struct lineshape *ls)
{
	size_t k, nfirst = 0;

	memset(ls->cwix, 0, sizeof ls->cwix);
	for (k = 0; k < ls->wd.ncw; k++) {
		uint32_t c = ls->wd.cw[k].first;
		size_t i;

		if (k > 0 && ls->wd.cw[k - 1].first == c)
			continue;
		if (c == 0 || ++nfirst > CWIX_SIZE / 2)
			return -1;
		for (i = cwix_slot(c); ls->cwix[i].c; i = (i + 1) & (CWIX_SIZE - 1))
			;
		ls->cwix[i].c = c;
		ls->cwix[i].lo = (uint32_t)k;
	}
	return 0;
}

/* The longest chrome word at s[0..n), which begins with Han character
 * c; its length in characters, or 0. */
static size_t
chrome_at(const struct lineshape *ls, uint32_t c, const char *s, size_t n)
{
	size_t lo, i;

	for (i = cwix_slot(c); ls->cwix[i].c != c; i = (i + 1) & (CWIX_SIZE - 1))
		if (ls->cwix[i].c == 0)
			return 0;	/* no word begins with c */
	for (lo = ls->cwix[i].lo; lo < ls->wd.ncw && ls->wd.cw[lo].first == c;
	    lo++) {
		const struct ls_cword *w = &ls->wd.cw[lo];

		/* the last byte first: most words that begin with c are
		 * not there, and their first character is */
		if (w->len <= n && s[w->len - 1] == w->w[w->len - 1] &&
		    memcmp(s, w->w, w->len) == 0)
			return w->chars;
	}
	return 0;
}

static int is_clause(uint32_t c);
static int is_sep(uint32_t c);
static int is_code(uint32_t c);

/* The Han characters that scan_line looks at one by one: 年月日时分秒 (a
 * shape of their own) and 前昨刚剛 (a relative time). */
static const uint32_t han_special[] = {
	0x5E74, 0x6708, 0x65E5, 0x65F6, 0x5206, 0x79D2,
	0x524D, 0x6628, 0x521A, 0x525B, 0
};

static void log1p_fill(void);

struct lineshape *
ls_open(const struct ls_words *wd)
{
	struct lineshape *ls = xcalloc(1, sizeof *ls);
	int k;

	ls->wd = *wd;
	log1p_fill();
	for (k = 0; k < HAN1 - HAN0; k++) {
		int func = ls->wd.funcbit[k >> 3] >> (k & 7) & 1;
		int chrome = ls->wd.chromebit[k >> 3] >> (k & 7) & 1;

		ls->hanfl[k] = (unsigned char)(func * HF_FUNC | chrome * HF_CHROME);
	}
	for (k = 0; han_special[k]; k++)
		ls->hanfl[han_special[k] - HAN0] |= HF_SPECIAL;
	if (cwix_build(ls) < 0)
		die(EXIT_TROUBLE, "lineshape: too many chrome words to index");
	for (k = 0; k < RX_N; k++)
		rx_builtin(&ls->rx[k], patterns[k], 0);
	return ls;
}

void
ls_free(struct lineshape *ls)
{
	int k;

	if (ls == NULL)
		return;
	for (k = 0; k < RX_N; k++)
		rx_free(&ls->rx[k]);
	for (k = 0; k < 256; k++)
		free(ls->cpb[k]);
	buf_free(&ls->shape);
	free(ls->l);
	free(ls->flag);
	free(ls->hv);
	free(ls->ht);
	free(ls->ln);
	free(ls->first);
	free(ls->fv);
	free(ls->score);
	free(ls->which);
	free(ls->boiler);
	free(ls->code);
	free(ls->need);
	free(ls->rec);
	buf_free(&ls->text);
	free(ls->bits);
	free(ls->coh);
	free(ls->hw);
	free(ls);
}

static int
is_func(const struct lineshape *ls, uint32_t c)
{
	if (c >= HAN0 && c < HAN1)
		return ls->wd.funcbit[(c - HAN0) >> 3] >> ((c - HAN0) & 7) & 1;
	return bsearch(&c, ls->wd.func, ls->wd.nfunc, sizeof c, cmp_u32) != NULL;
}

/* log1p of small counts, from a table that ls_open() fills (so that
 * the threads that share it only read it) */
static double log1p_t[1024];
static int log1p_ready;

static void
log1p_fill(void)
{
	size_t i;

	if (log1p_ready)
		return;
	for (i = 0; i < 1024; i++)
		log1p_t[i] = log1p((double)i);
	log1p_ready = 1;
}

static double
log1p_n(size_t n)
{
	return n < 1024 ? log1p_t[n] : log1p((double)n);
}

/* One ASCII byte for a code point: H Han, 9 digit, a Latin letter, ' '
 * space; Y M D T N S for 年月日时分秒; full-width ASCII as ASCII; a few
 * CJK marks as their ASCII look-alikes; '?' for the rest. */
static char
shape_of(uint32_t c)
{
	switch (c) {
	case 0x5E74: return 'Y';
	case 0x6708: return 'M';
	case 0x65E5: return 'D';
	case 0x65F6: return 'T';
	case 0x5206: return 'N';
	case 0x79D2: return 'S';
	case 0x3001: return '~';	/* 、 */
	case 0x3002: return '.';	/* 。 */
	case 0x3010: return '[';	/* 【 */
	case 0x3011: return ']';	/* 】 */
	case 0x300A: return '<';	/* 《 */
	case 0x300B: return '>';	/* 》 */
	case 0x00B7: case 0x2022: case 0x30FB: return '*';
	case 0x201C: case 0x201D: return '"';
	case 0x2018: case 0x2019: return '\'';
	}
	if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
		return '9';
	if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	    (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
		return 'a';
	if (uc_is_han(c))
		return 'H';
	if (uc_is_space(c))
		return ' ';
	if (c >= 0xFF01 && c <= 0xFF5E)
		return (char)(c - 0xFEE0);
	if (c < 0x80)
		return (char)c;
	return '?';
}

static int
is_sep(uint32_t c)
{
	switch (c) {
	case '|': case 0xFF5C: case 0x00B7: case 0x2022: case '>': case 0xFF1E:
	case 0x00BB: case 0x203A: case '/': case 0x300B: case 0x300A: case '_':
	case '-': case 0x2014:
		return 1;
	}
	return 0;
}

static int
is_clause(uint32_t c)
{
	return c == 0xFF0C || c == 0x3001 || c == ',' || c == 0xFF1A || c == ':';
}

static int
is_code(uint32_t c)
{
	return c < 0x80 && c && strchr("=${}\\;()<>[]\"'_*&%+~^`", (int)c);
}

static int
is_closer(uint32_t c)
{
	switch (c) {
	case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09:
	case ')': case '"': case ' ': case 0x3000:
		return 1;
	}
	return 0;
}

static int
is_end(uint32_t c)
{
	switch (c) {
	case 0x3002: case 0xFF01: case 0xFF1F: case '!': case '?':
	case 0x2026: case 0xFF1B: case ';': case '.':
		return 1;
	}
	return 0;
}

static struct cpinfo
cp_info(uint32_t c)
{
	struct cpinfo e;

	e.shape = shape_of(c);
	e.fl = (unsigned char)(is_clause(c) * CP_CLAUSE | is_sep(c) * CP_SEP |
	    is_code(c) * CP_CODE);
	if (is_end(c) && c != '.' && c != ';' && c != 0xFF1B && c != 0x2026)
		e.fl |= CP_LASTEND;
	if (e.shape && strchr("HYMDTNS", e.shape))
		e.fl |= CP_HAN;
	return e;
}

/* The cpinfo of c. */
static inline struct cpinfo
cp_at(struct lineshape *ls, uint32_t c)
{
	struct cpinfo *b;

	if (c > 0xFFFF)
		return cp_info(c);
	if ((b = ls->cpb[c >> 8]) == NULL) {
		uint32_t k;

		b = ls->cpb[c >> 8] = xmalloc(256 * sizeof *b);
		for (k = 0; k < 256; k++)
			b[k] = cp_info((c & ~0xFFu) | k);
	}
	return b[c & 0xFF];
}

static int
match(struct lineshape *ls, int k)
{
	size_t b, e;

	return rx_find(&ls->rx[k], ls->shape.p, ls->shape.len, 0, 0, &b, &e);
}

/* Is byte c, not NUL, one of set? */
static int
in_set(char c, const char *set)
{
	return c != '\0' && strchr(set, c) != NULL;
}

/* Does the shape have a digit followed by one of set? Every date of
 * RX_DATE does: 9{4}[-./Y], 9{1,2}[-/], 9{1,2}M. */
static int
digit_then(const struct lineshape *ls, const char *set)
{
	const char *s = ls->shape.p;
	size_t j;

	for (j = 0; j + 1 < ls->shape.len; j++)
		if (s[j] == '9' && in_set(s[j + 1], set))
			return 1;
	return 0;
}

/* The characters that begin a relative time, as bits of struct scan's
 * rel: 前 昨 刚 剛 */
#define REL_QIAN 1
#define REL_ZUO 2
#define REL_GANG 4
#define REL_GANG_T 8

/* 3分钟前, 7 小時前, 昨天, 刚刚: a relative time. rel says which of its
 * first characters the line has (scan_line saw every character), dig
 * whether it has a digit: the other words cannot be there. */
static int
reltime(const char *s, size_t n, int rel, unsigned dig)
{
	static const struct {
		const char *w;
		int bit;
	} words[] = { { "昨天", REL_ZUO }, { "昨日", REL_ZUO },
		{ "前天", REL_QIAN }, { "前日", REL_QIAN },
		{ "刚刚", REL_GANG }, { "剛剛", REL_GANG_T }, { NULL, 0 } };
	static const char *const units[] = { "秒", "分钟", "分鐘", "小时",
		"小時", "天", "日", NULL };
	const char *p = s, *end = s + n, *q;
	int k;

	for (k = 0; words[k].w; k++)
		if ((rel & words[k].bit) &&
		    memmem(s, n, words[k].w, strlen(words[k].w)))
			return 1;
	if (!(rel & REL_QIAN) || dig == 0)
		return 0;	/* no 前, or no digit before a unit */
	while ((q = memmem(p, (size_t)(end - p), "前", 3)) != NULL) {
		for (k = 0; units[k]; k++) {
			size_t ul = strlen(units[k]);
			const char *u = q - ul;

			if (u < s || memcmp(u, units[k], ul) != 0)
				continue;
			while (u > s && (u[-1] == ' ' || u[-1] == '\t'))
				u--;
			if (u > s && ((u[-1] >= '0' && u[-1] <= '9') ||
			    (u - s >= 3 && (unsigned char)u[-3] == 0xEF &&
			    (unsigned char)u[-2] == 0xBC &&
			    (unsigned char)u[-1] >= 0x90 &&
			    (unsigned char)u[-1] <= 0x99)))
				return 1;
		}
		p = q + 3;
	}
	return 0;
}

static int
is_ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* a byte of a word of a program (and of line_words' Latin words) */
static int
is_word_byte(unsigned char c)
{
	return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '_';
}

int
ls_code_line(const char *text, size_t len, size_t han, size_t nonsp)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t b = 0, e = len, i;
	int latin = 0;

	while (b < e && (u[b] == ' ' || u[b] == '\t'))
		b++;
	while (e > b && (u[e - 1] == ' ' || u[e - 1] == '\t'))
		e--;
	if (b == e)
		return 0;
	/* a comment of a script or a program, in any language: #!, # , // */
	if (e - b >= 3 && ((u[b] == '#' && (u[b + 1] == '!' ||
	    u[b + 1] == ' ')) || (u[b] == '/' && u[b + 1] == '/' &&
	    u[b + 2] == ' ')))
		return 1;
	if (han * 10 >= nonsp * 3)
		return 0;
	for (i = b; i < e && !latin; i++)
		latin = is_ascii_letter(u[i]);
	if (!latin)
		return 0;
	/* a link alone is no program */
	if ((e - b >= 7 && memcmp(u + b, "http://", 7) == 0) ||
	    (e - b >= 8 && memcmp(u + b, "https://", 8) == 0) ||
	    (e - b >= 4 && memcmp(u + b, "www.", 4) == 0))
		return 0;
	if (u[e - 1] && strchr(";{}\\[(", u[e - 1]))
		return 1;
	/* an option, a comment */
	if (u[b] == '-' && b + 1 < e && (u[b + 1] == '-' ||
	    is_ascii_letter(u[b + 1])))
		return 1;
	if (u[b] == '#') {
		i = b + 1;
		if (i < e && u[i] == ' ')
			i++;
		if (i < e && u[i] >= 'a' && u[i] <= 'z')
			return 1;
	}
	for (i = b; i < e; i++)
		switch (u[i]) {
		case '=':
			return 1;
		case '$':
			/* $x ${x} $(x), not $1,000 */
			if (i + 1 < e && (is_ascii_letter(u[i + 1]) ||
			    u[i + 1] == '_' || u[i + 1] == '{' ||
			    u[i + 1] == '('))
				return 1;
			break;
		case '&': case '|': case ':':
			if (i + 1 < e && u[i + 1] == u[i])
				return 1;
			break;
		case '-':
			if (i + 1 < e && u[i + 1] == '>')
				return 1;
			break;
		case '(':
			if (i > b && is_word_byte(u[i - 1]))
				return 1;
			break;
		}
	/* words in lower case: a command and its arguments */
	if (u[b] >= 'a' && u[b] <= 'z' && memchr(u + b, ' ', e - b) &&
	    !memmem(u + b, e - b, "://", 3))
		return 1;
	return 0;
}

/* What one pass over a line's characters counts. */
struct scan {
	size_t nonsp;
	unsigned n, han, lat, dig, fn, clause, seps, code, inner, colons,
	    firstcolon, hashat, chrome, chromechars, cskip;
	size_t colonat;		/* the byte offset of the first colon */
	int hash;
	int rel;		/* REL_ bits: the first characters of a relative time */
	char shfirst, shlast, shlastd;
	uint32_t lastns, first;
	/* the words of pairs of Han characters: nhw in ls->hw from hw0 on;
	 * hanslow: a Han character was read outside the runs */
	size_t hw0, nhw;
	int hanslow;
};

/* At most this many words of Han pairs of an article are kept from its
 * scan (4 MB), so that a long article costs no more memory than its
 * text; the lines past it are read again for their words. */
#define HW_MAX ((size_t)1 << 20)

/* The 32 bits that place a word (a pair of Han characters or a hashed
 * Latin word) in cohesion()'s table, before the table's mask. */
static inline uint32_t
word_mix(uint32_t w)
{
	w *= 2654435761u;
	return w ^ (w >> 15);
}

/* Count the characters of a line and write its shape (ls->shape). The
 * counts every character moves are kept in locals; a Han character is
 * decoded in place and looked up once in ls->hanfl. */
static void
scan_line(struct lineshape *ls, const char *text, size_t len, struct scan *sc)
{
	const unsigned char *u = (const unsigned char *)text;
	const unsigned char *hanfl = ls->hanfl;
	size_t i = 0;
	int lastend = 0;
	char *sp, shfirst = 0, shlast = 0, shlastd = 0;
	unsigned n = 0, han = 0, fn = 0, inner = 0, cskip = 0;
	size_t nonsp = 0;
	uint32_t c, first = 0, lastns = 0, *hw, keep = ~0u;

	memset(sc, 0, sizeof *sc);
	ls->shape.len = 0;
	buf_reserve(&ls->shape, len + 1);
	sp = ls->shape.p;
	/* an article's words are kept up to HW_MAX; past that, a line's
	 * are not, and it is read again for them (sc->hanslow) */
	if (ls->nhw + len / 3 > HW_MAX) {
		keep = 0;
		sc->hanslow = 1;
	} else if (ls->nhw + len / 3 > ls->hwcap) {
		ls->hwcap = (ls->nhw + len / 3) * 2;
		if (ls->hwcap > HW_MAX)
			ls->hwcap = HW_MAX;
		ls->hw = xrealloc(ls->hw, ls->hwcap * sizeof *ls->hw);
	}
	hw = ls->hw + ls->nhw;
	while (i < len) {
		char sh;
		size_t at = i;
		struct cpinfo ci;

		/* a run of U+4E00..9FFF: E4 B8..BF xx to E9 xx xx (as
		 * utf8_next reads), the common case: Han characters, no
		 * punctuation; what is the same for each is counted once */
		if (utf8_at_han3(u, i, len)) {
			unsigned n0 = n;
			char *sp0 = sp;	/* one shape a character */

			if (n == 0)
				first = utf8_decode3(u + i);
			if (lastend)
				inner++;
			lastend = 0;
			sh = 'H';
			c = 0;
			do {
				unsigned fl;
				uint32_t pc = c & keep;

				at = i;
				c = utf8_decode3(u + i);
				i += 3;
				if (pc)	/* a word of two characters */
					*hw++ = word_mix((pc * 0x10001u) ^ c);
				fl = hanfl[c - HAN0];
				sh = 'H';
				if (fl & HF_SPECIAL)
					switch (c) {
					case 0x5E74: sh = 'Y'; break;
					case 0x6708: sh = 'M'; break;
					case 0x65E5: sh = 'D'; break;
					case 0x65F6: sh = 'T'; break;
					case 0x5206: sh = 'N'; break;
					case 0x79D2: sh = 'S'; break;
					case 0x524D: sc->rel |= REL_QIAN; break;
					case 0x6628: sc->rel |= REL_ZUO; break;
					case 0x521A: sc->rel |= REL_GANG; break;
					case 0x525B: sc->rel |= REL_GANG_T; break;
					}
				*sp++ = sh;
				if (cskip)
					cskip--;	/* inside a chrome word */
				else if (fl & HF_CHROME) {
					size_t w = chrome_at(ls, c, text + at,
					    len - at);

					if (w) {
						sc->chrome++;
						sc->chromechars += (unsigned)w;
						cskip = (unsigned)w - 1;
					}
				}
				fn += fl & HF_FUNC;
			} while (utf8_at_han3(u, i, len));
			n += (unsigned)(sp - sp0);
			if (!shfirst)
				shfirst = *sp0;
			shlast = shlastd = sh;
			nonsp += n - n0;
			han += n - n0;
			lastns = c;
			continue;
		}
		c = utf8_next(text, len, &i);
		ci = cp_at(ls, c);
		if (n == 0)
			first = c;
		if (c >= HAN0 && c < HAN1)
			sc->hanslow = 1;
		if (lastend)
			inner++;	/* 。！？!? before the last character */
		n++;
		cskip = 0;
		sh = ci.shape;
		lastend = ci.fl & CP_LASTEND;
		*sp++ = sh;
		if (sh == ':' && sc->colons++ == 0) {
			sc->firstcolon = n;		/* 1-based */
			sc->colonat = at;
		}
		if (sh == '#') {
			if (sc->hashat && n - sc->hashat - 1 >= 1 && n - sc->hashat - 1 <= 20)
				sc->hash = 1;
			sc->hashat = n;
		}
		if (sh == ' ')
			continue;
		if (!shfirst)
			shfirst = sh;
		shlast = sh;
		if (sh != ']' && sh != ')')
			shlastd = sh;
		nonsp++;
		lastns = c;
		if (ci.fl & CP_HAN) {
			han++;
			if (is_func(ls, c))
				fn++;
		} else if (sh == '9')
			sc->dig++;
		else if (sh == 'a')
			sc->lat++;
		sc->clause += ci.fl & CP_CLAUSE;
		sc->seps += ci.fl >> 1 & 1;
		sc->code += ci.fl >> 2 & 1;
	}
	ls->shape.len = (size_t)(sp - ls->shape.p);
	sc->n = n;
	sc->first = first;
	sc->inner = inner;
	sc->cskip = cskip;
	sc->shfirst = shfirst;
	sc->shlast = shlast;
	sc->shlastd = shlastd;
	sc->nonsp = nonsp;
	sc->lastns = lastns;
	sc->han = han;
	sc->fn = fn;
	sc->hw0 = ls->nhw;
	sc->nhw = (size_t)(hw - (ls->hw + ls->nhw));
	ls->nhw += sc->nhw;
}

/* the features of one line alone; fills its scratch too. With all 0,
 * only what the scratch and the other lines' features read (the line's
 * own features are not wanted): the scan, the patterns of the line's
 * key, the ellipsis and the evidence of the earlier decisions. */
static void
line_features(struct lineshape *ls, const struct ls_line *in, float *f,
    struct lsl *l, int all)
{
	struct scan sc;
	uint32_t c;
	static const unsigned bucket[] = { 1, 3, 6, 10, 20, 40, 80 };
	unsigned k;
	int ends = 0, ellipsis = 0;

	scan_line(ls, in->text, in->len, &sc);
	/* ends like a sentence: the last character before closers */
	{
		size_t j = in->len;

		while (j > 0) {
			size_t b = j - 1, t;

			while (b > 0 && ((unsigned char)in->text[b] & 0xC0) == 0x80)
				b--;
			t = b;
			c = utf8_next(in->text, in->len, &t);
			if (is_closer(c)) {
				j = b;
				continue;
			}
			ends = is_end(c);
			/* … ... 。。。: a teaser cut short */
			ellipsis = c == 0x2026 || (b >= 2 && c == '.' &&
			    in->text[b - 1] == '.' && in->text[b - 2] == '.') ||
			    (b >= 6 && c == 0x3002 &&
			    memcmp(in->text + b - 6, "\xe3\x80\x82\xe3\x80\x82", 6) == 0);
			break;
		}
	}
	f[LS_ellipsis] = ellipsis;	/* feed_features reads every line's */
	if (all) {
		f[LS_chrome] = (float)(sc.chrome < 3 ? sc.chrome : 3) / 3;
		f[LS_chrome_share] = sc.n ? (float)(sc.chromechars < sc.n ?
		    sc.chromechars : sc.n) / sc.n : 0;
		f[LS_x_sdf] = (float)(log1p_n(in->sdf) / 4);
		f[LS_x_sites] = (float)(log1p_n(in->xsites) / 4);
		f[LS_x_sites_share] = in->nrec ? (float)in->nxs / in->nrec : 0;
		for (k = 0; k < 7; k++)
			f[LS_len1 + k] = sc.n <= bucket[k];
		f[LS_multi] = in->nrec >= 2;
		f[LS_latin] = sc.n ? (float)sc.lat / sc.n : 0;
		f[LS_digit] = sc.n ? (float)sc.dig / sc.n : 0;
		f[LS_func2] = sc.fn >= 2;
		f[LS_clause] = (float)(sc.clause < 4 ? sc.clause : 4) / 4;
		f[LS_sep] = (float)(sc.seps < 4 ? sc.seps : 4) / 4;
		f[LS_seponly] = sc.nonsp > 0 && sc.seps == sc.nonsp;
	}
	f[LS_loglen] = (float)(log1p_n(sc.n) / 5);
	f[LS_ends] = ends;
	f[LS_han] = sc.n ? (float)sc.han / sc.n : 0;
	f[LS_func] = sc.han ? (float)sc.fn / sc.han : 0;
	/* the patterns run only where they can match (shown by the counts
	 * and the first and last characters) */
	f[LS_date] = sc.dig >= 2 && digit_then(ls, "-./YM") &&
	    match(ls, RX_DATE);
	f[LS_time] = sc.dig >= 3 && sc.colons && match(ls, RX_TIME);
	/* RX_DATEONLY, the whole line: it begins with one of " []()9" and
	 * ends with one of " ])9D" */
	f[LS_dateonly] = sc.dig >= 2 && in_set(ls->shape.p[0], " []()9") &&
	    in_set(ls->shape.p[ls->shape.len - 1], " ])9D") &&
	    match(ls, RX_DATEONLY);
	f[LS_enddate] = sc.dig >= 2 && (sc.shlastd == '9' || sc.shlastd == 'D') &&
	    match(ls, RX_ENDDATE);
	if (all) {
		f[LS_numitem] = sc.dig && (sc.shfirst == '(' ||
		    sc.shfirst == '9') && match(ls, RX_NUMITEM);
		f[LS_count] = sc.dig && sc.shlast == ')' && match(ls, RX_COUNT);
	}
	/* a short label and a colon: ^[^:]{1,6}: */
	f[LS_labelcolon] = sc.colons && sc.firstcolon >= 2 && sc.firstcolon <= 7;
	l->label = 0;
	if (f[LS_labelcolon] > 0) {
		uint64_t h = 1469598103934665603ULL;
		size_t j;

		for (j = 0; j < sc.colonat; j++)
			h = (h ^ (unsigned char)in->text[j]) * 1099511628211ULL;
		l->label = h ? h : 1;
	}
	f[LS_endclause] = is_clause(sc.lastns) || sc.lastns == 0xFF1B || sc.lastns == ';';
	if (all) {
		f[LS_bracket] = sc.first == 0x3010 || sc.first == '[' ||
		    sc.first == 0xFF3B || sc.lastns == 0x3011 ||
		    sc.lastns == ']' || sc.lastns == 0xFF3D;
		f[LS_hash] = sc.hash;	/* #[^#]{1,20}# */
		f[LS_inner_end] = (float)(sc.inner < 3 ? sc.inner : 3) / 3;
		f[LS_code] = sc.nonsp ? (float)sc.code / sc.nonsp : 0;
		f[LS_nohan] = sc.han == 0;
		f[LS_reltime] = sc.rel && reltime(in->text, in->len, sc.rel,
		    sc.dig);
	}
	/* the evidence of the earlier decisions */
	{
		float r = in->nrec ? 1.0f / in->nrec : 0;
		int b;

		f[LS_x_rule] = in->nrule * r;
		f[LS_x_df] = in->ndf * r;
		f[LS_x_tail] = in->ntail * r;
		f[LS_x_head] = in->nhead * r;
		f[LS_x_repeat] = in->nrepeat * r;
		for (b = 0; all && b < LS_r_contact - LS_r_copyright + 1; b++)
			f[LS_r_copyright + b] = (in->rules >> b) & 1;
		l->boil = f[LS_x_rule];
		if (f[LS_x_df] > l->boil) l->boil = f[LS_x_df];
		if (f[LS_x_tail] > l->boil) l->boil = f[LS_x_tail];
		if (f[LS_x_head] > l->boil) l->boil = f[LS_x_head];
		if (f[LS_x_repeat] > l->boil) l->boil = f[LS_x_repeat];
	}
	l->n = sc.n;
	/* no Latin word (no ASCII letter): line_words() would find the
	 * words of the runs of Han characters */
	l->wfast = sc.lat == 0 && !sc.hanslow;
	l->w0 = sc.hw0;
	l->nw = sc.nhw;
	l->lb = sc.n <= 6 ? 0 : sc.n <= 20 ? 1 : sc.n <= 40 ? 2 : 3;
	l->ends = ends;
	l->sent = (ends && sc.n > 10) || sc.n > 40;
	l->shortl = sc.n <= 20 && !ends;
	l->endclause = f[LS_endclause] > 0;
	l->prose = l->sent || l->endclause || (sc.fn > 0 && sc.clause > 0);
	l->dateonly = f[LS_dateonly] > 0;
	l->enddate = f[LS_enddate] > 0;
	l->han = f[LS_han];
	l->func = f[LS_func];
	l->loglen = f[LS_loglen];
	l->key = (int)l->lb * 8 + ends * 4 + (f[LS_date] > 0 || f[LS_time] > 0) * 2 +
	    (sc.seps > 0);
	l->code = (sc.lat > 0 || sc.shfirst == '#' || sc.shfirst == '/') &&
	    ls_code_line(in->text, in->len, sc.han, sc.nonsp);
}

/* [*b, *e) of the run of lines with the largest sum of v (0, 0 if none is
 * positive): prose lines count their length, the others cost `cost` */
static void
main_block(const struct lsl *l, size_t n, double cost, size_t *b, size_t *e)
{
	double best = 0, cur = 0;
	size_t i, cb = 0;

	*b = *e = 0;
	for (i = 0; i < n; i++) {
		if (cur <= 0) {
			cur = 0;
			cb = i;
		}
		cur += l[i].prose ? (double)l[i].n : -cost;
		if (cur > best) {
			best = cur;
			*b = cb;
			*e = i + 1;
		}
	}
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* x_repeat_exact: an earlier line of the article has the same text. The
 * lines' hashes (ls->hv) in a table of the distinct texts so far
 * (ls->ht, open addressing, line + 1 or 0 for an empty slot). */
static void
exact_repeats(struct lineshape *ls, const struct ls_line *in, size_t n, float *f)
{
	size_t i, size = 2, mask;

	while (size < 2 * n)
		size *= 2;
	mask = size - 1;
	if (n > ls->hcap) {
		ls->hcap = n * 2;
		ls->hv = xrealloc(ls->hv, ls->hcap * sizeof *ls->hv);
	}
	/* no split of the model reads it (ls->hv is label_repeats' too) */
	if (ls->uses && !ls->uses[LS_x_repeat_exact])
		return;
	if (size > ls->htcap) {
		ls->htcap = size;
		ls->ht = xrealloc(ls->ht, ls->htcap * sizeof *ls->ht);
	}
	memset(ls->ht, 0, size * sizeof *ls->ht);
	for (i = 0; i < n; i++) {
		uint64_t h = hash64_long(in[i].text, in[i].len, 0x524550);
		size_t k, j;
		int seen = 0;

		ls->hv[i] = h;
		for (k = (size_t)h & mask; (j = ls->ht[k]) != 0;
		    k = (k + 1) & mask)
			if (ls->hv[j - 1] == h && in[j - 1].len == in[i].len &&
			    memcmp(in[j - 1].text, in[i].text, in[i].len) == 0) {
				seen = 1;
				break;
			}
		f[i * LS_NFEAT + LS_x_repeat_exact] = (float)seen;
		if (!seen)
			ls->ht[k] = i + 1;	/* a text not seen before */
	}
}

/* label_rep: how many other lines of the article have the same short
 * label before a colon (成人票原价：… on every item of a table written as
 * lines; a footer or a byline has each label once). */
static void
label_repeats(struct lineshape *ls, const struct lsl *l, size_t n, float *f)
{
	size_t i, j, m = 0;

	for (i = 0; i < n; i++) {
		f[i * LS_NFEAT + LS_label_rep] = 0;
		if (l[i].label)
			ls->hv[m++] = l[i].label;
	}
	qsort(ls->hv, m, sizeof *ls->hv, cmp_u64);
	for (i = 0; i < n; i++) {
		size_t lo = 0, hi = m, c = 0;

		if (!l[i].label)
			continue;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (ls->hv[mid] < l[i].label)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (j = lo; j < m && ls->hv[j] == l[i].label; j++)
			c++;
		f[i * LS_NFEAT + LS_label_rep] = (float)(log1p_n(c - 1) / 4);
	}
}

/* What the article's lines say together. */
struct page {
	size_t n, first, last, nsent, nshort, nends, b4, e4, b16, e16;
	double phan;		/* the Han share of the prose */
	double *ps;		/* prefix sums for the windows: sent, short, loglen */
};

/* f[feat] of each line: the (log) length of the run of lines whose flag
 * is set that it is in; 0 outside such runs, and in a run shorter than
 * min or not wholly within lines [lo, hi) */
static void
run_lengths(const unsigned char *flag, size_t n, size_t min, size_t lo,
    size_t hi, float *f, int feat)
{
	size_t i = 0, j, k;

	while (i < n) {
		for (j = i; j < n && flag[j]; j++)
			;
		if (j == i) {
			f[i++ * LS_NFEAT + feat] = 0;
			continue;
		}
		for (k = i; k < j; k++)
			f[k * LS_NFEAT + feat] = j - i >= min && i >= lo &&
			    j <= hi ? (float)(log1p_n(j - i) / 4) : 0;
		i = j;
	}
}

/* Line i's place in the article (x[LS_dist] holds the distance to the
 * nearest sentence line, in lines, on entry). */
static void
place_features(const struct lsl *l, const struct page *pg, size_t i, float *x)
{
	size_t n = pg->n;
	double dd;

	x[LS_pos] = (float)i / n;
	x[LS_prose] = l[i].prose;
	x[LS_blk4] = i >= pg->b4 && i < pg->e4;
	dd = x[LS_blk4] ? 0 : i < pg->b4 ? pg->b4 - i : i - pg->e4 + 1;
	x[LS_blkd4] = (float)(log1p_n((size_t)dd) / 4);
	x[LS_blk16] = i >= pg->b16 && i < pg->e16;
	dd = x[LS_blk16] ? 0 : i < pg->b16 ? pg->b16 - i : i - pg->e16 + 1;
	x[LS_blkd16] = (float)(log1p_n((size_t)dd) / 4);
	x[LS_before] = i < pg->first;
	x[LS_after] = pg->last < n && i > pg->last;
	x[LS_nobody] = pg->nsent == 0;
	x[LS_bodyshare] = (float)pg->nsent / n;
	x[LS_pshort] = (float)pg->nshort / n;
	x[LS_handev] = (float)(pg->phan - l[i].han);
	x[LS_pends] = (float)pg->nends / n;
	x[LS_plines] = (float)(log1p_n(n) / 7);
	dd = x[LS_dist] < 50 ? x[LS_dist] : 50;
	x[LS_dist] = (float)(log1p_n((size_t)dd) / 4);
}

/* Line i's neighbours: the windows, the lines just before and after. */
static void
neighbour_features(const struct lsl *l, const struct page *pg, size_t i,
    float *x)
{
	static const int win[3] = { 1, 3, 7 };
	size_t n = pg->n;
	const double *ps = pg->ps;
	const struct lsl *p = i > 0 ? &l[i - 1] : NULL;
	const struct lsl *q = i + 1 < n ? &l[i + 1] : NULL;
	int w, k;

	for (w = 0; w < 3; w++) {
		size_t lo = i >= (size_t)win[w] ? i - win[w] : 0;
		size_t hi = i + win[w] + 1 < n ? i + win[w] + 1 : n;
		size_t cnt = hi - lo - 1;

		for (k = 0; k < 3; k++) {
			double s = ps[3 * hi + k] - ps[3 * lo + k] -
			    (ps[3 * (i + 1) + k] - ps[3 * i + k]);

			x[LS_w1_sent + 3 * w + k] = cnt ? (float)(s / cnt) : 0;
		}
	}
	for (k = 0; k < 2; k++) {
		const struct lsl *o = k ? q : p;
		float *y = x + (k ? LS_next_short : LS_prev_short);

		y[0] = o && o->shortl;
		y[1] = o && o->sent;
		y[2] = o && o->dateonly;
		y[3] = o && o->enddate;
		y[4] = o && o->endclause;
		y[5] = o ? o->func : 0;
		y[6] = o && o->key == l[i].key;
		y[7] = o ? o->boil : 0;
	}
	x[LS_linklist] = (l[i].shortl || l[i].enddate) &&
	    ((q && q->dateonly) || (l[i].enddate &&
	    ((p && p->enddate) || (q && q->enddate))));
}

/* The runs of sentence lines (an article's paragraphs follow each other;
 * teasers under headlines come one at a time), how much of the page's
 * prose is before and after each line, how far the nearest sentence line
 * is on each side, and lines whose shape is that of the line two before
 * or after but not of the one between (a headline and its date, again
 * and again). tot is the length of all sentence lines. */
static void
prose_features(const struct lsl *l, size_t n, double tot, float *f)
{
	size_t i, j, k, last;
	double best = 0, before = 0;

	for (i = 0; i < n; i = j) {
		double chars = 0;

		for (j = i; j < n && l[j].sent; j++)
			chars += l[j].n;
		if (j == i) {
			j++;
			continue;
		}
		if (chars > best)
			best = chars;
	}
	for (i = 0; i < n; i = j) {
		double chars = 0;

		for (j = i; j < n && l[j].sent; j++)
			chars += l[j].n;
		if (j == i) {
			f[i * LS_NFEAT + LS_prun] = 0;
			f[i * LS_NFEAT + LS_prun_share] = 0;
			f[i * LS_NFEAT + LS_prun_max] = 0;
			j++;
			continue;
		}
		for (k = i; k < j; k++) {
			f[k * LS_NFEAT + LS_prun] = (float)(log1p_n(j - i) / 4);
			f[k * LS_NFEAT + LS_prun_share] = (float)(chars / best);
			f[k * LS_NFEAT + LS_prun_max] = chars == best;
		}
	}
	for (i = 0; i < n; i++) {
		float *x = f + i * LS_NFEAT;

		x[LS_pre_prose] = tot > 0 ? (float)(before / tot) : 0;
		if (l[i].sent)
			before += l[i].n;
		x[LS_post_prose] = tot > 0 ? (float)((tot - before) / tot) : 0;
	}
	for (last = n, i = 0; i < n; i++) {
		size_t d = last == n ? 50 : i - last;

		f[i * LS_NFEAT + LS_gap_prev] = (float)(log1p_n(d < 50 ? d : 50) / 4);
		if (l[i].sent)
			last = i;
	}
	for (last = n, i = n; i-- > 0;) {
		size_t d = last == n ? 50 : last - i;

		f[i * LS_NFEAT + LS_gap_next] = (float)(log1p_n(d < 50 ? d : 50) / 4);
		if (l[i].sent)
			last = i;
	}
	for (i = 0; i < n; i++)
		f[i * LS_NFEAT + LS_alt2] =
		    (i >= 2 && l[i - 2].key == l[i].key && l[i - 1].key != l[i].key) ||
		    (i + 2 < n && l[i + 2].key == l[i].key && l[i + 1].key != l[i].key);
}

/* Feeds: the share of lines within 7 each side that end in an ellipsis
 * (teasers cut short), and the largest share, over the periods 2, 3 and
 * 4, of lines within 6 each side whose shape is that of the line one
 * period before but not that of the line just before (an item of a few
 * lines, repeated). A run of paragraphs has one shape and no period. */
static void
feed_features(const struct lsl *l, size_t n, float *f)
{
	size_t *ps = xcalloc(4 * (n + 1), sizeof *ps);
	size_t i, p;

	for (i = 0; i < n; i++) {
		ps[4 * (i + 1)] = ps[4 * i] + (f[i * LS_NFEAT + LS_ellipsis] > 0);
		for (p = 2; p <= 4; p++)
			ps[4 * (i + 1) + p - 1] = ps[4 * i + p - 1] +
			    (i >= p && l[i].key == l[i - p].key &&
			    l[i].key != l[i - 1].key);
	}
	for (i = 0; i < n; i++) {
		size_t lo = i >= 7 ? i - 7 : 0, hi = i + 8 < n ? i + 8 : n;
		size_t e = ps[4 * hi] - ps[4 * lo] - (ps[4 * (i + 1)] - ps[4 * i]);
		double best = 0;

		f[i * LS_NFEAT + LS_w7_ellip] = hi - lo > 1 ?
		    (float)((double)e / (hi - lo - 1)) : 0;
		lo = i >= 6 ? i - 6 : 0;
		hi = i + 7 < n ? i + 7 : n;
		for (p = 1; p <= 3; p++) {
			double s = (double)(ps[4 * hi + p] - ps[4 * lo + p]) /
			    (hi - lo);

			if (s > best)
				best = s;
		}
		f[i * LS_NFEAT + LS_period] = (float)best;
	}
	free(ps);
}

/* The words of a line for cohesion(): each pair of adjacent Han
 * characters, and each run of three or more ASCII letters, digits and
 * underscores that begins with a letter. With set, each word's bit is set
 * in bits (mask + 1 bits); else *hit counts the words whose bit is set.
 * Returns the number of words. */
static size_t
line_words(const char *s, size_t len, uint64_t *bits, uint32_t mask, int set,
    size_t *hit)
{
	size_t i = 0, m = 0, h = 0;
	uint32_t prev = 0;	/* the last character, if Han */

	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		uint32_t c, w;

		if (b < 0x80) {
			prev = 0;
			if (!is_ascii_letter(b)) {
				i++;
				continue;
			} else {
				size_t j = i;

				w = 2166136261u;
				while (j < len && is_word_byte((unsigned char)s[j])) {
					w = (w ^ (unsigned char)(s[j] | 0x20)) * 16777619u;
					j++;
				}
				c = (uint32_t)(j - i);
				i = j;
				if (c < 3)
					continue;
			}
		} else {
			/* a character of U+4E00..U+9FFF decoded in place, as
			 * utf8_next() would */
			if (utf8_at_han3((const unsigned char *)s, i, len)) {
				c = utf8_decode3((const unsigned char *)s + i);
				i += 3;
			} else if ((c = utf8_next(s, len, &i)) < HAN0 ||
			    c >= HAN1) {
				prev = 0;
				continue;
			}
			w = prev ? (prev * 0x10001u) ^ c : 0;
			prev = c;
			if (!w)
				continue;
		}
		w = word_mix(w) & mask;
		m++;
		if (set)
			bits[w >> 6] |= (uint64_t)1 << (w & 63);
		else
			h += (bits[w >> 6] >> (w & 63)) & 1;
	}
	if (hit)
		*hit = h;
	return m;
}

/* line_words() of line l, from the words scan_line() kept where they
 * are all of them */
static size_t
words_of(const struct lineshape *ls, const struct ls_line *in,
    const struct lsl *l, uint64_t *bits, uint32_t mask, int set, size_t *hit)
{
	const uint32_t *w = ls->hw + l->w0;
	size_t k, h = 0;

	if (!l->wfast)
		return line_words(in->text, in->len, bits, mask, set, hit);
	if (set)
		for (k = 0; k < l->nw; k++) {
			uint32_t b = w[k] & mask;

			bits[b >> 6] |= (uint64_t)1 << (b & 63);
		}
	else
		for (k = 0; k < l->nw; k++) {
			uint32_t b = w[k] & mask;

			h += (bits[b >> 6] >> (b & 63)) & 1;
		}
	if (hit)
		*hit = h;
	return l->nw;
}

/* cohes: the share of a line's words (line_words) that the article's
 * sentence lines have too; w7_cohes: the mean of cohes over the lines
 * within 7 each side that have words. A table of prices or a program
 * quoted in an article shares its words with the prose around it; a
 * menu, a list of other articles' headlines or a footer mostly does not,
 * whatever the site's layout. A sentence line, and any line of an
 * article whose sentences have fewer than 16 words, has nothing to be
 * told apart from: its cohes is 1. The words are bits of a table of 16
 * or more bits for each byte of the sentences, 2^20 at most, so a word
 * not in the sentences is found there a few times in a hundred. */
static void
cohesion(struct lineshape *ls, const struct ls_line *in, const struct lsl *l,
    size_t n, float *f)
{
	size_t i, nw = 0, sbytes = 0, nbits = 4096;
	double *ps;
	size_t *pc;

	if (n + 1 > ls->toffcap) {
		ls->toffcap = (n + 1) * 2;
		ls->coh = xrealloc(ls->coh, ls->toffcap * sizeof *ls->coh);
	}
	for (i = 0; i < n; i++)
		if (l[i].sent)
			sbytes += in[i].len;
	while (nbits < 16 * sbytes && nbits < ((size_t)1 << 20))
		nbits *= 2;
	if (nbits / 64 > ls->tcap) {
		ls->tcap = nbits / 64;
		ls->bits = xrealloc(ls->bits, ls->tcap * sizeof *ls->bits);
	}
	memset(ls->bits, 0, nbits / 8);
	for (i = 0; i < n; i++)
		if (l[i].sent) {
			size_t m = words_of(ls, &in[i], &l[i], ls->bits,
			    (uint32_t)(nbits - 1), 1, NULL);

			nw += m;
			ls->coh[i] = m ? 1 : -1;
		}
	for (i = 0; i < n; i++) {
		size_t hit = 0, m;

		if (!l[i].sent) {
			m = words_of(ls, &in[i], &l[i], ls->bits,
			    (uint32_t)(nbits - 1), 0, &hit);
			if (nw < 16)
				hit = m;
			ls->coh[i] = m ? (float)((double)hit / m) : -1;
		}
		f[i * LS_NFEAT + LS_cohes] = ls->coh[i] >= 0 ? ls->coh[i] : 0;
	}
	ps = xcalloc(n + 1, sizeof *ps);
	pc = xcalloc(n + 1, sizeof *pc);
	for (i = 0; i < n; i++) {
		ps[i + 1] = ps[i] + (ls->coh[i] >= 0 ? ls->coh[i] : 0);
		pc[i + 1] = pc[i] + (ls->coh[i] >= 0);
	}
	for (i = 0; i < n; i++) {
		size_t lo = i >= 7 ? i - 7 : 0, hi = i + 8 < n ? i + 8 : n;
		size_t c = pc[hi] - pc[lo] - (pc[i + 1] - pc[i]);
		double sum = ps[hi] - ps[lo] - (ps[i + 1] - ps[i]);

		f[i * LS_NFEAT + LS_w7_cohes] = c ? (float)(sum / c) : 0;
	}
	free(ps);
	free(pc);
}

void
ls_features_some(struct lineshape *ls, const struct ls_line *in, size_t n,
    const unsigned char *need, float *f)
{
	struct lsl *l;
	struct page pg;
	size_t i, d;
	double tot = 0, hanw = 0;

	if (n == 0)
		return;
	if (n > ls->cap) {
		ls->cap = n * 2;
		ls->l = xrealloc(ls->l, ls->cap * sizeof *ls->l);
		ls->flag = xrealloc(ls->flag, ls->cap);
	}
	l = ls->l;
	ls->nhw = 0;
	memset(&pg, 0, sizeof pg);
	pg.n = n;
	pg.first = pg.last = n;
	for (i = 0; i < n; i++) {
		line_features(ls, &in[i], f + i * LS_NFEAT, &l[i],
		    need == NULL || need[i]);
		if (l[i].sent) {
			if (pg.first == n)
				pg.first = i;
			pg.last = i;
			pg.nsent++;
			tot += l[i].n;
			hanw += (double)l[i].han * l[i].n;
		}
		pg.nshort += l[i].shortl;
		pg.nends += l[i].ends;
	}
	/* the blocks of code, from the first sentence line to the last */
	for (i = 0; i < n; i++)
		ls->flag[i] = (unsigned char)l[i].code;
	run_lengths(ls->flag, n, LS_CODE_RUN, pg.first,
	    pg.first < n ? pg.last + 1 : 0, f, LS_coderun);
	exact_repeats(ls, in, n, f);
	label_repeats(ls, l, n, f);
	feed_features(l, n, f);
	cohesion(ls, in, l, n, f);
	pg.phan = tot > 0 ? hanw / tot : 0;
	main_block(l, n, 4, &pg.b4, &pg.e4);
	main_block(l, n, 16, &pg.b16, &pg.e16);
	pg.ps = xcalloc(3 * (n + 1), sizeof *pg.ps);
	for (i = 0; i < n; i++) {
		pg.ps[3 * (i + 1)] = pg.ps[3 * i] + l[i].sent;
		pg.ps[3 * (i + 1) + 1] = pg.ps[3 * i + 1] + l[i].shortl;
		pg.ps[3 * (i + 1) + 2] = pg.ps[3 * i + 2] + l[i].loglen;
	}
	/* the runs of short lines, and of lines the article had already */
	for (i = 0; i < n; i++)
		ls->flag[i] = (unsigned char)l[i].shortl;
	run_lengths(ls->flag, n, 1, 0, n, f, LS_run);
	for (i = 0; i < n; i++)
		ls->flag[i] = in[i].nrepeat && in[i].nrepeat == in[i].nrec;
	run_lengths(ls->flag, n, 1, 0, n, f, LS_reprun);
	/* the distance to the nearest sentence line, both ways */
	for (d = n, i = 0; i < n; i++) {
		d = l[i].sent ? 0 : d + 1;
		f[i * LS_NFEAT + LS_dist] = (float)d;
	}
	for (d = n, i = n; i-- > 0;) {
		d = l[i].sent ? 0 : d + 1;
		if ((float)d < f[i * LS_NFEAT + LS_dist])
			f[i * LS_NFEAT + LS_dist] = (float)d;
	}
	for (i = 0; i < n; i++) {
		if (need && !need[i])
			continue;
		place_features(l, &pg, i, f + i * LS_NFEAT);
		neighbour_features(l, &pg, i, f + i * LS_NFEAT);
	}
	prose_features(l, n, tot, f);
	free(pg.ps);
}

void
ls_features(struct lineshape *ls, const struct ls_line *in, size_t n, float *f)
{
	ls_features_some(ls, in, n, NULL, f);
}

/* ---- the model ---- */

void
ls_model_free(struct ls_model *m)
{
	free(m->tree3);
	if (!m->rodata) {
		free(m->node);
		free(m->root);
		free(m->flat);
		free(m->froot);
	}
	memset(m, 0, sizeof *m);
}

static int
feature_index(const char *s, size_t n)
{
	int k;

	for (k = 0; k < LS_NFEAT; k++)
		if (strlen(ls_feature_names[k]) == n &&
		    memcmp(ls_feature_names[k], s, n) == 0)
			return k;
	return -1;
}

static int
number(const char *s, size_t n, double *v)
{
	char tmp[64], *end;

	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	*v = strtod(tmp, &end);
	return *end ? -1 : 0;
}

/* Slot i of a depth-3 tree in heap order from flat node k at depth d. */
static void
heap_fill(const struct ls_model *m, struct ls_tree3 *t, int i, int32_t k,
    int d)
{
	const struct ls_flat *fl = &m->flat[k];

	if (d == 3) {
		t->value[i - 7] = fl->value;
		return;
	}
	t->feat[i] = fl->feat;
	t->thr[i] = fl->thr;
	heap_fill(m, t, 2 * i + 1, fl->kid, d + 1);
	/* a leaf leads to itself whatever the test says (it never
	 * passes: the threshold is infinite) */
	heap_fill(m, t, 2 * i + 2, fl->kid == k ? k : fl->kid + 1, d + 1);
}

/* m->uses from the splits */
static void
find_uses(struct ls_model *m)
{
	size_t k;

	memset(m->uses, 0, sizeof m->uses);
	for (k = 0; k < m->nnode; k++)
		if (m->node[k].feat >= 0)
			m->uses[m->node[k].feat] = 1;
}

/* The depth-3 layout of the flat trees (m->tree3). */
static void
make_tree3(struct ls_model *m)
{
	size_t t;

	m->tree3 = NULL;
	if (m->depth != 3)
		return;
	m->tree3 = xmalloc((m->ntree + 1) * sizeof *m->tree3);
	for (t = 0; t < m->ntree; t++)
		heap_fill(m, &m->tree3[t], 0, m->froot[t], 0);
}

/* Rows: "base V", "threshold V", "smooth LOW HIGH", "overrule V", "tree T" (a new tree begins; its nodes
 * follow, numbered from 0 in the tree), "split FEATURE THR LEFT RIGHT",
 * "leaf VALUE". */
/* The flat layout of the trees (see struct ls_flat), breadth first. */
static void
flatten(struct ls_model *m)
{
	size_t t, nf = 0, *queue = xmalloc((m->nnode + 1) * sizeof *queue);
	size_t *at = xmalloc((m->nnode + 1) * sizeof *at);	/* node -> flat */
	int *dep = xmalloc((m->nnode + 1) * sizeof *dep);

	m->flat = xmalloc((m->nnode + 1) * sizeof *m->flat);
	m->froot = xmalloc((m->ntree + 1) * sizeof *m->froot);
	m->depth = 0;
	for (t = 0; t < m->ntree; t++) {
		size_t head = 0, tail = 0;

		queue[tail++] = (size_t)m->root[t];
		at[m->root[t]] = nf++;
		dep[m->root[t]] = 0;
		m->froot[t] = (int32_t)at[m->root[t]];
		while (head < tail) {
			size_t k = queue[head++];
			const struct ls_node *nd = &m->node[k];
			struct ls_flat *fl = &m->flat[at[k]];

			fl->value = nd->value;
			if (nd->feat < 0) {
				fl->feat = 0;
				fl->thr = INFINITY;
				fl->kid = (int32_t)at[k];
				continue;
			}
			fl->feat = nd->feat;
			fl->thr = nd->thr;
			fl->kid = (int32_t)nf;
			at[nd->left] = nf++;
			at[nd->right] = nf++;
			dep[nd->left] = dep[nd->right] = dep[k] + 1;
			if (dep[k] + 1 > m->depth)
				m->depth = dep[k] + 1;
			queue[tail++] = (size_t)nd->left;
			queue[tail++] = (size_t)nd->right;
		}
	}
	free(queue);
	free(at);
	free(dep);
}

/* What is wrong with the trees, or NULL: each tree has nodes, a split's
 * children are later nodes of its own tree, and every node but a tree's
 * first is the child of one split, once; so flatten() meets each node
 * once. A node's parents come before it: when it is reached, all its
 * parents have been counted. */
static const char *
bad_trees(const struct ls_model *m)
{
	unsigned char *parents = xcalloc(m->nnode + 1, 1);
	const char *bad = NULL;
	size_t t, k;

	for (t = 0; t < m->ntree && !bad; t++) {
		size_t lo = (size_t)m->root[t];
		size_t hi = t + 1 < m->ntree ? (size_t)m->root[t + 1] : m->nnode;

		if (lo >= hi)
			bad = "a tree without nodes";
		for (k = lo; k < hi && !bad; k++) {
			const struct ls_node *nd = &m->node[k];

			if (k > lo && parents[k] != 1)
				bad = "a node that is not the child of one split";
			else if (nd->feat >= 0 && ((size_t)nd->left <= k ||
			    (size_t)nd->left >= hi || (size_t)nd->right <= k ||
			    (size_t)nd->right >= hi))
				bad = "a split points outside its tree";
			else if (nd->feat >= 0) {
				parents[nd->left]++;
				parents[nd->right]++;
			}
		}
	}
	free(parents);
	return bad;
}

/* The model of the rows r; on a bad row, m is left empty. */
static int
load_rows(struct ls_model *m, struct rows *r)
{
	size_t cap = 0, tcap = 0, first = 0;
	const char *bad;
	int smooth;

	memset(m, 0, sizeof *m);
	m->threshold = m->lo = m->hi = 0.5;
	smooth = 0;
	while (rows_next(r)) {
		size_t l0, l1, l2, l3, l4;
		const char *k = rows_field(r, 0, &l0);
		const char *a = rows_field(r, 1, &l1);
		const char *b = rows_field(r, 2, &l2);
		const char *c = rows_field(r, 3, &l3);
		const char *d = rows_field(r, 4, &l4);
		double v = 0, lv, rv;

		if (!a || number(a, l1, &v) < 0) {
			if (!(l0 == 5 && memcmp(k, "split", 5) == 0)) {
				rows_error(r, "expected a number");
				break;
			}
		}
		if (l0 == 4 && memcmp(k, "base", 4) == 0)
			m->base = v;
		else if (l0 == 6 && memcmp(k, "smooth", 6) == 0) {
			if (!b || number(b, l2, &rv) < 0 || !(v <= rv)) {
				rows_error(r, "expected smooth LOW HIGH");
				break;
			}
			m->lo = v;
			m->hi = rv;
			smooth = 1;
		}
		else if (l0 == 9 && memcmp(k, "threshold", 9) == 0)
			m->threshold = v;
		else if (l0 == 8 && memcmp(k, "overrule", 8) == 0)
			m->overrule = v;
		else if (l0 == 4 && memcmp(k, "tree", 4) == 0) {
			if (m->ntree == tcap) {
				tcap = tcap ? tcap * 2 : 64;
				m->root = xrealloc(m->root, tcap * sizeof *m->root);
			}
			first = m->nnode;
			m->root[m->ntree++] = (int32_t)first;
		} else if ((l0 == 5 && memcmp(k, "split", 5) == 0) ||
		    (l0 == 4 && memcmp(k, "leaf", 4) == 0)) {
			struct ls_node *nd;

			if (m->ntree == 0) {
				rows_error(r, "a node before the first tree");
				break;
			}
			if (m->nnode == cap) {
				cap = cap ? cap * 2 : 256;
				m->node = xrealloc(m->node, cap * sizeof *m->node);
			}
			nd = &m->node[m->nnode++];
			memset(nd, 0, sizeof *nd);
			if (k[0] == 'l') {
				nd->feat = -1;
				nd->value = (float)v;
				continue;
			}
			nd->feat = (int16_t)feature_index(a, l1);
			if (nd->feat < 0) {
				rows_error(r, "unknown feature '%.*s'", (int)l1, a);
				break;
			}
			if (!b || !c || !d || number(b, l2, &v) < 0 ||
			    number(c, l3, &lv) < 0 || number(d, l4, &rv) < 0 ||
			    lv < 1 || rv < 1) {
				rows_error(r, "expected split FEATURE THRESHOLD LEFT RIGHT");
				break;
			}
			nd->thr = (float)v;
			nd->left = (int32_t)(first + (size_t)lv);
			nd->right = (int32_t)(first + (size_t)rv);
		} else {
			rows_error(r, "unknown row '%.*s'", (int)l0, k);
			break;
		}
	}
	if (!smooth)
		m->lo = m->hi = m->threshold;	/* no band: the threshold alone */
	if (!r->failed && !(m->lo <= m->threshold && m->threshold <= m->hi))
		rows_error(r, "the threshold is outside the smoothing band");
	if (!r->failed && (bad = bad_trees(m)) != NULL)
		rows_error(r, "%s", bad);
	if (r->failed) {
		ls_model_free(m);
		return -1;
	}
	flatten(m);
	make_tree3(m);
	find_uses(m);
	return 0;
}

int
ls_model_load(struct ls_model *m, const char *name, const char *p, size_t n)
{
	struct rows r;
	int rc;

	rows_buf(&r, name, p, n, 0);
	rc = load_rows(m, &r);
	rows_close(&r);
	return rc;
}

int
ls_model_load_path(struct ls_model *m, const char *path)
{
	struct rows r;
	int rc;

	memset(m, 0, sizeof *m);
	if (rows_path(&r, path, 0) < 0)
		return -1;
	rc = load_rows(m, &r);
	rows_close(&r);
	return rc;
}

/* ---- the model prebuilt (prebuilt.h) ---- */

void
ls_model_open(struct ls_model *m, const struct ls_model_prebuilt *p)
{
	memset(m, 0, sizeof *m);
	m->base = p->base;
	m->threshold = p->threshold;
	m->lo = p->lo;
	m->hi = p->hi;
	m->overrule = p->overrule;
	m->node = (struct ls_node *)p->node;
	m->nnode = p->nnode;
	m->root = (int32_t *)p->root;
	m->ntree = p->ntree;
	m->flat = (struct ls_flat *)p->flat;
	m->froot = (int32_t *)p->froot;
	m->depth = p->depth;
	m->rodata = 1;
	make_tree3(m);
	find_uses(m);
}

void
ls_model_emit(const struct ls_model *m, FILE *f, const char *name)
{
	size_t i;

	if (m->nnode) {
		fprintf(f, "static const struct ls_node %s_node[%zu] = {\n",
		    name, m->nnode);
		for (i = 0; i < m->nnode; i++) {
			const struct ls_node *nd = &m->node[i];

			fprintf(f, "{ %d, ", nd->feat);
			emit_real(f, nd->thr, "f");
			fprintf(f, ", %ld, %ld, ", (long)nd->left, (long)nd->right);
			emit_real(f, nd->value, "f");
			fprintf(f, " },\n");
		}
		/* as many as the nodes: the trees are trees (bad_trees) */
		fprintf(f, "};\nstatic const struct ls_flat %s_flat[%zu] = {\n",
		    name, m->nnode);
		for (i = 0; i < m->nnode; i++) {
			const struct ls_flat *fl = &m->flat[i];

			fprintf(f, "{ %ld, ", (long)fl->feat);
			emit_real(f, fl->thr, "f");
			fprintf(f, ", %ld, ", (long)fl->kid);
			emit_real(f, fl->value, "f");
			fprintf(f, " },\n");
		}
		fprintf(f, "};\n");
	}
	emit_i32s(f, name, "root", m->root, m->ntree);
	emit_i32s(f, name, "froot", m->froot, m->ntree);
	fprintf(f, "const struct ls_model_prebuilt %s = {\n\t.base = ", name);
	emit_real(f, m->base, "");
	fprintf(f, ",\n\t.threshold = ");
	emit_real(f, m->threshold, "");
	fprintf(f, ",\n\t.lo = ");
	emit_real(f, m->lo, "");
	fprintf(f, ",\n\t.hi = ");
	emit_real(f, m->hi, "");
	fprintf(f, ",\n\t.overrule = ");
	emit_real(f, m->overrule, "");
	fprintf(f, ",\n");
	emit_ref(f, "node", name, "node", m->nnode);
	fprintf(f, "\t.nnode = %zu,\n", m->nnode);
	emit_ref(f, "root", name, "root", m->ntree);
	fprintf(f, "\t.ntree = %zu,\n", m->ntree);
	emit_ref(f, "flat", name, "flat", m->nnode);
	emit_ref(f, "froot", name, "froot", m->ntree);
	fprintf(f, "\t.depth = %d,\n};\n", m->depth);
}

/* The same number, bit for bit (0 and -0 differ; NaN is NaN). */
static int
same_real(double a, double b)
{
	return (isnan(a) && isnan(b)) ||
	    (a == b && signbit(a) == signbit(b));
}

int
ls_model_same(const struct ls_model *a, const struct ls_model *b)
{
	size_t i;

	if (!same_real(a->base, b->base) ||
	    !same_real(a->threshold, b->threshold) ||
	    !same_real(a->lo, b->lo) || !same_real(a->hi, b->hi) ||
	    !same_real(a->overrule, b->overrule) || a->nnode != b->nnode ||
	    a->ntree != b->ntree || a->depth != b->depth)
		return 0;
	for (i = 0; i < a->nnode; i++) {
		const struct ls_node *x = &a->node[i], *y = &b->node[i];
		const struct ls_flat *u = &a->flat[i], *v = &b->flat[i];

		if (x->feat != y->feat || !same_real(x->thr, y->thr) ||
		    x->left != y->left || x->right != y->right ||
		    !same_real(x->value, y->value) || u->feat != v->feat ||
		    !same_real(u->thr, v->thr) || u->kid != v->kid ||
		    !same_real(u->value, v->value))
			return 0;
	}
	for (i = 0; i < a->ntree; i++)
		if (a->root[i] != b->root[i] || a->froot[i] != b->froot[i])
			return 0;
	return 1;
}

/* The probability of a sum of the trees' values. */
static double
squash(double z)
{
	if (z > 30)
		z = 30;
	if (z < -30)
		z = -30;
	return 1 / (1 + exp(-z));
}

/* One step down a depth-3 tree in heap order, from slot i. */
#define DOWN3(h, f, i) ((i) = 2 * (i) + 1 + ((f)[(h)->feat[i]] > (h)->thr[i]))

double
ls_score(const struct ls_model *m, const float *f)
{
	const struct ls_flat *fl = m->flat;
	double z = m->base;
	size_t t;

	if (m->tree3)		/* depth 3, in heap order */
		for (t = 0; t < m->ntree; t++) {
			const struct ls_tree3 *h = &m->tree3[t];
			size_t i = 0;	/* wide: no sign extension a step */

			DOWN3(h, f, i);
			DOWN3(h, f, i);
			DOWN3(h, f, i);
			z += h->value[i - 7];
		}
	else
		for (t = 0; t < m->ntree; t++) {
			int32_t k = m->froot[t];
			int d;

			/* one step down: a leaf leads to itself */
			for (d = 0; d < m->depth; d++)
				k = fl[k].kid + (f[fl[k].feat] > fl[k].thr);
			z += fl[k].value;
		}
	return squash(z);
}

void
ls_score_lines(const struct ls_model *m, const float *fv, const size_t *which,
    size_t n, double *p)
{
	size_t k = 0, t;

	/* four lines down each tree at once: four sums that do not wait
	 * for each other, each added up in the order of ls_score() */
	for (; m->tree3 && k + 4 <= n; k += 4) {
		const float *a = fv + which[k] * LS_NFEAT,
		    *b = fv + which[k + 1] * LS_NFEAT,
		    *c = fv + which[k + 2] * LS_NFEAT,
		    *d = fv + which[k + 3] * LS_NFEAT;
		double za = m->base, zb = m->base, zc = m->base, zd = m->base;

		for (t = 0; t < m->ntree; t++) {
			const struct ls_tree3 *h = &m->tree3[t];
			size_t ia = 0, ib = 0, ic = 0, id = 0;

			DOWN3(h, a, ia);
			DOWN3(h, b, ib);
			DOWN3(h, c, ic);
			DOWN3(h, d, id);
			DOWN3(h, a, ia);
			DOWN3(h, b, ib);
			DOWN3(h, c, ic);
			DOWN3(h, d, id);
			DOWN3(h, a, ia);
			DOWN3(h, b, ib);
			DOWN3(h, c, ic);
			DOWN3(h, d, id);
			za += h->value[ia - 7];
			zb += h->value[ib - 7];
			zc += h->value[ic - 7];
			zd += h->value[id - 7];
		}
		p[which[k]] = squash(za);
		p[which[k + 1]] = squash(zb);
		p[which[k + 2]] = squash(zc);
		p[which[k + 3]] = squash(zd);
	}
	for (; k < n; k++)
		p[which[k]] = ls_score(m, fv + which[k] * LS_NFEAT);
}

void
ls_decide(const struct ls_model *m, const double *p, size_t n,
    unsigned char *boiler)
{
	size_t i;
	int side = -1;		/* the last confident line's: -1 none, 0, 1 */

	/* forwards: the threshold, and the side before each line */
	for (i = 0; i < n; i++) {
		int sure = p[i] < m->lo || p[i] >= m->hi;

		boiler[i] = p[i] >= m->threshold;
		if (!sure)
			boiler[i] |= (unsigned char)((side + 1) << 1);	/* bits 1-2 */
		else
			side = p[i] >= m->hi;
	}
	/* backwards: where both sides agree, the line takes theirs */
	side = -1;
	for (i = n; i-- > 0;) {
		int sure = p[i] < m->lo || p[i] >= m->hi;

		if (sure) {
			side = p[i] >= m->hi;
			continue;
		}
		{
			int before = (boiler[i] >> 1) - 1;

			boiler[i] &= 1;
			if (before >= 0 && before == side)
				boiler[i] = (unsigned char)side;
		}
	}
}

/* Boilerplate whatever the model says: every record of the line was
 * named by a rule or the site's counts, or the article had it already. */
static int
sure_boiler(const struct ls_line *l)
{
	return l->nrule + l->ndf + l->nrepeat == l->nrec;
}

/* Boilerplate unless the model is sure it is not: every record was
 * named, by the closing or opening block at least once. */
static int
likely_boiler(const struct ls_line *l)
{
	return l->nrule + l->ndf + l->ntail + l->nhead + l->nrepeat == l->nrec;
}

void
ls_article(struct lineshape *ls, const struct ls_model *m,
    const struct ls_rec *r, size_t n, struct ls_result *out)
{
	struct ls_line *ln;
	size_t i, j, nl = 0;

	if (n > ls->acap) {
		ls->acap = n * 2;
		ls->ln = xrealloc(ls->ln, ls->acap * sizeof *ls->ln);
		ls->first = xrealloc(ls->first, (ls->acap + 1) * sizeof *ls->first);
		ls->fv = xrealloc(ls->fv, ls->acap * LS_NFEAT * sizeof *ls->fv);
		ls->score = xrealloc(ls->score, ls->acap * sizeof *ls->score);
		ls->which = xrealloc(ls->which, ls->acap * sizeof *ls->which);
		ls->boiler = xrealloc(ls->boiler, ls->acap);
		ls->code = xrealloc(ls->code, ls->acap);
		ls->need = xrealloc(ls->need, ls->acap);
	}
	ln = ls->ln;
	ls->text.len = 0;
	for (i = 0; i < n; i++) {
		if (i == 0 || r[i].newline) {
			ls->first[nl] = i;
			memset(&ln[nl], 0, sizeof ln[nl]);
			ln[nl].text = (const char *)ls->text.len;	/* an offset, for now */
			nl++;
		}
		buf_add(&ls->text, r[i].text, r[i].len);
		ln[nl - 1].len += r[i].len;
		ln[nl - 1].nrec++;
		switch (r[i].ev) {
		case LS_EV_RULE: {
			int b = r[i].rule ? ls_rule_bit(r[i].rule) : -1;

			ln[nl - 1].nrule++;
			if (b >= 0)
				ln[nl - 1].rules |= (uint32_t)1 << b;
			break;
		}
		case LS_EV_DF: ln[nl - 1].ndf++; break;
		case LS_EV_TAIL: ln[nl - 1].ntail++; break;
		case LS_EV_HEAD: ln[nl - 1].nhead++; break;
		case LS_EV_REPEAT: ln[nl - 1].nrepeat++; break;
		}
		if (r[i].sdf > ln[nl - 1].sdf)
			ln[nl - 1].sdf = r[i].sdf;
		if (r[i].xsites > ln[nl - 1].xsites)
			ln[nl - 1].xsites = r[i].xsites;
		ln[nl - 1].nxs += r[i].xsites > 0;
	}
	ls->first[nl] = n;
	for (j = 0; j < nl; j++)
		ln[j].text = ls->text.p + (size_t)ln[j].text;
	if (m && nl < LS_MIN_LINES) {
		/* too few lines to set against each other: what was named,
		 * and no features */
		for (j = 0; j < nl; j++) {
			ls->boiler[j] = (unsigned char)likely_boiler(&ln[j]);
			ls->code[j] = 0;
		}
	} else if (m) {
		size_t ns = 0;

		/* the model scores the lines not sure: only they need all
		 * their features */
		for (j = 0; j < nl; j++)
			if ((ls->need[j] = !sure_boiler(&ln[j])) == 0)
				ls->score[j] = 1.0;
			else
				ls->which[ns++] = j;
		ls->uses = m->uses;
		ls_features_some(ls, ln, nl, ls->need, ls->fv);
		ls->uses = NULL;
		ls_score_lines(m, ls->fv, ls->which, ns, ls->score);
		for (j = 0; j < nl; j++)
			if (likely_boiler(&ln[j]) && ls->score[j] >= m->overrule)
				ls->score[j] = 1.0;
		ls_decide(m, ls->score, nl, ls->boiler);
		/* a block of code is body, repeats and all */
		for (j = 0; j < nl; j++) {
			ls->code[j] = ls->fv[j * LS_NFEAT + LS_coderun] > 0 &&
			    ln[j].nrule + ln[j].ndf < ln[j].nrec;
			if (ls->code[j])
				ls->boiler[j] = 0;
		}
	} else {
		ls_features(ls, ln, nl, ls->fv);
		if (nl)
			memset(ls->boiler, 0, nl);
	}
	out->nline = nl;
	out->first = ls->first;
	out->feat = m ? NULL : ls->fv;
	out->boiler = ls->boiler;
	out->code = m ? ls->code : NULL;
}

struct ls_rec *
ls_recs(struct lineshape *ls, size_t n)
{
	if (n > ls->rcap) {
		ls->rcap = n * 2;
		ls->rec = xrealloc(ls->rec, ls->rcap * sizeof *ls->rec);
	}
	return ls->rec;
}
