/* regex.h - PCRE2 patterns compiled once (UTF, UCP, JIT when available) */
#ifndef ZH_REGEX_H
#define ZH_REGEX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

struct regex {
	pcre2_code *code;
	pcre2_match_data *md;
	int jit;		/* JIT compiled; else the interpreter runs */
	int warned;		/* a match ran out of its limits (reported) */
	int gaveup;		/* the last rx_find ran out of them */
};

/* Compile pattern; on error writes "offset N: message" into err and
 * returns -1. flags are extra PCRE2 compile options. */
int rx_compile(struct regex *rx, const char *pattern, unsigned flags,
    char *err, size_t errlen);
/* Compile a built-in pattern; failure is a bug and dies with status 2. */
void rx_builtin(struct regex *rx, const char *pattern, unsigned flags);
/* Find the first match in s[0..n) at or after byte offset `from`.
 * Returns 1 and sets *ms and *me (byte offsets), 0 for no match. With
 * anchored, the match must start at `from`. A pattern that backtracks
 * beyond PCRE2's limits on some text (a user's rule with nested
 * repeats on a long line) counts as no match there, with one warning
 * per pattern: a run is not stopped by one line. */
int rx_find(struct regex *rx, const char *s, size_t n, size_t from,
    int anchored, size_t *ms, size_t *me);
void rx_free(struct regex *rx);

#endif
