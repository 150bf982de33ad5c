/* placetag.c - place names in text, resolved with the article as context
 *
 * Text in Traditional characters is read as Simplified (simplify.h),
 * as the gazetteer's names are held; the mentions keep the text's own
 * offsets.
 *
 * Matching: at each position the longest name of the gazetteer that
 * begins and ends on word boundaries is taken. The boundaries are those
 * the word segmenter gives on a window around the name: 党建|平台 has no
 * 建平, 动机|和|政治 no 和政, 发展|乡村 no 发展乡, and 武威|市委 falls
 * back from 武威市 to 武威. A name that begins a longer word of an
 * organisation (甘肃日报) is kept and marked when it is a place word
 * there (not 解放战争, 新华社: the list is sure of those words), unmarked
 * before a venue (北京人民大会堂); so is one inside a word
 * whose rest is a known suffix or prefix (台湾同胞, 首都北京). Names
 * written together as a path (上海市浦东新区张江镇) are taken whole, each
 * of them, when the path begins and ends on word boundaries. A short
 * form of two characters that is part of a person's name (记者夏昆山,
 * 黄平涛) is skipped, and a name that opens an organisation's name
 * (四川男排, 广东美雅集团, 南丰县一中) is marked org (org_follows), one
 * before a venue (北京音乐厅) or 当局 is not.
 *
 * Resolution: a name with one candidate that is not an ordinary word
 * anchors its division. A name with several is decided first by a
 * division named right before it, as in a path (西安市长安区): the
 * candidate nearest below it, if one is; then by what the same name
 * meant earlier in the article; else every candidate scores the anchors
 * of the article that are its ancestors or descendants, the best score
 * wins, and ties go to the nearest preceding ancestor. Ordinary words
 * (和平, 振兴, 南部) count only with such support from below the
 * province; names still ambiguous are
 * left unresolved, with their candidate count. Resolution keeps where
 * each division and each name was last resolved, so an article takes
 * time linear in its names. */
#include "placetag.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "orghead.h"
#include "simplify.h"
#include "utf8.h"

static void mark_surnames(struct placetag *pt);

struct placetag *
pt_new(const struct gazetteer *gz, struct wordseg *ws)
{
	struct placetag *pt = xcalloc(1, sizeof *pt);

	pt->gz = gz;
	pt->ws = ws;
	pt->oh = oh_new();
	pt->venues = oh_new_venues();
	pt->simp = simp_new();
	pt->self = xcalloc(gz->n, sizeof *pt->self);
	pt->sub = xcalloc(gz->n, sizeof *pt->sub);
	pt->touched = xmalloc(gz->n * sizeof *pt->touched);
	pt->last = xcalloc(gz->n, sizeof *pt->last);
	pt->byname = xcalloc(gz->nnames ? gz->nnames : 1, sizeof *pt->byname);
	pt->tally = xcalloc(gz->n, sizeof *pt->tally);
	pt->tallyhit = xmalloc(gz->n * sizeof *pt->tallyhit);
	pt->mark = xcalloc(gz->n, sizeof *pt->mark);
	mark_surnames(pt);
	return pt;
}

