/* output.h - checked, buffered writing of TSV records to standard output */
#ifndef ZH_OUTPUT_H
#define ZH_OUTPUT_H

#include <stddef.h>
#include <string.h>

/* Call once at start-up. Ignores SIGPIPE: a closed pipe is noticed as
 * EPIPE on write and ends the program quietly with status 0. */
void out_init(int line_buffered);
/* fn is called once when the reader has gone away, before that quiet
 * end (to save work that is complete); what is then written to standard
 * output is dropped, and a fatal error still ends with its message. */
void out_on_close(void (*fn)(void));

/* The buffer in front of write(2), exposed only so that the short
 * writes below are inlined; between calls len < OUT_BUFSIZE. */
#define OUT_BUFSIZE (64 * 1024)
extern struct out_buffer {
	size_t len;
	char p[OUT_BUFSIZE];
} out_buf;
/* the paths of out_write and out_tab when the buffer is full */
void out_write_long(const char *s, size_t n);
void out_flush_full(void);

/* raw bytes, no escaping */
static inline void
out_write(const char *s, size_t n)
{
	if (n < OUT_BUFSIZE - out_buf.len) {
		if (n == 0)
			return;	/* s may be NULL then */
		memcpy(out_buf.p + out_buf.len, s, n);
		out_buf.len += n;
	} else
		out_write_long(s, n);
}

void out_str(const char *s);			/* raw NUL-terminated string */
void out_ulong(unsigned long v);
/* A text field: TAB, CR and LF become one space each, NUL becomes U+FFFD,
 * so a field can never break the record structure. */
void out_field(const char *s, size_t n);
static inline void
out_tab(void)
{
	out_buf.p[out_buf.len++] = '\t';
	if (out_buf.len == OUT_BUFSIZE)
		out_flush_full();
}
void out_eol(void);		/* ends a record; flushes with --line-buffered */
/* Flush and check that everything reached the file; dies with status 2
 * on a write error (a full disk, /dev/full). Call before exit. */
void out_close(void);

#endif
