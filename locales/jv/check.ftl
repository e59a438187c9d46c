## Pamriksan: asil, alesan, langkah salajengipun (Basa Jawa krama)

empty = {""}
lines-join = { $first }
    { $rest }
reason-line = { $mark } { $text }
mark-pass = ✅
mark-fail = ❌
mark-unknown = ❔
reasons-list = Alesanipun:
    { $lines }

verdict-likely_eligible = Kinten-kinten NYEKAPI SARAT Pro JKK-JKM.
verdict-not_eligible = Dereng nyekapi sarat Pro JKK-JKM.
verdict-needs_review = PERLU DIPRIKSA petugas kelurahan.

verdict-officers-check = Asil menika dipun etang saking wangsulan Panjenengan piyambak. Saderengipun mutusaken, petugas nyocogaken wangsulan kaliyan data resmi (DTKS/DTSEN Dinas Sosial lan BPJS Ketenagakerjaan).
next-likely_eligible = Langkah salajengipun: aturaken usulan dhateng lurah. Putusan pungkasan wonten ing kelurahan lan Disnaker KUKM, saha gumantung sisa kuota.
next-needs_review = Langkah salajengipun: Panjenengan tetep saged ngaturaken usulan; petugas kelurahan badhe mriksa bab ingkang dipun tandhani ❔.
next-not_eligible = Langkah salajengipun: menawi wonten wangsulan ingkang lepat, mangga dipun ewahi. Pitakenan sanesipun, mangga dhateng kantor kelurahan utawi Disnaker KUKM Kota Madiun.
next-not_eligible-registry = Langkah salajengipun: daftaraken kulawarga dhateng DTSEN lumantar "Usul Sanggah" ing aplikasi Cek Bansos (Kemensos), utawi lumantar musyawarah kelurahan (Muskel). Sasampunipun kadaftar, mangga dipun cek malih.

reason-nik-city = NIK dipun terbitaken ing Kota Madiun.
reason-nik-elsewhere = NIK dipun terbitaken ing njawi Kota Madiun (kode { $region }): domisili kedah dipun buktekaken mawi KK/KTP ing kelurahan.
reason-nik-missing = NIK dereng dipun isi.
reason-domicile-in_city = Manggen ing Kelurahan { $kelurahan }, { $city }.
reason-domicile-missing = Kelurahan papan panggenan dereng dipun isi.
reason-age-in_range = Yuswa { $age } taun, wonten salebeting { $min }–{ $max } taun.
reason-age-too_young = Yuswa { $age } taun, kirang saking { $min } taun.
reason-age-too_old = Yuswa { $age } taun, langkung saking { $max } taun.
reason-age-mismatch = Yuswa miturut NIK { $age } taun, ingkang dipun aturaken { $stated } taun: badhe dipun cek petugas.
reason-age-missing = Yuswa dereng dipun mangertosi (wates { $min }–{ $max } taun).
reason-activity-informal = Gadhah kegiatan ekonomi: { $occupation }.
reason-activity-pu_role = { $occupation } dipun lindhungi lumantar jalur Penerima Upah (dipun daftaraken instansi/kelurahan), sanes jalur menika: petugas badhe ngarahaken.
reason-activity-formal = { $occupation } limrahipun sampun dipun lindhungi ingkang paring damel: badhe dipun cek petugas.
reason-activity-student = { $occupation }: badhe dipun cek menapa gadhah kegiatan ekonomi.
reason-activity-none = Dereng gadhah kegiatan ekonomi ({ $occupation }); program menika kagem tiyang ingkang nyambut damel utawi gadhah usaha.
reason-activity-unrecognised = Pedamelan "{ $text }" dereng kawastanan: badhe dipun cek petugas.
reason-activity-missing = Pedamelan dereng dipun isi.
reason-registry-listed = Kadaftar ing { $registry } (miturut wangsulan Panjenengan; petugas badhe nyocogaken).
reason-registry-not_listed = Dereng kadaftar ing { $registry }, menika sarat program.
reason-registry-unknown = Status { $registry } dereng dipun mangertosi: petugas kelurahan badhe nyocogaken. Saged dipun cek piyambak ing cekbansos.kemensos.go.id utawi aplikasi Cek Bansos.
reason-registry-missing = Status { $registry } dereng dipun isi.
reason-bpjs-none = Dereng kadaftar BPJS Ketenagakerjaan.
reason-bpjs-employer = Sampun dipun lindhungi BPJS Ketenagakerjaan saking ingkang paring damel; program boten pareng dobel.
reason-bpjs-self_paid = Sampun mbayar BPJS Ketenagakerjaan piyambak (BPU mandiri): petugas badhe nimbang menapa iuran saged dipun tanggel Pemkot.
reason-bpjs-unknown = Status BPJS Ketenagakerjaan dereng dipun mangertosi: saged dipun cek ing aplikasi JMO utawi kantor BPJS Ketenagakerjaan.

