/* gazetteer.h - administrative divisions, their names and short forms */
#ifndef ZH_GAZETTEER_H
#define ZH_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "trie.h"

enum level { LV_PROVINCE, LV_CITY, LV_COUNTY, LV_TOWN };
extern const char *const level_name[4];

struct region {
	char code[16];
	uint8_t level;
	int32_t parent;		/* index, -1 for a province */
	const char *name;	/* official name */
};

/* How a name was written */
enum form { F_FULL, F_SHORT, F_FORMER };

struct gz_name {
	uint32_t region;
	uint8_t form;
	uint8_t common;		/* also an ordinary word: needs support */
	uint32_t next;		/* next entry for the same trie node; 0 = none */
	uint32_t former;	/* F_FORMER: its entry in formers + 1 */
};

/* A former name: what the division was called, and where it belonged
 * (the division it belonged to, as that is today; -1 when the row says
 * nothing). */
struct gz_former {
	const char *name;
	int32_t parent;
};

struct gazetteer {
	struct region *r;
	size_t n;
	struct trie *trie;
	uint32_t *first;	/* per trie node: first gz_name + 1, 0 = none */
	uint32_t capnodes;
	struct gz_name *names;
	size_t nnames, capnames;
	char *text;		/* the TSV, names point into it */
	struct gz_former *formers;
	size_t nformers;
	char *ftext;		/* their names */
	int rodata;		/* prebuilt (prebuilt.h): only the struct is ours */
	/* a bit for each pair of code points that begins a name, by
	 * gz_pair_bit (a filter: other pairs share the bits), and whether
	 * a name is one code point */
	uint64_t *pairs;
	int single;
	/* a bit for each three code points that begin a name, and for
	 * each name of two (the third GZ_END), by gz_triple_bit */
	uint64_t *triples;
};

#define GZ_PAIRBITS 20

static inline uint32_t
gz_pair_bit(uint32_t a, uint32_t b)
{
	return (uint32_t)((((uint64_t)a << 21 | b) * 0x9E3779B97F4A7C15ULL) >>
	    (64 - GZ_PAIRBITS));
}

#define GZ_END 0x1FFFFF	/* no code point: the end of a name */

static inline uint32_t
gz_triple_bit(uint32_t a, uint32_t b, uint32_t c)
{
	return (uint32_t)((((uint64_t)a << 42 | (uint64_t)b << 21 | c) *
	    0x9E3779B97F4A7C15ULL) >> (64 - GZ_PAIRBITS));
}

static inline int
gz_triple(const struct gazetteer *gz, uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t k = gz_triple_bit(a, b, c);

	return (int)(gz->triples[k >> 6] >> (k & 63) & 1);
}

/* May a name begin with the code points a, b? No when no name of two
 * code points or more does; yes for every one that does. */
static inline int
gz_may_pair(const struct gazetteer *gz, uint32_t a, uint32_t b)
{
	uint32_t k = gz_pair_bit(a, b);

	return (int)(gz->pairs[k >> 6] >> (k & 63) & 1);
}

/* The gazetteer of the rows r: code, level, name, parent code; a row of
 * level "variant" gives another written form of the name of the division
 * with that code (found like its official name, short form included), a
 * row of level "former" an earlier name of it. NULL after reporting the
 * first bad row with its line number (the caller decides whether to
 * die). A name may not hold '/', ',', ':' or a control character (they
 * separate the output's path and -a entries). ws marks short forms that
 * are ordinary words. */
struct rows;
struct wordseg;
struct gazetteer *gz_read(struct rows *r, struct wordseg *ws);
/* The same over p[0..n) (name for messages), and over the file at path
 * or, when path is NULL, the built-in list; NULL after reporting. */
struct gazetteer *gz_load_buf(const char *name, const char *p, size_t n,
    struct wordseg *ws);
struct gazetteer *gz_load(const char *path, struct wordseg *ws);
void gz_free(struct gazetteer *gz);

/* Is a an ancestor of b (or b itself)? */
int gz_ancestor(const struct gazetteer *gz, int32_t a, int32_t b);
/* Append the path of r to out: "甘肃省/金昌市/永昌县". */
struct buf;
void gz_path(const struct gazetteer *gz, int32_t r, struct buf *out);
/* Append the path of a former name (the index + 1 of gz_name.former):
 * where it belonged, then the name as it was ("江苏省/无锡市/锡山市"). */
void gz_former_path(const struct gazetteer *gz, uint32_t former,
    struct buf *out);

#endif
