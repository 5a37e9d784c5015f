package io.wxcard.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the sandbox standalone:
 * {@code java -jar wechat-sandbox.jar --port 9000 --app-id ID --app-secret SECRET [options]}; see {@link #USAGE}.
 */
public final class SandboxMain {
    static final String USAGE = """
            usage: java -jar wechat-sandbox.jar [options]
              --port N                   port to listen on (default 9000; 0 = any free port)
              --host H                   interface to bind (default 127.0.0.1; 0.0.0.0 for all)
              --app-id ID                register this official account at start
              --app-secret SECRET        its appsecret (required with --app-id)
              --token T                  its message token (signs the pushes)
              --aes-key K                its 43-character EncodingAESKey (safe mode)
              --callback URL             where its events are pushed
              --mode plain|safe          push mode (default plain)
              --merchant-id M            WeChat Pay mchid allowed to import members
              --merchant-serial S        serial_no of the merchant's certificate
              --merchant-public-key FILE the merchant's public key or certificate (PEM)
              --api-v3-key K             the merchant's 32-character APIv3 key (encrypts GET /v3/certificates)
              --platform-private-key FILE the sandbox's WeChat Pay platform key (PKCS#8 PEM; default: generated)
              --review-delay-ms N        auto-approve cards after N ms (default 1000; negative: never)
              --token-lifetime-s N       access_token lifetime in seconds (default 7200)
              --daily-token-quota N      /cgi-bin/token calls per day (default 2000)
              --state-file FILE          keep cards, members, accounts and the platform key in FILE across
                                         restarts (loaded at start if it exists; default: memory only)
              --verify-callback          send WeChat's echostr handshake to the callback URL when the account
                                         is registered, and log the result (never enforced)
              --latency-ms N             every OA and Pay answer waits N ms (default 0; WeChat: tens of ms)
              --echo-updateuser          updateuser changes of bonus/balance also push update_member_card
              --force-refresh-limits     stable_token force_refresh: 20 a day, 30 s apart (default true)
              --help                     print this and exit
            """;
    private static final Set<String> OPTIONS = Set.of("--port", "--host", "--app-id", "--app-secret", "--token",
            "--aes-key", "--callback", "--mode", "--merchant-id", "--merchant-serial", "--merchant-public-key",
            "--platform-private-key", "--review-delay-ms", "--token-lifetime-s", "--daily-token-quota",
            "--state-file", "--verify-callback", "--latency-ms", "--echo-updateuser", "--force-refresh-limits",
            "--api-v3-key");
    /** Options without a value ({@code --flag}, or {@code --flag=true|false}). */
    private static final Set<String> FLAGS = Set.of("--verify-callback", "--echo-updateuser",
            "--force-refresh-limits");

    private SandboxMain() {
    }

    public static void main(String[] args) {
        // The shaded jar brings its own logging configuration under a name that cannot clash with an embedder's.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "wechat-sandbox-logback.xml");
        }
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        try {
            WechatSandbox sandbox = start(args);
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
            System.out.println("WeChat sandbox ready at " + sandbox.baseUrl());
        } catch (IllegalArgumentException e) {
            fail(System.err, e.getMessage());
        } catch (IllegalStateException e) { // e.g. a state file that cannot be read: no usage needed
            System.err.println("wechat-sandbox: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Parses the arguments, starts the sandbox and registers the account given on the command line. */
    static WechatSandbox start(String[] args) {
        Map<String, String> options = parse(args);
        SandboxSettings settings = SandboxSettings.defaults().withPort(9000);
        if (options.containsKey("--port")) {
            settings = settings.withPort(integer(options, "--port"));
        }
        if (options.containsKey("--host")) {
            settings = settings.withHost(options.get("--host"));
        }
        if (options.containsKey("--review-delay-ms")) {
            long delay = integer(options, "--review-delay-ms");
            settings = settings.withReviewDelay(delay < 0 ? null : Duration.ofMillis(delay));
        }
        if (options.containsKey("--token-lifetime-s")) {
            settings = settings.withTokenLifetime(Duration.ofSeconds(integer(options, "--token-lifetime-s")));
        }
        if (options.containsKey("--daily-token-quota")) {
            settings = settings.withDailyTokenQuota(integer(options, "--daily-token-quota"));
        }
        if (options.containsKey("--platform-private-key")) {
            settings = settings.withPlatformPrivateKeyPem(read(options.get("--platform-private-key")));
        }
        if (options.containsKey("--state-file")) {
            settings = settings.withStateFile(Path.of(options.get("--state-file")));
        }
        if (options.containsKey("--verify-callback")) {
            settings = settings.withVerifyCallbacks(Boolean.parseBoolean(options.get("--verify-callback")));
        }
        if (options.containsKey("--latency-ms")) {
            settings = settings.withLatency(Duration.ofMillis(integer(options, "--latency-ms")));
        }
        if (options.containsKey("--echo-updateuser")) {
            settings = settings.withEchoUpdateUser(Boolean.parseBoolean(options.get("--echo-updateuser")));
        }
        if (options.containsKey("--force-refresh-limits")) {
            settings = settings.withForceRefreshLimits(Boolean.parseBoolean(options.get("--force-refresh-limits")));
        }
        SandboxApp app = null;
        if (options.containsKey("--app-id")) {
            String publicKeyFile = options.get("--merchant-public-key");
            app = new SandboxApp(options.get("--app-id"), options.get("--app-secret"), options.get("--token"),
                    options.get("--aes-key"), options.get("--callback"), options.get("--mode"),
                    options.get("--merchant-id"), options.get("--merchant-serial"),
                    publicKeyFile == null ? null : read(publicKeyFile), options.get("--api-v3-key"));
        }
        WechatSandbox sandbox = WechatSandbox.start(settings);
        if (app != null) {
            try {
                sandbox.registerApp(app);
            } catch (RuntimeException e) {
                sandbox.close();
                throw e;
            }
        }
        return sandbox;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
                if (FLAGS.contains(arg) && !value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException(arg + " takes no value (or =true / =false)");
                }
            } else if (FLAGS.contains(arg)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + arg + " needs a value");
            }
            if (!OPTIONS.contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            options.put(arg, value);
        }
        return options;
    }

    private static int integer(Map<String, String> options, String name) {
        try {
            return Integer.parseInt(options.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + options.get(name));
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static void fail(PrintStream err, String message) {
        err.println("wechat-sandbox: " + message);
        err.print(USAGE);
        System.exit(2);
    }
}
