-- The durable side of the incident event stream: one row per event per durable listener (chat message
-- updates, outbound webhooks), written in the transaction that records the event, deleted once the listener
-- has taken it. Each (listener, incident) pair is drained in id order by one `event-outbox` timer, so a
-- listener sees one incident's events in the order they happened, at least once, across restarts and nodes.
-- (Numbered 20 to leave room below for migrations written alongside it.)
CREATE TABLE event_outbox (
    id          ${id_pk},
    listener    TEXT   NOT NULL,
    incident_id BIGINT NOT NULL,
    event       TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX event_outbox_order ON event_outbox (listener, incident_id, id);
