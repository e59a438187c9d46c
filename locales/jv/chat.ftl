## Obrolan warga (Basa Jawa krama, andhap asor)

label = { $text }

welcome = Sugeng rawuh ing Siaga, layanan Pemerintah Kota Madiun kagem program Pro JKK-JKM: pangayoman BPJS Ketenagakerjaan (kacilakan nyambut damel lan seda) ingkang iuranipun dipun bayar Pemkot kagem para pekerja informal.
menu = Mangga milih layanan (pencet tombol utawi serat nomeripun):
menu-resume = Panjenengan gadhah pamriksan ingkang dereng rampung. Pilih "Cek sarat & daftar" kangge nglajengaken saking pitakenan pungkasan.
menu-check = Cek sarat & daftar
menu-status = Cek status usulan
menu-info = Katrangan program
menu-help = Pitulungan
menu-lang = Bahasa / Language

help = Pitulungan Siaga:
    • Wangsuli pitakenan kanthi mencet tombol utawi nyerat wangsulanipun.
    • /batal — mbatalaken proses ingkang saweg lumampah
    • /ulang — miwiti cek saking wiwitan
    • /status — cek status usulan
    • /kabar — nglapuraken tiyang seda utawi kacilakan nyambut damel
    • /berhenti — mandhegaken kabar saking Siaga; /mulai — nampi malih
    • /dataku — mirsani data Panjenengan ingkang dipun simpen Siaga
    • /hapus — mbusak data Panjenengan
    • /bahasa — gantos basa
    • /petugas — nyuwun pirsa langsung dhateng petugas kelurahan utawi Disnaker KUKM
    Pitakenan sanesipun: kantor kelurahan utawi Disnaker KUKM Kota Madiun.

info-program = Pro JKK-JKM Kota Madiun
    • Pemkot mbayar iuran BPJS Ketenagakerjaan Rp{ $premium } saben wulan dangunipun { $months } wulan kagem pekerja informal (bukan penerima upah).
    • Jaminan Kematian (JKM): santunan Rp{ $jkm } kagem ahli waris, kalebet beasiswa kagem { $children } putra menawi masa iur sampun { $years } taun.
    • Jaminan Kecelakaan Kerja (JKK): rawatan ngantos saras; menawi seda amargi kacilakan nyambut damel, santunan Rp{ $jkk_death }.
    • Sarat: warga Kota Madiun yuswa { $min }–{ $max } taun, manggen ing Kota Madiun, kadaftar { $registry }, lan gadhah kegiatan ekonomi (ojol, bakul, rewang, buruh, tani, lsp.).
    • Kuota winates: per { $as_of } wonten { $participants } peserta, sisa { $remaining } panggenan. Lurah ingkang ngusulaken warga.
    • Pitaken langsung: { $contact }.

consent-notice = Saderengipun mriksa, nyuwun pirsa menika rumiyin (Pemberitahuan Privasi versi { $version }):
    • Ingkang kita pitakenaken: nami, NIK, yuswa, kelurahan, pedamelan, status BPJS Ketenagakerjaan, status DTKS/DTSEN, gadhah putra umur sekolah menapa boten, lan nomer HP (pareng boten dipun isi).
    • Kagem menapa: nimbang kinten-kinten sarat lan, menawi Panjenengan kersa, ngusulaken Panjenengan dhateng program Pro JKK-JKM.
    • Ingkang mirsani: lurah/petugas kelurahan Panjenengan lan Disnaker KUKM Kota Madiun, lajeng BPJS Ketenagakerjaan menawi usulan dipun setujoni.
    • Dangunipun: wangsulan ingkang dereng dipun kintun dipun busak sasampunipun { $days } dinten; usulan dipun simpen salebeting program lumampah.
    • NIK dipun simpen kanthi enkripsi. Pesen chat dipun proses panyedhiya aplikasi chat (saged wonten ing manca).
    • Hak Panjenengan: mirsani data mawi /dataku, mbusak mawi /hapus, sawanci-wanci.
    Menapa Panjenengan sarujuk?
