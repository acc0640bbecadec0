-- Overrides: user_id is on call in schedule_id from start_at to end_at (exclusive), replacing everyone
-- (replacing IS NULL) or only the user `replacing`. Rows are never deleted: removing an override sets
-- removed_at/removed_by, so who changed the schedule and when stays on record.
-- origin says how it came about: override (by hand), take_pager, cover (cover request id in origin_id),
-- swap (swap request id in origin_id).
CREATE TABLE overrides (
    id          TEXT PRIMARY KEY,
    schedule_id TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    replacing   TEXT,
    start_at    BIGINT NOT NULL,
    end_at      BIGINT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    removed_at  BIGINT,
    removed_by  TEXT,
    reason      TEXT,
    origin      TEXT NOT NULL,
    origin_id   TEXT
);
CREATE INDEX overrides_schedule ON overrides (schedule_id, end_at);

-- "Cover me": requester asks asked_user (or, when NULL, the schedule's team) to take start_at..end_at.
-- status: open, accepted, declined, cancelled, expired. An open request expires at expires_at (the window's start).
CREATE TABLE cover_requests (
    id          TEXT PRIMARY KEY,
    schedule_id TEXT NOT NULL,
    requester   TEXT NOT NULL,
    asked_user  TEXT,
    start_at    BIGINT NOT NULL,
    end_at      BIGINT NOT NULL,
    reason      TEXT,
    status      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    closed_at   BIGINT,
    closed_by   TEXT,
    override_id TEXT
);
CREATE INDEX cover_requests_status ON cover_requests (status, expires_at);

-- Who declined a cover request (a team request stays open until everyone asked has declined).
CREATE TABLE cover_answers (
    request_id  TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    answer      TEXT NOT NULL,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (request_id, user_id)
);

-- "Swap": requester trades their shift (schedule_id, start_at..end_at) for other_user's shift
-- (other_schedule_id, other_start_at..other_end_at). The request is the requester's agreement; the other's
-- accept completes it with two overrides (override_ids, comma separated).
CREATE TABLE swap_requests (
    id                TEXT PRIMARY KEY,
    requester         TEXT NOT NULL,
    other_user        TEXT NOT NULL,
    schedule_id       TEXT NOT NULL,
    start_at          BIGINT NOT NULL,
    end_at            BIGINT NOT NULL,
    other_schedule_id TEXT NOT NULL,
    other_start_at    BIGINT NOT NULL,
    other_end_at      BIGINT NOT NULL,
    reason            TEXT,
    status            TEXT NOT NULL,
    created_at        BIGINT NOT NULL,
    expires_at        BIGINT NOT NULL,
    closed_at         BIGINT,
    closed_by         TEXT,
    override_ids      TEXT
);
CREATE INDEX swap_requests_status ON swap_requests (status, expires_at);
