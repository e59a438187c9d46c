## Citizen conversation (English)

label = { $text }

welcome = Welcome to Siaga, the Kota Madiun city service for the Pro JKK-JKM program: BPJS Ketenagakerjaan cover (work accidents and death) whose premium the city pays for informal workers.
menu = Please choose a service (press a button or type its number):
menu-resume = You have an unfinished check. Choose "Check eligibility & apply" to continue from the last question.
menu-check = Check & apply
menu-status = Nomination status
menu-info = About the program
menu-help = Help
menu-lang = Bahasa / Language

help = Siaga help:
    • Answer by pressing a button or typing your answer.
    • /batal — cancel what you are doing
    • /ulang — start the check again
    • /status — nomination status
    • /kabar — report a death or a work accident
    • /berhenti — stop news from Siaga; /mulai — receive it again
    • /dataku — see the data Siaga holds about you
    • /hapus — delete your data
    • /bahasa — change language
    • /petugas — ask an officer of the kelurahan or Disnaker KUKM
    Other questions: your kelurahan office or Disnaker KUKM Kota Madiun.

info-program = Pro JKK-JKM Kota Madiun
    • The city pays the BPJS Ketenagakerjaan premium of Rp{ $premium } a month for { $months } months for informal (non-wage) workers.
    • Death cover (JKM): Rp{ $jkm } for the heirs, plus scholarships for { $children } children once { $years } years of contributions are reached.
    • Work accident cover (JKK): treatment until recovered; if a work accident is fatal, Rp{ $jkk_death } for the heirs.
    • Who qualifies: Kota Madiun residents aged { $min }–{ $max } living in the city, listed in { $registry }, with an economic activity (ojol, trader, household helper, labourer, farmer and more).
    • Places are limited: on { $as_of } there were { $participants } participants and { $remaining } places left. The lurah nominate residents.
    • Ask in person: { $contact }.

consent-notice = Before the check, please read this (Privacy Notice version { $version }):
    • We ask for: name, NIK, age, kelurahan, occupation, BPJS Ketenagakerjaan status, DTKS/DTSEN status, whether you have school-age children, and a phone number (optional).
    • Why: to estimate your eligibility and, if you wish, nominate you for Pro JKK-JKM.
    • Who sees it: your lurah/kelurahan staff and Disnaker KUKM Kota Madiun, then BPJS Ketenagakerjaan if the nomination is approved.
    • How long: unfinished answers are deleted after { $days } days; nominations are kept while the program runs.
    • Your NIK is stored encrypted. Chat messages are processed by the chat app provider (possibly abroad).
    • Your rights: see your data with /dataku, delete it with /hapus, at any time.
    Do you agree?
btn-agree = I agree
btn-disagree = I do not agree
consent-thanks = Thank you, your consent has been recorded.
consent-declined = That is fine. We will not ask for any personal data. You can still read about the program at any time. Thank you.
err-consent = Please answer with I agree or I do not agree.

ask-name = What is your full name, as on your KTP?
err-name = We could not read that name. Write your full name in letters, e.g. Siti Aminah.
err-name-digits = Your name first, please (the NIK comes next). For example: Siti Aminah.

ask-nik = What is your NIK? It is on your KTP, 16 digits. Example: 3577 0117 0885 0001
hint-nik = A valid NIK looks like 3577011708850001 (16 digits, no letters).
hint-kk = The KK number is at the top of the family card; your NIK is on your KTP or in the NIK column of your line on the KK.
ask-nik-confirm = Please check: is this NIK right?
    { $grouped }
btn-correct = Correct
btn-change = Change
btn-not-correct = Not correct

ask-age-confirm = According to the NIK you were born on { $born }, so you are { $age }. Is that right?
ask-age-input = How old are you really? Just the number, e.g. 45
err-age = Please write your age as a number, e.g. 45.
err-yes-no-age = Press Correct or Not correct, or write your age as a number.
note-age-recorded = Noted: you say { $stated }, the NIK says { $nik_age }. The kelurahan will check your documents; this does not cancel a nomination.

