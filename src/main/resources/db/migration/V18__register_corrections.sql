-- Corrections of the register (certificate.Corrections). The register is never overwritten: a certificate is one
-- version of a register entry (its request's particulars); a correction request names the certificate it corrects,
-- asks for changes field by field, and, once approved, its own certificate is the entry's next version, which
-- supersedes the one it corrects (the old certificate's /verify then answers "superseded by <new number>").

-- The certificate a correction request corrects (empty for every other request).
alter table service_request add column corrects_certificate_id bigint references certificate (id);

-- The version of the register entry a certificate prints (1 for a first registration) and the certificate it
-- supersedes; a certificate is superseded at most once, so corrections of one entry form a chain.
alter table certificate add column entry_version integer not null default 1;
alter table certificate add column supersedes_id bigint unique references certificate (id);

-- The changes a correction request asks for: field by field the value in the register (taken from it, never typed),
-- the value asked for and why, and what the type's "<key>-rules" decision made of it (clerical or substance, in
-- words, and the documents it requires). Rewritten while the Mitan edits the request; kept once it is decided.
create table correction_change (
    id          bigserial    primary key,
    request_id  bigint       not null references service_request (id),
    position    integer      not null,
    field       varchar(64)  not null,
    old_value   varchar(500),
    new_value   varchar(500) not null,
    reason      varchar(500) not null,
    kind        varchar(16)  not null,
    rule        varchar(500) not null,
    rule_hi     varchar(500) not null,
    documents   varchar(500) not null default '',
    asked_by    varchar(128) not null,
    asked_at    timestamptz  not null,
    unique (request_id, position)
);
create index correction_change_request on correction_change (request_id);
create index service_request_corrects on service_request (corrects_certificate_id);
