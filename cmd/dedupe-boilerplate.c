/* dedupe-boilerplate - drop boilerplate lines and near-duplicate articles */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "boiler.h"
#include "boilerclass.h"
#include "counts.h"
#include "diag.h"
#include "docid.h"
#include "lineshape.h"
#include "ndshard.h"
#include "neardup.h"
#include "opts.h"
#include "output.h"
#include "spool.h"
#include "statedb.h"

static const char *statefile;
static long min_docs = 3, site_field, key_fields = 1, wait_s = 10,
    prune_after = 60, order_field;
static double similarity = 0.8;
static int mark, stats, learn, apply, emit, emit_sigs, reduce_sigs, features;
static const char *dupsfile;
static char **rulefiles, **countfiles;
static size_t nrulefiles, ncountfiles;

static const char usage_text[] =
	"dedupe-boilerplate [--state file] [--mark]\n"
	"       [--learn | --apply | --emit-counts | --features]\n"
	"       [--counts file]\n"
	"       [--min-docs N] [--prune-after N] [--similarity X] [--rules file]\n"
	"       [--emit-signatures | --dups file] [--order-field N]\n"
	"       [options] [file ...]\n"
	"       dedupe-boilerplate --reduce-signatures [--similarity X] [file ...]\n";
static const char help_text[] =
	"Drop boilerplate records (menus, copyright notices, editor lines,\n"
	"related-headline lists) and near-duplicate articles from TSV records\n"
	"such as segment's output, remembering what was seen across runs.\n"
	"\n"
	"A record is boilerplate when a rule matches it, when its normal form\n"
	"is in at least --min-docs documents of the same site, when it is in\n"
	"the block of short lines without sentence ends that closes an\n"
	"article, when it is a short label before the first sentence, or when\n"
	"the article had it already. Every other line is judged by the line\n"
	"model: boosted trees over the shape of the line and its neighbours\n"
	"(length, punctuation, function words, dates, separators, place),\n"
	"smoothed across runs of lines. An article whose body is --similarity\n"
	"alike to an earlier one, in its text (MinHash) and in its numbers,\n"
	"is a duplicate.\n"
	"\n"
	"Options:\n"
	"      --state FILE     SQLite state kept across runs (default: memory)\n"
	"      --min-docs N     documents a line must be in (default 3)\n"
	"      --prune-after N  forget the state's lines below --min-docs that\n"
	"                       no new document had for N runs (60; 0: never)\n"
	"      --similarity X   Jaccard threshold for duplicates (default 0.8)\n"
	"      --site-field N   the site is field N (default: the first key\n"
	"                       that is a URL, its host; else one site)\n"
	"  -k, --key N          the document is the first N fields (default 1)\n"
	"      --max-article SIZE  handle a longer article in parts (64M)\n"
	"      --rules FILE     more rules: name<TAB>PCRE2 pattern a line\n"
	"      --mark           keep every record, with a label column before\n"
	"                       the text: body, boiler:rule=NAME, boiler:df=N,\n"
	"                       boiler:tail, boiler:head, boiler:repeat,\n"
	"                       boiler:shape, dup:DOC\n"
	"      --stats          a summary on standard error\n"
	"      --learn          count only: update the state, write nothing\n"
	"      --apply          filter with the stored counts only (streaming,\n"
	"                       the state is read, not changed)\n"
	"      --emit-counts    write key<TAB>docs counts of this input (for\n"
	"                       counting on many machines), nothing else\n"
	"      --counts FILE    filter with these summed counts (streaming)\n"
	"      --emit-signatures  with --counts: write a signature line for\n"
	"                       each article (near duplicates on many\n"
	"                       machines), nothing else\n"
	"      --reduce-signatures  read signature lines, write the list of\n"
	"                       duplicates (order<TAB>part<TAB>original)\n"
	"      --dups FILE      with --counts: the duplicates are those of\n"
	"                       this list\n"
	"      --order-field N  an article's order is field N (a number),\n"
	"                       not its position in the input\n"
	"      --wait SECONDS   wait this long for another run's lock (10)\n"
	"      --features       write each line's keys and the numbers the line\n"
	"                       model reads, instead of records (for training)\n"
	"  -f, --field N        the text is field N (default: the last)\n"
	"      --header         the first line is a header\n"
	"      --line-buffered  flush every record\n"
	"      --strict         invalid UTF-8 is an error, not repaired\n"
	"      --max-line SIZE  skip (and report) longer lines; default 64M\n"
	"  -h, --help           this help\n"
	"      --version        print the version\n"
	"\n"
	"Exit status: 0 all input processed, 1 some input bad or missing,\n"
	"2 usage error or fatal trouble (the state is then left unchanged).\n"
	"See dedupe-boilerplate(1) and zhpipe(7).\n";

