-- Issue 17 item 7: the daily pull of WeChat's card statistics, one row per tenant and day. The instance that inserts
-- the row pulls the day; every other instance finds the key taken and leaves it (a failed pull deletes its row, so a
-- later round tries again).

CREATE TABLE statistics_daily_pulls (
    tenant_id  VARCHAR(64) NOT NULL,
    ref_date   DATE        NOT NULL,
    claimed_at ${instant}  NOT NULL,
    PRIMARY KEY (tenant_id, ref_date)
) ${table_options};
