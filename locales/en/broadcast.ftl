# Broadcasts by the Dinas's admins, the weekly quota reminder, and agreeing to broadcasts.

ask-optin = Would you like reminders and news about the Pro JKK-JKM program from Siaga (such as places left)? You can stop any time with /berhenti.
btn-optin-yes = Yes, please
btn-optin-no = No, thanks
optin-never = Not asked yet

bc-ask-text = Write the broadcast message (at most 1,000 characters).
    You can use: {"{"}kuota_sisa{"}"} (places left city-wide), {"{"}antrian_kelurahan{"}"} (nominations waiting in the recipient's kelurahan), {"{"}nama_kelurahan{"}"}, {"{"}nama{"}"}.
bc-ask-audience = Send to whom?
bc-audience-lurah = All lurah
bc-audience-lurah_waiting = Lurah with a queue
bc-audience-unfinished = Unfinished checks
bc-audience-waiting = Awaiting decision
bc-audience-approved = Approved
bc-audience-opted_in = Everyone opted in
bc-ask-kelurahan = One kelurahan only? Type its name, or choose all kelurahan.
bc-all-kelurahan = All kelurahan
bc-err-audience = Choose one of the audience buttons.
bc-err-kelurahan = "{ $text }" is not a kelurahan of Kota Madiun.
bc-err-short = The message is too short.
bc-err-placeholder = Unknown field { $names }. You can use: {"{"}kuota_sisa{"}"}, {"{"}antrian_kelurahan{"}"}, {"{"}nama_kelurahan{"}"}, {"{"}nama{"}"}.
bc-preview = Broadcast preview
    Audience: { $audience } · Kelurahan: { $kelurahan }
    Will be sent to { $count } people. Not sent: { $optedout } opted out or not opted in, { $blocked } blocked Siaga.
bc-preview-channel = • { $channel }: { $count }
bc-preview-sample = The message as the first recipient will read it:
    { $text }
bc-preview-nobody = Nobody matches this choice. Change the message or cancel.
bc-send = Send now
bc-edit = Change message
bc-started = Broadcast #{ $id } started for { $count } recipients. Its progress shows in this chat; /batal_siaran { $id } stops the rest.
bc-started-cli = Broadcast #{ $id } is queued for { $count } recipients and sent by the running Siaga service. Follow it with "siaga admin broadcasts"; "siaga admin broadcast-cancel { $id }" stops the rest.
bc-cancelled-draft = Broadcast cancelled; nothing was sent.
channel-telegram = Telegram
channel-whatsapp = WhatsApp
channel-console = Console

broadcast-message = { $text }
broadcast-footer = (Siaga broadcast · type /berhenti to stop receiving broadcasts)
bc-name-lurah = Lurah
bc-name-default = Sir/Madam

bc-progress = Broadcast #{ $id }: sent { $sent } of { $total } · failed { $failed } · blocked { $blocked } · opted out { $optedout } · left { $left }
bc-progress-eta = Expected to finish in { $minutes } minutes.
bc-progress-quiet = Paused for quiet hours; resumes by itself at { $until } WIB.
bc-progress-done = Broadcast #{ $id } finished: sent { $sent } of { $total } · failed { $failed } · blocked { $blocked } · opted out { $optedout }.
bc-progress-cancelled = Broadcast #{ $id } stopped: sent { $sent } of { $total }, { $cancelled } not sent.
bc-progress-wa-budget = WhatsApp: { $count } messages are waiting, as WhatsApp allows { $budget } new people a day outside 24 hours since they last wrote; done in about { $days } more days.
bc-none = No broadcasts yet.
bc-nothing-to-cancel = No broadcast is running.
bc-cancelled = Stopped: { $jobs } broadcasts, { $rows } messages will not be sent.

reminder-quota = Pro JKK-JKM quota reminder
    Places left city-wide: { $left }.
    Nominations waiting in Kelurahan { $kelurahan }: { $waiting }.
reminder-forecast = At the pace of the last 30 days ({ $recent } approved in { $window } days), the quota runs out in about { $days } days.
reminder-forecast-no-pace = No nomination was approved in the last { $days } days.
reminder-forecast-none-left = The quota is used up; new nominations go on the waiting list.
reminder-forecast-no-quota = The Dinas has not set this period's quota yet.
bc-preview-no-quota = ⚠️ No quota is set for this period, so {"{"}kuota_sisa{"}"} will read "-". Set it first with /kuota NUMBER, or take the placeholder out of the message.
bc-not-sent = The broadcast was not sent; nothing was queued.

bc-progress-uncertain = { $count } messages uncertain: the service stopped while sending them, so nobody knows whether they arrived. They are not sent again, so that nobody gets one twice.
