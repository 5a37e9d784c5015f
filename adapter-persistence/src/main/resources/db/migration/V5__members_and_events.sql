-- Issue 15: members as the merchant's systems know them, and the events that go out to them.

-- What WeChat tells of the member behind a membership (form answers, userinfo/get, the unionid of the receipt's push).
-- Personal data. The phone is kept normalised (Phone.normalised: a mainland mobile as its 11 digits), so that a
-- look-up compares one form; the fields as WeChat sent them are in fields_json.
CREATE TABLE member_profiles (
    tenant_id   VARCHAR(64)  NOT NULL,
    card_id     VARCHAR(64)  NOT NULL,
    code        VARCHAR(64)  NOT NULL,
    open_id     VARCHAR(64)  NOT NULL,
    union_id    VARCHAR(64),
    nickname    VARCHAR(256),
    phone       VARCHAR(32),
    phone_raw   VARCHAR(32),
    sex         VARCHAR(16),
    fields_json ${long_text} NOT NULL,
    updated_at  ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code),
    CONSTRAINT fk_member_profiles_membership FOREIGN KEY (tenant_id, card_id, code)
        REFERENCES memberships (tenant_id, card_id, code)
) ${table_options};

-- The look-ups across a tenant's cards: by phone and unionid here, by openid and membership number on memberships.
CREATE INDEX ix_member_profiles_phone ON member_profiles (tenant_id, phone);
CREATE INDEX ix_member_profiles_union ON member_profiles (tenant_id, union_id);
CREATE INDEX ix_memberships_tenant_open_id ON memberships (tenant_id, open_id);
CREATE INDEX ix_memberships_tenant_number ON memberships (tenant_id, membership_number);

-- Every event the merchant's systems hear of, written in the transaction of the change (position_no NULL), then
-- placed: given the next position by one placer at a time (event_positions' row lock), so that positions follow
-- commit order and a change-feed reader resuming after a position never misses a later commit.
CREATE TABLE events (
    id          VARCHAR(128) NOT NULL,
    tenant_id   VARCHAR(64)  NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    order_key   VARCHAR(200) NOT NULL,
    occurred_at ${instant}   NOT NULL,
    payload     ${long_text} NOT NULL,
    position_no BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uq_events_position UNIQUE (position_no)
) ${table_options};

-- Placing reads the unplaced ones oldest first; the feed reads a tenant's after a position; retention by age.
CREATE INDEX ix_events_unplaced ON events (position_no, occurred_at, id);
CREATE INDEX ix_events_tenant ON events (tenant_id, position_no);
CREATE INDEX ix_events_occurred ON events (occurred_at);

CREATE TABLE event_positions (
    name          VARCHAR(32) NOT NULL,
    last_position BIGINT      NOT NULL,
    PRIMARY KEY (name)
) ${table_options};

INSERT INTO event_positions (name, last_position) VALUES ('events', 0);

-- A tenant's webhooks. The secret signs deliveries (HMAC), so it is kept as it is, like the tenants' own secrets.
CREATE TABLE webhooks (
    id          VARCHAR(64)   NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    url         VARCHAR(2048) NOT NULL,
    event_types VARCHAR(2048) NOT NULL,
    secret      VARCHAR(128)  NOT NULL,
    created_at  ${instant}    NOT NULL,
    PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_webhooks_tenant ON webhooks (tenant_id, created_at);

-- What each webhook is owed: one row per webhook and event. Only the oldest PENDING row of a webhook and order key
-- (a membership) is handed out, so one member's events arrive in order.
CREATE TABLE webhook_deliveries (
    webhook_id  VARCHAR(64)   NOT NULL,
    event_id    VARCHAR(128)  NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    order_key   VARCHAR(200)  NOT NULL,
    position_no BIGINT        NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    owed_at     ${instant}    NOT NULL,
    attempts    INTEGER       NOT NULL,
    not_before  ${instant}    NOT NULL,
    claimed_by  VARCHAR(128),
    lease_until ${instant},
    last_error  VARCHAR(2000),
    PRIMARY KEY (webhook_id, event_id)
) ${table_options};

CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (state, not_before, position_no);
CREATE INDEX ix_webhook_deliveries_order ON webhook_deliveries (webhook_id, order_key, state, position_no);
CREATE INDEX ix_webhook_deliveries_tenant ON webhook_deliveries (tenant_id, state, position_no);
