/* gazetteer.c - administrative divisions: loading, short forms, the trie
 *
 * Each division is found by its official name (甘肃省, 城关镇), by other
 * names of it ("variant" rows: 氹仔 for 嘉模堂区), by former names
 * (湟中县), and above the town level by the short forms of its official
 * and variant names (甘肃, 武威, 湟中, 天祝 for 天祝藏族自治县, 湾仔 for
 * 湾仔区). Names are held in Simplified characters, as the text is read
 * (simplify.h): 沙田區 is 沙田区. A short form that is also an ordinary
 * word (和平, 振兴, 城区) is marked "common": it counts only with support
 * from the rest of the article. */
#include "gazetteer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "prebuilt.h"
#include "rows.h"
#include "simplify.h"
#include "textnorm.h"
#include "utf8.h"
#include "words.h"

extern const char zh_regions_data[];
extern const unsigned long zh_regions_size;

const char *const level_name[4] = { "province", "city", "county", "town" };

/* Ordinary words that are also short forms, beyond what the word list
 * says; the word list's non-place words are added at load. */
static const char *const common_words[] = {
	"和平", "东方", "长安", "合作", "共和", "振兴", "新建", "富民", "惠民",
	"高密", "城区", "新区", "示范区", "开发区", "矿区", "郊区", "市中",
	"市北", "市南", "中山", "向阳", "光明", "胜利", "团结", "红旗", "前进",
	"解放", "新华", "建设", "东风", "先锋", "新城", "城关", "城中", "城东",
	"城西", "城南", "城北", "河东", "河西", "江北", "江南", "海南", "西湖",
	"东湖", "南山", "北山", "青山", "白云", "清河", "安宁", "永安", "长寿",
	"太平", "大同", "吉利", "宁德", "龙门", "通州", "红星", "新兴", "双桥",
	"文化", "工农", "人民", "友谊", "幸福", "民主", "和谐", "龙华", "同心",
};

/* Suffixes that make a short form, longest first (names are held in
 * Simplified characters). */
static const char *const suffixes[] = {
	"特别行政区", "自治县", "自治州", "自治区", "自治旗",
	"地区", "林区", "省", "市", "县", "区", "盟", "旗", "州",
};

static const char *const peoples[] = {
	"维吾尔", "哈萨克", "柯尔克孜", "乌孜别克", "塔吉克", "塔塔尔", "俄罗斯",
	"鄂温克", "鄂伦春", "达斡尔", "蒙古", "土家", "布依", "朝鲜", "哈尼",
	"傈僳", "拉祜", "纳西", "景颇", "仫佬", "仡佬", "毛南", "锡伯", "阿昌",
	"普米", "德昂", "裕固", "独龙", "赫哲", "门巴", "珞巴", "基诺", "东乡",
	"撒拉", "保安", "布朗", "高山", "回", "藏", "苗", "彝", "壮", "满",
	"侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌", "怒", "京",
};

/* Is s[0..n) one of the words of list? A hash set of the words is made
 * on first use, so each test costs one hash and one compare. */
#define LIST_SLOTS 512	/* a power of two, over twice the longest list */

struct wordlist {
	const char *const *w;
	size_t n;
	int16_t *slot;		/* index + 1 into w; 0 = empty */
};

static size_t
bytes_hash(const char *s, size_t n)
{
	size_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h ^ h >> 29;
}

static int
in_list(struct wordlist *l, const char *s, size_t n)
{
	size_t i;

	if (l->slot == NULL) {
		size_t k;

		l->slot = xcalloc(LIST_SLOTS, sizeof *l->slot);
		for (k = 0; k < l->n; k++) {
			for (i = bytes_hash(l->w[k], strlen(l->w[k])) &
			    (LIST_SLOTS - 1); l->slot[i]; i = (i + 1) & (LIST_SLOTS - 1))
				;
			l->slot[i] = (int16_t)(k + 1);
		}
	}
	for (i = bytes_hash(s, n) & (LIST_SLOTS - 1); l->slot[i];
	    i = (i + 1) & (LIST_SLOTS - 1)) {
		const char *w = l->w[l->slot[i] - 1];

		if (strncmp(w, s, n) == 0 && w[n] == '\0')
			return 1;
	}
	return 0;
}

static struct wordlist common_list = {
	common_words, sizeof common_words / sizeof *common_words, NULL
};

