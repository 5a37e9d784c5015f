package io.wxcard.application.port.in;

/** Sends due outbox tasks to WeChat; run in a loop by every instance. */
public interface DispatchOutboxUseCase {

    /** Claims up to {@code limit} due tasks and sends them. */
    DispatchReport dispatchDue(int limit);

    /** @param retried failed for now and offered again later; {@code dead}: failed for good */
    record DispatchReport(int claimed, int sent, int retried, int dead) {}
}
