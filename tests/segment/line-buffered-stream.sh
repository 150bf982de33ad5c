# --line-buffered hands each record on while the input is still open
# (tail -f style): the first sentence is out long before the input ends
{ printf '第一句。\n'; sleep 4; printf '第二句。\n'; } |
	timeout 2 segment --line-buffered | cat
echo "first record arrived before the input ended"
