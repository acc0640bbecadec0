-- Signed action links in pages (email links, ntfy action buttons): one row per link, each good for one
-- action by one person on one incident, once, until it expires. The link's secret token is stored only as
-- its SHA-256 hash, like API and calendar tokens: whoever reads this table cannot act with it. No IP
-- address or user agent is kept; used_at says when the link was spent.
CREATE TABLE action_links (
    token_hash  TEXT PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    user_id     TEXT NOT NULL,
    action      TEXT NOT NULL,
    channel     TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX action_links_incident ON action_links (incident_id);
CREATE INDEX action_links_expiry ON action_links (expires_at);
