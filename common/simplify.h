/* simplify.h - Traditional Chinese read as Simplified, with the way back
 *
 * The tools match words, place names, numbers and normal forms on
 * Simplified text. A line that holds Traditional characters is converted
 * with OpenCC (Taiwan variant forms to OpenCC's standard Traditional,
 * then Hong Kong variant forms likewise and everything to Simplified,
 * each step with its phrase table), and what is found on the converted
 * line is mapped back to the line as given: every span of the converted
 * line has its span in the original, in bytes and in code points.
 *
 * A line is converted only when it holds a character that the conversion
 * changes on its own; a table made at build time from the converter
 * (data/make-tradset.c) says which, so Simplified text costs one table
 * look-up a character and the converter is never opened for it. The few
 * Simplified characters that the steps for the variant forms would
 * change (么 taken for the Taiwan form of 幺) are kept as they are. */
#ifndef ZH_SIMPLIFY_H
#define ZH_SIMPLIFY_H

#include <stddef.h>
#include <stdint.h>

/* The OpenCC configurations, applied in turn. */
#define SIMP_CHAIN { "tw2t.json", "hk2s.json" }

struct simplify;

/* The converter is opened on the first line that needs it (a missing
 * OpenCC configuration is a fatal error then). */
struct simplify *simp_new(void);
/* For tests: convert every line with the OpenCC configurations given
 * (files or names OpenCC finds), in turn, without the table. */
struct simplify *simp_new_chain(const char *const *configs, size_t n);
void simp_free(struct simplify *sp);

/* Nonzero when the conversion changes c on its own. */
static inline int simp_changes(uint32_t c);
/* Nonzero when s[0..n) (well-formed UTF-8) holds such a character. */
int simp_needed(const char *s, size_t n);

/* s[0..n) (well-formed UTF-8) as Simplified: s itself when nothing is
 * converted, else a buffer of sp's, valid until the next call; *len is
 * set to its length. */
const char *simp_line(struct simplify *sp, const char *s, size_t n,
    size_t *len);
/* Nonzero when the last line was converted (offsets may differ). */
int simp_changed(const struct simplify *sp);
/* Map [*b, *e) of the last converted line, byte offsets at character
 * boundaries, to the span of the line as given that it came from. */
void simp_back(const struct simplify *sp, size_t *b, size_t *e);
/* The same in code points. */
void simp_back_cp(const struct simplify *sp, size_t *b, size_t *e);

/* the table (generated): the Basic Multilingual Plane as one bitmap;
 * above it, blocks of 256 code points through an index. And the
 * Simplified characters the conversion would change (么 to 幺), in
 * order: they are kept as they are. */
extern const uint32_t zh_tradset_keep[];
extern const unsigned long zh_tradset_nkeep;
extern const uint64_t zh_tradset_bmp[1024];	/* bit c % 64 of word c / 64 */
extern const unsigned char zh_tradset_bits[][32];
extern const unsigned short zh_tradset_index[];

static inline int
simp_changes(uint32_t c)
{
	if (c < 0x10000)
		return zh_tradset_bmp[c >> 6] >> (c & 63) & 1;
	if (c >= 0x110000)
		return 0;
	return zh_tradset_bits[zh_tradset_index[c >> 8]][(c & 0xFF) >> 3] >>
	    (c & 7) & 1;
}

#endif
