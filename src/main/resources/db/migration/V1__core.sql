-- Core tables shared by SQLite and PostgreSQL. Instants are UTC epoch milliseconds (BIGINT):
-- unambiguous, time-zone free, and compared the same way on both databases.
-- ${id_pk} is an auto-increment primary key on either database (see Dialect).

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('incident', 0);
INSERT INTO counters (name, value) VALUES ('alert', 0);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      TEXT NOT NULL,
    role         TEXT NOT NULL,
    label        TEXT,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);

CREATE TABLE incidents (
    id              BIGINT PRIMARY KEY,
    service_id      TEXT NOT NULL,
    title           TEXT NOT NULL,
    status          TEXT NOT NULL,
    urgency         TEXT NOT NULL,
    severity        TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    acknowledged_at BIGINT,
    acknowledged_by TEXT,
    resolved_at     BIGINT,
    resolved_by     TEXT,
    alert_count     INTEGER NOT NULL,
    open_alerts     INTEGER NOT NULL
);
CREATE INDEX incidents_status ON incidents (status, id);
CREATE INDEX incidents_service ON incidents (service_id, id);

CREATE TABLE incident_assignees (
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    user_id     TEXT NOT NULL,
    assigned_at BIGINT NOT NULL,
    PRIMARY KEY (incident_id, user_id)
);
CREATE INDEX incident_assignees_user ON incident_assignees (user_id, incident_id);

CREATE TABLE alerts (
    id              BIGINT PRIMARY KEY,
    incident_id     BIGINT NOT NULL REFERENCES incidents (id),
    service_id      TEXT NOT NULL,
    integration_key TEXT NOT NULL,
    dedup_key       TEXT NOT NULL,
    status          TEXT NOT NULL,
    summary         TEXT NOT NULL,
    severity        TEXT NOT NULL,
    source          TEXT,
    component       TEXT,
    alert_group     TEXT,
    alert_class     TEXT,
    details         TEXT,
    links           TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    resolved_at     BIGINT,
    event_count     INTEGER NOT NULL,
    last_event_at   BIGINT NOT NULL
);
-- One open alert per dedup key and integration: the database itself refuses a duplicate, even from two nodes.
CREATE UNIQUE INDEX alerts_open_dedup ON alerts (integration_key, dedup_key) WHERE status = 'open';
CREATE INDEX alerts_incident ON alerts (incident_id, id);

-- Every accepted event as it arrived: the durable record behind each 202.
CREATE TABLE events (
    id              ${id_pk},
    received_at     BIGINT NOT NULL,
    integration_key TEXT NOT NULL,
    format          TEXT NOT NULL,
    action          TEXT NOT NULL,
    dedup_key       TEXT,
    alert_id        BIGINT,
    outcome         TEXT NOT NULL,
    body            TEXT
);
CREATE INDEX events_alert ON events (alert_id, id);

CREATE TABLE timeline (
    id          ${id_pk},
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    at          BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    channel     TEXT NOT NULL,
    message     TEXT NOT NULL,
    data        TEXT
);
CREATE INDEX timeline_incident ON timeline (incident_id, id);

CREATE TABLE change_events (
    id              ${id_pk},
    service_id      TEXT NOT NULL,
    integration_key TEXT NOT NULL,
    received_at     BIGINT NOT NULL,
    occurred_at     BIGINT NOT NULL,
    summary         TEXT NOT NULL,
    source          TEXT,
    details         TEXT,
    links           TEXT
);
CREATE INDEX change_events_service ON change_events (service_id, occurred_at);
