"""Prometheus metrics in the text exposition format, kept in process (no client library: a few
counters and one histogram do not need one). Gauges that live in the database (outbox backlog,
broadcast progress, quota left) are read when /metrics is scraped."""

from __future__ import annotations

from collections import defaultdict

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    def __init__(self) -> None:
        self.updates: defaultdict[tuple[str, str], int] = defaultdict(int)
        self._buckets: defaultdict[str, list[int]] = defaultdict(lambda: [0] * len(BUCKETS))
        self._sum: defaultdict[str, float] = defaultdict(float)
        self._count: defaultdict[str, int] = defaultdict(int)

    def observe(self, channel: str, outcome: str, seconds: float) -> None:
        self.updates[(channel, outcome)] += 1
        buckets = self._buckets[channel]
        for i, bound in enumerate(BUCKETS):
            if seconds <= bound:
                buckets[i] += 1
        self._sum[channel] += seconds
        self._count[channel] += 1

    def render(self, gauges: dict[str, list[tuple[dict[str, str], float]]]) -> str:
        out = [
            "# HELP siaga_updates_total Inbound messages handled, by channel and outcome.",
            "# TYPE siaga_updates_total counter",
        ]
        for (channel, outcome), n in sorted(self.updates.items()):
            out.append(f'siaga_updates_total{{channel="{channel}",outcome="{outcome}"}} {n}')
        out += [
            "# HELP siaga_handle_seconds Time to handle one inbound message (one transaction).",
            "# TYPE siaga_handle_seconds histogram",
        ]
        for channel in sorted(self._count):
            for bound, n in zip(BUCKETS, self._buckets[channel], strict=True):
                out.append(f'siaga_handle_seconds_bucket{{channel="{channel}",le="{bound}"}} {n}')
            out.append(
                f'siaga_handle_seconds_bucket{{channel="{channel}",le="+Inf"}} '
                f"{self._count[channel]}"
            )
            out.append(f'siaga_handle_seconds_sum{{channel="{channel}"}} {self._sum[channel]:.6f}')
            out.append(f'siaga_handle_seconds_count{{channel="{channel}"}} {self._count[channel]}')
        for name, samples in gauges.items():
            out.append(f"# TYPE {name} gauge")
            for labels, value in samples:
                text = ",".join(f'{k}="{v}"' for k, v in labels.items())
                out.append(f"{name}{{{text}}} {value:g}" if text else f"{name} {value:g}")
        return "\n".join(out) + "\n"
