/* main.c - crosscheck: find where news sources disagree.  Dispatches the
 * subcommands; the only place that calls exit(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "config.h"
#include "pipeline.h"

static const char usage[] = "usage: crosscheck COMMAND [options] [PATH...]\n"
                            "\n"
                            "Commands:\n"
                            "  check      report where sources disagree (gate mode: --reference)\n"
                            "  extract    print the claims found in documents (JSON lines)\n"
                            "  normalize  print the dates, numbers and durations found in text\n"
                            "  rules      lint or list the rule files\n"
                            "\n"
                            "Run 'crosscheck COMMAND --help' for a command's options; 'man crosscheck'\n"
                            "for the rule language and output formats.\n";

/* Take --config FILE (--config=FILE) and --no-config out of a command's
 * arguments (up to "--"), then load the configuration they name, or the
 * .crosscheck.yml found upward from the working directory.  Returns 0, or -1
 * after printing why (a usage error or a bad configuration file). */
static int load_config(int *argc, char **argv, struct config *cfg)
{
    const char *file = NULL;
    int none = 0, j = 1;
    config_init(cfg);
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < *argc) argv[j++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--no-config") == 0) {
            none = 1;
        } else if (strncmp(argv[i], "--config=", 9) == 0 || strcmp(argv[i], "--config") == 0) {
            if (argv[i][8] == '=')
                file = argv[i] + 9;
            else
                file = i + 1 < *argc ? argv[++i] : "";
            if (!*file) {
                fprintf(stderr, "crosscheck: --config: expected a file\n");
                return -1;
            }
        } else {
            argv[j++] = argv[i];
        }
    }
    *argc = j;
    argv[j] = NULL;
    if (none) return 0;
    char *found = file ? NULL : config_find(".");
    if (!file && !found) return 0;
    struct diag d = {0};
    int rc = config_load(cfg, file ? file : found, &d);
    diag_print(&d, stderr, stderr_color());
    diag_free(&d);
    free(found);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        exit(2);
    }
    const char *cmd = argv[1];
    int rc;
    if (strcmp(cmd, "check") == 0 || strcmp(cmd, "extract") == 0) {
        struct config cfg;
        int n = argc - 1;
        if (load_config(&n, argv + 1, &cfg) < 0)
            rc = 2;
        else if (cmd[0] == 'c')
            rc = cmd_check(n, argv + 1, &cfg);
        else
            rc = cmd_extract(n, argv + 1, &cfg);
        config_free(&cfg);
    } else if (strcmp(cmd, "normalize") == 0)
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
