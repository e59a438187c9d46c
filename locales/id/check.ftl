## Eligibility check: verdicts, reasons, next steps (shared by `siaga check` and the chat)

empty = {""}
lines-join = { $first }
    { $rest }
reason-line = { $mark } { $text }
mark-pass = ✅
mark-fail = ❌
mark-unknown = ❔
reasons-list = Alasannya:
    { $lines }

verdict-likely_eligible = Kemungkinan MEMENUHI SYARAT Pro JKK-JKM.
verdict-not_eligible = Belum memenuhi syarat Pro JKK-JKM.
verdict-needs_review = PERLU DIPERIKSA petugas kelurahan.

verdict-officers-check = Hasil ini dihitung dari jawaban Bapak/Ibu sendiri. Sebelum memutuskan, petugas mencocokkan jawaban dengan data resmi (DTKS/DTSEN Dinas Sosial dan BPJS Ketenagakerjaan).
next-likely_eligible = Langkah berikutnya: ajukan usulan kepada lurah. Keputusan akhir ada di kelurahan dan Disnaker KUKM, serta tergantung sisa kuota.
next-needs_review = Langkah berikutnya: Bapak/Ibu tetap bisa mengajukan usulan; petugas kelurahan akan memeriksa hal yang bertanda ❔.
next-not_eligible = Langkah berikutnya: bila ada jawaban yang keliru, silakan ubah. Untuk pertanyaan, hubungi kantor kelurahan atau Disnaker KUKM Kota Madiun.
next-not_eligible-registry = Langkah berikutnya: daftarkan keluarga ke DTSEN lewat menu "Usul Sanggah" di aplikasi Cek Bansos (Kemensos), atau lewat musyawarah kelurahan (Muskel). Setelah terdaftar, silakan cek lagi.

reason-nik-city = NIK terbit di Kota Madiun.
reason-nik-elsewhere = NIK terbit di luar Kota Madiun (kode { $region }): domisili perlu dibuktikan dengan KK/KTP di kelurahan.
reason-nik-missing = NIK belum diisi.
reason-domicile-in_city = Tinggal di Kelurahan { $kelurahan }, { $city }.
reason-domicile-missing = Kelurahan tempat tinggal belum diisi.
reason-age-in_range = Umur { $age } tahun, dalam batas { $min }–{ $max } tahun.
reason-age-too_young = Umur { $age } tahun, di bawah batas { $min } tahun.
reason-age-too_old = Umur { $age } tahun, di atas batas { $max } tahun.
reason-age-mismatch = Umur menurut NIK { $age } tahun, sedangkan yang disampaikan { $stated } tahun: akan dicek petugas.
reason-age-missing = Umur belum diketahui (batas { $min }–{ $max } tahun).
reason-activity-informal = Punya kegiatan ekonomi: { $occupation }.
reason-activity-pu_role = { $occupation } dilindungi lewat jalur Penerima Upah (didaftarkan instansi/kelurahan), bukan jalur ini: petugas akan mengarahkan.
reason-activity-formal = { $occupation } biasanya sudah dilindungi pemberi kerja: akan dicek petugas.
reason-activity-student = { $occupation }: perlu dicek apakah punya kegiatan ekonomi.
reason-activity-none = Belum punya kegiatan ekonomi ({ $occupation }); program ini untuk pekerja yang punya usaha atau pekerjaan.
reason-activity-unrecognised = Pekerjaan "{ $text }" belum kami kenali: akan dicek petugas.
reason-activity-missing = Pekerjaan belum diisi.
reason-registry-listed = Terdaftar di { $registry } (menurut jawaban Bapak/Ibu; petugas akan mencocokkan).
reason-registry-not_listed = Belum terdaftar di { $registry }, padahal ini syarat program.
reason-registry-unknown = Status { $registry } belum diketahui: petugas kelurahan akan mencocokkan. Bisa dicek sendiri di cekbansos.kemensos.go.id atau aplikasi Cek Bansos.
reason-registry-missing = Status { $registry } belum diisi.
reason-bpjs-none = Belum terdaftar BPJS Ketenagakerjaan.
reason-bpjs-employer = Sudah dilindungi BPJS Ketenagakerjaan lewat pemberi kerja; program tidak boleh ganda.
reason-bpjs-self_paid = Sudah membayar BPJS Ketenagakerjaan sendiri (BPU mandiri): petugas akan menilai apakah iuran bisa ditanggung Pemkot.
reason-bpjs-unknown = Status BPJS Ketenagakerjaan belum diketahui: bisa dicek di aplikasi JMO atau kantor BPJS Ketenagakerjaan.