btn-agree = Sarujuk
btn-disagree = Boten sarujuk
consent-thanks = Matur nuwun, persetujuan Panjenengan sampun dipun cathet.
consent-declined = Inggih, boten menapa. Kita boten badhe nyuwun data pribadi menapa kemawon. Katrangan program tetep saged dipun waos sawanci-wanci. Matur nuwun.
err-consent = Nyuwun dipun wangsuli mawi tombol Sarujuk utawi Boten sarujuk.

ask-name = Sinten asma jangkep Panjenengan, miturut KTP?
err-name = Asma menika dereng saged kita waos. Serat asma jangkep mawi aksara, tuladha: Siti Aminah.
err-name-digits = Ingkang dipun pitakenaken sapunika asma rumiyin (NIK salajengipun). Tuladha: Siti Aminah.

ask-nik = Pinten NIK Panjenengan? NIK wonten ing KTP, 16 angka. Tuladha: 3577 0117 0885 0001
hint-nik = Tuladha NIK ingkang leres: 3577011708850001 (16 angka, tanpa aksara).
hint-kk = Nomer KK wonten ing sisih inggil Kartu Keluarga; NIK wonten ing KTP utawi ing kolom NIK larikan asma Panjenengan ing KK.
ask-nik-confirm = Nyuwun dipun cek, menapa NIK menika leres?
    { $grouped }
btn-correct = Leres
btn-change = Ewahi
btn-not-correct = Boten leres

ask-age-confirm = Miturut NIK, Panjenengan miyos { $born }, dados yuswanipun { $age } taun. Menapa leres?
ask-age-input = Pinten yuswa Panjenengan ingkang leres? Serat angkanipun kemawon, tuladha: 45
err-age = Nyuwun yuswa dipun serat mawi angka, tuladha: 45.
err-yes-no-age = Pencet Leres utawi Boten leres, utawi serat yuswa mawi angka.
note-age-recorded = Dipun cathet: yuswa miturut Panjenengan { $stated } taun, miturut NIK { $nik_age } taun. Petugas kelurahan badhe ngecek dokumenipun; menika boten ngugurake usulan.

ask-kecamatan = Panjenengan manggen ing kecamatan pundi? (Pareng ugi langsung nyerat nami kelurahanipun.)
ask-kelurahan = Kelurahan pundi ing Kecamatan { $kecamatan }?
list-kelurahan = Pilih kelurahan
btn-other-kecamatan = ⬅ Kecamatan sanes
note-kelurahan-found = Kelurahan { $kelurahan }, Kecamatan { $kecamatan }.
err-place = "{ $text }" boten kepanggih ing Kota Madiun. Program menika kagem warga ingkang manggen ing Kota Madiun. Pilih saking tombol, utawi serat nami kelurahan, tuladha: Kelun, Madiun Lor, Oro-oro Ombo.
err-kecamatan = Kecamatan menika boten wonten. Pilih saking tombol.
err-kelurahan = Kelurahan menika boten wonten. Pilih saking tombol.

ask-occupation = Menapa pedamelan utami Panjenengan sapunika? Pilih, utawi serat piyambak (tuladha: bakul pecel, narik grab, tukang parkir).
list-occupation = Pilih pedamelan
btn-occupation-other = Sanesipun (serat)
ask-occupation-other = Mangga serat pedamelan Panjenengan, tuladha: penjahit, tukang becak, buruh tani.
err-occupation = Pedamelan "{ $text }" dereng kawastanan. Cobi serat mawi tembung sanes, utawi pencet "Simpen kados menika" supados dipun cek petugas.
err-occupation-empty = Nyuwun pedamelan dipun serat mawi tembung, tuladha: bakul.
btn-keep-occupation = Simpen kados menika

