-- The code of the citizen's status page (/status/{code}), sent in every SMS: 24 hex digits (96 bits) of a one-way
-- hash of the request's feedback code, a random secret only the citizen's SMS carry. The same rule as
-- org.mitan.intake.StatusCodes, so requests registered before this migration get the code they would get now.
alter table service_request add column status_code varchar(32);
update service_request
   set status_code = substr(encode(sha256(convert_to('mitan:status:' || request_number || ':' || feedback_code,
                                                     'UTF8')), 'hex'), 1, 24);
alter table service_request alter column status_code set not null;
create unique index service_request_status_code on service_request (status_code);
