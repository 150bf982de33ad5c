/* prebuilt_words.c - the segmenter on the word list prebuilt at build
 * time (prebuilt.h): nothing is built at start */
#include "prebuilt.h"

struct wordseg *
ws_new(void)
{
	return ws_open(&zh_words_prebuilt);
}
