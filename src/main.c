/* main.c - crosscheck: find where news sources disagree.  Dispatches the
 * subcommands; the only place that calls exit(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static const char usage[] =
    "usage: crosscheck COMMAND [options] [PATH...]\n"
    "\n"
    "Commands:\n"
    "  check      report where sources disagree (gate mode: --reference)\n"
    "  extract    print the claims found in documents (JSON lines)\n"
    "  normalize  print the dates, numbers and durations found in text\n"
    "  rules      lint or list the rule files\n"
    "\n"
    "Run 'crosscheck COMMAND --help' for a command's options; 'man crosscheck'\n"
    "for the rule language and output formats.\n";

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        exit(2);
    }
    const char *cmd = argv[1];
    int rc;
    if (strcmp(cmd, "check") == 0)
        rc = cmd_check(argc - 1, argv + 1);
    else if (strcmp(cmd, "extract") == 0)
        rc = cmd_extract(argc - 1, argv + 1);
    else if (strcmp(cmd, "normalize") == 0)
        rc = cmd_normalize(argc - 1, argv + 1);
    else if (strcmp(cmd, "rules") == 0)
        rc = cmd_rules(argc - 1, argv + 1);
    else if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        rc = 0;
    } else if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("crosscheck %s\n", CROSSCHECK_VERSION);
        rc = 0;
    } else {
        fprintf(stderr, "crosscheck: unknown command '%s'\n", cmd);
        fputs(usage, stderr);
        rc = 2;
    }
    exit(rc);
}
