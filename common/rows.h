/* rows.h - the rows of a data file (rules, word lists, gazetteers,
 * counts), from a buffer or from a path
 *
 * Lines end with LF (a CR before it is dropped); empty lines and lines
 * whose first character is '#' are skipped; a UTF-8 byte-order mark at
 * the start is skipped. A row with invalid UTF-8 or a NUL byte is
 * reported and ends the reading (rows_next returns 0, failed is set).
 * Fields are split at each TAB, or with ROWS_BLANKS at each run of
 * spaces and TABs (leading blanks dropped). Loaders report bad rows
 * with rows_error and return; the caller decides whether to die. */
#ifndef ZH_ROWS_H
#define ZH_ROWS_H

#include <stddef.h>

#include "fields.h"

enum { ROWS_BLANKS = 1 };

struct rows {
	const char *name;	/* for messages: a path, or "built-in ..." */
	const char *p, *end;	/* what is left to read */
	int flags;
	unsigned long lineno;	/* of the current row, 1-based */
	const char *s;		/* the current row, without its line end */
	size_t n;
	struct fields f;	/* its fields: spans into s */
	int failed;		/* a row was refused (reported) */
	char *own;		/* the file's bytes, when read from a path */
	size_t ownlen;
	int mapped;		/* own is mapped (munmap), else malloc'd */
};

/* Rows of p[0..n), which must stay valid until rows_close. */
void rows_buf(struct rows *r, const char *name, const char *p, size_t n,
    int flags);
/* Rows of the file at path (mapped when it is a regular file, else read
 * whole: a pipe or <(...) works). Returns 0, or -1 after reporting. */
int rows_path(struct rows *r, const char *path, int flags);
/* Next row: 1, or 0 at the end or after a refused row. */
int rows_next(struct rows *r);
/* Field i of the current row (n set to its length); NULL past the end. */
const char *rows_field(const struct rows *r, size_t i, size_t *n);
/* "prog: name:line: message"; sets failed and the exit status 1. */
void rows_error(struct rows *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rows_close(struct rows *r);

#endif
