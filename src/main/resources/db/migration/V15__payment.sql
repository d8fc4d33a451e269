-- Fees paid online before a decision (payment.Payments): one row per request and fee, asked for once. The
-- idempotency key (request number and fee code) goes to the payment gateway with the order, so a retried step never
-- charges twice; the gateway's reference and the citizen's pay link come back. A signed callback of the gateway marks
-- the row PAID with its receipt number (printed on the certificate and sent by SMS); a repeated callback changes
-- nothing. Auditors read a request's money here.
create table payment (
    id                bigserial    primary key,
    request_id        bigint       not null references service_request (id),
    fee_code          varchar(40)  not null,
    rupees            integer      not null check (rupees >= 1),
    label             varchar(200) not null,
    label_hi          varchar(200) not null,
    idempotency_key   varchar(100) not null unique,
    gateway           varchar(16)  not null,
    gateway_reference varchar(100) not null,
    pay_url           varchar(500),
    status            varchar(16)  not null check (status in ('PENDING', 'PAID')),
    receipt_number    varchar(64),
    created_at        timestamptz  not null,
    paid_at           timestamptz,
    unique (request_id, fee_code)
);
create unique index payment_gateway_reference on payment (gateway, gateway_reference);