void
pt_free(struct placetag *pt)
{
	if (pt == NULL)
		return;
	free(pt->m);
	oh_free(pt->oh);
	oh_free(pt->venues);
	simp_free(pt->simp);
	free(pt->self);
	free(pt->sub);
	free(pt->touched);
	free(pt->last);
	free(pt->byname);
	free(pt->tally);
	free(pt->tallyhit);
	free(pt->pairs);
	free(pt->mark);
	free(pt->starts);
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

/* Byte offsets k code points before b (not before 0) and after e (not
 * past n): the window the segmenter sees around a name. */
#define WINDOW 6

static size_t
back_cps(const char *s, size_t b, int k)
{
	while (b > 0 && k-- > 0)
		while (--b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
			;
	return b;
}

static size_t
ahead_cps(const char *s, size_t n, size_t e, int k)
{
	while (e < n && k-- > 0)
		(void)utf8_next(s, n, &e);
	return e;
}

struct segwin {
	const struct placetag *pt;
	const char *s;		/* the line */
	size_t base;		/* byte offset of the window */
	size_t b, e;		/* candidate, bytes */
	int bstart, bend;	/* b and e fall on word boundaries */
	int org;		/* an organisation's name holds the name */
	int orgsuf;		/* the rest of the word is a head: 济南军区 */
};

/* Words of which a division's name may be the first part, the rest
 * being one of these (台湾同胞, 香港回归, 温州人, 合肥籍, 北京海关), or the
 * last part after one of these (首都北京, 中国香港): the word list holds
 * such words whole, and they hide the name (济南军区 is one word). */
static const char *const name_suffixes[] = {
	"人", "籍", "同胞", "海关", "特区", "方面", "回归", "地区", "一带",
	"境内", "全境", "各地", "城乡", "市民", "军区",
};
static const char *const name_prefixes[] = {
	"首都", "中国", "中共", "全",
};

static int
in_affixes(const char *const *list, size_t k, const char *s, size_t n)
{
	while (k-- > 0)
		if (strlen(list[k]) == n && memcmp(list[k], s, n) == 0)
			return 1;
	return 0;
}

#define NELEM(a) (sizeof (a) / sizeof *(a))

static int in_chars(const char *set, const char *s, size_t n);
static int numeral(const char *w, size_t n);

/* The rest of a word that names a people (东乡族, 鄂温克族) */
static int
people(const char *w, size_t n)
{
	return n == 3 && memcmp(w, "族", 3) == 0;
}

/* Is the name w[0..n) a place word: a full name (香港特别行政区, which
 * the list tags nt), tagged ns by the word list, or not in it? 解放 (v),
 * 和平 and 新华 (nz) are words of their own first. */
static int
place_word(const struct placetag *pt, const char *w, size_t n)
{
	const char *tag = ws_tag(pt->ws, w, n);

	return tag == NULL || strcmp(tag, "ns") == 0 ||
	    (n > 3 && in_chars("省市县区州盟旗镇乡", w + n - 3, 3));
}

static void
on_segword(void *arg, size_t tb, size_t te, enum toktype t)
{
	struct segwin *w = arg;
	const char *tag;

	tb += w->base;
	te += w->base;
	if (tb == w->b)
		w->bstart = 1;
	if (te == w->e)
		w->bend = 1;
	/* a longer word that starts with the name: 甘肃日报 凉州区 */
	if (t == TOK_WORD && tb == w->b && te > w->e &&
	    (tag = ws_tag(w->pt->ws, w->s + tb, te - tb)) != NULL) {
		if (strcmp(tag, "nt") == 0 || strcmp(tag, "nz") == 0) {
			if (oh_head(w->pt->venues, w->s + w->e, te - w->e) ||
			    oh_none(w->pt->oh, w->s + w->e, te - w->e))
				w->bend = 1;	/* 北京人民大会堂: a venue,
						 * 台湾当局: no body */
			else if (!people(w->s + w->e, te - w->e) &&
			    place_word(w->pt, w->s + w->b, w->e - w->b))
				w->org = 1;	/* 甘肃日报, 云南白药 */
			/* else the word list holds a word of its own that
			 * begins with the name, which is no place word:
			 * 解放|战争, 三明治, 新华社, 东乡族 */
		}
	}
	/* a word that is the name and a known suffix or prefix */
	if (t == TOK_WORD && tb == w->b && te > w->e &&
	    in_affixes(name_suffixes, NELEM(name_suffixes), w->s + w->e,
	    te - w->e)) {
		w->bend = 1;
		/* the suffix is an organisation's head: 济南军区 */
		if (oh_is(w->pt->oh, w->s + w->e, te - w->e))
			w->orgsuf = 1;
	}
	if (t == TOK_WORD && te == w->e && tb < w->b &&
	    in_affixes(name_prefixes, NELEM(name_prefixes), w->s + tb,
	    w->b - tb))
		w->bstart = 1;
	/* a word that begins at the end of the name or later tells
	 * nothing more, nor does any after it */
	if (tb >= w->e)
		ws_stop(w->pt->ws);
}

static int
digit_cp(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Is the name s[b, e) a run of Han characters of its own: all of it
 * Han, with no Han character right after it and none right before, nor
 * a digit (a number takes the 年, 月 or 日 after it into its token)?
 * The segmenter cuts such a run by itself, so a word begins at b and
 * one ends at e, and no word goes on past the name. */
static int
lone_run(const char *s, size_t n, size_t b, size_t e)
{
	size_t i = back_cps(s, b, 1);
	uint32_t c;

	if (b > 0 && (uc_is_han(c = utf8_next(s, n, &i)) || digit_cp(c)))
		return 0;
	for (i = b; i < e; )
		if (!uc_is_han(utf8_next(s, n, &i)))
			return 0;
	return e == n || !uc_is_han(utf8_next(s, n, &i));
}

/* Word boundaries from the segmenter, on a window around the name
 * s[b, e) of the line s[0, n): 0 reject, 1 accept, 2 accept inside an
 * organisation's name. */
static int
boundaries(struct placetag *pt, const char *s, size_t n, size_t b, size_t e)
{
	struct segwin w = { pt, s, 0, b, e, 0, 0, 0, 0 };
	size_t we = ahead_cps(s, n, e, WINDOW);

	if (pt->ws == NULL || lone_run(s, n, b, e))
		return 1;
	w.base = back_cps(s, b, WINDOW);
	w.bstart = b == w.base;
	w.bend = e == we;
	ws_cut(pt->ws, s + w.base, we - w.base, on_segword, &w);
	if (w.bstart && w.bend)
		return w.orgsuf ? 2 : 1;	/* 济南军区: 2 */
	if (w.bstart && w.org)
		return 2;	/* 甘肃日报 */
	return 0;		/* 党建|平台, 发展|乡村, 青海湖 (a lake) */
}

/* An organisation's name follows a division when the words after it
 * reach a head (公司, 大学, 市委, 队: orghead.h) within ORG_WORDS words
 * (广东|美雅|集团, 河南省|安阳市|文峰区|国税局, 四川|男排, 济南|军区|队).
 * The words between may be nouns, names, abbreviations, verbs, adjectives,
 * ordinals and numbers (not a numeral with its measure word: 凉州|一家|
 * 工厂), set phrases, Latin letters, words the list does not know, single
 * characters other than particles, prepositions, conjunctions, adverbs,
 * pronouns and words of place (天津|卡|夫|天美|公司), brackets
 * and quotes (铜陵|有色|金属|（|集团|）|公司); any other word, a date
 * (北京|一月|六日电 is a dateline) or punctuation ends the search
 * (北京|举行|的|公司 is no organisation of 北京). A head of one
 * character, and a word that ends with a head, must be a noun, an
 * abbreviation or a word the list does not know, a head standing alone
 * no verb nor function word: 南部 and 到处 end in 部 and 处 but are no
 * bodies, 链条|厂 is one (厂 is tagged zg). A word that begins with a head followed by a
 * noun of two characters or more is a head too (市委书记: the secretary
 * of the city's committee; 大学生 is not one). */
#define ORG_WORDS 10
#define ORG_WINDOW 36	/* code points looked at */

struct orgwalk {
	const struct placetag *pt;
	const char *s;		/* the window */
	size_t n;		/* its length, bytes */
	size_t pb, pe;		/* the word before, bytes (pe 0: none) */
	int pnum;		/* the token before is a number */
	int atend;		/* the window ends the text */
	int timeword;		/* the word before is a word of time */
	int words;		/* words seen */
	int state;		/* 0 looking, 1 a head found, 2 no name */
};

/* May a word of this tag stand inside an organisation's name? */
static int
name_tag(const char *tag)
{
	switch (tag[0]) {
	case '\0':		/* a word the list gives no tag */
	case 'n':		/* nouns and names: n nz ns nt nr ng */
	case 'j':		/* abbreviations: 妇联 */
	case 'b':		/* distinguishing words: 国营 */
	case 'a':		/* adjectives: 大 新 */
	case 'm':		/* numerals: 第二 in 第二印染厂 */
	case 'l':		/* set phrases: 远洋运输 */
	case 'i':		/* idioms: 见义勇为 */
	case 's':		/* words of place: 海外 in 广东妇女海外联谊会 */
	case 'x':
		return 1;
	case 'v':
		return 1;	/* verbs and verbal nouns: 服务中心, 安装公司 */
	}
	return 0;
}

/* Brackets and quotes, which may stand inside a name */
static int
inner_punct(const char *w, size_t n)
{
	static const char *const marks[] = { "（", "）", "(", ")", "“", "”", "\"" };
	size_t k;

	for (k = 0; k < sizeof marks / sizeof *marks; k++)
		if (strlen(marks[k]) == n && memcmp(w, marks[k], n) == 0)
			return 1;
	return 0;
}

/* A character alone may stand in a brand name (卡夫天美公司), whatever
 * its tag, unless it is a particle, preposition, conjunction, adverb,
 * pronoun, interjection or a word of place (的 在 和 都 这 上) */
static int
free_char(const char *tag)
{
	return strchr("upcdryeof", tag[0]) == NULL;
}

/* A numeral with its measure word (一家, 两级, 三大): a quantity, no
 * part of a name; an ordinal (第二) may be one. */
static int
quantity(const char *w, size_t n, const char *tag)
{
	return tag != NULL && tag[0] == 'm' && utf8_count(w, n) > 1 &&
	    memcmp(w, "第", 3) != 0;
}

/* A date or a time: a number or numeral ending in 年 月 日 号 时 点
 * (１９９８年, 一月, 元月; not 老年), or a dateline's 六日电 */
static int
date_like(const char *w, size_t n)
{
	static const char *const units[] = { "年", "月", "日", "号", "时", "点" };
	size_t k;

	if (n < 6)
		return 0;
	if (n >= 9 && memcmp(w + n - 6, "日电", 6) == 0)
		return 1;
	for (k = 0; k < sizeof units / sizeof *units; k++)
		if (memcmp(w + n - 3, units[k], 3) == 0)
			return numeral(w, n - 3) || (n == 6 &&
			    (memcmp(w, "元", 3) == 0 || memcmp(w, "正", 3) == 0));
	return 0;
}

/* Is c a digit or a Chinese numeral (一 十 两 〇)? */
static int
numeral_cp(uint32_t c)
{
	char b[4];
	size_t n = 0;

	if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
		return 1;
	if (c < 0x800 || c > 0xFFFF)
		return 0;
	b[n++] = (char)(0xE0 | c >> 12);
	b[n++] = (char)(0x80 | (c >> 6 & 0x3F));
	b[n++] = (char)(0x80 | (c & 0x3F));
	return numeral(b, n);
}

/* Is w[0..n) a numeral: digits, or Chinese numerals (一 十 两 〇)? */
static int
numeral(const char *w, size_t n)
{
	static const char digits[] = "〇一二三四五六七八九十两零";
	size_t i = 0, at;
	uint32_t c;

	if (n == 0)
		return 0;
	while (i < n) {
		at = i;
		c = utf8_next(w, n, &i);
		if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
			continue;
		if (!in_chars(digits, w + at, i - at))
			return 0;
	}
	return 1;
}

/* A number with a decimal point: 23.42, ２３．４２ */
static int
decimal(const char *w, size_t n)
{
	size_t i = 0;
	uint32_t c;
	int point = 0, digits = 0;

	while (i < n) {
		c = utf8_next(w, n, &i);
		if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
			digits++;
		else if ((c == '.' || c == 0xFF0E) && digits > 0 && !point)
			point = 1;
		else
			return 0;
	}
	return point && (c != '.' && c != 0xFF0E);
}

/* A school named by its number: 一中, 八中, ８８中, 二小 (the first middle
 * school, the second primary school) as one word, or a number and 中 or
 * 小; not 三中全会 (a plenary session) nor 一中一台. The character after
 * is s[e] of the window s[0, n). */
static int
numbered_school(const struct orgwalk *w, size_t b, size_t e)
{
	const char *x = w->s + b;
	size_t n = e - b;

	if (n < 3 || (memcmp(x + n - 3, "中", 3) != 0 &&
	    memcmp(x + n - 3, "小", 3) != 0))
		return 0;
	if (n == 3 ? !(w->pnum && w->pe == b) : !numeral(x, n - 3))
		return 0;
	if (e + 3 <= w->n && (memcmp(w->s + e, "全", 3) == 0 ||
	    numeral(w->s + e, 3)))
		return 0;
	return 1;
}

/* A head that begins inside the word before and ends with this one: the
 * segmenter cut it (有线电视|台 for 电视台, 省外|办 for 外办). */
static int
head_across(const struct orgwalk *w, size_t b, size_t e)
{
	size_t i;

	if (w->pe != b || w->pe == 0)
		return 0;
	for (i = w->pb + 1; i < b; i++)
		if (((unsigned char)w->s[i] & 0xC0) != 0x80 &&
		    oh_is(w->pt->oh, w->s + i, e - i))
			return 1;
	return 0;
}

/* w[0..n) is a head and a noun of two characters or more: 市委书记 */
static int
head_then_noun(const struct placetag *pt, const char *w, size_t n)
{
	size_t i;
	const char *tag;

	for (i = 6; i + 6 <= n; i += utf8_seqlen((unsigned char)w[i])) {
		if (!oh_head(pt->oh, w, i))
			continue;
		tag = ws_tag(pt->ws, w + i, n - i);
		if (tag != NULL && (tag[0] == 'n' || tag[0] == 'b'))
			return 1;	/* 书记 n, 主任 b */
	}
	return 0;
}

/* A set phrase that names a body: one of three characters that ends
 * with a head (孤儿院, 售票处, 合作社), or one that ends with a head of
 * two characters or more (专科学校, 活动中心); not an idiom of four that
 * ends with one character of a head (统揽全局, 所到之处), nor one that
 * begins with a pronoun (各级党委: every level's committees). */
static int
phrase_head(const struct placetag *pt, const char *w, size_t n)
{
	const char *tag;
	size_t i;

	if (n > 3 && (tag = ws_tag(pt->ws, w, utf8_seqlen((unsigned char)*w)))
	    != NULL && tag[0] == 'r')
		return 0;
	if (utf8_count(w, n) == 3)
		return oh_head(pt->oh, w, n);
	for (i = 1; i + 6 <= n; i++)
		if (((unsigned char)w[i] & 0xC0) != 0x80 &&
		    oh_is(pt->oh, w + i, n - i))
			return 1;
	return 0;
}

static void
org_word(struct orgwalk *w, size_t b, size_t e, enum toktype t)
{
	const char *tag;

	if (w->state != 0)
		return;
	if (t == TOK_PUNCT && inner_punct(w->s + b, e - b))
		return;		/* 铜陵有色金属（集团）公司, “同创”集团 */
	if (t == TOK_PUNCT || date_like(w->s + b, e - b)) {
		w->state = 2;	/* 北京|１月|５日|电, 北京|一月|六日电 */
		return;
	}
	if (t == TOK_NUM && w->words > 0 && w->atend && e == w->n &&
	    decimal(w->s + b, e - b)) {
		w->state = 1;	/* a share's price: 江苏|春兰|２３．４２ */
		return;
	}
	if ((t == TOK_WORD || t == TOK_NUM) && numbered_school(w, b, e)) {
		w->state = 1;
		return;
	}
	if (t == TOK_WORD && head_across(w, b, e)) {
		w->state = 1;
		return;
	}
	w->pnum = t == TOK_NUM || (t == TOK_WORD && numeral(w->s + b, e - b));
	if (t == TOK_WORD || t == TOK_NUM) {
		w->pb = b;
		w->pe = e;
	} else
		w->pe = 0;
	if (t == TOK_WORD) {
		tag = ws_tag(w->pt->ws, w->s + b, e - b);
		if (oh_head(w->pt->venues, w->s + b, e - b)) {
			w->state = 2;	/* 北京|音乐厅: a venue, no body */
			return;
		}
		if ((e - b > 3 && oh_is(w->pt->oh, w->s + b, e - b)) ||
		    ((tag == NULL || tag[0] == 'n' || tag[0] == 'j' ||
		    tag[0] == '\0' || (e - b == 3 && free_char(tag) &&
		    tag[0] != 'v')) &&
		    (oh_head(w->pt->oh, w->s + b, e - b) ||
		    head_then_noun(w->pt, w->s + b, e - b))) ||
		    (tag != NULL && tag[0] == 'l' &&
		    phrase_head(w->pt, w->s + b, e - b))) {
			w->state = 1;
			return;
		}
		/* a word of time in a name qualifies the noun after it
		 * (北京|老年|长跑队, 北京|现代|公关|咨询|事务所); before
		 * anything else it is when things happen (北京|今天|举行) */
		if (w->timeword && (tag == NULL || !strchr("njb", tag[0]))) {
			w->state = 2;
			return;
		}
		w->timeword = tag != NULL && tag[0] == 't' &&
		    utf8_count(w->s + b, e - b) > 1;
		if ((tag != NULL && !name_tag(tag) && !w->timeword &&
		    (utf8_count(w->s + b, e - b) > 1 || !free_char(tag))) ||
		    quantity(w->s + b, e - b, tag)) {
			w->state = 2;
			return;
		}
	} else if (w->timeword) {
		w->state = 2;
		return;
	}
	if (++w->words == ORG_WORDS)
		w->state = 2;
}

/* One word of the walk; the cut stops where the walk ends. */
static void
on_orgword(void *arg, size_t b, size_t e, enum toktype t)
{
	struct orgwalk *w = arg;

	org_word(w, b, e, t);
	if (w->state != 0)
		ws_stop(w->pt->ws);
}

static int
org_follows(const struct placetag *pt, const char *s, size_t n, size_t e)
{
	size_t we = ahead_cps(s, n, e, ORG_WINDOW);
	struct orgwalk w = { pt, s + e, we - e, 0, 0, 0, we == n, 0, 0, 0 };
	size_t i = e;
	uint32_t c;
	int may = 0;

	if (pt->ws == NULL || we == e)
		return 0;
	/* a character that ends a head, 中 小 (一中 二小), or a digit that
	 * ends the text (a share's price) */
	may = we == n && ((s[n - 1] >= '0' && s[n - 1] <= '9') || (n >= 3 &&
	    (unsigned char)s[n - 3] == 0xEF && (unsigned char)s[n - 2] == 0xBC &&
	    (unsigned char)s[n - 1] >= 0x90 && (unsigned char)s[n - 1] <= 0x99));
	for (c = 0; !may && i < we; ) {
		uint32_t prev = c;

		c = utf8_next(s, we, &i);
		may = oh_may_end(pt->oh, c) || ((c == 0x4E2D || c == 0x5C0F) &&
		    numeral_cp(prev));
	}
	if (!may)
		return 0;	/* no character that ends a head */
	ws_cut(pt->ws, s + e, we - e, on_orgword, &w);
	return w.state == 1;
}

/* The names of the gazetteer that begin at byte i with the code point
 * c, which ends at byte `next`: their ends (bytes) and trie nodes,
 * shortest first, at most MAXPREFIX. */
#define MAXPREFIX 16

static size_t
names_at(const struct gazetteer *gz, const char *s, size_t n, uint32_t c,
    size_t next, size_t *ends, uint32_t *nodes)
{
	uint32_t node = trie_child(gz->trie, 0, c);
	size_t k = 0, i = next;

	while (node != 0) {
		if (gz->first[node]) {
			ends[k] = i;
			nodes[k++] = node;
			if (k == MAXPREFIX)
				break;
		}
		if (i == n)
			break;
		node = trie_child(gz->trie, node, utf8_next(s, n, &i));
	}
	return k;
}

/* The same for a name that begins at byte i. */
static size_t
names_from(const struct gazetteer *gz, const char *s, size_t n, size_t i,
    size_t *ends, uint32_t *nodes)
{
	uint32_t c;

	if (i == n)
		return 0;
	c = utf8_next(s, n, &i);
	return names_at(gz, s, n, c, i, ends, nodes);
}

/* A mention of the name (trie node) at s[bb, be) of record rec. */
static void
add_mention(struct placetag *pt, size_t rec, const char *s, size_t n,
    size_t bb, size_t be, uint32_t node, int in_org)
{
	const struct gazetteer *gz = pt->gz;
	const struct gz_name *x = &gz->names[gz->first[node] - 1];
	struct mention *mt;
	int common = 1, cands = 0;

	/* an ordinary word only if every candidate is one */
	for (;; x = &gz->names[x->next - 1]) {
		common &= x->common;
		cands++;
		if (!x->next)
			break;
	}
	if (pt->n == pt->cap) {
		pt->cap = pt->cap ? pt->cap * 2 : 64;
		pt->m = xrealloc(pt->m, pt->cap * sizeof *pt->m);
	}
	mt = &pt->m[pt->n++];
	memset(mt, 0, sizeof *mt);
	mt->rec = rec;
	mt->bb = bb;
	mt->be = be;
	mt->node = node;
	mt->region = -1;
	mt->ncand = cands;
	mt->form = gz->names[gz->first[node] - 1].form;
	mt->common = (uint8_t)common;
	mt->org = in_org || org_follows(pt, s, n, be);
}

/* ---- chains: names written together as a path ---- */

/* A path of divisions written together (上海市浦东新区张江镇, 云南昆明)
 * is found whole, whatever the word list says of the joints between the
 * names: a word list that holds 上海市浦东新区 as one word would hide
 * 上海市 and 浦东新区. Each name of the chain must have a candidate
 * below a candidate of the name before it, so a chain is at most one
 * name a level long; only its two ends must fall on word boundaries. */
#define MAXCHAIN 4	/* province, city, county, town */
#define MAXFOUND 8	/* chains of different ends kept */
#define CHAIN_BUDGET 64	/* name pairs tried from one position */

struct chain {
	size_t end[MAXCHAIN];	/* bytes: where each name ends */
	uint32_t node[MAXCHAIN];
	int n;
};

struct chainsearch {
	struct placetag *pt;
	const char *s;
	size_t n;
	struct chain cur;
	struct chain found[MAXFOUND];	/* the first found for each end */
	int nfound;
	int budget;
};

/* Has name b a candidate that is a strict descendant of one of a's? */
static int
below(struct placetag *pt, uint32_t a, uint32_t b)
{
	const struct gazetteer *gz = pt->gz;
	const struct gz_name *x;
	int32_t r;

	if (++pt->stamp == 0) {
		memset(pt->mark, 0, gz->n * sizeof *pt->mark);
		pt->stamp = 1;
	}
	for (x = &gz->names[gz->first[a] - 1];; x = &gz->names[x->next - 1]) {
		pt->mark[x->region] = pt->stamp;
		if (!x->next)
			break;
	}
	for (x = &gz->names[gz->first[b] - 1];; x = &gz->names[x->next - 1]) {
		for (r = gz->r[x->region].parent; r >= 0; r = gz->r[r].parent)
			if (pt->mark[r] == pt->stamp)
				return 1;
		if (!x->next)
			break;
	}
	return 0;
}

static void
keep_chain(struct chainsearch *cs)
{
	size_t end = cs->cur.end[cs->cur.n - 1];
	int k;

	for (k = 0; k < cs->nfound; k++)
		if (cs->found[k].end[cs->found[k].n - 1] == end)
			return;
	if (cs->nfound < MAXFOUND)
		cs->found[cs->nfound++] = cs->cur;
}

/* Extend the chain at hand with the names that begin at byte `at`,
 * longest first. */
static void
extend_chain(struct chainsearch *cs, size_t at)
{
	size_t ends[MAXPREFIX], k;
	uint32_t nodes[MAXPREFIX];
	struct chain *c = &cs->cur;

	k = names_from(cs->pt->gz, cs->s, cs->n, at, ends, nodes);
	while (k-- > 0 && cs->budget-- > 0) {
		if (!below(cs->pt, c->node[c->n - 1], nodes[k]))
			continue;
		c->end[c->n] = ends[k];
		c->node[c->n++] = nodes[k];
		keep_chain(cs);
		if (c->n < MAXCHAIN)
			extend_chain(cs, ends[k]);
		c->n--;
	}
}

/* The chain of two names or more that begins at byte i with one of the
 * k names (ends, nodes) and ends furthest on a word boundary; its
 * number of names, 0 when there is none. */
static int
chain_at(struct placetag *pt, const char *s, size_t n, size_t i,
    const size_t *ends, const uint32_t *nodes, size_t k, struct chain *out)
{
	struct chainsearch cs;
	int best, j;

	cs.pt = pt;
	cs.s = s;
	cs.n = n;
	cs.nfound = 0;
	cs.budget = CHAIN_BUDGET;
	while (k-- > 0) {
		cs.cur.n = 1;
		cs.cur.end[0] = ends[k];
		cs.cur.node[0] = nodes[k];
		extend_chain(&cs, ends[k]);
	}
	while (cs.nfound > 0) {
		for (best = 0, j = 1; j < cs.nfound; j++)
			if (cs.found[j].end[cs.found[j].n - 1] >
			    cs.found[best].end[cs.found[best].n - 1])
				best = j;
		if (boundaries(pt, s, n, i, cs.found[best].end[
		    cs.found[best].n - 1]) == 1) {
			*out = cs.found[best];
			return out->n;
		}
		cs.found[best] = cs.found[--cs.nfound];
	}
	return 0;
}

/* ---- the person-name guard ---- */

/* Common Chinese surnames, less those that are more often a function
 * word (于 向 和 从 将 同 全 东 南): a short form of two characters
 * right after one of them, standing alone as a word, is a given name
 * (夏|昆山, 傅|天祝, 郭|永德); one that begins with one and is followed
 * by a character standing alone is a whole name (黄平|涛, 周宁|一). */
static const char surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭"
	"曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
	"夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
	"武戴莫孔汤尤俞郗焦赖牛穆鞠庞柴颜倪骆岳欧";
/* Characters that make a place word after a name (黄平县, 昆山站) or
 * that end a clause (的 说): no given name. */
static const char place_chars[] =
	"省市县区州盟旗镇乡村街路站港湾湖山河江桥城场口岛门人籍地方里内外"
	"上下中前后东西南北边部";

/* The code point of the three bytes at s when they are a character of
 * three bytes, else 0. */
static uint32_t
three_bytes(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 ||
	    (p[2] & 0xC0) != 0x80)
		return 0;
	return utf8_decode3(p);
}

static void
mark_surnames(struct placetag *pt)
{
	const char *p;

	for (p = surnames; *p; p += 3) {
		uint32_t c = three_bytes(p);

		pt->surname[c >> 6] |= (uint64_t)1 << (c & 63);
	}
}

/* Is the character at s[0..3) (s[0..n) of a line: n >= 3) one of the
 * surnames? in_chars(surnames, s, 3) by a bit. */
static int
surname_at(const struct placetag *pt, const char *s)
{
	uint32_t c = three_bytes(s);

	return c != 0 && (pt->surname[c >> 6] >> (c & 63) & 1);
}

static int
in_chars(const char *set, const char *s, size_t n)
{
	const char *p;

	if (n != 3)
		return 0;	/* one Han character, three bytes */
	for (p = set; *p; p += 3)
		if (memcmp(p, s, 3) == 0)
			return 1;
	return 0;
}

struct tokspan {
	size_t base;
	size_t b, e;		/* the name */
	size_t pb;		/* start of the token that ends at b, or -1 */
	size_t ne;		/* end of the token that starts at e, or -1 */
};

static void
on_tokspan(void *arg, size_t tb, size_t te, enum toktype t)
{
	struct tokspan *w = arg;

	tb += w->base;
	te += w->base;
	if (t == TOK_PUNCT)
		return;
	if (te == w->b)
		w->pb = tb;
	if (tb == w->e)
		w->ne = te;
}

/* Is the name s[b, e), a short form of two characters, part of a
 * person's name? */
static int
person_like(struct placetag *pt, const char *s, size_t n, size_t b, size_t e,
    uint32_t node)
{
	const struct gazetteer *gz = pt->gz;
	const struct gz_name *x;
	struct tokspan w = { 0, b, e, (size_t)-1, (size_t)-1 };
	size_t we;
	const char *tag;
	int before, first;

	if (pt->ws == NULL || e - b != 6)
		return 0;
	for (x = &gz->names[gz->first[node] - 1];; x = &gz->names[x->next - 1]) {
		if (x->form != F_SHORT)
			return 0;
		if (!x->next)
			break;
	}
	/* a surname right before it, or as its first character: else the
	 * words around it do not matter */
	before = b >= 3 && surname_at(pt, s + b - 3);
	first = surname_at(pt, s + b);
	if (!before && !first)
		return 0;
	w.base = back_cps(s, b, 2);
	we = ahead_cps(s, n, e, 2);
	ws_cut(pt->ws, s + w.base, we - w.base, on_tokspan, &w);
	/* 夏|昆山: a surname standing alone right before */
	if (before && w.pb == b - 3)
		return 1;
	/* 黄平|涛: a surname first, a character standing alone after */
	if (first && w.ne != (size_t)-1 &&
	    w.ne - e == 3 && uc_is_han(utf8_next(s, n, &(size_t){ e })) &&
	    !in_chars(place_chars, s + e, 3) &&
	    ((tag = ws_tag(pt->ws, s + e, 3)) == NULL || !strchr("upcdrfqyv",
	    tag[0])))
		return 1;
	return 0;
}

/* ---- where names may begin ---- */

/* The Han characters of s[0..n) (well-formed UTF-8) where a name may
 * begin, their byte offsets in order, into pt->starts: those that begin
 * a pair of code points that the gazetteer's filter of the pairs that
 * begin names lets through (gz_may_pair), and those that are a name of
 * one code point. The filter says no for most characters of a text, and
 * never where names_at() finds a name; each character is decoded once.
 * With `trad` set, the same pass is simp_needed()'s: it stops and
 * returns 1 at the first character that the conversion to Simplified
 * changes, as the names are then found on the converted line. Else 0. */
static inline __attribute__((always_inline)) int
find_starts_in(struct placetag *pt, const char *s, size_t n, const int trad)
{
	const unsigned char *p = (const unsigned char *)s;
	const struct gazetteer *gz = pt->gz;
	const uint64_t *pairs = gz->pairs;
	const int single = gz->single;
	size_t i = 0, at, next, ns = 0, *starts;
	size_t lim = n > 2 ? n - 2 : 0;	/* a character of three bytes
					 * begins before it */
	uint32_t c, prev, node, k;
	unsigned b;

	if (n / 3 + 1 > pt->capstarts) {	/* a Han character takes 3
						 * bytes or 4 */
		pt->capstarts = n / 3 + 1;
		free(pt->starts);
		pt->starts = xmalloc(pt->capstarts * sizeof *pt->starts);
	}
	starts = pt->starts;
/* the character at i into c, its end into next; a character that the
 * conversion changes ends the pass */
#define NEXT_CHAR() do {						\
	if (b >= 0xE2 && b < 0xF0 && i < lim) {				\
		c = utf8_decode3(p + i);				\
		next = i + 3;						\
		if (trad && (zh_tradset_bmp[c >> 6] >> (c & 63) & 1))	\
			return 1;					\
	} else {							\
		next = i;						\
		c = utf8_next(s, n, &next);				\
		if (trad && b >= 0xE2 && simp_changes(c))		\
			return 1;					\
	}								\
} while (0)
/* is the Han character c at i a name itself? (then it is a start, and
 * begins no pair) */
#define NAME_ALONE() (single && (node = trie_child(gz->trie, 0, c)) != 0 && \
	gz->first[node] && (starts[ns++] = i, 1))
	for (;;) {
		/* not right after a Han character */
		for (;;) {
			if (i >= n)
				goto done;
			b = p[i];
			if (b < 0xE2) {
				/* below U+2000: no Han character, nothing
				 * converted */
				i += b < 0x80 ? 1 : b < 0xE0 ? 2 : 3;
				continue;
			}
			NEXT_CHAR();
			if (uc_is_han(c) && !NAME_ALONE())
				break;
			i = next;
		}
		/* right after the Han character prev at `at`: does the pair
		 * with the next character begin a name? (gz_may_pair) */
		for (;;) {
			prev = c;
			at = i;
			if ((i = next) >= n)
				goto done;
			b = p[i];
			NEXT_CHAR();
			k = gz_pair_bit(prev, c);
			if (pairs[k >> 6] >> (k & 63) & 1)
				starts[ns++] = at;
			if (!uc_is_han(c) || NAME_ALONE()) {
				i = next;
				break;
			}
		}
	}
#undef NEXT_CHAR
#undef NAME_ALONE
done:
	pt->nstarts = ns;
	return 0;
}

