-- Instances sharing PostgreSQL hold copies of tweets and home timelines in memory. Every
-- committed write to what those copies hold moves this counter before it is answered, and a
-- read first checks it: moved by another instance, the copies are dropped (dev.raven.db.WriteEpoch).
-- Unused on the embedded database. No CACHE: its values must be consecutive across sessions.
CREATE SEQUENCE raven_write_epoch;
