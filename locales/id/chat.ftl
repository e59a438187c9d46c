## Citizen conversation (Indonesian, the default). Polite "Bapak/Ibu", short lines for small screens.

label = { $text }

welcome = Selamat datang di Siaga, layanan Pemerintah Kota Madiun untuk program Pro JKK-JKM: perlindungan BPJS Ketenagakerjaan (kecelakaan kerja dan kematian) yang iurannya dibayar Pemkot untuk pekerja informal.
menu = Silakan pilih layanan (tekan tombol atau ketik nomornya):
menu-resume = Bapak/Ibu punya pengecekan yang belum selesai. Pilih "Cek kelayakan & daftar" untuk melanjutkan dari pertanyaan terakhir.
menu-check = Cek & daftar
menu-status = Cek status usulan
menu-info = Info program
menu-help = Bantuan
menu-lang = Bahasa / Language

help = Bantuan Siaga:
    • Jawab pertanyaan dengan menekan tombol atau mengetik jawabannya.
    • /batal — batalkan proses yang sedang berjalan
    • /ulang — mulai cek dari awal
    • /status — cek status usulan
    • /kabar — lapor meninggal dunia atau kecelakaan kerja
    • /berhenti — berhenti menerima kabar dari Siaga; /mulai — menerimanya lagi
    • /dataku — lihat data Bapak/Ibu yang disimpan Siaga
    • /hapus — hapus data Bapak/Ibu
    • /bahasa — ganti bahasa
    • /petugas — tanya langsung kepada petugas kelurahan atau Disnaker KUKM
    Pertanyaan lain: kantor kelurahan atau Disnaker KUKM Kota Madiun.

info-program = Pro JKK-JKM Kota Madiun
    • Pemkot membayar iuran BPJS Ketenagakerjaan Rp{ $premium } per bulan selama { $months } bulan untuk pekerja informal (bukan penerima upah).
    • Jaminan Kematian (JKM): santunan Rp{ $jkm } untuk ahli waris, ditambah beasiswa untuk { $children } anak bila masa iur sudah { $years } tahun.
    • Jaminan Kecelakaan Kerja (JKK): perawatan sampai sembuh bila kecelakaan kerja; bila meninggal karena kecelakaan kerja, santunan Rp{ $jkk_death }.
    • Syarat: warga Kota Madiun umur { $min }–{ $max } tahun, tinggal di Kota Madiun, terdaftar { $registry }, dan punya kegiatan ekonomi (ojol, pedagang, ART, buruh, petani, dan lain-lain).
    • Kuota terbatas: per { $as_of } ada { $participants } peserta, sisa { $remaining } tempat. Lurah yang mengusulkan warga.
    • Tanya langsung: { $contact }.

consent-notice = Sebelum mengecek, mohon baca ini (Pemberitahuan Privasi versi { $version }):
    • Yang kami tanyakan: nama, NIK, umur, kelurahan, pekerjaan, status BPJS Ketenagakerjaan, status DTKS/DTSEN, ada/tidaknya anak usia sekolah, dan nomor HP (boleh tidak diisi).
    • Untuk apa: menilai kemungkinan kelayakan dan, bila Bapak/Ibu mau, mengusulkan Bapak/Ibu ke program Pro JKK-JKM.
    • Siapa yang melihat: lurah/petugas kelurahan Bapak/Ibu dan Disnaker KUKM Kota Madiun, lalu BPJS Ketenagakerjaan bila usulan disetujui.
    • Berapa lama: jawaban yang belum dikirim dihapus setelah { $days } hari; usulan disimpan selama program berjalan.
    • NIK disimpan terenkripsi. Pesan chat diproses oleh penyedia aplikasi chat (bisa di luar negeri).
    • Hak Bapak/Ibu: lihat data dengan /dataku, hapus dengan /hapus, kapan saja.
    Apakah Bapak/Ibu setuju?
btn-agree = Setuju
btn-disagree = Tidak setuju
consent-thanks = Terima kasih, persetujuan Bapak/Ibu sudah dicatat.
consent-declined = Baik, tidak apa-apa. Kami tidak menanyakan data pribadi apa pun. Informasi program tetap bisa dibaca kapan saja. Terima kasih.
err-consent = Mohon jawab dengan tombol Setuju atau Tidak setuju.

