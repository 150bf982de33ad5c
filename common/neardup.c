/* neardup.c - near-duplicate articles by MinHash */
#include "neardup.h"

#include "minhash.h"
#include "utf8.h"

int
nd_check(struct neardup *nd, const struct forms *f, const struct bc_verdict *v,
    size_t n, struct doc_ref *self, int first, char *dupof, size_t cap)
{
	struct minhash m;
	size_t i, off = 0;

	nd->body.len = 0;
	for (i = 0; i < n; off += f->flen[i++])
		if (v[i].label == BC_BODY)
			buf_add(&nd->body, f->folded.p + off, f->flen[i]);
	if (nd->body.len == 0 || utf8_count(nd->body.p, nd->body.len) <
	    ND_MIN_CHARS || mh_sign(nd->body.p, nd->body.len, &m) == 0)
		return 0;
	if (sdb_similar(nd->db, &m, nd->similarity, first ? self : NULL, dupof,
	    cap))
		return 1;
	if (nd->store && first && !self->met)
		sdb_add_signature(nd->db, self->id, self->name, self->n, &m);
	return 0;
}

void
nd_free(struct neardup *nd)
{
	buf_free(&nd->body);
}
