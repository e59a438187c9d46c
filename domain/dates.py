"""A day as people type it: "28-11-2026", "28/11", "28 november", "kemarin", "wingi",
"3 hari lalu". Pure: the caller gives today's date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from domain.text import normalise

# Words for days relative to today, in Indonesian, Javanese and English.
RELATIVE = {
    "hari ini": 0, "tadi": 0, "barusan": 0, "saiki": 0, "dina iki": 0, "today": 0,
    "kemarin": 1, "kemaren": 1, "wingi": 1, "wingine": 1, "yesterday": 1,
    "kemarin lusa": 2, "lusa kemarin": 2, "wingi lusa": 2, "mbiyen wingi": 2,
    # last night: said the morning after, as a report is ("bapak meninggal tadi malam")
    "semalam": 1, "tadi malam": 1, "td malam": 1, "mau bengi": 1, "wingi bengi": 1,
    "last night": 1,
}  # fmt: skip
# A time of day after a relative day names the same day: "kemarin sore", "wingi bengi",
# "tadi pagi", "yesterday evening".
_TIME_OF_DAY = re.compile(
    r" (pagi|siang|sore|malam|subuh|dini hari|esuk|awan|bengi|morning|afternoon|evening|night)$"
)
MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "pebruari": 2, "february": 2,
    "mar": 3, "maret": 3, "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6, "jul": 7, "juli": 7, "july": 7, "agu": 8, "agt": 8,
    "agustus": 8, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10, "nov": 11, "nopember": 11,
    "november": 11, "des": 12, "desember": 12, "dec": 12, "december": 12,
}  # fmt: skip
_AGO = re.compile(r"^(\d{1,3}) ?(hari|dina|days?) ?(lalu|yang lalu|kepungkur|ago)$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?$")
_NAMED = re.compile(r"^(\d{1,2}) ([a-z]+)(?: (\d{4}))?$")


def parse_day(text: str, today: date) -> date | None:
    """The day meant, or None. A date without a year is the latest such day not after today."""
    words = " ".join(normalise(text).replace(",", " ").split())
    words = re.sub(r"^(tanggal|tgl|tgl\.|pada|on) ", "", words)
    if words in RELATIVE:
        return today - timedelta(days=RELATIVE[words])
    day = _TIME_OF_DAY.sub("", words)
    if day != words and day in RELATIVE:
        return today - timedelta(days=RELATIVE[day])
    ago = _AGO.match(words)
    if ago:
        return today - timedelta(days=int(ago.group(1)))
    numeric = _NUMERIC.match(words)
    if numeric:
        d, m, y = numeric.groups()
        return _day(int(d), int(m), _year(y), today)
    named = _NAMED.match(words)
    if named and named.group(2) in MONTHS:
        d, m, y = named.group(1), MONTHS[named.group(2)], named.group(3)
        return _day(int(d), m, _year(y), today)
    return None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _day(d: int, m: int, y: int | None, today: date) -> date | None:
    try:
        if y is not None:
            return date(y, m, d)
        found = date(today.year, m, d)
        return found if found <= today else date(today.year - 1, m, d)
    except ValueError:
        return None


def add_months(start: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (a membership of 2 Jan → 1 Apr is 2 months)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def add_years(day: date, years: int) -> date:
    year = day.year + years
    return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))
