-- The paging engine's durable state. Everything that must happen later is a timer (V7); these tables say
-- where each incident stands on its escalation policy and what was sent to whom.

-- One row per incident that has been paged: its EscalationState as JSON (the policy as it was when the
-- incident was triggered, the level, round, generation and who is paged and why).
CREATE TABLE escalations (
    incident_id BIGINT PRIMARY KEY,
    policy_id   TEXT   NOT NULL,
    status      TEXT   NOT NULL,
    state       TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Round-robin position per policy level, shared by all incidents of the policy.
CREATE TABLE round_robin_cursors (
    policy_id   TEXT    NOT NULL,
    level_index INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (policy_id, level_index)
);

-- Every notification, persisted before it is sent: pending → sending → sent → delivered | failed
-- (or cancelled when the incident was acknowledged first, or bundled into another message).
CREATE TABLE notifications (
    id                ${id_pk},
    incident_id       BIGINT,
    user_id           TEXT    NOT NULL,
    contact_method_id TEXT    NOT NULL,
    method_type       TEXT    NOT NULL,
    purpose           TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    due_at            BIGINT  NOT NULL,
    provider          TEXT,
    provider_id       TEXT,
    bundled_into      BIGINT,
    sending_key       TEXT,
    error             TEXT,
    subject           TEXT,
    body              TEXT,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL,
    sent_at           BIGINT
);
CREATE INDEX notifications_incident ON notifications (incident_id, id);
CREATE INDEX notifications_method ON notifications (user_id, contact_method_id, status);
CREATE INDEX notifications_provider_id ON notifications (provider_id);
-- The hours report counts pages per period.
CREATE INDEX notifications_created ON notifications (created_at);

-- Contact methods a person proved they receive (a code sent to the method, typed back).
CREATE TABLE contact_verifications (
    user_id           TEXT    NOT NULL,
    contact_method_id TEXT    NOT NULL,
    address           TEXT    NOT NULL,
    code_hash         TEXT,
    code_expires_at   BIGINT,
    attempts          INTEGER NOT NULL DEFAULT 0,
    verified_at       BIGINT,
    PRIMARY KEY (user_id, contact_method_id)
);
