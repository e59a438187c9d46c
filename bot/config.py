"""Settings from the environment (prefix SIAGA_) and .env; documented in .env.example."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.i18n import default_locales_dir
from bot.program_loader import default_program_path


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SIAGA_", env_file=".env", extra="ignore")

    data_dir: Path = Path("data")
    # Empty: an SQLite file in data_dir. PostgreSQL: postgresql+asyncpg://user:pw@host/db
    database_url: str = ""
    program_file: Path = Field(default_factory=default_program_path)
    locales_dir: Path = Field(default_factory=default_locales_dir)
    # Base64 Fernet key + HMAC key for NIKs at rest; empty: a key file in data_dir (mode 0600).
    nik_key: SecretStr = SecretStr("")
    privacy_notice_version: str = "2026-11-01"
    draft_retention_days: int = Field(default=30, ge=1, le=365)
    timezone: str = "Asia/Jakarta"
    log_format: str = "text"  # or "json"
    log_level: str = "INFO"
    # Admins as channel:id entries, comma-separated: "telegram:12345,console:dinas"
    admins: str = ""

    # Lurah invites expire after this many days; the quota period (empty: the calendar year)
    invite_days: int = Field(default=7, ge=1, le=90)
    quota_period: str = ""

    # Broadcasts wait during quiet hours (local time, hours 0-23; equal hours: no quiet time)
    quiet_hours_start: int = Field(default=21, ge=0, le=23)
    quiet_hours_end: int = Field(default=6, ge=0, le=23)
    # The quota reminder to every lurah: "<weekday> HH:MM" local time (mon … sun), or "off"
    quota_reminder: str = Field(
        default="mon 08:00",
        pattern=r"^(off|(mon|tue|wed|thu|fri|sat|sun) ([01]\d|2[0-3]):[0-5]\d)$",
    )
    # The weekly service-level summary to the Dinas (issue 30 item 2), the same form, or "off"
    service_summary: str = Field(
        default="mon 07:30",
        pattern=r"^(off|(mon|tue|wed|thu|fri|sat|sun) ([01]\d|2[0-3]):[0-5]\d)$",
    )
    # Outbox: messages per second to one channel (Telegram allows about 30), and how long a
    # row may stay "sending" before a crashed sender's rows are settled
    telegram_rate: float = Field(default=29.0, gt=0, le=1000)
    outbox_lease_seconds: float = Field(default=120.0, gt=0)

    # The web console's public address (sign-in links start with it), e.g. https://siaga.madiunkota.go.id
    console_url: str = "http://127.0.0.1:8080"

    # Telegram
    telegram_bot_username: str = ""  # for invite deep links t.me/<username>?start=<code>
    telegram_token: SecretStr = SecretStr("")
    telegram_api_url: str = "https://api.telegram.org"  # or a self-hosted Bot API server
    # Webhook secret (X-Telegram-Bot-Api-Secret-Token); empty: generated into data_dir
    telegram_webhook_secret: SecretStr = SecretStr("")

    # WhatsApp Cloud API: the business phone number's id, a system-user access token, the
    # app secret (signs webhooks), the verify token (webhook handshake), the Graph API version,
    # the approved template for broadcasts outside the 24-hour window (one body parameter),
    # the approved utility template that tells anyone else outside the window there is news
    # (one body parameter, one quick-reply button; README "WhatsApp templates"), messages per
    # second for the number, and distinct people a day reached outside the window
    whatsapp_phone_number_id: str = ""
    whatsapp_token: SecretStr = SecretStr("")
    whatsapp_app_secret: SecretStr = SecretStr("")
    whatsapp_verify_token: SecretStr = SecretStr("")
    whatsapp_api_url: str = "https://graph.facebook.com"
    whatsapp_api_version: str = "v21.0"
    whatsapp_template: str = ""
    whatsapp_template_language: str = "id"
    whatsapp_news_template: str = "siaga_kabar"
    whatsapp_rate: float = Field(default=70.0, gt=0, le=1000)
    whatsapp_daily_budget: int = Field(default=250, ge=1)

    # The outbox sender, the scheduler and broadcast progress run in this process. With several
    # workers, leave it on in exactly one: limits are kept per process, schedules are not locked.
    background: bool = True

    # HTTP server (`siaga serve`)
    host: str = "127.0.0.1"
    port: int = 8080

    def sqlite_path(self) -> Path:
        return self.data_dir / "siaga.db"

    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.sqlite_path()}"

    def webhook_secret_path(self) -> Path:
        return self.data_dir / "telegram-webhook.secret"

    def admin_ids(self) -> frozenset[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        for item in self.admins.split(","):
            channel, _, ext = item.strip().partition(":")
            if channel and ext:
                out.add((channel, ext))
        return frozenset(out)
