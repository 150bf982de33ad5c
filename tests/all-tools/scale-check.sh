# the scaling check itself (tests/lib/scale.py): a command whose time
# grows with the square of its input is found out, however often it is
# run again, and one that reads its input once is not
quad='python3 -c "
import sys
s = sys.stdin.buffer.read()
print(sum(s.count(b\"x\", i) for i in range(0, len(s), 64)))"'
python3 ../lib/scale.py "quadratic" "yes xy | head -c" 200000 "$quad" |
	sed 's/ at n=.*//'
echo "status ${PIPESTATUS[0]}"
python3 ../lib/scale.py "linear" "yes xy | head -c" 200000 "wc -c"
echo "status $?"