ask-name = Siapa nama lengkap Bapak/Ibu, sesuai KTP?
err-name = Nama itu belum bisa kami baca. Tulis nama lengkap dengan huruf, contoh: Siti Aminah.
err-name-digits = Yang ditanyakan sekarang nama dulu (NIK ditanyakan sesudahnya). Contoh: Siti Aminah.

ask-nik = Berapa NIK Bapak/Ibu? NIK ada di KTP, 16 angka. Contoh: 3577 0117 0885 0001
hint-nik = Contoh NIK yang benar: 3577011708850001 (16 angka, tanpa huruf).
hint-kk = Nomor KK ada di bagian atas Kartu Keluarga; NIK ada di KTP atau di kolom NIK pada baris nama Bapak/Ibu di KK.
ask-nik-confirm = Mohon dicek, apakah NIK ini benar?
    { $grouped }
btn-correct = Benar
btn-change = Ubah
btn-not-correct = Tidak benar

ask-age-confirm = Menurut NIK, Bapak/Ibu lahir { $born }, jadi umurnya { $age } tahun. Apakah benar?
ask-age-input = Berapa umur Bapak/Ibu sebenarnya? Tulis angkanya saja, contoh: 45
err-age = Mohon tulis umur dengan angka, contoh: 45.
err-yes-no-age = Tekan Benar atau Tidak benar, atau tulis umur Bapak/Ibu dengan angka.
note-age-recorded = Dicatat: umur menurut Bapak/Ibu { $stated } tahun, menurut NIK { $nik_age } tahun. Petugas kelurahan akan mengecek dokumennya; ini tidak menggugurkan usulan.

ask-kecamatan = Bapak/Ibu tinggal di kecamatan mana? (Boleh juga langsung ketik nama kelurahannya.)
ask-kelurahan = Kelurahan mana di Kecamatan { $kecamatan }?
list-kelurahan = Pilih kelurahan
btn-other-kecamatan = ⬅ Kecamatan lain
note-kelurahan-found = Kelurahan { $kelurahan }, Kecamatan { $kecamatan }.
err-place = "{ $text }" tidak kami temukan di Kota Madiun. Program ini untuk warga yang tinggal di Kota Madiun. Pilih dari tombol, atau tulis nama kelurahan, contoh: Kelun, Madiun Lor, Oro-oro Ombo.
err-kecamatan = Kecamatan itu tidak ada. Pilih dari tombol.
err-kelurahan = Kelurahan itu tidak ada. Pilih dari tombol.

ask-occupation = Apa pekerjaan utama Bapak/Ibu sekarang? Pilih, atau ketik sendiri (contoh: bakul pecel, narik grab, tukang parkir).
list-occupation = Pilih pekerjaan
btn-occupation-other = Lainnya (ketik)
ask-occupation-other = Silakan ketik pekerjaan Bapak/Ibu, contoh: penjahit, tukang becak, buruh tani.
err-occupation = Pekerjaan "{ $text }" belum kami kenali. Coba tulis dengan kata lain, atau tekan "Simpan apa adanya" agar dicek petugas.
err-occupation-empty = Mohon tulis pekerjaan Bapak/Ibu dengan kata-kata, contoh: pedagang.
btn-keep-occupation = Simpan apa adanya

ask-bpjs = Apakah Bapak/Ibu sekarang terdaftar BPJS Ketenagakerjaan (bukan BPJS Kesehatan)?
bpjs-tidak = Belum/tidak
bpjs-pu = Ya, dari kantor
bpjs-bpu = Ya, bayar sendiri
bpjs-tidak_tahu = Tidak tahu
err-bpjs = Mohon pilih salah satu tombol.
err-bpjs-which = Terdaftar lewat kantor/perusahaan, atau bayar sendiri (BPU mandiri)?

ask-dtks = Apakah keluarga Bapak/Ibu terdaftar di { $registry }, misalnya menerima PKH, BPNT/sembako, atau PBI BPJS Kesehatan?
    Bisa dicek di cekbansos.kemensos.go.id atau aplikasi Cek Bansos.
ask-heirs = Apakah Bapak/Ibu punya anak usia sekolah (belum 23 tahun) yang menjadi tanggungan?
btn-yes = Ya
btn-no = Tidak
btn-dont-know = Tidak tahu
err-yes-no = Mohon jawab Ya atau Tidak.
err-yes-no-dk = Mohon jawab Ya, Tidak, atau Tidak tahu.

