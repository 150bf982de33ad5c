/* make-tradset.c - which characters OpenCC's Traditional to Simplified
 * conversion changes, as C tables for common/simplify.c
 *
 * Run at build time: every code point of the ranges below is converted
 * on its own through the chain simplify.c converts with (SIMP_CHAIN).
 * A line without any character that comes out different is left as it
 * is at run time, without calling the converter, so the table must hold
 * every such character; it is made from the converter installed, and
 * the Makefile makes it again when the dictionaries change.
 *
 * Some characters the chain changes are Simplified ones: the steps that
 * undo the Taiwan and Hong Kong variant forms take 么 for the Taiwan form
 * of 幺, 抬 for the Hong Kong form of 擡, 著 for the Taiwan form of 着
 * (显著 would become 显着). A character is kept as it is when OpenCC's own
 * Traditional to Simplified (t2s) leaves it alone and the word list
 * (data/words.tsv, Simplified) says it is a Simplified character in its
 * own right: it uses it more than what the chain makes of it, or often
 * (in words of KEEP_USE total frequency or more). 么 is in words of
 * 169,591 (幺 3,359), 抬 9,511 (擡 none), 著 27,143; the variant forms
 * converted are rare there: 衞 none (卫 32,061), 枱 39, 粧 17, 簷 11,
 * 痺 3. Those kept are listed apart ("keep"): they do not make a line
 * converted, and simplify.c puts them back where the chain changed
 * them.
 *
 * Output: the characters that make a line converted as a bitmap of the
 * Basic Multilingual Plane (8 KiB: bit c % 64 of word c / 64, so that a
 * three-byte character is found by its first two bytes and its last
 * one), and above
 * it a two-level one: an index entry for each block of 256 code points
 * (0: none in it) and 32 bytes for each block that holds some; then the
 * characters kept, in order.
 *
 *   make-tradset data/words.tsv > tradset_data.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <opencc.h>

#include "simplify.h"

/* OpenCC's dictionaries hold Han characters; the CJK symbols, kana,
 * compatibility and full-width forms around them are asked too. */
static const uint32_t ranges[][2] = {
	{ 0x2E80, 0x9FFF }, { 0xF900, 0xFAFF }, { 0xFE30, 0xFE4F },
	{ 0xFF00, 0xFFEF }, { 0x20000, 0x3134F },
};

#define NBLOCKS (0x110000 / 256)
#define KEEP_USE 1000
#define NONE UINT32_MAX		/* the output is not one code point */

static unsigned char bits[NBLOCKS][32];
static double use[0x110000];	/* of each character, in the word list */
static uint32_t *cps;
static size_t ncps;

static size_t
put(char *p, uint32_t c)
{
	if (c < 0x10000) {
		p[0] = (char)(0xE0 | c >> 12);
		p[1] = (char)(0x80 | (c >> 6 & 0x3F));
		p[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | c >> 18);
	p[1] = (char)(0x80 | (c >> 12 & 0x3F));
	p[2] = (char)(0x80 | (c >> 6 & 0x3F));
	p[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* The one code point s[0..n) is, or NONE. */
static uint32_t
one(const unsigned char *s, size_t n)
{
	if (n == 1 && s[0] < 0x80)
		return s[0];
	if (n == 2 && s[0] >= 0xC0 && s[0] < 0xE0)
		return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	if (n == 3 && s[0] >= 0xE0 && s[0] < 0xF0)
		return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		    (s[2] & 0x3F);
	if (n == 4 && s[0] >= 0xF0)
		return (uint32_t)(s[0] & 0x07) << 18 |
		    (uint32_t)(s[1] & 0x3F) << 12 | (uint32_t)(s[2] & 0x3F) << 6 |
		    (s[3] & 0x3F);
	return NONE;
}

static void
fail(const char *what, const char *config)
{
	fprintf(stderr, "make-tradset: %s %s: %s\n", what, config,
	    opencc_error());
	exit(1);
}

/* Every code point converted on its own with the configurations given,
 * in turn: out[i] for cps[i]. */
static void
convert_all(const char *const *configs, size_t nconf, uint32_t *out)
{
	char *in = malloc(ncps * 5 + 1), *cur, *next;
	const char *p;
	size_t i, k, n = 0;

	if (in == NULL)
		exit(1);
	for (i = 0; i < ncps; i++) {	/* one a line: no phrase spans two */
		n += put(in + n, cps[i]);
		in[n++] = '\n';
	}
	in[n] = '\0';
	cur = in;
	for (k = 0; k < nconf; k++) {
		opencc_t cc = opencc_open(configs[k]);

		if (cc == (opencc_t)-1)
			fail("cannot open the OpenCC configuration", configs[k]);
		if ((next = opencc_convert_utf8(cc, cur, strlen(cur))) == NULL)
			fail("cannot convert with", configs[k]);
		opencc_close(cc);
		if (cur != in)
			opencc_convert_utf8_free(cur);
		cur = next;
	}
	for (i = 0, p = cur; i < ncps; i++) {
		const char *nl = strchr(p, '\n');

		if (nl == NULL) {
			fprintf(stderr, "make-tradset: OpenCC's output has fewer "
			    "lines than its input\n");
			exit(1);
		}
		out[i] = one((const unsigned char *)p, (size_t)(nl - p));
		p = nl + 1;
	}
	if (cur != in)
		opencc_convert_utf8_free(cur);
	free(in);
}

/* The word list: word TAB frequency [TAB tag], '#' comments; each
 * character's use is the frequency of the words holding it. */
static void
read_words(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096];

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof line, f)) {
		char *tab = strchr(line, '\t');
		const unsigned char *p = (const unsigned char *)line;
		double fr;

		if (line[0] == '#' || tab == NULL)
			continue;
		fr = strtod(tab + 1, NULL);
		while (p < (const unsigned char *)tab) {
			size_t l = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
			uint32_t c = one(p, l);

			if (c != NONE && c < 0x110000)
				use[c] += fr;
			p += l;
		}
	}
	if (ferror(f)) {
		perror(path);
		exit(1);
	}
	fclose(f);
}

