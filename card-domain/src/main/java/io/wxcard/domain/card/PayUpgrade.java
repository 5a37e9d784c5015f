package io.wxcard.domain.card;

import java.time.Instant;
import java.util.Objects;

/**
 * That a card was upgraded for WeChat Pay's member functions (membercard-open {@code cards/{card_id}/upgrade}), under
 * which brand and when. WeChat Pay refuses every membercard-open member call on a card not upgraded, and an upgrade is
 * never undone.
 */
public record PayUpgrade(BrandId brandId, Instant upgradedAt) {
    public PayUpgrade {
        Objects.requireNonNull(brandId, "brand id");
        Objects.requireNonNull(upgradedAt, "upgraded at");
    }
}
