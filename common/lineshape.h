/* lineshape.h - the shape of an article's lines, and the boosted trees
 * that tell boilerplate from body text by it
 *
 * A line is what a paragraph record is (segment -p), or the records of
 * one paragraph joined (segment's sentence records of one line). Each
 * line gets LS_NFEAT numbers computed from its text and from its
 * neighbours', in the spirit of jusText and boilerpipe's shallow text
 * features, for Chinese text:
 *   - its own: length in code points (in buckets), sentence-end and
 *     clause-end punctuation, shares of Han, Latin and digits, the
 *     density of function words (single characters whose part of speech
 *     in the word list is an auxiliary, preposition, conjunction, adverb
 *     or pronoun), separators (| · > / 》), date, time and relative-time
 *     shapes, numbered items, "(N)" counts, "label:" openings, #topic#,
 *     bracketed labels, code-like symbols, and the evidence that the
 *     rules, the site's counts and the block rules gave its records;
 *   - its place: position in the article, before or after the first and
 *     last line that reads as a sentence, inside the main block (the run
 *     of lines whose prose outweighs the rest most, as in Finn's body
 *     text extraction), distance to the nearest sentence;
 *   - its neighbours: the share of sentences, short lines and their mean
 *     length in windows of 1, 3 and 7 lines each side, the previous and
 *     next line's shape and evidence, the length of the run of short
 *     lines it is in and of the run of repeated lines it is in (a block
 *     shown twice), headline-then-date shapes, the share of teasers cut
 *     short nearby, and how regularly the shapes nearby repeat with a
 *     period of 2, 3 or 4 lines (headline, teaser, source and time, again
 *     and again);
 *   - its cohesion with the article: the share of its words (pairs of
 *     adjacent Han characters, Latin words) that the article's
 *     sentence lines have too, alone and over 7 lines each side;
 *   - the article's: share of short lines, of sentence ends, its size,
 *     and how far the line's script is from that of its prose;
 *   - code: the (log) length of the block of code it is in, when the
 *     block is LS_CODE_RUN lines or more and lies between the article's
 *     first and last sentence line (see ls_code_line); 0 otherwise. No
 *     tree reads it: such a block is body whatever the trees and the
 *     repeats say (ls_article), since a program shown in an article
 *     has every shape of a menu and repeats its own lines.
 * A model is a sum of small regression trees over these numbers (a
 * logistic score); it is data (data/lineshape.tsv, loaded at build time
 * and compiled in, see prebuilt.h), written by tools/boiler-model from
 * the hand labels in bench/labels. */
#ifndef ZH_LINESHAPE_H
#define ZH_LINESHAPE_H

#include <stddef.h>
#include <stdint.h>

/* one line, as the features see it */
struct ls_line {
	const char *text;	/* the line's text (its records' texts joined) */
	size_t len;
	unsigned nrec;		/* records it was made of (1 or more) */
	/* how many of its records each earlier decision named */
	unsigned nrule, ndf, ntail, nhead, nrepeat;
	uint32_t rules;		/* bit k: built-in rule ls_rule_names[k] named one */
	/* what the counts say of its records: the most other documents of
	 * its site and other sites that had one, and how many records
	 * another site had */
	uint32_t sdf, xsites;
	unsigned nxs;
};

