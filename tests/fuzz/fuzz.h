/* fuzz.h - what the libFuzzer targets share: a way back from die(), the
 * long-input mode, and the input as a file for the loaders that take
 * only paths */
#ifndef ZH_FUZZ_H
#define ZH_FUZZ_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"

static jmp_buf fuzz_back;
static int fuzz_armed;	/* fuzz_back is set: die() is expected */

/* die() in a target that does not expect it is a finding: abort, so
 * that libFuzzer keeps the input. */
static void
fuzz_die(int status)
{
	(void)status;
	if (!fuzz_armed)
		abort();
	longjmp(fuzz_back, 1);
}

/* A way back from die(); call once. (make fuzz runs the targets with
 * -close_fd_mask=2: the tools' messages are muted, libFuzzer's and the
 * sanitizers' reports are not.) */
static void
fuzz_init(void)
{
	diag_init("fuzz");
	diag_die = fuzz_die;
}

/* The long-input mode: the input repeated to FUZZ_LONG bytes. Work that
 * grows faster than its input (a search that starts again at every
 * token of a long line) then runs into make fuzz's -timeout, or its
 * memory into -rss_limit_mb, and is kept as a finding: a search over
 * the rest of the line at each of its tokens takes minutes there, and
 * linear work a second at most, sanitizers and all. */
#define FUZZ_LONG ((size_t)1 << 18)

static const uint8_t *
fuzz_long(const uint8_t *data, size_t n, size_t *outn)
{
	static uint8_t *big;
	size_t at;

	if (n == 0) {
		*outn = 0;
		return data;
	}
	if (big == NULL && (big = malloc(FUZZ_LONG)) == NULL)
		abort();
	for (at = 0; at < FUZZ_LONG; at += n)
		memcpy(big + at, data, at + n <= FUZZ_LONG ? n : FUZZ_LONG - at);
	*outn = FUZZ_LONG;
	return big;
}

static char fuzz_path[64];

static void
fuzz_unlink(void)
{
	unlink(fuzz_path);
}

/* The input in a file of its own (removed at exit); the path is valid
 * until the next call. */
static const char *
fuzz_file(const uint8_t *data, size_t n)
{
	char *path = fuzz_path;
	FILE *f;

	if (path[0] == '\0') {
		int fd;

		snprintf(path, sizeof fuzz_path, "/tmp/zhpipe-fuzz.XXXXXX");
		if ((fd = mkstemp(path)) < 0)
			abort();
		close(fd);
		atexit(fuzz_unlink);
	}
	if ((f = fopen(path, "wb")) == NULL)
		abort();
	if (n && fwrite(data, 1, n, f) != n)
		abort();
	if (fclose(f) != 0)
		abort();
	return path;
}

#endif