enum {
	O_STATE = 0x2000, O_MINDOCS, O_SIM, O_SITE, O_RULES, O_MARK, O_STATS,
	O_LEARN, O_APPLY, O_EMIT, O_COUNTS, O_WAIT, O_MAXART, O_PRUNE,
	O_EMITSIG, O_REDUCE, O_DUPS, O_ORDER, O_FEATURES
};

static const struct option longopts[] = {
	{ "state", required_argument, NULL, O_STATE },
	{ "min-docs", required_argument, NULL, O_MINDOCS },
	{ "prune-after", required_argument, NULL, O_PRUNE },
	{ "similarity", required_argument, NULL, O_SIM },
	{ "site-field", required_argument, NULL, O_SITE },
	{ "key", required_argument, NULL, 'k' },
	{ "max-article", required_argument, NULL, O_MAXART },
	{ "rules", required_argument, NULL, O_RULES },
	{ "mark", no_argument, NULL, O_MARK },
	{ "stats", no_argument, NULL, O_STATS },
	{ "learn", no_argument, NULL, O_LEARN },
	{ "apply", no_argument, NULL, O_APPLY },
	{ "emit-counts", no_argument, NULL, O_EMIT },
	{ "counts", required_argument, NULL, O_COUNTS },
	{ "wait", required_argument, NULL, O_WAIT },
	{ "emit-signatures", no_argument, NULL, O_EMITSIG },
	{ "reduce-signatures", no_argument, NULL, O_REDUCE },
	{ "dups", required_argument, NULL, O_DUPS },
	{ "order-field", required_argument, NULL, O_ORDER },
	{ "features", no_argument, NULL, O_FEATURES },
	{ NULL, 0, NULL, 0 }
};

static char **
push(char **v, size_t *n, const char *s)
{
	v = xrealloc(v, (*n + 1) * sizeof *v);
	v[(*n)++] = (char *)s;
	return v;
}

static int
handle(int opt, const char *arg)
{
	char *end;

	switch (opt) {
	case O_STATE:
		if (*arg == '\0')
			usage_error("invalid --state '' (expected a file name)");
		statefile = arg;
		break;
	case O_MINDOCS:
		return (min_docs = opts_count("--min-docs", arg, 1000000)) < 0 ? -1 : 0;
	case O_PRUNE:
		return (prune_after = opts_number("--prune-after", arg, 0,
		    1000000000)) < 0 ? -1 : 0;
	case O_SITE:
		return (site_field = opts_count("--site-field", arg, 10000)) < 0 ? -1 : 0;
	case 'k':
		return (key_fields = opts_count("--key", arg, 10000)) < 0 ? -1 : 0;
	case O_WAIT:
		return (wait_s = opts_count("--wait", arg, 86400)) < 0 ? -1 : 0;
	case O_MAXART:
		return opts_size("--max-article", arg, &art_max_bytes);
	case O_SIM:
		errno = 0;
		similarity = strtod(arg, &end);
		if (errno || *end || end == arg || !(similarity > 0) || similarity > 1)
			usage_error("invalid --similarity '%s' (expected 0 < X <= 1)",
			    arg);
		break;
	case O_RULES:
		rulefiles = push(rulefiles, &nrulefiles, arg);
		break;
	case O_COUNTS:
		countfiles = push(countfiles, &ncountfiles, arg);
		break;
	case O_MARK: mark = 1; break;
	case O_STATS: stats = 1; break;
	case O_LEARN: learn = 1; break;
	case O_APPLY: apply = 1; break;
	case O_EMIT: emit = 1; break;
	case O_EMITSIG: emit_sigs = 1; break;
	case O_REDUCE: reduce_sigs = 1; break;
	case O_DUPS:
		if (*arg == '\0')
			usage_error("invalid --dups '' (expected a file name)");
		dupsfile = arg;
		break;
	case O_ORDER:
		return (order_field = opts_count("--order-field", arg, 10000)) < 0 ?
		    -1 : 0;
	case O_FEATURES: features = 1; break;
	default:
		return -1;
	}
	return 0;
}

