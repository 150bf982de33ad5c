# a 50 MB line: every name in it is found, memory stays with the line
{ printf 'd1\t'; yes '武威市民勤县的发展,' | head -n 1750000 | tr -d '\n'; printf '\n'; } |
	tag-region | cut -f5 | sort | uniq -c
