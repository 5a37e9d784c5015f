-- Issue 17 item 5: members who joined through a pay-to-join campaign, one row per membership (the receipt's push may
-- come again: the key keeps it once). The campaign's count is read from here (GET /v1/campaigns/{id}).

CREATE TABLE campaign_joins (
    tenant_id    VARCHAR(64)  NOT NULL,
    card_id      VARCHAR(64)  NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    campaign_id  VARCHAR(128) NOT NULL,
    openid       VARCHAR(128) NOT NULL,
    source_scene VARCHAR(64)  NOT NULL,
    joined_at    ${instant}   NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code)
) ${table_options};

CREATE INDEX ix_campaign_joins_campaign ON campaign_joins (tenant_id, campaign_id);
