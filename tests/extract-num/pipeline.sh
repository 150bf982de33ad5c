# the pipeline of the README: sentences in, numbers out, awk on the columns
printf '标题\n全市共有党员1.3万多名,新建村级活动场所79个。\n' > "${TMPDIR:-/tmp}/zh-art.$$"
segment "${TMPDIR:-/tmp}/zh-art.$$" | extract-num | awk -F'\t' '$(NF-5) == "count" && $(NF-2) == "名"' | cut -f2-
rm -f "${TMPDIR:-/tmp}/zh-art.$$"
