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
participant-contact-not-own = Only your own number can be matched: press "📱 Send my number", do not forward someone else's contact.
participant-no-match = This number cannot be matched. If you are a Pro JKK-JKM participant, ask your kelurahan officer to link this account (account code { $code }).
participant-linked-telegram = Thank you, your number matches the participant list: this account is now linked.
participant-linked-lurah = Your kelurahan officer linked this account to your Pro JKK-JKM membership.
participant-not-linked = This account is not linked to any membership.
participant-unlinked = The link is removed and this number will not be linked to that membership again. If you are a participant, ask your kelurahan officer to link this account (account code { $code }).
participant-link-usage = Type /tautkan NIK CODE, e.g. /tautkan 3577010101900001 1234 (the account code is shown in the resident's /status).
participant-link-none = That NIK is not on your kelurahan's participant list.
participant-link-no-account = Account code { $code } was not found. Ask the resident to open /status and read out the code.
participant-link-done = Linked: { $name } (NIK { $nik }, { $kelurahan }) to account { $code }. The resident has been told.

claim-card-listed = On the participant list: { $name } (NIK { $nik }, { $kelurahan }, { $segment }), cover { $start }–{ $end }. Covered on the day of the event: { $covered }.
