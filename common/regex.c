/* regex.c - PCRE2 wrapper: compile once, JIT, reuse match data */
#include "regex.h"

#include <stdio.h>

#include "diag.h"

int
rx_compile(struct regex *rx, const char *pattern, unsigned flags, char *err,
    size_t errlen)
{
	int code;
	PCRE2_SIZE off;

	rx->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | flags, &code,
	    &off, NULL);
	if (rx->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(code, msg, sizeof msg);
		snprintf(err, errlen, "offset %zu: %s", (size_t)off,
		    (char *)msg);
		return -1;
	}
	rx->jit = -1;		/* at the first rx_find */
	rx->warned = rx->gaveup = 0;
	rx->limit = 0;
	rx->md = pcre2_match_data_create_from_pattern(rx->code, NULL);
	if (rx->md == NULL)
		die(EXIT_TROUBLE, "out of memory (pcre2 match data)");
	return 0;
}

void
rx_builtin(struct regex *rx, const char *pattern, unsigned flags)
{
	char err[300];

	if (rx_compile(rx, pattern, flags, err, sizeof err) < 0)
		die(EXIT_TROUBLE, "internal pattern error: %s", err);
}

void
rx_limit(struct regex *rx, unsigned long base)
{
	rx->limit = base;
}

/* One JIT stack for every pattern, growing to 8 MB on demand (the
 * default 32 KB is too little for repeated groups on long lines). */
static pcre2_match_context *
match_context(void)
{
	static pcre2_match_context *mc;
	static pcre2_jit_stack *js;

	if (mc == NULL) {
		mc = pcre2_match_context_create(NULL);
		js = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, NULL);
		if (mc == NULL || js == NULL)
			die(EXIT_TROUBLE, "out of memory (pcre2 match context)");
		pcre2_jit_stack_assign(mc, NULL, js);
	}
	return mc;
}

/* The limits of rx_limit() for a subject of n bytes, or PCRE2's own. */
static void
set_limits(pcre2_match_context *mc, unsigned long base, size_t n)
{
	static uint32_t match0, depth0;
	double m = (double)base + 10.0 * (double)n,
	    d = (double)base / 10 + 1.0 * (double)n;

	if (match0 == 0) {
		pcre2_config(PCRE2_CONFIG_MATCHLIMIT, &match0);
		pcre2_config(PCRE2_CONFIG_DEPTHLIMIT, &depth0);
	}
	pcre2_set_match_limit(mc, base == 0 ? match0 : m > UINT32_MAX ?
	    UINT32_MAX : (uint32_t)m);
	pcre2_set_depth_limit(mc, base == 0 ? depth0 : d > UINT32_MAX ?
	    UINT32_MAX : (uint32_t)d);
}

int
rx_find(struct regex *rx, const char *s, size_t n, size_t from, int anchored,
    size_t *ms, size_t *me)
{
	PCRE2_SIZE *ov;
	int rc;
	uint32_t opts = 0;

	/* pcre2_match runs the JIT code only when no start option is given
	 * at match time: PCRE2_ANCHORED there sends every call to the
	 * interpreter, whose start-up work grows with the rest of the
	 * subject (quadratic over a line of many tokens). A pattern used
	 * anchored is compiled with PCRE2_ANCHORED, and then is anchored
	 * already; only one that is not needs the option here. */
	if (anchored) {
		uint32_t co = 0;

		(void)pcre2_pattern_info(rx->code, PCRE2_INFO_ARGOPTIONS, &co);
		if (!(co & PCRE2_ANCHORED))
			opts = PCRE2_ANCHORED;
	}
	/* JIT memory can be refused (SELinux, W^X): fall back quietly. */
	if (rx->jit < 0)
		rx->jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0;
	rx->gaveup = 0;
	set_limits(match_context(), rx->limit, n - from);
	rc = pcre2_match(rx->code, (PCRE2_SPTR)s, n, from, opts, rx->md,
	    match_context());
	if (rc < 0) {
		PCRE2_UCHAR msg[256];

		if (rc == PCRE2_ERROR_NOMATCH)
			return 0;
		if (rc != PCRE2_ERROR_MATCHLIMIT && rc != PCRE2_ERROR_DEPTHLIMIT &&
		    rc != PCRE2_ERROR_HEAPLIMIT && rc != PCRE2_ERROR_JIT_STACKLIMIT &&
		    rc != PCRE2_ERROR_NOMEMORY)
			die(EXIT_TROUBLE, "pattern match failed (pcre2 error %d)", rc);
		if (!rx->warned) {
			pcre2_get_error_message(rc, msg, sizeof msg);
			warnx("a pattern gave up on a line of %zu bytes (%s); "
			    "taken as no match there", n, (char *)msg);
			rx->warned = 1;
		}
		rx->gaveup = 1;
		return 0;
	}
	ov = pcre2_get_ovector_pointer(rx->md);
	*ms = ov[0];
	*me = ov[1];
	return 1;
}

void
rx_free(struct regex *rx)
{
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->code);
	rx->md = NULL;
	rx->code = NULL;
}
