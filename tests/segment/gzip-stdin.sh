# gzip on standard input, as from curl or a pipe, is detected too
printf '管道里的压缩文本。第二句。\n' | gzip -c | segment
printf 'not gzip at all\n' | gzip -c | head -c 10 | segment
echo "exit: ${PIPESTATUS[3]}"
