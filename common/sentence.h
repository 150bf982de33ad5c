/* sentence.h - sentence boundaries in Chinese news text */
#ifndef ZH_SENTENCE_H
#define ZH_SENTENCE_H

#include <stddef.h>

struct sentsplit;

/* semicolon: also end sentences at ；and ; */
struct sentsplit *ss_new(int semicolon);
/* Split one line (well-formed UTF-8) into sentences; fn gets the byte
 * span [b, e) of each, trimmed of white space, never empty. */
void ss_split(struct sentsplit *ss, const char *s, size_t n,
    void (*fn)(void *arg, size_t b, size_t e), void *arg);
void ss_free(struct sentsplit *ss);

#endif