ask-phone = Nomor HP yang bisa dihubungi petugas kelurahan? Boleh dilewati.
ask-phone-type = Silakan ketik nomor HP, contoh: 0812 3456 7890.
btn-share-phone = 📱 Kirim nomor saya
btn-skip = Lewati
err-phone = Nomor HP belum benar. Contoh: 0812 3456 7890 atau +62 812 3456 7890.
phone-none = tidak diisi

summary = Ringkasan jawaban Bapak/Ibu:
    • Nama: { $name }
    • NIK: { $nik }
    • Umur: { $age } tahun
    • Tempat tinggal: Kelurahan { $kelurahan }, Kecamatan { $kecamatan }
    • Pekerjaan: { $occupation }
    • BPJS Ketenagakerjaan: { $bpjs }
    • DTKS/DTSEN: { $dtks }
    • Anak usia sekolah: { $heirs }
    • Nomor HP: { $phone }
    Sudah benar? Bila ada yang keliru, pilih yang mau diubah.
list-summary = Pilih
btn-confirm = ✅ Benar, lanjut
edit-name = Ubah nama
edit-nik = Ubah NIK
edit-age = Ubah umur
edit-kelurahan = Ubah kelurahan
edit-occupation = Ubah pekerjaan
edit-bpjs = Ubah BPJS
edit-dtks = Ubah DTKS/DTSEN
edit-heirs = Ubah anak sekolah
edit-phone = Ubah nomor HP
err-summary = Tekan "Benar, lanjut" atau pilih jawaban yang mau diubah.
ask-which-edit = Jawaban mana yang mau diubah?

tri-ya = Ya
tri-tidak = Tidak
tri-tidak_tahu = Tidak tahu

stopped-intro = Kami berhenti bertanya di sini, karena jawaban berikutnya tidak akan mengubah hasilnya.
btn-file = 📨 Ajukan usulan
btn-edit = Ubah jawaban
btn-info = Info program
btn-menu = Menu utama
btn-cancel = Batal
btn-status = Cek status
btn-help = Bantuan

filed = Usulan Bapak/Ibu sudah terkirim.
    Nomor usulan: { $ref }
    Status: { $status }
    Berikutnya: { $next }, termasuk mencocokkan data DTKS/DTSEN. Keputusan (disetujui, ditolak, atau diminta melengkapi) akan dikirim ke chat ini. Simpan nomor usulan untuk cek status kapan saja dengan /status.
nik-already-filed = NIK ini tidak bisa diusulkan lagi di sini. Pemilik NIK dapat melihat status usulannya dengan /status dari akunnya sendiri, atau menanyakannya ke kantor kelurahan.

status-pending = menunggu pemeriksaan lurah
status-info_requested = lurah meminta keterangan tambahan
status-waitlisted = masuk daftar tunggu (kuota sedang penuh)
status-approved = disetujui, sedang didaftarkan ke BPJS Ketenagakerjaan
status-registered = terdaftar sebagai peserta
status-rejected = tidak disetujui
status-withdrawn = dibatalkan
status-expired = masa perlindungan sudah berakhir
status-own = Usulan Bapak/Ibu:
status-line = • { $ref } — { $status }
      Kelurahan { $kelurahan }, diajukan { $date }, NIK { $nik }
status-line-note = • { $ref } — { $status }
      Kelurahan { $kelurahan }, diajukan { $date }, NIK { $nik }
      Catatan: { $note }
status-line-covered = • { $ref } — { $status }
      Kelurahan { $kelurahan }, NIK { $nik }
      Perlindungan berlaku { $start } s.d. { $end }
btn-other-ref = Cek usulan lain
ask-ref = Tulis nomor usulan, contoh: PJK-7K3Q9.
err-ref = Nomor usulan belum benar. Bentuknya PJK- lalu 5 huruf/angka, contoh: PJK-7K3Q9.
ask-last4 = Untuk keamanan, tulis 4 angka terakhir NIK yang diusulkan.
err-last4 = Mohon tulis tepat 4 angka.
err-ref-not-found = Nomor usulan dan 4 angka NIK itu tidak cocok dengan data kami.
err-too-many-lookups = Terlalu banyak percobaan hari ini. Silakan coba lagi besok, atau tanyakan ke kantor kelurahan.

