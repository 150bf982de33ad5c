/* numunit.c - units and measure words, found by their first character
 *
 * The table lists each unit once, in Simplified characters; Traditional
 * text is folded to it first (nu_fold). Latin units (cm kg GB) match in
 * any case, except the single letters, whose case carries the meaning
 * (m g t L h W V are units; 5G and 4K are codes, 30k a magnitude). */
#include "numunit.h"

#include <string.h>

#include "utf8.h"

#define PCT NK_PERCENT
#define MON NK_MONEY
#define AGE NK_AGE
#define MEA NK_MEASURE
#define CNT NK_COUNT
#define ORD NK_ORDINAL
#define LAT U_LATIN
#define LCI (U_LATIN | U_CI)

static const struct unit units[] = {
	/* shares */
	{ "个百分点", "百分点", PCT, 0, 0 }, { "百分点", "百分点", PCT, 0, 0 },
	{ "%", "%", PCT, 0, 0 }, { "％", "%", PCT, 0, 0 },
	{ "‰", "%", PCT, -1, 0 }, { "成", "%", PCT, 1, U_WORD },
	{ "折", "折", PCT, 1, U_WORD },
	/* money */
	{ "元人民币", "元", MON, 0, 0 }, { "人民币", "元", MON, 0, 0 },
	{ "元", "元", MON, 0, 0 }, { "圆", "元", MON, 0, 0 },
	{ "块钱", "元", MON, 0, 0 }, { "块", "块", CNT, 0, U_PIECE },
	{ "角", "元", MON, -1, U_SUB }, { "毛", "元", MON, -1, U_SUB },
	{ "分", "元", MON, -2, U_SUB },
	{ "美元", "美元", MON, 0, 0 }, { "美金", "美元", MON, 0, 0 },
	{ "美分", "美元", MON, -2, U_SUB },
	{ "欧元", "欧元", MON, 0, 0 }, { "欧分", "欧元", MON, -2, U_SUB },
	{ "英镑", "英镑", MON, 0, 0 }, { "便士", "英镑", MON, -2, U_SUB },
	{ "日元", "日元", MON, 0, 0 }, { "日圆", "日元", MON, 0, 0 },
	{ "港元", "港元", MON, 0, 0 }, { "港币", "港元", MON, 0, 0 },
	{ "澳元", "澳元", MON, 0, 0 }, { "加元", "加元", MON, 0, 0 },
	{ "新台币", "新台币", MON, 0, 0 }, { "台币", "新台币", MON, 0, 0 },
	{ "韩元", "韩元", MON, 0, 0 }, { "卢布", "卢布", MON, 0, 0 },
	{ "瑞士法郎", "瑞士法郎", MON, 0, 0 }, { "法郎", "法郎", MON, 0, 0 },
	{ "马克", "马克", MON, 0, 0 }, { "里拉", "里拉", MON, 0, 0 },
	{ "卢比", "卢比", MON, 0, 0 }, { "比索", "比索", MON, 0, 0 },
	{ "泰铢", "泰铢", MON, 0, 0 }, { "林吉特", "林吉特", MON, 0, 0 },
	/* age */
	{ "周岁", "岁", AGE, 0, 0 }, { "虚岁", "岁", AGE, 0, 0 },
	{ "岁", "岁", AGE, 0, 0 },
	/* area, length, volume */
	{ "平方公里", "平方公里", MEA, 0, 0 }, { "平方千米", "平方公里", MEA, 0, 0 },
	{ "平方米", "平方米", MEA, 0, 0 }, { "平米", "平方米", MEA, 0, 0 },
	{ "平方厘米", "平方厘米", MEA, 0, 0 }, { "平方英里", "平方英里", MEA, 0, 0 },
	{ "立方米", "立方米", MEA, 0, 0 }, { "立方厘米", "立方厘米", MEA, 0, 0 },
	{ "立方", "立方米", MEA, 0, 0 },
	{ "千公顷", "公顷", MEA, 3, 0 }, { "公顷", "公顷", MEA, 0, 0 },
	{ "英亩", "英亩", MEA, 0, 0 }, { "亩", "亩", MEA, 0, 0 },
	{ "公里", "公里", MEA, 0, 0 }, { "千米", "公里", MEA, 0, 0 },
	{ "厘米", "厘米", MEA, 0, 0 }, { "公分", "厘米", MEA, 0, 0 },
	{ "毫米", "毫米", MEA, 0, 0 }, { "微米", "微米", MEA, 0, 0 },
	{ "纳米", "纳米", MEA, 0, 0 }, { "公尺", "米", MEA, 0, 0 },
	{ "米", "米", MEA, 0, 0 }, { "英里", "英里", MEA, 0, 0 },
	{ "海里", "海里", MEA, 0, 0 }, { "英尺", "英尺", MEA, 0, 0 },
	{ "里", "里", MEA, 0, U_WORD },
	{ "英寸", "英寸", MEA, 0, 0 }, { "光年", "光年", MEA, 0, 0 },
	{ "毫升", "毫升", MEA, 0, 0 }, { "公升", "升", MEA, 0, 0 },
	{ "升", "升", MEA, 0, 0 },
	/* weight */
	{ "千克", "千克", MEA, 0, 0 }, { "公斤", "千克", MEA, 0, 0 },
	{ "克拉", "克拉", MEA, 0, 0 }, { "克", "克", MEA, 0, 0 },
	{ "毫克", "毫克", MEA, 0, 0 }, { "微克", "微克", MEA, 0, 0 },
	{ "吨", "吨", MEA, 0, 0 }, { "市斤", "斤", MEA, 0, 0 },
	{ "斤", "斤", MEA, 0, 0 }, { "两", "两", MEA, 0, U_WORD },
	{ "担", "担", MEA, 0, U_WORD }, { "盎司", "盎司", MEA, 0, 0 },
	{ "磅", "磅", MEA, 0, 0 },
	/* energy, power, temperature */
	{ "千瓦时", "千瓦时", MEA, 0, 0 }, { "千瓦", "千瓦", MEA, 0, 0 },
	{ "兆瓦", "兆瓦", MEA, 0, 0 }, { "瓦", "瓦", MEA, 0, U_WORD },
	{ "千伏", "千伏", MEA, 0, 0 }, { "伏", "伏", MEA, 0, U_WORD },
	{ "千卡", "千卡", MEA, 0, 0 }, { "大卡", "千卡", MEA, 0, 0 },
	{ "兆赫", "兆赫", MEA, 0, 0 }, { "千赫", "千赫", MEA, 0, 0 },
	{ "赫兹", "赫兹", MEA, 0, 0 }, { "分贝", "分贝", MEA, 0, 0 },
	{ "马力", "马力", MEA, 0, 0 },
	{ "摄氏度", "℃", MEA, 0, 0 }, { "℃", "℃", MEA, 0, 0 },
	{ "华氏度", "℉", MEA, 0, 0 }, { "℉", "℉", MEA, 0, 0 },
	{ "度", "度", MEA, 0, U_WORD },
	/* time */
	{ "小时", "小时", MEA, 0, 0 }, { "个小时", "小时", MEA, 0, 0 },
	{ "钟头", "小时", MEA, 0, 0 }, { "个钟头", "小时", MEA, 0, 0 },
	{ "分钟", "分钟", MEA, 0, 0 }, { "秒钟", "秒", MEA, 0, 0 },
	{ "秒", "秒", MEA, 0, 0 }, { "毫秒", "毫秒", MEA, 0, 0 },
	{ "个月", "月", MEA, 0, 0 }, { "个星期", "周", MEA, 0, 0 },
	{ "星期", "周", MEA, 0, 0 }, { "个礼拜", "周", MEA, 0, 0 },
	{ "天", "天", MEA, 0, 0 }, { "周", "周", MEA, 0, 0 },
	{ "个世纪", "世纪", MEA, 0, 0 },
	{ "倍", "倍", MEA, 0, 0 },
	/* Latin and symbol units */
	{ "cm", "厘米", MEA, 0, LCI }, { "mm", "毫米", MEA, 0, LCI },
	{ "km", "公里", MEA, 0, LCI }, { "m", "米", MEA, 0, LAT },
	{ "nm", "纳米", MEA, 0, LCI }, { "μm", "微米", MEA, 0, LCI },
	{ "km²", "平方公里", MEA, 0, LCI }, { "km2", "平方公里", MEA, 0, LCI },
	{ "m²", "平方米", MEA, 0, LAT }, { "m2", "平方米", MEA, 0, LAT },
	{ "m³", "立方米", MEA, 0, LAT }, { "m3", "立方米", MEA, 0, LAT },
	{ "cm²", "平方厘米", MEA, 0, LCI }, { "㎡", "平方米", MEA, 0, LAT },
	{ "㎞", "公里", MEA, 0, LAT }, { "㎝", "厘米", MEA, 0, LAT },
	{ "㎜", "毫米", MEA, 0, LAT }, { "㎏", "千克", MEA, 0, LAT },
	{ "㎎", "毫克", MEA, 0, LAT }, { "㎖", "毫升", MEA, 0, LAT },
	{ "kg", "千克", MEA, 0, LCI }, { "g", "克", MEA, 0, LAT },
	{ "mg", "毫克", MEA, 0, LCI }, { "t", "吨", MEA, 0, LAT },
	{ "ml", "毫升", MEA, 0, LCI }, { "L", "升", MEA, 0, LAT },
	{ "kw", "千瓦", MEA, 0, LCI }, { "kwh", "千瓦时", MEA, 0, LCI },
	{ "MW", "兆瓦", MEA, 0, LAT }, { "GW", "吉瓦", MEA, 0, LAT },
	{ "W", "瓦", MEA, 0, LAT }, { "kv", "千伏", MEA, 0, LCI },
	{ "V", "伏", MEA, 0, LAT }, { "mAh", "毫安时", MEA, 0, LAT },
	{ "hz", "赫兹", MEA, 0, LCI }, { "khz", "千赫", MEA, 0, LCI },
	{ "MHz", "兆赫", MEA, 0, LAT }, { "GHz", "吉赫", MEA, 0, LAT },
	{ "db", "分贝", MEA, 0, LCI },
	{ "kb", "KB", MEA, 0, LCI }, { "mb", "MB", MEA, 0, LCI },
	{ "gb", "GB", MEA, 0, LCI }, { "tb", "TB", MEA, 0, LCI },
	{ "mbps", "Mbps", MEA, 0, LCI }, { "gbps", "Gbps", MEA, 0, LCI },
	{ "km/h", "公里/小时", MEA, 0, LCI }, { "m/s", "米/秒", MEA, 0, LAT },
	{ "h", "小时", MEA, 0, LAT }, { "min", "分钟", MEA, 0, LCI },
	{ "°C", "℃", MEA, 0, LAT }, { "°c", "℃", MEA, 0, LAT },
	{ "°F", "℉", MEA, 0, LAT }, { "°", "度", MEA, 0, LAT },
	/* measure words: things counted */
	{ "人次", "人次", CNT, 0, 0 }, { "场次", "场次", CNT, 0, 0 },
	{ "架次", "架次", CNT, 0, 0 }, { "车次", "车次", CNT, 0, 0 },
	{ "人", "人", CNT, 0, 0 }, { "名", "名", CNT, 0, 0 },
	{ "个", "个", CNT, 0, 0 }, { "户", "户", CNT, 0, 0 },
	{ "家", "家", CNT, 0, 0 }, { "座", "座", CNT, 0, 0 },
	{ "所", "所", CNT, 0, 0 }, { "项", "项", CNT, 0, 0 },
	{ "件", "件", CNT, 0, 0 }, { "次", "次", CNT, 0, 0 },
	{ "场", "场", CNT, 0, 0 }, { "台", "台", CNT, 0, 0 },
	{ "辆", "辆", CNT, 0, 0 }, { "套", "套", CNT, 0, 0 },
	{ "处", "处", CNT, 0, 0 }, { "条", "条", CNT, 0, 0 },
	{ "批", "批", CNT, 0, 0 }, { "起", "起", CNT, 0, 0 },
	{ "例", "例", CNT, 0, 0 }, { "位", "位", CNT, 0, 0 },
	{ "只", "只", CNT, 0, 0 }, { "头", "头", CNT, 0, 0 },
	{ "株", "株", CNT, 0, 0 }, { "棵", "棵", CNT, 0, 0 },
	{ "篇", "篇", CNT, 0, 0 }, { "部", "部", CNT, 0, U_WORD },
	{ "本", "本", CNT, 0, 0 }, { "张", "张", CNT, 0, 0 },
	{ "份", "份", CNT, 0, 0 }, { "期", "期", ORD, 0, 0 },
	{ "种", "种", CNT, 0, 0 }, { "类", "类", CNT, 0, 0 },
	{ "支", "支", CNT, 0, 0 }, { "艘", "艘", CNT, 0, 0 },
	{ "架", "架", CNT, 0, 0 }, { "栋", "栋", CNT, 0, 0 },
	{ "间", "间", CNT, 0, 0 }, { "层", "层", CNT, 0, 0 },
	{ "笔", "笔", CNT, 0, 0 },
	{ "宗", "宗", CNT, 0, 0 }, { "幅", "幅", CNT, 0, 0 },
	{ "首", "首", CNT, 0, 0 }, { "轮", "轮", CNT, 0, 0 },
	{ "班", "班", CNT, 0, 0 }, { "节", "节", CNT, 0, 0 },
	{ "门", "门", CNT, 0, 0 }, { "组", "组", CNT, 0, 0 },
	{ "队", "队", CNT, 0, 0 }, { "枚", "枚", CNT, 0, 0 },
	{ "颗", "颗", CNT, 0, 0 }, { "箱", "箱", CNT, 0, 0 },
	{ "袋", "袋", CNT, 0, 0 }, { "双", "双", CNT, 0, U_WORD },
	{ "对", "对", CNT, 0, U_WORD }, { "束", "束", CNT, 0, U_WORD },
	{ "强", "强", CNT, 0, U_WORD }, { "卷", "卷", CNT, 0, U_WORD },
	{ "方面", "方面", CNT, 0, 0 }, { "点", "点", CNT, 0, U_WORD },
	{ "半", "半", CNT, 0, 0 },
	{ "届", "届", ORD, 0, 0 }, { "中全会", "中全会", ORD, 0, 0 },
	{ "号", "号", ORD, 0, U_WORD },	/* 二号线 8号种子 (after a month: a day) */
	{ "级", "级", ORD, 0, 0 }, { "世纪", "世纪", ORD, 0, 0 },
};