/* The same, made for each value of trad. */
static int
find_starts(struct placetag *pt, const char *s, size_t n, int trad)
{
	return trad ? find_starts_in(pt, s, n, 1) : find_starts_in(pt, s, n, 0);
}

/* May a name of two code points or more begin with c, which ends at
 * byte `next`: is it one of two, or are its first three those of a
 * longer one? The gazetteer's filter says no for most positions that
 * find_starts() gives, and never where names_at() finds a name. */
static int
may_name(const struct gazetteer *gz, const char *s, size_t n, uint32_t c,
    size_t next)
{
	uint32_t b;

	if (next == n)
		return 0;
	b = utf8_next(s, n, &next);
	return gz_triple(gz, c, b, GZ_END) ||
	    (next < n && gz_triple(gz, c, b, utf8_next(s, n, &next)));
}

/* Take the names of the line s[0..n) from the positions find_starts()
 * gave: every other position begins none. */
static void
scan(struct placetag *pt, size_t rec, const char *s, size_t n)
{
	size_t i = 0, next, ends[MAXPREFIX], si;
	uint32_t nodes[MAXPREFIX];
	struct chain ch;

	for (si = 0; si < pt->nstarts; si++) {
		size_t k;
		int ok = 0, j;
		uint32_t c;

		if (pt->starts[si] < i)
			continue;	/* inside a name taken */
		next = i = pt->starts[si];
		c = utf8_next(s, n, &next);
		if ((!pt->gz->single && !may_name(pt->gz, s, n, c, next)) ||
		    (k = names_at(pt->gz, s, n, c, next, ends, nodes)) == 0) {
			i = next;
			continue;
		}
		if (chain_at(pt, s, n, i, ends, nodes, k, &ch) > 0) {
			for (j = 0; j < ch.n; j++)
				add_mention(pt, rec, s, n, j ? ch.end[j - 1] : i,
				    ch.end[j], ch.node[j], 0);
			/* a path that opens an organisation's name: each of
			 * its names is in it (河南省安阳市文峰区国税局) */
			for (j = 0; j < ch.n - 1; j++)
				pt->m[pt->n - ch.n + j].org = pt->m[pt->n - 1].org;
			i = ch.end[ch.n - 1];
			continue;
		}
		while (k-- > 0)		/* the longest that passes */
			if ((ok = boundaries(pt, s, n, i, ends[k])) != 0)
				break;
		if (!ok || person_like(pt, s, n, i, ends[k], nodes[k])) {
			i = next;
			continue;
		}
		add_mention(pt, rec, s, n, i, ends[k], nodes[k], ok == 2);
		i = ends[k];
	}
}

