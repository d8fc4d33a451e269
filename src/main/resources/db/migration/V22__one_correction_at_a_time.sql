-- A paper certificate's number is its urban body's own: two bodies may each have kept a "123/1998" in their paper
-- registers, and each enters its own (V19 kept one per type for the whole state).
alter table paper_register_entry drop constraint paper_register_entry_certificate_type_certificate_number_key;
alter table paper_register_entry add constraint paper_register_entry_number_per_body
    unique (certificate_type, body_code, certificate_number);

-- One open correction per register entry (a certificate of the register or an entry entered from paper): a second
-- correction of the same entry, approved after the first, would correct a version that is no longer the latest. The
-- application refuses the second when it names the entry (certificate.Corrections); these indexes are the rule in the
-- database, on the final statuses of service_request_open_per_phone_and_type (V1).
create unique index service_request_one_open_correction_of_certificate
    on service_request (corrects_certificate_id)
    where corrects_certificate_id is not null and status not in ('DELIVERED', 'REJECTED', 'CLOSED');
create unique index service_request_one_open_correction_of_paper_entry
    on service_request (corrects_paper_entry_id)
    where corrects_paper_entry_id is not null and status not in ('DELIVERED', 'REJECTED', 'CLOSED');
