-- Rounds of wrong delivery OTPs, and the lock after too many of them (a supervisor must send the next OTP).
alter table delivery add column wrong_otp_rounds integer not null default 0;
alter table delivery add column locked_at timestamptz;
-- OTP sends are counted per Mitan across requests: the outbox joined to the deliveries of a Mitan.
create index delivery_mitan on delivery (mitan_user_id);
create index sms_message_request_template on sms_message (request_id, template, created_at);
