## Lurah (reviewers) and Dinas admins

invite-invalid = Kode undangan tidak berlaku (salah, kedaluwarsa, sudah dipakai, atau dicabut). Mintalah kode baru ke Disnaker KUKM.
invite-welcome = Selamat bergabung. Bapak/Ibu sekarang peninjau usulan Pro JKK-JKM untuk Kelurahan { $kelurahan }. Usulan baru akan diberitahukan di sini. Pilih pekerjaan di bawah (tekan tombol atau ketik nomornya):
btn-queue = 📋 Lihat antrean
not-a-reviewer = Perintah ini hanya untuk lurah/petugas kelurahan yang sudah terdaftar.
not-an-admin = Perintah ini hanya untuk admin Disnaker KUKM.
not-your-kelurahan = Usulan { $ref } bukan dari kelurahan Bapak/Ibu. Tidak ada yang diubah.
queue-empty = Tidak ada usulan yang menunggu di Kelurahan { $kelurahan }. Terima kasih.

lurah-card = Usulan { $position } dari { $total } — { $ref }
    Nama: { $name } ({ $by })
    NIK: { $nik } · { $sex } · { $age } tahun
    Kelurahan: { $kelurahan } · HP: { $phone }
    Pekerjaan: { $occupation }
    BPJS TK: { $bpjs } · DTKS/DTSEN: { $dtks } · Anak sekolah: { $heirs }
    Penilaian Siaga: { $verdict }
    Menunggu: { $days } hari · Sisa kuota kota: { $left }
filed-by-citizen = diajukan sendiri
filed-by-lurah = diusulkan petugas
lurah-card-info = Pertanyaan petugas: { $question }
    Jawaban warga: { $answer }
flag-nik-elsewhere = ⚠ NIK terbit di luar Kota Madiun: cek KK/KTP domisili.
flag-age-mismatch = ⚠ Umur yang disampaikan berbeda dengan NIK.
flag-registry-unknown = ⚠ Status DTKS/DTSEN tidak diketahui warga: cocokkan dengan data.
flag-bpjs-self_paid = ⚠ Sudah membayar BPJS TK sendiri (BPU mandiri).
flag-bpjs-unknown = ⚠ Status BPJS TK tidak diketahui warga.
flag-activity-unrecognised = ⚠ Pekerjaan tidak dikenali Siaga.
flag-activity-pu_role = ⚠ Peran penerima upah (RT/RW, linmas, kader …): jalur PU.
flag-activity-formal = ⚠ Pegawai/karyawan: cek kepesertaan dari pemberi kerja.
flag-activity-student = ⚠ Pelajar/mahasiswa: cek kegiatan ekonomi.
btn-approve = ✅ Setujui
btn-reject = ❌ Tolak
btn-ask-info = ❓ Minta info
btn-card-more = ⋯ Lainnya
btn-card-back = ↩ Kembali
card-more = Usulan { $ref }: minta keterangan dari warga, atau lewati dulu?
btn-skip-card = ⏭ Lewati

ask-reject-reason = Alasan menolak { $ref }? Pilih, atau ketik alasan sendiri.
reject-reason-domicile = Tidak berdomisili di kelurahan ini
reject-reason-registry = Tidak terdaftar di DTKS/DTSEN
reject-reason-bpjs = Sudah terdaftar BPJS Ketenagakerjaan
reject-reason-activity = Tidak punya kegiatan ekonomi
reject-reason-data = Data tidak sesuai dokumen
err-reject-reason = Mohon tulis alasan penolakan (minimal 3 huruf).
ask-info-question = Tulis pertanyaan untuk pengusul { $ref } (contoh: Mohon kirim foto KK terbaru ke kantor kelurahan).

