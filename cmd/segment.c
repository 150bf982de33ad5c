/* segment - articles in, sentence (paragraph, word, token) records out */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "input.h"
#include "jsonl.h"
#include "opts.h"
#include "output.h"
#include "records.h"
#include "sentence.h"
#include "textnorm.h"
#include "warc.h"
#include "words.h"

enum format { F_TEXT, F_TSV, F_JSONL, F_WET };
enum mode { M_SENT, M_PARA, M_WORDS, M_TOKENS };

static enum format format = F_TEXT;
static enum mode mode = M_SENT;
static int docsep;		/* 0, '\f' (--doc-sep) or '\0' (-0) */
static int semicolon, tnflags;
static struct jsonl_spec jspec;
static char **userdicts;
static size_t nuserdicts;
static char *keeplist;

static struct sentsplit *ss;
static struct wordseg *ws;
static struct textnorm *tn;

static struct buf prefix;	/* key columns of the current record, TAB-ended */
static struct buf folded, normed, joined;
static unsigned long cur_line;	/* the line column; 0 = none (tsv) */
static unsigned long sentno;
static const char *sent_text;

static const char usage_text[] =
	"segment [-p | -w | -t] [-0] [--format text|tsv|jsonl|wet] [-u dict]\n"
	"        [options] [file ...]\n";
static const char help_text[] =
	"Split Chinese news articles into sentence records (TSV).\n"
	"\n"
	"Output columns (keys first, text last):\n"
	"  text, wet     doc  line  sent  text\n"
	"  jsonl         doc  url  [kept fields]  line  sent  text\n"
	"  tsv           [input keys]  sent  text\n"
	"  -p            the sent column is left out\n"
	"  -t            ... sent  tok  type  token  (type: word num latin punct)\n"
	"\n"
	"Input:\n"
	"      --format FMT     text (default: each file one article), tsv\n"
	"                       (split the text field of records), jsonl, wet\n"
	"      --doc-sep        text: a line holding only a form feed separates\n"
	"                       articles (doc keys become FILE:N)\n"
	"  -0                   text: NUL separates articles\n"
	"      --text-field F   jsonl: field with the text (text, else content)\n"
	"      --id-field F     jsonl: field with the doc key (id, else a hash\n"
	"                       of the line: #hhhhhhhhhhhhhhhh)\n"
	"      --keep F,...     jsonl: carry these fields as key columns\n"
	"  -f, --field N        tsv: the text is field N (default: the last)\n"
	"Output:\n"
	"  -p, --paragraphs     one record per non-empty line\n"
	"  -w, --words          sentences as words separated by spaces\n"
	"  -t, --tokens         one token per record\n"
	"      --semicolon      also end sentences at semicolons\n"
	"  -u, --user-dict FILE add words (one a line, optional frequency)\n"
	"      --nfkc           fold full-width letters and digits (NFKC)\n"
	"      --simplified     convert Traditional to Simplified Chinese\n"
	"      --header         print a header line naming the columns\n"
	"      --line-buffered  flush every record\n"
	"      --strict         invalid UTF-8 is an error, not repaired\n"
	"      --max-line SIZE  skip (and report) longer lines; default 64M\n"
	"  -h, --help           this help\n"
	"      --version        print the version\n"
	"\n"
	"Exit status: 0 all input processed, 1 some input bad or missing,\n"
	"2 usage error or fatal trouble. See segment(1) and zhpipe(7).\n";

enum {
	O_FORMAT = 0x2000, O_DOCSEP, O_TEXTF, O_IDF, O_KEEP, O_SEMI, O_NFKC,
	O_SIMP
};

