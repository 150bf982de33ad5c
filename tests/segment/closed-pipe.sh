# the reader goes away after one line: quiet exit, status 0
yes '一句话。' | head -n 300000 | segment | head -n 1
echo "segment exit: ${PIPESTATUS[2]}"
