## The people already covered: one's own cover, linking, renewal (issue 29)

participant-segment-pu = penerima upah (PU)
participant-segment-bpu = bukan penerima upah (BPU)
participant-segment-none = peserta
participant-cover-dates = Bapak/Ibu terdaftar sebagai peserta Pro JKK-JKM ({ $segment }). Perlindungan: { $start } s.d. { $end }, iuran dibayar Pemkot.
participant-cover = Bapak/Ibu terdaftar sebagai peserta Pro JKK-JKM ({ $segment }). Perlindungan: { $start } s.d. { $end }, iuran dibayar Pemkot. Bila meninggal bukan karena kerja (JKM): Rp{ $jkm } untuk ahli waris; menurut informasi BPJS, santunan penuh berlaku setelah { $months } bulan menjadi peserta (mulai { $full_from }); sebelum itu Rp{ $early } (biaya pemakaman). Bila kecelakaan kerja (JKK): perawatan sampai sembuh; bila meninggal karenanya Rp{ $jkk_death }.
participant-cover-ended = Perlindungan Bapak/Ibu sebagai peserta Pro JKK-JKM berakhir { $end }.
participant-renewal-later = Perpanjangan: kelurahan meninjaunya mulai { $opens }, sebelum perlindungan berakhir { $end }.
participant-renewal-open = Perpanjangan: sedang ditinjau kelurahan; perlindungan sekarang berakhir { $end }.
participant-renewal-renewed = Perpanjangan: disetujui kelurahan; BPJS melanjutkan perlindungan setelah { $end }.
participant-renewal-not-renewed = Perpanjangan: tidak dilanjutkan; perlindungan berakhir { $end }.
participant-linked-whatsapp = Nomor WhatsApp ini tercatat pada daftar peserta Pro JKK-JKM, jadi akun ini kami tautkan ke kepesertaan tersebut. Bila ini bukan Bapak/Ibu, tekan "Bukan saya".
btn-not-me = Bukan saya
participant-how-telegram = Sudah menjadi peserta Pro JKK-JKM? Tekan "📱 Kirim nomor saya" agar Siaga mencocokkan nomor HP Bapak/Ibu dengan daftar peserta.
participant-how-kelurahan = Sudah menjadi peserta Pro JKK-JKM? Minta petugas kelurahan menautkan akun ini dengan menunjukkan KTP dan kode akun { $code }.
participant-contact-not-proof = Di WhatsApp, Siaga hanya mencocokkan nomor akun WhatsApp Bapak/Ibu sendiri, bukan kartu kontak. Tulis /status untuk melihatnya.
participant-no-match = Nomor ini tidak bisa dicocokkan. Bila Bapak/Ibu peserta Pro JKK-JKM, minta petugas kelurahan menautkan akun ini (kode akun { $code }).
participant-linked-telegram = Terima kasih, nomor Bapak/Ibu cocok dengan daftar peserta: akun ini sudah ditautkan.
participant-linked-lurah = Petugas kelurahan sudah menautkan akun ini ke kepesertaan Pro JKK-JKM Bapak/Ibu.
participant-not-linked = Akun ini tidak tertaut ke kepesertaan mana pun.
participant-unlinked = Tautan dilepas dan nomor ini tidak akan ditautkan lagi ke kepesertaan tersebut. Bila Bapak/Ibu peserta, minta petugas kelurahan menautkan akun ini (kode akun { $code }).
participant-link-usage = Tulis /tautkan NIK KODE, misalnya /tautkan 3577010101900001 1234 (kode akun terlihat di /peserta warga).
participant-link-none = NIK itu tidak ada pada daftar peserta kelurahan Anda.
participant-link-no-account = Kode akun { $code } tidak ditemukan. Minta warga membuka /peserta dan membacakan kodenya.
participant-link-done = Tertaut: { $name } (NIK { $nik }, { $kelurahan }) ke akun { $code }. Warga sudah diberi tahu.

claim-card-listed = Ada di daftar peserta: { $name } (NIK { $nik }, { $kelurahan }, { $segment }), masa perlindungan { $start }–{ $end }. Terlindungi pada tanggal kejadian: { $covered }.

quota-made-of = Dihitung seperti program: { $covered } peserta terlindungi hari ini (daftar peserta tanpa yang tidak diperpanjang, ditambah yang didaftarkan lewat Siaga dan belum ada di daftar) + { $waiting } usulan disetujui menunggu BPJS = { $used } dari { $total } tempat ({ $source }); sisa { $left }.
quota-source-dinas = ditetapkan Disnaker KUKM
quota-source-program = menurut berkas program: { $ref }

