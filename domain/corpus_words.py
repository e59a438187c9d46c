"""The training corpus's words per language (issue 27), written by `python -m
tests.corpus_words` from tests/cases: do not edit by hand. Name answers and the held-out
sets are left out."""

from __future__ import annotations

_WORDS = {
    "id": """
abang abis acara accident ad ada adik admin ah ahli aj aja ajukan akhir akhirnya akta aktif
aktifin aktifkan aku akun alaikum alamat alasannya almarhum almarhumah alun alun-alun aman ambil
ambulans amit an anak anaknya anggota angka angkanya angkot angkut anjing ank antar anu ap apa
apaan apakah apapun aplikasi aplikasinya art asal asdf asdfgh asdfjkl asisten asli aslinya ass
assalamu assalamu'alaikum assalamualaikum asslm asslmkm atap atas atau awal ayah baby baca
bahasa baju bakar bakso balas bales balik balok ban banget bango bangun bangunan banjar
banjarejo banjir bank bansos bantu bantuan bantuannya banyak bapak baru barusan basa basi batal
batalin batalkan batam batas batre batu bawa bawaan bayar bayarin bayarnya bbm beasiswa
beasiswanya beasiwa bebek becak beda bedanya begini bekas belas beliau belom belum benar bener
beneran benerin benernya bengkel bentar berangkat berantai berapa berarti beras berhak berhenti
berhentiin berhentinya berisik berkebutuhan berkeluarga berlaku berlakunya berlangganan
berlkunya bersedia bersih bertanya berubah besar besok betul bgt bhs biar biasa biasanya biaya
biayanya bicara bike bikin bilang bingung bio bis bisa blh blm blt bnyak bnyk bocor boleh
bongkar bos boso bot botnya bpjs bpk bpnt bpu brapa broadcast brosurnya brp brpa bsiswa btw bu
buat buka bukan bulan bulanan bunga bungsu buruh bus buta butuh byar cabe cabut cacat cair
cairnya cara caranya cari caruban cat cedera cek cekk cepat cerai cerita chat cinta coba cocok
covid cr cs cuci cucu cukup cukur cuma dafatr daftar daftarin daftarkan daftarnya daftarr
daftarrr daftr dagang dan dapat dapet daptar dari dasar data dataku datanya deh dekat deket
delapan demangan dengan dengar depan derek desain dfatar dftar dftr dgn di dia diajukan
diaktifkan diapain dibantu dibatalin dibatalkan dibawa dibayar dibayarin dibenerin dibuka dicek
dicoret dicover didaftarin didaftarkan difabel diganti digigit dihapus dihentikan dihitung
dihubungi dihubungkan diingetin diisi dijahit dikabari dikaruniai dikasih dikirim dikirimi
diklaim dimana dimatikan dinas ding dini dipakai dipanggil diperpanjang diproses diputuskan
dirawat diri disabilitas disalahgunain disambungkan disebar disetujui disimpan diskon diskusi
disnaker ditanggung ditanggungnya ditangung ditanya ditarik ditelpon diterima ditinggal ditolak
diubah diupdate diurus diusulkan diverifikasi dkt dokumen dong dongg dpt dr driver dta dtks
dtsen dtsk dtsn dua duit duka dukcapil dulu dunia e-ktp eh empat enak enam enggak english entah
es film foto freelancer full ga gabah gabung gacor gaji gak gali galon ganti gantiin gaptek gara
garap gartis gas gatau gausah gaya genteng gerinda gerobak gigi gimana gini gk gmn gmna gojek
gorengan got gpp grab gratis gratisss grup guru habis hai hallo halo haloo halooo hama hamil
hampir hapsu hapus hapusin harga hari harian harjo harus harusnya hasil hasilnya hati hatur haus
hay hehe hei helo hidup hidupkan hilang hmm hmmm home honorer horor hp hps hpus hubungi
hubungkan hujan huruf hy ibu ijin ikan ikt ikut ikutan inap indo indomaret indonesia info
infonya informal informasi ingatkan ingetin inggris ingin ini innalilahi innalillahi inpo
intinya irt isi istri itu iuran iuranny iurannya iuranya iurn iya iyaa izinkan jadi jadwal jahit
jalan jam jaminan jamu janda jangan jantung jarang jari jasa jatahnya jatuh jawa jawab jawaban
jd jelas jelasin jelaskan jenazah jenjang jgn jht jiwan jkjkjk jkk jkm jmo josenan jowo jth jual
jualan juga jukir juragan juru juta k kabar kabari kabarin kabarnya kabupaten kader kak kakak
kaki kakinya kakk kalau kalian kalo kamar kambing kambuh kami kan kanigoro kantor kantoran kapan
karena kartoharjo kartu kartunya karyawan kasih kata katanya kayu kbr kcelakaan kclakaan ke
kebagian kebanyakan keberatan kec kecamatan kecapekan kecelakaan kecelakan kecewa kecil kedua
kehapus kejuron kel kelas kelayakan keliling keliru kelontong keluar keluarga keluarganya kelun
kelurahan kelurahannya kemarin kematian kematiannya kembali kena kenal kenapa kentut kepala
kepesertaan kepikiran keponakan keputusan kereta kerja kerjaan kerjasama kernet kerupuk
kesehatan kesejahteraan keserempet kesetrum kesiram ketabrak ketakutan ketawa ketemu
ketenagakerjaan keterangan ketiban ketik ketok ketua keuntungannya khusus kidul kira kirim
kirimi kirimin kirm kis kk kkkkkk kks kl klaim klaimnya klegen klik klo kmatian kmrn kok
komplain konsernya konslet konsultasi kontak kontrak kopi kosongin kota kouta kpn krim kriteria
kriterianya krj krja krn ktabrak ktp ku kubur kue kuli kuliah kuncen kunci kuota kuotanya kurang
kuta kyk lagi lahir lain lalu lama lampu langganan langsung lanjut lanjutin lanjutkan lapak
lapor las layak layarnya lebih lele lengkap lepas lewat lewati lg lho liat liburan lihat lima
link linmas lintas listrik lma lor luar luka lulus lumpuh lupa lurah m maaf macet madiun
madiunlor magic mahasiswa majikan makaci makam makan makanan makasi makasih makenya maksih
maksimal maksud maksudnya malam malem mana mandi mandiri mandor manfaat manfaatnya mangu
manguharjo manis manisrejo mantan mantap manusia marbot mas masa masalah masang masih masjid
masuk masukkan mata material mati matiin matikan matur mau mauu maxim maxwin membantu memutuskan
menanyakan mendadak mendaftar menentukan mengajukan mengganggu mengizinkan mengurus menikah
meningal meninggal meninggalnya menolak menu merah mertua mesin met mikir milih mimin min minat
minggu minimal minn minta minyak misi mitra mkasih mksh mksi mlm mnggl mningal mninggal mo mobil
modal modin mogok mohon mojo mojorejo montir motor motornya msh muatan mudeng mulai mulyo
mungkin murah musibah musiman mutusin mw nama namanya nambangan nanem nanti nanya narik nasi
nelayan nelpon nentuin nerusin netra ngabarin ngaji ngajuin ngaku nganggur nganter ngapain
ngapus ngasuh ngecek ngegofood ngegong ngekos ngeluh ngerti ngetik nggak ngisi ngobrol ngojek
ngomong ngontrak nguli ngurus ngusulin nih nik nikah niknya nntuin no nolak nomer nomor nomornya
notif notifikasi notifnya nuhun nulis nulisnya numpang nunggak nuwun nya nyala nyalain nyalakan
nyambi nyantol nyari nyaris nyetrika nyetujui nyopir nyuci off ogah oh ojek ojol ok oke ombo on
ongkosnya online opang operator opname orang orangnya orderan oro oro-oro ortu otomatis otw p
pabrik pacar pada padahal padi pagi pagii pagiii paham pak pakai pakainya pake panas pandean
panduan panggilan panggul pangkalan pangongangan parkir pas pasar pasir pasti patah patihan pbi
pecel pedagang pegawai pekerja pekerjaan pekerjaannya pemakaman pembantu pemerintah pemilihannya
pemilik pemkot pemulung pencet pendaftaran pendaftarannya pendatang pendidikan penerima pengamen
pengaruh pengen penggali pengingat pengingatnya pengobatan penjaga penjahit penjelasan penjual
pensiun pensiunan penuh penyakit penyandang perancah perbulan perempatan perlindungan
perlindungannya perlu permisi pernah persetujuan persyaratannya pertama pertanyaan perusahaan
pesan pesannya peserta pesertanya pesn petang petani petugas petugasnya petunjuknya pgi pgn phk
pijat pikir pikiran pikun pilang pilangbango pilih pilihan pilihannya pindah ping pinjaman pintu
pisah pisau pjk pjk-a pkh pkl pngen pngn pns ponorogo pos posyandu potong potongan pppp premi
pribadi pro program programnya progrm promo proses prosesny prosesnya protes proyek proyekan prt
ptugas puasa pulang pulsa puluh pungutan punten punya puskesmas putus qw qwe qwerty rame rawat
rb register rejo rejomulyo rek remuk repot resmi retak rezeki ringan rojiun rokok rs rsud rt
rugi rumah rusak saat saja sakit salah salam saldo salinan sama sambung sambungin sambungkan
samlekom sampai sangat sankyu santnan santri santunan santunannya sapi satpam satu sawah saya
sayur sbln sd sdh se-rt sebarkan sebelum sebelumnya sebenarnya sebenernya sebentar sebulan
segini segitu sejak sekali sekarang sekian sekolah selamat semalam sembako sembilan sembuh
sementara sempat semua semuanya sendiri sengaja sepatu serabutan serangan sering serpihan servis
sesuai setahun setelah setrika setuju setujuu setujuuu shift shopeefood siaga siang siap siapa
siaran sih silakan sim simpan sini sinyal sip sisa sistem sitter situ skip skrg skripsi slamat
slb slmt slot sma smbungkn smk smp smpe soal sogaten sol sopir sore sosial sosialisasi sp spada
sssss stasiun status statusnya stauts stlh stop stopp stroke stts sttus suami subuh sudah suka
sukosari sungai supir surabaya suruh swasta sy sya syarat syaratnya syart syrt t tabrakan tabur
tadi tahu tahun taiwan takut taman tambal tampilkan tanaman tangan tangannya tangga tanggal
tanggungan tani tanpa tanya tanyakan tapi tarik tato tau tawang tawangrejo td tdk teh telat
telepon tembok temen tempat tengkyu tentang tepat terbaru terdaftar terganggu terhapus terima
terimakasih terimaksih terjepit termasuk terminal ternak ternyata tersimpan tertabrak tertidur
terus tes test tetangga tetap th thn thx tiada tiap tidak tiga tiktoker tinggal tiri tk tki tks
tlg tny toko tolong toloooong tp tpu tq trimakasih trims trmksh trs truk trus ttg tu tua tujuh
tukang tulang tulis tuna tunarungu tutup typo uang uangnya ubah udah udh ulang umr umum umur
umurnya unsubscribe untuk update urut urutannya usah usaha usia usln ussulan usulan usulanku
usulannya utama utamanya utara utk verifikasi wa wabarakatuh waduk wafat wainnailaihi wakilkan
waktu warahmatullahi waris warisnya warung wb wifi wingi winongo wis wkwk wkwkwk wr wudhu xxx
xyz y ya yaa yakin yang yaudah yg yo yup
""",
    "jv": """
adhiku adol ahli aja ajeng akeh aktif aktifke aku alamat alfamart alit almarhum alun-alun alus
aman amargi amit-amit ampun ana anak anak-anak anake anakku andha anggotaku angsal anyar apa
apa-apa arep arta asma assalamualaikum asta asu awan babagan badhe bakul bali banjarejo bansos
bantuan bapak bapake bapakku bar basa bata batal batur bayar bayare beasiswa beasiswane becak
becake beda bedane bener bengi bengkak bengkel benten beras berlaku berlakune biasa biaya bilih
bingung biyen blt bocah-bocah bocor bojo bojoku bokonge bongkar boso boten boyoku bpjs bpjse
bpjsku bpkku bu budhal buruh busak busaken butuh cacat cair carane caranipun caruban ceblok cek
cekap cerai ceritakno cetha chat chate cidera ciloko cocok colt covid cukup dadi dados dadose
daftar daftare daging dalan dalang dalu damel dangu dangunipun dasa data dataku dawet dereng
deres dhateng dhawah dhewe dheweke dhuwitku diajari dibantu dibatalke dibayari dibikak dibukak
dibusak dicoret didaftarke dietung difabel diisi diitung dijahit dikabari dikirim dikirimi
dilewati dinas dinten dipateni dipun dipunbatalaken dipunbayar dipunbuka dipunbusak
dipunelingaken dipunicali dipunjamin dipunkabari dipunkintun dipunkintunaken dipunkintuni
dipunpanjangaken dipunrawat dipunsambungaken dipunsimpen dipuntaken dipuntampi dipuntanggung
dipuntedahaken dipuntolak disambungke disetujoni disetujui disimpen ditabrak ditanggung ditutup
diusulke diwenehke dodolan donya donyo driver dtks dtks-e dtsen dudu duit duka dulur dumugi
durung duwe e el eling-elingna embuh emoh endi enjang enjing entek es esuk eyang fotone gadhah
galon gangsal ganti gantos garwa gawe gaweanku gelem gendong genteng gergaji gerinda giling
gojek golek gorengan got grab gram gratis griya hai halah halo hapus hapusen hehehe hmm hooh hp
hpku ibu iki ilang ilangana indonesia info infone ing inggih inggris ingkang injih injing
innalillahi ipun isih iso iurane iuranipun iyo jahit jajan jakarta jamu jatah jatahe jawa jawab
jawi jenenge jenengku jenjang jkk jkm josenan jowo juraganku juru kabar kabar-kabare
kabar-kabaripun kabarana kabare kabari kabeh kabupaten kacilakan kados kae kakangku kakung kali
kalih kaliyan kaluwarga kamar kampung kanca kancaku kangge kangmas kanigoro kantor kapan
kapundhut karepku karo kartoharjo kartuku katabrak katampi katrangan katrangane kayu kcelakaan
kclakaan kebagian kebak keblangsak kebusak kecamatan kecamatanku kecelakaan kecemplung kecepit
kecokot kedah kegiles keiris kejegur kejepit keluargane kelun kelurahan kelurahane kelurahanku
kemawon kena kenging kepareng kepencet kepengin keplorot kerja kerjaku kerjan kersa kertu
kertuku kesehatan keseleo kesetrum kesiram kesrempet kesupen ketabrak ketanggung ketiban
ketiduran ketua ki kidul kilap kintun kintunaken kintunana kirang kirim kk kk-ku klaim klaime
klaimipun klapa klebon klegen kleru kok kono konsultasi krama krungu krupuk ktp ktp-ku ku
kuburan kudu kula kulawarga kuli kuliah kulo kulonuwun kuncen kunci kuota kuotane kutha kuwi
laden lading lagi laire lairku lali lami lampu lampune lanang langkung langsung lanjut lapor
lara lare lare-lare lawang lawas lenga lepat leren leres lewat lho likur lila lilakaken lima
listrik listrike liwati liya lombok lor loro lowbat luar lur lurah luwih macul madiun maem
magetan maksimal maksude maksudipun malih mandeg mandheg mandheg-mandheg mandhegna mandi mandiri
maneh manfaate mangan mangertos mangga manggen manggon mangke manguharjo maos margi markir mas
masa masalah masang mati matur maturkesuwun maturnuwun matursuwun mau mawon mbak mbakku mbakyuku
mbaleni mbayar mbayare mbayari mbecak mbok mbokku mboten mburuh mbusak meh melu menapa menawi
menehi menek mengko menika mentas menu merga mertua mertuaku mesin mesjid mesthi metu milih min
minggu mlaku mlebet mlebu mobil monggo montor montore montorku motor mpun mracang mripatku
muatan mudeng mudheng mung musim mustakanipun mutusaken mutusi nalika nambangan nami nampa nampi
namung nanging napa narik nate ndaftar ndaftaraken ndaftarke ndalu ndandani ndeleng ndelok
nderek nek nembe nemtokake neng nerusake nerusaken ngabari ngagem ngajeng ngajokke nganggo
nganggur nganti ngantos ngapa ngapunten ngarep ngarit ngaturaken ngawur ngecek ngegong ngelas
ngeling-elingi ngendi ngene ngerti ngertos ngeteraken ngeterke ngetik nggali ngganggu ngganti
nggarap nggih nggo nggoleki nggoling nggoreng ngintun ngirim ngirim-ngirim ngirimi ngiris ngisi
ngisikaken ngladeni ngojek ngolehi ngomong ngowahi nguli ngurus ngurusi ngusulke nik niki nikku
niku ning ninggal njahit njaluk njawab njobo nomer nomere nomerku notif nukang nuwun nyambut
nyapu nyopir nyuwun ojol oleh omah omahe omahku ombo online ono operasi opname ora oro otomatis
pa pabrik paham pak pak'e pakaryan pakaryane pakdheku paket paklik paling panas panggonan
panjenenganipun papat paringi parkir pas pasar patah patang patek pateni pati patihan patos
pawartos payon pecel peken pemkot pendaftaran pendaftarane pengen pengin pengingat pengingete
pensiunan perancah perlindungane perlindunganipun perlu perusahaan pesen pesenan peserta petugas
petugase phk pikantuk pilangbango pindhah pindhahan pinten pira pirang pirsa pisah pit
pitakenanipun pitikku pitu pitulung pitulungan piyambak piyambakipun piye pkh pln potongan
pripun pro program programe programipun prosese prosesipun proyek ptah pulsa puluh pundi
pungutan punten purun puskesmas putra putusaken ra rabi ragad ragade ragatipun rapopo rasah rayi
rebo rega rek rencang rewang robot rong rs rsud rt rumah rumiyin rungu rw saben sabin sade sae
saged sah saiki sak saka sakderengipun sakdurunge saking sakit sakite sakmenika sakwise salah
sambungke sampun sanes sanga sangalas sanget sangka santunan santunane santunanipun sapa sarate
sarujuk sasi sawah sayur sd sdh seda sedane sedanten sedaya sedo sega sekawan sekedap sekedhap
seket sekolah selawe semanten sembah sembako semester senin sepuh sepurane serabutan setaun
setuju setunggal sewidak sewu sewulan siaga siang siaran sida sido siji sik sikil sikile sikilku
simbah simbahku simbok simbokku sinden sing sinten sinten-sinten sios sirahe sisane siyang sma
smp sonten sore stasiun status stop stroke subuh sukosari suku sumur suwe suwene suwidak suwun
syarat-syarate syarat-syaratipun syarate syaratipun sèket ta tah takmir takon taksih taman
tangane tanganku tanggaku tanggal tanggane tani tau taun tawangrejo td teka tekan telas telpon
telu telung tempe tenaga tenan terus tiap tiba tigang tilar tingali tinggal tiriku tiwas tiyang
tk to toya truk tukang tulis tulung tumut tuna tuwa tuwaku udane umur umurku urip urupna usah
usulan usulane usulanku uwong wae wangsul wangsulan wangsuli waris warise warisku wau wedang
wedhi wektune weruh wingi wis wit wiwit wiwitan wkwk wngi wolu wolulikur wong wonten wulan ya
yen yo yuswa
""",
    "en": """
a about abroad absolutely accept acceptance accident accidentally account active actually add
address admin adults after afternoon again age agent ago agree agreeing ahead aid all allowed
almost already also am amount an and angkot announcements answer any anymore anything app
application applied apply applying appreciate appreciated approval approved approves are area
arrive as asdf ask asking asleep assistance at attendant away back bahasa bansos barber battery
be becak because been before benefit benefits between bike bills birthdays bot bpjs bpu
bricklayer broadcast broadcasts broke brother builder building bus business but buy by cadre
call can can't cancel cancelled cancelling car card caretaker carpenter carry casual change
changed changes charged charges chat cheap check checked checking cheers chickens child children
chit-chat chooses city civil claim clean clue collect comfortable company confused connect
consent construction contact content continue cool copy correct cost costs could count counted
counts cover coverage covered covid crash crashed creator curious cutoff dad daily data date
daughter day death decide decides decline delay delete deleted deleting deliver delivering
delivery did die died dies difference different disabilities disability disagree district do
does domestic don't drive driver drives driving dtks dtsen duration during dying education eight
eligibility eligible else employees employer end english enough enrol entered erase erased
evening every everything everything's explain factory fall family far farm farmer father fee
fees fell few fields fifty-two file fill find fine finish finished first fish fisherman five fix
followers food for foreigner forget forty forty-one forty-seven free friend from front fruit
full funeral g'morning general get gets getting give giving gm go gojek good got government grab
grown guaranteed gutter had haha hand handles happening happens has hasn't have hawker he head
health heard heir hello help helper helpful helps her here hey heyy hi high him his hit hiya
home hospital hospitals house housemaid houses housewife housewives how howdy human hurt husband
hypothetically i i'd i'll i'm i've id idea if illness imam in indonesia indonesian info informal
information informed injured injuries instructions insurance is isn't it it's javanese jkk jkm
job jobs join joining junior just k kartoharjo keep kejuron kelurahan kesehatan ketenagakerjaan
kids kidul killed kindly kk kks klegen know ktp labour labourer laid laid-off language laptop
last late later left leg legit let let's levels like limit limited list live lives living lol
long looks lose lost lot lurah m machine madiun maid main make makes manguharjo manisrejo many
market massages match maxim may me mean meaning meant meeting member membership menu message
messages messaging mind misspelled mistake money month monthly months more morning mosque mother
motorbike motorbikes moved much musician mute my myself nah nambangan name nanny near need
neighbour never new news next ngawi nice night nik nineteen no nomination none nope not nothing
notifications notify now number o occupation odd of off office officer ojol ok okay old oldest
on one online only open opens operator opt opted options other out over own owner owners paid
parents parking participant participants pass passed pay payout pays pedal pedicab people per
permission person personal phone photo pick ping pjk pkh places plastic please pls porter posted
posyandu power's pregnant premium pressed primary pro problem program proposed put qualifies
qualify question questions quit quitting quota quran qw raise rather re-register reach read
reading real really receive received receives refuse refusing register registered registering
registration registrations rejected rejomulyo remain remember remind reminder reminders remove
removed renewed reply report reporting requirement requirements reservoir retired retirees rice
rickshaw ride-hailing rider right road roof room rt run safe same say saying says scaffolding
scholarship school scrap see selected self-paid self-paying sell selling send sending sent
servant sew she shop short should show shows siaga sign sign-up signing sites sixty skip slots
small snacks so sogaten someone son soon sorry speak spelled spots staff stall start station
status stay stepdaughter still stop stopped stopping store stored story street stroke stuck
student studying stuff submit subscribe sure switch ta tailor take talk taman taxi teach tell
terminal text texting thank thanks that that'd that's the them there there's these they've thing
thirty-nine this three through thx tiktok tk to today told too town trader traffic truck trying
turn twenty twenty-eight two ty type typed tysm u understand unemployed uninstall university
unsubscribe until up updated updates us use vegetables vendor videos view village volunteer wa
wage wait want warung was way we weather week weeks welder welfare well were what what's when
where which while who why wife will wipe with withdraw within won wonder wondering work worker
workers working works wrong y yeah year years yep yes yesterday yet yo you
""",
    "mix": """
a acara accident account ada admin after aja aku alamat all already aman ana anak anakku andha
any apa apply approved are arep assalamualaikum away back badhe bahasa baju bakso balik banget
bapak bapakku baru bayar bayare beasiswa belum benefit bener bengi bengkel berapa berlaku bill
bingung bisa bojoku boleh bot bpjs bpu bro broadcast broke broken brp buat buka bukan bulan but
butuh by cancel car ceblok cek change chat check claim confused connect continue correct
coverage covered covid cukup cuma daftar dapat dari data dataku death decides delete di
di-delete died ditanggung do dong driver dropship dtks duka dulu durung e eligibility eligible
enak english enjing esuk explain family father fell for free from full ga gak ganggu gede get
gimana gini gmn gojek good got grab hai hallo halo hapus hello help helpful hi hit hospital how
hp human i if iki ikut ikutan in indo indonesia indonesian info infone ini injured injury
innalillahi intinya is iso it itu iuran iurannya iyo jadi jangan jatuh javanese jawa jkk jkm
join jowo jualan kabar kabari kalau kancaku kantor kapan karo kartu ke ke-delete kecelakaan keep
kelayakan kelurahan kemarin kena kerja ki kids kirim klaim kok kota ktp ku kula kuliah kuota
kuotane lagi lah lama lampu lanjut last late layar left leg lihat long luar lur madiun makasih
malam mana maneh masih mati matur mau mawon max mbokku me melu member meninggal menu met min
mind mo mom month months more morning mother much my narik needed neng never ngabari nganggur
ngerti ngirim ngobrol nguli ngurus nik no not notif now nukang nuwun nya off officer ojol ok
oleh on online opname opo or ora orang pagi pak pake pas passed patah pecah pengingat pensiunan
per perlu pesan peserta petugas phk pira piro piye pkh please pls plss posted posyandu pro
program programe prosese ra refund register rek remind reminder reply reseller respon roof rs rt
saiki salah sama sambungkan sampai sby scaffolding scholarship seda sekarang semua send setahun
setuju show sign sih sikil sikile since sini slot slow sore sorry status still stop story suami
suamiku subscribe sudah suwun sy syarate syaratnya ta tadi talk tanganku tanya tapi tau taun
teka tengkyu tentang thank thanks that thx time tk to tolong turn u udah umur umurku unsub up
update usah use usulan usulane usulanku very via wae want we what where who wingi wis wkwk ya
years yen yes yet yg you
""",
}
WORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _WORDS.items()}
