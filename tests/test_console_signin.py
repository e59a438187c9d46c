"""Issue 26 items 8 and 11: who may be at the console, and how a sign-in link is spent.

Item 11: the /masuk link was sent with Telegram's link preview on, and one GET spent it, so
Telegram's preview fetcher used it up before the officer tapped it. Now it is sent without a
preview, and the link's page only offers a Masuk button: a POST from that page (carrying a
cookie the page set, which a form on another site cannot send) spends it.

Item 8: a removed reviewer re-invited before their old cookie was used kept the old session
(it was checked only lazily, against a role and kelurahan that matched again). Removing or
moving a reviewer now ends their sessions in the same transaction."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import func, select

from bot.app import App
from bot.db import schema as t
from handlers.core.records import Role
from handlers.officers import admin
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.harness import Person
from tests.test_console import csrf, link_for, press
from tests.test_review import KELUN, TAMAN, act, make
from tests.test_telegram import CHAT, Polling

COOKIE = "siaga_konsol"


async def test_opening_the_link_spends_nothing_until_masuk_is_pressed(
    siaga: App, web: httpx.AsyncClient
) -> None:
    await make(siaga, "lk", Role.LURAH, KELUN)
    link = await link_for(siaga, "lk")
    for _ in range(3):  # a preview fetcher, a virus scanner, the officer: all only look
        page = await web.get(link)
        assert page.status_code == 200 and 'id="masuk"' in page.text
        assert COOKIE not in web.cookies
    assert (await web.get("/konsol/")).status_code == 401
    pressed = await web.post(link, data={"csrf": csrf(page)})
    assert pressed.status_code == 303 and pressed.headers["location"] == "/konsol/"
    assert COOKIE in web.cookies and (await web.get("/konsol/")).status_code == 200
    again = await web.post(link, data={"csrf": csrf(page)})
    assert again.status_code == 410  # used once
    assert (await web.get(link)).status_code == 410


async def test_a_press_from_another_site_does_not_sign_anyone_in(
    siaga: App, web: httpx.AsyncClient
) -> None:
    """Login CSRF: a page elsewhere that posts the attacker's own link would sign the victim
    in as the attacker. It cannot carry the cookie the link's page set (SameSite=Strict)."""
    await make(siaga, "lk", Role.LURAH, KELUN)
    link = await link_for(siaga, "lk")
    token = csrf(await web.get(link))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=siaga.web(None)),
                                 base_url="http://siaga") as elsewhere:  # fmt: skip
        forged = await elsewhere.post(link, data={"csrf": token})
        assert forged.status_code == 403 and COOKIE not in elsewhere.cookies
        bare = await elsewhere.post(link)
        assert bare.status_code == 403
    assert (await web.post(link, data={"csrf": token})).status_code == 303  # still unspent


async def test_the_link_goes_out_without_a_preview(fake: FakeTelegram, tmp_path: Path) -> None:
    """Through the real aiogram Bot to the fake Bot API: the /masuk reply asks Telegram not
    to preview its link; other replies are sent as before."""
    from bot.app import build
    from bot.channels.telegram.factory import make_bot
    from bot.config import Settings
    from handlers.core.messages import UserRef

    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url)  # type: ignore[arg-type]  # fmt: skip
    siaga = await build(settings)
    channel = siaga.telegram(make_bot(settings))
    async with siaga.store() as store:
        lurah = await store.person(UserRef("telegram", str(CHAT)), "id", siaga.clock())
        lurah.role, lurah.kelurahan_code = Role.LURAH, KELUN
        await store.save_person(lurah)
        await store.commit()
    p = Polling(fake, (siaga, channel))
    try:
        said = await p.send(fake.message(CHAT, "/masuk"))
        assert "/konsol/masuk/" in said
        _, params = [c for c in fake.calls if c[0] == "sendMessage"][-1]
        assert params.get("link_preview_options", {}).get("is_disabled") is True
        await p.send(fake.message(CHAT, "/start"))
        _, other = [c for c in fake.calls if c[0] == "sendMessage"][-1]
        assert "link_preview_options" not in other
    finally:
        await p.close()
        await siaga.close()
        await channel.close()


async def sessions_of(siaga: App, person_id: int) -> int:
    async with siaga.store() as store:
        q = select(func.count()).select_from(t.console_sessions)
        return int(await store.conn.scalar(q.where(t.console_sessions.c.person_id == person_id)))


async def test_a_removed_reviewer_s_session_ends_even_if_they_are_invited_back(
    siaga: App, web: httpx.AsyncClient
) -> None:
    boss = await make(siaga, "dinas", Role.ADMIN)
    lurah = await make(siaga, "lk", Role.LURAH, KELUN)
    assert (await press(web, await link_for(siaga, "lk"))).status_code == 303
    assert (await web.get("/konsol/")).status_code == 200
    await act(siaga, admin.remove_reviewer, boss, str(lurah.id))
    assert await sessions_of(siaga, lurah.id) == 0  # ended with the removal, not later
    reply = await act(siaga, admin.create_invite, boss, "Kelun")
    await Person(siaga, "lk").say(f"/lurah {reply.parts[0].args['code']}")  # the same rights
    async with siaga.store() as store:
        back = await store.person_by_id(lurah.id)
    assert back is not None and (back.role, back.kelurahan_code) == (Role.LURAH, KELUN)
    assert (await web.get("/konsol/")).status_code == 401  # the old cookie opens nothing


async def test_a_reviewer_moved_to_another_kelurahan_signs_in_again(
    siaga: App, web: httpx.AsyncClient
) -> None:
    boss = await make(siaga, "dinas", Role.ADMIN)
    lurah = await make(siaga, "lk", Role.LURAH, KELUN)
    assert (await press(web, await link_for(siaga, "lk"))).status_code == 303
    reply = await act(siaga, admin.create_invite, boss, "Taman")
    await Person(siaga, "lk").say(f"/lurah {reply.parts[0].args['code']}")
    assert await sessions_of(siaga, lurah.id) == 0
    assert (await web.get("/konsol/")).status_code == 401
    async with siaga.store() as store:
        moved = await store.person_by_id(lurah.id)
    assert moved is not None and moved.kelurahan_code == TAMAN
