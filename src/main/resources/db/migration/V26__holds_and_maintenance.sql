-- Triage (issue 19): maintenance windows, and incidents held back from paging.
--
-- A maintenance window silences a service (or every service of a team) from starts_at to ends_at: alerts are
-- recorded and open incidents, but nobody is paged until the window ends. ended_at is set when it is ended
-- early (and then wins over ends_at); the release itself is the durable timer maintenance/<id>/end.
CREATE TABLE maintenance_windows (
    id          ${id_pk},
    service_id  TEXT,
    team_id     TEXT,
    starts_at   BIGINT NOT NULL,
    ends_at     BIGINT NOT NULL,
    reason      TEXT,
    created_by  TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    ended_at    BIGINT,
    ended_by    TEXT
);
CREATE INDEX maintenance_windows_ends ON maintenance_windows (ends_at);

-- An open incident that is not being paged for now, and why: support_hours (low urgency outside the service's
-- support hours), maintenance (opened during window_id) or snooze (a responder snoozed it until until_at).
-- At most one per incident; it is deleted when the incident is released, acknowledged or resolved.
CREATE TABLE incident_holds (
    incident_id BIGINT PRIMARY KEY REFERENCES incidents (id),
    reason      TEXT   NOT NULL,
    until_at    BIGINT NOT NULL,
    window_id   BIGINT,
    held_at     BIGINT NOT NULL,
    held_by     TEXT
);
CREATE INDEX incident_holds_window ON incident_holds (window_id);
