/* placetag.c - place names in text, resolved with the article as context
 *
 * Matching: at each position the longest name of the gazetteer that
 * passes the word-boundary test is taken. Evidence for boundaries comes
 * from the word list: a word that crosses the start of a name (党建|平台
 * has no 建平) or its end (动机和|政治 has no 和政, 发展|乡村 no 发展乡;
 * 武威|市民 falls back to 武威), or that
 * holds a short form inside it without being a place or an organisation
 * itself (乡村振兴), rules the match out.
 *
 * Resolution: a name with one candidate that is not an ordinary word
 * anchors its division. Every other candidate scores the anchors of the
 * article that are its ancestors or descendants; the best score wins,
 * ties go to the nearest preceding anchor that is an ancestor of one of
 * them. Ordinary words (和平, 振兴) count only with such support; names
 * still ambiguous are left unresolved, with their candidate count. */
#include "placetag.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"

static const char *const org_suffixes[] = {
	"日报", "晚报", "电视台", "广播电视台", "新闻网", "报社", "大学", "学院",
	"医院", "公司", "集团", "银行", "市委", "省委", "县委", "区委", "州委",
	"党委", "人民政府", "政府", "人大", "政协", "法院", "检察院", "公安局",
	"委员会", "融媒体中心", "中学", "小学",
};

struct placetag *
pt_new(const struct gazetteer *gz, struct wordseg *ws)
{
	struct placetag *pt = xcalloc(1, sizeof *pt);

	pt->gz = gz;
	pt->ws = ws;
	pt->self = xcalloc(gz->n, sizeof *pt->self);
	pt->sub = xcalloc(gz->n, sizeof *pt->sub);
	pt->touched = xmalloc(gz->n * sizeof *pt->touched);
	return pt;
}

void
pt_free(struct placetag *pt)
{
	if (pt == NULL)
		return;
	free(pt->m);
	free(pt->cp);
	free(pt->off);
	free(pt->self);
	free(pt->sub);
	free(pt->touched);
	free(pt);
}

void
pt_reset(struct placetag *pt)
{
	size_t i;

	for (i = 0; i < pt->ntouched; i++) {
		pt->self[pt->touched[i]] = 0;
		pt->sub[pt->touched[i]] = 0;
	}
	pt->ntouched = 0;
	pt->n = 0;
}

/* ---- matching ---- */

struct wordcheck {
	const uint32_t *cp;
	size_t s, b, e;		/* word start; candidate span */
	int cross, contain_bad, contain_org;
	int shortform;
	int town;		/* a town's full name: 发展乡 */
};

/* Words that may follow a full name across its suffix: 武威市委 甘肃省长 */
static const char *const suffix_words[] = {
	"市委", "省委", "县委", "区委", "州委", "市政府", "省政府", "县政府",
	"区政府", "州政府", "镇政府", "乡政府", "市长", "省长", "县长", "区长",
	"州长", "镇长", "乡长", "市民", "县城", "市区", "省会", "县域", "市域",
	"乡镇", "镇党委", "乡党委", "区域",
};

static int
suffix_word(const uint32_t *cp, size_t s, size_t len)
{
	size_t k, i;

	for (k = 0; k < sizeof suffix_words / sizeof *suffix_words; k++) {
		const char *w = suffix_words[k];
		size_t wl = strlen(w), j = 0;

		if (utf8_count(w, wl) != len)
			continue;
		for (i = 0; i < len && utf8_next(w, wl, &j) == cp[s + i]; i++)
			;
		if (i == len)
			return 1;
	}
	return 0;
}

static void
on_word(void *arg, size_t len, const char *tag)
{
	struct wordcheck *w = arg;
	size_t we = w->s + len;

	if (len < 2)
		return;
	if (w->s < w->b && we > w->b && we < w->e)
		w->cross = 1;			/* 党建|平台 */
	else if (w->s > w->b && w->s < w->e && we > w->e &&
	    (w->shortform || w->town) && !(w->s == w->e - 1 && !w->shortform &&
	    suffix_word(w->cp, w->s, len)))
		w->cross = 1;			/* 和|政治, 发展|乡村 */
	else if (w->s <= w->b && we >= w->e && we - w->s > w->e - w->b) {
		if (strcmp(tag, "nt") == 0 || strcmp(tag, "nz") == 0)
			w->contain_org = 1;	/* an organisation's name */
		else if (strcmp(tag, "ns") != 0 && w->shortform)
			w->contain_bad = 1;	/* 乡村振兴 */
	}
}

