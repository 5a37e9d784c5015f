-- The push inbox (issue 16): a verified push is kept here with one insert and answered; a worker applies it later.
-- The push is kept as it arrived (method, query, body in Base64) so that applying it decodes the same bytes. Its
-- de-duplication key is unique per tenant through its SHA-256 (a key can be longer than an index allows), as in
-- processed_pushes. Applied and refused rows stay, so that a late retry still adds nothing, until purged by age.
CREATE TABLE inbox (
    id          VARCHAR(128)  NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    key_hash    VARCHAR(64)   NOT NULL,
    push_key    VARCHAR(1024) NOT NULL,
    sender      VARCHAR(128)  NOT NULL,
    received_at ${instant}    NOT NULL,
    method      VARCHAR(16)   NOT NULL,
    query_json  ${long_text}  NOT NULL,
    body_base64 ${long_text}  NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    attempts    INTEGER       NOT NULL,
    not_before  ${instant}    NOT NULL,
    claimed_by  VARCHAR(128),
    lease_until ${instant},
    outcome     VARCHAR(2000),
    PRIMARY KEY (id),
    CONSTRAINT uq_inbox_key UNIQUE (tenant_id, key_hash)
) ${table_options};

-- The claim: due pending rows, oldest first; and the check that no older row of the same sender is still pending.
CREATE INDEX ix_inbox_due ON inbox (state, not_before, received_at);
CREATE INDEX ix_inbox_sender ON inbox (tenant_id, sender, state, received_at);
-- The purge by age.
CREATE INDEX ix_inbox_received ON inbox (received_at);
