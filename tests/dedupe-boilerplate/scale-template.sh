# pages of one template, each with its own words and figures, share LSH
# bands with every other page and are near duplicates of none: each page
# is compared with the first kept pages of its buckets only, so the cost
# grows with the input, not with its square
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
echo 'LC_ALL=C awk -v what=template -v n="$1" -f data/gen.awk' > "$d/gen"
bash "$d/gen" 2000 | dedupe-boilerplate --stats 2>&1 >/dev/null
python3 ../lib/scale.py "pages of one template" "bash $d/gen" 2000 dedupe-boilerplate
