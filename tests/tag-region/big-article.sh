# an article of 100,000 records is resolved as one, in linear time
awk 'BEGIN { print "d1\t福州市"; for (i = 0; i < 100000; i++) print "d1\t鼓楼区的居民" }' |
	tag-region | cut -f4 | sort | uniq -c
