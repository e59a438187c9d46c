"""Prometheus metrics through prometheus-client.

In-process counters (updates by channel and outcome, handling time) are the library's Counter
and Histogram. With several `siaga serve` workers behind one URL, set PROMETHEUS_MULTIPROC_DIR
to an empty folder shared by the workers (the library's multiprocess mode): every scrape then
adds up all workers, not whichever one answered. Gauges that live in the database (outbox
backlog, broadcast progress, quota left) are read when /metrics is scraped, the same from any
worker.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
Gauges = dict[str, list[tuple[dict[str, str], float]]]


def multiprocess() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


class Metrics:
    def __init__(self) -> None:
        # A registry of our own per service (tests build many in one process); in
        # multiprocess mode the values live in the shared folder and are read from there.
        self.registry = CollectorRegistry()
        own = None if multiprocess() else self.registry
        self.updates = Counter(
            "siaga_updates", "Inbound messages handled, by channel and outcome.",
            ["channel", "outcome"], registry=own,
        )  # fmt: skip
        self.handle = Histogram(
            "siaga_handle_seconds", "Time to handle one inbound message (one transaction).",
            ["channel"], buckets=BUCKETS, registry=own,
        )  # fmt: skip

    def observe(self, channel: str, outcome: str, seconds: float) -> None:
        self.updates.labels(channel, outcome).inc()
        self.handle.labels(channel).observe(seconds)

    def render(self, gauges: Gauges) -> bytes:
        if multiprocess():
            counted = CollectorRegistry()
            MultiProcessCollector(counted)  # type: ignore[no-untyped-call]
        else:
            counted = self.registry
        from_database = CollectorRegistry()
        from_database.register(_DatabaseGauges(gauges))
        return generate_latest(counted) + generate_latest(from_database)


class _DatabaseGauges:
    """The gauges read from the database for this scrape, as a collector."""

    def __init__(self, gauges: Gauges) -> None:
        self.gauges = gauges

    def collect(self) -> Iterator[Metric]:
        for name, samples in self.gauges.items():
            labels = sorted({k for sample, _ in samples for k in sample})
            family = GaugeMetricFamily(name, name.replace("_", " "), labels=labels)
            for sample, value in samples:
                family.add_metric([sample.get(k, "") for k in labels], value)
            yield family
