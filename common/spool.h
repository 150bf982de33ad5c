/* spool.h - a temporary file written once, then read back once in order
 *
 * Made with mkstemp(3) in $TMPDIR (a directory name of any length; /tmp
 * when TMPDIR is unset or empty) and unlinked at once, so that it is
 * gone when the program is, however it ends. Read back through its own
 * descriptor, with a buffer of its own each way. */
#ifndef ZH_SPOOL_H
#define ZH_SPOOL_H

#include <stddef.h>

struct spool;

/* The directory spools are made in. */
const char *spool_dir(void);
/* A new, empty spool; NULL with errno set when none can be made (the
 * caller reports it, naming spool_dir()). */
struct spool *spool_new(void);
/* Append n bytes: 0, or -1 with errno set (a full disk). */
int spool_write(struct spool *sp, const void *p, size_t n);
/* Done writing: flush, and read from the start. 0, or -1 with errno. */
int spool_rewind(struct spool *sp);
/* Read the next n bytes: 1; 0 at the end of the spool, before any of
 * them; -1 when it ends part way (errno EIO) or on a read error. */
int spool_read(struct spool *sp, void *p, size_t n);
/* A small number for a string (a file name), the same for equal strings
 * of one spool, and the string back from it. */
unsigned spool_name(struct spool *sp, const char *s);
const char *spool_name_at(const struct spool *sp, unsigned i);
void spool_free(struct spool *sp);

#endif
