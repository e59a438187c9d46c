"""`siaga doctor`: each part of a deployment checked, with a clear verdict and what to do.

Settings, the data directory, the database (reachable, schema current), the NIK key, the
Telegram token and webhook, the WhatsApp settings. Nothing is changed; exit code 1 on a FAIL.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings

OK, WARN, FAIL = "OK", "PERINGATAN", "GAGAL"


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
        return [Finding(OK, "Alamat basis data", "dari SIAGA_DATABASE_URL")]
    d = s.data_dir
    if d.exists() and not os.access(d, os.W_OK):
        return [Finding(FAIL, "Folder data", f"{d} tidak bisa ditulis")]
    return [
        Finding(OK, "Folder data", f"{d.resolve()} (SQLite: {s.sqlite_path().name})"),
        _free_space(d),
    ]


# A full disk stops every write (Siaga then refuses updates with 503 until space is freed):
# warn well before. A year of a city's conversations is a few hundred MB.
LOW_DISK = 1 << 30
NO_DISK = 100 << 20


def _free_space(d: Path) -> Finding:
    where = d if d.exists() else next((p for p in d.parents if p.exists()), Path("/"))
    free = shutil.disk_usage(where).free
    text = f"{free / (1 << 30):.1f} GB kosong di {where}"
    if free < NO_DISK:
        return Finding(FAIL, "Ruang disk", text + ": hampir habis, kosongkan sekarang")
    if free < LOW_DISK:
        return Finding(WARN, "Ruang disk", text + ": tinggal sedikit")
    return Finding(OK, "Ruang disk", text)


async def _database(s: Settings) -> list[Finding]:
    from bot.app import SCHEMA as HEAD
    from bot.app import database_exists, schema_version

    if not database_exists(s):
        return [Finding(WARN, "Basis data", "belum ada; dibuat saat Siaga pertama berjalan")]
    try:
        version = await schema_version(s)
    except Exception as exc:
        return [Finding(FAIL, "Basis data", f"tidak bisa dihubungi: {type(exc).__name__}: "
                        f"{str(exc).splitlines()[0][:120]}")]  # fmt: skip
    if version == HEAD:
        return [Finding(OK, "Basis data", f"terhubung, skema terbaru ({version})")]
    detail = (f"skema {version or 'kosong'}, kode {HEAD}: jalankan `siaga db upgrade` "
              "(atau biarkan Siaga menjalankannya saat mulai)")  # fmt: skip
    return [Finding(WARN, "Basis data", detail)]


def _nik_key(s: Settings) -> list[Finding]:
    from bot.app import key_path

    if s.nik_key.get_secret_value():
        return [Finding(OK, "Kunci NIK", "dari SIAGA_NIK_KEY")]
    path = key_path(s)
    if not path.exists():
        detail = (f"{path} belum ada; dibuat saat pertama berjalan. Simpan cadangannya: "
                  "tanpa kunci, NIK tersimpan tidak bisa dibaca")  # fmt: skip
        return [Finding(WARN, "Kunci NIK", detail)]
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        return [Finding(FAIL, "Kunci NIK", f"{path} bisa dibaca orang lain (mode {mode:o}); "
                        "jalankan chmod 600")]  # fmt: skip
    return [Finding(OK, "Kunci NIK", f"{path} (mode 600)")]


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
        return [Finding(FAIL if problem.fatal else WARN, "Kunci NIK vs basis data", str(problem))]
    except Exception:
        return []  # the database check above already says what is wrong
    return [Finding(OK, "Kunci NIK vs basis data", "kunci ini membuka NIK yang tersimpan")]


def _admins(s: Settings) -> list[Finding]:
    if s.admin_ids():
        return [Finding(OK, "Admin", ", ".join(sorted(f"{c}:{i}" for c, i in s.admin_ids())))]
    return [Finding(WARN, "Admin", "SIAGA_ADMINS kosong: tidak ada yang bisa /undang atau /siaran")]


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
        return [Finding(WARN, "Petugas peninjau", f"tidak bisa diperiksa: {type(exc).__name__}")]
    try:
        async with siaga.unit() as ctx:
            gaps = await without_reviewer(ctx)
    finally:
        await siaga.close()
    if not gaps:
        return [Finding(OK, "Petugas peninjau", "setiap kelurahan punya petugas")]
    names = ", ".join(f"{k.name} ({n} menunggu)" if n else k.name for k, n in gaps)
    return [Finding(WARN, "Petugas peninjau", f"{len(gaps)} kelurahan tanpa petugas: {names}")]


async def _telegram(s: Settings) -> list[Finding]:
    if not s.telegram_token.get_secret_value():
        return [Finding(WARN, "Telegram", "SIAGA_TELEGRAM_TOKEN kosong: kanal Telegram mati")]
    from bot.channels.telegram.factory import make_bot, webhook_secret

    bot = make_bot(s)
    try:
        me = await bot.get_me()
        info = await bot.get_webhook_info()
    except Exception as exc:
        return [Finding(FAIL, "Telegram", f"token atau server Bot API bermasalah: "
                        f"{type(exc).__name__}: {str(exc)[:120]}")]  # fmt: skip
    finally:
        await bot.session.close()
    found = [Finding(OK, "Telegram", f"bot @{me.username}")]
    if info.url:
        secret = webhook_secret(s)
        verdict = OK if secret else FAIL
        note = "" if secret else " — tetapi secret tidak ada di pengaturan/data: webhook akan 401"
        found.append(Finding(verdict, "Webhook Telegram", f"{info.url}{note}"))
        if info.last_error_message:
            last = f"galat terakhir dari Telegram: {info.last_error_message}"
            found.append(Finding(WARN, "Webhook Telegram", last))
    else:
        found.append(Finding(WARN, "Webhook Telegram", "tidak terdaftar: pakai `siaga telegram` "
                             "(polling) atau `siaga telegram set-webhook URL`"))  # fmt: skip
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
        return [Finding(WARN, "WhatsApp", "tidak diatur: kanal WhatsApp mati")]
    if missing:
        return [Finding(FAIL, "WhatsApp", "belum lengkap: " + ", ".join(missing))]
    if not s.whatsapp_template:
        return [Finding(WARN, "WhatsApp", "SIAGA_WHATSAPP_TEMPLATE kosong: siaran ke warga yang "
                        "tidak menulis 24 jam terakhir akan gagal")]  # fmt: skip
    if not s.whatsapp_news_template:
        return [Finding(WARN, "WhatsApp", "SIAGA_WHATSAPP_NEWS_TEMPLATE kosong: pesan untuk "
                        "orang yang tidak menulis 24 jam terakhir menunggu sampai mereka menulis, "
                        "tanpa pemberitahuan")]  # fmt: skip
    return [Finding(OK, "WhatsApp", f"nomor {s.whatsapp_phone_number_id}, templat "
                    f"{s.whatsapp_template} dan {s.whatsapp_news_template}")]  # fmt: skip