#define NUNITS (sizeof units / sizeof units[0])

/* The units as code points, chained by their first code point (ASCII
 * letters in lower case), longest first. */
#define NBUCKET 512
static struct unit_cp {
	uint32_t c[8];
	int n;
	int next;
} ucp[NUNITS];
static int bucket[NBUCKET];
static int ready;

static unsigned
hash(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		c |= 0x20;
	return (c * 2654435761u) >> 23 & (NBUCKET - 1);
}

static void
init(void)
{
	size_t k, i, n;
	int *p;

	for (k = 0; k < NBUCKET; k++)
		bucket[k] = -1;
	for (k = 0; k < NUNITS; k++) {
		n = strlen(units[k].s);
		i = 0;
		ucp[k].n = 0;
		while (i < n && ucp[k].n < 8)
			ucp[k].c[ucp[k].n++] = utf8_next(units[k].s, n, &i);
	}
	/* insert longest first: a unit is tried before any shorter one */
	for (n = 8; n >= 1; n--)
		for (k = NUNITS; k-- > 0;) {
			if ((size_t)ucp[k].n != n)
				continue;
			for (p = &bucket[hash(ucp[k].c[0])]; *p >= 0 &&
			    ucp[*p].n >= ucp[k].n; p = &ucp[*p].next)
				;
			ucp[k].next = *p;
			*p = (int)k;
		}
	ready = 1;
}

