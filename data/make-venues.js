// make-venues.js - write data/venues.tsv, the words that end the names
// of venues rather than of bodies, from a news corpus. Usage:
//   node data/make-venues.js data/words.tsv data/orgheads.tsv CORPUS.jsonl.gz ...
//
// A division before 人民大会堂 or 音乐厅 names where something happens,
// not who does it: 北京音乐厅 is a hall, 北京大学 a body. The word list
// cannot tell them apart (it tags 音乐厅 and 人民大会堂 as organisations,
// nt), but the way news writes about them can: events are held in a
// venue (在人民大会堂举行, 在北京音乐厅上演), while a body does things.
// For each word that the word list gives as an organisation's name (nt)
// or that ends with a head of two characters or more (data/orgheads.tsv),
// and is no head itself (剧院 ends the names of troupes, 上海京剧院, as
// the list shows, however often theatres are written of), the corpus gives
//   held  the share of its uses right before 举行 举办 召开 开幕 闭幕 上演,
//   at    the share of its uses after 在 with at most 6 characters between,
//         none of them punctuation;
// a word used MIN_USES times or more with held >= MIN_HELD and
// at >= MIN_AT is a venue. The corpus is the text field of JSON lines
// (gzip), as the dumps of news pages hold it.
'use strict';
const fs = require('fs');
const zlib = require('zlib');

const MIN_USES = 20;
const MIN_HELD = 0.10;
const MIN_AT = 0.12;

const [wordsFile, headsFile, ...corpus] = process.argv.slice(2);
if (!wordsFile || !headsFile || corpus.length === 0) {
	process.stderr.write('usage: make-venues.js WORDS.TSV ORGHEADS.TSV CORPUS.jsonl.gz ...\n');
	process.exit(2);
}
const tags = new Map();
for (const l of fs.readFileSync(wordsFile, 'utf8').split('\n')) {
	if (!l || l[0] === '#')
		continue;
	const f = l.split('\t');
	tags.set(f[0], f[2] || '');
}
const heads = [];
for (const l of fs.readFileSync(headsFile, 'utf8').split('\n'))
	if (l && l[0] !== '#')
		heads.push(l.split('\t')[0]);
const headSet = new Set(heads);
function candidate(w) {
	if ([...w].length < 2 || headSet.has(w))
		return false;
	if (tags.get(w) === 'nt')
		return true;
	const cs = [...w];
	for (let k = 1; k < cs.length - 1; k++)
		if (headSet.has(cs.slice(k).join('')))
			return true;
	return false;
}
const texts = [];
for (const f of corpus) {
	const data = zlib.gunzipSync(fs.readFileSync(f)).toString('utf8');
	for (const l of data.split('\n')) {
		if (!l)
			continue;
		let o;
		try {
			o = JSON.parse(l);
		} catch (e) {
			process.stderr.write(`make-venues.js: ${f}: a line is not JSON\n`);
			process.exit(1);
		}
		if (typeof o.text === 'string')
			texts.push(o.text);
	}
}
const text = texts.join('\n\f\n');
// words right before an event verb: every ending of the 8 characters
// before it that is a candidate
const held = new Map();
const verb = /举行|举办|召开|开幕|闭幕|上演/g;
let m;
while ((m = verb.exec(text)) !== null) {
	const pre = [...text.slice(Math.max(0, m.index - 8), m.index)];
	for (let k = 2; k <= pre.length; k++) {
		const w = pre.slice(pre.length - k).join('');
		if (tags.has(w) && candidate(w))
			held.set(w, (held.get(w) || 0) + 1);
	}
}
function count(w) {
	let n = 0, i = -1;
	while ((i = text.indexOf(w, i + 1)) !== -1)
		n++;
	return n;
}
const punct = '，。、；：！？“”《》（）\\s';
const rows = [];
for (const [w, h] of held) {
	if (h < 3)
		continue;
	const n = count(w);
	if (n < MIN_USES || h / n < MIN_HELD)
		continue;
	const re = new RegExp('在[^' + punct + ']{0,6}' + w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
	const at = (text.match(re) || []).length;
	if (at / n >= MIN_AT)
		rows.push([w, n, h, at]);
}
rows.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
process.stdout.write(
	'# zhpipe venues: word<TAB>uses<TAB>uses before an event verb<TAB>uses after 在.\n' +
	'# Words that end the names of places where things are held, not of bodies,\n' +
	'# from ' + texts.length + ' pages of news by data/make-venues.js. Candidates: the\n' +
	'# word list\'s nt words and the words ending with a head of two characters or\n' +
	'# more of data/orgheads.tsv, no head themselves; kept when used ' + MIN_USES + ' times\n' +
	'# or more, ' + MIN_HELD * 100 + '% of them before 举行 举办 召开 开幕 闭幕 上演 and ' +
	MIN_AT * 100 + '% after 在.\n' +
	'# Regenerate with: make venues CORPUS=DIR\n');
for (const r of rows)
	process.stdout.write(r.join('\t') + '\n');
