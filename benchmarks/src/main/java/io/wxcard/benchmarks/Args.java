package io.wxcard.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code --name value} and {@code --flag} options of the drivers; an unknown option stops the run with the list. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> known;
    private final String usage;

    private Args(Set<String> known, String usage) {
        this.known = known;
        this.usage = usage;
    }

    /**
     * @param usage  printed on {@code --help} and on a mistake: every option with its default
     * @param names  the options this driver takes, without {@code --}
     */
    public static Args parse(String[] args, String usage, String... names) {
        Args parsed = new Args(Stream.of(names).collect(Collectors.toSet()), usage);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                parsed.fail("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (!parsed.known.contains(name)) {
                parsed.fail("unknown option --" + name);
            }
            parsed.values.put(name, value);
        }
        return parsed;
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            fail("--" + name + " takes a whole number, got " + value);
            return fallback;
        }
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    public List<Integer> integers(String name, String fallback) {
        String value = values.getOrDefault(name, fallback);
        try {
            return Stream.of(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            fail("--" + name + " takes whole numbers separated by commas, got " + value);
            return List.of();
        }
    }

    private void fail(String problem) {
        System.err.println(problem);
        System.err.println(usage);
        System.exit(2);
    }
}
