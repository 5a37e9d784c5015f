package io.wxcard.application.port.out;

import java.time.Instant;

/** What time it is: a port, so tests decide. Instants have at most microsecond precision. */
public interface Clock {
    Instant now();

    /** The system's time to the microsecond: what every supported database keeps, so instants read back equal. */
    static Clock system() {
        return () -> Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
