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
