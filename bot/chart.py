"""The statistics chart as a PNG: a stacked bar per kelurahan by status, the quota in the title.
matplotlib is imported here only, when a chart is asked for (it costs ~30 MB of memory)."""

from __future__ import annotations

import io
from typing import Any

WIDTH_PX, HEIGHT_PX, DPI = 1200, 700, 100
COLOURS = {
    "pending": "#f2c14e", "info_requested": "#f78154", "waitlisted": "#9b5de5",
    "approved": "#4d9078", "registered": "#1b4965", "rejected": "#b4436c",
    "withdrawn": "#bbbbbb", "expired": "#777777",
}  # fmt: skip
LABELS = {
    "pending": "menunggu lurah", "info_requested": "minta info", "waitlisted": "daftar tunggu",
    "approved": "disetujui", "registered": "terdaftar", "rejected": "ditolak",
    "withdrawn": "dibatalkan", "expired": "berakhir",
}  # fmt: skip


def render_chart(stats: Any) -> bytes:
    from matplotlib import pyplot as plt

    fig = figure(stats)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    plt.close(fig)
    return buf.getvalue()


def figure(stats: Any) -> Any:
    """The chart as a matplotlib Figure (the caller closes it)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    names = list(stats.by_kelurahan)
    claims = stats.parts.get("claims")
    with_claims = claims is not None and bool(claims.cases or claims.paid)
    if with_claims:  # a second panel below: claims by month and kind (issue 20)
        fig, (ax, lower) = plt.subplots(2, 1, figsize=(WIDTH_PX / DPI, HEIGHT_PX * 1.6 / DPI),
                                        dpi=DPI, height_ratios=(3, 2))  # fmt: skip
        claims_panel(lower, claims)
    else:
        fig, ax = plt.subplots(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    bottom = [0] * len(names)
    for status, colour in COLOURS.items():
        values = [stats.by_kelurahan[n][status] for n in names]
        if any(values):
            ax.bar(names, values, bottom=bottom, color=colour, label=LABELS[status])
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    if stats.quota_total is None:
        quota = "belum ditetapkan"
    else:
        left = max(stats.quota_total - stats.quota_used, 0)
        quota = f"{stats.quota_used} dari {stats.quota_total} terpakai, sisa {left}"
    ax.set_title(f"Usulan Pro JKK-JKM per kelurahan — kuota {stats.period}: {quota}")
    ax.set_ylabel("usulan")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # people, not fractions
    ax.tick_params(axis="x", labelrotation=60, labelsize=8)
    if any(bottom):
        # beside the plot, never over it: the tallest bars are the ones that matter
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    fig.tight_layout()
    return fig


KIND_COLOURS = {"death": "#1b4965", "work_death": "#b4436c", "accident": "#f2c14e"}
KIND_LABELS = {
    "death": "JKM meninggal",
    "work_death": "JKK meninggal",
    "accident": "JKK kecelakaan",
}


def claims_panel(ax: Any, claims: Any) -> None:
    """Cases reported per month, stacked by kind; the amounts paid and the claim ratio in the
    title (the figure the Dinas reports to the city)."""
    from matplotlib.ticker import MaxNLocator

    months = sorted({m for m, _ in claims.cases} | {m for m, _ in claims.paid})[-12:]
    bottom = [0] * len(months)
    for kind, colour in KIND_COLOURS.items():
        values = [claims.cases[(m, kind)] for m in months]
        if any(values):
            ax.bar(months, values, bottom=bottom, color=colour, label=KIND_LABELS[kind])
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    paid = sum(claims.paid[(m, k)] for m in months for k in KIND_COLOURS)
    ratio = f"{claims.ratio * 100:.0f}%" if claims.ratio is not None else "-"
    ax.set_title(f"Klaim per bulan — dibayar Rp{paid:,} ".replace(",", ".")
                 + f"· rasio klaim {claims.since:%Y}: {ratio}")  # fmt: skip
    ax.set_ylabel("kasus")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if any(bottom):
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
