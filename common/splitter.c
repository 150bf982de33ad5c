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
	/* the line at hand */
	const char *line;
	const struct sp_sink *sink;
	void *arg;
	unsigned long sent, tok;
	size_t done;		/* where the last token ended, in folded */
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

/* A token of the Simplified sentence, handed on as the sentence has it.
 * Where the conversion changed the length, two tokens may come from one
 * piece of the original: it is handed on once. */
static void
on_token(void *arg, size_t b, size_t e, enum toktype t)
{
	struct splitter *sp = arg;

	if (sp->converted) {
		simp_back(sp->simp, &b, &e);
		if (b < sp->done)
			b = sp->done;
		if (b >= e)
			return;
		sp->done = e;
	}
	sp->sink->token(sp->arg, sp->sent, ++sp->tok, t, sp->folded.p + b, e - b);
}

static void
on_sentence(void *arg, size_t b, size_t e)
{
	struct splitter *sp = arg;

	sp->folded.len = 0;
	ws_fold(sp->line + b, e - b, &sp->folded);
	sp->sent++;
	if (sp->mode == SP_SENTENCES) {
		sp->sink->text(sp->arg, sp->sent, sp->folded.p, sp->folded.len);
		return;
	}
	sp->tok = 0;
	sp->done = 0;
	{
		size_t n;
		const char *t = simp_line(sp->simp, sp->folded.p ? sp->folded.p : "",
		    sp->folded.len, &n);

		sp->converted = simp_changed(sp->simp);
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
		sp->folded.len = 0;
		ws_fold(s, n, &sp->folded);
		if (sp->folded.len)
			sink->text(arg, 0, sp->folded.p, sp->folded.len);
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
	free(sp);
}
