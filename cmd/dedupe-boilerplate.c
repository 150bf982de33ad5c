/* dedupe-boilerplate - drop boilerplate lines and near-duplicate articles */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "article.h"
#include "boilerclass.h"
#include "boilerrun.h"
#include "diag.h"
#include "lineshape.h"
#include "ndshard.h"
#include "opts.h"
#include "output.h"

/* the run's settings, filled from the options */
static struct br_settings set = {
	.min_docs = 3, .prune_after = 60, .wait_s = 10, .similarity = 0.8
};
static long key_fields = 1;
static int stats, reduce_sigs;

static const char usage_text[] =
	"dedupe-boilerplate [--state file] [--mark]\n"
	"       [--learn | --apply | --emit-counts | --features]\n"
	"       [--counts file]\n"
	"       [--min-docs N] [--prune-after N] [--similarity X] [--rules file]\n"
	"       [--emit-signatures | --dups file] [--order-field N]\n"
	"       [--threads N]\n"
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
	"      --threads N      key and label articles on N threads besides\n"
	"                       the one that reads and writes (default 0:\n"
	"                       on that one)\n"
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
	O_EMITSIG, O_REDUCE, O_DUPS, O_ORDER, O_FEATURES, O_THREADS
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
	{ "threads", required_argument, NULL, O_THREADS },
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
		set.state = arg;
		break;
	case O_MINDOCS:
		return (set.min_docs = opts_count("--min-docs", arg, 1000000)) < 0 ? -1 : 0;
	case O_PRUNE:
		return (set.prune_after = opts_number("--prune-after", arg, 0,
		    1000000000)) < 0 ? -1 : 0;
	case O_SITE:
		return (set.site_field = opts_count("--site-field", arg, 10000)) < 0 ? -1 : 0;
	case 'k':
		return (key_fields = opts_count("--key", arg, 10000)) < 0 ? -1 : 0;
	case O_WAIT:
		return (set.wait_s = opts_count("--wait", arg, 86400)) < 0 ? -1 : 0;
	case O_MAXART:
		return opts_size("--max-article", arg, &art_max_bytes);
	case O_SIM:
		errno = 0;
		set.similarity = strtod(arg, &end);
		if (errno || *end || end == arg || !(set.similarity > 0) ||
		    set.similarity > 1)
			usage_error("invalid --similarity '%s' (expected 0 < X <= 1)",
			    arg);
		break;
	case O_RULES:
		set.rules = push(set.rules, &set.nrules, arg);
		break;
	case O_COUNTS:
		set.counts = push(set.counts, &set.ncounts, arg);
		break;
	case O_MARK: set.mark = 1; break;
	case O_STATS: stats = 1; break;
	case O_LEARN: set.learn = 1; break;
	case O_APPLY: set.apply = 1; break;
	case O_EMIT: set.emit = 1; break;
	case O_EMITSIG: set.emit_sigs = 1; break;
	case O_REDUCE: reduce_sigs = 1; break;
	case O_DUPS:
		if (*arg == '\0')
			usage_error("invalid --dups '' (expected a file name)");
		set.dups = arg;
		break;
	case O_ORDER:
		return (set.order_field = opts_count("--order-field", arg, 10000)) < 0 ?
		    -1 : 0;
	case O_FEATURES: set.features = 1; break;
	case O_THREADS:
		return (set.threads = opts_number("--threads", arg, 0, 64)) < 0 ?
		    -1 : 0;
	default:
		return -1;
	}
	return 0;
}

static const struct tool tool = {
	usage_text, help_text, "k:", longopts, handle
};

/* ---- the output ---- */

static struct boilerrun *run;
static struct buf hdr;		/* the header to write (--header) */

