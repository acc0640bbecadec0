-- Configuration as code. Each configured object (user, team, schedule, escalation policy, service,
-- provider) is one row whose body is the object as JSON, in the shape of the YAML file, with secrets
-- replaced by their placeholders (the environment variable names). The secret values sit apart in config_secrets, so a query
-- or dump of config_objects never shows them.

CREATE TABLE config_objects (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    position   INTEGER NOT NULL,
    body       TEXT NOT NULL,
    revision   BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE TABLE config_secrets (
    kind  TEXT NOT NULL,
    id    TEXT NOT NULL,
    name  TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (kind, id, name)
);

-- Every change to the configuration: when, who, from where, and what changed (object ids and field
-- paths only, never values).
CREATE TABLE config_revisions (
    id         ${id_pk},
    applied_at BIGINT NOT NULL,
    actor      TEXT NOT NULL,
    source     TEXT NOT NULL,
    summary    TEXT NOT NULL,
    changes    TEXT NOT NULL
);
