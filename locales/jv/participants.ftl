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
participant-no-match = Nomer menika mboten saged dipuncocogaken. Menawi panjenengan peserta Pro JKK-JKM, mangga nyuwun petugas kelurahan nautaken akun menika (kode akun { $code }).
participant-linked-telegram = Matur nuwun, nomer panjenengan cocog kaliyan daftar peserta: akun menika sampun dipuntautaken.
participant-linked-lurah = Petugas kelurahan sampun nautaken akun menika dhateng kepesertaan Pro JKK-JKM panjenengan.
participant-not-linked = Akun menika mboten dipuntautaken dhateng kepesertaan punapa kemawon.
participant-unlinked = Tautan sampun dipunucul lan nomer menika mboten badhe dipuntautaken malih dhateng kepesertaan menika. Menawi panjenengan peserta, mangga nyuwun petugas kelurahan nautaken akun menika (kode akun { $code }).
participant-link-usage = Serat /tautkan NIK KODE, upaminipun /tautkan 3577010101900001 1234 (kode akun katingal ing /peserta warga).
participant-link-none = NIK menika mboten wonten ing daftar peserta kelurahan panjenengan.
participant-link-no-account = Kode akun { $code } mboten kepanggih. Mangga nyuwun warga mbikak /peserta lan maosaken kodenipun.
participant-link-done = Sampun tertaut: { $name } (NIK { $nik }, { $kelurahan }) dhateng akun { $code }. Warga sampun dipunparingi pirsa.

claim-card-listed = Wonten ing daftar peserta: { $name } (NIK { $nik }, { $kelurahan }, { $segment }), masa perlindungan { $start }–{ $end }. Kaayoman ing tanggal kedadosan: { $covered }.

quota-made-of = Dipunetang kados program: { $covered } peserta kaayoman dinten menika (daftar peserta tanpa ingkang mboten dipunlajengaken, dipuntambah ingkang dipundaftaraken lumantar Siaga lan dereng wonten ing daftar) + { $waiting } usulan dipunsarujuki ngentosi BPJS = { $used } saking { $total } panggenan ({ $source }); sisa { $left }.
quota-source-dinas = dipuntetepaken Disnaker KUKM
quota-source-program = miturut berkas program: { $ref }

renewal-list-head = Perpanjangan kepesertaan: { $open } ngentosi putusan, { $decided } sampun dipunputusaken. Dangunipun pamriksan lan watesipun minangka asumsi kerja Siaga ngantos dipuntetepaken Disnaker KUKM.
renewal-card = #{ $id } { $name } (NIK { $nik }, { $kelurahan }), padamelan: { $occupation }. Peserta wiwit { $since }, perlindungan rampung { $end }. Wangsulan warga: { $resident }. Putusan: { $state }.
renewal-card-reason = Alesan: { $reason } { $note }
renewal-card-late = ⚠ Langkung saking watesipun: Disnaker KUKM tumut mutusaken.
renewal-facts-dtks = Data Dinas Sosial per { $as_of }: kadaftar { $found }, desil { $desil }.
renewal-facts-bpjs = Data BPJS TK per { $as_of }: segmen { $segment }.
renewal-facts-none = Dereng wonten data DTKS/DTSEN utawi BPJS ingkang dipunmuat.
renewal-resident-none = dereng dipuntangleti (akun dereng tertaut)
renewal-resident-asked = sampun dipuntangleti, dereng mangsuli
renewal-resident-yes = taksih manggen lan nyambut damel ing Kota Madiun
renewal-resident-no = sampun mboten manggen utawi nyambut damel ing Kota Madiun
renewal-state-open = dereng
renewal-state-ask = warga saweg dipuntangleti
renewal-state-renew = dipunlajengaken
renewal-state-not_renewed = mboten dipunlajengaken
btn-renew = Lajengaken
btn-not-renewed = Mboten dipunlajeng
btn-ask-resident = Tangleti warga
renewal-why = Punapa kepesertaan { $name } mboten dipunlajengaken?
renewal-reason-moved = Pindhah kitha
renewal-reason-died = Tilar donya
renewal-reason-employer = Dipunjamin juragan
renewal-reason-not_working = Mboten nyambut damel
renewal-reason-asked_to_stop = Nyuwun mandheg
renewal-reason-other = Sanesipun
renewal-ask-note = Mangga serat alesanipun ing satunggal pesen.
renewal-already = Perpanjangan { $name } sampun dipunputusaken petugas sanes. Mangga serat /perpanjangan kangge daftar enggal.
renewal-done-renew = { $name }: dipunlajengaken. Mlebet daftar perpanjangan kangge BPJS.
renewal-done-not_renewed = { $name }: mboten dipunlajengaken. Panggenanipun langsung saged dipunginakaken usulan salajengipun.
renewal-done-ask = { $name }: warga dipuntangleti rumiyin.
renewal-resident-told = Warga sampun dipunparingi pirsa lumantar Siaga.
renewal-resident-not-linked = Akun warga dereng tertaut: mangga dipunaturi langsung dhateng warga.
renewal-opened = { $count } peserta ing kelurahan panjenengan badhe rampung perlindunganipun ing { $days } dinten: mangga serat /perpanjangan kangge mutusaken perpanjanganipun.
renewal-ask-resident = Perlindungan Pro JKK-JKM panjenengan rampung { $end }. Kangge perpanjangan: menapa panjenengan taksih manggen lan nyambut damel ing Kota Madiun?
btn-still-here-yes = Inggih, taksih
btn-still-here-no = Sampun mboten
renewal-thanks-yes = Matur nuwun. Kelurahan badhe mutusaken perpanjangan panjenengan.
renewal-thanks-no = Matur nuwun kabaripun. Kelurahan badhe nglarag panjenengan menawi perlu.
renewal-told-not-renewed = Kepesertaan Pro JKK-JKM panjenengan mboten dipunlajengaken dening kelurahan (alesan: { $reason }); perlindungan rampung { $end }.

