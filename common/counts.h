/* counts.h - in how many documents each line key is: hash tables in
 * memory, 12 bytes a slot (16 once counts are loaded) and at most half
 * full, so about 24 to 32 bytes a distinct key. Keys are 64-bit hashes;
 * 0 is never a key. */
#ifndef ZH_COUNTS_H
#define ZH_COUNTS_H

#include <stddef.h>
#include <stdint.h>

#define COUNTS_MAX UINT32_MAX	/* counts stop here (saturate) */

struct counts;
struct rows;

struct count_kv {
	uint64_t key;
	uint32_t docs;
};

struct counts *counts_new(void);
void counts_free(struct counts *c);
/* Forget every key and give the memory back: c is as counts_new() made
 * it. */
void counts_clear(struct counts *c);
/* The count of key; 0 when it has none. */
uint32_t counts_get(const struct counts *c, uint64_t key);
/* Ask the memory for the slot where a look-up of key starts, so that
 * the look-ups of a record's keys, each asked first, wait for the
 * memory together instead of one after another. Changes nothing. */
void counts_prefetch(const struct counts *c, uint64_t key);
/* Add n to the count of key, stopping at COUNTS_MAX; the new count. */
uint32_t counts_add(struct counts *c, uint64_t key, uint32_t n);
/* Add n as counted before this run (read from a state or a counts
 * file): not a change that counts_changed() reports, so it may come
 * after this run's counts_add() of the same key. */
void counts_load(struct counts *c, uint64_t key, uint32_t n);
/* counts_load() if key has a slot (1), else nothing (0): one look-up. */
int counts_load_present(struct counts *c, uint64_t key, uint32_t n);
/* What counts_load() gave key (0 when nothing). */
uint32_t counts_loaded(const struct counts *c, uint64_t key);
/* Whether key has a slot (counted, loaded or touched), even of 0. */
int counts_has(const struct counts *c, uint64_t key);
/* Give key a slot of its own count, 0 if new: a key to look up. */
void counts_touch(struct counts *c, uint64_t key);
/* Load the rows of a counts file, key<TAB>docs a row (what
 * --emit-counts writes, summed): key 1 to 16 hexadecimal digits, not 0,
 * or 32, a line key and its form key (form_key(), not 0); docs decimal
 * digits, 0 to COUNTS_MAX. The counts of a key add up (stopping at
 * COUNTS_MAX); the form key of a line key that had no count yet counts
 * one more site. A bad row is reported with its line number and ends
 * the loading: -1. From rows, or from a path. */
int counts_read(struct counts *c, struct rows *r);
int counts_read_path(struct counts *c, const char *path);
/* Keys with a count. */
size_t counts_size(const struct counts *c);
/* The keys whose count changed since they were loaded, with their
 * counts, in increasing key order: an array to free(), of n entries. */
struct count_kv *counts_changed(const struct counts *c, size_t *n);
/* Every key with a slot, in the same order and form. */
struct count_kv *counts_all(const struct counts *c, size_t *n);
/* v[0..n) in that order (by radix; keys may repeat). */
void counts_sort(struct count_kv *v, size_t n);

#endif
