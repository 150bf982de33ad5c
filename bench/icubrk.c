/* icubrk - the raw ICU break iterators, as a baseline for segment:
 * reads lines from stdin and writes each sentence on its own line
 * (sent) or the words of each line separated by spaces (word).
 * usage: icubrk sent|word */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

int
main(int argc, char **argv)
{
	UErrorCode st = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	UBreakIterator *bi;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int word;

	if (argc != 2 || (strcmp(argv[1], "sent") && strcmp(argv[1], "word"))) {
		fprintf(stderr, "usage: icubrk sent|word\n");
		return 2;
	}
	word = strcmp(argv[1], "word") == 0;
	bi = ubrk_open(word ? UBRK_WORD : UBRK_SENTENCE, "zh", NULL, 0, &st);
	if (U_FAILURE(st)) {
		fprintf(stderr, "icubrk: %s\n", u_errorName(st));
		return 2;
	}
	while ((n = getline(&line, &cap, stdin)) > 0) {
		int32_t b, e;

		if (line[n - 1] == '\n')
			n--;
		utext_openUTF8(&ut, line, n, &st);
		ubrk_setUText(bi, &ut, &st);
		for (b = ubrk_first(bi); (e = ubrk_next(bi)) != UBRK_DONE; b = e) {
			fwrite(line + b, 1, (size_t)(e - b), stdout);
			putchar(word ? ' ' : '\n');
		}
		if (word)
			putchar('\n');
	}
	ubrk_close(bi);
	utext_close(&ut);
	free(line);
	return ferror(stdout) ? 1 : 0;
}
