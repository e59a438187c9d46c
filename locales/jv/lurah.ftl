## Lurah (peninjau) lan admin Dinas

invite-invalid = Kode undangan boten laku (lepat, kedaluwarsa, sampun dipun ginakaken, utawi dipun cabut). Nyuwun kode enggal dhateng Disnaker KUKM.
invite-welcome = Sugeng rawuh. Panjenengan sapunika peninjau usulan Pro JKK-JKM kagem Kelurahan { $kelurahan }. Usulan enggal badhe dipun kabaraken ing mriki. Pilih padamelan ing ngandhap (pencet tombol utawi serat nomeripun):
btn-queue = 📋 Mirsani antrean
not-a-reviewer = Prentah menika namung kagem lurah/petugas kelurahan ingkang sampun kadaftar.
not-an-admin = Prentah menika namung kagem admin Disnaker KUKM.
not-your-kelurahan = Usulan { $ref } sanes saking kelurahan Panjenengan. Boten wonten ingkang dipun ewahi.
queue-empty = Boten wonten usulan ingkang ngentosi ing Kelurahan { $kelurahan }. Matur nuwun.

lurah-card = Usulan { $position } saking { $total } — { $ref }
    Asma: { $name } ({ $by })
    NIK: { $nik } · { $sex } · { $age } taun
    Kelurahan: { $kelurahan } · HP: { $phone }
    Pedamelan: { $occupation }
    BPJS TK: { $bpjs } · DTKS/DTSEN: { $dtks } · Putra sekolah: { $heirs }
    Pambiji Siaga: { $verdict }
    Ngentosi: { $days } dinten · Sisa kuota kutha: { $left }
filed-by-citizen = dipun aturaken piyambak
filed-by-lurah = dipun usulaken petugas
lurah-card-info = Pitakenan petugas: { $question }
    Wangsulan warga: { $answer }
flag-nik-elsewhere = ⚠ NIK saking njawi Kota Madiun: cek KK/KTP domisili.
flag-age-mismatch = ⚠ Yuswa ingkang dipun aturaken benten kaliyan NIK.
flag-registry-unknown = ⚠ Warga boten mangertos status DTKS/DTSEN: cocogaken data.
flag-bpjs-self_paid = ⚠ Sampun mbayar BPJS TK piyambak (BPU mandiri).
flag-bpjs-unknown = ⚠ Warga boten mangertos status BPJS TK.
flag-activity-unrecognised = ⚠ Pedamelan boten kawastanan Siaga.
flag-activity-pu_role = ⚠ Peran penerima upah (RT/RW, linmas, kader …): jalur PU.
flag-activity-formal = ⚠ Pegawai/karyawan: cek kepesertaan saking ingkang paring damel.
flag-activity-student = ⚠ Pelajar/mahasiswa: cek kegiatan ekonomi.
btn-approve = ✅ Setujoni
btn-reject = ❌ Tolak
btn-ask-info = ❓ Nyuwun katrangan
btn-card-more = ⋯ Sanesipun
btn-card-back = ↩ Wangsul
card-more = Usulan { $ref }: nyuwun katrangan dhateng warga, utawi dipunlangkungi rumiyin?
btn-skip-card = ⏭ Langkungi

ask-reject-reason = Alesan nolak { $ref }? Pilih, utawi serat alesan piyambak.
reject-reason-domicile = Boten manggen ing kelurahan menika
reject-reason-registry = Boten kadaftar ing DTKS/DTSEN
reject-reason-bpjs = Sampun kadaftar BPJS Ketenagakerjaan
reject-reason-activity = Boten gadhah kegiatan ekonomi
reject-reason-data = Data boten cocog kaliyan dokumen
err-reject-reason = Nyuwun serat alesan (paling sekedhik 3 aksara).
ask-info-question = Serat pitakenan kagem ingkang dipun usulaken { $ref } (tuladha: Nyuwun KK ingkang paling enggal dipun beta dhateng kantor kelurahan).

