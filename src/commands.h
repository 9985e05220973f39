/* commands.h - the subcommands of crosscheck: each takes argc/argv (argv[0] is
 * the subcommand's name), parses its own options and returns the exit status
 * (0 clean, 1 findings at the chosen severity, 2 usage, I/O or rule errors).
 * main.c dispatches and is the only caller of exit(). */
#ifndef CC_COMMANDS_H
#define CC_COMMANDS_H

#define CROSSCHECK_VERSION "0.1.0"

struct config;

/* check and extract take the project's configuration (config.h: defaults that
 * their options override; borrowed, never NULL). */
int cmd_extract(int argc, char **argv, const struct config *cfg);
int cmd_check(int argc, char **argv, const struct config *cfg);
int cmd_rules(int argc, char **argv);

/* crosscheck normalize [--date YYYY-MM-DD] [--lines] [--jsonl] [FILE...]:
 * print every date, time, duration and number found, one JSON object a line.
 * Returns 0, or 2 on a usage or I/O error. */
int cmd_normalize(int argc, char **argv);

#endif