occ-OJOL = ojek online (ojol)
occ-OJEK_PANGKALAN = ojek pangkalan
occ-TUKANG_BECAK = tukang becak
occ-PEDAGANG = pedagang / PKL
occ-ART = asisten rumah tangga
occ-BURUH_HARIAN = buruh harian / serabutan
occ-KONSTRUKSI = tukang / kuli bangunan
occ-PERTANIAN = petani / buruh tani
occ-NELAYAN = nelayan
occ-SOPIR = sopir / kernet
occ-JASA_LAIN = jasa (jahit, cukur, parkir, dll.)
occ-KREATIF = pekerja kreatif / lepas
occ-PEMUKA_AGAMA = pemuka agama
occ-PU_ROLE = RT/RW, linmas, kader, atau non-ASN
occ-TIDAK_BEKERJA = tidak bekerja / mengurus rumah tangga / pensiunan
occ-PELAJAR = pelajar / mahasiswa
occ-FORMAL = pegawai / karyawan

sex-L = laki-laki
sex-P = perempuan

nik-error-nik-empty = NIK belum diisi.
nik-error-nik-not_digits = NIK hanya berisi angka, 16 digit.
nik-error-nik-too_short = NIK terlalu pendek: harus 16 digit (yang diketik { $count } digit).
nik-error-nik-too_long = NIK terlalu panjang: harus 16 digit (yang diketik { $count } digit).
nik-error-nik-bad_province = Dua angka pertama NIK bukan kode provinsi yang ada.
nik-error-nik-bad_regency = Angka ke-3 dan ke-4 NIK bukan kode kabupaten/kota yang ada.
nik-error-nik-bad_district = Kode kecamatan pada NIK (angka ke-5 dan ke-6) tidak ada.
nik-error-nik-bad_date = Tanggal lahir dalam NIK (angka ke-7 s.d. ke-12) bukan tanggal yang ada.
nik-error-nik-future_date = Tanggal lahir dalam NIK belum terjadi.
nik-error-nik-serial_zero = Empat angka terakhir NIK tidak mungkin 0000.
nik-error-nik-looks_like_kk = Nomor ini tampaknya nomor Kartu Keluarga (KK), bukan NIK. NIK ada di KTP, atau di baris nama Anda pada KK.

check-person = NIK { $nik } · { $sex } · lahir { $born } · umur { $age } tahun
    Kelurahan { $kelurahan }, Kecamatan { $kecamatan }
    Pekerjaan: { $occupation }
check-occupation-unknown = belum dikenali
check-priority = Skor prioritas: { $priority } (terdaftar DTKS/DTSEN dan punya anak usia sekolah didahulukan).

cli-bad-choice = Nilai "{ $value }" untuk { $field } tidak dikenal. Pilih: ya, tidak, atau tidak-tahu.
cli-bad-bpjs = Nilai "{ $value }" untuk --bpjs tidak dikenal. Pilih: tidak, pu (lewat pemberi kerja), bpu (bayar sendiri), atau tidak-tahu.
cli-bad-age = Umur "{ $value }" tidak valid: tulis angka tahun, misalnya 45.
cli-bad-date = Tanggal "{ $value }" tidak valid: gunakan format TTTT-BB-HH, misalnya 2026-11-22.
cli-kelurahan-unknown = Kelurahan "{ $value }" tidak ditemukan di Kota Madiun.
cli-kelurahan-ambiguous = "{ $value }" bisa berarti beberapa kelurahan: { $names }. Tulis lebih lengkap.
cli-kelurahan-is-kecamatan = { $value } adalah nama kecamatan; tulis nama kelurahannya.
cli-missing-options = Data belum lengkap, isi juga: { $options }.
cli-file-missing = Berkas { $path } tidak ditemukan.
cli-csv-needs-out = Untuk --csv, sebutkan juga berkas hasil dengan --out.
cli-csv-empty = Berkas CSV kosong.
cli-csv-missing-columns = Kolom wajib tidak ada di CSV: { $columns }.
cli-csv-row-error = Baris { $line }: { $error }
cli-csv-progress = Menyaring daftar warga…
cli-csv-done = Selesai dalam { $seconds } detik: { $rows } baris dibaca, { $written } baris ditulis — { $eligible } kemungkinan memenuhi syarat, { $review } perlu diperiksa, { $not } belum memenuhi syarat, { $errors } baris bermasalah. Hasil: { $out }
cli-csv-unclosed-quote = tanda kutip (") tidak ditutup di baris ini; baris ini dilewati, baris sesudahnya tetap dibaca
cli-csv-broken-row = baris ini rusak atau isinya terlalu panjang; dilewati
cli-csv-encoding = Berkas bukan UTF-8: dibaca sebagai { $encoding }. Periksa huruf pada nama di hasilnya.

err-not-place-kecamatan = Itu bukan nama tempat. Pilih kecamatan 1–{ $n }, atau ketik nama kelurahan Bapak/Ibu.
err-not-place-kelurahan = Itu bukan nama tempat. Pilih kelurahan 1–{ $n }, atau ketik nama kelurahan Bapak/Ibu.
