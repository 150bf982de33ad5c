/* fuzz_gazetteer.c - --gazetteer files: loading (a bad line is fatal,
 * with its number) and matching with what loaded */
#include <string.h>

#include "gazetteer.h"
#include "placetag.h"
#include "words.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct wordseg *ws;
	static const char probe[] = "甘肃省武威市民勤县和城关镇的消息，湟中县改为湟中区。";
	struct gazetteer *gz;
	struct placetag *pt;
	const char *path;
	size_t agree;

	if (ws == NULL) {
		fuzz_init();
		ws = ws_new();
	}
	path = fuzz_file(data, size);
	fuzz_armed = 1;
	if (setjmp(fuzz_back))
		return 0;	/* refused with a message, as the tool exits 2 */
	gz = gz_load(path, ws);
	pt = pt_new(gz, ws);
	pt_reset(pt);
	pt_scan(pt, 0, probe, strlen(probe));
	pt_scan(pt, 1, (const char *)gz->text, strlen(gz->text));
	pt_resolve(pt);
	(void)pt_main(pt, &agree);
	pt_free(pt);
	gz_free(gz);
	return 0;
}
