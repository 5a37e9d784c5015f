package io.wxcard.spring;

import io.wxcard.application.service.InstanceLoops;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The application's {@link InstanceLoops} (the outbox dispatcher, the push inbox, the import runner, the events, the
 * housekeeping) as a {@link SmartLifecycle}: started before the web server takes requests and stopped after it has
 * stopped (phase 0, below Spring Boot's web server phases), each letting its work in hand finish.
 */
public final class BackgroundLoops implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoops.class);

    private final InstanceLoops loops;

    public BackgroundLoops(InstanceLoops loops) {
        this.loops = loops;
    }

    @Override
    public void start() {
        loops.start();
        LOG.info("wxcard background loops started: {}", loops.names());
    }

    @Override
    public void stop() {
        loops.stop();
        LOG.info("wxcard background loops stopped");
    }

    @Override
    public boolean isRunning() {
        return loops.isRunning();
    }

    /** Before the web server (which starts at a phase near {@link Integer#MAX_VALUE}), and stopped after it. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** The loops whose latest round failed, with the failure's type (never its message: it may hold data). */
    public Map<String, String> failing() {
        return loops.failing();
    }

    public List<String> names() {
        return loops.names();
    }
}
