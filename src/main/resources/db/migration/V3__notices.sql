-- Outbox of messages to people (schedule changes, handoff notices, gap warnings). A message is written in
-- the same transaction as the change it tells about, so it cannot be lost; a sender delivers it later.
CREATE TABLE notices (
    id          ${id_pk},
    user_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    dedup_key   TEXT,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    due_at      BIGINT NOT NULL,
    sent_at     BIGINT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    channel     TEXT
);
CREATE INDEX notices_pending ON notices (sent_at, due_at);
-- "once per gap, not every minute": a notice with a dedup key is written at most once.
CREATE UNIQUE INDEX notices_dedup ON notices (dedup_key);