static int
block_used(size_t k)
{
	size_t b;

	for (b = 0; b < 32; b++)
		if (bits[k][b])
			return 1;
	return 0;
}

int
main(int argc, char **argv)
{
	static const char *const chain[] = SIMP_CHAIN;
	static const char *const t2s[] = { "t2s.json" };
	uint32_t *a, *t, c;
	size_t r, i, k, n, total = 0, nkeep = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: make-tradset words.tsv\n");
		return 2;
	}
	read_words(argv[1]);
	for (r = 0; r < sizeof ranges / sizeof *ranges; r++)
		ncps += ranges[r][1] - ranges[r][0] + 1;
	cps = malloc(ncps * sizeof *cps);
	a = malloc(ncps * sizeof *a);
	t = malloc(ncps * sizeof *t);
	if (!cps || !a || !t)
		return 1;
	for (r = 0, ncps = 0; r < sizeof ranges / sizeof *ranges; r++)
		for (c = ranges[r][0]; c <= ranges[r][1]; c++)
			cps[ncps++] = c;
	convert_all(chain, sizeof chain / sizeof *chain, a);
	convert_all(t2s, 1, t);

	printf("/* Generated by data/make-tradset.c from the OpenCC installed: "
	    "which\n * characters its conversion");
	for (k = 0; k < sizeof chain / sizeof *chain; k++)
		printf("%s%s", k ? ", then " : " ", chain[k]);
	printf(",\n * changes on their own (see there). */\n");
	printf("#include <stdint.h>\n");
	printf("const uint32_t zh_tradset_keep[] = {\n");
	for (i = 0; i < ncps; i++) {
		c = cps[i];
		if (a[i] == c)
			continue;
		if (t[i] == c && (use[c] >= KEEP_USE ||
		    (a[i] != NONE && use[c] > use[a[i]]))) {
			printf("\t0x%04X,\n", (unsigned)c);
			nkeep++;
			continue;
		}
		bits[c >> 8][(c & 0xFF) >> 3] |= (unsigned char)(1u << (c & 7));
		total++;
	}
	printf("\t0\n};\n");
	printf("const unsigned long zh_tradset_nkeep = %zu;\n", nkeep);
	printf("const unsigned long zh_tradset_count = %zu;\n", total);
	printf("const uint64_t zh_tradset_bmp[1024] = {\n");
	for (k = 0; k < 256; k++) {
		size_t w, b;

		if (!block_used(k))
			continue;
		printf("\t[0x%zX] =", k * 4);
		for (w = 0; w < 4; w++) {
			uint64_t v = 0;

			for (b = 0; b < 8; b++)
				v |= (uint64_t)bits[k][w * 8 + b] << (8 * b);
			printf("%s0x%016llXu", w ? ", " : " ", (unsigned long long)v);
		}
		printf(",\t/* U+%04zX */\n", k << 8);
	}
	printf("};\n");
	printf("const unsigned char zh_tradset_bits[][32] = {\n");
	printf("\t{ 0 },\t/* none: the index's 0 */\n");
	for (k = 256; k < NBLOCKS; k++) {
		size_t b;

		if (!block_used(k))
			continue;
		printf("\t{");
		for (b = 0; b < 32; b++)
			printf("%s%u", b ? "," : "", bits[k][b]);
		printf("},\t/* U+%04zX */\n", k << 8);
	}
	printf("};\n");
	/* block -> index into zh_tradset_bits, 0 for none */
	printf("const unsigned short zh_tradset_index[%d] = {\n", NBLOCKS);
	for (k = 256, n = 0; k < NBLOCKS; k++)
		if (block_used(k))
			printf("\t[0x%zX] = %zu,\n", k, ++n);
	printf("};\n");
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
