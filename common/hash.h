/* hash.h - a 64-bit hash of bytes, for keys that are only compared
 * (line and document keys, LSH bands), never stored as text */
#ifndef ZH_HASH_H
#define ZH_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a over the bytes, then a finaliser that spreads the high bits;
 * seed picks one of many independent functions. Stable across runs and
 * machines: state files keep its values. */
uint64_t hash64(const void *p, size_t n, uint64_t seed);

#endif