/* Is s[0..n) nothing but names of peoples, each maybe followed by 族? */
static int
only_peoples(const char *s, size_t n)
{
	while (n > 0) {
		size_t p, pl = 0;

		for (p = 0; p < sizeof peoples / sizeof *peoples; p++) {
			pl = strlen(peoples[p]);
			if (pl <= n && memcmp(s, peoples[p], pl) == 0)
				break;
		}
		if (p == sizeof peoples / sizeof *peoples)
			return 0;
		s += pl;
		n -= pl;
		if (n >= 3 && memcmp(s, "族", 3) == 0) {
			s += 3;
			n -= 3;
		}
	}
	return 1;
}

static int
ends_with(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n > k && memcmp(s + n - k, suf, k) == 0;
}

/* The short form of a name, or 0 when it has none: 天祝藏族自治县 -> 天祝,
 * 广西壮族自治区 -> 广西, 甘肃省 -> 甘肃. Writes the length in bytes. */
static size_t
short_form(const char *name, size_t n)
{
	size_t k, l, best;

	for (k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
		if (ends_with(name, n, suffixes[k])) {
			n -= strlen(suffixes[k]);
			break;
		}
	if (k == sizeof suffixes / sizeof *suffixes)
		return 0;
	{
		/* cut before the peoples named: 大通回族土族 -> 大通,
		 * 新疆维吾尔 -> 新疆; 东乡族 -> 东乡 */
		int had = ends_with(name, n, "族");

		best = had ? n - 3 : n;
		for (l = 6; l < n; l += utf8_seqlen((unsigned char)name[l]))
			if (only_peoples(name + l, n - l)) {
				best = l;
				break;
			}
		n = best;
	}
	return utf8_count(name, n) >= 2 ? n : 0;
}

/* late: the name comes after the names of other divisions (a variant
 * or former name), so the region may be anywhere in the node's chain */
static struct gz_name *
add_name(struct gazetteer *gz, const char *s, size_t n, uint32_t region,
    int form, int common, int late)
{
	uint32_t node = 0;
	size_t i = 0;
	struct gz_name *e;

	while (i < n)
		node = trie_add(gz->trie, node, utf8_next(s, n, &i));
	if (n > 0 && utf8_count(s, n) == 1)
		gz->single = 1;
	if (trie_nodes(gz->trie) > gz->capnodes) {
		uint32_t old = gz->capnodes;

		while (gz->capnodes < trie_nodes(gz->trie))
			gz->capnodes *= 2;
		gz->first = xrealloc(gz->first, gz->capnodes * sizeof *gz->first);
		memset(gz->first + old, 0, (gz->capnodes - old) * sizeof *gz->first);
	}
	/* one entry per region and node; the official names of a region
	 * are added together (its variant and former names later, not in
	 * order), so only the chain's head can be the same region, except
	 * for late names */
	for (i = gz->first[node]; i; i = gz->names[i - 1].next) {
		if (gz->names[i - 1].region == region)
			return NULL;
		if (!late)
			break;
	}
	if (gz->nnames == gz->capnames) {
		gz->capnames = gz->capnames ? gz->capnames * 2 : 1 << 16;
		gz->names = xrealloc(gz->names, gz->capnames * sizeof *gz->names);
	}
	e = &gz->names[gz->nnames++];
	e->region = region;
	e->form = (uint8_t)form;
	e->common = (uint8_t)common;
	e->next = gz->first[node];
	e->former = 0;
	gz->first[node] = (uint32_t)gz->nnames;
	return e;
}

/* Is s[0..n) a name of the gazetteer already? */
static int
has_name(const struct gazetteer *gz, const char *s, size_t n)
{
	uint32_t node = 0;
	size_t i = 0;

	while (i < n)
		if ((node = trie_child(gz->trie, node, utf8_next(s, n, &i))) == 0)
			return 0;
	return node < gz->capnodes && gz->first[node] != 0;
}

/* Town-level rows that are zones with generic names (综合保税区,
 * 经济开发区): the name alone says nothing about where. */
static int
generic_zone(const char *s, size_t n)
{
	static const char *const zones[] = {
		"综合保税区", "保税区", "经济开发区", "开发区", "工业园区", "园区",
		"高新区", "工业区", "示范区", "管委会",
	};
	static struct wordlist list = {
		zones, sizeof zones / sizeof *zones, NULL
	};

	return in_list(&list, s, n);
}

/* How often a short form is an ordinary word, by the word list: the
 * list's frequency of the short form against that of the division's full
 * name as a place word. A name the list writes in full at least once for
 * every PLACE_RATIO uses of its short form is a place (大连 1034 and
 * 大连市 397, 桂林 1270 and 桂林市 59, 敦煌 774 and 敦煌市 26), whatever
 * tag the list gives the short form (大连 d, 桂林 nr); one it seldom or
 * never writes in full is mostly something else (古城 1664 and 古城区 3,
 * 南部 5612 and 南部县 3, 光明 1219 and no 光明区). A short form the list
 * does not hold is a name and nothing else (湟中, 民勤). One it tags as a
 * place is one above the county level (香港, 湖南: their full names are
 * seldom written) or too rare to judge (黄南 9, under RARE_WORD); a
 * county's frequent one needs its full name as above (天山 679 and 天山区
 * 3 is mostly the mountains). A town whose full name is a frequent
 * ordinary word (街道, 农场, 小城镇) is one too. */
#define PLACE_RATIO 32
#define RARE_WORD 50

static int
is_common(struct wordseg *ws, const char *s, size_t n, int full, int level,
    const char *fullname, size_t fulln)
{
	const char *tag, *ftag;
	double w, f;
	int county = level >= LV_COUNTY;

	if (in_list(&common_list, s, n))
		return 1;
	if (full) {
		/* 鼓楼区 is a name, whatever its tag; a town named by a
		 * frequent ordinary word is not (街道, 农场, 林场) */
		tag = level == LV_TOWN && ws ? ws_tag(ws, s, n) : NULL;
		return tag != NULL && strcmp(tag, "ns") != 0 &&
		    ws_freq(ws, s, n) >= RARE_WORD;
	}
	if (ws == NULL || (w = ws_freq(ws, s, n)) <= 0)
		return 0;
	ftag = ws_tag(ws, fullname, fulln);
	f = ftag != NULL && strcmp(ftag, "ns") == 0 ?
	    ws_freq(ws, fullname, fulln) : 0;
	if (f * PLACE_RATIO >= w)
		return 0;
	tag = ws_tag(ws, s, n);
	return !(tag != NULL && strcmp(tag, "ns") == 0 &&
	    (!county || w < RARE_WORD));
}

struct codeidx {
	const char **code;
	int32_t *idx;
	size_t mask;
};

static size_t
chash(const char *s, size_t n)
{
	size_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* The division with code s[0..n), or -1. */
static int32_t
ci_get(const struct codeidx *ci, const char *s, size_t n)
{
	size_t i;

	for (i = chash(s, n) & ci->mask; ci->code[i]; i = (i + 1) & ci->mask)
		if (strncmp(ci->code[i], s, n) == 0 && ci->code[i][n] == '\0')
			return ci->idx[i];
	return -1;
}

static void
ci_put(struct codeidx *ci, const char *code, int32_t idx)
{
	size_t i;

	for (i = chash(code, strlen(code)) & ci->mask; ci->code[i];
	    i = (i + 1) & ci->mask)
		;
	ci->code[i] = code;
	ci->idx[i] = idx;
}

/* A loading in progress. Spans point into the rows' buffer, valid until
 * the caller closes the rows. */
struct span {
	const char *s;
	size_t n;
};

struct pending {		/* a division: what it needs later */
	struct span name, parent;
	unsigned long line;
};

struct former {			/* a variant or an earlier name of a division */
	struct span code, name, parent;
	unsigned long line;
	int variant;		/* another written form, not an earlier name */
};

struct load {
	struct rows *rows;
	struct gazetteer *gz;
	struct wordseg *ws;
	struct pending *pend;	/* one per division */
	size_t cap;
	struct former *former;
	size_t nformer, capformer;
	struct codeidx ci;
	struct textnorm *tn;
	char **simp;		/* names in Traditional characters, as
				 * Simplified: divisions', then formers' */
	struct buf norm;
};

/* Report a bad row (line 0: the whole file); returns 0. */
static int
load_error(struct load *L, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
load_error(struct load *L, unsigned long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	L->rows->lineno = line;
	rows_error(L->rows, "%s", msg);
	return 0;
}

/* Names may not hold what separates the output's columns and lists: a
 * control character (TAB), '/' (the path), ',' and ':' (the -a column).
 * Checked on the NFKC form, which is the raw name for these characters
 * and also catches their full-width forms. Returns 1, or 0 after
 * reporting. */
static int
check_name(struct load *L, unsigned long line, const char *raw, size_t rawn,
    const char *s, size_t n)
{
	static unsigned char bad[256];
	const char *folded;
	size_t i;

	if (bad['/'] == 0) {
		for (i = 0; i < 0x20; i++)
			bad[i] = 1;
		bad[0x7f] = bad['/'] = bad[','] = bad[':'] = 1;
	}
	for (i = 0; i < n && !bad[(unsigned char)s[i]]; i++)
		;
	if (i == n)
		return 1;
	folded = memchr(raw, s[i], rawn) ? "" : " (NFKC)";
	if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
		return load_error(L, line, "the name holds a control character "
		    "(0x%02x)", (unsigned char)s[i]);
	return load_error(L, line, "the name '%.*s' holds '%c'%s: a name may "
	    "not hold '/', ',' or ':', which separate the names of a path and "
	    "the entries of -a", (int)rawn, raw, s[i], folded);
}

static int
all_digits(const char *s, size_t n)
{
	while (n-- > 0)
		if (s[n] < '0' || s[n] > '9')
			return 0;
	return 1;
}

static int
span_is(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* One row: a division, or a variant or former name of one. Returns 0 after
 * reporting. */
static int
take_row(struct load *L)
{
	struct rows *r = L->rows;
	struct gazetteer *gz = L->gz;
	struct span code, level, name, parent;
	int lv;

	if (r->f.n != 4)
		return load_error(L, r->lineno, "expected 4 fields: code, level, "
		    "name, parent");
	code.s = rows_field(r, 0, &code.n);
	level.s = rows_field(r, 1, &level.n);
	name.s = rows_field(r, 2, &name.n);
	parent.s = rows_field(r, 3, &parent.n);
	if (code.n == 0 || code.n >= sizeof gz->r[0].code ||
	    !all_digits(code.s, code.n))
		return load_error(L, r->lineno, "the code must be 1 to 15 digits");
	for (lv = 0; lv < 4 && !span_is(level.s, level.n, level_name[lv]); lv++)
		;
	if (lv == 4 && !span_is(level.s, level.n, "former") &&
	    !span_is(level.s, level.n, "variant"))
		return load_error(L, r->lineno, "level must be province, city, "
		    "county, town, variant or former");
	if (name.n == 0)
		return load_error(L, r->lineno, "empty name");
	if (lv == 4) {
		if (L->nformer == L->capformer) {
			L->capformer = L->capformer ? L->capformer * 2 : 256;
			L->former = xrealloc(L->former, L->capformer *
			    sizeof *L->former);
		}
		L->former[L->nformer++] = (struct former){ code, name, parent,
		    r->lineno, span_is(level.s, level.n, "variant") };
		return 1;
	}
	if (gz->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 1 << 12;
		gz->r = xrealloc(gz->r, L->cap * sizeof *gz->r);
		L->pend = xrealloc(L->pend, L->cap * sizeof *L->pend);
	}
	memcpy(gz->r[gz->n].code, code.s, code.n);
	gz->r[gz->n].code[code.n] = '\0';
	gz->r[gz->n].level = (uint8_t)lv;
	gz->r[gz->n].parent = -1;
	gz->r[gz->n].name = NULL;
	L->pend[gz->n++] = (struct pending){ name, parent, r->lineno };
	return 1;
}

/* The code index (duplicates refused), parents linked, the official
 * names copied out of the rows. */
static int
link_divisions(struct load *L)
{
	struct gazetteer *gz = L->gz;
	size_t i, len = 0;
	char *p;

	L->ci.mask = 1;
	while (L->ci.mask < gz->n * 2)
		L->ci.mask <<= 1;
	L->ci.code = xcalloc(L->ci.mask, sizeof *L->ci.code);
	L->ci.idx = xmalloc(L->ci.mask * sizeof *L->ci.idx);
	L->ci.mask--;
	for (i = 0; i < gz->n; i++) {
		const char *code = gz->r[i].code;

		if (ci_get(&L->ci, code, strlen(code)) >= 0)
			return load_error(L, L->pend[i].line, "duplicate code");
		ci_put(&L->ci, code, (int32_t)i);
	}
	for (i = 0; i < gz->n; i++) {
		const struct span *par = &L->pend[i].parent;
		struct region *r = &gz->r[i];

		if (par->n == 0)
			continue;
		if ((r->parent = ci_get(&L->ci, par->s, par->n)) < 0)
			return load_error(L, L->pend[i].line, "unknown parent code");
		if (gz->r[r->parent].level >= r->level)
			return load_error(L, L->pend[i].line, "the parent is not "
			    "of a higher level");
	}
	for (i = 0; i < gz->n; i++)
		len += L->pend[i].name.n + 1;
	gz->text = p = xmalloc(len);
	for (i = 0; i < gz->n; i++) {
		memcpy(p, L->pend[i].name.s, L->pend[i].name.n);
		p[L->pend[i].name.n] = '\0';
		gz->r[i].name = p;
		p += L->pend[i].name.n + 1;
	}
	return 1;
}

/* Names are matched on text read as Simplified (simplify.h), so a name
 * written in Traditional characters is taken as Simplified (臺北市 as
 * 台北市: a variant row that says no more than the official name adds
 * nothing). The names that need it are converted together, in one call
 * of the converter, into L->simp. */
static void
simplify_names(struct load *L)
{
	struct gazetteer *gz = L->gz;
	struct buf all = { 0 };
	struct simplify *sp;
	size_t i, k, n, total = gz->n + L->nformer;
	const char *t, *nl;

	L->simp = xcalloc(total ? total : 1, sizeof *L->simp);
	for (i = 0; i < total; i++) {
		const struct span *nm = i < gz->n ? &L->pend[i].name :
		    &L->former[i - gz->n].name;

		if (!simp_needed(nm->s, nm->n))
			continue;
		buf_add(&all, nm->s, nm->n);
		buf_addc(&all, '\n');
		L->simp[i] = (char *)1;		/* to be filled */
	}
	if (all.len == 0)
		return;
	sp = simp_new();
	t = simp_line(sp, all.p, all.len, &n);
	for (i = 0; i < total; i++) {
		if (L->simp[i] == NULL)
			continue;
		if ((nl = memchr(t, '\n', n)) == NULL)
			die(EXIT_TROUBLE, "simplify: lines lost in converting names");
		k = (size_t)(nl - t);
		L->simp[i] = xmalloc(k + 1);
		memcpy(L->simp[i], t, k);
		L->simp[i][k] = '\0';
		n -= k + 1;
		t = nl + 1;
	}
	simp_free(sp);
	buf_free(&all);
}

/* The NFKC form of a name into L->norm (some towns are written with
 * full-width digits), checked again: 0 after reporting. simp: the name
 * as Simplified, or NULL when it is. */
static int
norm_name(struct load *L, unsigned long line, const char *s, size_t n,
    const char *simp)
{
	L->norm.len = 0;
	tn_apply(L->tn, simp ? simp : s, simp ? strlen(simp) : n, &L->norm);
	if (L->norm.len == 0)
		return load_error(L, line, "empty name");
	return check_name(L, line, s, n, L->norm.p, L->norm.len);
}

/* A name of region i (official or a variant, NFKC in L->norm) and its
 * short form; late as for add_name. */
static void
add_official(struct load *L, size_t i, int late)
{
	struct gazetteer *gz = L->gz;
	const struct region *r = &gz->r[i];
	size_t sf;
	int zone = r->level == LV_COUNTY && strlen(r->code) == 6 &&
	    r->code[4] == '7';	/* development zones: full names only */

	if (r->level == LV_TOWN && generic_zone(L->norm.p, L->norm.len))
		return;		/* 综合保税区: one of many, no place name */
	add_name(gz, L->norm.p, L->norm.len, (uint32_t)i, F_FULL,
	    is_common(L->ws, L->norm.p, L->norm.len, 1, r->level, NULL, 0),
	    late);
	if (r->level == LV_TOWN || zone ||
	    (sf = short_form(L->norm.p, L->norm.len)) == 0)
		return;
	add_name(gz, L->norm.p, sf, (uint32_t)i, F_SHORT,
	    is_common(L->ws, L->norm.p, sf, 0, r->level, L->norm.p, L->norm.len),
	    late);
}

/* A former name of region i (NFKC in L->norm), the formers entry fm
 * (+ 1), and above the town level its short form (襄樊 for 襄樊市) when
 * that is the name of no division today. */
static void
add_former(struct load *L, size_t i, uint32_t fm)
{
	struct gazetteer *gz = L->gz;
	struct gz_name *e;
	size_t sf;

	if ((e = add_name(gz, L->norm.p, L->norm.len, (uint32_t)i, F_FORMER, 0,
	    1)) != NULL)
		e->former = fm;
	if (gz->r[i].level == LV_TOWN ||
	    (sf = short_form(L->norm.p, L->norm.len)) == 0 ||
	    has_name(gz, L->norm.p, sf))
		return;
	if ((e = add_name(gz, L->norm.p, sf, (uint32_t)i, F_FORMER,
	    is_common(L->ws, L->norm.p, sf, 0, gz->r[i].level, L->norm.p,
	    L->norm.len), 1)) != NULL)
		e->former = fm;
}

/* Every name into the trie: official names and their short forms, then
 * variant names (and theirs) and former names (and theirs). */
static int
add_names(struct load *L)
{
	struct gazetteer *gz = L->gz;
	size_t i, len;
	char *p;

	gz->trie = trie_new(1u << 17);
	gz->capnodes = 1u << 16;
	gz->first = xcalloc(gz->capnodes, sizeof *gz->first);
	L->tn = tn_new(TN_NFKC);
	simplify_names(L);
	for (i = 0; i < gz->n; i++) {
		if (!norm_name(L, L->pend[i].line, gz->r[i].name,
		    L->pend[i].name.n, L->simp[i]))
			return 0;
		add_official(L, i, 0);
	}
	for (i = 0, len = 0; i < L->nformer; i++)
		len += L->former[i].name.n + 1;
	gz->ftext = p = xmalloc(len ? len : 1);
	gz->formers = xmalloc((L->nformer ? L->nformer : 1) *
	    sizeof *gz->formers);
	for (i = 0; i < L->nformer; i++) {
		const struct former *f = &L->former[i];
		int32_t idx = ci_get(&L->ci, f->code.s, f->code.n), par = -1;
		struct gz_former *fm;

		if (idx < 0)
			return load_error(L, f->line, "%s name of an unknown code",
			    f->variant ? "variant" : "former");
		if (!norm_name(L, f->line, f->name.s, f->name.n,
		    L->simp[gz->n + i]))
			return 0;
		if (f->variant) {
			add_official(L, (size_t)idx, 1);
			continue;
		}
		if (f->parent.n > 0 &&
		    (par = ci_get(&L->ci, f->parent.s, f->parent.n)) < 0)
			return load_error(L, f->line, "unknown parent code");
		fm = &gz->formers[gz->nformers++];
		memcpy(p, f->name.s, f->name.n);
		p[f->name.n] = '\0';
		fm->name = p;
		fm->parent = par;
		p += f->name.n + 1;
		add_former(L, (size_t)idx, (uint32_t)gz->nformers);
	}
	return 1;
}

static void
load_free(struct load *L)
{
	free(L->ci.code);
	free(L->ci.idx);
	free(L->pend);
	free(L->former);
	buf_free(&L->norm);
	tn_free(L->tn);
	if (L->simp) {
		size_t i;

		for (i = 0; i < L->gz->n + L->nformer; i++)
			free(L->simp[i]);
		free(L->simp);
	}
}

static void
set_bit(uint64_t *bits, uint32_t k)
{
	bits[k >> 6] |= (uint64_t)1 << (k & 63);
}

static void
set_pair(void *arg, uint32_t a, uint32_t b, uint32_t node)
{
	struct gazetteer *gz = arg;

	set_bit(gz->pairs, gz_pair_bit(a, b));
	if (node < gz->capnodes && gz->first[node])	/* a name of two */
		set_bit(gz->triples, gz_triple_bit(a, b, GZ_END));
}

static void
set_triple(void *arg, uint32_t a, uint32_t b, uint32_t c)
{
	struct gazetteer *gz = arg;

	set_bit(gz->triples, gz_triple_bit(a, b, c));
}

/* The filters of the pairs and the triples that begin names, from the
 * finished trie. */
static void
make_pairs(struct gazetteer *gz)
{
	gz->pairs = xcalloc((size_t)1 << (GZ_PAIRBITS - 6), sizeof *gz->pairs);
	gz->triples = xcalloc((size_t)1 << (GZ_PAIRBITS - 6),
	    sizeof *gz->triples);
	trie_pairs(gz->trie, set_pair, gz);
	trie_triples(gz->trie, set_triple, gz);
}

struct gazetteer *
gz_read(struct rows *r, struct wordseg *ws)
{
	struct load L;
	int ok = 1;

	memset(&L, 0, sizeof L);
	L.rows = r;
	L.ws = ws;
	L.gz = xcalloc(1, sizeof *L.gz);
	while (ok && rows_next(r))
		ok = take_row(&L);
	if (ok && !r->failed && L.gz->n == 0)
		ok = load_error(&L, 0, "no divisions");
	ok = ok && !r->failed && link_divisions(&L) && add_names(&L);
	load_free(&L);
	if (!ok) {
		gz_free(L.gz);
		return NULL;
	}
	make_pairs(L.gz);
	return L.gz;
}

struct gazetteer *
gz_load_buf(const char *name, const char *p, size_t n, struct wordseg *ws)
{
	struct rows r;
	struct gazetteer *gz;

	rows_buf(&r, name, p, n, 0);
	gz = gz_read(&r, ws);
	rows_close(&r);
	return gz;
}

struct gazetteer *
gz_build(const char *path, struct wordseg *ws)
{
	struct rows r;
	struct gazetteer *gz;

	if (path == NULL)
		return gz_load_buf("built-in gazetteer", zh_regions_data,
		    zh_regions_size, ws);
	if (rows_path(&r, path, 0) < 0)
		return NULL;
	gz = gz_read(&r, ws);
	rows_close(&r);
	return gz;
}

void
gz_free(struct gazetteer *gz)
{
	if (gz == NULL)
		return;
	if (gz->rodata) {
		free(gz);
		return;
	}
	trie_free(gz->trie);
	free(gz->pairs);
	free(gz->triples);
	free(gz->first);
	free(gz->names);
	free(gz->r);
	free(gz->text);
	free(gz->formers);
	free(gz->ftext);
	free(gz);
}

int
gz_ancestor(const struct gazetteer *gz, int32_t a, int32_t b)
{
	while (b >= 0) {
		if (a == b)
			return 1;
		b = gz->r[b].parent;
	}
	return 0;
}

void
gz_path(const struct gazetteer *gz, int32_t r, struct buf *out)
{
	int32_t chain[8];
	int n = 0, k;

	while (r >= 0 && n < 8) {
		chain[n++] = r;
		r = gz->r[r].parent;
	}
	for (k = n - 1; k >= 0; k--) {
		buf_add(out, gz->r[chain[k]].name, strlen(gz->r[chain[k]].name));
		if (k > 0)
			buf_addc(out, '/');
	}
}

void
gz_former_path(const struct gazetteer *gz, uint32_t former, struct buf *out)
{
	const struct gz_former *fm = &gz->formers[former - 1];

	if (fm->parent >= 0) {
		gz_path(gz, fm->parent, out);
		buf_addc(out, '/');
	}
	buf_add(out, fm->name, strlen(fm->name));
}

/* The tables are const data; the pointers of struct gazetteer are not,
 * but nothing writes through them. */
struct gazetteer *
gz_open(const struct gz_prebuilt *p)
{
	struct gazetteer *gz = xcalloc(1, sizeof *gz);

	gz->r = (struct region *)p->r;
	gz->n = p->n;
	gz->trie = (struct trie *)p->trie;
	gz->first = (uint32_t *)p->first;
	gz->capnodes = p->capnodes;
	gz->names = (struct gz_name *)p->names;
	gz->nnames = p->nnames;
	gz->capnames = p->capnames;
	gz->formers = (struct gz_former *)p->formers;
	gz->nformers = p->nformers;
	gz->pairs = (uint64_t *)p->pairs;
	gz->single = p->single;
	gz->triples = (uint64_t *)p->triples;
	gz->rodata = 1;
	return gz;
}

void
gz_emit(const struct gazetteer *gz, FILE *f, const char *name)
{
	char tn[64];
	size_t i;

	snprintf(tn, sizeof tn, "%s_trie", name);
	trie_emit(gz->trie, f, tn);
	/* the names, each ended by its NUL */
	fprintf(f, "static const char %s_text[] =\n", name);
	for (i = 0; i < gz->n; i++) {
		emit_cstring(f, gz->r[i].name, strlen(gz->r[i].name) + 1);
		fputc('\n', f);
	}
	fprintf(f, "\"\";\nstatic const char %s_ftext[] =\n", name);
	for (i = 0; i < gz->nformers; i++) {
		emit_cstring(f, gz->formers[i].name, strlen(gz->formers[i].name) + 1);
		fputc('\n', f);
	}
	fprintf(f, "\"\";\nstatic const struct region %s_r[%zu] = {\n", name,
	    gz->n ? gz->n : 1);
	for (i = 0; i < gz->n; i++) {
		fprintf(f, "{ ");
		emit_cstring(f, gz->r[i].code, strlen(gz->r[i].code));
		fprintf(f, ", %u, %ld, %s_text + %zu },\n", gz->r[i].level,
		    (long)gz->r[i].parent, name,
		    (size_t)(gz->r[i].name - gz->text));
	}
	fprintf(f, "};\nstatic const uint32_t %s_first[%lu] = {\n", name,
	    (unsigned long)gz->capnodes);
	for (i = 0; i < gz->capnodes; i++)
		fprintf(f, "%lu,%s", (unsigned long)gz->first[i],
		    i % 16 == 15 ? "\n" : "");
	fprintf(f, "};\nstatic const struct gz_name %s_names[%zu] = {\n", name,
	    gz->nnames ? gz->nnames : 1);
	for (i = 0; i < gz->nnames; i++) {
		const struct gz_name *e = &gz->names[i];

		fprintf(f, "{ %lu, %u, %u, %lu, %lu },\n", (unsigned long)e->region,
		    e->form, e->common, (unsigned long)e->next,
		    (unsigned long)e->former);
	}
	fprintf(f, "};\nstatic const struct gz_former %s_formers[%zu] = {\n",
	    name, gz->nformers ? gz->nformers : 1);
	for (i = 0; i < gz->nformers; i++)
		fprintf(f, "{ %s_ftext + %zu, %ld },\n", name,
		    (size_t)(gz->formers[i].name - gz->ftext),
		    (long)gz->formers[i].parent);
	fprintf(f, "};\nstatic const uint64_t %s_pairs[%lu] = {\n", name,
	    1ul << (GZ_PAIRBITS - 6));
	for (i = 0; i < (size_t)1 << (GZ_PAIRBITS - 6); i++)
		fprintf(f, "%#llxULL,%s", (unsigned long long)gz->pairs[i],
		    i % 8 == 7 ? "\n" : "");
	fprintf(f, "};\nstatic const uint64_t %s_triples[%lu] = {\n", name,
	    1ul << (GZ_PAIRBITS - 6));
	for (i = 0; i < (size_t)1 << (GZ_PAIRBITS - 6); i++)
		fprintf(f, "%#llxULL,%s", (unsigned long long)gz->triples[i],
		    i % 8 == 7 ? "\n" : "");
	fprintf(f, "};\nconst struct gz_prebuilt %s_prebuilt = {\n"
	    "\t.r = %s_r,\n\t.n = %zu,\n\t.trie = &%s,\n\t.first = %s_first,\n"
	    "\t.capnodes = %lu,\n\t.names = %s_names,\n\t.nnames = %zu,\n"
	    "\t.capnames = %zu,\n\t.formers = %s_formers,\n\t.nformers = %zu,\n"
	    "\t.pairs = %s_pairs,\n\t.single = %d,\n\t.triples = %s_triples,\n"
	    "};\n", name, name, gz->n, tn, name, (unsigned long)gz->capnodes,
	    name, gz->nnames, gz->capnames, name, gz->nformers, name,
	    gz->single, name);
}

int
gz_same(const struct gazetteer *a, const struct gazetteer *b)
{
	size_t i;

	if (a->n != b->n || a->nnames != b->nnames ||
	    a->nformers != b->nformers || a->capnodes != b->capnodes ||
	    !trie_same(a->trie, b->trie) ||
	    memcmp(a->first, b->first, a->capnodes * sizeof *a->first) != 0 ||
	    a->single != b->single || memcmp(a->pairs, b->pairs,
	    ((size_t)1 << (GZ_PAIRBITS - 6)) * sizeof *a->pairs) != 0 ||
	    memcmp(a->triples, b->triples,
	    ((size_t)1 << (GZ_PAIRBITS - 6)) * sizeof *a->triples) != 0)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->r[i].code, b->r[i].code) != 0 ||
		    a->r[i].level != b->r[i].level ||
		    a->r[i].parent != b->r[i].parent ||
		    strcmp(a->r[i].name, b->r[i].name) != 0)
			return 0;
	for (i = 0; i < a->nnames; i++)
		if (a->names[i].region != b->names[i].region ||
		    a->names[i].form != b->names[i].form ||
		    a->names[i].common != b->names[i].common ||
		    a->names[i].next != b->names[i].next ||
		    a->names[i].former != b->names[i].former)
			return 0;
	for (i = 0; i < a->nformers; i++)
		if (a->formers[i].parent != b->formers[i].parent ||
		    strcmp(a->formers[i].name, b->formers[i].name) != 0)
			return 0;
	return 1;
}
