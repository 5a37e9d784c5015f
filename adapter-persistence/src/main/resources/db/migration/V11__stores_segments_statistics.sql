-- Issue 17 items 4, 6, 7: the tenant's stores and the visits their QR codes bring, segments of a card's members (each a
-- WeChat user tag once synced) with the card messages sent to them, and WeChat's daily card statistics as pulled.
-- No foreign keys, like the other tables: a tenant's rows are found by tenant_id.

CREATE TABLE stores (
    tenant_id   VARCHAR(64)   NOT NULL,
    id          VARCHAR(64)   NOT NULL,
    name        VARCHAR(256)  NOT NULL,
    address     VARCHAR(1024) NOT NULL,
    location_id BIGINT,
    created_at  ${instant}    NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};

-- A member who holds the card scanned a store's code (user_view_card with the store's outer_str).
CREATE TABLE store_visits (
    tenant_id  VARCHAR(64) NOT NULL,
    card_id    VARCHAR(64) NOT NULL,
    code       VARCHAR(64) NOT NULL,
    visited_at ${instant}  NOT NULL,
    store_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code, visited_at, store_id)
) ${table_options};

CREATE INDEX ix_store_visits_card_at ON store_visits (tenant_id, card_id, visited_at);

-- Each criterion a nullable column: NULL means "not a criterion".
CREATE TABLE segments (
    tenant_id          VARCHAR(64)  NOT NULL,
    id                 VARCHAR(64)  NOT NULL,
    card_id            VARCHAR(64)  NOT NULL,
    name               VARCHAR(128) NOT NULL,
    min_points         BIGINT,
    max_points         BIGINT,
    store_id           VARCHAR(64),
    active_within_days INTEGER,
    imported           BOOLEAN,
    level_name         VARCHAR(64),
    wechat_tag_id      BIGINT,
    created_at         ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ${table_options};

CREATE INDEX ix_segments_card ON segments (tenant_id, card_id, created_at);

CREATE TABLE card_messages (
    id         VARCHAR(64)  NOT NULL,
    tenant_id  VARCHAR(64)  NOT NULL,
    card_id    VARCHAR(64)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    target     VARCHAR(128) NOT NULL,
    segment_id VARCHAR(64),
    msg_id     BIGINT,
    failure    VARCHAR(512),
    sent_at    ${instant}   NOT NULL,
    PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_card_messages_card ON card_messages (tenant_id, card_id, sent_at);

-- wechat_card_id is '-' for the account-wide scopes (MEMBER_CARDS, ALL_CARDS), so that it can be in the key.
CREATE TABLE wechat_card_statistics (
    tenant_id      VARCHAR(64) NOT NULL,
    scope          VARCHAR(16) NOT NULL,
    wechat_card_id VARCHAR(64) NOT NULL,
    ref_date       DATE        NOT NULL,
    view_cnt       BIGINT      NOT NULL,
    view_user      BIGINT      NOT NULL,
    receive_cnt    BIGINT      NOT NULL,
    receive_user   BIGINT      NOT NULL,
    verify_cnt     BIGINT      NOT NULL,
    verify_user    BIGINT      NOT NULL,
    active_user    BIGINT      NOT NULL,
    total_user     BIGINT      NOT NULL,
    new_user       BIGINT      NOT NULL,
    given_cnt      BIGINT      NOT NULL,
    expire_cnt     BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, scope, wechat_card_id, ref_date)
) ${table_options};
