-- Issue 20: the merchant's activation page's sessions, and gift-on-joining campaigns.

-- One visit to the activation page: the code WeChat decrypted, the form's answers (personal data, as WeChat sent
-- them) and, once activated, what the page activated with (so that a repeat is answered from it).
CREATE TABLE activation_sessions (
    id                VARCHAR(128) NOT NULL,
    tenant_id         VARCHAR(64)  NOT NULL,
    card_id           VARCHAR(64)  NOT NULL,
    code              VARCHAR(64)  NOT NULL,
    open_id           VARCHAR(64)  NOT NULL,
    activate_ticket   VARCHAR(512),
    answers_json      ${long_text} NOT NULL,
    opened_at         ${instant}   NOT NULL,
    expires_at        ${instant}   NOT NULL,
    membership_number VARCHAR(64),
    opening_points    BIGINT,
    opening_balance   BIGINT,
    activated_at      ${instant},
    PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_activation_sessions_membership ON activation_sessions (tenant_id, card_id, code);

-- Gift-on-joining campaigns: WeChat's rule_id (pay-to-join) or activity_id (WeChat Pay), the terms, and how many
-- existing members the card's imports had brought in when it started. mchids: comma-separated digits.
CREATE TABLE campaigns (
    id                VARCHAR(128) NOT NULL,
    tenant_id         VARCHAR(64)  NOT NULL,
    card_id           VARCHAR(64)  NOT NULL,
    kind              VARCHAR(32)  NOT NULL,
    name              VARCHAR(64)  NOT NULL,
    mchids            VARCHAR(1000) NOT NULL,
    begins_at         ${instant}   NOT NULL,
    ends_at           ${instant}   NOT NULL,
    least_cost        BIGINT,
    max_cost          BIGINT,
    wechat_id         VARCHAR(128) NOT NULL,
    protected_members BIGINT       NOT NULL,
    override_reason   VARCHAR(255),
    started_at        ${instant}   NOT NULL,
    terminated_at     ${instant},
    PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_campaigns_card ON campaigns (tenant_id, card_id, started_at);

-- Someone looked at an import's failed rows (a campaign on its card stops waiting for them).
CREATE TABLE import_reviews (
    tenant_id   VARCHAR(64)  NOT NULL,
    job_id      VARCHAR(128) NOT NULL,
    note        VARCHAR(255) NOT NULL,
    reviewed_at ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, job_id)
) ${table_options};
