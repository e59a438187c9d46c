"""`siaga admin import-participants`: the participant list (issue 29). Wiring only: the file is
read by bot.participants_file, the change is decided and written by handlers.participants."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from bot.cli.words import say


def add_commands(admin_app: typer.Typer) -> None:
    admin_app.command("import-participants")(import_participants)
    admin_app.command("export-renewals")(export_renewals)


def export_renewals(
    out: Annotated[Path, typer.Option("--out", help="Berkas .xlsx atau .csv")],
    kelurahan: Annotated[str | None, typer.Option(help="Hanya satu kelurahan")] = None,
) -> None:
    """Ekspor peserta yang diperpanjang kelurahan, untuk BPJS Ketenagakerjaan."""
    from bot.cli.admin import _kelurahan_code, _run, _who
    from bot.renewal_export import write
    from handlers import participants

    fmt = {".xlsx": "xlsx", ".csv": "csv"}.get(out.suffix.lower())
    if fmt is None:
        typer.echo(say("cli-participants-suffix"), err=True)
        raise typer.Exit(2)

    async def work(siaga: Any) -> int:
        code = _kelurahan_code(siaga.program, kelurahan)
        async with siaga.unit() as ctx:
            rows = await participants.renewal_rows(ctx, code, None, _who())
            write(rows, out, fmt)
        return len(rows)

    n = _run(work)
    typer.echo(say("cli-renewals-exported", count=n, path=out))


def _kel(regions: Any, code: str) -> str:
    kel = regions.kelurahan_by_code(code)
    return str(kel.name) if kel else code


def _names(pairs: list[tuple[str, str]], total: int) -> str:
    shown = "; ".join(f"{name} ({nik})" for nik, name in pairs)
    more = say("cli-participants-more", count=total - len(pairs)) if total > len(pairs) else ""
    return shown + more


def import_participants(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV/XLSX: nik, nama, kelurahan, mulai, selesai "
            "(hp, segmen, pekerjaan, kpj bila ada)"
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Tanpa bertanya")] = False,
) -> None:
    """Muat daftar peserta Pro JKK-JKM (Dinas/BPJS): pratinjau dulu, lalu perubahannya."""
    from bot.cli.admin import _existing, _run, _who
    from bot.participants_file import read_participants
    from bot.registry import (
        MAX_ERRORS_SHOWN,
        UnreadableList,
    )
    from handlers import nominations, participants

    file = _existing(file)

    async def work(siaga: Any) -> Any:
        async with siaga.unit() as ctx:
            try:
                parsed = read_participants(file, siaga.program, nominations.index_of(ctx))
            except UnreadableList as exc:
                typer.echo(str(exc), err=True)
                raise typer.Exit(2) from None
            regions = siaga.program.regions
            unknown = sum(parsed.unknown_kelurahan.values())
            typer.echo(say("cli-participants-read", file=file.name, good=len(parsed.rows),
                           bad=len(parsed.errors), duplicates=len(parsed.duplicates),
                           unknown=unknown))  # fmt: skip
            named = sorted((_kel(regions, code), n) for code, n in parsed.by_kelurahan.items())
            per_kel = ", ".join(f"{name}: {n}" for name, n in named)
            typer.echo(say("cli-participants-per-kelurahan", list=per_kel or "-"))
            per_seg = ", ".join(f"{k.upper()}: {v}" for k, v in sorted(parsed.by_segment.items()))
            typer.echo(say("cli-participants-per-segment", list=per_seg or "-"))
            for number, why in parsed.errors[:MAX_ERRORS_SHOWN]:
                typer.echo(say("cli-participants-line", number=number, why=why))
            if len(parsed.errors) > MAX_ERRORS_SHOWN:
                typer.echo(
                    say("cli-participants-more-lines", count=len(parsed.errors) - MAX_ERRORS_SHOWN)
                )
            if parsed.duplicates:
                lines = ", ".join(str(n) for n in parsed.duplicates[:MAX_ERRORS_SHOWN])
                typer.echo(say("cli-participants-duplicates", lines=lines))
            if parsed.unknown_kelurahan:
                said = ", ".join(
                    f"{k!r} ({v})" for k, v in parsed.unknown_kelurahan.most_common(10)
                )
                typer.echo(say("cli-participants-unknown", list=said))
            for number, why in parsed.notes[:MAX_ERRORS_SHOWN]:
                typer.echo(say("cli-participants-line", number=number, why=why))
            if parsed.unreadable:
                typer.echo(say("cli-participants-unreadable", count=len(parsed.unreadable)))
            if not parsed.rows:
                typer.echo(say("cli-participants-none-good"), err=True)
                raise typer.Exit(1)
            p = await participants.plan_import(ctx, parsed.rows)
            c = p.change
            by_index = {r.nik_index: r for r in parsed.rows}
            typer.echo(say("cli-participants-change", added=len(c.added), changed=len(c.changed),
                           ended=len(c.ended), same=c.same))  # fmt: skip
            for label, keys in (("cli-participants-added", c.added),
                                ("cli-participants-changed", c.changed)):  # fmt: skip
                if keys:
                    pairs = [
                        (by_index[k].nik_masked, by_index[k].name)
                        for k in keys[: participants.SHOWN]
                    ]
                    typer.echo(say(label, names=_names(pairs, len(keys))))
            if c.ended:
                names = _names(await participants.named(ctx, c.ended), len(c.ended))
                typer.echo(say("cli-participants-ended", names=names))
            if not (c.added or c.changed or c.ended):
                typer.echo(say("cli-participants-nothing"))
                return None
            if not yes and not typer.confirm(say("cli-participants-confirm")):
                typer.echo(say("cli-participants-cancelled"))
                return None
            return await participants.apply_import(ctx, p, _who(), file.name)

    done = _run(work)
    if done is not None:
        typer.echo(say("cli-participants-saved", added=len(done.added),
                       changed=len(done.changed), ended=len(done.ended)))  # fmt: skip
