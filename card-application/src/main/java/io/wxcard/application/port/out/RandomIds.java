package io.wxcard.application.port.out;

import io.wxcard.domain.card.CardId;
import java.security.SecureRandom;

/**
 * Ids made of 80 random bits, in lower-case base32: unique across instances without coordination. Reached through
 * {@link IdGenerator#random()}, so that bootstrap, the Spring Boot starter and hand-wired embeddings share one.
 */
final class RandomIds implements IdGenerator {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private final SecureRandom random = new SecureRandom();

    @Override
    public CardId newCardId() {
        return new CardId(newId("card"));
    }

    @Override
    public String newId(String prefix) {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        StringBuilder id = new StringBuilder(prefix).append('_');
        long bits = 0;
        int available = 0;
        for (byte b : bytes) {
            bits = (bits << 8) | (b & 0xff);
            available += 8;
            while (available >= 5) {
                id.append(ALPHABET[(int) (bits >>> (available - 5)) & 31]);
                available -= 5;
            }
        }
        return id.toString();
    }
}
