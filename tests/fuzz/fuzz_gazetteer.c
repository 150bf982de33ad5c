/* fuzz_gazetteer.c - --gazetteer files: loading from the buffer (a bad
 * row is reported and refused, never fatal inside the loader) and
 * matching with what loaded */
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
	size_t agree, i;

	if (ws == NULL) {
		fuzz_init();	/* die() from here on is a finding */
		ws = ws_new();
	}
	gz = gz_load_buf("fuzz", (const char *)data, size, ws);
	if (gz == NULL)
		return 0;	/* refused with a message, as the tool exits 2 */
	pt = pt_new(gz, ws);
	pt_reset(pt);
	pt_scan(pt, 0, probe, strlen(probe));
	/* every official name as a record of the article */
	for (i = 0; i < gz->n; i++)
		pt_scan(pt, i + 1, gz->r[i].name, strlen(gz->r[i].name));
	pt_resolve(pt);
	(void)pt_main(pt, &agree);
	pt_free(pt);
	gz_free(gz);
	return 0;
}
