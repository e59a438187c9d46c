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
participant-contact-not-own = Hanya nomor Bapak/Ibu sendiri yang bisa dicocokkan: tekan tombol "📱 Kirim nomor saya", jangan meneruskan kontak orang lain.
participant-no-match = Nomor ini tidak bisa dicocokkan. Bila Bapak/Ibu peserta Pro JKK-JKM, minta petugas kelurahan menautkan akun ini (kode akun { $code }).
participant-linked-telegram = Terima kasih, nomor Bapak/Ibu cocok dengan daftar peserta: akun ini sudah ditautkan.
participant-linked-lurah = Petugas kelurahan sudah menautkan akun ini ke kepesertaan Pro JKK-JKM Bapak/Ibu.
participant-not-linked = Akun ini tidak tertaut ke kepesertaan mana pun.
participant-unlinked = Tautan dilepas dan nomor ini tidak akan ditautkan lagi ke kepesertaan tersebut. Bila Bapak/Ibu peserta, minta petugas kelurahan menautkan akun ini (kode akun { $code }).
participant-link-usage = Tulis /tautkan NIK KODE, misalnya /tautkan 3577010101900001 1234 (kode akun terlihat di /status warga).
participant-link-none = NIK itu tidak ada pada daftar peserta kelurahan Anda.
participant-link-no-account = Kode akun { $code } tidak ditemukan. Minta warga membuka /status dan membacakan kodenya.
participant-link-done = Tertaut: { $name } (NIK { $nik }, { $kelurahan }) ke akun { $code }. Warga sudah diberi tahu.

claim-card-listed = Ada di daftar peserta: { $name } (NIK { $nik }, { $kelurahan }, { $segment }), masa perlindungan { $start }–{ $end }. Terlindungi pada tanggal kejadian: { $covered }.
