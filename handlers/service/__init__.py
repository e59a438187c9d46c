"""Service levels (issue 30 item 2): whether the Dinas and the kelurahan keep their promises
(questions answered within the office-hour deadline, reviews within the review deadline,
claims within the 30 working days) and what residents thought of the answers, per kelurahan
and per officer; a summary to the Dinas every Monday. It reads the other capabilities'
matters only through its own port (the times of each), never their insides.

The public surface others use; the modules inside are this capability's own."""

from __future__ import annotations

from handlers.core.capability import Capability, Job
from handlers.service import levels
from handlers.service.levels import (
    DEFAULT_DAYS,
    PERIODS,
    duration,
    for_console,
    mean,
    percent,
    service_days,
    service_hours,
    table,
)
from handlers.service.port import ServiceStore

CAPABILITY = Capability(
    "service",
    # the slot is the setting of that name (SIAGA_SERVICE_SUMMARY, "mon 07:30")
    jobs=(Job("service_summary", levels.weekly_summary, weekly="service_summary"),),
    stats=levels.part,
)  # fmt: skip

__all__ = ["CAPABILITY", "DEFAULT_DAYS", "PERIODS", "ServiceStore", "duration", "for_console",
           "mean", "percent", "service_days", "service_hours", "table"]  # fmt: skip
