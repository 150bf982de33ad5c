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
#include "hash.h"
#include "minhash.h"
#include "opts.h"
#include "output.h"
#include "spool.h"
#include "statedb.h"
#include "utf8.h"

static const char *statefile;
static long min_docs = 3, site_field, key_fields = 1, wait_s = 10;
static double similarity = 0.8;
static int mark, stats, learn, apply, emit;
static char **rulefiles, **countfiles;
static size_t nrulefiles, ncountfiles;

static const char usage_text[] =
	"dedupe-boilerplate [--state file] [--mark] [--learn | --apply |\n"
	"       --emit-counts] [--counts file] [options] [file ...]\n";
static const char help_text[] =
	"Drop boilerplate records (menus, copyright notices, editor lines,\n"
	"related-headline lists) and near-duplicate articles from TSV records\n"
	"such as segment's output, remembering what was seen across runs.\n"
	"\n"
	"A record is boilerplate when a rule matches it, when its normal form\n"
	"is in at least --min-docs documents of the same site, when it is in\n"
	"the block of short lines without sentence ends that closes an\n"
	"article, when it is a short label before the first sentence, or when\n"
	"the article had it already. An article whose body is --similarity\n"
	"alike to an earlier one (MinHash) is a duplicate.\n"
	"\n"
	"Options:\n"
	"      --state FILE     SQLite state kept across runs (default: memory)\n"
	"      --min-docs N     documents a line must be in (default 3)\n"
	"      --similarity X   Jaccard threshold for duplicates (default 0.8)\n"
	"      --site-field N   the site is field N (default: the first key\n"
	"                       that is a URL, its host; else one site)\n"
	"  -k, --key N          the document is the first N fields (default 1)\n"
	"      --max-article SIZE  handle a longer article in parts (64M)\n"
	"      --rules FILE     more rules: name<TAB>PCRE2 pattern a line\n"
	"      --mark           keep every record, with a label column before\n"
	"                       the text: body, boiler:rule=NAME, boiler:df=N,\n"
	"                       boiler:tail, boiler:head, boiler:repeat, dup:DOC\n"
	"      --stats          a summary on standard error\n"
	"      --learn          count only: update the state, write nothing\n"
	"      --apply          filter with the stored counts only (streaming,\n"
	"                       the state is read, not changed)\n"
	"      --emit-counts    write key<TAB>docs counts of this input (for\n"
	"                       counting on many machines), nothing else\n"
	"      --counts FILE    filter with these summed counts (streaming)\n"
	"      --wait SECONDS   wait this long for another run's lock (10)\n"
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
	O_LEARN, O_APPLY, O_EMIT, O_COUNTS, O_WAIT, O_MAXART
};

static const struct option longopts[] = {
	{ "state", required_argument, NULL, O_STATE },
	{ "min-docs", required_argument, NULL, O_MINDOCS },
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
	struct counts *counts;
	struct statedb *db;
	struct spool *spool;	/* the input between the two passes */
	struct forms forms;
	struct buf hdr;		/* the header to write (--header) */
	int saving;		/* the state is changed and saved */
	int counted, saved;	/* pass 1 is over; the state is saved */
	int warned_site, warned_key;
	struct counts *ids;	/* documents of this run: ID_ flags */
	struct counts *keys_used;	/* their keys (hashed) */
	uint64_t last_key;
	struct bc_line *in;	/* scratch for one article */
	struct bc_verdict *out;
	uint64_t *keys;
	size_t cap;
	struct buf body;
} run;

static struct {
	unsigned long docs, recs, n[BC_DUP + 1], dupdocs, gaveup;
} st;

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
	run.in = xrealloc(run.in, n * sizeof *run.in);
	run.out = xrealloc(run.out, n * sizeof *run.out);
	run.keys = xrealloc(run.keys, n * sizeof *run.keys);
}

/* The article's site, from its first record. */
static uint64_t
article_site(const struct article *a)
{
	size_t n;
	const char *line = art_line(a, 0, &n);
	int absent;
	uint64_t site = site_key(line, n, a->r[0].toff - a->r[0].off,
	    site_field, &absent);

	if (absent && !run.warned_site) {
		input_warning(a->r[0].file, a->r[0].lineno, "no key field %ld "
		    "(--site-field) in the record: its article counts as "
		    "one site with every other such article", site_field);
		run.warned_site = 1;
	}
	return site;
}

/* What a run knows of a document (by identity): */
enum { ID_COUNTED = 1, ID_DECIDED = 2 };

/* A document's identity: its key and a hash of its content, so that a
 * reused key (line numbers, '-') never hides a new document. */
static uint64_t
identity(const struct article *a)
{
	return hash64(a->data.p, a->data.len, hash64(a->key.p, a->key.len,
	    0x444f43)) | 1;
}

