# a user dictionary in Traditional characters: its words are found in
# Traditional and in Simplified text, reported as the text has them
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
printf '將軍澳綫\n' > "$d/words"
printf '港鐵將軍澳綫今早延誤。\n港铁将军澳线今早延误。\n' | segment -w
printf '港鐵將軍澳綫今早延誤。\n港铁将军澳线今早延误。\n' | segment -w -u "$d/words"
