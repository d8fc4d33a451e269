-- Mitan's own tables. Camunda keeps its own schema (ACT_*) beside these.

create table urban_body (
    code             varchar(16)  primary key,
    name_en          varchar(100) not null,
    name_hi          varchar(100) not null,
    district         varchar(100) not null,
    kind             varchar(32)  not null
        check (kind in ('MUNICIPAL_CORPORATION', 'MUNICIPAL_COUNCIL', 'NAGAR_PANCHAYAT')),
    wards            integer      not null check (wards > 0),
    supervisor_phone varchar(10),
    active           boolean      not null default true
);

create table mitan (
    id        bigserial    primary key,
    body_code varchar(16)  not null references urban_body (code),
    name      varchar(100) not null,
    phone     varchar(10)  not null,
    user_id   varchar(64)  not null unique,
    active    boolean      not null default true
);

create table mitan_ward (
    mitan_id bigint  not null references mitan (id) on delete cascade,
    ward     integer not null,
    primary key (mitan_id, ward)
);

create table number_sequence (
    scope      varchar(128) primary key,
    last_value bigint       not null
);

create table service_request (
    id                     bigserial    primary key,
    request_number         varchar(32)  not null unique,
    certificate_type       varchar(64)  not null,
    body_code              varchar(16)  not null references urban_body (code),
    ward                   integer      not null,
    citizen_name           varchar(100) not null,
    citizen_phone          varchar(10)  not null,
    address                varchar(500) not null,
    preferred_visit_window varchar(16)  not null,
    language               varchar(2)   not null default 'hi',
    status                 varchar(32)  not null,
    process_instance_id    varchar(64),
    mitan_id               bigint       references mitan (id),
    particulars            jsonb        not null default '{}'::jsonb,
    feedback_code          varchar(32)  not null unique,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    closed_at              timestamptz,
    version                bigint       not null default 0
);
-- one open request per phone and certificate type
create unique index service_request_open_per_phone_and_type
    on service_request (citizen_phone, certificate_type)
    where status not in ('DELIVERED', 'REJECTED', 'CLOSED');
create index service_request_mitan on service_request (mitan_id, status);

create table request_milestone (
    id          bigserial   primary key,
    request_id  bigint      not null references service_request (id),
    milestone   varchar(64) not null,
    occurred_at timestamptz not null,
    actor       varchar(64),
    detail      varchar(1000)
);
create index request_milestone_request on request_milestone (request_id, occurred_at);

create table document (
    id            uuid         primary key,
    request_id    bigint       not null references service_request (id),
    document_type varchar(64)  not null,
    object_key    varchar(256) not null,
    sha256        varchar(64)  not null,
    size_bytes    bigint       not null check (size_bytes > 0),
    content_type  varchar(64)  not null,
    uploaded_by   varchar(64)  not null,
    uploaded_at   timestamptz  not null,
    unique (request_id, document_type, sha256)
);

create table single_window_submission (
    id           bigserial   primary key,
    request_id   bigint      not null unique references service_request (id),
    reference    varchar(64) not null,
    gateway      varchar(16) not null,
    submitted_at timestamptz not null
);

create table certificate (
    id                 bigserial    primary key,
    certificate_number varchar(64)  not null unique,
    request_id         bigint       not null unique references service_request (id),
    body_code          varchar(16)  not null references urban_body (code),
    certificate_type   varchar(64)  not null,
    holder_name        varchar(100) not null,
    issued_at          timestamptz  not null,
    object_key         varchar(256) not null,
    sha256             varchar(64)  not null,
    verification_code  varchar(32)  not null unique
);

create table delivery (
    id              bigserial   primary key,
    request_id      bigint      not null unique references service_request (id),
    mitan_user_id   varchar(64) not null,
    otp_hash        varchar(128) not null,
    failed_attempts integer     not null default 0,
    otp_sent_count  integer     not null default 1,
    otp_sent_at     timestamptz not null,
    delivered_at    timestamptz,
    delivered_by    varchar(64),
    version         bigint      not null default 0
);

create table feedback (
    id         bigserial   primary key,
    request_id bigint      not null unique references service_request (id),
    rating     smallint    not null check (rating between 1 and 5),
    comment    varchar(1000),
    created_at timestamptz not null
);

create table sms_message (
    id                 bigserial   primary key,
    request_id         bigint      references service_request (id),
    phone              varchar(10) not null,
    template           varchar(64) not null,
    language           varchar(2)  not null,
    body               varchar(1000) not null,
    status             varchar(16) not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts           integer     not null default 0,
    provider_reference varchar(64),
    last_error         varchar(500),
    created_at         timestamptz not null,
    sent_at            timestamptz
);
create index sms_message_pending on sms_message (status, created_at);
create index sms_message_request on sms_message (request_id);
