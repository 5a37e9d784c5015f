-- Issue 17 items 1-3: cards' loyalty set-ups, members' levels and their history, purchases.
-- No foreign keys, like the other tables: a tenant's rows are found by tenant_id.

-- One JSON document per card (levels, points rule, notices): each part is set and read whole.
CREATE TABLE loyalty_programs (
    tenant_id     VARCHAR(64)  NOT NULL,
    card_id       VARCHAR(64)  NOT NULL,
    document_json ${long_text} NOT NULL,
    updated_at    ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, card_id)
) ${table_options};

-- A member's level; lifetime spend is not kept here but summed from member_purchases, so that two purchases at once
-- never lose one another's amount.
CREATE TABLE member_levels (
    tenant_id   VARCHAR(64) NOT NULL,
    card_id     VARCHAR(64) NOT NULL,
    code        VARCHAR(64) NOT NULL,
    level_name  VARCHAR(64) NOT NULL,
    level_since ${instant}  NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code)
) ${table_options};

-- Append-only: each move up or down, with why.
CREATE TABLE member_level_changes (
    tenant_id   VARCHAR(64)  NOT NULL,
    card_id     VARCHAR(64)  NOT NULL,
    code        VARCHAR(64)  NOT NULL,
    change_no   BIGINT       NOT NULL,
    from_level  VARCHAR(64),
    to_level    VARCHAR(64)  NOT NULL,
    direction   VARCHAR(16)  NOT NULL,
    cause       VARCHAR(512) NOT NULL,
    changed_at  ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code, change_no)
) ${table_options};

-- A purchase as the merchant reported it: its amount in fen and the points its ledger entry booked.
CREATE TABLE member_purchases (
    tenant_id       VARCHAR(64)  NOT NULL,
    card_id         VARCHAR(64)  NOT NULL,
    code            VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    amount_fen      BIGINT       NOT NULL,
    points_earned   BIGINT       NOT NULL,
    ledger_sequence BIGINT       NOT NULL,
    purchased_at    ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code, idempotency_key)
) ${table_options};

CREATE INDEX ix_member_levels_card ON member_levels (tenant_id, card_id);
