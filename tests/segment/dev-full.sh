# a full disk is an error, never silent
segment data/a.txt > /dev/full
echo "exit: $?"
