# Siaran saking admin Dinas, pangeling kuota saben minggu, lan sarujuk nampi siaran.

ask-optin = Purun nampi pangeling lan kabar program Pro JKK-JKM saking Siaga (umpaminipun sisa kuota)? Saged mandheg kapan kemawon kanthi /berhenti.
btn-optin-yes = Nggih, purun
btn-optin-no = Mboten usah
optin-never = Dereng dipuntakeni

bc-ask-text = Serat pesen siaran (paling kathah 1.000 aksara).
    Saged ngangge isian: {"{"}kuota_sisa{"}"} (sisa kuota kutha), {"{"}antrian_kelurahan{"}"} (usulan ingkang ngantos wonten kelurahan panampi), {"{"}nama_kelurahan{"}"}, {"{"}nama{"}"}.
bc-ask-audience = Dipunkintunaken dhateng sinten?
bc-audience-lurah = Sedaya lurah
bc-audience-lurah_waiting = Lurah wonten antrian
bc-audience-unfinished = Warga dereng rampung
bc-audience-waiting = Warga ngentosi
bc-audience-approved = Peserta disarujuki
bc-audience-opted_in = Sedaya ingkang purun
bc-ask-kelurahan = Namung kangge setunggal kelurahan? Serat naminipun, utawi pilih sedaya kelurahan.
bc-all-kelurahan = Sedaya kelurahan
bc-err-audience = Pilih salah satunggaling tombol panampi.
bc-err-kelurahan = "{ $text }" sanes kelurahan ing Kota Madiun.
bc-err-short = Pesenipun kecekak.
bc-err-placeholder = Isian { $names } mboten dipuntepangi. Ingkang saged dipunangge: {"{"}kuota_sisa{"}"}, {"{"}antrian_kelurahan{"}"}, {"{"}nama_kelurahan{"}"}, {"{"}nama{"}"}.
bc-preview = Pratinjau siaran
    Panampi: { $audience } · Kelurahan: { $kelurahan }
    Badhe dipunkintunaken dhateng { $count } tiyang. Mboten dipunkintun: { $optedout } mandheg/dereng sarujuk nampi siaran, { $blocked } mblokir Siaga.
bc-preview-channel = • { $channel }: { $count }
bc-preview-sample = Tuladha pesen kangge panampi kapisan:
    { $text }
bc-preview-nobody = Mboten wonten panampi kangge pilihan menika. Ewahi pesen utawi batalaken.
bc-send = Kintun sakmenika
bc-edit = Ewahi pesen
bc-started = Siaran #{ $id } dipunwiwiti kangge { $count } panampi. Kemajuanipun katingal ing chat menika; /batal_siaran { $id } mandhegaken sisanipun.
bc-started-cli = Siaran #{ $id } dipunantrekaken kangge { $count } panampi lan dipunkintun dening layanan Siaga ingkang mlampah. Tingali kemajuanipun kanthi "siaga admin broadcasts"; "siaga admin broadcast-cancel { $id }" mandhegaken sisanipun.
bc-cancelled-draft = Siaran dipunbatalaken, mboten wonten ingkang dipunkintun.
channel-telegram = Telegram
channel-whatsapp = WhatsApp
channel-console = Konsol

broadcast-message = { $text }
broadcast-footer = (Siaran Siaga · serat /berhenti supados mboten nampi siaran malih)
bc-name-lurah = Bapak/Ibu Lurah
bc-name-default = Bapak/Ibu

bc-progress = Siaran #{ $id }: kakintun { $sent } saking { $total } · gagal { $failed } · mblokir { $blocked } · mboten nampi siaran { $optedout } · sisa { $left }
bc-progress-eta = Kinten-kinten rampung { $minutes } menit malih.
bc-progress-quiet = Dipunendheg wekdal jam sepi; dipunlajengaken piyambak jam { $until } WIB.
bc-progress-done = Siaran #{ $id } rampung: kakintun { $sent } saking { $total } · gagal { $failed } · mblokir { $blocked } · mboten nampi siaran { $optedout }.
bc-progress-cancelled = Siaran #{ $id } dipunmandhegaken: kakintun { $sent } saking { $total }, { $cancelled } mboten sida dipunkintun.
bc-progress-wa-budget = WhatsApp: { $count } pesen ngentosi, amargi WhatsApp namung marengaken { $budget } tiyang enggal saben dinten ing njawi 24 jam wiwit pungkasan nyerat; rampung kinten-kinten { $days } dinten malih.
bc-none = Dereng wonten siaran.
bc-nothing-to-cancel = Mboten wonten siaran ingkang saweg mlampah.
bc-cancelled = Dipunmandhegaken: { $jobs } siaran, { $rows } pesen mboten sida dipunkintun.

reminder-quota = Pangeling kuota Pro JKK-JKM
    Sisa kuota kutha: { $left } papan.
    Usulan ngentosi ing Kelurahan { $kelurahan }: { $waiting }.
reminder-forecast = Manut laju 30 dinten pungkasan ({ $recent } disarujuki ing { $window } dinten), kuota telas kinten-kinten { $days } dinten malih.
reminder-forecast-no-pace = Dereng wonten usulan disarujuki ing { $days } dinten pungkasan.
reminder-forecast-none-left = Kuota sampun telas; usulan enggal mlebet daftar tunggu.
reminder-forecast-no-quota = Kuota periode menika dereng dipuntata Dinas.
bc-preview-no-quota = ⚠️ Kuota periode menika dereng dipun atur, pramila {"{"}kuota_sisa{"}"} badhe kawaos "-". Atur rumiyin mawi /kuota CACAH, utawi busak isian menika saking pesen.
bc-not-sent = Siaran boten dipun kintun; boten wonten ingkang dipun antrekaken.

bc-progress-uncertain = { $count } pesen dereng mesthi dumugi: layananipun kendel nalika ngintun. Pesen menika boten dipun kintun malih, supados boten wonten ingkang nampi kaping kalih.