#define LS_FEATURES(X) \
	X(len1) X(len3) X(len6) X(len10) X(len20) X(len40) X(len80) X(loglen) \
	X(ends) X(multi) X(han) X(latin) X(digit) X(func) X(func2) X(clause) \
	X(sep) X(seponly) X(date) X(time) X(dateonly) X(enddate) X(numitem) \
	X(count) X(labelcolon) X(bracket) X(hash) X(endclause) X(inner_end) \
	X(code) X(nohan) X(reltime) \
	X(x_rule) X(x_df) X(x_tail) X(x_head) X(x_repeat) X(x_repeat_exact) \
	X(r_copyright) X(r_reprint) X(r_dateline) X(r_editor) \
	X(r_dateline_byline) X(r_byline) X(r_comments) X(r_menu) X(r_related) \
	X(r_dated_list) X(r_channel) X(r_icp) X(r_contact) \
	X(pos) X(prose) X(blk4) X(blkd4) X(blk16) X(blkd16) X(before) X(after) \
	X(nobody) X(bodyshare) X(pshort) X(handev) X(pends) X(plines) X(run) \
	X(dist) X(reprun) \
	X(w1_sent) X(w1_short) X(w1_len) X(w3_sent) X(w3_short) X(w3_len) \
	X(w7_sent) X(w7_short) X(w7_len) \
	X(prev_short) X(prev_sent) X(prev_dateonly) X(prev_enddate) \
	X(prev_endclause) X(prev_func) X(prev_same) X(prev_boil) \
	X(next_short) X(next_sent) X(next_dateonly) X(next_enddate) \
	X(next_endclause) X(next_func) X(next_same) X(next_boil) X(linklist) \
	X(ellipsis) X(prun) X(prun_share) X(prun_max) X(pre_prose) \
	X(post_prose) X(gap_prev) X(gap_next) X(alt2) X(chrome) \
	X(chrome_share) X(x_sdf) X(x_sites) X(x_sites_share) X(label_rep) \
	X(w7_ellip) X(period) X(cohes) X(w7_cohes) X(coderun)

#define LS_ENUM(n) LS_##n,
enum { LS_FEATURES(LS_ENUM) LS_NFEAT };
#undef LS_ENUM

extern const char *const ls_feature_names[LS_NFEAT];
/* the built-in rules that have a feature of their own, in bit order */
extern const char *const ls_rule_names[];
/* the bit of a rule's name, or -1 */
int ls_rule_bit(const char *name);

struct lineshape;		/* compiled patterns and the function words */
/* On the words prebuilt from the word list (prebuilt.h) */
struct lineshape *ls_new(void);
void ls_free(struct lineshape *ls);

/* A block of code is at least this many lines that read as code. */
#define LS_CODE_RUN 3
/* The line reads as code (a command, a statement of a program, a
 * setting): it is a comment (it starts with #!, "# " or "// "), or it
 * has Latin letters and under 30% Han characters among its nonsp
 * non-space ones (han of them) and has an assignment, a call, a
 * variable, an operator (&& || -> ::), an option (-x, --name) or a
 * comment (#word) at its start, or ends in ; { } \ [ (, or is words in
 * lower case (not a link). */
int ls_code_line(const char *text, size_t len, size_t han, size_t nonsp);

/* The features of lines[0..n) of one article into f (n * LS_NFEAT). */
void ls_features(struct lineshape *ls, const struct ls_line *lines, size_t n,
    float *f);
/* The same features (bit for bit) of the lines whose need[] is set; the
 * rows of the others are left part written (NULL need: every line). */
void ls_features_some(struct lineshape *ls, const struct ls_line *lines,
    size_t n, const unsigned char *need, float *f);

/* A model: boosted trees over the features, and the score from which a
 * line is boilerplate. */
/* The model judges articles of at least this many lines; in a shorter
 * one the lines that were named are boilerplate, the others body. */
#define LS_MIN_LINES 3

