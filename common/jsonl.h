/* jsonl.h - one article per JSON object per line
 *
 * The line is checked as JSON (RFC 8259) by a scanner of its own, and
 * only the fields read are decoded: what the other fields hold (numbers
 * of any size, duplicate or NUL-holding keys, nesting of any depth)
 * never decides whether the article is read. */
#ifndef ZH_JSONL_H
#define ZH_JSONL_H

#include <stddef.h>

#include "buf.h"

struct jsonl_spec {
	const char *text_field;	/* NULL: "text", else "content" */
	const char *id_field;	/* NULL: "id", else a key from the object */
	char **keep;		/* more fields to carry as key columns */
	size_t nkeep;
};

struct jsonl_doc {
	struct buf id, url;
	struct buf *keep;	/* nkeep values */
	struct buf text;
	int repaired;		/* lone surrogate escapes became U+FFFD */
	/* scratch */
	struct buf stack, key;
	struct jsonl_span *span;
};

/* The doc key of an object without an id: '#' and 16 hexadecimal
 * digits of a hash of the object's bytes, so the same line gets the same
 * key wherever it stands in the input (GNU parallel --pipe blocks). */
#define JSONL_KEY_LEN 17

void jsonl_doc_init(struct jsonl_doc *d, const struct jsonl_spec *sp);
void jsonl_doc_free(struct jsonl_doc *d, const struct jsonl_spec *sp);
/* Parse one line (well-formed UTF-8, as the reader hands it on).
 * Returns 0, or -1 with a message in err. A lone UTF-16 surrogate
 * escape in a field read becomes U+FFFD (and d->repaired is set)
 * instead of failing the line. Fields that are missing or null become
 * empty strings; other values are written as compact JSON (a number
 * beyond what a double holds, as written). A field read that appears
 * twice is an error. */
int jsonl_parse(const struct jsonl_spec *sp, const char *s, size_t n,
    struct jsonl_doc *d, char *err, size_t errlen);

#endif
