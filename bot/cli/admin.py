"""`siaga admin …`: the Dinas's commands on the server's shell. Wiring only: the work is in
handlers (invites, quota, registration) and bot.export."""

from __future__ import annotations

import asyncio
import csv
import getpass
import sys
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from bot.cli.words import locale, say

admin_app = typer.Typer(help="Perintah admin Disnaker KUKM", no_args_is_help=True)
T = TypeVar("T")


def _run(work: Callable[[Any], Awaitable[T]]) -> T:
    from bot.app import build, load_settings

    async def main() -> T:
        siaga = await build(load_settings())
        try:
            return await work(siaga)
        finally:
            await siaga.close()

    return asyncio.run(main())


def _say(siaga: Any, reply: Any) -> None:
    from bot.channels.render import reply_text

    typer.echo(reply_text(siaga.catalogue, reply, locale()))


def _use_case(run: Callable[[Any], Awaitable[Any]]) -> None:
    """One use case in one unit of work, committed, and its reply printed."""

    async def work(siaga: Any) -> None:
        async with siaga.unit() as ctx:
            out = await run(ctx)
        _say(siaga, out)

    _run(work)


def _in_unit(siaga: Any, run: Callable[[Any], Awaitable[T]], via: str = "") -> Awaitable[T]:
    """One use case in one unit of work (committed), its result returned."""

    async def go() -> T:
        async with siaga.unit(via) as ctx:
            return await run(ctx)

    return go()


def _existing(file: Path) -> Path:
    """The file named on the command line; exit 2 when there is none."""
    if not file.is_file():
        typer.echo(say("cli-file-missing", path=file), err=True)
        raise typer.Exit(2)
    return file


