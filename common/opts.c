/* opts.c - option parsing shared by all zhpipe binaries (getopt_long) */
#include "opts.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "input.h"

#ifndef ZHPIPE_VERSION
#define ZHPIPE_VERSION "unknown"
#endif

struct common_opts copt;

enum { OPT_HEADER = 0x1000, OPT_LINEBUF, OPT_STRICT, OPT_VERSION,
	OPT_MAXLINE };

static const struct option common_long[] = {
	{ "field", required_argument, NULL, 'f' },
	{ "header", no_argument, NULL, OPT_HEADER },
	{ "line-buffered", no_argument, NULL, OPT_LINEBUF },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "max-line", required_argument, NULL, OPT_MAXLINE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
};

_Noreturn void
usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", prog);
	exit(EXIT_TROUBLE);
}

long
opts_number(const char *name, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max) {
		fprintf(stderr, "%s: invalid %s '%s' (expected %ld..%ld)\n"
		    "Try '%s --help' for more information.\n",
		    prog, name, arg, min, max, prog);
		return -1;
	}
	return v;
}

long
opts_count(const char *name, const char *arg, long max)
{
	return opts_number(name, arg, 1, max);
}

int
opts_size(const char *name, const char *arg, size_t *out)
{
	char *end;
	unsigned long long v;
	int shift = 0;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (end != arg && *end && !end[1]) {
		const char *u = strchr("KMG", *end);

		if (u) {
			shift = 10 * (int)(u - "KMG" + 1);
			end++;
		}
	}
	if (errno != 0 || end == arg || *end != '\0' || *arg == '-' || v < 1 ||
	    v > (SIZE_MAX >> 1) >> shift) {
		fprintf(stderr, "%s: invalid %s '%s' (expected bytes, 1 or more, "
		    "with K, M or G)\nTry '%s --help' for more information.\n",
		    prog, name, arg, prog);
		return -1;
	}
	*out = (size_t)v << shift;
	return 0;
}

int
opts_parse(const struct tool *t, int argc, char **argv)
{
	size_t nc = sizeof common_long / sizeof common_long[0], nt = 0;
	struct option *all;
	char shorts[128];
	int c;
	long v;

	while (t->longopts && t->longopts[nt].name)
		nt++;
	all = xcalloc(nc + nt + 1, sizeof *all);
	memcpy(all, common_long, sizeof common_long);
	if (nt)
		memcpy(all + nc, t->longopts, nt * sizeof *all);
	snprintf(shorts, sizeof shorts, ":f:h%s", t->shortopts ? t->shortopts : "");

	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, all, NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((v = opts_count("field number", optarg, INT_MAX)) < 0) {
				free(all);
				exit(EXIT_TROUBLE);
			}
			copt.field = (unsigned)v;
			break;
		case OPT_HEADER:
			copt.header = 1;
			break;
		case OPT_LINEBUF:
			copt.line_buffered = 1;
			break;
		case OPT_STRICT:
			copt.strict = 1;
			break;
		case OPT_MAXLINE:
			if (opts_size("--max-line", optarg, &rd_max_line) < 0) {
				free(all);
				exit(EXIT_TROUBLE);
			}
			break;
		case 'h':
			free(all);
			printf("usage: %s\n%s", t->usage, t->help);
			if (fflush(stdout) != 0 || ferror(stdout))
				die(EXIT_TROUBLE, "write error");
			exit(EXIT_ALL_OK);
		case OPT_VERSION:
			free(all);
			printf("%s (zhpipe) %s\n", prog, ZHPIPE_VERSION);
			if (fflush(stdout) != 0 || ferror(stdout))
				die(EXIT_TROUBLE, "write error");
			exit(EXIT_ALL_OK);
		case ':':
			free(all);
			if (optopt && optopt < 0x100)
				usage_error("option requires an argument -- '%c'",
				    optopt);
			usage_error("option '%s' requires an argument",
			    argv[optind - 1]);
		case '?':
			free(all);
			if (optopt && optopt < 0x100)
				usage_error("invalid option -- '%c'", optopt);
			usage_error("unrecognized option '%s'", argv[optind - 1]);
		default:
			if (t->handle == NULL || t->handle(c, optarg) < 0) {
				free(all);
				exit(EXIT_TROUBLE);
			}
		}
	}
	free(all);
	return optind;
}
