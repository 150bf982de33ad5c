/* placetag.h - finding and resolving place names, article by article */
#ifndef ZH_PLACETAG_H
#define ZH_PLACETAG_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "gazetteer.h"
#include "words.h"

struct mention {
	size_t rec;		/* which record of the article */
	size_t bb, be;		/* bytes of its text, [bb, be) */
	uint32_t node;		/* trie node: its entries are the candidates */
	int32_t region;		/* resolved division, or -1 */
	int ncand;		/* candidate divisions */
	uint8_t form;		/* enum form of the matched name */
	uint8_t common;		/* an ordinary word: needs support */
	uint8_t org;		/* inside an organisation's name (甘肃日报) */
	uint8_t drop;		/* an unsupported ordinary word: not a place */
};

struct orgheads;
struct simplify;

struct placetag {
	const struct gazetteer *gz;
	struct wordseg *ws;
	struct orgheads *oh;	/* heads of organisations' names */
	struct orgheads *venues;	/* words that end venues' names */
	struct simplify *simp;	/* names are found on Simplified text */
	struct mention *m;
	size_t n, cap;
	/* per-article counts, indexed by region; touched ones listed */
	uint32_t *self, *sub;
	uint32_t *touched;
	size_t ntouched;
	/* while resolving: the last mention resolved to a region (index
	 * + 1), the region a name last meant (+ 1, by its first gz_name),
	 * and tallies of tied candidates under a region */
	size_t *last;
	int32_t *byname;
	uint32_t *tally;
	int32_t *tallyhit;
	int32_t *pairs;
	size_t pairscap;
	/* while matching: divisions marked with the current stamp */
	uint32_t *mark;
	uint32_t stamp;
	/* the common surnames (placetag.c), a bit each, U+0000..FFFF */
	uint64_t surname[1024];
	/* the byte offsets of the line where a name may begin */
	size_t *starts;
	size_t nstarts, capstarts;
};

struct placetag *pt_new(const struct gazetteer *gz, struct wordseg *ws);
void pt_free(struct placetag *pt);
/* Start a new article. */
void pt_reset(struct placetag *pt);
/* Find the place names in one record's text (well-formed UTF-8). Text
 * in Traditional characters is read as Simplified (simplify.h); the
 * mentions' offsets are the text's as given. */
void pt_scan(struct placetag *pt, size_t rec, const char *s, size_t n);
/* Find and resolve the names of one article: pt_reset, pt_scan of
 * each record (mention.rec is its index), pt_resolve. */
void pt_article(struct placetag *pt, const struct article *a);
/* Resolve the article's mentions with each other as context. */
void pt_resolve(struct placetag *pt);
/* The name entry of a resolved mention's division (its form, and the
 * former name it was written by); NULL when unresolved. */
const struct gz_name *pt_entry(const struct placetag *pt,
    const struct mention *mt);
/* The level of a mention's (first) candidate. */
int pt_level(const struct placetag *pt, const struct mention *mt);
/* The article's main region (deepest division consistent with most
 * mentions) and how many mentions agree with it; -1 when none. */
int32_t pt_main(struct placetag *pt, size_t *agree);

#endif
