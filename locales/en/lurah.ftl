## Lurah (reviewers) and Dinas admins

invite-invalid = This invite code is not valid (wrong, expired, used or revoked). Ask Disnaker KUKM for a new one.
invite-welcome = Welcome. You now review Pro JKK-JKM nominations for Kelurahan { $kelurahan }. New nominations will be announced here. Pick your work below (press a button or type its number):
btn-queue = 📋 Open the queue
not-a-reviewer = This command is for registered lurah/kelurahan staff only.
not-an-admin = This command is for Disnaker KUKM admins only.
not-your-kelurahan = Nomination { $ref } is not from your kelurahan. Nothing was changed.
queue-empty = No nominations are waiting in Kelurahan { $kelurahan }. Thank you.

lurah-card = Nomination { $position } of { $total } — { $ref }
    Name: { $name } ({ $by })
    NIK: { $nik } · { $sex } · age { $age }
    Kelurahan: { $kelurahan } · Phone: { $phone }
    Work: { $occupation }
    BPJS TK: { $bpjs } · DTKS/DTSEN: { $dtks } · School-age children: { $heirs }
    Siaga's assessment: { $verdict }
    Waiting: { $days } days · City places left: { $left }
filed-by-citizen = filed by the citizen
filed-by-lurah = nominated by staff
lurah-card-info = Officer's question: { $question }
    Citizen's answer: { $answer }
flag-nik-elsewhere = ⚠ NIK issued outside Kota Madiun: check the KK/KTP for domicile.
flag-age-mismatch = ⚠ The stated age differs from the NIK.
flag-registry-unknown = ⚠ The citizen does not know their DTKS/DTSEN status: check the data.
flag-bpjs-self_paid = ⚠ Already paying BPJS TK themselves (BPU mandiri).
flag-bpjs-unknown = ⚠ The citizen does not know their BPJS TK status.
flag-activity-unrecognised = ⚠ Siaga did not recognise the occupation.
flag-activity-pu_role = ⚠ A wage-earner role (RT/RW, linmas, cadre …): PU track.
flag-activity-formal = ⚠ An employee: check cover through the employer.
flag-activity-student = ⚠ A student: check for an economic activity.
btn-approve = ✅ Approve
btn-reject = ❌ Reject
btn-ask-info = ❓ Ask for info
btn-card-more = ⋯ More
btn-card-back = ↩ Back
card-more = Nomination { $ref }: ask the resident for information, or skip it for now?
btn-skip-card = ⏭ Skip

ask-reject-reason = Why reject { $ref }? Choose, or type your own reason.
reject-reason-domicile = Does not live in this kelurahan
reject-reason-registry = Not listed in DTKS/DTSEN
reject-reason-bpjs = Already registered with BPJS TK
reject-reason-activity = No economic activity
reject-reason-data = Data do not match documents
err-reject-reason = Please type a reason (at least 3 letters).
ask-info-question = Type your question for the nominee of { $ref } (e.g. Please bring your latest KK to the kelurahan office).

decided-approved = { $ref } approved by { $by }. City places left: { $left }. The citizen has been told.
decided-rejected = { $ref } rejected by { $by }. The citizen has been told, with the reason.
decided-info_requested = Your question for { $ref } was sent. The nomination waits for the answer.
decided-pending = { $ref } is waiting again.
decided-quota-full = The quota is used up: { $ref } cannot be approved and goes on the WAITING LIST by priority. The citizen has been told.
decision-not-allowed = { $ref } cannot change from its current status. Nothing was changed.
decided-already = { $ref } was already decided by { $by }: { $status }. Your decision was not saved, and the citizen is not told twice.
decided-by-resident = the resident themselves
decided-by-system = Disnaker KUKM (the system)
no-quota-set = Disnaker KUKM has not set this period's quota yet, so no nomination can be approved.

citizen-approved = Good news: nomination { $ref } was APPROVED by the lurah. Next, Disnaker KUKM registers you with BPJS Ketenagakerjaan; you will be told the date your cover starts.
citizen-rejected = Nomination { $ref } could not be approved.
    Reason: { $reason }
    If something is wrong or your situation changes, visit the kelurahan office or check again.
