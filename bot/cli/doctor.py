"""`siaga doctor`: each part of a deployment checked, with a clear verdict and what to do.

Settings, the data directory, the database (reachable, schema current), the NIK key, the
Telegram token and webhook, the WhatsApp settings. Nothing is changed; exit code 1 on a FAIL.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from bot.cli.words import say
from bot.config import Settings

# Verdicts, said as cli.ftl's doctor-verdict-* (OK / PERINGATAN / GAGAL in Indonesian)
OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass(frozen=True)
class Finding:
    verdict: str
    what: str
    detail: str


async def examine(settings: Settings) -> list[Finding]:
    out: list[Finding] = []
    out += _data_dir(settings)
    out += await _database(settings)
    out += _nik_key(settings)
    out += await _key_opens_database(settings)
    out += _admins(settings)
    out += await _reviewers(settings)
    out += await _telegram(settings)
    out += _whatsapp(settings)
    return out


def _data_dir(s: Settings) -> list[Finding]:
    if s.database_url:
        return [Finding(OK, say("doctor-db-url"), say("doctor-db-url-from-env"))]
    d = s.data_dir
    if d.exists() and not os.access(d, os.W_OK):
        return [Finding(FAIL, say("doctor-data-dir"), say("doctor-data-dir-readonly", path=d))]
    return [
        Finding(
            OK,
            say("doctor-data-dir"),
            say("doctor-data-dir-ok", path=d.resolve(), file=s.sqlite_path().name),
        ),
        _free_space(d),
    ]


# A full disk stops every write (Siaga then refuses updates with 503 until space is freed):
# warn well before. A year of a city's conversations is a few hundred MB.
LOW_DISK = 1 << 30
NO_DISK = 100 << 20


def _free_space(d: Path) -> Finding:
    where = d if d.exists() else next((p for p in d.parents if p.exists()), Path("/"))
    free = shutil.disk_usage(where).free
    gb = f"{free / (1 << 30):.1f}"
    if free < NO_DISK:
        return Finding(FAIL, say("doctor-disk"), say("doctor-disk-full", gb=gb, path=where))
    if free < LOW_DISK:
        return Finding(WARN, say("doctor-disk"), say("doctor-disk-low", gb=gb, path=where))
    return Finding(OK, say("doctor-disk"), say("doctor-disk-ok", gb=gb, path=where))


async def _database(s: Settings) -> list[Finding]:
    from bot.app import SCHEMA as HEAD
    from bot.app import database_exists, schema_version

    if not database_exists(s):
        return [Finding(WARN, say("doctor-db"), say("doctor-db-none"))]
    try:
        version = await schema_version(s)
    except Exception as exc:
        why = f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"
        return [Finding(FAIL, say("doctor-db"), say("doctor-db-unreachable", why=why))]
    if version == HEAD:
        return [Finding(OK, say("doctor-db"), say("doctor-db-ok", version=version))]
    detail = say("doctor-db-behind", version=version or say("cli-empty"), head=HEAD)
    return [Finding(WARN, say("doctor-db"), detail)]


def _nik_key(s: Settings) -> list[Finding]:
    from bot.app import key_path

    if s.nik_key.get_secret_value():
        return [Finding(OK, say("doctor-key"), say("doctor-key-from-env"))]
    path = key_path(s)
    if not path.exists():
        return [Finding(WARN, say("doctor-key"), say("doctor-key-none", path=path))]
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        detail = say("doctor-key-open", path=path, mode=f"{mode:o}")
        return [Finding(FAIL, say("doctor-key"), detail)]
    return [Finding(OK, say("doctor-key"), say("doctor-key-ok", path=path))]


async def _key_opens_database(s: Settings) -> list[Finding]:
    """The same check Siaga makes at start, without writing anything."""
    from bot.app import SCHEMA, KeyProblem, check_key, database_exists, schema_version

    if not database_exists(s):
        return []
    try:
        if await schema_version(s) != SCHEMA:
            return []  # said above; the check value arrives with the migration
        await check_key(s)
    except KeyProblem as problem:
        return [Finding(FAIL if problem.fatal else WARN, say("doctor-key-db"), str(problem))]
    except Exception:
        return []  # the database check above already says what is wrong
    return [Finding(OK, say("doctor-key-db"), say("doctor-key-db-ok"))]


def _admins(s: Settings) -> list[Finding]:
    if s.admin_ids():
        named = ", ".join(sorted(f"{c}:{i}" for c, i in s.admin_ids()))
        return [Finding(OK, say("doctor-admins"), named)]
    return [Finding(WARN, say("doctor-admins"), say("doctor-admins-none"))]


async def _reviewers(s: Settings) -> list[Finding]:
    """Kelurahan nobody reviews: their nominations wait for no one."""
    from bot.app import SCHEMA, build, database_exists, schema_version
    from handlers.nominations import without_reviewer

    if not database_exists(s):
        return []
    try:
        version = await schema_version(s)
    except Exception:  # unreachable: the database finding says so
        return []
    if version != SCHEMA:  # building would upgrade it, and the doctor changes nothing
        return []
    try:
        siaga = await build(s)
    except Exception as exc:  # the database finding above already says why
        why = type(exc).__name__
        return [Finding(WARN, say("doctor-reviewers"), say("doctor-reviewers-unknown", why=why))]
    try:
        async with siaga.unit() as ctx:
            gaps = await without_reviewer(ctx)
    finally:
        await siaga.close()
    if not gaps:
        return [Finding(OK, say("doctor-reviewers"), say("doctor-reviewers-ok"))]
    names = ", ".join(say("doctor-reviewers-waiting", name=k.name, count=n) if n else k.name
                      for k, n in gaps)  # fmt: skip
    detail = say("doctor-reviewers-missing", count=len(gaps), names=names)
    return [Finding(WARN, say("doctor-reviewers"), detail)]


async def _telegram(s: Settings) -> list[Finding]:
    if not s.telegram_token.get_secret_value():
        return [Finding(WARN, "Telegram", say("doctor-telegram-off"))]
    from bot.channels.telegram.factory import make_bot, webhook_secret

    bot = make_bot(s)
    try:
        me = await bot.get_me()
        info = await bot.get_webhook_info()
    except Exception as exc:
        why = f"{type(exc).__name__}: {str(exc)[:120]}"
        return [Finding(FAIL, "Telegram", say("doctor-telegram-bad", why=why))]
    finally:
        await bot.session.close()
    found = [Finding(OK, "Telegram", f"bot @{me.username}")]
    hook = say("doctor-webhook")
    if info.url:
        secret = webhook_secret(s)
        verdict = OK if secret else FAIL
        note = "" if secret else say("doctor-webhook-no-secret")
        found.append(Finding(verdict, hook, f"{info.url}{note}"))
        if info.last_error_message:
            last = say("doctor-webhook-error", error=info.last_error_message)
            found.append(Finding(WARN, hook, last))
    else:
        found.append(Finding(WARN, hook, say("doctor-webhook-none")))
    return found


def _whatsapp(s: Settings) -> list[Finding]:
    parts = {
        "SIAGA_WHATSAPP_PHONE_NUMBER_ID": s.whatsapp_phone_number_id,
        "SIAGA_WHATSAPP_TOKEN": s.whatsapp_token.get_secret_value(),
        "SIAGA_WHATSAPP_APP_SECRET": s.whatsapp_app_secret.get_secret_value(),
        "SIAGA_WHATSAPP_VERIFY_TOKEN": s.whatsapp_verify_token.get_secret_value(),
    }
    missing = [k for k, v in parts.items() if not v]
    if len(missing) == len(parts):
        return [Finding(WARN, "WhatsApp", say("doctor-whatsapp-off"))]
    if missing:
        return [Finding(FAIL, "WhatsApp", say("doctor-whatsapp-missing", names=", ".join(missing)))]
    if not s.whatsapp_template:
        return [Finding(WARN, "WhatsApp", say("doctor-whatsapp-no-template"))]
    if not s.whatsapp_news_template:
        return [Finding(WARN, "WhatsApp", say("doctor-whatsapp-no-news"))]
    return [Finding(OK, "WhatsApp", say("doctor-whatsapp-ok", number=s.whatsapp_phone_number_id,
                                        template=s.whatsapp_template,
                                        news=s.whatsapp_news_template))]  # fmt: skip