decided-approved = { $ref } disetujui oleh { $by }. Sisa kuota kota: { $left }. Warga sudah diberi tahu.
decided-rejected = { $ref } ditolak oleh { $by }. Warga sudah diberi tahu beserta alasannya.
decided-info_requested = Pertanyaan untuk { $ref } sudah dikirim. Usulan menunggu jawaban warga.
decided-pending = { $ref } kembali menunggu.
decided-quota-full = Kuota sudah habis: { $ref } tidak bisa disetujui dan masuk DAFTAR TUNGGU sesuai prioritas. Warga sudah diberi tahu.
decision-not-allowed = { $ref } tidak bisa diubah dari statusnya sekarang. Tidak ada yang diubah.
decided-already = { $ref } sudah diputuskan lebih dulu oleh { $by }: { $status }. Keputusan Bapak/Ibu tidak disimpan, dan warga tidak diberi tahu dua kali.
decided-by-resident = warga yang bersangkutan
decided-by-system = Disnaker KUKM (sistem)
no-quota-set = Kuota periode ini belum ditetapkan Disnaker KUKM, jadi belum ada usulan yang bisa disetujui.

citizen-approved = Kabar baik: usulan { $ref } DISETUJUI lurah. Berikutnya Disnaker KUKM mendaftarkan Bapak/Ibu ke BPJS Ketenagakerjaan; Bapak/Ibu akan diberi tahu tanggal mulai perlindungan.
citizen-rejected = Usulan { $ref } belum dapat disetujui.
    Alasan: { $reason }
    Bila ada yang keliru atau keadaan berubah, silakan datang ke kantor kelurahan atau ajukan cek ulang.
citizen-waitlisted = Usulan { $ref } memenuhi pemeriksaan lurah, tetapi kuota saat ini sudah habis. Usulan masuk DAFTAR TUNGGU sesuai prioritas; Bapak/Ibu akan diberi tahu bila ada tempat.
citizen-info-requested = Lurah meminta keterangan tambahan untuk usulan { $ref }:
    "{ $question }"
    Tekan tombol di bawah atau ketik /jawab untuk menjawab.
btn-answer-info = ✍ Jawab
ask-info-answer = Pertanyaan lurah untuk { $ref }: "{ $question }". Silakan tulis jawaban Bapak/Ibu.
ask-info-answer-again = Silakan tulis jawaban untuk pertanyaan lurah.
info-answer-sent = Jawaban untuk { $ref } sudah dikirim ke lurah. Usulan kembali menunggu pemeriksaan.
no-info-requested = Tidak ada pertanyaan lurah yang menunggu jawaban.
lurah-info-answered = Warga sudah menjawab pertanyaan untuk { $ref }. Ketik /antrian untuk meninjau.

ask-in-person-consent = Mengusulkan warga yang tidak punya HP atau datang ke kantor. Pastikan warga sudah mendengar/membaca pemberitahuan privasi Siaga dan SETUJU secara langsung. Sudah?
btn-in-person-yes = Ya, warga setuju
filed-on-behalf = Usulan atas nama { $name } tercatat: { $ref } (diusulkan petugas, persetujuan warga diberikan langsung). Usulan masuk antrean kelurahan.

err-invite-kelurahan = Kelurahan "{ $text }" tidak ditemukan. Contoh: /undang Kelun
invite-created = Kode undangan untuk Kelurahan { $kelurahan }: { $code }
    Berlaku { $days } hari dan hanya sekali pakai.
    Kirim ke lurah/petugas: buka { $link } atau ketik /lurah { $code } di Siaga.
reviewers-title = Peninjau terdaftar:
reviewers-none = Belum ada peninjau terdaftar. Buat undangan dengan /undang <kelurahan>.
reviewer-line = • #{ $id } { $name } ({ $channel }) — Kelurahan { $kelurahan }
err-reviewer-id = Peninjau #{ $id } tidak ditemukan. Lihat daftar dengan /reviewer.
reviewer-removed = Peninjau #{ $id } sudah dicabut aksesnya.
err-quota-number = Tulis jumlah tempat dengan angka, contoh: /kuota 628
quota-status = Kuota { $period }: { $total } tempat, terpakai { $used }, sisa { $left }.

