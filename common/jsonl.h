/* jsonl.h - one article per JSON object per line (jansson) */
#ifndef ZH_JSONL_H
#define ZH_JSONL_H

#include <stddef.h>

#include "buf.h"

struct jsonl_spec {
	const char *text_field;	/* NULL: "text", else "content" */
	const char *id_field;	/* NULL: "id", else the line number */
	char **keep;		/* more fields to carry as key columns */
	size_t nkeep;
};

struct jsonl_doc {
	struct buf id, url;
	struct buf *keep;	/* nkeep values */
	struct buf text;
	int repaired;		/* lone surrogate escapes became U+FFFD */
};

void jsonl_doc_init(struct jsonl_doc *d, const struct jsonl_spec *sp);
void jsonl_doc_free(struct jsonl_doc *d, const struct jsonl_spec *sp);
/* Parse one line. Returns 0, or -1 with a message in err. A lone UTF-16
 * surrogate escape becomes U+FFFD (and d->repaired is set) instead of
 * failing the line. Fields that are missing or null become empty
 * strings; numbers and other values are written as compact JSON. */
int jsonl_parse(const struct jsonl_spec *sp, const char *s, size_t n,
    unsigned long lineno, struct jsonl_doc *d, char *err, size_t errlen);

#endif
