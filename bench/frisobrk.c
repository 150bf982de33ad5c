/* frisobrk - friso (Debian packages libfriso-dev, friso-dict) as a
 * benchmark peer: reads lines from stdin, writes their words separated
 * by spaces. usage: frisobrk [friso.ini] */
#include <stdio.h>
#include <stdlib.h>

#include <friso/friso.h>

int
main(int argc, char **argv)
{
	char *ini = argc > 1 ? argv[1] : "/etc/friso/friso.ini";
	friso_t friso = friso_new();
	friso_config_t config = friso_new_config();
	friso_task_t task;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (friso_init_from_ifile(friso, config, ini) != 1) {
		fprintf(stderr, "frisobrk: cannot initialise from %s\n", ini);
		return 2;
	}
	task = friso_new_task();
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		friso_set_text(task, line);
		while (config->next_token(friso, config, task) != NULL) {
			fputs(task->token->word, stdout);
			putchar(' ');
		}
		putchar('\n');
	}
	friso_free_task(task);
	friso_free_config(config);
	friso_free(friso);
	free(line);
	return 0;
}
