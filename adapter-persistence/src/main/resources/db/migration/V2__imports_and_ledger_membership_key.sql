-- Import jobs and their staged rows; ledger entries refer to their membership. Portable like V1 (same placeholders).

-- One import of existing members into one card. The row counters are kept with every change of a row's status, in
-- the same transaction, so reading a job's progress is one primary-key lookup however many rows it has. The lease
-- (lease_owner, lease_until) gives one instance at a time the right to send the job's rows, as shared_tokens does.
CREATE TABLE import_jobs (
    id                 VARCHAR(128) NOT NULL,
    tenant_id          VARCHAR(64)  NOT NULL,
    card_id            VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    lines_read         BIGINT       NOT NULL,
    duplicates_in_file BIGINT       NOT NULL,
    created_at         ${instant}   NOT NULL,
    started_at         ${instant},
    finished_at        ${instant},
    lease_owner        VARCHAR(128),
    lease_until        ${instant},
    rows_staged        BIGINT       NOT NULL,
    rows_pending       BIGINT       NOT NULL,
    rows_imported      BIGINT       NOT NULL,
    rows_skipped       BIGINT       NOT NULL,
    rows_failed        BIGINT       NOT NULL,
    rows_retrying      BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_import_jobs_card FOREIGN KEY (card_id) REFERENCES cards (id)
) ${table_options};

CREATE INDEX ix_import_jobs_status ON import_jobs (status, created_at, id);

-- One staged line. dedupe_key is the openid of a row staged as pending and NULL for a row staged as failed (an
-- unreadable line): the unique (job_id, dedupe_key) keeps an openid to one row per job, while any number of failed
-- rows (NULLs are distinct in a unique index on all three databases) are kept. It is never changed afterwards.
-- open_id holds a pending row's openid (64 at most) or, for a failed row, the text that could not be read (cut to
-- 256). ix_import_rows_due serves due() (pending rows of a job in line order after a cursor, not_before checked from
-- the index) and failures() (failed rows in line order); ix_import_rows_next_due serves nextDue() (the least
-- not_before of the pending rows).
CREATE TABLE import_rows (
    job_id            VARCHAR(128)  NOT NULL,
    line_no           BIGINT        NOT NULL,
    open_id           VARCHAR(256)  NOT NULL,
    code              VARCHAR(64),
    phone             VARCHAR(64),
    membership_number VARCHAR(128),
    points            BIGINT,
    balance           BIGINT,
    out_request_no    VARCHAR(128)  NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    attempts          INTEGER       NOT NULL,
    not_before        ${instant}    NOT NULL,
    detail            VARCHAR(2000),
    imported_code     VARCHAR(64),
    settled_at        ${instant},
    dedupe_key        VARCHAR(64),
    PRIMARY KEY (job_id, line_no),
    CONSTRAINT uq_import_rows_openid UNIQUE (job_id, dedupe_key),
    CONSTRAINT fk_import_rows_job FOREIGN KEY (job_id) REFERENCES import_jobs (id)
) ${table_options};

CREATE INDEX ix_import_rows_due ON import_rows (job_id, status, line_no, not_before);
CREATE INDEX ix_import_rows_next_due ON import_rows (job_id, status, not_before);

-- Services save a membership before appending its ledger entries (LedgerStore's javadoc), so an entry can refer to
-- its membership: an entry for a membership that is not stored is refused.
ALTER TABLE ledger_entries ADD CONSTRAINT fk_ledger_entries_membership
    FOREIGN KEY (tenant_id, card_id, code) REFERENCES memberships (tenant_id, card_id, code);
