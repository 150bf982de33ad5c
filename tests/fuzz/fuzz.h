/* fuzz.h - what the libFuzzer targets share: the input as a file (the
 * readers take paths), and a way back from die() */
#ifndef ZH_FUZZ_H
#define ZH_FUZZ_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
