/* parmap.c - an ordered parallel map (see parmap.h) */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "parmap.h"

struct parmap {
	pthread_mutex_t mu;
	pthread_cond_t ready;	/* an item to work on, or the end */
	pthread_cond_t done;	/* an item's work is done */
	void (*work)(void *ctx, void *item);
	void **item;
	unsigned char *finished;
	size_t depth;
	/* items numbered as they came: head is the next to take out, next
	 * the next to work on, tail the next to hand in */
	size_t head, next, tail;
	int ending;
	size_t nthreads;
	pthread_t *th;
	struct worker { struct parmap *pm; void *ctx; } *w;
};

static void *
run(void *arg)
{
	struct worker *w = arg;
	struct parmap *pm = w->pm;

	pthread_mutex_lock(&pm->mu);
	for (;;) {
		size_t k;

		while (pm->next == pm->tail && !pm->ending)
			pthread_cond_wait(&pm->ready, &pm->mu);
		if (pm->next == pm->tail)
			break;
		k = pm->next++ % pm->depth;
		pthread_mutex_unlock(&pm->mu);
		pm->work(w->ctx, pm->item[k]);
		pthread_mutex_lock(&pm->mu);
		pm->finished[k] = 1;
		if (k == pm->head % pm->depth)
			pthread_cond_signal(&pm->done);
	}
	pthread_mutex_unlock(&pm->mu);
	return NULL;
}

struct parmap *
pm_new(size_t nthreads, size_t depth, void (*work)(void *ctx, void *item),
    void *const *ctx)
{
	struct parmap *pm = xcalloc(1, sizeof *pm);
	size_t t;
	int rc;

	if (nthreads == 0 || depth < nthreads)
		die(EXIT_TROUBLE, "parmap: %zu threads, %zu items in flight",
		    nthreads, depth);
	pthread_mutex_init(&pm->mu, NULL);
	pthread_cond_init(&pm->ready, NULL);
	pthread_cond_init(&pm->done, NULL);
	pm->work = work;
	pm->depth = depth;
	pm->item = xcalloc(depth, sizeof *pm->item);
	pm->finished = xcalloc(depth, 1);
	pm->th = xcalloc(nthreads, sizeof *pm->th);
	pm->w = xcalloc(nthreads, sizeof *pm->w);
	for (t = 0; t < nthreads; t++) {
		pm->w[t].pm = pm;
		pm->w[t].ctx = ctx[t];
		if ((rc = pthread_create(&pm->th[t], NULL, run, &pm->w[t])) != 0)
			die(EXIT_TROUBLE, "cannot start a thread: %s",
			    strerror(rc));
		pm->nthreads++;
	}
	return pm;
}

int
pm_full(const struct parmap *pm)
{
	return pm->tail - pm->head == pm->depth;
}

void
pm_put(struct parmap *pm, void *item)
{
	size_t k;

	pthread_mutex_lock(&pm->mu);
	if (pm->tail - pm->head == pm->depth)
		die(EXIT_TROUBLE, "parmap: an item put in a full map");
	k = pm->tail++ % pm->depth;
	pm->item[k] = item;
	pm->finished[k] = 0;
	pthread_cond_signal(&pm->ready);
	pthread_mutex_unlock(&pm->mu);
}

void *
pm_get(struct parmap *pm)
{
	void *item = NULL;
	size_t k;

	pthread_mutex_lock(&pm->mu);
	if (pm->head != pm->tail) {
		k = pm->head % pm->depth;
		while (!pm->finished[k])
			pthread_cond_wait(&pm->done, &pm->mu);
		item = pm->item[k];
		pm->head++;
	}
	pthread_mutex_unlock(&pm->mu);
	return item;
}

void
pm_free(struct parmap *pm)
{
	size_t t;

	if (pm == NULL)
		return;
	pthread_mutex_lock(&pm->mu);
	pm->ending = 1;
	pthread_cond_broadcast(&pm->ready);
	pthread_mutex_unlock(&pm->mu);
	for (t = 0; t < pm->nthreads; t++)
		pthread_join(pm->th[t], NULL);
	pthread_cond_destroy(&pm->ready);
	pthread_cond_destroy(&pm->done);
	pthread_mutex_destroy(&pm->mu);
	free(pm->item);
	free(pm->finished);
	free(pm->th);
	free(pm->w);
	free(pm);
}
