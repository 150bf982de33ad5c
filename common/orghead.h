/* orghead.h - the words that end the names of organisations
 *
 * A head is the last word of an organisation's name: 公司, 大学, 市委,
 * 出版社, 队. The built-in list (data/orgheads.tsv) is derived from the
 * word list's organisation names by data/make-orgheads.js. */
#ifndef ZH_ORGHEAD_H
#define ZH_ORGHEAD_H

#include <stddef.h>
#include <stdint.h>

struct orgheads;

/* The built-in heads. */
struct orgheads *oh_new(void);
/* The built-in venues (data/venues.tsv, by data/make-venues.js): words
 * that end the names of places where things are held (人民大会堂,
 * 音乐厅), not of bodies; oh_head tells whether a word ends with one. */
struct orgheads *oh_new_venues(void);
/* The heads of the rows "head[<TAB>...]" of p[0..n) ('#' comments); a
 * row "-word[<TAB>...]" is a word that ends with a head and is none
 * (-当局: the authorities as a whole, though 局 is a head). */
struct orgheads *oh_new_buf(const char *p, size_t n);
void oh_free(struct orgheads *oh);
/* Is the word w[0..n) a head, or does it end with one (卷烟厂 ends with
 * 烟厂, 集团公司 with 公司)? The longest ending that is listed decides:
 * 台湾当局 ends with no head. */
int oh_head(const struct orgheads *oh, const char *w, size_t n);
/* Does w[0..n) end with a word listed as no head (当局, 台湾当局)? */
int oh_none(const struct orgheads *oh, const char *w, size_t n);
/* Is w[0..n) a head itself? */
int oh_is(const struct orgheads *oh, const char *w, size_t n);
/* May code point c be the last of a head? (A quick test before
 * segmenting: no such character, no head.) */
int oh_may_end(const struct orgheads *oh, uint32_t c);
/* Number of heads. */
size_t oh_size(const struct orgheads *oh);

#endif
