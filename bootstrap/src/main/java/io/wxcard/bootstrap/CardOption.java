package io.wxcard.bootstrap;

import picocli.CommandLine.Option;

/** The {@code --card} option of the commands that work on one card through the running service. */
final class CardOption {

    @Option(names = "--card", required = true, description = "our id of the card")
    String id;

    /** The card's resource in the REST API. */
    String path() {
        return "/v1/cards/" + id;
    }
}
