package io.wxcard.adapter.console;

/**
 * A console request refused before any use case ran: a missing or stale CSRF token, a role that does not allow the
 * page. Rendered once, as a page naming what was wrong ({@link ConsolePlugin}).
 */
final class ConsoleRefusal extends RuntimeException {

    final int status;
    final String messageKey;

    ConsoleRefusal(int status, String messageKey) {
        super(messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
    }
}
