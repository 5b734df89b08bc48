-- Channels managed from the web (issue 14): admins are named by OpenID subject or verified e-mail
-- (API_ADMINS), so a user's verified e-mail is kept from the last sign-in; an admin may pause a
-- channel, which the crawler then leaves alone (its status reads "paused").
ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE channels ADD COLUMN paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1));