static const struct tool tool = {
	usage_text, help_text, "k:", longopts, handle
};

/* ---- the run ---- */

static struct {
	struct normaliser *nm;
	struct rules rules;
	struct lineshape *ls;
	struct ls_model model;
	struct counts *counts;
	struct statedb *db;
	struct docids *ids;
	struct neardup nd;
	struct spool *spool;	/* the input between the two passes */
	struct forms forms;
	struct buf hdr;		/* the header to write (--header) */
	int counted, saved;	/* pass 1 is over; the state is saved */
	int warned_site;
	int fetch;		/* streaming: look up each article's lines */
	struct bc_verdict *out;	/* scratch for one article */
	uint64_t *keys, *gkeys;
	struct { uint64_t key, gkey; } *fresh;	/* see count_forms() */
	size_t nfresh, capfresh;
	size_t cap;
	struct bc_stats st;
	struct ndsh_dups *dups;	/* --dups */
	uint64_t articles;	/* read so far (the order without a field) */
	struct buf sigline;	/* --emit-signatures */
} run;

_Noreturn static void
spool_failed(void)
{
	die(EXIT_TROUBLE, "cannot buffer the input in %s: %s", spool_dir(),
	    strerror(errno ? errno : EIO));
}

static void
room(size_t n)
{
	if (n <= run.cap)
		return;
	run.cap = n;
	run.out = xrealloc(run.out, n * sizeof *run.out);
	run.keys = xrealloc(run.keys, n * sizeof *run.keys);
	run.gkeys = xrealloc(run.gkeys, n * sizeof *run.gkeys);
}

static void
fresh_add(uint64_t key, uint64_t gkey)
{
	if (run.nfresh == run.capfresh) {
		run.capfresh = run.capfresh ? 2 * run.capfresh : 1024;
		run.fresh = xrealloc(run.fresh, run.capfresh * sizeof *run.fresh);
	}
	run.fresh[run.nfresh].key = key;
	run.fresh[run.nfresh++].gkey = gkey;
}

/* After the state's counts are read: the lines this run counted first
 * that the state did not have count their sites for their forms. */
static void
count_forms(void)
{
	size_t i;

	for (i = 0; i < run.nfresh; i++)
		if (counts_loaded(run.counts, run.fresh[i].key) == 0)
			counts_add(run.counts, run.fresh[i].gkey, 1);
	free(run.fresh);
	run.fresh = NULL;
	run.nfresh = run.capfresh = 0;
}

/* Pass 1: an article's distinct lines each count once, unless the
 * state or this run counted the same document already; a line new to
 * its site counts its site for the form. */
static void
count_article(const struct article *a, uint64_t id)
{
	size_t i, n;

	/* every line's stored count is read after this pass, once */
	if (statefile && !emit)
		for (i = 0; i < a->n; i++) {
			counts_touch(run.counts, run.forms.key[i]);
			counts_touch(run.counts, run.forms.gkey[i]);
		}
	if (!docids_first(run.ids, id, DOC_COUNTED))
		return;		/* counted in this run */
	if (!emit && sdb_doc_seen(run.db, id))
		return;		/* and in an earlier one */
	room(a->n);
	n = bc_distinct_keys(run.forms.key, run.forms.gkey, a->n, run.keys,
	    run.gkeys);
	for (i = 0; i < n; i++) {
		if (emit) {
			char hex[40];

			snprintf(hex, sizeof hex, "%016" PRIx64 "%016" PRIx64 "\t1",
			    run.keys[i], run.gkeys[i]);
			out_str(hex);
			out_eol();
			continue;
		}
		/* a line new to its site counts the site for its form; with
		 * a state, whether it is new is known once the state's counts
		 * are read (count_forms()) */
		if (counts_get(run.counts, run.keys[i]) == 0) {
			if (statefile)
				fresh_add(run.keys[i], run.gkeys[i]);
			else
				counts_add(run.counts, run.gkeys[i], 1);
		}
		counts_add(run.counts, run.keys[i], 1);
	}
	if (!emit)
		sdb_doc_add(run.db, id);
}

