# a state file where nothing can be written (here under /proc, where no
# one may create a file, root included): a clear message, status 2,
# nothing written to standard output
printf 'd\t正文一句。\n' | dedupe-boilerplate --state /proc/zhpipe-no-such-dir/s.db
echo "exit $?"
printf 'd\t正文一句。\n' | dedupe-boilerplate --state /proc/version
echo "exit $?"
