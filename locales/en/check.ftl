## Eligibility check: verdicts, reasons, next steps (shared by `siaga check` and the chat)

empty = {""}
lines-join = { $first }
    { $rest }
reason-line = { $mark } { $text }
mark-pass = ✅
mark-fail = ❌
mark-unknown = ❔
reasons-list = The reasons:
    { $lines }

verdict-likely_eligible = LIKELY ELIGIBLE for Pro JKK-JKM.
verdict-not_eligible = Not eligible for Pro JKK-JKM yet.
verdict-needs_review = NEEDS REVIEW by the kelurahan officer.

verdict-officers-check = This result comes from your own answers. Before deciding, officers check the answers against official data (the Dinas Sosial's DTKS/DTSEN and BPJS Ketenagakerjaan).
next-likely_eligible = Next step: submit a nomination to your lurah. The final decision rests with the kelurahan and Disnaker KUKM, and depends on the remaining quota.
next-needs_review = Next step: you can still submit a nomination; the kelurahan officer will check the points marked ❔.
next-not_eligible = Next step: if an answer was wrong, please change it. For questions, contact your kelurahan office or Disnaker KUKM Kota Madiun.
next-not_eligible-registry = Next step: register your family in DTSEN through "Usul Sanggah" in the Cek Bansos app (Ministry of Social Affairs), or through the kelurahan meeting (Muskel). Once registered, check again.

reason-nik-city = The NIK was issued in Kota Madiun.
reason-nik-elsewhere = The NIK was issued outside Kota Madiun (code { $region }): domicile must be shown with a KK/KTP at the kelurahan.
reason-nik-missing = The NIK has not been given yet.
reason-domicile-in_city = Lives in Kelurahan { $kelurahan }, { $city }.
reason-domicile-missing = The kelurahan of residence has not been given yet.
reason-age-in_range = Age { $age }, within { $min }–{ $max }.
reason-age-too_young = Age { $age }, below the minimum of { $min }.
reason-age-too_old = Age { $age }, above the maximum of { $max }.
reason-age-mismatch = Age by NIK is { $age }, but { $stated } was stated: the officer will check.
reason-age-missing = Age unknown (limits { $min }–{ $max }).
reason-activity-informal = Has an economic activity: { $occupation }.
reason-activity-pu_role = { $occupation } is covered through the wage-earner (PU) track, registered by the institution or kelurahan, not this one: the officer will advise.
reason-activity-formal = { $occupation } is usually covered by the employer: the officer will check.
reason-activity-student = { $occupation }: the officer will check for an economic activity.
reason-activity-none = No economic activity ({ $occupation }); the program is for people who work or run a business.
reason-activity-unrecognised = We do not recognise the occupation "{ $text }": the officer will check.
reason-activity-missing = The occupation has not been given yet.
reason-registry-listed = Listed in { $registry } (as you answered; the officer will verify).
reason-registry-not_listed = Not listed in { $registry }, which the program requires.
reason-registry-unknown = { $registry } status unknown: the kelurahan officer will verify. You can check at cekbansos.kemensos.go.id or in the Cek Bansos app.
reason-registry-missing = { $registry } status not given yet.
reason-bpjs-none = Not yet registered with BPJS Ketenagakerjaan.
reason-bpjs-employer = Already covered by BPJS Ketenagakerjaan through an employer; the program does not allow double cover.
reason-bpjs-self_paid = Already paying BPJS Ketenagakerjaan yourself (BPU mandiri): the officer will decide whether the city can take over the premium.
reason-bpjs-unknown = BPJS Ketenagakerjaan status unknown: check in the JMO app or at a BPJS Ketenagakerjaan office.

occ-OJOL = online motorbike taxi (ojol)
occ-OJEK_PANGKALAN = motorbike taxi (ojek)
occ-TUKANG_BECAK = pedicab driver
occ-PEDAGANG = trader / street vendor
occ-ART = household helper
occ-BURUH_HARIAN = day labourer
occ-KONSTRUKSI = builder / construction worker
occ-PERTANIAN = farmer / farm labourer
occ-NELAYAN = fisher
occ-SOPIR = driver / conductor
occ-JASA_LAIN = services (tailor, barber, parking, etc.)
occ-KREATIF = creative / freelance worker
occ-PEMUKA_AGAMA = religious leader
occ-PU_ROLE = RT/RW, linmas, cadre or non-civil-servant staff
occ-TIDAK_BEKERJA = not working / homemaker / retired
occ-PELAJAR = student
occ-FORMAL = employee

sex-L = male
sex-P = female

nik-error-nik-empty = The NIK is empty.
nik-error-nik-not_digits = A NIK has digits only, 16 of them.
nik-error-nik-too_short = The NIK is too short: it has 16 digits (you typed { $count }).
nik-error-nik-too_long = The NIK is too long: it has 16 digits (you typed { $count }).
nik-error-nik-bad_province = The first two digits of the NIK are not a province code.
nik-error-nik-bad_regency = Digits 3 and 4 of the NIK are not a regency/city code.
nik-error-nik-bad_district = The district code in the NIK (digits 5 and 6) does not exist.
nik-error-nik-bad_date = The birth date in the NIK (digits 7 to 12) is not a real date.
nik-error-nik-future_date = The birth date in the NIK is in the future.
nik-error-nik-serial_zero = The last four digits of a NIK cannot be 0000.
nik-error-nik-looks_like_kk = This looks like a family card (KK) number, not a NIK. The NIK is on your KTP, or on your own line of the KK.

check-person = NIK { $nik } · { $sex } · born { $born } · age { $age }
    Kelurahan { $kelurahan }, Kecamatan { $kecamatan }
    Occupation: { $occupation }
check-occupation-unknown = not recognised
check-priority = Priority score: { $priority } (listed in DTKS/DTSEN and school-age children come first).

cli-bad-choice = Unknown value "{ $value }" for { $field }. Choose: ya, tidak or tidak-tahu.
cli-bad-bpjs = Unknown value "{ $value }" for --bpjs. Choose: tidak, pu (through an employer), bpu (self-paid) or tidak-tahu.
cli-bad-age = Age "{ $value }" is not valid: write the number of years, e.g. 45.
cli-bad-date = Date "{ $value }" is not valid: use YYYY-MM-DD, e.g. 2026-11-22.
cli-kelurahan-unknown = Kelurahan "{ $value }" was not found in Kota Madiun.
cli-kelurahan-ambiguous = "{ $value }" could mean several kelurahan: { $names }. Please be more specific.
cli-kelurahan-is-kecamatan = { $value } is a kecamatan; give the kelurahan.
cli-missing-options = Incomplete: please also give { $options }.
cli-file-missing = File { $path } not found.
cli-csv-needs-out = With --csv, also name the output file with --out.
cli-csv-empty = The CSV file is empty.
cli-csv-missing-columns = Required columns missing from the CSV: { $columns }.
cli-csv-row-error = Line { $line }: { $error }
cli-csv-progress = Screening the resident list…
cli-csv-done = Done in { $seconds } s: { $rows } rows read, { $written } rows written — { $eligible } likely eligible, { $review } need review, { $not } not eligible, { $errors } malformed. Output: { $out }
cli-csv-unclosed-quote = a quote (") is not closed on this row; the row is skipped, the rows after it are still read
cli-csv-broken-row = this row is damaged or a cell is too long; skipped
cli-csv-encoding = The file is not UTF-8: read as { $encoding }. Check the letters of names in the output.

err-not-place-kecamatan = That is not a place name. Choose kecamatan 1–{ $n }, or type the name of your kelurahan.
err-not-place-kelurahan = That is not a place name. Choose kelurahan 1–{ $n }, or type the name of your kelurahan.
