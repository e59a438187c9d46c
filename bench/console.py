"""The web console at the city's size (issue 19): PostgreSQL filled with 20,000 nominations over
the 27 kelurahan and 100,000 audit rows; each page requested many times through the real HTTP
app (in-process ASGI, so the time is the server's own); p50 and p95 per page, and EXPLAIN of
the overview's and the queue's queries.

    python bench/console.py --postgres postgresql+asyncpg://postgres@127.0.0.1:5432 [--runs 30]

Target: p95 ≤ 150 ms per page."""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from sqlalchemy import func, insert, select, update

from bench.load import fresh_database
from bench.synthetic import synthetic_nik
from bot.app import build
from bot.config import Settings
from bot.db import schema as t
from bot.web.console.session import digest
from domain.nik import mask_digits
from handlers.core.messages import UserRef
from handlers.core.records import Role

NOMINATIONS, AUDIT = 20_000, 100_000
NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
STATUSES = ["pending"] * 5 + ["approved"] * 3 + ["registered"] * 4 + ["rejected", "withdrawn"]


async def fill(siaga, rng: random.Random) -> tuple[int, int, str]:  # type: ignore[no-untyped-def]
    kels = [k.code for k in siaga.program.regions.all_kelurahan]
    occupations = [o.code for o in siaga.program.occupations.occupations]
    started = time.perf_counter()
    async with siaga.store() as store:
        seen: set[str] = set()
        rows = []
        while len(rows) < NOMINATIONS:
            nik = synthetic_nik(rng, NOW.date())
            if nik in seen:
                continue
            seen.add(nik)
            filed = NOW - timedelta(days=rng.randint(0, 300), minutes=rng.randint(0, 1440))
            status = rng.choice(STATUSES)
            rows.append({
                "ref": f"PJK-B{len(rows):05d}", "person_id": None, "filed_by": None,
                "kelurahan_code": rng.choice(kels), "name": f"Warga Uji {len(rows)}",
                "nik_enc": store.seal_nik(nik), "nik_index": store.vault.index(nik),
                "nik_masked": mask_digits(nik),
                "answers": {"occupation": rng.choice(occupations), "age": rng.randint(18, 65)},
                "verdict": rng.choice(["likely_eligible", "needs_review"]),
                "reasons": ["age.in_range:pass"], "priority": rng.randint(0, 3),
                "status": status, "created_at": filed, "updated_at": filed,
                "decided_at": filed + timedelta(days=2) if status != "pending" else None,
                "on_behalf": False,
            })  # fmt: skip
        for i in range(0, len(rows), 2000):
            await store.conn.execute(insert(t.nominations), rows[i : i + 2000])
        ids = list((await store.conn.execute(select(t.nominations.c.id))).scalars())
        audit = [{
            "at": NOW - timedelta(minutes=rng.randint(0, 400_000)), "actor": None,
            "action": rng.choice(["nomination.filed", "nomination.approved", "ticket.opened"]),
            "nomination_id": rng.choice(ids), "subject": None, "before": None, "after": None,
            "outcome": "ok", "detail": "",
        } for _ in range(AUDIT)]  # fmt: skip
        for i in range(0, len(audit), 5000):
            await store.conn.execute(insert(t.audit_log), audit[i : i + 5000])
        await store.set_quota("2026", 20_000, NOW)
        admin = await store.person(UserRef("console", "bench-dinas"), "", NOW)
        lurah = await store.person(UserRef("console", "bench-lurah"), "", NOW)
        lurah.role, lurah.kelurahan_code = Role.LURAH, kels[0]
        await store.save_person(lurah)
        await store.conn.execute(update(t.people).where(t.people.c.id == admin.id)
                                 .values(role=Role.ADMIN.value))  # fmt: skip
        for who, person, kel in (("dinas", admin, None), ("lurah", lurah, kels[0])):
            role = "admin" if who == "dinas" else "lurah"
            await store.add_console_session(digest(f"bench-{who}"), person.id, role, kel,
                                            "csrf", NOW)  # fmt: skip
        one = (await store.conn.execute(
            select(t.nominations.c.id).where(t.nominations.c.kelurahan_code == kels[0]).limit(1)
        )).scalar_one()  # fmt: skip
        await store.commit()
        print(f"filled {NOMINATIONS} nominations, {AUDIT} audit rows in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    return admin.id, one, kels[0]


async def measure(siaga, nid: int, runs: int) -> None:  # type: ignore[no-untyped-def]
    app = siaga.web(None)
    pages = [("dinas", "/konsol/"), ("dinas", "/konsol/antrean"),
             ("dinas", "/konsol/antrean?status=approved"), ("lurah", "/konsol/antrean"),
             ("lurah", f"/konsol/usulan/{nid}"), ("dinas", f"/konsol/usulan/{nid}")]  # fmt: skip
    print(f"\n{'page':<40} {'who':<6} {'p50 ms':>8} {'p95 ms':>8}")
    for who, path in pages:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://siaga",
                                     cookies={"siaga_konsol": f"bench-{who}"}) as web:  # fmt: skip
            await web.get(path)  # warm: templates compiled, caches filled
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                r = await web.get(path)
                times.append((time.perf_counter() - started) * 1000)
                assert r.status_code == 200, (path, r.status_code)
        p95 = statistics.quantiles(times, n=20)[18]
        print(f"{path:<40} {who:<6} {statistics.median(times):>8.1f} {p95:>8.1f}")


async def explain(siaga, kel: str) -> None:  # type: ignore[no-untyped-def]
    n = t.nominations
    overview = select(n.c.kelurahan_code, n.c.status, func.count(), func.min(n.c.created_at),
                      func.max(n.c.updated_at)).group_by(n.c.kelurahan_code, n.c.status)  # fmt: skip
    queue = (select(n.c.id).where(n.c.kelurahan_code == kel, n.c.status.in_(["pending"]))
             .order_by(n.c.priority.desc(), n.c.created_at, n.c.id).limit(400))  # fmt: skip
    async with siaga.store() as store:
        for name, q in (("overview", overview), ("queue of one kelurahan", queue)):
            sql = str(q.compile(dialect=store.conn.dialect, compile_kwargs={"literal_binds": True}))
            plan = await store.conn.exec_driver_sql(f"EXPLAIN ANALYZE {sql}")
            print(f"\nEXPLAIN ANALYZE, {name}:")
            for row in plan:
                print("  " + row[0])


async def vacuum(url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    await conn.execute("VACUUM ANALYZE")
    await conn.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=os.environ.get("SIAGA_BENCH_POSTGRES", ""))
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if not args.postgres:
        sys.exit("give --postgres postgresql+asyncpg://user@host:port (a server URL)")
    url = await fresh_database(args.postgres)
    with tempfile.TemporaryDirectory() as data:
        siaga = await build(
            Settings(data_dir=Path(data), database_url=url, admins="console:bench-dinas")
        )
        siaga.clock = lambda: NOW
        try:
            _, nid, kel = await fill(siaga, random.Random(19))
            await vacuum(url)  # as autovacuum would have: statistics and the visibility map
            await measure(siaga, nid, args.runs)
            await explain(siaga, kel)
        finally:
            await siaga.close()


if __name__ == "__main__":
    asyncio.run(main())
