/* parmap.h - an ordered parallel map: items handed in one by one are
 * worked on by a few threads and handed back in the order they came
 *
 * The thread that puts the items in is the one that takes them back
 * out; between the two, work(ctx[t], item) runs on one of the threads,
 * with the context of that thread (scratch it alone uses). At most
 * depth items are in flight: pm_put() on a full map is a bug, so take
 * one out first (pm_full()). What work() reads besides its item and
 * context must not change while items are in flight. */
#ifndef ZH_PARMAP_H
#define ZH_PARMAP_H

#include <stddef.h>

struct parmap;

/* nthreads threads (1 or more), ctx[0..nthreads), depth >= nthreads.
 * Dies (EXIT_TROUBLE) when a thread cannot be made. */
struct parmap *pm_new(size_t nthreads, size_t depth,
    void (*work)(void *ctx, void *item), void *const *ctx);
/* Hand in an item; it must not be full. */
void pm_put(struct parmap *pm, void *item);
/* Are depth items in flight? */
int pm_full(const struct parmap *pm);
/* The oldest item handed in and not yet taken out, once its work is
 * done (waits for it); NULL when none is in flight. */
void *pm_get(struct parmap *pm);
/* Wait for the work in flight, end the threads and free; NULL is none.
 * Items not taken out are dropped (still the caller's). */
void pm_free(struct parmap *pm);

#endif