decided-approved = { $ref } dipun setujoni dening { $by }. Sisa kuota kutha: { $left }. Warga sampun dipun kabari.
decided-rejected = { $ref } dipun tolak dening { $by }. Warga sampun dipun kabari sarta alesanipun.
decided-info_requested = Pitakenan kagem { $ref } sampun dipun kintun. Usulan ngentosi wangsulan warga.
decided-pending = { $ref } ngentosi malih.
decided-quota-full = Kuota sampun telas: { $ref } boten saged dipun setujoni lan mlebet DAFTAR TUNGGU miturut prioritas. Warga sampun dipun kabari.
decision-not-allowed = { $ref } boten saged dipun ewahi saking statusipun sapunika. Boten wonten ingkang dipun ewahi.
decided-already = { $ref } sampun dipun putusaken rumiyin dening { $by }: { $status }. Keputusan Panjenengan boten dipun simpen, lan warga boten dipun kabari kaping kalih.
decided-by-resident = warga ingkang gadhah usulan
decided-by-system = Disnaker KUKM (sistem)
no-quota-set = Kuota periode menika dereng dipun tetepaken Disnaker KUKM, dados dereng wonten usulan ingkang saged dipun setujoni.

citizen-approved = Kabar sae: usulan { $ref } DIPUN SETUJONI lurah. Salajengipun Disnaker KUKM ndaftaraken Panjenengan dhateng BPJS Ketenagakerjaan; Panjenengan badhe dipun kabari tanggal wiwit pangayoman.
citizen-rejected = Usulan { $ref } dereng saged dipun setujoni.
    Alesan: { $reason }
    Menawi wonten ingkang lepat utawi kawontenan ewah, mangga rawuh ing kantor kelurahan utawi cek malih.
citizen-waitlisted = Usulan { $ref } sampun lolos pamriksan lurah, nanging kuota sapunika sampun telas. Usulan mlebet DAFTAR TUNGGU miturut prioritas; Panjenengan badhe dipun kabari menawi wonten panggenan.
citizen-info-requested = Lurah nyuwun katrangan tambahan kagem usulan { $ref }:
    "{ $question }"
    Pencet tombol ing ngandhap utawi serat /jawab kangge mangsuli.
btn-answer-info = ✍ Wangsuli
ask-info-answer = Pitakenan lurah kagem { $ref }: "{ $question }". Mangga serat wangsulan Panjenengan.
ask-info-answer-again = Mangga serat wangsulan kagem pitakenan lurah.
info-answer-sent = Wangsulan kagem { $ref } sampun dipun kintun dhateng lurah. Usulan ngentosi pamriksan malih.
no-info-requested = Boten wonten pitakenan lurah ingkang ngentosi wangsulan.
lurah-info-answered = Warga sampun mangsuli pitakenan kagem { $ref }. Serat /antrian kangge mriksa.

ask-in-person-consent = Ngusulaken warga ingkang boten gadhah HP utawi rawuh ing kantor. Pastekaken warga sampun mireng/maos pemberitahuan privasi Siaga lan SARUJUK langsung. Sampun?
btn-in-person-yes = Nggih, warga purun
filed-on-behalf = Usulan atas nami { $name } dipun cathet: { $ref } (dipun usulaken petugas, persetujuan warga dipun paringaken langsung). Usulan mlebet antrean kelurahan.

err-invite-kelurahan = Kelurahan "{ $text }" boten kepanggih. Tuladha: /undang Kelun
invite-created = Kode undangan kagem Kelurahan { $kelurahan }: { $code }
    Laku { $days } dinten lan namung sepisan.
    Kintun dhateng lurah/petugas: bukak { $link } utawi serat /lurah { $code } ing Siaga.
reviewers-title = Peninjau ingkang kadaftar:
reviewers-none = Dereng wonten peninjau. Damel undangan mawi /undang <kelurahan>.
reviewer-line = • #{ $id } { $name } ({ $channel }) — Kelurahan { $kelurahan }
err-reviewer-id = Peninjau #{ $id } boten kepanggih. Mirsani daftar mawi /reviewer.
reviewer-removed = Akses peninjau #{ $id } sampun dipun cabut.
err-quota-number = Serat cacah panggenan mawi angka, tuladha: /kuota 628
quota-status = Kuota { $period }: { $total } panggenan, kaginakaken { $used }, sisa { $left }.

