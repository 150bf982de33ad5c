/* splitter.c - one line of an article into paragraph, sentences, words
 * or tokens, each handed on as it is found */
#include "splitter.h"

#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "sentence.h"
#include "textnorm.h"

struct splitter {
	enum sp_mode mode;
	struct sentsplit *ss;
	struct wordseg *ws;
	struct textnorm *tn;
	struct buf normed, folded;
	/* the line at hand */
	const char *line;
	const struct sp_sink *sink;
	void *arg;
	unsigned long sent, tok;
};

struct splitter *
sp_new(enum sp_mode mode, int semicolon, int tnflags)
{
	struct splitter *sp = xcalloc(1, sizeof *sp);

	sp->mode = mode;
	sp->ss = ss_new(semicolon);
	sp->tn = tn_new(tnflags);
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

static void
on_token(void *arg, size_t b, size_t e, enum toktype t)
{
	struct splitter *sp = arg;

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
	ws_cut(sp->ws, sp->folded.p, sp->folded.len, on_token, sp);
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
	buf_free(&sp->normed);
	buf_free(&sp->folded);
	free(sp);
}
