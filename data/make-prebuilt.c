/* make-prebuilt.c - the word list's and the gazetteer's tables, and a
 * line model, built once at build time and written as C sources
 * (common/prebuilt.h)
 *
 * Linked with the library's own code, without the prebuilt tables it
 * makes: the word list is built from data/words.tsv (compiled in) as the
 * tools built it at every start, the gazetteer from data/regions.tsv
 * with that word list (Traditional names converted with the OpenCC
 * installed here, as simplify.h would at start), a line model of
 * dedupe-boilerplate from the file named (data/lineshape.tsv) by
 * ls_model_load, the words that its features look for from the word
 * list's short rows (compiled in) by ls_words_build, and each is written
 * out as it is in memory, value for value.
 *
 *   make-prebuilt words > words_prebuilt.c
 *   make-prebuilt regions > regions_prebuilt.c
 *   make-prebuilt linewords > linewords_prebuilt.c
 *   make-prebuilt lineshape data/lineshape.tsv zh_lineshape_model \
 *       > lineshape_prebuilt.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "gazetteer.h"
#include "lineshape.h"
#include "prebuilt.h"
#include "words.h"

static void
head(const char *what, const char *from)
{
	printf("/* %s (%s), prebuilt by data/make-prebuilt.c: do not edit */\n"
	    "#include <math.h>\n\n#include \"prebuilt.h\"\n\n", what, from);
}

/* A C identifier? */
static int
identifier(const char *s)
{
	if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	return strspn(s, "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789") == strlen(s) && strlen(s) < 48;
}

int
main(int argc, char **argv)
{
	struct wordseg *ws;
	struct gazetteer *gz;
	struct ls_model m;
	struct ls_words wd;

	diag_init(argv[0]);
	if (argc == 4 && strcmp(argv[1], "lineshape") == 0 &&
	    identifier(argv[3])) {
		if (ls_model_load_path(&m, argv[2]) < 0)
			die(EXIT_TROUBLE, "%s: not a line model", argv[2]);
		head("A line model of dedupe-boilerplate", argv[2]);
		ls_model_emit(&m, stdout, argv[3]);
		ls_model_free(&m);
	} else if (argc == 2 && strcmp(argv[1], "linewords") == 0) {
		ls_words_build(&wd);
		head("The words of dedupe-boilerplate's line features",
		    "data/words.tsv, common/lineshape.c");
		ls_words_emit(&wd, stdout, "zh_linewords");
		ls_words_free(&wd);
	} else if (argc == 2 && (strcmp(argv[1], "words") == 0 ||
	    strcmp(argv[1], "regions") == 0)) {
		ws = ws_build();
		if (strcmp(argv[1], "words") == 0) {
			head("The built-in word list", "data/words.tsv");
			ws_emit(ws, stdout, "zh_words");
		} else {
			if ((gz = gz_build(NULL, ws)) == NULL)
				die(EXIT_TROUBLE, "the built-in gazetteer is broken");
			head("The built-in gazetteer", "data/regions.tsv");
			gz_emit(gz, stdout, "zh_regions");
			gz_free(gz);
		}
		ws_free(ws);
	} else {
		fprintf(stderr, "usage: make-prebuilt words|regions|linewords > FILE.c\n"
		    "       make-prebuilt lineshape MODEL.tsv SYMBOL > FILE.c\n");
		return 2;
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		die(EXIT_TROUBLE, "cannot write the tables");
	return 0;
}
