-- Late registration, computed when the particulars are recorded (document.RegistrationDelayDelegate): the days
-- between the event named in the type's particulars (a birth, a death, a marriage) and the day the request was
-- registered, the path the type's "<key>-registration-delay" decision chose for that delay, the documents that
-- path makes mandatory (comma-separated document types) and the late fee in rupees it charges. Empty for a type
-- without such a step and for a request whose particulars are not recorded yet.
alter table service_request add column registration_delay_days integer;
alter table service_request add column registration_path varchar(40);
alter table service_request add column path_documents varchar(500);
alter table service_request add column late_fee_rupees integer;
