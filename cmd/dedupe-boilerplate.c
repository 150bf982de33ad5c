/* dedupe-boilerplate - drop boilerplate lines and near-duplicate articles */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boiler.h"
#include "buf.h"
#include "diag.h"
#include "hash.h"
#include "minhash.h"
#include "opts.h"
#include "output.h"
#include "records.h"
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
	O_LEARN, O_APPLY, O_EMIT, O_COUNTS, O_WAIT
};

static const struct option longopts[] = {
	{ "state", required_argument, NULL, O_STATE },
	{ "min-docs", required_argument, NULL, O_MINDOCS },
	{ "similarity", required_argument, NULL, O_SIM },
	{ "site-field", required_argument, NULL, O_SITE },
	{ "key", required_argument, NULL, 'k' },
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

static int
handle(int opt, const char *arg)
{
	char *end;

	switch (opt) {
	case O_STATE:
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
	case O_SIM:
		errno = 0;
		similarity = strtod(arg, &end);
		if (errno || *end || end == arg || !(similarity > 0) || similarity > 1)
			usage_error("invalid --similarity '%s' (expected 0 < X <= 1)",
			    arg);
		break;
	case O_RULES:
		rulefiles = xrealloc(rulefiles, (nrulefiles + 1) * sizeof *rulefiles);
		rulefiles[nrulefiles++] = (char *)arg;
		break;
	case O_COUNTS:
		countfiles = xrealloc(countfiles,
		    (ncountfiles + 1) * sizeof *countfiles);
		countfiles[ncountfiles++] = (char *)arg;
		break;
	case O_MARK:
		mark = 1;
		break;
	case O_STATS:
		stats = 1;
		break;
	case O_LEARN:
		learn = 1;
		break;
	case O_APPLY:
		apply = 1;
		break;
	case O_EMIT:
		emit = 1;
		break;
	default:
		return -1;
	}
	return 0;
}

static const struct tool tool = {
	usage_text, help_text, "k:", longopts, handle
};

/* ---- one document at a time ---- */

struct rec {
	size_t off, len;	/* the whole line in doc.data */
	size_t toff, tlen;	/* its text */
	uint64_t key;		/* site-line key, 0 = nothing to count */
	size_t foff, flen;	/* folded text in doc.folded */
	const char *rule;
	uint32_t df;
	int label;		/* L_BODY ... */
};

enum { L_BODY, L_RULE, L_DF, L_TAIL, L_HEAD, L_REPEAT, L_DUP };

static struct {
	struct buf key;		/* doc key (first -k fields) */
	struct buf name;	/* doc key as written, for dup:DOC */
	uint64_t site, id;
	struct buf data, folded;
	struct rec *r;
	size_t n, cap;
	int open;
} doc;

static struct normaliser *nm;
static struct rules rules;
static struct counts *counts;
static struct statedb *db;
static FILE *spool;		/* pass 1 writes the input here */
static FILE *nspool;		/* and each record's key and folded text */
static char spoolname[64];
static int pass;		/* 1 counting, 2 deciding */
static struct buf hdr;
static struct {
	unsigned long docs, recs, body, rule, df, tail, head, repeat, dup, dupdocs;
} st;

static uint64_t
site_of(const struct record *rec)
{
	size_t i, b, e;

	for (i = 0; i < rec->f->n; i++) {
		if ((long)i == rec->text)
			continue;
		if (site_field ? (long)i + 1 != site_field : 0)
			continue;
		b = rec->f->b[i];
		e = rec->f->e[i];
		if (!site_field) {
			const char *p = rec->s + b;
			size_t l = e - b;

			if (l > 8 && memcmp(p, "https://", 8) == 0)
				b += 8;
			else if (l > 7 && memcmp(p, "http://", 7) == 0)
				b += 7;
			else
				continue;
			for (e = b; e < rec->f->e[i] && rec->s[e] != '/' &&
			    rec->s[e] != ':'; e++)
				;
		}
		return hash64(rec->s + b, e - b, 0x53495445) | 1;
	}
	return 0x53495445;	/* one site for all */
}

static uint64_t
line_key(uint64_t site, uint64_t h)
{
	uint64_t k = h ^ (site * 0x9E3779B97F4A7C15ULL);

	return k ? k : 1;
}

struct keyat {
	uint64_t key;
	size_t at;
};

static int
cmp_keyat(const void *a, const void *b)
{
	const struct keyat *x = a, *y = b;

	if (x->key != y->key)
		return (x->key > y->key) - (x->key < y->key);
	return (x->at > y->at) - (x->at < y->at);
}

/* The records' line keys with their places, sorted by key, then place
 * (valid until the next call). */
static size_t
sorted_keys(struct keyat **out)
{
	static struct keyat *v;
	static size_t cap;
	size_t i, n = 0;

	if (doc.n > cap) {
		cap = doc.n * 2;
		v = xrealloc(v, cap * sizeof *v);
	}
	for (i = 0; i < doc.n; i++)
		if (doc.r[i].key) {
			v[n].key = doc.r[i].key;
			v[n++].at = i;
		}
	qsort(v, n, sizeof *v, cmp_keyat);
	*out = v;
	return n;
}

/* pass 1: the document's distinct lines each count once */
static void
count_doc(void)
{
	struct keyat *v;
	size_t i, n = sorted_keys(&v);

	for (i = 0; i < n; i++) {
		if (i > 0 && v[i].key == v[i - 1].key)
			continue;
		if (emit) {
			char hex[24];

			snprintf(hex, sizeof hex, "%016" PRIx64, v[i].key);
			out_str(hex);
			out_str("\t1");
			out_eol();
		} else
			counts_add(counts, v[i].key, 1);
	}
}

static size_t
cp_len(const char *s, size_t n)
{
	return utf8_count(s, n);
}

/* Body text: a sentence end, or longer than a line of chrome can be. */
#define TAIL_MAX 40
#define HEAD_MAX 6

static int
is_sentence(const char *t, size_t n)
{
	return ends_sentence(t, n) || cp_len(t, n) > TAIL_MAX;
}

static void
write_rec(const struct rec *r, const char *label, size_t llen)
{
	const char *line = doc.data.p + r->off;

	if (!mark) {
		out_write(line, r->len);
		out_eol();
		return;
	}
	/* the label goes just before the text; fields after it (-f) follow */
	out_write(line, r->toff - r->off);
	out_write(label, llen);
	out_tab();
	out_write(doc.data.p + r->toff, r->off + r->len - r->toff);
	out_eol();
}

/* Body records whose normal form an earlier record of the article had
 * (whatever that one's label) become L_REPEAT: sorted, not compared in
 * pairs, so an article of 100,000 records costs no more than its sort. */
static void
mark_repeats(void)
{
	struct keyat *v;
	size_t i, n = sorted_keys(&v);

	for (i = 1; i < n; i++)
		if (v[i].key == v[i - 1].key &&
		    doc.r[v[i].at].label == L_BODY)
			doc.r[v[i].at].label = L_REPEAT;
}

/* pass 2 (or streaming): label and write the document */
static void
decide_doc(void)
{
	size_t i, body = 0, k;
	int hasbody = 0;
	char dupof[512] = "";
	struct minhash m;

	for (i = 0; i < doc.n; i++) {
		struct rec *r = &doc.r[i];

		r->label = L_BODY;
		if ((r->rule = rules_match(&rules, doc.data.p + r->toff, r->tlen)))
			r->label = L_RULE;
		else if (r->key && (r->df = counts_get(counts, r->key)) >=
		    (uint32_t)min_docs)
			r->label = L_DF;
	}
	/* a line the article already had (a title or teaser shown twice):
	 * the later copy */
	mark_repeats();
	/* the closing block of short lines without sentence ends, after
	 * the last body sentence: footers, menus, headline lists */
	for (k = doc.n; k > 0; k--) {
		struct rec *r = &doc.r[k - 1];
		const char *t = doc.data.p + r->toff;

		if (r->label != L_BODY)
			continue;
		if (is_sentence(t, r->tlen)) {
			hasbody = 1;
			break;
		}
	}
	if (hasbody)
		for (i = k; i < doc.n; i++)
			if (doc.r[i].label == L_BODY)
				doc.r[i].label = L_TAIL;
	/* the opening block before the first line that ends a sentence:
	 * its labels (节目官网, 内容简介) are short lines without a sentence
	 * end, shorter than the longest line there, which is the title */
	if (hasbody) {
		size_t first, longest = 0;

		for (first = 0; first < doc.n; first++)
			if (doc.r[first].label == L_BODY && ends_sentence(doc.data.p +
			    doc.r[first].toff, doc.r[first].tlen))
				break;
		if (first == doc.n)
			first = 0;	/* no sentence end at all: no opening block */
		for (i = 0; i < first; i++)
			if (doc.r[i].label == L_BODY) {
				size_t l = cp_len(doc.data.p + doc.r[i].toff,
				    doc.r[i].tlen);

				if (l > longest)
					longest = l;
			}
		for (i = 0; i < first; i++) {
			struct rec *r = &doc.r[i];
			size_t l;

			if (r->label != L_BODY)
				continue;
			l = cp_len(doc.data.p + r->toff, r->tlen);
			if (l <= HEAD_MAX && l < longest)
				r->label = L_HEAD;
		}
	}
	/* near duplicates: the folded body of what is left */
	for (i = 0; i < doc.n; i++)
		if (doc.r[i].label == L_BODY)
			body += doc.r[i].flen;
	if (body > 0 && !emit) {
		struct buf b = { 0 };

		for (i = 0; i < doc.n; i++)
			if (doc.r[i].label == L_BODY)
				buf_add(&b, doc.folded.p + doc.r[i].foff, doc.r[i].flen);
		if (cp_len(b.p, b.len) >= 50 && mh_sign(b.p, b.len, &m) > 0) {
			if (sdb_similar(db, &m, similarity, dupof, sizeof dupof)) {
				for (i = 0; i < doc.n; i++)
					doc.r[i].label = L_DUP;
				st.dupdocs++;
			} else if (!apply && !ncountfiles)
				sdb_add_signature(db, doc.name.p, doc.name.len, &m);
		}
		buf_free(&b);
	}
	st.docs++;
	for (i = 0; i < doc.n; i++) {
		struct rec *r = &doc.r[i];
		char label[600];
		int l = 0;

		st.recs++;
		switch (r->label) {
		case L_BODY:
			st.body++;
			l = snprintf(label, sizeof label, "body");
			break;
		case L_RULE:
			st.rule++;
			l = snprintf(label, sizeof label, "boiler:rule=%s", r->rule);
			break;
		case L_DF:
			st.df++;
			l = snprintf(label, sizeof label, "boiler:df=%u", r->df);
			break;
		case L_TAIL:
			st.tail++;
			l = snprintf(label, sizeof label, "boiler:tail");
			break;
		case L_HEAD:
			st.head++;
			l = snprintf(label, sizeof label, "boiler:head");
			break;
		case L_REPEAT:
			st.repeat++;
			l = snprintf(label, sizeof label, "boiler:repeat");
			break;
		case L_DUP:
			st.dup++;
			l = snprintf(label, sizeof label, "dup:%s", dupof);
			break;
		}
		if (l < 0 || (size_t)l >= sizeof label)
			l = (int)strlen(label);
		if (mark || r->label == L_BODY)
			write_rec(r, label, (size_t)l);
	}
}

static void
end_doc(void)
{
	if (!doc.open)
		return;
	if (pass == 1) {
		if (emit || !sdb_doc_seen(db, doc.id)) {
			count_doc();
			if (!emit)
				sdb_doc_add(db, doc.id);
		}
	} else
		decide_doc();
	doc.open = 0;
	doc.n = 0;
	doc.data.len = 0;
	doc.folded.len = 0;
}

static void
spool_line(const struct record *rec)
{
	if (fwrite(rec->s, 1, rec->n, spool) != rec->n || putc('\n', spool) == EOF)
		die(EXIT_TROUBLE, "cannot buffer the input: %s", strerror(errno));
}

static void
on_record(void *arg, const struct record *rec)
{
	const char *text = rec->s + rec->f->b[rec->text];
	size_t tlen = rec->f->e[rec->text] - rec->f->b[rec->text], keylen, flen;
	struct rec *r;
	uint64_t h;
	const char *folded;

	(void)arg;
	if (rec->header) {
		if (pass == 1 && spool)
			spool_line(rec);
		if (pass == 2 || !spool) {
			hdr.len = 0;
			buf_add(&hdr, rec->s, rec->f->b[rec->text]);
			if (mark)
				buf_add(&hdr, "label\t", 6);
			buf_add(&hdr, text, rec->n - rec->f->b[rec->text]);
			if (!emit && !learn) {
				out_write(hdr.p, hdr.len);
				out_eol();
			}
		}
		return;
	}
	if (pass == 1 && spool)
		spool_line(rec);
	/* the document: its first -k fields */
	keylen = (size_t)key_fields < rec->f->n ? rec->f->e[key_fields - 1] : 0;
	if (doc.open && (keylen == 0 || keylen != doc.key.len ||
	    memcmp(rec->s, doc.key.p, keylen) != 0))
		end_doc();
	if (!doc.open) {
		doc.key.len = 0;
		buf_add(&doc.key, rec->s, keylen);
		doc.name.len = 0;
		buf_add(&doc.name, rec->s, keylen);
		buf_cstr(&doc.name);
		doc.site = site_of(rec);
		doc.id = hash64(rec->s, keylen, doc.site);
		doc.open = 1;
	}
	if (doc.n == doc.cap) {
		doc.cap = doc.cap ? doc.cap * 2 : 64;
		doc.r = xrealloc(doc.r, doc.cap * sizeof *doc.r);
	}
	r = &doc.r[doc.n++];
	memset(r, 0, sizeof *r);
	r->off = doc.data.len;
	r->len = rec->n;
	r->toff = doc.data.len + rec->f->b[rec->text];
	r->tlen = tlen;
	buf_add(&doc.data, rec->s, rec->n);
	if (pass == 2 && nspool) {
		/* the normal form computed in pass 1 */
		uint32_t fl;
		static struct buf fb;

		if (fread(&h, sizeof h, 1, nspool) != 1 ||
		    fread(&fl, sizeof fl, 1, nspool) != 1)
			die(EXIT_TROUBLE, "temporary file cut short");
		fb.len = 0;
		buf_reserve(&fb, fl + 1);
		if (fl && fread(fb.p, 1, fl, nspool) != fl)
			die(EXIT_TROUBLE, "temporary file cut short");
		fb.len = fl;
		folded = fb.p;
		flen = fl;
	} else {
		h = norm_hash(nm, text, tlen);
		folded = norm_folded(nm, &flen);
		if (pass == 1 && nspool) {
			uint32_t fl = (uint32_t)flen;

			if (fwrite(&h, sizeof h, 1, nspool) != 1 ||
			    fwrite(&fl, sizeof fl, 1, nspool) != 1 ||
			    (fl && fwrite(folded, 1, fl, nspool) != fl))
				die(EXIT_TROUBLE, "cannot buffer the input: %s",
				    strerror(errno));
		}
	}
	r->key = h ? line_key(doc.site, h) : 0;
	r->foff = doc.folded.len;
	r->flen = flen;
	buf_add(&doc.folded, folded, flen);
}

static void
load_counts_file(const char *path)
{
	struct reader r;
	const char *s;
	size_t n;

	if (rd_open(&r, path, RD_STRICT) < 0)
		die(EXIT_TROUBLE, "%s: cannot read the counts", path);
	while (rd_line(&r, &s, &n)) {
		char *end;
		uint64_t key;
		unsigned long v;

		errno = 0;
		key = strtoull(s, &end, 16);
		if (end == s || *end != '\t' || errno)
			die(EXIT_TROUBLE, "%s:%lu: expected key<TAB>docs", path,
			    r.lineno);
		v = strtoul(end + 1, &end, 10);
		if ((size_t)(end - s) != n || errno)
			die(EXIT_TROUBLE, "%s:%lu: expected key<TAB>docs", path,
			    r.lineno);
		counts_load(counts, key, (uint32_t)v);	/* not for the state */
	}
	rd_close(&r);
}

int
main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	char **files, *spoolv[2];
	int first, rdflags;
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
	out_init(copt.line_buffered);
	nm = norm_new();
	counts = counts_new();
	if (rules_load(&rules, NULL) < 0)
		die(EXIT_TROUBLE, "built-in rules are broken");
	for (i = 0; i < nrulefiles; i++)
		if (rules_load(&rules, rulefiles[i]) < 0)
			die(EXIT_TROUBLE, "%s: cannot use these rules", rulefiles[i]);
	if (!emit) {
		db = sdb_open(statefile, !(apply || ncountfiles), (int)wait_s);
		sdb_load_counts(db, counts);
	}
	for (i = 0; i < ncountfiles; i++)
		load_counts_file(countfiles[i]);

	if (apply || ncountfiles) {
		/* streaming: decide with the counts known */
		pass = 2;
		records_each(files, rdflags, copt.field, copt.header, on_record, NULL);
		end_doc();
	} else {
		/* pass 1: count, and spool the input to a temporary file */
		int fd = -1;

		pass = 1;
		if (!learn && !emit) {
			const char *tmp = getenv("TMPDIR");

			snprintf(spoolname, sizeof spoolname, "%s/zhpipe-dedupe.XXXXXX",
			    tmp && *tmp && strlen(tmp) < 30 ? tmp : "/tmp");
			if ((fd = mkstemp(spoolname)) < 0 ||
			    (spool = fdopen(fd, "w+")) == NULL)
				die(EXIT_TROUBLE, "cannot make a temporary file: %s",
				    strerror(errno));
			unlink(spoolname);	/* gone when we are, whatever happens */
			if ((nspool = tmpfile()) == NULL)
				die(EXIT_TROUBLE, "cannot make a temporary file: %s",
				    strerror(errno));
		}
		records_each(files, rdflags, copt.field, copt.header, on_record, NULL);
		end_doc();
		if (spool) {
			char fdpath[64];

			if (fflush(spool) != 0 || ferror(spool) ||
			    fflush(nspool) != 0 || ferror(nspool))
				die(EXIT_TROUBLE, "cannot buffer the input: %s",
				    strerror(errno));
			rewind(nspool);
			rewind(spool);	/* /dev/fd/N may share the offset */
			/* pass 2: decide, with this run's counts included */
			pass = 2;
			snprintf(fdpath, sizeof fdpath, "/dev/fd/%d", fileno(spool));
			spoolv[0] = fdpath;
			spoolv[1] = NULL;
			records_each(spoolv, RD_TRUSTED, copt.field, copt.header,
			    on_record, NULL);
			end_doc();
			fclose(spool);
			fclose(nspool);
		}
	}
	out_close();
	if (db && !(apply || ncountfiles)) {
		sdb_save_counts(db, counts);
		sdb_commit(db);
	}
	if (stats)
		fprintf(stderr, "%s: %lu documents, %lu records: %lu body, %lu "
		    "boilerplate (%lu by rule, %lu by count, %lu in closing "
		    "blocks, %lu in opening blocks, %lu repeated), %lu in %lu "
		    "duplicate documents\n", prog, st.docs, st.recs, st.body,
		    st.rule + st.df + st.tail + st.head + st.repeat, st.rule,
		    st.df, st.tail, st.head, st.repeat, st.dup, st.dupdocs);
	sdb_close(db);
	norm_free(nm);
	rules_free(&rules);
	counts_free(counts);
	buf_free(&doc.key);
	buf_free(&doc.name);
	buf_free(&doc.data);
	buf_free(&doc.folded);
	buf_free(&hdr);
	free(doc.r);
	free(rulefiles);
	free(countfiles);
	return exit_status;
}
