/* fuzz_state.c - state files: a corrupt, foreign or truncated SQLite
 * file is refused with a message (fatal, status 2); one that opens is
 * read as a run reads it (the bytes are opened in memory, as SQLite
 * would read them from a file) */
#include <string.h>

#include "docsig.h"
#include "minhash.h"
#include "statedb.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	/* long enough to be signed (DS_MIN_CHARS), with numbers; the seed
	 * valid-v3.db holds its signature, so its buckets are found */
	static const char body[] = "这是一篇用来比较的文章，长度超过五十个字，"
	    "内容是关于一座城市修建新的公园和图书馆的消息，市民都很期待开放"
	    "的那一天，今年全市新建公园12座、图书馆3个。";
	struct statedb *volatile db = NULL;
	struct counts *volatile c = counts_new();
	static struct ds_builder b;	/* reused: a refusal jumps past */
	struct docsig sig;
	struct sdb_row row;
	int64_t ids[SDB_BUCKET];
	uint64_t key;
	size_t i, n;
	int k;

	if (!ready) {
		fuzz_init();
		ready = 1;
	}
	fuzz_armed = 1;
	if (setjmp(fuzz_back)) {
		counts_free(c);
		return 0;	/* refused with a message, as the tool exits 2 */
	}
	db = sdb_open_mem("fuzz", data, size);
	sdb_load_counts(db, c);
	(void)sdb_doc_seen(db, 12345);
	ds_begin(&b);
	ds_add(&b, body, strlen(body));
	/* every stored row it could meet, read: in its bands, the bucket
	 * of the whole signature, and a band of the older form */
	if (ds_end(&b, &sig))
		for (k = 0; k < MH_BANDS + 2 && sdb_signatures(db); k++) {
			key = k < MH_BANDS ? ds_band(&sig, k) : k == MH_BANDS ?
			    ds_key(&sig) : mh_band(&sig.m, 0);
			n = sdb_bucket(db, key, ids);
			for (i = 0; i < n; i++)
				if (sdb_row(db, ids[i], &row) &&
				    row.form == DS_FORM_DIGITS)
					(void)ds_alike(&sig, &row.sig, 0.8);
		}
	(void)sdb_folded(db);
	sdb_close(db);
	counts_free(c);
	return 0;
}
