package io.wxcard.domain.ledger;

import io.wxcard.domain.shared.Text;

/** Names one ledger batch (a merchant system's bulk of points and stored-value lines); safe in a URL path. */
public record LedgerBatchId(String value) {
    public LedgerBatchId {
        Text.requireIdentifier(value, "ledger batch id", 128);
    }

    @Override
    public String toString() {
        return value;
    }
}