con-nav-renewals = Perpanjangan
con-renewal-intro = Peserta ingkang perlindunganipun rampung ing { $lead } dinten (asumsi kerja Siaga ngantos dipuntetepaken Disnaker KUKM). Ingkang dereng dipunputusaken { $deadline } dinten saderengipun rampung dipunlajengaken dhateng Disnaker KUKM.
con-renewal-xlsx = Unduh daftar perpanjangan kangge BPJS (XLSX)
con-renewal-col-cover = Peserta wiwit – rampung
con-renewal-col-lists = Data DTKS / BPJS
con-renewal-col-resident = Wangsulan warga
con-renewal-decision = Putusan
con-renewal-reason = Alesan menawi mboten dipunlajengaken
con-renewal-note = Cathetan (kedah kangge "Sanesipun")
con-renewal-save = Simpen putusan
con-renewal-none = Mboten wonten peserta ingkang perlindunganipun rampung ing { $lead } dinten.
con-renewal-done = Putusan sampun kasimpen.
con-renewal-needs = Putusan dereng kasimpen: pilih alesan (lan serat cathetan kangge "Sanesipun").
con-renewal-not-now = Putusan dereng kasimpen: sampun dipunputusaken petugas sanes.
con-renewal-link = Tautaken akun warga
con-renewal-nik = NIK (saking KTP warga)
con-renewal-code = Kode akun (katingal ing /peserta warga)
con-renewal-link-button = Tautaken

stats-participants = Daftar peserta: { $total } kaayoman dinten menika. Miturut segmen: { $segments }. Miturut kelurahan: { $kelurahan }. Padamelan ingkang kathah piyambak: { $occupations }. Perlindungan rampung saben wulan (12 wulan ngajeng): { $ending }.
stats-renewals = Perpanjangan ingkang saweg dipunbikak: { $decided } dipunputusaken, { $pending } ngentosi. Miturut kelurahan (dipunputusaken/sedaya): { $per }.
stats-list-claim-ratio = Rasio klaim tumrap perlindungan daftar peserta taun menika: klaim dipunbayar Rp{ $paid } ÷ iuran Rp{ $premiums } = { $ratio }.

renewal-late-dinas = { $count } perpanjangan dereng dipunputusaken kelurahan kamangka kantun { $days } dinten utawi kirang: { $names }. Mangga serat /perpanjangan kangge mutusaken.

participant-officer = Kaca menika kangge warga peserta Pro JKK-JKM.
participant-held = Akun menika tertaut dhateng kepesertaan Pro JKK-JKM { $name } (NIK { $nik }), { $via }.
participant-via-whatsapp = dipuncocogaken kaliyan nomer WhatsApp
participant-via-telegram = dipuncocogaken kaliyan nomer ingkang panjenengan kintun ing Telegram
participant-via-lurah = dipuntautaken petugas kelurahan
