-- Channels managed from the web (issue 14): admins are named by OpenID subject or verified e-mail
-- (API_ADMINS), so a user's verified e-mail is kept from the last sign-in; an admin may pause a
-- channel, which the crawler then leaves alone (its status reads "paused").
ALTER TABLE users ADD COLUMN email text;
ALTER TABLE channels ADD COLUMN paused boolean NOT NULL DEFAULT false;
