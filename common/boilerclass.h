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
 *   body    the rest.
 * An article without a body record that reads as a sentence has neither
 * tail nor head. Near duplicates need the state: they are the
 * caller's. */
#ifndef ZH_BOILERCLASS_H
#define ZH_BOILERCLASS_H

#include <stddef.h>
#include <stdint.h>

#include "boiler.h"
#include "counts.h"

#define BC_TAIL_MAX 40
#define BC_HEAD_MAX 6

enum bc_label { BC_BODY, BC_RULE, BC_DF, BC_TAIL, BC_HEAD, BC_REPEAT, BC_DUP };

struct bc_config {
	struct rules *rules;
	const struct counts *counts;	/* documents a line key is in */
	uint32_t min_docs;
};

struct bc_line {		/* a record, as the decision sees it */
	const char *text;
	size_t len;
	uint64_t key;		/* its line key (line_key()); 0: none */
};

struct bc_verdict {
	enum bc_label label;
	const char *rule;	/* BC_RULE: the rule's name */
	uint32_t df;		/* the count of its key, when looked up */
	int gaveup;		/* a rule gave up on the text (rules_match) */
};

void bc_classify(const struct bc_config *c, const struct bc_line *in,
    size_t n, struct bc_verdict *out);

/* The distinct line keys of keys[0..n) but 0, in increasing order, into
 * out (room for n); returns how many. A document counts each once. */
size_t bc_distinct_keys(const uint64_t *keys, size_t n, uint64_t *out);

#endif
