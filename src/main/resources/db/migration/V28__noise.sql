-- Recurring and noisy alerts. An alert's key is its integration key and dedup key: the same alert firing again.
-- How often a key fired, in a window, is counted from alerts through this index.
CREATE INDEX alerts_key ON alerts (integration_key, dedup_key, created_at);
CREATE INDEX alerts_created ON alerts (created_at);
-- What fixed it last time: a resolution note written when an incident was resolved, kept once per alert key of the
-- incident so that the next incident of the same alert can show it.
CREATE TABLE resolution_notes (
    id              ${id_pk},
    incident_id     BIGINT NOT NULL REFERENCES incidents (id),
    integration_key TEXT   NOT NULL,
    dedup_key       TEXT   NOT NULL,
    note            TEXT   NOT NULL,
    author          TEXT   NOT NULL,
    written_at      BIGINT NOT NULL
);
CREATE INDEX resolution_notes_key ON resolution_notes (integration_key, dedup_key, written_at);
-- Follow-up items for recurring noise ("make this a ticket"): until a ticket system is connected, kept here.
CREATE TABLE follow_ups (
    id              ${id_pk},
    service_id      TEXT   NOT NULL,
    integration_key TEXT   NOT NULL,
    dedup_key       TEXT   NOT NULL,
    title           TEXT   NOT NULL,
    created_by      TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    closed_at       BIGINT,
    closed_by       TEXT
);
CREATE INDEX follow_ups_key ON follow_ups (integration_key, dedup_key);
