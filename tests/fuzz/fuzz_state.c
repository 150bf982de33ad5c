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
	static const char body[] = "这是一篇用来比较的文章，长度超过五十个字，"
	    "内容是关于一座城市修建新的公园和图书馆的消息，市民都很期待。";
	struct statedb *volatile db = NULL;
	struct counts *volatile c = counts_new();
	struct ds_builder b = { 0 };
	struct docsig sig;
	struct sdb_row row;
	int64_t ids[SDB_BUCKET];
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
	if (ds_end(&b, &sig))	/* every stored row it could meet, read */
		for (k = 0; k <= MH_BANDS && sdb_signatures(db); k++) {
			n = sdb_bucket(db, k < MH_BANDS ? ds_band(&sig, k) :
			    mh_band(&sig.m, 0), ids);
			for (i = 0; i < n; i++)
				if (sdb_row(db, ids[i], &row) &&
				    row.form == DS_FORM_DIGITS)
					(void)ds_alike(&sig, &row.sig, 0.8);
		}
	ds_builder_free(&b);
	(void)sdb_folded(db);
	sdb_close(db);
	counts_free(c);
	return 0;
}