static int
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

const struct unit *
nu_find(const uint32_t *cp, size_t n, size_t *len)
{
	int k, i;

	*len = 0;
	if (n == 0)
		return NULL;
	if (!ready)
		init();
	for (k = bucket[hash(cp[0])]; k >= 0; k = ucp[k].next) {
		const struct unit_cp *u = &ucp[k];

		if ((size_t)u->n > n)
			continue;
		for (i = 0; i < u->n; i++) {
			uint32_t c = cp[i];

			if ((units[k].flags & U_CI) && c >= 'A' && c <= 'Z')
				c |= 0x20;
			if (c != u->c[i])
				break;
		}
		if (i < u->n)
			continue;
		/* 5mg is not 5 m, 3min not 3 m */
		if ((units[k].flags & U_LATIN) && (size_t)u->n < n &&
		    is_alnum(cp[u->n]) && is_alnum(u->c[u->n - 1]))
			continue;
		*len = (size_t)u->n;
		return &units[k];
	}
	return NULL;
}

/* Traditional to Simplified for the characters of the tables of this
 * file and numex.c and their neighbours: ICU's Hans-Hant of each
 * Simplified character the tables hold, plus the variants it does not
 * give (週 裡 臺 隻 餘 曆 鍾 箇), sorted. */
static const uint16_t t2s[][2] = {
	{ 0x4FC2, 0x7CFB }, { 0x500B, 0x4E2A }, { 0x5099, 0x5907 },	/* 係系 個个 備备 */
	{ 0x5104, 0x4EBF }, { 0x5152, 0x513F }, { 0x5167, 0x5185 },	/* 億亿 兒儿 內内 */
	{ 0x5169, 0x4E24 }, { 0x5275, 0x521B }, { 0x52D5, 0x52A8 },	/* 兩两 創创 動动 */
	{ 0x52D9, 0x52A1 }, { 0x53C4, 0x53C1 }, { 0x54E1, 0x5458 },	/* 務务 叄叁 員员 */
	{ 0x5678, 0x5428 }, { 0x56B4, 0x4E25 }, { 0x5713, 0x5706 },	/* 噸吨 嚴严 圓圆 */
	{ 0x5716, 0x56FE }, { 0x5831, 0x62A5 }, { 0x5834, 0x573A },	/* 圖图 報报 場场 */
	{ 0x584A, 0x5757 }, { 0x5B78, 0x5B66 }, { 0x5BE6, 0x5B9E },	/* 塊块 學学 實实 */
	{ 0x5C07, 0x5C06 }, { 0x5C0D, 0x5BF9 }, { 0x5C0E, 0x5BFC },	/* 將将 對对 導导 */
	{ 0x5C46, 0x5C4A }, { 0x5C64, 0x5C42 }, { 0x5E36, 0x5E26 },	/* 屆届 層层 帶带 */
	{ 0x5E63, 0x5E01 }, { 0x5E7E, 0x51E0 }, { 0x5F35, 0x5F20 },	/* 幣币 幾几 張张 */
	{ 0x5F37, 0x5F3A }, { 0x5F8C, 0x540E }, { 0x5FB5, 0x5F81 },	/* 強强 後后 徵征 */
	{ 0x6236, 0x6237 }, { 0x64D4, 0x62C5 }, { 0x651D, 0x6444 },	/* 戶户 擔担 攝摄 */
	{ 0x652C, 0x63FD }, { 0x6578, 0x6570 }, { 0x65BC, 0x4E8E },	/* 攬揽 數数 於于 */
	{ 0x6642, 0x65F6 }, { 0x66C6, 0x5386 }, { 0x66F8, 0x4E66 },	/* 時时 曆历 書书 */
	{ 0x6703, 0x4F1A }, { 0x689D, 0x6761 }, { 0x68DF, 0x680B },	/* 會会 條条 棟栋 */
	{ 0x6A5F, 0x673A }, { 0x6B50, 0x6B27 }, { 0x6B72, 0x5C81 },	/* 機机 歐欧 歲岁 */
	{ 0x6B77, 0x5386 }, { 0x6E2C, 0x6D4B }, { 0x6E96, 0x51C6 },	/* 歷历 測测 準准 */
	{ 0x6FDF, 0x6D4E }, { 0x70BA, 0x4E3A }, { 0x7121, 0x65E0 },	/* 濟济 為为 無无 */
	{ 0x7522, 0x4EA7 }, { 0x755D, 0x4EA9 }, { 0x767C, 0x53D1 },	/* 產产 畝亩 發发 */
	{ 0x76E3, 0x76D1 }, { 0x76E4, 0x76D8 }, { 0x76E7, 0x5362 },	/* 監监 盤盘 盧卢 */
	{ 0x773E, 0x4F17 }, { 0x78BA, 0x786E }, { 0x78BC, 0x7801 },	/* 眾众 確确 碼码 */
	{ 0x79AE, 0x793C }, { 0x7A2E, 0x79CD }, { 0x7B46, 0x7B14 },	/* 禮礼 種种 筆笔 */
	{ 0x7B87, 0x4E2A }, { 0x7BC0, 0x8282 }, { 0x7BC4, 0x8303 },	/* 箇个 節节 範范 */
	{ 0x7D00, 0x7EAA }, { 0x7D04, 0x7EA6 }, { 0x7D0D, 0x7EB3 },	/* 紀纪 約约 納纳 */
	{ 0x7D1A, 0x7EA7 }, { 0x7D44, 0x7EC4 }, { 0x7D71, 0x7EDF },	/* 級级 組组 統统 */
	{ 0x7D93, 0x7ECF }, { 0x7DAD, 0x7EF4 }, { 0x7DB2, 0x7F51 },	/* 經经 維维 網网 */
	{ 0x7DDA, 0x7EBF }, { 0x7E3D, 0x603B }, { 0x7E54, 0x7EC7 },	/* 線线 總总 織织 */
	{ 0x81FA, 0x53F0 }, { 0x8332, 0x5179 }, { 0x83EF, 0x534E },	/* 臺台 茲兹 華华 */
	{ 0x842C, 0x4E07 }, { 0x85CD, 0x84DD }, { 0x8655, 0x5904 },	/* 萬万 藍蓝 處处 */
	{ 0x865B, 0x865A }, { 0x865F, 0x53F7 }, { 0x88CF, 0x91CC },	/* 虛虚 號号 裏里 */
	{ 0x88E1, 0x91CC }, { 0x8A08, 0x8BA1 }, { 0x8A13, 0x8BAD },	/* 裡里 計计 訓训 */
	{ 0x8A18, 0x8BB0 }, { 0x8A2D, 0x8BBE }, { 0x8A31, 0x8BB8 },	/* 記记 設设 許许 */
	{ 0x8AB2, 0x8BFE }, { 0x8B49, 0x8BC1 }, { 0x8B58, 0x8BC6 },	/* 課课 證证 識识 */
	{ 0x8B70, 0x8BAE }, { 0x8B77, 0x62A4 }, { 0x8C9D, 0x8D1D },	/* 議议 護护 貝贝 */
	{ 0x8CA0, 0x8D1F }, { 0x8CAB, 0x8D2F }, { 0x8CAC, 0x8D23 },	/* 負负 貫贯 責责 */
	{ 0x8CB3, 0x8D30 }, { 0x8CC7, 0x8D44 }, { 0x8ECA, 0x8F66 },	/* 貳贰 資资 車车 */
	{ 0x8F1B, 0x8F86 }, { 0x8F2A, 0x8F6E }, { 0x8FA6, 0x529E },	/* 輛辆 輪轮 辦办 */
	{ 0x8FB2, 0x519C }, { 0x9019, 0x8FD9 }, { 0x9031, 0x5468 },	/* 農农 這这 週周 */
	{ 0x9032, 0x8FDB }, { 0x904B, 0x8FD0 }, { 0x904E, 0x8FC7 },	/* 進进 運运 過过 */
	{ 0x9078, 0x9009 }, { 0x9130, 0x90BB }, { 0x91D0, 0x5398 },	/* 選选 鄰邻 釐厘 */
	{ 0x921E, 0x94A7 }, { 0x9296, 0x94E2 }, { 0x9322, 0x94B1 },	/* 鈞钧 銖铢 錢钱 */
	{ 0x937E, 0x949F }, { 0x938A, 0x9551 }, { 0x9418, 0x949F },	/* 鍾钟 鎊镑 鐘钟 */
	{ 0x9580, 0x95E8 }, { 0x9593, 0x95F4 }, { 0x9670, 0x9634 },	/* 門门 間间 陰阴 */
	{ 0x9678, 0x9646 }, { 0x968A, 0x961F }, { 0x96BB, 0x53EA },	/* 陸陆 隊队 隻只 */
	{ 0x96D9, 0x53CC }, { 0x96FB, 0x7535 }, { 0x97D3, 0x97E9 },	/* 雙双 電电 韓韩 */
	{ 0x9803, 0x9877 }, { 0x9805, 0x9879 }, { 0x9818, 0x9886 },	/* 頃顷 項项 領领 */
	{ 0x982D, 0x5934 }, { 0x9846, 0x9897 }, { 0x984C, 0x9898 },	/* 頭头 顆颗 題题 */
	{ 0x985E, 0x7C7B }, { 0x98A8, 0x98CE }, { 0x9918, 0x4F59 },	/* 類类 風风 餘余 */
	{ 0x99AC, 0x9A6C }, { 0x9AD4, 0x4F53 }, { 0x9EBC, 0x4E48 },	/* 馬马 體体 麼么 */
	{ 0x9EDE, 0x70B9 }, { 0x9EE8, 0x515A },	/* 點点 黨党 */
};

