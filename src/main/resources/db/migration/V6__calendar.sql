-- Secret tokens of iCalendar feed URLs, one live token per feed (a user's or a schedule's). Like API tokens
-- they are stored only as a SHA-256 hash: a URL is shown when its token is issued and never again.
-- Rotating replaces the hash, so the old URL stops working at once.
CREATE TABLE calendar_feeds (
    kind        TEXT NOT NULL,
    subject_id  TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    issued_at   BIGINT NOT NULL,
    issued_by   TEXT NOT NULL,
    PRIMARY KEY (kind, subject_id)
);
