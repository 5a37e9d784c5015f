package io.wxcard.bootstrap;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar card-service.jar [command]}: {@code serve} (the default), {@code migrate}, {@code tenant}, {@code reconcile},
 * {@code import}, {@code demo}. Settings come from the environment (see {@link Settings}).
 */
@Command(name = "card-service", mixinStandardHelpOptions = true, version = "wxcard 0.1.0",
        description = "WeChat member cards, the whole lifecycle. Without a command: serve.",
        subcommands = {ServeCommand.class, MigrateCommand.class, TenantCommand.class, ImportCommand.class,
                LedgerBatchCommand.class,
                DemoCommand.class, SettingsCommand.class, ReconcileCommand.class, MembersCommand.class,
                WebhooksCommand.class, ConsoleAdminCommand.class, UpgradeCardCommand.class,
                StatisticsCommand.class, StoresCommand.class, SegmentsCommand.class,
                LoyaltyCommand.class, CampaignsCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        chooseLogFormat();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText(describe(failure)));
            return 1;
        });
        String[] arguments = args.length == 0 ? new String[] {"serve"} : args;
        int status = cli.execute(arguments);
        if (!(arguments[0].equals("serve") && status == 0)) {
            System.exit(status);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Logback reads its configuration when the first logger is made, so the format is chosen before anything logs. */
    private static void chooseLogFormat() {
        if (System.getProperty("logback.configurationFile") == null) {
            String format = System.getenv().getOrDefault("CARD_LOG_FORMAT", "text");
            System.setProperty("logback.configurationFile", "json".equals(format) ? "logback-json.xml" : "logback-text.xml");
        }
    }

    /** A failure as one line a person can act on: no stack trace for the expected kinds. */
    static String describe(Exception failure) {
        if (failure instanceof Settings.SettingsException || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException) {
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
