/* ndshard.h - near duplicates over many machines, in three steps that
 * give what one run over all the input gives:
 *
 *   map     each task signs its articles (classified with the summed
 *           counts, --counts) and writes one signature line an article;
 *   reduce  one task reads every signature line, puts them in input
 *           order and decides each article as one run does (nd_decide):
 *           it writes the duplicates, one line each;
 *   apply   each task labels the articles of that list as duplicates.
 *
 * An article's place in the input is its order (a number given with it,
 * or its position in the task's input) and its part (0, or 1, 2, ... for
 * the parts of an article cut at --max-article).
 *
 * A signature line: order, part, identity (16 hexadecimal digits), the
 * MinHash and the numbers (ds_format_sig, ds_format_nums), then the
 * name (the article's key, which may hold TABs), TAB-separated. A line
 * of the list: order, part, the name of the original. */
#ifndef ZH_NDSHARD_H
#define ZH_NDSHARD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "docsig.h"

/* The signature line of an article, appended to out (no line end). */
void ndsh_sig_line(struct buf *out, uint64_t order, unsigned part,
    uint64_t id, const struct docsig *sig, const char *name, size_t n);

/* Read the signature lines of files (NULL-terminated; "-" is standard
 * input) and write the list of duplicates at threshold x to standard
 * output, in order. A malformed line, or two articles of one order and
 * part, is fatal (exit 2): nothing is decided from part of the input. */
void ndsh_reduce(char **files, double x);

/* A list of duplicates, read whole (a malformed line is fatal). */
struct ndsh_dups;
struct ndsh_dups *ndsh_dups_read(const char *path);
/* The name of the original of the article at order and part, or NULL
 * when it is no duplicate. */
const char *ndsh_dup_of(const struct ndsh_dups *d, uint64_t order,
    unsigned part);
void ndsh_dups_free(struct ndsh_dups *d);

#endif
