"""The training corpus's words per language (issue 27), written by `python -m
tests.corpus_words` from tests/cases: do not edit by hand. Name answers and the held-out
sets are left out."""

from __future__ import annotations

_WORDS = {
    "id": """
abis accident ad ada adik admin ah ahli aj aja ajukan akhir aktif aktifkan aku akun alamat
alasannya almarhum alun alun-alun aman amit anak anggota angka angkot angkut anjing ank antar ap
apa apaan apakah aplikasinya art asdf asdfgh asdfjkl asisten asli assalamu'alaikum
assalamualaikum atap atas atau awal ayah baby bahasa baju bakar bakso bales balik balok ban
bango bangunan banjar banjarejo bank bansos bantu bantuan banyak bapak baru barusan basa basi
batal batalin batalkan batas batu bawa bayar bayarin bayarnya beasiswa beasiswanya beasiwa becak
beda bedanya bekas belas beliau belom belum benar bener beneran benerin benernya bengkel bentar
berangkat berapa berarti berhak berhenti berhentiin berlaku berlakunya berlangganan berlkunya
bertanya berubah besar besok betul bhs biar biasa biasanya biaya biayanya bicara bike bikin
bingung bio bis bisa blh blm bocor boleh bongkar bos boso bot botnya bpjs bpk bpnt bpu brapa
broadcast brosurnya brp brpa bsiswa btw bu buat buka bukan bulan bungsu buruh byar cabe cabut
cacat cair cara caranya cari cek cekk cepat chat cinta cr cs cuci cucu cukup cukur cuma dafatr
daftar daftarin daftarkan daftarr daftarrr daftr dagang dan dapat dapet daptar dari dasar data
dataku datanya deh dekat deket delapan demangan dengan dengar depan derek desain dfatar dftar
dftr dgn di dia diapain dibantu dibatalin dibatalkan dibawa dibayarin dibenerin dibuka dicek
dicoret dicover didaftarin didaftarkan diganti digigit dihapus dihitung dihubungi diisi dijahit
dikasih dikirim dikirimi dimana dinas ding diperpanjang diproses diputuskan dirawat diri
disalahgunain disambungkan disebar disetujui disimpan diskon disnaker ditanggung ditanggungnya
ditangung ditanya ditelpon diterima ditolak diubah diupdate diverifikasi dkt dokumen dong dongg
dpt dr driver dta dtks dtsen dtsk dtsn dua duit duka dulu dunia e-ktp eh empat enak enam enggak
english entah film foto freelancer full ga gabung gacor gaji gak galon ganti gantiin gaptek gara
garap gartis gas gatau gaya genteng gerinda gigi gimana gk gmn gmna gojek gorengan gpp grab
gratis gratisss grup guru habis hai hallo halo hampir hapsu hapus hapusin harga hari harian
harjo harus hasil hasilnya haus hehe hidup hilang hmm hmmm home honorer horor hp hps hpus
hubungi hubungkan hujan huruf hy ibu ijin ikan ikt ikut ikutan inap indo indomaret indonesia
info infonya informal informasi ingetin inggris ingin ini innalilahi innalillahi inpo isi istri
itu iuran iuranny iurannya iuranya iurn iya iyaa jadi jadwal jalan jam jaminan janda jangan
jantung jari jatahnya jatuh jawa jawab jawaban jd jelasin jelaskan jgn jiwan jkjkjk jkk jkm
josenan jowo jth jual jualan juga jukir juru juta k kabar kabari kabarnya kabupaten kader kak
kakak kaki kakinya kakk kalau kalian kalo kambing kami kan kanigoro kantor kapan karena
kartoharjo kartu kartunya karyawan kasih katanya kayu kcelakaan kclakaan ke kebagian keberatan
kec kecamatan kecapekan kecelakaan kecelakan kecil kehapus kejuron kel kelayakan keliling keliru
kelontong keluar keluarga keluarganya kelun kelurahan kelurahannya kemarin kematian kematiannya
kembali kena kenapa kepala kepesertaan keponakan keputusan kereta kerja kerjasama kernet
kesehatan kesejahteraan keserempet kesetrum kesiram ketabrak ketakutan ketemu ketenagakerjaan
keterangan ketiban ketik ketua keuntungannya kidul kira kirim kirimi kirm kis kk kkkkkk kl klaim
klaimnya klegen klik klo kmatian kmrn kok komplain konsultasi kontak kopi kosongin kota kouta
kpn krim kriteria kriterianya krj krja krn ktabrak ktp ku kuli kuliah kuncen kunci kuota
kuotanya kurang kuta kyk lagi lahir lain lalu lama lampu langganan langsung lanjut lapor las
layak layarnya lebih lengkap lepas lewat lewati lg liat lihat lima link linmas listrik lma lor
luar luka lulus lupa lurah m maaf madiun madiunlor mahasiswa makam makan makanan makasih makenya
maksudnya malam mana mandiri manfaat manfaatnya mangu manguharjo manis manisrejo mantap manusia
marbot mas masa masang masih masjid masuk mata material mati matikan matur mau maxim maxwin
mendadak mendaftar menentukan menikah meningal meninggal menolak menu mesin met mikir milih min
minat minggu minn minta minyak mksh mlm mnggl mningal mninggal mo mobil modin mohon mojo
mojorejo montir motor motornya msh muatan mudeng mulai mulyo mungkin murah musibah mutusin mw
nama namanya nambangan nanti nanya narik nelayan nelpon nentuin ngabarin ngaji ngajuin nganggur
nganter ngapain ngegong ngekos ngerti nggak ngobrol ngojek ngomong ngontrak nguli ngurus
ngusulin nih nik nikah niknya nntuin no nolak nomer nomor nomornya notif nulis nulisnya nuwun
nya nyala nyalakan nyantol nyari nyetrika nyetujui nyuci off ogah ojek ojol ok oke ombo
ongkosnya online opang operator opname orang orangnya orderan oro oro-oro ortu otw p pabrik pagi
paham pak pakai pakainya pake panas pandean panduan panggul pangkalan pangongangan parkir pas
pasar pasti patah patihan pbi pecel pedagang pegawai pekerja pekerjaan pekerjaannya pemakaman
pembantu pemilihannya pemkot pemulung pendaftaran pendaftarannya pendidikan penerima pengamen
pengaruh pengen penggali pengingat pengingatnya pengobatan penjaga penjahit penjelasan pensiunan
penuh perancah perbulan perlindungan perlindungannya perlu permisi pernah persetujuan
persyaratannya pertanyaan perusahaan pesan pesannya peserta pesertanya pesn petani petugas
petugasnya petunjuknya pgi pijat pikiran pikun pilang pilangbango pilih pilihan pilihannya
pindah pinjaman pintu pisau pjk pjk-a pkh pkl pngen pngn pns posyandu potongan premi pribadi pro
program programnya progrm promo proses prosesny prosesnya proyek proyekan ptugas puasa pulang
pulsa puluh punya puskesmas putus qw qwe qwerty rawat register rejo rejomulyo remuk repot retak
rezeki rojiun rs rsud rt rumah rusak saat saja sakit salah salam salinan sama sambungin
sambungkan sampai santnan santri santunan santunannya satpam satu sawah saya sayur sbln sd sdh
sebarkan sebelum sebenarnya sebenernya sebentar sebulan sejak sekarang sekolah selamat semalam
sembako sembilan sembuh semua semuanya sendiri serabutan serangan sering serpihan servis sesuai
setahun setelah setuju setujuu setujuuu shopeefood siaga siang siap siapa sih silakan simpan
sini sip sisa sistem sitter skip skrg slot sma smbungkn smp smpe sogaten sopir sore sosial sp
sssss stasiun status statusnya stauts stlh stop stopp stroke stts sttus suami subuh sudah suka
sukosari sungai supir surabaya swasta sy sya syarat syaratnya syart syrt t tadi tahu tahun takut
taman tambal tampilkan tangan tangannya tangga tanggal tanggungan tani tanpa tanya tanyakan tapi
tarik tau tawang tawangrejo td tdk telat telepon tembok temen tempat tentang terbaru terdaftar
terganggu terhapus terima terimakasih terjepit termasuk terminal ternak ternyata tersimpan
tertabrak terus tes test tetangga th thn thx tiada tiap tidak tiga tiktoker tinggal tiri tk tlg
tny toko tolong toloooong tp tpu tq trims truk ttg tu tua tujuh tukang tulang tutup typo uang
uangnya ubah udah udh ulang umr umum umur umurnya unsubscribe untuk untung update usah usia usln
ussulan usulan usulannya utama utamanya utara utk verifikasi wa waduk wafat wainnailaihi waktu
warga waris warisnya warung wb wingi winongo wkwk wkwkwk wr xxx xyz y ya yakin yang yaudah yg
yup
""",
    "jv": """
adhiku adol ahli aja ajeng aktif aktifke aku alamat almarhum alus aman amit-amit ampun ana anak
anake anakku andha anggotaku apa arep arta awan babagan badhe bakul bali banjarejo bansos
bantuan bapak bapake bapakku basa batal batur bayar bayare beasiswa beasiswane becak bedane
bener bengi biasa biaya bilih bingung biyen bojoku boso boten bpjs bpjse bpjsku busak busaken
cacat cair carane caranipun cek cekap chate ciloko dadi dados dadose daftar dalang dalu damel
dangu dangunipun dasa data dataku dereng deres dhateng dhawah dhewe diajari dibatalke dibusak
didaftarke dikirim dikirimi dilewati dinas dinten dipun dipunbatalaken dipunbuka dipunbusak
dipunicali dipunjamin dipunkintuni dipunrawat dipunsambungaken dipunsimpen dipuntaken dipuntampi
dipuntedahaken dipuntolak disetujoni disetujui disimpen ditanggung dodolan donya dtks dtsen dudu
duit duka durung duwe el embuh emoh endi enjing entek esuk gadhah gangsal ganti gantos garwa
gawe gelem genteng gergaji gojek grab gratis griya halah halo hapus hapusen hehehe hmm hooh ibu
iki ilang ilangana indonesia info infone ing inggih inggris ingkang injih innalillahi ipun isih
iso iurane iuranipun iyo jajan jatahe jawa jawi jenenge jkk jkm josenan jowo juraganku kabar
kabar-kabare kabare kabari kabeh kabupaten kacilakan kados kae kakangku kalih kaliyan kaluwarga
kancaku kangge kanigoro kantor kapan kapundhut karo kartoharjo kartuku katampi katrangan kayu
kcelakaan kebagian kebak kebusak kecamatan kecamatanku kecelakaan kedah kejegur kelun kelurahan
kelurahane kena kenging kepengin kerja kertu kertuku kesrempet kesupen ketabrak ketanggung
ketiban ketua ki kidul kilap kintun kintunana kirang kirim klaime klaimipun klegen kleru kok
konsultasi krama ktp ktp-ku ku kuburan kudu kula kuli kuliah kulo kulonuwun kuncen kuota kuotane
kutha kuwi laden lagi laire lami langkung langsung lanjut lapor lara lare leres lewat lho likur
lima listrike liwati lor loro luar lurah macul madiun maem maksude maksudipun malih mandheg
mandhegna maneh manfaate mangan mangertos mangga manggen mangke manguharjo margi mas mati matur
maturnuwun mau mawon mbaleni mbayar mbayari mbecak mbok mboten mburuh mbusak melu menapa menawi
mengko menika mentas menu merga mesjid mesthi milih mlebet mlebu monggo montor mpun mracang
mudeng mudheng mutusi nambangan nami nampi namung napa narik nate ndaftar ndaftaraken ndaftarke
ndelok nderek nek nembe nemtokake neng ngagem nganggo nganti ngantos ngapa ngapunten ngarep
ngarit ngawur ngecek ngegong ngendi ngene ngerti ngertos ngeterke ngetik nggali nggarap nggih
nggo nggoleki ngintun ngirim ngojek ngomong ngurus nik niki nikku niku ning ninggal njahit njobo
nomer nomere nomerku nukang nuwun nyambut nyopir nyuwun ojol oleh omah omahku ombo online opname
ora oro pabrik paham pak pak'e pakaryane panjenenganipun papat paringi parkir pas pasar patah
patang patek patihan payon pecel peken pemkot pendaftaran pengen pengin pengingat pengingete
pesen pesenan peserta petugas petugase pikantuk pilangbango pindhah pinten pira pirsa pit
pitakenanipun pitu pitulung piyambak piye pkh pripun pro program programe programipun prosese
prosesipun proyek puluh pundi punten purun puskesmas putra putusaken ra ragade ragatipun rewang
robot rt rumah rumiyin rw sade saged sah saiki saka sakdurunge saking sakit sakmenika sakwise
salah sambungke sampun sanes sanga sangalas sanget sangka santunan santunane sapa sarate sarujuk
sawah sd seda sedane sedaya sedo sega sekawan sekedap sekedhap seket sekolah selawe sembah
sembako senin serabutan setaun setuju sewidak sewu sewulan siang sida sido siji sik sikile
sikilku simbah sinden sing sinten sios sisane sonten sore status stop sukosari sumur suwe suwene
suwidak suwun syarat-syaratipun syarate sèket ta takmir takon taksih taman tanganku tanggal tani
tau taun tawangrejo teka tekan telu telung tenan tiba tigang tilar tingali tiyang to tukang
tulung tumut tuwa udane umur umurku urip usah usulan usulane usulanku uwong wae wangsul warga
warise wau wektune weruh wingi wis wiwitan wkwk wngi wolu wolulikur wong wonten wulan ya yen yo
yuswa
""",
    "en": """
a about accept acceptance accident account active actually address after afternoon again age
agent ago agree agreeing ahead aid all already am amount an and any anything application apply
appreciated approval approved approves are area arrive as asdf ask asleep at attendant away back
bahasa bansos be been benefit benefits bike bills bot bpjs bricklayer broadcasts broke brother
buy by call can can't cancel cancelled car card caretaker change changed charges chat cheap
check cheers child children chit-chat chooses claim company confused connect consent
construction contact content continue cool copy correct cost costs cover coverage covered crash
crashed creator dad data day death decide decides decline delete deleted delivering delivery die
died dies disability disagree district do does domestic don't drive driver drives driving dtks
dtsen duration during education eight eligibility eligible employer end english enrol erase
evening everything explain fall family farm farmer father fee fees fell fifty-two file find fine
first fisherman five fix followers food for foreigner forget forty forty-one forty-seven free
friend from full funeral general get give go gojek good got grab grown guaranteed had haha hand
happens has have he hello help here hey hi high hit hospital hospitals housemaid housewife
housewives how human hurt husband hypothetically i i'd i'm id idea if illness in indonesia
indonesian info information injured instructions is isn't it it's javanese jkk jkm job jobs join
just k kartoharjo keep kejuron kesehatan kids kidul killed klegen know ktp labourer language
last late later left leg let's like limit list live lol long looks lost lot lurah m machine
madiun main manguharjo manisrejo many market match me mean meaning member membership menu
message messages mind misspelled mistake money month monthly months more morning mosque mother
motorbike moved much my myself nambangan name near need never news nice night nik nineteen no
nomination none nope not notifications notify now number o odd of off office officer ojol ok
okay old on one only open operator opt options out over owner parking participant participants
pass passed pay payout pays pedicab people per person personal phone pjk pkh places please pls
posted premium pro problem program put qualifies qualify question questions quota qw rather
re-register real really receive receives refuse register registered registrations rejected
rejomulyo remain reminders remove removed renewed reply report reporting requirements rider
right road roof room safe same say scaffolding scholarship school see selected self-paid sell
send sending she shop should show shows siaga sign sixty skip slots small so sogaten someone son
sorry speak spots staff start station status still stop stopped store street student subscribe
sure switch tailor take talk taman tell texting thank thanks that that's the them there
thirty-nine this through to today trader turn twenty twenty-eight two ty type typed understand
unemployed unsubscribe until up updated updates use vendor view village wait want was way we
weather week welfare what what's when where which while who why wife will wipe with withdraw
within won work worker working wrong y year years yes yesterday yet you
""",
    "mix": """
a accident account ada admin after aja aku alamat already anak anakku any apa apply approved
arep assalamualaikum away back badhe bahasa bakso balik banget bapak bapakku bayar bayare
beasiswa belum benefit bener berlaku bingung bisa bojoku bpjs bro broadcast broke brp buat butuh
by cancel car cek change chat check claim confused connect covered daftar dapat data dataku
death decides delete di di-delete died ditanggung do dong dtks duka dulu durung eligibility
eligible enak english enjing explain father fell for free from full ga gak gede get gmn good got
halo hapus hello help hi hit how human i if iki ikutan in indo indonesia indonesian info infone
ini injury innalillahi is it itu iuran iurannya jadi jatuh javanese jkk jkm join jowo jualan
kalau kapan karo kartu ke kecelakaan kelayakan kelurahan kemarin kerja ki kids kirim ktp ku kula
kuota lagi lah lama lanjut left leg lihat long makasih mana maneh masih mati matur mau me member
meninggal menu min mind mo mom month morning much my narik never ngerti ngirim nguli nik no now
nukang nuwun nya off officer ojol ok oleh online opname opo or ora orang pagi pak pake pas
passed patah per perlu pesan peserta petugas piro piye please pls plss pro program programe
prosese ra register reminder reseller roof rs rt salah sama sambungkan sampai scaffolding
scholarship seda semua setahun setuju show sign sih sikil sini slot sore sorry status still stop
suami suamiku subscribe sudah sy syarate syaratnya tadi talk teka tentang thank thanks that thx
tk to tolong u udah umur umurku unsub up use usulan usulanku via wae want we what where who
wingi wis wkwk ya years yen yes yg you
""",
}
WORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _WORDS.items()}
