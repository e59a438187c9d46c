"""Nominations and their review: the lurah's queue and decisions, the quota, new-nomination
notices, the review deadline and the kelurahan nobody reviews, BPJS's confirmation and the
cover it starts, the Dinas's registry lists, statistics, and /status of one's own.

The public surface other capabilities and the doors use; the modules inside are this
capability's own (an import-linter contract keeps it so)."""

from __future__ import annotations

from handlers.core.capability import Capability, Command, Erasure, Job, MenuEntry
from handlers.nominations import (
    coverage,
    deadline,
    erasure,
    gaps,
    notices,
    queue,
    quota,
    registration,
    stats,
    status,
)
from handlers.nominations.coverage import (
    RegisterReport,
    batches,
    cover_msg,
    coverage_reminders,
    covers_on,
    mark_registered,
)
from handlers.nominations.export import COLUMNS, NUMERIC, approved_rows
from handlers.nominations.export import export as export_approved
from handlers.nominations.gaps import without_reviewer
from handlers.nominations.notices import filed
from handlers.nominations.port import Decisions, NominationsStore, Notices
from handlers.nominations.queue import REJECT_REASONS, list_lines
from handlers.nominations.quota import allocation
from handlers.nominations.quota import quota as quota_reply
from handlers.nominations.records import (
    Approved,
    DuplicateNik,
    DuplicateRef,
    Listed,
    Nomination,
    RegistryFacts,
    Upload,
)
from handlers.nominations.registration import apply, keep, kept, participants, statuses, take
from handlers.nominations.registries import index_of
from handlers.nominations.registries import replace as replace_registry
from handlers.nominations.review import (
    Outcome,
    Result,
    answer_info,
    approve,
    decided_by,
    period_of,
    places_left,
    reject,
    request_info,
)
from handlers.nominations.stats import Stats, statistics
from handlers.nominations.views import Overview, already_decided, listing, overview, show_nik
from handlers.nominations.views import visible as visible_nomination

CAPABILITY = Capability(
    "nominations",
    flows=(queue.QUEUE_FLOW, status.STATUS),
    commands=(Command("quota", ("kuota",), quota._quota),
              Command("stats", ("statistik",), stats._stats)),
    menu=(MenuEntry("menu-status", "status", citizen=20),
          MenuEntry("menu-queue", "queue", officer=10),
          MenuEntry("menu-stats", "stats", officer=40)),
    notices={"queue": queue.on_button},
    jobs=(Job("coverage", coverage.coverage_reminders, hour=7),
          Job("reviewer_gaps", gaps.daily_alert, hour=7),
          Job("review_late", deadline.remind, hour=7),
          Job("digests", notices.digests),
          Job("purge_uploads", registration.purge, hour=2, retention=True)),
    status=status.own,
    my_data=erasure.held,
    erase=Erasure(warn=erasure.active_refs, run=erasure.erase),
)  # fmt: skip

__all__ = [
    "CAPABILITY", "COLUMNS", "NUMERIC", "REJECT_REASONS", "Approved", "Decisions",
    "DuplicateNik", "DuplicateRef", "Listed", "Nomination", "NominationsStore", "Notices",
    "Outcome", "Overview", "RegisterReport", "RegistryFacts", "Result", "Stats", "Upload",
    "allocation", "already_decided", "answer_info", "apply", "approve", "approved_rows", "batches",
    "cover_msg", "coverage_reminders", "covers_on", "decided_by", "export_approved", "filed",
    "index_of", "keep", "kept", "list_lines", "listing", "mark_registered", "overview",
    "participants", "period_of", "places_left", "quota_reply", "reject", "replace_registry",
    "request_info", "show_nik", "statistics", "statuses", "take", "visible_nomination",
    "without_reviewer",
]  # fmt: skip
