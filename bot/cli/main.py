"""The `siaga` command. It only wires: construction lives in bot.app (composition root)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.words import say

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Siaga — Pro JKK-JKM Kota Madiun",
)


@app.callback()
def _root(
    bahasa: Annotated[
        str, typer.Option("--bahasa", help="Bahasa keluaran perintah: id | en | jv")
    ] = "id",
) -> None:
    """Siaga: cek kelayakan, daftar, dan tinjau usulan Pro JKK-JKM Kota Madiun."""
    from bot.cli import words

    if bahasa not in words.LOCALES:
        _fail(words.say("cli-bad-language", value=bahasa, choices=", ".join(words.LOCALES)))
    words.use(bahasa)


def _fail(text: str) -> None:
    typer.echo(text, err=True)
    raise typer.Exit(2)


@app.command()
def check(
    nik: Annotated[str | None, typer.Option(help="NIK 16 digit")] = None,
    age: Annotated[str | None, typer.Option(help="Umur yang disampaikan")] = None,
    occupation: Annotated[str | None, typer.Option(help="Pekerjaan, bebas diketik")] = None,
    kelurahan: Annotated[str | None, typer.Option(help="Kelurahan tempat tinggal")] = None,
    dtks: Annotated[str | None, typer.Option(help="ya | tidak | tidak-tahu")] = None,
    bpjs: Annotated[str | None, typer.Option(help="tidak | pu | bpu | tidak-tahu")] = None,
    heirs: Annotated[str | None, typer.Option(help="Anak usia sekolah: ya | tidak")] = None,
    on: Annotated[
        str | None, typer.Option(help="Tanggal cek YYYY-MM-DD (default hari ini)")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Keluaran JSON")] = False,
    csv_in: Annotated[Path | None, typer.Option("--csv", help="Daftar warga (CSV)")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Hasil penyaringan (CSV)")] = None,
) -> None:
    """Cek kelayakan satu orang, atau saring daftar warga dari CSV."""
    from bot.app import load_catalogue, load_program_or_exit
    from bot.cli.check import check_csv, check_one
    from bot.screening import InputError, Row
    from handlers.core.messages import Msg

    catalogue = load_catalogue()
    program = load_program_or_exit()
    try:
        try:
            day = date.fromisoformat(on) if on else date.today()
        except ValueError:
            raise InputError(Msg("cli-bad-date", {"value": on or ""})) from None
        if csv_in is not None:
            if out is None:
                raise InputError(Msg("cli-csv-needs-out"))
            code = check_csv(program, catalogue, csv_in, out, day)
        else:
            missing = [
                name
                for name, value in (
                    ("--nik", nik), ("--occupation", occupation),
                    ("--kelurahan", kelurahan), ("--dtks", dtks),
                )
                if not value
            ]  # fmt: skip
            if missing:
                raise InputError(Msg("cli-missing-options", {"options": ", ".join(missing)}))
            assert nik and occupation and kelurahan and dtks
            row = Row(nik, age, occupation, kelurahan, dtks, bpjs, heirs)
            code = check_one(program, catalogue, row, day, json_out)
    except InputError as exc:
        _fail(catalogue.render(exc.msg))
        return
    raise typer.Exit(code)


@app.command()
def chat(
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="Setiap pesan bot sebagai satu baris JSON")
    ] = False,
    user: Annotated[
        str | None, typer.Option("--user", help="Identitas pengguna (default: user OS)")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="URL basis data (atau SIAGA_DATABASE_URL)")
    ] = None,
) -> None:
    """Ngobrol dengan Siaga di terminal (percakapan yang sama dengan Telegram/WhatsApp)."""
    import asyncio
    import getpass

    from bot.app import build, load_settings
    from bot.channels.console import run_console
    from bot.logs import setup_logging

    settings = load_settings()
    if db:
        settings.database_url = db
    setup_logging(settings.log_level if sys.stdin.isatty() else "WARNING", settings.log_format)
    who = user or getpass.getuser()

    async def run() -> None:
        app = await build(settings)
        console = app.console(who, jsonl)
        lines = None if sys.stdin.isatty() and not jsonl else sys.stdin
        try:
            await app.keep_retention()
            await app.dispatcher.deliver_waiting(console, who)
            await run_console(console, lambda text: app.say(console, text), lines)
        finally:
            await app.close()

    asyncio.run(run())


telegram_app = typer.Typer(help="Kanal Telegram", no_args_is_help=False)
app.add_typer(telegram_app, name="telegram")


@telegram_app.callback(invoke_without_command=True)
def telegram(ctx: typer.Context) -> None:
    """Jalankan bot Telegram dengan long polling (SIAGA_TELEGRAM_TOKEN)."""
    if ctx.invoked_subcommand is not None:
        return
    import asyncio

    from bot.app import load_settings
    from bot.channels.telegram.factory import MissingToken
    from bot.cli.serve import run_polling_service
    from bot.logs import setup_logging

    settings = load_settings()
    setup_logging(settings.log_level, settings.log_format)
    try:
        asyncio.run(run_polling_service(settings))
    except MissingToken as exc:
        _fail(f"{exc}.")


@telegram_app.command("set-webhook")
def set_webhook(url: str) -> None:
    """Daftarkan URL webhook (https://…/telegram/webhook) dengan secret yang dibuat otomatis."""
    import asyncio

    from bot.app import load_settings
    from bot.channels.telegram.factory import MissingToken, make_bot, webhook_secret

    settings = load_settings()

    async def run() -> None:
        try:
            bot = make_bot(settings)
        except MissingToken as exc:
            _fail(f"{exc}.")
            return
        try:
            secret = webhook_secret(settings, create=True)
            await bot.set_webhook(
                url, secret_token=secret, allowed_updates=["message", "callback_query"]
            )
            typer.echo(say("cli-webhook-set", url=url))
        finally:
            await bot.session.close()

    asyncio.run(run())


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Alamat (default SIAGA_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default SIAGA_PORT)")] = None,
    role: Annotated[
        str,
        typer.Option(
            help="all (semua, default) | webhook (webhook saja) | console (konsol petugas) | "
            "jobs (jadwal, pengirim pesan)"
        ),
    ] = "all",
) -> None:
    """Jalankan aplikasi HTTP: webhook Telegram dan /healthz."""
    import asyncio

    from bot.app import load_settings
    from bot.cli.serve import ROLES, run_http_service
    from bot.logs import setup_logging

    if role not in ROLES:
        _fail(say("cli-role-unknown", roles=", ".join(ROLES)))
    settings = load_settings()
    setup_logging(settings.log_level, settings.log_format)
    asyncio.run(run_http_service(settings, host or settings.host, port or settings.port, role))


