/* opts.h - option parsing shared by all zhpipe binaries */
#ifndef ZH_OPTS_H
#define ZH_OPTS_H

#include <getopt.h>
#include <stddef.h>

struct common_opts {
	unsigned field;		/* -f N: text field, 1-based; 0 = last */
	int header;		/* --header */
	int line_buffered;	/* --line-buffered */
	int strict;		/* --strict */
};

extern struct common_opts copt;

struct tool {
	const char *usage;	/* the synopsis line(s), after "usage: " */
	const char *help;	/* the rest of --help */
	const char *shortopts;	/* tool's own short options, getopt syntax */
	const struct option *longopts;	/* tool's own, {0} terminated */
	/* Handle one tool option; return 0, or -1 after reporting a bad value */
	int (*handle)(int opt, const char *arg);
};

/* Parse argv; exits 0 for --help/--version and 2 on a usage error.
 * Returns the index of the first operand. */
int opts_parse(const struct tool *t, int argc, char **argv);

/* "prog: message" plus the usage hint; exit 2. */
_Noreturn void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Parse a size in bytes with an optional K, M or G suffix into *out;
 * -1 after reporting a bad value. */
int opts_size(const char *name, const char *arg, size_t *out);
/* Parse a positive decimal count (1..max) for option `name`, or -1. */
long opts_count(const char *name, const char *arg, long max);
/* The same for a number of min..max (min >= 0). */
long opts_number(const char *name, const char *arg, long min, long max);

#endif
