/* prebuilt.h - the word list, the gazetteer and the line models, built
 * at build time
 *
 * data/make-prebuilt.c builds the word list's trie and tables (and the
 * gazetteer's, with the word list) with the same code that would build
 * them at start (ws_build, gz_build), and loads each line model of
 * dedupe-boilerplate (data/lineshape.tsv) as ls_model_load would and
 * makes the words its features look for (ls_words_build), and writes
 * them as const arrays into C sources compiled into the tools (ws_emit,
 * gz_emit, ls_model_emit, ls_words_emit): at start a tool only points at
 * them, and the system pages in what a run reads. Every value is
 * written as a number or a string, so the data does not depend on the
 * byte order of the machine. tests/unit checks that the prebuilt tables
 * equal those built at run time from the same data. */
#ifndef ZH_PREBUILT_H
#define ZH_PREBUILT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gazetteer.h"
#include "lineshape.h"
#include "trie.h"
#include "words.h"

struct ws_prebuilt {
	const struct trie *trie;
	const double *freq;	/* per node */
	const uint8_t *tag;	/* per node */
	const float *logp;	/* per node */
	const struct trie_da *da;	/* the trie with logp (NULL: none) */
	char tags[64][8];
	uint8_t tagn[64];
	int ntags;
	uint32_t nnodes, capnodes;
	size_t nwords;
	double total;
	size_t maxlen;
};

struct gz_prebuilt {
	const struct region *r;
	size_t n;
	const struct trie *trie;
	const uint32_t *first;	/* capnodes of them */
	uint32_t capnodes;
	const struct gz_name *names;
	size_t nnames, capnames;
	const struct gz_former *formers;
	size_t nformers;
	const uint64_t *pairs;	/* 1 << GZ_PAIRBITS bits */
	int single;
	const uint64_t *triples;	/* the same */
};

/* The words that lineshape.c looks for in a line: the function words
 * of the word list (single characters of a function class, frequent)
 * and the words of a site's chrome (sign-in, sharing, notices...), each
 * beginning with a Han character; a bit for each first character of
 * U+4E00..9FFF. */
#define LS_HANBYTES ((0xA000 - 0x4E00) / 8)

struct ls_cword {
	uint32_t first;		/* its first character */
	const char *w;
	size_t len, chars;	/* in bytes, in characters */
};

struct ls_words {
	const uint32_t *func;	/* sorted */
	size_t nfunc;
	unsigned char funcbit[LS_HANBYTES];	/* the same, U+4E00..9FFF */
	unsigned char chromebit[LS_HANBYTES];
	const struct ls_cword *cw;	/* by first character, longer first */
	size_t ncw;
};

/* a line model (struct ls_model) */
struct ls_model_prebuilt {
	double base, threshold, lo, hi, overrule;
	const struct ls_node *node;
	size_t nnode;
	const int32_t *root;
	size_t ntree;
	const struct ls_flat *flat;	/* nnode of them */
	const int32_t *froot;		/* ntree of them */
	int depth;
};

extern const struct ws_prebuilt zh_words_prebuilt;
extern const struct gz_prebuilt zh_regions_prebuilt;
/* data/lineshape.tsv; a model data/NAME.tsv is zh_NAME_model (Makefile:
 * LS_MODELS) */
extern const struct ls_model_prebuilt zh_lineshape_model;
extern const struct ls_words zh_linewords;

/* The built-in word list built from its text, as at start before;
 * a segmenter on prebuilt tables (a user dictionary copies them first). */
struct wordseg *ws_build(void);
struct wordseg *ws_open(const struct ws_prebuilt *p);
/* Is ws the prebuilt word list, unchanged? */
int ws_builtin(const struct wordseg *ws);
void ws_emit(struct wordseg *ws, FILE *f, const char *name);
/* The dense trie of ws's words, with their log probabilities (the
 * prebuilt list has one); NULL when trie_da_build makes none. */
struct trie_da *ws_da_build(struct wordseg *ws);
int ws_same(struct wordseg *a, struct wordseg *b);

/* The built-in gazetteer built from its text (path NULL) or a file, with
 * the word list ws; one on prebuilt tables. */
struct gazetteer *gz_build(const char *path, struct wordseg *ws);
struct gazetteer *gz_open(const struct gz_prebuilt *p);
void gz_emit(const struct gazetteer *gz, FILE *f, const char *name);
int gz_same(const struct gazetteer *a, const struct gazetteer *b);

/* The words of lineshape.c made from their text (the word list's short
 * rows, made at build time, and a list in lineshape.c), as at start
 * before, and freed; written as the tables of `name`; the same? The
 * features of lines by the words wd, which must outlive it (ls_new:
 * the prebuilt zh_linewords). */
void ls_words_build(struct ls_words *wd);
void ls_words_free(struct ls_words *wd);
void ls_words_emit(const struct ls_words *wd, FILE *f, const char *name);
int ls_words_same(const struct ls_words *a, const struct ls_words *b);
struct lineshape *ls_open(const struct ls_words *wd);

/* A line model on prebuilt tables (ls_model_free frees none of them);
 * a loaded model written as the tables of `name`; the same model? */
void ls_model_open(struct ls_model *m, const struct ls_model_prebuilt *p);
void ls_model_emit(const struct ls_model *m, FILE *f, const char *name);
int ls_model_same(const struct ls_model *a, const struct ls_model *b);

#endif