/* A key that an earlier, not adjacent, article of the run had: told
 * apart by their content, but said once, as it is rarely meant. */
static void
check_key(const struct article *a)
{
	uint64_t k = hash64(a->key.p, a->key.len, 0x4b4559) | 1;

	if (a->part > 0 || a->key.len == 0)
		return;
	if (k != run.last_key && counts_get(run.keys_used, k) &&
	    !run.warned_key) {
		input_warning(a->r[0].file, a->r[0].lineno, "document key "
		    "'%.*s' was the key of an earlier document: documents are "
		    "told apart by key and content (said once)",
		    (int)(a->key.len > 64 ? 64 : a->key.len), a->key.p);
		run.warned_key = 1;
	}
	counts_add(run.keys_used, k, 1);
	run.last_key = k;
}

/* Pass 1: an article's distinct lines each count once, unless the
 * state or this run counted the same document already. */
static void
count_article(const struct article *a, uint64_t id)
{
	size_t i, n;

	if (counts_get(run.ids, id))
		return;		/* counted in this run */
	counts_add(run.ids, id, ID_COUNTED);
	if (!emit && sdb_doc_seen(run.db, id))
		return;		/* and in an earlier one */
	room(a->n);
	n = bc_distinct_keys(run.forms.key, a->n, run.keys);
	for (i = 0; i < n; i++) {
		if (emit) {
			char hex[24];

			snprintf(hex, sizeof hex, "%016" PRIx64 "\t1", run.keys[i]);
			out_str(hex);
			out_eol();
		} else
			counts_add(run.counts, run.keys[i], 1);
	}
	if (!emit)
		sdb_doc_add(run.db, id);
}

/* Is the article's body a near duplicate of an earlier article? Its
 * name goes to dupof. Else the article is remembered, when the run
 * saves its state and has not got it yet. A document is never its own
 * duplicate the first time the run decides it (a re-run gives the same
 * output), but a copy of it later in the run is. */
static int
near_duplicate(const struct article *a, uint64_t id, char *dupof, size_t cap)
{
	int first = !(counts_get(run.ids, id) & ID_DECIDED);
	struct doc_ref self = { id, a->key.p, a->key.len, 0 };
	struct minhash m;
	size_t i, off = 0;

	run.body.len = 0;
	for (i = 0; i < a->n; off += run.forms.flen[i++])
		if (run.out[i].label == BC_BODY)
			buf_add(&run.body, run.forms.folded.p + off,
			    run.forms.flen[i]);
	if (run.body.len == 0 || utf8_count(run.body.p, run.body.len) < 50 ||
	    mh_sign(run.body.p, run.body.len, &m) == 0)
		return 0;
	if (first)
		counts_add(run.ids, id, ID_DECIDED);
	if (sdb_similar(run.db, &m, similarity, first ? &self : NULL, dupof,
	    cap))
		return 1;
	if (run.saving && first && !self.met)
		sdb_add_signature(run.db, id, a->key.p, a->key.len, &m);
	return 0;
}

static void
write_record(const struct article *a, size_t i, const char *label, int llen)
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
	out_write(label, (size_t)(llen < 0 ? 0 : llen));
	out_tab();
	out_write(line + (r->toff - r->off), r->off + r->len - r->toff);
	out_eol();
}

static void
print_article(const struct article *a, const char *dupof)
{
	size_t i;

	st.docs++;
	for (i = 0; i < a->n; i++) {
		const struct bc_verdict *v = &run.out[i];
		char label[600];
		int l = 0;

		st.recs++;
		st.n[v->label]++;
		st.gaveup += v->gaveup != 0;
		if (!mark && v->label != BC_BODY)
			continue;
		switch (v->label) {
		case BC_BODY:
			l = snprintf(label, sizeof label, "body");
			break;
		case BC_RULE:
			l = snprintf(label, sizeof label, "boiler:rule=%s", v->rule);
			break;
		case BC_DF:
			l = snprintf(label, sizeof label, "boiler:df=%u", v->df);
			break;
		case BC_TAIL:
			l = snprintf(label, sizeof label, "boiler:tail");
			break;
		case BC_HEAD:
			l = snprintf(label, sizeof label, "boiler:head");
			break;
		case BC_REPEAT:
			l = snprintf(label, sizeof label, "boiler:repeat");
			break;
		case BC_DUP:
			l = snprintf(label, sizeof label, "dup:%s", dupof);
			break;
		}
		if (l < 0 || (size_t)l >= sizeof label)
			l = (int)strlen(label);
		write_record(a, i, label, l);
	}
}