static void
write_record(const struct article *a, size_t i, const char *label,
    size_t llen)
{
	const struct art_rec *r = &a->r[i];
	const char *line = a->data.p + r->off;

	if (!mark) {
		out_write(line, r->len);
		out_eol();
		return;
	}
	/* the label goes just before the text; fields after it (-f) follow */
	out_write(line, r->toff - r->off);
	out_write(label, llen);
	out_tab();
	out_write(line + (r->toff - r->off), r->off + r->len - r->toff);
	out_eol();
}

/* The article's order: field --order-field of its first record (a key
 * field holding a number), or its position in the input. */
static uint64_t
article_order(const struct article *a)
{
	const struct art_rec *r = &a->r[0];
	const char *s = a->data.p + r->off, *end = a->data.p + r->toff;
	uint64_t v = 0;
	long f;
	int digits = 0;

	if (a->part == 0)
		run.articles++;
	if (order_field == 0)
		return run.articles;
	for (f = 1; f < order_field && s < end; s++)
		if (*s == '\t')
			f++;
	for (; s < end && *s != '\t'; s++, digits++)
		if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9) / 10)
			break;
		else
			v = v * 10 + (uint64_t)(*s - '0');
	if (f < order_field || (s < end && *s != '\t') || digits == 0)
		die(EXIT_TROUBLE, "%s:%lu: field %ld (--order-field) is no key "
		    "field holding a number: articles cannot be put in order",
		    r->file, r->lineno, order_field);
	return v;
}

/* Is the article a near duplicate (the original's name to dupof)? With
 * --dups, when the list says so; with --emit-signatures, its signature
 * line is written instead, and it is none. */
static int
near_dup(const struct article *a, uint64_t id, char *dupof, size_t cap)
{
	struct doc_ref self = { id, a->key.p, a->key.len, 0 };
	struct docsig sig;
	struct minhash old;
	const char *orig;
	int has_old;

	if (run.dups) {
		if ((orig = ndsh_dup_of(run.dups, article_order(a), a->part)))
			snprintf(dupof, cap, "%s", orig);
		return orig != NULL;
	}
	if (emit_sigs) {
		uint64_t order = article_order(a);

		if (nd_sign(&run.nd, a, &run.forms, run.out, &sig, &old,
		    &has_old)) {
			run.sigline.len = 0;
			ndsh_sig_line(&run.sigline, order, a->part, id, &sig,
			    a->key.p, a->key.len);
			out_write(run.sigline.p, run.sigline.len);
			out_eol();
		}
		return 0;
	}
	return nd_check(&run.nd, a, &run.forms, run.out, &self,
	    docids_first(run.ids, id, DOC_DECIDED), dupof, cap);
}

/* --features: each line's keys (its first record's) and numbers. */
static void
write_features(const struct article *a, const struct ls_result *res)
{
	size_t j, k;

	for (j = 0; j < res->nline; j++) {
		const struct art_rec *r = &a->r[res->first[j]];

		out_write(a->data.p + r->off, r->toff - r->off);
		for (k = 0; k < LS_NFEAT; k++) {
			char num[32];
			int l = snprintf(num, sizeof num, "%.9g",
			    res->feat[j * LS_NFEAT + k]);

			out_write(num, (size_t)l);
			if (k + 1 < LS_NFEAT)
				out_tab();
		}
		out_eol();
	}
}

