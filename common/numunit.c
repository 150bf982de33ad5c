/* numunit.c - units and measure words, found by their first character
 *
 * The table lists each unit once, in Simplified characters (text in
 * Traditional characters is read as Simplified: simplify.h); full-width
 * letters are folded to ASCII first (nu_fold). Latin units (cm kg GB) match in
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

uint32_t
nu_fold(uint32_t c)
{
	if (c < 0xFF21)
		return c == 0xB5 ? 0x3BC : c;		/* µ: μ */
	if (c >= 0xFF21 && c <= 0xFF5A) {
		if (c <= 0xFF3A)
			return c - 0xFF21 + 'A';
		if (c >= 0xFF41)
			return c - 0xFF41 + 'a';
		return c;
	}
	return c;
}
