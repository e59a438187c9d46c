"""NIK (Nomor Induk Kependudukan) parsing — domain.md §2.

Structure: PP KK CC DDMMYY SSSS. DD is +40 for women. The region is where the NIK was first
issued, not where the person lives now, so a NIK from outside Kota Madiun is flagged, never
rejected. There is no check digit: a typo that keeps the structure valid cannot be detected,
which is why the conversation reads the number back in groups.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

_SEPARATORS = str.maketrans("", "", " .-_/\t\u00a0")

# Kemendagri province codes (Permendagri 58/2021 grammar, domain.md §1): 11–19 Sumatra,
# 21 Kepri, 31–36 Java, 51–53 Bali/Nusa Tenggara, 61–65 Kalimantan, 71–76 Sulawesi,
# 81–82 Maluku, 91–96 Papua (incl. the 2022 new provinces).
PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53}
    | {61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96}
)


_PROVINCE_CODES = frozenset(f"{p:02d}" for p in PROVINCES)


class NikError(StrEnum):
    EMPTY = "nik.empty"
    NOT_DIGITS = "nik.not_digits"
    TOO_SHORT = "nik.too_short"
    TOO_LONG = "nik.too_long"
    BAD_PROVINCE = "nik.bad_province"
    BAD_REGENCY = "nik.bad_regency"
    BAD_DISTRICT = "nik.bad_district"
    BAD_DATE = "nik.bad_date"
    FUTURE_DATE = "nik.future_date"
    SERIAL_ZERO = "nik.serial_zero"
    LOOKS_LIKE_KK = "nik.looks_like_kk"


class Sex(StrEnum):
    MALE = "L"
    FEMALE = "P"


class Nik(NamedTuple):  # a NamedTuple: immutable and cheap to build (screening makes millions)
    digits: str
    birth_date: date
    sex: Sex

    @property
    def province(self) -> str:
        return self.digits[:2]

    @property
    def regency(self) -> str:
        """Kab/kota code as four digits, e.g. "3577"."""
        return self.digits[:4]

    @property
    def district(self) -> str:
        """Kecamatan code as six digits, e.g. "357701"."""
        return self.digits[:6]

    @property
    def serial(self) -> str:
        return self.digits[12:]

    @property
    def last4(self) -> str:
        return self.digits[12:]

    def masked(self) -> str:
        return mask_digits(self.digits)

    def grouped(self) -> str:
        return group_digits(self.digits)

    def age_on(self, on: date) -> int:
        return age_on(self.birth_date, on)

    def region_dotted(self) -> str:
        d = self.digits
        return f"{d[:2]}.{d[2:4]}.{d[4:6]}"


def group_digits(digits: str) -> str:
    """Read-back form for confirmation: "3577 01 570880 0001"."""
    return f"{digits[:4]} {digits[4:6]} {digits[6:12]} {digits[12:]}"


def mask_digits(digits: str) -> str:
    """The one masked form for showing or logging a NIK (DESIGN.md): 3577 01•• •••• 0001."""
    if len(digits) != 16:
        return "•" * 4
    return f"{digits[:4]} {digits[4:6]}•• •••• {digits[12:]}"


def age_on(born: date, on: date) -> int:
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


class NikResult(NamedTuple):
    nik: Nik | None
    error: NikError | None

    @property
    def ok(self) -> bool:
        return self.nik is not None


def compact(text: str) -> str:
    return text.translate(_SEPARATORS)


def _valid_day(year: int, month: int, day: int) -> bool:
    if month < 1 or month > 12 or day < 1:
        return False
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return day <= (29 if leap else 28)
    return day <= (30 if month in (4, 6, 9, 11) else 31)


def _birth_date(dd: int, mm: int, yy: int, on: date) -> date | None:
    """The century that puts 0 ≤ age < 100 on the check date (domain.md §2.2, rule 5)."""
    for century in (2000, 1900):
        year = century + yy
        if not _valid_day(year, mm, dd):
            continue  # 29 Feb exists in 2000 but not 1900
        born = date(year, mm, dd)
        if born <= on and age_on(born, on) < 100:
            return born
    return None


@lru_cache(maxsize=65536)
def decode_birth(ddmmyy: str, on: date) -> tuple[date, Sex] | NikError:
    """DDMMYY → birth date and sex. Cached: a city's list has far fewer distinct birth dates
    than people."""
    dd, mm, yy = int(ddmmyy[:2]), int(ddmmyy[2:4]), int(ddmmyy[4:])
    sex = Sex.MALE
    if dd > 40:
        dd -= 40
        sex = Sex.FEMALE
    if not (_valid_day(2000 + yy, mm, dd) or _valid_day(1900 + yy, mm, dd)):
        # A Nomor KK carries the same region prefix (domain.md §2.2 rule 9); a day or month of
        # "00" in the middle block cannot be a birth date, so say "this looks like a KK".
        if dd == 0 or mm == 0:
            return NikError.LOOKS_LIKE_KK
        return NikError.BAD_DATE
    born = _birth_date(dd, mm, yy, on)
    if born is None:
        return NikError.FUTURE_DATE
    return born, sex


def region_error(
    district: str, city_districts: frozenset[str] | None = None, city: str = "3577"
) -> NikError | None:
    """What is wrong with a NIK's first six digits (province, kab/kota, kecamatan), if any."""
    if district[:2] not in _PROVINCE_CODES:
        return NikError.BAD_PROVINCE
    if district[2:4] == "00":
        return NikError.BAD_REGENCY
    if district[4:6] == "00":
        return NikError.BAD_DISTRICT
    if city_districts is not None and district[:4] == city and district not in city_districts:
        return NikError.BAD_DISTRICT
    return None


def parse_nik(
    text: str, on: date, city_districts: frozenset[str] | None = None, city: str = "3577"
) -> NikResult:
    """Parse a typed NIK. city_districts, when given, are the kecamatan codes that exist in
    `city` (e.g. {"357701", "357702", "357703"}); a NIK of that city with another kecamatan
    code does not exist."""
    raw = text if len(text) == 16 and text.isdigit() else compact(text)
    if not raw:
        return NikResult(None, NikError.EMPTY)
    if not raw.isdigit() or not raw.isascii():
        return NikResult(None, NikError.NOT_DIGITS)
    if len(raw) < 16:
        return NikResult(None, NikError.TOO_SHORT)
    if len(raw) > 16:
        return NikResult(None, NikError.TOO_LONG)
    region = region_error(raw[:6], city_districts, city)
    if region is not None:
        return NikResult(None, region)
    decoded = decode_birth(raw[6:12], on)
    if isinstance(decoded, NikError):
        return NikResult(None, decoded)
    born, sex = decoded
    if raw[12:] == "0000":
        return NikResult(None, NikError.SERIAL_ZERO)
    return NikResult(Nik(raw, born, sex), None)
