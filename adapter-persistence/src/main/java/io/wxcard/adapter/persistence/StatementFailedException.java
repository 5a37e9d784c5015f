package io.wxcard.adapter.persistence;

/**
 * A statement run over plain JDBC failed for a reason no port names (the database is unreachable, say): what Jdbi's
 * {@code JdbiException} is for the other statements. The message names what was being done and the driver's message,
 * never the bound values.
 */
final class StatementFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StatementFailedException(String what, Throwable failure) {
        super(what + ": " + failure.getMessage(), failure);
    }
}
