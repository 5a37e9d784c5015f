-- The tables of every storage port. One script for H2, PostgreSQL and MariaDB/MySQL: the three type names that differ
-- come in as Flyway placeholders (Vendor.placeholders()):
--   ${instant}        a UTC date-time to the microsecond (TIMESTAMP(6); DATETIME(6) on MariaDB/MySQL, whose TIMESTAMP
--                     ends in 2038 and converts through the session time zone)
--   ${long_text}      a JSON document or a PEM key (TEXT; MEDIUMTEXT on MariaDB/MySQL, whose TEXT stops at 64 KB;
--                     CHARACTER LARGE OBJECT on H2)
--   ${table_options}  MariaDB/MySQL only: utf8mb4 with a binary collation, so that keys compare case-sensitively
--                     (openids and codes differ by case) and four-byte characters fit
-- Identifiers avoid words any of the three reserve (key, value, sequence, source). Primary keys are unnamed: MariaDB
-- ignores (and warns about) a name for them.

CREATE TABLE tenants (
    id                               VARCHAR(64)  NOT NULL,
    name                             VARCHAR(512) NOT NULL,
    app_id                           VARCHAR(64)  NOT NULL,
    app_secret                       VARCHAR(512) NOT NULL,
    push_token                       VARCHAR(512) NOT NULL,
    encoding_aes_key                 VARCHAR(512),
    push_mode                        VARCHAR(16)  NOT NULL,
    merchant_id                      VARCHAR(64),
    merchant_serial_no               VARCHAR(128),
    merchant_private_key_pem         ${long_text},
    merchant_api_v3_key              VARCHAR(512),
    merchant_platform_serial         VARCHAR(128),
    merchant_platform_public_key_pem ${long_text},
    api_key_hash                     VARCHAR(256) NOT NULL,
    created_at                       ${instant}   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_tenants_app_id UNIQUE (app_id),
    CONSTRAINT uq_tenants_api_key_hash UNIQUE (api_key_hash)
) ${table_options};

CREATE TABLE cards (
    id                   VARCHAR(64)   NOT NULL,
    tenant_id            VARCHAR(64)   NOT NULL,
    definition_json      ${long_text}  NOT NULL,
    state                VARCHAR(16)   NOT NULL,
    wechat_card_id       VARCHAR(64),
    refusal_reason       VARCHAR(2048),
    first_issued_at      ${instant},
    activation_form_json ${long_text},
    test_whitelist_json  ${long_text}  NOT NULL,
    version              BIGINT        NOT NULL,
    created_at           ${instant}    NOT NULL,
    updated_at           ${instant}    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_cards_wechat_card_id UNIQUE (wechat_card_id)
) ${table_options};

CREATE INDEX ix_cards_tenant ON cards (tenant_id, created_at, id);
CREATE INDEX ix_cards_tenant_state ON cards (tenant_id, state, created_at, id);

CREATE TABLE memberships (
    tenant_id             VARCHAR(64)  NOT NULL,
    card_id               VARCHAR(64)  NOT NULL,
    code                  VARCHAR(64)  NOT NULL,
    open_id               VARCHAR(64)  NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    state_before_deletion VARCHAR(16),
    activation_method     VARCHAR(16),
    membership_number     VARCHAR(128),
    form_answers_json     ${long_text} NOT NULL,
    outer_str             VARCHAR(512),
    invalidation_reason   VARCHAR(512),
    points                BIGINT       NOT NULL,
    balance               BIGINT       NOT NULL,
    last_sequence         BIGINT       NOT NULL,
    version               BIGINT       NOT NULL,
    received_at           ${instant}   NOT NULL,
    activated_at          ${instant},
    updated_at            ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code),
    CONSTRAINT fk_memberships_card FOREIGN KEY (card_id) REFERENCES cards (id)
) ${table_options};

CREATE INDEX ix_memberships_open_id ON memberships (tenant_id, card_id, open_id, received_at);
CREATE INDEX ix_memberships_received ON memberships (tenant_id, card_id, received_at, code);
CREATE INDEX ix_memberships_state ON memberships (tenant_id, card_id, state, received_at, code);

-- Append-only. No foreign key to memberships: the port lets an entry be appended before the membership's first save in
-- the same transaction, and MariaDB/MySQL cannot defer the check to commit.
CREATE TABLE ledger_entries (
    tenant_id       VARCHAR(64)  NOT NULL,
    card_id         VARCHAR(64)  NOT NULL,
    code            VARCHAR(64)  NOT NULL,
    sequence_no     BIGINT       NOT NULL,
    asset           VARCHAR(16)  NOT NULL,
    delta           BIGINT       NOT NULL,
    points_after    BIGINT       NOT NULL,
    balance_after   BIGINT       NOT NULL,
    reason          VARCHAR(512) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    entry_source    VARCHAR(16)  NOT NULL,
    notify_member   BOOLEAN      NOT NULL,
    recorded_at     ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code, sequence_no),
    CONSTRAINT uq_ledger_entries_key UNIQUE (tenant_id, card_id, code, idempotency_key)
) ${table_options};

CREATE TABLE outbox (
    id          VARCHAR(128)  NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    kind        VARCHAR(64)   NOT NULL,
    fields_json ${long_text}  NOT NULL,
    attempts    INTEGER       NOT NULL,
    created_at  ${instant}    NOT NULL,
    not_before  ${instant}    NOT NULL,
    claimed_by  VARCHAR(128),
    lease_until ${instant},
    dead        BOOLEAN       NOT NULL,
    last_error  VARCHAR(2000),
    PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_outbox_due ON outbox (dead, not_before, created_at);
CREATE INDEX ix_outbox_tenant ON outbox (tenant_id);

-- A push key can be longer than an index allows: its SHA-256 is the key, the text is kept (cut to 1024) for people.
CREATE TABLE processed_pushes (
    tenant_id   VARCHAR(64)   NOT NULL,
    key_hash    VARCHAR(64)   NOT NULL,
    push_key    VARCHAR(1024) NOT NULL,
    received_at ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, key_hash)
) ${table_options};

CREATE INDEX ix_processed_pushes_received ON processed_pushes (received_at);

CREATE TABLE shared_tokens (
    app_id      VARCHAR(64)   NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    token_value VARCHAR(2048),
    expires_at  ${instant},
    lease_owner VARCHAR(128),
    lease_until ${instant},
    PRIMARY KEY (app_id, kind)
) ${table_options};
