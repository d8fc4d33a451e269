-- Older paper certificates that are not in our register (certificate.Corrections): when a correction names one,
-- the Mitan scans it (a "certificate-copy" document of the correction request) and the clerk enters the register
-- entry it refers to. The entry is marked as entered from paper by being a row of this table, with the scan, who
-- entered it and when; the correction's certificate supersedes it as it supersedes a certificate of our register.
create table paper_register_entry (
    id                 bigserial    primary key,
    certificate_number varchar(64)  not null,
    certificate_type   varchar(64)  not null,
    body_code          varchar(16)  not null references urban_body (code),
    particulars        jsonb        not null,
    scan_document_id   uuid         not null references document (id),
    entered_by         varchar(128) not null,
    entered_at         timestamptz  not null,
    unique (certificate_type, certificate_number)
);

-- The paper entry a correction request corrects (instead of a certificate of the register).
alter table service_request add column corrects_paper_entry_id bigint references paper_register_entry (id);

-- The paper entry a corrected certificate supersedes; at most once.
alter table certificate add column supersedes_paper_entry_id bigint unique references paper_register_entry (id);
