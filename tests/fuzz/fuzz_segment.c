/* fuzz_segment.c - what segment does with the lines of an article:
 * normalisation, sentences, paragraphs, words and tokens (splitter.c),
 * with a user dictionary read from a buffer
 *
 * The first byte chooses how: bits 0-1 the output (sentences with
 * --semicolon, paragraphs with --simplified, words with --nfkc,
 * tokens), bit 7 the long-input mode for the text (fuzz.h). The
 * rest is a user dictionary, a NUL byte, and the text, repaired to UTF-8
 * as the reader repairs it. The words splitter keeps the user words of
 * earlier inputs; it starts afresh every 512 inputs. */
#include <string.h>

#include "buf.h"
#include "splitter.h"
#include "textnorm.h"
#include "utf8.h"
#include "words.h"
#include "fuzz.h"

static void
on_text(void *arg, unsigned long sent, const char *s, size_t n)
{
	(void)arg;
	(void)sent;
	if (n == 0 || memchr(s, '\t', n) || memchr(s, '\n', n) ||
	    memchr(s, '\r', n) || !utf8_clean(s, n))
		abort();	/* never empty, white space folded */
}

static void
on_token(void *arg, unsigned long sent, unsigned long tok, enum toktype t,
    const char *s, size_t n)
{
	unsigned long *last = arg;

	(void)sent;
	if (n == 0 || memchr(s, ' ', n) || memchr(s, '\t', n) || t > TOK_PUNCT ||
	    tok != *last + 1)
		abort();	/* white space separates, never in a token */
	*last = tok;
}

static void
on_end(void *arg, unsigned long sent)
{
	(void)sent;
	*(unsigned long *)arg = 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct sp_sink sink = { on_text, on_token, on_end, NULL };
	static struct splitter *sp[4];
	static unsigned long runs;
	static struct buf text;
	const uint8_t *nul;
	size_t at = 0, n;
	unsigned long last = 0;
	int how, k;

	if (sp[0] == NULL) {
		fuzz_init();
		sp[0] = sp_new(SP_SENTENCES, 1, 0);
		sp[1] = sp_new(SP_PARAGRAPHS, 0, SP_SIMPLIFIED);
		sp[3] = sp_new(SP_TOKENS, 0, 0);
	}
	if (runs++ % 512 == 0) {
		sp_free(sp[2]);
		sp[2] = sp_new(SP_WORDS, 0, SP_NFKC);
	}
	if (size == 0)
		return 0;
	how = data[0];
	k = how & 3;
	data++;
	size--;
	if ((nul = memchr(data, 0, size)) != NULL) {
		if (k == 2)
			(void)ws_load_user_buf(sp_words(sp[2]), "dict",
			    (const char *)data, (size_t)(nul - data));
		size -= (size_t)(nul - data) + 1;
		data = nul + 1;
	}
	if (how & 128)
		data = fuzz_long(data, size, &size);
	text.len = 0;
	utf8_repair((const char *)data, size, &text);
	while (at <= text.len) {
		const char *s = text.p ? text.p + at : "", *nl;

		nl = memchr(s, '\n', text.len - at);
		n = nl ? (size_t)(nl - s) : text.len - at;
		last = 0;
		sp_line(sp[k], s, n, &sink, &last);
		at += n + 1;
	}
	return 0;
}