citizen-registered = Bapak/Ibu sudah TERDAFTAR sebagai peserta BPJS Ketenagakerjaan lewat Pro JKK-JKM (usulan { $ref }). Perlindungan JKK dan JKM berlaku { $start } s.d. { $end }, iuran dibayar Pemkot Madiun.
citizen-coverage-ending = Pengingat: perlindungan Pro JKK-JKM (usulan { $ref }) berakhir { $end }. Hubungi kantor kelurahan bila ingin diusulkan lagi.
lurah-coverage-ending = Perlindungan peserta { $ref } berakhir { $end }. Bila warga masih memenuhi syarat, usulkan kembali.

invite-created-code = Kode undangan untuk Kelurahan { $kelurahan }: { $code }
    Berlaku { $days } hari dan hanya sekali pakai.
    Kirim ke lurah/petugas: ketik /lurah { $code } di Siaga.

lurah-digest = Ringkasan harian: { $count } usulan menunggu pemeriksaan di Kelurahan { $kelurahan }.
err-notify = Tulis /notifikasi langsung (setiap ada usulan baru) atau /notifikasi 7 (ringkasan harian pukul 07.00 WIB).
notify-at-once = Baik, setiap usulan baru akan langsung diberitahukan.
notify-digest = Baik, usulan baru dikirim sebagai ringkasan harian pukul { $hour } WIB.

stats-head = Statistik Pro JKK-JKM ({ $period })
    Usulan: { $total } · Kuota: { $quota }, terpakai { $used }, sisa { $left }
    Median hari sampai keputusan: { $median }
stats-status-line = • { $status }: { $count }
stats-occupation-head = Pekerjaan terbanyak:
stats-kelurahan-head = Kelurahan dengan usulan terbanyak:
stats-line = • { $name }: { $count }
optout-done = Baik, Bapak/Ibu tidak akan menerima pengingat dan siaran lagi. Kabar tentang usulan Bapak/Ibu sendiri tetap dikirim. Ketik /mulai untuk menerima lagi.
optin-done = Baik, Bapak/Ibu akan menerima pengingat dan siaran dari Siaga. Ketik /berhenti kapan saja untuk berhenti.
image-saved = Grafik disimpan di { $path }
lurah-withdrawn = Usulan { $ref } ditarik oleh warga yang bersangkutan, dan datanya sudah dihapus atas permintaannya.
lurah-withdrawn-place = Usulan { $ref } yang sudah disetujui ditarik oleh warga yang bersangkutan, dan datanya sudah dihapus atas permintaannya. Tempatnya kembali ke kuota: sisa kuota kota { $left } tempat.
admin-pick-kelurahan = Admin Dinas tidak terikat pada satu kelurahan. Sebutkan kelurahannya setelah perintah, misalnya: { $command } Kelun
invite-too-many = Terlalu banyak kode undangan yang salah dari akun ini. Coba lagi nanti, sekitar satu jam lagi, atau minta kode baru ke Disnaker KUKM.

## Tanya petugas: the officer's side.
ticket-card = ❓ Pertanyaan warga, tiket #{ $id } (Kelurahan { $kelurahan }):
    "{ $text }"
    Tekan Balas untuk menjawab (hanya satu petugas yang menjawab satu tiket).
btn-ticket-reply = ✍ Balas
btn-ticket-close = Tutup
ticket-answer-prompt = Tiket #{ $id }:
    { $text }
    Tulis jawaban untuk warga; setiap pesan Bapak/Ibu diteruskan atas nama jabatan, bukan akun pribadi. Tekan Tutup bila selesai.