void
pt_scan(struct placetag *pt, size_t rec, const char *s, size_t n)
{
	size_t first = pt->n, k, tn;
	const char *t;

	/* a line that needs no conversion is read as it is, as simp_line
	 * would return it */
	if (!find_starts(pt, s, n, 1)) {
		scan(pt, rec, s, n);
		return;
	}
	t = simp_line(pt->simp, s, n, &tn);
	find_starts(pt, t, tn, 0);
	scan(pt, rec, t, tn);
	if (simp_changed(pt->simp))	/* where they stand in the text */
		for (k = first; k < pt->n; k++)
			simp_back(pt->simp, &pt->m[k].bb, &pt->m[k].be);
}

const struct gz_name *
pt_entry(const struct placetag *pt, const struct mention *mt)
{
	const struct gazetteer *gz = pt->gz;
	const struct gz_name *x;

	if (mt->region < 0)
		return NULL;
	for (x = &gz->names[gz->first[mt->node] - 1];;
	    x = &gz->names[x->next - 1]) {
		if ((int32_t)x->region == mt->region || !x->next)
			return x;
	}
}

int
pt_level(const struct placetag *pt, const struct mention *mt)
{
	const struct gazetteer *gz = pt->gz;

	return gz->r[gz->names[gz->first[mt->node] - 1].region].level;
}

