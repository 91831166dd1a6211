/* moments: a kitchen wall display for two. */
#include <stdio.h>

#include "app/app.h"
#include "app/commands.h"
#include "core/cli.h"
#include "platform/i18n.h"

int main(int argc, char **argv)
{
	/* the command line speaks the environment's language; the display
	 * and the commands that read the config switch to its [display]
	 * language once they have read it */
	i18n_use("auto");
	struct cli_options opt;
	char err[256];
	if (cli_parse(argc, argv, &opt, err, sizeof err) != 0) {
		fprintf(stderr, "moments: %s\n", err);
		return 2;
	}
	if (opt.help) {
		fputs(cli_usage(&opt), stdout);
		return 0;
	}
	if (opt.command == CLI_EXPORT)
		return export_cmd_run(&opt, stdout, stderr);
	if (opt.command == CLI_STATS)
		return stats_cmd_run(&opt, stdout, stderr);
	if (opt.version) {
		printf("moments %s\n", MOMENTS_VERSION);
		return 0;
	}
	if (opt.check_config)
		return app_check_config(&opt);
	if (opt.list_gpio)
		return app_list_gpio(&opt);

	static struct app app;
	int rc = app_init(&app, &opt);
	if (rc == 0)
		rc = app_run(&app);
	app_fini(&app);
	return rc;
}
