package io.wxcard.domain.card;

import java.util.List;

/** The WeChat accounts that may receive the card before review passes ({@code /card/testwhitelist/set}). */
public record TestWhitelist(List<String> openids, List<String> usernames) {
    public static final int MAX_ENTRIES = 10;

    public TestWhitelist {
        openids = List.copyOf(openids);
        usernames = List.copyOf(usernames);
    }

    public static TestWhitelist empty() {
        return new TestWhitelist(List.of(), List.of());
    }

    public boolean isEmpty() {
        return openids.isEmpty() && usernames.isEmpty();
    }
}