ask-bpjs = Menapa Panjenengan sapunika kadaftar BPJS Ketenagakerjaan (sanes BPJS Kesehatan)?
bpjs-tidak = Dereng/boten
bpjs-pu = Nggih, saking kantor
bpjs-bpu = Nggih, mbayar dhewe
bpjs-tidak_tahu = Boten mangertos
err-bpjs = Nyuwun milih salah satunggaling tombol.
err-bpjs-which = Kadaftar saking kantor/perusahaan, utawi mbayar piyambak (BPU mandiri)?

ask-dtks = Menapa kulawarga Panjenengan kadaftar ing { $registry }, tuladhanipun nampi PKH, BPNT/sembako, utawi PBI BPJS Kesehatan?
    Saged dipun cek ing cekbansos.kemensos.go.id utawi aplikasi Cek Bansos.
ask-heirs = Menapa Panjenengan gadhah putra umur sekolah (dereng 23 taun) ingkang dados tanggelan?
btn-yes = Inggih
btn-no = Boten
btn-dont-know = Boten mangertos
err-yes-no = Nyuwun dipun wangsuli Inggih utawi Boten.
err-yes-no-dk = Nyuwun dipun wangsuli Inggih, Boten, utawi Boten mangertos.

ask-phone = Nomer HP ingkang saged dipun hubungi petugas kelurahan? Pareng dipun langkungi.
ask-phone-type = Mangga serat nomer HP, tuladha: 0812 3456 7890.
btn-share-phone = 📱 Kintun nomer kula
btn-skip = Langkungi
err-phone = Nomer HP dereng leres. Tuladha: 0812 3456 7890 utawi +62 812 3456 7890.
phone-none = boten dipun isi

summary = Ringkesan wangsulan Panjenengan:
    • Asma: { $name }
    • NIK: { $nik }
    • Yuswa: { $age } taun
    • Papan panggenan: Kelurahan { $kelurahan }, Kecamatan { $kecamatan }
    • Pedamelan: { $occupation }
    • BPJS Ketenagakerjaan: { $bpjs }
    • DTKS/DTSEN: { $dtks }
    • Putra umur sekolah: { $heirs }
    • Nomer HP: { $phone }
    Sampun leres? Menawi wonten ingkang lepat, pilih ingkang badhe dipun ewahi.
list-summary = Pilih
btn-confirm = ✅ Leres, lajeng
edit-name = Ewahi asma
edit-nik = Ewahi NIK
edit-age = Ewahi yuswa
edit-kelurahan = Ewahi kelurahan
edit-occupation = Ewahi pedamelan
edit-bpjs = Ewahi BPJS
edit-dtks = Ewahi DTKS/DTSEN
edit-heirs = Ewahi putra sekolah
edit-phone = Ewahi nomer HP
err-summary = Pencet "Leres, lajeng" utawi pilih wangsulan ingkang badhe dipun ewahi.
ask-which-edit = Wangsulan pundi ingkang badhe dipun ewahi?

tri-ya = Inggih
tri-tidak = Boten
tri-tidak_tahu = Boten mangertos

stopped-intro = Pitakenan kita kendelaken wonten ngriki, amargi wangsulan salajengipun boten badhe ngewahi asilipun.
btn-file = 📨 Aturaken usulan
btn-edit = Ewahi wangsulan
btn-info = Katrangan program
btn-menu = Menu utami
btn-cancel = Batal
btn-status = Cek status
btn-help = Pitulungan

filed = Usulan Panjenengan sampun dipun kintun.
    Nomer usulan: { $ref }
    Status: { $status }
    Salajengipun: { $next }, kalebet nyocogaken data DTKS/DTSEN. Putusan (dipun setujoni, dipun tolak, utawi dipun suwuni katrangan) badhe dipun kintun dhateng chat menika. Simpen nomer usulan kangge cek status sawanci-wanci mawi /status.
nik-already-filed = NIK menika mboten saged dipun usulaken malih wonten ing ngriki. Ingkang gadhah NIK saged mirsani status usulanipun kanthi /status saking akunipun piyambak, utawi nyuwun pirsa dhateng kantor kelurahan.

