/* segment - articles in, sentence (paragraph, word, token) records out */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "input.h"
#include "opts.h"
#include "output.h"
#include "sources.h"
#include "splitter.h"
#include "words.h"

static struct src_spec spec;
static enum sp_mode mode = SP_SENTENCES;
static int semicolon, tnflags;
static char **userdicts;
static size_t nuserdicts;
static char *keeplist;

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
	"      --simplified     rewrite Traditional Chinese as Simplified (words\n"
	"                       are found on the Simplified reading anyway)\n"
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
	enum sp_mode m = opt == 'p' ? SP_PARAGRAPHS : opt == 'w' ? SP_WORDS :
	    SP_TOKENS;

	if (given && given != opt)
		usage_error("-%c given after -%c: choose one of -p, -w and -t",
		    opt, given);
	given = opt;
	mode = m;
}

static int
handle(int opt, const char *arg)
{
	struct jsonl_spec *js = &spec.jsonl;

	switch (opt) {
	case O_FORMAT:
		if (strcmp(arg, "text") == 0)
			spec.format = SRC_TEXT;
		else if (strcmp(arg, "tsv") == 0)
			spec.format = SRC_TSV;
		else if (strcmp(arg, "jsonl") == 0)
			spec.format = SRC_JSONL;
		else if (strcmp(arg, "wet") == 0)
			spec.format = SRC_WET;
		else
			usage_error("unknown format '%s' (text, tsv, jsonl, wet)",
			    arg);
		break;
	case O_DOCSEP:
		spec.docsep = '\f';
		break;
	case '0':
		spec.docsep = -1;
		break;
	case O_TEXTF:
		js->text_field = arg;
		break;
	case O_IDF:
		js->id_field = arg;
		break;
	case O_KEEP: {
		char *tok, *save = NULL;

		free(keeplist);
		free(js->keep);
		js->keep = NULL;
		js->nkeep = 0;
		keeplist = xstrdup(arg);
		for (tok = strtok_r(keeplist, ",", &save); tok;
		    tok = strtok_r(NULL, ",", &save)) {
			js->keep = xrealloc(js->keep,
			    (js->nkeep + 1) * sizeof *js->keep);
			js->keep[js->nkeep++] = tok;
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
		tnflags |= SP_NFKC;
		break;
	case O_SIMP:
		tnflags |= SP_SIMPLIFIED;
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
mode_header(int line)
{
	if (line)
		out_str("line\t");
	if (mode != SP_PARAGRAPHS)
		out_str("sent\t");
	out_str(mode == SP_TOKENS ? "tok\ttype\ttoken" : "text");
	out_eol();
}

static void
print_header(void)
{
	size_t i;

	switch (spec.format) {
	case SRC_TEXT:
	case SRC_WET:
		out_str("doc\t");
		break;
	case SRC_JSONL:
		out_str("doc\turl\t");
		for (i = 0; i < spec.jsonl.nkeep; i++) {
			out_field(spec.jsonl.keep[i], strlen(spec.jsonl.keep[i]));
			out_tab();
		}
		break;
	case SRC_TSV:
		return;		/* taken from the input's own header */
	}
	mode_header(1);
}

/* Printing: the keys and line number of the line at hand, then what
 * the splitter hands on. */
static const struct src_line *cur;

static void
put_keys(unsigned long sent)
{
	out_write(cur->keys, cur->nkeys);
	if (cur->line) {
		out_ulong(cur->line);
		out_tab();
	}
	if (mode != SP_PARAGRAPHS) {
		out_ulong(sent);
		out_tab();
	}
}

static void
put_text(void *arg, unsigned long sent, const char *s, size_t n)
{
	(void)arg;
	put_keys(sent);
	out_field(s, n);
	out_eol();
}

/* -w: a sentence's words on one record, separated by spaces, handed
 * on some at a time */
static void
put_words(void *arg, unsigned long sent, int first, const char *s, size_t n)
{
	(void)arg;
	if (first)
		put_keys(sent);
	else
		out_write(" ", 1);
	out_field(s, n);
}

static void
put_words_end(void *arg, unsigned long sent)
{
	(void)arg;
	(void)sent;
	out_eol();
}

/* -t: one record a token */
static void
put_token(void *arg, unsigned long sent, unsigned long tok, enum toktype t,
    const char *s, size_t n)
{
	(void)arg;
	put_keys(sent);
	out_ulong(tok);
	out_tab();
	out_str(toktype_name[t]);
	out_tab();
	out_field(s, n);
	out_eol();
}

static void
on_line(void *arg, const struct src_line *l)
{
	static const struct sp_sink text_sink = { put_text, NULL, NULL, NULL },
	    word_sink = { NULL, NULL, put_words_end, put_words },
	    token_sink = { NULL, put_token, NULL, NULL };
	struct splitter *sp = arg;

	if (l->header) {	/* the input's header, extended */
		out_write(l->keys, l->nkeys);
		mode_header(0);
		return;
	}
	cur = l;
	sp_line(sp, l->s, l->n, mode == SP_WORDS ? &word_sink :
	    mode == SP_TOKENS ? &token_sink : &text_sink, NULL);
}

int
main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct splitter *sp;
	char **files;
	size_t i;
	int first;

	diag_init(argv[0]);
	first = opts_parse(&tool, argc, argv);
	files = first < argc ? argv + first : stdin_only;
	if (spec.docsep && spec.format != SRC_TEXT)
		usage_error("--doc-sep and -0 apply to --format text only");
	if (copt.field && spec.format != SRC_TSV)
		usage_error("-f applies to --format tsv only");
	if ((spec.jsonl.text_field || spec.jsonl.id_field || spec.jsonl.nkeep) &&
	    spec.format != SRC_JSONL)
		usage_error("--text-field, --id-field and --keep apply to "
		    "--format jsonl only");
	out_init(copt.line_buffered);

	sp = sp_new(mode, semicolon, tnflags);
	for (i = 0; i < nuserdicts; i++)
		if (ws_load_user(sp_words(sp), userdicts[i]) < 0) {
			sp_free(sp);
			die(EXIT_TROUBLE, "%s: cannot use user dictionary",
			    userdicts[i]);
		}
	if (copt.header)
		print_header();
	spec.field = copt.field;
	spec.header = copt.header;
	spec.rdflags = copt.strict ? RD_STRICT : 0;
	src_each(files, &spec, on_line, sp);
	out_close();

	sp_free(sp);
	free(userdicts);
	free(spec.jsonl.keep);
	free(keeplist);
	return exit_status;
}
