/* make-prebuilt.c - the word list's and the gazetteer's tables, built
 * once at build time and written as C sources (common/prebuilt.h)
 *
 * Linked with the library's own code, without the prebuilt tables it
 * makes: the word list is built from data/words.tsv (compiled in) as the
 * tools built it at every start, the gazetteer from data/regions.tsv
 * with that word list (Traditional names converted with the OpenCC
 * installed here, as simplify.h would at start), and each is written
 * out as it is in memory, value for value.
 *
 *   make-prebuilt words > words_prebuilt.c
 *   make-prebuilt regions > regions_prebuilt.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "gazetteer.h"
#include "prebuilt.h"
#include "words.h"

static void
head(const char *what)
{
	printf("/* %s, prebuilt by data/make-prebuilt.c: do not edit */\n"
	    "#include \"prebuilt.h\"\n\n", what);
}

int
main(int argc, char **argv)
{
	struct wordseg *ws;
	struct gazetteer *gz;

	diag_init(argv[0]);
	if (argc != 2 || (strcmp(argv[1], "words") != 0 &&
	    strcmp(argv[1], "regions") != 0)) {
		fprintf(stderr, "usage: make-prebuilt words|regions > FILE.c\n");
		return 2;
	}
	ws = ws_build();
	if (strcmp(argv[1], "words") == 0) {
		head("The built-in word list (data/words.tsv)");
		ws_emit(ws, stdout, "zh_words");
	} else {
		if ((gz = gz_build(NULL, ws)) == NULL)
			die(EXIT_TROUBLE, "the built-in gazetteer is broken");
		head("The built-in gazetteer (data/regions.tsv)");
		gz_emit(gz, stdout, "zh_regions");
		gz_free(gz);
	}
	ws_free(ws);
	if (fflush(stdout) != 0 || ferror(stdout))
		die(EXIT_TROUBLE, "cannot write the tables");
	return 0;
}
