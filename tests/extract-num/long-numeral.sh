# a numeral of 10,000 characters is reported as a code, not parsed
awk 'BEGIN { printf "a\t"; for (i = 0; i < 1000; i++) printf "一二三四五六七八九十"; printf "个\n" }' |
	extract-num --all | cut -f2-7
awk 'BEGIN { printf "a\t"; for (i = 0; i < 1000; i++) printf "一二三四五六七八九十"; printf "个\n" }' |
	extract-num | wc -l