citizen-waitlisted = Nomination { $ref } passed the lurah's review, but the quota is used up for now. It is on the WAITING LIST by priority; you will be told when a place opens.
citizen-info-requested = The lurah asks for more information about nomination { $ref }:
    "{ $question }"
    Press the button below or type /jawab to answer.
btn-answer-info = ✍ Answer
ask-info-answer = The lurah's question about { $ref }: "{ $question }". Please type your answer.
ask-info-answer-again = Please type your answer to the lurah's question.
info-answer-sent = Your answer about { $ref } was sent to the lurah. The nomination is waiting for review again.
no-info-requested = No question from the lurah is waiting for an answer.
lurah-info-answered = The citizen answered your question about { $ref }. Type /antrian to review.

ask-in-person-consent = Nominating a resident without a phone, or who came to the office. Make sure the resident has heard/read Siaga's privacy notice and AGREES in person. Done?
btn-in-person-yes = Yes, they agree
filed-on-behalf = Nomination for { $name } recorded: { $ref } (nominated by staff, consent given in person). It is in the kelurahan's queue.

err-invite-kelurahan = Kelurahan "{ $text }" not found. Example: /undang Kelun
invite-created = Invite code for Kelurahan { $kelurahan }: { $code }
    Valid for { $days } days, single use.
    Send it to the lurah/staff: open { $link } or type /lurah { $code } in Siaga.
reviewers-title = Registered reviewers:
reviewers-none = No reviewers yet. Create an invite with /undang <kelurahan>.
reviewer-line = • #{ $id } { $name } ({ $channel }) — Kelurahan { $kelurahan }
err-reviewer-id = Reviewer #{ $id } not found. See the list with /reviewer.
reviewer-removed = Reviewer #{ $id } no longer has access.
err-quota-number = Give the number of places, e.g. /kuota 628
quota-status = Quota { $period }: { $total } places, { $used } used, { $left } left.

citizen-registered = You are now REGISTERED with BPJS Ketenagakerjaan through Pro JKK-JKM (nomination { $ref }). JKK and JKM cover runs from { $start } to { $end }, the premium paid by the city of Madiun.
citizen-coverage-ending = Reminder: your Pro JKK-JKM cover (nomination { $ref }) ends on { $end }. Contact your kelurahan office to be nominated again.
lurah-coverage-ending = Cover for participant { $ref } ends on { $end }. If the resident still qualifies, nominate them again.

invite-created-code = Invite code for Kelurahan { $kelurahan }: { $code }
    Valid for { $days } days, single use.
    Send it to the lurah/staff: type /lurah { $code } in Siaga.

lurah-digest = Daily digest: { $count } nominations are waiting for review in Kelurahan { $kelurahan }.
err-notify = Type /notifikasi langsung (each new nomination at once) or /notifikasi 7 (a daily digest at 07:00 WIB).
notify-at-once = All right: each new nomination will be announced at once.
notify-digest = All right: new nominations come as a daily digest at { $hour } WIB.

stats-head = Pro JKK-JKM statistics ({ $period })
    Nominations: { $total } · Quota: { $quota }, used { $used }, left { $left }
    Median days to a decision: { $median }
stats-status-line = • { $status }: { $count }
stats-occupation-head = Most common work:
stats-kelurahan-head = Kelurahan with the most nominations:
stats-line = • { $name }: { $count }
optout-done = All right: you will no longer receive reminders and broadcasts. News about your own nomination still comes. Type /mulai to receive them again.
optin-done = All right: you will receive reminders and broadcasts from Siaga. Type /berhenti any time to stop.
image-saved = Chart saved to { $path }
lurah-withdrawn = Nomination { $ref } was withdrawn by the citizen, whose data has been deleted at their request.
lurah-withdrawn-place = Approved nomination { $ref } was withdrawn by the citizen, whose data has been deleted at their request. Its place is back in the quota: { $left } places left city-wide.
admin-pick-kelurahan = Dinas admins are not bound to one kelurahan. Name it after the command, for example: { $command } Kelun
invite-too-many = Too many wrong invite codes from this account. Try again later, in about an hour, or ask Disnaker KUKM for a new code.

