package io.wxcard.bootstrap;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Runs the service until it is stopped (SIGTERM or Ctrl-C stop it gracefully). */
@Command(name = "serve", description = "Run the service (the default command).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() {
        Settings settings = Settings.load(System.getenv());
        LOG.info("starting with {}", settings.describe());
        ServiceRuntime runtime = ServiceRuntime.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: in-flight requests and outbox work finish first");
            runtime.close();
            LOG.info("stopped");
        }, "shutdown"));
        runtime.printBanner(settings, System.out);
        LOG.info("ready on port {}", runtime.httpPort());
        return 0;
    }
}