/* Pass 2 (or streaming): label the records, then write them. */
static void
decide_article(const struct article *a, uint64_t id)
{
	struct ls_result lines;
	/* the counts hold this document unless --apply reads a state that
	 * never counted it */
	struct bc_config c = { &run.rules, run.counts, (uint32_t)min_docs,
	    !(apply && !ncountfiles && !sdb_doc_seen(run.db, id)), run.ls,
	    features ? NULL : &run.model, features ? &lines : NULL };
	char dupof[512] = "", label[600];
	size_t i;

	room(a->n);
	bc_classify(&c, a, run.forms.key, run.forms.gkey, run.out);
	if (features) {
		write_features(a, &lines);
		return;
	}
	if (near_dup(a, id, dupof, sizeof dupof))
		for (i = 0; i < a->n; i++)
			run.out[i].label = BC_DUP;
	bc_stats_add(&run.st, run.out, a->n);
	for (i = 0; i < a->n && !emit_sigs; i++)
		if (mark || run.out[i].label == BC_BODY)
			write_record(a, i, label, bc_label_text(&run.out[i],
			    dupof, label, sizeof label));
}

/* ---- the passes ---- */

static void
on_header(void *arg, const struct record *rec)
{
	const char *text = rec->s + rec->f->b[rec->text];

	(void)arg;
	run.hdr.len = 0;
	buf_add(&run.hdr, rec->s, rec->f->b[rec->text]);
	if (mark)
		buf_add(&run.hdr, "label\t", 6);
	buf_add(&run.hdr, text, rec->n - rec->f->b[rec->text]);
	if (!run.spool && !learn && !emit && !emit_sigs && !features) {	/* streaming: now */
		out_write(run.hdr.p, run.hdr.len);
		out_eol();
	}
}

/* The normal forms of an article as read, and its identity. */
static uint64_t
read_article(const struct article *a)
{
	forms_make(&run.forms, run.nm, article_site(a, site_field,
	    &run.warned_site), a);
	docids_key_again(run.ids, a);
	return docid_of(a);
}

/* Pass 1: count each article, and keep it for pass 2. */
static void
count_one(void *arg, const struct article *a)
{
	uint64_t id = read_article(a);

	(void)arg;
	count_article(a, id);
	if (run.spool && (art_spool(a, run.spool) < 0 ||
	    forms_spool(&run.forms, run.spool) < 0 ||
	    spool_write(run.spool, &id, sizeof id) < 0))
		spool_failed();
}

/* Streaming (--apply, --counts): decide each article as it comes. */
static void
decide_one(void *arg, const struct article *a)
{
	uint64_t id = read_article(a);

	(void)arg;
	if (run.fetch) {
		sdb_fetch_counts(run.db, run.counts, run.forms.key, a->n);
		sdb_fetch_counts(run.db, run.counts, run.forms.gkey, a->n);
	}
	decide_article(a, id);
}

/* Pass 2: decide the spooled articles, with this run's counts. */
static void
decide_spooled(void)
{
	struct article a;
	uint64_t id;
	int rc;

	memset(&a, 0, sizeof a);
	if (spool_rewind(run.spool) < 0)
		spool_failed();
	if (run.hdr.len && !features) {
		out_write(run.hdr.p, run.hdr.len);
		out_eol();
	}
	while ((rc = art_unspool(&a, run.spool)) > 0) {
		if (forms_unspool(&run.forms, a.n, run.spool) < 0 ||
		    spool_read(run.spool, &id, sizeof id) != 1)
			spool_failed();
		decide_article(&a, id);
	}
	if (rc < 0)
		spool_failed();
	art_release(&a);
}

/* Save the counts and commit: at the end, or as soon as the reader of
 * the output goes away (| head) once the counting pass is over, so that
 * a run never ends with status 0 and nothing saved. */
static void
save_state(void)
{
	if (!run.nd.store || !run.counted || run.saved)
		return;
	run.saved = 1;
	if (statefile == NULL)	/* nothing outlives the run */
		return;
	nd_save(&run.nd);
	sdb_save_counts(run.db, run.counts);
	sdb_prune(run.db, prune_after, (uint32_t)min_docs);
	sdb_commit(run.db);
}

