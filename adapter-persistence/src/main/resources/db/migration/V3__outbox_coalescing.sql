-- Issue 16: tasks with the same coalesce key (the pending syncs of one membership) are claimed together and sent as
-- one updateuser call. NULL for tasks that never coalesce.
ALTER TABLE outbox ADD coalesce_key VARCHAR(400);

CREATE INDEX ix_outbox_coalesce ON outbox (coalesce_key);
