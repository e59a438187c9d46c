## The people already covered: one's own cover, linking, renewal (issue 29)

participant-segment-pu = wage earner (PU)
participant-segment-bpu = non-wage earner (BPU)
participant-segment-none = participant
participant-cover-dates = You are a Pro JKK-JKM participant ({ $segment }). Cover: { $start } to { $end }, premium paid by the city.
participant-cover = You are a Pro JKK-JKM participant ({ $segment }). Cover: { $start } to { $end }, premium paid by the city. Death not caused by work (JKM): Rp{ $jkm } for the heirs; according to BPJS, the full benefit applies after { $months } months of membership (from { $full_from }); before that Rp{ $early } (funeral costs). Work accident (JKK): treatment until recovery; death caused by it Rp{ $jkk_death }.
participant-cover-ended = Your cover as a Pro JKK-JKM participant ended on { $end }.
participant-renewal-later = Renewal: your kelurahan reviews it from { $opens }, before your cover ends on { $end }.
participant-renewal-open = Renewal: being reviewed by your kelurahan; your current cover ends on { $end }.
participant-renewal-renewed = Renewal: approved by your kelurahan; BPJS continues your cover after { $end }.
participant-renewal-not-renewed = Renewal: not continued; your cover ends on { $end }.
participant-linked-whatsapp = This WhatsApp number is on the Pro JKK-JKM participant list, so we linked this account to that membership. If this is not you, press "Not me".
btn-not-me = Not me
participant-how-telegram = Already a Pro JKK-JKM participant? Press "📱 Send my number" so Siaga can match your phone number with the participant list.
participant-how-kelurahan = Already a Pro JKK-JKM participant? Ask your kelurahan officer to link this account: show your KTP and the account code { $code }.
participant-contact-not-proof = On WhatsApp, Siaga only matches your own WhatsApp number, not a contact card. Type /status to see it.
participant-no-match = This number cannot be matched. If you are a Pro JKK-JKM participant, ask your kelurahan officer to link this account (account code { $code }).
participant-linked-telegram = Thank you, your number matches the participant list: this account is now linked.
participant-linked-lurah = Your kelurahan officer linked this account to your Pro JKK-JKM membership.
participant-not-linked = This account is not linked to any membership.
participant-unlinked = The link is removed and this number will not be linked to that membership again. If you are a participant, ask your kelurahan officer to link this account (account code { $code }).
participant-link-usage = Type /tautkan NIK CODE, e.g. /tautkan 3577010101900001 1234 (the account code is shown in the resident's /peserta).
participant-link-none = That NIK is not on your kelurahan's participant list.
participant-link-no-account = Account code { $code } was not found. Ask the resident to open /peserta and read out the code.
participant-link-done = Linked: { $name } (NIK { $nik }, { $kelurahan }) to account { $code }. The resident has been told.

claim-card-listed = On the participant list: { $name } (NIK { $nik }, { $kelurahan }, { $segment }), cover { $start }–{ $end }. Covered on the day of the event: { $covered }.

quota-made-of = Counted as the program counts: { $covered } participants covered today (the participant list less those not renewed, plus those registered through Siaga and not yet on the list) + { $waiting } approved nominations waiting for BPJS = { $used } of { $total } places ({ $source }); { $left } left.
quota-source-dinas = set by Disnaker KUKM
quota-source-program = from the program file: { $ref }

renewal-list-head = Membership renewals: { $open } waiting for a decision, { $decided } decided. The review period and its deadline are Siaga's working assumptions until Disnaker KUKM sets them.
renewal-card = #{ $id } { $name } (NIK { $nik }, { $kelurahan }), occupation: { $occupation }. Participant since { $since }, cover ends { $end }. Resident's answer: { $resident }. Decision: { $state }.
renewal-card-reason = Reason: { $reason } { $note }
renewal-card-late = ⚠ Past the deadline: Disnaker KUKM decides too.
renewal-facts-dtks = Social affairs data as of { $as_of }: listed { $found }, decile { $desil }.
renewal-facts-bpjs = BPJS TK data as of { $as_of }: segment { $segment }.
renewal-facts-none = No DTKS/DTSEN or BPJS list loaded yet.
renewal-resident-none = not asked (account not linked)
renewal-resident-asked = asked, no answer yet
renewal-resident-yes = still lives and works in Kota Madiun
renewal-resident-no = no longer lives or works in Kota Madiun
renewal-state-open = not yet
renewal-state-ask = asking the resident
renewal-state-renew = renewed
renewal-state-not_renewed = not renewed
btn-renew = Renew
btn-not-renewed = Not renewed
btn-ask-resident = Ask resident
renewal-why = Why is { $name }'s membership not renewed?
renewal-reason-moved = Moved away
renewal-reason-died = Died
renewal-reason-employer = Covered by employer
renewal-reason-not_working = No longer working
renewal-reason-asked_to_stop = Asked to stop
renewal-reason-other = Other
renewal-ask-note = Type the reason in one message.
renewal-already = { $name }'s renewal was already decided by another officer. Type /perpanjangan for the current list.
renewal-done-renew = { $name }: renewed. On the renewal list for BPJS.
renewal-done-not_renewed = { $name }: not renewed. The place can be used by the next nomination at once.
renewal-done-ask = { $name }: the resident is asked first.
renewal-resident-told = The resident has been told through Siaga.
renewal-resident-not-linked = The resident's account is not linked: tell them in person.
renewal-opened = { $count } participants in your kelurahan reach the end of their cover within { $days } days: type /perpanjangan to decide their renewal.
renewal-ask-resident = Your Pro JKK-JKM cover ends on { $end }. For the renewal: do you still live and work in Kota Madiun?
btn-still-here-yes = Yes, still
btn-still-here-no = No longer
renewal-thanks-yes = Thank you. Your kelurahan will decide on your renewal.
renewal-thanks-no = Thank you for letting us know. Your kelurahan will contact you if needed.
renewal-told-not-renewed = Your Pro JKK-JKM membership was not renewed by your kelurahan (reason: { $reason }); your cover ends on { $end }.

con-nav-renewals = Renewals
con-renewal-intro = Participants whose cover ends within { $lead } days (Siaga's working assumption until Disnaker KUKM sets it). Those undecided { $deadline } days before the end go to Disnaker KUKM.
con-renewal-xlsx = Download the renewal list for BPJS (XLSX)
con-renewal-col-cover = Participant since – ends
con-renewal-col-lists = DTKS / BPJS data
con-renewal-col-resident = Resident's answer
con-renewal-decision = Decision
con-renewal-reason = Reason if not renewed
con-renewal-note = Note (required for "Other")
con-renewal-save = Save decision
con-renewal-none = No participant's cover ends within { $lead } days.
con-renewal-done = Decision saved.
con-renewal-needs = Decision not saved: choose a reason (and write a note for "Other").
con-renewal-not-now = Decision not saved: another officer already decided.
con-renewal-link = Link a resident's account
con-renewal-nik = NIK (from the resident's KTP)
con-renewal-code = Account code (shown in the resident's /peserta)
con-renewal-link-button = Link

stats-participants = Participant list: { $total } covered today. By segment: { $segments }. By kelurahan: { $kelurahan }. Top occupations: { $occupations }. Covers ending per month (next 12 months): { $ending }.
stats-renewals = Renewals now open: { $decided } decided, { $pending } pending. By kelurahan (decided/all): { $per }.
stats-list-claim-ratio = Claim ratio on the participant list's cover this year: claims paid Rp{ $paid } ÷ premiums Rp{ $premiums } = { $ratio }.

renewal-late-dinas = { $count } renewals are still undecided by their kelurahan with { $days } days or fewer left: { $names }. Type /perpanjangan to decide them.

participant-officer = This page is for residents covered by Pro JKK-JKM.
participant-held = This account is linked to the Pro JKK-JKM membership of { $name } (NIK { $nik }), { $via }.
participant-via-whatsapp = matched by the WhatsApp number
participant-via-telegram = matched by the number you sent on Telegram
participant-via-lurah = linked by a kelurahan officer
