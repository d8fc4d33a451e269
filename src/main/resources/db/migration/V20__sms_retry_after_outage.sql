-- An SMS the provider could not take (down, slow, busy) waits before it is tried again; the dispatcher reads the
-- pending messages that are due.
alter table sms_message add column next_attempt_at timestamptz;
