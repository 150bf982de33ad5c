/* tag-region - Chinese administrative divisions in text, resolved to codes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "diag.h"
#include "gazetteer.h"
#include "opts.h"
#include "output.h"
#include "placetag.h"
#include "records.h"
#include "rows.h"
#include "utf8.h"
#include "words.h"

enum mode { MODE_MENTIONS, MODE_ANNOTATE, MODE_DOC };

static enum mode mode = MODE_MENTIONS;
static const char *gazfile;
static long key_fields = 1;

static const char usage_text[] =
	"tag-region [-a | --doc] [-k N] [--gazetteer file] [options] [file ...]\n";
static const char help_text[] =
	"Find Chinese administrative divisions in the text field of TSV records\n"
	"and resolve each to its GB/T 2260 code, using the other records of the\n"
	"same article as context (consecutive records sharing their first -k\n"
	"key fields).\n"
	"\n"
	"Output columns:\n"
	"  default  keys...  start  end  code  level  path  role  mention\n"
	"  -a       keys...  regions  text      (regions: code:name,...)\n"
	"  --doc    doc...  code  level  path  mentions   (one line an article;\n"
	"           doc...: its -k key fields)\n"
	"level: province city county town; role: place, org (opens or is\n"
	"inside the name of an organisation), former (an earlier name: today's\n"
	"code, the path of what it was), ambiguous:N (N candidates, no code).\n"
	"\n"
	"Options:\n"
	"  -a, --annotate       insert a regions column before the text\n"
	"      --doc            the main region of each article\n"
	"  -k, --key N          an article is the records sharing their first N\n"
	"                       key fields (default 1)\n"
	"      --max-article SIZE\n"
	"                       an article over SIZE bytes is resolved in parts,\n"
	"                       with a warning; default 64M\n"
	"      --gazetteer FILE use this TSV (code level name parent) instead\n"
	"                       of the built-in NBS 2023 list\n"
	"  -f, --field N        the text is field N (default: the last)\n"
	"      --header         the first line is a header: print it with the\n"
	"                       new columns\n"
	"      --line-buffered  flush every record\n"
	"      --strict         invalid UTF-8 is an error, not repaired\n"
	"      --max-line SIZE  skip (and report) longer lines; default 64M\n"
	"  -h, --help           this help\n"
	"      --version        print the version\n"
	"\n"
	"Exit status: 0 all input processed, 1 some input bad or missing,\n"
	"2 usage error or fatal trouble. See tag-region(1) and zhpipe(7).\n";

enum { O_DOC = 0x2000, O_GAZ, O_MAXART };

static const struct option longopts[] = {
	{ "annotate", no_argument, NULL, 'a' },
	{ "doc", no_argument, NULL, O_DOC },
	{ "key", required_argument, NULL, 'k' },
	{ "max-article", required_argument, NULL, O_MAXART },
	{ "gazetteer", required_argument, NULL, O_GAZ },
	{ NULL, 0, NULL, 0 }
};

static int
handle(int opt, const char *arg)
{
	switch (opt) {
	case 'a':
		if (mode == MODE_DOC)
			usage_error("-a and --doc exclude each other");
		mode = MODE_ANNOTATE;
		break;
	case O_DOC:
		if (mode == MODE_ANNOTATE)
			usage_error("-a and --doc exclude each other");
		mode = MODE_DOC;
		break;
	case 'k':
		return (key_fields = opts_count("--key", arg, 10000)) < 0 ? -1 : 0;
	case O_MAXART:
		return opts_size("--max-article", arg, &art_max_bytes);
	case O_GAZ:
		gazfile = arg;
		break;
	default:
		return -1;
	}
	return 0;
}

static const struct tool tool = {
	usage_text, help_text, "ak:", longopts, handle
};

static struct gazetteer *gz;
static struct placetag *pt;
static struct buf tmp, keys;

static void
put_path(int32_t r)
{
	tmp.len = 0;
	gz_path(gz, r, &tmp);
	out_write(tmp.p, tmp.len);
}

/* TAB-joined fields, each written as a field of its own. */
static void
put_fields(const char *s, size_t n)
{
	const char *tab;

	if (n == 0)
		return;		/* no key: one empty field */
	while ((tab = memchr(s, '\t', n)) != NULL) {
		out_field(s, (size_t)(tab - s));
		out_tab();
		n -= (size_t)(tab - s) + 1;
		s = tab + 1;
	}
	out_field(s, n);
}

static void
print_doc(const struct article *a)
{
	size_t agree;
	int32_t r = pt_main(pt, &agree);

	put_fields(a->key.p, a->key.len);
	out_tab();
	if (r >= 0) {
		out_str(gz->r[r].code);
		out_tab();
		out_str(level_name[gz->r[r].level]);
		out_tab();
		put_path(r);
	} else
		out_str("\t\t");
	out_tab();
	out_ulong(agree);
	out_eol();
}

/* Code-point offsets of the mentions of one record, in order. */
struct cursor {
	const char *text;
	size_t byte, cp;
};

static void
put_offsets(struct cursor *c, const struct mention *mt)
{
	size_t b = c->cp + utf8_count(c->text + c->byte, mt->bb - c->byte);

	c->cp = b + utf8_count(c->text + mt->bb, mt->be - mt->bb);
	c->byte = mt->be;
	out_ulong(b);
	out_tab();
	out_ulong(c->cp);
	out_tab();
}

