-- PostgreSQL only (this folder is a second Flyway location used on PostgreSQL; versions never repeat one of
-- db/migration). Incident and alert numbers come from sequences instead of the counters rows: a row lock on
-- 'incident' held until commit made every writer lane and every node wait for each other on each new incident.
-- A sequence hands out numbers without a lock; a rolled-back write leaves its number unused (a gap), which is
-- the price. Each sequence starts after the number the counters row reached.
CREATE SEQUENCE incident_numbers;
CREATE SEQUENCE alert_numbers;
SELECT setval('incident_numbers', GREATEST(value, 1), value > 0) FROM counters WHERE name = 'incident';
SELECT setval('alert_numbers', GREATEST(value, 1), value > 0) FROM counters WHERE name = 'alert';