static const struct option longopts[] = {
	{ "format", required_argument, NULL, O_FORMAT },
	{ "doc-sep", no_argument, NULL, O_DOCSEP },
	{ "text-field", required_argument, NULL, O_TEXTF },
	{ "id-field", required_argument, NULL, O_IDF },
	{ "keep", required_argument, NULL, O_KEEP },
	{ "paragraphs", no_argument, NULL, 'p' },
	{ "words", no_argument, NULL, 'w' },
	{ "tokens", no_argument, NULL, 't' },
	{ "semicolon", no_argument, NULL, O_SEMI },
	{ "user-dict", required_argument, NULL, 'u' },
	{ "nfkc", no_argument, NULL, O_NFKC },
	{ "simplified", no_argument, NULL, O_SIMP },
	{ NULL, 0, NULL, 0 }
};

/* -p, -w and -t choose the output; two of them is a usage error. */
static void
set_mode(int opt)
{
	static int given;
	enum mode m = opt == 'p' ? M_PARA : opt == 'w' ? M_WORDS : M_TOKENS;

	if (given && given != opt)
		usage_error("-%c given after -%c: choose one of -p, -w and -t",
		    opt, given);
	given = opt;
	mode = m;
}

static int
handle(int opt, const char *arg)
{
	switch (opt) {
	case O_FORMAT:
		if (strcmp(arg, "text") == 0)
			format = F_TEXT;
		else if (strcmp(arg, "tsv") == 0)
			format = F_TSV;
		else if (strcmp(arg, "jsonl") == 0)
			format = F_JSONL;
		else if (strcmp(arg, "wet") == 0)
			format = F_WET;
		else
			usage_error("unknown format '%s' (text, tsv, jsonl, wet)",
			    arg);
		break;
	case O_DOCSEP:
		docsep = '\f';
		break;
	case '0':
		docsep = -1;
		break;
	case O_TEXTF:
		jspec.text_field = arg;
		break;
	case O_IDF:
		jspec.id_field = arg;
		break;
	case O_KEEP: {
		char *tok, *save = NULL;

		free(keeplist);
		free(jspec.keep);
		jspec.keep = NULL;
		jspec.nkeep = 0;
		keeplist = xstrdup(arg);
		for (tok = strtok_r(keeplist, ",", &save); tok;
		    tok = strtok_r(NULL, ",", &save)) {
			jspec.keep = xrealloc(jspec.keep,
			    (jspec.nkeep + 1) * sizeof *jspec.keep);
			jspec.keep[jspec.nkeep++] = tok;
		}
		break;
	}
	case 'p':
	case 'w':
	case 't':
		set_mode(opt);
		break;
	case O_SEMI:
		semicolon = 1;
		break;
	case 'u':
		userdicts = xrealloc(userdicts,
		    (nuserdicts + 1) * sizeof *userdicts);
		userdicts[nuserdicts++] = (char *)arg;
		break;
	case O_NFKC:
		tnflags |= TN_NFKC;
		break;
	case O_SIMP:
		tnflags |= TN_SIMPLIFIED;
		break;
	default:
		return -1;
	}
	return 0;
}

static const struct tool tool = {
	usage_text, help_text, "pwt0u:", longopts, handle
};

/* the columns this mode adds after the keys */
static void
mode_header(void)
{
	if (cur_line || format != F_TSV)
		out_str("line\t");
	if (mode != M_PARA)
		out_str("sent\t");
	out_str(mode == M_TOKENS ? "tok\ttype\ttoken" : "text");
	out_eol();
}

static void
print_header(void)
{
	size_t i;

	switch (format) {
	case F_TEXT:
	case F_WET:
		out_str("doc\t");
		break;
	case F_JSONL:
		out_str("doc\turl\t");
		for (i = 0; i < jspec.nkeep; i++) {
			out_field(jspec.keep[i], strlen(jspec.keep[i]));
			out_tab();
		}
		break;
	case F_TSV:
		return;		/* taken from the input's own header */
	}
	mode_header();
}

static void
put_keys(void)
{
	out_write(prefix.p, prefix.len);
	if (cur_line) {
		out_ulong(cur_line);
		out_tab();
	}
}

