-- The Mitan's photo of the hand-over, taken on the field page and sent through its queue with an Idempotency-Key.
create table delivery_photo (
    id              uuid         primary key,
    request_id      bigint       not null references service_request (id),
    object_key      varchar(256) not null,
    sha256          varchar(64)  not null,
    size_bytes      bigint       not null check (size_bytes > 0),
    content_type    varchar(64)  not null,
    uploaded_by     varchar(64)  not null,
    uploaded_at     timestamptz  not null,
    idempotency_key varchar(64)  not null,
    unique (request_id, idempotency_key)
);
