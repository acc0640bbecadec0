-- Issue 19 (triage): merges, handovers and flags.

-- An incident merged into another: it was resolved with a pointer to the survivor, which took its alerts and
-- responders. The survivor's timeline links to the merged incident's own timeline instead of copying it.
CREATE TABLE incident_merges (
    merged_id BIGINT NOT NULL PRIMARY KEY REFERENCES incidents (id),
    into_id   BIGINT NOT NULL REFERENCES incidents (id),
    merged_by TEXT   NOT NULL,
    merged_at BIGINT NOT NULL
);
CREATE INDEX incident_merges_into ON incident_merges (into_id);

-- Handing an incident over to another person: asked, then accepted, declined or expired.
CREATE TABLE handovers (
    id          ${id_pk},
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    from_user   TEXT   NOT NULL,
    to_user     TEXT   NOT NULL,
    note        TEXT,
    status      TEXT   NOT NULL,
    asked_at    BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX handovers_incident ON handovers (incident_id, status);
CREATE INDEX handovers_to ON handovers (to_user, status);

-- Incidents flagged for the next handover, with a note; open until cleared.
CREATE TABLE incident_flags (
    id          ${id_pk},
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    note        TEXT   NOT NULL,
    flagged_by  TEXT   NOT NULL,
    flagged_at  BIGINT NOT NULL,
    cleared_at  BIGINT,
    cleared_by  TEXT
);
CREATE INDEX incident_flags_open ON incident_flags (cleared_at, flagged_at);
