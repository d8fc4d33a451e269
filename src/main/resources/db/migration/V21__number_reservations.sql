-- A gap-free number (a certificate's serial) reserved for what it numbers (a request) in a short transaction of its
-- own: the scope's counter row is locked only for that moment, not while the certificate is drawn, signed, stored and
-- the issuing job's transaction goes on; a retry of the same request takes the same number again.
create table number_reservation (
    scope       varchar(128) not null,
    holder      varchar(64)  not null,
    number      bigint       not null,
    reserved_at timestamptz  not null default now(),
    primary key (scope, holder),
    unique (scope, number)
);
