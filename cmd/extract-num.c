/* extract-num - numeric expressions in Chinese news, one line each */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "numex.h"
#include "opts.h"
#include "output.h"
#include "records.h"
#include "words.h"

static int show_all, no_subject;
static unsigned kinds_mask;	/* 0 = the default kinds */

static struct buf keys;		/* key columns of the current record */
static const struct record *cur;	/* ... made at its first hit */
static int have_keys;

static const char usage_text[] =
	"extract-num [--all] [--kinds list] [--no-subject] [-f N] [--header]\n"
	"       [file ...]\n";
static const char help_text[] =
	"Find numeric expressions in the text field of TSV records (such as\n"
	"segment's output) and write one line per expression:\n"
	"  keys...  start  end  kind  value  qual  unit  subject  mention\n"
	"\n"
	"kind:  count money percent measure age ordinal date time year phone\n"
	"       range fraction (code and name only with --all)\n"
	"value: a plain decimal number (1.3万 -> 13000); lo..hi for a range;\n"
	"       dates YYYYMMDD with 00 for parts not given, times HHMMSS\n"
	"qual:  = exact, > more than, < less than, ~ about\n"
	"\n"
	"Options:\n"
	"      --all            also codes and identifiers (PM2.5, 5G) and set\n"
	"                       phrases (两学一做), as kinds code and name\n"
	"      --kinds LIST     only these kinds (comma-separated)\n"
	"      --no-subject     leave the subject column empty (faster)\n"
	"  -f, --field N        the text is field N (default: the last)\n"
	"      --header         print a header line naming the columns\n"
	"      --line-buffered  flush every record\n"
	"      --strict         invalid UTF-8 is an error, not repaired\n"
	"      --max-line SIZE  skip (and report) longer lines; default 64M\n"
	"  -h, --help           this help\n"
	"      --version        print the version\n"
	"\n"
	"Exit status: 0 all input processed, 1 some input bad or missing,\n"
	"2 usage error or fatal trouble. See extract-num(1) and zhpipe(7).\n";

enum { O_ALL = 0x2000, O_KINDS, O_NOSUBJ };

static const struct option longopts[] = {
	{ "all", no_argument, NULL, O_ALL },
	{ "kinds", required_argument, NULL, O_KINDS },
	{ "no-subject", no_argument, NULL, O_NOSUBJ },
	{ NULL, 0, NULL, 0 }
};

static int
handle(int opt, const char *arg)
{
	switch (opt) {
	case O_ALL:
		show_all = 1;
		break;
	case O_NOSUBJ:
		no_subject = 1;
		break;
	case O_KINDS: {
		char *list = xstrdup(arg), *tok, *save = NULL;

		for (tok = strtok_r(list, ",", &save); tok;
		    tok = strtok_r(NULL, ",", &save)) {
			int k;

			for (k = 0; k < NK_NKINDS; k++)
				if (strcmp(tok, nkind_name[k]) == 0)
					break;
			if (k == NK_NKINDS) {
				char bad[64];

				snprintf(bad, sizeof bad, "%s", tok);
				free(list);
				usage_error("unknown kind '%s' in --kinds (one of count "
				    "money percent measure age ordinal date time year "
				    "phone range fraction code name)", bad);
			}
			kinds_mask |= 1u << k;
		}
		free(list);
		if (kinds_mask == 0)
			usage_error("--kinds needs at least one kind");
		break;
	}
	default:
		return -1;
	}
	return 0;
}

static const struct tool tool = {
	usage_text, help_text, "", longopts, handle
};

static void
on_hit(void *arg, const struct nx_hit *h)
{
	const char *text = arg;

	if (kinds_mask ? !(kinds_mask & (1u << h->kind)) :
	    (!show_all && (h->kind == NK_CODE || h->kind == NK_NAME)))
		return;
	if (!have_keys) {
		keys.len = 0;
		record_keys(cur, &keys);
		have_keys = 1;
	}
	out_write(keys.p, keys.len);
	out_ulong(h->b);
	out_tab();
	out_ulong(h->e);
	out_tab();
	out_str(nkind_name[h->kind]);
	out_tab();
	out_str(h->value);
	out_tab();
	out_write(&h->qual, 1);
	out_tab();
	out_str(h->unit);
	out_tab();
	if (h->sbe > h->sbb)
		out_field(text + h->sbb, h->sbe - h->sbb);
	out_tab();
	out_field(text + h->bb, h->be - h->bb);
	out_eol();
}

static void
on_record(void *arg, const struct record *rec)
{
	struct numex *nx = arg;
	const char *text = rec->s + rec->f->b[rec->text];

	cur = rec;
	have_keys = 0;
	if (rec->header) {	/* the input's header names the keys */
		keys.len = 0;
		record_keys(rec, &keys);
		out_write(keys.p, keys.len);
		out_str("start\tend\tkind\tvalue\tqual\tunit\tsubject\tmention");
		out_eol();
		return;
	}
	nx_scan(nx, text, rec->f->e[rec->text] - rec->f->b[rec->text], on_hit,
	    (void *)text);
}

int
main(int argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };
	struct wordseg *ws;
	struct numex *nx;
	int first;

	diag_init(argv[0]);
	first = opts_parse(&tool, argc, argv);
	out_init(copt.line_buffered);
	ws = ws_new();
	nx = nx_new(ws, !no_subject);
	records_each(first < argc ? argv + first : stdin_only,
	    (copt.strict ? RD_STRICT : 0) | REC_KEYS_AS_ONE, copt.field,
	    copt.header, on_record, nx);
	out_close();
	nx_free(nx);
	ws_free(ws);
	buf_free(&keys);
	return exit_status;
}
