# one long line of Latin letters and digits: time and memory grow
# linearly with the line in every mode (each token is matched where it
# starts, the rest of the line is not searched again)
gen='yes "abc 12 " | tr -d "\n" | head -c'
for mode in "" -w -t; do
	python3 ../lib/scale.py "segment${mode:+ }$mode" "$gen" 100000 "segment $mode"
done
