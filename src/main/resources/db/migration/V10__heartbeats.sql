-- The runtime state of each configured heartbeat (the configuration itself lives in config_objects).
-- One row per heartbeat id, created when the server first sees the heartbeat in its configuration; that moment
-- (started_at) starts the clock of a heartbeat that has never pinged. due_at is the deadline the pending
-- timer "heartbeat:<id>" fires at: last ping (or started_at) + interval + grace.
-- state: never (no ping yet, deadline not passed), ok (pinged in time), expired (deadline passed; incident_id
-- is the incident that opened, until the next ping resolves it).
CREATE TABLE heartbeats (
    heartbeat_id  VARCHAR(128) PRIMARY KEY,
    state         VARCHAR(16)  NOT NULL,
    started_at    BIGINT       NOT NULL,
    last_ping_at  BIGINT,
    due_at        BIGINT       NOT NULL,
    pings         BIGINT       NOT NULL DEFAULT 0,
    incident_id   BIGINT,
    expired_at    BIGINT
);