/* ---- resolution ---- */

/* The candidates of a mention: one gz_name per division. */
static const struct gz_name *
cand_first(const struct gazetteer *gz, const struct mention *mt)
{
	return &gz->names[gz->first[mt->node] - 1];
}

static const struct gz_name *
cand_next(const struct gazetteer *gz, const struct gz_name *x)
{
	return x->next ? &gz->names[x->next - 1] : NULL;
}

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

/* The support an ordinary word needs: anchors below the province, its
 * own or its descendants (公安 is 公安县 where the article names 荆州 or
 * a town of 公安县, not wherever it names 湖北). */
static uint32_t
near_support(const struct placetag *pt, int32_t c)
{
	const struct gazetteer *gz = pt->gz;
	uint32_t s = pt->sub[c];
	int32_t a;

	for (a = gz->r[c].parent; a >= 0 && gz->r[a].level > LV_PROVINCE;
	    a = gz->r[a].parent)
		s += pt->self[a];
	return s;
}

static int32_t
only_candidate(const struct gazetteer *gz, const struct mention *mt)
{
	return mt->ncand == 1 ? (int32_t)cand_first(gz, mt)->region : -1;
}

/* Of the candidates of mt that have `a` as a strict ancestor, the
 * nearest below it: the only one of the highest
 * level (辽宁朝阳 is 朝阳市, not 朝阳市朝阳县); -1 when none is or
 * two are as near. */