citizen-registered = Panjenengan sampun KADAFTAR dados peserta BPJS Ketenagakerjaan lumantar Pro JKK-JKM (usulan { $ref }). Pangayoman JKK lan JKM laku { $start } dumugi { $end }, iuran dipun bayar Pemkot Madiun.
citizen-coverage-ending = Pangeling: pangayoman Pro JKK-JKM (usulan { $ref }) telas { $end }. Hubungi kantor kelurahan menawi kersa dipun usulaken malih.
lurah-coverage-ending = Pangayoman peserta { $ref } telas { $end }. Menawi warga taksih nyekapi sarat, mangga dipun usulaken malih.

invite-created-code = Kode undangan kagem Kelurahan { $kelurahan }: { $code }
    Laku { $days } dinten lan namung sepisan.
    Kintun dhateng lurah/petugas: serat /lurah { $code } ing Siaga.

lurah-digest = Ringkesan dinten menika: { $count } usulan ngentosi pamriksan ing Kelurahan { $kelurahan }.
err-notify = Serat /notifikasi langsung (saben wonten usulan enggal) utawi /notifikasi 7 (ringkesan saben dinten jam 07.00 WIB).
notify-at-once = Inggih, saben usulan enggal badhe langsung dipun kabaraken.
notify-digest = Inggih, usulan enggal dipun kintun minangka ringkesan saben dinten jam { $hour } WIB.

stats-head = Statistik Pro JKK-JKM ({ $period })
    Usulan: { $total } · Kuota: { $quota }, kaginakaken { $used }, sisa { $left }
    Median dinten dumugi putusan: { $median }
stats-status-line = • { $status }: { $count }
stats-occupation-head = Pedamelan ingkang paling kathah:
stats-kelurahan-head = Kelurahan kanthi usulan paling kathah:
stats-line = • { $name }: { $count }
optout-done = Inggih, Panjenengan boten badhe nampi pangeling lan siaran malih. Kabar babagan usulan Panjenengan piyambak tetep dipun kintun. Serat /mulai kangge nampi malih.
optin-done = Inggih, Panjenengan badhe nampi pangeling lan siaran saking Siaga. Serat /berhenti sawanci-wanci kangge mandheg.
image-saved = Grafik dipun simpen ing { $path }
lurah-withdrawn = Usulan { $ref } dipunwangsulaken dening warga ingkang gadhah, lan datanipun sampun dipunbusak miturut panyuwunipun.
lurah-withdrawn-place = Usulan { $ref } ingkang sampun dipunsarujuki dipunwangsulaken dening warga ingkang gadhah, lan datanipun sampun dipunbusak miturut panyuwunipun. Panggenanipun wangsul dhateng kuota: kantun { $left } panggenan ing kutha.
admin-pick-kelurahan = Admin Dinas boten kaiket setunggal kelurahan. Sebataken kelurahanipun sasampunipun prentah, upaminipun: { $command } Kelun
invite-too-many = Kathah sanget kode undangan ingkang lepat saking akun menika. Cobi malih mangke, kinten-kinten sajam malih, utawi nyuwun kode enggal dhateng Disnaker KUKM.

## Nyuwun pirsa petugas: saking petugas.
ticket-card = ❓ Pitakenan warga, tiket #{ $id } (Kelurahan { $kelurahan }):
    "{ $text }"
    Pencet Wangsuli kagem mangsuli (namung setunggal petugas ingkang mangsuli setunggal tiket).
btn-ticket-reply = ✍ Wangsuli
btn-ticket-close = Tutup
ticket-answer-prompt = Tiket #{ $id }:
    { $text }
    Serat wangsulan kagem warga; saben pesen dipun aturaken atas nami jabatan, sanes akun pribadi. Pencet Tutup menawi sampun rampung.
