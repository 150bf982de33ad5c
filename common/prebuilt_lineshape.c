/* prebuilt_lineshape.c - dedupe-boilerplate's line model, loaded at
 * build time (prebuilt.h): nothing is read at start */
#include "prebuilt.h"

void
ls_model_builtin(struct ls_model *m)
{
	ls_model_open(m, &zh_lineshape_model);
}
