# bench/num-pd98 and bench/region-pd98 on a few paragraphs written in the
# PKU format for this test (pd98-sample.txt): the tune/held split, the
# gold sets (list markers, 一 after 这, 十分, county short forms with and
# without their city in the article, stem + suffix, names in
# organisations, a person name), the figures, the classes and examples,
# and the errors
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
gzip -c pd98-sample.txt > "$d/sample.txt.gz"
bench=$PWD/../../bench
cd "$d" || exit 1
echo "== num-pd98 --verbose"
python3 "$bench/num-pd98" --verbose sample.txt.gz
echo "== region-pd98 --verbose"
python3 "$bench/region-pd98" --verbose sample.txt.gz
echo "== --summary, all parts and held only"
python3 "$bench/num-pd98" --summary sample.txt.gz
python3 "$bench/region-pd98" --summary sample.txt.gz
python3 "$bench/num-pd98" --summary --part held sample.txt.gz
python3 "$bench/region-pd98" --part held sample.txt.gz
echo "== the held part is never shown"
python3 "$bench/num-pd98" --part held --verbose sample.txt.gz 2>&1 | tail -n 1
echo "exit ${PIPESTATUS[0]}"
echo "== a broken line is an error"
{ zcat sample.txt.gz; printf '20000101-01-003-001/m  甘肃/ns  省\n'; } | gzip > bad.txt.gz
python3 "$bench/num-pd98" bad.txt.gz
echo "exit $?"
printf '20000101-01-003-001/m  [甘肃/ns  省/n\n' | gzip > open.txt.gz
python3 "$bench/region-pd98" open.txt.gz
echo "exit $?"
python3 "$bench/region-pd98" missing.txt.gz
echo "exit $?"
