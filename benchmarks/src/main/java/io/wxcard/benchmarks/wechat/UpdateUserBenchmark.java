package io.wxcard.benchmarks.wechat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The same two clients as {@link UpdateUserComparison}, under JMH, for drilling into one of them with JMH's profilers
 * (allocation per call with {@code -prof gc}, say):
 * {@code java -jar benchmarks/target/benchmarks.jar UpdateUserBenchmark -t 8 -prof gc}. The headline ratio comes
 * from {@link UpdateUserComparison}, which runs both in one JVM in alternating slices (a shared, noisy machine drifts
 * too much between two JMH forks for a fair ratio).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
public class UpdateUserBenchmark {

    /** Activated codes the calls go round, so that threads seldom update the same member at once. */
    @Param("64")
    public int members;

    private UpdateUserClients clients;

    @Setup(Level.Trial)
    public void start() {
        clients = new UpdateUserClients(SandboxWorld.start(members));
    }

    @TearDown(Level.Trial)
    public void stop() {
        clients.world.close();
    }

    /** Each thread walks the codes from its own starting point. */
    @State(Scope.Thread)
    public static class Caller {
        UpdateUserClients.Cursor cursor;

        @Setup(Level.Trial)
        public void place(ThreadParams thread) {
            cursor = new UpdateUserClients.Cursor(thread.getThreadIndex() * 7);
        }
    }

    @Benchmark
    public Object adapter(Caller caller) {
        return clients.adapterCall(caller.cursor);
    }

    @Benchmark
    public Object feignAlone(Caller caller) {
        return clients.breakdown.feign(caller.cursor);
    }

    @Benchmark
    public Object httpClientAndJackson(Caller caller) throws IOException, InterruptedException {
        return clients.breakdown.jackson(caller.cursor);
    }

    @Benchmark
    public String bareHttpClient(Caller caller) throws IOException, InterruptedException {
        return clients.bareCall(caller.cursor);
    }
}
