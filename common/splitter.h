/* splitter.h - one line of an article into what segment writes: the
 * paragraph, or its sentences, or their words or tokens
 *
 * The line is normalised first (--nfkc, --simplified), then split into
 * sentences; every run of white space in a paragraph or sentence becomes
 * one space. Words are found on the sentence read as Simplified (each
 * sentence that holds Traditional characters is converted for it) and
 * handed on as the sentence has them. Pieces are handed to the sink as
 * they are found, so memory does not grow with what a line yields. */
#ifndef ZH_SPLITTER_H
#define ZH_SPLITTER_H

#include <stddef.h>

#include "words.h"

enum sp_mode { SP_SENTENCES, SP_PARAGRAPHS, SP_WORDS, SP_TOKENS };

struct sp_sink {
	/* SP_PARAGRAPHS (sent 0) and SP_SENTENCES: the folded text */
	void (*text)(void *arg, unsigned long sent, const char *s, size_t n);
	/* SP_WORDS and SP_TOKENS: token tok (from 1) of sentence sent, as
	 * the sentence has it */
	void (*token)(void *arg, unsigned long sent, unsigned long tok,
	    enum toktype t, const char *s, size_t n);
	/* SP_WORDS: sentence sent had tokens, all handed on (may be NULL) */
	void (*end)(void *arg, unsigned long sent);
	/* SP_WORDS, in place of token when given: the tokens of sentence
	 * sent, as the sentence has them, joined by one space each, in
	 * pieces of some KB that end at a token (first: the first piece
	 * of the sentence); then end */
	void (*words)(void *arg, unsigned long sent, int first, const char *s,
	    size_t n);
};

struct splitter;

/* What is done to the line first; its pieces are handed on so. */
enum {
	SP_NFKC = 1,		/* NFKC (textnorm.h) */
	SP_SIMPLIFIED = 2	/* Traditional to Simplified (simplify.h) */
};

/* norm: SP_NFKC, SP_SIMPLIFIED. The word list is loaded for words and
 * tokens, which are found on Simplified text in any case (the text
 * handed on is the line's, unless SP_SIMPLIFIED rewrote it). */
struct splitter *sp_new(enum sp_mode mode, int semicolon, int norm);
/* The segmenter, for user dictionaries (loading it when the mode did
 * not need it). */
struct wordseg *sp_words(struct splitter *sp);
/* Split one line (well-formed UTF-8) and hand its pieces to sink. */
void sp_line(struct splitter *sp, const char *s, size_t n,
    const struct sp_sink *sink, void *arg);
void sp_free(struct splitter *sp);

#endif
