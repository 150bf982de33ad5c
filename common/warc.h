/* warc.h - Common Crawl WET files: WARC/1.0 records of extracted text */
#ifndef ZH_WARC_H
#define ZH_WARC_H

#include "buf.h"
#include "input.h"

/* Read the next "conversion" record (other record types are skipped):
 * uri gets WARC-Target-URI, body the text (Content-Length bytes, checked
 * as UTF-8 as lines are). Returns 1, or 0 at the end. A record cut short
 * by the end of the file is reported with the line of its header and
 * still returned, so no text is lost; one without a valid length, or
 * whose text is longer than --max-line, is reported and skipped (read
 * through without being kept). *hdrline is the line number of the
 * record's WARC/ line. */
int warc_next(struct reader *r, struct buf *uri, struct buf *body,
    unsigned long *hdrline);

#endif
