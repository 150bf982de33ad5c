/* sources.h - the input formats segment reads, as lines of articles
 * with their key columns
 *
 *   text   each file one article keyed by its path, or several split by
 *          a line holding only a form feed (--doc-sep) or by NUL (-0),
 *          keyed PATH:N; lines numbered from 1 in each
 *   tsv    records: the keys are the fields but the text (-f N), no
 *          line numbers; the first record may be the header
 *   jsonl  one object a line (jsonl.h): keys doc, url, kept fields; the
 *          text split at LF and its lines numbered
 *   wet    WARC conversion records (warc.h): key the target URI; the
 *          text split and numbered as for jsonl
 *
 * A key never holds TAB, CR, LF or NUL: each becomes a space. */
#ifndef ZH_SOURCES_H
#define ZH_SOURCES_H

#include <stddef.h>

#include "jsonl.h"

enum src_format { SRC_TEXT, SRC_TSV, SRC_JSONL, SRC_WET };

struct src_spec {
	enum src_format format;
	int docsep;		/* text: 0, '\f' (--doc-sep) or -1 (NUL, -0) */
	unsigned field;		/* tsv: -f N, 0 for the last */
	int header;		/* tsv: the first record is the header */
	int rdflags;		/* RD_STRICT (input.h) */
	struct jsonl_spec jsonl;
};

struct src_line {
	const char *keys;	/* the key columns, each ended by a TAB */
	size_t nkeys;
	unsigned long line;	/* in the article, from 1; 0 for tsv */
	const char *s;		/* the text (well-formed UTF-8) */
	size_t n;
	int header;		/* tsv: this is the input's header record */
};

/* Call fn for every line of every article of files (NULL-terminated;
 * "-" is standard input), in input order. Bad input is reported and
 * the rest read; the exit status records it. */
void src_each(char **files, const struct src_spec *spec,
    void (*fn)(void *arg, const struct src_line *l), void *arg);

#endif
