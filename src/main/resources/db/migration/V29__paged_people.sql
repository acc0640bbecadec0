-- Everyone an incident's paging ever paged, at any level or round: the ack guard lets them acknowledge even after
-- the incident escalated past them (the escalation state keeps only who is paged now).
CREATE TABLE incident_paged_people (
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    user_id     TEXT   NOT NULL,
    first_at    BIGINT NOT NULL,
    PRIMARY KEY (incident_id, user_id)
);