status-pending = ngentosi pamriksan lurah
status-info_requested = lurah nyuwun katrangan tambahan
status-waitlisted = mlebet daftar tunggu (kuota saweg kebak)
status-approved = dipun setujoni, saweg dipun daftaraken dhateng BPJS Ketenagakerjaan
status-registered = kadaftar dados peserta
status-rejected = boten dipun setujoni
status-withdrawn = dipun batalaken
status-expired = wekdal pangayoman sampun telas
status-own = Usulan Panjenengan:
status-line = • { $ref } — { $status }
      Kelurahan { $kelurahan }, dipun aturaken { $date }, NIK { $nik }
status-line-note = • { $ref } — { $status }
      Kelurahan { $kelurahan }, dipun aturaken { $date }, NIK { $nik }
      Cathetan: { $note }
status-line-covered = • { $ref } — { $status }
      Kelurahan { $kelurahan }, NIK { $nik }
      Pangayoman wiwit { $start } dumugi { $end }
btn-other-ref = Cek usulan sanes
ask-ref = Serat nomer usulan, tuladha: PJK-7K3Q9.
err-ref = Nomer usulan dereng leres. Wujudipun PJK- lajeng 5 aksara/angka, tuladha: PJK-7K3Q9.
ask-last4 = Kangge kaamanan, serat 4 angka pungkasan NIK ingkang dipun usulaken.
err-last4 = Nyuwun serat pas 4 angka.
err-ref-not-found = Nomer usulan lan 4 angka NIK menika boten cocog kaliyan data kita.
err-too-many-lookups = Kakathahen cobi dinten menika. Mangga dipun cobi malih benjing, utawi pitaken dhateng kantor kelurahan.

dataku-person = Data Panjenengan ing Siaga:
    • Akun: { $channel } { $id }
    • Basa: { $locale }
    • Persetujuan data: { $consent }
    • Kersa nampi pangeling/siaran: { $broadcast }
dataku-consent-yes = sampun dipun paringaken (versi { $version }, { $date } WIB)
dataku-consent-no = dereng dipun paringaken
dataku-draft = Wangsulan pamriksan ingkang dereng dipun kintun (dipun busak piyambak sasampunipun { $days } dinten):
    • Asma: { $name }
    • NIK: { $nik }
    • Nomer HP: { $phone }
dataku-nominations = Usulan:
dataku-unclear = Seratan ingkang dereng dipun mangertosi Siaga: { $count } (dipunsimpen kasamar, tanpa NIK, nomer HP saha asma, dangunipun { $days } dinten supados Disnaker KUKM saged mucal Siaga mangertosi).
dataku-footer = Kangge mbusak sedaya data menika, serat /hapus.

hapus-confirm = Mbusak sedaya data Panjenengan ing Siaga (wangsulan, persetujuan, lan akun chat menika)? Menika boten saged dipun wangsulaken.
hapus-confirm-active = Mbusak sedaya data Panjenengan ing Siaga? Usulan ingkang taksih lumampah ({ $refs }) badhe DIBATALAKEN rumiyin, lajeng data dipun busak. Menika boten saged dipun wangsulaken.
btn-delete-yes = Nggih, busak data
btn-delete-no = Boten sida
hapus-done = Data Panjenengan sampun dipun busak lan usulan ingkang lumampah sampun dipun batalaken. (Data peserta ingkang sampun kadaftar ing BPJS tetep dipun simpen Pemkot minangka arsip miturut aturan.) Matur nuwun sampun ngginakaken Siaga.
hapus-cancelled = Inggih, boten wonten ingkang dipun busak.

ask-lang = Pilih bahasa / Choose a language / Pilih basa:
lang-name-id = Bahasa Indonesia
lang-name-en = English
lang-name-jv = Basa Jawa
lang-set = Basa sampun dipun gantos dados Basa Jawa.
err-lang = Pilih salah satunggaling basa saking tombol.

