-- The operator console (issue 18): operators' accounts, their sessions and the audit log of what they changed.
-- No foreign keys to tenants, like the other tables: a tenant's rows are found by tenant_id.

CREATE TABLE operators (
    id              VARCHAR(64)  NOT NULL,
    tenant_id       VARCHAR(64)  NOT NULL,
    name            VARCHAR(32)  NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    failed_sign_ins INTEGER      NOT NULL,
    locked_until    ${instant},
    created_at      ${instant}   NOT NULL,
    version         BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_operators_tenant_name UNIQUE (tenant_id, name)
) ${table_options};

-- token_hash: the SHA-256 of the cookie's token, never the token itself.
CREATE TABLE operator_sessions (
    token_hash  VARCHAR(64)  NOT NULL,
    tenant_id   VARCHAR(64)  NOT NULL,
    operator_id VARCHAR(64)  NOT NULL,
    csrf_token  VARCHAR(64)  NOT NULL,
    created_at  ${instant}   NOT NULL,
    expires_at  ${instant}   NOT NULL,
    PRIMARY KEY (token_hash)
) ${table_options};

CREATE INDEX ix_operator_sessions_operator ON operator_sessions (tenant_id, operator_id);
CREATE INDEX ix_operator_sessions_expiry ON operator_sessions (expires_at);

CREATE TABLE audit_log (
    id          VARCHAR(64)   NOT NULL,
    tenant_id   VARCHAR(64)   NOT NULL,
    happened_at ${instant}    NOT NULL,
    operator_name VARCHAR(64) NOT NULL,
    action_name VARCHAR(64)   NOT NULL,
    subject     VARCHAR(1000) NOT NULL,
    before_text VARCHAR(1000) NOT NULL,
    after_text  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_audit_log_tenant_at ON audit_log (tenant_id, happened_at);
