/* diag.c - one way to report errors, one place that decides exit codes */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

const char *prog = "zhpipe";
int exit_status = EXIT_ALL_OK;
void (*diag_flush)(void);
void (*diag_die)(int status);

void
diag_init(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	prog = slash ? slash + 1 : argv0;
}

static void
vreport(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	if (diag_flush != NULL) {
		void (*f)(void) = diag_flush;

		diag_flush = NULL;	/* a write error while flushing must not recurse */
		f();
		diag_flush = f;
	}
	fflush(stdout);
	if (file != NULL && line > 0)
		fprintf(stderr, "%s: %s:%lu: ", prog, file, line);
	else if (file != NULL)
		fprintf(stderr, "%s: %s: ", prog, file);
	else
		fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, 0, fmt, ap);
	va_end(ap);
}

void
input_error(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, fmt, ap);
	va_end(ap);
	if (exit_status < EXIT_BAD_INPUT)
		exit_status = EXIT_BAD_INPUT;
}

void
input_warning(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, fmt, ap);
	va_end(ap);
}

_Noreturn void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, 0, fmt, ap);
	va_end(ap);
	if (diag_die != NULL)
		diag_die(status);
	exit(status);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die(EXIT_TROUBLE, "out of memory (%zu bytes)", n);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die(EXIT_TROUBLE, "out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		die(EXIT_TROUBLE, "out of memory (%zu x %zu bytes)", n, size);
	return p;
}

/* Tables of megabytes are mapped on their own and asked for in huge
 * pages where the kernel gives them on request: a few page faults
 * instead of thousands, and fewer TLB misses for random probes. */
#define BIG (2u << 20)

void *
xbigalloc(size_t bytes)
{
	void *p;

	if (bytes < BIG)
		return xcalloc(1, bytes);
	p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	if (p == MAP_FAILED)
		die(EXIT_TROUBLE, "out of memory (%zu bytes)", bytes);
#ifdef MADV_HUGEPAGE
	(void)madvise(p, bytes, MADV_HUGEPAGE);
#endif
	return p;
}

void *
xbigrealloc(void *p, size_t old, size_t bytes)
{
	void *q;

	if (old >= BIG && bytes >= BIG) {
		q = mremap(p, old, bytes, MREMAP_MAYMOVE);
		if (q == MAP_FAILED)
			die(EXIT_TROUBLE, "out of memory (%zu bytes)", bytes);
		return q;
	}
	q = xbigalloc(bytes);
	if (p) {
		memcpy(q, p, old < bytes ? old : bytes);
		xbigfree(p, old);
	}
	return q;
}

void
xbigfree(void *p, size_t bytes)
{
	if (p == NULL)
		return;
	if (bytes < BIG)
		free(p);
	else
		munmap(p, bytes);
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}
