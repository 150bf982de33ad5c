/* prebuilt_regions.c - the built-in gazetteer prebuilt at build time
 * (prebuilt.h), used when it is what would be built: no file named, and
 * the word list (which says which short forms are ordinary words) the
 * prebuilt one, unchanged. Else it is built at start, as from a file. */
#include "prebuilt.h"

struct gazetteer *
gz_load(const char *path, struct wordseg *ws)
{
	if (path == NULL && ws_builtin(ws))
		return gz_open(&zh_regions_prebuilt);
	return gz_build(path, ws);
}