err-officer-answer = Wangsulanipun kosong. Serat wangsulan kagem warga, utawi pencet Tutup.
ticket-sent = Sampun dipun kintunaken dhateng warga (tiket #{ $id }).
ticket-from-citizen = Warga (tiket #{ $id }): { $text }
ticket-taken = Tiket #{ $id } sampun dipun wangsuli petugas sanes.
ticket-not-yours = Tiket menika sanes kagem kelurahan Panjenengan.
ticket-closed = Tiket #{ $id } dipun tutup; warga dipun suwun paring biji.
ticket-closed-already = Tiket #{ $id } sampun dipun tutup; pesen boten dipun kintunaken.
tickets-none = Boten wonten pitakenan warga ingkang nengga.
tickets-head = Pitakenan warga ingkang nengga utawi saweg dipun wangsuli ({ $count }):
ticket-line = • #{ $id } { $kelurahan } ({ $state }): "{ $text }"
ticket-state-open = nengga
ticket-state-held = saweg dipun wangsuli
ticket-state-closed = dipun tutup
stats-tickets = Nyuwun pirsa petugas: { $open } nengga, { $held } saweg dipun wangsuli, { $closed } dipun tutup; median wekdal ngantos dipun wangsuli { $minutes } menit; biji rata-rata { $rating } saking { $rated } biji; { $escalated } dipun aturaken dhateng Dinas amargi langkung tenggat.
ticket-card-nomination = Usulan { $ref }: { $name }, { $status }.
ticket-card-no-nomination = Warga menika dereng gadhah usulan.
ticket-closed-by-citizen = Warga nutup tiket #{ $id }; Siaga ngladosi malih.
ticket-quiet-officer-closed = Tiket #{ $id } dipun tutup piyambak sasampunipun { $minutes } menit boten wonten pesen; warga dipun ladosi Siaga malih.
ticket-quiet-officer-released = Tiket #{ $id } wangsul dhateng antrean: { $minutes } menit boten wonten wangsulan.
ticket-escalated = ⏰ Tiket #{ $id } (Kelurahan { $kelurahan }) dereng dipun wangsuli sasampunipun { $hours } jam kantor:
    "{ $text }"
ticket-not-held = Tiket #{ $id } sampun boten Panjenengan cepeng (dipun uculaken amargi dangu boten wonten pesen, utawi dipun wangsuli petugas sanes); pesen boten dipun kintunaken. Pencet Wangsuli ing /tiket kagem mangsuli malih.
officer-named = { $name } ({ $role })
confirm-approve = Setujoni usulan { $ref } atas nami { $name }? Setunggal papan kuota badhe kaginakaken (sisa sapunika: { $left }), lan warga langsung dipun kabari.
btn-confirm-approve = ✅ Inggih, setujoni
confirm-reject = Tolak usulan { $ref } atas nami { $name } kanthi alesan "{ $reason }"? Warga langsung dipun kabari sarta alesanipun.
btn-confirm-reject = ❌ Inggih, tolak
menu-officer = Menu petugas (pencet tombol utawi serat nomeripun):
menu-queue = 📋 Antrean usulan
menu-onbehalf = 📝 Usulaken warga
menu-tickets = ❓ Pitakenan warga
menu-stats = 📊 Statistik
tg-command-antrian = Antrean usulan kelurahan
tg-command-usulkan = Usulaken warga tanpa HP
tg-command-tiket = Pitakenan warga
tg-command-statistik = Statistik program
tg-command-notifikasi = Atur pawartos
tg-command-undang = Damel kode undangan peninjau
tg-command-reviewer = Daftar peninjau
tg-command-kuota = Atur kuota
tg-command-siaran = Kintun siaran
tg-command-status_siaran = Lampahipun siaran
chart-not-sent = (Grafikipun boten saged dipun kintun dhateng chat menika; angka ing nginggil sampun jangkep. Grafik saged dipun damel mawi `siaga admin stats --png`.)
console-link = Tautan mlebet konsol web Siaga (sepisan pakai, lumampah { $minutes } menit):
    { $link }
    Sampun dipun bagekaken dhateng tiyang sanes.
console-not-for-you = Konsol web namung kagem lurah/petugas kelurahan lan Disnaker KUKM.
review-late = ⏰ { $count } usulan ing Kelurahan { $kelurahan } sampun nengga langkung saking { $days } dinten. Nyuwun dipun priksa.
review-late-dinas = ⏰ Usulan ingkang nengga langkung saking { $days } dinten: { $names }. Lurahipun sampun dipun engetaken saben enjing.
