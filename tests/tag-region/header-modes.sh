# --header: the input's first line is its header, in every mode; it is
# never taken for an article, and --doc names the article's key fields
# from it
for mode in "" -a --doc "--doc -k 2"; do
	echo "== ${mode:-(names)}"
	printf 'doc\tline\tsent\ttext\nd1\t1\t1\t甘肃省金昌市\n' | tag-region $mode --header
done
