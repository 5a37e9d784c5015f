package io.wxcard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Injected failures for the WeChat APIs (never the control API). Each call draws at most one fault, in the order
 * drop, HTTP 5xx, busy, slow. With {@code after_apply} the call is carried out first and only its answer is lost or
 * spoiled: the case where a client cannot know whether its non-idempotent call was applied.
 */
final class Faults {
    enum Kind { DROP, HTTP_5XX, BUSY, SLOW }

    record Config(double busyRatio, double http5xxRatio, double slowRatio, long slowMs, double dropRatio,
                  String pathPrefix, boolean afterApply) {
        static final Config NONE = new Config(0, 0, 0, 0, 0, null, false);

        ObjectNode toJson() {
            return Json.object().put("busy_ratio", busyRatio).put("http_5xx_ratio", http5xxRatio)
                    .put("slow_ratio", slowRatio).put("slow_ms", slowMs).put("drop_ratio", dropRatio)
                    .put("path_prefix", pathPrefix).put("after_apply", afterApply);
        }
    }

    private volatile Config config = Config.NONE;

    Config config() {
        return config;
    }

    /**
     * Changes the faults: the fields given replace the current ones, the others stay; {@code clear} first resets
     * all. Ratios are probabilities in [0, 1].
     */
    synchronized Config update(ObjectNode request) {
        Config base = Json.bool(request, "clear", false) ? Config.NONE : config;
        Config next = new Config(
                ratio(request, "busy_ratio", base.busyRatio),
                ratio(request, "http_5xx_ratio", base.http5xxRatio),
                ratio(request, "slow_ratio", base.slowRatio),
                nonNegative(request, "slow_ms", base.slowMs),
                ratio(request, "drop_ratio", base.dropRatio),
                request.has("path_prefix") ? Json.text(request, "path_prefix") : base.pathPrefix,
                Json.bool(request, "after_apply", base.afterApply));
        if (next.slowRatio > 0 && next.slowMs == 0) {
            next = new Config(next.busyRatio, next.http5xxRatio, next.slowRatio, 3000, next.dropRatio,
                    next.pathPrefix, next.afterApply);
        }
        config = next;
        return next;
    }

    void clear() {
        config = Config.NONE;
    }

    /** The fault this call suffers, or null. */
    Kind draw(String path) {
        Config c = config;
        if (c.pathPrefix != null && !path.startsWith(c.pathPrefix)) {
            return null;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (hit(c.dropRatio, random)) {
            return Kind.DROP;
        }
        if (hit(c.http5xxRatio, random)) {
            return Kind.HTTP_5XX;
        }
        if (hit(c.busyRatio, random)) {
            return Kind.BUSY;
        }
        if (hit(c.slowRatio, random)) {
            return Kind.SLOW;
        }
        return null;
    }

    private static boolean hit(double ratio, ThreadLocalRandom random) {
        return ratio > 0 && random.nextDouble() < ratio;
    }

    private static double ratio(ObjectNode request, String field, double current) {
        if (!Json.has(request, field)) {
            return current;
        }
        double value = request.get(field).asDouble(-1);
        if (!request.get(field).isNumber() || value < 0 || value > 1) {
            throw WxException.invalidArgs(field + " must be a number between 0 and 1");
        }
        return value;
    }

    private static long nonNegative(ObjectNode request, String field, long current) {
        Long value = Json.integer(request, field);
        if (value == null) {
            return current;
        }
        if (value < 0) {
            throw WxException.invalidArgs(field + " must not be negative");
        }
        return value;
    }
}
