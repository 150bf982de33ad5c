/* boilerclass.h - the boilerplate decision over one article
 *
 * bc_classify labels every record of one article from the records'
 * texts and line keys, the counts of the article's site and the rules;
 * it reads and writes nothing else. In order of precedence:
 *   rule    a rule matches the text (the first rule that does names it);
 *   df      the line key is in at least min_docs documents of the site;
 *   repeat  an earlier record of the article has the same line key
 *           (whatever that one's label);
 *   tail    the closing block: after the last body record that reads as
 *           a sentence (ends like one, or is longer than BC_TAIL_MAX
 *           code points);
 *   head    the opening block: before the first body record that ends
 *           like a sentence, at most BC_HEAD_MAX code points, and
 *           shorter than the longest body record there (the title);
 *   shape   the line model (lineshape.h) scores the record's line as
 *           boilerplate, from the shape of the line and its neighbours
 *           and what the labels above said of them;
 *   body    the rest.
 * A line is a record, or the consecutive records whose keys differ only
 * in a last key that is a number when the one before it is one too
 * (segment's line and sentence numbers: a paragraph's sentences).
 * An article without a body record that reads as a sentence has neither
 * tail nor head. Near duplicates need the state: they are the
 * caller's. */
#ifndef ZH_BOILERCLASS_H
#define ZH_BOILERCLASS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "article.h"
#include "boiler.h"
#include "counts.h"
#include "lineshape.h"

#define BC_TAIL_MAX 40
#define BC_HEAD_MAX 6

enum bc_label {
	BC_BODY, BC_RULE, BC_DF, BC_TAIL, BC_HEAD, BC_REPEAT, BC_SHAPE, BC_DUP
};

struct bc_config {
	struct rules *rules;
	const struct counts *counts;	/* documents a line key is in */
	uint32_t min_docs;
	uint32_t self;		/* the article's own count in counts (0, 1) */
	struct lineshape *ls;	/* the line model's scratch; NULL: none */
	const struct ls_model *model;	/* NULL: the features only */
	struct ls_result *lines;	/* not NULL: the lines and features */
	/* not NULL: the counts of keys[i] and of gkeys[i], looked up
	 * already (0 for a key of 0), in place of counts */
	const uint32_t *df, *xs;
};

struct bc_verdict {
	enum bc_label label;
	const char *rule;	/* BC_RULE: the rule's name */
	uint32_t df;		/* the count of its key, when looked up */
	int gaveup;		/* a rule gave up on the text (rules_match) */
};

/* Label the records of article a, whose line keys (line_key(); 0 for
 * none) are keys[0..a->n) and the keys of their forms on any site
 * (form_key(); NULL for none) gkeys[0..a->n), into out[0..a->n). */
void bc_classify(const struct bc_config *c, const struct article *a,
    const uint64_t *keys, const uint64_t *gkeys, struct bc_verdict *out);

/* The label of a verdict as --mark writes it (body, boiler:rule=NAME,
 * boiler:df=N, boiler:tail, boiler:head, boiler:repeat, boiler:shape,
 * dup:DOC with
 * dupof as DOC) into buf, cut at cap - 1 bytes; returns its length. */
size_t bc_label_text(const struct bc_verdict *v, const char *dupof,
    char *buf, size_t cap);

/* What --stats says: records by label, articles, duplicate articles,
 * records on which a rule gave up. */
struct bc_stats {
	unsigned long docs, recs, n[BC_DUP + 1], dupdocs, gaveup;
};

/* Add the verdicts of an article (n records). */
void bc_stats_add(struct bc_stats *st, const struct bc_verdict *v, size_t n);
/* The summary, on lines that start with "prog: ". */
void bc_stats_print(const struct bc_stats *st, const char *prog, FILE *f);

/* The distinct line keys of keys[0..n) but 0, in increasing order, into
 * out (room for n), and the form key of each (from gkeys, which may be
 * NULL) into gout unless it is NULL; returns how many. A document counts
 * each once. */
size_t bc_distinct_keys(const uint64_t *keys, const uint64_t *gkeys, size_t n,
    uint64_t *out, uint64_t *gout);

#endif
