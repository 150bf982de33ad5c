/* gazetteer.c - administrative divisions: loading, short forms, the trie
 *
 * Each division is found by its official name (甘肃省, 城关镇), by other
 * written forms of it ("variant" rows: 沙田區 for 沙田区), by former names
 * (湟中县), and above the town level by the short forms of its official
 * and variant names (甘肃, 武威, 湟中, 天祝 for 天祝藏族自治县, 灣仔 for
 * 灣仔區). A short form that is also an ordinary
 * word (和平, 振兴, 城区) is marked "common": it counts only with support
 * from the rest of the article. */
#include "gazetteer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "input.h"
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

/* Suffixes that make a short form, longest first; Traditional forms
 * where they differ (香港特別行政區, 臺東縣, 灣仔區). */
static const char *const suffixes[] = {
	"特别行政区", "特別行政區", "自治县", "自治州", "自治区", "自治旗",
	"地区", "林区", "省", "市", "县", "縣", "区", "區", "盟", "旗", "州",
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
static void
add_name(struct gazetteer *gz, const char *s, size_t n, uint32_t region,
    int form, int common, int late)
{
	uint32_t node = 0;
	size_t i = 0;
	struct gz_name *e;

	while (i < n)
		node = trie_add(gz->trie, node, utf8_next(s, n, &i));
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
			return;
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
	gz->first[node] = (uint32_t)gz->nnames;
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

/* A county's short form this frequent in the word list is mostly an
 * ordinary word (古城 1664, 天山 679, 大城 384, 白塔 62; 民勤 19,
 * 湟中 15, 肃北 4 are not): it needs support from the article. */
#define COUNTY_WORD_FREQ 50

static int
is_common(struct wordseg *ws, const char *s, size_t n, int full, int county)
{
	const char *tag;

	if (in_list(&common_list, s, n))
		return 1;
	if (full)
		return 0;	/* 鼓楼区 is a name, whatever its tag */
	if (county && ws && ws_freq(ws, s, n) >= COUNTY_WORD_FREQ)
		return 1;
	/* a frequent personal name (阿里, as in 阿里·侯赛因) */
	tag = ws ? ws_tag(ws, s, n) : NULL;
	if (tag && tag[0] == 'n' && tag[1] == 'r' &&
	    ws_freq(ws, s, n) >= COUNTY_WORD_FREQ)
		return 1;
	/* an ordinary word of the word list, not a place name */
	tag = ws ? ws_tag(ws, s, n) : NULL;
	return tag != NULL && strcmp(tag, "ns") != 0 && strcmp(tag, "nr") != 0 &&
	    strcmp(tag, "nrt") != 0;
}

struct codeidx {
	char **code;
	int32_t *idx;
	size_t mask;
};

static size_t
chash(const char *s)
{
	size_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static int32_t
ci_get(const struct codeidx *ci, const char *code)
{
	size_t i;

	for (i = chash(code) & ci->mask; ci->code[i]; i = (i + 1) & ci->mask)
		if (strcmp(ci->code[i], code) == 0)
			return ci->idx[i];
	return -1;
}

static void
ci_put(struct codeidx *ci, char *code, int32_t idx)
{
	size_t i;

	for (i = chash(code) & ci->mask; ci->code[i]; i = (i + 1) & ci->mask)
		;
	ci->code[i] = code;
	ci->idx[i] = idx;
}

/* What a load has allocated, so that a bad file frees it all before the
 * fatal message (the tools exit; a caller that survives die() does not
 * leak). */
struct load {
	const char *label;
	struct gazetteer *gz;
	struct row *rows;
	int32_t *rowidx;
	struct codeidx ci;
	struct textnorm *tn;
	struct buf norm;
};

static void load_free(struct load *L);

_Noreturn static void
bad(struct load *L, unsigned long line, const char *msg)
{
	char label[512];

	snprintf(label, sizeof label, "%s", L->label);
	load_free(L);
	gz_free(L->gz);
	input_error(label, line, "%s", msg);
	die(EXIT_TROUBLE, "%s: cannot use this gazetteer", label);
}

struct row {
	char *f[4];
	unsigned long line;
};

/* Split the TSV in place into rows of 4 fields; comments and blank lines
 * are skipped. Bad rows are fatal. */
static struct row *
split_rows(struct load *L, char *text, size_t len, size_t *nrows)
{
	struct row *rows = NULL;
	size_t n = 0, cap = 0;
	unsigned long line = 0;
	char *p = text, *end = text + len;

	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *q;
		int k = 0;

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		line++;
		if (*p != '#' && *p != '\0') {
			if (n == cap) {
				cap = cap ? cap * 2 : 1 << 16;
				rows = L->rows = xrealloc(rows, cap * sizeof *rows);
			}
			rows[n].f[k++] = p;
			for (q = p; *q; q++)
				if (*q == '\t') {
					*q = '\0';
					if (k == 4)
						bad(L, line, "expected 4 fields: "
						    "code, level, name, parent");
					rows[n].f[k++] = q + 1;
				}
			if (k != 4)
				bad(L, line, "expected 4 fields: code, level, "
				    "name, parent");
			rows[n].line = line;
			n++;
		}
		p = nl + 1;
	}
	*nrows = n;
	return rows;
}

/* A name of region i, official or a variant, and its short form. */
static void
add_names(struct gazetteer *gz, struct load *L, struct wordseg *ws,
    int32_t i, const char *name, int late)
{
	const struct region *r = &gz->r[i];
	size_t sf;
	int zone = r->level == LV_COUNTY && strlen(r->code) == 6 &&
	    r->code[4] == '7';	/* development zones: full names only */

	L->norm.len = 0;
	tn_apply(L->tn, name, strlen(name), &L->norm);
	if (r->level == LV_TOWN && generic_zone(L->norm.p, L->norm.len))
		return;		/* 综合保税区: one of many, no place name */
	add_name(gz, L->norm.p, L->norm.len, (uint32_t)i, F_FULL,
	    is_common(ws, L->norm.p, L->norm.len, 1, 0), late);
	if (r->level == LV_TOWN || zone ||
	    (sf = short_form(L->norm.p, L->norm.len)) == 0)
		return;
	add_name(gz, L->norm.p, sf, (uint32_t)i, F_SHORT,
	    is_common(ws, L->norm.p, sf, 0, r->level == LV_COUNTY), late);
}

struct gazetteer *
gz_load(const char *path, struct wordseg *ws)
{
	struct gazetteer *gz = xcalloc(1, sizeof *gz);
	struct load L = { 0 };
	struct row *rows;
	size_t nrows, i, len;
	int32_t *rowidx;

	L.label = path ? path : "built-in gazetteer";
	L.gz = gz;
	L.tn = tn_new(TN_NFKC);

	if (path) {
		struct reader r;
		const char *s;
		size_t n;
		struct buf all = { 0 };

		if (rd_open(&r, path, RD_STRICT) < 0) {
			load_free(&L);
			gz_free(gz);
			die(EXIT_TROUBLE, "%s: cannot read the gazetteer", path);
		}
		while (rd_line(&r, &s, &n)) {
			buf_add(&all, s, n);
			buf_addc(&all, '\n');
		}
		rd_close(&r);
		if (r.failed) {
			buf_free(&all);
			load_free(&L);
			gz_free(gz);
			die(EXIT_TROUBLE, "%s: cannot read the gazetteer", path);
		}
		len = all.len;
		gz->text = buf_cstr(&all);
	} else {
		len = zh_regions_size;
		gz->text = memcpy(xmalloc(len + 1), zh_regions_data, len);
		gz->text[len] = '\0';
	}
	rows = split_rows(&L, gz->text, len, &nrows);
	gz->r = xmalloc((nrows ? nrows : 1) * sizeof *gz->r);
	rowidx = L.rowidx = xmalloc((nrows ? nrows : 1) * sizeof *rowidx);
	gz->trie = trie_new(1u << 17);
	gz->capnodes = 1u << 16;
	gz->first = xcalloc(gz->capnodes, sizeof *gz->first);

	/* the divisions */
	for (i = 0; i < nrows; i++) {
		char **f = rows[i].f;
		size_t cl = strlen(f[0]);
		int lv;

		rowidx[i] = -1;
		if (cl == 0 || cl >= sizeof gz->r[0].code ||
		    strspn(f[0], "0123456789") != cl)
			bad(&L, rows[i].line, "the code must be 1 to 15 digits");
		if (strcmp(f[1], "former") == 0 || strcmp(f[1], "variant") == 0)
			continue;
		for (lv = 0; lv < 4 && strcmp(f[1], level_name[lv]); lv++)
			;
		if (lv == 4)
			bad(&L, rows[i].line, "level must be province, city, "
			    "county, town, variant or former");
		if (*f[2] == '\0')
			bad(&L, rows[i].line, "empty name");
		memcpy(gz->r[gz->n].code, f[0], cl + 1);
		gz->r[gz->n].level = (uint8_t)lv;
		gz->r[gz->n].name = f[2];
		rowidx[i] = (int32_t)gz->n++;
	}
	if (gz->n == 0)
		bad(&L, 0, "no divisions");
	L.ci.mask = 1;
	while (L.ci.mask < gz->n * 2)
		L.ci.mask <<= 1;
	L.ci.code = xcalloc(L.ci.mask, sizeof *L.ci.code);
	L.ci.idx = xmalloc(L.ci.mask * sizeof *L.ci.idx);
	L.ci.mask--;
	for (i = 0; i < nrows; i++) {
		int32_t r = rowidx[i];

		if (r < 0)
			continue;
		if (ci_get(&L.ci, gz->r[r].code) >= 0)
			bad(&L, rows[i].line, "duplicate code");
		ci_put(&L.ci, gz->r[r].code, r);
	}
	for (i = 0; i < nrows; i++) {
		int32_t r = rowidx[i];
		const char *parent = rows[i].f[3];

		if (r < 0)
			continue;
		if (*parent == '\0') {
			gz->r[r].parent = -1;
			continue;
		}
		if ((gz->r[r].parent = ci_get(&L.ci, parent)) < 0)
			bad(&L, rows[i].line, "unknown parent code");
		if (gz->r[gz->r[r].parent].level >= gz->r[r].level)
			bad(&L, rows[i].line, "the parent is not of a higher level");
	}
	/* names and short forms (NFKC: some towns are written with
	 * full-width digits) */
	for (i = 0; i < gz->n; i++)
		add_names(gz, &L, ws, (int32_t)i, gz->r[i].name, 0);
	/* variant and former names */
	for (i = 0; i < nrows; i++) {
		int32_t idx;

		if (rowidx[i] >= 0)
			continue;
		if ((idx = ci_get(&L.ci, rows[i].f[0])) < 0)
			bad(&L, rows[i].line, "variant or former name of an "
			    "unknown code");
		if (*rows[i].f[2] == '\0')
			bad(&L, rows[i].line, "empty name");
		if (strcmp(rows[i].f[1], "variant") == 0) {
			add_names(gz, &L, ws, idx, rows[i].f[2], 1);
			continue;
		}
		L.norm.len = 0;
		tn_apply(L.tn, rows[i].f[2], strlen(rows[i].f[2]), &L.norm);
		add_name(gz, L.norm.p, L.norm.len, (uint32_t)idx, F_FORMER, 0, 1);
	}
	load_free(&L);
	return gz;
}

static void
load_free(struct load *L)
{
	free(L->ci.code);
	free(L->ci.idx);
	free(L->rows);
	free(L->rowidx);
	buf_free(&L->norm);
	tn_free(L->tn);
	memset(&L->ci, 0, sizeof L->ci);
	L->rows = NULL;
	L->rowidx = NULL;
	L->tn = NULL;
}

void
gz_free(struct gazetteer *gz)
{
	if (gz == NULL)
		return;
	trie_free(gz->trie);
	free(gz->first);
	free(gz->names);
	free(gz->r);
	free(gz->text);
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

size_t
gz_path(const struct gazetteer *gz, int32_t r, char *out, size_t cap)
{
	int32_t chain[8];
	int n = 0, k;
	size_t len = 0;

	while (r >= 0 && n < 8) {
		chain[n++] = r;
		r = gz->r[r].parent;
	}
	out[0] = '\0';
	for (k = n - 1; k >= 0; k--) {
		int w = snprintf(out + len, cap - len, "%s%s", len ? "/" : "",
		    gz->r[chain[k]].name);

		if (w < 0 || (size_t)w >= cap - len)
			break;
		len += (size_t)w;
	}
	return len;
}
