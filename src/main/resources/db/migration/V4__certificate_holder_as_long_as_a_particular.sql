-- The certificate's holder is the citizen (a name of at most 100 characters) or, for a type whose service level
-- names a holder particular (the child of a birth certificate), that particular: up to 500 characters, which the
-- old column could not hold, so issuing such a certificate failed for ever.
alter table certificate alter column holder_name type varchar(500);
