// peers.js numbers - Microsoft Recognizers-Text (npm
// @microsoft/recognizers-text-suite) over zhpipe records, written in
// extract-num's format: keys, start, end, kind, value, qual, unit,
// subject, mention. Records are TSV on standard input, text last.
// The Chinese number, ordinal and percentage models run on each record;
// where two results overlap the longer is kept. kind: count, ordinal or
// percent (unit %); qual is always =; no subject. Recognizers-Text's
// end is inclusive and counts UTF-16 units: the adapter converts both to
// zhpipe's code points, [start, end).
// usage: node peers.js numbers NODE_PREFIX < records
const prefix = process.argv[3] || '.';
const R = require(prefix + '/node_modules/@microsoft/recognizers-text-suite');
const C = R.Culture.Chinese;
function find(text) {
	const found = [];
	for (const [fn, kind] of [[R.recognizeNumber, 'count'],
	    [R.recognizeOrdinal, 'ordinal'], [R.recognizePercentage, 'percent']])
		for (const r of fn(text, C))
			found.push({ s: r.start, e: r.end + 1, kind, r });
	found.sort((a, b) => a.s - b.s || (b.e - b.s) - (a.e - a.s));
	const kept = [];
	for (const f of found)
		if (!kept.length || f.s >= kept[kept.length - 1].e) kept.push(f);
	return kept;
}
function cp(text, u) {	// UTF-16 offset to code points
	let n = 0;
	for (let i = 0; i < u; i++) {
		const c = text.charCodeAt(i);
		if (c < 0xdc00 || c > 0xdfff) n++;
	}
	return n;
}
function value(kind, v) {
	v = String(v);
	if (kind === 'percent') v = v.replace(/%$/, '');
	return v;
}
find('甘肃省今年投资约2.15亿元,新建农田十二万亩,增长百分之五。');	// load first
const out = [];
const rl = require('readline').createInterface({ input: process.stdin });
rl.on('line', (line) => {
	const i = line.lastIndexOf('\t');
	const keys = line.slice(0, i + 1), text = line.slice(i + 1);
	for (const f of find(text)) {
		const v = f.r.resolution && f.r.resolution.value;
		out.push(keys + cp(text, f.s) + '\t' + cp(text, f.e) + '\t' + f.kind + '\t' +
		    value(f.kind, v) + '\t=\t' + (f.kind === 'percent' ? '%' : '') + '\t\t' +
		    text.slice(f.s, f.e).replace(/[\t\r\n]/g, ' '));
	}
	if (out.length > 4096) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
});
rl.on('close', () => { if (out.length) process.stdout.write(out.join('\n') + '\n'); });