button-expired = Tombol menika sampun boten laku. Mangga wangsuli pitakenan pungkasan ing ngandhap menika.
too-long = Pesenipun kadawan. Nyuwun dipun wangsuli cekak kemawon.
empty-message = Pesenipun kosong.
offer-help = Katingalipun wonten kangelan. Serat /bantuan kangge pitedah, /batal kangge mandheg, utawi pitaken langsung dhateng kantor kelurahan.
cancelled = Dipun batalaken. Wangsulan ingkang dereng dipun kintun sampun dipun busak.
nothing-to-cancel = Boten wonten proses ingkang saweg lumampah.
unknown-command = Prentah menika boten kawastanan. Serat /bantuan kangge daftar prentah.

verdict-short-likely_eligible = kinten-kinten nyekapi sarat
verdict-short-needs_review = perlu dipriksa
verdict-short-not_eligible = dereng nyekapi sarat
lurah-new-nomination = Usulan enggal ing Kelurahan { $kelurahan }: { $ref } atas nami { $name } ({ $verdict }). Serat /antrian kangge mriksa.
lurah-new-nominations = { $count } usulan enggal ngentosi pamriksan ing Kelurahan { $kelurahan }: { $refs }. Serat /antrian kangge mriksa.
lurah-new-nominations-more = { $count } usulan enggal ngentosi pamriksan ing Kelurahan { $kelurahan }: { $refs } lan { $more } sanesipun. Serat /antrian kangge mriksa.

tg-command-start = Miwiti lan menu utami
tg-command-status = Cek status usulan
tg-command-bantuan = Pitulungan
tg-command-batal = Batalaken proses
tg-command-ulang = Miwiti cek saking wiwitan
tg-command-bahasa = Gantos basa
tg-command-dataku = Data kula ing Siaga
tg-command-hapus = Busak data kula

err-which-edit = Pilih wangsulan ingkang badhe dipun ewahi saking tombol ing ngandhap.
error-generic = Nyuwun pangapunten, wonten kalepatan ing sistem kita. Wangsulan Panjenengan saderengipun tetep kasimpen; mangga kintun malih pesen pungkasan, utawi serat /bantuan.
error-storage-full = Nyuwun pangapunten, Siaga saweg boten saged nyimpen punapa-punapa (panyimpenan server kebak). Pesen pungkasan Panjenengan dereng kasimpen; wangsulan saderengipun aman. Mangga kintun malih mangke.
error-database-down = Nyuwun pangapunten, Siaga saweg boten saged nyambung dhateng basis datanipun. Pesen pungkasan Panjenengan dereng kasimpen; wangsulan saderengipun aman. Mangga kintun malih sakedhap malih.

# WhatsApp
wa-choose = Mangga pilih:
wa-list-open = Pilih
wa-reply-number = Wangsuli kanthi angka pilihan panjenengan.

# Short labels for buttons (WhatsApp: at most 20 characters)
btn-occ-OJOL = ojol
btn-occ-OJEK_PANGKALAN = ojek pangkalan
btn-occ-TUKANG_BECAK = tukang becak
btn-occ-PEDAGANG = bakul / PKL
btn-occ-ART = rewang
btn-occ-BURUH_HARIAN = buruh harian
btn-occ-KONSTRUKSI = tukang bangunan
btn-occ-PERTANIAN = tani / buruh tani
btn-occ-NELAYAN = nelayan
btn-occ-SOPIR = sopir / kernet
btn-occ-JASA_LAIN = jasa sanesipun
btn-occ-KREATIF = pekerja kreatif
btn-occ-PEMUKA_AGAMA = pemuka agama
btn-occ-PU_ROLE = RT/RW, kader, lsp.
btn-occ-TIDAK_BEKERJA = boten nyambut damel
btn-occ-PELAJAR = pelajar/mahasiswa
btn-occ-FORMAL = pegawai/karyawan
btn-reason-domicile = Sanes warga ngriki
btn-reason-registry = Boten wonten DTKS
btn-reason-bpjs = Sampun gadhah BPJS
btn-reason-activity = Boten wonten usaha
btn-reason-data = Data boten cocog

