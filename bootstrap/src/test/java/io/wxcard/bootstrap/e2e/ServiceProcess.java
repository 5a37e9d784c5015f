package io.wxcard.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A java process of the packaged jar (the service, one of its commands, or the standalone sandbox), for e2e tests. */
final class ServiceProcess implements AutoCloseable {

    static final Path SERVICE_JAR = Path.of(System.getProperty("wxcard.serviceJar", "target/card-service.jar"));
    static final Path SANDBOX_JAR = Path.of(System.getProperty("wxcard.sandboxJar", "../wechat-sandbox/target/wechat-sandbox.jar"));

    private final Process process;
    private final Path output;

    private ServiceProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ServiceProcess start(Path jar, Map<String, String> environment, String... arguments) {
        try {
            Path output = Files.createTempFile("wxcard-e2e-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar.toAbsolutePath().toString()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("CARD_"));
            builder.environment().putAll(environment);
            return new ServiceProcess(builder.start(), output);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Runs a command of the jar to its end; answers its exit status and what it printed. */
    static Result run(Map<String, String> environment, Duration timeout, String... arguments) {
        try (ServiceProcess command = start(SERVICE_JAR, environment, arguments)) {
            if (!command.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("`" + String.join(" ", arguments) + "` did not end within " + timeout
                        + "; it printed:\n" + command.output());
            }
            return new Result(command.process.exitValue(), command.output());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    record Result(int status, String output) {}

    /** Waits until {@code url} answers 200, or fails with what the process printed. */
    void awaitHealthy(String url, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended with " + process.exitValue() + "; it printed:\n" + output());
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            sleep(100);
        }
        throw new AssertionError("not healthy within " + timeout + "; it printed:\n" + output());
    }

    /** Waits for a line in the output. */
    void awaitOutput(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("never printed \"" + text + "\"; it printed:\n" + output());
            }
            sleep(100);
        }
    }

    /** SIGTERM, as an operator's stop does; answers the exit status. */
    int stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not stop within " + timeout + "; it printed:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** kill -9. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException unreadable) {
            return "(output unreadable: " + unreadable + ")";
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
