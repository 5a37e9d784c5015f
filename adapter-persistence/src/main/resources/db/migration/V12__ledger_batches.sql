-- Issue 15 item 4: ledger batches, a merchant system's bulk of points and stored-value lines. The lines themselves are
-- not kept: each is applied (its ledger entries carry its idempotency key) or failed (kept below, with the reason) in
-- the transaction of its chunk, which also adds the chunk's counts here; so the counts are what the batch applied.
CREATE TABLE ledger_batches (
    id          VARCHAR(128) NOT NULL,
    tenant_id   VARCHAR(64)  NOT NULL,
    card_id     VARCHAR(64)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    applied     BIGINT       NOT NULL,
    replayed    BIGINT       NOT NULL,
    unchanged   BIGINT       NOT NULL,
    failed      BIGINT       NOT NULL,
    created_at  ${instant}   NOT NULL,
    finished_at ${instant},
    PRIMARY KEY (id),
    CONSTRAINT fk_ledger_batches_card FOREIGN KEY (card_id) REFERENCES cards (id)
) ${table_options};

-- A card's batches, newest first.
CREATE INDEX ix_ledger_batches_card ON ledger_batches (tenant_id, card_id, created_at, id);

-- The lines that were not applied, in line order; the reason names the field and never the member's personal data.
CREATE TABLE ledger_batch_failures (
    batch_id VARCHAR(128)  NOT NULL,
    line_no  BIGINT        NOT NULL,
    reason   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (batch_id, line_no),
    CONSTRAINT fk_ledger_batch_failures_batch FOREIGN KEY (batch_id) REFERENCES ledger_batches (id)
) ${table_options};
