## The people already covered: one's own cover, linking, renewal (issue 29). Krama for citizens.

participant-segment-pu = penerima upah (PU)
participant-segment-bpu = bukan penerima upah (BPU)
participant-segment-none = peserta
participant-cover-dates = Panjenengan kadaftar minangka peserta Pro JKK-JKM ({ $segment }). Perlindungan: { $start } ngantos { $end }, iuran dipunbayar Pemkot.
participant-cover = Panjenengan kadaftar minangka peserta Pro JKK-JKM ({ $segment }). Perlindungan: { $start } ngantos { $end }, iuran dipunbayar Pemkot. Menawi tilar donya sanes amargi kerja (JKM): Rp{ $jkm } kangge ahli waris; miturut informasi BPJS, santunan jangkep laku sasampunipun { $months } wulan dados peserta (wiwit { $full_from }); saderengipun Rp{ $early } (ragad pasarean). Menawi kacilakan kerja (JKK): perawatan ngantos saras; menawi tilar donya amargi menika Rp{ $jkk_death }.
participant-cover-ended = Perlindungan panjenengan minangka peserta Pro JKK-JKM sampun rampung { $end }.
participant-renewal-later = Perpanjangan: kelurahan badhe mriksa wiwit { $opens }, saderengipun perlindungan rampung { $end }.
participant-renewal-open = Perpanjangan: saweg dipunpriksa kelurahan; perlindungan sapunika rampung { $end }.
participant-renewal-renewed = Perpanjangan: dipunsarujuki kelurahan; BPJS nglajengaken perlindungan sasampunipun { $end }.
participant-renewal-not-renewed = Perpanjangan: mboten dipunlajengaken; perlindungan rampung { $end }.
participant-linked-whatsapp = Nomer WhatsApp menika kacathet ing daftar peserta Pro JKK-JKM, pramila akun menika kawula taut dhateng kepesertaan menika. Menawi menika sanes panjenengan, mangga pencet "Sanes kula".
btn-not-me = Sanes kula
participant-how-telegram = Sampun dados peserta Pro JKK-JKM? Mangga pencet "📱 Kintun nomer kula" supados Siaga nyocogaken nomer HP panjenengan kaliyan daftar peserta.
participant-how-kelurahan = Sampun dados peserta Pro JKK-JKM? Mangga nyuwun petugas kelurahan nautaken akun menika kanthi nedahaken KTP lan kode akun { $code }.
participant-contact-not-proof = Ing WhatsApp, Siaga namung nyocogaken nomer akun WhatsApp panjenengan piyambak, sanes kertu kontak. Mangga serat /status kangge ningali.
participant-contact-not-own = Namung nomer panjenengan piyambak ingkang saged dipuncocogaken: mangga pencet "📱 Kintun nomer kula", sampun nerusaken kontak tiyang sanes.
participant-no-match = Nomer menika mboten saged dipuncocogaken. Menawi panjenengan peserta Pro JKK-JKM, mangga nyuwun petugas kelurahan nautaken akun menika (kode akun { $code }).
participant-linked-telegram = Matur nuwun, nomer panjenengan cocog kaliyan daftar peserta: akun menika sampun dipuntautaken.
participant-linked-lurah = Petugas kelurahan sampun nautaken akun menika dhateng kepesertaan Pro JKK-JKM panjenengan.
participant-not-linked = Akun menika mboten dipuntautaken dhateng kepesertaan punapa kemawon.
participant-unlinked = Tautan sampun dipunucul lan nomer menika mboten badhe dipuntautaken malih dhateng kepesertaan menika. Menawi panjenengan peserta, mangga nyuwun petugas kelurahan nautaken akun menika (kode akun { $code }).
participant-link-usage = Serat /tautkan NIK KODE, upaminipun /tautkan 3577010101900001 1234 (kode akun katingal ing /status warga).
participant-link-none = NIK menika mboten wonten ing daftar peserta kelurahan panjenengan.
participant-link-no-account = Kode akun { $code } mboten kepanggih. Mangga nyuwun warga mbikak /status lan maosaken kodenipun.
participant-link-done = Sampun tertaut: { $name } (NIK { $nik }, { $kelurahan }) dhateng akun { $code }. Warga sampun dipunparingi pirsa.

claim-card-listed = Wonten ing daftar peserta: { $name } (NIK { $nik }, { $kelurahan }, { $segment }), masa perlindungan { $start }–{ $end }. Kaayoman ing tanggal kedadosan: { $covered }.
