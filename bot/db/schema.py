"""Tables (SQLAlchemy Core, portable types only: SQLite and PostgreSQL run the same schema)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Active statuses hold the one-active-nomination-per-NIK rule (domain.nomination.ACTIVE).
ACTIVE_SQL = "status IN ('pending','info_requested','waitlisted','approved','registered')"

Id = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrements INTEGER PRIMARY KEY only


def numbered(name: str, *columns: Any) -> Table:
    """A table whose rows are numbered by an "id" first column; SQLite never reuses an id
    after a deletion (AUTOINCREMENT, migration 0007), so an id in an old link or log names
    nothing rather than someone else's row."""
    return Table(name, metadata, Column("id", Id, primary_key=True, autoincrement=True),
                 *columns, sqlite_autoincrement=True)  # fmt: skip


people = numbered(
    "people",
    Column("channel", String(16), nullable=False),
    Column("external_id", String(160), nullable=False),  # a WhatsApp BSUID: up to 131 characters
    Column("role", String(16), nullable=False, server_default="citizen"),
    Column("locale", String(8), nullable=False, server_default="id"),
    Column("kelurahan_code", String(16)),
    Column("consent_version", String(32)),
    Column("consent_at", DateTime(timezone=True)),
    # Reminders and broadcasts: None = never asked, True = said yes, False = said no (/berhenti)
    Column("broadcast_opt_in", Boolean),
    Column("blocked", Boolean, nullable=False, server_default=text("false")),
    Column("last_inbound_at", DateTime(timezone=True)),
    # WhatsApp: messages wait for this person to write again (outside the 24-hour window) since
    # then, and they were told once; read with the person on every update, so no statement is
    # added to the hot path to find them (0016)
    Column("waiting_since", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # reviewers: None = tell me of each new nomination at once; an hour = a daily digest then
    Column("digest_hour", Integer),
    Column("display_name", String(100)),  # officers only: their name in lists (0011)
    UniqueConstraint("channel", "external_id", name="uq_people_channel_external"),
)
Index("ix_people_role_kelurahan", people.c.role, people.c.kelurahan_code)

consents = numbered(
    "consents",
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(16), nullable=False),  # data | broadcast | in_person
    Column("notice_version", String(32), nullable=False),
    Column("granted", Boolean, nullable=False),
    Column("given_via", Id),  # the lurah who recorded an in-person consent
    Column("at", DateTime(timezone=True), nullable=False),
)

