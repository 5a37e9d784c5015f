package io.wxcard.bootstrap;

import picocli.CommandLine.Option;

/** The options of commands that talk to the running service: where it is and the tenant's API key. */
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
}
