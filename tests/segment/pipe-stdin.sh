# articles arriving on a pipe, separated by form feeds
printf '第一篇。\n\f\n第二篇第一句。第二句。\n' | segment --doc-sep -w
