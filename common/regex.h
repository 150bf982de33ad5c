/* regex.h - PCRE2 patterns compiled once (UTF, UCP, JIT when available)
 *
 * A pattern is compiled (and checked) when it is given, and compiled to
 * machine code by the JIT at its first match: most of the cost of a
 * pattern is the JIT's, and a run need not try every pattern it has
 * (empty input, or rules tried only after their alternation matched). */
#ifndef ZH_REGEX_H
#define ZH_REGEX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

struct regex {
	pcre2_code *code;
	pcre2_match_data *md;
	int jit;		/* 1 JIT compiled, 0 the interpreter runs,
				 * -1 not yet matched (rx_find compiles) */
	int warned;		/* a match ran out of its limits (reported) */
	int gaveup;		/* the last rx_find ran out of them */
	unsigned long limit;	/* rx_limit(); 0: PCRE2's own limits */
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
/* Bound the work of each rx_find of rx by the subject's length: at most
 * base + 10 backtracking steps a byte (PCRE2's match limit) and base / 10
 * + 1 levels of nesting a byte (its depth limit), where PCRE2's own are
 * ten million whatever the length. A pattern that runs in linear time is
 * never cut short; one that backtracks exponentially (nested repeats)
 * gives up at a small cost on a short line. */
void rx_limit(struct regex *rx, unsigned long base);
void rx_free(struct regex *rx);

/* What every match of a pattern holds: sets of code points, each with
 * at least one of its members in any match (and so in any subject the
 * pattern matches at all). rx_needs reads pattern[0..n), which must
 * compile with rx_compile's options (no caseless), and finds such sets
 * where they are plain to see: a literal character, a class of literal
 * characters or a group whose every alternative has one, none of them
 * made optional by a quantifier, and \s (the characters PCRE2 may
 * take for white space); inside (?i:...), ASCII characters and their
 * other cases. A pattern with syntax it does not read (\Q, verbs,
 * option settings such as (?i), conditionals, \x..) has none. Returns
 * the number of sets written to set[0..max). */
#define RX_SET_MAX 32		/* members of a set; larger ones are dropped */
struct rx_set {
	uint32_t c[RX_SET_MAX];
	unsigned n;
};
size_t rx_needs(const char *pattern, size_t n, struct rx_set *set,
    size_t max);

/* What the first character of every match of a pattern is, by the same
 * reading: one of c[0..n), or (digit) one PCRE2 takes for \d. rx_first
 * fills f and returns 1 where that is plain to see; 0 where a match may
 * begin with other characters, may be empty, or the syntax is not read.
 * rx_first_may: may a match begin with code point c? */
#define RX_FIRST_MAX 64
struct rx_first {
	uint32_t c[RX_FIRST_MAX];
	unsigned n;
	int digit;
};
int rx_first(const char *pattern, size_t n, struct rx_first *f);
int rx_first_may(const struct rx_first *f, uint32_t c);

#endif