static void
on_token(void *arg, size_t b, size_t e, enum toktype t)
{
	unsigned long *tok = arg;

	if (mode == M_WORDS) {
		if (joined.len)
			buf_addc(&joined, ' ');
		buf_add(&joined, sent_text + b, e - b);
		return;
	}
	put_keys();
	out_ulong(sentno);
	out_tab();
	out_ulong(++*tok);
	out_tab();
	out_str(toktype_name[t]);
	out_tab();
	out_field(sent_text + b, e - b);
	out_eol();
}

static void
on_sentence(void *arg, size_t b, size_t e)
{
	const char *line = arg;
	unsigned long tok = 0;

	folded.len = 0;
	ws_fold(line + b, e - b, &folded);
	sentno++;
	if (mode == M_SENT) {
		put_keys();
		out_ulong(sentno);
		out_tab();
		out_field(folded.p, folded.len);
		out_eol();
		return;
	}
	sent_text = buf_cstr(&folded);
	joined.len = 0;
	ws_cut(ws, folded.p, folded.len, on_token, &tok);
	if (mode == M_WORDS && joined.len) {
		put_keys();
		out_ulong(sentno);
		out_tab();
		out_field(joined.p, joined.len);
		out_eol();
	}
}

/* One line of an article's text, keys already in prefix. */
static void
do_line(const char *s, size_t n)
{
	if (tn) {
		tn_apply(tn, s, n, &normed);
		s = normed.p;
		n = normed.len;
	}
	if (mode == M_PARA) {
		folded.len = 0;
		ws_fold(s, n, &folded);
		if (folded.len) {
			put_keys();
			out_field(folded.p, folded.len);
			out_eol();
		}
		return;
	}
	sentno = 0;
	ss_split(ss, s, n, on_sentence, (void *)s);
}

/* An article held in memory (jsonl, wet): split at LF, count lines. */
static void
do_text(const char *s, size_t n)
{
	unsigned long line = 0;

	if (n == 0)
		s = "";		/* an empty text may have no buffer at all */
	while (n > 0 || line == 0) {
		const char *nl = n ? memchr(s, '\n', n) : NULL;
		size_t k = nl ? (size_t)(nl - s) : n;

		cur_line = ++line;
		do_line(s, k > 0 && s[k - 1] == '\r' ? k - 1 : k);
		if (nl == NULL)
			break;
		s += k + 1;
		n -= k + 1;
	}
}

/* Append one key column to prefix; TAB, CR, LF and NUL become spaces so
 * a key can never break the record. */
static void
prefix_add(const char *key, size_t n)
{
	size_t i, at = prefix.len;

	buf_add(&prefix, key, n);
	for (i = at; i < prefix.len; i++)
		if (prefix.p[i] == '\t' || prefix.p[i] == '\r' ||
		    prefix.p[i] == '\n' || prefix.p[i] == '\0')
			prefix.p[i] = ' ';
	buf_addc(&prefix, '\t');
}

/* The doc key of a text file: its path, with :N under --doc-sep/-0. */
static void
text_prefix(const char *name, unsigned long doc)
{
	char key[32];

	prefix.len = 0;
	prefix_add(name, strlen(name));
	if (docsep) {
		prefix.len--;		/* reopen the column for ":N" */
		snprintf(key, sizeof key, ":%lu", doc);
		buf_add(&prefix, key, strlen(key));
		buf_addc(&prefix, '\t');
	}
}

static void
run_text(struct reader *r)
{
	const char *s;
	size_t n;
	unsigned long doc = 1, line = 0;

	text_prefix(r->name, doc);
	while (rd_line(r, &s, &n)) {
		int newdoc = 0;

		if (docsep == '\f' && n == 1 && s[0] == '\f')
			newdoc = 1;
		else {
			cur_line = ++line;
			do_line(s, n);
			newdoc = docsep == -1 && r->term == '\0';
		}
		if (newdoc) {
			line = 0;
			text_prefix(r->name, ++doc);
		}
	}
}

