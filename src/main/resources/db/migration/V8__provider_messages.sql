-- The latest delivery status a provider reported for a message or call it accepted (Twilio's status callbacks:
-- queued, sent, delivered, undelivered, failed; ringing, in-progress, completed, busy, no-answer, …), so delivery
-- tracking can tell whether a page reached the phone. One row per (provider, provider_id).
CREATE TABLE provider_messages (
    id          ${id_pk},
    provider    VARCHAR(32)  NOT NULL,
    provider_id VARCHAR(128) NOT NULL,
    status      VARCHAR(32)  NOT NULL,
    error_code  VARCHAR(32),
    updated_at  BIGINT       NOT NULL
);
CREATE UNIQUE INDEX provider_messages_by_provider_id ON provider_messages (provider, provider_id);
