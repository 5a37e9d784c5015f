-- Issue 20 item 3: what a WeChat Pay member-card activity was created with, beyond the pay-to-join columns.
-- pay_gifts: the coupon batches (stock_list) as comma-separated stock_creator_mchid:stock_id; all three null for a
-- pay-to-join rule, all three set for an activity.
ALTER TABLE campaigns ADD pay_gifts VARCHAR(1000);
ALTER TABLE campaigns ADD pay_logo_url VARCHAR(255);
ALTER TABLE campaigns ADD pay_second_title VARCHAR(64);
