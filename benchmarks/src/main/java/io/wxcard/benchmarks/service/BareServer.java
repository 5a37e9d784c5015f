package io.wxcard.benchmarks.service;

import io.javalin.Javalin;
import io.wxcard.benchmarks.Args;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.handler.StatisticsHandler;

/**
 * The reference server of the read and push figures: Javalin 6 on Jetty 11 configured as the service's
 * {@code RestApi} configures it (no banner, no startup watcher, 405 over 404, the same request size guard and default
 * content type, a {@code StatisticsHandler}, no server version or X-Powered-By; Javalin's default thread pool), in a
 * JVM of its own started like the service, with handlers that do no work:
 * <ul>
 *   <li>{@code GET /v1/cards/{id}/memberships/{code}}: the bytes of a membership the service answered (captured by the
 *   driver, {@code --body FILE}), with the service's content type and its fixed headers;</li>
 *   <li>{@code POST /wechat/{tenant}/events}: reads the body, answers {@code success} as text;</li>
 *   <li>{@code GET /health/ready}: {@code {"status":"UP"}}.</li>
 * </ul>
 */
public final class BareServer {

    private static final String USAGE = """
            usage: java -cp benchmarks.jar io.wxcard.benchmarks.service.BareServer [options]
              --port N                port (default 8080)
              --body FILE             bytes the membership route answers (default: {})
              --content-type TYPE     their content type (default application/json)""";

    private BareServer() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, USAGE, "port", "body", "content-type");
        byte[] membership = args.text("body", null) == null ? "{}".getBytes()
                : Files.readAllBytes(Path.of(args.text("body", null)));
        String contentType = args.text("content-type", "application/json");
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = 1_048_576;
            config.http.defaultContentType = "application/json";
            config.jetty.defaultHost = "127.0.0.1";
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(30_000);
                server.setHandler(new StatisticsHandler());
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
            });
            config.router.mount(router -> {
                router.get("/v1/cards/{id}/memberships/{code}", ctx -> {
                    ctx.header("X-Request-Id", "00000000-0000-0000-0000-000000000000");
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("Cache-Control", "no-store");
                    ctx.contentType(contentType).result(membership);
                });
                router.post("/wechat/{tenant}/events", ctx -> {
                    ctx.bodyAsBytes(); // the request is read, as the service reads it; nothing is done with it
                    ctx.header("X-Request-Id", "00000000-0000-0000-0000-000000000000");
                    ctx.header("X-Content-Type-Options", "nosniff");
                    ctx.header("Cache-Control", "no-store");
                    ctx.contentType("text/plain").result("success");
                });
                router.get("/health/ready", ctx -> ctx.result("{\"status\":\"UP\"}"));
            });
        });
        app.start("127.0.0.1", args.integer("port", 8080));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "bare-shutdown"));
        System.out.println("bare server ready on port " + app.port());
    }
}
