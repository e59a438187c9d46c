# Siaran (broadcast) oleh admin Dinas, pengingat kuota mingguan, dan persetujuan menerima siaran.

ask-optin = Mau menerima pengingat dan kabar program Pro JKK-JKM dari Siaga (misalnya sisa kuota)? Bisa berhenti kapan saja dengan /berhenti.
btn-optin-yes = Ya, mau
btn-optin-no = Tidak usah
optin-never = Belum ditanyakan

bc-ask-text = Tulis pesan siaran (paling banyak 1.000 huruf).
    Bisa memakai isian: {"{"}kuota_sisa{"}"} (sisa kuota kota), {"{"}antrian_kelurahan{"}"} (usulan menunggu di kelurahan penerima), {"{"}nama_kelurahan{"}"}, {"{"}nama{"}"}.
bc-ask-audience = Kirim ke siapa?
bc-audience-lurah = Semua lurah
bc-audience-lurah_waiting = Lurah ada antrian
bc-audience-unfinished = Warga belum selesai
bc-audience-waiting = Warga menunggu
bc-audience-approved = Peserta disetujui
bc-audience-opted_in = Semua yang setuju
bc-ask-kelurahan = Untuk satu kelurahan saja? Ketik nama kelurahannya, atau pilih semua kelurahan.
bc-all-kelurahan = Semua kelurahan
bc-err-audience = Pilih salah satu tombol penerima.
bc-err-kelurahan = "{ $text }" bukan kelurahan di Kota Madiun.
bc-err-short = Pesannya terlalu pendek.
bc-err-placeholder = Isian { $names } tidak dikenal. Yang bisa dipakai: {"{"}kuota_sisa{"}"}, {"{"}antrian_kelurahan{"}"}, {"{"}nama_kelurahan{"}"}, {"{"}nama{"}"}.
bc-preview = Pratinjau siaran
    Penerima: { $audience } · Kelurahan: { $kelurahan }
    Akan dikirim ke { $count } orang. Tidak dikirim: { $optedout } berhenti/belum setuju menerima siaran, { $blocked } memblokir Siaga.
bc-preview-channel = • { $channel }: { $count }
bc-preview-sample = Contoh pesan untuk penerima pertama:
    { $text }
bc-preview-nobody = Tidak ada penerima untuk pilihan ini. Ubah pesan atau batalkan.
bc-send = Kirim sekarang
bc-edit = Ubah pesan
bc-started = Siaran #{ $id } dimulai untuk { $count } penerima. Kemajuannya tampil di chat ini; /batal_siaran { $id } menghentikan sisanya.
bc-started-cli = Siaran #{ $id } diantrekan untuk { $count } penerima dan dikirim oleh layanan Siaga yang berjalan. Lihat kemajuannya dengan "siaga admin broadcasts"; "siaga admin broadcast-cancel { $id }" menghentikan sisanya.
bc-cancelled-draft = Siaran dibatalkan, tidak ada yang dikirim.
channel-telegram = Telegram
channel-whatsapp = WhatsApp
channel-console = Konsol

broadcast-message = { $text }
broadcast-footer = (Siaran Siaga · ketik /berhenti agar tidak menerima siaran lagi)
bc-name-lurah = Bapak/Ibu Lurah
bc-name-default = Bapak/Ibu

bc-progress = Siaran #{ $id }: terkirim { $sent } dari { $total } · gagal { $failed } · memblokir { $blocked } · tidak menerima siaran { $optedout } · sisa { $left }
bc-progress-eta = Perkiraan selesai dalam { $minutes } menit.
bc-progress-quiet = Dijeda selama jam tenang; dilanjutkan otomatis pukul { $until } WIB.
bc-progress-done = Siaran #{ $id } selesai: terkirim { $sent } dari { $total } · gagal { $failed } · memblokir { $blocked } · tidak menerima siaran { $optedout }.
bc-progress-cancelled = Siaran #{ $id } dihentikan: terkirim { $sent } dari { $total }, { $cancelled } tidak jadi dikirim.
bc-progress-wa-budget = WhatsApp: { $count } pesan menunggu, karena WhatsApp hanya mengizinkan { $budget } orang baru per hari di luar 24 jam sejak mereka terakhir menulis; selesai sekitar { $days } hari lagi.
bc-none = Belum ada siaran.
bc-nothing-to-cancel = Tidak ada siaran yang sedang berjalan.
bc-cancelled = Dihentikan: { $jobs } siaran, { $rows } pesan tidak jadi dikirim.

reminder-quota = Pengingat kuota Pro JKK-JKM
    Sisa kuota kota: { $left } tempat.
    Usulan menunggu di Kelurahan { $kelurahan }: { $waiting }.
reminder-forecast = Dengan laju 30 hari terakhir ({ $recent } disetujui dalam { $window } hari), kuota habis dalam sekitar { $days } hari.
reminder-forecast-no-pace = Belum ada usulan disetujui dalam { $days } hari terakhir.
reminder-forecast-none-left = Kuota sudah habis; usulan baru masuk daftar tunggu.
reminder-forecast-no-quota = Kuota periode ini belum diatur oleh Dinas.
bc-preview-no-quota = ⚠️ Kuota periode ini belum diatur, jadi {"{"}kuota_sisa{"}"} akan terbaca "-". Atur dulu dengan /kuota JUMLAH, atau hapus isian itu dari pesan.
bc-not-sent = Siaran tidak dikirim; tidak ada yang diantrekan.

bc-progress-uncertain = { $count } pesan belum pasti sampai: layanan terhenti saat mengirimnya. Pesan itu tidak dikirim ulang, supaya tidak ada yang menerimanya dua kali.
