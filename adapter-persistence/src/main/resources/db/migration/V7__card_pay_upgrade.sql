-- Issue 14 item 3: whether a card was upgraded for WeChat Pay's member functions (membercard-open
-- cards/{card_id}/upgrade), under which brand (WeChat Pay's brand_id, at most 16 characters) and when.
-- Both null: not upgraded. An upgrade is never undone, so the columns are only ever filled once.
ALTER TABLE cards ADD pay_brand_id VARCHAR(16);
ALTER TABLE cards ADD pay_upgraded_at ${instant};
