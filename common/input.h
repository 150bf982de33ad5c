/* input.h - reading records of any length from files or standard input
 *
 * gzip-compressed input (one or more members) is read transparently,
 * however the first bytes arrive, and what a pipe delivers is handed on
 * at once (tail -f works); a UTF-8 byte-order mark at the start of a
 * line is skipped (files joined with cat each start with one); CRLF
 * line ends are accepted; invalid UTF-8 and NUL bytes are repaired to
 * U+FFFD with one warning per file naming the first bad line (an error
 * with --strict). */
#ifndef ZH_INPUT_H
#define ZH_INPUT_H

#include <stddef.h>
#include <zlib.h>

#include "buf.h"

/* RD_TRUSTED: the bytes were written by this program from input it
 * checked (a spool file): the UTF-8 check is skipped. */
enum { RD_NULSEP = 1, RD_STRICT = 2, RD_TRUSTED = 4 };

struct reader {
	const char *name;	/* as given; "-" is standard input */
	int fd;			/* -1: reading from memory */
	const char *mem;	/* rd_open_mem: the bytes, */
	size_t memlen, mempos;	/* how many, how far read, */
	size_t memchunk;	/* and at most how many a read gives */
	int flags;
	int gz;			/* input is gzip: inflate from zin */
	z_stream zs;
	unsigned char *zin;
	int zend;		/* the current gzip member is complete */
	int started;		/* the first block has been read */
	char *buf;
	size_t pos, end;
	int eof;
	struct buf line;	/* a line that spans buffer refills */
	struct buf fixed;	/* repaired copy of the current line */
	unsigned long lineno;	/* 1-based number of the current line */
	int term;		/* what ended it: '\n', '\0' (RD_NULSEP) or -1 */
	size_t raw;		/* bytes it took in the file, terminator included */
	int warned;
	int failed;		/* a read error or a --strict refusal happened */
	int skipping;		/* the current line is over rd_max_line */
	int has_cr;		/* the line rd_line gave holds a CR byte */
	int cr_known;		/* cr_at is known for what buf holds: */
	size_t cr_at;		/* the first CR in buf from pos on (end: none) */
};

/* Lines longer than this many bytes (--max-line; default 64 MiB) are
 * reported with their number and skipped, read through without being
 * kept: memory stays bounded whatever the input. */
#define RD_MAX_LINE ((size_t)64 << 20)
extern size_t rd_max_line;

/* Open path ("-" for stdin). On failure reports "prog: path: reason",
 * sets exit status 1 and returns -1. */
int rd_open(struct reader *r, const char *path, int flags);
/* Read p[0..n) as if from a file called name, each read giving at most
 * chunk bytes (0: any number), as a pipe may: for tests and fuzzing.
 * p must stay valid until rd_close. */
void rd_open_mem(struct reader *r, const char *name, const void *p, size_t n,
    size_t chunk, int flags);
/* Next line without its terminator. Returns 1, or 0 at end of input or
 * after an error (already reported; r->failed set). The pointer stays
 * valid until the next call; r->has_cr says whether the line holds a CR
 * (one before its LF is not part of it), found by one search of the
 * buffer for each CR rather than one search of each line. */
int rd_line(struct reader *r, const char **s, size_t *n);
/* Up to max raw bytes of what follows the last line read, as the input
 * holds them (decompressed, but neither split nor repaired): for records
 * whose length is given, such as WARC's. With stop >= 0, no bytes after
 * the first byte stop. *s points into the reader's buffer and stays
 * valid until the next call. Returns how many, 0 at the end of the
 * input or after an error. The line number counts the newlines among
 * them. */
size_t rd_bytes(struct reader *r, size_t max, int stop, const char **s);
/* Check b as rd_line checks a line (starting at line number lineno):
 * invalid UTF-8 and NUL bytes are repaired in b with the one warning of
 * the file, or, with RD_STRICT, refused: -1 after the error (r->failed
 * set). Returns 0 otherwise. */
int rd_repair(struct reader *r, struct buf *b, unsigned long lineno);
void rd_close(struct reader *r);

/* The name to show for a path in messages and doc keys. */
#define rd_display(r) ((r)->name)

#endif
