-- Web UI logins. A user's password (argon2id, never the password itself) and the role the web grants them: like
-- an API token, a login is a credential that carries a role (admin, responder or observer).
CREATE TABLE web_logins (
    user_id       TEXT   NOT NULL PRIMARY KEY,
    password_hash TEXT   NOT NULL,
    role          TEXT   NOT NULL,
    updated_at    BIGINT NOT NULL
);
-- Signed-in browsers. The cookie holds 256 random bits; only their SHA-256 is stored. Revoked by logging out, by a
-- new password, or by an admin; expired after a fixed lifetime.
CREATE TABLE web_sessions (
    id          ${id_pk},
    token_hash  TEXT   NOT NULL UNIQUE,
    user_id     TEXT   NOT NULL,
    role        TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX web_sessions_user ON web_sessions (user_id);
