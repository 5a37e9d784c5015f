package io.wxcard.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Points changes over HTTP, as a merchant's back office sends them: {@code POST /v1/cards/{id}/memberships/{code}/points}
 * with a new {@code Idempotency-Key} each, from {@code clients} threads at once, each picking a member at random and
 * adding 1 to 10 points, as fast as the answers come. A 409 {@code concurrent-update} (two clients on one member) is
 * sent again with the same key, as a client should. Every 201 is an acknowledged change (kept, with its key and delta,
 * when {@code track}); a request that got no answer or another status is sent again with the same key (20 to 50 ms
 * later) until it is answered 201, as a client should: it may or may not have landed the first time. A change still
 * unanswered when the clients stop is "unanswered"; the drills send it again afterwards. Latencies are recorded for
 * changes answered 201 at the first try.
 */
public final class PointsLoad {

    /** One change as sent. */
    public record Sent(String code, String key, long delta) {
        String body() {
            return "{\"delta\":" + delta + ",\"reason\":\"bench " + key + "\",\"notify\":false}";
        }
    }

    /** What a run did. */
    /** {@code failed}: attempts without a 201 (each retry counts). */
    public record Result(double seconds, long acknowledged, long failed, long conflictsRetried, Histogram latencyMicros) {
        public double perSecond() {
            return acknowledged / seconds;
        }
    }

    private static final int TIMELINE_SECONDS = 24 * 3600;

    private final ServiceWorld world;
    private final int clients;
    private final boolean track;
    private final HttpClient http = Api.newClient();
    private final String run = WechatCrypto.randomHex(4);
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Sent> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sent> unanswered = new ConcurrentLinkedQueue<>();
    private final AtomicLongArray okPerSecond = new AtomicLongArray(TIMELINE_SECONDS);
    private final AtomicLongArray failedPerSecond = new AtomicLongArray(TIMELINE_SECONDS);
    private final long origin = System.nanoTime();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    private volatile long intervalNanos;
    private final AtomicLong nextSlot = new AtomicLong();

    public PointsLoad(ServiceWorld world, int clients, boolean track) {
        this.world = world;
        this.clients = clients;
        this.track = track;
    }

    /** Paces the clients together to at most {@code perSecond} new changes a second (0: as fast as they can). */
    public PointsLoad withRate(double perSecond) {
        intervalNanos = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
        nextSlot.set(System.nanoTime());
        return this;
    }

    private void pace() {
        long interval = intervalNanos;
        if (interval == 0) {
            return;
        }
        long now = System.nanoTime();
        long slot = nextSlot.getAndUpdate(previous -> Math.max(previous, now - interval) + interval);
        long wait = slot - now;
        if (wait > 0) {
            Proc.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Runs the clients for {@code length}. */
    public Result run(Duration length) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Running running = start(stop);
        Thread.sleep(length.toMillis());
        stop.set(true);
        return running.await();
    }

    /** Starts the clients; they run until {@code stop} is set; {@link Running#await()} collects what they did. */
    public Running start(AtomicBoolean stop) {
        return new Running(stop);
    }

    /** Clients at work. */
    public final class Running {
        private final List<Thread> threads = new ArrayList<>();
        private final List<long[]> counts = new ArrayList<>();
        private final List<Histogram> latencies = new ArrayList<>();
        private final long start = System.nanoTime();

        Running(AtomicBoolean stop) {
            for (int c = 0; c < clients; c++) {
                long[] count = new long[3];
                Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
                counts.add(count);
                latencies.add(latency);
                Thread thread = new Thread(() -> client(stop, count, latency), "points-client-" + c);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        public Result await() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
            latencies.forEach(all::add);
            long ok = counts.stream().mapToLong(c -> c[0]).sum();
            long failed = counts.stream().mapToLong(c -> c[1]).sum();
            long conflicts = counts.stream().mapToLong(c -> c[2]).sum();
            return new Result(seconds, ok, failed, conflicts, all);
        }
    }

    private void client(AtomicBoolean stop, long[] count, Histogram latency) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<ServiceWorld.Member> members = world.members();
        Sent retrying = null;
        while (!stop.get()) {
            Sent change = retrying;
            if (change == null) {
                pace();
                ServiceWorld.Member member = members.get(random.nextInt(members.size()));
                change = new Sent(member.code(), "b" + run + "-" + sequence.incrementAndGet(), 1 + random.nextInt(10));
            }
            long before = System.nanoTime();
            int status = send(change, count);
            long after = System.nanoTime();
            if (status == 201) {
                if (retrying == null) {
                    latency.recordValue(Math.min((after - before) / 1000, latency.getHighestTrackableValue()));
                }
                retrying = null;
                count[0]++;
                okPerSecond.incrementAndGet(second(after));
            } else {
                // No 201: the client tries the same change again, with the same key, until it is answered.
                count[1]++;
                failedPerSecond.incrementAndGet(second(after));
                retrying = change;
                Proc.sleep(status < 0 ? 20 : 50);
            }
        }
        if (retrying != null) {
            unanswered.add(retrying);
        }
    }

    /**
     * Sends one change (again while 409 concurrent-update, at most 10 times); answers the final HTTP status, or -1 when
     * no answer came.
     */
    public int send(Sent change, long[] count) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(world.serviceUrl() + "/v1/cards/" + world.cardId()
                        + "/memberships/" + change.code() + "/points"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + world.apiKey())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", change.key())
                .POST(HttpRequest.BodyPublishers.ofString(change.body(), StandardCharsets.UTF_8)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer;
            try {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException noAnswer) {
                note("no answer: " + noAnswer);
                return -1;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return -1;
            }
            if (answer.statusCode() == 201) {
                if (track) {
                    acknowledged.put(change.key(), change);
                }
                return 201;
            }
            if (answer.statusCode() == 409 && answer.body().contains("concurrent-update") && attempt < 10) {
                if (count != null) {
                    count[2]++;
                }
                Proc.sleep(attempt);
                continue;
            }
            note(answer.statusCode() + " " + answer.body());
            return answer.statusCode();
        }
    }

    private void note(String failure) {
        if (failures.size() < 20) {
            failures.add(failure.length() > 300 ? failure.substring(0, 300) : failure);
        }
    }

    private int second(long nanos) {
        return (int) Math.min(TIMELINE_SECONDS - 1, Math.max(0, (nanos - origin) / 1_000_000_000L));
    }

    /** The second (since this load was made) of {@code nanos}. */
    public int secondOf(long nanos) {
        return second(nanos);
    }

    /** Changes answered 201, by key (when tracking). */
    public Map<String, Sent> acknowledged() {
        return acknowledged;
    }

    /** Changes that got no 201 (no answer, or another status), in the order they were given up. */
    public ConcurrentLinkedQueue<Sent> unanswered() {
        return unanswered;
    }

    /** Up to 20 of the failures seen, for the report. */
    public List<String> someFailures() {
        return List.copyOf(failures);
    }

    /** {201s, failures} in second {@code s} since this load was made. */
    public long[] at(int s) {
        return new long[] {okPerSecond.get(s), failedPerSecond.get(s)};
    }
}