static int32_t
descendant_of(const struct placetag *pt, const struct mention *mt, int32_t a)
{
	const struct gazetteer *gz = pt->gz;
	const struct gz_name *x;
	int32_t hit = -1;
	int level = 9, atlevel = 0;

	for (x = cand_first(gz, mt); x; x = cand_next(gz, x)) {
		int32_t r = (int32_t)x->region;

		if (a == r || !gz_ancestor(gz, a, r))
			continue;
		if (gz->r[r].level < level) {
			level = gz->r[r].level;
			hit = r;
			atlevel = 1;
		} else if (gz->r[r].level == level)
			atlevel++;
	}
	return atlevel == 1 ? hit : -1;
}

/* The candidate whose ancestor is named right before mention i, with
 * nothing between (西安市长安区, 南京鼓楼): -1 when none is. The names
 * from `from` to i are written together in one record; a list (吉林、
 * 西安) is no path. The nearest of them that is an ancestor of some
 * candidate decides, if one candidate is nearest below it. */
static int32_t
local_parent(const struct placetag *pt, size_t i, size_t from)
{
	const struct gazetteer *gz = pt->gz;
	const struct mention *mt = &pt->m[i];
	const struct gz_name *x;
	size_t near = from;	/* index + 1 of the nearest */
	int32_t a, best = -1;

	if (from == i)
		return -1;	/* nothing written right before */
	for (x = cand_first(gz, mt); x; x = cand_next(gz, x))
		for (a = gz->r[x->region].parent; a >= 0; a = gz->r[a].parent)
			if (pt->last[a] > near) {
				near = pt->last[a];
				best = a;
			}
	if (best < 0)
		return -1;
	return descendant_of(pt, mt, best);
}

