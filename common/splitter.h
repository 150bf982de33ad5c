/* splitter.h - one line of an article into what segment writes: the
 * paragraph, or its sentences, or their words or tokens
 *
 * The line is normalised first (--nfkc, --simplified), then split into
 * sentences; every run of white space in a paragraph or sentence becomes
 * one space. Pieces are handed to the sink as they are found, so memory
 * does not grow with what a line yields. */
#ifndef ZH_SPLITTER_H
#define ZH_SPLITTER_H

#include <stddef.h>

#include "words.h"

enum sp_mode { SP_SENTENCES, SP_PARAGRAPHS, SP_WORDS, SP_TOKENS };

struct sp_sink {
	/* SP_PARAGRAPHS (sent 0) and SP_SENTENCES: the folded text */
	void (*text)(void *arg, unsigned long sent, const char *s, size_t n);
	/* SP_WORDS and SP_TOKENS: token tok (from 1) of sentence sent */
	void (*token)(void *arg, unsigned long sent, unsigned long tok,
	    enum toktype t, const char *s, size_t n);
	/* SP_WORDS: sentence sent had tokens, all handed on (may be NULL) */
	void (*end)(void *arg, unsigned long sent);
};

struct splitter;

/* tnflags: TN_NFKC, TN_SIMPLIFIED (textnorm.h). The word list is loaded
 * for words and tokens. */
struct splitter *sp_new(enum sp_mode mode, int semicolon, int tnflags);
/* The segmenter, for user dictionaries (loading it when the mode did
 * not need it). */
struct wordseg *sp_words(struct splitter *sp);
/* Split one line (well-formed UTF-8) and hand its pieces to sink. */
void sp_line(struct splitter *sp, const char *s, size_t n,
    const struct sp_sink *sink, void *arg);
void sp_free(struct splitter *sp);

#endif