dataku-person = Data Bapak/Ibu di Siaga:
    • Akun: { $channel } { $id }
    • Bahasa: { $locale }
    • Persetujuan data: { $consent }
    • Mau menerima pengingat/siaran: { $broadcast }
dataku-consent-yes = diberikan (versi { $version }, { $date } WIB)
dataku-consent-no = belum diberikan
dataku-draft = Jawaban pengecekan yang belum dikirim (dihapus otomatis setelah { $days } hari):
    • Nama: { $name }
    • NIK: { $nik }
    • Nomor HP: { $phone }
dataku-nominations = Usulan:
dataku-unclear = Pesan yang belum dipahami Siaga: { $count } (disimpan tersamar, tanpa NIK, nomor HP dan nama, selama { $days } hari agar Disnaker KUKM bisa mengajari Siaga memahaminya).
dataku-footer = Untuk menghapus semua data ini, ketik /hapus.

hapus-confirm = Hapus semua data Bapak/Ibu di Siaga (jawaban, persetujuan, dan akun chat ini)? Ini tidak bisa dibatalkan.
hapus-confirm-active = Hapus semua data Bapak/Ibu di Siaga? Usulan yang masih berjalan ({ $refs }) akan DIBATALKAN lebih dulu, lalu data dihapus. Ini tidak bisa dibatalkan.
btn-delete-yes = Ya, hapus data saya
btn-delete-no = Tidak jadi
hapus-done = Data Bapak/Ibu sudah dihapus. Usulan yang berjalan sudah dibatalkan. (Data peserta yang sudah terdaftar di BPJS tetap disimpan Pemkot sebagai arsip sesuai aturan.) Terima kasih telah menggunakan Siaga.
hapus-cancelled = Baik, tidak ada yang dihapus.

ask-lang = Pilih bahasa / Choose a language / Pilih basa:
lang-name-id = Bahasa Indonesia
lang-name-en = English
lang-name-jv = Basa Jawa
lang-set = Bahasa sudah diganti ke Bahasa Indonesia.
err-lang = Pilih salah satu bahasa dari tombol.

button-expired = Tombol ini sudah tidak berlaku. Silakan jawab pertanyaan terakhir di bawah ini.
too-long = Pesannya terlalu panjang untuk kami baca. Mohon jawab singkat saja.
empty-message = Pesannya kosong.
offer-help = Sepertinya ada kesulitan. Ketik /bantuan untuk panduan, /batal untuk berhenti, atau tanyakan langsung ke kantor kelurahan.
cancelled = Dibatalkan. Jawaban yang belum dikirim sudah dihapus.
nothing-to-cancel = Tidak ada proses yang sedang berjalan.
unknown-command = Perintah itu tidak kami kenal. Ketik /bantuan untuk daftar perintah.

verdict-short-likely_eligible = kemungkinan memenuhi syarat
verdict-short-needs_review = perlu diperiksa
verdict-short-not_eligible = belum memenuhi syarat
lurah-new-nomination = Usulan baru di Kelurahan { $kelurahan }: { $ref } atas nama { $name } ({ $verdict }). Ketik /antrian untuk meninjau.
lurah-new-nominations = { $count } usulan baru menunggu pemeriksaan di Kelurahan { $kelurahan }: { $refs }. Ketik /antrian untuk meninjau.
lurah-new-nominations-more = { $count } usulan baru menunggu pemeriksaan di Kelurahan { $kelurahan }: { $refs } dan { $more } lainnya. Ketik /antrian untuk meninjau.

tg-command-start = Mulai dan menu utama
tg-command-status = Cek status usulan
tg-command-bantuan = Bantuan
tg-command-batal = Batalkan proses
tg-command-ulang = Mulai cek dari awal
tg-command-bahasa = Ganti bahasa
tg-command-dataku = Data saya di Siaga
tg-command-hapus = Hapus data saya

