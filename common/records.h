/* records.h - the loop every record-reading tool runs: each file (or
 * standard input), each line, split into fields, the text field found */
#ifndef ZH_RECORDS_H
#define ZH_RECORDS_H

#include <stddef.h>

#include "buf.h"
#include "fields.h"
#include "input.h"

struct record {
	struct reader *r;	/* file name and line number, for messages */
	const char *s;		/* the whole line */
	size_t n;
	struct fields *f;
	long text;		/* index of the text field */
	int header;		/* the line is the input's header (--header) */
};

/* Call fn for every record of files (NULL-terminated; "-" is standard
 * input). A CR inside the record becomes a space (a field never holds
 * TAB, CR or LF). A record without the text field (-f N) is reported and
 * skipped; with header set, the first record of the run is passed with
 * r.header = 1. Missing files are reported; the exit status records it. */
/* With REC_KEYS_AS_ONE among rdflags and the text the last field
 * (field 0), a record is split at its last TAB only: rec->f holds the
 * keys as one field and the text, for a tool that reads no key on its
 * own (record_keys gives them as ever). */
enum { REC_KEYS_AS_ONE = 0x100 };
void records_each(char **files, int rdflags, unsigned field, int header,
    void (*fn)(void *arg, const struct record *rec), void *arg);

/* Append the key fields of rec (all but the text), each followed by a
 * TAB, to out. */
void record_keys(const struct record *rec, struct buf *out);

#endif
