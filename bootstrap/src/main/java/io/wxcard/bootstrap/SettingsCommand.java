package io.wxcard.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists every setting with its default; the README's table is this list. */
@Command(name = "settings", description = "List every setting (environment variable), its default and meaning.")
final class SettingsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (Settings.Entry entry : Settings.ENTRIES) {
            System.out.printf("%-26s %-45s %s%n", entry.name(), entry.defaultValue(), entry.meaning());
        }
        return 0;
    }
}
