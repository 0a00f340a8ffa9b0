-- kiosk-gateway schema, version 1. Shipped: never edit this file; add 0002_… instead
-- (`kiosk-gateway migrate` refuses to run when an applied file's checksum changed).

-- Registry: sites, groups, devices and their one-time enrollment codes.
CREATE TABLE site (
    id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
    name        text NOT NULL DEFAULT '',
    region_code text NOT NULL CHECK (region_code ~ '^[1-9][0-9]{5}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE device_group (
    id         text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
    name       text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
-- Every device belongs to `default`; config and announcements of its other groups override it.
INSERT INTO device_group (id, name) VALUES ('default', '全部终端');

CREATE TABLE device (
    id                     text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
    site_id                text NOT NULL REFERENCES site (id),
    region_code            text NOT NULL CHECK (region_code ~ '^[1-9][0-9]{5}$'),
    created_at             timestamptz NOT NULL DEFAULT now(),
    enrolled_at            timestamptz,
    certificate_serial     text,
    certificate_expires_at timestamptz,
    revoked_at             timestamptz,
    last_seen_at           timestamptz,
    heartbeat_interval_s   integer NOT NULL DEFAULT 60 CHECK (heartbeat_interval_s BETWEEN 10 AND 3600),
    app_version            text,
    config_version         text,
    -- The last heartbeat as sent (device state only: it carries no personal data).
    last_heartbeat         jsonb,
    -- Alarms raised and not yet cleared (paperLow, paperOut, readerOffline, deadLetters, replicaLag, clockOffset).
    alarms                 text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX device_site_idx ON device (site_id, id);
CREATE INDEX device_region_idx ON device (region_code, id);

CREATE TABLE device_group_member (
    device_id text NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    group_id  text NOT NULL REFERENCES device_group (id),
    PRIMARY KEY (device_id, group_id)
);

CREATE TABLE enrollment_code (
    device_id  text PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    -- SHA-256 of the code; the code itself is printed once and never stored.
    code_hash  bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

-- Transitions only: one row when an alarm is raised or cleared, or the device goes offline/online.
CREATE TABLE device_event (
    id        bigserial PRIMARY KEY,
    device_id text NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    at        timestamptz NOT NULL DEFAULT now(),
    kind      text NOT NULL,
    raised    boolean NOT NULL,
    detail    text NOT NULL DEFAULT ''
);
CREATE INDEX device_event_device_idx ON device_event (device_id, id);

CREATE TABLE device_command (
    id           uuid PRIMARY KEY,
    device_id    text NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('reconnectReader', 'printTest', 'resync', 'restartApp')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL,
    deadline     timestamptz NOT NULL,
    sent_at      timestamptz,
    completed_at timestamptz,
    ok           boolean,
    detail       text
);
CREATE INDEX device_command_open_idx ON device_command (device_id) WHERE completed_at IS NULL;

-- Configuration and announcements, versioned per group.
CREATE TABLE config_version (
    group_id   text NOT NULL REFERENCES device_group (id),
    version    integer NOT NULL CHECK (version > 0),
    settings   jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL,
    PRIMARY KEY (group_id, version)
);

CREATE TABLE announcement (
    id         bigserial PRIMARY KEY,
    group_id   text NOT NULL REFERENCES device_group (id),
    text       text NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
    valid_from timestamptz NOT NULL,
    valid_to   timestamptz NOT NULL CHECK (valid_to > valid_from),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL
);
CREATE INDEX announcement_group_idx ON announcement (group_id, valid_to);

-- The change feed. Every write to a replicated entity appends one row here in the same
-- transaction. Readers take rows only below the current snapshot's xmin, ordered by (xid, seq), so
-- a transaction that commits late is never skipped (docs/gateway.md, "The change feed").
CREATE TABLE feed_epoch (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    epoch     uuid NOT NULL DEFAULT gen_random_uuid(),
    -- Cursors from before this time are answered 410 (the rows behind them were pruned).
    horizon   timestamptz NOT NULL DEFAULT now()
);
INSERT INTO feed_epoch DEFAULT VALUES;

CREATE SEQUENCE change_seq;

CREATE TABLE change_log (
    seq          bigint PRIMARY KEY DEFAULT nextval('change_seq'),
    xid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
    entity       text NOT NULL CHECK (entity IN ('caseFile', 'serviceItem', 'mailStatus', 'calendar')),
    key          text NOT NULL,
    op           text NOT NULL CHECK (op IN ('upsert', 'delete')),
    version      bigint NOT NULL,
    -- Who may see the change: a region code (matched by city, the first four digits), one device,
    -- or everyone when both are NULL.
    scope_region text,
    scope_device text,
    record       jsonb,
    committed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_log_position_idx ON change_log (xid, seq);

-- The replicated 办件, as the kiosk's applications format describes them (record = the kiosk's CaseFile JSON).
CREATE TABLE case_file (
    number      text PRIMARY KEY,
    region_code text NOT NULL CHECK (region_code ~ '^[1-9][0-9]{5}$'),
    record      jsonb NOT NULL,
    version     bigint NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_file_region_idx ON case_file (left(region_code, 4), number);

CREATE TABLE service_item (
    code       text PRIMARY KEY,
    record     jsonb NOT NULL,
    version    bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Submissions from kiosks: one row per (device, idempotency key), answered only after commit.
CREATE TABLE submission (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    device_id       text NOT NULL REFERENCES device (id),
    idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 64),
    kind            text NOT NULL CHECK (kind IN ('mailRequest', 'evaluation')),
    -- SHA-256 of the canonical payload (sorted keys): the same key with another body is keyReused.
    payload_hash    bytea NOT NULL,
    created_at      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (device_id, idempotency_key)
);

CREATE TABLE mail_request (
    id                      bigserial PRIMARY KEY,
    submission_id           uuid NOT NULL UNIQUE REFERENCES submission (id),
    device_id               text NOT NULL REFERENCES device (id),
    case_number             text NOT NULL,
    recipient_name          text,
    phone                   text,
    region_code             text NOT NULL,
    address                 text,
    postcode                text NOT NULL DEFAULT '',
    certificate_name        text NOT NULL,
    status                  text NOT NULL DEFAULT 'requested'
        CHECK (status IN ('requested', 'posted', 'inTransit', 'outForDelivery', 'delivered', 'undeliverable', 'returned')),
    waybill_number          text,
    requested_at            timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    handed_over_at          timestamptz,
    personal_data_purged_at timestamptz
);
-- One live request per 办件: a returned request no longer blocks a new one.
CREATE UNIQUE INDEX mail_request_live_idx ON mail_request (case_number) WHERE status <> 'returned';
CREATE INDEX mail_request_queue_idx ON mail_request (status, id);

CREATE TABLE mail_status_event (
    id              bigserial PRIMARY KEY,
    mail_request_id bigint NOT NULL REFERENCES mail_request (id),
    at              timestamptz NOT NULL DEFAULT now(),
    status          text NOT NULL,
    waybill_number  text,
    actor           text NOT NULL
);

CREATE TABLE evaluation (
    id            bigserial PRIMARY KEY,
    submission_id uuid NOT NULL UNIQUE REFERENCES submission (id),
    device_id     text NOT NULL REFERENCES device (id),
    case_number   text NOT NULL,
    channel       integer NOT NULL,
    round         integer NOT NULL CHECK (round IN (1, 2)),
    level         integer NOT NULL,
    region_code   text NOT NULL,
    rated_at      timestamptz NOT NULL,
    -- The kiosk's Evaluation JSON (reasons, comment, callback phone), for the province adapters.
    record        jsonb NOT NULL,
    UNIQUE (case_number, channel, round)
);

-- Staff of the console.
CREATE TABLE staff_user (
    name            text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    role            text NOT NULL CHECK (role IN ('admin', 'postal', 'viewer')),
    -- PBKDF2-HMAC-SHA256 (kiosk's PinHash format): pbkdf2-sha256$rounds$salt$hash.
    password_hash   text NOT NULL,
    failed_attempts integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    disabled_at     timestamptz
);

-- Console sessions live in the database so any replica serves any signed-in browser.
CREATE TABLE staff_session (
    token_hash bytea PRIMARY KEY,
    staff_name text NOT NULL REFERENCES staff_user (name),
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);

-- Append-only: the triggers refuse UPDATE, DELETE and TRUNCATE for every role but a superuser
-- that disables them, so the gateway's own role (the table's owner) cannot rewrite history.
CREATE TABLE audit_log (
    id     bigserial PRIMARY KEY,
    at     timestamptz NOT NULL DEFAULT now(),
    actor  text NOT NULL,
    action text NOT NULL,
    target text NOT NULL DEFAULT '',
    detail text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
