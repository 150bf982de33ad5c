/* prebuilt_lineshape.c - dedupe-boilerplate's line model, and the words
 * of its features, made at build time (prebuilt.h): nothing is read or
 * sorted at start */
#include "prebuilt.h"

struct lineshape *
ls_new(void)
{
	return ls_open(&zh_linewords);
}

void
ls_model_builtin(struct ls_model *m)
{
	ls_model_open(m, &zh_lineshape_model);
}
