/* textnorm.c - NFKC and Traditional->Simplified through ICU */
#include "textnorm.h"

#include <stdint.h>
#include <stdlib.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "diag.h"
#include "utf8.h"

struct textnorm {
	const UNormalizer2 *nfkc;
	UTransliterator *t2s;
	UChar *u, *v;
	int32_t ucap, vcap;
};

struct textnorm *
tn_new(int flags)
{
	struct textnorm *tn;
	UErrorCode st = U_ZERO_ERROR;

	if (flags == 0)
		return NULL;
	tn = xcalloc(1, sizeof *tn);
	if (flags & TN_NFKC) {
		tn->nfkc = unorm2_getNFKCInstance(&st);
		if (U_FAILURE(st))
			die(EXIT_TROUBLE, "cannot load ICU NFKC data: %s",
			    u_errorName(st));
	}
	if (flags & TN_SIMPLIFIED) {
		static const UChar id[] = { 'H','a','n','t','-','H','a','n','s',0 };

		st = U_ZERO_ERROR;
		tn->t2s = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
		if (U_FAILURE(st))
			die(EXIT_TROUBLE, "cannot open ICU transliterator "
			    "Hant-Hans: %s", u_errorName(st));
	}
	return tn;
}

static void
ensure(UChar **p, int32_t *cap, int64_t need)
{
	if (need > INT32_MAX / 2)
		die(EXIT_TROUBLE, "line too long to normalise (%lld units)",
		    (long long)need);
	if (need > *cap) {
		*cap = (int32_t)need;
		*p = xrealloc(*p, (size_t)*cap * sizeof **p);
	}
}

void
tn_apply(struct textnorm *tn, const char *s, size_t n, struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t len, olen;

	out->len = 0;
	if (n > INT32_MAX / 4)
		die(EXIT_TROUBLE, "line too long to normalise (%zu bytes)", n);
	ensure(&tn->u, &tn->ucap, (int64_t)n + 1);
	u_strFromUTF8(tn->u, tn->ucap, &len, s, (int32_t)n, &st);
	if (U_FAILURE(st))
		die(EXIT_TROUBLE, "ICU conversion: %s", u_errorName(st));
	if (tn->nfkc) {
		ensure(&tn->v, &tn->vcap, (int64_t)len * 3 + 16);
		st = U_ZERO_ERROR;
		olen = unorm2_normalize(tn->nfkc, tn->u, len, tn->v, tn->vcap, &st);
		if (st == U_BUFFER_OVERFLOW_ERROR) {
			ensure(&tn->v, &tn->vcap, (int64_t)olen + 1);
			st = U_ZERO_ERROR;
			olen = unorm2_normalize(tn->nfkc, tn->u, len, tn->v,
			    tn->vcap, &st);
		}
		if (U_FAILURE(st))
			die(EXIT_TROUBLE, "ICU NFKC: %s", u_errorName(st));
		{
			UChar *t = tn->u;
			int32_t c = tn->ucap;

			tn->u = tn->v;
			tn->ucap = tn->vcap;
			tn->v = t;
			tn->vcap = c;
		}
		len = olen;
	}
	if (tn->t2s) {
		int32_t limit = len;

		ensure(&tn->u, &tn->ucap, (int64_t)len * 2 + 16);
		for (;;) {
			int32_t tl = len;

			limit = len;
			st = U_ZERO_ERROR;
			utrans_transUChars(tn->t2s, tn->u, &tl, tn->ucap, 0, &limit,
			    &st);
			if (st != U_BUFFER_OVERFLOW_ERROR) {
				len = tl;
				break;
			}
			/* the text was changed in place up to the error: redo */
			die(EXIT_TROUBLE, "ICU transliteration overflow");
		}
		if (U_FAILURE(st))
			die(EXIT_TROUBLE, "ICU transliteration: %s", u_errorName(st));
	}
	st = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &olen, tn->u, len, &st);
	buf_reserve(out, (size_t)olen + 1);
	st = U_ZERO_ERROR;
	u_strToUTF8(out->p, (int32_t)out->cap, &olen, tn->u, len, &st);
	if (U_FAILURE(st))
		die(EXIT_TROUBLE, "ICU conversion: %s", u_errorName(st));
	out->len = (size_t)olen;
}

void
tn_free(struct textnorm *tn)
{
	if (tn == NULL)
		return;
	if (tn->t2s)
		utrans_close(tn->t2s);
	free(tn->u);
	free(tn->v);
	free(tn);
}

void
ws_fold(const char *s, size_t n, struct buf *out)
{
	size_t i = 0, run = 0;
	int pending = 0;

	buf_reserve(out, n + 1);
	while (i < n) {
		size_t at = i;
		unsigned char b = (unsigned char)s[i];
		int sp;

		if (b < 0x80) {
			sp = b == ' ' || (b >= 0x09 && b <= 0x0D);
			i++;
		} else
			sp = uc_is_space(utf8_next(s, n, &i));
		if (!sp)
			continue;
		buf_add(out, s + run, at - run);
		while (i < n) {
			size_t t = i;

			if (!uc_is_space(utf8_next(s, n, &t)))
				break;
			i = t;
		}
		pending = at > 0 && i < n;
		if (pending)
			buf_addc(out, ' ');
		run = i;
	}
	buf_add(out, s + run, n - run);
}
