-- The 14 municipal corporations of Chhattisgarh where the scheme starts.
-- Ward counts are the published figures at the time of writing; adding or correcting a body is data, not code.
insert into urban_body (code, name_en, name_hi, district, kind, wards) values
    ('RPR', 'Raipur',         'रायपुर',        'Raipur',      'MUNICIPAL_CORPORATION', 70),
    ('BRG', 'Birgaon',        'बीरगांव',       'Raipur',      'MUNICIPAL_CORPORATION', 40),
    ('BHI', 'Bhilai',         'भिलाई',         'Durg',        'MUNICIPAL_CORPORATION', 70),
    ('BHC', 'Bhilai-Charoda', 'भिलाई-चरोदा',   'Durg',        'MUNICIPAL_CORPORATION', 40),
    ('DRG', 'Durg',           'दुर्ग',          'Durg',        'MUNICIPAL_CORPORATION', 60),
    ('RSL', 'Risali',         'रिसाली',        'Durg',        'MUNICIPAL_CORPORATION', 40),
    ('BSP', 'Bilaspur',       'बिलासपुर',      'Bilaspur',    'MUNICIPAL_CORPORATION', 70),
    ('AMB', 'Ambikapur',      'अंबिकापुर',      'Surguja',     'MUNICIPAL_CORPORATION', 48),
    ('CHR', 'Chirmiri',       'चिरमिरी',       'Manendragarh-Chirmiri-Bharatpur', 'MUNICIPAL_CORPORATION', 40),
    ('DMT', 'Dhamtari',       'धमतरी',         'Dhamtari',    'MUNICIPAL_CORPORATION', 40),
    ('JDP', 'Jagdalpur',      'जगदलपुर',       'Bastar',      'MUNICIPAL_CORPORATION', 48),
    ('RJN', 'Rajnandgaon',    'राजनांदगांव',    'Rajnandgaon', 'MUNICIPAL_CORPORATION', 51),
    ('KRB', 'Korba',          'कोरबा',         'Korba',       'MUNICIPAL_CORPORATION', 67),
    ('RGH', 'Raigarh',        'रायगढ़',         'Raigarh',     'MUNICIPAL_CORPORATION', 48);