def _admin() -> None:
    from bot.cli.admin import admin_app
    from bot.cli.participants import add_commands

    add_commands(admin_app)  # issue 29
    app.add_typer(admin_app, name="admin")


_admin()

db_app = typer.Typer(help="Basis data", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Terapkan migrasi Alembic sampai versi terbaru."""
    import asyncio

    from bot.app import SCHEMA, load_settings, upgrade_schema

    asyncio.run(upgrade_schema(load_settings()))
    typer.echo(say("cli-db-at", version=SCHEMA))


@db_app.command("current")
def db_current() -> None:
    """Tampilkan versi migrasi basis data saat ini."""
    import asyncio

    from bot.app import SCHEMA, load_settings, schema_version

    rev = asyncio.run(schema_version(load_settings()))
    state = say("cli-db-latest") if rev == SCHEMA else say("cli-db-behind", head=SCHEMA)
    typer.echo(f"{rev or say('cli-empty')} ({state})")


@app.command()
def doctor() -> None:
    """Periksa pengaturan, basis data, kunci NIK, Telegram dan WhatsApp (tidak mengubah apa pun)."""
    import asyncio

    from bot.app import load_settings
    from bot.cli.doctor import FAIL, examine

    try:
        settings = load_settings()
    except Exception as exc:  # pydantic says which setting and why
        _fail(f"{say('doctor-verdict-fail')}  {say('doctor-settings')}: {exc}")
        return
    findings = asyncio.run(examine(settings))
    for f in findings:
        typer.echo(f"{say('doctor-verdict-' + f.verdict):<10} {f.what}: {f.detail}")
    if any(f.verdict == FAIL for f in findings):
        raise typer.Exit(1)


def main() -> None:
    from bot.app import KeyProblem

    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except KeyProblem as problem:  # the NIK key: said plainly, no traceback, nothing started
        print(say("cli-not-started", why=str(problem)), file=sys.stderr)
        sys.exit(3)