/* 0 reject, 1 accept, 2 accept inside an organisation's name */
static int
boundaries(struct placetag *pt, size_t m, size_t b, size_t e, int shortform,
    int town)
{
	struct wordcheck w = { pt->cp, 0, b, e, 0, 0, 0, shortform, town };
	size_t s;

	if (pt->ws == NULL)
		return 1;
	for (s = b > 4 ? b - 4 : 0; s < e && !w.cross && !w.contain_bad; s++) {
		w.s = s;
		ws_prefixes(pt->ws, pt->cp + s, m - s, on_word, &w);
	}
	if (w.cross || w.contain_bad)
		return 0;
	return w.contain_org ? 2 : 1;
}

/* An organisation's name follows: 甘肃日报, or 武威市委 where the
 * suffix shares the name's last character. */
static int
org_after(const struct placetag *pt, const char *s, size_t n, size_t bb,
    size_t be)
{
	size_t k, last = be;

	while (last > bb && ((unsigned char)s[last - 1] & 0xC0) == 0x80)
		last--;
	if (last > bb)
		last--;
	for (k = 0; k < sizeof org_suffixes / sizeof *org_suffixes; k++) {
		size_t l = strlen(org_suffixes[k]);

		if ((n - be >= l && memcmp(s + be, org_suffixes[k], l) == 0) ||
		    (n - last >= l && l > be - last &&
		    memcmp(s + last, org_suffixes[k], l) == 0))
			return 1;
	}
	(void)pt;
	return 0;
}

void
pt_scan(struct placetag *pt, size_t rec, const char *s, size_t n)
{
	const struct gazetteer *gz = pt->gz;
	size_t m = 0, i = 0;

	if (n + 1 > pt->cpcap) {
		pt->cpcap = (n + 1) * 2;
		pt->cp = xrealloc(pt->cp, pt->cpcap * sizeof *pt->cp);
		pt->off = xrealloc(pt->off, pt->cpcap * sizeof *pt->off);
	}
	while (i < n) {
		pt->off[m] = i;
		pt->cp[m++] = utf8_next(s, n, &i);
	}
	pt->off[m] = n;
	for (i = 0; i < m;) {
		uint32_t node = 0, ends[16], nodes[16];
		size_t j, k = 0;

		if (!uc_is_han(pt->cp[i])) {
			i++;
			continue;
		}
		for (j = i; j < m && k < 16; j++) {
			if ((node = trie_child(gz->trie, node, pt->cp[j])) == 0)
				break;
			if (gz->first[node]) {
				ends[k] = (uint32_t)(j + 1);
				nodes[k++] = node;
			}
		}
		while (k-- > 0) {	/* the longest that passes */
			const struct gz_name *e = &gz->names[gz->first[nodes[k]] - 1];
			const struct gz_name *x;
			struct mention *mt;
			int shortform = 1, common = 0, ok, cands = 0;

			for (x = e;; x = &gz->names[x->next - 1]) {
				if (x->form != F_SHORT)
					shortform = 0;
				common |= x->common;
				cands++;
				if (!x->next)
					break;
			}
			/* a name right after a Han letter of no word is fine:
			 * 在武威 — the word list decides */
			ok = boundaries(pt, m, i, ends[k], shortform,
			    !shortform && gz->r[e->region].level == LV_TOWN);
			if (!ok)
				continue;
			if (pt->n == pt->cap) {
				pt->cap = pt->cap ? pt->cap * 2 : 64;
				pt->m = xrealloc(pt->m, pt->cap * sizeof *pt->m);
			}
			mt = &pt->m[pt->n++];
			memset(mt, 0, sizeof *mt);
			mt->rec = rec;
			mt->b = i;
			mt->e = ends[k];
			mt->bb = pt->off[i];
			mt->be = pt->off[ends[k]];
			mt->node = nodes[k];
			mt->region = -1;
			mt->ncand = cands;
			mt->level = gz->r[e->region].level;
			mt->form = e->form;
			mt->common = (uint8_t)common;
			mt->org = ok == 2 || org_after(pt, s, n, mt->bb, mt->be);
			i = ends[k];
			goto next;
		}
		i++;
next:		;
	}
}

/* ---- resolution ---- */

static void
count_anchor(struct placetag *pt, int32_t r)
{
	const struct gazetteer *gz = pt->gz;
	int32_t a;

	if (pt->self[r] == 0 && pt->sub[r] == 0)
		pt->touched[pt->ntouched++] = (uint32_t)r;
	pt->self[r]++;
	for (a = r; a >= 0; a = gz->r[a].parent) {
		if (a != r && pt->self[a] == 0 && pt->sub[a] == 0)
			pt->touched[pt->ntouched++] = (uint32_t)a;
		pt->sub[a]++;
	}
}

/* anchors related to c (ancestors, descendants, itself), less `own` */
static uint32_t
support(const struct placetag *pt, int32_t c, uint32_t own)
{
	const struct gazetteer *gz = pt->gz;
	uint32_t s = pt->sub[c];
	int32_t a;

	for (a = gz->r[c].parent; a >= 0; a = gz->r[a].parent)
		s += pt->self[a];
	return s - own;
}