renewal-list-head = Perpanjangan kepesertaan: { $open } menunggu keputusan, { $decided } sudah diputuskan. Lama peninjauan dan batas waktunya adalah asumsi kerja Siaga sampai ditetapkan Disnaker KUKM.
renewal-card = #{ $id } { $name } (NIK { $nik }, { $kelurahan }), pekerjaan: { $occupation }. Peserta sejak { $since }, perlindungan berakhir { $end }. Jawaban warga: { $resident }. Keputusan: { $state }.
renewal-card-reason = Alasan: { $reason } { $note }
renewal-card-late = ⚠ Lewat batas waktu: Disnaker KUKM ikut memutuskan.
renewal-facts-dtks = Data Dinas Sosial per { $as_of }: terdaftar { $found }, desil { $desil }.
renewal-facts-bpjs = Data BPJS TK per { $as_of }: segmen { $segment }.
renewal-facts-none = Belum ada data DTKS/DTSEN atau BPJS yang dimuat.
renewal-resident-none = belum ditanya (akun belum tertaut)
renewal-resident-asked = sudah ditanya, belum menjawab
renewal-resident-yes = masih tinggal dan bekerja di Kota Madiun
renewal-resident-no = tidak lagi tinggal atau bekerja di Kota Madiun
renewal-state-open = belum
renewal-state-ask = warga sedang ditanya
renewal-state-renew = diperpanjang
renewal-state-not_renewed = tidak diperpanjang
btn-renew = Perpanjang
btn-not-renewed = Tidak diperpanjang
btn-ask-resident = Tanya warga
renewal-why = Mengapa kepesertaan { $name } tidak diperpanjang?
renewal-reason-moved = Pindah dari Madiun
renewal-reason-died = Meninggal dunia
renewal-reason-employer = Dijamin perusahaan
renewal-reason-not_working = Tidak bekerja lagi
renewal-reason-asked_to_stop = Minta berhenti
renewal-reason-other = Lainnya
renewal-ask-note = Tulis alasannya dalam satu pesan.
renewal-already = Perpanjangan { $name } sudah diputuskan petugas lain. Tulis /perpanjangan untuk daftar terbaru.
renewal-done-renew = { $name }: diperpanjang. Masuk daftar perpanjangan untuk BPJS.
renewal-done-not_renewed = { $name }: tidak diperpanjang. Tempatnya langsung bisa dipakai usulan berikutnya.
renewal-done-ask = { $name }: warga ditanya dulu.
renewal-resident-told = Warga sudah diberi tahu lewat Siaga.
renewal-resident-not-linked = Akun warga belum tertaut: sampaikan langsung kepada warga.
renewal-opened = { $count } peserta di kelurahan Anda akan berakhir perlindungannya dalam { $days } hari: tulis /perpanjangan untuk memutuskan perpanjangannya.
renewal-ask-resident = Perlindungan Pro JKK-JKM Bapak/Ibu berakhir { $end }. Untuk perpanjangan: apakah Bapak/Ibu masih tinggal dan bekerja di Kota Madiun?
btn-still-here-yes = Ya, masih
btn-still-here-no = Tidak lagi
renewal-thanks-yes = Terima kasih. Kelurahan akan memutuskan perpanjangan Bapak/Ibu.
renewal-thanks-no = Terima kasih atas kabarnya. Kelurahan akan menghubungi Bapak/Ibu bila perlu.
renewal-told-not-renewed = Kepesertaan Pro JKK-JKM Bapak/Ibu tidak diperpanjang oleh kelurahan (alasan: { $reason }); perlindungan berakhir { $end }.

con-nav-renewals = Perpanjangan
con-renewal-intro = Peserta yang perlindungannya berakhir dalam { $lead } hari (asumsi kerja Siaga sampai ditetapkan Disnaker KUKM). Yang belum diputuskan { $deadline } hari sebelum berakhir diteruskan ke Disnaker KUKM.
con-renewal-xlsx = Unduh daftar perpanjangan untuk BPJS (XLSX)
con-renewal-col-cover = Peserta sejak – berakhir
con-renewal-col-lists = Data DTKS / BPJS
con-renewal-col-resident = Jawaban warga
con-renewal-decision = Keputusan
con-renewal-reason = Alasan bila tidak diperpanjang
con-renewal-note = Catatan (wajib untuk "Lainnya")
con-renewal-save = Simpan keputusan
con-renewal-none = Tidak ada peserta yang perlindungannya berakhir dalam { $lead } hari.
con-renewal-done = Keputusan tersimpan.
con-renewal-needs = Keputusan belum tersimpan: pilih alasan (dan tulis catatan untuk "Lainnya").
con-renewal-not-now = Keputusan belum tersimpan: sudah diputuskan petugas lain.
con-renewal-link = Tautkan akun warga
con-renewal-nik = NIK (dari KTP warga)
con-renewal-code = Kode akun (terlihat di /peserta warga)
con-renewal-link-button = Tautkan

stats-participants = Daftar peserta: { $total } terlindungi hari ini. Per segmen: { $segments }. Per kelurahan: { $kelurahan }. Pekerjaan terbanyak: { $occupations }. Perlindungan berakhir per bulan (12 bulan ke depan): { $ending }.
stats-renewals = Perpanjangan yang sedang dibuka: { $decided } diputuskan, { $pending } menunggu. Per kelurahan (diputuskan/semua): { $per }.
stats-list-claim-ratio = Rasio klaim atas perlindungan daftar peserta tahun ini: klaim dibayar Rp{ $paid } ÷ iuran Rp{ $premiums } = { $ratio }.

renewal-late-dinas = { $count } perpanjangan belum diputuskan kelurahan padahal tinggal { $days } hari atau kurang: { $names }. Tulis /perpanjangan untuk memutuskannya.

participant-officer = Halaman ini untuk warga peserta Pro JKK-JKM.
participant-held = Akun ini tertaut ke kepesertaan Pro JKK-JKM { $name } (NIK { $nik }), { $via }.
participant-via-whatsapp = dicocokkan dengan nomor WhatsApp
participant-via-telegram = dicocokkan dengan nomor yang Anda kirim di Telegram
participant-via-lurah = ditautkan petugas kelurahan
