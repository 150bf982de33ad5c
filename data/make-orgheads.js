// make-orgheads.js - write data/orgheads.tsv, the words that end the
// names of organisations, from the word list. Usage:
//   node data/make-orgheads.js data/words.tsv > data/orgheads.tsv
//
// The word list tags 4,713 names of organisations `nt` (上海人民出版社,
// 北京大学, 甘肃省委). The head of such a name is its last word: the
// longest proper ending of it that is itself a word of the list
// (出版社 of 上海人民出版社 is shadowed by 人民出版社, which is a word
// too; both end the same names). A head is kept when it ends at least
// MIN_NAMES organisation names and when at least MIN_SHARE of the words
// it ends are organisation names: 大学 ends 214 names of organisations
// and 35 other words, 网 ends 24 and 771 (互联网), 区 19 and 882.
//
// What the word list's tags get wrong is corrected by short lists below,
// each entry a kind of word and not a name: heads the tags miss (a suffix
// of institutions that the list tags as a verb or a place), endings that
// are kinds of activity or subject, not of body (文学 in 比较文学, 汽车 in
// 上海汽车), and the single characters that may be heads: a head ends a
// word that holds it (烟厂 in 卷烟厂, 公司 in 集团公司), and most single
// characters end many words that are no bodies (部 in 南部, 会 in 社会).
// Each line of the output is a head, the number of organisation names it
// ends and the number of other words.
'use strict';
const fs = require('fs');

const MIN_NAMES = 3;
const MIN_SHARE = 0.25;

// Heads of bodies that the word list tags otherwise (促进会 v, 分行 v,
// 宣传部 nr, 海关 ns) or that end too few of its nt entries to count;
// single characters are institutions when they end a noun (卷烟厂,
// 派出所, 联谊会).
const EXTRA = [
	'促进会', '分行', '宣传部', '海关', '组织部', '统战部', '妇联', '派出所',
	'分局', '支行', '研究会', '联谊会', '联合会', '军区', '军分区', '男排',
	'女排', '男篮', '女篮', '男足', '女足', '代表团', '艺术团', '话剧团',
	'杂技团', '歌舞团', '交响乐团', '办事处', '管委会', '居委会', '村委会',
	'党委', '党支部', '总支', '支部', '工作站', '监狱', '看守所', '检察院',
	'公安厅', '人大', '日报', '晚报', '电台', '频道', '航站', '事务所',
	'领导小组', '科协', '社科联', '文联', '农专', '农大', '医大', '人艺',
	'小学', '立法会', '农行', '工行', '建行', '中行', '农发行', '新闻网',
	'广播电视台', '融媒体中心', '核电站',
];
// Endings that name a field, an activity or a product, not a body: the
// tags make them heads because the list holds names such as 比较文学 or
// 上海汽车 under nt.
const NOT_HEADS = new Set([
	'文学', '医学', '科学', '哲学', '法学', '汽车', '通信', '通讯', '交通',
	'电视', '电信', '证券', '国际', '家庭', '同学', '旅行', '安排', '发展',
	'顿足', '舞台', '进展', '咨询', '资讯', '啤酒', '工业', '航空', '医药',
	'工商', '快车', '公报', '大众', '联邦', '外部', '发行', '兴邦', '专科',
	'交会', '政局', '中央', '常委', '民党', '国议会', '家协会', '委会', '工专',
	'商专', '工大', '医大', '经部', '工部', '学部', '防军', '联军', '军方',
	'全会', '大会', '同盟', '关系', '组织', '院校', '高校', '开发区',
	'技术开发区', '经济特区', '医师', '大厦', '宾馆', '公学', '国会',
	'共同体',
]);
// Words that end with a head and name no body, written "-word" in the
// output: 当局 is the authorities of a place as a whole (台湾当局), not
// one of its bodies, though 局 ends 公安局 and 当局 is a noun as they are.
const NOT_BODIES = ['当局'];
// The single characters that are heads: each names a body, and the
// nouns it ends are mostly bodies (工厂, 球队, 市委, 学院, 研究所, 报社,
// 公安局, 公司, 财政厅, 公证处, 指挥部, 剧团, 党校, 图书馆; 南部 and
// 到处 are no nouns). Others end as many nouns that are not (会: 社会
// 机会, 党: 政党, 站: 车站, 行: 先行 罪行).
const SINGLE = new Set(['厂', '队', '委', '院', '所', '社', '局', '司', '厅', '处', '部',
	'团', '校', '馆']);

const file = process.argv[2];
if (!file) {
	process.stderr.write('usage: make-orgheads.js WORDS.TSV\n');
	process.exit(2);
}
const words = new Map();
for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
	if (!l || l[0] === '#')
		continue;
	const f = l.split('\t');
	words.set(f[0], f[2] || '');
}
// the longest proper ending of w that is a word
function head(w) {
	const cs = [...w];

	for (let k = 1; k < cs.length; k++) {
		const s = cs.slice(k).join('');
		if (words.has(s))
			return s;
	}
	return null;
}
const nt = new Map(), other = new Map();
for (const [w, tag] of words) {
	const h = head(w);
	if (h === null)
		continue;
	const m = tag === 'nt' ? nt : other;
	m.set(h, (m.get(h) || 0) + 1);
}
const out = new Map();
for (const [h, c] of nt) {
	const o = other.get(h) || 0;
	if (c >= MIN_NAMES && c / (c + o) >= MIN_SHARE && !NOT_HEADS.has(h) &&
	    ([...h].length > 1 || SINGLE.has(h)))
		out.set(h, [c, o]);
}
for (const h of [...EXTRA, ...SINGLE])
	if (!out.has(h))
		out.set(h, [nt.get(h) || 0, other.get(h) || 0]);
const rows = [...out].sort((a, b) => b[1][0] - a[1][0] ||
	(a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
process.stdout.write(
	'# zhpipe organisation heads: head<TAB>organisation names it ends<TAB>other words it ends.\n' +
	'# Derived from data/words.tsv (jieba 0.42.1, MIT) by data/make-orgheads.js:\n' +
	'# the last words of the names tagged nt, kept when they end at least ' + MIN_NAMES + '\n' +
	'# such names and ' + MIN_SHARE * 100 + '% of the words they end, with the corrections listed\n' +
	'# in the script. A head ends an organisation\'s name as a word or as the end\n' +
	'# of a longer word (烟厂 in 卷烟厂); a row -word is a word that ends with a head\n' +
	'# and is none (-当局). Regenerate with: make orgheads\n');
for (const [h, [c, o]] of rows)
	process.stdout.write(h + '\t' + c + '\t' + o + '\n');
for (const w of NOT_BODIES)
	process.stdout.write('-' + w + '\t' + (nt.get(w) || 0) + '\t' + (other.get(w) || 0) + '\n');