ask-kecamatan = Which kecamatan do you live in? (You may also type your kelurahan directly.)
ask-kelurahan = Which kelurahan in Kecamatan { $kecamatan }?
list-kelurahan = Choose kelurahan
btn-other-kecamatan = ⬅ Other kecamatan
note-kelurahan-found = Kelurahan { $kelurahan }, Kecamatan { $kecamatan }.
err-place = We did not find "{ $text }" in Kota Madiun. The program is for people living in Kota Madiun. Choose a button or type a kelurahan, e.g. Kelun, Madiun Lor, Oro-oro Ombo.
err-kecamatan = That kecamatan does not exist. Choose a button.
err-kelurahan = That kelurahan does not exist. Choose a button.

ask-occupation = What is your main work now? Choose, or type it (e.g. bakul pecel, narik grab, tukang parkir).
list-occupation = Choose work
btn-occupation-other = Other (type it)
ask-occupation-other = Please type your work, e.g. tailor, pedicab driver, farm labourer.
err-occupation = We do not recognise "{ $text }". Try other words, or press "Keep as typed" for the officer to check.
err-occupation-empty = Please describe your work in words, e.g. trader.
btn-keep-occupation = Keep as typed

ask-bpjs = Are you registered with BPJS Ketenagakerjaan now (not BPJS Kesehatan)?
bpjs-tidak = No
bpjs-pu = Yes, via employer
bpjs-bpu = Yes, I pay myself
bpjs-tidak_tahu = Don't know
err-bpjs = Please choose one of the buttons.
err-bpjs-which = Registered through an employer, or paying yourself (BPU mandiri)?

ask-dtks = Is your family listed in { $registry }, e.g. receiving PKH, BPNT/sembako or PBI BPJS Kesehatan?
    You can check at cekbansos.kemensos.go.id or in the Cek Bansos app.
ask-heirs = Do you have school-age children (under 23) who depend on you?
btn-yes = Yes
btn-no = No
btn-dont-know = Don't know
err-yes-no = Please answer Yes or No.
err-yes-no-dk = Please answer Yes, No or Don't know.

ask-phone = A phone number the kelurahan can call? You may skip this.
ask-phone-type = Please type your phone number, e.g. 0812 3456 7890.
btn-share-phone = 📱 Send my number
btn-skip = Skip
err-phone = That phone number is not right. Example: 0812 3456 7890 or +62 812 3456 7890.
phone-none = not given

summary = Your answers:
    • Name: { $name }
    • NIK: { $nik }
    • Age: { $age }
    • Lives in: Kelurahan { $kelurahan }, Kecamatan { $kecamatan }
    • Work: { $occupation }
    • BPJS Ketenagakerjaan: { $bpjs }
    • DTKS/DTSEN: { $dtks }
    • School-age children: { $heirs }
    • Phone: { $phone }
    Is this right? If something is wrong, choose what to change.
list-summary = Choose
btn-confirm = ✅ Correct, continue
edit-name = Change name
edit-nik = Change NIK
edit-age = Change age
edit-kelurahan = Change kelurahan
edit-occupation = Change work
edit-bpjs = Change BPJS
edit-dtks = Change DTKS/DTSEN
edit-heirs = Change children
edit-phone = Change phone
err-summary = Press "Correct, continue" or choose an answer to change.
ask-which-edit = Which answer do you want to change?

tri-ya = Yes
tri-tidak = No
tri-tidak_tahu = Don't know

stopped-intro = We stop asking here, because further answers cannot change the result.
btn-file = 📨 Submit nomination
btn-edit = Change answers
btn-info = About the program
btn-menu = Main menu
btn-cancel = Cancel
btn-status = Check status
btn-help = Help

filed = Your nomination has been sent.
    Reference: { $ref }
    Status: { $status }
    Next: { $next }, including the DTKS/DTSEN match. The decision (approved, rejected, or more information needed) will be sent to this chat. Keep the reference to check the status any time with /status.
nik-already-filed = This NIK cannot be nominated again here. Its owner can see the nomination's status with /status from their own account, or ask at the kelurahan office.

status-pending = waiting for the lurah's review
status-info_requested = the lurah asked for more information
status-waitlisted = on the waiting list (quota currently full)
status-approved = approved, being registered with BPJS Ketenagakerjaan
status-registered = registered as a participant
status-rejected = not approved
status-withdrawn = withdrawn
status-expired = cover has ended
status-own = Your nominations:
status-line = • { $ref } — { $status }
      Kelurahan { $kelurahan }, filed { $date }, NIK { $nik }
status-line-note = • { $ref } — { $status }
      Kelurahan { $kelurahan }, filed { $date }, NIK { $nik }
      Note: { $note }