err-which-edit = Pilih jawaban yang mau diubah dari tombol di bawah.
error-generic = Maaf, terjadi kesalahan di sistem kami. Jawaban Bapak/Ibu sebelumnya tetap tersimpan; silakan kirim ulang pesan terakhir, atau ketik /bantuan.
error-storage-full = Maaf, Siaga sedang tidak bisa menyimpan apa pun (penyimpanan server penuh). Pesan terakhir Bapak/Ibu belum tersimpan; jawaban sebelumnya aman. Silakan kirim lagi nanti.
error-database-down = Maaf, Siaga sedang tidak bisa menghubungi basis datanya. Pesan terakhir Bapak/Ibu belum tersimpan; jawaban sebelumnya aman. Silakan kirim lagi beberapa saat lagi.

# WhatsApp
wa-choose = Silakan pilih:
wa-list-open = Pilih
wa-reply-number = Balas dengan angka pilihan Anda.

# Short labels for buttons (WhatsApp: at most 20 characters)
btn-occ-OJOL = ojol
btn-occ-OJEK_PANGKALAN = ojek pangkalan
btn-occ-TUKANG_BECAK = tukang becak
btn-occ-PEDAGANG = pedagang / PKL
btn-occ-ART = asisten RT
btn-occ-BURUH_HARIAN = buruh harian
btn-occ-KONSTRUKSI = tukang bangunan
btn-occ-PERTANIAN = petani / buruh tani
btn-occ-NELAYAN = nelayan
btn-occ-SOPIR = sopir / kernet
btn-occ-JASA_LAIN = jasa lain
btn-occ-KREATIF = pekerja kreatif
btn-occ-PEMUKA_AGAMA = pemuka agama
btn-occ-PU_ROLE = RT/RW, kader, dll.
btn-occ-TIDAK_BEKERJA = tidak bekerja
btn-occ-PELAJAR = pelajar/mahasiswa
btn-occ-FORMAL = pegawai/karyawan
btn-reason-domicile = Bukan warga sini
btn-reason-registry = Tidak di DTKS/DTSEN
btn-reason-bpjs = Sudah ada BPJS TK
btn-reason-activity = Tanpa kegiatan usaha
btn-reason-data = Data tidak sesuai

## People who type: typed requests, questions, and what was not understood.
err-name-not-a-name = Itu sepertinya bukan nama. Siapa nama lengkap Bapak/Ibu, sesuai KTP? Contoh: Siti Aminah.
which-one = Maksud Bapak/Ibu yang mana? Pilih salah satu:
not-understood = Maaf, Siaga belum paham "{ $text }". Bapak/Ibu bisa memilih salah satu di bawah ini, atau menulis dengan kata lain, misalnya "mau daftar", "status usulan", atau "berapa iurannya?".
not-understood-again = Bila masih bingung, tanyakan langsung ke { $contact }.
thanks-reply = Sama-sama.
faq-premium = Iuran BPJS Ketenagakerjaan peserta Pro JKK-JKM, Rp{ $premium } per bulan, dibayar oleh Pemkot Madiun selama { $months } bulan. Peserta tidak membayar apa pun.
faq-death = Bila peserta meninggal bukan karena kecelakaan kerja (JKM), ahli waris menerima santunan Rp{ $jkm }. Bila meninggal karena kecelakaan kerja (JKK), santunannya Rp{ $jkk_death }. Ditambah beasiswa untuk sampai { $children } anak bila masa iur sudah { $years } tahun. Untuk melaporkan kabar duka atau kecelakaan, ketik "kabar".
faq-accident = Bila peserta mengalami kecelakaan kerja (JKK), biaya perawatan ditanggung sesuai kebutuhan medis sampai sembuh. Bila meninggal karena kecelakaan kerja, ahli waris menerima Rp{ $jkk_death }. Laporkan ke BPJS Ketenagakerjaan dan Disnaker KUKM secepatnya. Untuk melaporkan kabar duka atau kecelakaan, ketik "kabar".
faq-requirements = Syarat Pro JKK-JKM: warga Kota Madiun umur { $min }–{ $max } tahun, tinggal di Kota Madiun, terdaftar { $registry }, punya kegiatan ekonomi (ojol, pedagang, ART, buruh, dan lain-lain), dan belum terdaftar BPJS Ketenagakerjaan lewat pemberi kerja.
faq-quota = Kuota terbatas: per { $as_of } ada { $participants } peserta dan sisa { $remaining } tempat. Lurah yang mengusulkan warga.
faq-scholarship = Beasiswa diberikan kepada sampai { $children } anak peserta yang meninggal, bila masa iurnya sudah { $years } tahun. Besarnya menurut jenjang sekolah.
faq-duration = Perlindungan berlaku { $months } bulan sejak peserta didaftarkan ke BPJS Ketenagakerjaan, dan dapat diperpanjang menurut kuota tahun berikutnya.
faq-who_decides = Warga mengajukan diri lewat Siaga atau kantor kelurahan; lurah meninjau dan mengusulkan, lalu Disnaker KUKM mendaftarkan ke BPJS Ketenagakerjaan sesuai kuota. Status bisa dicek kapan saja dengan "status".
faq-registry = Salah satu syaratnya terdaftar { $registry } (data kesejahteraan sosial). Bila belum tahu, tanyakan ke kelurahan atau pilih "Tidak tahu" saat ditanya; petugas akan memeriksa.