def _day(text: str) -> date:
    """A date typed as YYYY-MM-DD; exit 2 otherwise."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        typer.echo(say("cli-admin-bad-date", value=text), err=True)
        raise typer.Exit(2) from None


def _kelurahan_code(program: Any, name: str | None) -> str | None:
    """The code of the kelurahan named on the command line (None: all); exit 2 if unknown."""
    if not name:
        return None
    kel = program.regions.kelurahan_named(name)
    if kel is None:
        typer.echo(say("cli-admin-no-kelurahan", name=name), err=True)
        raise typer.Exit(2)
    return str(kel.code)


def _who() -> str:
    return f"cli:{getpass.getuser()}"


@admin_app.command("invite")
def invite(kelurahan: Annotated[str, typer.Option(help="Nama kelurahan, mis. Kelun")]) -> None:
    """Buat kode undangan sekali pakai untuk lurah/petugas satu kelurahan."""
    from handlers import officers

    _use_case(lambda ctx: officers.create_invite(ctx, None, kelurahan))


@admin_app.command("login-link")
def login_link(
    who: Annotated[str, typer.Option("--for", help="CHANNEL:ID, mis. console:dinas")],
) -> None:
    """Tautan masuk konsol web sekali pakai (10 menit) untuk seorang petugas."""
    from handlers import officers
    from handlers.core.messages import UserRef

    channel, _, external_id = who.partition(":")
    if channel not in ("console", "telegram", "whatsapp") or not external_id:
        typer.echo(say("cli-admin-login-for"), err=True)
        raise typer.Exit(2)
    _use_case(lambda ctx: officers.sign_in_for(ctx, UserRef(channel, external_id)))


@admin_app.command("invites")
def invites() -> None:
    """Daftar undangan dan statusnya."""
    from handlers import officers

    async def work(siaga: Any) -> None:
        rows = await _in_unit(siaga, officers.invites)
        now = siaga.clock()
        for r in rows:
            state = say("cli-invite-revoked" if r.revoked_at else "cli-invite-used"
                        if r.used_by else "cli-invite-expired" if r.expires_at < now
                        else "cli-invite-active")  # fmt: skip
            kel = siaga.program.regions.kelurahan_by_code(r.kelurahan_code)
            until = say("cli-invite-until", day=f"{r.expires_at:%Y-%m-%d}")
            typer.echo(f"{r.code}  {kel.name if kel else r.kelurahan_code:<16} {state:<11} "
                       f"{until}")  # fmt: skip

    _run(work)


@admin_app.command("revoke")
def revoke(code: str) -> None:
    """Cabut undangan yang belum dipakai."""
    from handlers import officers

    async def work(siaga: Any) -> bool:
        return await _in_unit(siaga, lambda ctx: officers.revoke_invite(ctx, None, code, _who()))

    if not _run(work):
        typer.echo(say("cli-revoke-none"), err=True)
        raise typer.Exit(1)
    typer.echo(say("cli-revoke-done"))


@admin_app.command("reviewers")
def reviewers() -> None:
    """Daftar lurah/petugas peninjau (sama dengan /reviewer di chat)."""
    from handlers import officers
    from handlers.core.records import Person, Role

    shell = Person(0, "cli", _who(), Role.ADMIN)
    _use_case(lambda ctx: officers.reviewers(ctx, shell))


@admin_app.command("remove-reviewer")
def remove_reviewer(person_id: int) -> None:
    """Cabut akses peninjau (nomor # dari `siaga admin reviewers`)."""
    from handlers import officers
    from handlers.core.records import Person, Role

    shell = Person(0, "cli", _who(), Role.ADMIN)
    _use_case(lambda ctx: officers.remove_reviewer(ctx, shell, str(person_id)))


@admin_app.command("quota")
def quota(
    total: Annotated[int | None, typer.Option(help="Jumlah tempat (kosong: tampilkan)")] = None,
    kelurahan: Annotated[str | None, typer.Option(help="Alokasi untuk satu kelurahan")] = None,
    period: Annotated[str | None, typer.Option(help="Periode (default: tahun berjalan)")] = None,
) -> None:
    """Tampilkan atau tetapkan kuota periode, kota atau per kelurahan."""
    from dataclasses import replace

    from handlers import nominations

    async def work(siaga: Any) -> None:
        async with siaga.unit() as ctx:
            if period:
                ctx = replace(ctx, settings=replace(ctx.settings, quota_period=period))
            if kelurahan:
                kel = siaga.program.regions.kelurahan_named(kelurahan)
                if kel is None:
                    typer.echo(say("cli-admin-no-kelurahan", name=kelurahan), err=True)
                    raise typer.Exit(2)
                p, q = await nominations.allocation(ctx, kel.code, total, _who())
                shown = (say("cli-quota-places", total=q[0], used=q[1]) if q
                         else say("cli-quota-none"))  # fmt: skip
                typer.echo(say("cli-quota-allocation", kelurahan=kel.name, period=p, shown=shown))
                return
            out = await nominations.quota_reply(ctx, None, "" if total is None else str(total))
        _say(siaga, out)

    _run(work)


@admin_app.command("export")
def export(
    out: Annotated[Path, typer.Option("--out", help="Berkas .xlsx atau .csv")],
    kelurahan: Annotated[str | None, typer.Option(help="Hanya satu kelurahan")] = None,
) -> None:
    """Ekspor usulan yang disetujui untuk pendaftaran kolektif BPJS Ketenagakerjaan."""
    from bot.export import write_csv, write_xlsx
    from handlers import nominations

    fmt = "xlsx" if out.suffix.lower() == ".xlsx" else "csv" if out.suffix.lower() == ".csv" else ""
    if not fmt:
        typer.echo(say("cli-export-suffix"), err=True)
        raise typer.Exit(2)
    write = write_xlsx if fmt == "xlsx" else write_csv

    async def work(siaga: Any) -> int:
        code = _kelurahan_code(siaga.program, kelurahan)
        return await _in_unit(siaga, lambda ctx: nominations.export_approved(
            ctx, code, fmt, lambda rows: write(rows, out), who=_who()))  # fmt: skip

    n = _run(work)
    typer.echo(say("cli-export-done", count=n, path=out))


@admin_app.command("register")
def register(
    file: Annotated[
        Path, typer.Option("--file", help="CSV dari BPJS: kolom nomor_usulan (atau ref)")
    ],
    start: Annotated[str | None, typer.Option(help="Tanggal mulai perlindungan YYYY-MM-DD")] = None,
) -> None:
    """Tandai terdaftar semua usulan yang dikonfirmasi BPJS Ketenagakerjaan."""
    from domain.reference import parse_reference
    from handlers import nominations

    day = _day(start) if start else None
    with _existing(file).open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        col = next(
            (c for c in (reader.fieldnames or []) if c.strip().lower() in ("nomor_usulan", "ref")),
            None,
        )
        if col is None:
            typer.echo(say("cli-register-no-column"), err=True)
            raise typer.Exit(2)
        refs = [r for r in (parse_reference(row[col] or "") for row in reader) if r]

    async def work(siaga: Any) -> Any:
        # in batches, each committed: a server on the same SQLite file gets its write lock
        # in between (review of issue 26, finding 8)
        report = nominations.RegisterReport()
        for batch in nominations.batches(refs):

            async def one(ctx: Any, batch: list[str] = batch) -> nominations.RegisterReport:
                return await nominations.apply(ctx, batch, day or ctx.today)

            report.add(await _in_unit(siaga, one))
        return report

    report = _run(work)
    typer.echo(say("cli-register-done", registered=len(report.registered),
                   missing=len(report.not_found), waiting=len(report.not_approved)))  # fmt: skip
    for ref in report.not_found + report.not_approved:
        typer.echo(f"  - {ref}", err=True)


@admin_app.command("remind-coverage")
def remind_coverage() -> None:
    """Ingatkan peserta dan lurah bila perlindungan berakhir ≤ 30 hari; akhiri yang lewat."""
    from handlers import nominations

    async def work(siaga: Any) -> tuple[int, int]:
        return await _in_unit(siaga, nominations.coverage_reminders)

    reminded, expired = _run(work)
    typer.echo(say("cli-reminders-done", reminded=reminded, expired=expired))


@admin_app.command("rotate-key")
def rotate_key() -> None:
    """Ganti kunci NIK: semua NIK dienkripsi ulang dalam satu transaksi (hentikan worker dulu)."""
    from bot.app import load_settings
    from bot.app import rotate_key as rotate

    settings = load_settings()

    async def main() -> tuple[str, dict[str, int]]:
        return await rotate(settings, _who())

    fresh, counts = asyncio.run(main())
    typer.echo(say("cli-key-rotated", nominations=counts["nominations"],
                   conversations=counts["conversations"], outbox=counts["outbox"],
                   claims=counts["claims"]))  # fmt: skip
    if counts["registry"]:
        typer.echo(say("cli-key-lists-dropped", count=counts["registry"]))
    if settings.nik_key.get_secret_value():
        typer.echo(say("cli-key-from-env"))
        typer.echo(fresh)
    else:
        typer.echo(say("cli-key-saved"))


@admin_app.command("audit")
def audit(
    nomination: Annotated[str | None, typer.Option(help="Nomor usulan, mis. PJK-7K3Q9")] = None,
    person: Annotated[int | None, typer.Option(help="Nomor orang (#) pelaku atau subjek")] = None,
    limit: Annotated[int, typer.Option(help="Paling banyak baris")] = 200,
) -> None:
    """Tampilkan catatan audit (siapa, kapan, apa, sebelum, sesudah)."""
    import json

    from handlers import officers

    async def work(siaga: Any) -> list[Any]:
        ref = nomination.strip().upper() if nomination else None
        rows = await _in_unit(siaga, lambda ctx: officers.trail(ctx, ref, person, limit))
        return [(r, r.at.astimezone(siaga.tz)) for r in rows]

    for r, local in reversed(_run(work)):
        at = local.strftime("%Y-%m-%d %H:%M:%S WIB")
        who = f"#{r.actor}" if r.actor is not None else say("cli-audit-system")
        extra = ""
        if r.before or r.after:
            before, after = (json.dumps(x, ensure_ascii=False) for x in (r.before, r.after))
            extra = f" {before} → {after}"
        nom = " " + say("cli-audit-nomination", id=str(r.nomination_id)) if r.nomination_id else ""
        sys.stdout.write(f"{at}  {who:<8} {r.action:<28} {r.outcome:<8}{nom}{extra}"
                         f"{' ' + r.detail if r.detail else ''}\n")  # fmt: skip


@admin_app.command("stats")
def stats(
    png: Annotated[Path | None, typer.Option("--png", help="Simpan grafik ke berkas PNG")] = None,
) -> None:
    """Statistik: per status, kelurahan, pekerjaan; kuota; median hari sampai keputusan."""
    from handlers import nominations
    from handlers.core.records import Person, Role

    async def work(siaga: Any) -> Any:
        shell = Person(0, "cli", _who(), Role.ADMIN)
        return await _in_unit(siaga, lambda ctx: nominations.statistics(ctx, shell))

    out = _run(work)
    from bot.app import load_catalogue
    from bot.channels.render import reply_text

    typer.echo(reply_text(load_catalogue(), out, locale()))
    if png is not None and out.image_png is not None:
        png.write_bytes(out.image_png)
        typer.echo(say("cli-stats-chart", path=png))


AUDIENCES = "lurah | lurah_waiting | unfinished | waiting | approved | opted_in"


@admin_app.command("broadcast")
def broadcast_cmd(
    text: Annotated[
        str,
        typer.Option(help="Pesan; isian {kuota_sisa} {antrian_kelurahan} {nama_kelurahan} {nama}"),
    ],
    audience: Annotated[str, typer.Option(help=AUDIENCES)],
    kelurahan: Annotated[str, typer.Option(help="Hanya satu kelurahan (kosong: semua)")] = "",
    yes: Annotated[bool, typer.Option("--yes", help="Kirim tanpa bertanya lagi")] = False,
) -> None:
    """Siaran: tampilkan pratinjau, lalu antrekan satu pesan per penerima."""
    from handlers import broadcasts as broadcast
    from handlers.core.messages import Reply

    if audience not in broadcast.AUDIENCES:
        typer.echo(say("cli-broadcast-audience", value=audience, choices=AUDIENCES), err=True)
        raise typer.Exit(2)

    async def work(siaga: Any) -> None:
        async with siaga.unit() as ctx:
            kel = _kelurahan_code(ctx.program, kelurahan)
            problem = broadcast.check_text(text)
            if problem is not None:
                _say(siaga, Reply((problem,)))
                raise typer.Exit(2)
            parts, reached = await broadcast.preview_parts(ctx, audience, kel, text.strip())
            _say(siaga, Reply(parts))
            if not reached:  # the preview said why nobody would receive it
                raise typer.Exit(1)
            if not (yes or typer.confirm(say("cli-broadcast-confirm"))):
                _say(siaga, Reply.of("bc-not-sent"))  # a choice, not a failure
                raise typer.Exit(0)
            started = await broadcast.queue_broadcast(ctx, None, audience, kel, text.strip())
        if started is not None:
            _say(siaga, started)

    _run(work)


@admin_app.command("broadcasts")
def broadcasts_cmd() -> None:
    """Siaran terakhir dan kemajuannya."""
    from handlers import broadcasts

    async def work(siaga: Any) -> None:
        found = await _in_unit(siaga, broadcasts.recent)
        if not found:
            typer.echo(say("cli-broadcasts-none"))
        for b in found:
            _say(siaga, broadcasts.progress(b, siaga.settings.telegram_rate))

    _run(work)


@admin_app.command("broadcast-cancel")
def broadcast_cancel(broadcast_id: Annotated[int, typer.Argument()] = 0) -> None:
    """Hentikan sisa siaran (tanpa nomor: semua yang sedang berjalan)."""
    from handlers import broadcasts

    _use_case(lambda ctx: broadcasts.cancel(ctx, None, str(broadcast_id or "")))


def _import_registry(kind: str, file: Path, as_of: str, yes: bool) -> None:
    """Read, preview, then (after a yes) replace the list: blind indexes only."""
    from bot.registry import MAX_ERRORS_SHOWN, UnreadableList, read_list
    from handlers import nominations

    file, day = _existing(file), _day(as_of)

    async def work(siaga: Any) -> int:
        async with siaga.unit() as ctx:
            parsed: Any
            try:
                parsed = read_list(file, kind, nominations.index_of(ctx))
            except UnreadableList as exc:
                typer.echo(str(exc), err=True)
                raise typer.Exit(2) from None
            typer.echo(say(f"cli-list-{kind}-read", day=f"{day:%d-%m-%Y}",
                           good=len(parsed.rows), bad=len(parsed.errors),
                           twice=parsed.duplicates, inactive=parsed.inactive))  # fmt: skip
            counts = ", ".join(f"{k}: {v}" for k, v in sorted(parsed.by_value.items()))
            typer.echo(say(f"cli-list-{kind}-per", counts=counts or "-"))
            for number, why in parsed.errors[:MAX_ERRORS_SHOWN]:
                typer.echo(say("cli-list-row", row=str(number), why=why))
            if len(parsed.errors) > MAX_ERRORS_SHOWN:
                typer.echo(say("cli-list-more", count=len(parsed.errors) - MAX_ERRORS_SHOWN))
            if parsed.unreadable:
                shown = ", ".join(str(n) for n in parsed.unreadable[:MAX_ERRORS_SHOWN])
                more = "…" if len(parsed.unreadable) > MAX_ERRORS_SHOWN else ""
                typer.echo(say("cli-list-unreadable", count=len(parsed.unreadable),
                               rows=f"{shown}{more}"))  # fmt: skip
            if not parsed.rows:
                typer.echo(say("cli-list-none-good"), err=True)
                raise typer.Exit(1)
            if not yes and not typer.confirm(say("cli-list-confirm")):
                typer.echo(say("cli-list-cancelled"))
                return 0
            n: int = await nominations.replace_registry(
                ctx, kind, day, parsed.rows, len(parsed.errors)
            )
            return n

    n = _run(work)
    if n:
        typer.echo(say("cli-list-saved", count=n))


AsOf = Annotated[str, typer.Option("--tanggal", help="Tanggal data YYYY-MM-DD")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Tanpa bertanya")]


def _registry_command(kind: str, columns: str, doc: str) -> None:
    """`siaga admin import-<kind> FILE --tanggal …`: one command per kind of list."""

    def command(file: Path, as_of: AsOf, yes: Yes = False) -> None:
        _import_registry(kind, file, as_of, yes)

    command.__doc__ = doc
    # typer reads the file's help from its annotation: made here, with this kind's columns
    command.__annotations__ = {"file": Annotated[Path, typer.Argument(help=f"CSV/XLSX {columns}")],
                               "as_of": AsOf, "yes": Yes, "return": None}  # fmt: skip
    admin_app.command(f"import-{kind}")(command)


_registry_command(
    "dtks",
    "Dinas Sosial: kolom nik, desil",
    "Muat daftar DTKS/DTSEN (Dinas Sosial) untuk memeriksa jawaban warga.",
)
_registry_command("bpjs", "BPJS TK: kolom nik, segmen, status",
                  "Muat daftar peserta aktif BPJS Ketenagakerjaan untuk mencegah kepesertaan "
                  "ganda.")  # fmt: skip


@admin_app.command("claims")
def claims_list(
    all_: Annotated[bool, typer.Option("--all", help="Termasuk yang selesai")] = False,
) -> None:
    """Kasus klaim JKK/JKM: status, batas layanan, keluarga yang melapor."""
    from handlers import claims

    async def work(siaga: Any) -> list[Any]:
        return await _in_unit(siaga, lambda ctx: claims.case_list(ctx, all_, limit=1000))

    cases = _run(work)
    if not cases:
        typer.echo(say("cli-claims-none-all" if all_ else "cli-claims-none-open"))
        return
    for c in cases:
        extra = f" Rp{c.amount:,}".replace(",", ".") if c.amount else ""
        days = say("cli-claim-days", event=f"{c.event_date:%d-%m-%Y}",
                   reported=f"{c.created_at:%d-%m-%Y}", due=f"{c.due_on:%d-%m-%Y}")  # fmt: skip
        typer.echo(f"#{c.id}\t{c.kind.value}\t{c.status.value}{extra}\t{days}")


@admin_app.command("claim")
def claim_step(
    claim_id: Annotated[int, typer.Argument(help="Nomor kasus")],
    status: Annotated[str, typer.Option(help="documents | submitted | paid | refused")],
    amount: Annotated[int | None, typer.Option(help="Jumlah dibayar (paid)")] = None,
    reason: Annotated[str | None, typer.Option(help="Alasan (refused)")] = None,
    children: Annotated[
        str, typer.Option(help="Tahun lahir anak penerima beasiswa: 2012,2016")
    ] = "",
) -> None:
    """Pindahkan kasus klaim ke langkah berikutnya; keluarga diberi tahu."""
    from domain.claims import ClaimStatus
    from handlers import claims

    try:
        to = ClaimStatus(status)
    except ValueError:
        typer.echo(say("cli-claim-bad-status", value=status), err=True)
        raise typer.Exit(2) from None
    years = tuple(int(y) for y in children.replace(" ", "").split(",") if y.isdigit())

    async def work(siaga: Any) -> Any:
        async with siaga.unit("via command line") as ctx:
            outcome, _ = await claims.move(
                ctx, None, claim_id, to, amount=amount, reason=reason, children=years
            )
        return outcome

    outcome = _run(work)
    if outcome is not claims.Moved.DONE:
        typer.echo(say("cli-claim-not-moved", id=str(claim_id), why=outcome.value), err=True)
        raise typer.Exit(1)
    typer.echo(say("cli-claim-moved", id=str(claim_id), status=to.value))


corpus_app = typer.Typer(help="Korpus pesan dan pembaca terlatih (issue 27)", no_args_is_help=True)
admin_app.add_typer(corpus_app, name="corpus")


@corpus_app.command("export")
def corpus_export(
    out: Annotated[Path, typer.Option("--out", help="Berkas .yaml (format tests/cases/corpus)")],
    since: Annotated[
        str | None, typer.Option("--since", help="Hanya pesan sejak tanggal YYYY-MM-DD")
    ] = None,
) -> None:
    """Tulis pesan yang sudah diberi label di konsol (Pelajari) sebagai korpus untuk pelatihan."""
    from bot import corpus
    from handlers import understanding

    day = _day(since) if since else None
    if out.suffix.lower() not in (".yaml", ".yml") or not out.parent.is_dir():
        typer.echo(say("cli-corpus-out", path=out), err=True)
        raise typer.Exit(2)

    async def work(siaga: Any) -> tuple[int, int]:
        async with siaga.unit() as ctx:
            done: tuple[int, int] = await understanding.export_corpus(
                ctx, day, lambda groups: corpus.write(out, groups, ctx.today), _who()
            )
        return done

    messages, groups = _run(work)
    typer.echo(say("cli-corpus-written", count=messages, groups=groups, path=out))


@corpus_app.command("train")
def corpus_train(
    corpus: Annotated[Path, typer.Option(help="folder korpus")] = Path("tests/cases/corpus"),
    out: Annotated[
        Path | None, typer.Option(help="folder model (bawaan: bot/reader/built)")
    ] = None,
    trainer: Annotated[Path, typer.Option(help="folder fasttext-wheel")] = Path(".train"),
) -> None:
    """Bangun ulang model pembaca dari korpus (fastText, satu thread, seed tetap)."""
    import os
    import subprocess

    from bot.reader import train

    if not corpus.is_dir():
        typer.echo(say("cli-corpus-none", path=corpus), err=True)
        raise typer.Exit(2)
    env = dict(os.environ)
    if trainer.is_dir():  # fasttext-wheel beside the project, first on the trainer's path
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(trainer.resolve()), env.get("PYTHONPATH", "")) if p
        )
    args = [sys.executable, "-m", train.__name__, "--corpus", str(corpus)]
    if out is not None:
        args += ["--out", str(out)]
    raise typer.Exit(subprocess.run(args, env=env, check=False).returncode)  # noqa: S603