## Tiyang ingkang nyerat: panyuwunan, pitakenan, lan ingkang dereng dipun mangertosi.
err-name-not-a-name = Menika kados-kados sanes asma. Sinten asma jangkep Panjenengan, miturut KTP? Tuladha: Siti Aminah.
which-one = Ingkang dipun karsakaken ingkang pundi? Pilih setunggal:
not-understood = Nyuwun pangapunten, Siaga dereng mangertos "{ $text }". Panjenengan saged milih salah setunggal ing ngandhap, utawi nyerat kanthi tembung sanes, tuladha "badhe daftar", "status usulan", utawi "pinten iuranipun?".
not-understood-again = Menawi taksih bingung, nyuwun pirsa langsung dhateng { $contact }.
thanks-reply = Sami-sami.
faq-premium = Iuran BPJS Ketenagakerjaan peserta Pro JKK-JKM, Rp{ $premium } saben wulan, dipun bayar Pemkot Madiun dangunipun { $months } wulan. Peserta boten mbayar punapa-punapa.
faq-death = Menawi peserta seda sanes amargi kacilakan nyambut damel (JKM), ahli waris nampi santunan Rp{ $jkm }. Menawi seda amargi kacilakan nyambut damel (JKK), santunanipun Rp{ $jkk_death }. Kalebet beasiswa kagem ngantos { $children } putra menawi masa iur sampun { $years } taun. Kangge nglapuraken kabar lelayu utawi kacilakan, serat "kabar".
faq-accident = Menawi peserta ngalami kacilakan nyambut damel (JKK), biaya rawatan dipun tanggung miturut kabetahan medis ngantos saras. Menawi seda amargi kacilakan nyambut damel, ahli waris nampi Rp{ $jkk_death }. Enggal lapuraken dhateng BPJS Ketenagakerjaan lan Disnaker KUKM. Kangge nglapuraken kabar lelayu utawi kacilakan, serat "kabar".
faq-requirements = Syarat Pro JKK-JKM: warga Kota Madiun yuswa { $min }–{ $max } taun, manggen ing Kota Madiun, kadaftar { $registry }, gadhah kagiatan ekonomi (ojol, bakul, ART, buruh, lan sapanunggalanipun), lan dereng kadaftar BPJS Ketenagakerjaan lumantar pemberi kerja.
faq-quota = Kuota winates: per { $as_of } wonten { $participants } peserta lan taksih { $remaining } papan. Lurah ingkang ngusulaken warga.
faq-scholarship = Beasiswa kaparingaken dhateng ngantos { $children } putra peserta ingkang seda, menawi masa iuripun sampun { $years } taun. Ageng alitipun miturut jenjang sekolah.
faq-duration = Pangayoman lumampah { $months } wulan wiwit peserta kadaftaraken dhateng BPJS Ketenagakerjaan, lan saged dipun panjangaken miturut kuota taun salajengipun.
faq-who_decides = Warga ngajukaken piyambak lumantar Siaga utawi kantor kelurahan; lurah mriksa lan ngusulaken, lajeng Disnaker KUKM ndaftaraken dhateng BPJS Ketenagakerjaan miturut kuota. Status saged dipun cek sawanci-wanci kanthi "status".
faq-registry = Salah setunggal syaratipun kadaftar { $registry } (data kesejahteraan sosial). Menawi dereng mangertos, nyuwun pirsa dhateng kelurahan utawi pilih "Boten ngertos" nalika dipun pitakenaken; petugas badhe mriksa.

