package io.wxcard.benchmarks.wechat;

import io.wxcard.domain.membership.Code;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Ways of making the same updateuser call: through the adapter, and through a bare JDK {@link HttpClient} configured
 * as the adapter configures its own (HTTP/1.1, the same connect and read timeouts, no redirects), sending the same
 * JSON (checked by {@link BodyCheck}) with the same access_token; in between, the adapter's layers one at a time
 * ({@link BreakdownClients}).
 */
final class UpdateUserClients {

    /** One of the two clients. */
    interface Client {
        String name();

        void call(Cursor cursor) throws Exception;
    }

    /** Where one calling thread is: which code it updates next, and to what points total. */
    static final class Cursor {
        private int next;
        private long bonus;

        Cursor(int start) {
            this.next = start;
        }

        Code code(SandboxWorld world) {
            return world.codes.get(Math.floorMod(next++, world.codes.size()));
        }

        long bonus() {
            return 1 + (bonus++ % 1_000_000);
        }
    }

    final SandboxWorld world;
    final BreakdownClients breakdown;
    private final HttpClient bare;
    private final URI updateUri;

    final Client adapter = new Client() {
        @Override
        public String name() {
            return "adapter";
        }

        @Override
        public void call(Cursor cursor) {
            adapterCall(cursor);
        }
    };

    final Client bareClient = new Client() {
        @Override
        public String name() {
            return "bare HttpClient";
        }

        @Override
        public void call(Cursor cursor) throws IOException, InterruptedException {
            bareCall(cursor);
        }
    };

    final Client feign = new Client() {
        @Override
        public String name() {
            return "Feign alone";
        }

        @Override
        public void call(Cursor cursor) {
            breakdown.feign(cursor);
        }
    };

    final Client jackson = new Client() {
        @Override
        public String name() {
            return "HttpClient + Jackson";
        }

        @Override
        public void call(Cursor cursor) throws IOException, InterruptedException {
            breakdown.jackson(cursor);
        }
    };

    UpdateUserClients(SandboxWorld world) {
        this.world = world;
        this.breakdown = new BreakdownClients(world);
        this.bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(world.settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.updateUri = URI.create(world.sandbox.baseUrl() + "/card/membercard/updateuser?access_token="
                + world.accessToken);
    }

    /** The clients by the names {@code --clients} takes. */
    Client named(String name) {
        return switch (name) {
            case "adapter" -> adapter;
            case "feign" -> feign;
            case "jackson" -> jackson;
            case "bare" -> bareClient;
            default -> throw new IllegalArgumentException("no client " + name + " (adapter, feign, jackson, bare)");
        };
    }

    Object adapterCall(Cursor cursor) {
        return SandboxWorld.check(world.adapter.members().updateMember(world.account,
                SandboxWorld.update(world.cardId, cursor.code(world), cursor.bonus())));
    }

    /** The floor: build the JSON text, send it, check the answer says errcode 0. */
    String bareCall(Cursor cursor) throws IOException, InterruptedException {
        String body = SandboxWorld.updateJson(world.cardId, cursor.code(world), cursor.bonus());
        HttpResponse<String> answer = bare.send(HttpRequest.newBuilder(updateUri)
                        .timeout(world.settings.readTimeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().contains("\"errcode\":0")) {
            throw new IllegalStateException("updateuser answered " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }
}
