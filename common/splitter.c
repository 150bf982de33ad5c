/* splitter.c - one line of an article into paragraph, sentences, words
 * or tokens, each handed on as it is found */
#include "splitter.h"

#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "sentence.h"
#include "simplify.h"
#include "textnorm.h"

struct splitter {
	enum sp_mode mode;
	struct sentsplit *ss;
	struct wordseg *ws;
	struct textnorm *tn;
	struct simplify *simp;	/* words: found on Simplified text */
	int rewrite;		/* --simplified: the line is rewritten */
	struct buf normed, folded;
	const char *fp;		/* the sentence at hand, white space folded */
	size_t fn;
	struct buf words;	/* SP_WORDS to text: the words, joined */
	struct ws_joiner join;	/* ... of a converted sentence, into words */
	/* the line at hand */
	const char *line;
	const struct sp_sink *sink;
	void *arg;
	unsigned long sent, tok;
	size_t done;		/* where the last token ended, in fp */
	int converted;		/* the sentence at hand was */
};

struct splitter *
sp_new(enum sp_mode mode, int semicolon, int norm)
{
	struct splitter *sp = xcalloc(1, sizeof *sp);

	sp->mode = mode;
	sp->ss = ss_new(semicolon);
	sp->tn = tn_new(norm & SP_NFKC ? TN_NFKC : 0);
	sp->rewrite = (norm & SP_SIMPLIFIED) != 0;
	if (sp->rewrite || mode == SP_WORDS || mode == SP_TOKENS)
		sp->simp = simp_new();
	if (mode == SP_WORDS || mode == SP_TOKENS)
		sp->ws = ws_new();
	return sp;
}

struct wordseg *
sp_words(struct splitter *sp)
{
	if (sp->ws == NULL)
		sp->ws = ws_new();
	return sp->ws;
}

/* A token of the Simplified sentence s[b..e), as the sentence has it:
 * 0 when it is nothing to hand on. Where the conversion changed the
 * length, two tokens may come from one piece of the original: it is
 * handed on once. */
static inline int
token_back(struct splitter *sp, size_t *b, size_t *e)
{
	if (sp->converted) {
		simp_back(sp->simp, b, e);
		if (*b < sp->done)
			*b = sp->done;
		if (*b >= *e)
			return 0;
		sp->done = *e;
	}
	return 1;
}

static void
on_token(void *arg, size_t b, size_t e, enum toktype t)
{
	struct splitter *sp = arg;

	if (token_back(sp, &b, &e))
		sp->sink->token(sp->arg, sp->sent, ++sp->tok, t,
		    sp->fp + b, e - b);
}

/* SP_WORDS to sink->words: the words joined are handed on in pieces of
 * about this many bytes, so that memory does not grow with them. */
#define WORDS_PIECE (64 * 1024)

/* a piece of the words of the sentence at hand */
static void
on_words(void *arg, struct buf *w)
{
	struct splitter *sp = arg;

	sp->sink->words(sp->arg, sp->sent, ++sp->tok == 1, w->p, w->len);
}

/* SP_WORDS to sink->words, of a converted sentence: the token taken
 * back to the sentence and added to its words as ws_join adds one */
static void
on_word(void *arg, size_t b, size_t e, enum toktype t)
{
	struct splitter *sp = arg;

	(void)t;
	if (token_back(sp, &b, &e))
		ws_join_add(&sp->join, b, e);
}

static void
on_sentence(void *arg, size_t b, size_t e)
{
	struct splitter *sp = arg;

	sp->fp = ws_fold(sp->line + b, e - b, &sp->folded, &sp->fn);
	sp->sent++;
	if (sp->mode == SP_SENTENCES) {
		sp->sink->text(sp->arg, sp->sent, sp->fp, sp->fn);
		return;
	}
	sp->tok = 0;
	sp->done = 0;
	{
		size_t n;
		const char *t = simp_line(sp->simp, sp->fp, sp->fn, &n);

		sp->converted = simp_changed(sp->simp);
		if (sp->sink->words) {
			sp->words.len = 0;
			if (sp->converted) {
				sp->join = (struct ws_joiner){ sp->fp,
				    &sp->words, 0, WORDS_PIECE, on_words, sp };
				ws_cut(sp->ws, t, n, on_word, sp);
			} else
				ws_join(sp->ws, t, n, &sp->words, WORDS_PIECE,
				    on_words, sp);
			if (sp->words.len > 0)
				on_words(sp, &sp->words);
		} else
			ws_cut(sp->ws, t, n, on_token, sp);
	}
	if (sp->tok > 0 && sp->sink->end)
		sp->sink->end(sp->arg, sp->sent);
}

void
sp_line(struct splitter *sp, const char *s, size_t n,
    const struct sp_sink *sink, void *arg)
{
	if (sp->tn) {
		tn_apply(sp->tn, s, n, &sp->normed);
		s = sp->normed.p ? sp->normed.p : "";
		n = sp->normed.len;
	}
	if (sp->rewrite) {
		size_t k;
		const char *t = simp_line(sp->simp, s, n, &k);

		if (t != s) {
			sp->normed.len = 0;
			buf_add(&sp->normed, t, k);
			s = sp->normed.p;
			n = k;
		}
	}
	sp->sink = sink;
	sp->arg = arg;
	if (sp->mode == SP_PARAGRAPHS) {
		size_t k;
		const char *t = ws_fold(s, n, &sp->folded, &k);

		if (k > 0)
			sink->text(arg, 0, t, k);
		return;
	}
	sp->line = s;
	sp->sent = 0;
	ss_split(sp->ss, s, n, on_sentence, sp);
}

void
sp_free(struct splitter *sp)
{
	if (sp == NULL)
		return;
	ss_free(sp->ss);
	ws_free(sp->ws);
	tn_free(sp->tn);
	simp_free(sp->simp);
	buf_free(&sp->normed);
	buf_free(&sp->folded);
	buf_free(&sp->words);
	free(sp);
}
