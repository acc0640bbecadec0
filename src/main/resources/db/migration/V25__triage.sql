-- Triage (issue 19): what event rules and grouping decided about an incident, and the alerts rules suppressed.
-- group_key: incidents whose grouping key matches join an open incident of their service within the window;
-- the partial index makes that lookup one indexed read. priority and runbook are shown with the incident.
ALTER TABLE incidents ADD COLUMN group_key TEXT;
ALTER TABLE incidents ADD COLUMN priority TEXT;
ALTER TABLE incidents ADD COLUMN runbook TEXT;
CREATE INDEX incidents_group ON incidents (service_id, group_key, created_at) WHERE group_key IS NOT NULL;

-- A suppressed alert opens no incident and pages nobody, but it is kept here, visible per service.
CREATE TABLE suppressed_alerts (
    id              ${id_pk},
    service_id      TEXT   NOT NULL,
    integration_key TEXT   NOT NULL,
    dedup_key       TEXT   NOT NULL,
    summary         TEXT,
    severity        TEXT   NOT NULL,
    rule_name       TEXT   NOT NULL,
    received_at     BIGINT NOT NULL,
    details         TEXT
);
CREATE INDEX suppressed_alerts_service ON suppressed_alerts (service_id, id);
