-- The app limits alias, bio and mode in characters (Unicode code points), as the API
-- contract counts them. PostgreSQL's VARCHAR(n) counts code points too, but H2's counts
-- UTF-16 code units, where an emoji is two: 50 emoji passed validation and then failed
-- the insert with a 500. Twice the limit holds any valid value on both databases; the
-- app's validation stays the real limit.
ALTER TABLE users ALTER COLUMN mode SET DATA TYPE VARCHAR(40);
ALTER TABLE profiles ALTER COLUMN alias SET DATA TYPE VARCHAR(100);
ALTER TABLE profiles ALTER COLUMN bio SET DATA TYPE VARCHAR(1000);
