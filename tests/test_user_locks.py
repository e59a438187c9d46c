"""One person's updates run one at a time, in arrival order; nobody's lock outlives their
updates (a city's worth of people must not pile up in memory)."""

from __future__ import annotations

import asyncio

from bot.app import App
from bot.delivery.handling import UserLocks
from tests.harness import Person


async def test_one_users_updates_run_in_order_and_others_alongside() -> None:
    locks = UserLocks()
    log: list[tuple[str, int, str]] = []

    async def update(user: str, n: int) -> None:
        async with locks.hold(("telegram", user)):
            log.append((user, n, "in"))
            await asyncio.sleep(0.01)
            log.append((user, n, "out"))

    await asyncio.gather(*(update(u, n) for n in range(5) for u in ("a", "b")))
    for user in ("a", "b"):
        mine = [(n, what) for u, n, what in log if u == user]
        assert mine == [(n, what) for n in range(5) for what in ("in", "out")]
    # a and b overlapped: b's first update started before a's first one finished
    assert log.index(("b", 0, "in")) < log.index(("a", 0, "out"))
    assert len(locks) == 0


async def test_a_lock_is_released_when_the_update_fails() -> None:
    locks = UserLocks()

    async def failing() -> None:
        async with locks.hold(("telegram", "x")):
            raise RuntimeError("bug")

    results = await asyncio.gather(failing(), failing(), return_exceptions=True)
    assert all(isinstance(r, RuntimeError) for r in results)
    assert len(locks) == 0
    async with asyncio.timeout(1):  # not left locked
        async with locks.hold(("telegram", "x")):
            pass


async def test_no_lock_is_kept_for_people_after_their_messages(siaga: App) -> None:
    people = [Person(siaga, f"crowd-{i}") for i in range(200)]
    await asyncio.gather(*(p.say("halo") for p in people))
    assert all(p.text for p in people)
    assert len(siaga.conversations.locks) == 0