## Tanya petugas: a citizen's question to an officer, and the answer.
ask-officer-question = Silakan tulis pertanyaan Bapak/Ibu untuk petugas dalam satu pesan. Petugas kelurahan (atau Disnaker KUKM) akan membalas di chat ini.
err-officer-question = Pertanyaannya belum terbaca. Tulis pertanyaan Bapak/Ibu dengan kata-kata, misalnya: "Suami saya sakit, bisa diwakili?"
ticket-opened = Pertanyaan Bapak/Ibu sudah diteruskan ke petugas (tiket #{ $id }). Jawabannya akan datang di chat ini.
ticket-no-officer = Pertanyaan Bapak/Ibu sudah dicatat (tiket #{ $id }), tetapi belum ada petugas yang bisa membalas lewat chat. Bila mendesak, hubungi { $contact }.
ticket-still-open = Pertanyaan Bapak/Ibu sebelumnya (tiket #{ $id }) masih ditangani petugas. Jawabannya akan datang di chat ini.
ticket-officer-says = { $role }: { $text }
    (Balas di sini untuk menjawab petugas. Ketik /menu untuk kembali ke layanan Siaga.)
ticket-closed-rate = Percakapan dengan petugas (tiket #{ $id }) sudah ditutup. Seberapa membantu jawabannya? Pilih 1 (tidak membantu) sampai 5 (sangat membantu).
ticket-rated = Terima kasih atas penilaiannya.
officer-role-kelurahan = Petugas Kelurahan { $kelurahan }
officer-role-dinas = Petugas Disnaker KUKM Kota Madiun
btn-ask-officer = 🙋 Tanya petugas

## Tanya petugas: voice notes, photos and files; office hours; quiet time.
media-named = { $kind }{ $length }
media-kind-voice = pesan suara
media-kind-audio = rekaman suara
media-kind-photo = foto
media-kind-video = video
media-kind-document = berkas
media-kind-sticker = stiker
media-kind-location = lokasi
media-kind-contact = kartu kontak
media-kind-other = pesan
media-offer-officer = Siaga belum bisa mendengar atau membaca { $kind } ini. Kirim ke petugas kelurahan (atau Disnaker KUKM) supaya dijawab orang?
btn-send-to-officer = 📨 Kirim ke petugas
media-not-forwarded-sticker = Stikernya sudah sampai 🙂 Siaga hanya membaca tulisan dan tombol; tulis saja apa yang Bapak/Ibu perlukan.
media-not-forwarded-location = Lokasi tidak diperlukan. Bila ditanya tempat tinggal, tulis nama kelurahannya, misalnya "Kelun".
media-not-forwarded-contact = Kartu kontak tidak bisa dipakai di sini. Untuk nomor Bapak/Ibu sendiri, tekan tombol Bagikan nomor atau ketik nomornya.
media-not-forwarded-other = Pesan jenis ini tidak bisa dibaca atau diteruskan. Tulis pertanyaannya dengan kata-kata, atau kirim pesan suara.
media-too-long = { $kind } terlalu panjang untuk diteruskan: petugas menerima paling lama { $minutes } menit. Mohon kirim yang lebih singkat, atau tulis pertanyaannya.
media-too-big = { $kind } terlalu besar untuk diteruskan (paling besar { $mb } MB). Mohon kirim yang lebih kecil, atau tulis pertanyaannya.
photo-id-advice = Mohon jangan mengirim foto KTP, KK, atau dokumen identitas lain lewat chat (anjuran Dukcapil): datanya bisa disalahgunakan orang. Siaga tidak menyimpan foto; petugas hanya melihatnya di chat.
ticket-after-hours = Sekarang di luar jam kerja petugas; jawaban paling cepat { $day } { $date } mulai pukul { $time } WIB.
ticket-held-citizen = { $role } sekarang menjawab pertanyaan Bapak/Ibu (tiket #{ $id }). Pesan Bapak/Ibu berikutnya langsung sampai ke petugas, Siaga diam dulu. Untuk kembali ke Siaga, ketik "selesai".
ticket-media-added = Berkas itu ditambahkan ke pertanyaan Bapak/Ibu (tiket #{ $id }) dan diteruskan ke petugas.
ticket-quiet-closed = Percakapan dengan petugas (tiket #{ $id }) ditutup karena lama tidak ada pesan. Bapak/Ibu kembali dilayani Siaga.
ticket-quiet-released = Petugas belum sempat menjawab tiket #{ $id }; pertanyaannya kembali ke antrean dan akan dijawab petugas berikutnya. Sementara itu Bapak/Ibu kembali dilayani Siaga.
media-expired = (Berkas yang dikirim bersama pesan ini sudah tidak tersedia: tiketnya sudah ditutup atau terlalu lama.)
media-unavailable = (Berkas yang dikirim bersama pesan ini tidak bisa diambil: sudah kedaluwarsa atau terlalu besar. Mohon minta dikirim ulang.)
weekday-0 = Senin
weekday-1 = Selasa
weekday-2 = Rabu
weekday-3 = Kamis
weekday-4 = Jumat
weekday-5 = Sabtu
weekday-6 = Minggu
ticket-text-added = Pertanyaan itu ditambahkan ke tiket #{ $id } dan diteruskan ke petugas.
filed-next-lurah = lurah Kelurahan { $kelurahan } menerima usulan ini hari ini dan akan memeriksanya
filed-next-dinas = Kelurahan { $kelurahan } belum punya petugas peninjau di Siaga, jadi Disnaker KUKM yang menerima usulan ini dan akan meneruskannya ke kelurahan untuk diperiksa
gap-waiting = { $name } ({ $count } menunggu)
joined = { $a }, { $b }
admin-no-reviewer = ⚠️ Usulan { $ref } masuk dari Kelurahan { $kelurahan }, yang belum punya petugas peninjau di Siaga. Undang lurahnya dengan /undang { $kelurahan }, atau periksa sendiri lewat /antrian { $kelurahan }.
admin-gaps-daily = ⚠️ { $count } kelurahan punya usulan yang menunggu tetapi belum punya petugas peninjau: { $names }. Undang lurahnya dengan /undang NAMA_KELURAHAN.
stats-gaps = Kelurahan tanpa petugas peninjau ({ $count }): { $names }.

# A forwarded file the platform would not take (issue 26 item 10): to its reader, and to whoever sent it
media-not-passed = (Maaf, { $kind } yang dikirim bersama pesan ini tidak bisa diteruskan. Mohon minta pengirimnya mengirim ulang.)
media-refused-resend = Maaf, { $kind } yang Bapak/Ibu kirim untuk tiket #{ $id } tidak bisa diteruskan. Mohon kirim ulang, atau tuliskan isinya.

# WhatsApp, outside the 24-hour window (issue 26 item 9): what the approved "news" template names
# as {{1}} in "Ada kabar baru dari Siaga tentang {{1}}. Balas pesan ini untuk membacanya."
news-about-nomination = usulan Pro JKK-JKM
news-about-question = pertanyaan ke petugas
news-about-claim = laporan kabar duka atau kecelakaan
news-about-scholarship = beasiswa anak peserta
news-about-coverage = perlindungan BPJS Ketenagakerjaan
news-about-other = layanan Pro JKK-JKM
btn-news-read = Baca pesan
news-none = Tidak ada pesan yang menunggu untuk Bapak/Ibu; semuanya sudah terkirim.

pick-a-number = Pilih nomor 1–{ $n }, atau tekan salah satu tombol di bawah ini.
status-list-next = Cek usulan lain, atau kembali ke menu utama?
