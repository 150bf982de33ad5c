# Resolving an article takes time linear in its names, however many stay
# ambiguous: unresolved names in one line, in many records, written
# together, and tied candidates that no earlier name decides
for kind in line records together ties; do
	python3 ../lib/scale.py "ambiguous names, $kind" \
		"python3 data/names.py $kind" 1000 tag-region
done
