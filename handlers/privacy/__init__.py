"""Privacy (UU 27/2022): /dataku, /hapus, and reminders as a purpose of their own.

The public surface others use; the modules inside are this capability's own."""

from __future__ import annotations

from handlers.core.capability import Capability
from handlers.privacy import privacy
from handlers.privacy.port import PrivacyStore

CAPABILITY = Capability("privacy", flows=(privacy.PRIVACY,), notices=privacy.NOTICES)

__all__ = ["CAPABILITY", "PrivacyStore"]
