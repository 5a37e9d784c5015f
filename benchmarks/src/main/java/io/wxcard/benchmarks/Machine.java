package io.wxcard.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** What a figure was measured on: every report starts with this line, so a number never travels without it. */
public final class Machine {

    private Machine() {}

    /** {@code nproc}, the JVM, the OS and the date, on one line. */
    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format("machine: %d cpus (nproc), %s %s (%s), max heap %d MiB, %s %s %s, load average %.2f, %s",
                runtime.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                runtime.maxMemory() / (1024 * 1024), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
