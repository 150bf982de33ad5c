/* docsig.h - what an article's body is compared by, to find near
 * duplicates: a MinHash signature of its text with the digits kept, and
 * the numbers it states
 *
 * Two bodies are alike at X when both the estimated Jaccard similarity
 * of their 5-character shingles and the Jaccard similarity of their
 * numbers reach X. The text is folded before it is shingled: digits of
 * any script become ASCII digits (kept, so that two days' figures
 * differ), ASCII and full-width letters lower case, Han and other
 * letters stay, punctuation, symbols and white space go. A number is a
 * run of digits (with the decimal points and thousands separators
 * between them: 1,286 and 1286 are one number) or of Chinese numerals
 * (〇零一二三四五六七八九十百千万亿两, their capital and Traditional
 * forms); the numbers are a multiset (a figure stated twice counts
 * twice), kept as the DS_NUMS lowest of the hashes of its members
 * (occurrence i of a number hashed apart from occurrence i + 1). Both
 * bodies' numbers are compared below a common cut: the highest hash
 * kept by the one that had more than DS_NUMS, so the comparison is exact
 * when each has DS_NUMS numbers or fewer, and a uniform sample of both
 * otherwise. Two bodies without a number agree; one without and one with
 * do not.
 *
 * The caller gives Traditional text as its Simplified reading (neardup.c),
 * so that a republication in the other script is a copy.
 *
 * Signatures of the older form (digits folded to 0 as the boilerplate
 * counts fold them, no numbers) are kept in old state files; a form-1
 * signature is compared with the form-1 signature of the new body only. */
#ifndef ZH_DOCSIG_H
#define ZH_DOCSIG_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "minhash.h"

#define DS_MIN_CHARS 50		/* a shorter body is never compared */
#define DS_NUMS 32		/* numbers kept: the lowest hashes */
#define DS_HEX_SIG (MH_PERM * 8)	/* hex digits of a MinHash */

enum { DS_FORM_FOLDED = 1, DS_FORM_DIGITS = 2 };

struct docsig {
	struct minhash m;	/* of the folded text, digits kept */
	uint32_t num[DS_NUMS];	/* hashes of the numbers, ascending */
	unsigned nnum;		/* how many in num */
	int more;		/* the body had more than DS_NUMS numbers */
};

/* Built from the texts of the body records, one after the other. */
struct ds_builder {
	struct buf text;	/* the folded text */
	struct buf tok;		/* the number being read */
	uint64_t *toks;		/* hashes of the numbers, as read */
	size_t ntoks, cap;
};

void ds_begin(struct ds_builder *b);
void ds_add(struct ds_builder *b, const char *s, size_t n);
/* The signature of what was added: 1, or 0 when the folded text has
 * fewer than DS_MIN_CHARS code points (never compared). */
int ds_end(struct ds_builder *b, struct docsig *out);
void ds_builder_free(struct ds_builder *b);

/* The band keys of a signature (form DS_FORM_DIGITS), for the LSH
 * index; apart from those of form-1 signatures (mh_band). */
uint64_t ds_band(const struct docsig *s, int b);
/* The key of the whole signature, MinHash and numbers: bodies with the
 * same text and numbers share it (a bucket of exact copies). */
uint64_t ds_key(const struct docsig *s);
/* Jaccard similarity of the numbers (1 when neither has any). */
double ds_nums_similarity(const struct docsig *a, const struct docsig *b);
/* Are a and b alike at threshold x (text and numbers)? */
int ds_alike(const struct docsig *a, const struct docsig *b, double x);

/* The numbers as stored: nnum 32-bit values in native order, then one
 * byte 1 when more (absent when not). ds_nums_blob writes into out
 * (room for DS_NUMS * 4 + 1) and returns the length; ds_nums_unblob
 * returns 0, or -1 when p[0..n) is no such blob. */
size_t ds_nums_blob(const struct docsig *s, unsigned char *out);
int ds_nums_unblob(struct docsig *s, const void *p, size_t n);

/* As text, for the signature lines of --emit-signatures: the MinHash as
 * DS_HEX_SIG lower-case hexadecimal digits (8 a value, most significant
 * first), the numbers as 8 digits each, then '+' when more (an empty
 * field for none). ds_parse_* return 0, or -1 when malformed
 * (the numbers must be ascending). */
void ds_format_sig(const struct docsig *s, struct buf *out);
void ds_format_nums(const struct docsig *s, struct buf *out);
int ds_parse_sig(struct docsig *s, const char *p, size_t n);
int ds_parse_nums(struct docsig *s, const char *p, size_t n);

#endif
