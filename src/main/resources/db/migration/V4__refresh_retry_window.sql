-- The refresh token spent most recently in each login session, and when: within
-- jwt.refresh.grace that one token may be presented again (clients that refresh twice at
-- once) without counting as reuse. Any other spent token presented again still is.
ALTER TABLE login_sessions ADD COLUMN last_spent_hash CHAR(64);
ALTER TABLE login_sessions ADD COLUMN last_spent_at TIMESTAMP WITH TIME ZONE;
