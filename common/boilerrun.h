/* boilerrun.h - one dedupe-boilerplate run: count, decide, spool, save
 *
 * A run labels the records of articles (article.h) as bc_classify()
 * does (boilerclass.h), near duplicates included (neardup.h, ndshard.h),
 * with the line counts of the state (statedb.h), of counts files and of
 * its own input. It takes one of two shapes:
 *
 *   two passes (neither apply nor counts files): br_count() each
 *       article as it is read, which counts its lines and keeps it in a
 *       spool (spool.h); br_counted(); br_decide_spooled() labels the
 *       articles kept with all the counts; br_save() writes the counts
 *       and signatures to the state and commits. With learn or emit the
 *       run only counts: it keeps no article.
 *   streaming (apply, or counts files): br_decide() each article as it
 *       is read, with the counts stored or summed elsewhere; the state
 *       is read, never written. With a state, the articles are labelled
 *       some at a time, their lines looked up together; br_decided()
 *       labels those left at the end.
 *
 * What the run finds goes to a sink, in input order: the records kept
 * (every record, labelled, with mark), or the counts rows of the lines
 * each document counts (emit), or each article's signature line
 * (emit_sigs), or each article's lines and the numbers the line model
 * reads of them (features). A state, rules, counts or duplicates file that cannot be
 * used, a spool that cannot be written, or an article without the
 * order it is to have, ends the program with status 2 (die()). */
#ifndef ZH_BOILERRUN_H
#define ZH_BOILERRUN_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "boilerclass.h"
#include "lineshape.h"

/* The settings of a run: the options of dedupe-boilerplate. */
struct br_settings {
	const char *state;	/* the state file; NULL: in memory, for the run */
	long min_docs;		/* documents of a site a line must be in */
	long prune_after;	/* runs a rare line is kept unseen (0: ever) */
	long site_field;	/* the site is this field (0: a URL key's host) */
	long order_field;	/* the order is this field (0: the position) */
	long wait_s;		/* for another run's lock on the state */
	long threads;		/* pass 2 labels on this many threads besides
				 * the one that reads and writes (0: on it) */
	double similarity;	/* the threshold of near duplicates */
	int mark;		/* every record, with its label */
	int learn;		/* count into the state only */
	int apply;		/* streaming, with the stored counts */
	int emit;		/* the line keys of the input only */
	int emit_sigs;		/* signature lines only (with counts files) */
	int features;		/* the line model's numbers, not records */
	int prompt;		/* streaming: decide each article as it is
				 * read (line-buffered output), not some
				 * articles at a time */
	char **rules;		/* more rules files, after the built-in ones */
	size_t nrules;
	char **counts;		/* counts files (streaming) */
	size_t ncounts;
	const char *dups;	/* the list of duplicates (with counts files) */
};

/* Where a run's findings go; arg is handed back to each. Only those of
 * the run's mode are called. */
struct br_sink {
	void *arg;
	/* Record i of article a is kept: every record with mark, with its
	 * label label[0..llen) (NULL, 0 without mark). */
	void (*record)(void *arg, const struct article *a, size_t i,
	    const char *label, size_t llen);
	/* A line line[0..n) to write as it is, without its line end: with
	 * emit, for each distinct line of a document the run counts, once,
	 * its counts row (the line key and the key of its form, in 32
	 * hexadecimal digits, TAB, 1: what counts_read() sums); with
	 * emit_sigs, the signature line of each article (ndshard.h) but
	 * those too short to compare. */
	void (*line)(void *arg, const char *line, size_t n);
	/* features: the lines of article a and their numbers. */
	void (*features)(void *arg, const struct article *a,
	    const struct ls_result *lines);
};

struct boilerrun;

/* A new run: the built-in rules and those of s->rules, the line model,
 * the state (opened for writing unless the run streams; not at all
 * with emit), the counts files, the list of duplicates. s and its
 * strings must outlive the run. */
struct boilerrun *br_begin(const struct br_settings *s,
    const struct br_sink *sink);
/* Does the run stream (br_decide), or take two passes (br_count)? */
int br_streaming(const struct boilerrun *r);
/* Pass 1: count the distinct lines of article a, once a document
 * however often this run or the state met it, and keep the article for
 * pass 2. */
void br_count(struct boilerrun *r, const struct article *a);
/* The end of pass 1: the state's counts of the lines read are added to
 * the run's, and what was kept is ready to read back. Returns 1 when
 * there is a pass 2 (the run keeps articles), 0 when it only counts. */
int br_counted(struct boilerrun *r);
/* Pass 2: label the articles kept, in order, into the sink. */
void br_decide_spooled(struct boilerrun *r);
/* Streaming: label article a into the sink; with a state (and not
 * prompt), some articles at a time, their lines looked up together,
 * and on threads, some articles behind: what is read may wait for
 * br_decided(). */
void br_decide(struct boilerrun *r, const struct article *a);
/* Streaming: the end of the input; label what waits. */
void br_decided(struct boilerrun *r);
/* Save the counts and the signatures of the articles kept and commit,
 * once, after br_counted(); nothing for a run that streams or a state
 * in memory. It may come before pass 2 is over (the reader of the
 * output went away): what was counted is complete. */
void br_save(struct boilerrun *r);
/* What --stats says of the articles decided so far. */
const struct bc_stats *br_stats(const struct boilerrun *r);
/* Close the state (what br_save did not commit is dropped) and free. */
void br_end(struct boilerrun *r);

#endif