static void
print_mention(const struct buf *keys, struct cursor *c, const struct mention *mt)
{
	out_write(keys->p, keys->len);
	put_offsets(c, mt);
	if (mt->region >= 0) {
		const struct gz_name *x = pt_entry(pt, mt);

		out_str(gz->r[mt->region].code);
		out_tab();
		out_str(level_name[gz->r[mt->region].level]);
		out_tab();
		if (x->form == F_FORMER && x->former) {
			/* what it was: 江苏省/无锡市/锡山市 */
			tmp.len = 0;
			gz_former_path(gz, x->former, &tmp);
			out_write(tmp.p, tmp.len);
		} else
			put_path(mt->region);
		out_tab();
		out_str(mt->org ? "org" : x->form == F_FORMER ? "former" :
		    "place");
	} else {
		out_tab();
		out_str(level_name[pt_level(pt, mt)]);
		out_tab();
		out_tab();
		out_str("ambiguous:");
		out_ulong((unsigned long)mt->ncand);
	}
	out_tab();
	out_field(c->text + mt->bb, mt->be - mt->bb);
	out_eol();
}

static void
print_regions(const char *text, const struct mention *mt, size_t n)
{
	size_t k;
	int first = 1;

	for (k = 0; k < n; k++, mt++) {
		if (mt->drop)
			continue;
		if (!first)
			out_write(",", 1);
		first = 0;
		if (mt->region >= 0) {
			out_str(gz->r[mt->region].code);
			out_write(":", 1);
			out_str(gz->r[mt->region].name);
		} else {
			out_write("?:", 2);
			out_field(text + mt->bb, mt->be - mt->bb);
		}
	}
}

static void
on_article(void *arg, const struct article *a)
{
	size_t i, k = 0, from, tlen;

	(void)arg;
	pt_article(pt, a);
	if (mode == MODE_DOC) {
		print_doc(a);
		return;
	}
	for (i = 0; i < a->n; i++) {
		struct cursor c = { art_text(a, i, &tlen), 0, 0 };

		/* the keys of a record, when something is printed for it */
		if (mode == MODE_ANNOTATE || (k < pt->n && pt->m[k].rec == i)) {
			keys.len = 0;
			art_keys(a, i, &keys);
		}
		for (from = k; k < pt->n && pt->m[k].rec == i; k++)
			if (mode == MODE_MENTIONS && !pt->m[k].drop)
				print_mention(&keys, &c, &pt->m[k]);
		if (mode == MODE_ANNOTATE) {
			out_write(keys.p, keys.len);
			print_regions(c.text, pt->m + from, k - from);
			out_tab();
			/* a field of a record holds no TAB, CR, LF or NUL
			 * (records.h, input.h): nothing to escape */
			out_write(c.text, tlen);
			out_eol();
		}
	}
}

static void
on_header(void *arg, const struct record *rec)
{
	(void)arg;
	tmp.len = 0;
	record_keys(rec, &tmp);
	if (mode == MODE_DOC) {
		/* the names of the article's key fields */
		size_t i, n = 0;

		for (i = 0; i < tmp.len && n < (size_t)key_fields; i++)
			if (tmp.p[i] == '\t')
				n++;
		if (n == 0)
			out_str("doc\t");
		else
			out_write(tmp.p, i);
		out_str("code\tlevel\tpath\tmentions");
	} else if (mode == MODE_ANNOTATE) {
		out_write(tmp.p, tmp.len);
		out_str("regions\t");
		out_write(rec->s + rec->f->b[rec->text],
		    rec->f->e[rec->text] - rec->f->b[rec->text]);
	} else {
		out_write(tmp.p, tmp.len);
		out_str("start\tend\tcode\tlevel\tpath\trole\tmention");
	}
	out_eol();
}

/* The built-in gazetteer, or --gazetteer's: a bad one is fatal. */
static struct gazetteer *
load_gazetteer(struct wordseg *ws)
{
	struct gazetteer *g;
	struct rows r;

	if (gazfile == NULL) {
		if ((g = gz_load(NULL, ws)) == NULL)
			die(EXIT_TROUBLE, "the built-in gazetteer is broken");
		return g;
	}
	if (rows_path(&r, gazfile, 0) < 0)
		die(EXIT_TROUBLE, "%s: cannot read the gazetteer", gazfile);
	g = gz_read(&r, ws);
	rows_close(&r);
	if (g == NULL)
		die(EXIT_TROUBLE, "%s: cannot use this gazetteer", gazfile);
	return g;
}

int
main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct wordseg *ws;
	int first;

	diag_init(argv[0]);
	first = opts_parse(&tool, argc, argv);
	out_init(copt.line_buffered);
	ws = ws_new();
	gz = load_gazetteer(ws);
	pt = pt_new(gz, ws);
	articles_each(first < argc ? argv + first : stdin_only,
	    copt.strict ? RD_STRICT : 0, copt.field, copt.header,
	    (unsigned)key_fields, on_header, on_article, NULL);
	out_close();
	pt_free(pt);
	gz_free(gz);
	ws_free(ws);
	buf_free(&tmp);
	buf_free(&keys);
	return exit_status;
}
