package io.wxcard.adapter.console;

import java.util.Objects;

/**
 * @param secureCookies whether cookies carry {@code Secure} (the console is served over https, or behind a proxy
 *                      that terminates it)
 * @param defaultTenant the tenant the sign-in form names first (the demo tenant on the embedded defaults)
 */
public record ConsoleSettings(boolean secureCookies, String defaultTenant) {
    public ConsoleSettings {
        Objects.requireNonNull(defaultTenant, "default tenant");
    }
}