## Ask an officer: the officer's side.
ticket-card = ❓ A resident's question, ticket #{ $id } (Kelurahan { $kelurahan }):
    "{ $text }"
    Press Reply to answer (one officer answers a ticket).
btn-ticket-reply = ✍ Reply
btn-ticket-close = Close
ticket-answer-prompt = Ticket #{ $id }:
    { $text }
    Write the answer for the resident; each message goes in your role's name, not your own account. Press Close when done.
err-officer-answer = The answer is empty. Write an answer for the resident, or press Close.
ticket-sent = Sent to the resident (ticket #{ $id }).
ticket-from-citizen = Resident (ticket #{ $id }): { $text }
ticket-taken = Ticket #{ $id } is already being answered by another officer.
ticket-not-yours = This ticket is not for your kelurahan.
ticket-closed = Ticket #{ $id } is closed; the resident is asked to rate the answer.
ticket-closed-already = Ticket #{ $id } is already closed; nothing was sent.
tickets-none = No residents' questions are waiting.
tickets-head = Residents' questions waiting or being answered ({ $count }):
ticket-line = • #{ $id } { $kelurahan } ({ $state }): "{ $text }"
ticket-state-open = waiting
ticket-state-held = being answered
ticket-state-closed = closed
stats-tickets = Ask an officer: { $open } waiting, { $held } being answered, { $closed } closed; median time to an answer { $minutes } minutes; mean rating { $rating } from { $rated } ratings; { $escalated } escalated to the Dinas past the deadline.
ticket-card-nomination = Nomination { $ref }: { $name }, { $status }.
ticket-card-no-nomination = This resident has no nomination yet.
ticket-closed-by-citizen = The resident closed ticket #{ $id }; Siaga serves them again.
ticket-quiet-officer-closed = Ticket #{ $id } closed automatically after { $minutes } minutes without a message; the resident is back with Siaga.
ticket-quiet-officer-released = Ticket #{ $id } went back to the queue: { $minutes } minutes without an answer.
ticket-escalated = ⏰ Ticket #{ $id } (Kelurahan { $kelurahan }) is still unanswered after { $hours } office hours:
    "{ $text }"
ticket-not-held = You no longer hold ticket #{ $id } (let go after a long silence, or taken by another officer); the message was not sent. Press Balas on it in /tiket to answer again.
officer-named = { $name } ({ $role })
confirm-approve = Approve nomination { $ref } for { $name }? It takes one place of the quota (left now: { $left }), and the citizen is told at once.
btn-confirm-approve = ✅ Yes, approve
confirm-reject = Reject nomination { $ref } for { $name } with the reason "{ $reason }"? The citizen is told at once, with the reason.
btn-confirm-reject = ❌ Yes, reject
menu-officer = Officer menu (press a button or type its number):
menu-queue = 📋 Nomination queue
menu-onbehalf = 📝 Nominate resident
menu-tickets = ❓ Questions
menu-stats = 📊 Statistics
tg-command-antrian = The kelurahan's nomination queue
tg-command-usulkan = Nominate a resident without a phone
tg-command-tiket = Residents' questions
tg-command-statistik = Program statistics
tg-command-notifikasi = Notification settings
tg-command-undang = Create a reviewer invite code
tg-command-reviewer = List reviewers
tg-command-kuota = Set the quota
tg-command-siaran = Send a broadcast
tg-command-status_siaran = Broadcast progress
chart-not-sent = (The chart could not be sent to this chat; the figures above are complete. It can be drawn with `siaga admin stats --png`.)
console-link = Your sign-in link to Siaga's web console (one use, valid { $minutes } minutes):
    { $link }
    Do not share this link.
console-not-for-you = The web console is for kelurahan officers and Disnaker KUKM only.
review-late = ⏰ { $count } nominations in Kelurahan { $kelurahan } have waited more than { $days } days. Please review them.
review-late-dinas = ⏰ Nominations waiting more than { $days } days: { $names }. Their lurah are reminded every morning.
