-- The field page sends each queued upload with an Idempotency-Key (made on the phone when the photo was taken): a
-- retry after a dropped network gets the document of the first attempt back, never a second row.
alter table document add column idempotency_key varchar(64);
create unique index document_idempotency_key on document (request_id, idempotency_key)
    where idempotency_key is not null;
