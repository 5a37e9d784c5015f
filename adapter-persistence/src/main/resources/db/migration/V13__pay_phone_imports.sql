-- Issue 20: the phone of a member imported through WeChat Pay's import by phone, kept under the code WeChat Pay
-- reserved for it until the membership appears (WeChat Pay's MEMBERCARD notification carries no phone), then put on
-- the member's profile and deleted. Personal data: the phone normalised (11 digits), never logged. No foreign key to
-- memberships: the membership does not exist yet when the row is written.
CREATE TABLE pay_phone_imports (
    tenant_id   VARCHAR(64) NOT NULL,
    card_id     VARCHAR(64) NOT NULL,
    code        VARCHAR(64) NOT NULL,
    phone       VARCHAR(32) NOT NULL,
    imported_at ${instant}  NOT NULL,
    PRIMARY KEY (tenant_id, card_id, code)
) ${table_options};
