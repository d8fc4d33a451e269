-- A clerk's return of a request's documents for a revisit (document.DocumentReturns): which of the request's
-- document types the Mitan must take again (comma-separated, as the required-documents tables name them), who
-- returned them and when. A returned type counts as not collected on the Mitan's checklist until a scan of it is
-- uploaded after the return; the scans taken before stay, marked replaced.
create table document_return (
    id             bigserial     primary key,
    request_id     bigint        not null references service_request (id),
    document_types varchar(2000) not null check (document_types <> ''),
    returned_by    varchar(64)   not null,
    returned_at    timestamptz   not null
);
create index document_return_request on document_return (request_id, returned_at);
