# user dictionaries: any white space separates word and frequency
# (U+3000, NBSP); a frequency of 0 removes a word of the built-in list
# and is an error for a word not in it; a word holding characters other
# than Han ideographs can never be cut whole, and is reported
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
printf '甘曜毓\343\200\200100\n卡阳村\302\2405\n' > sep.dict
echo '甘曜毓在卡阳村采访。' | segment -w -u sep.dict
gzip -c sep.dict > sep.dict.gz	# compressed, as any input may be
echo '甘曜毓在卡阳村采访。' | segment -w -u sep.dict.gz
printf '采访 0\n' > zero.dict
echo '他们在采访。' | segment -w -u zero.dict
printf '# 新词\n甘曜毓 0\n' > bad.dict
echo '甘曜毓' | segment -w -u bad.dict
echo "exit $?"
printf '5G网络\n卡阳村\nT恤衫 10\n' > mixed.dict
echo '5G网络和卡阳村' | segment -w -u mixed.dict
echo "exit $?"
