/* fields.h - the TAB-separated fields of a record, and which one is text */
#ifndef ZH_FIELDS_H
#define ZH_FIELDS_H

#include <stddef.h>

struct fields {
	size_t n, cap;
	size_t *b, *e;		/* byte spans of each field */
};

/* Split s[0..n) at TABs (an empty record has one empty field). */
void fields_split(struct fields *f, const char *s, size_t n);
/* Split s[0..n) at its last TAB only: the keys as one field (TABs and
 * all) and the text after them; one field when there is no TAB. */
void fields_split_last(struct fields *f, const char *s, size_t n);
/* 0-based index of the text field for -f N (0 = last), or -1 if the
 * record has fewer fields. */
long fields_text(const struct fields *f, unsigned field);
void fields_free(struct fields *f);

#endif
