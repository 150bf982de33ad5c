/* words.h - dictionary-based word segmentation of mixed Chinese text */
#ifndef ZH_WORDS_H
#define ZH_WORDS_H

#include <stddef.h>
#include <stdint.h>

enum toktype { TOK_WORD, TOK_NUM, TOK_LATIN, TOK_PUNCT };

extern const char *const toktype_name[];	/* "word" "num" "latin" "punct" */

struct wordseg;

/* A segmenter loaded with the built-in word list. */
struct wordseg *ws_new(void);
/* Add a user dictionary: one word a line, optionally white space (any:
 * TAB, U+3000, ...) and a frequency, and more after it that is not read;
 * '#' starts a comment. A word without a frequency gets one just high
 * enough to keep it whole; a frequency of 0 removes a word (an error
 * for one that is not in the dictionary). A word with characters other
 * than Han ideographs is added but can never be cut whole: reported in
 * one warning. Words in Traditional characters are added as Simplified,
 * as the text is cut. Bad rows are reported with their line number and the
 * others still read; returns -1 if there was one, or if the file could
 * not be read (the caller decides). The file is read as input is:
 * gzip-compressed or not, "-" for standard input. */
struct rows;
int ws_load_user_rows(struct wordseg *ws, struct rows *r);
int ws_load_user(struct wordseg *ws, const char *path);
int ws_load_user_buf(struct wordseg *ws, const char *name, const char *p,
    size_t n);
/* Split well-formed UTF-8 s[0..n) into tokens; whitespace separates and
 * is never part of a token. fn gets byte offsets [b, e) and the type. */
void ws_cut(struct wordseg *ws, const char *s, size_t n,
    void (*fn)(void *arg, size_t b, size_t e, enum toktype t), void *arg);
/* The tokens of ws_cut appended to out, one space between each two:
 * the same as appending s[b..e) of each token after a space (not
 * before the first one) in fn of ws_cut. Whenever out holds most bytes
 * or more after a token, full(arg, out) is called and out emptied: the
 * tokens after it are appended from the start, without a space. */
struct buf;
void ws_join(struct wordseg *ws, const char *s, size_t n, struct buf *out,
    size_t most, void (*full)(void *arg, struct buf *out), void *arg);
/* ws_join's way of adding a word, for words found otherwise (the tokens
 * of a converted text, taken back to the original): ws_join_add(j, b, e)
 * appends s[b..e) to out as ws_join appends a token of s, start being
 * where the words begin in out. */
struct ws_joiner {
	const char *s;
	struct buf *out;
	size_t start;
	size_t most;
	void (*full)(void *arg, struct buf *out);
	void *arg;
};
void ws_join_add(struct ws_joiner *j, size_t b, size_t e);
/* Called by fn during ws_cut: no token after this one is wanted, and
 * the rest of the text is not cut. */
void ws_stop(struct wordseg *ws);
/* Whether ws_cut cuts plain ASCII letter and digit tokens by a byte scan
 * (on, the default) or always by its token pattern: the two give the
 * same tokens, and the unit tests check it. */
void ws_plain_latin(struct wordseg *ws, int on);
/* Whether ws_cut and the look-ups below walk the prebuilt word list's
 * dense trie, when it has one (on, the default), or the hash trie: the
 * same cut and the same answers, as the unit tests check. */
void ws_dense(struct wordseg *ws, int on);
void ws_free(struct wordseg *ws);

/* The part-of-speech tag of a dictionary word ("n", "v", "ns", ... or ""
 * when the list gives none), or NULL when w is not in the dictionary. */
const char *ws_tag(const struct wordseg *ws, const char *w, size_t n);
/* The frequency of a dictionary word, 0 when it is not one. */
double ws_freq(const struct wordseg *ws, const char *w, size_t n);
/* Both in one walk: the tag (NULL when w is no word) and *freq. */
const char *ws_word(const struct wordseg *ws, const char *w, size_t n,
    double *freq);
/* Every dictionary word that starts at cp[0]: fn gets its length in code
 * points, its tag and its frequency, shortest first. */
void ws_prefixes(const struct wordseg *ws, const uint32_t *cp, size_t n,
    void (*fn)(void *arg, size_t len, const char *tag, double freq),
    void *arg);
/* The same for the words of more than skip code points only: the
 * shorter ones are walked over with no call. */
void ws_prefixes_past(const struct wordseg *ws, const uint32_t *cp, size_t n,
    size_t skip, void (*fn)(void *arg, size_t len, const char *tag,
    double freq), void *arg);

/* Number of entries and trie nodes (for tests and --version detail). */
size_t ws_size(const struct wordseg *ws, size_t *nodes);

#endif