#define NT2S (sizeof t2s / sizeof t2s[0])

static uint8_t t2s_map[(0xA000 - 0x4E00) / 8];	/* which fold */
static int t2s_ready;

int
nu_folds_han(uint32_t c)
{
	if (c < 0x4E00 || c >= 0xA000)
		return 0;
	if (!t2s_ready) {
		size_t k;

		for (k = 0; k < NT2S; k++)
			t2s_map[(t2s[k][0] - 0x4E00) / 8] |=
			    (uint8_t)(1u << ((t2s[k][0] - 0x4E00) % 8));
		t2s_ready = 1;
	}
	return t2s_map[(c - 0x4E00) / 8] >> ((c - 0x4E00) % 8) & 1;
}

uint32_t
nu_fold(uint32_t c)
{
	if (c < 0x4E00)
		return c == 0xB5 ? 0x3BC : c;		/* µ: μ */
	if (c >= 0xFF21 && c <= 0xFF5A) {
		if (c <= 0xFF3A)
			return c - 0xFF21 + 'A';
		if (c >= 0xFF41)
			return c - 0xFF41 + 'a';
		return c;
	}
	if (nu_folds_han(c)) {
		size_t lo = 0, hi = NT2S;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (t2s[mid][0] < c)
				lo = mid + 1;
			else
				hi = mid;
		}
		return t2s[lo][1];
	}
	return c;
}