/* What the same name was resolved to earlier in the article, or -1. */
static int32_t
same_name_before(const struct placetag *pt, const struct mention *mt)
{
	return pt->byname[pt->gz->first[mt->node] - 1] - 1;
}

/* Of the candidates with support bs, the one that is alone under the
 * region named nearest before (that region a strict ancestor of it);
 * -1 when no region named before decides. */
static int32_t
nearest_deciding(struct placetag *pt, const struct mention *mt, uint32_t bs)
{
	const struct gazetteer *gz = pt->gz;
	const struct gz_name *x;
	size_t k, np = 0, near = 0;
	int32_t a, best = -1;

	for (x = cand_first(gz, mt); x; x = cand_next(gz, x)) {
		if (support(pt, (int32_t)x->region, 0) != bs)
			continue;
		for (a = gz->r[x->region].parent; a >= 0; a = gz->r[a].parent) {
			if (pt->last[a] == 0)
				continue;
			if (np == pt->pairscap) {
				pt->pairscap = pt->pairscap ? pt->pairscap * 2 : 64;
				pt->pairs = xrealloc(pt->pairs, pt->pairscap *
				    sizeof *pt->pairs);
			}
			pt->pairs[np++] = a;
			pt->tally[a]++;
			pt->tallyhit[a] = (int32_t)x->region;
		}
	}
	for (k = 0; k < np; k++) {
		a = pt->pairs[k];
		if (pt->tally[a] == 1 && pt->last[a] > near) {
			near = pt->last[a];
			best = pt->tallyhit[a];
		}
	}
	for (k = 0; k < np; k++)
		pt->tally[pt->pairs[k]] = 0;
	return best;
}

