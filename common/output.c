/* output.c - checked, buffered writing of TSV records to standard output
 *
 * One buffer in front of write(2), so every error is seen: EPIPE ends the
 * program quietly (status 0) and anything else (ENOSPC, EIO) is fatal. */
#include "output.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

struct out_buffer out_buf;

static int oline;
static int gone;			/* the reader went away */
static void (*on_close)(void);

void
out_on_close(void (*fn)(void))
{
	on_close = fn;
}

/* The reader went away: end quietly, after on_close. */
_Noreturn static void
reader_gone(void)
{
	void (*fn)(void) = on_close;

	gone = 1;
	out_buf.len = 0;
	on_close = NULL;
	if (fn)
		fn();
	_Exit(exit_status);
}

static void
flush_out(void)
{
	size_t off = 0;

	if (gone) {
		out_buf.len = 0;
		return;
	}
	while (off < out_buf.len) {
		ssize_t w = write(STDOUT_FILENO, out_buf.p + off,
		    out_buf.len - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				reader_gone();	/* quiet */
			die(EXIT_TROUBLE, "write error: %s", strerror(errno));
		}
		off += (size_t)w;
	}
	out_buf.len = 0;
}

void
out_init(int line_buffered)
{
	signal(SIGPIPE, SIG_IGN);
	oline = line_buffered;
	diag_flush = flush_out;
}

void
out_write_long(const char *s, size_t n)
{
	while (n > 0) {
		size_t room = OUT_BUFSIZE - out_buf.len, k = n < room ? n : room;

		memcpy(out_buf.p + out_buf.len, s, k);
		out_buf.len += k;
		s += k;
		n -= k;
		if (out_buf.len == OUT_BUFSIZE)
			flush_out();
	}
}

void
out_flush_full(void)
{
	flush_out();
}

void
out_str(const char *s)
{
	out_write(s, strlen(s));
}

void
out_ulong(unsigned long v)
{
	char tmp[24];
	size_t i = sizeof tmp;

	/* most numbers written are places in a line: three digits or
	 * fewer, put in the buffer as they are made */
	if (v < 1000 && OUT_BUFSIZE - out_buf.len > 3) {
		char *d = out_buf.p + out_buf.len;

		if (v < 10) {
			d[0] = (char)('0' + v);
			out_buf.len += 1;
		} else if (v < 100) {
			d[0] = (char)('0' + v / 10);
			d[1] = (char)('0' + v % 10);
			out_buf.len += 2;
		} else {
			d[0] = (char)('0' + v / 100);
			d[1] = (char)('0' + v / 10 % 10);
			d[2] = (char)('0' + v % 10);
			out_buf.len += 3;
		}
		return;
	}
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	out_write(tmp + i, sizeof tmp - i);
}

/* Does the 8-byte word x hold a byte below 0x0E? TAB, LF, CR and NUL
 * are all below it, so a word without one is copied as it is. */
static inline int
has_low_byte(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL;

	return ((x - ones * 0x0E) & ~x & ones * 0x80) != 0;
}

static inline int
has_low_byte32(uint32_t x)
{
	const uint32_t ones = 0x01010101U;

	return ((x - ones * 0x0E) & ~x & ones * 0x80) != 0;
}

/* out_field for anything but a short field of plain bytes: apart, so
 * that the short path needs no registers saved */
static __attribute__((noinline)) void
field_long(const char *s, size_t n)
{
	size_t i = 0, run = 0;

	while (i < n) {
		size_t end = n - i >= 8 ? i + 8 : n;

		if (end == i + 8) {
			uint64_t x;

			memcpy(&x, s + i, 8);
			if (!has_low_byte(x)) {
				i = end;
				continue;
			}
		}
		for (; i < end; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c == '\t' || c == '\r' || c == '\n' || c == '\0') {
				out_write(s + run, i - run);
				if (c == '\0')
					out_write("\xEF\xBF\xBD", 3);
				else
					out_write(" ", 1);
				run = i + 1;
			}
		}
	}
	out_write(s + run, n - run);
}

void
out_field(const char *s, size_t n)
{
	/* A short field (a word, a token) that fits: checked and copied
	 * as two overlapping words, with no call for the copy. */
	if (n <= 16 && OUT_BUFSIZE - out_buf.len > 16) {
		char *d = out_buf.p + out_buf.len;

		if (n >= 8) {
			uint64_t a, b;

			memcpy(&a, s, 8);
			memcpy(&b, s + n - 8, 8);
			if (!has_low_byte(a) && !has_low_byte(b)) {
				memcpy(d, &a, 8);
				memcpy(d + n - 8, &b, 8);
				out_buf.len += n;
				return;
			}
		} else if (n >= 4) {
			uint32_t a, b;

			memcpy(&a, s, 4);
			memcpy(&b, s + n - 4, 4);
			if (!has_low_byte32(a) && !has_low_byte32(b)) {
				memcpy(d, &a, 4);
				memcpy(d + n - 4, &b, 4);
				out_buf.len += n;
				return;
			}
		} else {
			size_t i;

			for (i = 0; i < n && (unsigned char)s[i] >= 0x0E; i++)
				d[i] = s[i];
			if (i == n) {
				out_buf.len += n;
				return;
			}
		}
	}
	field_long(s, n);
}

void
out_eol(void)
{
	out_buf.p[out_buf.len++] = '\n';
	if (oline || out_buf.len == OUT_BUFSIZE)
		flush_out();
}

void
out_close(void)
{
	flush_out();
	if (close(STDOUT_FILENO) < 0 && errno != EBADF && errno != EINTR)
		die(EXIT_TROUBLE, "write error: %s", strerror(errno));
}
