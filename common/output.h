/* output.h - checked, buffered writing of TSV records to standard output */
#ifndef ZH_OUTPUT_H
#define ZH_OUTPUT_H

#include <stddef.h>

/* Call once at start-up. Ignores SIGPIPE: a closed pipe is noticed as
 * EPIPE on write and ends the program quietly with status 0. */
void out_init(int line_buffered);
/* fn is called once when the reader has gone away, before that quiet
 * end (to save work that is complete); what is then written to standard
 * output is dropped, and a fatal error still ends with its message. */
void out_on_close(void (*fn)(void));

void out_write(const char *s, size_t n);	/* raw bytes, no escaping */
void out_str(const char *s);			/* raw NUL-terminated string */
void out_ulong(unsigned long v);
/* A text field: TAB, CR and LF become one space each, NUL becomes U+FFFD,
 * so a field can never break the record structure. */
void out_field(const char *s, size_t n);
void out_tab(void);
void out_eol(void);		/* ends a record; flushes with --line-buffered */
/* Flush and check that everything reached the file; dies with status 2
 * on a write error (a full disk, /dev/full). Call before exit. */
void out_close(void);

#endif
