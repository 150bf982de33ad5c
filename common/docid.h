/* docid.h - documents known by identity (a hash of their key and their
 * content, so that a reused key never hides a new document), and what
 * one run has done with each: counted, decided, under which key */
#ifndef ZH_DOCID_H
#define ZH_DOCID_H

#include <stdint.h>

#include "article.h"

enum { DOC_COUNTED = 1, DOC_DECIDED = 2 };

struct docids;

/* The identity of an article (never 0). */
uint64_t docid_of(const struct article *a);

/* What a run remembers: about 32 bytes a document and a key. */
struct docids *docids_new(void);
void docids_free(struct docids *d);
/* 1 the first time the run does `what` (DOC_COUNTED, DOC_DECIDED) to
 * the document, which is then remembered; 0 after. */
int docids_first(struct docids *d, uint64_t id, unsigned what);
/* Does the article (not a later part of a cut one, not without a key)
 * have the key of an earlier article of the run that was not just
 * before it? Documents are told apart by their content all the same,
 * but such a key is rarely meant: the first is reported (a warning). */
int docids_key_again(struct docids *d, const struct article *a);

#endif
