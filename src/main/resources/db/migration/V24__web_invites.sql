-- Invitations to the web UI: a one-time link an admin hands to a person, who opens it and chooses a password. Only
-- the SHA-256 of the link's secret is stored. A new invitation for the same person replaces an unused older one.
CREATE TABLE web_invites (
    token_hash  TEXT   NOT NULL PRIMARY KEY,
    user_id     TEXT   NOT NULL,
    role        TEXT   NOT NULL,
    created_by  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX web_invites_user ON web_invites (user_id);
