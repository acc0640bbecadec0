-- A notice that could not be delivered after the last retry (or was refused outright) is marked failed: it
-- is no longer due, but it stays in the table and in the API so nobody is left thinking they were told.
ALTER TABLE notices ADD COLUMN failed_at BIGINT;