/* The candidate with the most support; on a tie, the one whose ancestor
 * was named nearest before; -1 when nothing decides. */
static int32_t
best_candidate(struct placetag *pt, const struct mention *mt)
{
	const struct gazetteer *gz = pt->gz;
	const struct gz_name *x;
	int32_t best = -1;
	uint32_t bs = 0, ties = 0;

	for (x = cand_first(gz, mt); x; x = cand_next(gz, x)) {
		uint32_t sc = support(pt, (int32_t)x->region, 0);

		if (sc > bs) {
			bs = sc;
			best = (int32_t)x->region;
			ties = 1;
		} else if (sc == bs && sc > 0)
			ties++;
	}
	if (bs == 0 || ties == 1)
		return best;
	return nearest_deciding(pt, mt, bs);
}

/* The highest-level candidate if it is the only one of its level: a
 * short form shared by 河北省 and 河北区 means the province. */
static int32_t
top_candidate(const struct gazetteer *gz, const struct mention *mt)
{
	const struct gz_name *x;
	int32_t top = -1;
	int ntop = 0, toplevel = 9;

	for (x = cand_first(gz, mt); x; x = cand_next(gz, x)) {
		int lv = gz->r[x->region].level;

		if (x->common)
			continue;	/* 河北 is not 河北区 by default */
		if (lv < toplevel) {
			toplevel = lv;
			top = (int32_t)x->region;
			ntop = 1;
		} else if (lv == toplevel)
			ntop++;
	}
	return ntop == 1 ? top : -1;
}

/* Resolve mention i, not an anchor; the names from `from` to it are
 * written together. */
static void
resolve_one(struct placetag *pt, size_t i, size_t from)
{
	struct mention *mt = &pt->m[i];

	/* a parent named right before it decides (西安市长安区); else the
	 * same name settled earlier in the article (one sense per
	 * article); else the article's support */
	if ((mt->region = local_parent(pt, i, from)) < 0 &&
	    (mt->region = same_name_before(pt, mt)) < 0)
		mt->region = best_candidate(pt, mt);
	/* an ordinary word below the province level counts only with
	 * support below the province, even written right after it (四川
	 * does not make 南部 a county, nor 四川南部有雨 a path) */
	if (mt->region >= 0 && mt->common && pt->gz->r[mt->region].level >
	    LV_CITY && near_support(pt, mt->region) == 0)
		mt->region = -1;
	/* a short form shared across levels (河北 吉林 西安 长沙) means the
	 * highest when the article says nothing else; names of one level
	 * stay ambiguous (城关镇 鼓楼区) */
	if (mt->region < 0 && mt->form == F_SHORT)
		mt->region = top_candidate(pt->gz, mt);
	/* ordinary words without support are not places */
	if (mt->region < 0 && mt->common)
		mt->drop = 1;
}

void
pt_resolve(struct placetag *pt)
{
	const struct gazetteer *gz = pt->gz;
	size_t i, from = 0;

	/* anchors: one candidate, not an ordinary word. They are the only
	 * evidence: a name resolved below must not vouch for its own
	 * namesakes further on. */
	for (i = 0; i < pt->n; i++) {
		struct mention *mt = &pt->m[i];
		int32_t r = only_candidate(gz, mt);

		if (r >= 0 && !mt->common) {
			mt->region = r;
			count_anchor(pt, r);
		}
	}
	/* the others in order, each with what was resolved before it:
	 * where each region and each name was last (linear time) */
	for (i = 0; i < pt->n; i++) {
		struct mention *mt = &pt->m[i];

		if (i == 0 || pt->m[i - 1].rec != mt->rec ||
		    pt->m[i - 1].be != mt->bb)
			from = i;
		if (mt->region < 0)
			resolve_one(pt, i, from);
		if (mt->region >= 0) {
			pt->last[mt->region] = i + 1;
			pt->byname[gz->first[mt->node] - 1] = mt->region + 1;
		}
	}
	for (i = 0; i < pt->n; i++) {
		struct mention *mt = &pt->m[i];

		if (mt->region >= 0) {
			pt->last[mt->region] = 0;
			pt->byname[gz->first[mt->node] - 1] = 0;
		}
	}
	/* every resolved name counts for the article's main region */
	for (i = 0; i < pt->n; i++) {
		struct mention *mt = &pt->m[i];

		if (mt->region >= 0 && (only_candidate(gz, mt) < 0 || mt->common))
			count_anchor(pt, mt->region);
	}
}

void
pt_article(struct placetag *pt, const struct article *a)
{
	size_t i, n;
	const char *t;

	pt_reset(pt);
	for (i = 0; i < a->n; i++) {
		t = art_text(a, i, &n);
		pt_scan(pt, i, t, n);
	}
	pt_resolve(pt);
}

int32_t
pt_main(struct placetag *pt, size_t *agree)
{
	const struct gazetteer *gz = pt->gz;
	int32_t best = -1;
	size_t k;
	uint32_t bs = 0;

	/* a region's score: resolved mentions on its line of descent, that
	 * is its anchors' support */
	for (k = 0; k < pt->ntouched; k++) {
		uint32_t sc = support(pt, (int32_t)pt->touched[k], 0);

		if (sc > bs)
			bs = sc;
	}
	/* of the best scored, the deepest that is named itself twice or in
	 * a third of them (an article on 湟中区 that names one of its towns
	 * once is not about the town); the shallowest when none is */
	for (k = 0; k < pt->ntouched && bs > 0; k++) {
		int32_t c = (int32_t)pt->touched[k];
		int ok = pt->self[c] >= 2 || pt->self[c] * 3 >= bs;
		int bok = best >= 0 && (pt->self[best] >= 2 ||
		    pt->self[best] * 3 >= bs);

		if (support(pt, c, 0) != bs)
			continue;
		if (best < 0 || (ok && !bok) ||
		    (ok && bok && (gz->r[c].level > gz->r[best].level ||
		    (gz->r[c].level == gz->r[best].level && c < best))) ||
		    (!ok && !bok && gz->r[c].level < gz->r[best].level))
			best = c;
	}
	*agree = bs;
	return best;
}
