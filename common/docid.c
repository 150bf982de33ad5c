/* docid.c - document identities, and what a run did with them */
#include "docid.h"

#include <stdlib.h>

#include "counts.h"
#include "diag.h"
#include "hash.h"

struct docids {
	struct counts *done;	/* identity: DOC_ flags */
	struct counts *keys;	/* hashed keys of the run's articles */
	uint64_t last;		/* the key just before */
	int warned;
};

uint64_t
docid_of(const struct article *a)
{
	return hash64_long(a->data.p, a->data.len, hash64(a->key.p,
	    a->key.len, 0x444f43)) | 1;
}

struct docids *
docids_new(void)
{
	struct docids *d = xcalloc(1, sizeof *d);

	d->done = counts_new();
	d->keys = counts_new();
	return d;
}

void
docids_free(struct docids *d)
{
	if (d == NULL)
		return;
	counts_free(d->done);
	counts_free(d->keys);
	free(d);
}

int
docids_first(struct docids *d, uint64_t id, unsigned what)
{
	if (counts_get(d->done, id) & what)
		return 0;
	counts_add(d->done, id, what);
	return 1;
}

int
docids_key_again(struct docids *d, const struct article *a)
{
	uint64_t k;
	int again;

	if (a->part > 0 || a->key.len == 0)
		return 0;
	k = hash64(a->key.p, a->key.len, 0x4b4559) | 1;
	again = k != d->last && counts_get(d->keys, k) != 0;
	counts_add(d->keys, k, 1);
	d->last = k;
	if (again && !d->warned++)
		input_warning(a->r[0].file, a->r[0].lineno, "document key "
		    "'%.*s' was the key of an earlier document: documents are "
		    "told apart by key and content (said once)",
		    (int)(a->key.len > 64 ? 64 : a->key.len), a->key.p);
	return again;
}
