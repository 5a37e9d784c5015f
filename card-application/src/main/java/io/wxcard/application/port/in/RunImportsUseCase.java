package io.wxcard.application.port.in;

/** Sends the rows of queued imports to WeChat; run in a loop by every instance, each job by one at a time. */
public interface RunImportsUseCase {

    /**
     * Takes one job that needs work and whose lease is free, and sends its due rows until none is due or the lease
     * is lost.
     *
     * @return whether there was a job to work on
     */
    boolean runOneJob();
}
