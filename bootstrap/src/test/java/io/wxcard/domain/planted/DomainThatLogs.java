package io.wxcard.domain.planted;

import java.util.logging.Logger;

/** A planted violation: domain code that logs (java.util.logging hides inside java.util). */
public final class DomainThatLogs {
    private static final Logger LOG = Logger.getLogger("domain");

    public void say(String what) {
        LOG.info(what);
    }
}