status-line-covered = • { $ref } — { $status }
      Kelurahan { $kelurahan }, NIK { $nik }
      Covered from { $start } to { $end }
btn-other-ref = Another reference
ask-ref = Type the nomination reference, e.g. PJK-7K3Q9.
err-ref = That reference is not right. It is PJK- followed by 5 letters/digits, e.g. PJK-7K3Q9.
ask-last4 = For security, type the last 4 digits of the nominated NIK.
err-last4 = Please type exactly 4 digits.
err-ref-not-found = That reference and those 4 NIK digits do not match our records.
err-too-many-lookups = Too many attempts today. Please try again tomorrow, or ask your kelurahan office.

dataku-person = Your data in Siaga:
    • Account: { $channel } { $id }
    • Language: { $locale }
    • Data consent: { $consent }
    • Wants reminders/broadcasts: { $broadcast }
dataku-consent-yes = given (version { $version }, { $date } WIB)
dataku-consent-no = not given
dataku-draft = Unfinished check answers (deleted automatically after { $days } days):
    • Name: { $name }
    • NIK: { $nik }
    • Phone: { $phone }
dataku-nominations = Nominations:
dataku-unclear = Messages Siaga did not understand: { $count } (kept masked, without NIK, phone numbers or names, for { $days } days so that Disnaker KUKM can teach Siaga to understand them).
dataku-footer = To delete all of this, type /hapus.

hapus-confirm = Delete all your data in Siaga (answers, consent and this chat account)? This cannot be undone.
hapus-confirm-active = Delete all your data in Siaga? Your open nominations ({ $refs }) will be WITHDRAWN first, then the data deleted. This cannot be undone.
btn-delete-yes = Yes, delete my data
btn-delete-no = No, keep it
hapus-done = Your data has been deleted and open nominations withdrawn. (Records of participants already registered with BPJS are kept by the city as archives, as the rules require.) Thank you for using Siaga.
hapus-cancelled = All right, nothing was deleted.

ask-lang = Pilih bahasa / Choose a language / Pilih basa:
lang-name-id = Bahasa Indonesia
lang-name-en = English
lang-name-jv = Basa Jawa
lang-set = The language is now English.
err-lang = Choose one of the languages.

button-expired = This button is no longer valid. Please answer the latest question below.
too-long = That message is too long for us. Please answer briefly.
empty-message = The message is empty.
offer-help = It looks difficult. Type /bantuan for help, /batal to stop, or ask at your kelurahan office.
cancelled = Cancelled. Unsent answers were deleted.
nothing-to-cancel = Nothing is in progress.
unknown-command = We do not know that command. Type /bantuan for the list.

verdict-short-likely_eligible = likely eligible
verdict-short-needs_review = needs review
verdict-short-not_eligible = not eligible
lurah-new-nomination = New nomination in Kelurahan { $kelurahan }: { $ref } for { $name } ({ $verdict }). Type /antrian to review.
lurah-new-nominations = { $count } new nominations are waiting for review in Kelurahan { $kelurahan }: { $refs }. Type /antrian to review.
lurah-new-nominations-more = { $count } new nominations are waiting for review in Kelurahan { $kelurahan }: { $refs } and { $more } more. Type /antrian to review.

tg-command-start = Start and main menu
tg-command-status = Nomination status
tg-command-bantuan = Help
tg-command-batal = Cancel
tg-command-ulang = Start the check again
tg-command-bahasa = Change language
tg-command-dataku = My data in Siaga
tg-command-hapus = Delete my data