struct ls_model {
	double base, threshold;
	double lo, hi;		/* the band of uncertain scores (smoothing) */
	/* a line the closing or opening block or a repeat named is
	 * boilerplate unless it scores under this (0: always) */
	double overrule;
	struct ls_node {
		int16_t feat;	/* -1: a leaf */
		float thr;	/* go left when the feature is <= thr */
		int32_t left, right;	/* node indexes */
		float value;	/* a leaf's share of the score */
	} *node;
	size_t nnode;
	int32_t *root;		/* the first node of each tree */
	size_t ntree;
	/* the same trees laid out for scoring without branches: children
	 * side by side (right = left + 1), a leaf leads to itself, every
	 * tree walked `depth` steps */
	struct ls_flat {
		int32_t feat;
		float thr;
		int32_t kid;	/* left child; a leaf: itself */
		float value;
	} *flat;
	int32_t *froot;
	int depth;
	/* depth 3: each tree's 7 tests in heap order (the children of test
	 * i are 2i+1 and 2i+2, a leaf above the bottom copied down) and its
	 * 8 leaves; NULL for other depths */
	struct ls_tree3 {
		float thr[7];
		int32_t feat[7];
		float value[8];
	} *tree3;
	int rodata;		/* prebuilt (prebuilt.h): only the struct is ours */
	/* uses[k]: a split of some tree reads feature k; ls_article leaves
	 * out a feature no split reads where that saves work */
	unsigned char uses[LS_NFEAT];
};

/* Load a model from its rows (see data/lineshape.tsv); name is for
 * messages. Returns 0, or -1 after reporting a bad row. */
int ls_model_load(struct ls_model *m, const char *name, const char *p,
    size_t n);
/* The same from a file. */
int ls_model_load_path(struct ls_model *m, const char *path);
/* The built-in model: data/lineshape.tsv, loaded at build time
 * (prebuilt.h); nothing is read at start. */
void ls_model_builtin(struct ls_model *m);
void ls_model_free(struct ls_model *m);
/* The probability that a line with these features is boilerplate. */
double ls_score(const struct ls_model *m, const float *f);
/* p[which[k]] = ls_score(m, fv + which[k] * LS_NFEAT) for k < n, the
 * same bits, several lines at a time. */
void ls_score_lines(const struct ls_model *m, const float *fv,
    const size_t *which, size_t n, double *p);
/* The decision over an article's line scores p[0..n): boilerplate at or
 * over the threshold, but a line whose score is in the uncertain band
 * [lo, hi) takes the side of its nearest confident lines (under lo or at
 * hi and over) when the one before it and the one after it agree, as
 * jusText does with short and near-good blocks. boiler[i] is set to 0 or
 * 1. */
void ls_decide(const struct ls_model *m, const double *p, size_t n,
    unsigned char *boiler);

/* The whole judgement over one article's records. */
enum ls_ev {			/* what the earlier decisions said of a record */
	LS_EV_BODY, LS_EV_RULE, LS_EV_DF, LS_EV_TAIL, LS_EV_HEAD, LS_EV_REPEAT
};

struct ls_rec {
	const char *text;
	size_t len;
	int newline;		/* it starts a line (the first record always does) */
	int ev;			/* enum ls_ev */
	const char *rule;	/* LS_EV_RULE: the rule's name */
	uint32_t sdf;		/* other documents of its site that had it */
	uint32_t xsites;	/* other sites that had it */
};

struct ls_result {		/* valid until the next ls_article call */
	size_t nline;
	const size_t *first;	/* each line's first record; [nline] is n */
	const float *feat;	/* nline * LS_NFEAT; NULL when a model judged */
	const unsigned char *boiler;	/* each line: boilerplate (1) or not */
	/* each line: in a block of code (the code feature), body even
	 * where its records were named as repeats; NULL when no model
	 * judged */
	const unsigned char *code;
};

/* Group the records into lines, compute the lines' features, and decide:
 * a line is boilerplate for sure when the earlier decisions named every
 * record of it, else by the model's score, smoothed (ls_decide). A
 * record the earlier decisions left as body is boilerplate when its
 * line is; the others keep their label. A line in a block of code
 * (LS_coderun) is body unless rules or the site's counts named all its
 * records. With m NULL only the features
 * are computed (and handed out); with a model, only those of the lines it
 * scores, and none of an article of fewer than LS_MIN_LINES lines. */
void ls_article(struct lineshape *ls, const struct ls_model *m,
    const struct ls_rec *r, size_t n, struct ls_result *out);
/* Room for n records to hand to ls_article, kept in ls (valid until the
 * next call). */
struct ls_rec *ls_recs(struct lineshape *ls, size_t n);

#endif