static void
write_record(void *arg, const struct article *a, size_t i,
    const char *label, size_t llen)
{
	const struct art_rec *r = &a->r[i];
	const char *line = a->data.p + r->off;

	(void)arg;
	if (label == NULL) {
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

/* --emit-counts, --emit-signatures */
static void
write_line(void *arg, const char *line, size_t n)
{
	(void)arg;
	out_write(line, n);
	out_eol();
}

/* --features: each line's keys (its first record's) and numbers. */
static void
write_features(void *arg, const struct article *a,
    const struct ls_result *res)
{
	size_t j, k;

	(void)arg;
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

static void
write_header(void)
{
	out_write(hdr.p, hdr.len);
	out_eol();
}

static void
on_header(void *arg, const struct record *rec)
{
	const char *text = rec->s + rec->f->b[rec->text];

	(void)arg;
	hdr.len = 0;
	buf_add(&hdr, rec->s, rec->f->b[rec->text]);
	if (set.mark)
		buf_add(&hdr, "label\t", 6);
	buf_add(&hdr, text, rec->n - rec->f->b[rec->text]);
	/* streaming: now; else before pass 2 */
	if (br_streaming(run) && !set.learn && !set.emit && !set.emit_sigs &&
	    !set.features)
		write_header();
}

/* ---- the passes ---- */

static void
count_one(void *arg, const struct article *a)
{
	(void)arg;
	br_count(run, a);
}

static void
decide_one(void *arg, const struct article *a)
{
	(void)arg;
	br_decide(run, a);
}

/* Save the state at the end, or as soon as the reader of the output
 * goes away (| head) once the counting pass is over, so that a run
 * never ends with status 0 and nothing saved. */
static void
save_state(void)
{
	br_save(run);
}

int
main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	static const struct br_sink sink = {
		NULL, write_record, write_line, write_features
	};
	char **files;
	int first, rdflags;

	diag_init(argv[0]);
	first = opts_parse(&tool, argc, argv);
	files = first < argc ? argv + first : stdin_only;
	if (reduce_sigs) {
		if (set.state || set.mark || set.learn || set.apply ||
		    set.emit || set.emit_sigs || set.dups || set.ncounts ||
		    set.nrules || set.order_field || set.features)
			usage_error("--reduce-signatures takes no other option "
			    "but --similarity");
		out_init(copt.line_buffered);
		ndsh_reduce(files, set.similarity);
		out_close();
		return exit_status;
	}
	if (set.emit_sigs + (set.dups != NULL) + set.learn + set.apply +
	    set.emit > 1)
		usage_error("--emit-signatures, --dups, --learn, --apply and "
		    "--emit-counts exclude each other");
	if ((set.emit_sigs || set.dups) && (!set.ncounts || set.state))
		usage_error("--emit-signatures and --dups need --counts, and "
		    "no --state");
	if (set.emit_sigs && set.mark)
		usage_error("--mark writes records; --emit-signatures does not");
	if (set.apply && !set.state && !set.ncounts)
		usage_error("--apply needs --state or --counts");
	if (set.ncounts && (set.learn || set.emit))
		usage_error("--counts filters; --learn and --emit-counts only "
		    "count");
	if ((set.mark || set.features) && (set.learn || set.emit))
		usage_error("--mark and --features write records; --learn and "
		    "--emit-counts do not");
	if (set.mark && set.features)
		usage_error("--mark and --features exclude each other");
	if (copt.line_buffered)	/* each article out as soon as it is read */
		set.threads = 0;
	rdflags = copt.strict ? RD_STRICT : 0;
	out_init(copt.line_buffered);
	set.prompt = copt.line_buffered;
	run = br_begin(&set, &sink);
	if (br_streaming(run)) {
		articles_each(files, rdflags, copt.field, copt.header,
		    (unsigned)key_fields, on_header, decide_one, NULL);
		br_decided(run);
	} else {
		articles_each(files, rdflags, copt.field, copt.header,
		    (unsigned)key_fields, on_header, count_one, NULL);
		first = br_counted(run);
		out_on_close(save_state);
		if (first) {
			if (hdr.len && !set.features)
				write_header();
			br_decide_spooled(run);
		}
	}
	out_close();
	br_save(run);
	if (stats)
		bc_stats_print(br_stats(run), prog, stderr);
	br_end(run);
	buf_free(&hdr);
	free(set.rules);
	free(set.counts);
	return exit_status;
}
