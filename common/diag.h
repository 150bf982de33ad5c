/* diag.h - diagnostics and exit status shared by every zhpipe binary */
#ifndef ZH_DIAG_H
#define ZH_DIAG_H

#include <stddef.h>

enum {
	EXIT_ALL_OK = 0,	/* everything processed */
	EXIT_BAD_INPUT = 1,	/* some input bad or missing; reported, rest done */
	EXIT_TROUBLE = 2	/* usage error or fatal trouble */
};

extern const char *prog;	/* program name used in every message */
/* Called before a message is written, so that records already produced
 * reach standard output first (set by out_init). */
extern void (*diag_flush)(void);
extern int exit_status;		/* raised to EXIT_BAD_INPUT by input problems */
/* When set, die() calls it with the status instead of exiting (a fuzz
 * target jumps back to try the next input); it must not return. */
extern void (*diag_die)(int status);

void diag_init(const char *argv0);
/* "prog: message" */
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "prog: file:line: message"; line 0 omits the line number. Sets exit 1. */
void input_error(const char *file, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Same format, but a warning: exit status untouched. */
void input_warning(const char *file, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* "prog: message" then exit(status). */
_Noreturn void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);
/* Zeroed tables of megabytes (huge pages where the kernel allows); free
 * and resize them with their size. Growth keeps the content; new bytes
 * are zero. */
void *xbigalloc(size_t bytes);
void *xbigrealloc(void *p, size_t old, size_t bytes);
void xbigfree(void *p, size_t bytes);
char *xstrdup(const char *s);

#endif