## Nyuwun pirsa petugas: pitakenan warga dhateng petugas, lan wangsulanipun.
ask-officer-question = Mangga serat pitakenan Panjenengan kagem petugas ing setunggal pesen. Petugas kelurahan (utawi Disnaker KUKM) badhe mangsuli ing chat menika.
err-officer-question = Pitakenanipun dereng kawaos. Serat pitakenan Panjenengan mawi tembung, tuladha: "Garwa kula sakit, saged dipun wakili?"
ticket-opened = Pitakenan Panjenengan sampun dipun aturaken dhateng petugas (tiket #{ $id }). Wangsulanipun badhe dumugi ing chat menika.
ticket-no-officer = Pitakenan Panjenengan sampun kacathet (tiket #{ $id }), nanging dereng wonten petugas ingkang saged mangsuli lumantar chat. Menawi enggal, hubungi { $contact }.
ticket-still-open = Pitakenan Panjenengan ingkang rumiyin (tiket #{ $id }) taksih dipun tangani petugas. Wangsulanipun badhe dumugi ing chat menika.
ticket-officer-says = { $role }: { $text }
    (Wangsuli ing mriki kagem mangsuli petugas. Serat /menu kagem wangsul dhateng layanan Siaga.)
ticket-closed-rate = Pirembagan kaliyan petugas (tiket #{ $id }) sampun dipun tutup. Sepinten mbiyantu wangsulanipun? Pilih 1 (boten mbiyantu) ngantos 5 (sanget mbiyantu).
ticket-rated = Matur nuwun sampun paring biji.
officer-role-kelurahan = Petugas Kelurahan { $kelurahan }
officer-role-dinas = Petugas Disnaker KUKM Kota Madiun
btn-ask-officer = 🙋 Matur petugas

## Nyuwun pirsa petugas: pesen swanten, foto lan berkas; jam kantor; wekdal sepi.
media-named = { $kind }{ $length }
media-kind-voice = pesen swanten
media-kind-audio = rekaman swanten
media-kind-photo = foto
media-kind-video = video
media-kind-document = berkas
media-kind-sticker = stiker
media-kind-location = lokasi
media-kind-contact = kertu kontak
media-kind-other = pesen
media-offer-officer = Siaga dereng saged mirengaken utawi maos { $kind } menika. Kintunaken dhateng petugas kelurahan (utawi Disnaker KUKM) supados dipun wangsuli tiyang?
btn-send-to-officer = 📨 Kintun petugas
media-not-forwarded-sticker = Stikeripun sampun dumugi 🙂 Siaga namung maos seratan lan tombol; mangga serat menapa ingkang dipun betahaken.
media-not-forwarded-location = Lokasi boten dipun betahaken. Menawi dipun pitakeni papan dalem, serat nami kelurahanipun, tuladha "Kelun".
media-not-forwarded-contact = Kertu kontak boten saged dipun ginakaken ing mriki. Kagem nomer Panjenengan piyambak, pencet tombol Bagikan nomer utawi serat nomeripun.
media-not-forwarded-other = Pesen jinis menika boten saged dipun waos utawi dipun aturaken. Serat pitakenanipun mawi tembung, utawi kintun pesen swanten.
media-too-long = { $kind } menika panjang sanget kagem dipun aturaken: petugas nampi paling dangu { $minutes } menit. Nyuwun kintun ingkang langkung cekak, utawi serat pitakenanipun.
media-too-big = { $kind } menika ageng sanget kagem dipun aturaken (paling ageng { $mb } MB). Nyuwun kintun ingkang langkung alit, utawi serat pitakenanipun.
photo-id-advice = Nyuwun sampun ngintun foto KTP, KK, utawi dokumen identitas sanesipun lumantar chat (pitutur Dukcapil): datanipun saged dipun salahginakaken. Siaga boten nyimpen foto; petugas namung mirsani ing chat.
ticket-after-hours = Sapunika njawi jam kantor petugas; wangsulan paling enggal { $day } { $date } wiwit jam { $time } WIB.
ticket-held-citizen = { $role } sapunika mangsuli pitakenan Panjenengan (tiket #{ $id }). Pesen Panjenengan salajengipun langsung dumugi petugas, Siaga meneng rumiyin. Kagem wangsul dhateng Siaga, serat "rampung".
ticket-media-added = Berkas menika dipun tambahaken dhateng pitakenan Panjenengan (tiket #{ $id }) lan dipun aturaken dhateng petugas.
ticket-quiet-closed = Pirembagan kaliyan petugas (tiket #{ $id }) dipun tutup amargi dangu boten wonten pesen. Panjenengan dipun ladosi Siaga malih.
ticket-quiet-released = Petugas dereng sempat mangsuli tiket #{ $id }; pitakenanipun wangsul dhateng antrean lan badhe dipun wangsuli petugas salajengipun. Sauntawis Panjenengan dipun ladosi Siaga malih.
media-expired = (Berkas ingkang dipun kintun sesarengan pesen menika sampun boten wonten: tiketipun sampun dipun tutup utawi sampun dangu sanget.)
media-unavailable = (Berkas ingkang dipun kintun sesarengan pesen menika boten saged dipun pendhet: sampun kedaluwarsa utawi ageng sanget. Nyuwun dipun kintun malih.)
weekday-0 = Senin
weekday-1 = Selasa
weekday-2 = Rebo
weekday-3 = Kemis
weekday-4 = Jemuwah
weekday-5 = Setu
weekday-6 = Ahad
ticket-text-added = Pitakenan menika dipun tambahaken dhateng tiket #{ $id } lan dipun aturaken dhateng petugas.
filed-next-lurah = lurah Kelurahan { $kelurahan } nampi usulan menika dinten menika lan badhe mriksa
filed-next-dinas = Kelurahan { $kelurahan } dereng gadhah petugas peninjau ing Siaga, pramila Disnaker KUKM ingkang nampi usulan menika lan badhe ngaturaken dhateng kelurahan kagem dipun priksa
gap-waiting = { $name } ({ $count } nengga)
joined = { $a }, { $b }
admin-no-reviewer = ⚠️ Usulan { $ref } mlebet saking Kelurahan { $kelurahan }, ingkang dereng gadhah petugas peninjau ing Siaga. Undang lurahipun mawi /undang { $kelurahan }, utawi priksa piyambak lumantar /antrian { $kelurahan }.
admin-gaps-daily = ⚠️ { $count } kelurahan gadhah usulan ingkang nengga nanging dereng gadhah petugas peninjau: { $names }. Undang lurahipun mawi /undang NAMI_KELURAHAN.
stats-gaps = Kelurahan tanpa petugas peninjau ({ $count }): { $names }.

# A forwarded file the platform would not take (issue 26 item 10): to its reader, and to whoever sent it
media-not-passed = (Nyuwun pangapunten, { $kind } ingkang dipun kintun sesarengan pesen menika boten saged dipun terusaken. Nyuwun tulung dipun suwunaken dhateng ingkang ngintun supados dipun kintun malih.)
media-refused-resend = Nyuwun pangapunten, { $kind } ingkang panjenengan kintun kangge tiket #{ $id } boten saged dipun terusaken. Nyuwun dipun kintun malih, utawi dipun serat isinipun.

# WhatsApp, outside the 24-hour window (issue 26 item 9). Meta has no Javanese templates: a
# Javanese speaker gets the Indonesian template with the Indonesian words; these keep the set whole.
news-about-nomination = usulan Pro JKK-JKM
news-about-question = pitakenan dhateng petugas
news-about-claim = lapuran kabar sungkawa utawi kacilakan
news-about-scholarship = beasiswa putra peserta
news-about-coverage = pangayoman BPJS Ketenagakerjaan
news-about-other = layanan Pro JKK-JKM
btn-news-read = Waos pesen
news-none = Boten wonten pesen ingkang ngentosi panjenengan; sedaya sampun dipun kintun.

pick-a-number = Nyuwun pilih nomer 1–{ $n }, utawi pencet salah setunggal tombol ing ngandhap menika.
status-list-next = Mriksa usulan sanesipun, utawi wangsul dhateng menu utama?
