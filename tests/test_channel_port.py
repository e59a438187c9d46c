"""The channel port's contract, written once and run against every channel: Telegram and
WhatsApp through their real clients over HTTP to fake platforms, the console on a stream.
A new channel (SMS, a web chat) gets a rig here and must pass the same tests."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.app import App, build
from bot.channels.port import Channel, Delivery, Envelope, Limits
from bot.channels.telegram.factory import make_bot
from bot.channels.whatsapp.client import WhatsAppClient
from bot.config import Settings
from handlers.core.messages import Button, Kind, Msg, Outgoing, Raw, Reply
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.fake_whatsapp import (
    PHONE_ID,
    VERSION,
    FakeGraph,
    media_message,
    reply_message,
    text_message,
)
from tests.fake_whatsapp import TOKEN as WA_TOKEN

CHANNELS = ("telegram", "whatsapp", "console")


@dataclass
class Rig:
    """A channel, and how its platform looks from outside."""

    channel: Channel
    person: str  # the id a message from our test person carries
    text: Callable[[str], Any]  # the raw request for a typed message
    button: Callable[[str], Any]  # the raw request for a pressed button
    junk: list[Any]  # requests that are no message at all
    received: Callable[[], list[str]]  # what the person has read, oldest first
    voice: Callable[[], Any] | None  # the raw request for a voice note (None: no media)
    refuse: Callable[[str], str] | None  # make the platform answer the next send so
    # ("blocked", "throttled", "down"), returning the outcome that must be reported; None: the
    # channel has no platform to refuse


@pytest.fixture(params=CHANNELS)
async def rig(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Rig]:
    app = await build(Settings(data_dir=tmp_path / "data", quota_reminder="off"))
    try:
        if request.param == "telegram":
            async for r in _telegram(app, tmp_path):
                yield r
        elif request.param == "whatsapp":
            async for r in _whatsapp(app):
                yield r
        else:
            yield _console(app)
    finally:
        await app.close()


async def _telegram(app: App, tmp_path: Path) -> AsyncIterator[Rig]:
    fake = FakeTelegram()
    await fake.start()
    settings = Settings(data_dir=tmp_path / "data", telegram_token=TOKEN,
                        telegram_api_url=fake.base_url)  # type: ignore[arg-type]  # fmt: skip
    channel = app.telegram(make_bot(settings))
    codes = {"blocked": (403, 0), "throttled": (429, 3), "down": (502, 0)}

    def refuse(how: str) -> str:
        fake.errors["sendMessage"] = [codes[how]]
        return Delivery.BLOCKED if how == "blocked" else Delivery.RETRY

    try:
        yield Rig(
            channel, "777", lambda t: fake.message(777, t), lambda d: fake.callback(777, d),
            [{}, {"update_id": 1}, {"update_id": 2, "message": 5}, "x", [1],
             {"update_id": 3, "edited_message": {"message_id": 1, "date": 0,
                                                 "chat": {"id": 777, "type": "private"}}}],
            lambda: [s.text for s in fake.to(777)],
            lambda: fake.message(777, None, voice={
                "file_id": "VOICE-1", "file_unique_id": "v1", "duration": 12,
                "mime_type": "audio/ogg", "file_size": 20480}),
            refuse,
        )  # fmt: skip
    finally:
        await channel.close()
        await fake.stop()


async def _whatsapp(app: App) -> AsyncIterator[Rig]:
    graph = FakeGraph()
    await graph.start()
    channel = app.whatsapp(WhatsAppClient(graph.base_url, VERSION, PHONE_ID, WA_TOKEN))
    assert channel is not None
    who = "ID.5550001"
    graph.last_inbound[who] = graph.clock()  # they wrote a moment ago: the window is open
    codes = {"blocked": (400, 131031), "throttled": (429, 130429), "down": (500, 1)}

    def refuse(how: str) -> str:
        graph.errors.append(codes[how])
        # WhatsApp never says "blocked": a restricted or unreachable account is refused for good
        return Delivery.FAILED if how == "blocked" else Delivery.RETRY

    try:
        yield Rig(
            channel, who, lambda t: text_message(who, t),
            lambda d: reply_message(who, d, "Ya"),
            [{}, {"entry": 5}, {"entry": [{"changes": [{"value": "x"}]}]}, "x", [1]],
            lambda: [m.text for m in graph.to(who)],
            lambda: media_message(who, "audio", id="MEDIA-1", mime_type="audio/ogg; codecs=opus",
                                  voice=True),
            refuse,
        )  # fmt: skip
    finally:
        await channel.close()
        await graph.stop()


def _console(app: App) -> Rig:
    out = io.StringIO()
    channel = app.console("warga", jsonl=True, out=out)

    def received() -> list[str]:
        return [json.loads(line)["text"] for line in out.getvalue().splitlines()]

    # a terminal has no buttons to press: a typed line is all it sends
    return Rig(channel, "warga", lambda t: t, lambda d: d, [None, 5, {"x": 1}], received, None,
               None)  # fmt: skip


def _reply(words: str, *buttons: str) -> Outgoing:
    return Outgoing("id", [Reply((Msg("lines-join", {"first": Raw(words), "rest": Raw("")}),),
                                 tuple(Button(Msg("btn-yes"), b) for b in buttons))])  # fmt: skip


async def test_a_typed_message_is_parsed_as_text_from_its_sender(rig: Rig) -> None:
    parsed = rig.channel.parse(rig.text("mau daftar"))
    [item] = parsed.inbound
    assert item.incoming.kind is Kind.TEXT and item.incoming.text == "mau daftar"
    assert item.incoming.user.channel == rig.channel.name
    assert item.incoming.user.external_id == rig.person


async def test_a_pressed_button_is_parsed_with_its_data(rig: Rig) -> None:
    [item] = rig.channel.parse(rig.button("1|ya")).inbound
    if rig.channel.name == "console":  # a line typed at a terminal is text, buttons or not
        assert item.incoming.kind is Kind.TEXT
    else:
        assert item.incoming.kind is Kind.BUTTON and item.incoming.data == "1|ya"


async def test_a_voice_note_is_parsed_with_the_reference_that_forwards_it(rig: Rig) -> None:
    if rig.voice is None:
        pytest.skip("a terminal sends no media")
    [item] = rig.channel.parse(rig.voice()).inbound
    media = item.incoming.media
    assert item.incoming.kind is Kind.MEDIA and media is not None
    assert media.kind == "voice" and media.ref in ("VOICE-1", "MEDIA-1")
    assert media.mime.startswith("audio/ogg")


async def test_junk_parses_to_nothing_and_raises_nothing(rig: Rig) -> None:
    for raw in rig.junk:
        assert rig.channel.parse(raw).inbound == [], raw


async def test_delivering_a_message_reaches_the_person_whole_and_says_sent(rig: Rig) -> None:
    long = "Kalimat yang panjang & berisi. " * 400  # past every platform's one-message limit
    result = await rig.channel.deliver(rig.person, _reply(long + "akhir", "1|ya"))
    assert result.status == Delivery.SENT
    got = "".join(rig.received()).replace("\n", " ")
    assert "akhir" in got and got.count("&") >= 400  # nothing cut, nothing escaped twice


async def test_a_second_attempt_skips_the_pieces_that_went(rig: Rig) -> None:
    """Issue 26 item 13: what the first attempt sent is counted, and a retry told to skip it
    sends only the rest."""
    out = Outgoing("id", [*_reply("Kalimat panjang. " * 400 + "akhir").replies,
                          *_reply("Pesan kedua").replies])  # fmt: skip
    first = await rig.channel.deliver(rig.person, out)
    everything = rig.received()
    assert first.status == Delivery.SENT and first.pieces == len(everything) >= 2
    again = await rig.channel.deliver(rig.person, out, Envelope(skip=first.pieces - 1))
    assert again.status == Delivery.SENT and again.pieces == 1
    assert rig.received() == [*everything, everything[-1]]  # only the last piece, again


async def test_acknowledging_never_fails(rig: Rig) -> None:
    for item in rig.channel.parse(rig.button("1|ya")).inbound:
        await rig.channel.acknowledge(item, answered=True)
        await rig.channel.acknowledge(item, answered=False)


@pytest.mark.parametrize("how", ["blocked", "throttled", "down"])
async def test_a_refusal_is_classified_and_nothing_is_retried_inside(rig: Rig, how: str) -> None:
    if rig.refuse is None:
        pytest.skip("no platform that could refuse")
    expected = rig.refuse(how)
    result = await rig.channel.deliver(rig.person, _reply("halo"))
    assert result.status == expected
    assert rig.received() == []  # one attempt: the retry policy is the delivery path's
    if how == "throttled" and rig.channel.name == "telegram":
        assert result.retry_after == 3.0  # the platform's word on how long to wait


async def test_limits_are_declared_for_the_delivery_path(rig: Rig) -> None:
    limits = rig.channel.limits
    assert isinstance(limits, Limits)
    assert limits.per_second > 0 and limits.max_text >= 1000 and limits.max_buttons >= 3


async def test_a_message_in_place_of_another_is_an_edit_only_where_the_channel_can(
    rig: Rig,
) -> None:
    first = await rig.channel.deliver(rig.person, _reply("Terkirim 1 dari 9"))
    assert first.status == Delivery.SENT
    again = await rig.channel.deliver(rig.person, _reply("Terkirim 5 dari 9"),
                                      Envelope(replace=first.message_id or "1"))  # fmt: skip
    assert again.status == Delivery.SENT
    if rig.channel.limits.can_edit:
        assert len(rig.received()) == 1  # changed in place: still one message
    else:
        assert len(rig.received()) == 2
