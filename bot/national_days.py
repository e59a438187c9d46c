"""Indonesia's national holidays and cuti bersama from the `holidays` package (vacanza/holidays;
categories "public" and "government", the second being the cuti bersama of each SKB 3 Menteri),
for the calendar the composition root builds (issue 30 item 4).

The package is read in a short-lived child process (`python -m bot.national_days FIRST LAST`
prints the dates), never in the worker: importing it and building Indonesia's calendar loads
about 300 modules, 16 MB of RSS that would stay for the worker's life (measured 2026-12-07,
holidays 0.109: +8 MB on `import holidays`, +8 MB more once a country's calendar is asked for,
as the package loads every country's module). The worker keeps only the dates, a few KB.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.program import Program

log = logging.getLogger("siaga.calendar")

CATEGORIES = ("public", "government")
_known: dict[tuple[int, int], tuple[str, frozenset[date]]] = {}


async def national_days_off(first: int, last: int) -> tuple[str, frozenset[date]]:
    """The package's version and the days off it knows from `first` to `last` (years,
    inclusive), read once per process. On failure no days, said in the log: deadlines then
    skip only the program file's days, early over a holiday as before the calendar existed."""
    if (first, last) in _known:
        return _known[(first, last)]
    child = None
    try:
        child = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.national_days", str(first), str(last),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await asyncio.wait_for(child.communicate(), timeout=120)
    except asyncio.CancelledError:
        # start-up failed beside us (a missing key): the child is ended and reaped here, or
        # its pipes outlive the event loop and print a traceback at exit
        if child is not None and child.returncode is None:
            child.kill()
            await child.wait()
        raise
    except (OSError, TimeoutError) as exc:
        if child is not None and child.returncode is None:
            child.kill()
            await child.wait()
        log.error("national holidays not read (%s): only the program file's days off count",
                  type(exc).__name__)  # fmt: skip
        return "", frozenset()
    if child.returncode != 0:
        why = (err.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        log.error("national holidays not read (%s): only the program file's days off count",
                  why[:200])  # fmt: skip
        return "", frozenset()
    version, *days = out.decode().split()
    found = version, frozenset(date.fromisoformat(d) for d in days)
    _known[(first, last)] = found
    return found


async def with_national_days(program: Program, now: datetime) -> Program:
    """`program` counting the national holidays and cuti bersama as well as its own days off,
    from last year to two years ahead and for every year it has a decree for. A worker running
    past that range counts weekdays and the program file's days until it restarts."""
    rules = program.calendar_rules
    years = (now.year - 1, now.year + 2, *rules.years)
    version, national = await national_days_off(min(years), max(years))
    if version and f"holidays {version}" != rules.checked_with:
        log.warning("holidays %s is installed, the program file's decrees were checked "
                    "against %s: check its dates against the SKB again", version,
                    rules.checked_with)  # fmt: skip
    return program.with_calendar(rules.calendar(national))


def _print_days(first: int, last: int) -> None:
    from importlib.metadata import version

    import holidays

    found = holidays.country_holidays("ID", years=range(first, last + 1), categories=CATEGORIES)
    print(version("holidays"))
    for day in sorted(found):
        print(day.isoformat())


if __name__ == "__main__":
    _print_days(int(sys.argv[1]), int(sys.argv[2]))