occ-OJOL = ojek online (ojol)
occ-OJEK_PANGKALAN = ojek pangkalan
occ-TUKANG_BECAK = tukang becak
occ-PEDAGANG = bakul / PKL
occ-ART = rewang / asisten rumah tangga
occ-BURUH_HARIAN = buruh / serabutan
occ-KONSTRUKSI = tukang / kuli bangunan
occ-PERTANIAN = tani / buruh tani
occ-NELAYAN = nelayan
occ-SOPIR = sopir / kernet
occ-JASA_LAIN = jasa (jahit, cukur, parkir, lsp.)
occ-KREATIF = pekerja kreatif / lepas
occ-PEMUKA_AGAMA = pemuka agama
occ-PU_ROLE = RT/RW, linmas, kader, utawi non-ASN
occ-TIDAK_BEKERJA = boten nyambut damel / ngurus griya / pensiunan
occ-PELAJAR = pelajar / mahasiswa
occ-FORMAL = pegawai / karyawan

sex-L = jaler
sex-P = estri

nik-error-nik-empty = NIK dereng dipun isi.
nik-error-nik-not_digits = NIK namung angka, 16 digit.
nik-error-nik-too_short = NIK kacekaken: kedah 16 digit (ingkang dipun serat { $count } digit).
nik-error-nik-too_long = NIK kedawan: kedah 16 digit (ingkang dipun serat { $count } digit).
nik-error-nik-bad_province = Kalih angka wiwitan NIK sanes kode provinsi.
nik-error-nik-bad_regency = Angka kaping 3 lan 4 NIK sanes kode kabupaten/kutha.
nik-error-nik-bad_district = Kode kecamatan ing NIK (angka kaping 5 lan 6) boten wonten.
nik-error-nik-bad_date = Tanggal lair ing NIK (angka kaping 7 dumugi 12) sanes tanggal ingkang leres.
nik-error-nik-future_date = Tanggal lair ing NIK dereng kelampahan.
nik-error-nik-serial_zero = Sekawan angka pungkasan NIK boten saged 0000.
nik-error-nik-looks_like_kk = Nomer menika kados nomer Kartu Keluarga (KK), sanes NIK. NIK wonten ing KTP, utawi ing larikan nami Panjenengan ing KK.

check-person = NIK { $nik } · { $sex } · lair { $born } · yuswa { $age } taun
    Kelurahan { $kelurahan }, Kecamatan { $kecamatan }
    Pedamelan: { $occupation }
check-occupation-unknown = dereng kawastanan
check-priority = Skor prioritas: { $priority } (kadaftar DTKS/DTSEN lan gadhah putra umur sekolah dipun rumiyinaken).

cli-bad-choice = Biji "{ $value }" kagem { $field } boten kawastanan. Pilih: ya, tidak, utawi tidak-tahu.
cli-bad-bpjs = Biji "{ $value }" kagem --bpjs boten kawastanan. Pilih: tidak, pu, bpu, utawi tidak-tahu.
cli-bad-age = Yuswa "{ $value }" boten leres: serat angka taun, tuladha 45.
cli-bad-date = Tanggal "{ $value }" boten leres: ngginakaken TTTT-WW-DD, tuladha 2026-11-22.
cli-kelurahan-unknown = Kelurahan "{ $value }" boten wonten ing Kota Madiun.
cli-kelurahan-ambiguous = "{ $value }" saged ateges sawetawis kelurahan: { $names }. Serat langkung jangkep.
cli-kelurahan-is-kecamatan = { $value } menika nami kecamatan; serat nami kelurahanipun.
cli-missing-options = Dereng jangkep, isi ugi: { $options }.
cli-file-missing = Berkas { $path } boten wonten.
cli-csv-needs-out = Kagem --csv, sebataken ugi berkas asil mawi --out.
cli-csv-empty = Berkas CSV kosong.
cli-csv-missing-columns = Kolom wajib boten wonten ing CSV: { $columns }.
cli-csv-row-error = Larik { $line }: { $error }
cli-csv-progress = Nyaring daftar warga…
cli-csv-done = Rampung ing { $seconds } detik: { $rows } larik dipunwaos, { $written } larik dipunserat — { $eligible } kinten-kinten nyekapi, { $review } perlu dipriksa, { $not } dereng nyekapi, { $errors } larik lepat. Asil: { $out }
cli-csv-unclosed-quote = tandha petik (") boten dipuntutup ing larik menika; larik menika dipunlangkungi, larik salajengipun tetep dipunwaos
cli-csv-broken-row = larik menika risak utawi isinipun kepanjangen; dipunlangkungi
cli-csv-encoding = Berkas menika sanes UTF-8: dipunwaos minangka { $encoding }. Priksa aksara asma ing asilipun.

err-not-place-kecamatan = Menika sanes nami papan. Pilih kecamatan 1–{ $n }, utawi serat nami kelurahan Panjenengan.
err-not-place-kelurahan = Menika sanes nami papan. Pilih kelurahan 1–{ $n }, utawi serat nami kelurahan Panjenengan.