conversations = Table(
    "conversations",
    metadata,
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("flow", String(16), nullable=False),
    Column("step", String(24), nullable=False),
    Column("answers", JSON, nullable=False),
    Column("version", Integer, nullable=False),
    Column("misses", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_conversations_updated_at", conversations.c.updated_at)

nominations = numbered(
    "nominations",
    Column("ref", String(16), nullable=False, unique=True),
    Column("person_id", ForeignKey("people.id", ondelete="SET NULL")),
    Column("filed_by", ForeignKey("people.id", ondelete="SET NULL")),
    Column("kelurahan_code", String(16), nullable=False),
    Column("name", Text),  # NULL once the person asked for deletion
    Column("nik_enc", Text),  # Fernet token
    Column("nik_index", String(64)),  # keyed blind index (HMAC-SHA256) for duplicates
    Column("nik_masked", String(32), nullable=False),
    Column("answers", JSON, nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("priority", Integer, nullable=False),
    Column("status", String(16), nullable=False),
    Column("status_note", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True)),
    Column("coverage_start", DateTime(timezone=True)),
    Column("coverage_end", DateTime(timezone=True)),
    Column("decided_by", Id),
    Column("period", String(16)),  # the quota period an approval took its place from
    Column("info_question", Text),
    Column("info_answer", Text),
    Column("on_behalf", Boolean, nullable=False, server_default=text("false")),
    Column("coverage_reminded_at", DateTime(timezone=True)),
)
# One active nomination per NIK, whatever the channel or account — enforced by the database,
# so two workers racing cannot both file (a partial unique index in SQLite and PostgreSQL).
active_nik = Index(
    "uq_nominations_active_nik", nominations.c.nik_index, unique=True, sqlite_where=text(ACTIVE_SQL)
)


# "Tanya petugas": a citizen's question to an officer, and what was said both ways while it is
# open (text only: media is forwarded by the platform's id and never kept). One officer holds
# it at a time; the person's erasure deletes it (cascade).
tickets = numbered(
    "tickets",
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("kelurahan_code", String(32)),
    Column("status", String(16), nullable=False),  # open | held | closed
    Column("held_by", ForeignKey("people.id", ondelete="SET NULL")),
    Column("messages", JSON, nullable=False),  # [{"from": "citizen"|"officer", "text", "at"}]
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("answered_at", DateTime(timezone=True)),
    Column("closed_at", DateTime(timezone=True)),
    Column("rating", Integer),
    Column("last_at", DateTime(timezone=True)),  # the last word either way (quiet release)
    Column("escalated_at", DateTime(timezone=True)),  # sent on to the Dinas past its deadline
)
Index("ix_tickets_person", tickets.c.person_id, tickets.c.status)
Index("ix_tickets_held_by", tickets.c.held_by, tickets.c.status)
Index("ix_tickets_status_last", tickets.c.status, tickets.c.last_at)

# A voice note, photo or document a ticket forwards: the platform's reference, never the
# bytes, kept only while the ticket is live (closing, the retention sweep and erasure delete
# it). Outbox rows name a row here, so a late delivery still finds what to forward.
ticket_media = numbered(
    "ticket_media",
    Column("ticket_id", ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("origin", String(16), nullable=False),  # the channel where `ref` is valid
    Column("kind", String(16), nullable=False),
    Column("ref", String(512), nullable=False),
    Column("mime", String(100), nullable=False, server_default=""),
    Column("size", Integer, nullable=False, server_default="0"),
    Column("seconds", Integer, nullable=False, server_default="0"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
Index("ix_ticket_media_ticket", ticket_media.c.ticket_id)

# A file an officer uploaded on the web console to answer a question (issue 30): no platform
# holds it, so its bytes are kept here until sent, and only as long as the ticket_media row
# naming it (closing, the retention sweep and erasure delete that row, and this with it).
desk_files = Table(
    "desk_files",
    metadata,
    Column("media_id", ForeignKey("ticket_media.id", ondelete="CASCADE"), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)


# When each scheduled job last ran, so schedules survive restarts and a run missed during
# downtime happens once, not once per missed slot.
job_runs = Table(
    "job_runs", metadata, Column("name", String(64), primary_key=True),
    Column("last_run_at", DateTime(timezone=True), nullable=False),
)  # fmt: skip


def add_postgresql_options() -> None:
    """PostgreSQL's half of the partial index above, for Alembic (migrations/env.py). Not set
    at import: naming a postgresql_ option loads SQLAlchemy's PostgreSQL dialect, 2.2 MB, into
    every process, SQLite ones included. The migrations create the index on both databases."""
    active_nik.dialect_options["postgresql"]["where"] = text(ACTIVE_SQL)


Index("ix_nominations_queue", nominations.c.kelurahan_code, nominations.c.status)
Index("ix_nominations_person", nominations.c.person_id)
Index(
    "ix_nominations_overview",
    nominations.c.kelurahan_code,
    nominations.c.status,
    nominations.c.created_at,
    nominations.c.updated_at,
)  # the console's counts (0012)

audit_log = numbered(
    "audit_log",
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", Id),
    Column("action", String(48), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("nomination_id", Id),
    Column("subject", Id),
    Column("before", JSON),
    Column("after", JSON),
    Column("detail", Text, nullable=False, server_default=""),
)
Index("ix_audit_actor_action", audit_log.c.actor, audit_log.c.action, audit_log.c.at)
Index("ix_audit_nomination", audit_log.c.nomination_id)

processed_updates = Table(
    "processed_updates", metadata, Column("channel", String(16), primary_key=True),
    Column("update_id", String(128), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
)  # fmt: skip

outbox = numbered(
    "outbox",
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("external_id", String(160), nullable=False),  # a WhatsApp BSUID: up to 131 characters
    # notice | broadcast | reply | news (the template telling someone messages wait, 0016)
    Column("kind", String(16), nullable=False),
    Column("broadcast_id", Id),
    Column("payload", JSON, nullable=False),  # list of Reply.to_json(), rendered at send time
    # pending → sending → sent | failed | blocked | unconfirmed; or opted_out | cancelled;
    # waiting: for the person to write again (outside WhatsApp's window), then sending
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
    Column("provider_message_id", String(128)),
    Column("last_error", Text),
    Column("claimed_at", DateTime(timezone=True)),  # when a sender took the row ("sending")
    # platform messages of this row that went already (a long text in pieces): a retry sends
    # only the rest (0016)
    Column("pieces", Integer, nullable=False, server_default="0"),
    # WhatsApp: what the platform reported later (delivered, read, failed), and whether the row
    # goes (or went) as the approved template, outside the 24-hour customer-service window
    Column("delivery", String(16)),
    Column("template", Boolean, nullable=False, server_default=text("false")),
    # the person a notice names (a lurah's "new nomination from …"): erased with them
    Column("about_person", Id),
)
Index("ix_outbox_due", outbox.c.status, outbox.c.next_attempt_at)
Index("ix_outbox_broadcast", outbox.c.broadcast_id, outbox.c.status)
Index("ix_outbox_provider_message", outbox.c.provider_message_id)
Index("ix_outbox_about_person", outbox.c.about_person)
Index("ix_outbox_recipient", outbox.c.channel, outbox.c.external_id, outbox.c.status)

invites = numbered(
    "invites",
    Column("code", String(32), nullable=False, unique=True),
    Column("kelurahan_code", String(16), nullable=False),
    Column("created_by", Id),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_by", Id),
    Column("used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

# The quota: places per period, and optionally per kelurahan within it. Approving takes a
# place with one conditional UPDATE (used < total), so concurrent approvals cannot overshoot.
quotas = numbered(
    "quotas",
    Column("period", String(16), nullable=False),
    Column("kelurahan_code", String(16), nullable=False, server_default=""),  # "" = city-wide
    Column("total", Integer, nullable=False),
    Column("used", Integer, nullable=False, server_default="0"),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("period", "kelurahan_code", name="uq_quotas_period_kelurahan"),
)

# A broadcast: one message to an audience, one outbox row per recipient (kind "broadcast").
broadcasts = numbered(
    "broadcasts",
    Column("kind", String(16), nullable=False),  # admin | quota_reminder
    Column("created_by", Id),  # None: the Dinas's shell or the scheduler
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("audience", String(24), nullable=False),
    Column("kelurahan_code", String(16)),
    Column("body", Text, nullable=False),
    Column("status", String(16), nullable=False),  # sending | done | cancelled
    Column("total", Integer, nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    # the admin's live progress message
    Column("progress_channel", String(16)),
    Column("progress_external_id", String(160)),
    Column("progress_message_id", String(128)),
    Column("progress_text", Text),
    Column("progress_at", DateTime(timezone=True)),
)
Index("ix_broadcasts_status", broadcasts.c.status)

# A check value of the NIK key in use (HMAC of a constant under the index key): a missing or
# different key is noticed at start, instead of sealing new NIKs under a key that cannot
# open the old ones and splitting the one-NIK-one-nomination index in two.
key_check = Table(
    "key_check",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)


# The web console (issue 19): one-time sign-in links and the sessions they open. Only SHA-256
# digests of the tokens are kept: a copy of the database signs no one in.
console_links = Table(
    "console_links",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)
console_sessions = Table(
    "console_sessions",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    # the role and kelurahan the link was made for: a change of either ends the session
    Column("role", String(16), nullable=False),
    Column("kelurahan_code", String(32)),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)
Index("ix_console_sessions_person", console_sessions.c.person_id)
# A checked BPJS confirmation file (issue 26 item 6), kept between its preview and "apply" so
# the preview can be paged and the apply form carries an id, not 20,000 references. Only the
# references and the rows with problems (what each said, NIK- and phone-like digits masked);
# one per officer, gone once applied, after a day, or with the officer.
console_uploads = numbered(
    "console_uploads",
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("start", Date, nullable=False),
    Column("good", JSON, nullable=False),  # ["PJK-…", …]
    Column("bad", JSON, nullable=False),  # [[row, what it said, why (a message key), arg], …]
)
Index("ix_console_uploads_person", console_uploads.c.person_id)


# When something happens (issue 20): a reported death or work accident, followed by the Dinas
# to the payout. The participant is found through their nomination; a report naming someone
# no nomination matches keeps what was typed (the NIK sealed, as everywhere) for the officer.
claims = numbered(
    "claims",
    Column("kind", String(16), nullable=False),  # domain.claims.ClaimKind
    Column("status", String(16), nullable=False),  # domain.claims.ClaimStatus
    Column("event_date", Date, nullable=False),
    Column("traffic", Boolean, nullable=False, server_default=text("false")),
    Column("nomination_id", ForeignKey("nominations.id", ondelete="SET NULL")),
    Column("reporter_id", ForeignKey("people.id", ondelete="SET NULL")),
    Column("relation", String(16), nullable=False),  # self | family | other | officer
    Column("named", Text),  # the name the reporter typed
    Column("nik_enc", Text),  # the NIK the reporter typed, sealed
    Column("kelurahan_code", String(32)),
    Column("amount", BigInteger),  # paid
    Column("reason", Text),  # refused
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("due_on", Date, nullable=False),  # the published service time from the report
    Column("reminded_at", DateTime(timezone=True)),  # the Dinas reminded past due_on
    Column("letter_asked_at", DateTime(timezone=True)),  # the lurah asked for the letters
    Column("paid_at", DateTime(timezone=True)),
)
Index("ix_claims_status", claims.c.status, claims.c.due_on)
Index("ix_claims_reporter", claims.c.reporter_id)

# The scholarship's yearly follow-up for each child on a paid case (birth year only).
claim_children = numbered(
    "claim_children",
    Column("claim_id", ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("birth_year", Integer, nullable=False),
    Column("next_on", Date),  # None: no more reminders (turned 23, or the family said stop)
)
Index("ix_claim_children_next", claim_children.c.next_on)

# Registry lists (DTKS/DTSEN from Dinas Sosial, BPJS TK's active members): only the keyed
# blind index of each NIK and the fields the rules read, never a clear NIK. One list per kind
# holds at a time: an import replaces the previous one.
registry_lists = Table(
    "registry_lists",
    metadata,
    Column("kind", String(8), primary_key=True),  # dtks | bpjs
    Column("as_of", Date, nullable=False),  # the list's own date
    Column("rows", Integer, nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
)
registry_entries = Table(
    "registry_entries",
    metadata,
    Column("kind", String(8), primary_key=True),
    Column("nik_index", String(64), primary_key=True),
    Column("desil", Integer),  # DTSEN decile 1–10, where the list gives one
    Column("segment", String(8)),  # BPJS: pu | bpu | pemda
)

# Limits on what one account may do in a day that an erasure must not reset (issue 26): one
# row per counted act, keyed by an HMAC of (channel, account id) under the NIK key's index
# half, never by the person's id nor in clear; kept two days (the daily purge).
account_marks = numbered(
    "account_marks",
    Column("action", String(32), nullable=False),
    Column("account", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
_m = account_marks.c
Index("ix_account_marks_action", _m.action, _m.account, _m.at)
# Messages Siaga did not understand, or read wrongly (the person chose another option), kept
# masked (domain.masking) for 90 days so the Dinas can label them for the next training of the
# reader (issue 27, point 7). The person's id only finds their rows for erasure (/hapus).
unclear_messages = numbered(
    "unclear_messages",
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("place", String(16), nullable=False),  # domain.learning.PLACES
    Column("lang", String(4), nullable=False),  # id | jv | en | mix
    Column("text", Text, nullable=False),  # masked
    Column("reading", String(64)),  # what the reader made of it, if anything
    Column("confidence", Float),
    Column("chosen", String(64)),  # what the person picked instead
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("label", String(120)),  # the Dinas's `means` for it
    Column("labelled_by", Id),  # the officer (a person id, as audit_log.actor)
    Column("labelled_at", DateTime(timezone=True)),
)
Index("ix_unclear_messages_person", unclear_messages.c.person_id, unclear_messages.c.created_at)
Index("ix_unclear_messages_created", unclear_messages.c.created_at)
Index("ix_unclear_messages_label", unclear_messages.c.label, unclear_messages.c.id)

# The people already covered (issue 29): the Dinas's or BPJS's participant list, imported
# monthly. NIK, phone and KPJ are never in clear: one Fernet token holds the three (sealing
# each apart triples the cost of a 17,500-row import), the NIK's and the phone's keyed blind
# indexes find a row, and `digest` (an HMAC of the whole row) tells a re-import what changed.
# A row that leaves the list is ended, not deleted: its renewal and its link stay on record.
participants = Table(
    "participants",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("nik_index", String(64), nullable=False, unique=True),
    Column("sealed", Text, nullable=False),  # vault.seal("nik;hp;kpj")
    Column("nik_masked", String(32), nullable=False),
    Column("hp_index", String(64)),
    Column("digest", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("kelurahan_code", String(16), nullable=False),
    Column("segment", String(8), nullable=False, server_default=""),  # pu | bpu | ""
    Column("occupation", String(80), nullable=False, server_default=""),
    Column("start", Date, nullable=False),
    Column("end", Date, nullable=False),
    Column("active", Boolean, nullable=False, server_default=text("true")),  # on the last list
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # linked by proof (DESIGN rule 8): whatsapp | telegram | lurah
    Column("person_id", ForeignKey("people.id", ondelete="SET NULL")),
    Column("linked_via", String(16)),
    Column("linked_at", DateTime(timezone=True)),
    Column("phone_refused", Boolean, nullable=False, server_default=text("false")),
    # the yearly renewal of the cover ending on `end` (domain.participants)
    Column("renewal", String(16)),  # renew | not_renewed | ask | None: undecided
    Column("renewal_reason", String(16)),
    Column("renewal_note", Text),
    Column("renewal_by", Id),
    Column("renewal_at", DateTime(timezone=True)),
    Column("resident_said", String(8)),  # yes | no: "still living and working in the city?"
    Column("resident_asked_at", DateTime(timezone=True)),
    Column("escalated_at", DateTime(timezone=True)),  # past the deadline: to the Dinas
    sqlite_autoincrement=True,
)
Index("ix_participants_hp", participants.c.hp_index)
Index("ix_participants_person", participants.c.person_id)
Index("ix_participants_kel_end", participants.c.kelurahan_code, participants.c.end)
