package io.wxcard.adapter.console;

import io.wxcard.application.port.out.Clock;
import java.util.Objects;

/**
 * @param secureCookies whether cookies carry {@code Secure} (the console is served over https, or behind a proxy
 *                      that terminates it)
 * @param defaultTenant the tenant the sign-in form names first (the demo tenant on the embedded defaults)
 * @param clock         the application's clock: which day is today for the statistics' default range
 */
public record ConsoleSettings(boolean secureCookies, String defaultTenant, Clock clock) {
    public ConsoleSettings {
        Objects.requireNonNull(defaultTenant, "default tenant");
        Objects.requireNonNull(clock, "clock");
    }

    /** On the system's clock. */
    public ConsoleSettings(boolean secureCookies, String defaultTenant) {
        this(secureCookies, defaultTenant, Clock.system());
    }
}
