package io.wxcard.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of commands that talk to the running service (where it is and the tenant's API key), mixed into each
 * command, and the commands' common shape: options made into a JSON body, sent, the answer checked.
 */
final class ServiceClient {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the service (default: ${DEFAULT-VALUE})")
    String url;
    @Option(names = "--api-key", description = "the tenant's API key (default: $CARD_API_KEY, then $CARD_DEMO_API_KEY)")
    String apiKey;

    HttpJson api() {
        String key = apiKey != null ? apiKey
                : System.getenv("CARD_API_KEY") != null ? System.getenv("CARD_API_KEY") : System.getenv("CARD_DEMO_API_KEY");
        if (key == null) {
            throw new IllegalArgumentException("give the tenant's API key: --api-key");
        }
        return new HttpJson(url, key);
    }

    /** POSTs the body and answers the service's answer; a refusal ends the command with what the service named. */
    JsonNode post(String path, Map<String, ?> body, String what) {
        return post(path, body, Map.of(), what);
    }

    /** The same with request headers (an Idempotency-Key). */
    JsonNode post(String path, Map<String, ?> body, Map<String, String> headers, String what) {
        return api().post(path, body, headers).ok(what);
    }

    /** A JSON body from names and values in turn; the options not given (null) are left out. */
    static Map<String, Object> body(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values in pairs");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }
}