err-which-edit = Choose the answer to change from the buttons below.
error-generic = Sorry, something went wrong on our side. Your earlier answers are kept; please send your last message again, or type /bantuan.
error-storage-full = Sorry, Siaga cannot save anything right now (the server's storage is full). Your last message was not saved; your earlier answers are safe. Please send it again later.
error-database-down = Sorry, Siaga cannot reach its database right now. Your last message was not saved; your earlier answers are safe. Please send it again in a moment.

# WhatsApp
wa-choose = Please choose:
wa-list-open = Choose
wa-reply-number = Reply with the number of your choice.

# Short labels for buttons (WhatsApp: at most 20 characters)
btn-occ-OJOL = online ojek (ojol)
btn-occ-OJEK_PANGKALAN = ojek at a base
btn-occ-TUKANG_BECAK = becak driver
btn-occ-PEDAGANG = trader / vendor
btn-occ-ART = domestic worker
btn-occ-BURUH_HARIAN = day labourer
btn-occ-KONSTRUKSI = builder
btn-occ-PERTANIAN = farmer / farmhand
btn-occ-NELAYAN = fisher
btn-occ-SOPIR = driver
btn-occ-JASA_LAIN = other services
btn-occ-KREATIF = creative/freelance
btn-occ-PEMUKA_AGAMA = religious leader
btn-occ-PU_ROLE = RT/RW, cadre, etc.
btn-occ-TIDAK_BEKERJA = not working
btn-occ-PELAJAR = student
btn-occ-FORMAL = employee
btn-reason-domicile = Lives elsewhere
btn-reason-registry = Not in DTKS/DTSEN
btn-reason-bpjs = Already has BPJS TK
btn-reason-activity = No economic activity
btn-reason-data = Data do not match

## People who type: typed requests, questions, and what was not understood.
err-name-not-a-name = That does not look like a name. What is your full name, as on your KTP? For example: Siti Aminah.
which-one = Which one did you mean? Pick one:
not-understood = Sorry, Siaga did not understand "{ $text }". You can pick one below, or say it in other words, e.g. "register", "status", or "how much do I pay?".
not-understood-again = If you are still stuck, ask { $contact } directly.
thanks-reply = You are welcome.
faq-premium = The BPJS Ketenagakerjaan premium for Pro JKK-JKM participants, Rp{ $premium } a month, is paid by the Madiun city government for { $months } months. Participants pay nothing.
faq-death = If a participant dies of a cause other than a work accident (JKM), the heirs receive Rp{ $jkm }. If the death is caused by a work accident (JKK), Rp{ $jkk_death }. Plus a scholarship for up to { $children } children once contributions have been paid for { $years } years. To report a death or an accident, type "kabar".
faq-accident = After a work accident (JKK), medical care is covered as needed until recovery. If the participant dies of a work accident, the heirs receive Rp{ $jkk_death }. Report it to BPJS Ketenagakerjaan and Disnaker KUKM as soon as possible. To report a death or an accident, type "kabar".
faq-requirements = To join Pro JKK-JKM: a Kota Madiun resident aged { $min }–{ $max }, living in the city, listed in { $registry }, with an economic activity (ride-hailing, trading, domestic work, labour and more), and not already covered through an employer.
faq-quota = Places are limited: as of { $as_of } there were { $participants } participants and { $remaining } places left. The lurah propose residents.
faq-scholarship = A scholarship goes to up to { $children } children of a participant who dies, once contributions have been paid for { $years } years. The amount depends on the school level.
faq-duration = Cover lasts { $months } months from registration with BPJS Ketenagakerjaan, and may be renewed within the next year's quota.
faq-who_decides = Residents apply through Siaga or the kelurahan office; the lurah reviews and proposes, then Disnaker KUKM registers participants with BPJS Ketenagakerjaan within the quota. Check your status any time with "status".
faq-registry = One of the requirements is being listed in { $registry } (the social welfare data). If you do not know, ask your kelurahan or answer "Don't know" when asked; an officer will check.

## Ask an officer: a citizen's question to an officer, and the answer.
ask-officer-question = Please write your question for the officer in one message. The kelurahan officer (or Disnaker KUKM) will answer in this chat.
err-officer-question = We could not read a question. Write it in words, e.g. "My husband is ill, can someone apply for him?"
ticket-opened = Your question has gone to an officer (ticket #{ $id }). The answer will come in this chat.
ticket-no-officer = Your question is recorded (ticket #{ $id }), but no officer can answer by chat yet. If it is urgent, contact { $contact }.
ticket-still-open = Your earlier question (ticket #{ $id }) is still with an officer. The answer will come in this chat.
ticket-officer-says = { $role }: { $text }
    (Reply here to answer the officer. Type /menu to go back to Siaga's services.)
ticket-closed-rate = The conversation with the officer (ticket #{ $id }) is closed. How helpful was the answer? Pick 1 (not helpful) to 5 (very helpful).
ticket-rated = Thank you for your rating.
officer-role-kelurahan = Kelurahan { $kelurahan } officer
officer-role-dinas = Disnaker KUKM Kota Madiun officer
btn-ask-officer = 🙋 Ask an officer

## Ask an officer: voice notes, photos and files; office hours; quiet time.
media-named = { $kind }{ $length }
media-kind-voice = voice note
media-kind-audio = audio recording
media-kind-photo = photo
media-kind-video = video
media-kind-document = file
media-kind-sticker = sticker
media-kind-location = location
media-kind-contact = contact card
media-kind-other = message
media-offer-officer = Siaga cannot listen to or read this { $kind } yet. Send it to the kelurahan's officer (or Disnaker KUKM) so a person answers?
btn-send-to-officer = 📨 Send to officer
media-not-forwarded-sticker = Sticker received 🙂 Siaga only reads text and buttons; just write what you need.
media-not-forwarded-location = A location is not needed. When asked where you live, write your kelurahan's name, for example "Kelun".
media-not-forwarded-contact = A contact card cannot be used here. For your own number, press Share my number or type it.
media-not-forwarded-other = This kind of message cannot be read or forwarded. Write your question in words, or send a voice note.
media-too-long = That { $kind } is too long to forward: officers take at most { $minutes } minutes. Please send a shorter one, or write your question.
media-too-big = That { $kind } is too large to forward (at most { $mb } MB). Please send a smaller one, or write your question.
photo-id-advice = Please do not send photos of your KTP, KK or other identity documents in chat (Dukcapil's advice): the data can be misused. Siaga does not keep photos; the officer only sees it in the chat.
ticket-after-hours = Officers are out of office now; the earliest answer is { $day } { $date } from { $time } WIB.
ticket-held-citizen = { $role } is now answering your question (ticket #{ $id }). Your next messages go straight to the officer; Siaga stays quiet. To go back to Siaga, type "done".
ticket-media-added = That file was added to your question (ticket #{ $id }) and passed to the officer.
ticket-quiet-closed = Your conversation with the officer (ticket #{ $id }) was closed after a long silence. Siaga is with you again.
ticket-quiet-released = The officer could not answer ticket #{ $id } yet; your question is back in the queue for the next officer. Meanwhile Siaga is with you again.
media-expired = (The file sent with this message is no longer available: the ticket was closed or it is too old.)
media-unavailable = (The file sent with this message could not be fetched: it expired or is too large. Please ask for it again.)
weekday-0 = Monday
weekday-1 = Tuesday
weekday-2 = Wednesday
weekday-3 = Thursday
weekday-4 = Friday
weekday-5 = Saturday
weekday-6 = Sunday
ticket-text-added = That question was added to ticket #{ $id } and passed to the officer.
filed-next-lurah = the lurah of Kelurahan { $kelurahan } receives it today and will review it
filed-next-dinas = Kelurahan { $kelurahan } has no reviewer on Siaga yet, so Disnaker KUKM receives this nomination and will pass it to the kelurahan for review
gap-waiting = { $name } ({ $count } waiting)
joined = { $a }, { $b }
admin-no-reviewer = ⚠️ Nomination { $ref } came in from Kelurahan { $kelurahan }, which has no reviewer on Siaga. Invite its lurah with /undang { $kelurahan }, or review it yourself with /antrian { $kelurahan }.
admin-gaps-daily = ⚠️ { $count } kelurahan have nominations waiting but no reviewer: { $names }. Invite their lurah with /undang KELURAHAN_NAME.
stats-gaps = Kelurahan without a reviewer ({ $count }): { $names }.

# A forwarded file the platform would not take (issue 26 item 10): to its reader, and to whoever sent it
media-not-passed = (Sorry, the { $kind } sent with this message could not be passed on. Please ask the sender to send it again.)
media-refused-resend = Sorry, the { $kind } you sent for ticket #{ $id } could not be passed on. Please send it again, or write what it says.

# WhatsApp, outside the 24-hour window (issue 26 item 9): what the approved "news" template names
# as {{1}} in "There is news from Siaga about {{1}}. Reply to this message to read it."
news-about-nomination = a Pro JKK-JKM nomination
news-about-question = a question to an officer
news-about-claim = a death or accident report
news-about-scholarship = a participant's child's scholarship
news-about-coverage = BPJS Ketenagakerjaan cover
news-about-other = the Pro JKK-JKM service
btn-news-read = Read message
news-none = No messages are waiting for you; everything has been delivered.

pick-a-number = Please choose a number from 1 to { $n }, or press one of the buttons below.
status-list-next = Check another application, or back to the main menu?