err-officer-answer = Jawabannya kosong. Tulis jawaban untuk warga, atau tekan Tutup.
ticket-sent = Terkirim ke warga (tiket #{ $id }).
ticket-from-citizen = Warga (tiket #{ $id }): { $text }
ticket-taken = Tiket #{ $id } sudah dijawab petugas lain.
ticket-not-yours = Tiket ini bukan untuk kelurahan Bapak/Ibu.
ticket-closed = Tiket #{ $id } ditutup; warga diminta menilai jawabannya.
ticket-closed-already = Tiket #{ $id } sudah ditutup; pesan tidak dikirim.
tickets-none = Tidak ada pertanyaan warga yang menunggu.
tickets-head = Pertanyaan warga yang menunggu atau sedang dijawab ({ $count }):
ticket-line = • #{ $id } { $kelurahan } ({ $state }): "{ $text }"
ticket-state-open = menunggu
ticket-state-held = sedang dijawab
ticket-state-closed = ditutup
stats-tickets = Tanya petugas: { $open } menunggu, { $held } sedang dijawab, { $closed } ditutup; median waktu sampai dijawab { $minutes } menit; nilai rata-rata { $rating } dari { $rated } penilaian; { $escalated } diteruskan ke Dinas karena lewat tenggat.
ticket-card-nomination = Usulan { $ref }: { $name }, { $status }.
ticket-card-no-nomination = Warga ini belum punya usulan.
ticket-closed-by-citizen = Warga menutup tiket #{ $id }; Siaga kembali melayaninya.
ticket-quiet-officer-closed = Tiket #{ $id } ditutup otomatis setelah { $minutes } menit tanpa pesan; warga kembali dilayani Siaga.
ticket-quiet-officer-released = Tiket #{ $id } dikembalikan ke antrean: { $minutes } menit tanpa jawaban.
ticket-escalated = ⏰ Tiket #{ $id } (Kelurahan { $kelurahan }) belum dijawab setelah { $hours } jam kerja:
    "{ $text }"
ticket-not-held = Tiket #{ $id } tidak lagi Bapak/Ibu pegang (dilepas setelah lama tanpa pesan, atau dijawab petugas lain); pesan tidak dikirim. Tekan Balas pada tiket itu di /tiket untuk menjawabnya lagi.
officer-named = { $name } ({ $role })
confirm-approve = Setujui usulan { $ref } atas nama { $name }? Satu tempat kuota akan terpakai (sisa sekarang: { $left }), dan warga langsung diberi tahu.
btn-confirm-approve = ✅ Ya, setujui
confirm-reject = Tolak usulan { $ref } atas nama { $name } dengan alasan "{ $reason }"? Warga langsung diberi tahu beserta alasannya.
btn-confirm-reject = ❌ Ya, tolak
menu-officer = Menu petugas (tekan tombol atau ketik nomornya):
menu-queue = 📋 Antrean usulan
menu-onbehalf = 📝 Usulkan warga
menu-tickets = ❓ Pertanyaan warga
menu-stats = 📊 Statistik
tg-command-antrian = Antrean usulan kelurahan
tg-command-usulkan = Usulkan warga tanpa HP
tg-command-tiket = Pertanyaan warga
tg-command-statistik = Statistik program
tg-command-notifikasi = Atur pemberitahuan
tg-command-undang = Buat kode undangan peninjau
tg-command-reviewer = Daftar peninjau
tg-command-kuota = Atur kuota
tg-command-siaran = Kirim siaran
tg-command-status_siaran = Kemajuan siaran
chart-not-sent = (Grafiknya tidak bisa dikirim ke chat ini; angka di atas lengkap. Grafik bisa dibuat dengan `siaga admin stats --png`.)
console-link = Tautan masuk ke konsol web Siaga (sekali pakai, berlaku { $minutes } menit):
    { $link }
    Jangan bagikan tautan ini.
console-not-for-you = Konsol web hanya untuk lurah/petugas kelurahan dan Disnaker KUKM.
review-late = ⏰ { $count } usulan di Kelurahan { $kelurahan } sudah menunggu lebih dari { $days } hari. Mohon diperiksa.
review-late-dinas = ⏰ Usulan yang menunggu lebih dari { $days } hari: { $names }. Lurahnya sudah diingatkan setiap pagi.