/* Pass 2 (or streaming): label the records, then write them. */
static void
decide_article(const struct article *a, uint64_t id)
{
	struct bc_config c = { &run.rules, run.counts, (uint32_t)min_docs };
	char dupof[512] = "";
	size_t i;

	room(a->n);
	for (i = 0; i < a->n; i++) {
		run.in[i].text = art_text(a, i, &run.in[i].len);
		run.in[i].key = run.forms.key[i];
	}
	bc_classify(&c, run.in, a->n, run.out);
	if (near_duplicate(a, id, dupof, sizeof dupof)) {
		for (i = 0; i < a->n; i++)
			run.out[i].label = BC_DUP;
		st.dupdocs++;
	}
	print_article(a, dupof);
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
	if (!run.spool && !learn && !emit) {	/* streaming: now */
		out_write(run.hdr.p, run.hdr.len);
		out_eol();
	}
}

/* Pass 1: count each article, and keep it for pass 2. */
static void
count_one(void *arg, const struct article *a)
{
	uint64_t id = identity(a);

	(void)arg;
	forms_make(&run.forms, run.nm, article_site(a), a);
	check_key(a);
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
	(void)arg;
	forms_make(&run.forms, run.nm, article_site(a), a);
	check_key(a);
	decide_article(a, identity(a));
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
	if (run.hdr.len) {
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
	if (!run.saving || !run.counted || run.saved)
		return;
	run.saved = 1;
	sdb_save_counts(run.db, run.counts);
	sdb_commit(run.db);
}

static void
print_stats(void)
{
	fprintf(stderr, "%s: %lu documents, %lu records: %lu body, %lu "
	    "boilerplate (%lu by rule, %lu by count, %lu in closing "
	    "blocks, %lu in opening blocks, %lu repeated), %lu in %lu "
	    "duplicate documents\n", prog, st.docs, st.recs, st.n[BC_BODY],
	    st.n[BC_RULE] + st.n[BC_DF] + st.n[BC_TAIL] + st.n[BC_HEAD] +
	    st.n[BC_REPEAT], st.n[BC_RULE], st.n[BC_DF], st.n[BC_TAIL],
	    st.n[BC_HEAD], st.n[BC_REPEAT], st.n[BC_DUP], st.dupdocs);
	if (st.gaveup)
		fprintf(stderr, "%s: %lu records on which a rule gave up (taken "
		    "as not matching)\n", prog, st.gaveup);
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
	if (learn + apply + emit > 1)
		usage_error("--learn, --apply and --emit-counts exclude each other");
	if (apply && !statefile && !ncountfiles)
		usage_error("--apply needs --state or --counts");
	if (mark && (learn || emit))
		usage_error("--mark writes records; --learn and --emit-counts do not");
	files = first < argc ? argv + first : stdin_only;
	rdflags = copt.strict ? RD_STRICT : 0;
	streaming = apply || ncountfiles;
	out_init(copt.line_buffered);
	run.nm = norm_new();
	run.counts = counts_new();
	run.ids = counts_new();
	run.keys_used = counts_new();
	if (rules_load(&run.rules, NULL) < 0)
		die(EXIT_TROUBLE, "built-in rules are broken");
	for (i = 0; i < nrulefiles; i++)
		if (rules_load(&run.rules, rulefiles[i]) < 0)
			die(EXIT_TROUBLE, "%s: cannot use these rules", rulefiles[i]);
	if (!emit) {
		run.db = sdb_open(statefile, !streaming, (int)wait_s);
		sdb_load_counts(run.db, run.counts);
		run.saving = !streaming;
	}
	for (i = 0; i < ncountfiles; i++)
		if (counts_read_path(run.counts, countfiles[i]) < 0)
			die(EXIT_TROUBLE, "%s: cannot use these counts", countfiles[i]);
	if (streaming)
		articles_each(files, rdflags, copt.field, copt.header,
		    (unsigned)key_fields, on_header, decide_one, NULL);
	else {
		if (!learn && !emit && (run.spool = spool_new()) == NULL)
			die(EXIT_TROUBLE, "cannot make a temporary file in %s: %s",
			    spool_dir(), strerror(errno));
		articles_each(files, rdflags, copt.field, copt.header,
		    (unsigned)key_fields, on_header, count_one, NULL);
		run.counted = 1;
		out_on_close(save_state);
		if (run.spool)
			decide_spooled();
	}
	out_close();
	save_state();
	if (stats)
		print_stats();
	sdb_close(run.db);
	spool_free(run.spool);
	norm_free(run.nm);
	rules_free(&run.rules);
	counts_free(run.counts);
	counts_free(run.ids);
	counts_free(run.keys_used);
	forms_free(&run.forms);
	buf_free(&run.hdr);
	buf_free(&run.body);
	free(run.in);
	free(run.out);
	free(run.keys);
	free(rulefiles);
	free(countfiles);
	return exit_status;
}
