-- Paging cancels timers by key prefix (every pending timer of one incident and person when they acknowledge). The
-- first two segments of a key ("notify/42/") are kept in a column of their own so that is an index lookup among
-- the incident's timers instead of a scan of every pending timer, which grew with the square of an alert storm.
-- Keys with fewer than two '/' have no scope. The expression that cuts a key differs between the two databases.
ALTER TABLE timers ADD COLUMN scope TEXT;
UPDATE timers SET scope = ${timer_key_scope} WHERE done_at IS NULL;
CREATE INDEX timers_pending_scope ON timers (scope) WHERE done_at IS NULL;
