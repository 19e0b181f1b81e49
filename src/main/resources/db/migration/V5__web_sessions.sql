-- Browser sessions are login sessions too: the web cookie holds a random token whose
-- SHA-256 is kept here, so every way of ending a session (logout, logout everywhere,
-- password change, deletion, deactivation) ends the browser's at once. NULL for API logins.
ALTER TABLE login_sessions ADD COLUMN web_token_hash CHAR(64);
CREATE UNIQUE INDEX login_sessions_web_token ON login_sessions (web_token_hash);