int
main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	char **files;
	int first, rdflags, streaming;
	size_t i;

	diag_init(argv[0]);
	first = opts_parse(&tool, argc, argv);
	files = first < argc ? argv + first : stdin_only;
	if (reduce_sigs) {
		if (statefile || mark || learn || apply || emit || emit_sigs ||
		    dupsfile || ncountfiles || nrulefiles || order_field ||
		    features)
			usage_error("--reduce-signatures takes no other option "
			    "but --similarity");
		out_init(copt.line_buffered);
		ndsh_reduce(files, similarity);
		out_close();
		return exit_status;
	}
	if (emit_sigs + (dupsfile != NULL) + learn + apply + emit > 1)
		usage_error("--emit-signatures, --dups, --learn, --apply and "
		    "--emit-counts exclude each other");
	if ((emit_sigs || dupsfile) && (!ncountfiles || statefile))
		usage_error("--emit-signatures and --dups need --counts, and "
		    "no --state");
	if (emit_sigs && mark)
		usage_error("--mark writes records; --emit-signatures does not");
	if (learn + apply + emit > 1)
		usage_error("--learn, --apply and --emit-counts exclude each other");
	if (apply && !statefile && !ncountfiles)
		usage_error("--apply needs --state or --counts");
	if ((mark || features) && (learn || emit))
		usage_error("--mark and --features write records; --learn and "
		    "--emit-counts do not");
	if (mark && features)
		usage_error("--mark and --features exclude each other");
	rdflags = copt.strict ? RD_STRICT : 0;
	streaming = apply || ncountfiles;
	out_init(copt.line_buffered);
	run.nm = norm_new();
	run.counts = counts_new();
	run.ids = docids_new();
	run.ls = ls_new();
	ls_model_builtin(&run.model);
	if (rules_load(&run.rules, NULL) < 0)
		die(EXIT_TROUBLE, "built-in rules are broken");
	for (i = 0; i < nrulefiles; i++)
		if (rules_load(&run.rules, rulefiles[i]) < 0)
			die(EXIT_TROUBLE, "%s: cannot use these rules", rulefiles[i]);
	if (!emit) {
		run.db = sdb_open(statefile, !streaming, (int)wait_s);
		/* counts files sum with the whole state; else each run reads
		 * the stored counts of its own lines only */
		if (statefile && streaming && ncountfiles)
			sdb_load_counts(run.db, run.counts);
		run.fetch = statefile && streaming && !ncountfiles;
		run.nd.db = run.db;
		run.nd.similarity = similarity;
		run.nd.store = !streaming;
	}
	for (i = 0; i < ncountfiles; i++)
		if (counts_read_path(run.counts, countfiles[i]) < 0)
			die(EXIT_TROUBLE, "%s: cannot use these counts", countfiles[i]);
	if (dupsfile)
		run.dups = ndsh_dups_read(dupsfile);
	if (streaming)
		articles_each(files, rdflags, copt.field, copt.header,
		    (unsigned)key_fields, on_header, decide_one, NULL);
	else {
		if (!learn && !emit && (run.spool = spool_new()) == NULL)
			die(EXIT_TROUBLE, "cannot make a temporary file in %s: %s",
			    spool_dir(), strerror(errno));
		articles_each(files, rdflags, copt.field, copt.header,
		    (unsigned)key_fields, on_header, count_one, NULL);
		if (statefile && !emit) {
			sdb_load_counts_of(run.db, run.counts);
			count_forms();
		}
		run.counted = 1;
		out_on_close(save_state);
		if (run.spool)
			decide_spooled();
	}
	out_close();
	save_state();
	if (stats)
		bc_stats_print(&run.st, prog, stderr);
	sdb_close(run.db);
	spool_free(run.spool);
	norm_free(run.nm);
	rules_free(&run.rules);
	ls_free(run.ls);
	ls_model_free(&run.model);
	counts_free(run.counts);
	docids_free(run.ids);
	nd_free(&run.nd);
	forms_free(&run.forms);
	buf_free(&run.hdr);
	buf_free(&run.sigline);
	ndsh_dups_free(run.dups);
	free(run.out);
	free(run.keys);
	free(run.gkeys);
	free(rulefiles);
	free(countfiles);
	return exit_status;
}
