package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for {@code GET /sandbox/stats}. */
final class Stats {
    final LongAdder tokenFetches = new LongAdder();
    final LongAdder updateuserApplied = new LongAdder();
    final LongAdder wechatSideChanges = new LongAdder();
    final LongAdder imports = new LongAdder();
    final LongAdder pushAttempts = new LongAdder();
    final LongAdder pushesDelivered = new LongAdder();
    final LongAdder pushesFailed = new LongAdder();
    final LongAdder faultsInjected = new LongAdder();
    private final Map<String, LongAdder> callsByPath = new ConcurrentHashMap<>();

    void countCall(String path) {
        callsByPath.computeIfAbsent(path, p -> new LongAdder()).increment();
    }

    ObjectNode toJson() {
        ObjectNode out = Json.object()
                .put("token_fetches", tokenFetches.sum())
                .put("updateuser_applied", updateuserApplied.sum())
                .put("wechat_side_changes", wechatSideChanges.sum())
                .put("imports", imports.sum())
                .put("push_attempts", pushAttempts.sum())
                .put("pushes_delivered", pushesDelivered.sum())
                .put("pushes_failed", pushesFailed.sum())
                .put("faults_injected", faultsInjected.sum());
        ObjectNode calls = out.putObject("calls_per_path");
        new TreeMap<>(callsByPath).forEach((path, count) -> calls.put(path, count.sum()));
        return out;
    }

    void clear() {
        for (LongAdder adder : new LongAdder[] {tokenFetches, updateuserApplied, wechatSideChanges, imports, pushAttempts,
                pushesDelivered, pushesFailed, faultsInjected}) {
            adder.reset();
        }
        callsByPath.clear();
    }
}
