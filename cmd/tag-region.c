/* tag-region - Chinese administrative divisions in text, resolved to codes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "gazetteer.h"
#include "opts.h"
#include "output.h"
#include "placetag.h"
#include "records.h"
#include "rows.h"
#include "words.h"

enum mode { MODE_MENTIONS, MODE_ANNOTATE, MODE_DOC };

static enum mode mode = MODE_MENTIONS;
static const char *gazfile;

static const char usage_text[] =
	"tag-region [-a | --doc] [--gazetteer file] [options] [file ...]\n";
static const char help_text[] =
	"Find Chinese administrative divisions in the text field of TSV records\n"
	"and resolve each to its GB/T 2260 code, using the other records of the\n"
	"same article (same first field) as context.\n"
	"\n"
	"Output columns:\n"
	"  default  keys...  start  end  code  level  path  role  mention\n"
	"  -a       keys...  regions  text      (regions: code:name,...)\n"
	"  --doc    doc  code  level  path  mentions   (one line an article)\n"
	"level: province city county town; role: place, org (inside the name\n"
	"of an organisation), former (an earlier name), ambiguous:N (N\n"
	"candidates, no code).\n"
	"\n"
	"Options:\n"
	"  -a, --annotate       insert a regions column before the text\n"
	"      --doc            the main region of each article\n"
	"      --gazetteer FILE use this TSV (code level name parent) instead\n"
	"                       of the built-in NBS 2023 list\n"
	"  -f, --field N        the text is field N (default: the last)\n"
	"      --header         print a header line naming the columns\n"
	"      --line-buffered  flush every record\n"
	"      --strict         invalid UTF-8 is an error, not repaired\n"
	"      --max-line SIZE  skip (and report) longer lines; default 64M\n"
	"  -h, --help           this help\n"
	"      --version        print the version\n"
	"\n"
	"Exit status: 0 all input processed, 1 some input bad or missing,\n"
	"2 usage error or fatal trouble. See tag-region(1) and zhpipe(7).\n";

enum { O_DOC = 0x2000, O_GAZ };

static const struct option longopts[] = {
	{ "annotate", no_argument, NULL, 'a' },
	{ "doc", no_argument, NULL, O_DOC },
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
	case O_GAZ:
		gazfile = arg;
		break;
	default:
		return -1;
	}
	return 0;
}

static const struct tool tool = {
	usage_text, help_text, "a", longopts, handle
};

/* The records of the current article, kept until it ends. */
struct article {
	struct buf doc;		/* its key: the first field */
	struct buf data;	/* keys then text of each record */
	size_t *keyoff, *textoff, *textlen;
	size_t n, cap;
	int open;
};

static struct article art;
static struct gazetteer *gz;
static struct placetag *pt;
static struct buf tmp;

static void
put_path(int32_t r)
{
	tmp.len = 0;
	gz_path(gz, r, &tmp);
	out_write(tmp.p, tmp.len);
}

static void
flush_article(void)
{
	size_t i, k = 0;

	if (!art.open)
		return;
	pt_resolve(pt);
	if (mode == MODE_DOC) {
		size_t agree;
		int32_t r = pt_main(pt, &agree);

		out_field(art.doc.p, art.doc.len);
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
	} else for (i = 0; i < art.n; i++) {
		const char *keys = art.data.p + art.keyoff[i];
		size_t keylen = art.textoff[i] - art.keyoff[i];
		const char *text = art.data.p + art.textoff[i];
		int first = 1;

		if (mode == MODE_ANNOTATE) {
			out_write(keys, keylen);
			for (; k < pt->n && pt->m[k].rec == i; k++) {
				const struct mention *mt = &pt->m[k];

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
			out_tab();
			out_field(text, art.textlen[i]);
			out_eol();
			continue;
		}
		for (; k < pt->n && pt->m[k].rec == i; k++) {
			const struct mention *mt = &pt->m[k];

			if (mt->drop)
				continue;
			out_write(keys, keylen);
			out_ulong(mt->b);
			out_tab();
			out_ulong(mt->e);
			out_tab();
			if (mt->region >= 0) {
				out_str(gz->r[mt->region].code);
				out_tab();
				out_str(level_name[gz->r[mt->region].level]);
				out_tab();
				put_path(mt->region);
				out_tab();
				out_str(mt->org ? "org" : mt->form == F_FORMER ?
				    "former" : "place");
			} else {
				out_tab();
				out_str(level_name[mt->level]);
				out_tab();
				out_tab();
				out_str("ambiguous:");
				out_ulong((unsigned long)mt->ncand);
			}
			out_tab();
			out_field(text + mt->bb, mt->be - mt->bb);
			out_eol();
		}
	}
	pt_reset(pt);
	art.data.len = 0;
	art.n = 0;
	art.open = 0;
}

static void
print_header(const struct record *rec)
{
	tmp.len = 0;
	record_keys(rec, &tmp);
	if (mode == MODE_DOC)
		out_str("doc\tcode\tlevel\tpath\tmentions");
	else {
		out_write(tmp.p, tmp.len);
		out_str(mode == MODE_ANNOTATE ? "regions\t" : "start\tend\tcode\t"
		    "level\tpath\trole\tmention");
		if (mode == MODE_ANNOTATE)
			out_write(rec->s + rec->f->b[rec->text],
			    rec->f->e[rec->text] - rec->f->b[rec->text]);
	}
	out_eol();
}

static void
on_record(void *arg, const struct record *rec)
{
	const char *text = rec->s + rec->f->b[rec->text];
	size_t tlen = rec->f->e[rec->text] - rec->f->b[rec->text];
	/* the article: records with the same first field; a record with
	 * no key field is an article of its own */
	const char *doc = rec->s;
	size_t doclen = rec->f->n > 1 ? rec->f->e[0] : 0;

	(void)arg;
	if (rec->header) {
		print_header(rec);
		return;
	}
	if (art.open && (rec->f->n < 2 || doclen != art.doc.len ||
	    memcmp(doc, art.doc.p, doclen) != 0))
		flush_article();
	if (!art.open) {
		art.doc.len = 0;
		buf_add(&art.doc, doc, doclen);
		art.open = 1;
	}
	if (art.n == art.cap) {
		art.cap = art.cap ? art.cap * 2 : 64;
		art.keyoff = xrealloc(art.keyoff, art.cap * sizeof *art.keyoff);
		art.textoff = xrealloc(art.textoff, art.cap * sizeof *art.textoff);
		art.textlen = xrealloc(art.textlen, art.cap * sizeof *art.textlen);
	}
	art.keyoff[art.n] = art.data.len;
	record_keys(rec, &art.data);
	art.textoff[art.n] = art.data.len;
	art.textlen[art.n] = tlen;
	buf_add(&art.data, text, tlen);
	pt_scan(pt, art.n, text, tlen);
	art.n++;
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
	if (copt.header && mode == MODE_DOC) {
		out_str("doc\tcode\tlevel\tpath\tmentions");
		out_eol();
	}
	records_each(first < argc ? argv + first : stdin_only,
	    copt.strict ? RD_STRICT : 0, copt.field,
	    copt.header && mode != MODE_DOC, on_record, NULL);
	flush_article();
	out_close();
	pt_free(pt);
	gz_free(gz);
	ws_free(ws);
	buf_free(&art.doc);
	buf_free(&art.data);
	buf_free(&tmp);
	free(art.keyoff);
	free(art.textoff);
	free(art.textlen);
	return exit_status;
}