static void
on_tsv_record(void *arg, const struct record *rec)
{
	(void)arg;
	prefix.len = 0;
	record_keys(rec, &prefix);
	if (rec->header) {	/* the input's header, extended */
		out_write(prefix.p, prefix.len);
		mode_header();
		return;
	}
	do_line(rec->s + rec->f->b[rec->text],
	    rec->f->e[rec->text] - rec->f->b[rec->text]);
}

static void
run_jsonl(struct reader *r)
{
	struct jsonl_doc d;
	const char *s;
	size_t n, i;
	char err[300];

	jsonl_doc_init(&d, &jspec);
	while (rd_line(r, &s, &n)) {
		size_t k = 0;

		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k == n)
			continue;	/* blank lines between objects are fine */
		if (jsonl_parse(&jspec, s, n, &d, err, sizeof err) < 0) {
			input_error(r->name, r->lineno, "%s", err);
			continue;
		}
		if (d.repaired && !r->warned) {
			input_warning(r->name, r->lineno, "lone UTF-16 surrogate "
			    "escape replaced with U+FFFD (first in this file)");
			r->warned = 1;
		}
		prefix.len = 0;
		prefix_add(d.id.p, d.id.len);
		prefix_add(d.url.p, d.url.len);
		for (i = 0; i < jspec.nkeep; i++)
			prefix_add(d.keep[i].p, d.keep[i].len);
		do_text(d.text.p, d.text.len);
	}
	jsonl_doc_free(&d, &jspec);
}

static void
run_wet(struct reader *r)
{
	struct buf uri = { 0 }, body = { 0 };
	unsigned long hdr;

	while (warc_next(r, &uri, &body, &hdr)) {
		prefix.len = 0;
		prefix_add(uri.p, uri.len);
		do_text(body.p, body.len);
	}
	buf_free(&uri);
	buf_free(&body);
}

/* text, jsonl and wet: articles, one file after the other */
static void
run_articles(char **files, int flags)
{
	for (; *files; files++) {
		struct reader r;

		if (rd_open(&r, *files, flags) < 0)
			continue;
		if (format == F_TEXT)
			run_text(&r);
		else if (format == F_JSONL)
			run_jsonl(&r);
		else
			run_wet(&r);
		rd_close(&r);
	}
}

int
main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	char **files;
	size_t i;
	int first, flags;

	diag_init(argv[0]);
	first = opts_parse(&tool, argc, argv);
	files = first < argc ? argv + first : stdin_only;
	if (docsep && format != F_TEXT)
		usage_error("--doc-sep and -0 apply to --format text only");
	if (copt.field && format != F_TSV)
		usage_error("-f applies to --format tsv only");
	if ((jspec.text_field || jspec.id_field || jspec.nkeep) &&
	    format != F_JSONL)
		usage_error("--text-field, --id-field and --keep apply to "
		    "--format jsonl only");
	out_init(copt.line_buffered);

	ss = ss_new(semicolon);
	tn = tn_new(tnflags);
	if (mode == M_WORDS || mode == M_TOKENS || nuserdicts) {
		ws = ws_new();
		for (i = 0; i < nuserdicts; i++)
			if (ws_load_user(ws, userdicts[i]) < 0)
				die(EXIT_TROUBLE, "%s: cannot use user dictionary",
				    userdicts[i]);
	}
	if (copt.header)
		print_header();

	flags = (copt.strict ? RD_STRICT : 0) | (docsep == -1 ? RD_NULSEP : 0);
	if (format == F_TSV)
		records_each(files, flags, copt.field, copt.header, on_tsv_record,
		    NULL);
	else
		run_articles(files, flags);
	out_close();

	buf_free(&prefix);
	buf_free(&folded);
	buf_free(&normed);
	buf_free(&joined);
	ss_free(ss);
	ws_free(ws);
	tn_free(tn);
	free(userdicts);
	free(jspec.keep);
	free(keeplist);
	return exit_status;
}
