package io.wxcard.domain.campaign;

import io.wxcard.domain.shared.Text;

/** Names one gift-on-joining campaign; handed out by the application, safe in a URL path. */
public record CampaignId(String value) {
    public CampaignId {
        Text.requireIdentifier(value, "campaign id", 128);
    }

    @Override
    public String toString() {
        return value;
    }
}
