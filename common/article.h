/* article.h - records grouped into articles: the consecutive records
 * that share their first -k key fields, handed to a tool one finished
 * article at a time (the push model of records_each, one level up)
 *
 * The key fields of a record are all its fields but the text (-f N), in
 * order; an article is keyed by the first k of them. A record with no
 * key field at all is an article of its own. A record with fewer key
 * fields than k is keyed by those it has (reported once).
 *
 * Memory per article is bounded: an article whose records reach
 * art_max_bytes (bytes of the records, plus ART_REC_COST for each) is
 * handed over at that point with `cut` set, with one warning per
 * article, and its further records make the next part (same key). */
#ifndef ZH_ARTICLE_H
#define ZH_ARTICLE_H

#include <stddef.h>

#include "buf.h"
#include "records.h"

struct spool;

#define ART_MAX_BYTES ((size_t)64 << 20)	/* --max-article default */
#define ART_REC_COST 64				/* bytes a record costs */
extern size_t art_max_bytes;

struct art_rec {
	size_t off, len;	/* the whole record in data */
	size_t toff, tlen;	/* its text field, also in data */
	const char *file;	/* where it came from, for messages */
	unsigned long lineno;
};

struct article {
	struct buf key;		/* the first k key fields, TAB-joined */
	struct buf data;	/* the records, back to back */
	struct art_rec *r;
	size_t n, cap;
	unsigned part;		/* 0, or 1, 2, ... for the parts of a cut one */
	int cut;		/* closed at the bound: its next part follows */
};

/* The text of record i, and the whole record. */
static inline const char *
art_text(const struct article *a, size_t i, size_t *n)
{
	*n = a->r[i].tlen;
	return a->data.p + a->r[i].toff;
}

static inline const char *
art_line(const struct article *a, size_t i, size_t *n)
{
	*n = a->r[i].len;
	return a->data.p + a->r[i].off;
}

/* Append the key fields of record i (all but the text), each followed
 * by a TAB, to out: the same as record_keys() on the record. */
void art_keys(const struct article *a, size_t i, struct buf *out);

/* Read files as records_each() does and call on_article for every
 * article, in input order; the article and its pointers are valid only
 * during the call. keys is -k (1 or more). The input's header record
 * (header set) goes to on_header, which may be NULL. */
void articles_each(char **files, int rdflags, unsigned field, int header,
    unsigned keys, void (*on_header)(void *arg, const struct record *rec),
    void (*on_article)(void *arg, const struct article *a), void *arg);

/* Write the article to a spool; 0, or -1 with errno set. */
int art_spool(const struct article *a, struct spool *sp);
/* Read the next article of a spool into a (its buffers are reused);
 * 1, 0 at the end, -1 when the spool is cut short or corrupt. */
int art_unspool(struct article *a, struct spool *sp);
/* dst becomes a copy of src (which articles_each() owns), with room
 * of its own: records' file names are still src's. */
void art_copy(struct article *dst, const struct article *src);
/* Free what art_unspool or art_copy allocated in a. */
void art_release(struct article *a);

#endif