static int32_t
only_candidate(const struct gazetteer *gz, const struct mention *mt)
{
	return mt->ncand == 1 ? (int32_t)gz->names[gz->first[mt->node] - 1].region : -1;
}

void
pt_resolve(struct placetag *pt)
{
	const struct gazetteer *gz = pt->gz;
	size_t i;
	int round;

	/* anchors: one candidate, not an ordinary word */
	for (i = 0; i < pt->n; i++) {
		struct mention *mt = &pt->m[i];
		int32_t r = only_candidate(gz, mt);

		if (r >= 0 && !mt->common) {
			mt->region = r;
			count_anchor(pt, r);
		}
	}
	for (round = 0; round < 3; round++) {
		int changed = 0;

		for (i = 0; i < pt->n; i++) {
			struct mention *mt = &pt->m[i];
			const struct gz_name *x;
			int32_t best = -1;
			uint32_t bs = 0, ties = 0;

			if (mt->region >= 0 || mt->drop)
				continue;
			for (x = &gz->names[gz->first[mt->node] - 1];;
			    x = &gz->names[x->next - 1]) {
				uint32_t sc = support(pt, (int32_t)x->region, 0);

				if (sc > bs) {
					bs = sc;
					best = (int32_t)x->region;
					ties = 1;
				} else if (sc == bs && sc > 0)
					ties++;
				if (!x->next)
					break;
			}
			if (bs > 0 && ties > 1) {
				/* the nearest preceding anchor that is an
				 * ancestor of exactly one of the best */
				size_t k;

				best = -1;
				for (k = i; k-- > 0 && best < 0;) {
					int32_t a = pt->m[k].region, hit = -1;
					int nh = 0;

					if (a < 0)
						continue;
					for (x = &gz->names[gz->first[mt->node] - 1];;
					    x = &gz->names[x->next - 1]) {
						if (support(pt, (int32_t)x->region, 0) == bs &&
						    a != (int32_t)x->region &&
						    gz_ancestor(gz, a, (int32_t)x->region)) {
							hit = (int32_t)x->region;
							nh++;
						}
						if (!x->next)
							break;
					}
					if (nh == 1)
						best = hit;
				}
			}
			if (bs > 0 && best >= 0) {
				mt->region = best;
				count_anchor(pt, best);
				changed = 1;
			}
		}
		if (!changed)
			break;
	}
	/* a short form shared by divisions of different levels (河北 吉林 西安
	 * 长沙) means the highest of them when nothing in the article says
	 * otherwise; names of one level stay ambiguous (城关镇 鼓楼区) */
	for (i = 0; i < pt->n; i++) {
		struct mention *mt = &pt->m[i];
		const struct gz_name *x;
		int32_t top = -1;
		int ntop = 0, toplevel = 9;

		if (mt->region >= 0 || mt->ncand < 2 || mt->form != F_SHORT)
			continue;
		for (x = &gz->names[gz->first[mt->node] - 1];;
		    x = &gz->names[x->next - 1]) {
			int lv = gz->r[x->region].level;

			if (lv < toplevel) {
				toplevel = lv;
				top = (int32_t)x->region;
				ntop = 1;
			} else if (lv == toplevel)
				ntop++;
			if (!x->next)
				break;
		}
		if (ntop == 1 && !mt->common) {
			mt->region = top;
			count_anchor(pt, top);
		}
	}
	/* ordinary words without support are not places */
	for (i = 0; i < pt->n; i++)
		if (pt->m[i].region < 0 && pt->m[i].common)
			pt->m[i].drop = 1;
	/* a lone name with one candidate and nothing against it: 台江区 */
	for (i = 0; i < pt->n; i++) {
		struct mention *mt = &pt->m[i];

		if (mt->region < 0 && !mt->drop && only_candidate(gz, mt) >= 0) {
			mt->region = only_candidate(gz, mt);
			count_anchor(pt, mt->region);
		}
	}
}

int32_t
pt_main(struct placetag *pt, size_t *agree)
{
	const struct gazetteer *gz = pt->gz;
	int32_t best = -1;
	size_t k;
	uint32_t bs = 0;

	/* a region's score: resolved mentions on its line of descent, that
	 * is its anchors' support; ties go to the deeper division */
	for (k = 0; k < pt->ntouched; k++) {
		int32_t c = (int32_t)pt->touched[k];
		uint32_t sc = support(pt, c, 0);

		if (sc > bs || (sc == bs && sc > 0 && best >= 0 &&
		    gz->r[c].level > gz->r[best].level)) {
			bs = sc;
			best = c;
		}
	}
	*agree = bs;
	return best;
}
