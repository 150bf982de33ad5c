/* boiler.h - what makes a line boilerplate: normal forms, rules, shape */
#ifndef ZH_BOILER_H
#define ZH_BOILER_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "buf.h"
#include "regex.h"

struct rows;
struct spool;

/* The normal form of a line for counting across documents: NFKC,
 * Traditional characters as Simplified (simplify.h: 責任編輯 is 责任编辑),
 * digits folded to 0 (so 2021-07-01 and 2023-05-26 headlines match),
 * letters lower-cased, punctuation, symbols and white space dropped. Its
 * 64-bit hash is 0 when nothing is left (such lines are never counted). */
struct normaliser;
struct normaliser *norm_new(void);
uint64_t norm_hash(struct normaliser *nm, const char *s, size_t n);
/* The folded text behind the last norm_hash() */
const char *norm_folded(const struct normaliser *nm, size_t *len);
/* Nonzero when the last line was folded in one pass: then it holds no
 * character that simplify converts (simp_needed() is 0). */
int norm_plain(const struct normaliser *nm);
void norm_free(struct normaliser *nm);

/* The site of a record, as a key: the host of the first key field that
 * is an http(s) URL, or field site_field (1-based, when not 0) whole;
 * one site for all when there is none. line[0..n) is the record and
 * text_off where its text field starts. *absent is set when site_field
 * names no key field of the record. */
uint64_t site_key(const char *line, size_t n, size_t text_off,
    long site_field, int *absent);
/* The site of an article, from its first record; a missing site_field
 * is reported once (*warned set). */
uint64_t article_site(const struct article *a, long site_field,
    int *warned);
/* The key under which a line of a site is counted (never 0). */
uint64_t line_key(uint64_t site, uint64_t norm_hash);
/* The key under which the sites that had a normal form are counted
 * (never 0; in the same table as the line keys, apart from them). */
uint64_t form_key(uint64_t norm_hash);

/* The normal forms of the records of an article: each one's line key
 * (0: nothing left to count), form key and folded text. */
struct forms {
	uint64_t *key;
	uint64_t *gkey;		/* form_key(); 0 where key is 0 */
	uint64_t *flen;		/* folded text lengths; the texts are */
	struct buf folded;	/* back to back in here */
	unsigned char *plain;	/* norm_plain() of each line */
	size_t n, cap;
};

void forms_make(struct forms *f, struct normaliser *nm, uint64_t site,
    const struct article *a);
/* To and from a spool: 0 (1 read), or -1 with errno set. */
int forms_spool(const struct forms *f, struct spool *sp);
int forms_unspool(struct forms *f, size_t n, struct spool *sp);
void forms_free(struct forms *f);

/* Rules are tried in order, and the first that matches names the line.
 * Most lines match none, and the rules' top-level branches say so
 * first: one pass over the line finds the literals that lead branches
 * (tried as one alternation only when one is there) and the characters
 * other branches need (rx_needs: 来 or 转, and ： or :), each such branch
 * tried alone only on a line that holds them; the branches that need
 * nothing seen make an alternation of those that begin with ^, which
 * PCRE2 tries at the start of the line only, and one of the rest (a
 * pattern that sets options for what follows, such as (?i), stays whole
 * there). Only when one of these matched are the rules tried one by one,
 * and only those with a branch that can match. Rules that cannot join
 * (numbered groups, verbs) and rules that once gave up (ran out of their
 * match limit, see rx_limit) are tried alone on every line, so no rule
 * runs twice on a line that matches none. */
#define RULES_LIMIT 100000	/* rx_limit() of every rule */

struct rules {
	struct regex *rx;
	char **name, **pat;
	unsigned char *alone;	/* not in the alternation (1), or no more,
				 * as it gave up once (2) */
	size_t n;
	/* the others' branches: anywhere and led by a literal (one of
	 * lit), at ^, anywhere and not led by one; of the last two, those
	 * that need some characters (rx_needs) are in guard instead */
	struct regex any[3];
	int have_any[3], stale;
	struct guards *guard;	/* branches tried on lines that hold what
				 * they need, and the characters that
				 * begin the literals (boiler.c) */
	char **lit;		/* those literals (2 bytes or more), sorted */
	size_t *litlen, nlit;
	/* not NULL: called instead of rules_say_gaveup() the first time
	 * rule k gives up, on a line of n bytes */
	void (*on_gaveup)(void *arg, size_t k, size_t n);
	void *gaveup_arg;
	/* the rule each short line seen named (menus, bylines and notices
	 * come again and again); boiler.c's, emptied when the rules or
	 * their state change */
	struct line_memo *memo;
};

/* Add the rules of a rules file: name<TAB>PCRE2 pattern a row. A bad
 * row is reported with its line number and ends the loading: -1 (the
 * caller decides whether to die). From rows, from a buffer (name is for
 * messages), or from a path (NULL: the built-in rules). */
int rules_load_rows(struct rules *r, struct rows *rows);
int rules_load_buf(struct rules *r, const char *name, const char *p,
    size_t n);
int rules_load(struct rules *r, const char *path);
/* The name of the first rule that matches, or NULL. *gaveup is set when
 * a rule gave up on the line (the answer may then be wrong; a rule that
 * gives up is reported once). */
const char *rules_match(struct rules *r, const char *s, size_t n,
    int *gaveup);
void rules_free(struct rules *r);
/* The same rules, compiled again into dst, with their own match data
 * and their own record of rules that gave up (for another thread). */
void rules_copy(struct rules *dst, const struct rules *src);
/* The warning that rule k gave up on a line of n bytes. */
void rules_say_gaveup(const struct rules *r, size_t k, size_t n);

/* Does the line end like a sentence, as body text does and menus do
 * not: its last character before closers and white space ends one by
 * the shared punctuation table (punct.h), ；; and . included? */
int ends_sentence(const char *s, size_t n);

#endif
