-- Durable timers: every future action of the paging engine (escalate, notify, heartbeat check) is a row,
-- written in the same transaction as the change that causes it, and fired by whichever node claims it.
CREATE TABLE timers (
    id               ${id_pk},
    kind             TEXT NOT NULL,
    dedup_key        TEXT NOT NULL,
    payload          TEXT NOT NULL,
    due_at           BIGINT NOT NULL,
    claimed_by       TEXT,
    claim_expires_at BIGINT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       BIGINT NOT NULL,
    done_at          BIGINT,
    outcome          TEXT,
    last_error       TEXT
);
-- "never page twice for one rule": one pending timer per key (a fired or cancelled one frees the key).
CREATE UNIQUE INDEX timers_pending_key ON timers (dedup_key) WHERE done_at IS NULL;
-- The next due timer nobody holds, and the claims that may expire: both are MIN() over a partial index.
CREATE INDEX timers_due ON timers (due_at) WHERE done_at IS NULL AND claimed_by IS NULL;
CREATE INDEX timers_claims ON timers (claim_expires_at) WHERE done_at IS NULL AND claimed_by IS NOT NULL;
